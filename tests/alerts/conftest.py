"""Fixtures of the alerts tests: people who follow things."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from alerts.services import follow_start
from decisions.models import Resolution
from tests.factories import make_user


@pytest.fixture
def follower(db):
    """A signed-in resident with no role: sees what the public sees."""
    return make_user("follower", first_name="Fay", last_name="Follower")


@pytest.fixture
def exempt_agreement(alliance_board, agreement) -> Resolution:
    """An agreement in principle made on the Part II item of the same meeting."""
    return Resolution.objects.create(
        body=alliance_board,
        year=agreement.year,
        number=2,
        meeting=agreement.meeting,
        item=agreement.meeting.items.get(position=4),
        kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE,
        status=Resolution.Status.TO_ROUTE,
        parts="1) Accept the SECRET-BID of 4.2 million pounds.",
    )


@pytest.fixture
def follows(follower):
    """Follow a record as the follower (or by email, for the public)."""

    def _follow(record, email: str = ""):
        if email:
            return follow_start(record=record, email=email)
        return follow_start(record=record, user=follower)

    return _follow


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """The subscription limits count in the cache: each test starts, and leaves, with none."""
    cache.clear()
    yield
    cache.clear()
