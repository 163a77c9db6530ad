"""Recommendations of health overview and scrutiny committees, and the 28-day response duty."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from decisions.models.resolutions import Resolution
from governance.models import Body, Organisation

RESPONSE_DAYS = 28


class ScrutinyRecommendation(models.Model):
    """A scrutiny committee's recommendation to an organisation or body, awaiting its response."""

    class Status(models.TextChoices):
        AWAITING_RESPONSE = "awaiting_response", "Awaiting response"
        RESPONDED = "responded", "Responded"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    scrutiny_body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="scrutiny_recommendations"
    )
    to_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="scrutiny_recommendations",
    )
    to_body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="scrutiny_recommendations_received",
    )
    resolution = models.ForeignKey(
        Resolution,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="scrutiny_recommendations",
        help_text="The decision the recommendation is about, if any.",
    )
    reference = models.CharField(max_length=40, blank=True)
    text = models.TextField()
    sent_on = models.DateField()
    response_due = models.DateField(editable=False)
    response = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.AWAITING_RESPONSE
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    # Counts the edits of this record, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_on", "pk"]

    def __str__(self) -> str:
        return self.reference or f"Recommendation {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("decisions:recommendation_detail", args=[self.pk])

    @property
    def recipient(self) -> Organisation | Body | None:
        return self.to_organisation or self.to_body

    def clean(self) -> None:
        if bool(self.to_organisation_id) == bool(self.to_body_id):
            raise ValidationError("Send the recommendation to an organisation or to a body.")
        if self.responded_on and self.sent_on and self.responded_on < self.sent_on:
            raise ValidationError(
                {"responded_on": "The response cannot come before the recommendation."}
            )

    def set_response_due(self) -> None:
        self.response_due = self.sent_on + timedelta(days=RESPONSE_DAYS)

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == self.Status.AWAITING_RESPONSE
            and self.response_due < timezone.localdate()
        )
