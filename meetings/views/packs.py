"""Downloads of the stored agenda pack and minutes: a reader never waits for WeasyPrint."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from governance.access import can_edit_body
from meetings.models import AgendaPack, Meeting
from meetings.services.packs import (
    MEMBERS,
    audience_for,
    newest_pack,
    pack_filename,
)


def _serve(request: HttpRequest, pk: int, document: str) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    if not meeting.is_published and not can_edit_body(request.user, meeting.body):
        raise Http404("No such meeting.")
    audience = audience_for(request.user, meeting)
    pack = newest_pack(meeting, document, audience)
    if pack is None:
        return render(
            request,
            "meetings/packs/pending.html",
            {"meeting": meeting, "document": document},
            status=404,
        )
    response = FileResponse(
        pack.file.open("rb"),
        content_type="application/pdf",
        filename=pack_filename(meeting, document),
    )
    if audience == MEMBERS:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _serve(request, pk, AgendaPack.Document.AGENDA)


@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _serve(request, pk, AgendaPack.Document.MINUTES)
