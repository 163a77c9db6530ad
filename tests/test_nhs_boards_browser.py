"""Issue 15 in a real browser on the demo data: seed 004's winter-plan risks on a heat map and
in the board assurance framework, the Wiltshire Alliance objectives with their RAG history, the
ICB board meeting with a private session under NHS rules and a managed conflict of interest,
a meeting held in common by two bodies, the glossary, and the forms that keep them. Each page
has zero axe violations, at 1280 px and at 390 px, where nothing scrolls sideways."""

from pathlib import Path

import pytest

from decisions.demo_in_common import ITEM
from decisions.demo_in_common import START as IN_COMMON_START
from meetings.demo_icb import PUBLIC_ITEMS
from meetings.demo_icb import START as ICB_START
from meetings.models import Meeting
from tests.factories import make_user

NARROW = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 720}
SHOTS = Path("/tmp/shots-nhs")


def _check(page, path: str, expected: str, assert_accessible, name: str) -> None:
    page.set_viewport_size(WIDE)
    response = page.goto(path)
    assert response.status == 200, path
    assert expected in page.inner_text("body"), path
    assert_accessible(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-1280.png"), full_page=True)
    page.set_viewport_size(NARROW)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], path
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / f"{name}-390.png"), full_page=True)


def test_nhs_board_and_partnership_pages(page, live_demo, assert_accessible):
    icb = Meeting.objects.get(body__slug="bsw-icb-board", start=ICB_START)
    in_common = Meeting.objects.get(body__slug="bsw-icb-board", start=IN_COMMON_START)
    pages = [
        ("risks", "/partnerships/wiltshire-alliance/risks/", "Heat map of the current rating"),
        ("assurance", "/partnerships/wiltshire-alliance/assurance/", "Limited assurance"),
        ("objectives", "/partnerships/wiltshire-alliance/objectives/", "Progress history"),
        ("icb-meeting", icb.get_absolute_url(), "Private on public-interest grounds"),
        ("in-common", in_common.get_absolute_url(), "Held in common by"),
        ("glossary", "/glossary/", "Integrated Care Board"),
    ]
    for name, path, expected in pages:
        _check(page, path, expected, assert_accessible, name)
    page.goto(icb.get_absolute_url())
    assert "Conflict managed by The Chair, Stephanie Elsy" in page.inner_text("body")
    page.goto(in_common.get_absolute_url())
    sittings = page.locator("section.sitting")
    assert sittings.count() == 2
    assert "Wiltshire Health and Wellbeing Board" in sittings.nth(1).inner_text()


def test_the_forms_that_keep_them(page, live_demo, sign_in, assert_accessible):
    admin = make_user("nhsadmin", is_superuser=True, is_staff=True)
    sign_in(admin)
    icb = Meeting.objects.get(body__slug="bsw-icb-board", start=ICB_START)
    in_common = Meeting.objects.get(body__slug="bsw-icb-board", start=IN_COMMON_START)
    winter = icb.items.get(title=PUBLIC_ITEMS[1][0]).position
    plan = in_common.items.get(title=ITEM).position
    forms = [
        ("objective-form", "/partnerships/wiltshire-alliance/objectives/new/", "Add an objective"),
        ("glossary-form", "/glossary/new/", "Add a term to the glossary"),
        (
            "assurance-form",
            f"/meetings/{icb.pk}/items/{winter}/assurance/new/",
            "Level of assurance",
        ),
        (
            "in-common-resolution-form",
            f"/meetings/{in_common.pk}/items/{plan}/resolutions/new/",
            "Which body made this resolution?",
        ),
    ]
    for name, path, expected in forms:
        _check(page, path, expected, assert_accessible, name)


pytestmark = pytest.mark.browser
