"""Reading the forward plan and decision notices, for the pages, feeds and the API."""

from __future__ import annotations

from django.db.models import QuerySet

from decisions.models import DecisionNotice, ForwardPlanEntry
from governance.models import Organisation

ENTRY_RELATED = ("organisation", "decision_maker_body", "resolution__body")
NOTICE_RELATED = (
    "organisation",
    "decision_maker_body",
    "forward_plan_entry",
    "call_in__scrutiny_body",
    "ratification__resolution__body",
    "ratification__resolution__item__meeting__body",
)


def forward_plan_entries(organisation: Organisation | None = None) -> QuerySet[ForwardPlanEntry]:
    """Every forward plan entry (all are public), soonest expected first."""
    rows = ForwardPlanEntry.objects.select_related(*ENTRY_RELATED)
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return rows.order_by("expected_on", "pk")


def decision_notices(organisation: Organisation | None = None) -> QuerySet[DecisionNotice]:
    """Every published decision notice (all are listed; `decisions.access` withholds the text
    of one taken in private or ratifying a Part II resolution), newest first."""
    rows = DecisionNotice.objects.select_related(*NOTICE_RELATED)
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return rows.order_by("-published_on", "-pk")
