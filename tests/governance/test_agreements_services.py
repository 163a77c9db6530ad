"""The rules of agreements, signatures and delegations, as the services enforce them."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from governance.access import can_edit_agreement
from governance.models import (
    Agreement,
    AgreementParty,
    AgreementSection,
    Body,
    Delegation,
)
from governance.models.agreements import default_sections
from governance.selectors.agreements import (
    agreements_for_organisation,
    agreements_for_partnership,
    delegations_for_body,
)
from governance.services import agreements as services
from tests.factories import (
    make_mou,
    make_organisation,
    party_of,
    sign,
    to_consultation,
)

pytestmark = pytest.mark.django_db

Status = Agreement.Status


@pytest.fixture
def mou(clerked_alliance, council, trust, clerk):
    return make_mou(clerked_alliance, [council, trust], actor=clerk)


def _refused(exc_info) -> str:
    return " ".join(exc_info.value.messages)


# Creating and editing


def test_a_new_mou_starts_as_a_draft_with_the_seed_000_outline(mou, clerk):
    headings = list(mou.sections.values_list("number", "part", "heading"))
    assert mou.status == Status.DRAFT
    assert [heading for _, _, heading in headings] == [h for _, h in default_sections()]
    assert headings[0] == (1, "Our place-based partnership", "Our place")
    assert headings[-1][2] == "Adding partners to the place-based partnership"
    assert "Conflicts of interest" in [h for _, _, h in headings]
    assert all(section.text == "" for section in mou.sections.all())
    assert mou.history.first().history_user == clerk
    assert AgreementSection.history.filter(history_user=clerk).count() == len(headings)


def test_a_section_75_agreement_starts_without_sections(council, trust, admin_user):
    agreement = services.agreement_create(
        title="Better Care Fund",
        slug="bcf",
        kind=Agreement.Kind.SECTION_75,
        parties=[council, trust],
        actor=admin_user,
    )
    assert agreement.sections.count() == 0
    assert agreement.agreement_parties.count() == 2


def test_update_records_the_actor_and_is_refused_once_signed(mou, council, trust, clerk):
    services.agreement_update(agreement=mou, title="Alliance MoU", actor=clerk)
    mou.refresh_from_db()
    assert mou.title == "Alliance MoU"
    assert mou.history.first().history_user == clerk
    assert mou.history.first().history_change_reason == "Agreement details changed"

    to_consultation(mou, clerk)
    sign(mou, council, clerk)
    sign(mou, trust, clerk)
    with pytest.raises(ValidationError) as exc:
        services.agreement_update(agreement=mou, title="Rewritten", actor=clerk)
    assert "Make a new version instead" in _refused(exc)
    mou.refresh_from_db()
    assert mou.title == "Alliance MoU"


def test_text_cannot_change_once_a_party_has_signed(mou, council, clerk):
    to_consultation(mou, clerk)
    sign(mou, council, clerk)
    section = mou.sections.get(number=1)
    with pytest.raises(ValidationError) as exc:
        services.agreement_section_update(
            section=section, heading="Our place", text="Changed", actor=clerk
        )
    assert "Nottinghamshire County Council already signed this text" in _refused(exc)
    section.refresh_from_db()
    assert section.text == ""


def test_review_date_must_not_precede_the_effective_date(mou, clerk):
    with pytest.raises(ValidationError) as exc:
        services.agreement_update(
            agreement=mou,
            effective_from=date(2022, 4, 1),
            review_date=date(2022, 3, 1),
            actor=clerk,
        )
    assert "review date must be on or after" in _refused(exc)


def test_sections_are_edited_and_added_with_history(mou, clerk):
    section = mou.sections.get(number=3)
    services.agreement_section_update(
        section=section, heading=section.heading, text="Working together.", actor=clerk
    )
    added = services.agreement_section_add(agreement=mou, heading="Glossary", actor=clerk)
    assert added.number == mou.sections.count()
    section.refresh_from_db()
    assert section.text == "Working together."
    assert section.history.first().history_user == clerk
    assert added.history.first().history_user == clerk


# Parties


def test_add_and_remove_party_with_history(mou, clerk):
    icb = make_organisation("BSW ICB", "bsw-icb")
    party = services.agreement_add_party(agreement=mou, organisation=icb, actor=clerk)
    assert party.history.first().history_user == clerk
    with pytest.raises(ValidationError) as exc:
        services.agreement_add_party(agreement=mou, organisation=icb, actor=clerk)
    assert "BSW ICB is already a party" in _refused(exc)

    services.agreement_remove_party(party=party, actor=clerk)
    assert not mou.agreement_parties.filter(organisation=icb).exists()
    removal = AgreementParty.history.filter(id=party.pk, history_type="-").get()
    assert removal.history_user == clerk


def test_parties_cannot_change_once_signed(mou, council, trust, clerk):
    to_consultation(mou, clerk)
    sign(mou, council, clerk)
    with pytest.raises(ValidationError) as exc:
        services.agreement_remove_party(party=party_of(mou, council), actor=clerk)
    assert "has already signed" in _refused(exc)
    sign(mou, trust, clerk)
    icb = make_organisation("BSW ICB", "bsw-icb")
    with pytest.raises(ValidationError):
        services.agreement_add_party(agreement=mou, organisation=icb, actor=clerk)
    with pytest.raises(ValidationError):
        services.agreement_remove_party(party=party_of(mou, trust), actor=clerk)
    assert mou.agreement_parties.count() == 2


# Signatures and status


def test_signed_only_when_every_party_has_signed(mou, council, trust, clerk):
    to_consultation(mou, clerk)
    assert [o.name for o in mou.outstanding_parties] == [
        "Nottinghamshire County Council",
        "Sherwood Forest Hospitals NHS Foundation Trust",
    ]
    sign(mou, council, clerk, by="Councillor Ben Bradley, Leader")
    mou.refresh_from_db()
    assert mou.status == Status.IN_CONSULTATION
    assert not mou.is_fully_signed
    assert [o.name for o in mou.outstanding_parties] == [
        "Sherwood Forest Hospitals NHS Foundation Trust"
    ]

    sign(mou, trust, clerk)
    mou.refresh_from_db()
    assert mou.status == Status.SIGNED
    assert mou.is_fully_signed
    assert mou.outstanding_parties == []
    assert mou.history.first().history_user == clerk
    assert "Signed by every party" in mou.history.first().history_change_reason
    signature = party_of(mou, council)
    assert signature.signed_by == "Councillor Ben Bradley, Leader"
    assert signature.recorded_by == clerk
    assert signature.history.first().history_user == clerk


def test_a_signature_by_a_non_party_is_refused_and_changes_nothing(mou, clerk):
    to_consultation(mou, clerk)
    stranger = make_organisation("Royal United Hospitals Bath", "ruh")
    before = list(AgreementParty.objects.values_list("pk", "signed_on", "signed_by"))
    with pytest.raises(ValidationError) as exc:
        sign(mou, stranger, clerk)
    assert _refused(exc) == "Royal United Hospitals Bath is not a party to this agreement."
    assert list(AgreementParty.objects.values_list("pk", "signed_on", "signed_by")) == before


def test_a_party_signs_only_once(mou, council, clerk):
    to_consultation(mou, clerk)
    sign(mou, council, clerk, by="Leader", on=date(2022, 3, 1))
    with pytest.raises(ValidationError) as exc:
        sign(mou, council, clerk, by="Someone else", on=date(2022, 3, 2))
    assert "has already signed this agreement (Leader, 1 March 2022)" in _refused(exc)
    assert party_of(mou, council).signed_by == "Leader"


def test_a_signature_cannot_be_dated_in_the_future(mou, council, clerk):
    to_consultation(mou, clerk)
    with pytest.raises(ValidationError) as exc:
        sign(mou, council, clerk, on=timezone.localdate() + timedelta(days=1))
    assert "cannot be in the future" in _refused(exc)
    assert not party_of(mou, council).is_signed


def test_signatures_wait_for_consultation(mou, council, clerk):
    with pytest.raises(ValidationError) as exc:
        sign(mou, council, clerk)
    assert "while an agreement is in consultation" in _refused(exc)


def test_status_cannot_be_set_to_signed_by_hand_while_parties_are_outstanding(mou, council, clerk):
    to_consultation(mou, clerk)
    sign(mou, council, clerk)
    with pytest.raises(ValidationError) as exc:
        services.agreement_change_status(agreement=mou, status=Status.SIGNED, actor=clerk)
    assert _refused(exc) == (
        "The agreement counts as signed only when every party has signed. "
        "Still to sign: Sherwood Forest Hospitals NHS Foundation Trust."
    )
    mou.refresh_from_db()
    assert mou.status == Status.IN_CONSULTATION


@pytest.mark.parametrize(
    ("start", "to", "message"),
    [
        (Status.DRAFT, Status.SIGNED, "cannot move from draft to signed"),
        (Status.DRAFT, Status.EXPIRED, "cannot move from draft to expired"),
        (Status.IN_CONSULTATION, Status.EXPIRED, "cannot move from in consultation to expired"),
        (Status.DRAFT, Status.DRAFT, "already draft"),
    ],
)
def test_illegal_moves_are_refused(mou, clerk, start, to, message):
    if start == Status.IN_CONSULTATION:
        to_consultation(mou, clerk)
    with pytest.raises(ValidationError) as exc:
        services.agreement_change_status(agreement=mou, status=to, actor=clerk)
    assert message in _refused(exc)
    mou.refresh_from_db()
    assert mou.status == start


def test_signed_agreement_expires_and_stays_expired(mou, council, trust, clerk):
    to_consultation(mou, clerk)
    sign(mou, council, clerk)
    sign(mou, trust, clerk)
    services.agreement_change_status(agreement=mou, status=Status.EXPIRED, actor=clerk)
    mou.refresh_from_db()
    assert mou.status == Status.EXPIRED
    assert mou.history.first().history_user == clerk
    with pytest.raises(ValidationError) as exc:
        services.agreement_change_status(agreement=mou, status=Status.SIGNED, actor=clerk)
    assert "cannot move from expired to signed" in _refused(exc)


def test_back_to_draft_only_before_anyone_signs(mou, council, clerk):
    to_consultation(mou, clerk)
    services.agreement_change_status(agreement=mou, status=Status.DRAFT, actor=clerk)
    to_consultation(mou, clerk)
    sign(mou, council, clerk)
    with pytest.raises(ValidationError) as exc:
        services.agreement_change_status(agreement=mou, status=Status.DRAFT, actor=clerk)
    assert "cannot go back to draft" in _refused(exc)


def test_an_agreement_with_no_parties_cannot_be_signed(clerked_alliance, clerk):
    empty = make_mou(clerked_alliance, [], actor=clerk, slug="empty")
    to_consultation(empty, clerk)
    assert not empty.is_fully_signed
    with pytest.raises(ValidationError) as exc:
        services.agreement_change_status(agreement=empty, status=Status.SIGNED, actor=clerk)
    assert "no parties yet" in _refused(exc)


# New versions


def test_a_new_version_copies_sections_and_parties_unsigned(mou, council, trust, clerk):
    services.agreement_section_update(
        section=mou.sections.get(number=1), heading="Our place", text="Wiltshire.", actor=clerk
    )
    to_consultation(mou, clerk)
    sign(mou, council, clerk)
    sign(mou, trust, clerk)
    new = services.agreement_new_version(
        agreement=mou, version="2.0", slug="alliance-mou-v2", actor=clerk
    )
    assert new.status == Status.DRAFT
    assert new.previous_version == mou
    assert new.sections.get(number=1).text == "Wiltshire."
    assert new.sections.count() == mou.sections.count()
    assert {p.organisation for p in new.agreement_parties.all()} == {council, trust}
    assert not any(p.is_signed for p in new.agreement_parties.all())
    mou.refresh_from_db()
    assert mou.status == Status.SIGNED and mou.is_fully_signed
    assert new.history.first().history_user == clerk


def test_a_draft_is_not_versioned(mou, clerk):
    with pytest.raises(ValidationError) as exc:
        services.agreement_new_version(agreement=mou, version="2.0", slug="v2", actor=clerk)
    assert "still a draft" in _refused(exc)
    assert Agreement.objects.count() == 1


# Constraints in the database


def test_database_refuses_a_half_signature(mou, council):
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementParty.objects.filter(agreement=mou, organisation=council).update(
            signed_on=date(2022, 1, 1)
        )


def test_database_refuses_a_delegation_from_both_or_neither(body, scrutiny_body, council):
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegation.objects.create(
            from_body=body,
            from_organisation=council,
            to_body=scrutiny_body,
            scope="x",
            start=date(2022, 1, 1),
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegation.objects.create(to_body=scrutiny_body, scope="x", start=date(2022, 1, 1))


def test_database_refuses_a_delegation_ending_before_it_starts(body, scrutiny_body):
    with pytest.raises(IntegrityError), transaction.atomic():
        Delegation.objects.create(
            from_body=body,
            to_body=scrutiny_body,
            scope="x",
            start=date(2022, 2, 1),
            end=date(2022, 1, 1),
        )


# Delegations


def test_delegation_create_update_end_with_history(body, scrutiny_body, clerk):
    delegation = services.delegation_create(
        from_body=body,
        to_body=scrutiny_body,
        scope="Approve Better Care Fund projects",
        financial_limit=Decimal("45000"),
        start=date(2021, 4, 1),
        actor=clerk,
    )
    services.delegation_update(delegation=delegation, scope="Approve BCF projects", actor=clerk)
    services.delegation_end(delegation=delegation, end=date(2022, 3, 31), actor=clerk)
    delegation.refresh_from_db()
    assert delegation.scope == "Approve BCF projects"
    assert delegation.end == date(2022, 3, 31)
    assert [h.history_user for h in delegation.history.all()] == [clerk, clerk, clerk]
    assert delegation.history.first().history_change_reason == "Delegation ended"
    with pytest.raises(ValidationError) as exc:
        services.delegation_end(delegation=delegation, end=date(2022, 4, 30), actor=clerk)
    assert "already ended on 31 March 2022" in _refused(exc)


def test_delegation_needs_exactly_one_delegator(body, scrutiny_body, council, clerk):
    with pytest.raises(ValidationError) as exc:
        services.delegation_create(
            from_body=body,
            from_organisation=council,
            to_body=scrutiny_body,
            scope="x",
            start=date(2022, 1, 1),
            actor=clerk,
        )
    assert "either the body or the organisation" in _refused(exc)
    with pytest.raises(ValidationError):
        services.delegation_create(
            to_body=scrutiny_body, scope="x", start=date(2022, 1, 1), actor=clerk
        )
    assert not Delegation.objects.exists()


def test_delegation_rules_on_dates_self_and_limit(body, scrutiny_body, clerk):
    with pytest.raises(ValidationError) as exc:
        services.delegation_create(
            from_body=body,
            to_body=scrutiny_body,
            scope="x",
            start=date(2022, 2, 1),
            end=date(2022, 1, 1),
            actor=clerk,
        )
    assert "end date must be on or after the start date" in _refused(exc)
    with pytest.raises(ValidationError) as exc:
        services.delegation_create(
            from_body=body, to_body=body, scope="x", start=date(2022, 1, 1), actor=clerk
        )
    assert "cannot delegate to itself" in _refused(exc)
    with pytest.raises(ValidationError) as exc:
        services.delegation_create(
            from_body=body,
            to_body=scrutiny_body,
            scope="x",
            start=date(2022, 1, 1),
            financial_limit=Decimal("-1"),
            actor=clerk,
        )
    assert "cannot be negative" in _refused(exc)
    assert not Delegation.objects.exists()


def test_a_delegation_is_not_made_under_a_draft(mou, body, scrutiny_body, clerk):
    with pytest.raises(ValidationError) as exc:
        services.delegation_create(
            from_body=body,
            to_body=scrutiny_body,
            scope="x",
            start=date(2022, 1, 1),
            source_agreement=mou,
            actor=clerk,
        )
    assert "is still a draft" in _refused(exc)


# Selectors and permission


def test_delegations_for_body_in_one_query(
    body, scrutiny_body, council, clerk, django_assert_num_queries
):
    other = Body.objects.create(
        name="Health and Wellbeing Board",
        short_name="HWB",
        slug="hwb",
        kind=Body.Kind.BOARD,
        organisation=council,
    )
    for n in range(3):
        services.delegation_create(
            from_body=body, to_body=other, scope=f"made {n}", start=date(2022, 1, 1), actor=clerk
        )
    services.delegation_create(
        from_body=scrutiny_body,
        to_body=body,
        scope="received",
        start=date(2022, 1, 1),
        actor=clerk,
    )
    services.delegation_create(
        from_organisation=council,
        to_body=body,
        scope="from council",
        start=date(2022, 1, 1),
        actor=clerk,
    )
    with django_assert_num_queries(1):
        made, received = delegations_for_body(body)
        names = [(d.delegator.name, d.to_body.name) for d in made + received]
    assert len(made) == 3 and len(received) == 2
    assert ("Nottinghamshire County Council", body.name) in names


def test_agreement_selectors_hide_drafts_from_the_public(
    mou, clerked_alliance, council, trust, clerk, outsider, django_assert_max_num_queries
):
    signed = make_mou(clerked_alliance, [council], actor=clerk, slug="signed", title="Signed one")
    to_consultation(signed, clerk)
    sign(signed, council, clerk)
    assert agreements_for_partnership(clerked_alliance) == [signed]
    assert set(agreements_for_partnership(clerked_alliance, clerk)) == {mou, signed}
    assert agreements_for_organisation(trust, outsider) == []
    with django_assert_max_num_queries(3):
        found = agreements_for_organisation(council, clerk)
        outstanding = [a.outstanding_parties for a in found]
    assert len(found) == 2 and sorted(map(len, outstanding)) == [0, 2]


def test_can_edit_agreement(mou, clerk, member, admin_user, outsider, council, trust):
    assert can_edit_agreement(clerk, mou)
    assert can_edit_agreement(admin_user, mou)
    assert not can_edit_agreement(member, mou)
    assert not can_edit_agreement(outsider, mou)
    loose = services.agreement_create(
        title="Loose", slug="loose", kind=Agreement.Kind.SECTION_75, actor=admin_user
    )
    assert can_edit_agreement(admin_user, loose)
    assert not can_edit_agreement(clerk, loose)
