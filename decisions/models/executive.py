"""Executive decisions of the sovereign organisations: the forward plan, decision notices and
call-in (see `decisions.executive_clocks` for the law's clocks)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from decisions.models.ratifications import Ratification
from decisions.models.resolutions import Resolution
from governance.models import Body, Organisation

PARAGRAPHS = [(n, f"Paragraph {n}") for n in range(1, 8)]


def _decision_maker(obj) -> str:
    return obj.decision_maker_body.name if obj.decision_maker_body_id else obj.decision_maker_role


def _check_decision_maker(obj) -> None:
    if bool(obj.decision_maker_body_id) == bool(obj.decision_maker_role.strip()):
        raise ValidationError(
            {"decision_maker_role": "Name the decision-maker: a body or an officer's role."}
        )


class ForwardPlanEntry(models.Model):
    """A decision an organisation's executive means to take, published in its forward plan."""

    class Urgency(models.TextChoices):
        NONE = "", "None: 28 clear days' notice"
        GENERAL_EXCEPTION = "general_exception", "General exception"
        SPECIAL_URGENCY = "special_urgency", "Special urgency"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="forward_plan_entries"
    )
    title = models.CharField(max_length=300)
    decision_maker_body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forward_plan_entries",
        help_text="The body that will decide (Cabinet, a board).",
    )
    decision_maker_role = models.CharField(
        max_length=200,
        blank=True,
        help_text="Or the role of the person who will decide (a Cabinet member, an officer).",
    )
    is_key_decision = models.BooleanField("Key decision", default=True)
    expected_on = models.DateField("Expected date of the decision")
    month_only = models.BooleanField(
        "Only the month is known", default=False, help_text="Shown as the month, not the day."
    )
    in_private = models.BooleanField("To be taken in private", default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(
        "Schedule 12A paragraph", null=True, blank=True, choices=PARAGRAPHS
    )
    private_reason = models.TextField("Why in private", blank=True)
    documents = models.TextField("Documents to be considered", blank=True)
    lead_officer = models.CharField(max_length=200)
    representations = models.TextField(
        "How to make representations",
        help_text="Who to write to, and by when, about the decision.",
    )
    first_published = models.DateField(help_text="The day the entry first appeared in the plan.")
    urgency = models.CharField(
        "Exception to the 28 days' notice", max_length=20, choices=Urgency.choices, blank=True
    )
    urgency_reason = models.TextField("Why the notice could not be given", blank=True)
    scrutiny_chair = models.CharField("Scrutiny chair who agreed", max_length=200, blank=True)
    scrutiny_agreed_on = models.DateField("Date the scrutiny chair agreed", null=True, blank=True)
    resolution = models.ForeignKey(
        Resolution,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="forward_plan_entries",
        help_text="The partnership resolution this decision ratifies, if any.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["expected_on", "pk"]
        verbose_name = "forward plan entry"
        verbose_name_plural = "forward plan entries"
        constraints = [
            models.CheckConstraint(
                condition=Q(in_private=True, exempt_paragraph__gte=1, exempt_paragraph__lte=7)
                | Q(in_private=False, exempt_paragraph__isnull=True),
                name="private_forward_plan_entry_cites_a_paragraph",
                violation_error_message="A decision taken in private cites its paragraph of "
                "Schedule 12A.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("decisions:forward_plan_entry", args=[self.pk])

    @property
    def decision_maker(self) -> str:
        return _decision_maker(self)

    @property
    def expected(self) -> str:
        """The expected date as the plan shows it: "November 2021" or "30 November 2021"."""
        if self.month_only:
            return f"{self.expected_on:%B %Y}"
        return f"{self.expected_on.day} {self.expected_on:%B %Y}"

    def clean(self) -> None:
        _check_decision_maker(self)
        if self.in_private and not self.exempt_paragraph:
            raise ValidationError(
                {"exempt_paragraph": "Choose the paragraph of Schedule 12A it will rely on."}
            )
        if not self.in_private and self.exempt_paragraph:
            raise ValidationError(
                {"exempt_paragraph": "Only a decision taken in private cites a paragraph."}
            )


class DecisionNotice(models.Model):
    """The published record of an executive decision, open to call-in until its deadline."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="decision_notices"
    )
    forward_plan_entry = models.ForeignKey(
        ForwardPlanEntry,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decision_notices",
    )
    ratification = models.ForeignKey(
        Ratification,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decision_notices",
        help_text="The ratification outcome this notice publishes, if any.",
    )
    decision_maker_body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="decision_notices"
    )
    decision_maker_role = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=300)
    decision = models.TextField()
    reasons = models.TextField()
    alternatives = models.TextField("Alternatives considered and rejected")
    interests = models.TextField(
        "Declared interests and dispensations", default="None declared.", blank=True
    )
    is_key_decision = models.BooleanField("Key decision", default=True)
    decided_on = models.DateField()
    published_on = models.DateField()
    urgent = models.BooleanField("Urgent: exempt from call-in", default=False)
    urgency_reason = models.TextField("Why it is urgent", blank=True)
    exempt_paragraph = models.PositiveSmallIntegerField(
        "Schedule 12A paragraph",
        null=True,
        blank=True,
        choices=PARAGRAPHS,
        help_text="When the decision was taken in private: its text is withheld from the public.",
    )
    # Set by the services: None while there is no call-in period (urgent) or after a call-in.
    call_in_deadline = models.DateField(null=True, blank=True, editable=False)
    # None while the decision is suspended by a call-in, or when it was referred back.
    takes_effect_on = models.DateField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "-pk"]

    def __str__(self) -> str:
        return f"Decision notice: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("decisions:notice_detail", args=[self.pk])

    @property
    def decision_maker(self) -> str:
        return _decision_maker(self)

    @property
    def withheld_notice(self) -> str:
        """What the page says in place of text withheld from a viewer (load the ratification's
        item with it)."""
        if self.exempt_paragraph:
            return (
                f"Taken in private: exempt under paragraph {self.exempt_paragraph} of Schedule 12A"
            )
        if self.ratification_id is not None:
            item = self.ratification.resolution.item
            if item.is_exempt:
                return item.exempt_notice
        return "Withheld"

    def clean(self) -> None:
        _check_decision_maker(self)
        if self.urgent and not self.urgency_reason.strip():
            raise ValidationError({"urgency_reason": "Say why the decision cannot wait."})
        if self.published_on and self.decided_on and self.published_on < self.decided_on:
            raise ValidationError(
                {"published_on": "A notice cannot be published before the decision."}
            )

    def call_in_or_none(self) -> CallIn | None:
        try:
            return self.call_in
        except CallIn.DoesNotExist:
            return None

    def has_taken_effect(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.takes_effect_on is not None and self.takes_effect_on <= today

    def is_open_to_call_in(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            not self.urgent
            and self.call_in_deadline is not None
            and today <= self.call_in_deadline
            and self.call_in_or_none() is None
        )

    def state(self, today: date | None = None) -> str:
        """Where the decision stands, in words (load `call_in` with it)."""
        today = today or timezone.localdate()
        call_in = self.call_in_or_none()
        if call_in is not None and call_in.outcome != CallIn.Outcome.NO_FURTHER_ACTION:
            return call_in.get_outcome_display()
        if self.has_taken_effect(today):
            return "In effect"
        if self.urgent:
            return "Urgent: takes effect without call-in"
        if self.is_open_to_call_in(today):
            return "Open to call-in"
        return "Awaiting effect"


class CallIn(models.Model):
    """Scrutiny members' call-in of an executive decision, and the scrutiny committee's
    outcome."""

    class Outcome(models.TextChoices):
        PENDING = "", "Called in: awaiting scrutiny"
        NO_FURTHER_ACTION = "no_further_action", "No further action: the decision stands"
        REFERRED_BACK = "referred_back", "Referred back to the decision-maker"
        REFERRED_TO_COUNCIL = "referred_to_council", "Referred to full council"

    notice = models.OneToOneField(DecisionNotice, on_delete=models.PROTECT, related_name="call_in")
    scrutiny_body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="call_ins")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_on = models.DateField()
    reasons = models.TextField()
    signatories = models.TextField(help_text="The scrutiny members who sign it, one a line.")
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    outcome_note = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_on", "-pk"]
        verbose_name = "call-in"

    def __str__(self) -> str:
        return f"Call-in of {self.notice.title}"

    def get_absolute_url(self) -> str:
        return self.notice.get_absolute_url() + "#call-in"

    @property
    def signatory_list(self) -> list[str]:
        return [line.strip() for line in self.signatories.splitlines() if line.strip()]


def ratifications_awaiting_effect(
    ratifications: Iterable[Ratification],
    notices: Iterable[DecisionNotice],
    plan_entries: Iterable[ForwardPlanEntry],
    today: date | None = None,
) -> frozenset[int]:
    """The decided ratifications whose executive decision has not yet taken effect: its latest
    decision notice is in its call-in period or called in, or the decision is in the
    organisation's forward plan and its notice is still to come. Give the notices oldest
    first (load `call_in` with them)."""
    today = today or timezone.localdate()
    latest = {notice.ratification_id: notice for notice in notices}
    planned = {entry.organisation_id for entry in plan_entries}
    waiting = set()
    for ratification in ratifications:
        if not ratification.is_final or ratification.status == Ratification.Status.WITHDRAWN:
            continue
        notice = latest.get(ratification.pk)
        if notice is None:
            if ratification.organisation_id in planned:
                waiting.add(ratification.pk)
        elif not notice.has_taken_effect(today):
            waiting.add(ratification.pk)
    return frozenset(waiting)


def ratification_effect(
    ratification: Ratification, notice: DecisionNotice | None, awaiting: bool
) -> str:
    """A decided ratification as the trail words it while its executive decision has not yet
    taken effect: "Ratified — takes effect on 16 December 2021", "Ratified — called in"."""
    status = ratification.get_status_display()
    if not awaiting:
        return status
    if notice is None:
        return f"{status} — decision notice to be published"
    call_in = notice.call_in_or_none()
    if call_in is not None:
        return f"{status} — {call_in.get_outcome_display().lower()}"
    if notice.takes_effect_on is not None:
        day = notice.takes_effect_on
        return f"{status} — takes effect on {day.day} {day:%B %Y}"
    return f"{status} — not yet in effect"
