"""Search finds risks and agreements (issue 12 item 2), on the stored vector on PostgreSQL.

Runs on SQLite and PostgreSQL alike; the one test of the GIN index runs on PostgreSQL only.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection

from decisions.models import Resolution
from governance.models import Agreement, Risk
from governance.services.risks import risk_create, risk_update
from ics_portal.search import KINDS, matches, search
from tests.factories import make_alliance, make_mou, to_consultation

pytestmark = pytest.mark.django_db


@pytest.fixture
def searchable_risk(body, clerk) -> Risk:
    return risk_create(
        register=body,
        reference="R7",
        title="Scarce domiciliary care",
        description="Too few armadillo carers in the north of the county.",
        owner="Director of Adult Social Care",
        mitigations="Recruit through the capybara campaign.",
        review_date=date(2030, 1, 31),
        rated_on=date(2025, 12, 1),
        likelihood=3,
        impact=4,
        actor=clerk,
    )


@pytest.fixture
def agreements_to_search(clerk) -> dict[str, Agreement]:
    """A draft and an agreement out for consultation, of a partnership the clerk edits."""
    alliance = make_alliance(clerk)
    draft = make_mou(alliance, [], actor=clerk, slug="draft-mou", title="Draft pangolin MoU")
    public = make_mou(alliance, [], actor=clerk, slug="open-mou", title="Open pangolin MoU")
    return {"draft": draft, "public": to_consultation(public, clerk)}


def test_a_risk_is_found_by_its_description_and_mitigations(searchable_risk):
    for word in ("armadillo", "capybara"):
        results = search(None, word).results
        assert [(r.label, r.title) for r in results] == [("Risk", "R7: Scarce domiciliary care")]
        assert results[0].url == f"/risks/{searchable_risk.pk}/"
        assert "<mark>" in str(results[0].snippet)


def test_a_changed_risk_is_found_by_its_new_words_only(searchable_risk, clerk):
    risk_update(
        risk=searchable_risk,
        reference="R7",
        title="Scarce domiciliary care",
        description="Too few wombat carers.",
        owner="Director of Adult Social Care",
        mitigations="",
        review_date=date(2030, 1, 31),
        target_likelihood=None,
        target_impact=None,
        actor=clerk,
    )
    assert [r.label for r in search(None, "wombat").results] == ["Risk"]
    assert search(None, "armadillo").results == []


def test_an_agreement_out_of_draft_is_found_by_the_public(agreements_to_search):
    results = search(None, "pangolin").results
    assert [r.title for r in results] == ["Open pangolin MoU (version 1.0)"]
    assert results[0].url == "/agreements/open-mou/"


@pytest.mark.parametrize("who", ["anonymous", "outsider", "member"])
def test_a_draft_agreement_is_not_found_by_others(agreements_to_search, who, request):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    titles = [r.title for r in search(user, "pangolin").results]
    assert titles == ["Open pangolin MoU (version 1.0)"]
    assert search(user, "draft pangolin").results == []


@pytest.mark.parametrize("who", ["clerk", "admin_user"])
def test_a_draft_agreement_is_found_by_those_who_edit_it(agreements_to_search, who, request):
    user = request.getfixturevalue(who)
    titles = sorted(r.title for r in search(user, "pangolin").results)
    assert titles == ["Draft pangolin MoU (version 1.0)", "Open pangolin MoU (version 1.0)"]


def test_the_search_page_shows_risks_and_agreements_in_bounded_queries(
    searchable_risk, agreements_to_search, client, clerk, django_assert_max_num_queries
):
    risk_update(
        risk=searchable_risk,
        reference="R7",
        title="Scarce pangolin care",
        description=searchable_risk.description,
        owner=searchable_risk.owner,
        mitigations=searchable_risk.mitigations,
        review_date=searchable_risk.review_date,
        target_likelihood=None,
        target_impact=None,
        actor=clerk,
    )
    # One query a kind to match, one for each kind on the page shown (a risk, an agreement).
    with django_assert_max_num_queries(len(KINDS) + 2):
        response = client.get("/search/", {"q": "pangolin"})
    content = response.content.decode()
    assert "R7: Scarce pangolin care" in content
    assert "Open pangolin MoU" in content
    assert "Draft pangolin MoU" not in content
    client.force_login(clerk)
    # Signed in: also the session, the user, their roles and what they may see in draft.
    with django_assert_max_num_queries(len(KINDS) + 9):
        response = client.get("/search/", {"q": "pangolin"})
    assert "Draft pangolin MoU" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN indexes are PostgreSQL's")
def test_postgresql_finds_matches_through_the_gin_index(records):
    resolutions = next(kind for kind in KINDS if kind.model is Resolution)
    found = matches(resolutions, None, "hedgehog", ["hedgehog"])
    with connection.cursor() as cursor:
        # A handful of rows: a sequential scan would be cheaper, so the planner is told not to.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = found.explain()
    assert "Bitmap Index Scan on decisions_resolution_search" in plan
    assert found.count() == 1


def test_the_vector_follows_any_write_to_the_row(records):
    resolution = Resolution.objects.get(number=1)
    Resolution.objects.filter(pk=resolution.pk).update(parts="1) Noted the narwhal survey.")
    assert [r.label for r in search(None, "narwhal").results] == ["Decision"]
    assert search(None, "hedgehog").results == []
