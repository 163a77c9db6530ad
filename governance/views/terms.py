"""Terms of reference: public versions, comparison and review list; drafting and approval."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET, require_http_methods

from governance.access import can_edit_body, require
from governance.forms.terms import TermsApproveForm, TermsCompareForm, TermsDraftForm
from governance.models import Body, TermsOfReference
from governance.models.terms import current_terms, voting_member_count
from governance.services.terms import terms_approve, terms_draft_create, terms_draft_update
from ics_portal.common.forms import show_refusal

Status = TermsOfReference.Status


def _versions(body: Body, user) -> list[TermsOfReference]:
    """The versions this user may see: drafts only for those who may edit the body."""
    versions = body.terms.prefetch_related("quorum_required_organisations")
    if not can_edit_body(user, body):
        versions = versions.exclude(status=Status.DRAFT)
    return list(versions)


def _version_or_404(body: Body, version: int, user) -> TermsOfReference:
    terms = get_object_or_404(
        TermsOfReference.objects.prefetch_related("quorum_required_organisations"),
        body=body,
        version=version,
    )
    if terms.is_draft and not can_edit_body(user, body):
        raise Http404("No such version")
    terms.body = body
    return terms


@require_GET
def terms_list(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    versions = sorted(
        _versions(body, request.user),
        key=lambda terms: (terms.status != Status.APPROVED, -terms.version),
    )
    compare_form = TermsCompareForm(
        request.GET if "a" in request.GET or "b" in request.GET else None, versions=versions
    )
    if compare_form.is_bound and compare_form.is_valid():
        return redirect(
            "governance:terms_compare",
            body.slug,
            compare_form.cleaned_data["a"],
            compare_form.cleaned_data["b"],
        )
    return render(
        request,
        "governance/terms/terms_list.html",
        {
            "body": body,
            "versions": versions,
            "current": next((t for t in versions if t.status == Status.APPROVED), None),
            "has_draft": any(terms.is_draft for terms in versions),
            "form": compare_form,
            "can_edit": can_edit_body(request.user, body),
        },
    )


@require_GET
def terms_detail(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    terms = _version_or_404(body, version, request.user)
    return render(
        request,
        "governance/terms/terms_detail.html",
        {"body": body, "terms": terms, "can_edit": can_edit_body(request.user, body)},
    )


_TOKENS = re.compile(r"\s+|[^\s]+")


def _segment(text: str, tag: str | None, css: str) -> str:
    html = escape(text).replace("\n", "<br>")
    if tag is None or not text.strip():
        return html
    label = "added" if tag == "ins" else "removed"
    return (
        f'<{tag} class="{css}"><span class="govuk-visually-hidden">[{label}: </span>'
        f'{html}<span class="govuk-visually-hidden">]</span></{tag}>'
    )


def word_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """Both texts as escaped HTML, with the words removed from the old one in <del> and the
    words added to the new one in <ins>."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    left, right = [], []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        old_part, new_part = "".join(a[a1:a2]), "".join(b[b1:b2])
        if op == "equal":
            left.append(_segment(old_part, None, ""))
            right.append(_segment(new_part, None, ""))
        else:
            left.append(_segment(old_part, "del", "portal-diff-removed"))
            right.append(_segment(new_part, "ins", "portal-diff-added"))
    return mark_safe("".join(left)), mark_safe("".join(right))


@dataclass
class ComparedSection:
    title: str
    old: SafeString
    new: SafeString
    changed: bool


def _date(day) -> str:
    return date_format(day, "j F Y") if day else ""


def _sections(terms: TermsOfReference) -> list[tuple[str, str]]:
    return [
        ("Purpose", terms.purpose),
        ("Membership", terms.membership_rules),
        ("Quorum", terms.quorum_in_words),
        ("Meeting frequency", terms.frequency),
        ("Voting", terms.voting),
        ("Delegated authority", terms.delegated_authority),
        ("Private business taken under", terms.get_exemption_regime_display()),
        ("A joint committee's decisions", terms.joint_decisions_in_words),
        ("Review date", _date(terms.review_date)),
        ("Approved", ", ".join(filter(None, [_date(terms.approved_on), terms.approved_by]))),
    ]


@require_GET
def terms_compare(request: HttpRequest, slug: str, a: int, b: int) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    old = _version_or_404(body, a, request.user)
    new = _version_or_404(body, b, request.user)
    sections = []
    for (title, old_text), (_, new_text) in zip(_sections(old), _sections(new), strict=True):
        old_html, new_html = word_diff(old_text, new_text)
        sections.append(ComparedSection(title, old_html, new_html, old_text != new_text))
    return render(
        request,
        "governance/terms/terms_compare.html",
        {"body": body, "old": old, "new": new, "sections": sections},
    )


@require_GET
def terms_review_due(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    overdue = (
        TermsOfReference.objects.filter(status=Status.APPROVED, review_date__lt=today)
        .select_related("body")
        .order_by("review_date", "body__name")
    )
    approved = TermsOfReference.objects.filter(body=OuterRef("pk"), status=Status.APPROVED)
    without = Body.objects.filter(~Exists(approved)).order_by("name")
    return render(
        request,
        "governance/terms/terms_review_due.html",
        {"overdue": overdue, "without": without, "today": today},
    )


def _editable_body(request: HttpRequest, slug: str) -> Body:
    body = get_object_or_404(Body, slug=slug)
    require(can_edit_body(request.user, body))
    return body


def _draft_fields(form: TermsDraftForm) -> dict:
    return {
        name: form.cleaned_data[name] for name in TermsDraftForm.Meta.fields if name in form.fields
    }


@login_required
@require_http_methods(["GET", "POST"])
def terms_new(request: HttpRequest, slug: str) -> HttpResponse:
    body = _editable_body(request, slug)
    draft = body.terms.filter(status=Status.DRAFT).first()
    if draft is not None:
        messages.info(request, f"Version {draft.version} is already a draft: edit it here.")
        return redirect("governance:terms_edit", body.slug, draft.version)
    current = current_terms(body)
    form = TermsDraftForm(
        request.POST or None,
        instance=TermsOfReference(body=body),
        initial=TermsDraftForm.initial_from(current),
    )
    if request.method == "POST" and form.is_valid():
        try:
            terms = terms_draft_create(body=body, actor=request.user, **_draft_fields(form))
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"Version {terms.version} saved as a draft.")
            return redirect(terms.get_absolute_url())
    return render(
        request,
        "governance/terms/terms_form.html",
        {"body": body, "form": form, "current": current, "terms": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def terms_edit(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    body = _editable_body(request, slug)
    terms = _version_or_404(body, version, request.user)
    if not terms.is_draft:
        return render(
            request,
            "governance/terms/terms_not_editable.html",
            {"body": body, "terms": terms},
            status=409 if request.method == "POST" else 200,
        )
    form = TermsDraftForm(request.POST or None, instance=terms)
    if request.method == "POST" and form.is_valid():
        try:
            terms = terms_draft_update(
                terms=terms,
                actor=request.user,
                expected_version=form.expected_version(),
                **_draft_fields(form),
            )
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"Draft version {terms.version} saved.")
            return redirect(terms.get_absolute_url())
    return render(
        request,
        "governance/terms/terms_form.html",
        {"body": body, "form": form, "current": None, "terms": terms},
    )


@login_required
@require_http_methods(["GET", "POST"])
def terms_approve_view(request: HttpRequest, slug: str, version: int) -> HttpResponse:
    body = _editable_body(request, slug)
    terms = _version_or_404(body, version, request.user)
    form = TermsApproveForm(request.POST or None, initial={"approved_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            terms = terms_approve(terms=terms, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            show_refusal(form, exc)
        else:
            messages.success(request, f"Version {terms.version} approved.")
            return redirect(terms.get_absolute_url())
    return render(
        request,
        "governance/terms/terms_approve.html",
        {
            "body": body,
            "terms": terms,
            "form": form,
            "current": current_terms(body),
            "voting_members": voting_member_count(body),
        },
    )
