"""Resolutions: the public list, recording them against an agenda item, and corrections."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from decisions.filters import ResolutionFilter
from decisions.forms.resolutions import (
    ResolutionCorrectionForm,
    ResolutionForm,
    ResolutionWithdrawForm,
)
from decisions.models import Resolution
from decisions.selectors.resolutions import (
    resolution_summary,
    resolution_views,
    visible_resolutions,
)
from decisions.services import resolutions as services
from governance.access import require
from ics_portal.common.forms import run_service
from ics_portal.common.pages import uncounted_page
from meetings.access import bodies_recorded_by, can_record_for
from meetings.models import AgendaItem, Declaration, Meeting

EDIT = require_http_methods(["GET", "POST"])
RESOLUTIONS_PER_PAGE = 25


@require_GET
def resolution_list(request: HttpRequest) -> HttpResponse:
    filterset = ResolutionFilter(request.GET or None, queryset=visible_resolutions(request.user))
    resolutions = filterset.qs
    resolutions = resolutions.order_by("-meeting__start", "-year", "-number", "-pk")
    page = uncounted_page(resolutions, RESOLUTIONS_PER_PAGE, request.GET.get("page"))
    query = urlencode(
        {k: v for k, v in request.GET.items() if k in ("body", "year", "status", "kind") and v}
    )
    return render(
        request,
        "decisions/resolution_list.html",
        {
            "form": filterset.form,
            "page": page,
            "views": resolution_views(request.user, page.object_list),
            "query": query,
        },
    )


@login_required
@EDIT
def resolution_new(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    # The bodies whose resolutions this clerk records: at a meeting held in common, a sitting
    # body's clerks record their own body's; the lead body's clerks, every body's.
    bodies = bodies_recorded_by(request.user, meeting)
    require(bool(bodies))
    item = get_object_or_404(AgendaItem, meeting=meeting, position=position)
    item.meeting = meeting
    present = {}
    for body in bodies:
        present.update(services.voting_members_present(meeting, body))
    voters = sorted(present.values(), key=lambda person: person.name)
    form = ResolutionForm(
        request.POST or None,
        body=bodies[0],
        voters=voters,
        sitting=bodies if meeting.held_in_common else (),
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.resolution_record(
                item=item, actor=request.user, **form.service_arguments()
            ),
        )
        if saved is not None:
            messages.success(request, f"Resolution {saved} recorded.")
            return redirect(item.get_absolute_url())
    declarations = list(
        Declaration.objects.filter(item=item).select_related("person").order_by("person__name")
    )
    return render(
        request,
        "decisions/resolutions/resolution_form.html",
        {
            "form": form,
            "item": item,
            "meeting": meeting,
            "held": meeting.status in services.HELD_STATUSES,
            "declarations": declarations,
            "vote_fields": [form[f"vote_{person.pk}"] for person in voters],
            "in_common": meeting.held_in_common,
        },
    )


def _resolution_for_clerk(request: HttpRequest, pk: int) -> Resolution:
    resolution = get_object_or_404(
        Resolution.objects.select_related("body", "meeting__body", "item", "recommended_to"),
        pk=pk,
    )
    require(can_record_for(request.user, resolution.meeting, resolution.body))
    return resolution


@login_required
@EDIT
def resolution_edit(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = _resolution_for_clerk(request, pk)
    refusal = services.correction_refusal(resolution)
    form = ResolutionCorrectionForm(
        request.POST or None,
        resolution=resolution,
        can_refile=not refusal,
        initial={
            "version": resolution.version,
            "item": resolution.item_id,
            "kind": resolution.kind,
            "recommended_to": resolution.recommended_to_id,
            "preamble": resolution.preamble,
            "parts": "\n".join(resolution.part_list),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            name: data[name]
            for name in ("item", "kind", "recommended_to", "preamble", "parts")
            if name in form.fields
        }
        # Left out of the form (a page opened before the item and kind were offered): kept.
        for name in ("item", "kind"):
            if not fields.get(name):
                fields.pop(name, None)
        if "kind" not in fields and "recommended_to" in fields and not data.get("kind"):
            if resolution.kind != Resolution.Kind.RECOMMENDATION:
                fields.pop("recommended_to")
        saved = run_service(
            form,
            lambda: services.resolution_update(
                resolution=resolution,
                actor=request.user,
                expected_version=data["version"],
                reason=data["reason"],
                **fields,
            ),
        )
        if saved is not None:
            messages.success(request, f"Resolution {saved} corrected.")
            return redirect(saved)
    return render(
        request,
        "decisions/resolutions/correction_form.html",
        {
            "form": form,
            "resolution": resolution,
            "refusal": refusal,
            "view": resolution_summary(request.user, resolution),
        },
    )


@login_required
@EDIT
def resolution_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = _resolution_for_clerk(request, pk)
    refusal = services.correction_refusal(resolution)
    form = ResolutionWithdrawForm(request.POST or None, initial={"version": resolution.version})
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.resolution_withdraw(
                resolution=resolution,
                actor=request.user,
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            ),
        )
        if saved is not None:
            messages.success(
                request, f"Resolution {saved} withdrawn in error; its number stays used."
            )
            return redirect(saved.item.get_absolute_url())
    return render(
        request,
        "decisions/resolutions/withdraw_form.html",
        {
            "form": form,
            "resolution": resolution,
            "refusal": refusal,
            "view": resolution_summary(request.user, resolution),
        },
    )
