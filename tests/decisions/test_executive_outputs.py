"""The forward plan and decision notices in search, the feeds and the API, with the same rules
for withheld text as their pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from decisions.models import DecisionNotice
from tests.factories import PART_II_MARKER

pytestmark = pytest.mark.django_db

SECRET = "the council's bid of " + PART_II_MARKER


def _private(notice: DecisionNotice) -> DecisionNotice:
    """The notice as if the decision had been taken in private (paragraph 3)."""
    DecisionNotice.objects.filter(pk=notice.pk).update(
        exempt_paragraph=3, reasons=f"It weighs {SECRET}."
    )
    notice.refresh_from_db()
    return notice


def _part_ii(notice: DecisionNotice) -> None:
    """The resolution the notice ratifies as if made on a Part II item."""
    item = notice.ratification.resolution.item
    type(item).objects.filter(pk=item.pk).update(is_exempt=True, exempt_paragraph=3)


# Search


def test_search_finds_the_forward_plan_entry_and_the_notice(client, ex_published):
    found = client.get(reverse("search"), {"q": "Memorandum"}).text
    assert "Forward plan" in found
    assert "Ratify the Alliance Memorandum of Understanding" in found
    assert "Decision notice" in found
    assert "Alliance Memorandum of Understanding ratified" in found


def test_search_finds_private_text_only_for_the_organisations_leads(
    client_for, ex_published, council_lead
):
    _private(ex_published)
    assert (
        "Decision notice"
        not in client_for(None).get(reverse("search"), {"q": PART_II_MARKER}).text
    )
    lead = client_for(council_lead).get(reverse("search"), {"q": PART_II_MARKER}).text
    assert "Alliance Memorandum of Understanding ratified" in lead


def test_search_does_not_find_the_notice_of_a_part_ii_ratification(client, ex_published):
    _part_ii(ex_published)
    found = client.get(reverse("search"), {"q": "outside Alliance ratified"}).text
    assert "Alliance Memorandum of Understanding ratified" not in found


# Feeds


def test_the_forward_plan_feed_lists_the_entry(client, ex_entry):
    response = client.get(reverse("forward_plan_feed"))
    assert response.status_code == 200
    assert "Ratify the Alliance Memorandum of Understanding" in response.text
    assert "expected 8 December 2021" in response.text


def test_the_notices_feed_gives_the_decision_and_its_call_in_deadline(client, ex_published):
    text = client.get(reverse("decision_notices_feed")).text
    assert "Alliance Memorandum of Understanding ratified" in text
    assert "It sets out how the partners work together at place." in text
    assert "Call-in deadline: 15 December 2021. In effect." in text


def test_the_notices_feed_withholds_private_text(client_for, ex_published, council_lead):
    _private(ex_published)
    # A feed is built for the public whoever fetches it.
    text = client_for(council_lead).get(reverse("decision_notices_feed")).text
    assert "Alliance Memorandum of Understanding ratified" in text
    assert PART_II_MARKER not in text
    assert "exempt under paragraph 3 of Schedule 12A" in text


# The API


def test_the_api_lists_entries_with_their_links(
    client, ex_published, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        body = client.get(reverse("api:forward-plan-entry-list")).json()
    (row,) = body["results"]
    assert row["title"] == "Ratify the Alliance Memorandum of Understanding"
    assert row["keyDecision"] is True
    assert row["firstPublished"] == "2021-11-09"
    assert row["decisionMaker"] == "Cabinet"
    assert row["resolution"].endswith(
        reverse("api:resolution-detail", args=[ex_published.ratification.resolution_id])
    )


def test_the_api_gives_a_notice_with_its_clock_and_call_in(
    client, ex_published, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        body = client.get(reverse("api:decision-notice-list")).json()
    (row,) = body["results"]
    assert row["callInDeadline"] == "2021-12-15"
    assert row["takesEffectOn"] == "2021-12-16"
    assert row["state"] == "In effect"
    assert row["decision"].startswith("To ratify the Memorandum")
    assert row["exemptNotice"] == ""
    assert row["callIn"] is None


def test_the_api_withholds_private_text_but_not_from_the_organisations_leads(
    client_for, ex_published, council_lead
):
    _private(ex_published)
    url = reverse("api:decision-notice-detail", args=[ex_published.pk])
    public = client_for(None).get(url).json()
    assert public["title"] == "Alliance Memorandum of Understanding ratified"
    assert public["decision"] is None
    assert public["reasons"] is None
    assert public["exemptNotice"] == "Taken in private: exempt under paragraph 3 of Schedule 12A"
    assert PART_II_MARKER not in str(public)
    lead = client_for(council_lead).get(url).json()
    assert PART_II_MARKER in lead["reasons"]


def test_the_api_withholds_the_text_of_a_part_ii_ratification(client, ex_published):
    _part_ii(ex_published)
    row = client.get(reverse("api:decision-notice-detail", args=[ex_published.pk])).json()
    assert row["decision"] is None
    assert row["exemptNotice"] == "Exempt: paragraph 3 of Schedule 12A"


def test_the_api_filters_by_organisation(client, ex_published, trust):
    url = reverse("api:decision-notice-list")
    assert client.get(url, {"organisation": trust.pk}).json()["results"] == []
    own = client.get(url, {"organisation": ex_published.organisation_id}).json()
    assert len(own["results"]) == 1
    refused = client.get(url, {"organisation": "council"})
    assert refused.status_code == 400
