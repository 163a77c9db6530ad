"""Ratification: each sovereign organisation's own decision on a partnership's agreement."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from decisions.models.resolutions import Resolution
from governance.models import Body, Organisation


class Ratification(models.Model):
    """One organisation's ratification of one resolution, routed to its ratifying body."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        SCHEDULED = "scheduled", "Scheduled"
        RATIFIED = "ratified", "Ratified"
        RATIFIED_WITH_AMENDMENT = "ratified_with_amendment", "Ratified with amendment"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn"

    FINAL = {
        Status.RATIFIED,
        Status.RATIFIED_WITH_AMENDMENT,
        Status.REJECTED,
        Status.WITHDRAWN,
    }

    resolution = models.ForeignKey(
        Resolution, on_delete=models.CASCADE, related_name="ratifications"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="ratifications"
    )
    ratifying_body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="ratifications"
    )
    due_date = models.DateField()
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.REQUESTED)
    scheduled_for = models.CharField(
        max_length=300, blank=True, help_text="The organisation's meeting that will consider it."
    )
    minute_reference = models.CharField(
        max_length=100, blank=True, help_text="The organisation's own minute or resolution number."
    )
    decided_on = models.DateField(null=True, blank=True)
    amendment = models.TextField(blank=True)
    reason = models.TextField(blank=True, help_text="Why it was rejected or withdrawn.")
    note = models.TextField(blank=True)
    # Optimistic locking: an outcome recorded against an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["resolution", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "organisation"], name="one_ratification_per_organisation"
            )
        ]
        indexes = [
            # The dashboard's order, soonest due first (the organisation's name settles the
            # few ties within a resolution), read without sorting every ratification.
            models.Index(fields=["due_date", "resolution"], name="ratification_due_order"),
            # The open and rejected ones, for the dashboard's tallies and progress bars.
            models.Index(fields=["status", "resolution"], name="ratification_status"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.resolution}"

    def get_absolute_url(self) -> str:
        return reverse("decisions:detail", args=[self.resolution_id]) + f"#ratification-{self.pk}"

    @property
    def is_final(self) -> bool:
        return self.status in self.FINAL

    @property
    def is_overdue(self) -> bool:
        return not self.is_final and self.due_date < timezone.localdate()


def _names(ratifications: list[Ratification]) -> str:
    names = [str(r.organisation) for r in ratifications]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def ratification_progress(
    ratifications: Iterable[Ratification], awaiting_effect: frozenset[int] = frozenset()
) -> str:
    """Where a resolution's ratification stands, in words, from its ratifications (load them
    with their organisations): "Ratification in progress (2 of 3 decided)" while anyone is still
    to decide, then "Ratified by all 3 organisations", "Ratified with amendment by X, needs
    reconsideration" or "Rejected by X". Withdrawn ratifications are not required. A
    ratification in `awaiting_effect` (its executive decision has not yet taken effect: in
    its call-in period, or called in) is counted as still to decide."""
    required = [r for r in ratifications if r.status != Ratification.Status.WITHDRAWN]
    if not required:
        return "Not yet routed for ratification"
    S = Ratification.Status
    rejected = [r for r in required if r.status == S.REJECTED]
    amended = [r for r in required if r.status == S.RATIFIED_WITH_AMENDMENT]
    undecided = [r for r in required if not r.is_final or r.pk in awaiting_effect]
    if undecided:
        decided = len(required) - len(undecided)
        words = f"Ratification in progress ({decided} of {len(required)} decided)"
        if rejected:
            words += f"; rejected by {_names(rejected)}"
        if amended:
            words += f"; ratified with amendment by {_names(amended)}"
        return words
    if rejected:
        return f"Rejected by {_names(rejected)}"
    if amended:
        return f"Ratified with amendment by {_names(amended)}, needs reconsideration"
    if len(required) == 1:
        return f"Ratified by {_names(required)}"
    return f"Ratified by all {len(required)} organisations"
