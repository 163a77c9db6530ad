"""Writing reports and attaching files: the rules, the checks on files, and the history kept."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import AgendaRevision, Attachment, Meeting, Report
from meetings.services import reports as services
from tests.factories import report_fields

pytestmark = pytest.mark.django_db

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _files_on_disk(media_root: Path) -> list[Path]:
    return [p for p in Path(media_root).rglob("*") if p.is_file()]


# Reports


def test_report_create_before_publication_keeps_history_with_actor(draft_item, clerk):
    report = services.report_create(item=draft_item, actor=clerk, **report_fields())
    record = report.history.get()
    assert record.history_type == "+"
    assert record.history_user == clerk
    assert report.recommendation_list == ["Note the plan.", "Approve the extra beds."]
    assert not AgendaRevision.objects.exists()


def test_report_update_before_publication_is_a_plain_edit(draft_report, clerk):
    services.report_update(report=draft_report, actor=clerk, purpose="A clearer purpose.")
    draft_report.refresh_from_db()
    assert draft_report.purpose == "A clearer purpose."
    assert draft_report.history.first().history_user == clerk
    assert not AgendaRevision.objects.exists()
    assert Meeting.objects.get(pk=draft_report.item.meeting_id).pack_version == 0


def test_report_update_after_publication_is_refused_without_a_revision(part_one_report, clerk):
    with pytest.raises(ValidationError) as refusal:
        services.report_update(report=part_one_report, actor=clerk, purpose="Silently changed")
    assert "only through a revision" in str(refusal.value)
    part_one_report.refresh_from_db()
    assert part_one_report.purpose == "To set out the winter plan."
    assert part_one_report.history.count() == 1
    assert not AgendaRevision.objects.exists()


def test_report_update_after_publication_as_a_revision(part_one_report, clerk):
    meeting = part_one_report.item.meeting
    services.report_update(
        report=part_one_report,
        actor=clerk,
        revision_summary="Revised financial implications",
        implications_financial="An extra 50,000 pounds.",
    )
    revision = AgendaRevision.objects.get()
    assert revision.item == part_one_report.item
    assert revision.made_by == clerk
    assert revision.summary == "Revised financial implications"
    meeting.refresh_from_db()
    assert meeting.pack_version == 1
    assert meeting.history.first().history_user == clerk
    latest = part_one_report.history.first()
    assert latest.history_user == clerk
    assert latest.history_change_reason == "Revised financial implications"


def test_report_create_after_publication_needs_a_revision(part_one_item, clerk):
    with pytest.raises(ValidationError):
        services.report_create(item=part_one_item, actor=clerk, **report_fields())
    assert not Report.objects.exists()
    services.report_create(
        item=part_one_item, actor=clerk, revision_summary="Report added", **report_fields()
    )
    assert AgendaRevision.objects.get().summary == "Report added"


def test_second_report_for_an_item_is_refused(draft_report, clerk):
    with pytest.raises(ValidationError, match="already has a report"):
        services.report_create(item=draft_report.item, actor=clerk, **report_fields())


def test_report_create_refuses_missing_fields(draft_item, clerk):
    with pytest.raises(ValidationError) as refusal:
        services.report_create(item=draft_item, actor=clerk, **report_fields(purpose=""))
    assert "purpose" in refusal.value.error_dict
    assert not Report.objects.exists()


# Attachments: content checks


def test_real_pdf_is_accepted(draft_report, pdf_bytes, clerk, media_root):
    upload = SimpleUploadedFile("Winter Plan.pdf", pdf_bytes, content_type="application/pdf")
    attachment = services.attachment_add(
        report=draft_report, upload=upload, title="Winter plan", actor=clerk
    )
    assert attachment.mime_type == "application/pdf"
    assert attachment.size == len(pdf_bytes)
    assert attachment.sha512 == hashlib.sha512(pdf_bytes).hexdigest()
    assert attachment.original_name == "Winter Plan.pdf"
    assert attachment.uploaded_by == clerk
    assert attachment.history.get().history_user == clerk
    stored = Path(attachment.file.path)
    assert stored.read_bytes() == pdf_bytes
    assert stored.is_relative_to(media_root)


def test_stored_name_is_generated_not_the_original(draft_report, pdf_bytes, clerk):
    upload = SimpleUploadedFile("../../evil name.pdf", pdf_bytes)
    attachment = services.attachment_add(
        report=draft_report, upload=upload, title="Evil", actor=clerk
    )
    stored = Path(attachment.file.name)
    assert stored.parts[0] == "attachments"
    assert "evil" not in attachment.file.name.lower()
    assert len(stored.stem) == 32 and stored.suffix == ".pdf"
    assert attachment.original_name == "evil name.pdf"


def test_real_docx_is_accepted(draft_report, docx_bytes, clerk):
    upload = SimpleUploadedFile("minutes.docx", docx_bytes, content_type="application/zip")
    attachment = services.attachment_add(
        report=draft_report, upload=upload, title="Minutes", actor=clerk
    )
    assert attachment.mime_type == DOCX_TYPE
    assert attachment.file.name.endswith(".docx")


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", b"This is plain text pretending to be a PDF."),
        ("report.pdf", b""),
        ("report.docx", b"PK\x03\x04 but not really a zip"),
        ("page.pdf", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_files_that_are_not_pdf_or_docx_are_refused(
    draft_report, clerk, media_root, name, content
):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    with pytest.raises(ValidationError) as refusal:
        services.attachment_add(report=draft_report, upload=upload, title="Bad", actor=clerk)
    assert "must be a PDF or a Word document" in str(refusal.value)
    assert not Attachment.objects.exists()
    assert _files_on_disk(media_root) == []


def test_zip_that_is_not_docx_is_refused(draft_report, clerk, media_root):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
        archive.writestr("word/document.xml", "<w:document/>")  # but no [Content_Types].xml
    upload = SimpleUploadedFile("notes.docx", buffer.getvalue())
    with pytest.raises(ValidationError, match="must be a PDF or a Word document"):
        services.attachment_add(report=draft_report, upload=upload, title="Zip", actor=clerk)
    assert not Attachment.objects.exists()
    assert _files_on_disk(media_root) == []


def test_too_large_is_refused_with_sizes(draft_report, clerk, settings, media_root):
    settings.ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
    content = b"%PDF-" + b"0" * int(23.35 * 1024 * 1024)
    upload = SimpleUploadedFile("big.pdf", content)
    with pytest.raises(ValidationError) as refusal:
        services.attachment_add(report=draft_report, upload=upload, title="Big", actor=clerk)
    assert refusal.value.error_dict["upload"][0].message == (
        "The file is 23.4 MB; the limit is 20 MB."
    )
    assert not Attachment.objects.exists()
    assert _files_on_disk(media_root) == []


def test_limit_comes_from_the_setting(draft_report, clerk, pdf_bytes, settings):
    settings.ATTACHMENT_MAX_BYTES = len(pdf_bytes) - 1
    with pytest.raises(ValidationError, match="the limit is"):
        services.attachment_add(
            report=draft_report,
            upload=SimpleUploadedFile("a.pdf", pdf_bytes),
            title="A",
            actor=clerk,
        )
    settings.ATTACHMENT_MAX_BYTES = len(pdf_bytes)
    services.attachment_add(
        report=draft_report, upload=SimpleUploadedFile("a.pdf", pdf_bytes), title="A", actor=clerk
    )


def test_refused_record_leaves_no_file(draft_report, clerk, pdf_bytes, media_root):
    with pytest.raises(ValidationError):
        services.attachment_add(
            report=draft_report,
            upload=SimpleUploadedFile("a.pdf", pdf_bytes),
            title="x" * 301,  # too long for the title
            actor=clerk,
        )
    assert not Attachment.objects.exists()
    assert _files_on_disk(media_root) == []


def test_attachment_after_publication_needs_a_revision(part_one_report, clerk, pdf_upload):
    with pytest.raises(ValidationError, match="only through a revision"):
        services.attachment_add(
            report=part_one_report, upload=pdf_upload(), title="Appendix", actor=clerk
        )
    assert not Attachment.objects.exists()
    services.attachment_add(
        report=part_one_report,
        upload=pdf_upload(),
        title="Appendix",
        actor=clerk,
        revision_summary="Appendix added",
    )
    assert AgendaRevision.objects.get().summary == "Appendix added"
    assert Meeting.objects.get(pk=part_one_report.item.meeting_id).pack_version == 1


# Attachments: removal


def test_remove_before_publication_deletes_row_and_file(
    draft_report, clerk, pdf_upload, media_root, django_capture_on_commit_callbacks
):
    attachment = services.attachment_add(
        report=draft_report, upload=pdf_upload(), title="Appendix", actor=clerk
    )
    pk, path = attachment.pk, Path(attachment.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_remove(attachment=attachment, actor=clerk)
    assert not Attachment.objects.filter(pk=pk).exists()
    assert not path.exists()
    deleted = Attachment.history.filter(id=pk).first()
    assert deleted.history_type == "-"
    assert deleted.history_user == clerk


def test_remove_after_publication_only_as_a_withdrawal(exempt_report, clerk):
    attachment = exempt_report.attachments.get()
    with pytest.raises(ValidationError, match="only through a revision"):
        services.attachment_remove(attachment=attachment, actor=clerk)
    services.attachment_remove(
        attachment=attachment, actor=clerk, revision_summary="Superseded by the final bids"
    )
    attachment.refresh_from_db()
    assert attachment.withdrawal_reason == "Superseded by the final bids"
    revision = AgendaRevision.objects.latest("made_at", "pk")
    assert revision.summary.endswith("because Superseded by the final bids")


# Names


@pytest.mark.parametrize(
    "title, expected",
    [
        ('../../etc/passwd "x".pdf', "etc-passwd-x.pdf"),
        ("Appendix 1: Winter plan", "Appendix-1-Winter-plan.pdf"),
        ("Café résumé", "Cafe-resume.pdf"),
        ("«»", "attachment.pdf"),
        ("a\r\nContent-Type: text/html", "a-Content-Type-text-html.pdf"),
    ],
)
def test_download_name_is_ascii_safe(title, expected):
    attachment = Attachment(title=title, mime_type="application/pdf")
    assert services.download_name(attachment) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("C:\\Users\\jo\\plan.pdf", "plan.pdf"),
        ("../../etc/passwd", "passwd"),
        ("a\x00b\x1f.pdf", "ab.pdf"),
        ("", "upload"),
    ],
)
def test_display_name_is_sanitised(name, expected):
    assert services.display_name(name) == expected
