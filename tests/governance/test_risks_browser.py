"""A clerk re-rates a risk in a real browser; every page visited has zero axe violations."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from governance.models import Body, Partnership, RoleAssignment
from governance.services.risks import risk_create
from tests.browser_forms import fill_date


@pytest.mark.django_db(transaction=True)
def test_clerk_rates_a_risk_again_and_sees_its_rating_over_time(
    page, sign_in, clerk, assert_accessible
):
    today = timezone.localdate()
    alliance = Partnership.objects.create(
        name="Wiltshire Alliance",
        short_name="Alliance",
        slug="wiltshire-alliance",
        level=Partnership.Level.PLACE,
    )
    board = Body.objects.create(
        name="Wiltshire Integrated Care Alliance",
        short_name="ICA",
        slug="ica",
        kind=Body.Kind.BOARD,
        partnership=alliance,
    )
    RoleAssignment.objects.create(user=clerk, role=RoleAssignment.Role.CLERK, body=board)
    risk = risk_create(
        register=alliance,
        reference="R2",
        title="Cost of locums increasing",
        description="Backfill costs becoming unaffordable.",
        owner="Director of Operations",
        mitigations="Building Bank capacity locally.",
        review_date=today - timedelta(days=1),
        rated_on=today - timedelta(days=30),
        likelihood=4,
        impact=4,
        actor=clerk,
    )
    sign_in(clerk)

    page.goto("/partnerships/wiltshire-alliance/risks/")
    assert page.get_by_text("Review overdue").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Cost of locums increasing").click()
    assert page.locator(".govuk-warning-text").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Rate again").click()
    page.get_by_label("Likelihood").select_option("3")
    page.get_by_role("button", name="Save rating").click()
    assert page.locator(".govuk-error-summary").is_visible()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)

    page.get_by_label("Impact").select_option("4")
    fill_date(page, "Date of this rating", today.isoformat())
    page.get_by_label("Why the rating changed").fill("Bank capacity growing")
    page.get_by_role("button", name="Save rating").click()
    assert page.get_by_text("New rating recorded.").is_visible()
    rows = page.locator("table.govuk-table tbody tr")
    assert rows.count() == 2
    assert "Bank capacity growing" in rows.nth(0).inner_text()
    assert "12" in rows.nth(0).inner_text() and "16" in rows.nth(1).inner_text()
    assert_accessible(page)
    assert risk.ratings.count() == 2
