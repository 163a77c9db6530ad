"""Helpers that build resolutions for the follow-up tests."""

from __future__ import annotations

from datetime import date

from decisions.models import Resolution
from tests.meetings.proceedings_helpers import item

MEETING_DAY = date(2021, 1, 11)
PART_TWO_SECRET = "Negotiate the Bramble Lodge fee at 4.2 per cent"


def make_resolution(meeting, position: int, number: int, **extra) -> Resolution:
    return Resolution.objects.create(
        body=meeting.body,
        year=meeting.date.year,
        number=number,
        meeting=meeting,
        item=item(meeting, position),
        parts="1) Noted the report.\n2) Requested an email update.",
        **extra,
    )
