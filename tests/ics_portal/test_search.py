"""Search across decisions, reports, agenda items and approved minutes (issue 6 item 3).

Runs on SQLite and PostgreSQL alike: the marker words are unusual enough that stemming and
substring matching agree on them.
"""

from __future__ import annotations

import pytest
from django.db import connection

from decisions.models import Resolution
from ics_portal.search import MAX_LENGTH, PER_PAGE, search
from meetings.models import AgendaItem
from tests.factories import SCRIPT, make_short_report

pytestmark = pytest.mark.django_db


def labels(user, query: str) -> list[str]:
    return [result.label for result in search(user, query).results]


def test_finds_a_resolution_by_a_word_of_its_parts(records):
    results = search(None, "hedgehog").results
    assert [r.label for r in results] == ["Decision"]
    resolution = Resolution.objects.get(number=1)
    assert results[0].url == f"/decisions/{resolution.pk}/"
    assert "ASCPH 2021/001" in results[0].title


def test_finds_a_report_by_a_word_of_its_body(records):
    results = search(None, "zebrafinch").results
    assert [r.label for r in results] == ["Report"]
    assert results[0].url == f"/meetings/{records['january'].pk}/items/3/"


def test_finds_an_approved_minute(records):
    results = search(None, "walrusminute").results
    assert [r.label for r in results] == ["Minutes"]
    assert results[0].url == f"/meetings/{records['january'].pk}/#item-3"


def test_finds_an_agenda_item_by_title(records):
    results = search(None, "fee negotiations").results
    # Items 4 of the three published meetings: a Part II title is public.
    assert [r.label for r in results] == ["Agenda item"] * 3
    assert results[0].notice == "Exempt: paragraph 3 of Schedule 12A"


def test_every_word_must_match(records):
    assert labels(None, "zebrafinch hedgehog") == []


def test_draft_minutes_only_for_those_who_edit_the_body(records, member, outsider, clerk):
    assert labels(None, "draftymoose") == []
    assert labels(member, "draftymoose") == []
    assert labels(outsider, "draftymoose") == []
    assert labels(clerk, "draftymoose") == ["Minutes"]


def test_unpublished_meetings_are_not_searched(records, member, outsider, clerk):
    for user in (None, member, outsider):
        assert labels(user, "secretbadger") == []
        assert labels(user, "greyheron") == []
    assert sorted(labels(clerk, "secretbadger")) == ["Agenda item", "Report"]


@pytest.mark.parametrize("who", ["anonymous", "outsider", "scrutiny_member", "officer"])
def test_part_two_text_is_not_found_by_others(records, who, request):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    assert labels(user, "quokkamarker") == []


def test_part_two_text_is_found_by_a_member_of_the_body(records, member):
    assert sorted(labels(member, "quokkamarker")) == ["Decision", "Minutes", "Report"]


def test_part_two_title_but_not_its_resolution_for_the_public(records):
    # The Part II item's title is public; its resolution's words are not.
    assert labels(None, "agreed fee") == []


def test_highlighting_and_escaping(records):
    result = search(None, "zebrafinch").results[0]
    html = str(result.snippet)
    assert "<mark>" in html and "zebrafinch" in html.lower()
    assert "<script>" not in html
    if "script" in html:  # the snippet reached the planted markup: it is escaped
        assert "&lt;script&gt;" in html
    assert "<mark>" in str(search(None, "hedgehog").results[0].snippet)


def test_planted_markup_is_escaped_on_the_page(records, client):
    response = client.get("/search/", {"q": "alert zebrafinch"})
    assert response.status_code == 200
    content = response.content.decode()
    assert SCRIPT not in content
    assert "&lt;script&gt;" in content
    assert "<mark>" in content


@pytest.mark.parametrize("query", ["", " ", "a", "!!!", "'\"()&|!:*<>", "-", "''"])
def test_empty_short_or_punctuation_queries_are_refused_kindly(records, client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "Enter at least 2 letters or numbers" in response.content.decode()


@pytest.mark.parametrize("query", ["hedgehog & !!", "hedgehog | (", 'hedgehog "', "-hedgehog"])
def test_punctuation_in_queries_never_errors(records, client, query):
    assert client.get("/search/", {"q": query}).status_code == 200


def test_a_query_too_long_is_refused_kindly(records, client):
    response = client.get("/search/", {"q": "a" * (MAX_LENGTH + 1)})
    assert response.status_code == 200
    assert f"Enter a search of {MAX_LENGTH} characters or fewer." in response.content.decode()
    assert search(None, "a" * (MAX_LENGTH + 1)).results == []


def test_search_page_without_a_query(client):
    response = client.get("/search/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Search decisions, reports and minutes" in content
    assert "There is a problem" not in content


def test_results_are_paginated_and_the_query_count_is_bounded(
    records, body, client, django_assert_max_num_queries
):
    january = records["january"]
    for position in range(5, 5 + PER_PAGE + 5):
        agenda_item = AgendaItem.objects.create(
            meeting=january, position=position, title=f"Pelican item {position}"
        )
        make_short_report(agenda_item, "The pelican count.", title=f"Pelican report {position}")
    with django_assert_max_num_queries(12):
        response = client.get("/search/", {"q": "pelican"})
    assert response.status_code == 200
    assert len(response.context["results"].results) == PER_PAGE
    assert response.context["results"].total == 2 * (PER_PAGE + 5)
    with django_assert_max_num_queries(12):
        response = client.get("/search/", {"q": "pelican", "page": 3})
    assert len(response.context["results"].results) == 2 * (PER_PAGE + 5) - 2 * PER_PAGE
    assert 'href="?q=pelican&amp;page=2"' in response.content.decode()


def test_word_forms(records):
    assert labels(None, "Ratified") == ["Decision"]
    if connection.vendor == "postgresql":  # English stemming
        assert labels(None, "ratify") == ["Decision"]
