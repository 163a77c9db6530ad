"""Organisations, partnerships, bodies and people: the public pages and their editing pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from governance import access
from governance.forms.structure import (
    BodyForm,
    LeaveForm,
    MembershipForm,
    OrganisationForm,
    PartnershipForm,
    PartnershipMemberForm,
    PersonForm,
)
from governance.models import (
    Body,
    Membership,
    Organisation,
    Partnership,
    PartnershipMember,
    Person,
)
from governance.models.terms import current_terms, with_terms_review_due
from governance.selectors.agreements import (
    agreements_for_organisation,
    agreements_for_partnership,
    delegations_for_body,
    delegations_for_organisation,
)
from governance.selectors.registers import current_interests, recent_gifts
from governance.selectors.risks import risk_summary
from governance.services import structure as services
from ics_portal.common.forms import run_service
from ics_portal.common.pages import uncounted_page

EDIT = require_http_methods(["GET", "POST"])
PEOPLE_PER_PAGE = 100


def _form_page(request, template: str, form, **context) -> HttpResponse:
    return render(request, template, {"form": form, **context})


def _unique_slug(model, text: str) -> str:
    base = slugify(text)[:70] or "record"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _split_memberships(memberships):
    """Current seats (chair and vice-chair first) and past ones, as of today."""
    today = timezone.localdate()
    current, past = [], []
    for membership in memberships:
        (current if membership.end is None or membership.end >= today else past).append(membership)
    current = [m for m in current if m.start <= today] + [m for m in current if m.start > today]
    current.sort(key=lambda m: (m.start > today, Membership.ROLE_ORDER[m.role], m.person.name))
    past.sort(key=lambda m: m.end, reverse=True)
    return current, past


# Organisations


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.select_related("ratifying_body")
    kind = request.GET.get("kind", "")
    if kind in Organisation.Kind.values:
        organisations = organisations.filter(kind=kind)
    return render(
        request,
        "governance/organisation_list.html",
        {
            "organisations": organisations,
            "kinds": Organisation.Kind.choices,
            "kind": kind,
            "can_add": access.is_admin(request.user),
        },
    )


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.select_related("ratifying_body"), slug=slug
    )
    spells = organisation.partnership_memberships.select_related("partnership").order_by(
        "partnership__name", "joined"
    )
    return render(
        request,
        "governance/organisation_detail.html",
        {
            "organisation": organisation,
            "spells": spells,
            "bodies": organisation.bodies.order_by("name"),
            "agreements": agreements_for_organisation(organisation, request.user),
            "delegations_from": delegations_for_organisation(organisation),
            "can_edit": access.can_edit_organisation(request.user, organisation),
        },
    )


@login_required
@EDIT
def organisation_create(request: HttpRequest) -> HttpResponse:
    access.require(access.is_admin(request.user))
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = form.save(commit=False)
        organisation.slug = _unique_slug(Organisation, organisation.name)
        saved = run_service(
            form,
            lambda: services.record_create(obj=organisation, actor=request.user),
        )
        if saved:
            messages.success(request, f"{saved} added.")
            return redirect(saved)
    return _form_page(request, "includes/form_page.html", form, heading="Add an organisation")


@login_required
@EDIT
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    access.require(access.can_edit_organisation(request.user, organisation))
    form = OrganisationForm(
        request.POST or None, instance=Organisation.objects.get(pk=organisation.pk)
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.organisation_update(
                organisation=organisation, actor=request.user, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, "Organisation details saved.")
            return redirect(saved)
    return _form_page(
        request, "includes/form_page.html", form, heading=f"Edit {organisation}", back=organisation
    )


# Partnerships


@require_GET
def partnership_list(request: HttpRequest) -> HttpResponse:
    partnerships = list(Partnership.objects.all())
    children: dict[int | None, list[Partnership]] = {}
    for partnership in partnerships:
        children.setdefault(partnership.parent_id, []).append(partnership)

    def tree(parent_id):
        return [(p, tree(p.pk)) for p in children.get(parent_id, [])]

    return render(
        request,
        "governance/partnership_list.html",
        {"tree": tree(None), "can_add": access.is_admin(request.user)},
    )


@require_GET
def partnership_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = get_object_or_404(Partnership, slug=slug)
    everyone = {
        p.pk: p for p in Partnership.objects.only("pk", "name", "slug", "level", "parent_id")
    }
    ancestors, parent_id = [], partnership.parent_id
    while parent_id is not None and parent_id in everyone and len(ancestors) < 20:
        ancestors.insert(0, everyone[parent_id])
        parent_id = everyone[parent_id].parent_id
    children = [p for p in everyone.values() if p.parent_id == partnership.pk]
    today = timezone.localdate()
    spells = list(partnership.members.select_related("organisation"))
    return render(
        request,
        "governance/partnership_detail.html",
        {
            "partnership": partnership,
            "ancestors": ancestors,
            "children": sorted(children, key=lambda p: p.name),
            "current_members": [s for s in spells if s.left is None or s.left >= today],
            "past_members": [s for s in spells if s.left is not None and s.left < today],
            "bodies": partnership.bodies.select_related("parent").order_by("name"),
            "principles": [line for line in partnership.principles.splitlines() if line.strip()],
            "agreements": agreements_for_partnership(partnership, request.user),
            "risks": risk_summary(partnership),
            "risks_url": reverse("governance:partnership_risks", args=[partnership.slug]),
            "can_edit": access.can_edit_partnership(request.user, partnership),
        },
    )


@login_required
@EDIT
def partnership_create(request: HttpRequest) -> HttpResponse:
    access.require(access.is_admin(request.user))
    form = PartnershipForm(
        request.POST or None, ownership=access.can_change_ownership(request.user)
    )
    if request.method == "POST" and form.is_valid():
        partnership = form.save(commit=False)
        partnership.slug = _unique_slug(Partnership, partnership.name)
        saved = run_service(
            form, lambda: services.record_create(obj=partnership, actor=request.user)
        )
        if saved:
            messages.success(request, f"{saved} added.")
            return redirect(saved)
    return _form_page(request, "includes/form_page.html", form, heading="Add a partnership")


@login_required
@EDIT
def partnership_edit(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = get_object_or_404(Partnership, slug=slug)
    access.require(access.can_edit_partnership(request.user, partnership))
    form = PartnershipForm(
        request.POST or None,
        instance=Partnership.objects.get(pk=partnership.pk),
        ownership=access.can_change_ownership(request.user),
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.partnership_update(
                partnership=partnership, actor=request.user, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, "Partnership saved.")
            return redirect(saved)
    return _form_page(
        request, "includes/form_page.html", form, heading=f"Edit {partnership}", back=partnership
    )


@login_required
@EDIT
def partnership_member_add(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = get_object_or_404(Partnership, slug=slug)
    access.require(access.can_edit_partnership(request.user, partnership))
    form = PartnershipMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.partnership_member_add(
                partnership=partnership, actor=request.user, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, f"{saved.organisation} joined {partnership}.")
            return redirect(partnership)
    return _form_page(
        request,
        "includes/form_page.html",
        form,
        heading=f"Add a member organisation to {partnership}",
        back=partnership,
    )


@login_required
@EDIT
def partnership_member_end(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = get_object_or_404(Partnership, slug=slug)
    access.require(access.can_edit_partnership(request.user, partnership))
    member = get_object_or_404(
        PartnershipMember.objects.select_related("organisation"), pk=pk, partnership=partnership
    )
    form = LeaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.partnership_member_end(
                member=member, left=form.cleaned_data["left"], actor=request.user
            ),
        )
        if saved:
            messages.success(request, f"{member.organisation} has left {partnership}.")
            return redirect(partnership)
    return _form_page(
        request,
        "includes/form_page.html",
        form,
        heading=f"{member.organisation} leaves {partnership}",
        back=partnership,
    )


# Bodies


@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    bodies = with_terms_review_due(
        Body.objects.select_related("partnership", "organisation", "parent")
    )
    kind = request.GET.get("kind", "")
    if kind in Body.Kind.values:
        bodies = bodies.filter(kind=kind)
    return render(
        request,
        "governance/body_list.html",
        {
            "bodies": bodies,
            "kinds": Body.Kind.choices,
            "kind": kind,
            "can_add": access.is_admin(request.user),
        },
    )


@require_GET
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(
        Body.objects.select_related("partnership", "organisation", "parent"), slug=slug
    )
    memberships = body.memberships.select_related("person", "representing").prefetch_related(
        Prefetch("substitutes", queryset=Person.objects.order_by("name"))
    )
    current, past = _split_memberships(memberships)
    delegations_from, delegations_to = delegations_for_body(body)
    return render(
        request,
        "governance/body_detail.html",
        {
            "body": body,
            "terms": current_terms(body),
            "delegations_from": delegations_from,
            "delegations_to": delegations_to,
            "risks": risk_summary(body),
            "risks_url": reverse("governance:body_risks", args=[body.slug]),
            "current": current,
            "past": past,
            "children": body.children.order_by("name"),
            "can_edit": access.can_edit_body(request.user, body),
        },
    )


@login_required
@EDIT
def body_create(request: HttpRequest) -> HttpResponse:
    access.require(access.is_admin(request.user))
    form = BodyForm(request.POST or None, ownership=access.can_change_ownership(request.user))
    if request.method == "POST" and form.is_valid():
        body = form.save(commit=False)
        body.slug = _unique_slug(Body, body.name)
        saved = run_service(form, lambda: services.record_create(obj=body, actor=request.user))
        if saved:
            messages.success(request, f"{saved} added.")
            return redirect(saved)
    return _form_page(request, "includes/form_page.html", form, heading="Add a body")


@login_required
@EDIT
def body_edit(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    access.require(access.can_edit_body(request.user, body))
    form = BodyForm(
        request.POST or None,
        instance=Body.objects.get(pk=body.pk),
        ownership=access.can_change_ownership(request.user),
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form, lambda: services.body_update(body=body, actor=request.user, **form.cleaned_data)
        )
        if saved:
            messages.success(request, "Body saved.")
            return redirect(saved)
    return _form_page(request, "includes/form_page.html", form, heading=f"Edit {body}", back=body)


@login_required
@EDIT
def membership_add(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body.objects.select_related("partnership"), slug=slug)
    access.require(access.can_edit_body(request.user, body))
    form = MembershipForm(request.POST or None, body=body)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        saved = run_service(
            form, lambda: services.membership_add(body=body, actor=request.user, **data)
        )
        if saved:
            messages.success(request, f"{saved.person} added to {body}.")
            return redirect(body)
    return _form_page(
        request, "includes/form_page.html", form, heading=f"Add a member to {body}", back=body
    )


@login_required
@EDIT
def membership_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    body = get_object_or_404(Body.objects.select_related("partnership"), slug=slug)
    access.require(access.can_edit_body(request.user, body))
    membership = get_object_or_404(Membership.objects.select_related("person"), pk=pk, body=body)
    form = MembershipForm(
        request.POST or None, body=body, instance=Membership.objects.get(pk=membership.pk)
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.membership_update(
                membership=membership,
                actor=request.user,
                expected_version=form.expected_version(),
                **form.record_fields(),
            ),
        )
        if saved:
            messages.success(request, f"Membership of {membership.person} saved.")
            return redirect(body)
    return _form_page(
        request,
        "includes/form_page.html",
        form,
        heading=f"{membership.person} on {body}",
        back=body,
        history_object=membership,
    )


# People


@require_GET
def person_list(request: HttpRequest) -> HttpResponse:
    people = Person.objects.select_related("organisation")
    page = uncounted_page(people, PEOPLE_PER_PAGE, request.GET.get("page"))
    return render(
        request,
        "governance/person_list.html",
        {"page": page, "people": page, "can_add": access.can_clerk_any(request.user)},
    )


@require_GET
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("organisation"), slug=slug)
    memberships = person.memberships.select_related("body", "representing")
    current, past = _split_memberships(memberships)
    return render(
        request,
        "governance/person_detail.html",
        {
            "person": person,
            "current": current,
            "past": past,
            "interests": current_interests(person),
            "gifts": recent_gifts(person),
            "can_edit": access.can_edit_person(request.user, person),
        },
    )


@login_required
@EDIT
def person_create(request: HttpRequest) -> HttpResponse:
    access.require(access.can_clerk_any(request.user))
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data, slug=_unique_slug(Person, form.cleaned_data["name"]))
        saved = run_service(form, lambda: services.person_create(actor=request.user, **data))
        if saved:
            messages.success(request, f"{saved} added.")
            return redirect(saved)
    return _form_page(request, "includes/form_page.html", form, heading="Add a person")


@login_required
@EDIT
def person_edit(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    access.require(access.can_edit_person(request.user, person))
    form = PersonForm(request.POST or None, instance=Person.objects.get(pk=person.pk))
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.person_update(person=person, actor=request.user, **form.cleaned_data),
        )
        if saved:
            messages.success(request, "Details saved.")
            return redirect(saved)
    return _form_page(
        request, "includes/form_page.html", form, heading=f"Edit {person}", back=person
    )
