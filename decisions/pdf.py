"""The decision trail as a PDF, made with WeasyPrint through `meetings.pdf.html_to_pdf`.

Print templates, nothing fetched, tagged PDF/UA-1 with lang en-GB and a <title>, "Page N of M"
in the footer. The trail shows live statuses, so the PDF is kept by the digest of the HTML it
is made from (`meetings.pdf.kept_pdf`): any change to any record on the trail (or to what
this viewer may see) changes the HTML, and so the key, and the next download renders afresh.
Rendering the HTML takes milliseconds; making the PDF from it takes seconds for a long trail.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from decisions.selectors.trail import Trail
from meetings.pdf import KeptPdf, kept_pdf, when


def render_trail(trail: Trail) -> KeptPdf:
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
    return kept_pdf(html)
