"""Resolutions: the public list, and recording them against an agenda item."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from decisions.models import Resolution
from meetings.visibility import meeting_visible_q


@require_GET
def resolution_list(request: HttpRequest) -> HttpResponse:
    resolutions = Resolution.objects.filter(
        meeting_visible_q(request.user, prefix="meeting__")
    ).select_related("body")[:100]
    return render(request, "decisions/resolution_list.html", {"resolutions": resolutions})
