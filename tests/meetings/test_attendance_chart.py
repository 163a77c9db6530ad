"""The members' attendance chart on a body's page: per member and year, expected, attended,
substitutes, apologies and absent, cancelled meetings left out; drawn with words and a table."""

from datetime import date

import pytest

from meetings.models import Attendance, Meeting
from meetings.selectors.attendance_chart import body_attendance
from meetings.services.proceedings import AttendanceEntry
from tests.factories import all_present, make_meeting, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def chart_year(body, held, seats, clerk):
    """2021: the held 11 January meeting (all present); a March meeting with Sue Harper's
    apologies and John Doddy substituted; a cancelled May meeting with rows of its own;
    and a 2020 meeting with everyone present."""
    march = make_meeting(body, date(2021, 3, 8))
    all_present(
        march,
        seats,
        clerk,
        chair=AttendanceEntry(seats["chair"].person, "apologies"),
        doddy=AttendanceEntry(seats["doddy"].person, "substituted", person("Sam Stand-in")),
    )
    may = make_meeting(body, date(2021, 5, 10))
    all_present(may, seats, clerk)
    Meeting.objects.filter(pk=may.pk).update(status=Meeting.Status.CANCELLED)
    all_present(make_meeting(body, date(2020, 11, 9)), seats, clerk)
    return body


def test_counts_per_member_leave_out_cancelled_meetings(chart_year):
    chart = body_attendance(chart_year, 2021, None)
    assert (chart.meetings, chart.years) == (2, [2021, 2020])
    counts = {
        m.name: (m.expected, m.attended, m.substituted, m.apologies, m.absent)
        for m in chart.members
    }
    assert counts == {
        "Andy Sissons": (2, 2, 0, 0, 0),
        "Boyd Elliott": (2, 2, 0, 0, 0),
        "John Doddy": (2, 1, 1, 0, 0),
        "Muriel Weisz": (2, 2, 0, 0, 0),
        "Sue Harper": (2, 1, 0, 1, 0),
    }
    assert "Sue Harper: expected at 2; 1 attended, 1 apologies." in chart.description
    assert body_attendance(chart_year, 2020, None).meetings == 1


def test_officers_are_not_members_expected(chart_year, held):
    Attendance.objects.create(meeting=held, person=person("An Officer"), status="officer")
    names = [m.name for m in body_attendance(chart_year, 2021, None).members]
    assert "An Officer" not in names


def test_body_page_draws_the_chart_with_words_and_table(
    client, chart_year, django_assert_max_num_queries
):
    url = chart_year.get_absolute_url()
    response = client.get(url, {"attendance_year": 2021})
    html = response.content.decode()
    assert "Attendance in 2021" in html
    assert 'role="img" aria-label="Attendance in 2021: Attendance of members at 2 meetings' in html
    assert "<figcaption" in html and "John Doddy: expected at 2; 1 attended, 1 substitute" in html
    assert "Attendance of members in 2021</caption>" in html
    assert "?attendance_year=2020#attendance" in html  # the other years, as links
    assert body_attendance(chart_year, None, None).year == 2021  # the latest with any
    # The chart and, below it, the year-by-year attendance statistics: a fixed number.
    with django_assert_max_num_queries(15):
        client.get(url)


def test_unpublished_meetings_do_not_count_for_the_public(body, seats, clerk, client):
    draft = make_meeting(body, date(2021, 2, 1), published=False)
    for membership in seats.values():  # rows the service would refuse, read as hidden anyway
        Attendance.objects.create(meeting=draft, person=membership.person, status="present")
    assert body_attendance(body, 2021, None).members == []
    html = client.get(body.get_absolute_url(), {"attendance_year": 2021}).content.decode()
    assert "No attendance is recorded for meetings held in 2021." in html
