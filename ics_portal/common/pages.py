"""Pages of a public list without counting it: a count reads every matching row, and a
list of years of decisions is read far more often than it is paged through to the end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

# Deeper than this is refused back to the last page allowed: an offset is read row by row.
MAX_PAGE = 4000


@dataclass
class UncountedPage:
    """One page of rows and whether there are more, for templates/includes/pagination.html
    (which shows "Page N" with Previous and Next links, and no page total)."""

    object_list: list[Any]
    number: int
    has_next: bool
    paginator: None = None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def uncounted_page(queryset: QuerySet, per_page: int, raw_number: str | None) -> UncountedPage:
    """Page `raw_number` (1 if missing or not a page number) of the queryset, read with one
    query of per_page + 1 rows."""
    try:
        number = min(max(int(raw_number or 1), 1), MAX_PAGE)
    except ValueError:
        number = 1
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return UncountedPage(rows[:per_page], number, has_next=len(rows) > per_page)
