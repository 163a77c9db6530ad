"""Look up an item's declarations and minute in the meeting's proceedings."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def declarations_for(proceedings, item) -> list:
    return proceedings.declarations.get(item.pk, []) if proceedings else []


@register.filter
def minute_for(proceedings, item):
    return proceedings.minutes.get(item.pk) if proceedings else None


@register.filter
def approves_for(proceedings, item):
    return proceedings.approves.get(item.pk) if proceedings else None


@register.filter
def approval_refusal_for(proceedings, item) -> str:
    return proceedings.approval_refusals.get(item.pk, "") if proceedings else ""
