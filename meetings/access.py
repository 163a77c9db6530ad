"""Who may see what of meetings: agenda items, reports, attachments, minutes; Part II.

Two rules (DESIGN.md §4, issue 4 item 6):

1. A meeting whose agenda is not yet published is visible only to those who edit its body
   (its clerks and administrators). Drafts never appear publicly.
2. The content of a Part II (exempt) item — its report, attachments and minute — is shown only
   to those for whom `can_see_exempt(user, body)` is true. Everyone else sees the
   item's title and its grounds ("Exempt: paragraph N of Schedule 12A", or the NHS
   public-interest reason), and no more.
   At a meeting held in common by several bodies, `can_see_meeting_exempt` asks this of each
   sitting body: a member of any of them sees what members see.

Pages, PDFs, the API, search, feeds and history all ask here. For one object use
`can_see_meeting` and `can_see_item_content`; for a queryset use `meetings_visible_to` or the
`*_q` filters, which give the same answers in one query (a test holds them to that).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from governance import access as governance_access
from governance.access import (
    RecordRule,
    can_edit_body,
    everyone,
    is_admin,
    roles,
    withheld,
)
from governance.models import Body, PartnershipMember
from meetings.models import (
    AgendaItem,
    AgendaRevision,
    Attachment,
    Attendance,
    Declaration,
    Meeting,
    Minute,
    Report,
    RiskAssurance,
    Supplement,
    WorkProgrammeEntry,
)


def can_see_exempt(user, body) -> bool:
    """Part II: members and officers of the body, its clerks, and administrators."""
    if is_admin(user):
        return True
    mine = roles(user)
    return body.pk in mine.member_of or body.pk in mine.clerk_of


def can_see_meeting_exempt(user, meeting: Meeting) -> bool:
    """Part II of a meeting: `can_see_exempt` for any body sitting at it, so at a meeting held
    in common a member of any of its bodies sees what members see. Asks the database only for
    a user with some member or clerk role."""
    if is_admin(user):
        return True
    mine = roles(user)
    mine_ids = mine.member_of | mine.clerk_of
    if not mine_ids:
        return False
    if meeting.body_id in mine_ids:
        return True
    return bool(meeting.sitting_body_ids & mine_ids)


def can_record_for(user, meeting: Meeting, body) -> bool:
    """Who records what concerns one body sitting at a meeting: the attendance of its members,
    its resolutions and their corrections. The lead body's editors record for every sitting
    body; at a meeting held in common, each sitting body's editors record for their own body.
    No one records for a body that is not sitting. Asks the database only for an editor of one
    of the two bodies, and then only at a meeting held in common."""
    if not (can_edit_body(user, meeting.body) or can_edit_body(user, body)):
        return False
    return body.pk == meeting.body_id or body.pk in meeting.sitting_body_ids


def bodies_recorded_by(user, meeting: Meeting) -> list[Body]:
    """The sitting bodies the user records for (`can_record_for`), the lead body first."""
    if not is_admin(user) and not roles(user).clerk_of:
        return []
    return [body for body in meeting.sitting_bodies if can_record_for(user, meeting, body)]


def _exempt_bodies_q(prefix: str, body_ids) -> Q:
    """A filter for rows whose meeting (reached through `prefix`) has a sitting body among
    `body_ids`: its lead body, or a body sitting with it in common."""
    in_common = Meeting.objects.filter(bodies_in_common__in=body_ids).values("pk")
    return Q(**{f"{prefix}body_id__in": body_ids}) | Q(**{f"{prefix}pk__in": in_common})


def can_write_report(user, item) -> bool:
    """Who writes an agenda item's report: the body's editors (administrators and clerks), and
    officers of the organisation that owns the body — or, for a body owned by a partnership, of
    one of its current member organisations. A Part II report is written only by those who may
    also see it (`can_see_exempt`), so an officer drafting one must be an officer in attendance.
    """
    body = item.meeting.body
    if can_edit_body(user, body):
        return True
    officer_of = roles(user).officer_of
    if not officer_of:
        return False
    if item.is_exempt and not can_see_exempt(user, body):
        return False
    if body.organisation_id is not None:
        return body.organisation_id in officer_of
    today = timezone.localdate()
    return (
        body.partnership.members.filter(organisation_id__in=officer_of, joined__lte=today)
        .exclude(left__lt=today)
        .exists()
    )


def report_writable_q(user) -> Q:
    """A filter for agenda items whose report the user may write. Mirrors `can_write_report`."""
    if is_admin(user):
        return Q(pk__isnull=False)
    mine = roles(user)
    editors = Q(meeting__body_id__in=mine.clerk_of)
    if not mine.officer_of:
        return editors
    today = timezone.localdate()
    partnerships = (
        PartnershipMember.objects.filter(organisation_id__in=mine.officer_of, joined__lte=today)
        .exclude(left__lt=today)
        .values("partnership_id")
    )
    officers = Q(meeting__body__organisation_id__in=mine.officer_of) | Q(
        meeting__body__organisation__isnull=True,
        meeting__body__partnership_id__in=partnerships,
    )
    exempt_ok = mine.member_of | mine.clerk_of
    officers &= Q(is_exempt=False) | Q(meeting__body_id__in=exempt_ok)
    return editors | officers


def report_writing(user, items: Iterable[AgendaItem]) -> dict[int, bool]:
    """For each item of one meeting (by pk), whether the user may write its report: the answer
    of `can_write_report`, asked once for Part I and once for Part II items."""
    answers: dict[bool, bool] = {}
    result = {}
    for item in items:
        if item.is_exempt not in answers:
            answers[item.is_exempt] = can_write_report(user, item)
        result[item.pk] = answers[item.is_exempt]
    return result


def can_see_meeting(user, meeting: Meeting) -> bool:
    """A published meeting is public; an unpublished one is seen only by its body's editors."""
    return meeting.is_published or can_edit_body(user, meeting.body)


def can_see_supplement(user, supplement: Supplement) -> bool:
    """A published supplementary agenda is public; the draft that late items wait on is seen
    only by the body's editors, like an unpublished agenda."""
    if supplement.published_at is not None:
        return can_see_meeting(user, supplement.meeting)
    return can_edit_body(user, supplement.meeting.body)


def can_see_item(user, item: AgendaItem) -> bool:
    """An item is seen with its meeting, except a late item whose supplementary agenda is not
    yet published: that is for the body's editors only."""
    if item.supplement_id is not None:
        return can_see_supplement(user, item.supplement)
    return can_see_meeting(user, item.meeting)


def can_see_item_content(user, item: AgendaItem) -> bool:
    """Whether the user may see an item's report, attachments and minute.

    Part I: yes if the item is visible. Part II: only if `can_see_exempt` for its body.
    Load the item with `select_related("meeting__body", "supplement")` to keep this free of
    queries.
    """
    meeting = item.meeting
    if not can_see_item(user, item):
        return False
    return not item.is_exempt or can_see_meeting_exempt(user, meeting)


def meeting_visible_q(user, prefix: str = "") -> Q:
    """A filter for rows whose meeting (reached through `prefix`, e.g. "item__meeting__") the
    user may see. Mirrors `can_see_meeting`."""
    if is_admin(user):
        return Q()
    published = Q(**{f"{prefix}agenda_published_at__isnull": False})
    clerk_of = roles(user).clerk_of
    if not clerk_of:
        return published
    return published | Q(**{f"{prefix}body_id__in": clerk_of})


def item_visible_q(user, prefix: str = "") -> Q:
    """A filter for agenda items (reached through `prefix`, e.g. "item__") the user may see.
    Mirrors `can_see_item`."""
    meeting_q = meeting_visible_q(user, prefix=f"{prefix}meeting__")
    if is_admin(user):
        return meeting_q
    published = Q(**{f"{prefix}supplement__isnull": True}) | Q(
        **{f"{prefix}supplement__published_at__isnull": False}
    )
    clerk_of = roles(user).clerk_of
    if clerk_of:
        published |= Q(**{f"{prefix}meeting__body_id__in": clerk_of})
    return meeting_q & published


def item_content_q(user, prefix: str = "") -> Q:
    """A filter for rows whose agenda item (reached through `prefix`, e.g. "report__item__")
    has content the user may see. Mirrors `can_see_item_content`."""
    meeting_q = item_visible_q(user, prefix=prefix)
    if is_admin(user):
        return meeting_q
    mine = roles(user)
    # The same people as can_see_exempt: members (officers in attendance included)
    # and clerks of the body.
    exempt_ok = mine.member_of | mine.clerk_of
    part_one = Q(**{f"{prefix}is_exempt": False})
    if not exempt_ok:
        return meeting_q & part_one
    return meeting_q & (part_one | _exempt_bodies_q(f"{prefix}meeting__", exempt_ok))


def meetings_visible_to(user, queryset: QuerySet[Meeting] | None = None) -> QuerySet[Meeting]:
    """The meetings the user may see: published ones, and unpublished ones of bodies they edit."""
    meetings = Meeting.objects.all() if queryset is None else queryset
    return meetings.filter(meeting_visible_q(user))


def reports_visible_to(user, queryset: QuerySet[Report] | None = None) -> QuerySet[Report]:
    """The reports whose content the user may see (for search, the API and feeds)."""
    reports = Report.objects.all() if queryset is None else queryset
    return reports.filter(item_content_q(user, prefix="item__"))


def can_see_attachment(user, attachment: Attachment) -> bool:
    """An attachment follows its report's item; an exempt appendix of a Part I report is seen
    only by those who may see Part II (`can_see_exempt`). Load with
    `select_related("report__item__meeting__body")` to keep this free of queries."""
    item = attachment.report.item
    if not can_see_item_content(user, item):
        return False
    return not attachment.is_exempt or can_see_meeting_exempt(user, item.meeting)


def attachments_visible_to(
    user, queryset: QuerySet[Attachment] | None = None
) -> QuerySet[Attachment]:
    """The attachments the user may see and download. Mirrors `can_see_attachment`."""
    attachments = Attachment.objects.all() if queryset is None else queryset
    allowed = item_content_q(user, prefix="report__item__")
    if not is_admin(user):
        mine = roles(user)
        exempt_ok = mine.member_of | mine.clerk_of
        allowed &= Q(is_exempt=False) | _exempt_bodies_q("report__item__meeting__", exempt_ok)
    return attachments.filter(allowed)


def _removal_seen_q(user, prefix: str) -> Q:
    """A filter for history "-" rows of agenda items (reached through `prefix`) that the user
    could see when they were removed: the body's editors always; anyone else only if the
    removal came after the agenda (and a late item's supplement) was published, so that what
    a draft held and lost is never revealed."""
    if is_admin(user):
        return Q()
    seen = Q(history_date__gte=F(f"{prefix}meeting__agenda_published_at")) & (
        Q(**{f"{prefix}supplement__isnull": True})
        | Q(history_date__gte=F(f"{prefix}supplement__published_at"))
    )
    clerk_of = roles(user).clerk_of
    if clerk_of:
        seen |= Q(**{f"{prefix}meeting__body_id__in": clerk_of})
    return seen


def deleted_items_visible_to(user) -> QuerySet:
    """History rows of removed agenda items that the user could see when they were removed
    (for the API's `deleted` tombstones): `item_visible_q` applied to the removed row."""
    removed = AgendaItem.history.filter(history_type="-")
    return removed.filter(item_visible_q(user) & _removal_seen_q(user, prefix=""))


def deleted_reports_visible_to(user) -> QuerySet:
    """History rows of removed reports whose item the user can see the content of, and could
    when the report was removed. A report removed with its item follows the item's tombstone."""
    removed = Report.history.filter(history_type="-")
    return removed.filter(
        item_content_q(user, prefix="item__") & _removal_seen_q(user, prefix="item__")
    )


def deleted_attachments_visible_to(user) -> QuerySet:
    """History rows of removed attachments the user could see and when they were removed:
    `attachments_visible_to` applied to the removed row."""
    removed = Attachment.history.filter(history_type="-")
    return attachments_visible_to(user, removed).filter(
        _removal_seen_q(user, prefix="report__item__")
    )


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
        attachments = (
            [
                a
                for a in report.attachments.all()
                if not a.is_exempt or can_see_meeting_exempt(user, item.meeting)
            ]
            if report is not None
            else []
        )
        views.append(ItemView(item=item, can_see=True, report=report, attachments=attachments))
    return views


def minutes_readable_by(user, meeting: Meeting) -> bool:
    """Draft minutes are for the body's clerks (and administrators); approved ones are public."""
    return meeting.minutes_approved or can_edit_body(user, meeting.body)


def minute_visible_to(user, item: AgendaItem, meeting: Meeting) -> bool:
    """The minute text of this item may be shown to this user."""
    if not minutes_readable_by(user, meeting):
        return False
    return not item.is_exempt or can_see_meeting_exempt(user, meeting)


def minutes_q(user, prefix: str = "") -> Q:
    """A filter for minutes (reached through `prefix`) the user may read. Mirrors
    `minute_visible_to`: approved minutes, and drafts for those who edit the body."""
    content = item_content_q(user, prefix=f"{prefix}item__")
    if is_admin(user):
        return content
    approved = Q(**{f"{prefix}item__meeting__minutes_approved_at__isnull": False})
    clerk_of = roles(user).clerk_of
    if clerk_of:
        approved |= Q(**{f"{prefix}item__meeting__body_id__in": clerk_of})
    return content & approved


# What stays public about a Part II item's records, for those who may not see its content:
# the item's title, kind and grounds (its Schedule 12A paragraph or NHS public-interest
# reason); that a revision was made and when; who
# declared an interest and what they did. Everything else is withheld.
RULES: dict[type, RecordRule] = {
    **governance_access.RULES,
    Meeting: RecordRule(visible=can_see_meeting),
    WorkProgrammeEntry: RecordRule(visible=everyone),
    Attendance: RecordRule(visible=lambda user, obj: can_see_meeting(user, obj.meeting)),
    Supplement: RecordRule(visible=can_see_supplement),
    AgendaItem: RecordRule(
        visible=can_see_item,
        content_visible=can_see_item_content,
        public=frozenset(
            {
                "id",
                "meeting_id",
                "position",
                "kind",
                "title",
                "purpose",
                "is_exempt",
                "exempt_paragraph",
                "exempt_reason",
                "lead_officer",
                "work_programme_entry_id",
                "minutes_of_id",
                "supplement_id",
                "pack_first_page",
                "pack_last_page",
            }
        ),
    ),
    AgendaRevision: RecordRule(
        visible=lambda user, obj: can_see_item(user, obj.item),
        content_visible=lambda user, obj: can_see_item_content(user, obj.item),
        public=frozenset({"id", "item_id", "made_at"}),
    ),
    Declaration: RecordRule(
        visible=lambda user, obj: can_see_meeting(user, obj.item.meeting),
        content_visible=lambda user, obj: can_see_item_content(user, obj.item),
        public=frozenset(
            {
                "id",
                "item_id",
                "person_id",
                "kind",
                "action",
                "dispensation_granted_by",
                "dispensation_granted_on",
                "dispensation_reference",
                "managed_by",
            }
        ),
    ),
    Report: RecordRule(visible=lambda user, obj: can_see_item_content(user, obj.item)),
    # The board assurance framework: seen with its item; what was heard of Part II business
    # only by those who see the item's content.
    RiskAssurance: RecordRule(
        visible=lambda user, obj: can_see_item(user, obj.item),
        content_visible=lambda user, obj: can_see_item_content(user, obj.item),
        public=frozenset({"id", "risk_id", "item_id", "level"}),
    ),
    Attachment: RecordRule(visible=can_see_attachment),
    Minute: RecordRule(
        visible=lambda user, obj: minute_visible_to(user, obj.item, obj.item.meeting)
    ),
}


def withheld_fields(user, obj) -> frozenset[str]:
    """What of a meeting record (or a structure record) this user may not see."""
    return withheld(RULES, user, obj)
