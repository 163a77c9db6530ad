"""A meeting's resolutions for the meeting page, and an item's among them."""

from __future__ import annotations

from django import template

from decisions.selectors.resolutions import MeetingResolutions, meeting_resolutions

register = template.Library()


@register.simple_tag(takes_context=True, name="meeting_resolutions")
def meeting_resolutions_tag(context, meeting) -> MeetingResolutions:
    """`{% meeting_resolutions meeting as meeting_resolutions %}`: every resolution of the
    meeting as the viewer may see it (the page has already checked they may see the meeting)."""
    return meeting_resolutions(context["request"].user, meeting)


@register.filter
def resolutions_for(meeting_resolutions, item) -> list:
    return meeting_resolutions.for_item(item) if meeting_resolutions else []
