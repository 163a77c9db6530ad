"""Shared steps for service functions that change the record."""

from __future__ import annotations

from django.core.exceptions import ValidationError
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


def check_version(
    obj: models.Model, expected_version: int | str | None, *, what: str = ""
) -> None:
    """Optimistic locking: refuse an edit made against an older version of the record.

    `obj` should be the row re-read under `select_for_update`; `expected_version` is the
    version the user's form was opened at (its hidden `version` field). `what` names the
    record in the message where "this <model>" would be unclear (a page of many records).
    """
    try:
        expected = int(expected_version)
    except (TypeError, ValueError):
        expected = None
    if expected != obj.version:
        raise ValidationError(stale_message(what or f"this {obj._meta.verbose_name}"))


def stale_message(what: str) -> str:
    """The refusal of a form opened before someone else changed the record."""
    return f"Someone else changed {what} since you opened it; reload the page"
