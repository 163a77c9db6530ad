"""Meetings, agendas and the work programme: every change a clerk makes to them."""

from __future__ import annotations

import functools
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from governance.models import Body
from ics_portal.common.records import check_version, save_record
from meetings.exclusion import part_ii_out_of_order
from meetings.models import AgendaItem, AgendaRevision, Meeting, WorkProgrammeEntry
from meetings.services.packs import packs_withdraw_public
from meetings.tasks import enqueue_pack_render
from meetings.working_days import is_late, latest_publication_date

ITEM_FIELDS = {"title", "purpose", "is_exempt", "exempt_paragraph", "lead_officer"}
STANDARD_ITEMS = [
    (AgendaItem.Kind.MINUTES, "Minutes of the last meeting", AgendaItem.Purpose.DECISION),
    (AgendaItem.Kind.APOLOGIES, "Apologies for absence", AgendaItem.Purpose.INFORMATION),
    (AgendaItem.Kind.DECLARATIONS, "Declarations of interest", AgendaItem.Purpose.INFORMATION),
    (AgendaItem.Kind.WORK_PROGRAMME, "Work programme", AgendaItem.Purpose.DECISION),
]


def _long_date(day) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def after_papers_change(meeting: Meeting) -> None:
    """Once the change commits, queue the re-rendering of the meeting's stored PDFs."""
    transaction.on_commit(functools.partial(enqueue_pack_render, meeting.pk))


def _locked(meeting: Meeting) -> Meeting:
    """The meeting re-read under a row lock, so two clerks cannot publish or renumber at once."""
    return Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)


def _require_draft_agenda(meeting: Meeting) -> None:
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError("This meeting has been cancelled; its agenda cannot be changed.")
    if meeting.is_published:
        raise ValidationError(
            "The agenda has been published. Revise the item instead, so that the change is "
            "shown on the agenda as a supplementary / revised report."
        )


def _renumber(items: list[AgendaItem], *, actor, reason: str) -> None:
    """Give the items positions 1..n in the order given, saving only those that moved."""
    for index, item in enumerate(items, start=1):
        if item.position != index:
            item.position = index
            save_record(item, actor=actor, reason=reason)


# Meetings


def _check_report_deadline(start: datetime, report_deadline: date | None) -> None:
    if report_deadline is not None and report_deadline >= timezone.localtime(start).date():
        raise ValidationError(
            {"report_deadline": "Reports must be due before the day of the meeting."}
        )


def meeting_schedule(
    *,
    body: Body,
    start: datetime,
    venue: str = "",
    online_url: str = "",
    report_deadline: date | None = None,
    actor,
) -> Meeting:
    """Schedule a meeting of a body, with the four standard items on its agenda."""
    _check_report_deadline(start, report_deadline)
    with transaction.atomic():
        meeting = save_record(
            Meeting(
                body=body,
                start=start,
                venue=venue,
                online_url=online_url,
                report_deadline=report_deadline,
            ),
            actor=actor,
            reason="Meeting scheduled",
        )
        previous = (
            Meeting.objects.filter(body=body, start__lt=start)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("-start")
            .first()
        )
        for position, (kind, title, purpose) in enumerate(STANDARD_ITEMS, start=1):
            item = AgendaItem(
                meeting=meeting, position=position, kind=kind, title=title, purpose=purpose
            )
            if kind == AgendaItem.Kind.MINUTES:
                item.minutes_of = previous
            save_record(item, actor=actor, reason="Standard item")
        return meeting


def meeting_update(
    *,
    meeting: Meeting,
    start: datetime,
    venue: str = "",
    online_url: str = "",
    report_deadline: date | None = None,
    actor,
) -> Meeting:
    """Change a meeting's date, time, place or report deadline while its agenda is a draft."""
    _check_report_deadline(start, report_deadline)
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.status != Meeting.Status.SCHEDULED:
            raise ValidationError(
                "Only a meeting whose agenda has not been published can be rearranged here."
            )
        meeting.start, meeting.venue, meeting.online_url = start, venue, online_url
        meeting.report_deadline = report_deadline
        return save_record(meeting, actor=actor)


def meeting_cancel(*, meeting: Meeting, actor) -> Meeting:
    """Cancel a meeting that has not yet taken place."""
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.status == Meeting.Status.CANCELLED:
            raise ValidationError("This meeting has already been cancelled.")
        if meeting.status not in (Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_PUBLISHED):
            raise ValidationError("This meeting has been held; it can no longer be cancelled.")
        meeting.status = Meeting.Status.CANCELLED
        return save_record(meeting, actor=actor, reason="Meeting cancelled")


def meeting_mark_held(*, meeting: Meeting, actor, now: datetime | None = None) -> Meeting:
    """Record that a meeting took place: only after its agenda was published and it began."""
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.status != Meeting.Status.AGENDA_PUBLISHED:
            if meeting.status == Meeting.Status.SCHEDULED:
                raise ValidationError(
                    "The agenda must be published before the meeting can be marked as held."
                )
            raise ValidationError(
                f"This meeting is {meeting.get_status_display().lower()}; "
                "it cannot be marked as held."
            )
        if meeting.start > now:
            local = timezone.localtime(meeting.start)
            raise ValidationError(
                f"The meeting starts on {_long_date(local)} at {local:%H:%M}; it can be marked "
                "as held only once it has started."
            )
        meeting.status = Meeting.Status.HELD
        return save_record(meeting, actor=actor, reason="Meeting held")


# Agenda items


def item_add(
    *,
    meeting: Meeting,
    title: str,
    purpose: str = "",
    is_exempt: bool = False,
    exempt_paragraph: int | None = None,
    lead_officer: str = "",
    position: int | None = None,
    work_programme_entry: WorkProgrammeEntry | None = None,
    actor,
) -> AgendaItem:
    """Add a business item; by default just before the work programme item."""
    with transaction.atomic():
        meeting = _locked(meeting)
        _require_draft_agenda(meeting)
        items = list(meeting.items.order_by("position", "pk"))
        if position is None:
            ends = [i for i, it in enumerate(items) if it.kind == AgendaItem.Kind.WORK_PROGRAMME]
            index = ends[-1] if ends else len(items)
        else:
            index = min(max(position, 1), len(items) + 1) - 1
        item = AgendaItem(
            meeting=meeting,
            position=index + 1,
            kind=AgendaItem.Kind.BUSINESS,
            title=title,
            purpose=purpose,
            is_exempt=is_exempt,
            exempt_paragraph=exempt_paragraph if is_exempt else None,
            lead_officer=lead_officer,
            work_programme_entry=work_programme_entry,
        )
        item.full_clean()
        # Make room: the items from the new position down move one place.
        for later in reversed(items[index:]):
            later.position += 1
            save_record(later, actor=actor, reason="Renumbered")
        return save_record(item, actor=actor, reason="Item added")


def _locked_item(item: AgendaItem, expected_version: int | str | None) -> AgendaItem:
    """The item re-read under a row lock (after its meeting's), refusing a stale form.

    `expected_version` is the version the clerk's form was opened at; None only for callers
    that hold no form (scripts, the demo), which edit the row as it now is.
    """
    locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if expected_version is not None:
        check_version(locked, expected_version)
    locked.version += 1
    return locked


def item_update(
    *, item: AgendaItem, actor, expected_version: int | str | None = None, **changes
) -> AgendaItem:
    """Edit an item of a draft agenda, refusing a form opened before someone else's edit;
    after publication use `item_revise`."""
    unknown = set(changes) - ITEM_FIELDS
    if unknown:
        raise TypeError(f"Cannot change {', '.join(sorted(unknown))} of an agenda item.")
    with transaction.atomic():
        _require_draft_agenda(_locked(item.meeting))
        item = _locked_item(item, expected_version)
        was_exempt = item.is_exempt
        for name, value in changes.items():
            setattr(item, name, value)
        if not item.is_exempt:
            item.exempt_paragraph = None
        saved = save_record(item, actor=actor)
        if item.is_exempt and not was_exempt:
            packs_withdraw_public(item.meeting)
        return saved


def item_remove(*, item: AgendaItem, actor) -> None:
    """Take an item off a draft agenda; the items below move up."""
    with transaction.atomic():
        meeting = _locked(item.meeting)
        _require_draft_agenda(meeting)
        item = AgendaItem.objects.select_related("work_programme_entry").get(pk=item.pk)
        entry = item.work_programme_entry
        item._history_user = actor
        item._change_reason = "Item removed"
        item.delete()
        if entry is not None and entry.status == WorkProgrammeEntry.Status.ON_AGENDA:
            entry.status = WorkProgrammeEntry.Status.PLANNED
            save_record(entry, actor=actor, reason=f"Taken off the agenda of {meeting}")
        _renumber(list(meeting.items.order_by("position", "pk")), actor=actor, reason="Renumbered")


def item_move(
    *, item: AgendaItem, direction: str | None = None, new_position: int | None = None, actor
) -> AgendaItem:
    """Move an item up or down, or to a given position; the others keep their order."""
    if (direction is None) == (new_position is None):
        raise TypeError("Give either a direction or a new position.")
    with transaction.atomic():
        meeting = _locked(item.meeting)
        _require_draft_agenda(meeting)
        items = list(meeting.items.order_by("position", "pk"))
        index = next(i for i, it in enumerate(items) if it.pk == item.pk)
        if direction is not None:
            if direction not in ("up", "down"):
                raise ValidationError("Move an item up or down.")
            target = index - 1 if direction == "up" else index + 1
        else:
            target = new_position - 1
        if not 0 <= target < len(items):
            raise ValidationError(
                f"Item {index + 1} cannot move there: the agenda has {len(items)} items."
            )
        moving = items.pop(index)
        items.insert(target, moving)
        _renumber(items, actor=actor, reason="Agenda reordered")
        return moving


def item_revise(
    *,
    item: AgendaItem,
    actor,
    summary: str,
    expected_version: int | str | None = None,
    **changes,
) -> AgendaRevision:
    """Change an item of a published agenda, visibly: a supplementary / revised report.
    A form opened before someone else's revision is refused."""
    unknown = set(changes) - ITEM_FIELDS
    if unknown:
        raise TypeError(f"Cannot change {', '.join(sorted(unknown))} of an agenda item.")
    summary = summary.strip()
    with transaction.atomic():
        meeting = _locked(item.meeting)
        if not meeting.is_published:
            raise ValidationError("The agenda has not been published yet; edit the item instead.")
        if meeting.status != Meeting.Status.AGENDA_PUBLISHED:
            raise ValidationError(
                f"This meeting is {meeting.get_status_display().lower()}; "
                "its agenda can no longer be revised."
            )
        if not summary:
            raise ValidationError({"summary": "Say what has changed, as the agenda will show it."})
        reason = f"Supplementary / revised report: {summary}"
        item = _locked_item(item, expected_version)
        was_exempt = item.is_exempt
        if changes:
            for name, value in changes.items():
                setattr(item, name, value)
            if not item.is_exempt:
                item.exempt_paragraph = None
            items = [item if other.pk == item.pk else other for other in meeting.items.all()]
            out_of_order = part_ii_out_of_order(sorted(items, key=lambda i: i.position))
            if out_of_order:
                raise ValidationError(out_of_order)
            save_record(item, actor=actor, reason=reason)
        if item.is_exempt and not was_exempt:
            # The stored public pack prints this item's papers: withdraw it with this change.
            packs_withdraw_public(meeting)
        revision = save_record(
            AgendaRevision(item=item, made_by=actor, summary=summary), actor=actor, reason=reason
        )
        meeting.pack_version += 1
        # The meeting's reason must not quote the summary: the item may be Part II.
        save_record(meeting, actor=actor, reason=f"Item {item.position} revised")
        after_papers_change(meeting)
        return revision


# Publishing


def publication_deadline(meeting: Meeting):
    """The last day the agenda can be published with five clear working days to spare."""
    return latest_publication_date(meeting.date)


def late_publication_message(meeting: Meeting) -> str:
    """Why a late agenda needs a reason, naming the deadline that was missed."""
    return (
        f"The agenda had to be published by {_long_date(publication_deadline(meeting))} to leave "
        "five clear working days before the meeting. Give the reason it is published late "
        "(for example, urgent business)."
    )


def agenda_publish(
    *, meeting: Meeting, actor, late_reason: str = "", now: datetime | None = None
) -> Meeting:
    """Publish the agenda; later than five clear working days before needs a reason."""
    now = now or timezone.now()
    late_reason = late_reason.strip()
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.status == Meeting.Status.CANCELLED:
            raise ValidationError(
                "This meeting has been cancelled; its agenda cannot be published."
            )
        if meeting.is_published:
            raise ValidationError("The agenda has already been published.")
        if meeting.start <= now:
            raise ValidationError(
                "The meeting has already started; its agenda cannot be published."
            )
        items = list(meeting.items.order_by("position"))
        if not any(item.kind == AgendaItem.Kind.BUSINESS for item in items):
            raise ValidationError("Add at least one item before publishing the agenda.")
        for item in items:
            try:
                item.full_clean()
            except ValidationError as exc:
                raise ValidationError(
                    f"Item {item.position} ({item.title}): {' '.join(exc.messages)}"
                ) from exc
        out_of_order = part_ii_out_of_order(items)
        if out_of_order:
            raise ValidationError(out_of_order)
        published_on = timezone.localdate(now)
        if is_late(published_on, meeting.date):
            if not late_reason:
                raise ValidationError({"late_reason": late_publication_message(meeting)})
        else:
            late_reason = ""
        meeting.agenda_published_at = now
        meeting.late_publication_reason = late_reason
        meeting.status = Meeting.Status.AGENDA_PUBLISHED
        meeting.pack_version += 1
        save_record(meeting, actor=actor, reason="Agenda published")
        after_papers_change(meeting)
        return meeting


# Work programme


def work_programme_entry_add(
    *,
    body: Body,
    planned_for,
    title: str,
    summary: str = "",
    lead_officer: str = "",
    report_author: str = "",
    actor,
) -> WorkProgrammeEntry:
    """Plan a report for a future meeting of a body."""
    with transaction.atomic():
        entry = WorkProgrammeEntry(
            body=body,
            planned_for=planned_for,
            title=title,
            summary=summary,
            lead_officer=lead_officer,
            report_author=report_author,
        )
        return save_record(entry, actor=actor)


def work_programme_entry_update(
    *, entry: WorkProgrammeEntry, actor, **changes
) -> WorkProgrammeEntry:
    """Edit a planned report, or defer or withdraw it."""
    allowed = {"planned_for", "title", "summary", "lead_officer", "report_author", "status"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"Cannot change {', '.join(sorted(unknown))} of a work programme entry.")
    with transaction.atomic():
        entry = WorkProgrammeEntry.objects.select_for_update().get(pk=entry.pk)
        on_agenda = AgendaItem.objects.filter(work_programme_entry=entry).exists()
        status = changes.get("status", entry.status)
        if status == WorkProgrammeEntry.Status.ON_AGENDA and not on_agenda:
            raise ValidationError(
                {"status": "Add the entry to a meeting's agenda to put it on an agenda."}
            )
        if on_agenda and status != WorkProgrammeEntry.Status.ON_AGENDA:
            raise ValidationError(
                {"status": "This entry is on an agenda; take the item off the agenda first."}
            )
        for name, value in changes.items():
            setattr(entry, name, value)
        return save_record(entry, actor=actor)


def work_programme_entry_to_agenda(
    *, entry: WorkProgrammeEntry, meeting: Meeting, actor
) -> AgendaItem:
    """Put a planned report on a meeting's draft agenda as a business item."""
    with transaction.atomic():
        entry = WorkProgrammeEntry.objects.select_for_update().get(pk=entry.pk)
        if meeting.body_id != entry.body_id:
            raise ValidationError(
                {"meeting": "That meeting belongs to another body; choose one of this body's."}
            )
        if AgendaItem.objects.filter(work_programme_entry=entry).exists():
            raise ValidationError("This entry is already on an agenda.")
        if entry.status == WorkProgrammeEntry.Status.WITHDRAWN:
            raise ValidationError("This entry has been withdrawn; plan it again first.")
        if meeting.status != Meeting.Status.SCHEDULED:
            raise ValidationError(
                {
                    "meeting": "The agenda of that meeting has been published or the meeting "
                    "has been held or cancelled; choose a meeting whose agenda is still a draft."
                }
            )
        item = item_add(
            meeting=meeting,
            title=entry.title,
            lead_officer=entry.lead_officer,
            work_programme_entry=entry,
            actor=actor,
        )
        entry.status = WorkProgrammeEntry.Status.ON_AGENDA
        save_record(entry, actor=actor, reason=f"Added to the agenda of {meeting}")
        return item
