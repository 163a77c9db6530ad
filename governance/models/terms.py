"""Terms of reference of bodies: versioned, approved once, superseded, never edited after."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models.structure import Body, Membership, Organisation

ANY_NHS = "nhs"

# Phrases for "at least one ___ member": each organisation kind, and "any NHS body".
REQUIRED_KIND_CHOICES = [(ANY_NHS, "Any NHS body (ICB, trust or primary care network)")] + list(
    Organisation.Kind.choices
)
_KIND_PHRASES = {
    ANY_NHS: "NHS",
    Organisation.Kind.LOCAL_AUTHORITY: "local authority",
    Organisation.Kind.ICB: "integrated care board",
    Organisation.Kind.NHS_TRUST: "NHS trust",
    Organisation.Kind.PCN: "primary care network",
    Organisation.Kind.VCSE: "voluntary, community and social enterprise",
    Organisation.Kind.HEALTHWATCH: "Healthwatch",
    Organisation.Kind.EMERGENCY_SERVICE: "emergency service",
    Organisation.Kind.OTHER: "other organisation",
}


def _kind_phrase(kind: str) -> str:
    return _KIND_PHRASES.get(kind, kind)


def _organisation_is(organisation: Organisation | None, kind: str) -> bool:
    if organisation is None:
        return False
    if kind == ANY_NHS:
        return organisation.is_nhs
    return organisation.kind == kind


def _a_or_an(phrase: str) -> str:
    return f"an {phrase}" if phrase[:1].lower() in "aeiou" else f"a {phrase}"


class ExemptionRegime(models.TextChoices):
    """The law under which a body excludes the press and public from part of a meeting."""

    SCHEDULE_12A = "schedule_12a", "Schedule 12A to the Local Government Act 1972"
    NHS_PUBLIC_INTEREST = (
        "nhs_public_interest",
        "NHS public-interest grounds, under the organisation's standing orders",
    )


class JointDecisions(models.TextChoices):
    """How a joint committee's decisions take effect for its member organisations."""

    RATIFIED = "ratified", "Need ratification by each member organisation"
    BINDING = "binding", "Bind the member organisations directly"


def _voting_members(count: int) -> str:
    return f"{count} voting member{'s' if count != 1 else ''}"


class TermsOfReference(models.Model):
    """One version of a body's terms of reference: purpose, membership, quorum, frequency."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"
        SUPERSEDED = "superseded", "Superseded"

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="terms")
    version = models.PositiveIntegerField(editable=False)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    purpose = models.TextField()
    membership_rules = models.TextField("membership")
    quorum_count = models.PositiveSmallIntegerField(
        "quorum",
        validators=[MinValueValidator(1)],
        help_text="How many voting members must be present.",
    )
    quorum_required_kinds = models.JSONField(
        "kinds of organisation that must be present",
        default=list,
        blank=True,
        help_text="At least one voting member from each kind ticked must be present.",
    )
    quorum_required_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="quorum_required_in",
        verbose_name="organisations that must be present",
        help_text="At least one voting member representing each organisation ticked.",
    )
    frequency = models.CharField(
        "meeting frequency", max_length=100, help_text="For example: Bi-monthly."
    )
    voting = models.TextField(blank=True)
    delegated_authority = models.TextField(blank=True)
    review_date = models.DateField(null=True, blank=True)
    exemption_regime = models.CharField(
        "private business taken under",
        max_length=30,
        choices=ExemptionRegime.choices,
        default=ExemptionRegime.SCHEDULE_12A,
        help_text="Councils and their joint committees: Schedule 12A, citing a paragraph per "
        "item. ICB and trust boards and their committees: NHS public-interest grounds, with "
        "the reason recorded per item.",
    )
    # Joint committees only: whether their decisions bind the member organisations or go to
    # each for ratification, and the paragraph of these terms that says so.
    joint_decisions = models.CharField(
        "a joint committee's decisions",
        max_length=20,
        choices=JointDecisions.choices,
        blank=True,
        help_text="Joint committees only. Decisions that need ratification are recorded as "
        "agreements in principle and routed to every member organisation.",
    )
    joint_decisions_paragraph = models.CharField(
        "paragraph that says so",
        max_length=30,
        blank=True,
        help_text="The paragraph of these terms of reference, for example: 7.2.",
    )
    approved_on = models.DateField(null=True, blank=True, editable=False)
    approved_by = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text="Who approved it, for example: Cabinet, 30 November 2021.",
    )
    # Counts the edits of this record (`version` is the document's own number), so a form
    # opened before one is refused.
    edit_version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[quorum_required_organisations])

    class Meta:
        ordering = ["body__name", "-version"]
        verbose_name = "terms of reference"
        verbose_name_plural = "terms of reference"
        constraints = [
            models.UniqueConstraint(
                fields=["body", "version"],
                name="terms_version_unique_per_body",
                violation_error_message="This body already has a version with that number.",
            ),
            models.UniqueConstraint(
                fields=["body"],
                condition=Q(status="approved"),
                name="terms_one_approved_per_body",
                violation_error_message=(
                    "A body can have only one approved version of its terms of reference."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(approved_on__isnull=False),
                name="terms_approved_has_date",
                violation_error_message="An approved version needs the date it was approved.",
            ),
            models.CheckConstraint(
                condition=Q(review_date__isnull=True)
                | Q(approved_on__isnull=True)
                | Q(review_date__gte=models.F("approved_on")),
                name="terms_review_after_approval",
                violation_error_message="The review date cannot be before the approval date.",
            ),
            models.CheckConstraint(
                condition=Q(quorum_count__gte=1),
                name="terms_quorum_at_least_one",
                violation_error_message="The quorum must be at least 1.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body} terms of reference, version {self.version}"

    def get_absolute_url(self) -> str:
        return reverse("governance:terms_detail", args=[self.body.slug, self.version])

    def clean(self) -> None:
        kinds = self.quorum_required_kinds
        valid = {value for value, _ in REQUIRED_KIND_CHOICES}
        if not isinstance(kinds, list) or any(kind not in valid for kind in kinds):
            raise ValidationError(
                {"quorum_required_kinds": "Choose kinds of organisation from the list."}
            )
        if self.review_date and self.approved_on and self.review_date < self.approved_on:
            raise ValidationError(
                {"review_date": "The review date must be on or after the approval date."}
            )

    @property
    def joint_decisions_in_words(self) -> str:
        """For example: "Bind the member organisations directly (paragraph 7.2)"."""
        if not self.joint_decisions:
            return ""
        words = self.get_joint_decisions_display()
        if self.joint_decisions_paragraph:
            words += f" (paragraph {self.joint_decisions_paragraph})"
        return words

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def review_due(self) -> bool:
        return (
            self.status == self.Status.APPROVED
            and self.review_date is not None
            and self.review_date < timezone.localdate()
        )

    @property
    def required_kind_phrases(self) -> list[str]:
        return [_kind_phrase(kind) for kind in self.quorum_required_kinds]

    @property
    def quorum_in_words(self) -> str:
        """For example: "4 voting members, including at least one local authority member and
        one NHS member"."""
        required = [f"one {phrase} member" for phrase in self.required_kind_phrases]
        required += [
            f"one member representing {organisation}"
            for organisation in self.quorum_required_organisations.all()
        ]
        words = _voting_members(self.quorum_count)
        if not required:
            return words
        if len(required) == 1:
            listed = required[0]
        else:
            listed = ", ".join(required[:-1]) + " and " + required[-1]
        return f"{words}, including at least {listed}"

    def quorum_check(self, present_memberships: Iterable[Membership]) -> tuple[bool, list[str]]:
        """Whether the voting members present make a quorum, and the reasons if they do not.

        Each membership should have `representing` loaded; a person counts once.
        """
        voting: dict[int, list[Membership]] = {}
        for membership in present_memberships:
            if membership.voting:
                voting.setdefault(membership.person_id, []).append(membership)
        present = len(voting)
        represented = [m.representing for ms in voting.values() for m in ms]
        reasons = []
        if present < self.quorum_count:
            reasons.append(f"{_voting_members(present)} present; {self.quorum_count} needed")
        for kind in self.quorum_required_kinds:
            if not any(_organisation_is(org, kind) for org in represented):
                reasons.append(f"No {_kind_phrase(kind)} member present")
        represented_ids = {org.pk for org in represented if org is not None}
        for organisation in self.quorum_required_organisations.all():
            if organisation.pk not in represented_ids:
                reasons.append(f"No member representing {organisation} present")
        return (not reasons, reasons)


def approved_terms_prefetch() -> Prefetch:
    """Prefetch each body's approved version into `body.approved_terms` (a list of 0 or 1)."""
    return Prefetch(
        "terms",
        queryset=TermsOfReference.objects.filter(
            status=TermsOfReference.Status.APPROVED
        ).prefetch_related("quorum_required_organisations"),
        to_attr="approved_terms",
    )


def current_terms(body: Body) -> TermsOfReference | None:
    """The body's approved version, or None; uses `approved_terms_prefetch()` when loaded."""
    if hasattr(body, "approved_terms"):
        return body.approved_terms[0] if body.approved_terms else None
    return (
        TermsOfReference.objects.filter(body=body, status=TermsOfReference.Status.APPROVED)
        .select_related("body")
        .prefetch_related("quorum_required_organisations")
        .first()
    )


def exemption_regime(body: Body) -> str:
    """The regime the body's approved terms of reference name; without approved terms, NHS
    public-interest grounds for a body of an NHS organisation and Schedule 12A otherwise."""
    terms = current_terms(body)
    if terms is not None:
        return terms.exemption_regime
    organisation = body.organisation if body.organisation_id else None
    if organisation is not None and organisation.is_nhs:
        return ExemptionRegime.NHS_PUBLIC_INTEREST
    return ExemptionRegime.SCHEDULE_12A


def joint_committee_terms(body: Body) -> TermsOfReference | None:
    """A joint committee's approved terms of reference, when they say how its decisions take
    effect for its member organisations (`joint_decisions`); None for any other body."""
    if body.kind != Body.Kind.JOINT_COMMITTEE:
        return None
    terms = current_terms(body)
    return terms if terms is not None and terms.joint_decisions else None


def follows_nhs_rules(body: Body) -> bool:
    """Whether the body sits as an NHS board or committee (its terms take private business on
    NHS public-interest grounds), so NHS England's conflicts of interest guidance applies."""
    return exemption_regime(body) == ExemptionRegime.NHS_PUBLIC_INTEREST


def with_terms_review_due(queryset: models.QuerySet[Body]) -> models.QuerySet[Body]:
    """Annotate bodies with `terms_review_due`: the approved version's review date has passed."""
    overdue = TermsOfReference.objects.filter(
        body=OuterRef("pk"),
        status=TermsOfReference.Status.APPROVED,
        review_date__lt=timezone.localdate(),
    )
    return queryset.annotate(terms_review_due=Exists(overdue))


def voting_member_count(body: Body) -> int:
    """How many people hold a current voting seat on the body today."""
    today = timezone.localdate()
    return (
        Membership.objects.filter(body=body, voting=True, start__lte=today)
        .exclude(end__lt=today)
        .values("person")
        .distinct()
        .count()
    )
