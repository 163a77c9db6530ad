"""Agreements between partners (MoU, collaboration agreement, section 75) and delegations."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from governance.models.structure import Body, Organisation, Partnership

# The outline of a place-based MoU and collaboration agreement, from seed 000 para 28
# (Wiltshire Council Cabinet, 30 November 2021), mapped to the Thriving Places guidance.
DEFAULT_OUTLINE: list[tuple[str, list[str]]] = [
    (
        "Our place-based partnership",
        [
            "Our place",
            "Our partners",
            "Our shared vision",
            "Our shared objectives",
        ],
    ),
    (
        "Purpose and role of our partnership",
        [
            "Health and care strategy and planning at place",
            "Service planning and oversight of delivery",
            "Service delivery and transformation",
            "Population health management",
            "Connect support in the community",
            "Promote health and wellbeing",
            "Align management support",
        ],
    ),
    (
        "Our governance arrangements",
        [
            "How our place-based partnership makes decisions",
            "Our people and communities in our decision-making processes",
            "Accountability arrangements",
            "Conflicts of interest",
            "Delegations, financial arrangements",
            "Dispute resolution",
            "Adding partners to the place-based partnership",
        ],
    ),
]


def default_sections() -> list[tuple[str, str]]:
    """(part, heading) of each section of a new MoU or collaboration agreement, in order."""
    return [(part, heading) for part, headings in DEFAULT_OUTLINE for heading in headings]


class Agreement(models.Model):
    """An agreement between sovereign organisations, signed by each party."""

    class Kind(models.TextChoices):
        MOU = "mou", "Memorandum of understanding"
        COLLABORATION_AGREEMENT = "collaboration_agreement", "Collaboration agreement"
        SECTION_75 = "section_75", "Section 75 agreement"
        DELEGATION_AGREEMENT = "delegation_agreement", "Delegation agreement"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_CONSULTATION = "in_consultation", "In consultation"
        SIGNED = "signed", "Signed"
        EXPIRED = "expired", "Expired"

    KINDS_WITH_OUTLINE = {Kind.MOU, Kind.COLLABORATION_AGREEMENT}
    EDITABLE_STATUSES = {Status.DRAFT, Status.IN_CONSULTATION}

    title = models.CharField(max_length=250)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    partnership = models.ForeignKey(
        Partnership,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    version = models.CharField(max_length=20, default="1.0")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    effective_from = models.DateField(null=True, blank=True)
    review_date = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    previous_version = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="later_versions",
    )
    parties = models.ManyToManyField(
        Organisation, through="AgreementParty", related_name="agreements", blank=True
    )
    # Counts the edits of this record (`version` is the document's own number), so a form
    # opened before one is refused.
    edit_version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "version"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_date__isnull=True)
                | Q(effective_from__isnull=True)
                | Q(review_date__gte=models.F("effective_from")),
                name="agreement_review_after_effective",
                violation_error_message="An agreement cannot be reviewed before it takes effect.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"

    def get_absolute_url(self) -> str:
        return reverse("governance:agreement_detail", args=[self.slug])

    def clean(self) -> None:
        if self.slug == "new":
            raise ValidationError({"slug": "Choose another web address: “new” is reserved."})
        if self.review_date and self.effective_from and self.review_date < self.effective_from:
            raise ValidationError(
                {"review_date": "The review date must be on or after the date it takes effect."}
            )

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def outstanding_parties(self) -> list[Organisation]:
        """Parties that have not signed yet (uses prefetched `agreement_parties` if present)."""
        return [row.organisation for row in self.agreement_parties.all() if not row.is_signed]

    @property
    def signed_parties(self) -> list[AgreementParty]:
        return [row for row in self.agreement_parties.all() if row.is_signed]

    @property
    def is_fully_signed(self) -> bool:
        rows = list(self.agreement_parties.all())
        return bool(rows) and all(row.is_signed for row in rows)


class AgreementParty(models.Model):
    """An organisation that is party to an agreement, and its signature once given."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="agreement_parties"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="agreement_parties"
    )
    signed_by = models.CharField(
        max_length=250, blank=True, help_text="Name and role, for example “Councillor …, Leader”."
    )
    signed_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name_plural = "agreement parties"
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"],
                name="agreement_party_once",
                violation_error_message="That organisation is already a party to the agreement.",
            ),
            models.CheckConstraint(
                condition=Q(signed_on__isnull=True, signed_by="")
                | (Q(signed_on__isnull=False) & ~Q(signed_by="")),
                name="agreement_signature_has_name_and_date",
                violation_error_message="A signature needs both who signed and when.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – party to {self.agreement}"

    def get_absolute_url(self) -> str:
        return self.agreement.get_absolute_url()

    def clean(self) -> None:
        if self.signed_on and not self.signed_by:
            raise ValidationError({"signed_by": "Enter who signed for the organisation."})
        if self.signed_by and not self.signed_on:
            raise ValidationError({"signed_on": "Enter the date it was signed."})

    @property
    def is_signed(self) -> bool:
        return self.signed_on is not None


class AgreementSection(models.Model):
    """A numbered section of an agreement's text."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveIntegerField()
    part = models.CharField(
        max_length=250, blank=True, help_text="The part of the agreement this section sits in."
    )
    heading = models.CharField(max_length=250)
    text = models.TextField(blank=True)
    # Counts the edits of this record, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"],
                name="agreement_section_number_once",
                violation_error_message="The agreement already has a section with that number.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.heading}"

    def get_absolute_url(self) -> str:
        return f"{self.agreement.get_absolute_url()}#section-{self.number}"


class DelegationQuerySet(models.QuerySet):
    def of_organisation(self, organisation: Organisation) -> DelegationQuerySet:
        """The organisation's scheme of delegation: made by it, or by one of its bodies."""
        return self.of_organisations([organisation])

    def of_organisations(self, organisations) -> DelegationQuerySet:
        """The schemes of delegation of several organisations (a list or a queryset)."""
        return self.filter(
            Q(from_organisation__in=organisations) | Q(from_body__organisation__in=organisations)
        )

    def current(self, *, on) -> DelegationQuerySet:
        """In force on the day."""
        return self.filter(start__lte=on).exclude(end__lt=on)


class Delegation(models.Model):
    """Authority given by a body or an organisation to another body."""

    from_body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegations_made",
        verbose_name="from body",
    )
    from_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegations_made",
        verbose_name="from organisation",
    )
    to_body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="delegations_received", verbose_name="to"
    )
    scope = models.TextField(help_text="What the body may decide under this delegation.")
    financial_limit = models.DecimalField(
        "financial limit (£)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="In pounds. Leave empty if there is no financial limit.",
    )
    source_agreement = models.ForeignKey(
        Agreement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegations",
        verbose_name="made under agreement",
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    objects = DelegationQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(from_body__isnull=False, from_organisation__isnull=True)
                | Q(from_body__isnull=True, from_organisation__isnull=False),
                name="delegation_from_body_or_organisation",
                violation_error_message=(
                    "A delegation is made by a body or by an organisation, not both."
                ),
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="delegation_end_after_start",
                violation_error_message="A delegation cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=Q(financial_limit__isnull=True) | Q(financial_limit__gte=0),
                name="delegation_financial_limit_not_negative",
                violation_error_message="A financial limit cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(from_body__isnull=True) | ~Q(from_body=models.F("to_body")),
                name="delegation_not_to_itself",
                violation_error_message="A body cannot delegate to itself.",
            ),
        ]

    def __str__(self) -> str:
        return f"Delegation from {self.delegator} to {self.to_body}"

    def get_absolute_url(self) -> str:
        return reverse("governance:delegation_detail", args=[self.pk])

    def clean(self) -> None:
        if bool(self.from_body_id) == bool(self.from_organisation_id):
            raise ValidationError("Choose either the body or the organisation that delegates.")
        if self.from_body_id and self.from_body_id == self.to_body_id:
            raise ValidationError({"to_body": "A body cannot delegate to itself."})
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": "The end date must be on or after the start date."})

    @property
    def delegator(self) -> Body | Organisation | None:
        return self.from_body or self.from_organisation

    @property
    def lower_name(self) -> str:
        """The name inside a sentence: "delegation from A to B"."""
        return f"delegation from {self.delegator} to {self.to_body}"

    @property
    def delegating_organisation_id(self) -> int | None:
        """The organisation whose scheme of delegation this is part of (None: a partnership's)."""
        if self.from_organisation_id:
            return self.from_organisation_id
        return self.from_body.organisation_id if self.from_body_id else None

    def is_current_on(self, day) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)
