"""Meetings for the agenda tests: a draft agenda and a published one, far in the future."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from meetings.models import AgendaItem, Meeting
from meetings.services import agenda as services

LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


def schedule(body, actor, start=None, **extra) -> Meeting:
    return services.meeting_schedule(
        body=body,
        start=start or at(2099, 3, 10),
        venue=extra.pop("venue", "County Hall, West Bridgford"),
        actor=actor,
        **extra,
    )


@pytest.fixture
def draft(body, clerk) -> Meeting:
    """A draft agenda: the four standard items and one business item at 3 + 1."""
    meeting = schedule(body, clerk)
    services.item_add(
        meeting=meeting, title="Better Care Fund plan", purpose="decision", actor=clerk
    )
    return meeting


@pytest.fixture
def published(draft, clerk) -> Meeting:
    return services.agenda_publish(meeting=draft, actor=clerk, now=at(2099, 2, 1))


def titles(meeting: Meeting) -> list[str]:
    return list(meeting.items.order_by("position").values_list("title", flat=True))


def positions(meeting: Meeting) -> list[int]:
    return list(meeting.items.order_by("position").values_list("position", flat=True))


def business(meeting: Meeting) -> AgendaItem:
    return meeting.items.get(kind=AgendaItem.Kind.BUSINESS)
