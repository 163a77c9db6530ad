"""Officer and delegated decisions, recorded and published as the Openness of Local Government
Bodies Regulations 2014 (reg 7) require, each under the delegation that authorised it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models import Delegation, Organisation


class DelegatedDecision(models.Model):
    """A decision taken by an officer or a body under an organisation's scheme of delegation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="delegated_decisions"
    )
    delegation = models.ForeignKey(
        Delegation,
        on_delete=models.PROTECT,
        related_name="decisions",
        help_text="The delegation in the scheme that authorised the decision.",
    )
    title = models.CharField(max_length=200)
    decided_by = models.CharField(
        "taken by",
        max_length=200,
        help_text="The officer (by role) or the body that took the decision.",
    )
    decided_on = models.DateField("date of the decision")
    decision = models.TextField("the decision")
    reasons = models.TextField("reasons for the decision")
    alternatives_rejected = models.TextField(
        "alternative options considered and rejected", blank=True
    )
    amount = models.DecimalField(
        "value (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="In pounds, when the decision commits money.",
    )
    conflicts_of_interest = models.TextField(
        "conflicts of interest declared",
        blank=True,
        help_text="Any conflict of interest declared by a member consulted on the decision.",
    )
    dispensation = models.TextField(
        "dispensations granted", blank=True, help_text="Any dispensation granted for it."
    )
    exempt_paragraph = models.PositiveSmallIntegerField(
        "Schedule 12A paragraph",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
        help_text="Only if the record holds exempt information: its paragraph (1 to 7).",
    )
    published_on = models.DateField(editable=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    # Counts the edits of this record, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "-decided_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("decisions:delegated_decision_detail", args=[self.pk])

    @property
    def is_exempt(self) -> bool:
        return self.exempt_paragraph is not None

    @property
    def exempt_notice(self) -> str:
        if not self.is_exempt:
            return ""
        return f"Exempt: paragraph {self.exempt_paragraph} of Schedule 12A"

    def clean(self) -> None:
        if self.published_on and self.decided_on and self.published_on < self.decided_on:
            raise ValidationError("A decision cannot be published before it was taken.")
