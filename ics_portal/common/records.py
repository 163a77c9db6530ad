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
    obj: models.Model,
    expected_version: int | str | None,
    *,
    what: str = "",
    field: str = "version",
) -> None:
    """Optimistic locking: refuse an edit made against an older version of the record.

    `obj` should be the row re-read under `select_for_update`; `expected_version` is the
    version the user's form was opened at (its hidden `version` field). `what` names the
    record in the message where "this <model>" would be unclear (a page of many records);
    `field` names the counter where `version` means something else (a document's number).
    """
    try:
        expected = int(expected_version)
    except (TypeError, ValueError):
        expected = None
    if expected != getattr(obj, field):
        raise ValidationError(stale_message(what or f"this {obj._meta.verbose_name}"))


def lock_for_edit(
    queryset: models.QuerySet,
    pk: int,
    expected_version: int | str | None,
    *,
    what: str = "",
    field: str = "version",
) -> models.Model:
    """The row re-read under a row lock, refusing a stale form, its version moved on for the
    save that follows (call inside the service's `transaction.atomic` block).

    `expected_version` is the version the user's form was opened at; None only for callers
    that hold no form (scripts, the demo), which edit the row as it now is.
    """
    locked = queryset.select_for_update().get(pk=pk)
    if expected_version is not None:
        check_version(locked, expected_version, what=what, field=field)
    setattr(locked, field, getattr(locked, field) + 1)
    return locked


def stale_message(what: str) -> str:
    """The refusal of a form opened before someone else changed the record."""
    return f"Someone else changed {what} since you opened it; reload the page"
