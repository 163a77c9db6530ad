"""`{% body_meetings body %}`: the last and next meetings of a body, for its page;
`{{ meeting|status_tag }}`: a meeting's status as a GOV.UK tag."""

from __future__ import annotations

from django import template
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html

from governance.access import can_edit_body
from meetings.models import Meeting

register = template.Library()

# Status: (tag colour, words); any other status is purple with its display name.
TAGS = {
    Meeting.Status.CANCELLED: ("red", "Cancelled"),
    Meeting.Status.SCHEDULED: ("grey", "Agenda not yet published"),
    Meeting.Status.AGENDA_PUBLISHED: ("blue", "Agenda published"),
    Meeting.Status.MINUTES_APPROVED: ("green", "Minutes approved"),
}


@register.filter
def status_tag(meeting: Meeting) -> str:
    colour, words = TAGS.get(meeting.status, ("purple", meeting.get_status_display()))
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, words)


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
