"""Staff pages for terms of reference: new draft, edit draft, approve."""

from __future__ import annotations

from datetime import date

import pytest

from governance.models import TermsOfReference
from governance.services.terms import terms_draft_create
from tests.factories import TERMS_TEXT, approved_version, make_user, seat_voting_members

pytestmark = pytest.mark.django_db

LIST = "/bodies/adult-social-care-and-public-health-committee/terms-of-reference/"
NEW = f"{LIST}new/"


def _form_data(**changes) -> dict:
    data = {
        "purpose": TERMS_TEXT["purpose"],
        "membership_rules": TERMS_TEXT["membership_rules"],
        "quorum_count": "3",
        "frequency": "Monthly",
        "voting": TERMS_TEXT["voting"],
        "delegated_authority": TERMS_TEXT["delegated_authority"],
        "review_date": "2099-05-01",
    }
    data.update(changes)
    return data


@pytest.fixture
def current(body, council, clerk):
    seat_voting_members(body, council, 7)
    return approved_version(body, clerk)


@pytest.fixture
def draft_terms(current, body, clerk):
    return terms_draft_create(
        body=body, actor=clerk, **{**TERMS_TEXT, "purpose": "Draft purpose."}
    )


def _snapshot():
    return list(
        TermsOfReference.objects.order_by("pk").values_list(
            "pk", "version", "status", "purpose", "quorum_count", "approved_on"
        )
    )


def _urls(draft_terms):
    return {
        "new": NEW,
        "edit": f"{LIST}{draft_terms.version}/edit/",
        "approve": f"{LIST}{draft_terms.version}/approve/",
    }


POSTS = {
    "new": _form_data(purpose="Posted purpose."),
    "edit": _form_data(purpose="Posted purpose."),
    "approve": {"approved_on": "2022-05-26", "approved_by": "Full Council, 26 May 2022"},
}


@pytest.mark.parametrize("view", ["new", "edit", "approve"])
def test_anonymous_is_sent_to_sign_in(client_for, draft_terms, view):
    client = client_for(None)
    url = _urls(draft_terms)[view]
    before = _snapshot()
    for response in [client.get(url), client.post(url, POSTS[view])]:
        assert response.status_code == 302
        assert response.url.startswith("/account/sign-in/")
    assert _snapshot() == before


@pytest.mark.parametrize("view", ["new", "edit", "approve"])
@pytest.mark.parametrize("who", ["member", "outsider", "officer", "scrutiny_member"])
def test_others_are_refused(request, client_for, draft_terms, view, who):
    client = client_for(request.getfixturevalue(who))
    url = _urls(draft_terms)[view]
    before = _snapshot()
    assert client.get(url).status_code == 403
    assert client.post(url, POSTS[view]).status_code == 403
    assert _snapshot() == before


@pytest.mark.parametrize("who", ["clerk", "admin_user"])
def test_clerk_and_admin_may_open_each_page(request, client_for, draft_terms, who):
    client = client_for(request.getfixturevalue(who))
    for url in _urls(draft_terms).values():
        assert client.get(url).status_code in {200, 302}
    assert client.get(_urls(draft_terms)["edit"]).status_code == 200
    assert client.get(_urls(draft_terms)["approve"]).status_code == 200


def test_clerk_of_another_body_is_refused(client_for, draft_terms, scrutiny_body):
    from governance.models import RoleAssignment

    other = make_user("otherclerk")
    RoleAssignment.objects.create(user=other, role="clerk", body=scrutiny_body)
    client = client_for(other)
    assert client.get(_urls(draft_terms)["edit"]).status_code == 403
    assert client.post(_urls(draft_terms)["approve"], POSTS["approve"]).status_code == 403


def test_new_draft_is_prefilled_from_the_current_version(client_for, current, clerk):
    html = client_for(clerk).get(NEW).content.decode()
    assert "This draft starts from the text of version 1" in html
    assert TERMS_TEXT["purpose"] in html
    assert "Eleven elected members of the Council" in html
    assert 'value="3"' in html


def test_new_draft_is_saved_with_history(client_for, current, clerk):
    response = client_for(clerk).post(NEW, _form_data(purpose="A clearer purpose."))
    terms = TermsOfReference.objects.get(version=2)
    assert response.status_code == 302
    assert response.url == f"{LIST}2/"
    assert terms.status == TermsOfReference.Status.DRAFT
    assert terms.purpose == "A clearer purpose."
    assert terms.history.latest().history_user == clerk


def test_new_draft_with_required_kinds_and_organisations(client_for, current, clerk, council):
    client_for(clerk).post(
        NEW,
        _form_data(
            quorum_required_kinds=["local_authority", "nhs"],
            quorum_required_organisations=[str(council.pk)],
        ),
    )
    terms = TermsOfReference.objects.get(version=2)
    assert terms.quorum_required_kinds == ["local_authority", "nhs"]
    assert list(terms.quorum_required_organisations.all()) == [council]


def test_new_draft_when_one_exists_goes_to_that_draft(client_for, draft_terms, clerk):
    client = client_for(clerk)
    response = client.get(NEW)
    assert response.status_code == 302
    assert response.url == f"{LIST}2/edit/"
    before = _snapshot()
    response = client.post(NEW, _form_data())
    assert response.status_code == 302
    assert _snapshot() == before


def test_invalid_draft_shows_errors_and_saves_nothing(client_for, current, clerk):
    before = _snapshot()
    response = client_for(clerk).post(NEW, _form_data(purpose="", quorum_count="0"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "govuk-error-summary" in html
    assert _snapshot() == before


def test_edit_draft_saves_the_change(client_for, draft_terms, admin_user):
    response = client_for(admin_user).post(
        f"{LIST}2/edit/", _form_data(purpose="Edited draft purpose.", edit_version="1")
    )
    assert response.status_code == 302
    draft_terms.refresh_from_db()
    assert draft_terms.purpose == "Edited draft purpose."
    assert draft_terms.history.latest().history_user == admin_user


def test_approved_version_cannot_be_edited(client_for, current, clerk):
    client = client_for(clerk)
    response = client.get(f"{LIST}1/edit/")
    assert "approved and superseded versions are never changed" in response.content.decode()
    assert "Save draft" not in response.content.decode()
    before = _snapshot()
    response = client.post(f"{LIST}1/edit/", _form_data(purpose="Rewritten."))
    assert response.status_code == 409
    assert "approved and superseded versions are never changed" in response.content.decode()
    assert _snapshot() == before


def test_approve_page_asks_for_confirmation(client_for, draft_terms, clerk):
    html = client_for(clerk).get(f"{LIST}2/approve/").content.decode()
    assert "Record approval of version 2" in html
    assert "Version 1 will be marked as superseded" in html
    assert TermsOfReference.objects.get(version=2).status == TermsOfReference.Status.DRAFT


def test_approve_supersedes_the_current_version(client_for, draft_terms, clerk):
    response = client_for(clerk).post(f"{LIST}2/approve/", POSTS["approve"])
    assert response.status_code == 302
    assert response.url == f"{LIST}2/"
    statuses = dict(TermsOfReference.objects.values_list("version", "status"))
    assert statuses == {1: "superseded", 2: "approved"}
    approved = TermsOfReference.objects.get(version=2)
    assert approved.approved_on == date(2022, 5, 26)
    assert approved.history.latest().history_user == clerk


def test_approving_an_approved_version_again_is_refused(client_for, current, clerk):
    before = _snapshot()
    response = client_for(clerk).post(f"{LIST}1/approve/", POSTS["approve"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "Version 1 is already approved." in html
    assert "govuk-error-summary" in html
    assert _snapshot() == before


def test_quorum_larger_than_voting_membership_is_refused_on_the_form(client_for, current, clerk):
    client = client_for(clerk)
    client.post(NEW, _form_data(quorum_count="9"))
    before = _snapshot()
    response = client.post(f"{LIST}2/approve/", POSTS["approve"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "Quorum of 9 is larger than the 7 current voting members" in html
    assert "<title>Error: " in html
    assert _snapshot() == before


def test_approval_date_in_the_future_is_refused(client_for, draft_terms, clerk):
    before = _snapshot()
    response = client_for(clerk).post(
        f"{LIST}2/approve/", {"approved_on": "2999-01-01", "approved_by": "Council"}
    )
    assert "The date approved must be today or in the past." in response.content.decode()
    assert _snapshot() == before


def test_review_date_before_approval_is_shown_on_the_approve_form(client_for, current, clerk):
    client = client_for(clerk)
    client.post(NEW, _form_data(review_date="2022-01-01"))
    before = _snapshot()
    response = client.post(f"{LIST}2/approve/", POSTS["approve"])
    assert "The review date must be on or after the approval date." in response.content.decode()
    assert _snapshot() == before


def test_edit_pages_run_a_bounded_number_of_queries(
    client_for, draft_terms, clerk, django_assert_max_num_queries
):
    client = client_for(clerk)
    for url in [f"{LIST}2/edit/", f"{LIST}2/approve/"]:
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200
