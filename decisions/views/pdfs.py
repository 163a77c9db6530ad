"""PDF download of the decision trail, rendered on request."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from decisions.pdf import render_trail
from decisions.selectors.trail import decision_trail, load_resolution
from ics_portal.common.responses import pdf_response


@require_GET
def trail_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = load_resolution(pk, request.user)
    trail = decision_trail(resolution, request.user)
    private = request.user.is_authenticated
    filename = f"{resolution.body.short_name}-{resolution.year}-{resolution.number:03d}-trail.pdf"
    return pdf_response(render_trail(trail), filename, private=private)
