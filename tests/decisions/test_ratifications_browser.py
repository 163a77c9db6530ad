"""A clerk routes an agreement; a governance lead records the outcome; the public dashboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from decisions.models import Ratification, Resolution
from tests.browser_forms import fill_date
from tests.factories import ratification_of


@pytest.mark.django_db(transaction=True)
def test_route_record_and_follow_on_the_dashboard(
    page, sign_in, assert_accessible, agreement, board_clerk, council, trust, cabinet, council_lead
):
    sign_in(board_clerk)
    page.goto(f"/decisions/{agreement.pk}/ratifications/route/")
    assert_accessible(page)
    page.get_by_label(f"{trust} must ratify it").uncheck()
    fill_date(page.get_by_role("group", name=str(council)), "Due date", "2021-10-01")
    page.get_by_role("button", name="Route for ratification").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)
    fill_date(page.get_by_role("group", name=str(council)), "Due date", "2022-01-31")
    page.get_by_role("button", name="Route for ratification").click()
    assert list(agreement.ratifications.values_list("organisation", flat=True)) == [council.pk]

    page.context.clear_cookies()
    sign_in(council_lead)
    ratification = ratification_of(agreement, council)
    page.goto(f"/decisions/{agreement.pk}/ratifications/{ratification.pk}/outcome/")
    assert_accessible(page)
    page.get_by_label("Ratified", exact=True).check()
    page.get_by_role("button", name="Record the outcome").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)
    page.get_by_label("Ratified", exact=True).check()
    page.get_by_label("Your minute reference").fill("CAB/22/1")
    fill_date(page, "Date decided", "2022-01-06")
    page.get_by_role("button", name="Record the outcome").click()
    ratification.refresh_from_db()
    assert ratification.status == Ratification.Status.RATIFIED
    agreement.refresh_from_db()
    assert agreement.status == Resolution.Status.RATIFIED

    page.context.clear_cookies()
    page.goto("/ratifications/?status=lost")
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)
    page.goto(f"/ratifications/?organisation={council.slug}")
    assert_accessible(page)
    link = page.get_by_role("table").last.get_by_role("link", name=str(agreement))
    assert link.get_attribute("href") == ratification.get_absolute_url()
