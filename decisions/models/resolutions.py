"""Numbered resolutions: what a body decided, at which meeting, on which item, by what vote."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models import Body, Person
from meetings.models import AgendaItem, Meeting


class Resolution(models.Model):
    """A numbered decision of a body (e.g. ASCPH 2021/003), with numbered parts."""

    class Kind(models.TextChoices):
        DECISION = "decision", "Decision"
        AGREEMENT_IN_PRINCIPLE = "agreement_in_principle", "Agreement in principle (to ratify)"
        RECOMMENDATION = "recommendation", "Recommendation to another body"
        NOTING = "noting", "Noting"

    class Status(models.TextChoices):
        AGREED = "agreed", "Agreed"
        # An agreement in principle before it has been routed to any organisation.
        TO_ROUTE = "to_route", "Agreed in principle, not yet routed"
        # Routed, and at least one organisation has still to decide.
        AWAITING_RATIFICATION = "awaiting_ratification", "Ratification in progress"
        RATIFIED = "ratified", "Ratified"
        REJECTED = "rejected", "Rejected"
        AMENDMENT_TO_RECONSIDER = (
            "amendment_to_reconsider",
            "Ratified with amendment, needs reconsideration",
        )
        IMPLEMENTED = "implemented", "Implemented"
        RESCINDED = "rescinded", "Rescinded"
        # Recorded by mistake and withdrawn before the minutes were approved: its number stays
        # used, so the numbering has no gap that nobody can explain.
        WITHDRAWN = "withdrawn", "Withdrawn in error"

    # Nothing has followed from a resolution in these statuses yet (no outcome, no later act),
    # so its item and kind may still be corrected, or it be withdrawn in error.
    FRESH_STATUSES = frozenset({Status.AGREED, Status.TO_ROUTE, Status.AWAITING_RATIFICATION})

    class Act(models.TextChoices):
        AMENDS = "amends", "Amends"
        RESCINDS = "rescinds", "Rescinds"
        IMPLEMENTS = "implements", "Records the implementation of"

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="resolutions")
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="resolutions")
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="resolutions")
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.DECISION)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.AGREED)
    preamble = models.TextField(blank=True, help_text="Words before the numbered parts, if any.")
    parts = models.TextField(help_text="One numbered part a line: 1), 2), 3)…")
    recommended_to = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations_received",
        help_text="For a recommendation: the body it goes to.",
    )
    # A later resolution that amends, rescinds or records the implementation of an earlier one.
    acts_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="acted_on_by",
        db_index=False,  # indexed where set: see Meta.indexes
    )
    act = models.CharField(max_length=20, choices=Act.choices, blank=True)
    vote_taken = models.BooleanField(default=False)
    votes_for = models.PositiveSmallIntegerField(null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(null=True, blank=True)
    abstentions = models.PositiveSmallIntegerField(null=True, blank=True)
    # Optimistic locking: an edit made against an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-number"]
        # The API's order: its pages (and deep offsets) read the index, not a sort of every row.
        indexes = [
            models.Index(fields=["-year", "-number", "id"], name="resolution_newest_first"),
            # The lists' status filter in the same order, and the API's incremental sync.
            models.Index(
                fields=["status", "-year", "-number", "id"], name="resolution_status_newest"
            ),
            models.Index(fields=["modified"], name="resolution_modified"),
            # The ratification dashboard's resolutions still being decided, oldest first.
            models.Index(fields=["status", "id"], name="resolution_status_oldest"),
            # Only the few resolutions that act on another: with every NULL in it, SQLite's
            # statistics took the index for useless and read every resolution instead.
            models.Index(
                fields=["acts_on"], condition=Q(acts_on__isnull=False), name="resolution_acts_on"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "number"], name="resolution_number_unique_per_body_year"
            ),
            models.CheckConstraint(
                condition=Q(acts_on__isnull=True, act="") | Q(acts_on__isnull=False) & ~Q(act=""),
                name="resolution_act_names_its_target",
                violation_error_message="Say how this resolution acts on the earlier one.",
            ),
            models.CheckConstraint(
                condition=Q(vote_taken=True)
                | Q(votes_for__isnull=True, votes_against__isnull=True, abstentions__isnull=True),
                name="vote_counts_only_when_a_vote_was_taken",
                violation_error_message="Record vote counts only when a vote was taken.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body.short_name} {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("decisions:detail", args=[self.pk])

    @property
    def can_be_routed(self) -> bool:
        """An agreement in principle is routed (or routed to more organisations) until every
        organisation it was routed to has decided."""
        return self.kind == self.Kind.AGREEMENT_IN_PRINCIPLE and self.status in (
            self.Status.TO_ROUTE,
            self.Status.AWAITING_RATIFICATION,
        )

    @property
    def reference(self) -> str:
        return f"{self.year}/{self.number:03d}"

    @property
    def part_list(self) -> list[str]:
        return [line.strip() for line in self.parts.splitlines() if line.strip()]


class NamedVote(models.Model):
    """How one member voted on a resolution, where the vote was recorded by name."""

    class Vote(models.TextChoices):
        FOR = "for", "For"
        AGAINST = "against", "Against"
        ABSTAIN = "abstain", "Abstained"

    resolution = models.ForeignKey(
        Resolution, on_delete=models.CASCADE, related_name="named_votes"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="votes")
    vote = models.CharField(max_length=10, choices=Vote.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["resolution", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "person"], name="one_vote_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_vote_display()}"
