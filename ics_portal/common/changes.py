"""Readable change histories: who changed what, when, old → new, from django-simple-history
rows. What a viewer may not see is passed in by the caller (the apps' `access` modules decide);
this module imports no app."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import models
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

PAGE_SIZE = 50
# Fields that are the portal's bookkeeping, not the record: never shown in a change history
# (the history page, the trail page and the trail PDF all build their entries here).
INTERNAL_FIELDS = frozenset(
    {
        "id",
        "version",  # the stale-form counter (but see EDITIONS)
        "created",
        "modified",
        "pack_version",
        "pack_first_page",
        "pack_last_page",
        "file",
        "mime_type",
        "sha512",
    }
)
# Documents whose `version` is the edition readers cite ("terms of reference, version 3").
EDITIONS = frozenset({"governance.termsofreference", "governance.agreement"})
# The change reason is withheld with the fields: `withhold` may name it.
CHANGE_REASON = "history_change_reason"


@dataclass
class Change:
    field: str
    old: Any
    new: Any


@dataclass
class Entry:
    when: Any
    who: str
    kind: str
    reason: str
    changes: list[Change]


def history_url(obj: models.Model) -> str:
    meta = obj._meta
    return reverse("history", args=[meta.app_label, meta.model_name, obj.pk])


def in_words(value: date | datetime) -> str:
    """A date as people write it: "3 November 2022", or "3 November 2022, 14:05" (local time)."""
    if isinstance(value, datetime):
        return format_date(timezone.localtime(value), "j F Y, H:i")
    return format_date(value, "j F Y")


def _display(field: models.Field | None, value: Any, related: dict) -> Any:
    if value is None or value == "":
        return "—"
    if isinstance(value, date):
        return in_words(value)
    if field is None:
        return value
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(field, models.ForeignKey):
        return related.get((field.related_model, value), f"#{value}")
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    return value


def is_internal(model: type[models.Model], name: str) -> bool:
    """Whether a field of the model is bookkeeping that no change history shows."""
    if name == "version" and model._meta.label_lower in EDITIONS:
        return False
    return name in INTERNAL_FIELDS


def _tracked(model: type[models.Model]) -> tuple[dict[str, models.Field], list[str]]:
    fields = {f.attname: f for f in model._meta.concrete_fields}
    return fields, [name for name in fields if not is_internal(model, name)]


def related_names(groups: Iterable[tuple[type[models.Model], Iterable]]) -> dict:
    """Names of the records that history rows point at: one query per related model, whatever
    the number of rows. `groups` pairs each model with some of its history rows. (A record's
    name never quotes exempt text: see the `__str__` of actions, notes and revisions.)"""
    wanted: dict[type[models.Model], set] = {}
    for model, records in groups:
        fields, tracked = _tracked(model)
        for record in records:
            for name in tracked:
                field = fields[name]
                value = getattr(record, name, None)
                if isinstance(field, models.ForeignKey) and value is not None:
                    wanted.setdefault(field.related_model, set()).add(value)
    related = {}
    for related_model, pks in wanted.items():
        # Names often include a required parent (a meeting names its body): join those in.
        parents = [
            f.name
            for f in related_model._meta.concrete_fields
            if isinstance(f, models.ForeignKey) and not f.null
        ]
        found = related_model._default_manager.filter(pk__in=pks)
        for obj in found.select_related(*parents) if parents else found:
            related[(related_model, obj.pk)] = str(obj)
    return related


def _build(
    model: type[models.Model],
    records: list,
    related: dict,
    *,
    limit: int | None = PAGE_SIZE,
    withhold: Collection[str] = (),
    withheld_text: str = "Withheld",
) -> list[Entry]:
    """Readable changes of one record's history rows (newest first); values of the fields in
    `withhold` (and the change reason, if it names `CHANGE_REASON`) are replaced by
    `withheld_text`. People are named by their full name, never by their sign-in name."""
    fields, tracked = _tracked(model)
    entries = []
    shown = records if limit is None else records[:limit]
    for index, record in enumerate(shown):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        for name in tracked:
            new = getattr(record, name, None)
            old = getattr(previous, name, None) if previous is not None else None
            if previous is None and record.history_type == "+":
                if new in (None, ""):
                    continue
            elif new == old:
                continue
            field = fields[name]
            if name in withhold:
                old_shown = withheld_text if previous is not None else "—"
                new_shown = withheld_text
            else:
                old_shown = _display(field, old, related) if previous is not None else "—"
                new_shown = _display(field, new, related)
            changes.append(
                Change(
                    field=str(field.verbose_name).capitalize(),
                    old=old_shown,
                    new=new_shown,
                )
            )
        if not changes and _bookkeeping_only(fields, tracked, record, previous):
            continue
        who = record.history_user
        entries.append(
            Entry(
                when=record.history_date,
                who=(who.get_full_name() or "A portal user") if who else "System",
                kind={"+": "Created", "~": "Changed", "-": "Deleted"}[record.history_type],
                reason=_reason(record, withhold, withheld_text),
                changes=changes,
            )
        )
    return entries


def _bookkeeping_only(fields: dict, tracked: list[str], record, previous) -> bool:
    """Whether a change touched only internal fields (a pack renumbered, a counter bumped) and
    gave no reason: nothing a reader would call a change."""
    if previous is None or record.history_type != "~" or record.history_change_reason:
        return False
    return any(
        getattr(record, name, None) != getattr(previous, name, None)
        for name in fields
        if name not in tracked
    )


def _reason(record, withhold: Collection[str], withheld_text: str) -> str:
    reason = record.history_change_reason or ""
    return withheld_text if reason and CHANGE_REASON in withhold else reason


def page_entries(
    model: type[models.Model],
    records: list,
    *,
    withhold: Collection[str] = (),
    withheld_text: str = "Withheld",
) -> list[Entry]:
    """Turn a page of one record's history rows (newest first, plus the one before) into
    readable changes."""
    related = related_names([(model, records)])
    return _build(model, records, related, withhold=withhold, withheld_text=withheld_text)


def changes_for(
    model: type[models.Model],
    records: Iterable,
    *,
    related: dict | None = None,
    withhold: Callable[[Any], Collection[str]] = lambda pk: (),
    withheld_text: str = "Withheld",
) -> dict[Any, list[Entry]]:
    """The whole change history of many records of one model, keyed by record id, newest first.

    `records` are history rows of any number of records (e.g. one query with `id__in`, with
    `select_related("history_user")`); pass `related` from `related_names` to share the name
    look-ups between models. `withhold(pk)` names the fields (attnames, and `CHANGE_REASON`)
    of that record whose values are not shown.
    """
    by_object: dict[Any, list] = {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id), reverse=True):
        by_object.setdefault(record.id, []).append(record)
    if related is None:
        related = related_names([(model, rows) for rows in by_object.values()])
    return {
        pk: _build(
            model, rows, related, limit=None, withhold=withhold(pk), withheld_text=withheld_text
        )
        for pk, rows in by_object.items()
    }


def history_stamp(model: type[models.Model]) -> tuple | None:
    """The id and time of the model's latest history row (one query over their indexes), or
    None for a model without history: any change to any of its records changes it, so it
    keys what is kept in the cache about all of them."""
    history = getattr(model, "history", None)
    if history is None:
        return None
    latest = history.aggregate(Max("history_id"), Max("history_date"))
    return (latest["history_id__max"], str(latest["history_date__max"]))
