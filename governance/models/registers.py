"""Registers of interests, and gifts and hospitality, kept per person."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models.structure import Organisation, Person

# NHS England, "Managing Conflicts of Interest in the NHS" (2017).
GIFT_DECLARE_OVER = Decimal("50")
HOSPITALITY_DECLARE_OVER = Decimal("25")
HOSPITALITY_APPROVE_OVER = Decimal("75")


class InterestKind(models.TextChoices):
    """The kinds of interest, in the standing register and in declarations at meetings."""

    DISCLOSABLE_PECUNIARY = "disclosable_pecuniary", "Disclosable pecuniary interest"
    OTHER_REGISTRABLE = "other_registrable", "Other registrable interest"
    NON_REGISTRABLE = "non_registrable", "Non-registrable interest"


class Interest(models.Model):
    """An entry in a person's register of interests, from when it was registered until it ended."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="interests")
    kind = models.CharField(max_length=30, choices=InterestKind.choices)
    description = models.TextField()
    organisation_concerned = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="interests_concerning",
        help_text="Choose it here if the organisation is in the portal.",
    )
    organisation_name = models.CharField(
        "name of the organisation concerned",
        max_length=200,
        blank=True,
        help_text="Otherwise type its name, for example a company or a parish council.",
    )
    registered_from = models.DateField()
    registered_to = models.DateField(
        null=True, blank=True, help_text="Leave blank while the interest continues."
    )
    # Counts the edits of this record, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-registered_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(registered_to__isnull=True)
                | Q(registered_to__gte=models.F("registered_from")),
                name="interest_ends_after_it_starts",
                violation_error_message="An interest cannot end before it was registered.",
            ),
            models.CheckConstraint(
                condition=Q(organisation_concerned__isnull=True) | Q(organisation_name=""),
                name="interest_names_organisation_once",
                violation_error_message=(
                    "Choose the organisation from the list or type its name, not both."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description[:60]}"

    def get_absolute_url(self) -> str:
        return (
            reverse("governance:person_register", args=[self.person.slug]) + f"#interest-{self.pk}"
        )

    def clean(self) -> None:
        errors = {}
        if (
            self.registered_to
            and self.registered_from
            and self.registered_to < self.registered_from
        ):
            errors["registered_to"] = "The end date must be on or after the date registered."
        if self.organisation_concerned_id and self.organisation_name:
            errors["organisation_name"] = (
                "Choose the organisation from the list or type its name, not both."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def organisation_display(self) -> str:
        if self.organisation_concerned_id:
            return str(self.organisation_concerned)
        return self.organisation_name

    def is_current_on(self, day: date) -> bool:
        return self.registered_from <= day and (
            self.registered_to is None or self.registered_to >= day
        )


def current_interests_q(day: date) -> Q:
    """Interests registered on or before the day that had not ended before it."""
    return Q(registered_from__lte=day) & (
        Q(registered_to__isnull=True) | Q(registered_to__gte=day)
    )


class GiftOrHospitality(models.Model):
    """A gift or hospitality offered to a person, with what was decided about it."""

    class Kind(models.TextChoices):
        GIFT = "gift", "Gift"
        HOSPITALITY = "hospitality", "Hospitality"

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="gifts")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField()
    offered_by = models.CharField(max_length=200)
    value = models.DecimalField(
        "estimated value (£)",
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    date_offered = models.DateField()
    decision = models.CharField(max_length=20, choices=Decision.choices)
    approved_by = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who approved accepting it: needed for hospitality worth over £75.",
    )
    # Counts the edits of this record, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date_offered", "-pk"]
        verbose_name = "gift or hospitality"
        verbose_name_plural = "gifts and hospitality"
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="gift_value_not_negative",
                violation_error_message="The value cannot be negative.",
            ),
            models.CheckConstraint(
                condition=~Q(
                    kind="hospitality", decision="accepted", value__gt=75, approved_by=""
                ),
                name="hospitality_over_75_approved",
                violation_error_message=(
                    "Hospitality worth over £75 must be declined, or its acceptance approved."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.offered_by} ({self.date_offered:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("governance:person_register", args=[self.person.slug]) + f"#gift-{self.pk}"

    def clean(self) -> None:
        if (
            self.needs_approval
            and self.decision == self.Decision.ACCEPTED
            and not self.approved_by
        ):
            raise ValidationError(
                {
                    "approved_by": (
                        "Hospitality worth over £75 must be declined, or say who approved "
                        "accepting it."
                    )
                }
            )

    @property
    def declaration_threshold(self) -> Decimal:
        return GIFT_DECLARE_OVER if self.kind == self.Kind.GIFT else HOSPITALITY_DECLARE_OVER

    @property
    def must_be_declared(self) -> bool:
        """Gifts over £50 and hospitality over £25 must be declared."""
        return self.value is not None and self.value > self.declaration_threshold

    @property
    def needs_approval(self) -> bool:
        """Hospitality over £75 is refused, or accepted only with approval."""
        return (
            self.kind == self.Kind.HOSPITALITY
            and self.value is not None
            and self.value > HOSPITALITY_APPROVE_OVER
        )
