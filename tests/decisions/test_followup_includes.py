"""The selectors and includes the trail page and the body page use."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string

from decisions.selectors.actions import actions_for_resolution
from decisions.selectors.scrutiny import recommendations_about
from decisions.services.actions import action_create
from decisions.services.scrutiny import recommendation_send
from tests.factories import PART_TWO_SECRET, make_item_resolution

pytestmark = pytest.mark.django_db


def test_actions_for_resolution_in_one_query(
    django_assert_num_queries, fu_resolution, fu_action, member
):
    with django_assert_num_queries(1):
        actions = actions_for_resolution(fu_resolution, AnonymousUser())
        html = render_to_string("decisions/followup/_actions.html", {"actions": actions})
    assert actions == [fu_action]
    assert "email update on vaccination" in html
    assert "ASCPH 2021/002" in html


def test_actions_include_withholds_a_part_two_description(fu_meeting, clerk, member):
    exempt = make_item_resolution(fu_meeting, 4, 7)
    action_create(
        body=fu_meeting.body,
        resolution=exempt,
        description=PART_TWO_SECRET,
        owner="Chair",
        due_date=date(2021, 2, 1),
        actor=clerk,
    )
    public = render_to_string(
        "decisions/followup/_actions.html",
        {"actions": actions_for_resolution(exempt, AnonymousUser())},
    )
    assert PART_TWO_SECRET not in public
    assert "Exempt: paragraph 3 of Schedule 12A" in public
    assert "Care home fee negotiations" in public
    members = render_to_string(
        "decisions/followup/_actions.html", {"actions": actions_for_resolution(exempt, member)}
    )
    assert PART_TWO_SECRET in members


def test_recommendations_about_a_resolution_in_one_query(
    django_assert_num_queries, scrutiny_body, trust, fu_scrutiny_clerk, fu_today, fu_resolution
):
    recommendation_send(
        scrutiny_body=scrutiny_body,
        to_organisation=trust,
        text="Explain the decision to residents.",
        sent_on=fu_today - timedelta(days=3),
        regime="health_scrutiny",
        resolution=fu_resolution,
        actor=fu_scrutiny_clerk,
    )
    with django_assert_num_queries(1):
        recommendations = recommendations_about(fu_resolution)
        html = render_to_string(
            "decisions/followup/_recommendations.html",
            {"recommendations": recommendations, "show_from": True},
        )
    assert "Explain the decision to residents." in html
    assert "Health Scrutiny Committee" in html
    assert "Sherwood Forest Hospitals" in html


def test_body_links(body, scrutiny_body):
    html = render_to_string("decisions/followup/_body_links.html", {"body": body})
    assert f"/bodies/{body.slug}/actions/" in html
    assert "/scrutiny/" not in html
    html = render_to_string("decisions/followup/_body_links.html", {"body": scrutiny_body})
    assert f"/bodies/{scrutiny_body.slug}/scrutiny/" in html
