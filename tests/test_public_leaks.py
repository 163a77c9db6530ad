"""Crawl everything an anonymous visitor can reach from the demo data — pages, PDFs, history,
downloads — and find no Part II text and no draft anywhere. Unique marker strings are planted
in exempt and draft content first."""

from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO
from urllib.parse import parse_qs, urldefrag, urljoin, urlparse

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from decisions.models import Action, Resolution
from governance.models import Agreement, TermsOfReference
from meetings.models import AgendaItem, AgendaRevision, Meeting, Minute, Report
from meetings.tasks import enqueue_pack_render

MARKERS = {
    "PART-II-DEMO-MARKER",  # planted by the demo in its fictional Part II report
    "PART-II-MINUTE-MARKER",
    "PART-II-RESOLUTION-MARKER",
    "PART-II-ACTION-MARKER",
    "PART-II-REVISION-MARKER",
    "DRAFT-MINUTE-MARKER",
    "UNPUBLISHED-AGENDA-MARKER",
    "UNPUBLISHED-REPORT-MARKER",
    "DRAFT-TERMS-MARKER",
    "DRAFT-AGREEMENT-MARKER",
}
SKIP = ("/admin/", "/account/", "/static/", "mailto:", "/media/")
MAX_URLS = 2500


def _plant() -> None:
    february = Meeting.objects.get(start__date="2021-02-08")
    exempt = february.items.get(is_exempt=True)
    assert "PART-II-DEMO-MARKER" in exempt.report.information
    Minute.objects.create(item=exempt, text="The committee agreed PART-II-MINUTE-MARKER.")
    Minute.objects.create(
        item=february.items.get(position=4), text="Draft text DRAFT-MINUTE-MARKER."
    )
    february.status = Meeting.Status.MINUTES_DRAFTED
    february.save()
    AgendaRevision.objects.create(item=exempt, summary="Revised PART-II-REVISION-MARKER")
    resolution = Resolution.objects.create(
        body=february.body,
        year=2021,
        number=99,
        meeting=february,
        item=exempt,
        parts="Award the contract PART-II-RESOLUTION-MARKER",
    )
    Action.objects.create(
        body=february.body,
        resolution=resolution,
        item=exempt,
        description="Negotiate PART-II-ACTION-MARKER",
        owner="Director",
        due_date=february.date,
    )
    unpublished = Meeting.objects.create(
        body=february.body,
        start=timezone.now() + timedelta(days=40),
        venue="County Hall",
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
    Meeting.objects.filter(pk=february.pk).update(pack_version=february.pack_version + 1)
    enqueue_pack_render(february.pk)


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


@pytest.mark.django_db
def test_no_part_two_text_or_draft_reaches_an_anonymous_visitor(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DEMO_RENDER_PACKS = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    _plant()

    client = Client()
    start = [
        "/",
        "/decisions/",
        "/meetings/",
        "/ratifications/",
        "/terms-of-reference/review-due/",
    ]
    start += [f"/search/?q={marker}" for marker in MARKERS]
    start += ["/api/v1/", "/meetings.ics", "/decisions/feed/"]
    queue, seen, pdfs = list(start), set(), 0
    while queue and len(seen) < MAX_URLS:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200:
            continue
        text = _text(response)
        if url.startswith("/search/"):
            text = _without_echoed_query(text, url)
        leaked = [marker for marker in MARKERS if marker in text.replace("\n", "")]
        assert not leaked, f"{url} shows {leaked}"
        if response.get("Content-Type", "").startswith("application/pdf"):
            pdfs += 1
        elif "text/html" in response.get("Content-Type", ""):
            queue.extend(link for link in _links(text, url) if link not in seen)
        elif "xml" in response.get("Content-Type", ""):
            queue.extend(_links(text, url))
        elif "json" in response.get("Content-Type", ""):
            api_links = re.findall(r'"http://testserver(/api/v1/[^"]*)"', text)
            queue.extend(link for link in api_links if link not in seen)
    assert len(seen) > 150, len(seen)
    assert pdfs >= 3
    assert sum(url.startswith("/api/v1/") for url in seen) > 50

    # The markers are real: a member of the committee does see its Part II papers.
    from django.contrib.auth import get_user_model

    february = Meeting.objects.get(start__date="2021-02-08")
    exempt = february.items.get(is_exempt=True)
    client.force_login(get_user_model().objects.get(username="member"))
    page = client.get(f"/meetings/{february.pk}/items/{exempt.position}/")
    assert "PART-II-DEMO-MARKER" in page.content.decode()
