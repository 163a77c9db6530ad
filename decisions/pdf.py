"""The decision trail as a PDF, made with WeasyPrint through `meetings.pdf.render_document`.

Print templates, nothing fetched, tagged PDF/UA-1 with lang en-GB and a <title>, "Page N of M"
in the footer. Rendered on request and never cached: the trail shows live statuses, so a
stored copy would only go stale.
"""

from __future__ import annotations

from decisions.selectors.trail import Trail
from meetings.pdf import render_document, when


def render_trail(trail: Trail) -> bytes:
    """The trail as the viewer it was built for may see it (Part II already withheld)."""
    resolution = trail.resolution
    return render_document(
        "decisions/pdf/trail.html",
        {
            "trail": trail,
            "resolution": resolution,
            "body": resolution.body,
            "meeting_when": when(resolution.meeting),
            "title": f"Decision trail: {resolution.body.name} {resolution.reference}",
        },
    )
