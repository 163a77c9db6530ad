"""Shared steps for service functions that change the record."""

from __future__ import annotations

from django.db import models


def save_record(obj: models.Model, *, actor, reason: str = "") -> models.Model:
    """Validate, then save with the acting user (and reason) written to the change history.

    Call inside the service's `transaction.atomic` block.
    """
    obj.full_clean()
    obj._history_user = actor if getattr(actor, "is_authenticated", False) else None
    if reason:
        obj._change_reason = reason
    obj.save()
    return obj
