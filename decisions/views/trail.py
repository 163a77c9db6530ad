"""The decision trail: everything that happened to one resolution, as one timeline."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from decisions.selectors.ratifications import binding_on, ratifications_panel
from decisions.selectors.trail import decision_trail, load_resolution
from governance.access import can_edit_body


@require_GET
def trail(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = load_resolution(pk, request.user)
    trail = decision_trail(resolution, request.user)
    panel = ratifications_panel(resolution, request.user, loaded=trail.ratifications)
    return render(
        request,
        "decisions/trail.html",
        {
            "trail": trail,
            "resolution": resolution,
            "can_route": panel["can_route"],
            "to_record": [row.ratification for row in panel["rows"] if row.can_record],
            "can_add_action": can_edit_body(request.user, resolution.body),
            "binding": binding_on(resolution),
        },
    )
