"""Two people editing the same governance record: the second to save, working from a page
opened before the first saved, is told to reload; nothing the first saved is lost, and the
second keeps what they typed. Terms of reference drafts, agreements, their sections and
signatures, risks and their ratings, registers of interests and gifts, memberships.

Here the clerk opens the page and an administrator saves first. The two-writer test at the end
runs on PostgreSQL and SQLite alike (see tests/stale_helpers.py).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import (
    Agreement,
    AgreementParty,
    GiftOrHospitality,
    Interest,
    InterestKind,
    Membership,
    Risk,
)
from governance.services import agreements as agreement_services
from governance.services.registers import gift_update, interest_update
from governance.services.risks import risk_create, risk_rate, risk_update
from governance.services.structure import membership_update
from governance.services.terms import terms_draft_create, terms_draft_update
from tests.factories import TERMS_TEXT, make_alliance, make_mou, to_consultation
from tests.stale_helpers import assert_refused, at_once, hidden, one_saved_one_refused

TODAY = timezone.localdate()
RISK = {
    "reference": "B1",
    "title": "Locum costs",
    "description": "Rising.",
    "owner": "Director of Operations",
    "mitigations": "Bank staff.",
    "review_date": TODAY + timedelta(days=30),
}


def _risk(body, actor) -> Risk:
    return risk_create(register=body, rated_on=TODAY, likelihood=3, impact=3, actor=actor, **RISK)


def _risk_post(version: str, **changes) -> dict:
    return {**RISK, "review_date": RISK["review_date"].isoformat(), "version": version, **changes}


def _mou(clerk, council, trust) -> Agreement:
    return make_mou(make_alliance(clerk), [council, trust], actor=clerk)


# Terms of reference


@pytest.mark.django_db
def test_a_stale_terms_draft_is_refused_and_keeps_the_other_change(
    client_for, clerk, admin_user, body
):
    draft = terms_draft_create(body=body, actor=clerk, **TERMS_TEXT)
    url = reverse("governance:terms_edit", args=[body.slug, draft.version])
    opened = hidden(client_for(clerk).get(url), "edit_version")
    terms_draft_update(
        terms=draft, actor=admin_user, expected_version=1, purpose="The administrator's purpose."
    )

    data = {
        **TERMS_TEXT,
        "review_date": "2099-05-01",
        "purpose": "The clerk's own purpose.",
        "edit_version": opened,
    }
    response = client_for(clerk).post(url, data)

    assert_refused(response, "The clerk&#x27;s own purpose.")
    assert "Someone else changed draft version 1" in response.text
    draft.refresh_from_db()
    assert (draft.purpose, draft.edit_version) == ("The administrator's purpose.", 2)
    assert draft.history.first().history_user == admin_user


# Agreements, sections and signatures


@pytest.mark.django_db
def test_a_stale_agreement_edit_is_refused(client_for, clerk, admin_user, council, trust):
    mou = _mou(clerk, council, trust)
    url = reverse("governance:agreement_edit", args=[mou.slug])
    opened = hidden(client_for(clerk).get(url), "edit_version")
    agreement_services.agreement_update(
        agreement=mou, actor=admin_user, expected_version=1, summary="Agreed in principle."
    )

    response = client_for(clerk).post(
        url,
        {"title": "Place MoU", "kind": "mou", "version": "1.0", "edit_version": opened},
    )

    assert_refused(response, "Place MoU")
    assert "Someone else changed this agreement" in response.text
    mou.refresh_from_db()
    assert (mou.title, mou.summary, mou.edit_version) == ("MoU", "Agreed in principle.", 2)


@pytest.mark.django_db
def test_a_stale_section_edit_is_refused(client_for, clerk, admin_user, council, trust):
    mou = _mou(clerk, council, trust)
    section = mou.sections.get(number=1)
    url = reverse("governance:section_edit", args=[mou.slug, 1])
    opened = hidden(client_for(clerk).get(url), "version")
    agreement_services.agreement_section_update(
        section=section, heading="Our place", text="Wiltshire.", actor=admin_user,
        expected_version=1,
    )  # fmt: skip

    response = client_for(clerk).post(
        url, {"heading": "Our place", "text": "Swindon and Wiltshire.", "version": opened}
    )

    assert_refused(response, "Swindon and Wiltshire.")
    assert "Someone else changed section 1 of this agreement" in response.text
    section.refresh_from_db()
    assert (section.text, section.version) == ("Wiltshire.", 2)


@pytest.mark.django_db
def test_a_signature_is_not_recorded_against_details_changed_since(
    client_for, clerk, admin_user, council, trust
):
    mou = _mou(clerk, council, trust)
    to_consultation(mou, clerk)
    url = reverse("governance:signature_record", args=[mou.slug])
    opened = hidden(client_for(clerk).get(url), "edit_version")
    agreement_services.agreement_update(
        agreement=mou, actor=admin_user, summary="Now includes the pooled budget."
    )

    response = client_for(clerk).post(
        url,
        {
            "organisation": council.pk,
            "signed_by": "Councillor Richard Clewer, Leader",
            "signed_on": "2022-03-01",
            "edit_version": opened,
        },
    )

    assert_refused(response, "Councillor Richard Clewer, Leader")
    assert not AgreementParty.objects.filter(agreement=mou, signed_on__isnull=False).exists()
    # Reopened, the page signs the agreement as it now stands.
    page = client_for(clerk).get(url)
    fresh = client_for(clerk).post(
        url,
        {
            "organisation": council.pk,
            "signed_by": "Councillor Richard Clewer, Leader",
            "signed_on": "2022-03-01",
            "edit_version": hidden(page, "edit_version"),
        },
    )
    assert fresh.status_code == 302
    assert AgreementParty.objects.get(agreement=mou, organisation=council).is_signed


# Risks and their ratings


@pytest.mark.django_db
def test_a_stale_risk_edit_is_refused_after_someone_else_rated_it(
    client_for, clerk, admin_user, body
):
    risk = _risk(body, clerk)
    url = reverse("governance:risk_edit", args=[risk.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    risk_rate(risk=risk, likelihood=5, impact=5, rated_on=TODAY, actor=admin_user)

    response = client_for(clerk).post(url, _risk_post(opened, mitigations="Agency cap."))

    assert_refused(response, "Agency cap.")
    assert "Someone else changed this risk" in response.text
    risk.refresh_from_db()
    assert (risk.mitigations, risk.score, risk.version) == ("Bank staff.", 25, 2)


@pytest.mark.django_db
def test_a_stale_rating_is_refused_and_the_newer_rating_stays_current(
    client_for, clerk, admin_user, body
):
    risk = _risk(body, clerk)
    url = reverse("governance:risk_rate", args=[risk.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    risk_rate(
        risk=risk, likelihood=5, impact=5, rated_on=TODAY, note="Strike called", actor=admin_user,
        expected_version=1,
    )  # fmt: skip

    response = client_for(clerk).post(
        url,
        {
            "likelihood": "1",
            "impact": "3",
            "rated_on": TODAY.isoformat(),
            "note": "Much better now",
            "version": opened,
        },
    )

    assert_refused(response, "Much better now")
    risk.refresh_from_db()
    assert (risk.likelihood, risk.impact, risk.ratings.count()) == (5, 5, 2)


# Registers of interests and gifts and hospitality


@pytest.mark.django_db
def test_a_stale_interest_correction_is_refused(client_for, clerk, admin_user, member):
    person = member.person
    interest = Interest.objects.create(
        person=person,
        kind=InterestKind.OTHER_REGISTRABLE,
        description="Member of Ollerton Parish Council",
        organisation_name="Ollerton Parish Council",
        registered_from=date(2021, 5, 10),
    )
    url = reverse("governance:interest_edit", args=[person.slug, interest.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    interest_update(
        interest=interest, kind=interest.kind, description="Chair of Ollerton Parish Council",
        organisation_name="Ollerton Parish Council", registered_from=date(2021, 5, 10),
        actor=admin_user, expected_version=1,
    )  # fmt: skip

    response = client_for(clerk).post(
        url,
        {
            "kind": InterestKind.OTHER_REGISTRABLE,
            "description": "Clerk to Ollerton Parish Council",
            "organisation_name": "Ollerton Parish Council",
            "registered_from": "2021-05-10",
            "version": opened,
        },
    )

    assert_refused(response, "Clerk to Ollerton Parish Council")
    interest.refresh_from_db()
    assert (interest.description, interest.version) == ("Chair of Ollerton Parish Council", 2)


@pytest.mark.django_db
def test_a_stale_gift_correction_is_refused(client_for, clerk, admin_user, member):
    person = member.person
    offered = TODAY - timedelta(days=10)
    gift = GiftOrHospitality.objects.create(
        person=person, kind="hospitality", description="Dinner at a conference",
        offered_by="A supplier", value=Decimal("30.00"), date_offered=offered,
        decision="accepted",
    )  # fmt: skip
    url = reverse("governance:gift_edit", args=[person.slug, gift.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    gift_update(
        gift=gift, kind="hospitality", description="Dinner at a conference",
        offered_by="A supplier", value=Decimal("45.00"), date_offered=offered,
        decision="accepted", actor=admin_user, expected_version=1,
    )  # fmt: skip

    response = client_for(clerk).post(
        url,
        {
            "kind": "hospitality",
            "description": "Lunch at a conference",
            "offered_by": "A supplier",
            "value": "30.00",
            "date_offered": offered.isoformat(),
            "decision": "accepted",
            "version": opened,
        },
    )

    assert_refused(response, "Lunch at a conference")
    gift.refresh_from_db()
    assert (gift.description, gift.value, gift.version) == (
        "Dinner at a conference",
        Decimal("45.00"),
        2,
    )


# Memberships


@pytest.mark.django_db
def test_a_stale_membership_edit_is_refused(client_for, clerk, admin_user, body, member):
    seat = Membership.objects.get(body=body, person=member.person)
    url = reverse("governance:membership_edit", args=[body.slug, seat.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    membership_update(
        membership=seat, actor=admin_user, expected_version=1, role=Membership.Role.CHAIR
    )

    response = client_for(clerk).post(
        url,
        {
            "role": "vice_chair",
            "voting": "on",
            "representing": seat.representing_id,
            "start": "2017-05-04",
            "end": "2099-05-06",
            "version": opened,
        },
    )

    assert_refused(response, 'name="end_year" type="text" inputmode="numeric" value="2099"')
    assert f"Someone else changed the membership of {member.person}" in response.text
    seat.refresh_from_db()
    assert (seat.role, seat.end, seat.version) == (Membership.Role.CHAIR, None, 2)


@pytest.mark.django_db
def test_a_page_sent_without_its_version_is_refused(client_for, clerk, body):
    risk = _risk(body, clerk)
    data = _risk_post("", title="Locum and agency costs")
    del data["version"]
    response = client_for(clerk).post(reverse("governance:risk_edit", args=[risk.pk]), data)
    assert_refused(response, "Locum and agency costs", "reload the page")
    risk.refresh_from_db()
    assert risk.title == "Locum costs"


# Two people saving at the same moment


@pytest.mark.django_db(transaction=True)
def test_two_clerks_saving_a_risk_at_once_lose_neither_silently(clerk, admin_user, body):
    risk = _risk(body, clerk)

    def save(actor, owner):
        return lambda: risk_update(
            risk=risk,
            actor=actor,
            expected_version=1,
            target_likelihood=None,
            target_impact=None,
            **{**RISK, "owner": owner},
        )

    results, errors = at_once(save(clerk, "Chief Nurse"), save(admin_user, "Medical Director"))

    one_saved_one_refused(results, errors)
    risk.refresh_from_db()
    assert (risk.owner, risk.version) == (results[0].owner, 2)


@pytest.mark.django_db(transaction=True)
def test_two_clerks_saving_an_agreement_at_once_lose_neither_silently(
    clerk, admin_user, council, trust
):
    mou = _mou(clerk, council, trust)

    def save(actor, summary):
        return lambda: agreement_services.agreement_update(
            agreement=mou, actor=actor, expected_version=1, summary=summary
        )

    results, errors = at_once(save(clerk, "Pooled budget."), save(admin_user, "Aligned budget."))

    one_saved_one_refused(results, errors)
    mou.refresh_from_db()
    assert (mou.summary, mou.edit_version) == (results[0].summary, 2)
