"""Reads of reports and attachments, in a fixed number of queries whatever their number."""

from __future__ import annotations

from django.db.models import QuerySet

from meetings.access import ItemView, item_views
from meetings.models import AgendaItem, Meeting


def items_with_reports(meeting: Meeting) -> QuerySet[AgendaItem]:
    """A meeting's items in agenda order, with their reports and attachments: two queries."""
    return (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("meeting__body", "report")
        .prefetch_related("report__attachments")
        .order_by("position", "pk")
    )


def meeting_item_views(meeting: Meeting, user) -> list[ItemView]:
    """What the user may see of each item of a meeting (report and attachments, or the exempt
    notice). The caller has checked that the meeting is visible (`can_see_meeting`)."""
    return item_views(user, items_with_reports(meeting))


def item_view(meeting: Meeting, position: int, user) -> ItemView | None:
    """One item of a meeting, by its position, as the user may see it; None if there is none."""
    item = items_with_reports(meeting).filter(position=position).first()
    if item is None:
        return None
    return item_views(user, [item])[0]
