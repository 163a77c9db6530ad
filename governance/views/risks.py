"""Risk registers of partnerships and bodies: the public pages and their editing pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from governance import access
from governance.forms.risks import RiskCreateForm, RiskForm, RiskRatingForm, RiskStatusForm
from governance.models import Body, Partnership, Risk, RiskRating
from governance.models.risks import AMBER_UP_TO, GREEN_UP_TO, register_url
from governance.selectors.risks import (
    TARGET_FIELDS,
    parse_scale,
    rag_over_time,
    register_risks,
    risk_heat_maps,
)
from governance.services.risks import (
    risk_close,
    risk_create,
    risk_rate,
    risk_reopen,
    risk_update,
)
from ics_portal.common.forms import show_refusal

STATUS_FILTERS = {"open": "Open risks", "closed": "Closed risks", "all": "All risks"}
BANDS = {"green_up_to": GREEN_UP_TO, "amber_up_to": AMBER_UP_TO}


def _require_edit(request: HttpRequest, register: Partnership | Body) -> None:
    access.require(
        access.can_edit_register(request.user, register),
        "Only administrators and the clerks of its bodies edit this risk register.",
    )


def _heat_map_cell(request: HttpRequest) -> tuple[tuple[int, int] | None, bool, str]:
    """The heat-map cell asked for in the query string: (likelihood, impact), whether on the
    target rating, and a message if the values asked for are not on the 1–5 scale."""
    for target, names in ((False, ("likelihood", "impact")), (True, TARGET_FIELDS)):
        raw = [request.GET.get(name) for name in names]
        if raw == [None, None]:
            continue
        likelihood, impact = (parse_scale(value) for value in raw)
        if likelihood is None or impact is None:
            return None, target, "Likelihood and impact are each from 1 to 5: showing all risks."
        return (likelihood, impact), target, ""
    return None, False, ""


def _register_page(request: HttpRequest, register: Partnership | Body) -> HttpResponse:
    status = request.GET.get("status", "open")
    if status not in STATUS_FILTERS:
        status = "open"
    cell, target, refusal = _heat_map_cell(request)
    risks = register_risks(register, None if status == "all" else status, cell=cell, target=target)
    heat, target_heat = risk_heat_maps(register)
    status_label = STATUS_FILTERS[status]
    if cell is not None:
        rating = "target" if target else "current"
        status_label += f" at {rating} likelihood {cell[0]} and impact {cell[1]}"
    return render(
        request,
        "governance/risks/register.html",
        {
            "register": register,
            "risks": risks,
            "status": status,
            "status_filters": STATUS_FILTERS,
            "status_label": status_label,
            "cell": cell,
            "cell_refusal": refusal,
            "heat": heat,
            "target_heat": target_heat,
            "can_edit": access.can_edit_register(request.user, register),
            "bands": BANDS,
            "new_url": register_url(register) + "new/",
            "assurance_url": reverse(
                "meetings:partnership_assurance"
                if isinstance(register, Partnership)
                else "meetings:body_assurance",
                args=[register.slug],
            ),
        },
    )


@require_GET
def partnership_risks(request: HttpRequest, slug: str) -> HttpResponse:
    return _register_page(request, get_object_or_404(Partnership, slug=slug))


@require_GET
def body_risks(request: HttpRequest, slug: str) -> HttpResponse:
    return _register_page(request, get_object_or_404(Body, slug=slug))


def _create(request: HttpRequest, register: Partnership | Body) -> HttpResponse:
    _require_edit(request, register)
    instance = Risk(
        partnership=register if isinstance(register, Partnership) else None,
        body=register if isinstance(register, Body) else None,
    )
    form = RiskCreateForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            risk = risk_create(register=register, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"Risk {risk.reference} added to the register.")
            return redirect(risk)
    return render(
        request,
        "governance/risks/form.html",
        {
            "form": form,
            "title": "Add a risk",
            "register": register,
            "back": register_url(register),
            "bands": BANDS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def partnership_risk_create(request: HttpRequest, slug: str) -> HttpResponse:
    return _create(request, get_object_or_404(Partnership, slug=slug))


@login_required
@require_http_methods(["GET", "POST"])
def body_risk_create(request: HttpRequest, slug: str) -> HttpResponse:
    return _create(request, get_object_or_404(Body, slug=slug))


def _risk(pk: int) -> Risk:
    return get_object_or_404(Risk.objects.select_related("partnership", "body"), pk=pk)


@require_GET
def risk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(pk)
    ratings = list(RiskRating.objects.filter(risk=risk).select_related("rated_by"))
    return render(
        request,
        "governance/risks/detail.html",
        {
            "risk": risk,
            "ratings": ratings,
            "strip": rag_over_time(ratings),
            "can_edit": access.can_edit_register(request.user, risk.register_owner),
            "bands": BANDS,
        },
    )


def _risk_form_page(request, risk, form, title: str, button: str = "Save") -> HttpResponse:
    return render(
        request,
        "governance/risks/form.html",
        {
            "form": form,
            "title": title,
            "risk": risk,
            "register": risk.register_owner,
            "back": risk.get_absolute_url(),
            "button": button,
            "bands": BANDS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def risk_edit(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(pk)
    _require_edit(request, risk.register_owner)
    form = RiskForm(request.POST or None, instance=risk)
    if request.method == "POST" and form.is_valid():
        try:
            risk_update(
                risk=risk,
                actor=request.user,
                expected_version=form.expected_version(),
                **form.record_fields(),
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Risk updated.")
            return redirect(risk)
    return _risk_form_page(request, risk, form, "Change the risk")


@login_required
@require_http_methods(["GET", "POST"])
def risk_rate_view(request: HttpRequest, pk: int) -> HttpResponse:
    risk = _risk(pk)
    _require_edit(request, risk.register_owner)
    form = RiskRatingForm(request.POST or None, instance=RiskRating(risk=risk))
    if request.method == "POST" and form.is_valid():
        try:
            data = dict(form.cleaned_data)
            risk_rate(risk=risk, actor=request.user, expected_version=data.pop("version"), **data)
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "New rating recorded.")
            return redirect(risk)
    return _risk_form_page(request, risk, form, "Rate the risk again", "Save rating")


def _change_status(request: HttpRequest, pk: int, *, closing: bool) -> HttpResponse:
    risk = _risk(pk)
    _require_edit(request, risk.register_owner)
    form = RiskStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = risk_close if closing else risk_reopen
        try:
            action(risk=risk, actor=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Risk closed." if closing else "Risk reopened.")
            return redirect(risk)
    title = "Close the risk" if closing else "Reopen the risk"
    return _risk_form_page(request, risk, form, title, title.split()[0])


@login_required
@require_http_methods(["GET", "POST"])
def risk_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _change_status(request, pk, closing=True)


@login_required
@require_http_methods(["GET", "POST"])
def risk_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _change_status(request, pk, closing=False)
