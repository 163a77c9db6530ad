"""Scrutiny recommendations: a scrutiny committee's list, one recommendation, and the pages that
send them, record the response and record whether they were accepted.

Who may: the scrutiny committee's clerks (and administrators) send recommendations and record
whether they were accepted; the response is recorded by those who act for the recipient
(`can_respond_to_recommendation`). Recommendations are public.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from decisions.access import can_respond_to_recommendation
from decisions.forms.scrutiny import DecideForm, RecommendationForm, ResponseForm
from decisions.models import ScrutinyRecommendation
from decisions.selectors.scrutiny import RELATED, overdue_recommendations, recommendations_of
from decisions.services import scrutiny as services
from governance.access import can_edit_body, require
from governance.models import Body
from ics_portal.common.forms import run_service

EDIT = require_http_methods(["GET", "POST"])
Status = ScrutinyRecommendation.Status


def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _form_page(request: HttpRequest, form, **context) -> HttpResponse:
    return render(request, "includes/form_page.html", {"form": form, **context})


def _scrutiny_body(slug: str) -> Body:
    body = get_object_or_404(Body, slug=slug)
    if body.kind != Body.Kind.SCRUTINY_COMMITTEE:
        raise Http404("Only scrutiny committees make scrutiny recommendations")
    return body


def _recommendation(pk: int) -> ScrutinyRecommendation:
    return get_object_or_404(ScrutinyRecommendation.objects.select_related(*RELATED), pk=pk)


# Public pages


@require_GET
def recommendation_list(request: HttpRequest, slug: str) -> HttpResponse:
    body = _scrutiny_body(slug)
    today = timezone.localdate()
    everything = recommendations_of(body)
    overdue = list(overdue_recommendations(everything, today).order_by("response_due", "pk"))
    overdue_ids = {r.pk for r in overdue}
    rest = [r for r in everything if r.pk not in overdue_ids]
    return render(
        request,
        "decisions/followup/recommendation_list.html",
        {
            "body": body,
            "overdue": overdue,
            "rest": rest,
            "can_edit": can_edit_body(request.user, body),
        },
    )


@require_GET
def recommendation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = _recommendation(pk)
    status = recommendation.status
    return render(
        request,
        "decisions/followup/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "can_respond": status == Status.AWAITING_RESPONSE
            and can_respond_to_recommendation(request.user, recommendation),
            "can_decide": status == Status.RESPONDED
            and can_edit_body(request.user, recommendation.scrutiny_body),
        },
    )


# Staff pages


@login_required
@EDIT
def recommendation_send(request: HttpRequest, slug: str) -> HttpResponse:
    body = _scrutiny_body(slug)
    require(can_edit_body(request.user, body))
    form = RecommendationForm(_posted(request), scrutiny_body=body)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        recommendation = run_service(
            form,
            lambda: services.recommendation_send(
                scrutiny_body=body,
                to_organisation=data["to_organisation"],
                to_body=data["to_body"],
                text=data["text"],
                sent_on=data["sent_on"],
                regime=data["regime"],
                response_days=data["response_days"],
                resolution=data["about"],
                reference=data["reference"],
                actor=request.user,
            ),
        )
        if recommendation:
            messages.success(
                request,
                f"Recommendation recorded. The response is due by "
                f"{recommendation.response_due:%-d %B %Y}.",
            )
            return redirect(recommendation)
    return _form_page(
        request,
        form,
        heading=f"Send a recommendation from {body}",
        back=body,
        button="Record recommendation",
        intro="The recipient must respond within the period of the regime the recommendation "
        "is made under, counted from the date sent.",
    )


@login_required
@EDIT
def recommendation_respond(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = _recommendation(pk)
    require(can_respond_to_recommendation(request.user, recommendation))
    form = ResponseForm(_posted(request), initial={"version": recommendation.version})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        changed = run_service(
            form,
            lambda: services.recommendation_record_response(
                recommendation=recommendation,
                actor=request.user,
                expected_version=data.pop("version"),
                **data,
            ),
        )
        if changed:
            messages.success(request, "Response recorded.")
            return redirect(changed)
    return _form_page(
        request,
        form,
        heading=f"Record the response of {recommendation.recipient}",
        back=recommendation,
        button="Record response",
        intro=f"Response due by {recommendation.response_due:%-d %B %Y} "
        f"({recommendation.clock}, {recommendation.get_regime_display().lower()}).",
    )


@login_required
@EDIT
def recommendation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation = _recommendation(pk)
    require(can_edit_body(request.user, recommendation.scrutiny_body))
    form = DecideForm(_posted(request), initial={"version": recommendation.version})
    if request.method == "POST" and form.is_valid():
        changed = run_service(
            form,
            lambda: services.recommendation_decide(
                recommendation=recommendation,
                accepted=form.cleaned_data["outcome"] == "accepted",
                actor=request.user,
                expected_version=form.cleaned_data["version"],
            ),
        )
        if changed:
            messages.success(
                request, f"Recommendation recorded as {changed.get_status_display().lower()}."
            )
            return redirect(changed)
    return _form_page(
        request,
        form,
        heading="Was the recommendation accepted?",
        back=recommendation,
        button="Record outcome",
    )
