"""What happened at a meeting, loaded for its page in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from governance.access import can_edit_body
from governance.models import Body, Membership, Person
from meetings.access import can_record_for, minute_visible_to, minutes_readable_by, withheld_fields
from meetings.models import AgendaItem, Attendance, Declaration, Meeting, Minute
from meetings.quorum import Quorum, meeting_quorum, members_on
from meetings.services.proceedings import approval_refusal, attendance_refusal

HELD = {Meeting.Status.HELD, Meeting.Status.MINUTES_DRAFTED, Meeting.Status.MINUTES_APPROVED}


@dataclass
class MemberAttendance:
    """A member's seat and how they attended (row is None until attendance is recorded)."""

    membership: Membership | None
    person: Person
    row: Attendance | None

    @property
    def status(self) -> str:
        return self.row.status if self.row else ""


@dataclass
class MinuteView:
    """The minute of one item as this viewer may see it."""

    item: AgendaItem
    minute: Minute | None
    text: str | None  # None when there is none or the viewer may not read it
    withheld: str = ""  # the exempt notice shown instead of Part II text
    is_draft: bool = False


class _Attended:
    """The members (a `members` list) sorted by how they attended."""

    members: list[MemberAttendance]

    def _with(self, status: str) -> list[MemberAttendance]:
        return [m for m in self.members if m.status == status]

    @property
    def present(self) -> list[MemberAttendance]:
        return self._with(Attendance.Status.PRESENT)

    @property
    def apologies(self) -> list[MemberAttendance]:
        return self._with(Attendance.Status.APOLOGIES)

    @property
    def absent(self) -> list[MemberAttendance]:
        return self._with(Attendance.Status.ABSENT)

    @property
    def substituted(self) -> list[MemberAttendance]:
        return self._with(Attendance.Status.SUBSTITUTED)


@dataclass
class Sitting(_Attended):
    """One body sitting at a meeting held in common: its members' attendance and its quorum."""

    body: Body
    members: list[MemberAttendance]
    quorum: Quorum


def _seated(memberships, rows: dict, seen: set[int]) -> list[MemberAttendance]:
    """The seats in order, each once, with how its holder attended; adds them to `seen`."""
    members = []
    for seat in seats_in_order(memberships):
        if seat.person_id in seen:
            continue
        seen.add(seat.person_id)
        members.append(MemberAttendance(seat, seat.person, rows.get(seat.person_id)))
    return members


@dataclass
class Proceedings(_Attended):
    """Attendance, quorum, declarations and minutes of one meeting, for one viewer."""

    meeting: Meeting
    can_edit: bool
    members: list[MemberAttendance]
    officers: list[Attendance]
    quorum: Quorum
    declarations: dict[int, list[Declaration]]
    minutes: dict[int, MinuteView]
    minutes_readable: bool
    approved_at: AgendaItem | None
    # For each 'minutes of the last meeting' item of this meeting: the meeting whose minutes
    # it approves, while those are awaiting approval.
    approves: dict[int, Meeting] = field(default_factory=dict)
    # For those items: why approving there must fail now ("" when it can be done).
    approval_refusals: dict[int, str] = field(default_factory=dict)
    # At a meeting held in common: every sitting body, the lead body first (else empty).
    sittings: list[Sitting] = field(default_factory=list)
    # There: the sitting bodies (by id) whose attendance this viewer records.
    records_for: frozenset[int] = frozenset()

    @property
    def declarations_open(self) -> bool:
        """The clerk may record, correct and remove declarations until the minutes are
        approved."""
        return self.can_edit and self.meeting.status not in (
            Meeting.Status.CANCELLED,
            Meeting.Status.MINUTES_APPROVED,
        )

    @property
    def attendance_refusal(self) -> str:
        """Why the attendance cannot be recorded now ("" when it can)."""
        return attendance_refusal(self.meeting)

    @property
    def attendance_recorded(self) -> bool:
        return bool(self.officers) or any(m.row for m in self.members)


def seats_in_order(memberships) -> list[Membership]:
    """Members (not officers in attendance), chair and vice-chair first, then by name."""
    seats = [m for m in memberships if m.role != Membership.Role.OFFICER]
    return sorted(seats, key=lambda m: (Membership.ROLE_ORDER[m.role], m.person.name))


def proceedings_for(meeting: Meeting, user) -> Proceedings:
    """Everything the meeting page shows about what happened, in a fixed number of queries."""
    memberships = list(members_on(meeting.body_id, meeting.date))
    attendance = list(meeting.attendance.select_related("person", "substitute"))
    rows = {row.person_id: row for row in attendance}

    seen: set[int] = set()
    members = _seated(memberships, rows, seen)
    quorum = meeting_quorum(meeting, attendance=attendance, memberships=memberships)
    sittings = []
    others = meeting.sitting_bodies[1:]
    if others:
        sittings.append(Sitting(meeting.body, members, quorum))
        for body in others:
            seats = list(members_on(body.pk, meeting.date))
            sittings.append(
                Sitting(
                    body,
                    _seated(seats, rows, seen),
                    meeting_quorum(meeting, attendance=attendance, memberships=seats, body=body),
                )
            )
    officers = []
    for row in attendance:
        if row.status == Attendance.Status.OFFICER:
            officers.append(row)
        elif row.person_id not in seen:  # recorded when they held a seat since changed
            members.append(MemberAttendance(None, row.person, row))

    items = list(meeting.items.select_related("minute").order_by("position"))
    declarations: dict[int, list[Declaration]] = {item.pk: [] for item in items}
    rows = Declaration.objects.filter(item__meeting=meeting).select_related(
        "person", "item__meeting__body"
    )
    for declaration in rows:
        declaration.item.meeting = meeting  # one meeting object: its sitting bodies read once
        # What was declared on a Part II item is withheld with the item's content.
        declaration.withheld = "description" in withheld_fields(user, declaration)
        declarations[declaration.item_id].append(declaration)

    readable = minutes_readable_by(user, meeting)
    draft = not meeting.minutes_approved
    minutes = {}
    for item in items:
        minute = getattr(item, "minute", None)
        view = MinuteView(item=item, minute=minute, text=None, is_draft=draft)
        if minute is not None and readable:
            if minute_visible_to(user, item, meeting):
                view.text = minute.text
            else:
                view.withheld = item.exempt_notice
        minutes[item.pk] = view

    approved_at = None
    if meeting.minutes_approved_at_id:
        approved_at = AgendaItem.objects.select_related("meeting__body").get(
            pk=meeting.minutes_approved_at_id
        )

    approves = {}
    minutes_items = [item for item in items if item.kind == AgendaItem.Kind.MINUTES]
    if minutes_items:
        earlier = list(
            Meeting.objects.filter(body_id=meeting.body_id, start__lt=meeting.start)
            .select_related("body")
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("-start")[:1]
        )
        named_ids = {item.minutes_of_id for item in minutes_items if item.minutes_of_id}
        named = (
            {m.pk: m for m in Meeting.objects.filter(pk__in=named_ids).select_related("body")}
            if named_ids
            else {}
        )
        for item in minutes_items:
            target = named.get(item.minutes_of_id) if item.minutes_of_id else None
            if target is None and not item.minutes_of_id and earlier:
                target = earlier[0]
            if target is not None and not target.minutes_approved:
                approves[item.pk] = target
    can_edit = can_edit_body(user, meeting.body)
    approval_refusals = {}
    if can_edit:
        for item in minutes_items:
            if item.pk in approves:
                approval_refusals[item.pk] = approval_refusal(approves[item.pk], item, meeting)

    records_for = frozenset(
        sitting.body.pk for sitting in sittings if can_record_for(user, meeting, sitting.body)
    )
    return Proceedings(
        meeting=meeting,
        can_edit=can_edit,
        records_for=records_for,
        members=members,
        officers=officers,
        quorum=quorum,
        declarations=declarations,
        minutes=minutes,
        minutes_readable=readable,
        approved_at=approved_at,
        approves=approves,
        approval_refusals=approval_refusals,
        sittings=sittings,
    )


def approval_candidates(meeting: Meeting) -> list[AgendaItem]:
    """'Minutes of the last meeting' items of later, held meetings of the same body."""
    return list(
        AgendaItem.objects.filter(
            kind=AgendaItem.Kind.MINUTES,
            meeting__body_id=meeting.body_id,
            meeting__start__gt=meeting.start,
            meeting__status__in=HELD,
        )
        .filter(Q(minutes_of__isnull=True) | Q(minutes_of=meeting))
        .select_related("meeting__body")
        .order_by("meeting__start", "position")
    )
