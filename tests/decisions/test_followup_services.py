"""Actions and scrutiny recommendations: the services' rules, refusals and change history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from decisions.models import Action, ActionNote, ScrutinyRecommendation
from decisions.services.actions import (
    action_add_note,
    action_create,
    action_set_status,
    action_update,
)
from decisions.services.scrutiny import (
    recommendation_decide,
    recommendation_record_response,
    recommendation_send,
)
from governance.models import Body
from meetings.models import Meeting
from tests.factories import item, make_meeting

pytestmark = pytest.mark.django_db

S = Action.Status
R = ScrutinyRecommendation.Status


def create(body, actor, **extra):
    values = {
        "description": "Send an email update.",
        "owner": "Director of Public Health",
        "due_date": date(2021, 2, 8),
    }
    return action_create(body=body, actor=actor, **{**values, **extra})


# Recording actions


def test_action_from_a_resolution_takes_the_resolutions_item_and_keeps_history(
    fu_resolution, clerk
):
    action = create(fu_resolution.body, clerk, resolution=fu_resolution)
    assert action.item == fu_resolution.item
    assert action.status == S.OPEN
    record = action.history.get()
    assert record.history_user == clerk
    assert record.history_change_reason == "Action recorded"


def test_action_from_an_item(fu_meeting, clerk):
    action = create(fu_meeting.body, clerk, item=item(fu_meeting, 3))
    assert action.resolution is None
    assert action.item.position == 3


def test_action_due_on_the_meeting_day_is_accepted_but_not_the_day_before(fu_meeting, clerk):
    create(fu_meeting.body, clerk, item=item(fu_meeting, 3), due_date=fu_meeting.date)
    with pytest.raises(ValidationError) as refused:
        create(
            fu_meeting.body,
            clerk,
            item=item(fu_meeting, 3),
            due_date=fu_meeting.date - timedelta(days=1),
        )
    assert "cannot be before the meeting" in str(refused.value)
    assert "11 January 2021" in str(refused.value)
    assert Action.objects.count() == 1


def test_action_needs_a_resolution_or_an_item(body, clerk):
    with pytest.raises(ValidationError, match="arises from a resolution or an agenda item"):
        create(body, clerk)


def test_action_must_arise_from_the_bodys_own_business(fu_meeting, fu_resolution, clerk, council):
    other = Body.objects.create(
        name="Other committee",
        short_name="OC",
        slug="other",
        kind="committee",
        organisation=council,
    )
    with pytest.raises(ValidationError, match="not a resolution of Other committee"):
        create(other, clerk, resolution=fu_resolution)
    with pytest.raises(ValidationError, match="not on the agenda of a meeting of Other"):
        create(other, clerk, item=item(fu_meeting, 3))
    with pytest.raises(ValidationError, match="not the one the resolution was made on"):
        create(fu_meeting.body, clerk, resolution=fu_resolution, item=item(fu_meeting, 4))
    assert not Action.objects.exists()


def test_no_action_from_a_draft_or_cancelled_meeting(body, clerk):
    draft = make_meeting(body, date(2021, 3, 1), published=False)
    with pytest.raises(ValidationError, match="has not been published"):
        create(body, clerk, item=item(draft, 3), due_date=date(2021, 4, 1))
    cancelled = make_meeting(body, date(2021, 4, 1))
    Meeting.objects.filter(pk=cancelled.pk).update(status=Meeting.Status.CANCELLED)
    cancelled.refresh_from_db()
    with pytest.raises(ValidationError, match="cancelled"):
        create(body, clerk, item=item(cancelled, 3), due_date=date(2021, 5, 1))
    assert not Action.objects.exists()


def test_update_changes_the_action_and_keeps_history(fu_action, admin_user):
    action_update(
        action=fu_action,
        description="Email update on vaccination uptake.",
        owner="Jonathan Gribbin",
        due_date=date(2021, 3, 8),
        actor=admin_user,
    )
    fu_action.refresh_from_db()
    assert fu_action.owner == "Jonathan Gribbin"
    latest = fu_action.history.first()
    assert latest.history_user == admin_user
    assert latest.history_change_reason == "Action changed"


def test_update_refuses_a_due_date_before_the_meeting(fu_action, clerk):
    with pytest.raises(ValidationError, match="cannot be before the meeting"):
        action_update(
            action=fu_action,
            description="x",
            owner="y",
            due_date=date(2021, 1, 10),
            actor=clerk,
        )
    fu_action.refresh_from_db()
    assert fu_action.owner == "Director of Public Health"


# Status


def test_open_to_in_progress_to_done_with_a_note(fu_action, clerk):
    action_set_status(action=fu_action, status=S.IN_PROGRESS, actor=clerk)
    action_set_status(action=fu_action, status=S.DONE, actor=clerk, note="Email sent 5 Feb.")
    fu_action.refresh_from_db()
    assert fu_action.status == S.DONE
    assert [h.history_change_reason for h in fu_action.history.order_by("history_id")] == [
        "Action recorded",
        "Status: In progress",
        "Status: Done",
    ]
    assert all(h.history_user == clerk for h in fu_action.history.all())
    note = fu_action.notes.get()
    assert note.text == "Email sent 5 Feb." and note.written_by == clerk
    assert note.history.get().history_user == clerk


@pytest.mark.parametrize("final", [S.DONE, S.CANCELLED])
@pytest.mark.parametrize("to", [S.OPEN, S.IN_PROGRESS, S.DONE, S.CANCELLED])
def test_done_and_cancelled_are_final(fu_action, clerk, final, to):
    action_set_status(action=fu_action, status=final, actor=clerk)
    rows = fu_action.history.count()
    with pytest.raises(ValidationError) as refused:
        action_set_status(action=fu_action, status=to, actor=clerk, note="Reopened")
    assert "final: it cannot be reopened" in str(refused.value)
    fu_action.refresh_from_db()
    assert fu_action.status == final
    assert fu_action.history.count() == rows
    assert not fu_action.notes.exists()


def test_in_progress_cannot_go_back_to_open(fu_action, clerk):
    action_set_status(action=fu_action, status=S.IN_PROGRESS, actor=clerk)
    with pytest.raises(ValidationError, match="cannot go back to open"):
        action_set_status(action=fu_action, status=S.OPEN, actor=clerk)


def test_same_or_unknown_status_is_refused(fu_action, clerk):
    with pytest.raises(ValidationError, match="already open"):
        action_set_status(action=fu_action, status=S.OPEN, actor=clerk)
    with pytest.raises(ValidationError, match="Choose a status"):
        action_set_status(action=fu_action, status="finished", actor=clerk)


def test_done_action_cannot_be_edited_but_takes_notes(fu_action, clerk):
    action_set_status(action=fu_action, status=S.DONE, actor=clerk)
    with pytest.raises(ValidationError, match="final"):
        action_update(
            action=fu_action, description="x", owner="y", due_date=date(2021, 3, 1), actor=clerk
        )
    note = action_add_note(action=fu_action, text="Confirmed by email.", actor=clerk)
    assert note.history.get().history_user == clerk


def test_an_empty_note_is_refused(fu_action, clerk):
    with pytest.raises(ValidationError, match="Write the progress note"):
        action_add_note(action=fu_action, text="   ", actor=clerk)
    assert not ActionNote.objects.exists()


# Scrutiny recommendations


def test_send_sets_the_response_due_28_days_later_and_keeps_history(
    scrutiny_body, trust, fu_scrutiny_clerk, fu_resolution
):
    recommendation = recommendation_send(
        scrutiny_body=scrutiny_body,
        to_organisation=trust,
        text="Report back on stroke waiting times.",
        sent_on=date(2021, 2, 1),
        regime="health_scrutiny",
        resolution=fu_resolution,
        actor=fu_scrutiny_clerk,
    )
    assert recommendation.response_due == date(2021, 3, 1)
    assert recommendation.status == R.AWAITING_RESPONSE
    record = recommendation.history.get()
    assert record.history_user == fu_scrutiny_clerk
    assert record.history_change_reason == "Recommendation sent"


def test_only_a_scrutiny_committee_sends_recommendations(body, trust, clerk):
    with pytest.raises(ValidationError, match="not a scrutiny committee"):
        recommendation_send(
            scrutiny_body=body,
            to_organisation=trust,
            text="x",
            sent_on=date(2021, 2, 1),
            regime="health_scrutiny",
            actor=clerk,
        )
    assert not ScrutinyRecommendation.objects.exists()


def test_send_needs_exactly_one_recipient_not_itself_and_not_in_the_future(
    scrutiny_body, body, trust, fu_scrutiny_clerk, fu_today
):
    def send(**extra):
        values = {"text": "x", "sent_on": date(2021, 2, 1), "regime": "health_scrutiny"}
        return recommendation_send(
            scrutiny_body=scrutiny_body, actor=fu_scrutiny_clerk, **{**values, **extra}
        )

    with pytest.raises(ValidationError, match="to an organisation or to a body"):
        send()
    with pytest.raises(ValidationError, match="to an organisation or to a body"):
        send(to_organisation=trust, to_body=body)
    with pytest.raises(ValidationError, match="to itself"):
        send(to_body=scrutiny_body)
    with pytest.raises(ValidationError, match="future"):
        send(to_body=body, sent_on=fu_today + timedelta(days=1))
    assert not ScrutinyRecommendation.objects.exists()


def test_response_then_decision(fu_recommendation, governance_lead, fu_scrutiny_clerk, fu_today):
    recommendation_record_response(
        recommendation=fu_recommendation,
        response="The plan will be published in March.",
        responded_on=fu_today,
        actor=governance_lead,
    )
    fu_recommendation.refresh_from_db()
    assert fu_recommendation.status == R.RESPONDED
    assert fu_recommendation.history.first().history_user == governance_lead
    recommendation_decide(recommendation=fu_recommendation, accepted=True, actor=fu_scrutiny_clerk)
    fu_recommendation.refresh_from_db()
    assert fu_recommendation.status == R.ACCEPTED
    latest = fu_recommendation.history.first()
    assert latest.history_user == fu_scrutiny_clerk
    assert latest.history_change_reason == "Accepted"


def test_a_response_before_it_was_sent_is_refused(fu_recommendation, governance_lead):
    with pytest.raises(ValidationError) as refused:
        recommendation_record_response(
            recommendation=fu_recommendation,
            response="Too early",
            responded_on=fu_recommendation.sent_on - timedelta(days=1),
            actor=governance_lead,
        )
    assert "cannot be dated before the recommendation was sent" in str(refused.value)
    fu_recommendation.refresh_from_db()
    assert fu_recommendation.status == R.AWAITING_RESPONSE
    assert fu_recommendation.response == ""


def test_a_response_on_the_day_it_was_sent_is_accepted(fu_recommendation, governance_lead):
    recommendation_record_response(
        recommendation=fu_recommendation,
        response="Agreed.",
        responded_on=fu_recommendation.sent_on,
        actor=governance_lead,
    )
    fu_recommendation.refresh_from_db()
    assert fu_recommendation.status == R.RESPONDED


def test_a_late_response_is_recorded_and_marked_late(
    scrutiny_body, trust, fu_scrutiny_clerk, governance_lead, fu_today
):
    old = recommendation_send(
        scrutiny_body=scrutiny_body,
        to_organisation=trust,
        text="x",
        sent_on=fu_today - timedelta(days=40),
        regime="health_scrutiny",
        actor=fu_scrutiny_clerk,
    )
    assert old.is_overdue
    recommendation_record_response(
        recommendation=old,
        response="Sorry for the delay.",
        responded_on=fu_today,
        actor=governance_lead,
    )
    old.refresh_from_db()
    assert not old.is_overdue
    assert old.history.first().history_change_reason == "Response recorded (after the 28 days)"


def test_second_response_future_response_and_empty_response_are_refused(
    fu_recommendation, governance_lead, fu_today
):
    def respond(**extra):
        values = {"response": "Agreed.", "responded_on": fu_today}
        return recommendation_record_response(
            recommendation=fu_recommendation, actor=governance_lead, **{**values, **extra}
        )

    with pytest.raises(ValidationError, match="Write the response"):
        respond(response=" ")
    with pytest.raises(ValidationError, match="future"):
        respond(responded_on=fu_today + timedelta(days=1))
    respond()
    with pytest.raises(ValidationError, match="already been recorded"):
        respond(response="Changed our mind.")
    fu_recommendation.refresh_from_db()
    assert fu_recommendation.response == "Agreed."


def test_decision_needs_a_response_and_is_final(
    fu_recommendation, governance_lead, fu_scrutiny_clerk, fu_today
):
    with pytest.raises(ValidationError, match="Record the response before"):
        recommendation_decide(
            recommendation=fu_recommendation, accepted=True, actor=fu_scrutiny_clerk
        )
    recommendation_record_response(
        recommendation=fu_recommendation,
        response="No.",
        responded_on=fu_today,
        actor=governance_lead,
    )
    recommendation_decide(
        recommendation=fu_recommendation, accepted=False, actor=fu_scrutiny_clerk
    )
    for accepted in (True, False):
        with pytest.raises(ValidationError, match="already been recorded as rejected"):
            recommendation_decide(
                recommendation=fu_recommendation, accepted=accepted, actor=fu_scrutiny_clerk
            )
    fu_recommendation.refresh_from_db()
    assert fu_recommendation.status == R.REJECTED
