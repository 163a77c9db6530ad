"""Scrutiny response clocks by regime: health scrutiny 28 days (2013 Regulations reg 22),
council executive 2 months (Local Government Act 2000 s9FE), other a set number of days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from decisions.models import ScrutinyRecommendation
from decisions.response_clocks import add_months
from decisions.services.scrutiny import recommendation_send

Regime = ScrutinyRecommendation.Regime


def send(scrutiny_body, council, clerk, *, sent_on, regime, response_days=None):
    return recommendation_send(
        scrutiny_body=scrutiny_body,
        to_organisation=council,
        text="Review the home-care contract.",
        sent_on=sent_on,
        regime=regime,
        response_days=response_days,
        actor=clerk,
    )


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2024, 12, 31), 2, date(2025, 2, 28)),
        (date(2023, 12, 31), 2, date(2024, 2, 29)),  # a leap year
        (date(2024, 8, 31), 2, date(2024, 10, 31)),
        (date(2024, 11, 15), 2, date(2025, 1, 15)),
    ],
)
def test_months_end_on_the_last_day_of_a_shorter_month(start, months, end):
    assert add_months(start, months) == end


@pytest.mark.django_db
def test_a_council_executive_response_to_31_december_is_due_on_28_february(
    scrutiny_body, council, admin_user
):
    recommendation = send(
        scrutiny_body,
        council,
        admin_user,
        sent_on=date(2024, 12, 31),
        regime=Regime.COUNCIL_EXECUTIVE,
    )
    assert recommendation.response_due == date(2025, 2, 28)
    assert recommendation.clock == "2 months"


@pytest.mark.django_db
def test_health_scrutiny_gives_an_nhs_body_28_days(scrutiny_body, trust, admin_user):
    recommendation = send(
        scrutiny_body, trust, admin_user, sent_on=date(2024, 2, 1), regime=Regime.HEALTH_SCRUTINY
    )
    assert recommendation.response_due == date(2024, 2, 29)
    assert recommendation.get_regime_display().startswith("Health scrutiny")


@pytest.mark.django_db
def test_a_recommendation_is_overdue_the_day_after_its_28th_day(scrutiny_body, trust, admin_user):
    today = date.today()
    on_time = send(
        scrutiny_body,
        trust,
        admin_user,
        sent_on=today - timedelta(days=28),
        regime="health_scrutiny",
    )
    late = send(
        scrutiny_body,
        trust,
        admin_user,
        sent_on=today - timedelta(days=29),
        regime="health_scrutiny",
    )
    assert not on_time.is_overdue
    assert late.is_overdue


@pytest.mark.django_db
def test_the_other_regime_counts_the_days_the_committee_set(scrutiny_body, council, admin_user):
    recommendation = send(
        scrutiny_body,
        council,
        admin_user,
        sent_on=date(2024, 3, 1),
        regime=Regime.OTHER,
        response_days=14,
    )
    assert recommendation.response_due == date(2024, 3, 15)
    assert recommendation.clock == "14 days"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("regime", "days", "message"),
    [
        ("", None, "Choose the regime"),
        ("weekly", None, "Choose the regime"),
        (Regime.OTHER, None, "Enter the number of days"),
        (Regime.COUNCIL_EXECUTIVE, 10, "sets its own clock"),
    ],
)
def test_a_clock_without_a_chosen_regime_is_refused_and_nothing_is_saved(
    scrutiny_body, council, admin_user, regime, days, message
):
    with pytest.raises(ValidationError, match=message):
        send(
            scrutiny_body,
            council,
            admin_user,
            sent_on=date(2024, 3, 1),
            regime=regime,
            response_days=days,
        )
    assert not ScrutinyRecommendation.objects.exists()


@pytest.mark.django_db
def test_the_send_form_records_the_regime_and_the_page_shows_its_clock(
    client_for, scrutiny_body, council, admin_user
):
    client = client_for(admin_user)
    url = reverse("decisions:recommendation_send", args=[scrutiny_body.slug])
    response = client.post(
        url,
        {
            "text": "Publish the plan.",
            "to_organisation": council.pk,
            "sent_on": "2024-12-31",
            "regime": "council_executive",
        },
        follow=True,
    )
    recommendation = ScrutinyRecommendation.objects.get()
    assert recommendation.regime == Regime.COUNCIL_EXECUTIVE
    assert recommendation.response_due == date(2025, 2, 28)
    assert "28 February 2025" in response.text
    assert "2 months from the date sent" in response.text


@pytest.mark.django_db
def test_the_send_form_asks_for_the_days_of_the_other_regime(
    client_for, scrutiny_body, council, admin_user
):
    url = reverse("decisions:recommendation_send", args=[scrutiny_body.slug])
    response = client_for(admin_user).post(
        url,
        {
            "text": "Publish the plan.",
            "to_organisation": council.pk,
            "sent_on": "2024-12-31",
            "regime": "other",
        },
    )
    assert response.status_code == 200
    assert "Enter the number of days" in response.text
    assert not ScrutinyRecommendation.objects.exists()


@pytest.mark.django_db
def test_the_demo_sends_the_seed_004_recommendations_under_health_scrutiny(demo):
    rapid = ScrutinyRecommendation.objects.filter(reference__startswith="Rapid Scrutiny")
    assert rapid.exists()
    for recommendation in rapid:
        assert recommendation.regime == Regime.HEALTH_SCRUTINY
        assert recommendation.response_due == date(2022, 11, 29)
        assert recommendation.history.first().history_change_reason == "Recommendation sent"
