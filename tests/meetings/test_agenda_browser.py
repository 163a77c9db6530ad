"""A clerk builds and publishes a late agenda in a real browser; the public then reads it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.browser_forms import fill_meeting_start


@pytest.mark.django_db(transaction=True)
def test_clerk_publishes_a_late_agenda_with_a_part_ii_item(
    page, sign_in, assert_accessible, clerk, body
):
    sign_in(clerk)
    page.goto(f"/bodies/{body.slug}/")
    page.get_by_role("link", name="Schedule a meeting").click()
    assert_accessible(page)

    # Two days away: fewer than five clear working days, whatever today is.
    start = (timezone.localtime() + timedelta(days=2)).replace(hour=14, minute=0)
    fill_meeting_start(page, start)
    page.get_by_label("Venue (optional)").fill("County Hall, West Bridgford")
    page.get_by_role("button", name="Schedule meeting").click()
    assert "Meeting scheduled" in page.locator(".govuk-notification-banner").inner_text()
    assert page.locator(".govuk-warning-text").count() == 1  # the deadline has passed
    assert_accessible(page)

    page.get_by_role("link", name="Add an item").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Winter pressures update")
    page.get_by_label("For information").check()
    page.get_by_label("Lead officer (optional)").fill("Melanie Williams")
    page.get_by_role("button", name="Save").click()

    page.get_by_role("link", name="Add an item").click()
    page.get_by_label("Title").fill("Care home contract award")
    page.get_by_label("Part II (exempt from publication)").check()
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert (
        "Choose the paragraph of Schedule 12A" in page.locator(".govuk-error-summary").inner_text()
    )
    assert_accessible(page)
    page.get_by_label("Schedule 12A paragraph").select_option("3")
    page.get_by_role("button", name="Save").click()
    # Part II business goes after all the Part I business, the work programme included.
    assert page.locator("#item-6-title").inner_text() == "6. Care home contract award"
    assert_accessible(page)

    page.get_by_role("button", name="Move down item 4").click()
    assert page.locator("#item-4-title").inner_text() == "4. Work programme"
    assert page.locator("#item-5-title").inner_text() == "5. Winter pressures update"
    assert page.locator("#item-6-title").inner_text() == "6. Care home contract award"

    page.get_by_role("link", name="Publish the agenda").click()
    assert "Publishing today is late" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Publish agenda").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert "The agenda had to be published by" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    reason = "Urgent business: the care home contract expires before the next meeting."
    page.get_by_label("Why is the agenda published late?").fill(reason)
    page.get_by_role("button", name="Publish agenda").click()
    assert "Agenda published" in page.locator(".govuk-notification-banner").inner_text()
    assert reason in page.locator(".govuk-inset-text").inner_text()
    assert_accessible(page)

    meeting = Meeting.objects.get()
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED
    assert meeting.late_publication_reason == reason

    page.context.clear_cookies()
    page.goto(f"/meetings/{meeting.pk}/")
    item = page.locator("#item-6")
    assert "Care home contract award" in item.inner_text()
    assert "Exempt: paragraph 3 of Schedule 12A" in item.inner_text()
    assert "Melanie Williams" in page.locator("#item-5").inner_text()
    assert reason in page.locator(".govuk-inset-text").inner_text()
    assert page.get_by_role("link", name="Add an item").count() == 0
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_list_and_work_programme_pages_are_accessible(
    page, sign_in, assert_accessible, clerk, body
):
    from datetime import date

    from meetings.services import agenda as services

    meeting = services.meeting_schedule(
        body=body, start=timezone.now() + timedelta(days=30), venue="County Hall", actor=clerk
    )
    entry = services.work_programme_entry_add(
        body=body, planned_for=date(2099, 3, 29), title="Dementia strategy", actor=clerk
    )
    sign_in(clerk)
    for url in (
        "/meetings/",
        "/meetings/?when=past",
        "/meetings/?start=nonsense",
        f"/bodies/{body.slug}/work-programme/",
        f"/bodies/{body.slug}/work-programme/{entry.pk}/to-agenda/",
        f"/meetings/{meeting.pk}/cancel/",
    ):
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        assert_accessible(page)
