"""Scrutiny recommendation pages: who may send, respond and decide; the committee's list with
what is overdue first; query bounds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from decisions.access import can_respond_to_recommendation
from decisions.models import ScrutinyRecommendation
from decisions.response_clocks import HEALTH_SCRUTINY_DAYS
from decisions.services.scrutiny import recommendation_record_response
from ics_portal.common.changes import history_url

pytestmark = pytest.mark.django_db

R = ScrutinyRecommendation.Status


def snapshot():
    return (
        list(
            ScrutinyRecommendation.objects.values_list(
                "pk", "text", "status", "response", "responded_on"
            )
        ),
        ScrutinyRecommendation.history.count(),
    )


def send_url(scrutiny_body):
    return reverse("decisions:recommendation_send", args=[scrutiny_body.slug])


def respond_url(recommendation):
    return reverse("decisions:recommendation_respond", args=[recommendation.pk])


def decide_url(recommendation):
    return reverse("decisions:recommendation_decide", args=[recommendation.pk])


def send_post(trust, fu_today):
    return {
        "reference": "HSC/R2",
        "text": "Reduce ambulance handover delays.",
        "to_organisation": trust.pk,
        "sent_on": fu_today.isoformat(),
        "regime": "health_scrutiny",
    }


def respond_post(fu_today):
    return {
        "response": "We accept and will report in June.",
        "responded_on": fu_today,
        "version": 1,
    }


# Permission matrix

OTHERS = ["member", "outsider", "scrutiny_member"]
MATRIX = [
    # (page, allowed, refused)
    ("send", ["fu_scrutiny_clerk", "admin_user"], ["clerk", "governance_lead", *OTHERS]),
    ("respond", ["governance_lead", "admin_user"], ["fu_scrutiny_clerk", "clerk", *OTHERS]),
    ("respond_body", ["clerk", "admin_user"], ["governance_lead", "fu_scrutiny_clerk", *OTHERS]),
    ("decide", ["fu_scrutiny_clerk", "admin_user"], ["governance_lead", "clerk", *OTHERS]),
]


@pytest.fixture
def pages(scrutiny_body, trust, fu_recommendation, fu_body_recommendation, fu_today):
    """Each page's address and a POST that would succeed for an allowed user."""
    return {
        "send": (send_url(scrutiny_body), send_post(trust, fu_today)),
        "respond": (respond_url(fu_recommendation), respond_post(fu_today)),
        "respond_body": (respond_url(fu_body_recommendation), respond_post(fu_today)),
        "decide": (decide_url(fu_recommendation), {"outcome": "accepted"}),
    }


@pytest.mark.parametrize(("page", "allowed", "refused"), MATRIX)
def test_permission_matrix(request, client_for, pages, page, allowed, refused):
    url, data = pages[page]
    for who in allowed:
        assert client_for(request.getfixturevalue(who)).get(url).status_code == 200, who
    before = snapshot()
    for who in refused:
        client = client_for(request.getfixturevalue(who))
        assert client.get(url).status_code == 403, who
        assert client.post(url, data).status_code == 403, who
    assert snapshot() == before
    client = client_for(None)
    for response in (client.get(url), client.post(url, data)):
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    assert snapshot() == before


def test_can_respond_to_recommendation(
    fu_recommendation, fu_body_recommendation, governance_lead, clerk, admin_user, outsider
):
    assert can_respond_to_recommendation(governance_lead, fu_recommendation)
    assert not can_respond_to_recommendation(clerk, fu_recommendation)
    assert can_respond_to_recommendation(clerk, fu_body_recommendation)
    assert not can_respond_to_recommendation(governance_lead, fu_body_recommendation)
    for recommendation in (fu_recommendation, fu_body_recommendation):
        assert can_respond_to_recommendation(admin_user, recommendation)
        assert not can_respond_to_recommendation(outsider, recommendation)


# Sending, responding, deciding


def test_clerk_sends_a_recommendation_about_a_decision(
    client_for, fu_scrutiny_clerk, scrutiny_body, trust, fu_today, fu_resolution
):
    client = client_for(fu_scrutiny_clerk)
    data = {**send_post(trust, fu_today), "about": "ascph 2021/002"}
    response = client.post(send_url(scrutiny_body), data, follow=True)
    recommendation = ScrutinyRecommendation.objects.get()
    assert recommendation.resolution == fu_resolution
    assert recommendation.response_due == fu_today + timedelta(days=HEALTH_SCRUTINY_DAYS)
    html = response.content.decode()
    assert f"The response is due by {recommendation.response_due:%-d %B %Y}" in html
    assert "Reduce ambulance handover delays." in html
    assert recommendation.history.get().history_user == fu_scrutiny_clerk


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"to_organisation": ""}, "Choose the organisation or the body"),
        ({"about": "ASCPH 2021/999"}, "No single decision has the reference"),
        ({"about": "the MoU"}, "Enter the decision&#x27;s reference like"),
    ],
)
def test_sending_is_refused_on_bad_input(
    client_for, fu_scrutiny_clerk, scrutiny_body, trust, fu_today, fu_resolution, change, message
):
    client = client_for(fu_scrutiny_clerk)
    response = client.post(send_url(scrutiny_body), {**send_post(trust, fu_today), **change})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert message in html
    assert not ScrutinyRecommendation.objects.exists()


def test_sending_from_a_body_that_is_not_a_scrutiny_committee_is_404(client_for, admin_user, body):
    assert client_for(admin_user).get(send_url(body)).status_code == 404


def test_governance_lead_records_the_response(client_for, governance_lead, fu_recommendation):
    client = client_for(governance_lead)
    today = fu_recommendation.sent_on + timedelta(days=10)
    response = client.post(respond_url(fu_recommendation), respond_post(today), follow=True)
    assert "Response recorded." in response.content.decode()
    fu_recommendation.refresh_from_db()
    assert fu_recommendation.status == R.RESPONDED
    assert fu_recommendation.history.first().history_user == governance_lead


def test_a_response_before_sending_is_refused_on_the_form(
    client_for, governance_lead, fu_recommendation
):
    client = client_for(governance_lead)
    before = snapshot()
    early = fu_recommendation.sent_on - timedelta(days=1)
    response = client.post(respond_url(fu_recommendation), respond_post(early))
    assert "cannot be dated before the recommendation was sent" in response.content.decode()
    assert snapshot() == before


def test_deciding_before_the_response_is_refused_then_accepted(
    client_for, fu_scrutiny_clerk, governance_lead, fu_recommendation, fu_today
):
    client = client_for(fu_scrutiny_clerk)
    before = snapshot()
    response = client.post(decide_url(fu_recommendation), {"outcome": "accepted", "version": 1})
    assert "Record the response before" in response.content.decode()
    assert snapshot() == before
    recommendation_record_response(
        recommendation=fu_recommendation,
        response="Yes.",
        responded_on=fu_today,
        actor=governance_lead,
    )
    response = client.post(
        decide_url(fu_recommendation), {"outcome": "rejected", "version": 2}, follow=True
    )
    assert "Recommendation recorded as rejected." in response.content.decode()
    response = client.post(decide_url(fu_recommendation), {"outcome": "accepted", "version": 3})
    assert "that is final" in response.content.decode()
    fu_recommendation.refresh_from_db()
    assert fu_recommendation.status == R.REJECTED


# The committee's page


def test_committee_page_lists_overdue_first(
    client, scrutiny_body, trust, fu_scrutiny_clerk, fu_today, fu_recommendation
):
    from decisions.services.scrutiny import recommendation_send

    late = recommendation_send(
        scrutiny_body=scrutiny_body,
        to_organisation=trust,
        text="Overdue one.",
        sent_on=fu_today - timedelta(days=29),
        regime="health_scrutiny",
        actor=fu_scrutiny_clerk,
    )
    due_today = recommendation_send(
        scrutiny_body=scrutiny_body,
        to_organisation=trust,
        text="Due today.",
        sent_on=fu_today - timedelta(days=28),
        regime="health_scrutiny",
        actor=fu_scrutiny_clerk,
    )
    url = reverse("decisions:recommendation_list", args=[scrutiny_body.slug])
    html = client.get(url).content.decode()
    overdue_at = html.index('id="overdue"')
    others_at = html.index('id="all"')
    assert overdue_at < html.index("Overdue one.") < others_at
    assert others_at < html.index("Due today.")
    assert others_at < html.index("Publish the stroke services recovery plan")
    assert f"{late.response_due:%-d %b %Y}" in html
    assert f"{due_today.response_due:%-d %b %Y}" in html
    assert "Send a recommendation" not in html


def test_committee_page_only_for_scrutiny_committees(client, body):
    url = reverse("decisions:recommendation_list", args=[body.slug])
    assert client.get(url).status_code == 404


def test_recommendation_page_is_public_with_history(
    client_for, fu_recommendation, governance_lead
):
    client = client_for(None)
    html = client.get(fu_recommendation.get_absolute_url()).content.decode()
    assert "Publish the stroke services recovery plan" in html
    assert "Record the response" not in html
    assert history_url(fu_recommendation) in html
    assert client.get(history_url(fu_recommendation)).status_code == 200
    html = client_for(governance_lead).get(fu_recommendation.get_absolute_url()).content.decode()
    assert "Record the response" in html


@pytest.mark.parametrize("count", [2, 40])
def test_committee_page_queries_do_not_grow(
    client_for,
    django_assert_max_num_queries,
    scrutiny_body,
    trust,
    body,
    fu_resolution,
    fu_scrutiny_clerk,
    fu_today,
    count,
):
    rows = []
    for n in range(count):
        sent = fu_today - timedelta(days=n * 3)
        recommendation = ScrutinyRecommendation(
            scrutiny_body=scrutiny_body,
            to_organisation=trust if n % 2 else None,
            to_body=None if n % 2 else body,
            resolution=fu_resolution if n % 3 == 0 else None,
            text=f"Recommendation {n}",
            sent_on=sent,
            regime="health_scrutiny",
        )
        recommendation.set_response_due()
        rows.append(recommendation)
    ScrutinyRecommendation.objects.bulk_create(rows)
    client = client_for(fu_scrutiny_clerk)
    url = reverse("decisions:recommendation_list", args=[scrutiny_body.slug])
    # Session, user and roles (4), the body (1), overdue and the rest (2), session saved (3).
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.content.decode().count('id="recommendation-') == count
