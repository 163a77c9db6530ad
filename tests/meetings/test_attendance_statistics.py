"""Attendance statistics per member and per body, per year: meetings expected, attended,
apologies and substitutions, cancelled meetings excluded; on the body and person pages and in
the API."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.selectors.attendance import body_attendance, person_attendance
from meetings.services.proceedings import AttendanceEntry, attendance_record
from tests.factories import make_meeting, person


@pytest.fixture
def attendance_year(body, seats, terms, held, clerk):
    """2021: 11 January all present; 8 February with apologies, a substitute and an absence;
    8 March cancelled. 2022: 10 January with only the chair recorded (Andy Sissons has left);
    14 February published but not yet held."""
    sam = person("Sam Stand")
    seats["doddy"].substitutes.add(sam)
    february = make_meeting(body, date(2021, 2, 8))
    attendance_record(
        meeting=february,
        entries=[
            AttendanceEntry(seats["chair"].person, "present"),
            AttendanceEntry(seats["vice"].person, "present"),
            AttendanceEntry(seats["weisz"].person, "apologies"),
            AttendanceEntry(seats["doddy"].person, "substituted", substitute=sam),
            AttendanceEntry(seats["sissons"].person, "absent"),
        ],
        actor=clerk,
    )
    march = make_meeting(body, date(2021, 3, 8))
    Meeting.objects.filter(pk=march.pk).update(status=Meeting.Status.CANCELLED)
    seats["sissons"].end = date(2021, 12, 31)
    seats["sissons"].save()
    january = make_meeting(body, date(2022, 1, 10))
    attendance_record(
        meeting=january,
        entries=[AttendanceEntry(seats["chair"].person, "present")],
        actor=clerk,
    )
    make_meeting(body, date(2022, 2, 14))
    return seats


def _counts(tally) -> tuple:
    return (
        tally.expected,
        tally.attended,
        tally.apologies,
        tally.substituted,
        tally.absent,
        tally.not_recorded,
    )


def test_a_bodys_year_counts_held_meetings_only(body, attendance_year):
    years = body_attendance(None, body)
    assert [(y.year, y.held, y.cancelled) for y in years] == [(2022, 1, 0), (2021, 2, 1)]
    tallies = {t.person.name: _counts(t) for t in years[1].tallies}
    assert tallies["Muriel Weisz"] == (2, 1, 1, 0, 0, 0)
    assert tallies["John Doddy"] == (2, 1, 0, 1, 0, 0)
    assert tallies["Andy Sissons"] == (2, 1, 0, 0, 1, 0)
    in_2022 = {t.person.name: _counts(t) for t in years[0].tallies}
    assert "Andy Sissons" not in in_2022  # left before the meeting
    assert in_2022["Sue Harper"] == (1, 1, 0, 0, 0, 0)
    assert in_2022["Muriel Weisz"] == (1, 0, 0, 0, 0, 1)


def test_a_persons_years_and_bodies(body, attendance_year):
    weisz = attendance_year["weisz"].person
    assert [(t.year, t.body, _counts(t)) for t in person_attendance(None, weisz)] == [
        (2022, body, (1, 0, 0, 0, 0, 1)),
        (2021, body, (2, 1, 1, 0, 0, 0)),
    ]


def test_an_unpublished_meeting_counts_only_for_its_clerks(body, attendance_year, clerk):
    Meeting.objects.filter(start__year=2022, status=Meeting.Status.HELD).update(
        agenda_published_at=None
    )
    assert [y.year for y in body_attendance(None, body)] == [2021]
    assert [y.year for y in body_attendance(clerk, body)] == [2022, 2021]


def test_the_body_page_shows_attendance(
    client, body, attendance_year, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        response = client.get(body.get_absolute_url())
    html = response.content.decode()
    assert "2021: 2 meetings held, 1 cancelled" in html
    table_2021 = html[html.index('data-year="2021"') :]
    row = table_2021[table_2021.index('data-person="muriel-weisz"') :]
    row = row[: row.index("</tr>")]
    assert (
        '<td class="govuk-table__cell govuk-table__cell--numeric" data-count="apologies">1' in row
    )


def test_the_person_page_shows_attendance(client, attendance_year, django_assert_max_num_queries):
    doddy = attendance_year["doddy"].person
    with django_assert_max_num_queries(15):
        html = client.get(doddy.get_absolute_url()).content.decode()
    row = html[html.index('data-year="2021"') :]
    row = row[: row.index("</tr>")]
    assert 'data-count="substitutions">1' in row


def test_the_api_gives_the_same_counts(client, body, attendance_year):
    url = reverse("api:attendance-statistics")
    rows = client.get(url, {"body": body.slug}).json()
    weisz_2021 = next(r for r in rows if r["person"] == "muriel-weisz" and r["year"] == 2021)
    assert weisz_2021 | {"person_name": ""} == {
        "year": 2021,
        "person": "muriel-weisz",
        "person_name": "",
        "body": body.slug,
        "body_name": body.name,
        "expected": 2,
        "attended": 1,
        "apologies": 1,
        "substitutions": 0,
        "absent": 0,
        "not_recorded": 0,
    }
    by_person = client.get(url, {"person": "john-doddy"}).json()
    assert [(r["year"], r["substitutions"]) for r in by_person] == [(2022, 0), (2021, 1)]


def test_the_api_asks_for_a_body_or_a_person(client, db):
    response = client.get(reverse("api:attendance-statistics"))
    assert response.status_code == 400
    assert "body=<slug> or person=<slug>" in str(response.json())
