"""What of a meeting and its agenda items a user may see: the one place that decides.

Two rules (DESIGN.md §4, issue 4 item 6):

1. A meeting whose agenda is not yet published is visible only to those who edit its body
   (its clerks and administrators). Drafts never appear publicly.
2. The content of a Part II (exempt) item — its report, attachments and minute — is shown only
   to those for whom `permissions.can_see_exempt(user, body)` is true. Everyone else sees the
   item's title and "Exempt: paragraph N of Schedule 12A", and no more.

Pages, PDFs, the API, search and feeds all ask here. For one object use `can_see_meeting` and
`can_see_item_content`; for a queryset use `meetings_visible_to` or the `*_q` filters, which
give the same answers in one query (a test holds them to that).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from ics_portal import permissions
from meetings.models import AgendaItem, Attachment, Meeting, Report


def can_see_meeting(user, meeting: Meeting) -> bool:
    """A published meeting is public; an unpublished one is seen only by its body's editors."""
    return meeting.is_published or permissions.can_edit_body(user, meeting.body)


def can_see_item_content(user, item: AgendaItem) -> bool:
    """Whether the user may see an item's report, attachments and minute.

    Part I: yes if the meeting is visible. Part II: only if `can_see_exempt` for its body.
    Load the item with `select_related("meeting__body")` to keep this free of queries.
    """
    meeting = item.meeting
    if not can_see_meeting(user, meeting):
        return False
    return not item.is_exempt or permissions.can_see_exempt(user, meeting.body)


def meeting_visible_q(user, prefix: str = "") -> Q:
    """A filter for rows whose meeting (reached through `prefix`, e.g. "item__meeting__") the
    user may see. Mirrors `can_see_meeting`."""
    if permissions.is_admin(user):
        return Q()
    published = Q(**{f"{prefix}agenda_published_at__isnull": False})
    clerk_of = permissions.roles(user).clerk_of
    if not clerk_of:
        return published
    return published | Q(**{f"{prefix}body_id__in": clerk_of})


def item_content_q(user, prefix: str = "") -> Q:
    """A filter for rows whose agenda item (reached through `prefix`, e.g. "report__item__")
    has content the user may see. Mirrors `can_see_item_content`."""
    meeting_q = meeting_visible_q(user, prefix=f"{prefix}meeting__")
    if permissions.is_admin(user):
        return meeting_q
    mine = permissions.roles(user)
    # The same people as permissions.can_see_exempt: members (officers in attendance included)
    # and clerks of the body.
    exempt_ok = mine.member_of | mine.clerk_of
    part_one = Q(**{f"{prefix}is_exempt": False})
    if not exempt_ok:
        return meeting_q & part_one
    return meeting_q & (part_one | Q(**{f"{prefix}meeting__body_id__in": exempt_ok}))


def meetings_visible_to(user, queryset: QuerySet[Meeting] | None = None) -> QuerySet[Meeting]:
    """The meetings the user may see: published ones, and unpublished ones of bodies they edit."""
    meetings = Meeting.objects.all() if queryset is None else queryset
    return meetings.filter(meeting_visible_q(user))


def reports_visible_to(user, queryset: QuerySet[Report] | None = None) -> QuerySet[Report]:
    """The reports whose content the user may see (for search, the API and feeds)."""
    reports = Report.objects.all() if queryset is None else queryset
    return reports.filter(item_content_q(user, prefix="item__"))


def attachments_visible_to(
    user, queryset: QuerySet[Attachment] | None = None
) -> QuerySet[Attachment]:
    """The attachments the user may see and download."""
    attachments = Attachment.objects.all() if queryset is None else queryset
    return attachments.filter(item_content_q(user, prefix="report__item__"))


@dataclass(frozen=True)
class ItemView:
    """One agenda item as a given user may see it: the full content, or the exempt notice only.

    `report` is None and `attachments` empty when the content is withheld (or there is none);
    `exempt_notice` is set only when the content is withheld.
    """

    item: AgendaItem
    can_see: bool
    report: Report | None = None
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def exempt_notice(self) -> str:
        return self.item.exempt_notice if self.withheld and self.item.is_exempt else ""

    @property
    def withheld(self) -> bool:
        return not self.can_see


def _report_of(item: AgendaItem) -> Report | None:
    try:
        return item.report
    except Report.DoesNotExist:
        return None


def item_views(user, items: Iterable[AgendaItem]) -> list[ItemView]:
    """For each item, what the user may see of it.

    Load the items with `select_related("meeting__body", "report")` and
    `prefetch_related("report__attachments")` (see `meetings.selectors.reports`) and this runs
    no queries of its own. The caller has already checked that the meeting itself is visible.
    """
    views = []
    for item in items:
        if not can_see_item_content(user, item):
            views.append(ItemView(item=item, can_see=False))
            continue
        report = _report_of(item)
        attachments = list(report.attachments.all()) if report is not None else []
        views.append(ItemView(item=item, can_see=True, report=report, attachments=attachments))
    return views
