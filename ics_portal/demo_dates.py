"""The demo's change history dated as the seeds date the events (issue 11 item 8).

The demo loaders write the seeds' records when the demo is loaded, so every history row would
say "today": a 2022 ratification "changed by System" in the year the demo was loaded. After a
load, the history rows of the records that load created are given the date of the event they
record: a meeting and its agenda the day the agenda was published, attendance, declarations,
minutes and resolutions the day of the meeting, a ratification the day its organisation
decided (or, still deciding, the day it was routed at the meeting), a scrutiny recommendation
the day it was sent, a forward plan entry the day it first appeared, a decision notice the
day it was published. A ratification's and an action's `created` (when it was routed or set)
follow. A row only ever moves earlier, never later, so the upcoming demo meetings keep the
time of the load; the rows of one record share one date and keep their order by history id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from django.db import models
from django.utils import timezone

from decisions.models import (
    Action,
    DecisionNotice,
    ForwardPlanEntry,
    Ratification,
    Resolution,
    ScrutinyRecommendation,
)
from meetings.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Declaration,
    Meeting,
    Minute,
    Report,
)

# A seed that gives only the day of an event: midday, London time.
MIDDAY = time(12, 0)


def _day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, MIDDAY))


def _published(meeting: Meeting) -> datetime:
    return meeting.agenda_published_at or meeting.start


def _action(action: Action) -> datetime | None:
    meeting = action.resolution.meeting if action.resolution_id else None
    if meeting is None and action.item_id:
        meeting = action.item.meeting
    return meeting.start if meeting else None


def _ratification(ratification: Ratification) -> datetime:
    if ratification.decided_on:
        return _day(ratification.decided_on)
    return ratification.resolution.meeting.start


# model, related rows to load with it, the date of the event its rows record
EVENTS: list[tuple[type[models.Model], list[str], Callable[[models.Model], datetime | None]]] = [
    (Meeting, [], _published),
    (AgendaItem, ["meeting"], lambda item: _published(item.meeting)),
    (Report, ["item__meeting"], lambda report: _published(report.item.meeting)),
    (Attachment, ["report__item__meeting"], lambda a: _published(a.report.item.meeting)),
    (Attendance, ["meeting"], lambda row: row.meeting.start),
    (Declaration, ["item__meeting"], lambda row: row.item.meeting.start),
    (Minute, ["item__meeting"], lambda minute: minute.item.meeting.start),
    (Resolution, ["meeting"], lambda resolution: resolution.meeting.start),
    (Ratification, ["resolution__meeting"], _ratification),
    (Action, ["resolution__meeting", "item__meeting"], _action),
    (ScrutinyRecommendation, [], lambda recommendation: _day(recommendation.sent_on)),
    (ForwardPlanEntry, [], lambda entry: _day(entry.first_published)),
    (DecisionNotice, [], lambda notice: _day(notice.published_on)),
]
# Records whose `created` is shown as when the event happened.
CREATED_SHOWN = {
    Ratification: lambda r: r.resolution.meeting.start,
    Action: _action,
}


def date_demo_history(*, since: datetime) -> None:
    """Date the history rows of the records created since `since` as their events."""
    for model, related, event in EVENTS:
        created = model.history.filter(history_type="+", history_date__gte=since)
        rows = list(model.history.filter(history_date__gte=since, id__in=created.values("id")))
        if not rows:
            continue
        records = model.objects.all()
        if related:
            records = records.select_related(*related)
        records = records.in_bulk({row.id for row in rows})
        changed = []
        for row in rows:
            record = records.get(row.id)
            when = event(record) if record is not None else None
            if when is not None and when < row.history_date:
                row.history_date = when
                changed.append(row)
        model.history.bulk_update(changed, ["history_date"])
        shown = CREATED_SHOWN.get(model)
        if shown is not None:
            for record in records.values():
                when = shown(record)
                if when is not None and when < record.created:
                    model.objects.filter(pk=record.pk).update(created=when)
