"""A partnership's objectives (from its strategy or MoU) and their progress, period by period."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models.risks import RAG_TAG_CLASS, Rag
from governance.models.structure import Partnership


def _day(value) -> str:
    return f"{value:%-d %B %Y}"


class Objective(models.Model):
    """An objective a partnership set itself, with its measures, owner and the span it runs."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="objectives"
    )
    reference = models.CharField(
        max_length=20, help_text="For example 1 or O3. Unique in the partnership."
    )
    title = models.CharField(max_length=300)
    measures = models.TextField(
        blank=True, help_text="How progress is judged: one measure or milestone a line."
    )
    owner = models.CharField(max_length=200, help_text="Who answers for it: a name or a role.")
    source = models.CharField(
        max_length=300, help_text="Where it was set: the strategy, plan or MoU, and its section."
    )
    starts = models.DateField(help_text="The first day progress is reported for.")
    ends = models.DateField(help_text="The last day progress is reported for.")
    # Counts the edits of this record, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "reference", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "reference"],
                name="objective_reference_unique_in_partnership",
                violation_error_message="That reference is already used for an objective of "
                "this partnership.",
            ),
            models.CheckConstraint(
                condition=Q(ends__gte=F("starts")),
                name="objective_ends_after_it_starts",
                violation_error_message="An objective cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}. {self.title}"

    def get_absolute_url(self) -> str:
        return (
            reverse("governance:partnership_objectives", args=[self.partnership.slug])
            + f"#objective-{self.pk}"
        )

    @property
    def measure_list(self) -> list[str]:
        return [line.strip() for line in self.measures.splitlines() if line.strip()]

    @property
    def span(self) -> str:
        return f"{_day(self.starts)} to {_day(self.ends)}"

    def covers(self, start, end) -> bool:
        """Whether a reporting period from `start` to `end` lies within the objective's span."""
        return self.starts <= start and end <= self.ends

    def clean(self) -> None:
        if self.starts and self.ends and self.ends < self.starts:
            raise ValidationError({"ends": "The end must be on or after the start."})


class ProgressReport(models.Model):
    """Progress against one objective over one reporting period: a RAG rating and commentary."""

    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="progress_reports"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    rag = models.CharField(
        "RAG rating",
        max_length=10,
        choices=Rag.choices,
        blank=True,
        help_text="Leave blank only where the source reported progress without a rating.",
    )
    progress = models.TextField(help_text="What has been done in the period.")
    next_steps = models.TextField(blank=True, help_text="One step a line.")
    reported_by = models.CharField(max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["objective", "-period_start", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "period_start"],
                name="one_progress_report_per_objective_period",
                violation_error_message="Progress has already been reported for this objective "
                "for a period starting that day.",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="progress_period_ends_after_it_starts",
                violation_error_message="A reporting period cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.objective.reference}: {self.period}"

    def get_absolute_url(self) -> str:
        return self.objective.get_absolute_url()

    @property
    def period(self) -> str:
        return f"{_day(self.period_start)} to {_day(self.period_end)}"

    @property
    def rag_tag_class(self) -> str:
        return RAG_TAG_CLASS.get(self.rag, "govuk-tag--grey")

    @property
    def rag_label(self) -> str:
        return self.get_rag_display() if self.rag else "Not rated"

    @property
    def next_step_list(self) -> list[str]:
        return [line.strip() for line in self.next_steps.splitlines() if line.strip()]

    def clean(self) -> None:
        if not (self.period_start and self.period_end):
            return
        if self.period_end < self.period_start:
            raise ValidationError({"period_end": "The period must end on or after it starts."})
        if self.objective_id is not None and not self.objective.covers(
            self.period_start, self.period_end
        ):
            raise ValidationError(
                {
                    "period_start": f"The period {self.period} does not belong to objective "
                    f"{self.objective.reference}, which runs from {self.objective.span}."
                }
            )


class GlossaryTerm(models.Model):
    """A term or acronym with its meaning: expanded on first use in reports and packs."""

    term = models.CharField(max_length=40, unique=True, help_text="As written, e.g. ICB.")
    meaning = models.CharField(
        max_length=200, help_text="What it stands for, e.g. Integrated Care Board."
    )
    explanation = models.TextField(blank=True)
    is_acronym = models.BooleanField(
        default=True, help_text="Expanded on its first use in reports and agenda packs."
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["term"]

    def __str__(self) -> str:
        return f"{self.term}: {self.meaning}"

    def get_absolute_url(self) -> str:
        return reverse("governance:glossary") + f"#term-{self.pk}"
