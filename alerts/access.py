"""Who may see and change alerts: each person their own follows and their own emails. What a
follow may be made on, and what an alert may say, is the record's own app's rule
(`decisions.access.can_follow`, `withheld_fields`)."""

from __future__ import annotations

from alerts.models import Follow, SentEmail


def can_manage_follow(user, follow: Follow) -> bool:
    """Only the follower changes or stops a follow (a public one: whoever holds its token)."""
    return user.is_authenticated and follow.user_id == user.pk


def follows_of(user):
    return Follow.objects.filter(user=user) if user.is_authenticated else Follow.objects.none()


def emails_of(user):
    """The emails sent to this user: theirs alone (administrators search them in the admin)."""
    if not user.is_authenticated:
        return SentEmail.objects.none()
    return SentEmail.objects.filter(user=user)
