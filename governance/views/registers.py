"""Registers of interests and gifts and hospitality: the public register and its editing pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from governance import access
from governance.forms.registers import (
    GiftForm,
    InterestEndForm,
    InterestForm,
    ProcurementDecisionForm,
)
from governance.models import (
    GiftOrHospitality,
    Interest,
    Organisation,
    Person,
    ProcurementDecision,
)
from governance.models.registers import (
    GIFT_DECLARE_OVER,
    HOSPITALITY_APPROVE_OVER,
    HOSPITALITY_DECLARE_OVER,
)
from governance.selectors.registers import person_register as select_person_register
from governance.services.registers import (
    gift_record,
    gift_update,
    interest_end,
    interest_register,
    interest_update,
    procurement_decision_record,
    procurement_decision_update,
)
from ics_portal.common.forms import run_service, show_refusal

THRESHOLDS = {
    "gift_declare": GIFT_DECLARE_OVER,
    "hospitality_declare": HOSPITALITY_DECLARE_OVER,
    "hospitality_approve": HOSPITALITY_APPROVE_OVER,
}


def _person_to_edit(request: HttpRequest, slug: str) -> Person:
    person = get_object_or_404(Person, slug=slug)
    access.require(
        access.can_edit_person(request.user, person),
        "Only administrators, the person and the clerks of their bodies edit this register.",
    )
    return person


def _form_page(request, person, form, *, title: str, button: str = "Save") -> HttpResponse:
    return render(
        request,
        "governance/registers/form.html",
        {"person": person, "form": form, "title": title, "button": button},
    )


@require_GET
def person_register(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    return render(
        request,
        "governance/registers/person_register.html",
        {
            "person": person,
            "register": select_person_register(person),
            "can_edit": access.can_edit_person(request.user, person),
            "thresholds": THRESHOLDS,
        },
    )


def _register_url(person: Person) -> str:
    return reverse("governance:person_register", args=[person.slug])


@login_required
@require_http_methods(["GET", "POST"])
def interest_create(request: HttpRequest, slug: str) -> HttpResponse:
    person = _person_to_edit(request, slug)
    form = InterestForm(request.POST or None, instance=Interest(person=person))
    if request.method == "POST" and form.is_valid():
        try:
            interest_register(person=person, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Interest added to the register.")
            return redirect(_register_url(person))
    return _form_page(request, person, form, title="Add an interest")


@login_required
@require_http_methods(["GET", "POST"])
def interest_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    person = _person_to_edit(request, slug)
    interest = get_object_or_404(Interest, pk=pk, person=person)
    form = InterestForm(request.POST or None, instance=interest)
    if request.method == "POST" and form.is_valid():
        try:
            interest_update(
                interest=interest,
                actor=request.user,
                expected_version=form.expected_version(),
                **form.record_fields(),
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Interest updated.")
            return redirect(_register_url(person))
    return _form_page(request, person, form, title="Change an interest")


@login_required
@require_http_methods(["GET", "POST"])
def interest_end_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    person = _person_to_edit(request, slug)
    interest = get_object_or_404(Interest, pk=pk, person=person)
    form = InterestEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            interest_end(
                interest=interest,
                registered_to=form.cleaned_data["registered_to"],
                actor=request.user,
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(
                request, "Interest ended. It stays on the register as a past interest."
            )
            return redirect(_register_url(person))
    return render(
        request,
        "governance/registers/interest_end.html",
        {"person": person, "interest": interest, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def gift_create(request: HttpRequest, slug: str) -> HttpResponse:
    person = _person_to_edit(request, slug)
    form = GiftForm(request.POST or None, instance=GiftOrHospitality(person=person))
    if request.method == "POST" and form.is_valid():
        try:
            gift_record(person=person, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Gift or hospitality recorded.")
            return redirect(_register_url(person))
    return _form_page(request, person, form, title="Record a gift or hospitality")


@login_required
@require_http_methods(["GET", "POST"])
def gift_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    person = _person_to_edit(request, slug)
    gift = get_object_or_404(GiftOrHospitality, pk=pk, person=person)
    form = GiftForm(request.POST or None, instance=gift)
    if request.method == "POST" and form.is_valid():
        try:
            gift_update(
                gift=gift,
                actor=request.user,
                expected_version=form.expected_version(),
                **form.record_fields(),
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Gift or hospitality updated.")
            return redirect(_register_url(person))
    return _form_page(request, person, form, title="Change a gift or hospitality")


# Procurement decisions registers of NHS organisations


def _nhs_organisation(slug: str) -> Organisation:
    """The organisation, if it is an NHS one: no other keeps this register."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not organisation.is_nhs:
        raise Http404("Only NHS organisations keep a procurement decisions register.")
    return organisation


@require_GET
def procurement_decisions(request: HttpRequest, slug: str) -> HttpResponse:
    """An NHS organisation's procurement decisions register: public."""
    organisation = _nhs_organisation(slug)
    return render(
        request,
        "governance/registers/procurement_decisions.html",
        {
            "organisation": organisation,
            "decisions": list(organisation.procurement_decisions.all()),
            "can_edit": access.can_edit_procurement_register(request.user, organisation),
        },
    )


def _procurement_form_page(request, organisation, form, *, heading: str, history_object=None):
    return render(
        request,
        "includes/form_page.html",
        {
            "form": form,
            "heading": heading,
            "intro": f"An entry in the procurement decisions register of {organisation}. "
            "The register is public.",
            "back": organisation,
            "history_object": history_object,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def procurement_decision_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _nhs_organisation(slug)
    access.require(access.can_edit_procurement_register(request.user, organisation))
    form = ProcurementDecisionForm(
        request.POST or None, instance=ProcurementDecision(organisation=organisation)
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: procurement_decision_record(
                organisation=organisation, actor=request.user, **form.record_fields()
            ),
        )
        if saved:
            messages.success(request, f"{saved} added to the register.")
            return redirect(saved)
    return _procurement_form_page(
        request, organisation, form, heading="Record a procurement decision"
    )


@login_required
@require_http_methods(["GET", "POST"])
def procurement_decision_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _nhs_organisation(slug)
    access.require(access.can_edit_procurement_register(request.user, organisation))
    decision = get_object_or_404(ProcurementDecision, pk=pk, organisation=organisation)
    form = ProcurementDecisionForm(request.POST or None, instance=decision)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: procurement_decision_update(
                entry=decision,
                actor=request.user,
                expected_version=form.expected_version(),
                **form.record_fields(),
            ),
        )
        if saved:
            messages.success(request, f"{saved} updated.")
            return redirect(saved)
    return _procurement_form_page(
        request,
        organisation,
        form,
        heading="Change a procurement decision",
        history_object=decision,
    )
