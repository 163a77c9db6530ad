"""The search page in a real browser: type a query, read the results, zero axe violations."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


@pytest.mark.django_db(transaction=True)
def test_search_page_is_accessible(page, assert_accessible, records):
    page.goto("/search/")
    assert_accessible(page)
    page.get_by_label("Search decisions, reports and minutes").fill("a")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    page.get_by_label("Search decisions, reports and minutes").fill("zebrafinch")
    page.get_by_role("button", name="Search").click()
    assert page.locator("mark").first.is_visible()
    assert page.get_by_role("link", name="Vaccination uptake").is_visible()
    assert_accessible(page)
