"""Risk registers of partnerships and bodies, with every rating a risk has had."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models.structure import Body, Partnership

SCALE = [MinValueValidator(1), MaxValueValidator(5)]
# The common 5×5 matrix: likelihood × impact of 1–4 is green, 5–12 amber, 15–25 red.
GREEN_UP_TO = 4
AMBER_UP_TO = 12


class Rag(models.TextChoices):
    """Red, amber or green."""

    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


RAG_TAG_CLASS = {
    Rag.RED: "govuk-tag--red",
    Rag.AMBER: "govuk-tag--yellow",
    Rag.GREEN: "govuk-tag--green",
}


def rag_for_score(score: int) -> Rag:
    if score <= GREEN_UP_TO:
        return Rag.GREEN
    if score <= AMBER_UP_TO:
        return Rag.AMBER
    return Rag.RED


def rag_expression() -> Case:
    """The RAG of a rating in SQL: from likelihood × impact when scored, else the stated RAG."""
    score = F("likelihood") * F("impact")
    return Case(
        When(likelihood__isnull=True, then=F("stated_rag")),
        When(LessThanOrEqual(score, GREEN_UP_TO), then=Value(Rag.GREEN.value)),
        When(LessThanOrEqual(score, AMBER_UP_TO), then=Value(Rag.AMBER.value)),
        default=Value(Rag.RED.value),
        output_field=models.CharField(),
    )


class RatingFields(models.Model):
    """A rating: likelihood and impact (each 1–5), or a stated RAG where no score was given."""

    likelihood = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    impact = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    stated_rag = models.CharField(
        "stated RAG",
        max_length=10,
        choices=Rag.choices,
        blank=True,
        help_text="Only where the source gave a RAG rating without likelihood and impact.",
    )

    class Meta:
        abstract = True

    @property
    def score(self) -> int | None:
        if self.likelihood is None or self.impact is None:
            return None
        return self.likelihood * self.impact

    @property
    def rag(self) -> Rag | None:
        score = self.score
        if score is not None:
            return rag_for_score(score)
        return Rag(self.stated_rag) if self.stated_rag else None

    @property
    def rag_tag_class(self) -> str:
        return RAG_TAG_CLASS.get(self.rag, "govuk-tag--grey")

    def clean_rating(self) -> None:
        scored = self.likelihood is not None or self.impact is not None
        if scored and (self.likelihood is None or self.impact is None):
            missing = "impact" if self.impact is None else "likelihood"
            raise ValidationError(
                {missing: f"Give both likelihood and impact (the {missing} is missing)."}
            )
        if scored and self.stated_rag:
            raise ValidationError(
                {"stated_rag": "Give likelihood and impact, or a stated RAG, not both."}
            )
        if not scored and not self.stated_rag:
            raise ValidationError({"likelihood": "Give the likelihood and impact of the risk."})


def _rating_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(likelihood__isnull=False, impact__isnull=False, stated_rag="")
            | (Q(likelihood__isnull=True, impact__isnull=True) & ~Q(stated_rag="")),
            name=f"{prefix}_scored_or_stated",
            violation_error_message="Give likelihood and impact, or a stated RAG, not both.",
        ),
        models.CheckConstraint(
            condition=Q(likelihood__isnull=True)
            | Q(likelihood__gte=1, likelihood__lte=5, impact__gte=1, impact__lte=5),
            name=f"{prefix}_scale_1_to_5",
            violation_error_message="Likelihood and impact are each from 1 to 5.",
        ),
    ]


class Risk(RatingFields):
    """A risk on the register of a partnership or a body, with its current rating."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    reference = models.CharField(
        max_length=20, help_text="For example R1. Unique in the register."
    )
    title = models.CharField(max_length=200)
    description = models.TextField()
    owner = models.CharField(
        "risk owner", max_length=200, help_text="Job title or name of who manages the risk."
    )
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.PROTECT, related_name="risks"
    )
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="risks"
    )
    mitigations = models.TextField(blank=True, help_text="One mitigation a line.")
    review_date = models.DateField()
    target_likelihood = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=SCALE,
        help_text="The likelihood (1–5) the mitigations aim to bring the risk down to.",
    )
    target_impact = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=SCALE,
        help_text="The impact (1–5) the mitigations aim to bring the risk down to.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    # Counts the edits of this record, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["reference", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(partnership__isnull=False, body__isnull=True)
                | Q(partnership__isnull=True, body__isnull=False),
                name="risk_on_one_register",
                violation_error_message="A risk is on the register of a partnership or a body.",
            ),
            models.UniqueConstraint(
                fields=["partnership", "reference"],
                condition=Q(partnership__isnull=False),
                name="risk_reference_unique_in_partnership",
                violation_error_message="That reference is already used on this risk register.",
            ),
            models.UniqueConstraint(
                fields=["body", "reference"],
                condition=Q(body__isnull=False),
                name="risk_reference_unique_in_body",
                violation_error_message="That reference is already used on this risk register.",
            ),
            *_rating_constraints("risk"),
            models.CheckConstraint(
                condition=Q(target_likelihood__isnull=True, target_impact__isnull=True)
                | Q(
                    target_likelihood__gte=1,
                    target_likelihood__lte=5,
                    target_impact__gte=1,
                    target_impact__lte=5,
                ),
                name="risk_target_scored_1_to_5",
                violation_error_message=(
                    "A target rating has both likelihood and impact, each from 1 to 5."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("governance:risk_detail", args=[self.pk])

    @property
    def register_owner(self) -> Partnership | Body:
        return self.partnership or self.body

    @property
    def register_url(self) -> str:
        return register_url(self.register_owner)

    @property
    def target(self) -> RatingFields | None:
        """The rating the mitigations aim for, as a rating (score, RAG), or None if not set."""
        if self.target_likelihood is None or self.target_impact is None:
            return None
        return RiskRating(likelihood=self.target_likelihood, impact=self.target_impact)

    @property
    def review_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.review_date < timezone.localdate()

    def clean(self) -> None:
        if bool(self.partnership_id) == bool(self.body_id):
            raise ValidationError("Put the risk on the register of a partnership or a body.")
        self.clean_rating()
        if (self.target_likelihood is None) != (self.target_impact is None):
            missing = "target_impact" if self.target_impact is None else "target_likelihood"
            raise ValidationError(
                {missing: "Give both the target likelihood and the target impact, or neither."}
            )


class RiskRating(RatingFields):
    """One rating of a risk, kept so the risk's rating can be followed over time."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="ratings")
    rated_on = models.DateField()
    note = models.TextField(blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="risk_ratings",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-rated_on", "-pk"]
        constraints = _rating_constraints("risk_rating")

    def __str__(self) -> str:
        return f"{self.risk.reference} rated {self.rated_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("governance:risk_detail", args=[self.risk_id])

    def clean(self) -> None:
        self.clean_rating()


def register_url(owner: Partnership | Body) -> str:
    name = "partnership_risks" if isinstance(owner, Partnership) else "body_risks"
    return reverse(f"governance:{name}", args=[owner.slug])
