"""The agenda pack, the minutes and the committee report as PDFs, made with WeasyPrint from
print templates.

Plain functions: they read the record and return PDF bytes. The packs take seconds, so they
are not rendered in a request: `meetings.tasks.render_packs` calls them in a worker and stores
the result. A committee report (and the decision trail) is a few pages, rendered on request
and kept in the cache by the digest of its HTML (`kept_pdf`): any change to what it shows
changes the HTML, and so the key, so a kept copy never goes stale.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.errors import PdfReadError
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from governance.glossary import Acronyms
from governance.models import Membership, ProgressReport
from meetings.exclusion import exclusion_for
from meetings.models import (
    AgendaItem,
    AgendaPack,
    Attachment,
    Attendance,
    Meeting,
    Report,
    Supplement,
)
from meetings.quorum import meeting_quorum

LONDON = ZoneInfo("Europe/London")
PUBLIC = AgendaPack.Audience.PUBLIC
MEMBERS = AgendaPack.Audience.MEMBERS

# Tagged PDF for the public-sector accessibility regulations: PDF/UA-1 turns tagging on and
# records the conformance; the language and title come from <html lang> and <title>.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}

# Added to a paper's own page counter on its first page, so that a paper ending on the page
# it starts on prints one page number (see meetings/pdf/_page_ranges.css). Far above any
# page number a pack reaches.
FIRST_PAGE_OFFSET = 100_000

# Where a bound appendix page goes on its pack page: inside the page margins of _print.css
# (A4, 22mm top, 20mm sides and bottom), below the line that names the appendix.
MM = 72 / 25.4
APPENDIX_BOX = (20 * MM, 20 * MM, (210 - 20) * MM, (297 - 22 - 12) * MM)  # x0, y0, x1, y1

# How long an unchanged document's PDF is kept (a changed one is never served: its key differs).
KEEP_SECONDS = 7 * 24 * 3600


@dataclass
class Appendix:
    """An attachment as a pack shows it: bound in (a PDF), listed with its link, or withheld."""

    attachment: Attachment
    pdf: PdfReader | None = None  # set when its pages are bound into the pack
    withheld: bool = False  # an exempt appendix in the public edition

    @property
    def page_count(self) -> int:
        return len(self.pdf.pages) if self.pdf is not None else 0

    @property
    def page_anchors(self) -> list[str]:
        return [f"appendix-{self.attachment.pk}-{n}" for n in range(1, self.page_count + 1)]

    @property
    def path(self) -> str:
        """Where it can be downloaded, as a path on the portal."""
        return reverse(
            "meetings:attachment_download",
            args=[self.attachment.report.item.meeting_id, self.attachment.pk],
        )


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
    appendices: list[Appendix] = field(default_factory=list)
    # Progress against objectives attached to the item, printed with its papers.
    progress: list[ProgressReport] = field(default_factory=list)

    @property
    def bound_appendices(self) -> list[Appendix]:
        return [appendix for appendix in self.appendices if appendix.pdf is not None]

    @property
    def has_papers(self) -> bool:
        return self.report is not None or bool(self.progress) or bool(self.previous_minutes)

    @property
    def anchor(self) -> str:
        return f"item-{self.item.position}"

    @property
    def end_anchor(self) -> str:
        return f"item-{self.item.position}-end"

    @property
    def page_name(self) -> str:
        """The CSS named page of its papers: each paper is a page group of its own."""
        return f"paper-{self.item.position}"

    @property
    def counter(self) -> str:
        """The page-based counter that gives the last page of its papers."""
        return f"last-page-{self.item.position}"


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


def _items(meeting: Meeting, supplement: Supplement | None = None):
    """The items of the agenda as first published, or of one supplementary agenda."""
    return list(
        AgendaItem.objects.filter(meeting=meeting, supplement=supplement)
        .select_related("report", "minute", "minutes_of")
        .prefetch_related(
            "report__attachments",
            Prefetch(
                "progress_reports",
                queryset=ProgressReport.objects.select_related("objective").order_by(
                    "objective__reference", "period_start"
                ),
            ),
        )
        .order_by("position")
    )


def _read_pdf(attachment: Attachment) -> PdfReader | None:
    """The attachment's pages, or None when it is not a readable PDF (then it is listed)."""
    if attachment.mime_type != "application/pdf":
        return None
    try:
        with attachment.file.open("rb") as handle:
            reader = PdfReader(BytesIO(handle.read()))
        if reader.is_encrypted or not reader.pages:
            return None
        return reader
    except (OSError, PdfReadError, ValueError):
        return None


def _appendices(report: Report, members_edition: bool) -> list[Appendix]:
    """A report's attachments in the pack: PDFs bound in after it; an exempt appendix only in
    the members' edition; a withdrawn one listed with why."""
    appendices = []
    for attachment in report.attachments.all():
        if attachment.is_exempt and not members_edition:
            appendices.append(Appendix(attachment=attachment, withheld=True))
        elif attachment.is_withdrawn:
            appendices.append(Appendix(attachment=attachment))
        else:
            appendices.append(Appendix(attachment=attachment, pdf=_read_pdf(attachment)))
    return appendices


def _bind_appendices(pdf: bytes, document, entries: list[PackEntry]) -> bytes:
    """Lay each appendix page onto the blank pack page kept for it, scaled to fit inside the
    margins: the pack's header and "Page N of M" stay on it, and the page ranges, worked out
    from the blank pages, already count it."""
    bound = [appendix for entry in entries for appendix in entry.bound_appendices]
    if not bound:
        return pdf
    pages = _anchor_pages(document)
    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf)))
    x0, y0, x1, y1 = APPENDIX_BOX
    for appendix in bound:
        for anchor, source in zip(appendix.page_anchors, appendix.pdf.pages, strict=True):
            box = source.mediabox
            width, height = float(box.width), float(box.height)
            scale = min((x1 - x0) / width, (y1 - y0) / height, 1)
            left = x0 + ((x1 - x0) - width * scale) / 2
            placed = (
                Transformation()
                .translate(-float(box.left), -float(box.bottom))
                .scale(scale)
                .translate(left, y1 - height * scale)
            )
            writer.pages[pages[anchor] - 1].merge_transformed_page(source, placed)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _members(meeting: Meeting, body_id: int | None = None) -> list[Membership]:
    """The body's membership on the day of the meeting (by default the lead body's): chair and
    vice-chair first."""
    day = local_start(meeting).date()
    memberships = list(
        Membership.objects.filter(body_id=body_id or meeting.body_id, start__lte=day)
        .exclude(end__lt=day)
        .exclude(role=Membership.Role.OFFICER)
        .select_related("person", "representing")
    )
    memberships.sort(key=lambda m: (Membership.ROLE_ORDER[m.role], m.person.name))
    return memberships


def _title(meeting: Meeting, document: str, audience: str, supplement=None) -> str:
    name = "Agenda pack" if document == AgendaPack.Document.AGENDA else "Minutes"
    if supplement is not None:
        name = str(supplement)
    suffix = "" if audience == PUBLIC else " (members' edition, with Part II)"
    return f"{meeting.body.name}: {name}, {local_start(meeting):%-d %B %Y}{suffix}"


def _layout(html: str):
    # Everything the pack needs is inline; fetch nothing, from the network or from disk.
    no_fetching = URLFetcher(allowed_protocols=frozenset())
    return HTML(string=html, url_fetcher=no_fetching).render(**PDF_OPTIONS)


def _render(template: str, context: dict):
    return _layout(render_to_string(template, context))


def html_to_pdf(html: str) -> bytes:
    """A short document rendered on request: one pass, nothing fetched, tagged PDF/UA-1."""
    no_fetching = URLFetcher(allowed_protocols=frozenset())
    document = HTML(string=html, url_fetcher=no_fetching).render(**PDF_OPTIONS)
    return document.write_pdf(**PDF_OPTIONS)


@dataclass(frozen=True)
class KeptPdf:
    content: bytes
    # The digest of the HTML: the same for every download of an unchanged document (an ETag).
    digest: str


def kept_pdf(html: str) -> KeptPdf:
    """The PDF of the HTML, made once and then kept by the HTML's digest."""
    digest = hashlib.sha256(html.encode()).hexdigest()
    key = f"pdf:{digest}"
    content = cache.get(key)
    if content is None:
        content = html_to_pdf(html)
        cache.set(key, content, KEEP_SECONDS)
    return KeptPdf(content, digest)


def report_html(report: Report) -> str:
    """One committee report in the standard shape, as print HTML. The caller checks the
    Part II rule."""
    item = report.item
    meeting = item.meeting
    return render_to_string(
        "meetings/pdf/report.html",
        {
            "report": report,
            "item": item,
            "meeting": meeting,
            "body": meeting.body,
            "meeting_when": when(meeting),
            "date": f"{local_start(meeting):%-d %B %Y}",
            "acronyms": Acronyms.load(printed=True),
            "title": f"{meeting.body.name}: {report.title} (item {item.position}, "
            f"{local_start(meeting):%-d %B %Y})",
        },
    )


def render_report(report: Report) -> bytes:
    """One committee report as a PDF. The caller checks the Part II rule."""
    return html_to_pdf(report_html(report))


def _anchor_pages(document) -> dict[str, int]:
    """Where each id lands: anchor name to page number (from 1)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for name in page.anchors:
            pages.setdefault(name, number)
    return pages


def _read_ranges(
    document, entries: list[PackEntry], first_page: int = 1
) -> dict[int, tuple[int, int]]:
    """Each printed paper's first and last page, keyed by agenda position, numbered from the
    document's first page number."""
    pages = _anchor_pages(document)
    shift = first_page - 1
    return {
        entry.item.position: (pages[entry.anchor] + shift, pages[entry.end_anchor] + shift)
        for entry in entries
        if entry.has_papers
    }


def agenda_pack_html(
    meeting: Meeting, audience: str, supplement: Supplement | None = None, first_page: int = 1
) -> tuple[str, list[PackEntry]]:
    """The agenda pack's print HTML for the public or for members, and its entries; with a
    supplement, that supplementary agenda's, its pages numbered from `first_page`."""
    meeting = Meeting.objects.select_related("body").get(pk=meeting.pk)
    members_edition = audience == MEMBERS
    entries = []
    for item in _items(meeting, supplement):
        withheld = item.is_exempt and not members_edition
        entry = PackEntry(
            item=item, report=None if withheld else _one(item, "report"), withheld=withheld
        )
        if entry.report is not None:
            entry.appendices = _appendices(entry.report, members_edition)
        if not withheld:
            entry.progress = list(item.progress_reports.all())
        previous = item.minutes_of if item.kind == AgendaItem.Kind.MINUTES else None
        # Draft minutes are papers for members; the public sees them once approved.
        if (
            previous is not None
            and not withheld
            and (members_edition or previous.minutes_approved)
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
        "papers": [entry for entry in entries if entry.has_papers],
        "first_page_offset": FIRST_PAGE_OFFSET,
        "exclusion": exclusion_for(entry.item for entry in entries),
        "members_edition": members_edition,
        "title": _title(meeting, AgendaPack.Document.AGENDA, audience, supplement),
        "supplement": supplement,
        "first_page": first_page,
        "counter_start": 1 - first_page,
        "acronyms": Acronyms.load(printed=True),
    }
    return render_to_string("meetings/pdf/agenda_pack.html", context), entries


def render_agenda_pack(
    meeting: Meeting,
    audience: str,
    supplement: Supplement | None = None,
    first_page: int = 1,
) -> tuple[bytes, int, dict[int, tuple[int, int]]]:
    """The agenda pack for the public or for members: (PDF, page count, item pages).

    Item pages map each agenda position whose papers the pack prints to (first, last) page.
    One layout: the agenda prints the ranges with CSS target-counter(), and the item pages
    are read from where that same layout put each paper's first and end anchors.

    With a supplement: that supplementary agenda's pack, with its own cover, its pages
    numbered from `first_page` (the page after the packs it follows on from).
    """
    html, entries = agenda_pack_html(meeting, audience, supplement, first_page)
    document = _layout(html)
    ranges = _read_ranges(document, entries, first_page)
    pdf = _bind_appendices(document.write_pdf(**PDF_OPTIONS), document, entries)
    if first_page != 1:
        pdf = _label_pages(pdf, first_page)
    return pdf, len(document.pages), ranges


def _label_pages(pdf: bytes, first_page: int) -> bytes:
    """Page labels from `first_page`, so a PDF reader's page box shows the printed numbers."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf)))
    writer.set_page_label(0, len(writer.pages) - 1, style="/D", start=first_page)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def has_minutes(meeting: Meeting) -> bool:
    return AgendaItem.objects.filter(meeting=meeting, minute__isnull=False).exists()


def _minute_entries(meeting: Meeting, members_edition: bool) -> list[PackEntry]:
    """Each item of a meeting with its minute; Part II text only in the members' edition."""
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        # Late items never published on a supplementary agenda were not business.
        .exclude(supplement__published_at__isnull=True, supplement__isnull=False)
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


@dataclass
class PrintedSitting:
    """One body's attendance and quorum, as the minutes of a meeting held in common print it."""

    body: object
    present: list[Attendance]
    substituted: list[Attendance]
    apologies: list[Attendance]
    quorum: object


def _sittings(meeting: Meeting, attendance: list[Attendance]) -> list[PrintedSitting]:
    """Body by body, at a meeting held in common (else empty)."""
    bodies = meeting.sitting_bodies
    if len(bodies) < 2:
        return []
    sittings = []
    for body in bodies:
        seats = _members(meeting, body.pk)
        mine = {m.person_id for m in seats}
        rows = [row for row in attendance if row.person_id in mine]
        sittings.append(
            PrintedSitting(
                body=body,
                present=[r for r in rows if r.status == Attendance.Status.PRESENT],
                substituted=[r for r in rows if r.status == Attendance.Status.SUBSTITUTED],
                apologies=[r for r in rows if r.status == Attendance.Status.APOLOGIES],
                quorum=meeting_quorum(
                    meeting, attendance=attendance, memberships=seats, body=body
                ),
            )
        )
    return sittings


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
    sittings = _sittings(meeting, attendance)
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
        "sittings": sittings,
        "in_common": bool(sittings),
        "approved_at": approved_at,
        "approved_date": (
            f"{local_start(approved_at.meeting):%-d %B %Y}" if approved_at is not None else ""
        ),
        "title": _title(meeting, AgendaPack.Document.MINUTES, audience),
    }
    document = _render("meetings/pdf/minutes.html", context)
    return document.write_pdf(**PDF_OPTIONS), len(document.pages)
