"""Scrutiny recommendations: sending them, recording the response, and the committee's decision.

The recipient must respond within the period of the recommendation's regime
(`decisions.response_clocks`: 28 days for health scrutiny of an NHS body, 2 months for a
council executive, a set number of days otherwise); a recommendation still awaiting its
response after the due date is overdue (`ScrutinyRecommendation.is_overdue`, and in SQL
`decisions.selectors.scrutiny.overdue_recommendations`).
"""

from __future__ import annotations

import functools
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alerts.mail import portal_url
from decisions.announcements import (
    announce_recommendation_answered,
    announce_recommendation_sent,
)
from decisions.models import Resolution, ScrutinyRecommendation
from governance.models import Body, Organisation
from ics_portal.common.records import lock_for_edit, save_record

Status = ScrutinyRecommendation.Status


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _locked(
    recommendation: ScrutinyRecommendation, expected_version: int | str | None
) -> ScrutinyRecommendation:
    """The recommendation re-read under a row lock, refusing a form opened at an older version
    than `expected_version` (None: no form to check)."""
    return lock_for_edit(
        ScrutinyRecommendation.objects,
        recommendation.pk,
        expected_version,
        what="this recommendation",
    )


def recommendation_send(
    *,
    scrutiny_body: Body,
    text: str,
    sent_on: date,
    regime: str,
    actor,
    response_days: int | None = None,
    to_organisation: Organisation | None = None,
    to_body: Body | None = None,
    resolution: Resolution | None = None,
    reference: str = "",
) -> ScrutinyRecommendation:
    """Record a scrutiny committee's recommendation, its response due by the clock of `regime`
    (`response_days` only for the 'other' regime)."""
    if scrutiny_body.kind != Body.Kind.SCRUTINY_COMMITTEE:
        raise ValidationError(
            f"{scrutiny_body} is not a scrutiny committee; only scrutiny committees send "
            "scrutiny recommendations."
        )
    if to_body is not None and to_body.pk == scrutiny_body.pk:
        raise ValidationError({"to_body": "A committee cannot send a recommendation to itself."})
    if regime not in ScrutinyRecommendation.Regime.values:
        raise ValidationError(
            {"regime": "Choose the regime the response is owed under; it sets the due date."}
        )
    if sent_on > timezone.localdate():
        raise ValidationError({"sent_on": "The date sent cannot be in the future."})
    with transaction.atomic():
        recommendation = ScrutinyRecommendation(
            scrutiny_body=scrutiny_body,
            to_organisation=to_organisation,
            to_body=to_body,
            resolution=resolution,
            reference=reference,
            text=text,
            sent_on=sent_on,
            regime=regime,
            response_days=response_days,
        )
        recommendation.clean_regime()
        recommendation.set_response_due()
        save_record(recommendation, actor=actor, reason="Recommendation sent")
        transaction.on_commit(
            functools.partial(
                announce_recommendation_sent.enqueue, recommendation.pk, portal_url()
            )
        )
        return recommendation


def recommendation_record_response(
    *,
    recommendation: ScrutinyRecommendation,
    response: str,
    responded_on: date,
    actor,
    expected_version: int | str | None = None,
) -> ScrutinyRecommendation:
    """Record the recipient's response: awaiting response → responded. A form opened before
    someone else recorded a response (or changed the recommendation) is refused."""
    if not response.strip():
        raise ValidationError({"response": "Write the response."})
    with transaction.atomic():
        recommendation = _locked(recommendation, expected_version)
        if recommendation.status != Status.AWAITING_RESPONSE:
            raise ValidationError(
                "A response has already been recorded"
                + (
                    f" (dated {_long_date(recommendation.responded_on)})."
                    if recommendation.responded_on
                    else "."
                )
            )
        if responded_on < recommendation.sent_on:
            raise ValidationError(
                {
                    "responded_on": "The response cannot be dated before the recommendation was "
                    f"sent ({_long_date(recommendation.sent_on)})."
                }
            )
        if responded_on > timezone.localdate():
            raise ValidationError({"responded_on": "The response date cannot be in the future."})
        recommendation.response = response.strip()
        recommendation.responded_on = responded_on
        recommendation.status = Status.RESPONDED
        late = responded_on > recommendation.response_due
        save_record(
            recommendation,
            actor=actor,
            reason="Response recorded" + (f" (after the {recommendation.clock})" if late else ""),
        )
        transaction.on_commit(
            functools.partial(
                announce_recommendation_answered.enqueue, recommendation.pk, portal_url()
            )
        )
        return recommendation


def recommendation_decide(
    *,
    recommendation: ScrutinyRecommendation,
    accepted: bool,
    actor,
    expected_version: int | str | None = None,
) -> ScrutinyRecommendation:
    """Record whether the recommendation was accepted or rejected, once the response is in;
    a form opened before someone else recorded the outcome is refused."""
    with transaction.atomic():
        recommendation = _locked(recommendation, expected_version)
        if recommendation.status == Status.AWAITING_RESPONSE:
            raise ValidationError(
                "Record the response before recording whether the recommendation was accepted."
            )
        if recommendation.status != Status.RESPONDED:
            raise ValidationError(
                "The recommendation has already been recorded as "
                f"{recommendation.get_status_display().lower()}; that is final."
            )
        recommendation.status = Status.ACCEPTED if accepted else Status.REJECTED
        return save_record(recommendation, actor=actor, reason=recommendation.get_status_display())
