"""`{% body_meetings body %}`: the last and next meetings of a body, for its page."""

from __future__ import annotations

from django import template
from django.db.models import Q
from django.utils import timezone

from governance.access import can_edit_body
from meetings.models import Meeting

register = template.Library()


@register.inclusion_tag("meetings/agenda/_body_meetings.html", takes_context=True)
def body_meetings(context, body) -> dict:
    """The body's last meeting and next meeting (drafts only for its clerks): two queries."""
    user = context["request"].user
    can_edit = can_edit_body(user, body)
    meetings = Meeting.objects.filter(body=body).select_related("body")
    if not can_edit:
        meetings = meetings.filter(~Q(agenda_published_at=None))
    now = timezone.now()
    return {
        "body": body,
        "can_edit": can_edit,
        "last": meetings.filter(start__lt=now).order_by("-start").first(),
        "next": meetings.filter(start__gte=now).order_by("start").first(),
    }
