"""The decision trail: everything that happened to one resolution, as one timeline."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from decisions.models import Resolution
from meetings.visibility import can_see_meeting


@require_GET
def trail(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = get_object_or_404(
        Resolution.objects.select_related("body", "meeting__body", "item"), pk=pk
    )
    if not can_see_meeting(request.user, resolution.meeting):
        raise Http404("No such decision")
    return render(request, "decisions/trail.html", {"resolution": resolution})
