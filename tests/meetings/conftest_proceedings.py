"""Meetings with members, officers and agendas, shared by the proceedings tests."""

from __future__ import annotations

from datetime import date

import pytest

from governance.models import Membership
from meetings.models import Meeting
from tests.meetings.proceedings_helpers import approve_terms, make_meeting, seat


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
def officer_seat(body):
    return seat(body, "Jonathan Gribbin", role=Membership.Role.OFFICER, voting=False)


@pytest.fixture
def terms(body):
    return approve_terms(body, quorum=3)


@pytest.fixture
def meeting(body, seats, terms) -> Meeting:
    """11 January 2021, agenda published, not yet held."""
    return make_meeting(body, date(2021, 1, 11))


@pytest.fixture
def next_meeting(body, meeting) -> Meeting:
    """8 February 2021, the next meeting of the same body."""
    return make_meeting(body, date(2021, 2, 8))
