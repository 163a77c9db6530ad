"""Stored PDFs of a meeting: the agenda pack and the minutes, for members and for the public."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone

from meetings.models.agenda import Meeting, Supplement


class AgendaPack(models.Model):
    """A rendered PDF, stored so that a reader never waits for WeasyPrint."""

    class Document(models.TextChoices):
        AGENDA = "agenda", "Agenda pack"
        MINUTES = "minutes", "Minutes"
        SUPPLEMENT = "supplement", "Supplementary agenda"

    class Audience(models.TextChoices):
        PUBLIC = "public", "Public (Part II withheld)"
        MEMBERS = "members", "Members and officers (with Part II)"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="packs")
    # Set for a supplementary agenda's pack (document SUPPLEMENT), None otherwise.
    supplement = models.ForeignKey(
        Supplement, null=True, blank=True, on_delete=models.CASCADE, related_name="packs"
    )
    document = models.CharField(max_length=10, choices=Document.choices)
    audience = models.CharField(max_length=10, choices=Audience.choices)
    version = models.PositiveIntegerField(help_text="The meeting's pack_version it was made from.")
    file = models.FileField(upload_to="packs/%Y/%m/", max_length=200)
    pages = models.PositiveIntegerField()
    rendered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version", "-rendered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "document", "audience", "version"],
                condition=Q(supplement__isnull=True),
                name="one_pack_per_version",
            ),
            models.UniqueConstraint(
                fields=["supplement", "audience", "version"],
                condition=Q(supplement__isnull=False),
                name="one_supplement_pack_per_version",
            ),
            models.CheckConstraint(
                condition=Q(document="supplement", supplement__isnull=False)
                | (~Q(document="supplement") & Q(supplement__isnull=True)),
                name="supplement_pack_names_its_supplement",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_document_display()} v{self.version} ({self.audience}) – {self.meeting}"
