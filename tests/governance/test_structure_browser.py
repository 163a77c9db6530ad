"""The structure pages in a real browser, on the demo data: accessible, and usable by a clerk."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from governance.models import Membership
from tests.browser_forms import fill_date

PUBLIC_PAGES = [
    "/partnerships/",
    "/partnerships/wiltshire-alliance/",
    "/organisations/",
    "/organisations/wiltshire-council/",
    "/bodies/",
    "/bodies/adult-social-care-and-public-health-committee/",
    "/people/",
    "/people/tony-harper/",
]


@pytest.mark.django_db(transaction=True)
def test_public_structure_pages_are_accessible(page, live_demo, assert_accessible):
    for url in PUBLIC_PAGES:
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_clerk_adds_a_substitute_member_and_sees_the_history(
    page, live_demo, sign_in, assert_accessible
):
    clerk = get_user_model().objects.get(username="clerk")
    sign_in(clerk)
    page.goto("/bodies/adult-social-care-and-public-health-committee/")
    page.get_by_role("link", name="Add a member").click()
    assert_accessible(page)

    # A seat that ends before it starts is refused, with the error summary and inline error.
    page.get_by_label("Person").select_option(label="Councillor Richard Butler")
    page.get_by_label("Role").select_option(label="Co-opted member")
    fill_date(page, "Start date", "2021-05-01")
    fill_date(page, "End date (optional)", "2021-01-01")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    summary = page.locator(".govuk-error-summary")
    assert "The end date must be on or after the start date." in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    # The error summary takes the clerk to the day box of the date input (GOV.UK pattern).
    assert page.evaluate("document.activeElement.id") == "id_end_0"

    end = page.get_by_role("group", name="End date (optional)")
    for box in ("Day", "Month", "Year"):
        end.get_by_label(box).fill("")
    page.get_by_role("button", name="Save").click()
    assert (
        "Councillor Richard Butler added"
        in page.locator(".govuk-notification-banner").inner_text()
    )
    butler = page.get_by_role("link", name="Councillor Richard Butler", exact=True)
    row = page.get_by_role("row").filter(has=butler)
    assert "Co-opted member" in row.inner_text()
    assert_accessible(page)

    seat = Membership.objects.get(person__slug="richard-butler", body__slug__startswith="adult")
    page.goto(f"/history/governance/membership/{seat.pk}/")
    assert "Created by Jo Toomey" in page.locator("main").inner_text()
    assert_accessible(page)
