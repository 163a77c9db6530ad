"""A ratification recorded by an executive counts as final only once its decision has taken
effect: the resolution's stored status waits for the call-in period, or the scrutiny
committee, and the trail says why."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from decisions.models import CallIn, DecisionNotice, Resolution
from decisions.services.executive import (
    call_in_record_outcome,
    call_in_request,
    resolutions_refresh_on_taking_effect,
)
from decisions.services.ratifications import ratification_for, ratification_record_outcome
from tests.factories import EX_CABINET_DAY

pytestmark = pytest.mark.django_db

Status = Resolution.Status


@pytest.fixture
def ex_others_ratified(routed, trust, icb, admin_user):
    """The trust and the ICB (no executive decisions) ratify the agreement."""
    for organisation in (trust, icb):
        ratification_record_outcome(
            ratification=ratification_for(resolution=routed, organisation=organisation),
            outcome="ratified",
            actor=admin_user,
            expected_version=1,
            minute_reference="Board minute 7",
            decided_on=EX_CABINET_DAY,
        )


@pytest.fixture
def ex_fresh_notice(ex_entry, ex_ratified, ex_others_ratified, council_lead, ex_notice_on):
    """Cabinet's notice published today: its call-in period is still running."""
    return ex_notice_on(ex_entry, ex_ratified, council_lead, timezone.localdate())


def _status(resolution) -> str:
    resolution.refresh_from_db()
    return resolution.status


def test_a_decision_in_the_forward_plan_is_not_final_before_its_notice(
    routed, ex_entry, ex_ratified, ex_others_ratified, client
):
    assert _status(routed) == Status.AWAITING_RATIFICATION
    text = client.get(routed.get_absolute_url()).text
    assert "Ratified — decision notice to be published" in text
    assert "Ratification in progress (2 of 3 decided)" in text


def test_the_status_waits_for_the_call_in_period_then_follows(routed, ex_fresh_notice, client):
    assert _status(routed) == Status.AWAITING_RATIFICATION
    effect = ex_fresh_notice.takes_effect_on
    text = client.get(routed.get_absolute_url()).text
    assert f"Ratified — takes effect on {effect.day} {effect:%B %Y}" in text
    # The day comes with nobody acting: the daily command finds it.
    DecisionNotice.objects.filter(pk=ex_fresh_notice.pk).update(
        takes_effect_on=timezone.localdate() - timedelta(days=1)
    )
    call_command("take_effect", stdout=io.StringIO())
    assert _status(routed) == Status.RATIFIED
    assert routed.history.first().history_change_reason == "Decisions took effect: now ratified"
    assert resolutions_refresh_on_taking_effect() == 0


def test_a_called_in_decision_holds_the_status_until_scrutiny_lets_it_stand(
    routed, ex_fresh_notice, scrutiny_body, scrutiny_member, fu_scrutiny_clerk, client
):
    call_in = call_in_request(
        notice=ex_fresh_notice,
        scrutiny_body=scrutiny_body,
        actor=scrutiny_member,
        reasons="The equality impact assessment is missing.",
        signatories="Cllr Ann Able\nCllr Ben Bold",
    )
    assert _status(routed) == Status.AWAITING_RATIFICATION
    assert "Ratified — called in: awaiting scrutiny" in client.get(routed.get_absolute_url()).text
    call_in_record_outcome(
        call_in=call_in,
        outcome=CallIn.Outcome.NO_FURTHER_ACTION,
        actor=fu_scrutiny_clerk,
        expected_version=call_in.version,
    )
    assert _status(routed) == Status.RATIFIED
    reason = routed.history.first().history_change_reason
    assert reason.startswith("Call-in outcome: No further action")


def test_a_decision_referred_back_never_counts(
    routed, ex_fresh_notice, scrutiny_body, scrutiny_member, fu_scrutiny_clerk, client
):
    call_in = call_in_request(
        notice=ex_fresh_notice,
        scrutiny_body=scrutiny_body,
        actor=scrutiny_member,
        reasons="The equality impact assessment is missing.",
        signatories="Cllr Ann Able\nCllr Ben Bold",
    )
    call_in_record_outcome(
        call_in=call_in,
        outcome=CallIn.Outcome.REFERRED_BACK,
        actor=fu_scrutiny_clerk,
        expected_version=call_in.version,
    )
    assert resolutions_refresh_on_taking_effect() == 0
    assert _status(routed) == Status.AWAITING_RATIFICATION
    text = client.get(routed.get_absolute_url()).text
    assert "Ratified — referred back to the decision-maker" in text
    assert "2 of 3 organisations decided" in text


def test_the_api_status_follows_the_stored_status(routed, ex_fresh_notice, client):
    row = client.get(reverse("api:resolution-detail", args=[routed.pk])).json()
    assert row["status"] == Status.AWAITING_RATIFICATION


def test_the_dashboard_counts_a_decision_in_its_call_in_period_as_still_to_decide(
    routed, ex_fresh_notice, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(15):
        html = client.get("/ratifications/").content.decode()
    assert (
        f'aria-label="{routed}: 2 of 3 organisations decided: 2 ratified, 1 still to decide."'
        in (html)
    )
