"""Agreement and delegation pages: who may use them, what they show, and how many queries."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from governance.models import Agreement, AgreementParty, AgreementSection, Delegation
from governance.selectors.agreements import agreements_for_partnership, delegations_for_body
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
def alliance_mou(clerked_alliance, council, trust, clerk):
    return make_mou(clerked_alliance, [council, trust], actor=clerk, title="Alliance MoU")


@pytest.fixture
def delegation(body, scrutiny_body, clerk):
    return services.delegation_create(
        from_body=body,
        to_body=scrutiny_body,
        scope="Review BCF",
        start=date(2021, 4, 1),
        actor=clerk,
    )


@pytest.fixture
def council_delegation(council, body, admin_user):
    return services.delegation_create(
        from_organisation=council,
        to_body=body,
        scope="Adult social care decisions within the committee's terms of reference",
        start=date(2021, 4, 1),
        actor=admin_user,
    )


def _snapshot():
    return (
        list(Agreement.objects.order_by("pk").values()),
        list(AgreementParty.objects.order_by("pk").values()),
        list(AgreementSection.objects.order_by("pk").values()),
        list(Delegation.objects.order_by("pk").values()),
    )


def _login_url(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("login"))


# Each edit page: how to reach it, a POST that would change something, who may use it.
AGREEMENT_PAGES = {
    "create": (
        lambda w: reverse("governance:agreement_create"),
        {
            "title": "New",
            "slug": "new-one",
            "kind": "mou",
            "partnership": "{alliance}",
            "version": "1.0",
        },
    ),
    "edit": (
        lambda w: reverse("governance:agreement_edit", args=[w["mou"].slug]),
        {
            "title": "Changed",
            "kind": "mou",
            "version": "1.1",
        },
    ),
    "section_add": (
        lambda w: reverse("governance:section_add", args=[w["mou"].slug]),
        {
            "heading": "Glossary",
            "text": "Terms",
        },
    ),
    "section_edit": (
        lambda w: reverse("governance:section_edit", args=[w["mou"].slug, 1]),
        {"heading": "Our place", "text": "Wiltshire"},
    ),
    "party_add": (
        lambda w: reverse("governance:party_add", args=[w["mou"].slug]),
        {
            "organisation": "{extra}",
        },
    ),
    "party_remove": (
        lambda w: reverse(
            "governance:party_remove", args=[w["mou"].slug, party_of(w["mou"], w["trust"]).pk]
        ),
        {},
    ),
    "signature": (
        lambda w: reverse("governance:signature_record", args=[w["mou"].slug]),
        {
            "organisation": "{council}",
            "signed_by": "Leader",
            "signed_on": "2022-03-01",
        },
    ),
    "status": (
        lambda w: reverse("governance:agreement_status", args=[w["mou"].slug]),
        {
            "status": "draft",
        },
    ),
    "new_version": (
        lambda w: reverse("governance:agreement_new_version", args=[w["mou"].slug]),
        {"version": "2.0", "slug": "mou-v2"},
    ),
    "body_delegation": (
        lambda w: reverse("governance:body_delegation_create", args=[w["body"].slug]),
        {"to_body": "{scrutiny_body}", "scope": "x", "start": "2022-01-01"},
    ),
    "delegation_edit": (
        lambda w: reverse("governance:delegation_edit", args=[w["delegation"].pk]),
        {"to_body": "{scrutiny_body}", "scope": "changed", "start": "2022-01-01"},
    ),
    "delegation_end": (
        lambda w: reverse("governance:delegation_end", args=[w["delegation"].pk]),
        {"end": "2022-06-30"},
    ),
}


@pytest.fixture
def world(alliance_mou, clerked_alliance, council, trust, body, scrutiny_body, delegation, clerk):
    to_consultation(alliance_mou, clerk)
    return {
        "mou": alliance_mou,
        "alliance": clerked_alliance,
        "council": council,
        "trust": trust,
        "body": body,
        "scrutiny_body": scrutiny_body,
        "delegation": delegation,
        "extra": make_organisation("Royal United Hospitals Bath", "ruh"),
    }


def _opened_at(agreement: Agreement) -> int:
    """The agreement's version as a page opened now would carry it."""
    return Agreement.objects.get(pk=agreement.pk).edit_version


def _data(payload: dict, world: dict) -> dict:
    filled = {}
    for key, value in payload.items():
        if value.startswith("{"):
            value = str(world[value.strip("{}")].pk)
        filled[key] = value
    return filled


@pytest.mark.parametrize("view", AGREEMENT_PAGES)
@pytest.mark.parametrize("who", ["clerk", "admin_user"])
def test_edit_pages_open_for_the_clerk_and_admin(view, who, world, client_for, request):
    url, _ = AGREEMENT_PAGES[view]
    response = client_for(request.getfixturevalue(who)).get(url(world))
    assert response.status_code == 200
    assert '<form method="post" novalidate>' in response.content.decode()


@pytest.mark.parametrize("view", AGREEMENT_PAGES)
@pytest.mark.parametrize("who", ["member", "outsider", "officer"])
def test_edit_pages_refuse_others_and_change_nothing(view, who, world, client_for, request):
    url, payload = AGREEMENT_PAGES[view]
    client = client_for(request.getfixturevalue(who))
    before = _snapshot()
    assert client.get(url(world)).status_code == 403
    assert client.post(url(world), _data(payload, world)).status_code == 403
    assert _snapshot() == before


@pytest.mark.parametrize("view", AGREEMENT_PAGES)
def test_edit_pages_send_the_anonymous_to_sign_in(view, world, client):
    url, payload = AGREEMENT_PAGES[view]
    before = _snapshot()
    assert _login_url(client.get(url(world)))
    assert _login_url(client.post(url(world), _data(payload, world)))
    assert _snapshot() == before


@pytest.mark.parametrize("view", AGREEMENT_PAGES)
def test_each_edit_page_saves_for_the_clerk(view, world, clerk, client_for):
    url, payload = AGREEMENT_PAGES[view]
    if view == "new_version":
        sign(world["mou"], world["council"], clerk)
        sign(world["mou"], world["trust"], clerk)
    if view in {"edit", "section_edit"}:
        services.agreement_change_status(agreement=world["mou"], status="draft", actor=clerk)
    client = client_for(clerk)
    # The hidden fields as the page was opened: the version a stale form is refused by.
    opened = dict(
        re.findall(r'type="hidden" name="(\w+)" value="(\d+)"', client.get(url(world)).text)
    )
    before = _snapshot()
    response = client.post(url(world), {**opened, **_data(payload, world)}, follow=True)
    assert response.status_code == 200
    assert "govuk-notification-banner--success" in response.content.decode()
    assert _snapshot() != before


def test_organisation_delegation_page_is_for_its_governance_lead(
    client_for, trust, body, governance_lead, clerk, member
):
    url = reverse("governance:organisation_delegation_create", args=[trust.slug])
    assert client_for(governance_lead).get(url).status_code == 200
    for user in (clerk, member):
        assert client_for(user).get(url).status_code == 403
        assert (
            client_for(user)
            .post(url, {"to_body": body.pk, "scope": "x", "start": "2022-01-01"})
            .status_code
            == 403
        )
    assert not Delegation.objects.exists()
    assert _login_url(client_for(None).get(url))
    response = client_for(governance_lead).post(
        url, {"to_body": body.pk, "scope": "Trust decisions", "start": "2022-01-01"}, follow=True
    )
    assert "Delegation to Adult Social Care and Public Health Committee recorded" in (
        response.content.decode()
    )
    made = Delegation.objects.get()
    assert made.from_organisation == trust
    assert made.history.first().history_user == governance_lead


def test_council_delegation_is_edited_by_its_lead_not_the_body_clerk(
    client_for, council_delegation, clerk, officer, admin_user
):
    url = reverse("governance:delegation_edit", args=[council_delegation.pk])
    assert client_for(clerk).get(url).status_code == 403
    assert client_for(officer).get(url).status_code == 403
    assert client_for(admin_user).get(url).status_code == 200


def test_create_page_lists_only_partnerships_the_clerk_edits(client_for, clerk, clerked_alliance):
    from governance.models import Partnership

    other = Partnership.objects.create(
        name="Swindon Place", short_name="Swindon", slug="swindon", level="place"
    )
    client = client_for(clerk)
    html = client.get(reverse("governance:agreement_create")).content.decode()
    assert "Wiltshire Alliance" in html and "Swindon Place" not in html
    response = client.post(
        reverse("governance:agreement_create"),
        {
            "title": "Sneaky",
            "slug": "sneaky",
            "kind": "mou",
            "partnership": other.pk,
            "version": "1.0",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Agreement.objects.filter(slug="sneaky").exists()


def test_create_page_makes_a_draft_mou_with_the_outline(
    client_for, clerk, clerked_alliance, council
):
    response = client_for(clerk).post(
        reverse("governance:agreement_create"),
        {
            "title": "Swindon MoU",
            "slug": "swindon-mou",
            "kind": "mou",
            "partnership": clerked_alliance.pk,
            "version": "1.0",
            "parties": [council.pk],
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Swindon MoU (version 1.0) created as a draft" in html
    assert "Our governance arrangements" in html
    assert "Still to sign: Nottinghamshire County Council" in html


# Bad input on the pages


def test_signature_by_a_non_party_is_refused_on_the_form(client_for, clerk, world):
    url = reverse("governance:signature_record", args=[world["mou"].slug])
    before = _snapshot()
    response = client_for(clerk).post(
        url,
        {
            "organisation": world["extra"].pk,
            "signed_by": "Chief Executive",
            "signed_on": "2022-03-01",
            "edit_version": _opened_at(world["mou"]),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Record a signature" in html
    assert "There is a problem" in html
    assert "Royal United Hospitals Bath is not a party to this agreement." in html
    assert _snapshot() == before


def test_signature_form_offers_only_parties_still_to_sign(client_for, clerk, world):
    sign(world["mou"], world["council"], clerk)
    html = (
        client_for(clerk)
        .get(reverse("governance:signature_record", args=[world["mou"].slug]))
        .content.decode()
    )
    options = html.split('name="organisation"')[1].split("</select>")[0]
    assert "Sherwood Forest Hospitals" in options
    assert "Nottinghamshire County Council" not in options
    assert "Royal United Hospitals Bath" not in options


def test_second_signature_is_refused_on_the_form(client_for, clerk, world):
    sign(world["mou"], world["council"], clerk, by="Leader")
    before = _snapshot()
    response = client_for(clerk).post(
        reverse("governance:signature_record", args=[world["mou"].slug]),
        {
            "organisation": world["council"].pk,
            "signed_by": "Other",
            "signed_on": "2022-03-02",
            "edit_version": _opened_at(world["mou"]),
        },
    )
    assert "Nottinghamshire County Council has already signed this agreement" in (
        response.content.decode()
    )
    assert _snapshot() == before


def test_last_signature_makes_the_agreement_signed(client_for, clerk, world):
    sign(world["mou"], world["council"], clerk)
    response = client_for(clerk).post(
        reverse("governance:signature_record", args=[world["mou"].slug]),
        {
            "organisation": world["trust"].pk,
            "signed_by": "Chair",
            "signed_on": "2022-03-02",
            "edit_version": _opened_at(world["mou"]),
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Every party has now signed: the agreement is signed." in html
    assert "Still to sign" not in html
    world["mou"].refresh_from_db()
    assert world["mou"].status == Status.SIGNED


def test_setting_signed_by_hand_is_refused_on_the_form(client_for, clerk, world):
    before = _snapshot()
    response = client_for(clerk).post(
        reverse("governance:agreement_status", args=[world["mou"].slug]), {"status": "signed"}
    )
    html = response.content.decode()
    assert "counts as signed only when every party has signed" in html
    assert "Still to sign: Nottinghamshire County Council, Sherwood Forest Hospitals" in html
    assert _snapshot() == before


def test_editing_a_signed_agreement_is_refused(client_for, clerk, world):
    sign(world["mou"], world["council"], clerk)
    sign(world["mou"], world["trust"], clerk)
    before = _snapshot()
    response = client_for(clerk).post(
        reverse("governance:agreement_edit", args=[world["mou"].slug]),
        {
            "title": "Changed",
            "kind": "mou",
            "version": "1.1",
            "edit_version": _opened_at(world["mou"]),
        },
    )
    assert "A signed agreement cannot be changed. Make a new version instead." in (
        response.content.decode()
    )
    assert _snapshot() == before


def test_delegation_ending_before_it_starts_is_refused_on_the_form(
    client_for, clerk, body, scrutiny_body
):
    response = client_for(clerk).post(
        reverse("governance:body_delegation_create", args=[body.slug]),
        {"to_body": scrutiny_body.pk, "scope": "x", "start": "2022-02-01", "end": "2022-01-01"},
    )
    assert "The end date must be on or after the start date." in response.content.decode()
    assert not Delegation.objects.exists()


# Public pages


def test_public_detail_shows_parties_signatures_and_who_is_still_to_sign(
    client, world, clerk, council_delegation
):
    mou = world["mou"]
    sign(mou, world["council"], clerk, by="Councillor Richard Clewer, Leader", on=date(2022, 3, 1))
    services.delegation_update(delegation=world["delegation"], source_agreement=mou, actor=clerk)
    html = client.get(mou.get_absolute_url()).content.decode()
    assert "Councillor Richard Clewer, Leader" in html
    assert "1 March 2022" in html
    assert "Still to sign: Sherwood Forest Hospitals NHS Foundation Trust" in html
    assert "1. Our place" in html and "18. Adding partners to the place-based partnership" in html
    assert "Review BCF" in html
    assert "Recorded by" not in html  # only editors see who recorded it
    assert "Record a signature" not in html
    assert f"/history/governance/agreement/{mou.pk}/" in html


def test_drafts_are_hidden_from_the_public(client, client_for, alliance_mou, clerk, outsider):
    assert client.get(alliance_mou.get_absolute_url()).status_code == 404
    assert client_for(outsider).get(alliance_mou.get_absolute_url()).status_code == 404
    assert client.get(f"/history/governance/agreement/{alliance_mou.pk}/").status_code == 404
    assert "Alliance MoU" not in client.get(reverse("governance:agreement_list")).content.decode()
    clerk_client = client_for(clerk)
    assert "This is a draft" in clerk_client.get(alliance_mou.get_absolute_url()).content.decode()
    assert (
        "Alliance MoU" in clerk_client.get(reverse("governance:agreement_list")).content.decode()
    )


def test_list_filters_by_status(client, world, clerked_alliance, council, clerk):
    signed = make_mou(
        clerked_alliance, [council], actor=clerk, slug="signed-one", title="Signed one"
    )
    to_consultation(signed, clerk)
    sign(signed, council, clerk)
    url = reverse("governance:agreement_list")
    html = client.get(url, {"status": "signed"}).content.decode()
    assert "Signed one" in html and "Alliance MoU" not in html
    html = client.get(url, {"status": "in_consultation"}).content.decode()
    assert "Alliance MoU" in html and "Signed one" not in html
    html = client.get(url, {"status": "nonsense"}).content.decode()
    assert "That status is not one we know" in html
    assert "Alliance MoU" in html and "Signed one" in html


def _many_agreements(clerked_alliance, clerk, count: int):
    organisations = [make_organisation(f"Partner {n}", f"partner-{n}") for n in range(4)]
    for n in range(count):
        agreement = make_mou(
            clerked_alliance, organisations, actor=clerk, slug=f"mou-{n}", title=f"MoU {n}"
        )
        to_consultation(agreement, clerk)
        for organisation in organisations[:2]:
            sign(agreement, organisation, clerk)
    return organisations


def test_list_runs_a_bounded_number_of_queries(
    client_for, clerked_alliance, clerk, django_assert_max_num_queries
):
    _many_agreements(clerked_alliance, clerk, 5)
    client = client_for(clerk)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("governance:agreement_list"))
    html = response.content.decode()
    assert html.count("Still to sign: Partner 2, Partner 3") == 5


def test_detail_runs_a_bounded_number_of_queries(
    client_for, clerked_alliance, clerk, body, scrutiny_body, django_assert_max_num_queries
):
    organisations = _many_agreements(clerked_alliance, clerk, 1)
    agreement = Agreement.objects.get(slug="mou-0")
    sign(agreement, organisations[2], clerk)
    for n in range(4):
        services.delegation_create(
            from_body=body,
            to_body=scrutiny_body,
            scope=f"Scope {n}",
            start=date(2022, 1, 1),
            source_agreement=agreement,
            actor=clerk,
        )
    client = client_for(clerk)
    with django_assert_max_num_queries(13):
        response = client.get(agreement.get_absolute_url())
    html = response.content.decode()
    assert "Still to sign: Partner 3" in html
    assert html.count("Scope ") == 4


def test_delegation_page_shows_the_delegation(client, council_delegation):
    html = client.get(council_delegation.get_absolute_url()).content.decode()
    assert "From Nottinghamshire County Council to Adult Social Care" in html
    assert "No agreement recorded" in html
    assert "Edit delegation" not in html


def test_includes_render_delegations_and_agreements(world, clerk, council_delegation):
    from django.template.loader import render_to_string

    made, received = delegations_for_body(world["body"])
    html = render_to_string(
        "governance/agreements/_delegations_for.html",
        {"delegations_from": made, "delegations_to": received},
    )
    assert "Delegations made" in html and "Delegations received" in html
    assert "Review BCF" in html and "Nottinghamshire County Council" in html
    html = render_to_string(
        "governance/agreements/_agreements_for.html",
        {"agreements": agreements_for_partnership(world["alliance"])},
    )
    assert "Alliance MoU" in html
    assert "Nottinghamshire County Council, Sherwood Forest Hospitals" in html
