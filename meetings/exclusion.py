"""Exclusion of the press and public, under s100A(4) of the Local Government Act 1972.

Part II business is taken at the end of the meeting, after a resolution excluding the press
and public that names the paragraphs of Part 1 of Schedule 12A the exempt items fall under. The
agenda and the pack print that standard item just before the first Part II item; it is made
from the items, never stored, so it always names the paragraphs the agenda holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from meetings.models import AgendaItem

TITLE = "Exclusion of the press and public"


@dataclass(frozen=True)
class Exclusion:
    """The standard item that precedes the Part II business."""

    before: AgendaItem  # the first Part II item
    paragraphs: tuple[int, ...]

    title = TITLE

    @property
    def paragraph_words(self) -> str:
        numbers = [str(n) for n in self.paragraphs]
        if len(numbers) == 1:
            return f"paragraph {numbers[0]}"
        return f"paragraphs {', '.join(numbers[:-1])} and {numbers[-1]}"

    @property
    def text(self) -> str:
        return (
            "To resolve that the press and public be excluded from the meeting during "
            "consideration of the following items of business, on the grounds that they involve "
            f"the likely disclosure of exempt information as defined in {self.paragraph_words} "
            "of Part 1 of Schedule 12A to the Local Government Act 1972, and that in all the "
            "circumstances the public interest in maintaining the exemption outweighs the "
            "public interest in disclosing the information."
        )


def exclusion_for(items: Iterable[AgendaItem]) -> Exclusion | None:
    """The exclusion item for an agenda (items in agenda order), or None without Part II."""
    exempt = [item for item in items if item.is_exempt]
    if not exempt:
        return None
    paragraphs = tuple(sorted({item.exempt_paragraph for item in exempt if item.exempt_paragraph}))
    return Exclusion(before=exempt[0], paragraphs=paragraphs)


def part_ii_out_of_order(items: Iterable[AgendaItem]) -> str:
    """Why the agenda cannot be published as it stands ("" when it can): every Part II item
    must come after all the Part I business, so the public can stay for the whole of Part I."""
    items = list(items)
    exempt = [item for item in items if item.is_exempt]
    if not exempt:
        return ""
    first_exempt = exempt[0]
    later_public = [
        item for item in items if not item.is_exempt and item.position > first_exempt.position
    ]
    if not later_public:
        return ""
    last_public = later_public[-1]
    return (
        f"Part II business must come after all the Part I business: move item "
        f"{first_exempt.position} ({first_exempt.title}) below item {last_public.position} "
        f"({last_public.title})."
    )
