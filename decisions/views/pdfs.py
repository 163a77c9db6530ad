"""PDF downloads of the decision trail and of a committee report, rendered on request."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from decisions.pdf import render_report, render_trail
from decisions.selectors.trail import decision_trail, load_resolution
from meetings.access import can_see_item_content, can_see_meeting
from meetings.models import AgendaItem, Meeting, Report


def _pdf_response(data: bytes, filename: str, *, private: bool) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if private:
        # What a signed-in user sees may include Part II text or drafts: keep it out of caches.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def trail_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = load_resolution(pk, request.user)
    trail = decision_trail(resolution, request.user)
    private = request.user.is_authenticated
    filename = f"{resolution.body.short_name}-{resolution.year}-{resolution.number:03d}-trail.pdf"
    return _pdf_response(render_trail(trail), filename, private=private)


@require_GET
def report_pdf(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    """The committee report of an item; 404 (not 403) to those who may not see its content,
    so that a Part II report's existence is not revealed."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    if not can_see_meeting(request.user, meeting):
        raise Http404("No such meeting")
    item = (
        AgendaItem.objects.select_related("meeting__body", "report")
        .filter(meeting=meeting, position=position)
        .order_by("pk")
        .first()
    )
    if item is None or not can_see_item_content(request.user, item):
        raise Http404("No such report")
    try:
        report = item.report
    except Report.DoesNotExist as exc:
        raise Http404("No such report") from exc
    private = request.user.is_authenticated
    filename = f"{meeting.body.short_name}-{meeting.date:%Y-%m-%d}-item-{item.position}.pdf"
    return _pdf_response(render_report(report), filename, private=private)
