"""The forward plan, decision notices and call-in.

Who may: anyone reads the forward plan and the notices (the text of a decision taken in
private, or of one ratifying a Part II resolution, is withheld as `decisions.access` says);
an organisation's governance leads publish its plan and notices; scrutiny members of its
scrutiny committees call a decision in; those committees' clerks record the outcome.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from decisions.access import (
    call_in_bodies,
    can_publish_executive_decisions,
    can_record_call_in_outcome,
)
from decisions.forms.executive import (
    CallInForm,
    CallInOutcomeForm,
    DecisionNoticeForm,
    ForwardPlanEntryForm,
)
from decisions.models import CallIn, DecisionNotice, ForwardPlanEntry
from decisions.services import executive as services
from governance.access import require
from governance.models import Organisation
from ics_portal.common.forms import run_service

EDIT = require_http_methods(["GET", "POST"])
ENTRY_RELATED = ("organisation", "decision_maker_body", "resolution__body")
NOTICE_RELATED = (
    "organisation",
    "decision_maker_body",
    "forward_plan_entry",
    "call_in__scrutiny_body",
    "ratification__resolution__body",
    "ratification__resolution__item__meeting__body",
)


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _form_page(request: HttpRequest, form, **context) -> HttpResponse:
    return render(request, "includes/form_page.html", {"form": form, **context})


# The forward plan


def _plan_page(request: HttpRequest, organisation: Organisation | None) -> HttpResponse:
    entries = ForwardPlanEntry.objects.select_related(*ENTRY_RELATED)
    if organisation is not None:
        entries = entries.filter(organisation=organisation)
    today = timezone.localdate()
    entries = list(entries.order_by("expected_on", "pk"))
    return render(
        request,
        "decisions/executive/forward_plan.html",
        {
            "organisation": organisation,
            "upcoming": [e for e in entries if e.expected_on >= today.replace(day=1)],
            "earlier": [e for e in entries if e.expected_on < today.replace(day=1)][::-1],
            "can_publish": organisation is not None
            and can_publish_executive_decisions(request.user, organisation),
        },
    )


@require_GET
def forward_plan(request: HttpRequest) -> HttpResponse:
    return _plan_page(request, None)


@require_GET
def organisation_forward_plan(request: HttpRequest, slug: str) -> HttpResponse:
    return _plan_page(request, get_object_or_404(Organisation, slug=slug))


@require_GET
def forward_plan_entry(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(ForwardPlanEntry.objects.select_related(*ENTRY_RELATED), pk=pk)
    notices = list(entry.decision_notices.select_related(*NOTICE_RELATED))
    return render(
        request,
        "decisions/executive/entry_detail.html",
        {
            "entry": entry,
            "notices": notices,
            "can_publish": can_publish_executive_decisions(request.user, entry.organisation),
        },
    )


@login_required
@EDIT
def forward_plan_new(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    require(can_publish_executive_decisions(request.user, organisation))
    form = ForwardPlanEntryForm(
        _posted(request),
        organisation=organisation,
        initial={"first_published": timezone.localdate(), "is_key_decision": True},
    )
    if request.method == "POST" and form.is_valid():
        entry = run_service(
            form,
            lambda: services.forward_plan_publish(
                organisation=organisation, actor=request.user, **form.cleaned_data
            ),
        )
        if entry:
            messages.success(request, f"Published in {organisation}'s forward plan.")
            return redirect(entry)
    return _form_page(
        request,
        form,
        heading=f"Add to {organisation}'s forward plan",
        back=organisation,
        button="Publish in the forward plan",
        intro="A key decision may be taken only after 28 clear days' notice, unless a general "
        "exception or special urgency is recorded with the scrutiny chair's agreement.",
    )


# Decision notices


@require_GET
def notice_list(request: HttpRequest) -> HttpResponse:
    notices = list(DecisionNotice.objects.select_related(*NOTICE_RELATED))
    return render(request, "decisions/executive/notice_list.html", {"notices": notices})


@require_GET
def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(DecisionNotice.objects.select_related(*NOTICE_RELATED), pk=pk)
    call_in = notice.call_in_or_none()
    return render(
        request,
        "decisions/executive/notice_detail.html",
        {
            "notice": notice,
            "call_in": call_in,
            "can_call_in": notice.is_open_to_call_in()
            and call_in_bodies(request.user, notice.organisation).exists(),
            "can_record_outcome": call_in is not None
            and not call_in.outcome
            and can_record_call_in_outcome(request.user, call_in),
        },
    )


@login_required
@EDIT
def notice_new(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(ForwardPlanEntry.objects.select_related(*ENTRY_RELATED), pk=pk)
    require(can_publish_executive_decisions(request.user, entry.organisation))
    form = DecisionNoticeForm(
        _posted(request), initial={"title": entry.title, "published_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        notice = run_service(
            form,
            lambda: services.decision_notice_publish(
                organisation=entry.organisation,
                actor=request.user,
                forward_plan_entry=entry,
                **form.cleaned_data,
            ),
        )
        if notice:
            messages.success(request, "Decision notice published.")
            return redirect(notice)
    return _form_page(
        request,
        form,
        heading=f"Publish the decision notice: {entry.title}",
        back=entry,
        button="Publish the notice",
        intro="The call-in period opens on the day of publication, unless the decision is "
        "urgent and exempt from call-in.",
    )


@login_required
@EDIT
def call_in_new(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(DecisionNotice.objects.select_related(*NOTICE_RELATED), pk=pk)
    bodies = call_in_bodies(request.user, notice.organisation)
    require(bodies.exists(), "Only scrutiny members call a decision in.")
    form = CallInForm(_posted(request), bodies=bodies)
    if request.method == "POST" and form.is_valid():
        call_in = run_service(
            form,
            lambda: services.call_in_request(
                notice=notice, actor=request.user, **form.cleaned_data
            ),
        )
        if call_in:
            messages.success(request, "Called in: the decision is suspended until scrutiny.")
            return redirect(notice)
    needed = notice.organisation.call_in_signatures
    deadline = notice.call_in_deadline
    return _form_page(
        request,
        form,
        heading=f"Call in: {notice.title}",
        back=notice,
        button="Call in the decision",
        intro=f"{needed} scrutiny members must sign"
        + (f"; the call-in period ends on {deadline:%-d %B %Y}." if deadline else "."),
    )


@login_required
@EDIT
def call_in_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    call_in = get_object_or_404(
        CallIn.objects.select_related("notice__organisation", "scrutiny_body"), notice_id=pk
    )
    require(can_record_call_in_outcome(request.user, call_in))
    form = CallInOutcomeForm(
        _posted(request),
        initial={"version": call_in.version, "outcome_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_service(
            form,
            lambda: services.call_in_record_outcome(
                call_in=call_in,
                outcome=data["outcome"],
                actor=request.user,
                expected_version=data["version"],
                on=data["outcome_on"],
                note=data["note"],
            ),
        )
        if saved:
            messages.success(request, f"Outcome recorded: {saved.get_outcome_display()}.")
            return redirect(call_in.notice)
    return _form_page(
        request,
        form,
        heading=f"Record the scrutiny outcome: {call_in.notice.title}",
        back=call_in.notice,
        button="Record the outcome",
    )
