"""The decision trail and the committee report as PDFs, made with WeasyPrint.

Same house pattern as `meetings.pdf`: print templates, nothing fetched, tagged PDF/UA-1 with
lang en-GB and a <title>, "Page N of M" in the footer. Both are rendered on request and
nothing is cached: each is a few pages and the trail shows live statuses, so a stored copy
would only go stale.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from decisions.selectors.trail import Trail
from meetings.models import Report
from meetings.pdf import PDF_OPTIONS, local_start, when


def _pdf(template: str, context: dict) -> bytes:
    html = render_to_string(template, context)
    no_fetching = URLFetcher(allowed_protocols=frozenset())
    return HTML(string=html, url_fetcher=no_fetching).write_pdf(**PDF_OPTIONS)


def render_trail(trail: Trail) -> bytes:
    """The trail as the viewer it was built for may see it (Part II already withheld)."""
    resolution = trail.resolution
    return _pdf(
        "decisions/pdf/trail.html",
        {
            "trail": trail,
            "resolution": resolution,
            "body": resolution.body,
            "meeting_when": when(resolution.meeting),
            "title": f"Decision trail: {resolution.body.name} {resolution.reference}",
        },
    )


def render_report(report: Report) -> bytes:
    """One committee report in the standard shape. The caller checks the Part II rule."""
    item = report.item
    meeting = item.meeting
    return _pdf(
        "decisions/pdf/report.html",
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
