"""Template context shared by every page."""

from __future__ import annotations

from django.urls import reverse

from governance.access import is_staff_side

PUBLIC_NAV = [
    ("Home", "home"),
    ("Partnerships", "governance:partnership_list"),
    ("Organisations", "governance:organisation_list"),
    ("Bodies", "governance:body_list"),
    ("Meetings", "meetings:list"),
    ("Decisions", "decisions:list"),
    ("People", "governance:person_list"),
    ("Agreements", "governance:agreement_list"),
    ("Search", "search"),
]


def navigation(request) -> dict:
    path = request.path
    items = []
    for label, name in PUBLIC_NAV:
        href = reverse(name)
        current = path == href if href == "/" else path.startswith(href)
        items.append({"label": label, "href": href, "current": current})
    return {"nav_items": items, "is_staff_side": is_staff_side(request.user)}
