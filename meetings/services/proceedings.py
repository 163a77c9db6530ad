"""At the meeting and after: attendance, declarations of interest, and the minutes.

Substitutes: when a member's seat names substitutes (Membership.substitutes), only one of them
may attend in the member's place; a seat that names none accepts any person, recorded on the
member's row, as councils such as Nottinghamshire let any councillor of the same group substitute.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from alerts.mail import portal_url
from governance.models import Body, InterestKind, Membership, Person
from governance.models.terms import follows_nhs_rules
from ics_portal.common.records import check_version, save_record, stale_message
from meetings.access import can_record_for
from meetings.announcements import announce_minutes_approved
from meetings.models import AgendaItem, Attendance, Declaration, Meeting, Minute
from meetings.quorum import members_on
from meetings.services.agenda import after_papers_change

Status = Meeting.Status
HELD_STATUSES = {Status.HELD, Status.MINUTES_DRAFTED, Status.MINUTES_APPROVED}
MEMBER_STATUSES = {
    Attendance.Status.PRESENT,
    Attendance.Status.APOLOGIES,
    Attendance.Status.ABSENT,
    Attendance.Status.SUBSTITUTED,
}


@dataclass(frozen=True)
class AttendanceEntry:
    """One line of the attendance record: a member's status (and substitute), or an officer."""

    person: Person
    status: str
    substitute: Person | None = None
    note: str = ""


def _day(meeting: Meeting) -> str:
    return f"{meeting.date:%-d %B %Y}"


def _locked(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)


def _refuse_if_approved(meeting: Meeting, what: str) -> None:
    if meeting.status == Status.MINUTES_APPROVED:
        raise ValidationError(
            f"The minutes of this meeting have been approved, so its {what} can no longer "
            "be changed."
        )


def _sitting(meeting: Meeting) -> str:
    return " or the ".join(str(body) for body in meeting.sitting_bodies)


def _check_entries(
    meeting: Meeting, entries: list[AttendanceEntry], body: Body | None = None
) -> None:
    seats: dict[int, Membership] = {}
    # At a meeting held in common, a member of any sitting body takes their seat; when one
    # body's attendance is recorded, only its members do.
    body_ids = (
        [body.pk]
        if body is not None
        else sorted(meeting.sitting_body_ids, key=lambda pk: pk != meeting.body_id)
    )
    for body_id in body_ids:
        for membership in members_on(body_id, meeting.date).prefetch_related("substitutes"):
            if membership.role != Membership.Role.OFFICER:
                seats.setdefault(membership.person_id, membership)
    seen: set[int] = set()
    for entry in entries:
        people = [entry.person] + ([entry.substitute] if entry.substitute else [])
        for person in people:
            if person.pk in seen:
                raise ValidationError(f"{person.name} is recorded more than once.")
            seen.add(person.pk)
        if entry.status not in Attendance.Status.values:
            raise ValidationError(f"Choose how {entry.person.name} attended.")
        if entry.status == Attendance.Status.OFFICER:
            if body is not None and body.pk != meeting.body_id:
                raise ValidationError(
                    f"Officers in attendance are recorded with the {meeting.body}'s attendance."
                )
            if entry.substitute:
                raise ValidationError("An officer in attendance has no substitute.")
            continue
        seat = seats.get(entry.person.pk)
        if seat is None:
            raise ValidationError(
                f"{entry.person.name} is not a member of the {body or _sitting(meeting)} on "
                f"{_day(meeting)}; record them as an officer in attendance or as a substitute."
            )
        if entry.status == Attendance.Status.SUBSTITUTED:
            if entry.substitute is None:
                raise ValidationError(f"Name the substitute who attended for {entry.person.name}.")
            named = list(seat.substitutes.all())
            if named and entry.substitute not in named:
                names = ", ".join(person.name for person in named)
                raise ValidationError(
                    f"{entry.substitute.name} is not a named substitute for {entry.person.name} "
                    f"(named: {names})."
                )
            if entry.substitute.pk in seats:
                raise ValidationError(
                    f"{entry.substitute.name} is a member of the {meeting.body} in their own "
                    "right and cannot also substitute for another member."
                )
        elif entry.substitute is not None:
            raise ValidationError(f"Only a substituted member has a substitute ({entry.person}).")


def attendance_refusal(meeting: Meeting, *, now: datetime | None = None) -> str:
    """Why the attendance of this meeting cannot be recorded now ("" when it can)."""
    now = now or timezone.now()
    if meeting.status == Status.CANCELLED:
        return "This meeting was cancelled: there is no attendance to record."
    if not meeting.is_published and meeting.status not in HELD_STATUSES:
        return "Attendance can be recorded once the agenda has been published."
    if meeting.start > now:
        local = timezone.localtime(meeting.start)
        return (
            f"The meeting starts on {local.day} {local:%B %Y} at {local:%H:%M}; its attendance "
            "can be recorded once it has started."
        )
    return ""


def attendance_versions(rows: Iterable[Attendance]) -> dict[int, int]:
    """The attendance as a form saw it: each recorded person's row version, by person id."""
    return {row.person_id: row.version for row in rows}


def attendance_record(
    *,
    meeting: Meeting,
    entries: Iterable[AttendanceEntry],
    actor,
    expected_versions: Mapping[int, int] | None = None,
    now: datetime | None = None,
    body: Body | None = None,
) -> list[Attendance]:
    """Record (or correct) who attended: the entries replace the meeting's attendance.

    At a meeting held in common, `body` records one sitting body's part only: the entries
    replace the attendance of its members (and, for the lead body, the officers in
    attendance), and the other bodies' attendance stays as it was. The actor must record for
    that body (`can_record_for`); without `body`, for the lead body.

    `expected_versions` is the attendance the clerk's form was opened at
    (`attendance_versions`); if anyone has recorded, changed or removed a row since, the form
    is refused rather than putting their record back. None only for callers that hold no form.
    """
    entries = list(entries)
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked(meeting)
        if body is not None and body.pk not in meeting.sitting_body_ids:
            raise ValidationError(f"The {body} is not sitting at this meeting.")
        _require_recorder(actor, meeting, body or meeting.body, "attendance")
        refusal = attendance_refusal(meeting, now=now)
        if refusal:
            raise ValidationError(refusal)
        _refuse_if_approved(meeting, "attendance")
        if not meeting.held_in_common:
            body = None  # one body: its attendance is the meeting's
        _check_entries(meeting, entries, body)

        existing = {row.person_id: row for row in meeting.attendance.all()}
        if body is not None:
            existing = attendance_rows_of(meeting, body, existing)
        if expected_versions is not None and dict(expected_versions) != attendance_versions(
            existing.values()
        ):
            raise ValidationError(stale_message("the attendance of this meeting"))
        wanted = {entry.person.pk for entry in entries}
        for person_id, row in existing.items():
            if person_id not in wanted:
                row._history_user = actor if getattr(actor, "is_authenticated", False) else None
                row._change_reason = "Removed from the attendance"
                row.delete()
        rows = []
        for entry in entries:
            row = existing.get(entry.person.pk)
            substitute_id = entry.substitute.pk if entry.substitute else None
            if row is None:
                row = Attendance(meeting=meeting, person=entry.person)
            elif (row.status, row.substitute_id, row.note) == (
                entry.status,
                substitute_id,
                entry.note,
            ):
                rows.append(row)
                continue
            row.status = entry.status
            row.substitute = entry.substitute
            row.note = entry.note
            if row.pk:
                row.version += 1
            reason = "Attendance corrected" if row.pk else ""
            rows.append(save_record(row, actor=actor, reason=reason))

        if meeting.status == Status.AGENDA_PUBLISHED:
            meeting.status = Status.HELD
            save_record(meeting, actor=actor, reason="Attendance recorded: the meeting was held")
        return rows


def _require_recorder(actor, meeting: Meeting, body: Body, what: str) -> None:
    """At a meeting held in common, refuse an actor who does not record for `body` there
    (`can_record_for`); None is the portal itself (the demo data). A meeting of one body is
    checked by its pages and the API (`can_edit_body`), as before."""
    if actor is None or not meeting.held_in_common:
        return
    if not can_record_for(actor, meeting, body):
        raise PermissionDenied(
            f"Only the clerks of the {body} or the {meeting.body} record its {what}."
        )


def attendance_rows_of(
    meeting: Meeting, body: Body, rows: dict[int, Attendance]
) -> dict[int, Attendance]:
    """The attendance rows that concern one sitting body: its members', and for the lead body
    the officers in attendance."""
    members = {
        m.person_id for m in members_on(body.pk, meeting.date) if m.role != Membership.Role.OFFICER
    }
    lead = body.pk == meeting.body_id
    return {
        pid: row
        for pid, row in rows.items()
        if pid in members or (lead and row.status == Attendance.Status.OFFICER)
    }


def present_people(meeting: Meeting) -> dict[int, Person]:
    """Everyone in the room: members present, substitutes who attended, officers in attendance."""
    people = {}
    for row in meeting.attendance.select_related("person", "substitute"):
        if row.status in (Attendance.Status.PRESENT, Attendance.Status.OFFICER):
            people[row.person_id] = row.person
        elif row.status == Attendance.Status.SUBSTITUTED:
            people[row.substitute_id] = row.substitute
    return people


DISPENSATION_FIELDS = (
    "dispensation_granted_by",
    "dispensation_granted_on",
    "dispensation_reference",
)
NHS_MANAGEMENT_FIELDS = ("managed_by", "management_reason")
DECLARATION_FIELDS = {
    "kind",
    "description",
    "action",
    *DISPENSATION_FIELDS,
    *NHS_MANAGEMENT_FIELDS,
}


def _check_declaration(declaration: Declaration) -> None:
    """One declaration per person per item; a disclosable pecuniary interest means leaving the
    room unless a dispensation (who granted it, when, its reference) allowed them to stay; at
    an NHS body, who decided how the conflict was managed, and why."""
    name = declaration.person.name
    _check_nhs_management(declaration)
    duplicate = Declaration.objects.filter(item=declaration.item, person=declaration.person)
    if declaration.pk:
        duplicate = duplicate.exclude(pk=declaration.pk)
    if duplicate.exists():
        raise ValidationError(
            {
                "person": f"{name} has already declared an interest on item "
                f"{declaration.item.position}; correct that declaration instead."
            }
        )
    given = [bool(getattr(declaration, f)) for f in DISPENSATION_FIELDS]
    if any(given) and not all(given):
        raise ValidationError(
            "Give who granted the dispensation, the date it was granted and its reference."
        )
    if (
        declaration.kind == InterestKind.DISCLOSABLE_PECUNIARY
        and declaration.action != Declaration.Action.LEFT_ROOM
        and not all(given)
    ):
        raise ValidationError(
            {
                "action": f"{name} declared a disclosable pecuniary interest, so must leave the "
                "room unless a dispensation was granted: record that they left the room, or "
                "who granted the dispensation, when and its reference."
            }
        )


def _check_nhs_management(declaration: Declaration) -> None:
    """NHS England's conflicts of interest guidance: the minutes of an NHS body record who
    decided how a declared conflict was managed and why."""
    if not follows_nhs_rules(declaration.item.meeting.body):
        return
    name = declaration.person.name
    errors = {}
    if not declaration.managed_by.strip():
        errors["managed_by"] = (
            f"Say who decided how {name}'s conflict was managed (usually the chair): NHS "
            "conflicts of interest rules ask the minutes to record it."
        )
    if not declaration.management_reason.strip():
        errors["management_reason"] = (
            f"Say how {name}'s conflict was managed and why: NHS conflicts of interest rules "
            "ask the minutes to record it."
        )
    if errors:
        raise ValidationError(errors)


def _declarations_open(meeting: Meeting) -> None:
    if meeting.status == Status.CANCELLED:
        raise ValidationError("This meeting was cancelled.")
    _refuse_if_approved(meeting, "declarations")


def declaration_record(
    *,
    item: AgendaItem,
    person: Person,
    kind: str,
    description: str,
    action: str,
    actor,
    dispensation_granted_by: str = "",
    dispensation_granted_on: date | None = None,
    dispensation_reference: str = "",
    managed_by: str = "",
    management_reason: str = "",
) -> Declaration:
    """Record an interest declared on an agenda item by someone present at the meeting (at an
    NHS body, with who decided how the conflict was managed and why)."""
    with transaction.atomic():
        meeting = _locked(item.meeting)
        _declarations_open(meeting)
        if person.pk not in present_people(meeting):
            raise ValidationError(
                f"{person.name} is not recorded as present at this meeting (as a member, a "
                "substitute or an officer in attendance); record their attendance first."
            )
        declaration = Declaration(
            item=item,
            person=person,
            kind=kind,
            description=description,
            action=action,
            dispensation_granted_by=dispensation_granted_by.strip(),
            dispensation_granted_on=dispensation_granted_on,
            dispensation_reference=dispensation_reference.strip(),
            managed_by=managed_by.strip(),
            management_reason=management_reason.strip(),
        )
        declaration.item.meeting = meeting
        _check_declaration(declaration)
        return save_record(declaration, actor=actor)


def _locked_declaration(declaration: Declaration) -> tuple[Meeting, Declaration]:
    meeting = _locked(declaration.item.meeting)
    _declarations_open(meeting)
    locked = (
        Declaration.objects.select_for_update()
        .select_related("item", "person")
        .get(pk=declaration.pk)
    )
    return meeting, locked


def _reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": f"Say why the declaration is being {what}."})
    return reason


def declaration_update(
    *,
    declaration: Declaration,
    actor,
    reason: str,
    expected_version: int | str | None = None,
    **changes,
) -> Declaration:
    """Correct a declaration before the minutes are approved, saying why; a form opened
    before someone else's correction is refused."""
    unknown = set(changes) - DECLARATION_FIELDS
    if unknown:
        raise TypeError(f"Cannot change {', '.join(sorted(unknown))} of a declaration.")
    reason = _reason(reason, "corrected")
    with transaction.atomic():
        _meeting, locked = _locked_declaration(declaration)
        if expected_version is not None:
            check_version(locked, expected_version)
        for name, value in changes.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        _check_declaration(locked)
        locked.version += 1
        return save_record(locked, actor=actor, reason=f"Declaration corrected: {reason}")


def declaration_remove(*, declaration: Declaration, actor, reason: str) -> None:
    """Remove a declaration recorded in error, before the minutes are approved; the history
    keeps it, with who removed it and why."""
    reason = _reason(reason, "removed")
    with transaction.atomic():
        _meeting, locked = _locked_declaration(declaration)
        locked._history_user = actor if getattr(actor, "is_authenticated", False) else None
        locked._change_reason = f"Declaration removed: {reason}"
        locked.delete()


def _minutes_changed(meeting: Meeting) -> None:
    """The stored minutes PDFs are stale: count a new pack version and have them made again.

    The version is a counter for the renderer, not a change to the record, so no history row.
    """
    Meeting.objects.filter(pk=meeting.pk).update(pack_version=F("pack_version") + 1)
    meeting.refresh_from_db(fields=["pack_version"])
    after_papers_change(meeting)


def minute_draft(
    *, item: AgendaItem, text: str, actor, expected_version: int | str | None = None
) -> Minute:
    """Write or change the draft minute of an item of a meeting that has been held.

    `expected_version` is the minute's version when the clerk's form was opened (0: it had no
    minute yet); a form opened before someone else's change is refused rather than putting
    their text back. None only for callers that hold no form.
    """
    with transaction.atomic():
        meeting = _locked(item.meeting)
        if meeting.status == Status.MINUTES_APPROVED:
            raise ValidationError(
                "These minutes have been approved: approved minutes are never edited."
            )
        if meeting.status not in HELD_STATUSES:
            raise ValidationError(
                "Minutes can be drafted once the meeting has been held (record its attendance "
                "after it starts)."
            )
        text = text.strip()
        if not text:
            raise ValidationError(f"Write the minute of item {item.position}.")
        minute = Minute.objects.select_for_update().filter(item=item).first()
        if minute is not None and minute.text == text:
            return minute
        is_new = minute is None
        if is_new:
            minute = Minute(item=item, version=0)
        if expected_version is not None:
            check_version(minute, expected_version, what=f"the minute of item {item.position}")
        minute.version += 1
        minute.text = text
        save_record(minute, actor=actor, reason="" if is_new else "Draft changed")
        if meeting.status == Status.HELD:
            meeting.status = Status.MINUTES_DRAFTED
            save_record(meeting, actor=actor, reason="Minutes drafted")
        _minutes_changed(meeting)
        return minute


def minutes_draft_all(
    *,
    meeting: Meeting,
    texts: Mapping[int, str],
    actor,
    versions: Mapping[int, int] | None = None,
) -> list[Minute]:
    """Save the minutes page: the text of each item (by item id); all or nothing.

    An item left blank that has no minute yet is skipped, and so is one whose text is
    unchanged; an existing minute cannot be emptied. `versions` gives, by item id, the version
    of each minute when the page was opened (0: none yet): a minute someone else has changed
    since is refused, so the page never puts back their text. None only for callers that hold
    no form.
    """
    with transaction.atomic():
        # The meeting's lock first: every minute is written under it, so what is read below
        # is what the other clerks have committed.
        meeting = _locked(meeting)
        items = {item.pk: item for item in meeting.items.select_related("minute")}
        saved = []
        for item_id, text in texts.items():
            item = items.get(item_id)
            if item is None:
                raise ValidationError("That item is not on this meeting's agenda.")
            item.meeting = meeting
            current = getattr(item, "minute", None)
            if not text.strip() and current is None:
                continue
            if current is not None and current.text == text.strip():
                continue
            expected = None if versions is None else versions.get(item_id, -1)
            saved.append(
                minute_draft(item=item, text=text, actor=actor, expected_version=expected)
            )
        return saved


def approval_refusal(meeting: Meeting, at_item: AgendaItem, later: Meeting | None = None) -> str:
    """Why the minutes of `meeting` cannot be approved at `at_item` (an item of `later`, if
    given) now ("" when they can)."""
    try:
        _check_approval(meeting, at_item, later)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return ""


def _check_approval(
    meeting: Meeting, at_item: AgendaItem, later: Meeting | None = None
) -> Meeting:
    if later is None:
        later = Meeting.objects.select_related("body").get(pk=at_item.meeting_id)
    if later.pk == meeting.pk:
        raise ValidationError("Minutes cannot be approved at the meeting they record.")
    if later.body_id != meeting.body_id:
        raise ValidationError(
            f"Minutes of the {meeting.body} can be approved only at a later meeting of "
            f"the {meeting.body}, not at a meeting of the {later.body}."
        )
    if later.start <= meeting.start:
        raise ValidationError(
            f"Minutes can be approved only at a later meeting; {later} is not later "
            f"than {meeting}."
        )
    if later.status not in HELD_STATUSES:
        raise ValidationError(
            f"{later} has not been held yet: minutes are approved at a meeting that has "
            "taken place."
        )
    if at_item.kind != AgendaItem.Kind.MINUTES:
        raise ValidationError(
            f"Minutes are approved through the '{AgendaItem.Kind.MINUTES.label}' item, not "
            f"through item {at_item.position} ({at_item.title})."
        )
    if at_item.minutes_of_id not in (None, meeting.pk):
        raise ValidationError(
            f"Item {at_item.position} of {later} is for the minutes of another meeting."
        )
    if meeting.status == Status.MINUTES_APPROVED:
        raise ValidationError("These minutes have already been approved.")
    if not Minute.objects.filter(item__meeting=meeting).exclude(text="").exists():
        raise ValidationError("These minutes have no text yet: draft them before approval.")
    return later


def minutes_approve(*, meeting: Meeting, at_item: AgendaItem, actor) -> Meeting:
    """Approve a meeting's minutes at a later meeting of the same body, through its
    'minutes of the last meeting' item."""
    with transaction.atomic():
        meeting = _locked(meeting)
        later = _check_approval(meeting, at_item)
        if at_item.minutes_of_id is None:
            at_item.minutes_of = meeting
            save_record(at_item, actor=actor, reason="Minutes approved at this item")
        meeting.minutes_approved_at = at_item
        meeting.status = Status.MINUTES_APPROVED
        save_record(meeting, actor=actor, reason=f"Minutes approved at {later}")
        _minutes_changed(meeting)
        transaction.on_commit(
            functools.partial(announce_minutes_approved.enqueue, meeting.pk, portal_url())
        )
        return meeting
