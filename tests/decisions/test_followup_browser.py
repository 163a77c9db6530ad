"""A clerk records an action and sees it done; a scrutiny clerk sends a recommendation, the
trust's governance lead responds, and the committee records it accepted. Zero axe violations."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from decisions.models import Action, ScrutinyRecommendation
from decisions.services.scrutiny import recommendation_send
from tests.browser_forms import fill_date


@pytest.mark.django_db(transaction=True)
def test_clerk_records_and_completes_an_action(
    page, sign_in, assert_accessible, clerk, fu_meeting, fu_resolution, fu_exempt_action
):
    sign_in(clerk)
    page.goto(f"/decisions/{fu_resolution.pk}/actions/new/")
    assert_accessible(page)
    page.get_by_role("button", name="Record action").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)
    page.get_by_label("What must be done").fill("Email members the vaccination figures.")
    page.get_by_label("Owner").fill("Director of Public Health")
    fill_date(page, "Due date", "2021-02-08")
    page.get_by_role("button", name="Record action").click()
    action = Action.objects.get(resolution=fu_resolution)
    assert_accessible(page)

    page.get_by_role("link", name="Add a progress note").click()
    assert_accessible(page)
    page.get_by_label("Progress note").fill("Figures requested from the CCG.")
    page.get_by_role("button", name="Add note").click()

    page.get_by_role("link", name="Change status").click()
    assert_accessible(page)
    page.get_by_label("Done").check()
    page.get_by_role("button", name="Change status").click()
    action.refresh_from_db()
    assert action.status == Action.Status.DONE

    page.goto(f"/bodies/{fu_meeting.body.slug}/actions/?show=all")
    assert_accessible(page)
    assert page.get_by_text("Email members the vaccination figures.").is_visible()


@pytest.mark.django_db(transaction=True)
def test_recommendation_sent_answered_and_accepted(
    page,
    sign_in,
    assert_accessible,
    scrutiny_body,
    trust,
    fu_scrutiny_clerk,
    governance_lead,
    fu_today,
):
    recommendation_send(
        scrutiny_body=scrutiny_body,
        to_organisation=trust,
        text="An old recommendation, never answered.",
        sent_on=fu_today - timedelta(days=40),
        regime="health_scrutiny",
        actor=fu_scrutiny_clerk,
    )
    sign_in(fu_scrutiny_clerk)
    page.goto(f"/bodies/{scrutiny_body.slug}/scrutiny/")
    assert_accessible(page)
    page.get_by_role("link", name="Send a recommendation").click()
    assert_accessible(page)
    page.get_by_label("Recommendation", exact=True).fill("Publish the stroke recovery plan.")
    page.get_by_label("To an organisation").select_option(label=str(trust))
    page.get_by_label("Health scrutiny of an NHS body (28 days)").check()
    fill_date(page, "Date sent", fu_today.isoformat())
    page.get_by_role("button", name="Record recommendation").click()
    recommendation = ScrutinyRecommendation.objects.get(text="Publish the stroke recovery plan.")
    assert_accessible(page)

    sign_in(governance_lead)
    page.goto(recommendation.get_absolute_url())
    page.get_by_role("link", name="Record the response").click()
    assert_accessible(page)
    page.get_by_label("The response", exact=True).fill("We will publish it in March.")
    fill_date(page, "Date of the response", fu_today.isoformat())
    page.get_by_role("button", name="Record response").click()
    recommendation.refresh_from_db()
    assert recommendation.status == ScrutinyRecommendation.Status.RESPONDED

    sign_in(fu_scrutiny_clerk)
    page.goto(recommendation.get_absolute_url())
    page.get_by_role("link", name="Record whether it was accepted").click()
    assert_accessible(page)
    page.get_by_label("Accepted").check()
    page.get_by_role("button", name="Record outcome").click()
    recommendation.refresh_from_db()
    assert recommendation.status == ScrutinyRecommendation.Status.ACCEPTED
    assert_accessible(page)
