""" "Your work" on the home page (issue 11 item 2): each role sees what it must do next, with
its deadline and a link to do it, and nothing that is not theirs; agenda items link to
"Write the report" and to the report's PDF."""

from __future__ import annotations

from datetime import date, timedelta
from html import unescape

import pytest
from django.utils import timezone

from decisions.models import Ratification, ScrutinyRecommendation
from decisions.services.ratifications import ratification_record_outcome, ratification_route
from governance.models import Body
from meetings.models import Meeting, Report
from meetings.working_days import default_report_deadline, latest_publication_date
from tests.factories import make_meeting, make_resolution


def long(day: date) -> str:
    return day.strftime("%-d %B %Y")


def work_of(client) -> str:
    page = unescape(client.get("/").content.decode())
    return page[page.index("Your work") :]


def upcoming(body: Body, *, days=40, published=False) -> Meeting:
    return make_meeting(body, timezone.localdate() + timedelta(days=days), published=published)


@pytest.fixture
def work_other_body(trust) -> Body:
    """A body of another organisation, whose work is nobody's here."""
    return Body.objects.create(
        name="Trust Board",
        short_name="TB",
        slug="work-trust-board",
        kind="board",
        organisation=trust,
    )


def test_clerk_sees_agendas_reports_and_minutes_of_their_bodies_only(
    client_for, clerk, body, work_other_body, django_assert_max_num_queries
):
    draft = upcoming(body)
    held = make_meeting(body, date(2021, 11, 8))
    Meeting.objects.filter(pk=held.pk).update(status=Meeting.Status.HELD)
    upcoming(work_other_body, days=20)
    client = client_for(clerk)
    client.get("/")
    with django_assert_max_num_queries(13):
        text = work_of(client)
    assert "Publish the agenda" in text
    assert long(latest_publication_date(draft.date)) in text
    assert "Report not in yet" in text
    assert f"/meetings/{draft.pk}/items/3/report/" in text
    assert long(default_report_deadline(draft.date)) in text
    assert "Draft the minutes" in text
    assert f"/meetings/{held.pk}/minutes/" in text
    assert "Trust Board" not in text


def test_officer_sees_reports_to_write_with_the_clerks_deadline(
    client_for, officer, body, work_other_body, django_assert_max_num_queries
):
    meeting = upcoming(body)
    meeting.report_deadline = meeting.date - timedelta(days=21)
    meeting.save()
    other = upcoming(work_other_body)
    client = client_for(officer)
    client.get("/")
    with django_assert_max_num_queries(12):
        text = work_of(client)
    assert "Reports to write" in text
    assert "Write the report" in text
    assert f"/meetings/{meeting.pk}/items/3/report/" in text
    assert long(meeting.report_deadline) in text
    # Part II is written only by those who may see it; another organisation's body is not theirs.
    assert f"/meetings/{meeting.pk}/items/4/report/" not in text
    assert f"/meetings/{other.pk}/" not in text
    # Once the report is written, it leaves the list.
    Report.objects.create(
        item=meeting.items.get(position=3),
        title="Performance",
        purpose="To report.",
        recommendations="Note it.",
        information="Figures.",
        author="Olu Officer",
    )
    assert f"/meetings/{meeting.pk}/items/3/report/" not in work_of(client)


def test_governance_lead_sees_outcomes_to_record_until_final(
    client_for, governance_lead, trust, body, admin_user, django_assert_max_num_queries
):
    resolution = make_resolution(body)
    due = resolution.meeting.date + timedelta(weeks=8)
    ratification_route(resolution=resolution, routes=[(trust, None, due)], actor=admin_user)
    client = client_for(governance_lead)
    client.get("/")
    with django_assert_max_num_queries(12):
        text = work_of(client)
    assert f"Record {trust}'s outcome" in text
    assert long(due) in text
    ratification = Ratification.objects.get(resolution=resolution)
    ratification_record_outcome(
        ratification=ratification,
        outcome=Ratification.Status.REJECTED,
        actor=governance_lead,
        expected_version=ratification.version,
        reason="No",
    )
    assert f"Record {trust}'s outcome" not in work_of(client)


def test_scrutiny_member_sees_recommendations_awaiting_a_response(
    client_for, scrutiny_member, scrutiny_body, trust, body, django_assert_max_num_queries
):
    resolution = make_resolution(body)
    waiting = ScrutinyRecommendation.objects.create(
        scrutiny_body=scrutiny_body,
        to_organisation=trust,
        resolution=resolution,
        reference="HSC/1",
        text="Publish the waiting times.",
        sent_on=date(2022, 11, 1),
        response_due=date(2022, 11, 29),
    )
    ScrutinyRecommendation.objects.create(
        scrutiny_body=scrutiny_body,
        to_organisation=trust,
        reference="HSC/2",
        text="Answered already.",
        sent_on=date(2022, 10, 1),
        response_due=date(2022, 10, 29),
        responded_on=date(2022, 10, 20),
        status=ScrutinyRecommendation.Status.RESPONDED,
    )
    client = client_for(scrutiny_member)
    client.get("/")
    with django_assert_max_num_queries(12):
        text = work_of(client)
    assert f"Response awaited from {trust}" in text
    assert waiting.get_absolute_url() in text
    assert "29 November 2022" in text
    assert "HSC/2" not in text
    assert "Decisions you follow" in text
    assert resolution.get_absolute_url() in text


def test_agenda_items_link_to_write_the_report_and_to_its_pdf(client_for, officer, outsider, body):
    meeting = upcoming(body, published=True)
    url = f"/meetings/{meeting.pk}/"
    write = f"/meetings/{meeting.pk}/items/3/report/"
    assert write in client_for(officer).get(url).content.decode()
    assert write not in client_for(outsider).get(url).content.decode()
    Report.objects.create(
        item=meeting.items.get(position=3),
        title="Performance",
        purpose="To report.",
        recommendations="Note it.",
        information="Figures.",
        author="Olu Officer",
    )
    html = client_for(outsider).get(url).content.decode()
    assert f"/meetings/{meeting.pk}/items/3/report.pdf" in html
    assert f"/meetings/{meeting.pk}/items/3/" in html


def test_clerk_is_asked_for_the_attendance_once_a_published_meeting_has_started(
    client_for, clerk, body
):
    started = make_meeting(body, timezone.localdate() - timedelta(days=1))
    later = upcoming(body, published=True)
    text = work_of(client_for(clerk))
    assert "Record the attendance" in text
    assert f'href="/meetings/{started.pk}/attendance/"' in text
    assert f'href="/meetings/{later.pk}/attendance/"' not in text
