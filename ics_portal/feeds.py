"""Calendars and feeds (issue 6 item 2): iCalendar of meetings, Atom of new decisions.

Feeds are public: they are always built for the anonymous public, whoever fetches them, so a
calendar or feed reader never caches anything a signed-in user alone may see. What the public
may see is decided in `meetings.access`, as everywhere else.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.views.decorators.http import conditional_page, require_GET
from icalendar import Calendar, Event

from decisions.access import withheld_fields
from decisions.models import DecisionNotice, DelegatedDecision, ForwardPlanEntry, Resolution
from decisions.selectors.delegated import delegated_decisions
from decisions.selectors.executive import decision_notices, forward_plan_entries
from governance.models import Body
from ics_portal.common.changes import history_stamp
from ics_portal.common.responses import conditional_response
from meetings.access import can_see_item_content, meeting_visible_q, meetings_visible_to
from meetings.models import Meeting

LONDON = ZoneInfo("Europe/London")
# Meetings have no end time; calendars show them as two hours long.
DEFAULT_LENGTH = timedelta(hours=2)
FEED_SIZE = 50
# Without ?year=, a calendar holds the meetings of the last year and all to come.
WINDOW_DAYS = 366
YEAR = re.compile(r"[0-9]{4}")
# A kept calendar is only ever replaced by a new key; this only lets unused ones go.
CALENDAR_SECONDS = 24 * 3600
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


def calendar_window(meetings: QuerySet[Meeting], year: int | None) -> QuerySet[Meeting]:
    """One calendar year's meetings, or (without a year) the last WINDOW_DAYS and all to come:
    a calendar app re-reads the file often, and years of past meetings only weigh it down."""
    if year is None:
        return meetings.filter(start__gte=timezone.now() - timedelta(days=WINDOW_DAYS))
    first = datetime(year, 1, 1, tzinfo=LONDON)
    return meetings.filter(start__gte=first, start__lt=first.replace(year=year + 1))


def requested_year(request: HttpRequest) -> int | None:
    """`?year=YYYY`, or None for the window; anything else is a 404 (no such calendar)."""
    raw = request.GET.get("year")
    if raw is None:
        return None
    if not YEAR.fullmatch(raw):
        raise Http404("Give a year such as ?year=2024.")
    return int(raw)


def meeting_event(request: HttpRequest, meeting: Meeting, stamp: datetime) -> Event:
    start = timezone.localtime(meeting.start, LONDON)
    cancelled = meeting.status == Meeting.Status.CANCELLED
    # DTSTAMP: when the event last changed (RFC 5545 for a published calendar), so an
    # unchanged calendar is the same file, byte for byte, and a client's ETag still matches.
    stamp = getattr(meeting, "last_modified", None) or meeting.agenda_published_at or stamp
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


def meetings_calendar(
    request: HttpRequest, meetings: QuerySet[Meeting], name: str
) -> tuple[bytes, datetime | None]:
    """An iCalendar file of the meetings, in Europe/London time with its VTIMEZONE, and when
    the latest of them last changed."""
    stamp = timezone.now()
    # A fixed UID for the calendar itself (icalendar would make a new one on every fetch).
    calendar_uid = f"calendar-{hashlib.sha256(name.encode()).hexdigest()[:16]}@ics-portal"
    calendar = Calendar.new(prodid="-//ICS Portal//Meetings//EN", name=name, uid=calendar_uid)
    changed = []
    for meeting in meetings:
        event = meeting_event(request, meeting, stamp)
        changed.append(event.DTSTAMP)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical(), max(changed, default=None)


def calendar_response(
    request: HttpRequest, content: bytes, last_modified: datetime | None, filename: str
) -> HttpResponse:
    """The calendar with an ETag (its digest) and Last-Modified; 304 if the client has it."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return conditional_response(
        request,
        response,
        etag=hashlib.sha256(content).hexdigest(),
        last_modified=last_modified,
    )


def kept_calendar(
    request: HttpRequest, body: Body | None, year: int | None, name: str
) -> tuple[bytes, datetime | None]:
    """`meetings_calendar` of the public meetings (of one body, or all), kept in the cache
    until a meeting or a body changes (each change writes a history row, and so a new key):
    a year of every body's meetings is thousands of events, seconds to build, and calendar
    apps fetch the file again and again. The window without a year is kept for the day."""
    parts = (
        request.build_absolute_uri("/"),
        body.pk if body else None,
        year or timezone.localdate(),
        history_stamp(Meeting),
        history_stamp(Body),
    )
    key = "calendar:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    kept = cache.get(key)
    if kept is None:
        meetings = calendar_window(public_meetings(body), year)
        kept = meetings_calendar(request, meetings, name)
        cache.set(key, kept, CALENDAR_SECONDS)
    return kept


@require_GET
def meetings_ics(request: HttpRequest) -> HttpResponse:
    year = requested_year(request)
    content, changed = kept_calendar(request, None, year, "ICS Portal meetings")
    filename = "meetings.ics" if year is None else f"meetings-{year}.ics"
    return calendar_response(request, content, changed, filename)


@require_GET
def body_meetings_ics(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    year = requested_year(request)
    content, changed = kept_calendar(request, body, year, f"{body.name} meetings")
    filename = f"{body.slug}-meetings.ics" if year is None else f"{body.slug}-meetings-{year}.ics"
    return calendar_response(request, content, changed, filename)


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


def delegated_decision_summary(decision: DelegatedDecision) -> SafeString:
    """The decision and its reasons, or only the exempt notice when the public may not see
    them (`decisions.access`)."""
    if "decision" in withheld_fields(PUBLIC, decision):
        return format_html("<p>{}</p>", decision.exempt_notice)
    return format_html(
        "<p>{}</p>\n<p>Reasons: {}</p>\n<p>Taken by {} under the {}.</p>",
        decision.decision,
        decision.reasons,
        decision.decided_by,
        decision.delegation.lower_name,
    )


class DelegatedDecisionsFeed(Feed):
    """New officer and delegated decisions of every organisation."""

    feed_type = Atom1Feed
    title = "ICS Portal: officer and delegated decisions"
    subtitle = "The newest decisions taken under the organisations' schemes of delegation."

    def link(self) -> str:
        return reverse("decisions:delegated_decision_list")

    def items(self) -> list[DelegatedDecision]:
        return list(delegated_decisions()[:FEED_SIZE])

    def item_title(self, item: DelegatedDecision) -> str:
        return f"{item.organisation.short_name}: {item.title}"

    def item_description(self, item: DelegatedDecision) -> str:
        return delegated_decision_summary(item)

    def item_link(self, item: DelegatedDecision) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: DelegatedDecision) -> datetime:
        return item.created

    def item_updateddate(self, item: DelegatedDecision) -> datetime:
        return item.modified


def forward_plan_summary(entry: ForwardPlanEntry) -> SafeString:
    """Who decides, when, and whether in private (all of an entry is public)."""
    private = (
        f"To be taken in private: paragraph {entry.exempt_paragraph} of Schedule 12A."
        if entry.in_private
        else "To be taken in public."
    )
    return format_html(
        "<p>{} decides{}, expected {}.</p>\n<p>{}</p>\n<p>Lead officer: {}</p>",
        entry.decision_maker,
        " a key decision" if entry.is_key_decision else "",
        entry.expected,
        private,
        entry.lead_officer,
    )


class ForwardPlanFeed(Feed):
    """New entries of the organisations' forward plans."""

    feed_type = Atom1Feed
    title = "ICS Portal: forward plan of key decisions"
    subtitle = "Decisions the organisations' executives mean to take, newest notice first."

    def link(self) -> str:
        return reverse("decisions:forward_plan")

    def items(self) -> list[ForwardPlanEntry]:
        return list(forward_plan_entries().order_by("-first_published", "-pk")[:FEED_SIZE])

    def item_title(self, item: ForwardPlanEntry) -> str:
        return f"{item.organisation.short_name}: {item.title}"

    def item_description(self, item: ForwardPlanEntry) -> str:
        return forward_plan_summary(item)

    def item_link(self, item: ForwardPlanEntry) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: ForwardPlanEntry) -> datetime:
        return item.created

    def item_updateddate(self, item: ForwardPlanEntry) -> datetime:
        return item.modified


def decision_notice_summary(notice: DecisionNotice) -> SafeString:
    """The decision, its reasons and its call-in clock; only the grounds for withholding when
    the public may not see the text (`decisions.access`)."""
    if notice.urgent:
        clock = format_html("Urgent, exempt from call-in: {}", notice.urgency_reason)
    else:
        deadline = notice.call_in_deadline
        clock = format_html("Call-in deadline: {}. {}.", f"{deadline:%-d %B %Y}", notice.state())
    if "decision" in withheld_fields(PUBLIC, notice):
        return format_html("<p>{}</p>\n<p>{}</p>", notice.withheld_notice, clock)
    return format_html(
        "<p>{}</p>\n<p>Reasons: {}</p>\n<p>{}</p>", notice.decision, notice.reasons, clock
    )


class DecisionNoticesFeed(Feed):
    """New decision notices of every organisation."""

    feed_type = Atom1Feed
    title = "ICS Portal: decision notices"
    subtitle = "The newest executive decisions of the organisations, open to call-in."

    def link(self) -> str:
        return reverse("decisions:notice_list")

    def items(self) -> list[DecisionNotice]:
        return list(decision_notices()[:FEED_SIZE])

    def item_title(self, item: DecisionNotice) -> str:
        return f"{item.organisation.short_name}: {item.title}"

    def item_description(self, item: DecisionNotice) -> str:
        return decision_notice_summary(item)

    def item_link(self, item: DecisionNotice) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: DecisionNotice) -> datetime:
        return item.created

    def item_updateddate(self, item: DecisionNotice) -> datetime:
        return item.modified


# An ETag from the feed's digest and 304 to a reader that already has it (the feed is the same
# bytes while no decision changes: its dates are the decisions' own).
decisions_feed = require_GET(conditional_page(DecisionsFeed()))
body_decisions_feed = require_GET(conditional_page(BodyDecisionsFeed()))
delegated_decisions_feed = require_GET(conditional_page(DelegatedDecisionsFeed()))
forward_plan_feed = require_GET(conditional_page(ForwardPlanFeed()))
decision_notices_feed = require_GET(conditional_page(DecisionNoticesFeed()))
