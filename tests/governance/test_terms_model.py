"""The terms of reference model: quorum rule, constraints, review date, selectors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from governance.access import can_see_terms
from governance.models import Body, Membership, Organisation, TermsOfReference
from governance.models.terms import (
    approved_terms_prefetch,
    current_terms,
    voting_member_count,
    with_terms_review_due,
)
from tests.factories import TERMS_TEXT, seat

pytestmark = pytest.mark.django_db


@pytest.fixture
def notts_icb(db) -> Organisation:
    return Organisation.objects.create(
        name="NHS Nottingham and Nottinghamshire ICB",
        short_name="N&N ICB",
        slug="nn-icb",
        kind=Organisation.Kind.ICB,
    )


@pytest.fixture
def healthwatch(db) -> Organisation:
    return Organisation.objects.create(
        name="Healthwatch Nottinghamshire",
        short_name="Healthwatch",
        slug="healthwatch-notts",
        kind=Organisation.Kind.HEALTHWATCH,
    )


def _terms(body, **changes) -> TermsOfReference:
    return TermsOfReference.objects.create(body=body, version=1, **{**TERMS_TEXT, **changes})


def _present(*memberships: Membership) -> list[Membership]:
    return list(
        Membership.objects.filter(pk__in=[m.pk for m in memberships]).select_related(
            "representing"
        )
    )


def test_enough_voting_members_make_a_quorum(body, council):
    terms = _terms(body, quorum_count=3)
    present = _present(*(seat(body, f"Councillor {n}", council) for n in range(3)))
    assert terms.quorum_check(present) == (True, [])


def test_too_few_voting_members_say_how_many_are_present_and_needed(body, council):
    terms = _terms(body, quorum_count=4)
    present = _present(*(seat(body, f"Councillor {n}", council) for n in range(3)))
    assert terms.quorum_check(present) == (False, ["3 voting members present; 4 needed"])


def test_one_member_present_is_singular(body, council):
    terms = _terms(body, quorum_count=2)
    quorate, reasons = terms.quorum_check(_present(seat(body, "Solo", council)))
    assert not quorate
    assert reasons == ["1 voting member present; 2 needed"]


def test_nobody_present_is_not_quorate(body):
    assert _terms(body, quorum_count=1).quorum_check([]) == (
        False,
        ["0 voting members present; 1 needed"],
    )


def test_non_voting_members_do_not_count(body, council):
    terms = _terms(body, quorum_count=2)
    present = _present(
        seat(body, "Voter", council),
        seat(body, "Observer", council, voting=False, role=Membership.Role.OBSERVER),
        seat(body, "Officer", council, voting=False, role=Membership.Role.OFFICER),
    )
    assert terms.quorum_check(present) == (False, ["1 voting member present; 2 needed"])


def test_a_person_with_two_seats_counts_once(body, council, trust):
    terms = _terms(body, quorum_count=2)
    first = seat(body, "Twice Seated", council)
    second = seat(body, "Twice Seated", trust)
    assert terms.quorum_check(_present(first, second)) == (
        False,
        ["1 voting member present; 2 needed"],
    )


def test_required_kinds_each_need_a_voting_member(body, council, trust, healthwatch):
    terms = _terms(body, quorum_count=2, quorum_required_kinds=["local_authority", "nhs"])
    councillors = _present(*(seat(body, f"Councillor {n}", council) for n in range(2)))
    assert terms.quorum_check(councillors) == (False, ["No NHS member present"])

    nhs_observer = seat(body, "Trust Observer", trust, voting=False)
    assert terms.quorum_check(councillors + _present(nhs_observer)) == (
        False,
        ["No NHS member present"],
    )

    nhs_voter = seat(body, "Trust Director", trust)
    assert terms.quorum_check(councillors + _present(nhs_voter)) == (True, [])


def test_any_nhs_kind_satisfies_nhs_and_a_specific_kind_only_itself(body, council, notts_icb):
    terms = _terms(body, quorum_count=1, quorum_required_kinds=["nhs"])
    assert terms.quorum_check(_present(seat(body, "ICB Chair", notts_icb))) == (True, [])

    trust_only = _terms(
        Body.objects.create(
            name="Other board", short_name="OB", slug="other", kind="board", organisation=council
        ),
        quorum_count=1,
        quorum_required_kinds=["nhs_trust"],
    )
    assert trust_only.quorum_check(_present(seat(body, "ICB Member", notts_icb))) == (
        False,
        ["No NHS trust member present"],
    )


def test_all_reasons_are_given_together(body, healthwatch, council):
    terms = _terms(body, quorum_count=4, quorum_required_kinds=["local_authority", "nhs"])
    terms.quorum_required_organisations.set([council])
    quorate, reasons = terms.quorum_check(_present(seat(body, "Watcher", healthwatch)))
    assert not quorate
    assert reasons == [
        "1 voting member present; 4 needed",
        "No local authority member present",
        "No NHS member present",
        "No member representing Nottinghamshire County Council present",
    ]


def test_required_organisation_is_met_by_a_voting_representative(body, council, trust):
    terms = _terms(body, quorum_count=1)
    terms.quorum_required_organisations.set([trust])
    assert terms.quorum_check(_present(seat(body, "Councillor", council)))[1] == [
        "No member representing Sherwood Forest Hospitals NHS Foundation Trust present"
    ]
    assert terms.quorum_check(_present(seat(body, "Trust Chair", trust))) == (True, [])


def test_member_representing_nobody_counts_for_numbers_only(body):
    terms = _terms(body, quorum_count=1, quorum_required_kinds=["local_authority"])
    assert terms.quorum_check(_present(seat(body, "Independent"))) == (
        False,
        ["No local authority member present"],
    )


def test_quorum_in_words(body, council):
    terms = _terms(body, quorum_count=4)
    assert terms.quorum_in_words == "4 voting members"
    terms.quorum_required_kinds = ["local_authority", "nhs"]
    assert terms.quorum_in_words == (
        "4 voting members, including at least one local authority member and one NHS member"
    )
    terms.quorum_required_organisations.set([council])
    assert terms.quorum_in_words.endswith(
        "one NHS member and one member representing Nottinghamshire County Council"
    )


def test_unknown_required_kind_is_refused(body):
    terms = TermsOfReference(
        body=body, version=1, **TERMS_TEXT, quorum_required_kinds=["martians"]
    )
    with pytest.raises(ValidationError) as error:
        terms.full_clean()
    assert "quorum_required_kinds" in error.value.message_dict


def test_only_one_approved_version_per_body(body):
    _terms(body, status="approved", approved_on=date(2021, 1, 1))
    second = TermsOfReference(
        body=body, version=2, status="approved", approved_on=date(2022, 1, 1), **TERMS_TEXT
    )
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "only one approved version" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_version_numbers_are_unique_per_body(body):
    _terms(body)
    with pytest.raises(IntegrityError), transaction.atomic():
        _terms(body)


def test_approved_version_needs_its_date_and_review_follows_approval(body):
    with pytest.raises(IntegrityError), transaction.atomic():
        _terms(body, status="approved")
    terms = TermsOfReference(
        body=body,
        version=1,
        **{**TERMS_TEXT, "review_date": date(2020, 1, 1)},
        status="approved",
        approved_on=date(2021, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        terms.full_clean()
    assert error.value.message_dict["review_date"] == [
        "The review date must be on or after the approval date."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        terms.save()


def test_review_due_only_for_the_approved_version_past_its_date(body):
    yesterday = timezone.localdate() - timedelta(days=1)
    terms = _terms(body, status="approved", approved_on=date(2020, 1, 1), review_date=yesterday)
    assert terms.review_due
    terms.review_date = timezone.localdate()
    assert not terms.review_due
    terms.review_date = yesterday
    terms.status = "superseded"
    assert not terms.review_due


def test_drafts_history_only_for_those_who_may_edit(body, clerk, member, admin_user):
    draft = _terms(body)
    assert can_see_terms(clerk, draft)
    assert can_see_terms(admin_user, draft)
    assert not can_see_terms(member, draft)
    draft.status = "approved"
    assert can_see_terms(member, draft)


def test_current_terms_and_review_flag_without_a_query_per_body(
    body, council, django_assert_num_queries
):
    others = [
        Body.objects.create(
            name=f"Board {n}",
            short_name=f"B{n}",
            slug=f"board-{n}",
            kind="board",
            organisation=council,
        )
        for n in range(4)
    ]
    past = timezone.localdate() - timedelta(days=3)
    _terms(body, status="approved", approved_on=date(2020, 1, 1), review_date=past)
    _terms(others[0], status="approved", approved_on=date(2020, 1, 1))
    TermsOfReference.objects.create(body=others[1], version=1, **TERMS_TEXT)  # draft only
    with django_assert_num_queries(3):
        bodies = list(
            with_terms_review_due(Body.objects.order_by("name")).prefetch_related(
                approved_terms_prefetch()
            )
        )
    flags = {
        b.slug: (b.terms_review_due, getattr(current_terms(b), "version", None)) for b in bodies
    }
    assert flags[body.slug] == (True, 1)
    assert flags["board-0"] == (False, 1)
    assert flags["board-1"] == (False, None)
    assert current_terms(others[0]).version == 1
    assert current_terms(others[1]) is None


def test_voting_member_count_counts_current_voting_people(body, council):
    seat(body, "One", council)
    seat(body, "Two", council)
    seat(body, "Observer", council, voting=False)
    ended = seat(body, "Gone", council)
    ended.end = date(2020, 6, 1)
    ended.save()
    assert voting_member_count(body) == 2
