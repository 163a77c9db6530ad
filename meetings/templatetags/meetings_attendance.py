"""`{% body_attendance body %}`: the members' attendance chart of a body for one year (the
`attendance_year` in the query string, else the latest with any), for the body's page."""

from __future__ import annotations

from django import template

from meetings.selectors.attendance_chart import body_attendance as attendance_for

register = template.Library()


@register.inclusion_tag("includes/charts/attendance.html", takes_context=True)
def body_attendance(context, body) -> dict:
    request = context["request"]
    raw = request.GET.get("attendance_year", "")
    year = int(raw) if raw.isdigit() and 1900 < int(raw) < 3000 else None
    return {"chart": attendance_for(body, year, request.user), "body": body}
