"""Look up an item's resolutions in a meeting's resolutions (see `meeting_resolutions`)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def resolutions_for(meeting_resolutions, item) -> list:
    return meeting_resolutions.for_item(item) if meeting_resolutions else []
