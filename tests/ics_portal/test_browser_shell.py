"""The page shell in a real browser: zero axe violations and a working skip link."""

import pytest
from playwright.sync_api import expect


def _check_skip_link(page):
    page.keyboard.press("Tab")
    skip = page.locator(".govuk-skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


@pytest.mark.django_db(transaction=True)
def test_public_home_page_is_accessible(page, assert_accessible):
    page.goto("/")
    expect(page).to_have_title("Home – ICS Portal")
    assert page.locator("body.js-enabled").count() == 1
    assert_accessible(page)
    _check_skip_link(page)


@pytest.mark.django_db(transaction=True)
def test_signed_in_home_page_is_accessible(page, sign_in, clerk, assert_accessible):
    sign_in(clerk)
    page.goto("/")
    assert page.get_by_text("Clerk of Adult Social Care and Public Health Committee").is_visible()
    assert_accessible(page)
    _check_skip_link(page)


@pytest.mark.django_db(transaction=True)
def test_sign_in_form_errors_are_accessible(page, clerk, assert_accessible):
    page.goto("/account/sign-in/")
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
