"""Two people following up the same decision: an action's edit or status form, or a scrutiny
recommendation's response or outcome form, opened before someone else saved, is refused with
the reason; what the first saved is kept, and the second keeps what they typed.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from decisions.models import Action, ScrutinyRecommendation
from decisions.services import actions as action_services
from decisions.services import scrutiny as scrutiny_services
from governance.models import RoleAssignment
from tests.factories import FOLLOWUP_DAY, make_item_resolution, make_meeting, make_user
from tests.stale_helpers import assert_refused, at_once, hidden, one_saved_one_refused

TODAY = timezone.localdate()


def _action(body, clerk) -> Action:
    resolution = make_item_resolution(make_meeting(body, FOLLOWUP_DAY), 3, 2)
    return action_services.action_create(
        body=body,
        resolution=resolution,
        description="Email committee members an update on vaccination.",
        owner="Director of Public Health",
        due_date=date(2021, 2, 8),
        actor=clerk,
    )


def _action_post(version: str, **changes) -> dict:
    return {
        "description": "Email committee members an update on vaccination.",
        "owner": "Director of Public Health",
        "due_date": "2021-02-08",
        "version": version,
        **changes,
    }


def _recommendation(scrutiny_body, trust) -> ScrutinyRecommendation:
    scrutiny_clerk = make_user("scrutiny-clerk", first_name="Martin", last_name="Gately")
    RoleAssignment.objects.create(
        user=scrutiny_clerk, role=RoleAssignment.Role.CLERK, body=scrutiny_body
    )
    return scrutiny_services.recommendation_send(
        scrutiny_body=scrutiny_body,
        to_organisation=trust,
        text="Publish the stroke services recovery plan, with dates.",
        sent_on=TODAY - timedelta(days=10),
        regime="health_scrutiny",
        actor=scrutiny_clerk,
    )


# Actions


@pytest.mark.django_db
def test_a_stale_action_edit_is_refused_and_keeps_the_other_change(
    client_for, clerk, admin_user, body
):
    action = _action(body, clerk)
    url = reverse("decisions:action_edit", args=[action.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    action_services.action_update(
        action=action, description=action.description, owner="Jonathan Gribbin",
        due_date=action.due_date, actor=admin_user, expected_version=1,
    )  # fmt: skip

    response = client_for(clerk).post(url, _action_post(opened, due_date="2021-03-01"))

    # What was typed stays on the page, in the date input's day, month and year.
    assert_refused(response, 'name="due_date_month" type="text" inputmode="numeric" value="3"')
    assert "Someone else changed this action" in response.text
    action.refresh_from_db()
    assert (action.owner, action.due_date, action.version) == (
        "Jonathan Gribbin",
        date(2021, 2, 8),
        2,
    )


@pytest.mark.django_db
def test_a_stale_status_change_is_refused(client_for, clerk, admin_user, body):
    action = _action(body, clerk)
    url = reverse("decisions:action_status", args=[action.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    action_services.action_update(
        action=action, description=action.description, owner="Jonathan Gribbin",
        due_date=date(2021, 4, 1), actor=admin_user,
    )  # fmt: skip

    response = client_for(clerk).post(
        url, {"status": "done", "note": "Email sent to members.", "version": opened}
    )

    assert_refused(response, "Email sent to members.")
    action.refresh_from_db()
    assert (action.status, action.notes.count()) == ("open", 0)


# Scrutiny recommendations


@pytest.mark.django_db
def test_a_stale_response_is_refused_and_keeps_the_first_response(
    client_for, governance_lead, admin_user, scrutiny_body, trust
):
    recommendation = _recommendation(scrutiny_body, trust)
    url = reverse("decisions:recommendation_respond", args=[recommendation.pk])
    opened = hidden(client_for(governance_lead).get(url), "version")
    scrutiny_services.recommendation_record_response(
        recommendation=recommendation, response="Published on our website.",
        responded_on=TODAY, actor=admin_user, expected_version=1,
    )  # fmt: skip

    response = client_for(governance_lead).post(
        url,
        {
            "response": "We will publish it in June.",
            "responded_on": TODAY.isoformat(),
            "version": opened,
        },
    )

    assert_refused(response, "We will publish it in June.")
    assert "Someone else changed this recommendation" in response.text
    recommendation.refresh_from_db()
    assert (recommendation.response, recommendation.version) == ("Published on our website.", 2)
    assert recommendation.history.first().history_user == admin_user


@pytest.mark.django_db
def test_a_stale_outcome_is_refused(client_for, admin_user, scrutiny_body, trust):
    recommendation = _recommendation(scrutiny_body, trust)
    scrutiny_services.recommendation_record_response(
        recommendation=recommendation, response="Published.", responded_on=TODAY,
        actor=admin_user,
    )  # fmt: skip
    scrutiny_clerk = recommendation.history.last().history_user
    url = reverse("decisions:recommendation_decide", args=[recommendation.pk])
    opened = hidden(client_for(scrutiny_clerk).get(url), "version")
    scrutiny_services.recommendation_decide(
        recommendation=recommendation, accepted=False, actor=admin_user, expected_version=2
    )

    response = client_for(scrutiny_clerk).post(url, {"outcome": "accepted", "version": opened})

    assert_refused(response, 'value="accepted" checked')
    recommendation.refresh_from_db()
    assert recommendation.status == ScrutinyRecommendation.Status.REJECTED


# Two people saving at the same moment


@pytest.mark.django_db(transaction=True)
def test_two_clerks_saving_an_action_at_once_lose_neither_silently(clerk, admin_user, body):
    action = _action(body, clerk)

    def save(actor, owner):
        return lambda: action_services.action_update(
            action=action, description=action.description, owner=owner,
            due_date=action.due_date, actor=actor, expected_version=1,
        )  # fmt: skip

    results, errors = at_once(save(clerk, "Jonathan Gribbin"), save(admin_user, "Melanie Brooks"))

    one_saved_one_refused(results, errors)
    action.refresh_from_db()
    assert (action.owner, action.version) == (results[0].owner, 2)


@pytest.mark.django_db(transaction=True)
def test_two_responses_recorded_at_once_keep_one(
    admin_user, governance_lead, scrutiny_body, trust
):
    recommendation = _recommendation(scrutiny_body, trust)

    def respond(actor, text):
        return lambda: scrutiny_services.recommendation_record_response(
            recommendation=recommendation, response=text, responded_on=TODAY, actor=actor,
            expected_version=1,
        )  # fmt: skip

    results, errors = at_once(
        respond(governance_lead, "Published."), respond(admin_user, "Will publish.")
    )

    one_saved_one_refused(results, errors)
    recommendation.refresh_from_db()
    assert recommendation.response == results[0].response
