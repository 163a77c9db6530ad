"""Rules of risk registers: RAG bands, ratings kept over time, one register per risk."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from governance.models import Partnership, Rag, Risk, RiskRating
from governance.models.risks import rag_for_score
from governance.selectors.risks import register_risks, risk_summary
from governance.services.risks import (
    risk_close,
    risk_create,
    risk_rate,
    risk_reopen,
    risk_update,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def place_partnership(db) -> Partnership:
    return Partnership.objects.create(
        name="Wiltshire Alliance",
        short_name="Wiltshire Alliance",
        slug="wiltshire-alliance",
        level=Partnership.Level.PLACE,
    )


def _risk(register, actor, reference="R1", **extra) -> Risk:
    fields = {
        "title": "Scarce domiciliary care",
        "description": "Reduction in care provision capacity.",
        "owner": "Director of Adult Social Care",
        "mitigations": "Work through how families can contribute to providing care",
        "review_date": TODAY + timedelta(days=30),
        "rated_on": TODAY - timedelta(days=60),
        "likelihood": 3,
        "impact": 3,
    }
    fields.update(extra)
    return risk_create(register=register, reference=reference, actor=actor, **fields)


@pytest.mark.parametrize("likelihood", range(1, 6))
@pytest.mark.parametrize("impact", range(1, 6))
def test_rag_bands_of_the_5x5_matrix(likelihood, impact):
    rating = RiskRating(likelihood=likelihood, impact=impact)
    score = likelihood * impact
    assert rating.score == score
    expected = Rag.GREEN if score <= 4 else Rag.AMBER if score <= 12 else Rag.RED
    assert rating.rag == expected


def test_band_edges():
    assert [rag_for_score(s) for s in (4, 5, 12, 15)] == [Rag.GREEN, Rag.AMBER, Rag.AMBER, Rag.RED]


def test_tag_classes_follow_the_rag():
    assert RiskRating(likelihood=5, impact=5).rag_tag_class == "govuk-tag--red"
    assert RiskRating(likelihood=2, impact=3).rag_tag_class == "govuk-tag--yellow"
    assert RiskRating(likelihood=1, impact=1).rag_tag_class == "govuk-tag--green"


def test_a_stated_rag_is_kept_when_no_score_was_given(place_partnership, clerk):
    risk = _risk(place_partnership, clerk, likelihood=None, impact=None, stated_rag=Rag.RED)
    assert risk.score is None and risk.rag == Rag.RED


@pytest.mark.parametrize(
    ("rating", "message"),
    [
        ({"likelihood": 3, "impact": None}, "Give both likelihood and impact"),
        ({"likelihood": None, "impact": None}, "Give the likelihood and impact"),
        ({"likelihood": 3, "impact": 3, "stated_rag": "red"}, "not both"),
        ({"likelihood": 6, "impact": 3}, "less than or equal to 5"),
    ],
)
def test_a_rating_needs_a_score_or_a_stated_rag(place_partnership, clerk, rating, message):
    with pytest.raises(ValidationError, match=message):
        _risk(place_partnership, clerk, **rating)
    assert not Risk.objects.exists() and not RiskRating.objects.exists()


def test_creating_a_risk_writes_its_first_rating_and_history(place_partnership, clerk):
    risk = _risk(place_partnership, clerk)
    rating = risk.ratings.get()
    assert (rating.likelihood, rating.impact, rating.rated_by) == (3, 3, clerk)
    assert risk.history.get().history_user == clerk
    assert rating.history.get().history_user == clerk


def test_every_rating_is_kept_newest_first_and_the_latest_is_current(
    place_partnership, clerk, admin_user
):
    risk = _risk(place_partnership, clerk)
    risk_rate(
        risk=risk,
        likelihood=4,
        impact=4,
        rated_on=TODAY - timedelta(days=30),
        note="Worse",
        actor=clerk,
    )
    risk_rate(risk=risk, likelihood=2, impact=2, rated_on=TODAY, note="Better", actor=admin_user)
    assert [(r.score, r.rag) for r in risk.ratings.all()] == [
        (4, Rag.GREEN),
        (16, Rag.RED),
        (9, Rag.AMBER),
    ]
    risk.refresh_from_db()
    assert (risk.likelihood, risk.impact, risk.rag) == (2, 2, Rag.GREEN)
    latest = risk.history.first()
    assert latest.history_user == admin_user and latest.likelihood == 2
    assert risk.ratings.first().rated_by == admin_user


def test_a_rating_dated_before_the_latest_or_in_the_future_is_refused(place_partnership, clerk):
    risk = _risk(place_partnership, clerk)
    with pytest.raises(ValidationError, match="cannot be dated before the latest one"):
        risk_rate(
            risk=risk, likelihood=5, impact=5, rated_on=TODAY - timedelta(days=90), actor=clerk
        )
    with pytest.raises(ValidationError, match="cannot be in the future"):
        risk_rate(
            risk=risk, likelihood=5, impact=5, rated_on=TODAY + timedelta(days=1), actor=clerk
        )
    risk.refresh_from_db()
    assert risk.ratings.count() == 1 and risk.score == 9


def test_a_closed_risk_is_not_rated_until_reopened(place_partnership, clerk):
    risk = _risk(place_partnership, clerk)
    risk_close(risk=risk, actor=clerk, reason="Winter over")
    assert risk.status == Risk.Status.CLOSED
    assert risk.history.first().history_change_reason == "Winter over"
    with pytest.raises(ValidationError, match="closed"):
        risk_rate(risk=risk, likelihood=1, impact=1, rated_on=TODAY, actor=clerk)
    with pytest.raises(ValidationError, match="already closed"):
        risk_close(risk=risk, actor=clerk)
    risk_reopen(risk=risk, actor=clerk)
    assert risk.status == Risk.Status.OPEN
    risk_rate(risk=risk, likelihood=1, impact=1, rated_on=TODAY, actor=clerk)
    assert risk.ratings.count() == 2


def test_references_are_unique_per_register(place_partnership, clerk, body):
    _risk(place_partnership, clerk)
    with pytest.raises(ValidationError, match="already used on this risk register"):
        _risk(place_partnership, clerk)
    assert _risk(body, clerk).body == body  # the same reference on another register is fine
    assert Risk.objects.count() == 2


def test_a_risk_is_on_exactly_one_register(place_partnership, body):
    both = Risk(
        reference="R9",
        title="t",
        description="d",
        owner="o",
        review_date=TODAY,
        likelihood=1,
        impact=1,
        partnership=place_partnership,
        body=body,
    )
    with pytest.raises(ValidationError, match="partnership or a body"):
        both.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        both.save()


def test_updating_wording_keeps_the_rating_and_writes_history(place_partnership, clerk):
    risk = _risk(place_partnership, clerk)
    risk_update(
        risk=risk,
        reference="R1",
        title="Scarce domiciliary care resource",
        description="New wording",
        owner="Alliance lead",
        mitigations="",
        review_date=TODAY,
        target_likelihood=None,
        target_impact=None,
        actor=clerk,
    )
    risk.refresh_from_db()
    assert risk.title == "Scarce domiciliary care resource" and risk.score == 9
    assert risk.history.first().history_change_reason == "Risk updated"


def test_summary_counts_open_risks_by_rag_in_one_query(
    place_partnership, clerk, django_assert_num_queries
):
    _risk(place_partnership, clerk, "R1", likelihood=5, impact=4)
    _risk(place_partnership, clerk, "R2", likelihood=None, impact=None, stated_rag="red")
    _risk(
        place_partnership,
        clerk,
        "R3",
        likelihood=2,
        impact=3,
        review_date=TODAY - timedelta(days=1),
    )
    _risk(place_partnership, clerk, "R4", likelihood=None, impact=None, stated_rag="amber")
    _risk(place_partnership, clerk, "R5", likelihood=1, impact=2)
    closed = _risk(place_partnership, clerk, "R6", likelihood=5, impact=5)
    risk_close(risk=closed, actor=clerk)
    with django_assert_num_queries(1):
        summary = risk_summary(place_partnership)
    assert (summary.red, summary.amber, summary.green, summary.overdue) == (2, 2, 1, 1)
    assert summary.total == 5
    assert [r.reference for r in register_risks(place_partnership, "closed")] == ["R6"]
