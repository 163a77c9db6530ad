"""The decision trail and the committee report as PDFs, read back with pypdf."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.factories import MARKERS, TRAIL_SEES_PART_TWO, TRAIL_VIEWERS, pdf_text

pytestmark = pytest.mark.django_db


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_trail_pdf_reads_back_with_every_event(client, story):
    response = client.get(f"/decisions/{story.resolution.pk}/trail.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = response.content
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == (
        "Decision trail: Adult Social Care and Public Health Committee 2021/003"
    )
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    text = pdf_text(data)
    pages = len(reader.pages)
    assert f"Page 1 of {pages}" in text
    # Where a table cell wraps depends on its neighbours (names, dates and times of the change
    # history, which differ from run to run): compare without any white space.
    squeezed = squeeze(text)
    for expected in (
        "Decision ASCPH 2021/003",
        "Ratification in progress (1 of 3 decided)",
        "1) Agree the uplift in principle.",
        "Planned in the work programme",
        "Report written: Care home fees for 2021/22",
        "Agenda published",
        "Sue Substitute for Cat Cole",
        "Quorate",
        "For 2, against 0, abstentions 1",
        "The committee debated fees.",
        "MIN-00/21",
        "Letters drafted",
        "Publish the fee model",
        "ASCPH 2021/009",
        "Changes to this record",
        "Wording corrected",
    ):
        assert squeeze(expected) in squeezed, expected
    # The timeline runs oldest first.
    assert (
        squeezed.index(squeeze("Agenda published"))
        < squeezed.index(squeeze("Resolved: ASCPH"))
        < squeezed.index(squeeze("Scrutiny recommendation from"))
    )


@pytest.mark.parametrize("who", TRAIL_VIEWERS)
def test_trail_pdf_follows_the_part_two_rule(client_for, viewer, exempt_story, who):
    response = client_for(viewer(who)).get(f"/decisions/{exempt_story.resolution.pk}/trail.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    # Narrow table columns wrap long words: compare without any white space.
    squeezed = squeeze(text)
    assert "Care home fee negotiations" in text
    if who in TRAIL_SEES_PART_TWO:
        for marker in MARKERS:
            assert marker in squeezed, marker
    else:
        for marker in MARKERS:
            assert marker not in squeezed, marker
        assert "Exempt: paragraph 3 of Schedule 12A" in text
    if who is not None:
        assert "no-store" in response["Cache-Control"]


def test_report_pdf_reads_back_in_the_standard_shape(client, story):
    story.report.other_options = "Freeze the fees again."
    story.report.background_papers = "None published."
    story.report.save()
    response = client.get(f"/meetings/{story.meeting.pk}/items/3/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata.title.startswith(
        "Adult Social Care and Public Health Committee: Care home fees for 2021/22"
    )
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    text = pdf_text(response.content)
    pages = len(reader.pages)
    assert f"Page 1 of {pages}" in text
    assert "Care home fees for 2021/22" in text
    assert "Report to the Adult Social Care and Public Health Committee" in text
    assert "Monday 8 February 2021" in text
    assert re.search(r"Agenda item\s+3", text)
    assert re.search(r"1\.\s*Agree the fee uplift\.", text)
    assert re.search(r"2\.\s*Note the market position\.", text)
    for heading in (
        "Purpose of the report",
        "Recommendations",
        "Information",
        "Other options considered",
        "Reasons for the recommendations",
        "Implications",
        "Author and contact",
        "Comments of consultees",
        "Background papers",
    ):
        assert heading in text, heading
    assert "Jane Author" in text and "jane.author@example.org" in text
    assert "Freeze the fees again." in text


@pytest.mark.parametrize("who", TRAIL_VIEWERS)
def test_part_two_report_pdf_is_404_for_those_who_may_not_see_it(
    client_for, viewer, exempt_story, who
):
    response = client_for(viewer(who)).get(
        f"/meetings/{exempt_story.meeting.pk}/items/4/report.pdf"
    )
    if who in TRAIL_SEES_PART_TWO:
        assert response.status_code == 200
        assert "ZQX-REPORT-SECRET" in pdf_text(response.content)
        assert "no-store" in response["Cache-Control"]
    else:
        assert response.status_code == 404


def test_report_pdf_of_an_item_without_a_report_is_404(client, story):
    assert client.get(f"/meetings/{story.meeting.pk}/items/2/report.pdf").status_code == 404
    assert client.get(f"/meetings/{story.meeting.pk}/items/99/report.pdf").status_code == 404
    assert client.get("/meetings/99999/items/1/report.pdf").status_code == 404
