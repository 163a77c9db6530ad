"""A clerk records a resolution with a vote, corrects it, and the public finds it in the list."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from decisions.models import Resolution


@pytest.mark.django_db(transaction=True)
def test_clerk_records_and_corrects_a_resolution(
    page, sign_in, assert_accessible, clerk, held, business, exempt, record
):
    record(exempt, parts="1) Acme Care tender accepted.")
    sign_in(clerk)
    page.goto(f"/meetings/{held.pk}/items/3/resolutions/new/")
    assert_accessible(page)
    page.get_by_role("button", name="Record resolution").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)
    page.get_by_label("Decision", exact=True).check()
    page.get_by_label("Numbered parts").fill("1) Noted the report.\n2) Asked for an update.")
    page.get_by_label("A vote was taken").check()
    page.get_by_label("Votes for").fill("9")
    page.get_by_role("button", name="Record resolution").click()
    assert "9 votes recorded but only 5 voting members were present" in page.content()
    page.get_by_label("Votes for").fill("4")
    page.get_by_label("Votes against").fill("1")
    page.get_by_role("button", name="Record resolution").click()
    resolution = Resolution.objects.get(number=2)
    assert resolution.votes_for == 4

    page.goto(f"/decisions/{resolution.pk}/edit/")
    assert_accessible(page)
    page.get_by_label("Numbered parts").fill("Noted the report.\nAsked for an update in March.")
    page.get_by_label("Why is it being corrected?").fill("Date of the update omitted")
    page.get_by_role("button", name="Save correction").click()
    resolution.refresh_from_db()
    assert resolution.version == 2

    page.context.clear_cookies()
    page.goto("/decisions/")
    assert_accessible(page)
    assert "ASCPH 2021/002" in page.content()
    assert "Acme Care" not in page.content()
    page.goto("/decisions/?year=abc&status=lost")
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)
