"""Idempotent writes for the demo loaders."""

from __future__ import annotations

from django.db import models


def sync_record(model: type[models.Model], lookup: dict, fields: dict) -> models.Model:
    """update_or_create on the natural key, saving (and writing history) only on change."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **fields)
    elif all(getattr(obj, name) == value for name, value in fields.items()):
        return obj
    else:
        for name, value in fields.items():
            setattr(obj, name, value)
    obj._history_user = None
    obj.save()
    return obj
