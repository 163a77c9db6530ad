"""The standing structure: organisations, partnerships, bodies, people and roles."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Organisation(models.Model):
    """A sovereign organisation: a council, an NHS body, a VCSE partner."""

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        ICB = "icb", "Integrated care board"
        NHS_TRUST = "nhs_trust", "NHS trust or foundation trust"
        PCN = "pcn", "Primary care network"
        VCSE = "vcse", "Voluntary, community and social enterprise"
        HEALTHWATCH = "healthwatch", "Healthwatch"
        EMERGENCY_SERVICE = "emergency_service", "Emergency service"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    ods_code = models.CharField(
        "ODS code", max_length=10, blank=True, help_text="NHS Organisation Data Service code."
    )
    ratifying_body = models.ForeignKey(
        "Body",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ratifies_for",
        help_text="The body that ratifies partnership decisions on this organisation's behalf.",
    )
    governance_contact = models.CharField(max_length=200, blank=True)
    governance_email = models.EmailField(blank=True)
    # The call-in rules of the organisation's constitution, for its executive decisions.
    call_in_working_days = models.PositiveSmallIntegerField(
        default=5,
        validators=[MinValueValidator(1)],
        help_text="Clear working days after a decision notice is published in which scrutiny "
        "members may call the decision in.",
    )
    call_in_signatures = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(1)],
        help_text="How many scrutiny members must sign a call-in request.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:organisation_detail", args=[self.slug])

    @property
    def is_nhs(self) -> bool:
        return self.kind in {self.Kind.ICB, self.Kind.NHS_TRUST, self.Kind.PCN}


class Partnership(models.Model):
    """A partnership of organisations: a system, a place, a neighbourhood or a collaborative."""

    class Level(models.TextChoices):
        SYSTEM = "system", "System (ICS)"
        PLACE = "place", "Place"
        NEIGHBOURHOOD = "neighbourhood", "Neighbourhood"
        PROVIDER_COLLABORATIVE = "provider_collaborative", "Provider collaborative"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40)
    slug = models.SlugField(max_length=80, unique=True)
    level = models.CharField(max_length=30, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    vision = models.TextField(blank=True)
    principles = models.TextField(blank=True, help_text="One principle a line.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:partnership_detail", args=[self.slug])


class PartnershipMember(models.Model):
    """An organisation's membership of a partnership, from the day it joined until it left."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="partnership_memberships"
    )
    joined = models.DateField()
    left = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left__isnull=True) | Q(left__gte=models.F("joined")),
                name="partnership_member_left_after_joined",
                violation_error_message="An organisation cannot leave before it joined.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.partnership}"

    def clean(self) -> None:
        if self.left and self.joined and self.left < self.joined:
            raise ValidationError({"left": "The date left must be on or after the date joined."})

    def is_current_on(self, day) -> bool:
        return self.joined <= day and (self.left is None or self.left >= day)


class Body(models.Model):
    """A board, committee or other decision-making body, owned by a partnership or organisation."""

    class Kind(models.TextChoices):
        BOARD = "board", "Board"
        COMMITTEE = "committee", "Committee"
        SUB_COMMITTEE = "sub_committee", "Sub-committee"
        JOINT_COMMITTEE = "joint_committee", "Joint committee"
        ASSEMBLY = "assembly", "Assembly"
        PROGRAMME_BOARD = "programme_board", "Programme board"
        STEERING_GROUP = "steering_group", "Steering group"
        TASK_AND_FINISH = "task_and_finish", "Task and finish group"
        SCRUTINY_COMMITTEE = "scrutiny_committee", "Scrutiny committee"
        CABINET = "cabinet", "Cabinet"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, help_text="Shown before resolution numbers.")
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.PROTECT, related_name="bodies"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="bodies"
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="reports to",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(partnership__isnull=False, organisation__isnull=True)
                    | Q(partnership__isnull=True, organisation__isnull=False)
                ),
                name="body_owned_by_partnership_or_organisation",
                violation_error_message="A body is owned by a partnership or an organisation.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:body_detail", args=[self.slug])

    @property
    def owner(self) -> Partnership | Organisation | None:
        return self.partnership or self.organisation

    def clean(self) -> None:
        if bool(self.partnership_id) == bool(self.organisation_id):
            raise ValidationError(
                "Choose either the partnership or the organisation that owns it."
            )
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "A body cannot report to itself."})


class Person(models.Model):
    """Someone who sits on, serves or reports to a body; may have a sign-in."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    honorific = models.CharField(
        max_length=40, blank=True, help_text="For example Councillor, Dr, Professor."
    )
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    email = models.EmailField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.honorific} {self.name}".strip()

    def get_absolute_url(self) -> str:
        return reverse("governance:person_detail", args=[self.slug])


class Membership(models.Model):
    """A person's seat on a body, with role, voting right and whom they represent."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        MEMBER = "member", "Member"
        CO_OPTED = "co_opted", "Co-opted member"
        OBSERVER = "observer", "Observer"
        OFFICER = "officer", "Officer in attendance"

    ROLE_ORDER = {role: index for index, role in enumerate(Role.values)}

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    voting = models.BooleanField(default=True)
    representing = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="representatives",
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    substitutes = models.ManyToManyField(Person, blank=True, related_name="substitute_for")
    # Counts the edits of this record, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[substitutes])

    class Meta:
        ordering = ["body__name", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="membership_end_after_start",
                violation_error_message="A membership cannot end before it starts.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}, {self.body})"

    def clean(self) -> None:
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": "The end date must be on or after the start date."})

    def is_current_on(self, day) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


class RoleAssignment(models.Model):
    """A sign-in's role: clerk or scrutiny member of a body, governance lead or officer of an
    organisation."""

    class Role(models.TextChoices):
        CLERK = "clerk", "Clerk"
        GOVERNANCE_LEAD = "governance_lead", "Governance lead"
        OFFICER = "officer", "Officer"
        SCRUTINY_MEMBER = "scrutiny_member", "Scrutiny member"

    BODY_ROLES = {Role.CLERK, Role.SCRUTINY_MEMBER}

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.CASCADE, related_name="role_assignments"
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["user__username", "role"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role__in=["clerk", "scrutiny_member"], body__isnull=False)
                    & Q(organisation__isnull=True)
                )
                | (
                    Q(role__in=["governance_lead", "officer"], organisation__isnull=False)
                    & Q(body__isnull=True)
                ),
                name="role_has_its_scope",
                violation_error_message=(
                    "Clerks and scrutiny members belong to a body; governance leads and "
                    "officers to an organisation."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "body"],
                condition=Q(body__isnull=False),
                name="body_role_assigned_once",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "organisation"],
                condition=Q(organisation__isnull=False),
                name="organisation_role_assigned_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} of {self.body or self.organisation}"
