"""Calendars and feeds (issue 6 item 2): iCalendar of meetings, Atom of new decisions.

Feeds are public: they are always built for the anonymous public, whoever fetches them, so a
calendar or feed reader never caches anything a signed-in user alone may see. What the public
may see is decided in `meetings.access`, as everywhere else.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from decisions.models import Resolution
from governance.models import Body
from meetings.access import can_see_item_content, meeting_visible_q, meetings_visible_to
from meetings.models import Meeting

LONDON = ZoneInfo("Europe/London")
# Meetings have no end time; calendars show them as two hours long.
DEFAULT_LENGTH = timedelta(hours=2)
FEED_SIZE = 50
PUBLIC = AnonymousUser()


# iCalendar ---------------------------------------------------------------------------------


def meeting_uid(meeting: Meeting) -> str:
    """The same UID on every fetch, so calendars update an event rather than duplicate it."""
    return f"meeting-{meeting.pk}@ics-portal"


def public_meetings(body: Body | None = None) -> QuerySet[Meeting]:
    """The meetings the public may see, with their body and the time of their last change."""
    meetings = Meeting.objects.all() if body is None else Meeting.objects.filter(body=body)
    last_change = (
        Meeting.history.filter(id=OuterRef("pk")).order_by("-history_date").values("history_date")
    )
    return (
        meetings_visible_to(PUBLIC, meetings)
        .select_related("body")
        .annotate(last_modified=Subquery(last_change[:1]))
        .order_by("start", "pk")
    )


def meeting_event(request: HttpRequest, meeting: Meeting, stamp: datetime) -> Event:
    start = timezone.localtime(meeting.start, LONDON)
    cancelled = meeting.status == Meeting.Status.CANCELLED
    event = Event.new(
        uid=meeting_uid(meeting),
        summary=meeting.body.name,
        start=start,
        end=start + DEFAULT_LENGTH,
        location=meeting.venue or meeting.online_url or None,
        url=request.build_absolute_uri(meeting.get_absolute_url()),
        status="CANCELLED" if cancelled else "CONFIRMED",
        stamp=stamp,
        last_modified=getattr(meeting, "last_modified", None) or meeting.agenda_published_at,
    )
    if meeting.venue and meeting.online_url:
        event.description = f"Online: {meeting.online_url}"
    return event


def meetings_calendar(request: HttpRequest, meetings: QuerySet[Meeting], name: str) -> bytes:
    """An iCalendar file of the meetings, in Europe/London time with its VTIMEZONE."""
    stamp = timezone.now()
    calendar = Calendar.new(prodid="-//ICS Portal//Meetings//EN", name=name)
    for meeting in meetings:
        calendar.add_component(meeting_event(request, meeting, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def meetings_ics(request: HttpRequest) -> HttpResponse:
    content = meetings_calendar(request, public_meetings(), "ICS Portal meetings")
    return calendar_response(content, "meetings.ics")


@require_GET
def body_meetings_ics(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    content = meetings_calendar(request, public_meetings(body), f"{body.name} meetings")
    return calendar_response(content, f"{body.slug}-meetings.ics")


# Atom ----------------------------------------------------------------------------------------


def public_resolutions(body: Body | None = None) -> list[Resolution]:
    """The newest resolutions whose meeting the public may see, loaded in one query."""
    resolutions = Resolution.objects.filter(meeting_visible_q(PUBLIC, prefix="meeting__"))
    if body is not None:
        resolutions = resolutions.filter(body=body)
    return list(
        resolutions.select_related("body", "meeting", "item__meeting__body").order_by(
            "-meeting__start", "-year", "-number"
        )[:FEED_SIZE]
    )


def resolution_summary(resolution: Resolution) -> SafeString:
    """The numbered parts, or only the exempt notice on a Part II item."""
    if not can_see_item_content(PUBLIC, resolution.item):
        return format_html("<p>{}</p>", resolution.item.exempt_notice)
    paragraphs = ([resolution.preamble] if resolution.preamble else []) + resolution.part_list
    return format_html_join("\n", "<p>{}</p>", ((text,) for text in paragraphs))


class DecisionsFeed(Feed):
    """New decisions of every body, for feed readers."""

    feed_type = Atom1Feed
    title = "ICS Portal: new decisions"
    subtitle = "The newest resolutions of every body."

    def link(self) -> str:
        return reverse("decisions:list")

    def items(self) -> list[Resolution]:
        return public_resolutions()

    def item_title(self, item: Resolution) -> str:
        return f"{item.body.short_name} {item.reference}: {item.item.title}"

    def item_description(self, item: Resolution) -> str:
        return resolution_summary(item)

    def item_link(self, item: Resolution) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Resolution) -> datetime:
        return item.meeting.start

    def item_updateddate(self, item: Resolution) -> datetime:
        return item.modified


class BodyDecisionsFeed(DecisionsFeed):
    """New decisions of one body."""

    def get_object(self, request: HttpRequest, slug: str) -> Body:
        return get_object_or_404(Body, slug=slug)

    def title(self, obj: Body) -> str:
        return f"{obj.name}: new decisions"

    def subtitle(self, obj: Body) -> str:
        return f"The newest resolutions of {obj.name}."

    def link(self, obj: Body) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Body) -> list[Resolution]:
        return public_resolutions(obj)


decisions_feed = require_GET(DecisionsFeed())
body_decisions_feed = require_GET(BodyDecisionsFeed())
