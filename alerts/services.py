"""Following a record and stopping: the only changes made to follows."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from alerts.models import Follow


def follow_start(*, record: models.Model, user=None, email: str = "") -> Follow:
    """Follow a record (again is a no-op). Whether they may is the caller's access rule."""
    content_type = ContentType.objects.get_for_model(record)
    who = {"user": user} if user is not None else {"user": None, "email": email.strip().lower()}
    with transaction.atomic():
        follow, _ = Follow.objects.get_or_create(
            content_type=content_type, object_id=record.pk, **who
        )
    return follow


def follow_stop(*, follow: Follow) -> None:
    Follow.objects.filter(pk=follow.pk).delete()


def follow_change_frequency(*, follow: Follow, frequency: str) -> Follow:
    follow.frequency = Follow.Frequency(frequency)
    follow.full_clean()
    follow.save(update_fields=["frequency"])
    return follow
