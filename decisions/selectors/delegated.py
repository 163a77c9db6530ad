"""Reading officer and delegated decisions."""

from __future__ import annotations

from django.db.models import QuerySet

from decisions.models import DelegatedDecision
from governance.models import Organisation

RELATED = (
    "organisation",
    "delegation__from_body",
    "delegation__from_organisation",
    "delegation__to_body",
)


def delegated_decisions(organisation: Organisation | None = None) -> QuerySet[DelegatedDecision]:
    """Every published delegated decision (all are listed; `decisions.access` withholds the
    content of an exempt one), newest first, with what the lists show."""
    rows = DelegatedDecision.objects.select_related(*RELATED)
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return rows.order_by("-decided_on", "-pk")
