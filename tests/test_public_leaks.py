"""Crawl everything the public and people without a say in the committee can reach from the
demo data — pages, history, PDFs, feeds, iCalendar, search, the API — and find no Part II text
and no draft anywhere; the same URLs, read by a member of the committee, do show the Part II
text, so the crawl can fail.

A distinct marker string is planted in every text field of every record of the Part II item
of the February 2021 meeting, through the services (after publication, so that history rows,
revisions and change reasons carry markers too)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from io import BytesIO
from urllib.parse import parse_qs, urldefrag, urljoin, urlparse
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader
from weasyprint import HTML

from decisions.models import Ratification, Resolution
from decisions.services.actions import action_add_note, action_create, action_update
from decisions.services.ratifications import ratification_record_outcome, ratification_route
from decisions.services.resolutions import resolution_record, resolution_update
from decisions.services.scrutiny import recommendation_record_response, recommendation_send
from governance.models import (
    Agreement,
    Body,
    Membership,
    Organisation,
    Person,
    RoleAssignment,
    TermsOfReference,
)
from ics_portal.common.changes import history_url
from meetings.models import AgendaItem, Attendance, Meeting, Report
from meetings.services.agenda import agenda_publish, item_add, meeting_mark_held, meeting_schedule
from meetings.services.proceedings import declaration_record, minute_draft, minutes_approve
from meetings.services.reports import attachment_add, report_update
from meetings.tasks import enqueue_pack_render

LONDON = ZoneInfo("Europe/London")
BODY = "adult-social-care-and-public-health-committee"
TEXT_FIELDS = (models.CharField, models.TextField)


def _marker(*words: str) -> str:
    return "-".join(["PART-II", *(w.upper().replace("_", "-") for w in words), "MARKER"])


REPORT_MARKERS = {
    f.attname: _marker("report", f.name)
    for f in Report._meta.concrete_fields
    if isinstance(f, TEXT_FIELDS)
}
# Seen by the committee's members (and clerks) wherever they look.
PART_TWO = {
    "PART-II-DEMO-MARKER",  # planted by the demo in its fictional Part II report
    *REPORT_MARKERS.values(),
    _marker("revision"),
    _marker("attachment", "title"),
    _marker("attachment", "name"),
    _marker("attachment", "content"),
    _marker("attachment", "revision"),
    _marker("declaration"),
    _marker("preamble"),
    _marker("resolution"),
    _marker("resolution", "corrected"),
    _marker("resolution", "reason"),
    _marker("ratification", "amendment"),
    _marker("ratification", "minute"),
    _marker("ratification", "note"),
    _marker("ratification", "reason"),
    _marker("action"),
    _marker("action", "changed"),
    _marker("action", "note"),
    _marker("scrutiny", "text"),
    _marker("scrutiny", "response"),
}
APPROVED_MINUTE = _marker("minute")
# Seen only by the committee's clerks (and administrators) until the minutes are approved.
DRAFTS = {
    _marker("draft", "minute"),
    "DRAFT-MINUTE-MARKER",
    "UNPUBLISHED-AGENDA-MARKER",
    "UNPUBLISHED-REPORT-MARKER",
    "DRAFT-TERMS-MARKER",
    "DRAFT-AGREEMENT-MARKER",
}
MARKERS = PART_TWO | {APPROVED_MINUTE} | DRAFTS
SKIP = ("/admin/", "/account/", "/static/", "mailto:", "/media/")
MAX_URLS = 2500


def _pdf(text: str) -> bytes:
    return HTML(string=f"<p>{text}</p>").write_pdf()


def _plant(clerk, admin) -> dict:
    """Markers in every text of the Part II item of 8 February 2021, its minute a draft."""
    february = Meeting.objects.get(start__date="2021-02-08")
    exempt = february.items.select_related("meeting__body", "report").get(is_exempt=True)
    report = exempt.report
    assert "PART-II-DEMO-MARKER" in report.information
    notts = Organisation.objects.get(slug="nottinghamshire-county-council")
    assert february.body.organisation_id == notts.pk

    # Papers changed after publication: revisions with their summaries.
    fields = {name: marker for name, marker in REPORT_MARKERS.items()}
    fields["information"] = f"{report.information}\n\n{fields['information']}"
    report_update(
        report=report, actor=clerk, revision_summary=f"Revised {_marker('revision')}", **fields
    )
    upload = SimpleUploadedFile(
        f"{_marker('attachment', 'name')}.pdf",
        _pdf(f"Appendix {_marker('attachment', 'content')}"),
        content_type="application/pdf",
    )
    attachment_add(
        report=report,
        upload=upload,
        title=f"Appendix {_marker('attachment', 'title')}",
        actor=clerk,
        revision_summary=f"Appendix added {_marker('attachment', 'revision')}",
    )

    # The meeting.
    present = Attendance.objects.filter(
        meeting=february, status=Attendance.Status.PRESENT
    ).select_related("person")
    person = present[0].person if present else None
    if person is None:
        person = Person.objects.get(slug="muriel-weisz")
        Attendance.objects.create(
            meeting=february, person=person, status=Attendance.Status.PRESENT
        )
    declaration_record(
        item=exempt,
        person=person,
        kind="other_registrable",
        description=f"Director of a bidder {_marker('declaration')}",
        action="left_room",
        actor=clerk,
    )
    minute_draft(item=exempt, text=f"Agreed {_marker('draft', 'minute')}", actor=clerk)
    minute_draft(
        item=february.items.get(position=4), text="Draft text DRAFT-MINUTE-MARKER.", actor=clerk
    )

    # The decision and its trail.
    resolution = resolution_record(
        item=exempt,
        kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE,
        preamble=f"Having considered {_marker('preamble')}",
        parts=f"Award the contract {_marker('resolution')}",
        actor=clerk,
    )
    resolution = resolution_update(
        resolution=resolution,
        actor=clerk,
        expected_version=resolution.version,
        reason=f"Corrected {_marker('resolution', 'reason')}",
        parts=f"Award the contract {_marker('resolution', 'corrected')}",
    )
    wirral = Organisation.objects.get(slug="wirral-council")
    due = date(2021, 4, 5)
    ratification_route(
        resolution=resolution, routes=[(notts, None, due), (wirral, None, due)], actor=clerk
    )
    ours, theirs = (
        Ratification.objects.get(resolution=resolution, organisation=org)
        for org in (notts, wirral)
    )
    ratification_record_outcome(
        ratification=ours,
        outcome=Ratification.Status.RATIFIED_WITH_AMENDMENT,
        actor=admin,
        expected_version=ours.version,
        minute_reference=f"Minute {_marker('ratification', 'minute')}",
        decided_on=date(2021, 3, 1),
        amendment=f"Cap the fee {_marker('ratification', 'amendment')}",
        note=f"Noted {_marker('ratification', 'note')}",
    )
    ratification_record_outcome(
        ratification=theirs,
        outcome=Ratification.Status.WITHDRAWN,
        actor=admin,
        expected_version=theirs.version,
        reason=f"Not ours {_marker('ratification', 'reason')}",
    )
    action = action_create(
        body=february.body,
        resolution=resolution,
        description=f"Negotiate {_marker('action')}",
        owner="Director",
        due_date=date(2021, 3, 1),
        actor=clerk,
    )
    action_update(
        action=action,
        description=f"Negotiate again {_marker('action', 'changed')}",
        owner="Director",
        due_date=date(2021, 3, 8),
        actor=clerk,
    )
    action_add_note(action=action, text=f"Met {_marker('action', 'note')}", actor=clerk)
    recommendation = recommendation_send(
        scrutiny_body=Body.objects.get(slug="wiltshire-health-select-committee"),
        text=f"Reconsider {_marker('scrutiny', 'text')}",
        sent_on=date(2021, 3, 1),
        regime="health_scrutiny",
        to_organisation=notts,
        resolution=resolution,
        actor=admin,
    )
    recommendation_record_response(
        recommendation=recommendation,
        response=f"Declined {_marker('scrutiny', 'response')}",
        responded_on=date(2021, 3, 15),
        actor=admin,
    )

    # Drafts of other kinds.
    unpublished = Meeting.objects.create(
        body=february.body, start=timezone.now() + timedelta(days=40), venue="County Hall"
    )
    item = AgendaItem.objects.create(
        meeting=unpublished, position=1, title="Plans UNPUBLISHED-AGENDA-MARKER"
    )
    Report.objects.create(
        item=item,
        title="Report",
        purpose="Purpose",
        recommendations="Recommend",
        information="Body UNPUBLISHED-REPORT-MARKER",
        author="Officer",
    )
    TermsOfReference.objects.filter(status="draft").update(purpose="Draft DRAFT-TERMS-MARKER")
    Agreement.objects.filter(status="draft").update(summary="Draft DRAFT-AGREEMENT-MARKER")
    # The stored PDFs are made again from the planted content.
    february.refresh_from_db()
    enqueue_pack_render(february.pk)
    return {"meeting": february, "item": exempt, "resolution": resolution}


def _approve_february(clerk) -> None:
    """The final minute of the Part II item, approved at a March meeting."""
    february = Meeting.objects.get(start__date="2021-02-08")
    exempt = february.items.get(is_exempt=True)
    minute_draft(item=exempt, text=f"The committee agreed {APPROVED_MINUTE}.", actor=clerk)
    march = meeting_schedule(
        body=february.body,
        start=datetime(2021, 3, 29, 10, 30, tzinfo=LONDON),
        venue="County Hall",
        actor=clerk,
    )
    item_add(meeting=march, title="Market position statement", actor=clerk)
    agenda_publish(meeting=march, actor=clerk, now=datetime(2021, 3, 12, 16, tzinfo=LONDON))
    meeting_mark_held(meeting=march, actor=clerk)
    at_item = march.items.get(kind=AgendaItem.Kind.MINUTES)
    assert at_item.minutes_of_id == february.pk
    minutes_approve(meeting=february, at_item=at_item, actor=clerk)
    enqueue_pack_render(february.pk)


def _outsiders() -> dict[str, object]:
    """People with a role somewhere, but none in the committee."""
    User = get_user_model()
    scrutiny = User.objects.create_user("leak-scrutiny")
    RoleAssignment.objects.create(
        user=scrutiny,
        role=RoleAssignment.Role.SCRUTINY_MEMBER,
        body=Body.objects.get(slug="wiltshire-health-select-committee"),
    )
    member = User.objects.create_user("leak-member")
    person = Person.objects.create(name="Lee Kerr", slug="lee-kerr", user=member)
    Membership.objects.create(
        body=Body.objects.get(slug="wirral-partnerships-committee"),
        person=person,
        representing=Organisation.objects.get(slug="wirral-council"),
        start=date(2019, 5, 1),
    )
    officer = User.objects.create_user("leak-officer")
    RoleAssignment.objects.create(
        user=officer,
        role=RoleAssignment.Role.OFFICER,
        organisation=Organisation.objects.get(slug="wiltshire-council"),
    )
    return {
        "the public": None,
        "a scrutiny councillor of another body": scrutiny,
        "a member of another body": member,
        "an officer of another organisation": officer,
    }


# The crawl


def _text(response) -> str:
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if content_type.startswith("application/pdf"):
        reader = PdfReader(BytesIO(body))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    return body.decode("utf-8", errors="replace")


def _without_echoed_query(html: str, url: str) -> str:
    """The search page repeats the query (title, search box, heading); only results count."""
    query = parse_qs(urlparse(url).query).get("q", [""])[0]
    if not query:
        return html
    html = re.sub(r"<title>.*?</title>", "", html, flags=re.S)
    return html.replace(f'value="{query}"', "").replace(f" for {query}<", "<")


def _links(html: str, base: str) -> list[str]:
    found = []
    for href in re.findall(r'href="([^"]+)"', html):
        href = urldefrag(urljoin(base, href.replace("&amp;", "&")))[0]
        parsed = urlparse(href)
        if parsed.netloc not in ("", "testserver") or any(s in href for s in SKIP):
            continue
        found.append(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
    return found


class Crawl:
    """What one visitor finds: the URLs that answered, and which markers each showed."""

    def __init__(self, user) -> None:
        self.client = Client()
        if user is not None:
            self.client.force_login(user)
        self.ok: list[str] = []
        self.found: dict[str, set[str]] = {}
        self.pdfs = 0

    def visit(self, url: str) -> list[str]:
        """Read one URL, note the markers it shows, return the links it offers."""
        response = self.client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200:
            return []
        self.ok.append(url)
        content_type = response.get("Content-Type", "")
        text = _text(response)
        shown = text if not url.startswith("/search/") else _without_echoed_query(text, url)
        flat = shown.replace("\n", "")
        for marker in MARKERS:
            if marker in flat:
                self.found.setdefault(marker, set()).add(url)
        if content_type.startswith("application/pdf"):
            self.pdfs += 1
            return []
        if "text/html" in content_type or "xml" in content_type:
            return _links(text, url)
        if "json" in content_type:
            return re.findall(r'"http://testserver(/api/v1/[^"]*)"', text)
        return []

    def run(self, start: list[str], *, discover: bool = True) -> Crawl:
        """Breadth first from `start`; without `discover`, only the given URLs."""
        queue, seen = list(start), set()
        while queue and len(seen) < MAX_URLS:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            links = self.visit(url)
            if discover:
                queue.extend(link for link in links if link not in seen)
        return self

    def leaks(self, markers) -> str:
        """The markers among `markers` that were found, and where: empty if none."""
        return "\n".join(
            f"{marker}: {' '.join(sorted(self.found[marker]))}"
            for marker in sorted(markers & set(self.found))
        )


START = [
    "/",
    "/decisions/",
    "/meetings/",
    "/ratifications/",
    "/terms-of-reference/review-due/",
    "/api/v1/",
    "/meetings.ics",
    f"/bodies/{BODY}/meetings.ics",
    "/decisions/feed/",
    *(f"/search/?q={marker}" for marker in sorted(MARKERS)),
]


def _part_two_urls(item: AgendaItem) -> list[str]:
    """Every page of the Part II item's records, linked or not: their history, the file."""
    report = item.report
    attachment = report.attachments.get()
    resolution = item.resolutions.get()
    records = [
        item,
        report,
        attachment,
        *item.revisions.all(),
        *item.declarations.all(),
        item.minute,
        resolution,
        *resolution.ratifications.all(),
        *resolution.actions.all(),
        *(note for action in resolution.actions.all() for note in action.notes.all()),
        *resolution.scrutiny_recommendations.all(),
    ]
    meeting = item.meeting_id
    return [
        f"/meetings/{meeting}/items/{item.position}/",
        f"/meetings/{meeting}/items/{item.position}/report.pdf",
        f"/meetings/{meeting}/attachments/{attachment.pk}/",
        f"/decisions/{resolution.pk}/",
        f"/decisions/{resolution.pk}/trail.pdf",
        *(history_url(record) for record in records),
    ]


def _pattern(url: str) -> str:
    return re.sub(r"\d+", "N", url)


def _one_of_each(urls: list[str]) -> list[str]:
    """The first URL of each shape (numbers aside): a sample of every kind of page."""
    seen, sample = set(), []
    for url in urls:
        if _pattern(url) not in seen:
            seen.add(_pattern(url))
            sample.append(url)
    return sample


@pytest.fixture
def leaks_demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DEMO_RENDER_PACKS = True
    with open("/dev/null", "w") as devnull:
        call_command("load_demo", stdout=devnull)
    User = get_user_model()
    clerk, admin = User.objects.get(username="clerk"), User.objects.get(username="admin")
    planted = _plant(clerk, admin)
    member = User.objects.get(username="member")
    return {**planted, "clerk": clerk, "admin": admin, "member": member}


@pytest.mark.django_db
def test_no_part_two_text_or_draft_reaches_anyone_outside_the_committee(leaks_demo):
    part_two_urls = _part_two_urls(leaks_demo["item"])
    public = Crawl(None).run(START + part_two_urls)
    assert not public.leaks(MARKERS), "\n" + public.leaks(MARKERS)
    assert len(public.ok) > 150, len(public.ok)
    assert public.pdfs >= 3
    assert sum(url.startswith("/api/v1/") for url in public.ok) > 50
    urls = list(dict.fromkeys(public.ok + part_two_urls))

    # The markers are real: a member of the committee finds each on the same pages.
    member = Crawl(leaks_demo["member"]).run(urls, discover=False)
    assert not member.leaks(DRAFTS), "\n" + member.leaks(DRAFTS)
    assert PART_TWO <= set(member.found), sorted(PART_TWO - set(member.found))

    # Those with a role elsewhere read every page that showed the member Part II text, and
    # one page of every other kind.
    showing = sorted({url for found in member.found.values() for url in found})
    assert len(showing) > 20, showing
    outsiders = _outsiders()
    for who, user in outsiders.items():
        if user is not None:
            crawl = Crawl(user).run(showing + _one_of_each(urls), discover=False)
            assert not crawl.leaks(MARKERS), f"{who}:\n{crawl.leaks(MARKERS)}"

    # Once the minutes are approved, the Part II minute is the members' alone.
    _approve_february(leaks_demo["clerk"])
    meeting = leaks_demo["meeting"].pk
    again = [u for u in urls if "minute" in u and "/api/v1/" not in u or u in showing]
    again += [f"/meetings/{meeting}/", f"/meetings/{meeting}/minutes.pdf"]
    again += [f"/search/?q={APPROVED_MINUTE}", "/api/v1/minutes/"]
    for who, user in outsiders.items():
        crawl = Crawl(user).run(again, discover=False)
        assert not crawl.leaks(PART_TWO | {APPROVED_MINUTE}), f"{who}:\n{crawl.leaks(MARKERS)}"
    member = Crawl(leaks_demo["member"]).run(again, discover=False)
    assert APPROVED_MINUTE in member.found
