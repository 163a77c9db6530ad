"""What people follow, and every email the portal sends."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q


class FollowQuerySet(models.QuerySet):
    def of(self, *records: models.Model | None) -> FollowQuerySet:
        """The follows of any of these records (None ones are skipped), in one query."""
        condition = Q(pk__in=[])
        for record in records:
            if record is not None:
                condition |= Q(
                    content_type=ContentType.objects.get_for_model(record), object_id=record.pk
                )
        return self.filter(condition).select_related("user")


class Follow(models.Model):
    """One person following one record: a signed-in user, or a member of the public by email
    (for a body's publications, once they have confirmed their address)."""

    class Frequency(models.TextChoices):
        IMMEDIATELY = "immediately", "An email for each update"
        DAILY = "daily", "A daily digest"
        WEEKLY = "weekly", "A weekly digest"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follows",
    )
    email = models.EmailField(blank=True, help_text="A member of the public's address.")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    frequency = models.CharField(
        max_length=12, choices=Frequency.choices, default=Frequency.IMMEDIATELY
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(email=""))
                | (Q(user__isnull=True) & ~Q(email="")),
                name="follow_by_user_or_by_email",
            ),
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"],
                condition=Q(user__isnull=False),
                name="follow_once_per_user",
            ),
            models.UniqueConstraint(
                fields=["email", "content_type", "object_id"],
                condition=Q(user__isnull=True),
                name="follow_once_per_email",
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.user or self.email} follows {self.content_type.name} {self.object_id}"

    @property
    def address(self) -> str:
        return self.user.email if self.user_id else self.email


class SentEmail(models.Model):
    """One email sent to one address: what, when, why, and the record it was about."""

    class Why(models.TextChoices):
        SUBSCRIPTION_CONFIRMATION = "subscription_confirmation", "Confirm a subscription"
        RATIFICATION_REQUEST = "ratification_request", "Ratification requested"
        OUTCOME_RECORDED = "outcome_recorded", "Ratification outcome recorded"
        AGENDA_PUBLISHED = "agenda_published", "Agenda published"
        SUPPLEMENT_PUBLISHED = "supplement_published", "Supplementary agenda published"
        MINUTES_APPROVED = "minutes_approved", "Minutes approved"
        RESOLUTION_RECORDED = "resolution_recorded", "Resolution recorded"
        ALL_DECIDED = "all_decided", "Every organisation decided"
        RATIFICATION_DUE = "ratification_due", "Reminder: ratification due"
        RATIFICATION_OVERDUE = "ratification_overdue", "Reminder: ratification overdue"
        RESPONSE_DUE = "response_due", "Reminder: scrutiny response due"
        RESPONSE_OVERDUE = "response_overdue", "Reminder: scrutiny response overdue"
        AGENDA_TO_PUBLISH = "agenda_to_publish", "Reminder: agenda to publish"
        REVISION_PUBLISHED = "revision_published", "Revised report published"
        ROUTED = "routed", "Routed for ratification"
        RECOMMENDATION_SENT = "recommendation_sent", "Scrutiny recommendation sent"
        RECOMMENDATION_ANSWERED = "recommendation_answered", "Scrutiny recommendation answered"
        TERMS_APPROVED = "terms_approved", "Terms of reference approved"
        AGREEMENT_SIGNED = "agreement_signed", "Agreement signed by every party"
        REPORTS_DUE = "reports_due", "Reminder: reports due"
        ACTION_DUE = "action_due", "Reminder: action due"
        ACTION_OVERDUE = "action_overdue", "Reminder: action overdue"
        TERMS_REVIEW_DUE = "terms_review_due", "Reminder: terms of reference review due"
        DIGEST = "digest", "Digest"

    to = models.EmailField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="emails_received",
    )
    subject = models.CharField(max_length=300)
    why = models.CharField(max_length=40, choices=Why.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    link = models.CharField(max_length=500, blank=True, help_text="Where the email sends them.")
    key = models.CharField(
        max_length=200,
        blank=True,
        help_text="For a reminder: what it reminds of and for which day, so it goes once.",
    )

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["to", "key"], condition=~Q(key=""), name="sent_email_once_per_key"
            )
        ]
        indexes = [models.Index(fields=["user", "-sent_at"])]

    def __str__(self) -> str:
        return f"{self.subject} (to {self.to})"


class PendingAlert(models.Model):
    """An alert waiting for its follower's daily or weekly digest: what the email would have
    said in its subject, cut to what that follower may see when it was written."""

    follow = models.ForeignKey(Follow, on_delete=models.CASCADE, related_name="pending")
    subject = models.CharField(max_length=300)
    why = models.CharField(max_length=40, choices=SentEmail.Why.choices)
    link = models.CharField(max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    digest = models.ForeignKey(
        SentEmail,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alerts",
        help_text="The digest that carried it; empty while it waits.",
    )

    class Meta:
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["follow", "digest"])]

    def __str__(self) -> str:
        return self.subject
