"""Upcoming demo meetings, dated from today, so that the portal's home page is alive.

Nottinghamshire's Adult Social Care and Public Health Committee (seed 002) gets:

- a meeting three working days from today whose agenda was published on time, on the last
  day that left five clear working days (so it sits inside the five-day window);
- a meeting about five weeks away whose agenda is still a draft.

The seed's meetings are in 2021; these dates are not facts, only today's calendar. Their
business items are the regular reports the seed's work programme lists at every meeting.
They go through the services a clerk uses. A second run on any day adds nothing while an
upcoming published meeting and an upcoming draft both exist.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from governance.models import Body
from meetings.models import Meeting
from meetings.services import agenda as services
from meetings.working_days import is_working_day, latest_publication_date

LONDON = ZoneInfo("Europe/London")
VIRTUAL = "Virtual meeting"
YOUTUBE = "https://www.youtube.com/user/nottsccl"
DIRECTOR = "Corporate Director, Adult Social Care and Health"
# Regular items of the seed's work programme (29 March and 14 June 2021).
PUBLISHED_ITEMS = [
    "Performance and financial position update",
    "Market management position statement",
]
DRAFT_ITEMS = [
    "Public Health Services Performance and Quality Report for Funded Contracts",
    "Performance and financial position update",
]


def working_days_after(day: date, count: int) -> date:
    """The working day `count` working days after `day`."""
    while count:
        day += timedelta(days=1)
        count -= is_working_day(day)
    return day


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def _meeting(body: Body, day: date) -> Meeting:
    return services.meeting_schedule(
        body=body, start=_at(day, 10, 30), venue=VIRTUAL, online_url=YOUTUBE, actor=None
    )


def _add_items(meeting: Meeting, titles: list[str]) -> None:
    for title in titles:
        services.item_add(meeting=meeting, title=title, lead_officer=DIRECTOR, actor=None)


def load(body: Body, *, today: date | None = None) -> None:
    """Make sure the body has an upcoming published agenda and an upcoming draft one."""
    today = today or timezone.localdate()
    upcoming = Meeting.objects.filter(body=body, start__gte=_at(today, 0))
    if not upcoming.filter(status=Meeting.Status.AGENDA_PUBLISHED).exists():
        day = working_days_after(today, 3)
        meeting = _meeting(body, day)
        _add_items(meeting, PUBLISHED_ITEMS)
        published = _at(latest_publication_date(day), 16)
        services.agenda_publish(meeting=meeting, actor=None, now=published)
    if not upcoming.filter(status=Meeting.Status.SCHEDULED).exists():
        day = working_days_after(today + timedelta(days=35), 1)
        _add_items(_meeting(body, day), DRAFT_ITEMS)
