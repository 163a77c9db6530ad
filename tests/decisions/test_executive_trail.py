"""The trail of a partnership resolution shows each organisation's forward plan entry, decision
notice, call-in and the day its decision took effect; a ratification counts as decided only
once its decision has taken effect."""

from __future__ import annotations

from datetime import date

import pytest

from decisions.models import CallIn
from decisions.services.executive import call_in_record_outcome, call_in_request

pytestmark = pytest.mark.django_db

SIGNED = "Cllr Ann Able\nCllr Ben Bold"


@pytest.fixture
def ex_called_in(
    ex_entry, ex_ratified, council_lead, ex_notice_on, scrutiny_body, scrutiny_member
):
    notice = ex_notice_on(ex_entry, ex_ratified, council_lead, date(2021, 12, 8))
    return call_in_request(
        notice=notice,
        scrutiny_body=scrutiny_body,
        actor=scrutiny_member,
        reasons="The equality impact assessment is missing.",
        signatories=SIGNED,
        on=date(2021, 12, 15),
    )


def test_the_trail_shows_the_plan_the_notice_and_the_day_it_took_effect(
    client,
    routed,
    ex_entry,
    ex_ratified,
    council_lead,
    ex_notice_on,
    django_assert_max_num_queries,
):
    ex_notice_on(ex_entry, ex_ratified, council_lead, date(2021, 12, 8))
    with django_assert_max_num_queries(40):
        response = client.get(routed.get_absolute_url())
    text = response.text
    assert "In the forward plan: Nottinghamshire County Council" in text
    assert "Decision notice published: Nottinghamshire County Council" in text
    assert "Nottinghamshire County Council&#x27;s decision took effect" in text
    assert "Took effect on 16 December 2021" in text
    assert "Ratification in progress (1 of 3 decided)" in text


def test_a_called_in_ratification_is_not_counted_as_decided(
    client, routed, ex_called_in, fu_scrutiny_clerk
):
    text = client.get(routed.get_absolute_url()).text
    assert "Called in: Nottinghamshire County Council&#x27;s decision" in text
    assert "Ratification in progress (0 of 3 decided)" in text
    call_in_record_outcome(
        call_in=ex_called_in,
        outcome=CallIn.Outcome.REFERRED_BACK,
        actor=fu_scrutiny_clerk,
        expected_version=ex_called_in.version,
        on=date(2022, 1, 10),
    )
    text = client.get(routed.get_absolute_url()).text
    assert "Scrutiny outcome: Referred back to the decision-maker" in text
    assert "took effect" not in text
    assert "Ratification in progress (0 of 3 decided)" in text


def test_no_further_action_lets_the_decision_take_effect_on_the_trail(
    client, routed, ex_called_in, fu_scrutiny_clerk
):
    call_in_record_outcome(
        call_in=ex_called_in,
        outcome=CallIn.Outcome.NO_FURTHER_ACTION,
        actor=fu_scrutiny_clerk,
        expected_version=ex_called_in.version,
        on=date(2022, 1, 10),
    )
    text = client.get(routed.get_absolute_url()).text
    assert "Took effect on 10 January 2022" in text
    assert "Ratification in progress (1 of 3 decided)" in text
