"""PDF download of the decision trail: rendered when the trail has changed, kept otherwise
(`decisions.pdf.render_trail`), and answered 304 to a client that holds the same one."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from decisions.pdf import render_trail
from decisions.selectors.trail import decision_trail, load_resolution
from ics_portal.common.responses import conditional_response, pdf_response


@require_GET
def trail_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = load_resolution(pk, request.user)
    trail = decision_trail(resolution, request.user)
    private = request.user.is_authenticated
    filename = f"{resolution.body.short_name}-{resolution.year}-{resolution.number:03d}-trail.pdf"
    pdf = render_trail(trail)
    response = pdf_response(pdf.content, filename, private=private)
    if private:
        return response
    return conditional_response(request, response, etag=pdf.digest)
