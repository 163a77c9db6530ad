"""The forward plan, decision notices and call-in, at the edges of their clocks."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from decisions.models import CallIn, DecisionNotice, ForwardPlanEntry
from decisions.services.executive import (
    call_in_record_outcome,
    call_in_request,
    decision_notice_publish,
    forward_plan_publish,
    forward_plan_record_exception,
)
from tests.factories import EX_CABINET_DAY

pytestmark = pytest.mark.django_db

SIGNED = "Cllr Ann Able\nCllr Ben Bold"


def _entry(council, cabinet, actor, *, expected_on, first_published, **extra):
    return forward_plan_publish(
        organisation=council,
        actor=actor,
        title="Adult social care charging policy",
        decision_maker_body=cabinet,
        expected_on=expected_on,
        lead_officer="Director of Adult Social Services",
        representations="Write to the director.",
        first_published=first_published,
        **extra,
    )


# The 28 clear days of the forward plan


def test_a_key_decision_on_the_day_after_the_28th_clear_day_is_published(
    council, cabinet, council_lead
):
    # First published 1 November: 2 to 29 November are the 28 clear days.
    entry = _entry(
        council,
        cabinet,
        council_lead,
        expected_on=date(2021, 11, 30),
        first_published=date(2021, 11, 1),
    )
    assert entry.history.get().history_user == council_lead
    assert entry.history.get().history_change_reason == "Published in the forward plan"


def test_a_key_decision_on_the_28th_clear_day_is_refused(council, cabinet, council_lead):
    with pytest.raises(ValidationError) as refused:
        _entry(
            council,
            cabinet,
            council_lead,
            expected_on=date(2021, 11, 29),
            first_published=date(2021, 11, 1),
        )
    assert "may be taken from 30 November 2021" in str(refused.value)
    assert not ForwardPlanEntry.objects.exists()


def test_a_decision_that_is_not_key_needs_no_28_days(council, cabinet, council_lead):
    entry = _entry(
        council,
        cabinet,
        council_lead,
        expected_on=date(2021, 11, 2),
        first_published=date(2021, 11, 1),
        is_key_decision=False,
    )
    assert entry.pk


def test_special_urgency_needs_its_reason_and_the_scrutiny_chairs_agreement(
    council, cabinet, council_lead
):
    with pytest.raises(ValidationError) as refused:
        _entry(
            council,
            cabinet,
            council_lead,
            expected_on=date(2021, 11, 5),
            first_published=date(2021, 11, 1),
            urgency=ForwardPlanEntry.Urgency.SPECIAL_URGENCY,
            urgency_reason="The grant conditions require a decision this week.",
        )
    assert "scrutiny_chair" in refused.value.error_dict
    entry = _entry(
        council,
        cabinet,
        council_lead,
        expected_on=date(2021, 11, 5),
        first_published=date(2021, 11, 1),
        urgency=ForwardPlanEntry.Urgency.SPECIAL_URGENCY,
        urgency_reason="The grant conditions require a decision this week.",
        scrutiny_chair="Cllr Sue Chair",
        scrutiny_agreed_on=date(2021, 11, 1),
    )
    assert entry.get_urgency_display() == "Special urgency"


def test_only_the_organisations_governance_leads_publish_its_plan(
    council, cabinet, governance_lead, scrutiny_member
):
    for someone in (governance_lead, scrutiny_member):
        with pytest.raises(PermissionDenied):
            _entry(
                council,
                cabinet,
                someone,
                expected_on=date(2021, 12, 30),
                first_published=date(2021, 11, 1),
            )


def test_an_entry_ratifies_only_a_resolution_routed_to_its_organisation(
    agreement, council, cabinet, council_lead
):
    with pytest.raises(ValidationError, match="was not routed to"):
        _entry(
            council,
            cabinet,
            council_lead,
            expected_on=date(2021, 12, 30),
            first_published=date(2021, 11, 1),
            resolution=agreement,
        )


# Decision notices


def test_a_notice_opens_five_clear_working_days_of_call_in(
    ex_entry, ex_ratified, council_lead, ex_notice_on
):
    # Published Wednesday 8 December 2021: 9, 10, 13, 14 and 15 December are the five days.
    notice = ex_notice_on(ex_entry, ex_ratified, council_lead, date(2021, 12, 8))
    assert notice.call_in_deadline == date(2021, 12, 15)
    assert notice.takes_effect_on == date(2021, 12, 16)
    assert notice.ratification == ex_ratified
    assert notice.history.get().history_change_reason == "Decision notice published"


def test_a_bank_holiday_inside_the_call_in_period_does_not_count(council, cabinet, council_lead):
    # Easter 2022: Good Friday 15 April and Easter Monday 18 April are bank holidays, so
    # published on Wednesday 13 April the days are 14, 19, 20, 21 and 22 April.
    entry = _entry(
        council,
        cabinet,
        council_lead,
        expected_on=date(2022, 4, 13),
        first_published=date(2022, 3, 1),
    )
    notice = decision_notice_publish(
        organisation=council,
        actor=council_lead,
        forward_plan_entry=entry,
        title="Charging policy agreed",
        decision="To agree the charging policy.",
        reasons="Consultation done.",
        alternatives="None.",
        decided_on=date(2022, 4, 13),
        published_on=date(2022, 4, 13),
    )
    assert notice.call_in_deadline == date(2022, 4, 22)
    assert notice.takes_effect_on == date(2022, 4, 25)


def test_the_organisation_sets_its_own_call_in_period(
    council, ex_entry, ex_ratified, council_lead, ex_notice_on
):
    council.call_in_working_days = 3
    council.save()
    notice = ex_notice_on(ex_entry, ex_ratified, council_lead, date(2021, 12, 8))
    assert notice.call_in_deadline == date(2021, 12, 13)


def test_a_key_decision_taken_before_its_28_clear_days_is_refused(council, cabinet, council_lead):
    entry = _entry(
        council,
        cabinet,
        council_lead,
        expected_on=date(2021, 11, 30),
        first_published=date(2021, 11, 1),
    )
    arguments = dict(
        organisation=council,
        actor=council_lead,
        forward_plan_entry=entry,
        title="Charging policy agreed",
        decision="To agree the charging policy.",
        reasons="Consultation done.",
        alternatives="None.",
        decided_on=date(2021, 11, 29),
        published_on=date(2021, 11, 29),
    )
    with pytest.raises(ValidationError, match="28 clear days"):
        decision_notice_publish(**arguments)
    assert not DecisionNotice.objects.exists()
    # With a general exception recorded and agreed, the same decision is published.
    forward_plan_record_exception(
        entry=entry,
        actor=council_lead,
        expected_version=entry.version,
        urgency=ForwardPlanEntry.Urgency.GENERAL_EXCEPTION,
        urgency_reason="The contract ends on 30 November.",
        scrutiny_chair="Cllr Sue Chair",
        scrutiny_agreed_on=date(2021, 11, 22),
    )
    entry.refresh_from_db()
    assert decision_notice_publish(**{**arguments, "forward_plan_entry": entry}).pk


def test_a_key_decision_needs_its_forward_plan_entry(council, cabinet, council_lead):
    with pytest.raises(ValidationError, match="forward plan first"):
        decision_notice_publish(
            organisation=council,
            actor=council_lead,
            decision_maker_body=cabinet,
            title="Charging policy agreed",
            decision="To agree the charging policy.",
            reasons="Consultation done.",
            alternatives="None.",
            decided_on=date(2021, 11, 29),
            is_key_decision=True,
        )


def test_a_ratification_not_yet_decided_has_no_notice(ex_entry, council_lead):
    with pytest.raises(ValidationError, match="record the decision as its ratification"):
        decision_notice_publish(
            organisation=ex_entry.organisation,
            actor=council_lead,
            forward_plan_entry=ex_entry,
            title="Alliance MoU",
            decision="To ratify.",
            reasons="Partnership.",
            alternatives="None.",
            decided_on=EX_CABINET_DAY,
        )


def test_an_urgent_decision_is_exempt_from_call_in_and_says_why(
    ex_entry, ex_ratified, council_lead, scrutiny_body, scrutiny_member
):
    notice = decision_notice_publish(
        organisation=ex_entry.organisation,
        actor=council_lead,
        forward_plan_entry=ex_entry,
        ratification=ex_ratified,
        title="Alliance MoU",
        decision="To ratify.",
        reasons="Partnership.",
        alternatives="None.",
        published_on=EX_CABINET_DAY,
        urgent=True,
        urgency_reason="The ICB's establishment date cannot move.",
    )
    assert notice.call_in_deadline is None
    assert notice.takes_effect_on == EX_CABINET_DAY
    with pytest.raises(ValidationError, match="exempt from call-in: The ICB's establishment"):
        call_in_request(
            notice=notice,
            scrutiny_body=scrutiny_body,
            actor=scrutiny_member,
            reasons="Too fast.",
            signatories=SIGNED,
            on=EX_CABINET_DAY,
        )


# Call-in


@pytest.fixture
def ex_notice(ex_entry, ex_ratified, council_lead, ex_notice_on) -> DecisionNotice:
    """Published 8 December 2021; call-in until 15 December."""
    return ex_notice_on(ex_entry, ex_ratified, council_lead, date(2021, 12, 8))


def test_a_call_in_on_the_last_day_suspends_the_decision(
    ex_notice, scrutiny_body, scrutiny_member
):
    call_in = call_in_request(
        notice=ex_notice,
        scrutiny_body=scrutiny_body,
        actor=scrutiny_member,
        reasons="The equality impact assessment is missing.",
        signatories=SIGNED,
        on=date(2021, 12, 15),
    )
    ex_notice.refresh_from_db()
    assert ex_notice.takes_effect_on is None
    assert ex_notice.state() == "Called in: awaiting scrutiny"
    assert call_in.signatory_list == ["Cllr Ann Able", "Cllr Ben Bold"]
    assert call_in.history.get().history_user == scrutiny_member


def test_a_call_in_the_day_after_the_deadline_is_refused(
    ex_notice, scrutiny_body, scrutiny_member
):
    with pytest.raises(ValidationError, match="call-in period ended on 15 December 2021"):
        call_in_request(
            notice=ex_notice,
            scrutiny_body=scrutiny_body,
            actor=scrutiny_member,
            reasons="Late.",
            signatories=SIGNED,
            on=date(2021, 12, 16),
        )
    assert not CallIn.objects.exists()
    ex_notice.refresh_from_db()
    assert ex_notice.takes_effect_on == date(2021, 12, 16)
    assert ex_notice.state() == "In effect"


def test_a_call_in_with_too_few_signatures_is_refused(
    council, ex_notice, scrutiny_body, scrutiny_member
):
    council.call_in_signatures = 3
    council.save()
    ex_notice.organisation.refresh_from_db()
    with pytest.raises(ValidationError, match="needs 3 scrutiny members' signatures; this has 2"):
        call_in_request(
            notice=ex_notice,
            scrutiny_body=scrutiny_body,
            actor=scrutiny_member,
            reasons="Missing assessment.",
            # The same name twice counts once.
            signatories=SIGNED + "\ncllr  ann able",
            on=date(2021, 12, 9),
        )
    assert not CallIn.objects.exists()


def test_only_scrutiny_members_call_in(ex_notice, scrutiny_body, council_lead, member):
    for someone in (council_lead, member):
        with pytest.raises(PermissionDenied):
            call_in_request(
                notice=ex_notice,
                scrutiny_body=scrutiny_body,
                actor=someone,
                reasons="Why not.",
                signatories=SIGNED,
                on=date(2021, 12, 9),
            )


@pytest.mark.parametrize(
    ("outcome", "takes_effect_on", "state"),
    [
        (CallIn.Outcome.NO_FURTHER_ACTION, date(2022, 1, 10), "In effect"),
        (CallIn.Outcome.REFERRED_BACK, None, "Referred back to the decision-maker"),
        (CallIn.Outcome.REFERRED_TO_COUNCIL, None, "Referred to full council"),
    ],
)
def test_the_scrutiny_outcome_decides_whether_the_decision_takes_effect(
    ex_notice, scrutiny_body, scrutiny_member, fu_scrutiny_clerk, outcome, takes_effect_on, state
):
    call_in = call_in_request(
        notice=ex_notice,
        scrutiny_body=scrutiny_body,
        actor=scrutiny_member,
        reasons="Missing assessment.",
        signatories=SIGNED,
        on=date(2021, 12, 10),
    )
    call_in_record_outcome(
        call_in=call_in,
        outcome=outcome,
        actor=fu_scrutiny_clerk,
        expected_version=call_in.version,
        on=date(2022, 1, 10),
    )
    ex_notice.refresh_from_db()
    assert ex_notice.takes_effect_on == takes_effect_on
    assert ex_notice.state() == state


def test_a_notice_referred_back_can_be_followed_by_a_new_one(
    ex_notice,
    ex_entry,
    ex_ratified,
    council_lead,
    scrutiny_body,
    scrutiny_member,
    fu_scrutiny_clerk,
    ex_notice_on,
):
    with pytest.raises(ValidationError, match="already has its notice"):
        ex_notice_on(ex_entry, ex_ratified, council_lead, date(2021, 12, 9))
    call_in = call_in_request(
        notice=ex_notice,
        scrutiny_body=scrutiny_body,
        actor=scrutiny_member,
        reasons="Missing assessment.",
        signatories=SIGNED,
        on=date(2021, 12, 10),
    )
    call_in_record_outcome(
        call_in=call_in,
        outcome=CallIn.Outcome.REFERRED_BACK,
        actor=fu_scrutiny_clerk,
        expected_version=call_in.version,
        on=date(2022, 1, 10),
    )
    again = ex_notice_on(ex_entry, ex_ratified, council_lead, date(2022, 1, 20))
    assert again.call_in_deadline == date(2022, 1, 27)


def test_a_stale_outcome_form_is_refused(
    ex_notice, scrutiny_body, scrutiny_member, fu_scrutiny_clerk
):
    call_in = call_in_request(
        notice=ex_notice,
        scrutiny_body=scrutiny_body,
        actor=scrutiny_member,
        reasons="Missing assessment.",
        signatories=SIGNED,
        on=date(2021, 12, 10),
    )
    with pytest.raises(ValidationError, match="Someone else changed"):
        call_in_record_outcome(
            call_in=call_in,
            outcome=CallIn.Outcome.NO_FURTHER_ACTION,
            actor=fu_scrutiny_clerk,
            expected_version=call_in.version - 1,
            on=date(2022, 1, 10),
        )
    call_in.refresh_from_db()
    assert call_in.outcome == ""
