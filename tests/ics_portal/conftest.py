"""Fixtures of the site-wide tests (search, feeds, the API)."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache

from meetings.models import AgendaItem, Minute
from tests.factories import (
    SCRIPT,
    approve_minutes,
    item,
    make_item_resolution,
    make_meeting,
    make_short_report,
)


@pytest.fixture
def records(body):
    """January: published, minutes approved in February; item 3 Part I, item 4 Part II.
    March: published, minutes still draft. April: agenda not published."""
    january = make_meeting(body, date(2021, 1, 11))
    february = make_meeting(body, date(2021, 2, 8))
    march = make_meeting(body, date(2021, 3, 29))
    april = make_meeting(body, date(2021, 4, 26), published=False)
    approve_minutes(january, at=february)

    make_short_report(
        item(january, 3),
        f"Uptake among zebrafinch residents rose sharply. {SCRIPT} Further work follows.",
        title="Vaccination uptake",
    )
    make_item_resolution(january, 3, 1, "1) Ratified the hedgehog strategy.\n2) Noted the report.")
    Minute.objects.create(item=item(january, 3), text="The walrusminute was discussed at length.")

    make_short_report(item(january, 4), "The quokkamarker figures are confidential.")
    make_item_resolution(january, 4, 2, "1) Agreed the quokkamarker fee.")
    Minute.objects.create(item=item(january, 4), text="Members debated the quokkamarker offer.")

    Minute.objects.create(item=item(march, 3), text="A draftymoose minute not yet approved.")

    AgendaItem.objects.filter(pk=item(april, 3).pk).update(title="Secretbadger proposals")
    make_short_report(item(april, 4), "The secretbadger plan.")
    make_short_report(item(april, 3), "Unpublished greyheron report.")
    return {"january": january, "march": march, "april": april}


@pytest.fixture
def empty_cache():
    """Starts, and leaves, the cache empty (for tests of what is kept in it)."""
    cache.clear()
    yield
    cache.clear()
