"""Helpers that build resolutions and find ratifications for the ratification tests."""

from __future__ import annotations

from datetime import date

from decisions.models import Ratification, Resolution
from governance.models import Body, Organisation
from tests.meetings.proceedings_helpers import make_meeting

MEETING_DAY = date(2021, 11, 8)


def make_resolution(
    body: Body,
    *,
    kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE,
    number=1,
    day=MEETING_DAY,
    meeting=None,
) -> Resolution:
    meeting = meeting or make_meeting(body, day)
    status = (
        Resolution.Status.TO_ROUTE
        if kind == Resolution.Kind.AGREEMENT_IN_PRINCIPLE
        else Resolution.Status.AGREED
    )
    return Resolution.objects.create(
        body=body,
        year=day.year,
        number=number,
        meeting=meeting,
        item=meeting.items.get(position=3),
        kind=kind,
        status=status,
        parts="1) Adopt the Memorandum of Understanding.\n2) Refer it to each partner.",
    )


def ratification_of(resolution: Resolution, organisation: Organisation) -> Ratification:
    return Ratification.objects.get(resolution=resolution, organisation=organisation)
