"""Calendars hold a window of meetings (older ones by ?year=), and calendars and feeds answer
a client that already has the same content with 304 Not Modified."""

from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

import pytest
from django.utils import timezone
from icalendar import Calendar

from decisions.models import Resolution
from ics_portal import feeds
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def uids(response) -> set[str]:
    assert response.status_code == 200
    return {str(event["UID"]) for event in Calendar.from_ical(response.content).walk("VEVENT")}


def uid(meeting) -> str:
    return f"meeting-{meeting.pk}@ics-portal"


@pytest.fixture
def across_the_years(body):
    today = timezone.localdate()
    return {
        name: make_meeting(body, today + timedelta(days=days))
        for name, days in {"old": -400, "recent": -300, "soon": 20, "far": 900}.items()
    }


def test_the_calendar_holds_the_last_year_and_all_to_come(client, across_the_years):
    got = uids(client.get("/meetings.ics"))
    m = across_the_years
    assert got == {uid(m["recent"]), uid(m["soon"]), uid(m["far"])}


def test_an_older_year_comes_by_asking_for_it(client, body, across_the_years):
    old = across_the_years["old"]
    year = timezone.localtime(old.start).year
    assert uid(old) in uids(client.get("/meetings.ics", {"year": year}))
    assert uid(old) in uids(client.get(f"/bodies/{body.slug}/meetings.ics", {"year": year}))
    assert uid(old) not in uids(client.get(f"/bodies/{body.slug}/meetings.ics"))
    assert uid(across_the_years["soon"]) not in uids(client.get("/meetings.ics", {"year": year}))


@pytest.mark.parametrize("year", ["soon", "20x4", "-1", "99999"])
def test_a_year_that_is_not_one_is_not_found(client, year):
    assert client.get("/meetings.ics", {"year": year}).status_code == 404


@pytest.mark.parametrize("address", ["/meetings.ics", "/bodies/ascph/meetings.ics"])
def test_a_calendar_the_client_has_is_not_sent_again(client, body, across_the_years, address):
    address = address.replace("ascph", body.slug)
    first = client.get(address)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert client.get(address, headers={"if-none-match": first["ETag"]}).status_code == 304
    since = client.get(address, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304


def test_a_changed_calendar_is_sent_again(client, across_the_years):
    first = client.get("/meetings.ics")
    soon = across_the_years["soon"]
    soon.venue = "Trent Bridge House"
    soon.save()
    again = client.get("/meetings.ics", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert b"Trent Bridge House" in again.content
    assert again["ETag"] != first["ETag"]


def test_a_feed_the_reader_has_is_not_sent_again(client, body):
    meeting = make_meeting(body, date(2021, 1, 11))
    resolution = Resolution.objects.create(
        body=body,
        year=2021,
        number=1,
        meeting=meeting,
        item=meeting.items.get(position=3),
        parts="1) Noted.",
    )
    for address in ("/decisions/feed/", f"/bodies/{body.slug}/decisions/feed/"):
        first = client.get(address)
        assert first.status_code == 200 and first["ETag"]
        assert client.get(address, headers={"if-none-match": first["ETag"]}).status_code == 304
    first = client.get("/decisions/feed/")
    resolution.parts = "1) Noted, with thanks."
    resolution.save()
    again = client.get("/decisions/feed/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert b"with thanks" in again.content


def test_an_unchanged_calendar_is_built_once(client, across_the_years, empty_cache):
    with mock.patch.object(feeds, "meetings_calendar", wraps=feeds.meetings_calendar) as built:
        first = client.get("/meetings.ics")
        assert client.get("/meetings.ics").content == first.content
        assert built.call_count == 1
        soon = across_the_years["soon"]
        soon.venue = "Trent Bridge House"
        soon.save()
        assert b"Trent Bridge House" in client.get("/meetings.ics").content
        assert built.call_count == 2
        soon.body.name = "Adult Social Care Committee"
        soon.body.save()
        assert b"Adult Social Care Committee" in client.get("/meetings.ics").content
        assert built.call_count == 3
