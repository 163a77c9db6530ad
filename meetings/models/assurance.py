"""The board assurance framework: which agenda items gave assurance on which risks."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from governance.models import Risk
from meetings.models.agenda import AgendaItem


class RiskAssurance(models.Model):
    """Assurance an agenda item gave a body on a risk: what was heard, and how assured it was.
    The item's resolutions are the decisions that went with it."""

    class Level(models.TextChoices):
        SUBSTANTIAL = "substantial", "Substantial assurance"
        REASONABLE = "reasonable", "Reasonable assurance"
        LIMITED = "limited", "Limited assurance"
        NONE = "no_assurance", "No assurance"

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="assurances")
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="assurances")
    level = models.CharField("level of assurance", max_length=20, choices=Level.choices)
    note = models.TextField(
        blank=True, help_text="What the meeting heard, and any gap in control or assurance."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["risk", "-item__meeting__start", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["risk", "item"],
                name="one_assurance_per_risk_per_item",
                violation_error_message="Assurance on this risk is already recorded against "
                "this item.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.risk.reference}: {self.get_level_display()}"

    def get_absolute_url(self) -> str:
        return self.item.get_absolute_url()

    @property
    def level_tag_class(self) -> str:
        return {
            self.Level.SUBSTANTIAL: "govuk-tag--green",
            self.Level.REASONABLE: "govuk-tag--blue",
            self.Level.LIMITED: "govuk-tag--yellow",
            self.Level.NONE: "govuk-tag--red",
        }[self.level]
