"""A clerk drafts, approves and compares a new version of the terms of reference."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from governance.models import TermsOfReference
from tests.factories import approved_version, seat_voting_members


@pytest.mark.django_db(transaction=True)
def test_clerk_drafts_approves_and_compares(
    page, sign_in, clerk, body, council, assert_accessible
):
    seat_voting_members(body, council, 7)
    approved_version(body, clerk)
    sign_in(clerk)

    page.goto(f"/bodies/{body.slug}/terms-of-reference/")
    assert_accessible(page)
    page.get_by_role("link", name="Start a new draft").click()

    assert page.get_by_label("Purpose").input_value().startswith("To oversee adult social care")
    assert_accessible(page)
    page.get_by_label("Purpose").fill(
        "To oversee adult social care, public health and integrated care in Nottinghamshire."
    )
    page.get_by_label("Quorum", exact=True).fill("5")
    page.get_by_role("button", name="Save draft").click()

    assert page.get_by_text("Version 2 saved as a draft.").is_visible()
    assert page.get_by_role("heading", name="Terms of reference, version 2").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Record approval").click()

    assert_accessible(page)
    page.get_by_label("Approved by").fill("Full Council, 26 May 2022")
    page.get_by_role("button", name="Approve version 2").click()

    assert page.get_by_text("Version 2 approved.").is_visible()
    assert_accessible(page)
    assert dict(TermsOfReference.objects.values_list("version", "status")) == {
        1: "superseded",
        2: "approved",
    }

    page.get_by_role("link", name="All versions").click()
    assert_accessible(page)
    page.get_by_label("Compare version").select_option("1")
    page.get_by_label("with version").select_option("2")
    page.get_by_role("button", name="Compare").click()

    assert page.url.endswith(f"/bodies/{body.slug}/terms-of-reference/compare/1/2/")
    added = page.locator("ins.portal-diff-added")
    removed = page.locator("del.portal-diff-removed")
    assert "integrated care" in " ".join(added.all_inner_texts())
    assert "5" in " ".join(added.all_inner_texts())
    assert "3" in " ".join(removed.all_inner_texts())
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_public_pages_and_refusals_are_accessible(
    page, sign_in, clerk, body, council, assert_accessible
):
    seat_voting_members(body, council, 2)
    approved_version(body, clerk, quorum_count=2, review_date=date(2022, 5, 31))
    page.goto("/terms-of-reference/review-due/")
    assert page.get_by_role("link", name=body.name).first.is_visible()
    assert_accessible(page)
    page.goto(f"/bodies/{body.slug}/terms-of-reference/1/")
    assert page.locator(".govuk-warning-text").get_by_text("Review due").is_visible()
    assert_accessible(page)

    sign_in(clerk)
    page.goto(f"/bodies/{body.slug}/terms-of-reference/1/edit/")
    assert page.get_by_text("approved and superseded versions are never changed").is_visible()
    assert_accessible(page)
    page.goto(f"/bodies/{body.slug}/terms-of-reference/new/")
    page.get_by_label("Quorum", exact=True).fill("9")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_role("link", name="Record approval").click()
    page.get_by_label("Approved by").fill("Full Council")
    page.get_by_role("button", name="Approve version 2").click()
    assert (
        page.locator(".govuk-error-summary")
        .get_by_text("Quorum of 9 is larger than the 2 current voting members")
        .is_visible()
    )
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)
