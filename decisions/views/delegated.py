"""Officer and delegated decisions: the public register, one decision, and the page that
records one (the organisation's governance leads and administrators,
`can_record_delegated_decision`)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from decisions.access import can_record_delegated_decision
from decisions.forms.delegated import DelegatedDecisionForm
from decisions.models import DelegatedDecision
from decisions.selectors.delegated import RELATED, delegated_decisions
from decisions.services.delegated import delegated_decision_record
from governance.access import is_admin, require, roles
from governance.models import Organisation
from ics_portal.common.forms import run_service
from ics_portal.common.pages import uncounted_page

PER_PAGE = 25


def _recordable_organisations(user):
    """The organisations whose decisions this user records."""
    if is_admin(user):
        return Organisation.objects.order_by("name")
    return Organisation.objects.filter(pk__in=roles(user).lead_of).order_by("name")


@require_GET
def delegated_decision_list(request: HttpRequest) -> HttpResponse:
    organisation = None
    slug = request.GET.get("organisation")
    if slug:
        organisation = get_object_or_404(Organisation, slug=slug)
    page = uncounted_page(delegated_decisions(organisation), PER_PAGE, request.GET.get("page"))
    return render(
        request,
        "decisions/delegated/list.html",
        {
            "organisation": organisation,
            "page": page,
            "decisions": page.object_list,
            "query": urlencode({"organisation": slug}) if slug else "",
            "can_record": is_admin(request.user) or bool(roles(request.user).lead_of),
        },
    )


@require_GET
def delegated_decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(DelegatedDecision.objects.select_related(*RELATED), pk=pk)
    return render(request, "decisions/delegated/detail.html", {"decision": decision})


@login_required
@require_http_methods(["GET", "POST"])
def delegated_decision_new(request: HttpRequest) -> HttpResponse:
    organisations = _recordable_organisations(request.user)
    require(is_admin(request.user) or bool(roles(request.user).lead_of))
    form = DelegatedDecisionForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        require(can_record_delegated_decision(request.user, data["organisation"]))
        saved = run_service(form, lambda: delegated_decision_record(actor=request.user, **data))
        if saved:
            messages.success(request, "Decision recorded and published.")
            return redirect(saved)
    return render(
        request,
        "includes/form_page.html",
        {
            "form": form,
            "heading": "Record an officer or delegated decision",
            "intro": "Recorded as the Openness of Local Government Bodies Regulations 2014 "
            "(regulation 7) require, and published when you save it.",
            "button": "Record and publish",
        },
    )
