"""Recommendations of overview and scrutiny committees, and the response duty of the regime
each is made under (`decisions.response_clocks`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from decisions import response_clocks
from decisions.models.resolutions import Resolution
from governance.models import Body, Organisation


class ScrutinyRecommendation(models.Model):
    """A scrutiny committee's recommendation to an organisation or body, awaiting its response."""

    class Status(models.TextChoices):
        AWAITING_RESPONSE = "awaiting_response", "Awaiting response"
        RESPONDED = "responded", "Responded"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    class Regime(models.TextChoices):
        """The law the response is owed under, which sets its clock."""

        HEALTH_SCRUTINY = "health_scrutiny", "Health scrutiny of an NHS body (28 days)"
        COUNCIL_EXECUTIVE = "council_executive", "Council executive (2 months)"
        OTHER = "other", "Other (a set number of days)"

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
    regime = models.CharField(
        "response regime",
        max_length=20,
        choices=Regime.choices,
        help_text="Sets when the response is due.",
    )
    response_days = models.PositiveSmallIntegerField(
        "days to respond",
        null=True,
        blank=True,
        help_text="Only for the 'other' regime: the number of days the committee set.",
    )
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
        self.clean_regime()
        if bool(self.to_organisation_id) == bool(self.to_body_id):
            raise ValidationError("Send the recommendation to an organisation or to a body.")
        if self.responded_on and self.sent_on and self.responded_on < self.sent_on:
            raise ValidationError(
                {"responded_on": "The response cannot come before the recommendation."}
            )

    def clean_regime(self) -> None:
        """The regime's own rule for `response_days`: set for 'other' only."""
        if self.regime == self.Regime.OTHER and not self.response_days:
            raise ValidationError(
                {"response_days": "Enter the number of days the recipient has to respond."}
            )
        if self.regime and self.regime != self.Regime.OTHER and self.response_days:
            raise ValidationError(
                {
                    "response_days": f"{self.get_regime_display()} sets its own clock; enter "
                    "days only for the 'other' regime."
                }
            )

    def set_response_due(self) -> None:
        """The due date under the regime (call `clean_regime` first)."""
        if self.regime == self.Regime.HEALTH_SCRUTINY:
            self.response_due = response_clocks.health_scrutiny_due(self.sent_on)
        elif self.regime == self.Regime.COUNCIL_EXECUTIVE:
            self.response_due = response_clocks.council_executive_due(self.sent_on)
        elif self.regime == self.Regime.OTHER and self.response_days:
            self.response_due = response_clocks.set_days_due(self.sent_on, self.response_days)
        else:
            raise ValidationError({"regime": "Choose the regime the response is owed under."})

    @property
    def clock(self) -> str:
        """The response period in words: "28 days", "2 months"."""
        if self.regime == self.Regime.HEALTH_SCRUTINY:
            return f"{response_clocks.HEALTH_SCRUTINY_DAYS} days"
        if self.regime == self.Regime.COUNCIL_EXECUTIVE:
            return f"{response_clocks.COUNCIL_EXECUTIVE_MONTHS} months"
        days = self.response_days or 0
        return f"{days} day{'s' if days != 1 else ''}"

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == self.Status.AWAITING_RESPONSE
            and self.response_due < timezone.localdate()
        )
