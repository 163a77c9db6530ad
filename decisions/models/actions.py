"""Actions arising from a resolution or an agenda item, with their progress notes."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from decisions.models.resolutions import Resolution
from governance.models import Body
from meetings.models import AgendaItem


class Action(models.Model):
    """Something a person must do because of a resolution or an item, by a date."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="actions")
    resolution = models.ForeignKey(
        Resolution, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    description = models.TextField()
    owner = models.CharField(max_length=200, help_text="Who must do it (name or job title).")
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    # Counts the edits of this record, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return f"Action for {self.owner}, due {self.due_date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("decisions:action_detail", args=[self.pk])

    def clean(self) -> None:
        if not self.resolution_id and not self.item_id:
            raise ValidationError("An action arises from a resolution or an agenda item.")

    @property
    def source_item(self) -> AgendaItem:
        """The agenda item the action arises from (a resolution's own item)."""
        return self.item if self.item_id else self.resolution.item

    @property
    def is_overdue(self) -> bool:
        return self.status in {self.Status.OPEN, self.Status.IN_PROGRESS} and (
            self.due_date < timezone.localdate()
        )


class ActionNote(models.Model):
    """A dated note of progress on an action."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField()
    written_at = models.DateTimeField(default=timezone.now)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self) -> str:
        return f"Progress note of {timezone.localtime(self.written_at):%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return self.action.get_absolute_url() + f"#note-{self.pk}"
