"""Telling followers about decisions, through Django's tasks framework after commit: a
resolution recorded, an agreement routed for ratification, a scrutiny recommendation sent and
answered. What each reader may not see (Part II text) is left out, as
`decisions.access.withheld_fields` says; a reader who may not see the record hears nothing.
"""

from __future__ import annotations

from django.tasks import task

from alerts.announce import announce, followers, short_date
from alerts.models import SentEmail
from decisions.access import withheld_fields
from decisions.models import Resolution, ScrutinyRecommendation
from governance.announcements import body_followers


def _resolution(resolution_id: int) -> Resolution:
    return Resolution.objects.select_related(
        "body__partnership",
        "body__organisation",
        "meeting__body",
        "item__meeting__body",
        "item__supplement",
    ).get(pk=resolution_id)


def resolution_context(viewer, resolution: Resolution, **extra) -> dict | None:
    """What a reader may read of a resolution: nothing, the public facts, or its text too."""
    hidden = withheld_fields(viewer, resolution)
    if "id" in hidden:
        return None
    return {
        "resolution": resolution,
        "show_text": "parts" not in hidden,
        "exempt_notice": resolution.item.exempt_notice,
        **extra,
    }


@task
def announce_resolution_recorded(resolution_id: int, base_url: str) -> int:
    """A body's resolution recorded: to those who follow the body (or its owner)."""
    resolution = _resolution(resolution_id)
    return announce(
        follows=body_followers(resolution.body),
        subject=f"Resolution recorded: {resolution}, {short_date(resolution.meeting.date)}",
        why=SentEmail.Why.RESOLUTION_RECORDED,
        about=resolution,
        context_for=lambda viewer: resolution_context(
            viewer,
            resolution,
            body="decisions/email/resolution_recorded.txt",
            link_text="See the resolution and what happens next",
        ),
        base_url=base_url,
    )


@task
def announce_routed(resolution_id: int, base_url: str) -> int:
    """An agreement in principle routed to the organisations that must ratify it: to those
    who follow the decision or the body (the governance leads get their own request)."""
    resolution = _resolution(resolution_id)
    ratifications = list(resolution.ratifications.select_related("organisation", "ratifying_body"))
    latest = max(ratification.due_date for ratification in ratifications)
    return announce(
        follows=followers(
            resolution, resolution.body, resolution.body.partnership, resolution.body.organisation
        ),
        subject=f"Routed for ratification by {short_date(latest)}: {resolution}",
        why=SentEmail.Why.ROUTED,
        about=resolution,
        context_for=lambda viewer: resolution_context(
            viewer,
            resolution,
            body="decisions/email/routed.txt",
            ratifications=ratifications,
            link_text="Follow its ratification on the portal",
        ),
        base_url=base_url,
    )


def _recommendation(recommendation_id: int) -> ScrutinyRecommendation:
    return ScrutinyRecommendation.objects.select_related(
        "scrutiny_body",
        "to_organisation",
        "to_body",
        "resolution__item__meeting__body",
        "resolution__item__supplement",
    ).get(pk=recommendation_id)


def _recommendation_followers(recommendation: ScrutinyRecommendation) -> list:
    """Who follows the scrutiny committee, the organisation or body it went to, or the
    decision it is about."""
    return followers(
        recommendation.scrutiny_body,
        recommendation.to_organisation,
        recommendation.to_body,
        recommendation.resolution,
    )


def _recommendation_context(viewer, recommendation: ScrutinyRecommendation, **extra) -> dict:
    hidden = withheld_fields(viewer, recommendation)
    return {
        "recommendation": recommendation,
        "show_text": "text" not in hidden,
        "show_response": "response" not in hidden,
        **extra,
    }


@task
def announce_recommendation_sent(recommendation_id: int, base_url: str) -> int:
    """A scrutiny committee's recommendation sent, with the date its response is due."""
    recommendation = _recommendation(recommendation_id)
    return announce(
        follows=_recommendation_followers(recommendation),
        subject=(
            f"Scrutiny recommendation, response due {short_date(recommendation.response_due)}: "
            f"{recommendation} — {recommendation.recipient}"
        ),
        why=SentEmail.Why.RECOMMENDATION_SENT,
        about=recommendation,
        context_for=lambda viewer: _recommendation_context(
            viewer,
            recommendation,
            body="decisions/email/recommendation_sent.txt",
            link_text="See the recommendation",
        ),
        base_url=base_url,
    )


@task
def announce_recommendation_answered(recommendation_id: int, base_url: str) -> int:
    """The response to a scrutiny recommendation recorded."""
    recommendation = _recommendation(recommendation_id)
    return announce(
        follows=_recommendation_followers(recommendation),
        subject=f"Scrutiny response received: {recommendation} — {recommendation.recipient}",
        why=SentEmail.Why.RECOMMENDATION_ANSWERED,
        about=recommendation,
        context_for=lambda viewer: _recommendation_context(
            viewer,
            recommendation,
            body="decisions/email/recommendation_answered.txt",
            late=recommendation.responded_on > recommendation.response_due,
            link_text="Read the response",
        ),
        base_url=base_url,
    )
