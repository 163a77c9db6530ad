"""The pack a member can read from cover to cover: PDF appendices bound in after their report
and counted in its printed page range, exempt appendices only in the members' edition, other
files listed with their size and link, and the exclusion of the press and public before Part II.
Read back from the PDFs with pypdf."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from weasyprint import HTML

from meetings.models import AgendaItem, Attachment, Meeting, Report
from meetings.pdf import render_agenda_pack
from meetings.services.agenda import agenda_publish

pytestmark = pytest.mark.django_db

APPENDIX_PAGES = ["KESTRELAPPENDIXONE", "KESTRELAPPENDIXTWO"]
EXEMPT_APPENDIX = "PANGOLINEXEMPTAPPENDIX"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]


def appendix_pdf(*markers: str) -> bytes:
    """A small PDF of one page per marker (A4 portrait, as officers' appendices mostly are)."""
    pages = "".join(
        f'<section style="break-before: page"><h1>Appendix</h1><p>{marker}</p></section>'
        for marker in markers
    )
    return HTML(string=f"<html><body>{pages}</body></html>").write_pdf()


def attach(report: Report, title: str, data: bytes, mime_type: str, **extra) -> Attachment:
    attachment = Attachment(
        report=report, title=title, original_name=f"{title}.pdf", mime_type=mime_type,
        size=len(data), sha512="0" * 128, **extra,
    )  # fmt: skip
    attachment.file.save("upload", ContentFile(data), save=False)
    attachment.save()
    return attachment


def report_for(item: AgendaItem, title: str) -> Report:
    return Report.objects.create(
        item=item, title=title, purpose=f"About {title.lower()}.",
        recommendations="Note the report.", information="The details.\n\nMore details.",
        author="Jane Doe",
    )  # fmt: skip


@pytest.fixture
def appendix_files(settings, tmp_path):
    """Attachments are stored in a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "appendix-media"
    return settings.MEDIA_ROOT


@pytest.fixture
def appendix_meeting(body, appendix_files) -> Meeting:
    """Two Part I reports, the first with a two-page PDF appendix, an exempt PDF appendix and
    a Word document; then a Part II report."""
    meeting = Meeting.objects.create(
        body=body, start=datetime(2021, 2, 8, 14, 0, tzinfo=UTC),
        agenda_published_at=timezone.now(), pack_version=1,
    )  # fmt: skip
    winter = AgendaItem.objects.create(meeting=meeting, position=1, title="Winter plan")
    report = report_for(winter, "Winter Plan 2021")
    attach(report, "Appendix 1: Winter plan", appendix_pdf(*APPENDIX_PAGES), "application/pdf")
    attach(
        report, "Appendix 2: Provider costs", appendix_pdf(EXEMPT_APPENDIX), "application/pdf",
        is_exempt=True, exempt_paragraph=3,
    )  # fmt: skip
    attach(report, "Appendix 3: Equality impact assessment", b"x" * 2048, DOCX)
    grant = AgendaItem.objects.create(meeting=meeting, position=2, title="Public health grant")
    report_for(grant, "Public Health Grant Allocation")
    contract = AgendaItem.objects.create(
        meeting=meeting, position=3, title="Care home contract award", is_exempt=True,
        exempt_paragraph=3,
    )  # fmt: skip
    report_for(contract, "Care Home Contract Evaluation")
    return meeting


def page_of(pages: list[str], text: str) -> int:
    found = [n for n, page in enumerate(pages, start=1) if text in page]
    assert found, f"{text!r} is not in the pack"
    return found[0]


@pytest.mark.parametrize("audience", ["members", "public"])
def test_appendix_pages_are_bound_within_the_item_page_range(appendix_meeting, audience):
    pdf, page_count, item_pages = render_agenda_pack(appendix_meeting, audience)
    pages = pages_text(pdf)
    assert len(pages) == page_count

    first, last = item_pages[1]
    for marker in APPENDIX_PAGES:
        assert first < page_of(pages, marker) <= last
    # The next report starts straight after the appendix.
    assert item_pages[2][0] == last + 1 == page_of(pages, "2. Public Health Grant Allocation")
    # The agenda prints that range, and the appendix pages carry the pack's page numbers.
    assert f"Winter plan {first} – {last}" in pages[1]
    appendix_page = page_of(pages, APPENDIX_PAGES[1])
    assert f"Page {appendix_page} of {page_count}" in pages[appendix_page - 1]


def test_exempt_appendix_only_in_the_members_edition(appendix_meeting):
    members = pages_text(render_agenda_pack(appendix_meeting, "members")[0])
    public = pages_text(render_agenda_pack(appendix_meeting, "public")[0])

    first, last = render_agenda_pack(appendix_meeting, "members")[2][1]
    assert first < page_of(members, EXEMPT_APPENDIX) <= last
    assert not any(EXEMPT_APPENDIX in page for page in public)
    assert not any("Provider costs" in page for page in public)
    assert any("An exempt appendix (exempt: paragraph 3 of schedule 12a)" in p for p in public)


def test_other_files_are_listed_with_their_size_and_link(appendix_meeting):
    pages = pages_text(render_agenda_pack(appendix_meeting, "public")[0])
    text = " ".join(" ".join(pages).split())
    docx = Attachment.objects.get(mime_type=DOCX)
    path = reverse("meetings:attachment_download", args=[appendix_meeting.pk, docx.pk])
    assert "Appendix 3: Equality impact assessment (Word document, 2.0 KB)" in text
    assert path in text


@pytest.mark.parametrize("audience", ["members", "public"])
def test_exclusion_of_the_press_and_public_precedes_part_ii(appendix_meeting, audience):
    agenda = pages_text(render_agenda_pack(appendix_meeting, audience)[0])[1]
    exclusion = agenda.index("Exclusion of the press and public")
    assert agenda.index("Public health grant") < exclusion < agenda.index("Care home contract")
    assert "paragraph 3 of Part 1 of Schedule 12A" in " ".join(agenda.split())


def test_meeting_page_shows_the_exclusion_and_a_single_page_as_page_n(
    appendix_meeting, client_for
):
    AgendaItem.objects.filter(meeting=appendix_meeting, position=2).update(
        pack_first_page=8, pack_last_page=8
    )
    page = client_for(None).get(appendix_meeting.get_absolute_url()).content.decode()
    assert "Page 8 of the agenda pack" in page
    assert "Pages 8 to 8" not in page
    exclusion = page.index("Exclusion of the press and public")
    assert page.index("Public health grant") < exclusion < page.index("Care home contract")


def test_publishing_refuses_part_ii_before_part_i_business(body, clerk):
    meeting = Meeting.objects.create(body=body, start=timezone.now() + timedelta(days=30))
    AgendaItem.objects.create(
        meeting=meeting, position=1, title="Care home contract award", is_exempt=True,
        exempt_paragraph=3,
    )  # fmt: skip
    AgendaItem.objects.create(meeting=meeting, position=2, title="Public health grant")

    with pytest.raises(ValidationError, match="move item 1 .* below item 2"):
        agenda_publish(meeting=meeting, actor=clerk)
    meeting.refresh_from_db()
    assert not meeting.is_published
