"""A clerk writes a report, attaches a file (after a refused fake PDF) and reads the item page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from meetings.models import Attachment, Report


@pytest.mark.django_db(transaction=True)
def test_clerk_writes_a_report_and_attaches_a_file(
    page, sign_in, clerk, draft_item, pdf_bytes, assert_accessible, tmp_path
):
    sign_in(clerk)
    page.goto(f"/meetings/{draft_item.meeting_id}/items/1/report/")
    assert_accessible(page)
    page.get_by_label("Purpose of the report").fill("To set out the winter plan.")
    page.get_by_label("Recommendations", exact=True).fill(
        "Note the plan.\nApprove the extra beds."
    )
    page.get_by_label("Information", exact=True).fill("The winter plan keeps beds open.")
    page.get_by_label("Financial implications").fill("Within budget.")
    page.get_by_label("Report author", exact=True).fill("Jane Author")
    page.get_by_role("button", name="Save report").click()

    assert page.get_by_text("Report saved.").is_visible()
    assert page.get_by_role("heading", name="Draft business", level=1).is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Add an attachment").click()

    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf at all")
    page.get_by_label("Title").fill("Appendix 1: Winter plan")
    page.get_by_label("File").set_input_files(str(fake))
    page.get_by_role("button", name="Upload").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert page.get_by_role("link", name="must be a PDF or a Word document").is_visible()
    assert_accessible(page)
    assert not Attachment.objects.exists()

    real = tmp_path / "plan.pdf"
    real.write_bytes(pdf_bytes)
    page.get_by_label("Title").fill("Appendix 1: Winter plan")
    page.get_by_label("File").set_input_files(str(real))
    page.get_by_role("button", name="Upload").click()
    assert page.get_by_text("Appendix 1: Winter plan attached.").is_visible()
    assert page.get_by_role("link", name="Appendix 1: Winter plan", exact=True).is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Remove Appendix 1: Winter plan").click()
    assert_accessible(page)
    page.get_by_role("button", name="Remove attachment").click()
    assert page.get_by_text("Appendix 1: Winter plan removed.").is_visible()
    assert Report.objects.get().attachments.count() == 0
