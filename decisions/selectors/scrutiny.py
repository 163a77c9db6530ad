"""Reads of scrutiny recommendations that the committee page and the trail page share."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from decisions.models import Resolution, ScrutinyRecommendation
from governance.models import Body

RELATED = (
    "scrutiny_body",
    "to_organisation",
    "to_body",
    "resolution__body",
    "resolution__meeting__body",
    "resolution__item__meeting__body",
)


def overdue_recommendations(
    queryset: QuerySet[ScrutinyRecommendation], today: date
) -> QuerySet[ScrutinyRecommendation]:
    """Recommendations still awaiting a response after their due date (sent + 28 days):
    `ScrutinyRecommendation.is_overdue` in SQL. Due today is not overdue; due yesterday is."""
    return queryset.filter(
        status=ScrutinyRecommendation.Status.AWAITING_RESPONSE, response_due__lt=today
    )


def recommendations_of(body: Body) -> QuerySet[ScrutinyRecommendation]:
    """A scrutiny committee's recommendations, newest first, related rows loaded."""
    return (
        ScrutinyRecommendation.objects.filter(scrutiny_body=body)
        .select_related(*RELATED)
        .order_by("-sent_on", "-pk")
    )


def recommendations_about(resolution: Resolution) -> list[ScrutinyRecommendation]:
    """Scrutiny recommendations about a resolution, for its trail page (one query)."""
    return list(
        ScrutinyRecommendation.objects.filter(resolution=resolution)
        .select_related(*RELATED)
        .order_by("sent_on", "pk")
    )
