"""The pictures of a risk register: the 5 × 5 heat maps (current and target), each square a
link to its risks, and a risk's RAG over time, each with its words and its table."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance.models import Risk
from governance.selectors.risks import rag_over_time, risk_heat_maps
from governance.services.risks import risk_close, risk_create, risk_rate, risk_update

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _add(register, actor, reference, **rating) -> Risk:
    fields = {
        "title": f"Risk {reference}",
        "description": "What could happen.",
        "owner": "Director of Operations",
        "mitigations": "",
        "review_date": TODAY + timedelta(days=30),
        "rated_on": TODAY - timedelta(days=60),
    }
    return risk_create(register=register, reference=reference, actor=actor, **fields, **rating)


@pytest.fixture
def mapped_register(body, other_body, admin_user):
    """A body's register: two risks at 4 × 4 (one aiming for 2 × 2), one at 2 × 3, one with a
    stated RAG only, one closed at 5 × 5; and a risk on another body's register."""
    _add(body, admin_user, "R1", likelihood=4, impact=4, target_likelihood=2, target_impact=2)
    _add(body, admin_user, "R2", likelihood=4, impact=4)
    _add(body, admin_user, "R3", likelihood=2, impact=3, target_likelihood=2, target_impact=2)
    _add(body, admin_user, "R4", stated_rag="amber")
    risk_close(risk=_add(body, admin_user, "R5", likelihood=5, impact=5), actor=admin_user)
    _add(other_body, admin_user, "X1", likelihood=4, impact=4)
    return body


def test_heat_map_counts_open_risks_per_likelihood_and_impact(mapped_register):
    heat, _ = risk_heat_maps(mapped_register)
    assert heat.count(4, 4) == 2
    assert heat.count(2, 3) == 1
    assert heat.count(5, 5) == 0  # closed
    assert (heat.placed, heat.unplaced) == (3, 1)
    assert [cell.likelihood for cell in heat.rows[0]] == [5] * 5  # likelihood 5 on top
    assert [cell.impact for cell in heat.rows[0]] == [1, 2, 3, 4, 5]
    assert heat.description == (
        "Heat map of the current rating of 3 open risks: "
        "Likelihood 4, impact 4 (score 16, red): 2 risks; "
        "Likelihood 2, impact 3 (score 6, amber): 1 risk. "
        "1 more not on the map (a RAG stated without a score)."
    )


def test_target_heat_map_counts_the_targets_and_the_risks_without_one(mapped_register):
    _, heat = risk_heat_maps(mapped_register)
    assert heat.count(2, 2) == 2
    assert (heat.placed, heat.unplaced) == (2, 2)
    assert "1 more" not in heat.description and "2 more not on the map (no target set)" in (
        heat.description
    )


def test_register_page_draws_both_maps_with_words_and_tables(
    client, mapped_register, django_assert_max_num_queries
):
    url = reverse("governance:body_risks", args=[mapped_register.slug])
    with django_assert_max_num_queries(8):
        html = client.get(url).content.decode()
    assert html.count("<svg") == 2
    assert 'aria-label="Heat map of the current rating"' in html
    assert "Heat map of the current rating of 3 open risks" in html  # the text alternative
    assert "Heat map of the target rating of 2 open risks" in html
    assert "open risks per likelihood (rows) and impact (columns)" in html  # the tables
    # Each square holding risks links to them, in the picture and in the table.
    assert html.count('href="?likelihood=4&amp;impact=4"') == 2
    assert html.count('href="?target_likelihood=2&amp;target_impact=2"') == 2
    assert 'href="?likelihood=1&amp;impact=1"' not in html  # empty squares are not links
    # Each square is labelled, not coloured only.
    assert ">Red 16</text>" in html and ">Green 1</text>" in html


def test_a_square_lists_only_its_risks(client, mapped_register):
    url = reverse("governance:body_risks", args=[mapped_register.slug])
    html = client.get(url, {"likelihood": 4, "impact": 4}).content.decode()
    listed = re.findall(r'href="/risks/\d+/">(Risk \w+)<', html)
    assert listed == ["Risk R1", "Risk R2"]
    assert "Open risks at current likelihood 4 and impact 4" in html

    html = client.get(url, {"target_likelihood": 2, "target_impact": 2}).content.decode()
    assert re.findall(r'href="/risks/\d+/">(Risk \w+)<', html) == ["Risk R1", "Risk R3"]


@pytest.mark.parametrize("likelihood, impact", [(6, 4), (0, 1), ("x", 2), (3, None)])
def test_a_square_off_the_scale_is_refused_and_every_risk_shown(
    client, mapped_register, likelihood, impact
):
    url = reverse("governance:body_risks", args=[mapped_register.slug])
    query = {"likelihood": likelihood} | ({} if impact is None else {"impact": impact})
    response = client.get(url, query)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Likelihood and impact are each from 1 to 5: showing all risks." in html
    assert len(re.findall(r'href="/risks/\d+/">(Risk \w+)<', html)) == 4


@pytest.mark.parametrize(
    "rating",
    [
        {"likelihood": 6, "impact": 3},
        {"likelihood": 3, "impact": 0},
        {"likelihood": 3, "impact": 3, "target_likelihood": 6, "target_impact": 1},
        {"likelihood": 3, "impact": 3, "target_likelihood": 2},
    ],
)
def test_a_rating_off_the_scale_is_refused(body, admin_user, rating):
    with pytest.raises(ValidationError):
        _add(body, admin_user, "R9", **rating)
    assert not Risk.objects.filter(reference="R9").exists()


def test_a_new_rating_off_the_scale_is_refused(body, admin_user):
    risk = _add(body, admin_user, "R1", likelihood=3, impact=3)
    with pytest.raises(ValidationError, match="less than or equal to 5"):
        risk_rate(risk=risk, likelihood=7, impact=3, rated_on=TODAY, actor=admin_user)
    risk.refresh_from_db()
    assert (risk.likelihood, risk.ratings.count()) == (3, 1)


def test_target_is_set_in_the_history_and_shown_on_the_risk(client, body, admin_user):
    risk = _add(body, admin_user, "R1", likelihood=4, impact=5)
    risk_update(
        risk=risk,
        reference="R1",
        title=risk.title,
        description=risk.description,
        owner=risk.owner,
        mitigations="",
        review_date=risk.review_date,
        target_likelihood=2,
        target_impact=3,
        actor=admin_user,
        expected_version=risk.version,
    )
    risk.refresh_from_db()
    assert (risk.target.score, risk.version) == (6, 2)
    latest = risk.history.first()
    assert (latest.target_likelihood, latest.target_impact) == (2, 3)
    html = client.get(risk.get_absolute_url()).content.decode()
    assert "Score 6: likelihood 2 × impact 3" in html


def test_rag_strip_runs_oldest_first_and_is_drawn_with_its_words(
    client, body, admin_user, django_assert_max_num_queries
):
    risk = _add(body, admin_user, "R1", stated_rag="red")
    risk_rate(
        risk=risk, likelihood=2, impact=3, rated_on=TODAY - timedelta(days=30), actor=admin_user
    )
    risk_rate(risk=risk, likelihood=1, impact=2, rated_on=TODAY, actor=admin_user)
    strip = rag_over_time(risk.ratings.all())
    assert [(p.rag.value, p.score) for p in strip.points] == [
        ("red", None),
        ("amber", 6),
        ("green", 2),
    ]
    assert strip.description.startswith("RAG over time, oldest first: ")
    assert "Red (RAG stated); " in strip.description
    assert strip.description.endswith("Green (score 2).")
    with django_assert_max_num_queries(6):
        html = client.get(risk.get_absolute_url()).content.decode()
    assert 'role="img" aria-label="RAG over time: RAG over time, oldest first' in html
    assert html.count(">Amber</text>") == 1
    assert "Ratings of this risk, newest first" in html  # the table beside it


def test_demo_shows_the_winter_plan_risks_on_the_heat_map(client, demo):
    url = "/partnerships/wiltshire-alliance/risks/"
    html = client.get(url).content.decode()
    assert "Heat map of the current rating of 8 open risks" in html
    assert "Heat map of the target rating of 8 open risks" in html
    # Seed 004's RAG is kept: four red, four amber, on the map as in the paper.
    assert "Likelihood 4, impact 4 (score 16, red): 2 risks" in html
    listed = client.get(url, {"likelihood": 4, "impact": 4}).content.decode()
    assert "Cost of locums increasing" in listed and "Packages of care handed back" in listed
    assert "Scarce domiciliary care resource" not in listed
