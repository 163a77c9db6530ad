"""Drafting and approving terms of reference through the services."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from governance.models import TermsOfReference
from governance.services.terms import terms_approve, terms_draft_create, terms_draft_update
from tests.factories import TERMS_TEXT, approved_version, seat_voting_members

pytestmark = pytest.mark.django_db


@pytest.fixture
def seated(body, council):
    seat_voting_members(body, council, 7)
    return body


def test_drafts_are_numbered_one_two_three(seated, clerk):
    first = approved_version(seated, clerk)
    second = approved_version(seated, clerk, approved_on=date(2022, 5, 26))
    third = terms_draft_create(body=seated, actor=clerk, **TERMS_TEXT)
    assert [first.version, second.version, third.version] == [1, 2, 3]
    assert third.status == TermsOfReference.Status.DRAFT


def test_draft_create_writes_history_with_the_actor(body, clerk, council, trust):
    terms = terms_draft_create(
        body=body, actor=clerk, **TERMS_TEXT, quorum_required_organisations=[council, trust]
    )
    record = terms.history.earliest()
    assert record.history_user == clerk
    assert record.history_type == "+"
    assert record.history_change_reason == "Version 1 drafted"
    assert set(terms.quorum_required_organisations.all()) == {council, trust}
    assert all(row.history_user == clerk for row in terms.history.all())


def test_a_second_draft_is_refused_while_one_exists(body, clerk):
    terms_draft_create(body=body, actor=clerk, **TERMS_TEXT)
    with pytest.raises(ValidationError, match="Version 1 is already a draft"):
        terms_draft_create(body=body, actor=clerk, **TERMS_TEXT)
    assert TermsOfReference.objects.count() == 1


def test_draft_update_changes_the_draft_with_history(body, clerk, admin_user, council):
    terms = terms_draft_create(body=body, actor=clerk, **TERMS_TEXT)
    terms_draft_update(
        terms=terms, actor=admin_user, purpose="A new purpose.", quorum_required_kinds=["nhs"]
    )
    terms.refresh_from_db()
    assert terms.purpose == "A new purpose."
    assert terms.quorum_required_kinds == ["nhs"]
    latest = terms.history.latest()
    assert latest.history_user == admin_user
    assert latest.history_change_reason == "Draft changed"


def test_approved_and_superseded_versions_are_never_edited(seated, clerk):
    first = approved_version(seated, clerk)
    with pytest.raises(ValidationError, match="Version 1 is approved"):
        terms_draft_update(terms=first, actor=clerk, purpose="Rewritten in place.")
    approved_version(seated, clerk, approved_on=date(2022, 5, 26))
    with pytest.raises(ValidationError, match="Version 1 is superseded"):
        terms_draft_update(terms=first, actor=clerk, purpose="Rewritten in place.")
    first.refresh_from_db()
    assert first.purpose == TERMS_TEXT["purpose"]


def test_approve_supersedes_the_previous_version(seated, clerk):
    first = approved_version(seated, clerk)
    draft = terms_draft_create(body=seated, actor=clerk, **{**TERMS_TEXT, "quorum_count": 4})
    terms_approve(
        terms=draft,
        approved_on=date(2022, 5, 26),
        approved_by="Full Council, 26 May 2022",
        actor=clerk,
    )
    first.refresh_from_db()
    draft.refresh_from_db()
    assert first.status == TermsOfReference.Status.SUPERSEDED
    assert draft.status == TermsOfReference.Status.APPROVED
    assert draft.approved_on == date(2022, 5, 26)
    assert draft.approved_by == "Full Council, 26 May 2022"
    assert first.history.latest().history_user == clerk
    assert first.history.latest().history_change_reason == "Superseded by version 2"
    assert draft.history.latest().history_user == clerk
    assert (
        TermsOfReference.objects.filter(
            body=seated, status=TermsOfReference.Status.APPROVED
        ).count()
        == 1
    )


def test_approving_twice_is_refused(seated, clerk):
    terms = approved_version(seated, clerk)
    with pytest.raises(ValidationError, match="Version 1 is already approved"):
        terms_approve(terms=terms, approved_on=date(2021, 6, 1), approved_by="Again", actor=clerk)
    terms.refresh_from_db()
    assert terms.approved_by == "Full Council, 27 May 2021"


def test_approving_a_superseded_version_is_refused(seated, clerk):
    first = approved_version(seated, clerk)
    approved_version(seated, clerk, approved_on=date(2022, 5, 26))
    with pytest.raises(ValidationError, match="Version 1 is superseded"):
        terms_approve(terms=first, approved_on=date(2023, 1, 1), approved_by="X", actor=clerk)
    assert (
        TermsOfReference.objects.get(body=seated, status=TermsOfReference.Status.APPROVED).version
        == 2
    )


def test_quorum_larger_than_the_voting_membership_is_refused(seated, clerk):
    draft = terms_draft_create(body=seated, actor=clerk, **{**TERMS_TEXT, "quorum_count": 9})
    with pytest.raises(ValidationError) as error:
        terms_approve(terms=draft, approved_on=date(2021, 5, 27), approved_by="FC", actor=clerk)
    assert "Quorum of 9 is larger than the 7 current voting members" in error.value.messages[0]
    draft.refresh_from_db()
    assert draft.status == TermsOfReference.Status.DRAFT
    assert draft.approved_on is None


def test_approval_before_the_version_it_replaces_is_refused(seated, clerk):
    first = approved_version(seated, clerk, approved_on=date(2022, 5, 26))
    draft = terms_draft_create(body=seated, actor=clerk, **TERMS_TEXT)
    with pytest.raises(ValidationError) as error:
        terms_approve(terms=draft, approved_on=date(2021, 1, 1), approved_by="FC", actor=clerk)
    assert error.value.message_dict["approved_on"] == [
        "The approval date cannot be before 26 May 2022, when version 1 was approved."
    ]
    first.refresh_from_db()
    assert first.status == TermsOfReference.Status.APPROVED


def test_approval_after_the_review_date_is_refused_and_nothing_changes(seated, clerk):
    first = approved_version(seated, clerk)
    draft = terms_draft_create(
        body=seated, actor=clerk, **{**TERMS_TEXT, "review_date": date(2022, 1, 1)}
    )
    with pytest.raises(ValidationError) as error:
        terms_approve(terms=draft, approved_on=date(2022, 5, 1), approved_by="FC", actor=clerk)
    assert "review_date" in error.value.message_dict
    first.refresh_from_db()
    draft.refresh_from_db()
    assert first.status == TermsOfReference.Status.APPROVED
    assert draft.status == TermsOfReference.Status.DRAFT
