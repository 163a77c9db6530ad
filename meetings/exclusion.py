"""Exclusion of the press and public: under s100A(4) of the Local Government Act 1972, or on
NHS public-interest grounds.

Part II business is taken at the end of the meeting, after a resolution excluding the press
and public. A council body's resolution names the paragraphs of Part 1 of Schedule 12A the
exempt items fall under; an ICB's or NHS trust's board and committees exclude the public under
their standing orders because publicity would be prejudicial to the public interest, stating
the reason for each item. Which of the two a body uses is in its terms of reference
(`exemption_regime`). The agenda and the pack print the standard item just before the first
Part II item; it is made from the items, never stored, so it always names the grounds the
agenda holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from governance.models import Body
from governance.models.terms import ExemptionRegime, exemption_regime
from meetings.models import AgendaItem

TITLE = "Exclusion of the press and public"


@dataclass(frozen=True)
class Exclusion:
    """The standard item that precedes the Part II business."""

    before: AgendaItem  # the first Part II item
    paragraphs: tuple[int, ...]
    reasons: tuple[str, ...] = ()

    title = TITLE

    @property
    def paragraph_words(self) -> str:
        numbers = [str(n) for n in self.paragraphs]
        if len(numbers) == 1:
            return f"paragraph {numbers[0]}"
        return f"paragraphs {', '.join(numbers[:-1])} and {numbers[-1]}"

    @property
    def text(self) -> str:
        if self.reasons and not self.paragraphs:
            return self.nhs_text
        text = (
            "To resolve that the press and public be excluded from the meeting during "
            "consideration of the following items of business, on the grounds that they involve "
            f"the likely disclosure of exempt information as defined in {self.paragraph_words} "
            "of Part 1 of Schedule 12A to the Local Government Act 1972, and that in all the "
            "circumstances the public interest in maintaining the exemption outweighs the "
            "public interest in disclosing the information."
        )
        return f"{text} {self.nhs_text}" if self.reasons else text

    @property
    def reason_words(self) -> str:
        reasons = list(self.reasons)
        if len(reasons) == 1:
            return reasons[0]
        return f"{'; '.join(reasons[:-1])}; and {reasons[-1]}"

    @property
    def nhs_text(self) -> str:
        return (
            "To resolve that representatives of the press and other members of the public be "
            "excluded from the remainder of this meeting, having regard to the confidential "
            "nature of the business to be transacted, publicity on which would be prejudicial "
            f"to the public interest, for the reasons stated against each item: "
            f"{self.reason_words}."
        )


def exclusion_for(items: Iterable[AgendaItem]) -> Exclusion | None:
    """The exclusion item for an agenda (items in agenda order), or None without Part II."""
    exempt = [item for item in items if item.is_exempt]
    if not exempt:
        return None
    paragraphs = tuple(sorted({item.exempt_paragraph for item in exempt if item.exempt_paragraph}))
    reasons = tuple(dict.fromkeys(item.exempt_reason for item in exempt if item.exempt_reason))
    return Exclusion(before=exempt[0], paragraphs=paragraphs, reasons=reasons)


SCHEDULE_12A_NOT_REASON = (
    "{body} takes private business under Schedule 12A: cite the paragraph it relies on, not a "
    "public-interest reason."
)
NHS_NOT_PARAGRAPH = (
    "{body} excludes the public on NHS public-interest grounds: give the reason for taking it "
    "in private, not a Schedule 12A paragraph."
)
NHS_NEEDS_REASON = (
    "Give the reason for taking it in private, for example 'commercially confidential "
    "information about a procurement'."
)


def check_grounds_for_body(body: Body, record) -> None:
    """Refuse Part II grounds that do not follow the body's regime: a paragraph of Schedule
    12A for a council body, a public-interest reason for an NHS one. `record` is an agenda item
    or an attachment, with `is_exempt`, `exempt_paragraph` and `exempt_reason`."""
    if not record.is_exempt:
        return
    if exemption_regime(body) == ExemptionRegime.NHS_PUBLIC_INTEREST:
        if record.exempt_paragraph:
            raise ValidationError({"exempt_paragraph": NHS_NOT_PARAGRAPH.format(body=body)})
        if not record.exempt_reason.strip():
            raise ValidationError({"exempt_reason": NHS_NEEDS_REASON})
    elif record.exempt_reason:
        raise ValidationError({"exempt_reason": SCHEDULE_12A_NOT_REASON.format(body=body)})


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
