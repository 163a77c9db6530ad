"""Fixtures of the decisions tests: follow-up (actions, scrutiny) and the decision trail."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from decisions.models import DecisionNotice, ForwardPlanEntry, Resolution
from decisions.services.actions import action_create
from decisions.services.executive import decision_notice_publish, forward_plan_publish
from decisions.services.ratifications import ratification_for, ratification_record_outcome
from decisions.services.scrutiny import recommendation_send
from governance.models import Body, RoleAssignment
from tests.factories import (
    EX_CABINET_DAY,
    EX_FIRST_PUBLISHED,
    FOLLOWUP_DAY,
    PART_TWO_SECRET,
    Story,
    all_present,
    approve_terms,
    build_story,
    item,
    make_item_resolution,
    make_meeting,
    make_user,
    seat,
)


@pytest.fixture
def fu_meeting(body):
    """11 January 2021, agenda published: item 3 is Part I, item 4 Part II (paragraph 3)."""
    return make_meeting(body, FOLLOWUP_DAY)


@pytest.fixture
def fu_resolution(fu_meeting) -> Resolution:
    return make_item_resolution(fu_meeting, 3, 2)


@pytest.fixture
def fu_action(fu_resolution, clerk):
    return action_create(
        body=fu_resolution.body,
        resolution=fu_resolution,
        description="Provide committee members with an email update on vaccination.",
        owner="Director of Public Health",
        due_date=date(2021, 2, 8),
        actor=clerk,
    )


@pytest.fixture
def fu_exempt_action(fu_meeting, clerk):
    """An action arising from the Part II item 4."""
    return action_create(
        body=fu_meeting.body,
        item=item(fu_meeting, 4),
        description=PART_TWO_SECRET,
        owner="Service Director, Commissioning",
        due_date=date(2021, 3, 1),
        actor=clerk,
    )


@pytest.fixture
def fu_scrutiny_clerk(scrutiny_body):
    user = make_user("scrutiny-clerk", first_name="Martin", last_name="Gately")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=scrutiny_body)
    return user


@pytest.fixture
def fu_today() -> date:
    return timezone.localdate()


@pytest.fixture
def fu_recommendation(scrutiny_body, trust, fu_scrutiny_clerk, fu_today):
    """Sent to the trust ten days ago: awaiting its response, not yet overdue."""
    return recommendation_send(
        scrutiny_body=scrutiny_body,
        to_organisation=trust,
        text="Publish the stroke services recovery plan, with dates.",
        sent_on=fu_today - timedelta(days=10),
        regime="health_scrutiny",
        reference="HSC/R1",
        actor=fu_scrutiny_clerk,
    )


@pytest.fixture
def fu_body_recommendation(scrutiny_body, body, fu_scrutiny_clerk, fu_today):
    """Sent to the ASCPH committee (whose clerk is `clerk`) five days ago."""
    return recommendation_send(
        scrutiny_body=scrutiny_body,
        to_body=body,
        text="Review the winter plan's home-care capacity before December.",
        sent_on=fu_today - timedelta(days=5),
        regime="health_scrutiny",
        actor=fu_scrutiny_clerk,
    )


@pytest.fixture
def story(body, scrutiny_body, clerk) -> Story:
    """A Part I resolution with every kind of event."""
    return build_story(body, scrutiny_body, clerk, exempt=False)


@pytest.fixture
def exempt_story(body, scrutiny_body, clerk) -> Story:
    """The same story on a Part II item (Schedule 12A paragraph 3)."""
    return build_story(body, scrutiny_body, clerk, exempt=True)


# Executive decisions: the council's Cabinet ratifying the Alliance's agreement ---------------


@pytest.fixture
def ex_entry(routed, council, cabinet, council_lead) -> ForwardPlanEntry:
    """Cabinet's ratification of the agreement, in the council's forward plan."""
    return forward_plan_publish(
        organisation=council,
        actor=council_lead,
        title="Ratify the Alliance Memorandum of Understanding",
        decision_maker_body=cabinet,
        expected_on=EX_CABINET_DAY,
        lead_officer="Corporate Director for People",
        representations="Write to the Corporate Director for People by 1 December 2021.",
        first_published=EX_FIRST_PUBLISHED,
        resolution=routed,
    )


@pytest.fixture
def ex_ratified(ex_entry, routed, council, council_lead):
    """Cabinet's outcome on the agreement: ratified on the day the plan said."""
    return ratification_record_outcome(
        ratification=ratification_for(resolution=routed, organisation=council),
        outcome="ratified",
        actor=council_lead,
        expected_version=1,
        minute_reference="Cabinet minute 104",
        decided_on=EX_CABINET_DAY,
    )


@pytest.fixture
def ex_notice_on():
    """Publish the notice of Cabinet's ratification on the given day."""

    def _publish(ex_entry, ex_ratified, actor, published_on: date) -> DecisionNotice:
        return decision_notice_publish(
            organisation=ex_entry.organisation,
            actor=actor,
            forward_plan_entry=ex_entry,
            ratification=ex_ratified,
            title="Alliance Memorandum of Understanding ratified",
            decision="To ratify the Memorandum of Understanding and Collaboration Agreement.",
            reasons="It sets out how the partners work together at place.",
            alternatives="Not to ratify: the council would stand outside the Alliance.",
            published_on=published_on,
        )

    return _publish


@pytest.fixture
def ex_published(ex_entry, ex_ratified, council_lead, ex_notice_on) -> DecisionNotice:
    """Cabinet's decision notice, published on the day of the decision (8 December 2021)."""
    return ex_notice_on(ex_entry, ex_ratified, council_lead, EX_CABINET_DAY)


@pytest.fixture
def jc_committee(partnership) -> Body:
    """A joint committee of the Alliance (the council and the trust), three voting members,
    held on 1 March 2021 with all present."""
    committee = Body.objects.create(
        name="Wiltshire Joint Commissioning Committee", short_name="WJCC",
        slug="wiltshire-joint-commissioning", kind=Body.Kind.JOINT_COMMITTEE,
        partnership=partnership,
    )  # fmt: skip
    approve_terms(committee, quorum=2)
    return committee


@pytest.fixture
def jc_clerk(jc_committee):
    user = make_user("jcclerk")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=jc_committee)
    return user


@pytest.fixture
def jc_meeting(jc_committee, jc_clerk):
    seats = {name: seat(jc_committee, name) for name in ("Ann Ash", "Bob Birch", "Cy Cedar")}
    meeting = make_meeting(jc_committee, date(2021, 3, 1))
    all_present(meeting, seats, jc_clerk)
    return meeting
