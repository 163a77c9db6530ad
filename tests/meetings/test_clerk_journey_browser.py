"""The clerk's whole cycle in a real browser: from an empty meeting to a published agenda with
a Part II item and a late-publication reason, attendance and a declaration, draft minutes, and
their approval at the next meeting. Every page visited has zero axe violations."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import Meeting
from meetings.services import agenda as agenda_services
from meetings.services.proceedings import AttendanceEntry, attendance_record
from tests.browser_forms import fill_meeting_start
from tests.factories import approve_terms

REASON = "Urgent business: the care home contract expires before the next meeting."


def _schedule_and_publish_late(page, assert_accessible, body) -> Meeting:
    page.goto(f"/bodies/{body.slug}/")
    page.get_by_role("link", name="Schedule a meeting").click()
    start = (timezone.localtime() + timedelta(days=2)).replace(hour=14, minute=0)
    fill_meeting_start(page, start)
    page.get_by_label("Venue (optional)").fill("County Hall, West Bridgford")
    page.get_by_role("button", name="Schedule meeting").click()
    assert_accessible(page)

    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("Title").fill("Winter pressures update")
    page.get_by_label("For information").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("Title").fill("Care home contract award")
    page.get_by_label("Part II (exempt from publication)").check()
    page.get_by_label("Schedule 12A paragraph").select_option("3")
    page.get_by_role("button", name="Save").click()
    assert_accessible(page)

    page.get_by_role("link", name="Publish the agenda").click()
    page.get_by_label("Why is the agenda published late?").fill(REASON)
    page.get_by_role("button", name="Publish agenda").click()
    assert REASON in page.locator(".govuk-inset-text").inner_text()
    assert_accessible(page)
    return Meeting.objects.latest("pk")


def _time_passes(meeting: Meeting) -> None:
    """The meeting takes place: its start moves into the past."""
    Meeting.objects.filter(pk=meeting.pk).update(start=timezone.now() - timedelta(hours=2))


@pytest.mark.django_db(transaction=True)
def test_clerk_runs_the_whole_meeting_cycle(
    page, sign_in, assert_accessible, clerk, member, body, council
):
    approve_terms(body, quorum=1)
    weisz = member.person
    sign_in(clerk)
    meeting = _schedule_and_publish_late(page, assert_accessible, body)
    _time_passes(meeting)

    page.goto(f"/meetings/{meeting.pk}/attendance/")
    assert_accessible(page)
    page.get_by_role("group", name=str(weisz)).get_by_label("Present", exact=True).check()
    page.get_by_role("button", name="Save attendance").click()
    assert "Quorate" in page.locator("main").inner_text()
    assert_accessible(page)

    page.goto(f"/meetings/{meeting.pk}/items/4/declarations/new/")
    assert_accessible(page)
    page.get_by_label("Who declared the interest").select_option(label=str(weisz))
    page.get_by_label("Non-registrable interest").check()
    page.get_by_label("The interest", exact=True).fill("Her daughter works in a care home.")
    page.get_by_label("Remained and took part").check()
    page.get_by_role("button", name="Record declaration").click()
    assert "Her daughter works in a care home." in page.locator("#item-4").inner_text()
    assert_accessible(page)

    page.goto(f"/meetings/{meeting.pk}/minutes/")
    assert_accessible(page)
    page.get_by_label("4. Winter pressures update").fill("The Committee noted the update.")
    page.get_by_label("6. Care home contract award").fill("RESOLVED to award the contract.")
    page.get_by_role("button", name="Save draft minutes").click()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.MINUTES_DRAFTED
    assert_accessible(page)

    # The next meeting of the same body is held, and approves these minutes at its item 1.
    later = agenda_services.meeting_schedule(
        body=body, start=timezone.now() + timedelta(days=30), venue="County Hall", actor=clerk
    )
    agenda_services.item_add(meeting=later, title="Budget", actor=clerk)
    agenda_services.agenda_publish(meeting=later, actor=clerk)
    _time_passes(later)
    attendance_record(meeting=later, entries=[AttendanceEntry(weisz, "present")], actor=clerk)
    page.goto(f"/meetings/{meeting.pk}/minutes/approve/")
    assert_accessible(page)
    page.get_by_role("button", name="Approve the minutes").click()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.MINUTES_APPROVED
    assert meeting.minutes_approved_at.meeting == later
    assert_accessible(page)

    # The public now reads the approved Part I minute, but not the Part II one.
    page.context.clear_cookies()
    page.goto(f"/meetings/{meeting.pk}/")
    main = page.locator("main").inner_text()
    assert "The Committee noted the update." in main
    assert "RESOLVED to award the contract." not in main
    assert "Exempt: paragraph 3 of Schedule 12A" in main
    assert_accessible(page)
