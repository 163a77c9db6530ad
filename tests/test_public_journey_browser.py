"""A member of the public finds a decision by a word from its text, opens its trail, and
downloads the public agenda pack. Zero axe violations on every page visited."""

from io import BytesIO

import pytest
from django.core.management import call_command
from pypdf import PdfReader


@pytest.mark.django_db(transaction=True)
def test_public_finds_a_decision_and_downloads_the_pack(
    page, settings, tmp_path, assert_accessible
):
    settings.MEDIA_ROOT = tmp_path
    settings.DEMO_RENDER_PACKS = True
    call_command("load_demo", stdout=open("/dev/null", "w"))

    page.goto("/")
    assert_accessible(page)
    page.get_by_label("Search decisions, reports and minutes").fill("Outbreak")
    page.get_by_role("button", name="Search").click()
    assert_accessible(page)
    page.get_by_role("link", name="ASCPH 2021/002").first.click()
    assert "Contain Outbreak Management Fund" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role(
        "link", name="Adult Social Care and Public Health Committee – 11 January 2021"
    ).first.click()
    assert_accessible(page)
    href = page.get_by_role("link", name="Agenda pack").get_attribute("href")
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(response.body())).pages)
    assert "Adult Social Care and Public Health Committee" in text
    assert "PART-II-DEMO-MARKER" not in text
