"""The decision trail in a browser: readable, expandable change history, no axe violations."""

from __future__ import annotations

import pytest


@pytest.mark.django_db(transaction=True)
def test_scrutiny_member_follows_the_trail(
    page, sign_in, scrutiny_member, story, assert_accessible
):
    sign_in(scrutiny_member)
    page.goto(f"/decisions/{story.resolution.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Decision ASCPH 2021/003"
    assert page.get_by_text("Ratification in progress (1 of 3 decided)").first.is_visible()
    assert_accessible(page)
    event = page.locator("#resolution")
    event.get_by_text("Changes to this record").click()
    assert event.get_by_text("Reason: Wording corrected").is_visible()
    assert_accessible(page)
