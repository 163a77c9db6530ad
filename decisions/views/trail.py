"""The decision trail: everything that happened to one resolution, as one timeline."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from decisions.selectors.trail import decision_trail, load_resolution


@require_GET
def trail(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = load_resolution(pk, request.user)
    return render(
        request,
        "decisions/trail.html",
        {"trail": decision_trail(resolution, request.user), "resolution": resolution},
    )
