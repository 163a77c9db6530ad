"""Held meetings with members present, shared by the resolutions tests."""

from __future__ import annotations

from datetime import date

import pytest

from decisions.models import Resolution
from decisions.services.resolutions import resolution_record
from governance.models import Body, Membership
from meetings.models import AgendaItem, Meeting
from tests.meetings.proceedings_helpers import all_present, approve_terms, make_meeting, seat


@pytest.fixture
def seats(body, council, member):
    """The chair, the vice-chair, Muriel Weisz (the `member` user) and two more councillors."""
    chair = seat(body, "Sue Harper", council, role=Membership.Role.CHAIR)
    vice = seat(body, "Boyd Elliott", council, role=Membership.Role.VICE_CHAIR)
    doddy = seat(body, "John Doddy", council)
    sissons = seat(body, "Andy Sissons", council)
    weisz = Membership.objects.get(body=body, person__name="Muriel Weisz")
    return {"chair": chair, "vice": vice, "doddy": doddy, "sissons": sissons, "weisz": weisz}


@pytest.fixture
def terms(body):
    return approve_terms(body, quorum=3)


@pytest.fixture
def held(body, seats, terms, clerk) -> Meeting:
    """11 January 2021: agenda published, every member present, so held."""
    meeting = make_meeting(body, date(2021, 1, 11))
    all_present(meeting, seats, clerk)
    assert meeting.status == Meeting.Status.HELD
    return meeting


@pytest.fixture
def business(held) -> AgendaItem:
    """Item 3 of the held meeting (Part I)."""
    return held.items.get(position=3)


@pytest.fixture
def exempt(held) -> AgendaItem:
    """Item 4 of the held meeting (Part II, paragraph 3)."""
    return held.items.get(position=4)


@pytest.fixture
def other_body(council) -> Body:
    return Body.objects.create(
        name="Health and Wellbeing Board",
        short_name="HWB",
        slug="health-and-wellbeing-board",
        kind=Body.Kind.BOARD,
        organisation=council,
    )


@pytest.fixture
def record(clerk):
    """Record a resolution with sensible defaults."""

    def _record(item: AgendaItem, **kwargs) -> Resolution:
        kwargs.setdefault("kind", Resolution.Kind.DECISION)
        kwargs.setdefault("parts", "1) To note the report.\n2) To ask for an update.")
        kwargs.setdefault("actor", clerk)
        return resolution_record(item=item, **kwargs)

    return _record
