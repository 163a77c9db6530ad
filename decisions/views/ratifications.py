"""Ratification pages: the clerk routes an agreement in principle, each organisation's
governance lead records its outcome, and everyone can follow the dashboard."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from decisions.access import can_record_ratification, withheld_fields
from decisions.forms.ratifications import DashboardFilterForm, OutcomeForm, RouteForm
from decisions.models import Ratification, Resolution, ratification_progress
from decisions.selectors.ratifications import (
    dashboard_bars,
    dashboard_tallies,
    filter_ratifications,
    visible_ratifications,
)
from decisions.services import ratifications as services
from governance.access import can_edit_body, require
from governance.models import Body, Organisation
from ics_portal.common.forms import run_service
from ics_portal.common.pages import uncounted_page

EDIT = require_http_methods(["GET", "POST"])
PAGE_SIZE = 50


def _cannot_route(resolution: Resolution) -> str:
    if resolution.kind != Resolution.Kind.AGREEMENT_IN_PRINCIPLE:
        return (
            f"{resolution} is a {resolution.get_kind_display().lower()}; only an agreement in "
            "principle is routed to the organisations for ratification."
        )
    if not resolution.can_be_routed:
        return (
            f"{resolution} is {resolution.get_status_display().lower()}; it can be routed for "
            "ratification only until every organisation has decided."
        )
    return ""


@login_required
@EDIT
def ratification_route(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = get_object_or_404(
        Resolution.objects.select_related("body__partnership", "meeting", "item"), pk=pk
    )
    require(can_edit_body(request.user, resolution.body))
    routed = list(
        resolution.ratifications.select_related("organisation").order_by("organisation__name")
    )
    routed_ids = {r.organisation_id for r in routed}
    defaults = [o for o in services.default_organisations(resolution) if o.pk not in routed_ids]
    default_ids = {o.pk for o in defaults}
    others = list(
        Organisation.objects.exclude(pk__in=routed_ids | default_ids)
        .select_related("ratifying_body")
        .order_by("name")
    )
    organisations = defaults + others
    bodies = list(
        Body.objects.filter(organisation_id__in=[o.pk for o in organisations]).order_by("name")
    )
    told = services.who_will_be_told(o.pk for o in organisations)
    form = RouteForm(
        request.POST or None,
        told=told,
        organisations=organisations,
        defaults=default_ids,
        bodies=bodies,
        due_date=services.default_due_date(resolution),
    )
    if request.method == "POST" and form.is_valid():
        created = run_service(
            form,
            lambda: services.ratification_route(
                resolution=resolution,
                routes=form.routes(),
                actor=request.user,
                base_url=request.build_absolute_uri("/"),
            ),
        )
        if created is not None:
            names = ", ".join(str(r.organisation) for r in created)
            messages.success(request, f"{resolution} routed for ratification to {names}.")
            untold = [str(r.organisation) for r in created if r.organisation_id not in told]
            if untold:
                messages.warning(
                    request,
                    f"Nobody was emailed at {', '.join(untold)}: no governance lead there has "
                    "an email address on the portal. Tell them yourself.",
                )
            return redirect(resolution)
    return render(
        request,
        "decisions/ratifications/route_form.html",
        {
            "resolution": resolution,
            "form": form,
            "routed": routed,
            "cannot_route": _cannot_route(resolution),
            "partnership": resolution.body.partnership,
        },
    )


@login_required
@EDIT
def ratification_outcome(request: HttpRequest, pk: int, ratification_pk: int) -> HttpResponse:
    ratification = get_object_or_404(
        Ratification.objects.select_related(
            "organisation",
            "ratifying_body",
            "resolution__body",
            "resolution__meeting__body",
            "resolution__item__meeting__body",
        ),
        pk=ratification_pk,
        resolution_id=pk,
    )
    require(
        can_record_ratification(request.user, ratification.organisation),
        f"Only {ratification.organisation}'s governance leads record its outcome.",
    )
    resolution = ratification.resolution
    form = OutcomeForm(
        request.POST or None,
        initial={
            "version": ratification.version,
            "outcome": ratification.status if ratification.status != "requested" else None,
            "scheduled_for": ratification.scheduled_for,
            "note": ratification.note,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_service(
            form,
            lambda: services.ratification_record_outcome(
                ratification=ratification,
                resolution=resolution,
                outcome=data["outcome"],
                actor=request.user,
                expected_version=data["version"],
                scheduled_for=data["scheduled_for"],
                minute_reference=data["minute_reference"],
                decided_on=data["decided_on"],
                amendment=data["amendment"],
                reason=data["reason"],
                note=data["note"],
                base_url=request.build_absolute_uri("/"),
            ),
        )
        if saved is not None:
            messages.success(
                request,
                f"{saved.organisation}'s outcome recorded: {saved.get_status_display().lower()}.",
            )
            return redirect(saved)
    return render(
        request,
        "decisions/ratifications/outcome_form.html",
        {
            "ratification": ratification,
            "resolution": resolution,
            "form": form,
            "show_text": "parts" not in withheld_fields(request.user, resolution),
            "progress": ratification_progress(
                resolution.ratifications.select_related("organisation")
            ),
        },
    )


@require_GET
def ratification_dashboard(request: HttpRequest) -> HttpResponse:
    form = DashboardFilterForm(request.GET or None)
    filters = {}
    if form.is_bound:
        form.is_valid()
        filters = {
            name: value
            for name, value in form.cleaned_data.items()
            if name not in form.errors and value not in (None, "", False)
        }
    rows = filter_ratifications(visible_ratifications(request.user), **filters)
    page = uncounted_page(rows, PAGE_SIZE, request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "decisions/ratifications/dashboard.html",
        {
            "form": form,
            "page": page,
            "tallies": dashboard_tallies(request.user),
            "bars": dashboard_bars(request.user),
            "filtered": bool(filters),
            "query": query.urlencode(),
        },
    )
