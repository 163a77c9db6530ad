"""`{% body_attendance_statistics body %}` and `{% person_attendance_statistics person %}`:
attendance per member and year, for the body and person pages."""

from __future__ import annotations

from django import template

from meetings.selectors.attendance import body_attendance, person_attendance

register = template.Library()


@register.inclusion_tag("meetings/proceedings/_body_attendance.html", takes_context=True)
def body_attendance_statistics(context, body) -> dict:
    return {"body": body, "years": body_attendance(context["request"].user, body)}


@register.inclusion_tag("meetings/proceedings/_person_attendance.html", takes_context=True)
def person_attendance_statistics(context, person) -> dict:
    return {"person": person, "tallies": person_attendance(context["request"].user, person)}
