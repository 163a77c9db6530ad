"""The agenda pack and minutes PDFs, read back with pypdf."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from meetings.models import AgendaItem, Meeting
from meetings.pdf import render_agenda_pack, render_minutes
from tests.factories import PART_II_MARKER, PART_II_MINUTE_MARKER, pdf_pages_text

pytestmark = pytest.mark.django_db

# Shared fixtures of the packs tests.


def outline_titles(reader: PdfReader) -> list[str]:
    titles = []

    def walk(entries):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(entry.title)

    walk(reader.outline)
    return titles


def paper_start_pages(pages: list[str], meeting: Meeting, *, members: bool) -> dict[int, int]:
    """Where each report really starts: the page showing its caption and its title."""
    starts = {}
    for item in meeting.items.select_related("report").order_by("position"):
        if not hasattr(item, "report") or (item.is_exempt and not members):
            continue
        heading = f"{item.position}. {item.report.title}"
        found = [n for n, text in enumerate(pages, start=1) if heading in text]
        assert found, f"{heading!r} is not in the pack"
        starts[item.position] = found[0]
    return starts


@pytest.mark.parametrize("audience", ["members", "public"])
def test_agenda_page_ranges_match_where_each_report_starts(pack_meeting, audience):
    pdf, page_count, item_pages = render_agenda_pack(pack_meeting, audience)
    pages = pdf_pages_text(pdf)
    assert len(pages) == page_count

    starts = paper_start_pages(pages, pack_meeting, members=audience == "members")
    positions = sorted(starts)
    expected = {}
    for index, position in enumerate(positions):
        last = starts[positions[index + 1]] - 1 if index + 1 < len(positions) else page_count
        expected[position] = (starts[position], last)
    assert item_pages == expected

    # The agenda (page 2) prints those ranges, in order, in its Pages column.
    printed = [
        (int(first), int(last or first))
        for first, last in re.findall(r"^(\d+)(?: – (\d+))?$", pages[1], flags=re.MULTILINE)
    ]
    assert printed == [expected[position] for position in positions]
    assert len(positions) == (4 if audience == "members" else 3)


def test_every_page_is_numbered_and_headed(pack_meeting):
    pdf, page_count, _ = render_agenda_pack(pack_meeting, "members")
    pages = pdf_pages_text(pdf)
    assert page_count > 8
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {page_count}" in text
    for text in pages[1:]:  # the running header, after the cover
        assert "8 February 2021" in text
        assert "Adult Social Care and Public Health Committee" in text


def test_cover_shows_the_meeting_and_membership(pack_meeting):
    pdf, _, _ = render_agenda_pack(pack_meeting, "public")
    cover = pdf_pages_text(pdf)[0]
    assert "Monday 8 February 2021 at 2pm" in cover
    assert "County Hall, West Bridgford" in cover
    assert "Councillor Tony Harper Chair" in cover
    assert cover.index("Tony Harper") < cover.index("Muriel Weisz")  # chair first


def test_british_summer_time_is_shown_as_london_time(pack_meeting):
    pack_meeting.start = pack_meeting.start.replace(month=6, day=14, hour=9, minute=30)
    pack_meeting.save()
    pdf, _, _ = render_agenda_pack(pack_meeting, "public")
    assert "Monday 14 June 2021 at 10:30am" in pdf_pages_text(pdf)[0]


def test_bookmarks_for_every_item_and_every_paper(pack_meeting):
    pdf, _, item_pages = render_agenda_pack(pack_meeting, "members")
    reader = PdfReader(BytesIO(pdf))
    titles = outline_titles(reader)
    assert titles[:2] == ["Cover", "Agenda"]
    for item in pack_meeting.items.select_related("report"):
        assert f"{item.position}. {item.title}" in titles
        if hasattr(item, "report"):
            assert f"{item.position}. {item.report.title}" in titles
    # A paper's bookmark points at its first page.
    for entry in reader.outline:
        if not isinstance(entry, list) and entry.title.startswith("4. "):
            assert reader.get_destination_page_number(entry) + 1 == item_pages[4][0]


def test_public_pack_withholds_part_ii_and_members_pack_has_it(pack_meeting):
    public, _, public_pages = render_agenda_pack(pack_meeting, "public")
    members, _, members_pages = render_agenda_pack(pack_meeting, "members")
    public_text = "\n".join(pdf_pages_text(public))
    members_text = "\n".join(pdf_pages_text(members))

    assert PART_II_MARKER not in public_text
    assert "Care Home Contract Award Evaluation" not in public_text  # not even the report title
    assert "Care home contract award" in public_text
    assert "Exempt: paragraph 3 of Schedule 12A" in public_text
    assert 8 not in public_pages
    assert "8. Care Home Contract Award Evaluation" not in outline_titles(
        PdfReader(BytesIO(public))
    )

    assert PART_II_MARKER in members_text
    assert 8 in members_pages


def test_document_language_title_and_tags(pack_meeting):
    pdf, _, _ = render_agenda_pack(pack_meeting, "public")
    reader = PdfReader(BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/MarkInfo"]["/Marked"])  # tagged
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == (
        "Adult Social Care and Public Health Committee: Agenda pack, 8 February 2021"
    )
    xmp = root["/Metadata"].get_object().get_data()
    assert b"pdfuaid" in xmp  # PDF/UA-1 conformance is declared


def test_pack_with_no_papers_has_agenda_only(body):
    from datetime import UTC, datetime

    meeting = Meeting.objects.create(
        body=body,
        start=datetime(2021, 3, 29, 13, 0, tzinfo=UTC),
        online_url="https://example.org/m",
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Apologies for absence")
    pdf, pages, item_pages = render_agenda_pack(meeting, "public")
    assert pages == 2 and item_pages == {}
    assert "https://example.org/m" in pdf_pages_text(pdf)[0]


def test_minutes_show_attendance_and_withhold_part_ii(minuted_meeting):
    public, public_pages = render_minutes(minuted_meeting, "public")
    members, _ = render_minutes(minuted_meeting, "members")
    public_text = "\n".join(pdf_pages_text(public))
    members_text = "\n".join(pdf_pages_text(members))
    assert "Present" in public_text and "Councillor Muriel Weisz" in public_text
    assert "The committee considered better care fund plan." in public_text
    assert "Exempt: paragraph 3 of Schedule 12A" in public_text
    assert PART_II_MINUTE_MARKER not in public_text
    assert PART_II_MINUTE_MARKER in members_text
    assert "Draft minutes" in public_text
    reader = PdfReader(BytesIO(public))
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert "8. Care home contract award" in outline_titles(reader)
    for number, text in enumerate(pdf_pages_text(public), start=1):
        assert f"Page {number} of {public_pages}" in text


def test_minutes_of_the_last_meeting_are_papers_of_the_approving_item(pack_meeting):
    from datetime import UTC, datetime

    from meetings.models import Minute

    previous = Meeting.objects.create(
        body=pack_meeting.body, start=datetime(2021, 1, 11, 14, tzinfo=UTC), venue="County Hall"
    )
    open_item = AgendaItem.objects.create(meeting=previous, position=1, title="Budget update")
    Minute.objects.create(item=open_item, text="The committee noted the budget update.")
    closed = AgendaItem.objects.create(
        meeting=previous, position=2, title="Staffing matter", is_exempt=True, exempt_paragraph=1
    )
    Minute.objects.create(item=closed, text=f"Agreed the restructure. {PART_II_MINUTE_MARKER}")
    item = pack_meeting.items.get(position=1)
    item.minutes_of = previous
    item.save()

    members, page_count, item_pages = render_agenda_pack(pack_meeting, "members")
    pages = pdf_pages_text(members)
    heading = "1. Minutes of the meeting held on 11 January 2021"
    start = next(n for n, text in enumerate(pages, start=1) if heading in text)
    assert item_pages[1] == (start, item_pages[4][0] - 1)
    assert item_pages[1][0] == item_pages[1][1]  # one page, printed as one number
    assert re.search(rf"Minutes of the last meeting\s+{start}\n", pages[1])
    assert PART_II_MINUTE_MARKER in "".join(pages)
    assert heading in outline_titles(PdfReader(BytesIO(members)))

    # Draft minutes are not public: the public pack leaves them out until approved.
    public, _, public_pages = render_agenda_pack(pack_meeting, "public")
    assert 1 not in public_pages
    assert "The committee noted the budget update." not in "".join(pdf_pages_text(public))

    # A status alone does not approve them: the page and the pack follow the same rule, the
    # approving item of a later meeting.
    Meeting.objects.filter(pk=previous.pk).update(status=Meeting.Status.MINUTES_APPROVED)
    _, _, public_pages = render_agenda_pack(pack_meeting, "public")
    assert 1 not in public_pages
    Meeting.objects.filter(pk=previous.pk).update(
        minutes_approved_at=pack_meeting.items.get(position=1)
    )
    public, _, public_pages = render_agenda_pack(pack_meeting, "public")
    text = "".join(pdf_pages_text(public))
    assert 1 in public_pages
    assert "The committee noted the budget update." in text
    assert "Exempt: paragraph 1 of Schedule 12A" in text
    assert PART_II_MINUTE_MARKER not in text
