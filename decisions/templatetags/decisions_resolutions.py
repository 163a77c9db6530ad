"""A meeting's resolutions for the meeting page, and an item's among them."""

from __future__ import annotations

from django import template

from decisions.selectors.resolutions import (
    MeetingResolutions,
    meeting_resolutions,
    printed_resolutions,
)

register = template.Library()


@register.simple_tag(takes_context=True, name="meeting_resolutions")
def meeting_resolutions_tag(context, meeting) -> MeetingResolutions:
    """`{% meeting_resolutions meeting as meeting_resolutions %}`: every resolution of the
    meeting as the viewer may see it (the page has already checked they may see the meeting)."""
    return meeting_resolutions(context["request"].user, meeting)


@register.simple_tag(name="printed_resolutions")
def printed_resolutions_tag(meeting, members_edition) -> MeetingResolutions:
    """`{% printed_resolutions meeting members_edition as resolutions %}`: the resolutions as an
    edition of the minutes prints them (the PDFs have no request, only an edition)."""
    return printed_resolutions(meeting, members_edition=bool(members_edition))


@register.filter
def resolutions_for(meeting_resolutions, item) -> list:
    return meeting_resolutions.for_item(item) if meeting_resolutions else []
