"""The agenda pack, the minutes and the committee report as PDFs, made with WeasyPrint from
print templates.

Plain functions: they read the record and return PDF bytes. The packs take seconds, so they
are not rendered in a request: `meetings.tasks.render_packs` calls them in a worker and stores
the result. A committee report (and the decision trail, through `render_document`) is a few
pages, rendered on request and never stored: a stored copy would only go stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ObjectDoesNotExist
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from governance.models import Membership
from meetings.models import AgendaItem, AgendaPack, Attendance, Meeting, Report

LONDON = ZoneInfo("Europe/London")
PUBLIC = AgendaPack.Audience.PUBLIC
MEMBERS = AgendaPack.Audience.MEMBERS

# Tagged PDF for the public-sector accessibility regulations: PDF/UA-1 turns tagging on and
# records the conformance; the language and title come from <html lang> and <title>.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}

# Passes of the agenda pack: the second fills in the page ranges read from the first, and
# the check after it proves that filling them in moved nothing.
MAX_PASSES = 3


@dataclass
class PackEntry:
    """One agenda item as a pack shows it: with its papers, or withheld, or without any."""

    item: AgendaItem
    report: object | None  # the Report, when this pack prints it
    withheld: bool  # a Part II item in the public pack: title and exempt notice only
    minute: object | None = None
    # For a 'minutes of the last meeting' item: that meeting and its minutes, as papers.
    previous_meeting: Meeting | None = None
    previous_minutes: list[PackEntry] | None = None
    first_page: int | None = None
    last_page: int | None = None

    @property
    def has_papers(self) -> bool:
        return self.report is not None or bool(self.previous_minutes)

    @property
    def anchor(self) -> str:
        return f"item-{self.item.position}"

    @property
    def end_anchor(self) -> str:
        return f"item-{self.item.position}-end"

    @property
    def page_range(self) -> str:
        if self.first_page is None:
            return ""
        if self.first_page == self.last_page:
            return str(self.first_page)
        return f"{self.first_page} – {self.last_page}"


def local_start(meeting: Meeting) -> datetime:
    return meeting.start.astimezone(LONDON)


def when(meeting: Meeting) -> str:
    """'Monday 8 February 2021 at 2pm' (or '2:30pm'), in Europe/London."""
    start = local_start(meeting)
    minutes = "" if start.minute == 0 else f":{start:%M}"
    return f"{start:%A %-d %B %Y} at {start:%-I}{minutes}{start:%p}".replace("AM", "am").replace(
        "PM", "pm"
    )


def _one(item: AgendaItem, name: str):
    """The item's report or minute, or None (reverse one-to-ones raise when absent)."""
    try:
        return getattr(item, name)
    except ObjectDoesNotExist:
        return None


def _items(meeting: Meeting):
    return list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("report", "minute", "minutes_of")
        .prefetch_related("report__attachments")
        .order_by("position")
    )


def _members(meeting: Meeting) -> list[Membership]:
    """The body's membership on the day of the meeting: chair and vice-chair first."""
    day = local_start(meeting).date()
    memberships = list(
        Membership.objects.filter(body_id=meeting.body_id, start__lte=day)
        .exclude(end__lt=day)
        .exclude(role=Membership.Role.OFFICER)
        .select_related("person", "representing")
    )
    memberships.sort(key=lambda m: (Membership.ROLE_ORDER[m.role], m.person.name))
    return memberships


def _title(meeting: Meeting, document: str, audience: str) -> str:
    name = "Agenda pack" if document == AgendaPack.Document.AGENDA else "Minutes"
    suffix = "" if audience == PUBLIC else " (members' edition, with Part II)"
    return f"{meeting.body.name}: {name}, {local_start(meeting):%-d %B %Y}{suffix}"


def _render(template: str, context: dict):
    html = render_to_string(template, context)
    # Everything the pack needs is inline; fetch nothing, from the network or from disk.
    no_fetching = URLFetcher(allowed_protocols=frozenset())
    return HTML(string=html, url_fetcher=no_fetching).render(**PDF_OPTIONS)


def render_document(template: str, context: dict) -> bytes:
    """A short document rendered on request: one pass, nothing fetched, tagged PDF/UA-1."""
    return _render(template, context).write_pdf(**PDF_OPTIONS)


def render_report(report: Report) -> bytes:
    """One committee report in the standard shape. The caller checks the Part II rule."""
    item = report.item
    meeting = item.meeting
    return render_document(
        "meetings/pdf/report.html",
        {
            "report": report,
            "item": item,
            "meeting": meeting,
            "body": meeting.body,
            "meeting_when": when(meeting),
            "date": f"{local_start(meeting):%-d %B %Y}",
            "title": f"{meeting.body.name}: {report.title} (item {item.position}, "
            f"{local_start(meeting):%-d %B %Y})",
        },
    )


def _anchor_pages(document) -> dict[str, int]:
    """Where each id lands: anchor name to page number (from 1)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for name in page.anchors:
            pages.setdefault(name, number)
    return pages


def _read_ranges(document, entries: list[PackEntry]) -> dict[int, tuple[int, int]]:
    """Each printed paper's first and last page, keyed by agenda position."""
    pages = _anchor_pages(document)
    return {
        entry.item.position: (pages[entry.anchor], pages[entry.end_anchor])
        for entry in entries
        if entry.has_papers
    }


def render_agenda_pack(
    meeting: Meeting, audience: str
) -> tuple[bytes, int, dict[int, tuple[int, int]]]:
    """The agenda pack for the public or for members: (PDF, page count, item pages).

    Item pages map each agenda position whose papers the pack prints to (first, last) page.
    The agenda prints those ranges in a fixed-width column, so filling them in cannot move
    a line; the pack is rendered, measured, and rendered again with the ranges, then checked.
    """
    meeting = Meeting.objects.select_related("body").get(pk=meeting.pk)
    members_edition = audience == MEMBERS
    entries = []
    for item in _items(meeting):
        withheld = item.is_exempt and not members_edition
        entry = PackEntry(
            item=item, report=None if withheld else _one(item, "report"), withheld=withheld
        )
        previous = item.minutes_of if item.kind == AgendaItem.Kind.MINUTES else None
        # Draft minutes are papers for members; the public sees them once approved.
        if (
            previous is not None
            and not withheld
            and (members_edition or minutes_approved(previous))
        ):
            minutes = _minute_entries(previous, members_edition)
            if any(e.minute for e in minutes):
                entry.previous_meeting, entry.previous_minutes = previous, minutes
        entries.append(entry)
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "when": when(meeting),
        "date": f"{local_start(meeting):%-d %B %Y}",
        "members": _members(meeting),
        "entries": entries,
        "members_edition": members_edition,
        "title": _title(meeting, AgendaPack.Document.AGENDA, audience),
    }
    ranges: dict[int, tuple[int, int]] = {}
    for _ in range(MAX_PASSES):
        for entry in entries:
            entry.first_page, entry.last_page = ranges.get(entry.item.position, (None, None))
        document = _render("meetings/pdf/agenda_pack.html", context)
        measured = _read_ranges(document, entries)
        if measured == ranges:
            break
        ranges = measured
    else:  # pragma: no cover - the fixed-width column makes a third pass enough
        raise RuntimeError("The agenda pack's page ranges did not settle.")
    return document.write_pdf(**PDF_OPTIONS), len(document.pages), ranges


def minutes_approved(meeting: Meeting) -> bool:
    """Approved at a later meeting: the minutes are then the public record (Part I)."""
    return (
        meeting.minutes_approved_at_id is not None
        or meeting.status == Meeting.Status.MINUTES_APPROVED
    )


def has_minutes(meeting: Meeting) -> bool:
    return AgendaItem.objects.filter(meeting=meeting, minute__isnull=False).exists()


def _minute_entries(meeting: Meeting, members_edition: bool) -> list[PackEntry]:
    """Each item of a meeting with its minute; Part II text only in the members' edition."""
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("minute")
        .prefetch_related("declarations__person")
        .order_by("position")
    )
    return [
        PackEntry(
            item=item,
            report=None,
            withheld=item.is_exempt and not members_edition,
            minute=_one(item, "minute"),
        )
        for item in items
    ]


def render_minutes(meeting: Meeting, audience: str) -> tuple[bytes, int]:
    """The minutes for the public or for members: (PDF, page count)."""
    meeting = Meeting.objects.select_related("body", "minutes_approved_at__meeting").get(
        pk=meeting.pk
    )
    members_edition = audience == MEMBERS
    entries = _minute_entries(meeting, members_edition)
    attendance = list(
        Attendance.objects.filter(meeting=meeting).select_related("person", "substitute")
    )
    # Attendance at the head, in the order of the membership: the chair first.
    seats: dict[int, tuple[int, Membership]] = {}
    for index, membership in enumerate(_members(meeting)):
        seats.setdefault(membership.person_id, (index, membership))
    attendance.sort(
        key=lambda row: (seats[row.person_id][0] if row.person_id in seats else len(seats),
                         row.person.name)
    )  # fmt: skip
    by_status: dict[str, list[Attendance]] = {}
    for row in attendance:
        by_status.setdefault(row.status, []).append(row)
    chairs = {
        person_id: membership.get_role_display()
        for person_id, (_, membership) in seats.items()
        if membership.role in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR)
    }
    present = [
        (row, chairs.get(row.person_id, ""))
        for row in by_status.get(Attendance.Status.PRESENT, [])
    ]
    approved_at = meeting.minutes_approved_at
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "when": when(meeting),
        "date": f"{local_start(meeting):%-d %B %Y}",
        "entries": entries,
        "members_edition": members_edition,
        "present": present,
        "substituted": by_status.get(Attendance.Status.SUBSTITUTED, []),
        "apologies": by_status.get(Attendance.Status.APOLOGIES, []),
        "absent": by_status.get(Attendance.Status.ABSENT, []),
        "officers": by_status.get(Attendance.Status.OFFICER, []),
        "approved_at": approved_at,
        "approved_date": (
            f"{local_start(approved_at.meeting):%-d %B %Y}" if approved_at is not None else ""
        ),
        "title": _title(meeting, AgendaPack.Document.MINUTES, audience),
    }
    document = _render("meetings/pdf/minutes.html", context)
    return document.write_pdf(**PDF_OPTIONS), len(document.pages)
