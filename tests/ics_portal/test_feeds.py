"""Calendars and feeds: the iCalendar of meetings and the Atom feed of new decisions."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from decisions.models import Resolution
from meetings.models import Meeting
from tests.factories import make_meeting

ATOM = "{http://www.w3.org/2005/Atom}"
PARTS_MARKER = "ZQX-FEED-PARTS-SECRET"
DRAFT_MARKER = "ZQX-FEED-DRAFT-SECRET"

pytestmark = pytest.mark.django_db


def resolve(meeting: Meeting, position: int, number: int, parts: str) -> Resolution:
    return Resolution.objects.create(
        body=meeting.body,
        year=meeting.start.year,
        number=number,
        meeting=meeting,
        item=meeting.items.get(position=position),
        parts=parts,
    )


def events(response) -> dict:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def entries(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


# iCalendar -----------------------------------------------------------------------------------


def test_calendar_lists_published_meetings_with_stable_uids(client, body):
    published = make_meeting(body, date(2021, 1, 11))
    draft = make_meeting(body, date(2021, 2, 8), published=False)

    first = events(client.get("/meetings.ics?year=2021"))
    second = events(client.get("/meetings.ics?year=2021"))

    assert list(first) == [f"meeting-{published.pk}@ics-portal"]
    assert list(second) == list(first)
    assert f"meeting-{draft.pk}@ics-portal" not in first
    event = first[f"meeting-{published.pk}@ics-portal"]
    assert str(event["SUMMARY"]) == body.name
    assert str(event["LOCATION"]) == "County Hall, West Bridgford"
    assert str(event["URL"]) == f"http://testserver/meetings/{published.pk}/"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute) == (10, 30)
    assert event.decoded("DTEND") - start == timedelta(hours=2)
    assert "DTSTAMP" in event
    assert "LAST-MODIFIED" in event


def test_calendar_carries_the_london_time_zone(client, body):
    make_meeting(body, date(2021, 7, 12))  # summer time
    calendar = Calendar.from_ical(client.get("/meetings.ics?year=2021").content)
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/London"]
    event = calendar.walk("VEVENT")[0]
    assert event["DTSTART"].to_ical() == b"20210712T103000"


def test_cancelled_meeting_is_marked_cancelled(client, body):
    meeting = make_meeting(body, date(2021, 1, 11))
    meeting.status = Meeting.Status.CANCELLED
    meeting.save()
    event = events(client.get("/meetings.ics?year=2021"))[f"meeting-{meeting.pk}@ics-portal"]
    assert str(event["STATUS"]) == "CANCELLED"


def test_online_meeting_gives_its_link_as_location(client, body):
    meeting = make_meeting(body, date(2021, 1, 11))
    meeting.venue = ""
    meeting.online_url = "https://meet.example.org/ascph"
    meeting.save()
    event = events(client.get("/meetings.ics?year=2021"))[f"meeting-{meeting.pk}@ics-portal"]
    assert str(event["LOCATION"]) == "https://meet.example.org/ascph"


def test_body_calendar_has_only_that_body(client, body, other_body):
    mine = make_meeting(body, date(2021, 1, 11))
    make_meeting(other_body, date(2021, 1, 12))
    got = events(client.get(f"/bodies/{body.slug}/meetings.ics?year=2021"))
    assert list(got) == [f"meeting-{mine.pk}@ics-portal"]
    assert client.get("/bodies/no-such-body/meetings.ics").status_code == 404


def test_calendar_is_public_whoever_asks(client_for, clerk, body):
    make_meeting(body, date(2021, 1, 11), published=False)
    assert events(client_for(clerk).get("/meetings.ics")) == {}


def test_calendar_queries_are_bounded(client, body, other_body, django_assert_max_num_queries):
    for n in range(30):
        make_meeting(body if n % 2 else other_body, date(2021, 1, 4) + timedelta(days=n))
    with django_assert_max_num_queries(3):
        assert len(events(client.get("/meetings.ics?year=2021"))) == 30
    with django_assert_max_num_queries(4):
        assert len(events(client.get(f"/bodies/{body.slug}/meetings.ics?year=2021"))) == 15


# Atom ----------------------------------------------------------------------------------------


def test_feed_entries_link_to_the_trail(client, body):
    meeting = make_meeting(body, date(2021, 1, 11))
    resolution = resolve(meeting, 3, 1, "1) Noted the report.\n2) Agreed the plan.")

    [entry] = entries(client.get("/decisions/feed/"))

    trail = f"http://testserver/decisions/{resolution.pk}/"
    assert entry.find(f"{ATOM}link").get("href") == trail
    assert entry.find(f"{ATOM}title").text == (
        "ASCPH 2021/001: Public health services performance report"
    )
    summary = entry.find(f"{ATOM}summary").text
    assert "1) Noted the report." in summary
    assert "2) Agreed the plan." in summary
    assert entry.find(f"{ATOM}published").text.startswith("2021-01-11T10:30:00")


def test_part_two_resolution_shows_only_the_exempt_notice(client_for, member, body):
    meeting = make_meeting(body, date(2021, 1, 11))
    resolve(meeting, 4, 1, f"1) Agreed the fee of {PARTS_MARKER}.")

    # Public even for a member who may see Part II on the pages.
    for client in (client_for(None), client_for(member)):
        response = client.get("/decisions/feed/")
        [entry] = entries(response)
        assert PARTS_MARKER not in response.content.decode()
        assert entry.find(f"{ATOM}title").text == "ASCPH 2021/001: Care home fee negotiations"
        assert "Exempt: paragraph 3 of Schedule 12A" in entry.find(f"{ATOM}summary").text


def test_unpublished_meetings_resolutions_are_absent(client, body):
    draft = make_meeting(body, date(2021, 1, 11), published=False)
    resolve(draft, 3, 1, f"1) {DRAFT_MARKER}")
    response = client.get("/decisions/feed/")
    assert entries(response) == []
    assert DRAFT_MARKER not in response.content.decode()
    assert DRAFT_MARKER not in client.get(f"/bodies/{body.slug}/decisions/feed/").content.decode()


def test_body_feed_has_only_that_body(client, body, other_body):
    resolve(make_meeting(body, date(2021, 1, 11)), 3, 1, "1) Mine.")
    resolve(make_meeting(other_body, date(2021, 1, 12)), 3, 1, "1) Theirs.")
    [entry] = entries(client.get(f"/bodies/{body.slug}/decisions/feed/"))
    assert entry.find(f"{ATOM}title").text.startswith("ASCPH 2021/001")
    assert len(entries(client.get("/decisions/feed/"))) == 2
    assert client.get("/bodies/no-such-body/decisions/feed/").status_code == 404


def test_feed_holds_the_newest_fifty_in_bounded_queries(
    client, body, django_assert_max_num_queries
):
    for n in range(55):
        meeting = make_meeting(body, date(2021, 1, 4) + timedelta(days=n))
        resolve(meeting, 3 + n % 2, n + 1, f"1) Part of resolution {n + 1}.")
    with django_assert_max_num_queries(2):
        got = entries(client.get("/decisions/feed/"))
    assert len(got) == 50
    assert got[0].find(f"{ATOM}title").text.startswith("ASCPH 2021/055")
    with django_assert_max_num_queries(3):
        assert len(entries(client.get(f"/bodies/{body.slug}/decisions/feed/"))) == 50


@pytest.mark.parametrize(
    "url", ["/meetings.ics", "/decisions/feed/", "/bodies/{slug}/decisions/feed/"]
)
def test_feeds_answer_only_get(client, body, url):
    assert client.post(url.format(slug=body.slug)).status_code == 405


def test_feed_links_include(body):
    from django.template.loader import render_to_string

    everywhere = render_to_string("includes/feed_links.html")
    assert 'href="/meetings.ics"' in everywhere
    assert 'href="/decisions/feed/"' in everywhere
    one_body = render_to_string("includes/feed_links.html", {"body": body})
    assert f'href="/bodies/{body.slug}/meetings.ics"' in one_body
    assert f'href="/bodies/{body.slug}/decisions/feed/"' in one_body
