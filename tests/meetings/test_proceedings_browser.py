"""A clerk records attendance with a substitute, a declaration and minutes, and approves them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from meetings.models import Attendance, Declaration, Meeting, Minute
from tests.factories import all_present, item, person


@pytest.mark.django_db(transaction=True)
def test_clerk_walks_through_the_proceedings(
    page, sign_in, assert_accessible, clerk, meeting, next_meeting, seats
):
    butler = person("Richard Butler")
    person("Jo Toomey", job_title="Advanced Democratic Services Officer")
    sign_in(clerk)

    page.goto(f"/meetings/{meeting.pk}/attendance/")
    assert_accessible(page)
    page.get_by_role("button", name="Save attendance").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)
    for key in ("chair", "vice", "sissons", "weisz"):
        page.get_by_role("group", name=str(seats[key].person)).get_by_label(
            "Present", exact=True
        ).check()
    doddy = page.get_by_role("group", name=str(seats["doddy"].person))
    doddy.get_by_label("Represented by a substitute").check()
    page.get_by_label("Substitute for John Doddy").select_option(label="Richard Butler")
    page.get_by_label("Another officer in attendance").first.select_option(label="Jo Toomey")
    page.get_by_role("button", name="Save attendance").click()
    assert Attendance.objects.get(person=seats["doddy"].person).substitute == butler

    page.goto(f"/meetings/{meeting.pk}/items/4/declarations/new/")
    assert_accessible(page)
    page.get_by_label("Who declared the interest").select_option(label="Richard Butler")
    page.get_by_label("Other registrable interest").check()
    page.get_by_label("The interest", exact=True).fill("Director of a care home provider.")
    page.get_by_label("Left the room").check()
    page.get_by_role("button", name="Record declaration").click()
    assert Declaration.objects.get().person == butler

    page.goto(f"/meetings/{meeting.pk}/minutes/")
    assert_accessible(page)
    page.get_by_label("3. Public health services performance report").fill("Noted.")
    page.get_by_role("button", name="Save draft minutes").click()
    assert Minute.objects.get().text == "Noted."

    all_present(next_meeting, seats, clerk)
    page.goto(f"/meetings/{meeting.pk}/minutes/approve/")
    assert_accessible(page)
    page.get_by_role("button", name="Approve the minutes").click()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.MINUTES_APPROVED
    assert meeting.minutes_approved_at == item(next_meeting, 1)
