"""Agreement pages in a real browser, on the demo data: accessible, and usable by an admin."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from governance.models import Agreement, Delegation
from tests.browser_forms import fill_date


@pytest.mark.django_db(transaction=True)
def test_public_agreement_pages_are_accessible(page, live_demo, assert_accessible):
    delegation = Delegation.objects.first()
    for url in [
        "/agreements/",
        "/agreements/?status=signed",
        "/agreements/nottinghamshire-better-care-fund-section-75/",
        f"/delegations/{delegation.pk}/",
    ]:
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_admin_records_signatures_of_the_alliance_mou_in_consultation(
    page, live_demo, sign_in, assert_accessible
):
    sign_in(get_user_model().objects.get(username="admin"))
    page.goto("/agreements/wiltshire-alliance-mou/")
    assert page.get_by_text("Still to sign: Avon and Wiltshire").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Record a signature").click()
    page.get_by_label("Party signing").select_option(label="Wiltshire Council")
    page.get_by_label("Signed by").fill("Councillor Richard Clewer, Leader")
    fill_date(page, "Date signed", "2099-01-01")
    page.get_by_role("button", name="Record signature").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert page.get_by_role("link", name="The date signed cannot be in the future.").is_visible()
    assert_accessible(page)

    fill_date(page, "Date signed", "2022-03-01")
    page.get_by_role("button", name="Record signature").click()
    assert page.get_by_text("Signature of Wiltshire Council recorded.").is_visible()
    assert page.get_by_role("cell", name="Councillor Richard Clewer, Leader").is_visible()
    assert_accessible(page)
    mou = Agreement.objects.get(slug="wiltshire-alliance-mou")
    assert len(mou.outstanding_parties) == 6
