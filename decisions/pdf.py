"""The decision trail as a PDF, made with WeasyPrint through `meetings.pdf.html_to_pdf`.

Print templates, nothing fetched, tagged PDF/UA-1 with lang en-GB and a <title>, "Page N of M"
in the footer. The trail shows live statuses, so the PDF is kept by the digest of the HTML it
is made from: any change to any record on the trail (or to what this viewer may see) changes
the HTML, and so the key, and the next download renders afresh. Rendering the HTML takes
milliseconds; making the PDF from it takes seconds for a long trail.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string

from decisions.selectors.trail import Trail
from meetings.pdf import html_to_pdf, when

# How long an unchanged trail's PDF is kept (a changed one is never served: its key differs).
KEEP_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class TrailPdf:
    content: bytes
    # The digest of the HTML: the same for every download of an unchanged trail (an ETag).
    digest: str


def render_trail(trail: Trail) -> TrailPdf:
    """The trail as the viewer it was built for may see it (Part II already withheld)."""
    resolution = trail.resolution
    html = render_to_string(
        "decisions/pdf/trail.html",
        {
            "trail": trail,
            "resolution": resolution,
            "body": resolution.body,
            "meeting_when": when(resolution.meeting),
            "title": f"Decision trail: {resolution.body.name} {resolution.reference}",
        },
    )
    digest = hashlib.sha256(html.encode()).hexdigest()
    key = f"trail-pdf:{digest}"
    content = cache.get(key)
    if content is None:
        content = html_to_pdf(html)
        cache.set(key, content, KEEP_SECONDS)
    return TrailPdf(content, digest)
