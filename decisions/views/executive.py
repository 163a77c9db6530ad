"""The forward plan, decision notices and call-in.

Who may: anyone reads the forward plan and the notices (the text of a decision taken in
private, or of one ratifying a Part II resolution, is withheld as `decisions.access` says);
an organisation's governance leads publish its plan and notices; scrutiny members of its
scrutiny committees call a decision in; those committees' clerks record the outcome.
"""

from __future__ import annotations

from functools import partial

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
    DecisionNoticeCorrectionForm,
    DecisionNoticeForm,
    ForwardPlanEntryEditForm,
    ForwardPlanEntryForm,
)
from decisions.models import CallIn, DecisionNotice, ForwardPlanEntry, Ratification
from decisions.selectors.executive import (
    ENTRY_RELATED,
    NOTICE_RELATED,
    decision_notices,
    forward_plan_entries,
)
from decisions.services import executive as services
from governance.access import require
from governance.models import Organisation
from ics_portal.common.forms import run_service

EDIT = require_http_methods(["GET", "POST"])


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _form_page(request: HttpRequest, form, **context) -> HttpResponse:
    return render(request, "includes/form_page.html", {"form": form, **context})


def _change_page(
    request: HttpRequest, record, *, form_class, fields: tuple[str, ...], save, done: str, **page
) -> HttpResponse:
    """A form changing the `fields` of a published record: on a valid post, `save` them with
    the version the form was opened at and the reason, then back to the record."""
    initial = {name: getattr(record, name) for name in fields}
    form = form_class(_posted(request), initial={**initial, "version": record.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = run_service(
            form,
            lambda: save(
                actor=request.user,
                expected_version=data["version"],
                reason=data["reason"],
                **{name: data[name] for name in fields},
            ),
        )
        if saved:
            messages.success(request, done)
            return redirect(saved)
    return _form_page(request, form, back=record, **page)


# The forward plan


def _plan_page(request: HttpRequest, organisation: Organisation | None) -> HttpResponse:
    today = timezone.localdate()
    entries = list(forward_plan_entries(organisation))
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
    can_publish = can_publish_executive_decisions(request.user, entry.organisation)
    ratification = None
    if can_publish and entry.resolution_id is not None:
        # The organisation's ratification, whose outcome records the decision.
        ratification = Ratification.objects.filter(
            resolution_id=entry.resolution_id, organisation_id=entry.organisation_id
        ).first()
    return render(
        request,
        "decisions/executive/entry_detail.html",
        {
            "entry": entry,
            "notices": notices,
            "can_publish": can_publish,
            "ratification": ratification,
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


ENTRY_EDITABLE = (
    "title",
    "decision_maker_body",
    "decision_maker_role",
    "is_key_decision",
    "expected_on",
    "month_only",
    "in_private",
    "exempt_paragraph",
    "private_reason",
    "documents",
    "lead_officer",
    "representations",
    "urgency",
    "urgency_reason",
    "scrutiny_chair",
    "scrutiny_agreed_on",
    "resolution",
)


@login_required
@EDIT
def forward_plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(ForwardPlanEntry.objects.select_related(*ENTRY_RELATED), pk=pk)
    require(can_publish_executive_decisions(request.user, entry.organisation))
    return _change_page(
        request,
        entry,
        form_class=partial(ForwardPlanEntryEditForm, organisation=entry.organisation),
        fields=ENTRY_EDITABLE,
        save=partial(services.forward_plan_update, entry=entry),
        done="Forward plan entry changed; the change is in its history.",
        heading=f"Change the forward plan entry: {entry.title}",
        button="Save the change",
        intro=f"First published on {entry.first_published:%-d %B %Y}: the 28 clear days' "
        "notice of a key decision count from that day.",
    )


# Decision notices


@require_GET
def notice_list(request: HttpRequest) -> HttpResponse:
    organisation = None
    if request.GET.get("organisation"):
        organisation = get_object_or_404(Organisation, slug=request.GET["organisation"])
    notices = list(decision_notices(organisation))
    return render(
        request,
        "decisions/executive/notice_list.html",
        {"notices": notices, "organisation": organisation},
    )


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
            "can_correct": can_publish_executive_decisions(request.user, notice.organisation),
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
def notice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(DecisionNotice.objects.select_related(*NOTICE_RELATED), pk=pk)
    require(can_publish_executive_decisions(request.user, notice.organisation))
    return _change_page(
        request,
        notice,
        form_class=DecisionNoticeCorrectionForm,
        fields=services.NOTICE_TEXT,
        save=partial(services.decision_notice_correct, notice=notice),
        done="Decision notice corrected; the change is in its history.",
        heading=f"Correct the decision notice: {notice.title}",
        button="Save the correction",
        intro="Correct the words of the notice. Its dates and call-in period stay as published; "
        "a different decision needs a new notice.",
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
