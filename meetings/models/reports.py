"""Committee reports in the standard shape, and their attachments."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from meetings.models.agenda import AgendaItem, check_exempt_grounds, exempt_notice

IMPLICATIONS = [
    ("implications_financial", "Financial"),
    ("implications_legal", "Legal"),
    ("implications_equality", "Equality"),
    ("implications_safeguarding", "Safeguarding"),
    ("implications_environmental", "Environmental"),
    ("implications_workforce", "Workforce"),
    ("implications_risk", "Risk"),
    ("implications_data_protection", "Data protection"),
]


class Report(models.Model):
    """A committee report (paper) for one agenda item, in the seeds' standard shape."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="report")
    title = models.CharField(max_length=300)
    purpose = models.TextField("purpose of the report")
    recommendations = models.TextField(help_text="One recommendation a line; they are numbered.")
    information = models.TextField("information", help_text="The body of the report.")
    other_options = models.TextField("other options considered", blank=True)
    reasons = models.TextField("reasons for the recommendations", blank=True)
    implications_financial = models.TextField("financial implications", blank=True)
    implications_legal = models.TextField("legal implications", blank=True)
    implications_equality = models.TextField("equality implications", blank=True)
    implications_safeguarding = models.TextField("safeguarding implications", blank=True)
    implications_environmental = models.TextField("environmental implications", blank=True)
    implications_workforce = models.TextField("workforce implications", blank=True)
    implications_risk = models.TextField("risk implications", blank=True)
    implications_data_protection = models.TextField("data protection implications", blank=True)
    author = models.CharField("report author", max_length=200)
    author_contact = models.CharField(max_length=300, blank=True)
    presenting_officer = models.CharField(max_length=200, blank=True)
    consultee_constitutional = models.TextField("constitutional comments", blank=True)
    consultee_financial = models.TextField("financial comments", blank=True)
    consultee_hr = models.TextField("human resources comments", blank=True)
    background_papers = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:item_detail", args=[self.item.meeting_id, self.item.position])

    @property
    def recommendation_list(self) -> list[str]:
        return [line.strip() for line in self.recommendations.splitlines() if line.strip()]

    @property
    def implications(self) -> list[tuple[str, str]]:
        return [
            (label, getattr(self, name)) for name, label in IMPLICATIONS if getattr(self, name)
        ]


def attachment_path(instance: Attachment, filename: str) -> str:
    """Stored under a generated name: the uploader's file name is never used on disk."""
    extension = {"application/pdf": "pdf"}.get(instance.mime_type, "docx")
    return f"attachments/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class Attachment(models.Model):
    """A PDF or DOCX file attached to a report; once published, withdrawn but never deleted."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(max_length=255)
    mime_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha512 = models.CharField("SHA-512 checksum", max_length=128)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # An exempt appendix of a Part I report: its file is Part II (members' edition only).
    is_exempt = models.BooleanField(
        "Exempt appendix (Part II)",
        default=False,
        help_text="The report is public but this appendix is not: it is bound only into the "
        "members' edition of the pack.",
    )
    exempt_paragraph = models.PositiveSmallIntegerField(
        "Schedule 12A paragraph",
        null=True,
        blank=True,
        choices=[(n, f"Paragraph {n}") for n in range(1, 8)],
    )
    exempt_reason = models.CharField(
        "reason for keeping it private",
        max_length=300,
        blank=True,
        help_text="For a body that excludes the public on NHS public-interest grounds.",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawal_reason = models.CharField(max_length=300, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.report.get_absolute_url() + f"#attachment-{self.pk}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def exempt_notice(self) -> str:
        return exempt_notice(self.exempt_paragraph, self.exempt_reason)

    def clean(self) -> None:
        if not self.is_exempt:
            self.exempt_paragraph = None
            self.exempt_reason = ""
        check_exempt_grounds(self)

    @property
    def kind_label(self) -> str:
        return "PDF" if self.mime_type == "application/pdf" else "Word document"
