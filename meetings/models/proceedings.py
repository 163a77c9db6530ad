"""What happened at a meeting: attendance, declarations of interest and minutes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from governance.models import InterestKind, Person
from meetings.models.agenda import AgendaItem, Meeting


class Attendance(models.Model):
    """One person's attendance at a meeting: a member's, or an officer's in attendance."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"
        SUBSTITUTED = "substituted", "Represented by a substitute"
        OFFICER = "officer", "Officer in attendance"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(max_length=20, choices=Status.choices)
    substitute = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="substituted_at",
        help_text="Who attended in this member's place.",
    )
    note = models.CharField(max_length=200, blank=True, help_text="For example 'other reasons'.")
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once"),
            models.CheckConstraint(
                condition=Q(status="substituted", substitute__isnull=False)
                | (~Q(status="substituted") & Q(substitute__isnull=True)),
                name="substitute_only_when_substituted",
                violation_error_message=(
                    "Name the substitute only for a member represented by one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url() + "#attendance"

    @property
    def in_the_seat(self) -> bool:
        """Present in person, or represented by a substitute who sat in the member's place."""
        return self.status in (self.Status.PRESENT, self.Status.SUBSTITUTED)

    def clean(self) -> None:
        if self.status == self.Status.SUBSTITUTED and not self.substitute_id:
            raise ValidationError({"substitute": "Name the substitute who attended."})
        if self.status != self.Status.SUBSTITUTED and self.substitute_id:
            raise ValidationError({"substitute": "Only a substituted member has a substitute."})


class Declaration(models.Model):
    """An interest declared at a meeting on one agenda item, and what the person did about it."""

    class Action(models.TextChoices):
        LEFT_ROOM = "left_room", "Left the room"
        DID_NOT_VOTE = "did_not_vote", "Stayed but did not vote"
        REMAINED = "remained", "Remained and took part"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="declarations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField(max_length=30, choices=InterestKind.choices)
    description = models.TextField()
    action = models.CharField(max_length=20, choices=Action.choices)
    # A dispensation lets a person with a disclosable pecuniary interest stay and take part.
    dispensation_granted_by = models.CharField(
        "dispensation granted by",
        max_length=200,
        blank=True,
        help_text="For example, the Monitoring Officer or the Standards Committee.",
    )
    dispensation_granted_on = models.DateField("dispensation granted on", null=True, blank=True)
    dispensation_reference = models.CharField("dispensation reference", max_length=100, blank=True)
    # NHS England, "Managing Conflicts of Interest in the NHS" (2017): the chair decides how a
    # declared conflict is managed, and the minutes record who decided it and why.
    managed_by = models.CharField(
        "conflict managed by",
        max_length=200,
        blank=True,
        help_text="Who decided how the conflict was managed, usually the chair.",
    )
    management_reason = models.TextField(
        "how and why the conflict was managed",
        blank=True,
        help_text="The decision on the conflict and its reasons, as the minutes record it.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "person"],
                name="one_declaration_per_person_per_item",
                violation_error_message="This person has already declared an interest on this "
                "item; correct that declaration instead.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} on item {self.item.position}: {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return self.item.get_absolute_url()

    @property
    def has_dispensation(self) -> bool:
        return bool(
            self.dispensation_granted_by
            and self.dispensation_granted_on
            and self.dispensation_reference
        )

    @property
    def dispensation_summary(self) -> str:
        """ "Dispensation granted by …, on …, reference …", or "" without one."""
        if not self.has_dispensation:
            return ""
        return (
            f"Dispensation granted by {self.dispensation_granted_by} on "
            f"{self.dispensation_granted_on:%-d %B %Y}, reference {self.dispensation_reference}"
        )


class Minute(models.Model):
    """The minute of one agenda item; the minutes as a whole are approved at a later meeting."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="minute")
    text = models.TextField()
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Minute of {self.item}"

    def get_absolute_url(self) -> str:
        return self.item.get_absolute_url()
