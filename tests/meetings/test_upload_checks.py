"""Attachments are checked by their whole content against their name, with real files."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from meetings.models import AgendaItem, Attachment, Meeting, Report
from meetings.services import reports as services
from meetings.uploads import DOCX, OFFICE_MAX_PARTS, OFFICE_MAX_UNPACKED_BYTES, PDF

pytestmark = pytest.mark.django_db

ALLOWED = "The file must be a PDF or a Word document (.docx)."


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": "Appendix 1: Winter plan"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _docx(extra: dict[str, bytes] | None = None, *, main_part: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        if main_part:
            archive.writestr(
                "word/document.xml",
                '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                'wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>',
            )
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A valid Word document plus a small part that unpacks to just over the limit of zeros."""
    buffer = io.BytesIO(_docx())
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as part:
            chunk = bytes(1024 * 1024)
            for _ in range(OFFICE_MAX_UNPACKED_BYTES // len(chunk) + 1):
                part.write(chunk)
    return buffer.getvalue()


@pytest.fixture
def upload_media(settings, tmp_path) -> Path:
    """Uploaded files go to a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def upload_report(body, clerk) -> Report:
    """The report of an item on a draft agenda, where files are simply added."""
    meeting = Meeting.objects.create(
        body=body,
        start=datetime(2021, 3, 29, 14, 0, tzinfo=ZoneInfo("Europe/London")),
        venue="County Hall, West Bridgford",
    )
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Winter plan")
    return services.report_create(
        item=item,
        actor=clerk,
        title="Winter plan",
        purpose="To set out the winter plan.",
        recommendations="Note the plan.",
        information="The winter plan keeps 40 extra beds open.",
        author="Jane Author",
        author_contact="jane.author@example.org",
    )


def _add(report: Report, name: str, content: bytes, actor) -> Attachment:
    return services.attachment_add(
        report=report, upload=SimpleUploadedFile(name, content), title="Appendix", actor=actor
    )


def _refusal(report: Report, name: str, content: bytes, actor) -> str:
    with pytest.raises(ValidationError) as refusal:
        _add(report, name, content, actor)
    [message] = refusal.value.error_dict["upload"]
    return message.message


def _nothing_kept(media_root: Path) -> bool:
    stored = [p for p in Path(media_root).rglob("*") if p.is_file()]
    return not Attachment.objects.exists() and stored == []


def test_a_real_pdf_is_accepted(upload_report, clerk, upload_media):
    content = _pdf()
    attachment = _add(upload_report, "Winter plan.pdf", content, clerk)
    assert attachment.mime_type == PDF
    assert Path(attachment.file.path).read_bytes() == content


def test_a_real_docx_is_accepted(upload_report, clerk, upload_media):
    attachment = _add(upload_report, "Minutes.DOCX", _docx(), clerk)
    assert attachment.mime_type == DOCX
    assert attachment.file.name.endswith(".docx")


@pytest.mark.parametrize(
    "name, content, problem",
    [
        (
            "appendix.pdf",
            _pdf()[: len(_pdf()) // 2],
            "“appendix.pdf” is damaged or incomplete: it could not be read as a PDF.",
        ),
        (
            "notes.pdf",
            b"Minutes of the meeting, typed in a text editor.\n",
            "“notes.pdf” is named as a PDF but its content is not one.",
        ),
        (
            "appendix.docx",
            _pdf(),
            "“appendix.docx” is named as a Word document but its content is a PDF.",
        ),
        (
            "minutes.pdf",
            _docx(),
            "“minutes.pdf” is named as a PDF but its content is a zip archive.",
        ),
        (
            "appendix.txt",
            _pdf(),
            "“appendix.txt” is not named .pdf or .docx.",
        ),
        (
            "notes.docx",
            _docx(main_part=False),
            "“notes.docx” is not a Word document: it has no word/document.xml inside it.",
        ),
        (
            "minutes.docx",
            _docx()[:-40],
            "“minutes.docx” is damaged or incomplete: it could not be opened.",
        ),
    ],
    ids=[
        "truncated-pdf",
        "text-named-pdf",
        "pdf-named-docx",
        "docx-named-pdf",
        "other-extension",
        "zip-without-main-part",
        "truncated-docx",
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(
    upload_report, clerk, upload_media, name, content, problem
):
    assert _refusal(upload_report, name, content, clerk) == f"{problem} {ALLOWED}"
    assert _nothing_kept(upload_media)


def test_a_zip_bomb_is_refused(upload_report, clerk, upload_media):
    bomb = _zip_bomb()
    assert len(bomb) < 1024 * 1024  # small to upload, over 100 MB unpacked
    message = _refusal(upload_report, "budget.docx", bomb, clerk)
    assert message.startswith("“budget.docx” would unpack to more than 100 MB")
    assert _nothing_kept(upload_media)


def test_an_archive_of_too_many_parts_is_refused(upload_report, clerk, upload_media):
    parts = {f"word/media/image{n}.png": b"" for n in range(OFFICE_MAX_PARTS)}
    message = _refusal(upload_report, "report.docx", _docx(parts), clerk)
    assert message.startswith("“report.docx” holds 1,003 parts; a document may hold at most 1,000")
    assert _nothing_kept(upload_media)


def test_an_archive_with_a_corrupted_part_is_refused(upload_report, clerk, upload_media):
    content = bytearray(_docx({"word/styles.xml": b"<w:styles/>" * 50}))
    # Flip a byte of stored data: the part no longer matches its checksum.
    offset = content.index(b"word/styles.xml") + len("word/styles.xml") + 5
    content[offset] ^= 0xFF
    message = _refusal(upload_report, "report.docx", bytes(content), clerk)
    assert message.startswith("“report.docx” is damaged or incomplete")
    assert _nothing_kept(upload_media)


def test_the_form_page_names_the_file_and_says_what_is_wrong(
    client_for, clerk, upload_report, upload_media
):
    response = client_for(clerk).post(
        f"/meetings/{upload_report.item.meeting_id}/items/1/report/attachments/new/",
        {"title": "Appendix", "upload": SimpleUploadedFile("appendix.docx", _pdf())},
    )
    assert response.status_code == 200
    assert "<title>Error:" in response.text
    assert "“appendix.docx” is named as a Word document but its content is a PDF." in (
        response.text
    )
    assert _nothing_kept(upload_media)
