"""The public terms of reference pages: versions, a version, comparison, review due."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from governance.models import Body, TermsOfReference
from governance.models.terms import current_terms
from governance.services.terms import terms_draft_create
from governance.views.terms import word_diff
from ics_portal.common.changes import history_url
from tests.factories import TERMS_TEXT, approved_version, seat_voting_members

pytestmark = pytest.mark.django_db

LIST = "/bodies/adult-social-care-and-public-health-committee/terms-of-reference/"


@pytest.fixture
def versions(body, council, clerk):
    """Version 1 superseded, version 2 approved, version 3 a draft."""
    seat_voting_members(body, council, 7)
    approved_version(body, clerk)
    approved_version(
        body,
        clerk,
        approved_on=date(2022, 5, 26),
        quorum_count=4,
        purpose="To oversee adult social care, public health and integration in Nottinghamshire.",
    )
    terms_draft_create(
        body=body, actor=clerk, **{**TERMS_TEXT, "purpose": "DRAFT-ONLY purpose text"}
    )
    return body


def test_versions_list_puts_the_current_version_first(client, versions):
    html = client.get(LIST).content.decode()
    assert html.index("Version 2") < html.index("Version 1")
    assert "Current" in html and "Superseded" in html


def test_drafts_are_hidden_from_the_public_and_members(client_for, versions, member, outsider):
    for user in [None, member, outsider]:
        client = client_for(user)
        html = client.get(LIST).content.decode()
        assert "Version 3" not in html
        assert "Draft" not in html
        assert client.get(f"{LIST}3/").status_code == 404
        assert client.get(f"{LIST}compare/2/3/").status_code == 404
        draft = TermsOfReference.objects.get(version=3)
        assert client.get(history_url(draft)).status_code == 404


def test_clerk_and_admin_see_the_draft(client_for, versions, clerk, admin_user):
    for user in [clerk, admin_user]:
        client = client_for(user)
        assert "Edit draft version 3" in client.get(LIST).content.decode()
        response = client.get(f"{LIST}3/")
        assert response.status_code == 200
        assert "DRAFT-ONLY purpose text" in response.content.decode()
        draft = TermsOfReference.objects.get(version=3)
        assert client.get(history_url(draft)).status_code == 200


def test_version_page_shows_every_section(client, versions):
    response = client.get(f"{LIST}2/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Terms of reference, version 2",
        "public health and integration",
        "Eleven elected members of the Council",
        "4 voting members",
        "Monthly",
        "the Chair has a casting vote",
        "Decisions on adult social care policy",
        "1 May 2099",
        "26 May 2022 by Full Council, 26 May 2022",
        "Change history",
    ]:
        assert text in html
    assert "Review due" not in html


def test_unknown_body_or_version_is_404(client, versions):
    assert client.get(f"{LIST}99/").status_code == 404
    assert client.get("/bodies/nowhere/terms-of-reference/").status_code == 404


def test_version_past_its_review_date_is_flagged(client, body, council, clerk):
    seat_voting_members(body, council, 3)
    approved_version(body, clerk, review_date=timezone.localdate() - timedelta(days=1))
    html = client.get(f"{LIST}1/").content.decode()
    assert "govuk-warning-text" in html and "Review due" in html
    assert "Review due" in client.get(LIST).content.decode()


def test_compare_marks_changed_words(client, versions):
    response = client.get(f"{LIST}compare/1/2/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<ins class="portal-diff-added">' in html
    added = html.split('<ins class="portal-diff-added">')
    assert any("integration" in part.split("</ins>")[0] for part in added[1:])
    assert '[removed: </span>3<span class="govuk-visually-hidden">]</span></del> voting' in html
    assert '[added: </span>4<span class="govuk-visually-hidden">]</span></ins> voting' in html


def test_word_diff_escapes_text_and_marks_words():
    old, new = word_diff("Quorum is <b>three</b> members", "Quorum is <b>four</b> members")
    assert "<b>" not in old and "<b>" not in new
    assert "&lt;b&gt;three&lt;/b&gt;" in old
    assert old.startswith("Quorum is ")
    assert '<del class="portal-diff-removed">' in old and "<ins" not in old
    assert '<ins class="portal-diff-added">' in new and "<del" not in new
    same, same_too = word_diff("Unchanged\ntext", "Unchanged\ntext")
    assert same == same_too == "Unchanged<br>text"


def test_compare_form_redirects_to_the_comparison(client, versions):
    response = client.get(LIST, {"a": "1", "b": "2"})
    assert response.status_code == 302
    assert response.url == f"{LIST}compare/1/2/"


def test_compare_form_refuses_the_same_version_twice(client, versions):
    response = client.get(LIST, {"a": "2", "b": "2"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose two different versions to compare." in html
    assert "<title>Error: " in html


def test_compare_form_refuses_a_draft_for_the_public(client, versions):
    response = client.get(LIST, {"a": "2", "b": "3"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_review_due_lists_overdue_bodies_and_bodies_without_terms(
    client, body, scrutiny_body, council, clerk
):
    seat_voting_members(body, council, 3)
    approved_version(body, clerk, review_date=date(2021, 6, 1))
    html = client.get("/terms-of-reference/review-due/").content.decode()
    assert "Adult Social Care and Public Health Committee" in html
    assert "1 June 2021" in html
    assert "Bodies with no approved terms of reference" in html
    assert "Health Scrutiny Committee" in html


def test_body_summary_include(body, council, clerk):
    seat_voting_members(body, council, 4)
    approved_version(
        body,
        clerk,
        quorum_required_kinds=["local_authority"],
        review_date=timezone.localdate() - timedelta(days=2),
    )
    html = render_to_string(
        "governance/terms/_body_summary.html", {"body": body, "terms": current_terms(body)}
    )
    assert "Version 1" in html
    assert "3 voting members, including at least one local authority member" in html
    assert "Monthly" in html
    assert "govuk-warning-text" in html and "Review due" in html
    assert f'href="{LIST}"' in html
    empty = render_to_string("governance/terms/_body_summary.html", {"body": body, "terms": None})
    assert "No approved terms of reference" in empty


def _many_versions(body, council, clerk, count: int) -> None:
    seat_voting_members(body, council, 5)
    for n in range(count):
        approved_version(body, clerk, approved_on=date(2010 + n, 1, 1), purpose=f"Purpose {n}")
    terms_draft_create(body=body, actor=clerk, **TERMS_TEXT)


@pytest.mark.parametrize("count", [2, 8])
def test_pages_run_a_bounded_number_of_queries(
    client_for, body, council, clerk, count, django_assert_max_num_queries
):
    _many_versions(body, council, clerk, count)
    for n in range(count):
        Body.objects.create(
            name=f"Board {n}",
            short_name=f"B{n}",
            slug=f"b-{n}",
            kind="board",
            organisation=council,
        )
    client = client_for(clerk)
    for url in [LIST, f"{LIST}2/", f"{LIST}compare/1/2/", "/terms-of-reference/review-due/"]:
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
    client = client_for(None)
    with django_assert_max_num_queries(8):
        assert client.get(LIST).status_code == 200
