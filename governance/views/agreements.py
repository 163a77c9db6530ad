"""Agreements and delegations: the public pages and the staff pages that change them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from governance import access
from governance.access import can_edit_agreement, require
from governance.forms import agreements as agreement_forms
from governance.models import (
    Agreement,
    AgreementParty,
    AgreementSection,
    Body,
    Delegation,
    Organisation,
    Partnership,
)
from governance.services import agreements as services
from ics_portal.common.forms import show_refusal


def _agreement_for(request: HttpRequest, slug: str, *, edit: bool = False) -> Agreement:
    agreement = get_object_or_404(Agreement.objects.select_related("partnership"), slug=slug)
    may_edit = can_edit_agreement(request.user, agreement)
    if edit:
        require(may_edit, "Only the partnership's clerks and administrators edit its agreements.")
    elif not agreement.is_public and not may_edit:
        raise Http404("No such agreement")
    return agreement


def _editable_partnerships(user):
    if access.is_admin(user):
        return Partnership.objects.all()
    clerk_of = access.roles(user).clerk_of
    return Partnership.objects.filter(bodies__in=clerk_of).distinct()


class StatusFilter(forms.Form):
    status = forms.ChoiceField(
        choices=[("", "All statuses")] + Agreement.Status.choices, required=False
    )


# Public pages


@require_GET
def agreement_list(request: HttpRequest) -> HttpResponse:
    agreements = access.agreements_visible_to(request.user)
    status_filter = StatusFilter(request.GET or None)
    if status_filter.is_valid() and status_filter.cleaned_data["status"]:
        agreements = agreements.filter(status=status_filter.cleaned_data["status"])
    agreements = agreements.select_related("partnership").prefetch_related(
        Prefetch(
            "agreement_parties", queryset=AgreementParty.objects.select_related("organisation")
        )
    )
    return render(
        request,
        "governance/agreements/agreement_list.html",
        {
            "agreements": agreements,
            "status_filter": status_filter,
            "can_create": _editable_partnerships(request.user).exists()
            if access.can_clerk_any(request.user)
            else False,
        },
    )


@require_GET
def agreement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    agreement = get_object_or_404(
        Agreement.objects.select_related("partnership", "previous_version").prefetch_related(
            "sections",
            "later_versions",
            Prefetch(
                "agreement_parties",
                queryset=AgreementParty.objects.select_related("organisation", "recorded_by"),
            ),
            Prefetch(
                "delegations",
                queryset=Delegation.objects.select_related(
                    "from_body", "from_organisation", "to_body", "source_agreement"
                ),
            ),
        ),
        slug=slug,
    )
    may_edit = can_edit_agreement(request.user, agreement)
    if not agreement.is_public and not may_edit:
        raise Http404("No such agreement")
    sections = list(agreement.sections.all())
    return render(
        request,
        "governance/agreements/agreement_detail.html",
        {
            "agreement": agreement,
            "sections": sections,
            "parties": list(agreement.agreement_parties.all()),
            "outstanding": agreement.outstanding_parties,
            "can_edit": may_edit,
        },
    )


@require_GET
def delegation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    delegation = get_object_or_404(
        Delegation.objects.select_related(
            "from_body", "from_organisation", "to_body", "source_agreement"
        ),
        pk=pk,
    )
    return render(
        request,
        "governance/agreements/delegation_detail.html",
        {"delegation": delegation, "can_edit": _can_edit_delegation(request.user, delegation)},
    )


# Staff pages: agreements


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest) -> HttpResponse:
    partnerships = _editable_partnerships(request.user)
    is_admin = access.is_admin(request.user)
    require(is_admin or (access.can_clerk_any(request.user) and partnerships.exists()))
    form = agreement_forms.AgreementCreateForm(
        request.POST or None, partnerships=partnerships, allow_no_partnership=is_admin
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The form's list already limits the partnership; ask the permission module anyway.
        probe = Agreement(partnership=data["partnership"])
        require(can_edit_agreement(request.user, probe))
        try:
            agreement = services.agreement_create(
                title=data["title"],
                slug=data["slug"],
                kind=data["kind"],
                partnership=data["partnership"],
                version=data["version"],
                effective_from=data["effective_from"],
                review_date=data["review_date"],
                summary=data["summary"],
                parties=data["parties"],
                actor=request.user,
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"{agreement} created as a draft.")
            return redirect(agreement)
    return render(request, "governance/agreements/agreement_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, slug: str) -> HttpResponse:
    agreement = _agreement_for(request, slug, edit=True)
    form = agreement_forms.AgreementEditForm(
        request.POST or None, instance=Agreement.objects.get(pk=agreement.pk)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_update(
                agreement=agreement,
                actor=request.user,
                expected_version=form.expected_version(),
                **{name: form.cleaned_data[name] for name in form.Meta.fields},
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Agreement details saved.")
            return redirect(agreement)
    return render(
        request,
        "governance/agreements/agreement_edit.html",
        {"form": form, "agreement": agreement, "heading": "Edit agreement details"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def section_add(request: HttpRequest, slug: str) -> HttpResponse:
    agreement = _agreement_for(request, slug, edit=True)
    form = agreement_forms.SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            section = services.agreement_section_add(
                agreement=agreement, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"Section {section.number} added.")
            return redirect(agreement)
    return render(
        request,
        "governance/agreements/section_form.html",
        {"form": form, "agreement": agreement, "heading": "Add a section"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    agreement = _agreement_for(request, slug, edit=True)
    section = get_object_or_404(AgreementSection, agreement=agreement, number=number)
    form = agreement_forms.SectionForm(
        request.POST or None, instance=AgreementSection.objects.get(pk=section.pk)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_section_update(
                section=section,
                actor=request.user,
                expected_version=form.expected_version(),
                **form.record_fields(),
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"Section {number} saved.")
            return redirect(agreement)
    return render(
        request,
        "governance/agreements/section_form.html",
        {"form": form, "agreement": agreement, "heading": f"Edit section {number}"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def party_add(request: HttpRequest, slug: str) -> HttpResponse:
    agreement = _agreement_for(request, slug, edit=True)
    form = agreement_forms.AddPartyForm(request.POST or None)
    form.fields["organisation"].queryset = Organisation.objects.exclude(
        agreement_parties__agreement=agreement
    )
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            services.agreement_add_party(
                agreement=agreement, organisation=organisation, actor=request.user
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"{organisation} added as a party.")
            return redirect(agreement)
    return render(
        request,
        "governance/agreements/party_form.html",
        {"form": form, "agreement": agreement, "heading": "Add a party"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def party_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    agreement = _agreement_for(request, slug, edit=True)
    party = get_object_or_404(
        AgreementParty.objects.select_related("organisation"), agreement=agreement, pk=pk
    )
    form = forms.Form(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_remove_party(party=party, actor=request.user)
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"{party.organisation} removed as a party.")
            return redirect(agreement)
    return render(
        request,
        "governance/agreements/party_remove.html",
        {
            "form": form,
            "agreement": agreement,
            "party": party,
            "heading": f"Remove {party.organisation}",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def signature_record(request: HttpRequest, slug: str) -> HttpResponse:
    agreement = _agreement_for(request, slug, edit=True)
    outstanding = [
        row.organisation
        for row in agreement.agreement_parties.select_related("organisation")
        if not row.is_signed
    ]
    form = agreement_forms.SignatureForm(
        request.POST or None, agreement=agreement, outstanding=outstanding
    )
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            services.agreement_record_signature(
                agreement=agreement,
                organisation=organisation,
                signed_by=form.cleaned_data["signed_by"],
                signed_on=form.cleaned_data["signed_on"],
                actor=request.user,
                expected_version=form.cleaned_data["edit_version"],
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            agreement.refresh_from_db()
            if agreement.status == Agreement.Status.SIGNED:
                messages.success(
                    request,
                    f"Signature of {organisation} recorded. Every party has now signed: "
                    "the agreement is signed.",
                )
            else:
                messages.success(request, f"Signature of {organisation} recorded.")
            return redirect(agreement)
    return render(
        request,
        "governance/agreements/signature_form.html",
        {
            "form": form,
            "agreement": agreement,
            "outstanding": outstanding,
            "heading": "Record a signature",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def status_change(request: HttpRequest, slug: str) -> HttpResponse:
    agreement = _agreement_for(request, slug, edit=True)
    form = agreement_forms.StatusForm(request.POST or None, initial={"status": agreement.status})
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_change_status(
                agreement=agreement, status=form.cleaned_data["status"], actor=request.user
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(
                request, f"The agreement is now {agreement.get_status_display().lower()}."
            )
            return redirect(agreement)
    return render(
        request,
        "governance/agreements/status_form.html",
        {"form": form, "agreement": agreement, "heading": "Change status"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_version(request: HttpRequest, slug: str) -> HttpResponse:
    agreement = _agreement_for(request, slug, edit=True)
    form = agreement_forms.NewVersionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.agreement_new_version(
                agreement=agreement,
                version=form.cleaned_data["version"],
                slug=form.cleaned_data["slug"],
                actor=request.user,
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"Version {new.version} started as a draft.")
            return redirect(new)
    return render(
        request,
        "governance/agreements/new_version_form.html",
        {"form": form, "agreement": agreement, "heading": "Start a new version"},
    )


# Staff pages: delegations


def _can_edit_delegation(user, delegation: Delegation) -> bool:
    if delegation.from_body_id:
        return access.can_edit_body(user, delegation.from_body)
    return access.can_edit_organisation(user, delegation.from_organisation)


def _delegation_create(request: HttpRequest, *, from_body=None, from_organisation=None):
    delegator = from_body or from_organisation
    form = agreement_forms.DelegationForm(request.POST or None, exclude_body=from_body)
    if request.method == "POST" and form.is_valid():
        try:
            delegation = services.delegation_create(
                from_body=from_body,
                from_organisation=from_organisation,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"Delegation to {delegation.to_body} recorded.")
            return redirect(delegation)
    return render(
        request,
        "governance/agreements/delegation_form.html",
        {"form": form, "delegator": delegator, "delegation": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def body_delegation_create(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    require(access.can_edit_body(request.user, body))
    return _delegation_create(request, from_body=body)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_delegation_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    require(access.can_edit_organisation(request.user, organisation))
    return _delegation_create(request, from_organisation=organisation)


def _delegation_for_edit(request: HttpRequest, pk: int) -> Delegation:
    delegation = get_object_or_404(
        Delegation.objects.select_related("from_body", "from_organisation", "to_body"), pk=pk
    )
    require(_can_edit_delegation(request.user, delegation))
    return delegation


@login_required
@require_http_methods(["GET", "POST"])
def delegation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    delegation = _delegation_for_edit(request, pk)
    form = agreement_forms.DelegationForm(
        request.POST or None,
        instance=Delegation.objects.get(pk=pk),
        exclude_body=delegation.from_body,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.delegation_update(
                delegation=delegation, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Delegation saved.")
            return redirect(delegation)
    return render(
        request,
        "governance/agreements/delegation_form.html",
        {"form": form, "delegator": delegation.delegator, "delegation": delegation},
    )


@login_required
@require_http_methods(["GET", "POST"])
def delegation_end(request: HttpRequest, pk: int) -> HttpResponse:
    delegation = _delegation_for_edit(request, pk)
    form = agreement_forms.DelegationEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.delegation_end(
                delegation=delegation, end=form.cleaned_data["end"], actor=request.user
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, "Delegation ended.")
            return redirect(delegation)
    return render(
        request,
        "governance/agreements/delegation_end.html",
        {"form": form, "delegation": delegation},
    )
