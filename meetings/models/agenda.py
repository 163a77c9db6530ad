"""Meetings, their agendas and the work programme that feeds them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from governance.models import Body, ProgressReport
from meetings.quorum import Quorum, meeting_quorum
from meetings.working_days import default_report_deadline


def exempt_grounds_q() -> Q:
    """A Part II record states one ground: a Schedule 12A paragraph or an NHS public-interest
    reason; a Part I record states none."""
    return (
        Q(is_exempt=True, exempt_paragraph__gte=1, exempt_paragraph__lte=7, exempt_reason="")
        | (Q(is_exempt=True, exempt_paragraph__isnull=True) & ~Q(exempt_reason=""))
        | Q(is_exempt=False, exempt_paragraph__isnull=True, exempt_reason="")
    )


def check_exempt_grounds(record) -> None:
    """The model-level half of `exempt_grounds_q`, as form errors; which of the two grounds a
    body uses is checked by the services against the body's terms of reference."""
    if record.is_exempt and not record.exempt_paragraph and not record.exempt_reason:
        raise ValidationError(
            {
                "exempt_paragraph": "Choose the paragraph of Schedule 12A it relies on, or give "
                "the public-interest reason for taking it in private."
            }
        )
    if record.is_exempt and record.exempt_paragraph and record.exempt_reason:
        raise ValidationError(
            {"exempt_reason": "Cite a paragraph of Schedule 12A or give a reason, not both."}
        )
    if not record.is_exempt and record.exempt_paragraph:
        raise ValidationError({"exempt_paragraph": "Only a Part II item cites a paragraph."})
    if not record.is_exempt and record.exempt_reason:
        raise ValidationError(
            {"exempt_reason": "Only a Part II item gives a reason for taking it in private."}
        )


def exempt_notice(paragraph: int | None, reason: str) -> str:
    """What the public sees in place of exempt content: its grounds, never the content."""
    if paragraph:
        return f"Exempt: paragraph {paragraph} of Schedule 12A"
    return f"Private on public-interest grounds: {reason}"


class Meeting(models.Model):
    """A meeting of a body, from scheduling through the approval of its minutes."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        AGENDA_PUBLISHED = "agenda_published", "Agenda published"
        HELD = "held", "Held"
        MINUTES_DRAFTED = "minutes_drafted", "Minutes drafted"
        MINUTES_APPROVED = "minutes_approved", "Minutes approved"
        CANCELLED = "cancelled", "Cancelled"

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    # Committees in common (NHS Act 2006 s65Z5): other bodies sitting with the lead body, each
    # with its own attendance, quorum and numbered resolutions; set by `meeting_hold_in_common`.
    bodies_in_common = models.ManyToManyField(
        Body, blank=True, related_name="meetings_in_common", editable=False
    )
    # Whether `bodies_in_common` names any: a meeting of one body (most) reads none of them.
    held_in_common = models.BooleanField(default=False, editable=False)
    start = models.DateTimeField()
    venue = models.CharField(max_length=300, blank=True)
    online_url = models.URLField("online link", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    agenda_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    late_publication_reason = models.TextField(
        blank=True,
        help_text="Why the agenda is published later than five clear working days before.",
    )
    # Set when a clerk records, after the meeting, an agenda published before the portal knew
    # of it: agenda_published_at is then the day it was really published, and this is when the
    # clerk entered it.
    agenda_entered_at = models.DateTimeField(null=True, blank=True, editable=False)
    minutes_approved_at = models.ForeignKey(
        "AgendaItem",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The 'minutes of the last meeting' item of the later meeting that approved "
        "these minutes.",
    )
    report_deadline = models.DateField(
        null=True,
        blank=True,
        help_text="The day reports are due with the clerk; blank: ten working days before.",
    )
    # Bumped on publication and on each revision; a stored pack older than this is stale.
    pack_version = models.PositiveIntegerField(default=0, editable=False)
    # Moved on by each edit of the meeting's details, so a stale form is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start"]
        # Newest first (lists, the API, the decisions list through its meeting) and the
        # calendar's window read this index, not a sort of every meeting.
        indexes = [
            models.Index(fields=["body", "start"]),
            models.Index(fields=["start", "id"], name="meeting_start"),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.start)
        return f"{self.body} – {local:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    def clean(self) -> None:
        if not self.venue and not self.online_url:
            raise ValidationError("Give a venue, an online link, or both.")

    @property
    def is_published(self) -> bool:
        return self.agenda_published_at is not None

    @property
    def minutes_approved(self) -> bool:
        """Approved at a later meeting: the minutes are then the public record (Part I)."""
        return self.minutes_approved_at_id is not None

    @property
    def date(self):
        return timezone.localtime(self.start).date()

    @property
    def reports_due_by(self):
        """The day reports are due: the clerk's date, or ten working days before."""
        return self.report_deadline or default_report_deadline(self.date)

    @property
    def quorum(self) -> Quorum:
        """Quorate or not under the body's current terms, with the reasons (proceedings)."""
        return meeting_quorum(self)

    @property
    def sitting_bodies(self) -> list[Body]:
        """The lead body, then the bodies sitting with it in common, by name."""
        if not self.held_in_common:
            return [self.body]
        return [self.body, *sorted(self.bodies_in_common.all(), key=lambda body: body.name)]

    @property
    def quorums(self) -> list[tuple[Body, Quorum]]:
        """Each sitting body with its own quorum."""
        return [(body, meeting_quorum(self, body=body)) for body in self.sitting_bodies]

    @property
    def sitting_body_ids(self) -> frozenset[int]:
        """The ids of the sitting bodies, read once per meeting object."""
        if not self.held_in_common:
            return frozenset({self.body_id})
        cached = getattr(self, "_sitting_body_ids", None)
        if cached is None:
            cached = frozenset({self.body_id, *(body.pk for body in self.bodies_in_common.all())})
            self._sitting_body_ids = cached
        return cached

    @property
    def is_quorate(self) -> bool:
        return self.quorum.quorate


class WorkProgrammeEntry(models.Model):
    """A report planned for a future meeting of a body (the forward plan)."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        ON_AGENDA = "on_agenda", "On agenda"
        DEFERRED = "deferred", "Deferred"
        WITHDRAWN = "withdrawn", "Withdrawn"

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="work_programme")
    planned_for = models.DateField(help_text="The date of the meeting it is planned for.")
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    lead_officer = models.CharField(max_length=200, blank=True)
    report_author = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    # Counts the edits of this record, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["planned_for", "pk"]
        verbose_name = "work programme entry"
        verbose_name_plural = "work programme entries"

    def __str__(self) -> str:
        return f"{self.title} ({self.planned_for:%-d %B %Y})"

    def get_absolute_url(self) -> str:
        return reverse("meetings:work_programme", args=[self.body.slug]) + f"#entry-{self.pk}"


class Supplement(models.Model):
    """A supplementary agenda: business added after the agenda was published, which the chair
    is of the opinion should be considered as a matter of urgency, for the special
    circumstances given as its reason (Local Government Act 1972, s100B(4)(b))."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="supplements")
    number = models.PositiveIntegerField(help_text="Supplementary agenda 1, 2, … of the meeting.")
    reason = models.TextField(
        "reason for urgency",
        blank=True,
        help_text="The special circumstances for which the chair considers the late items "
        "urgent. Published with the supplement: it must quote nothing exempt.",
    )
    # None while it is the draft that late items are added to.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="one_supplement_per_number"
            ),
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(published_at__isnull=True),
                name="one_draft_supplement_per_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"Supplementary agenda {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.meeting_id]) + f"#supplement-{self.number}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class AgendaItem(models.Model):
    """A numbered item on a meeting's agenda, in Part I (public) or Part II (exempt)."""

    class Kind(models.TextChoices):
        MINUTES = "minutes", "Minutes of the last meeting"
        APOLOGIES = "apologies", "Apologies for absence"
        DECLARATIONS = "declarations", "Declarations of interest"
        WORK_PROGRAMME = "work_programme", "Work programme"
        BUSINESS = "business", "Business"

    class Purpose(models.TextChoices):
        DECISION = "decision", "For decision"
        DISCUSSION = "discussion", "For discussion"
        INFORMATION = "information", "For information"
        ASSURANCE = "assurance", "For assurance"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(help_text="Order on the agenda, from 1.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.BUSINESS)
    title = models.CharField(max_length=300)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, blank=True)
    is_exempt = models.BooleanField("Part II (exempt)", default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(
        "Schedule 12A paragraph",
        null=True,
        blank=True,
        choices=[(n, f"Paragraph {n}") for n in range(1, 8)],
    )
    exempt_reason = models.CharField(
        "reason for taking it in private",
        max_length=300,
        blank=True,
        help_text="For a body that excludes the public on NHS public-interest grounds: the "
        "reason, as the resolution to exclude the public states it. Published.",
    )
    lead_officer = models.CharField(max_length=200, blank=True)
    work_programme_entry = models.OneToOneField(
        WorkProgrammeEntry,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_item",
    )
    minutes_of = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="For a 'minutes of the last meeting' item: the meeting whose minutes it is.",
    )
    # Set for late business: the supplementary agenda the item is published on (or waits on,
    # while that supplement is a draft). None for the items of the agenda as first published.
    supplement = models.ForeignKey(
        Supplement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
        editable=False,
    )
    # Progress against the partnership's objectives, printed with the item's papers.
    progress_reports = models.ManyToManyField(
        ProgressReport, blank=True, related_name="agenda_items"
    )
    # Where the item's papers start and end in the stored agenda pack (filled when rendered).
    pack_first_page = models.PositiveIntegerField(null=True, blank=True, editable=False)
    pack_last_page = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Counts the clerk's edits of the fields above, so a form opened before one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.CheckConstraint(
                condition=exempt_grounds_q(),
                name="exempt_item_states_its_grounds",
                violation_error_message=(
                    "A Part II item cites either a paragraph (1 to 7) of Schedule 12A or a "
                    "public-interest reason, not both; a Part I item cites neither."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.meeting_id]) + f"#item-{self.position}"

    def clean(self) -> None:
        check_exempt_grounds(self)

    @property
    def exempt_notice(self) -> str:
        return exempt_notice(self.exempt_paragraph, self.exempt_reason)


class AgendaRevision(models.Model):
    """A visible change to an item after its agenda was published: a supplementary or revised
    report, never a silent edit."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="revisions")
    made_at = models.DateTimeField(default=timezone.now)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.CharField(
        max_length=300, help_text="What changed, as the published agenda will show it."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["made_at", "pk"]

    def __str__(self) -> str:
        return f"Revision of {timezone.localtime(self.made_at):%-d %B %Y}"
