"""Issue 14's journey in a real browser: the council's governance lead records Cabinet's
decision from its forward plan entry and publishes the decision notice; a scrutiny councillor
calls it in; the scrutiny committee refers it back; the partnership resolution's trail shows
each step, and its ratification is not counted as decided. Zero axe violations on every page,
also at 390 px wide."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from decisions.models import CallIn, DecisionNotice, Resolution
from tests.browser_forms import fill_date
from tests.factories import EX_CABINET_DAY

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-exec"))


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _narrow(page, assert_accessible, name: str) -> None:
    """The page at 390 px: accessible, no sideways scrolling; then back to 1280 px."""
    page.set_viewport_size({"width": 390, "height": 844})
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(page, f"{name}-390")
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.django_db(transaction=True)
def test_cabinets_decision_is_published_called_in_and_referred_back_on_the_trail(
    page,
    sign_in,
    assert_accessible,
    routed,
    ex_entry,
    council_lead,
    scrutiny_body,
    scrutiny_member,
    fu_scrutiny_clerk,
):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(council_lead)
    page.goto(ex_entry.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Record Cabinet's decision").click()
    assert_accessible(page)
    page.get_by_label("Ratified", exact=True).check()
    page.get_by_label("Your minute reference").fill("Cabinet minute 104")
    fill_date(page, "Date decided", EX_CABINET_DAY.isoformat())
    page.get_by_role("button", name="Record the outcome").click()
    routed.refresh_from_db()
    assert routed.status == Resolution.Status.AWAITING_RATIFICATION

    page.goto(ex_entry.get_absolute_url())
    page.get_by_role("link", name="Publish the decision notice").click()
    assert_accessible(page)
    page.get_by_label("Decision", exact=True).fill(
        "To ratify the Memorandum of Understanding and Collaboration Agreement."
    )
    page.get_by_label("Reasons for the decision").fill(
        "It sets out how the partners work together at place."
    )
    page.get_by_label("Alternatives considered and rejected").fill(
        "Not to ratify: the council would stand outside the Alliance."
    )
    page.get_by_role("button", name="Publish the notice").click()
    notice = DecisionNotice.objects.get()
    assert page.url.endswith(notice.get_absolute_url())
    assert "Open to call-in" in page.locator("main").inner_text()
    assert_accessible(page)
    _shot(page, "notice-1280")
    _narrow(page, assert_accessible, "notice")

    page.context.clear_cookies()
    sign_in(scrutiny_member)
    page.goto(notice.get_absolute_url())
    page.get_by_role("link", name="Call in this decision").click()
    assert_accessible(page)
    page.get_by_label("Reasons for the call-in").fill("The equality impact assessment is missing.")
    page.get_by_label("Scrutiny members who sign it").fill("Cllr Ann Able\nCllr Ben Bold")
    page.get_by_role("button", name="Call in the decision").click()
    assert "Called in: awaiting scrutiny" in page.locator("main").inner_text()
    assert_accessible(page)

    page.context.clear_cookies()
    sign_in(fu_scrutiny_clerk)
    page.goto(notice.get_absolute_url())
    page.get_by_role("link", name="Record the scrutiny committee's outcome").click()
    assert_accessible(page)
    page.get_by_label("Referred back to the decision-maker").check()
    page.get_by_role("button", name="Record the outcome").click()
    assert CallIn.objects.get().outcome == CallIn.Outcome.REFERRED_BACK
    routed.refresh_from_db()
    assert routed.status == Resolution.Status.AWAITING_RATIFICATION

    page.context.clear_cookies()
    page.goto(routed.get_absolute_url())
    main = page.locator("main").inner_text()
    for step in [
        "In the forward plan: Nottinghamshire County Council",
        "Decision notice published: Nottinghamshire County Council",
        "Called in: Nottinghamshire County Council",
        "Scrutiny outcome: Referred back to the decision-maker",
        "Ratified — referred back to the decision-maker",
        "Ratification in progress (0 of 3 decided)",
    ]:
        assert step in main, step
    assert "took effect" not in main
    assert_accessible(page)
    _shot(page, "trail-1280")
    _narrow(page, assert_accessible, "trail")
