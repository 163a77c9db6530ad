"""Writing an agenda item's report and attaching files to it.

Before the agenda is published a report is simply edited. Once it is published, every change
(to the report, or adding or removing an attachment) is a visible revision: it needs a summary
of what changed, writes an AgendaRevision ("Supplementary / revised report") and bumps the
meeting's pack_version so that the agenda packs are made again. Published means kept: an
attachment removed after publication is withdrawn (dated, with the reason shown), never deleted.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from ics_portal.common.records import check_version, save_record
from meetings.exclusion import check_grounds_for_body
from meetings.models import AgendaItem, AgendaRevision, Attachment, Meeting, Report
from meetings.services.agenda import after_papers_change
from meetings.services.packs import packs_withdraw_public
from meetings.uploads import EXTENSIONS, checked_type

REPORT_FIELDS = [
    f.name for f in Report._meta.concrete_fields if f.name not in {"id", "item", "version"}
]

MB = 1024 * 1024


# Revisions


def _revision_needed(item: AgendaItem, summary: str) -> str:
    """The cleaned revision summary; refuses a change to a published agenda without one."""
    summary = (summary or "").strip()
    if item.meeting.is_published and not summary:
        raise ValidationError(
            {
                "revision_summary": "The agenda has been published, so its papers change only "
                "through a revision: say what changed, as the agenda will show it."
            }
        )
    max_length = AgendaRevision._meta.get_field("summary").max_length
    if len(summary) > max_length:
        raise ValidationError(
            {"revision_summary": f"Keep the summary to {max_length} characters or fewer."}
        )
    return summary


def _record_revision(*, item: AgendaItem, summary: str, actor) -> AgendaRevision | None:
    """After publication: a visible revision of the item, and a new pack version. Before it,
    nothing. Call inside the service's transaction."""
    if not item.meeting.is_published:
        return None
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    revision = save_record(AgendaRevision(item=item, made_by=actor, summary=summary), actor=actor)
    meeting.pack_version += 1
    # The meeting's reason must not quote the summary: the item may be Part II.
    save_record(meeting, actor=actor, reason=f"Item {item.position} revised")
    item.meeting.pack_version = meeting.pack_version
    if item.is_exempt:
        # Exempt papers changed: no public edition made before this change is served again.
        packs_withdraw_public(meeting)
    after_papers_change(meeting)
    return revision


# Reports


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(REPORT_FIELDS)
    if unknown:
        raise TypeError(f"Not report fields: {', '.join(sorted(unknown))}")


def _locked_item(item: AgendaItem) -> AgendaItem:
    """The item re-read under a row lock, after its meeting's (the agenda services' order):
    one clerk at a time writes an item's papers, against the agenda as it now is."""
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=item.meeting_id)
    locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
    locked.meeting = meeting
    return locked


@transaction.atomic
def report_create(*, item: AgendaItem, actor, revision_summary: str = "", **fields) -> Report:
    """Write the report for an agenda item (after publication, as a revision)."""
    _check_fields(fields)
    item = _locked_item(item)
    summary = _revision_needed(item, revision_summary)
    if Report.objects.filter(item=item).exists():
        raise ValidationError(
            "This item already has a report: someone else wrote it since you opened the page. "
            "Reload the page and change that one instead."
        )
    report = save_record(Report(item=item, **fields), actor=actor, reason=summary)
    _record_revision(item=item, summary=summary, actor=actor)
    return report


@transaction.atomic
def report_update(
    *,
    report: Report,
    actor,
    revision_summary: str = "",
    expected_version: int | str | None = None,
    **fields,
) -> Report:
    """Change a report. Once the agenda is published, only as a revision with a summary.

    A form opened before someone else's change is refused (`expected_version`, the version it
    was opened at; None only for callers that hold no form).
    """
    _check_fields(fields)
    item = _locked_item(report.item)
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if expected_version is not None:
        check_version(locked, expected_version, what="this report")
    summary = _revision_needed(item, revision_summary)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.item = item
    save_record(locked, actor=actor, reason=summary)
    _record_revision(item=item, summary=summary, actor=actor)
    return locked


# Attachments


def _megabytes(size: float) -> str:
    text = f"{size:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _checksum(upload) -> str:
    digest = hashlib.sha512()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def display_name(name: str) -> str:
    """The uploader's file name, kept for display only: no folders, no control characters."""
    name = PurePosixPath((name or "").replace("\\", "/")).name
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    return name[:255] or "upload"


def download_name(attachment: Attachment) -> str:
    """An ASCII-safe file name for a download, made from the attachment's title."""
    extension = EXTENSIONS.get(attachment.mime_type, "bin")
    title = unicodedata.normalize("NFKD", attachment.title).encode("ascii", "ignore").decode()
    title = re.sub(rf"\.{extension}$", "", title.strip(), flags=re.IGNORECASE)
    stem = re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-")[:80].strip("-")
    return f"{stem or 'attachment'}.{extension}"


def attachment_add(
    *,
    report: Report,
    upload: UploadedFile,
    title: str,
    actor,
    revision_summary: str = "",
    is_exempt: bool = False,
    exempt_paragraph: int | None = None,
    exempt_reason: str = "",
) -> Attachment:
    """Attach a PDF or DOCX file to a report, checked by its whole content against its name
    (meetings/uploads.py), within the size limit, stored under a generated name. After
    publication, as a revision. On refusal nothing is kept."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        size = _megabytes(math.ceil(upload.size / MB * 10) / 10)  # rounded up: never "20 MB"
        raise ValidationError(
            {"upload": f"The file is {size} MB; the limit is {_megabytes(limit / MB)} MB."}
        )
    with transaction.atomic():
        summary = _revision_needed(report.item, revision_summary)
        original_name = display_name(upload.name)
        mime_type = checked_type(upload, original_name)
        attachment = Attachment(
            report=report,
            title=title,
            is_exempt=is_exempt,
            exempt_paragraph=exempt_paragraph if is_exempt else None,
            exempt_reason=exempt_reason.strip() if is_exempt else "",
            original_name=original_name,
            mime_type=mime_type,
            size=upload.size,
            sha512=_checksum(upload),
            uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        check_grounds_for_body(report.item.meeting.body, attachment)
        attachment.full_clean(exclude=["file"])
        # The name given here is ignored: attachment_path generates the stored name.
        attachment.file.save("upload", upload, save=False)
        stored = attachment.file.name
        try:
            save_record(attachment, actor=actor, reason=summary)
            _record_revision(item=report.item, summary=summary, actor=actor)
        except BaseException:
            attachment.file.storage.delete(stored)
            raise
    return attachment


def withdrawal_summary(attachment: Attachment) -> str:
    """The revision the agenda shows for a withdrawn attachment."""
    when = timezone.localtime(attachment.withdrawn_at)
    text = (
        f"{attachment.title} withdrawn on {when.day} {when:%B %Y} because "
        f"{attachment.withdrawal_reason}"
    )
    return Truncator(text).chars(AgendaRevision._meta.get_field("summary").max_length)


@transaction.atomic
def attachment_remove(*, attachment: Attachment, actor, revision_summary: str = "") -> Attachment:
    """Remove an attachment from a draft agenda's report; once the agenda is published, withdraw
    it instead, visibly and for a reason (`revision_summary`): the row and the stored file are
    kept, and those who may see the item can still download it.

    Before publication the stored file is deleted once the removal has committed.
    """
    item = _locked_item(attachment.report.item)
    if item.meeting.is_published and not (revision_summary or "").strip():
        raise ValidationError(
            {
                "revision_summary": "The agenda has been published, so its papers change only "
                "through a revision: say why the attachment is withdrawn, as the agenda will "
                "show it."
            }
        )
    summary = _revision_needed(item, revision_summary)
    try:
        locked = Attachment.objects.select_for_update().get(pk=attachment.pk)
    except Attachment.DoesNotExist as exc:
        raise ValidationError("Someone else has already removed this attachment.") from exc
    if locked.is_withdrawn:
        raise ValidationError(f"{withdrawal_summary(locked)}; it cannot be withdrawn again.")
    if item.meeting.is_published:
        locked.withdrawn_at = timezone.now()
        locked.withdrawal_reason = summary
        save_record(locked, actor=actor, reason=f"Withdrawn: {summary}")
        _record_revision(item=item, summary=withdrawal_summary(locked), actor=actor)
        return locked
    stored, storage = locked.file.name, locked.file.storage
    locked._history_user = actor if getattr(actor, "is_authenticated", False) else None
    locked._change_reason = "Removed"
    locked.delete()
    transaction.on_commit(lambda: storage.delete(stored))
    return locked
