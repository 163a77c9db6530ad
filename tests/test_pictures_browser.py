"""The pictures in a real browser on the demo data: the heat maps, a risk's RAG strip, the
ratification progress bars and the attendance chart have zero axe violations, and at 390 px
wide nothing scrolls sideways."""

import pytest

from decisions.models import Ratification

NARROW = {"width": 390, "height": 844}


def _fits_390(page) -> int:
    page.set_viewport_size(NARROW)
    return page.evaluate("document.documentElement.scrollWidth")


def test_pictures_are_accessible_and_fit_a_phone(page, live_demo, assert_accessible):
    routed = Ratification.objects.order_by("resolution_id").first().resolution
    pages = [
        ("/partnerships/wiltshire-alliance/risks/", "Heat map of the current rating of 8"),
        ("/partnerships/wiltshire-alliance/risks/?likelihood=4&impact=4", "Cost of locums"),
        ("/ratifications/", "Decisions still with the organisations"),
        (routed.get_absolute_url(), "organisations decided"),
        ("/bodies/adult-social-care-and-public-health-committee/", "Attendance in"),
    ]
    risk = page.goto(pages[0][0]) and page.get_by_role("link", name="Cost of locums increasing")
    pages.append((risk.first.get_attribute("href"), "RAG over time, oldest first"))
    for path, expected in pages:
        page.set_viewport_size({"width": 1280, "height": 720})
        response = page.goto(path)
        assert response.status == 200, path
        assert expected in page.inner_text("body"), path
        assert page.locator("figure.portal-chart svg").count() >= 1, path
        assert_accessible(page)
        assert _fits_390(page) <= NARROW["width"], path
        assert_accessible(page)
    # A square of the heat map is a link a keyboard reaches, to the risks in it.
    page.goto(pages[0][0])
    page.locator('svg a[href="?likelihood=4&impact=4"]').click()
    page.wait_for_url("**likelihood=4&impact=4")
    assert "Open risks at current likelihood 4 and impact 4" in page.inner_text("body")


pytestmark = pytest.mark.browser
