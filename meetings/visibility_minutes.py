"""Who may read a minute: drafts only the clerks, approved Part I everyone, Part II the body."""

from __future__ import annotations

from ics_portal.permissions import can_edit_body, can_see_exempt


def minutes_readable_by(user, meeting) -> bool:
    """Draft minutes are for the body's clerks (and administrators); approved ones are public."""
    return meeting.minutes_approved_at_id is not None or can_edit_body(user, meeting.body)


def minute_visible_to(user, item, meeting) -> bool:
    """The minute text of this item may be shown to this user."""
    if not minutes_readable_by(user, meeting):
        return False
    return not item.is_exempt or can_see_exempt(user, meeting.body)
