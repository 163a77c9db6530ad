"""Downloads of the stored agenda pack and minutes: a reader never waits for WeasyPrint, and
a client that already has the pack gets 304 Not Modified (a stored pack never changes: a
new version is a new pack)."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_GET

from governance.access import can_edit_body
from ics_portal.common.responses import conditional_response
from meetings.access import minutes_readable_by
from meetings.models import AgendaPack, Meeting, Supplement
from meetings.services.packs import (
    MEMBERS,
    MINUTES,
    SUPPLEMENT,
    audience_for,
    is_withdrawn,
    newest_pack,
    pack_filename,
)

# How long a reader is asked to wait while a withdrawn pack is made again (seconds).
RETRY_AFTER = 60


def _pending(request: HttpRequest, meeting: Meeting, document: str) -> HttpResponse:
    return render(
        request,
        "meetings/packs/pending.html",
        {"meeting": meeting, "document": document},
        status=404,
    )


def _updating(request: HttpRequest, meeting: Meeting, document: str) -> HttpResponse:
    """The pack is being made again. A 503 with Retry-After, not a 200: the page is not the
    document, so no cache, crawler or download script should keep it as the PDF, and none
    should take the address for gone (as a 404 would say)."""
    response = render(
        request,
        "meetings/packs/updating.html",
        {"meeting": meeting, "document": document},
        status=503,
    )
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response


def _serve(
    request: HttpRequest, pk: int, document: str, number: int | None = None
) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    if not meeting.is_published and not can_edit_body(request.user, meeting.body):
        raise Http404("No such meeting.")
    supplement = None
    if document == SUPPLEMENT:
        # Only a published supplementary agenda has a pack; a draft is not there to find.
        supplement = get_object_or_404(
            Supplement, meeting=meeting, number=number, published_at__isnull=False
        )
    if document == MINUTES and not minutes_readable_by(request.user, meeting):
        return _pending(request, meeting, document)  # draft minutes: for the body's clerks
    audience = audience_for(request.user, meeting)
    pack = newest_pack(meeting, document, audience, supplement)
    if pack is None or is_withdrawn(pack, meeting):
        made = meeting.packs.filter(document=document, supplement=supplement).exists()
        if pack is None and not made:
            return _pending(request, meeting, document)  # never made yet
        return _updating(request, meeting, document)
    response = FileResponse(
        pack.file.open("rb"),
        content_type="application/pdf",
        filename=pack_filename(meeting, document, supplement),
    )
    if audience == MEMBERS:
        patch_cache_control(response, private=True, no_store=True)
    return conditional_response(
        request, response, etag=f"pack-{pack.pk}-v{pack.version}", last_modified=pack.rendered_at
    )


@require_GET
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _serve(request, pk, AgendaPack.Document.AGENDA)


@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _serve(request, pk, AgendaPack.Document.MINUTES)


@require_GET
def supplement_pdf(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    return _serve(request, pk, AgendaPack.Document.SUPPLEMENT, number)
