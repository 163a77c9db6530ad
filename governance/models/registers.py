"""Registers of interests, and gifts and hospitality, kept per person."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta
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
# The same guidance: an NHS organisation keeps an ended interest on its published register for
# six months after it ends, and keeps the record (unpublished) for six years after it ends.
PUBLISHED_AFTER_END = relativedelta(months=6)
KEPT_AFTER_END = relativedelta(years=6)


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

    def is_published_on(self, day: date, *, nhs: bool) -> bool:
        """On the published register on the day: see `published_interests_q`."""
        if self.registered_from > day:
            return False
        if self.registered_to is None or self.registered_to >= day:
            return True
        return nhs and self.registered_to >= day - PUBLISHED_AFTER_END

    @property
    def kept_until(self) -> date | None:
        """The last day the record must be kept: six years after the interest ended."""
        return self.registered_to + KEPT_AFTER_END if self.registered_to else None


def current_interests_q(day: date) -> Q:
    """Interests registered on or before the day that had not ended before it."""
    return Q(registered_from__lte=day) & (
        Q(registered_to__isnull=True) | Q(registered_to__gte=day)
    )


def published_interests_q(day: date, *, nhs: bool) -> Q:
    """Interests on a person's published register on the day: the current ones, and for the
    people of an NHS organisation also those ended in the six months before the day (an
    interest ended on 31 March is published up to and including 30 September)."""
    if not nhs:
        return current_interests_q(day)
    return Q(registered_from__lte=day) & (
        Q(registered_to__isnull=True) | Q(registered_to__gte=day - PUBLISHED_AFTER_END)
    )


def disposable_interests_q(day: date) -> Q:
    """Ended interests whose six years of keeping have run out by the day."""
    return Q(registered_to__lt=day - KEPT_AFTER_END)


def is_nhs_person(person: Person) -> bool:
    """Whether a person's register follows the NHS rules: they work for an NHS organisation."""
    return person.organisation_id is not None and person.organisation.is_nhs


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


class ProcurementDecision(models.Model):
    """An entry in an NHS organisation's procurement decisions register: a contract decided,
    its value, and the interests declared and how they were managed."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="procurement_decisions"
    )
    decided_on = models.DateField("date of the decision")
    decision = models.TextField(help_text="What was decided, for example 'award the contract'.")
    contract = models.CharField(
        "contract", max_length=300, help_text="The service or goods the contract is for."
    )
    supplier = models.CharField(max_length=200, blank=True)
    value = models.DecimalField(
        "contract value (£)",
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    decided_by = models.CharField(
        max_length=200, blank=True, help_text="The board, committee or officer who decided."
    )
    declared_interests = models.TextField(
        "interests declared",
        blank=True,
        help_text="Who declared what interest in the decision. Leave blank if none were.",
    )
    how_managed = models.TextField(
        "how the conflicts were managed",
        blank=True,
        help_text="For example: left the room; took no part in the vote; allowed to take part.",
    )
    # Counts the edits of this record, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="procurement_value_not_negative",
                violation_error_message="The contract value cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(declared_interests="") | ~Q(how_managed=""),
                name="procurement_interests_say_how_managed",
                violation_error_message="Say how the declared interests were managed.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contract} ({self.decided_on:%-d %B %Y})"

    def get_absolute_url(self) -> str:
        return (
            reverse("governance:procurement_decisions", args=[self.organisation.slug])
            + f"#decision-{self.pk}"
        )

    def clean(self) -> None:
        errors = {}
        if self.organisation_id and not self.organisation.is_nhs:
            errors["organisation"] = (
                "Only an NHS organisation (an ICB, a trust or a primary care network) keeps a "
                "procurement decisions register."
            )
        if self.declared_interests.strip() and not self.how_managed.strip():
            errors["how_managed"] = "Say how the declared interests were managed."
        if errors:
            raise ValidationError(errors)
