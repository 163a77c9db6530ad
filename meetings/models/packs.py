"""Stored PDFs of a meeting: the agenda pack and the minutes, for members and for the public."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from meetings.models.agenda import Meeting


class AgendaPack(models.Model):
    """A rendered PDF, stored so that a reader never waits for WeasyPrint."""

    class Document(models.TextChoices):
        AGENDA = "agenda", "Agenda pack"
        MINUTES = "minutes", "Minutes"

    class Audience(models.TextChoices):
        PUBLIC = "public", "Public (Part II withheld)"
        MEMBERS = "members", "Members and officers (with Part II)"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="packs")
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
                fields=["meeting", "document", "audience", "version"], name="one_pack_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_document_display()} v{self.version} ({self.audience}) – {self.meeting}"
