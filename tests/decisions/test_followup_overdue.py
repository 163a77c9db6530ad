"""The overdue rules: the properties on the models and the SQL helpers agree, to the day.

A scrutiny recommendation is due a response 28 days after it was sent; it is overdue from the
day after that. An action is overdue from the day after its due date while open or in progress.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from decisions.models import Action, ScrutinyRecommendation
from decisions.selectors.actions import overdue_actions
from decisions.selectors.scrutiny import overdue_recommendations
from decisions.services.actions import action_create, action_set_status
from decisions.services.scrutiny import (
    recommendation_decide,
    recommendation_record_response,
    recommendation_send,
)
from tests.factories import item

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(scrutiny_body, trust, fu_scrutiny_clerk, fu_today):
    def _send(days_ago: int) -> ScrutinyRecommendation:
        return recommendation_send(
            scrutiny_body=scrutiny_body,
            to_organisation=trust,
            text=f"Sent {days_ago} days ago.",
            sent_on=fu_today - timedelta(days=days_ago),
            regime="health_scrutiny",
            actor=fu_scrutiny_clerk,
        )

    return _send


def sql_overdue(today) -> set[int]:
    return set(
        overdue_recommendations(ScrutinyRecommendation.objects.all(), today).values_list(
            "pk", flat=True
        )
    )


def test_response_is_due_28_days_after_sending(send, fu_today):
    recommendation = send(0)
    assert recommendation.response_due == fu_today + timedelta(days=28)


@pytest.mark.parametrize(
    ("days_ago", "overdue"),
    [(0, False), (27, False), (28, False), (29, True), (60, True)],
)
def test_recommendation_overdue_boundary(send, fu_today, days_ago, overdue):
    """Sent 28 days ago: due today, not overdue. Sent 29 days ago: due yesterday, overdue."""
    recommendation = send(days_ago)
    assert recommendation.is_overdue is overdue
    assert (recommendation.pk in sql_overdue(fu_today)) is overdue


def test_sql_and_property_agree_for_every_status(send, fu_today, governance_lead, admin_user):
    rows = [send(days) for days in (0, 28, 29, 40, 41, 50)]
    recommendation_record_response(
        recommendation=rows[3], response="Yes", responded_on=fu_today, actor=governance_lead
    )
    recommendation_record_response(
        recommendation=rows[4], response="Yes", responded_on=fu_today, actor=governance_lead
    )
    recommendation_decide(recommendation=rows[4], accepted=True, actor=admin_user)
    by_property = {r.pk for r in ScrutinyRecommendation.objects.all() if r.is_overdue}
    assert by_property == sql_overdue(fu_today) == {rows[2].pk, rows[5].pk}


@pytest.fixture
def action_due_in(fu_meeting, clerk, fu_today):
    def _due(days_from_today: int) -> Action:
        return action_create(
            body=fu_meeting.body,
            item=item(fu_meeting, 3),
            description=f"Due in {days_from_today} days.",
            owner="Director of Public Health",
            due_date=fu_today + timedelta(days=days_from_today),
            actor=clerk,
        )

    return _due


@pytest.mark.parametrize(("days", "overdue"), [(1, False), (0, False), (-1, True), (-30, True)])
def test_action_overdue_boundary(action_due_in, fu_today, days, overdue):
    """Due today: not overdue. Due yesterday: overdue."""
    action = action_due_in(days)
    assert action.is_overdue is overdue
    in_sql = overdue_actions(Action.objects.all(), fu_today).filter(pk=action.pk).exists()
    assert in_sql is overdue


def test_actions_sql_and_property_agree_for_every_status(action_due_in, fu_today, clerk):
    rows = [
        action_due_in(-1),
        action_due_in(-1),
        action_due_in(-1),
        action_due_in(-1),
        action_due_in(0),
    ]
    action_set_status(action=rows[1], status=Action.Status.IN_PROGRESS, actor=clerk)
    action_set_status(action=rows[2], status=Action.Status.DONE, actor=clerk)
    action_set_status(action=rows[3], status=Action.Status.CANCELLED, actor=clerk)
    by_property = {a.pk for a in Action.objects.all() if a.is_overdue}
    by_sql = set(overdue_actions(Action.objects.all(), fu_today).values_list("pk", flat=True))
    assert by_property == by_sql == {rows[0].pk, rows[1].pk}
