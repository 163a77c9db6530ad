"""Actions arising from resolutions and agenda items: every change a clerk makes to them.

An action always records the agenda item it arises from: one arising from a resolution gets the
resolution's own item, so that the Part II rule of that item can be applied to it in one place.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from decisions.models import Action, ActionNote, Resolution
from governance.models import Body
from ics_portal.common.records import lock_for_edit, save_record
from meetings.models import AgendaItem, Meeting

Status = Action.Status

FINAL = {Status.DONE, Status.CANCELLED}
# Where an action may go next from each status that is not final.
NEXT = {
    Status.OPEN: [Status.IN_PROGRESS, Status.DONE, Status.CANCELLED],
    Status.IN_PROGRESS: [Status.DONE, Status.CANCELLED],
}


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def next_statuses(action: Action) -> list[str]:
    """The statuses the action may move to now (none once done or cancelled)."""
    return list(NEXT.get(action.status, []))


def _locked(action: Action, expected_version: int | str | None = None) -> Action:
    """The action re-read under a row lock, so two clerks cannot change it at once; a form
    opened at an older version than `expected_version` is refused (None: no form to check)."""
    return lock_for_edit(Action.objects, action.pk, expected_version)


def _check_due_date(due_date: date, meeting: Meeting) -> None:
    if due_date < meeting.date:
        raise ValidationError(
            {
                "due_date": "The due date cannot be before the meeting the action arises from "
                f"({_long_date(meeting.date)})."
            }
        )


def require_not_final(action: Action) -> None:
    """Refuse any change to a done or cancelled action."""
    if action.status in FINAL:
        raise ValidationError(
            f"This action is {action.get_status_display().lower()}, which is final: it cannot "
            "be reopened or changed. Record a new action if more needs to be done."
        )


def action_create(
    *,
    body: Body,
    description: str,
    owner: str,
    due_date: date,
    actor,
    resolution: Resolution | None = None,
    item: AgendaItem | None = None,
) -> Action:
    """Record an action arising from a resolution or an agenda item of the body."""
    if resolution is None and item is None:
        raise ValidationError("An action arises from a resolution or an agenda item.")
    with transaction.atomic():
        if resolution is not None:
            if resolution.body_id != body.pk:
                raise ValidationError(f"Resolution {resolution} is not a resolution of {body}.")
            if item is not None and item.pk != resolution.item_id:
                raise ValidationError("That item is not the one the resolution was made on.")
            item = resolution.item
        meeting = item.meeting
        if meeting.body_id != body.pk:
            raise ValidationError(f"That item is not on the agenda of a meeting of {body}.")
        if meeting.status == Meeting.Status.CANCELLED:
            raise ValidationError("That meeting was cancelled; no action can arise from it.")
        if not meeting.is_published:
            raise ValidationError(
                "The agenda of that meeting has not been published; record actions once it has."
            )
        _check_due_date(due_date, meeting)
        action = Action(
            body=body,
            resolution=resolution,
            item=item,
            description=description,
            owner=owner,
            due_date=due_date,
        )
        return save_record(action, actor=actor, reason="Action recorded")


def action_update(
    *,
    action: Action,
    description: str,
    owner: str,
    due_date: date,
    actor,
    expected_version: int | str | None = None,
) -> Action:
    """Change what an open action asks, of whom, and by when, refusing a form opened before
    someone else changed the action."""
    with transaction.atomic():
        action = _locked(action, expected_version)
        require_not_final(action)
        _check_due_date(due_date, action.source_item.meeting)
        action.description, action.owner, action.due_date = description, owner, due_date
        return save_record(action, actor=actor, reason="Action changed")


def action_set_status(
    *,
    action: Action,
    status: str,
    actor,
    note: str = "",
    expected_version: int | str | None = None,
) -> Action:
    """Move an action on: open → in progress → done or cancelled. Done and cancelled are final.
    A form opened before someone else changed the action is refused."""
    if status not in Status.values:
        raise ValidationError({"status": "Choose a status."})
    with transaction.atomic():
        action = _locked(action, expected_version)
        require_not_final(action)
        if status == action.status:
            raise ValidationError(
                {"status": f"The action is already {action.get_status_display().lower()}."}
            )
        if status not in NEXT[action.status]:
            raise ValidationError(
                {
                    "status": f"An action that is {action.get_status_display().lower()} cannot "
                    f"go back to {Status(status).label.lower()}. Add a progress note instead."
                }
            )
        action.status = status
        save_record(action, actor=actor, reason=f"Status: {action.get_status_display()}")
        if note.strip():
            _add_note(action, note, actor)
        return action


def _add_note(action: Action, text: str, actor) -> ActionNote:
    note = ActionNote(
        action=action,
        text=text.strip(),
        written_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    return save_record(note, actor=actor, reason="Progress note")


def action_add_note(*, action: Action, text: str, actor) -> ActionNote:
    """Add a dated progress note to an action (also once it is done or cancelled)."""
    if not text.strip():
        raise ValidationError({"text": "Write the progress note."})
    with transaction.atomic():
        return _add_note(_locked(action), text, actor)
