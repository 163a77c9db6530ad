"""What a record belongs to is changed by administrators only. A clerk's edit forms for a body,
a partnership, an agreement and a risk have no ownership field, and a crafted POST naming
another owner leaves the owner as it was: the clerk gains no rights."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance import access
from governance.models import Agreement, Body, Partnership, Risk, RoleAssignment
from governance.services.agreements import agreement_create
from governance.services.risks import risk_create
from governance.services.structure import body_update, partnership_update
from tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def elsewhere(db) -> Partnership:
    """A partnership none of the clerks has anything to do with."""
    return Partnership.objects.create(
        name="Swindon Alliance", short_name="Swindon", slug="swindon", level="place"
    )


@pytest.fixture
def elsewhere_board(elsewhere) -> Body:
    return Body.objects.create(
        name="Swindon Board", short_name="SB", slug="swindon-board", kind=Body.Kind.BOARD,
        partnership=elsewhere,
    )  # fmt: skip


@pytest.fixture
def ownership_clerk(place_board):
    user = make_user("alliance-clerk")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=place_board)
    return user


def fresh(user):
    access.forget_roles(user)
    return user


def test_only_administrators_change_ownership(admin_user, clerk, member):
    assert access.can_change_ownership(admin_user)
    assert not access.can_change_ownership(clerk)
    assert not access.can_change_ownership(member)


# Bodies


def test_the_clerks_body_form_has_no_ownership_fields(client_for, clerk, admin_user, body):
    url = reverse("governance:body_edit", args=[body.slug])
    html = client_for(clerk).get(url).content.decode()
    for name in ("partnership", "organisation", "parent"):
        assert f'name="{name}"' not in html
    html = client_for(admin_user).get(url).content.decode()
    for name in ("partnership", "organisation", "parent"):
        assert f'name="{name}"' in html


def test_a_clerk_cannot_move_their_body_to_another_partnership(
    client_for, clerk, body, council, elsewhere, elsewhere_board
):
    response = client_for(clerk).post(
        reverse("governance:body_edit", args=[body.slug]),
        {"name": "Renamed Committee", "short_name": "RC", "kind": "committee",
         "partnership": elsewhere.pk, "organisation": "", "parent": elsewhere_board.pk},
    )  # fmt: skip
    assert response.status_code == 302
    body.refresh_from_db()
    assert body.name == "Renamed Committee"  # the rest of the form is saved
    assert (body.organisation_id, body.partnership_id, body.parent_id) == (council.pk, None, None)
    assert not access.can_edit_partnership(fresh(clerk), elsewhere)
    edit = reverse("governance:partnership_edit", args=[elsewhere.slug])
    assert client_for(clerk).get(edit).status_code == 403


def test_an_administrator_moves_a_body(client_for, admin_user, body, elsewhere):
    client_for(admin_user).post(
        reverse("governance:body_edit", args=[body.slug]),
        {"name": body.name, "short_name": "ASCPH", "kind": "committee",
         "partnership": elsewhere.pk, "organisation": ""},
    )  # fmt: skip
    body.refresh_from_db()
    assert (body.partnership_id, body.organisation_id) == (elsewhere.pk, None)


def test_the_body_service_refuses_a_clerks_change_of_owner(clerk, body, elsewhere):
    with pytest.raises(ValidationError, match="Only an administrator"):
        body_update(body=body, actor=clerk, partnership=elsewhere, organisation=None)
    body.refresh_from_db()
    assert body.partnership_id is None


# Partnerships


def test_a_clerk_cannot_move_a_partnership(
    client_for, ownership_clerk, alliance, system, elsewhere
):
    url = reverse("governance:partnership_edit", args=[alliance.slug])
    client = client_for(ownership_clerk)
    assert 'name="parent"' not in client.get(url).content.decode()
    response = client.post(
        url,
        {"name": "Wiltshire Alliance (ICA)", "short_name": "WICA", "level": "place",
         "parent": elsewhere.pk},
    )  # fmt: skip
    assert response.status_code == 302
    alliance.refresh_from_db()
    assert alliance.name == "Wiltshire Alliance (ICA)"
    assert alliance.parent_id == system.pk  # neither moved nor cleared
    with pytest.raises(ValidationError, match="Only an administrator"):
        partnership_update(partnership=alliance, actor=ownership_clerk, parent=elsewhere)


# Agreements


def test_a_clerk_cannot_move_an_agreement_to_another_partnership(
    client_for, ownership_clerk, alliance, elsewhere
):
    trust = make_organisation("Great Western Hospitals", "gwh")
    mou = agreement_create(
        title="MoU", slug="mou", kind=Agreement.Kind.MOU, partnership=alliance,
        parties=[trust], actor=ownership_clerk,
    )  # fmt: skip
    url = reverse("governance:agreement_edit", args=[mou.slug])
    client = client_for(ownership_clerk)
    assert 'name="partnership"' not in client.get(url).content.decode()
    response = client.post(
        url,
        {"title": "MoU (revised)", "kind": "mou", "version": "1", "summary": "",
         "partnership": elsewhere.pk, "edit_version": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    mou.refresh_from_db()
    assert mou.title == "MoU (revised)"
    assert mou.partnership_id == alliance.pk


# Risks


@pytest.fixture
def owned_risk(body, admin_user) -> Risk:
    return risk_create(
        register=body, reference="B1", title="Locum costs", description="Rising.",
        owner="Director of Operations", mitigations="Bank staff.",
        review_date=TODAY + timedelta(days=30), rated_on=TODAY, likelihood=3, impact=3,
        actor=admin_user,
    )  # fmt: skip


def test_a_clerk_cannot_move_a_risk_to_another_register(
    client_for, clerk, body, owned_risk, elsewhere, elsewhere_board
):
    client = client_for(clerk)
    url = reverse("governance:risk_edit", args=[owned_risk.pk])
    html = client.get(url).content.decode()
    assert 'name="partnership"' not in html and 'name="body"' not in html
    response = client.post(
        url,
        {"reference": "B1", "title": "Locum costs (revised)", "description": "Rising.",
         "owner": "Director of Operations", "mitigations": "Bank staff.",
         "review_date": (TODAY + timedelta(days=30)).isoformat(),
         "partnership": elsewhere.pk, "body": elsewhere_board.pk, "version": "1"},
    )  # fmt: skip
    assert response.status_code == 302
    owned_risk.refresh_from_db()
    assert owned_risk.title == "Locum costs (revised)"
    assert (owned_risk.body_id, owned_risk.partnership_id) == (body.pk, None)
    new = client.post(
        reverse("governance:body_risk_create", args=[body.slug]),
        {"reference": "B2", "title": "New", "description": "d", "owner": "o", "mitigations": "m",
         "review_date": (TODAY + timedelta(days=30)).isoformat(), "likelihood": "2",
         "impact": "2", "stated_rag": "", "rated_on": TODAY.isoformat(),
         "partnership": elsewhere.pk, "body": elsewhere_board.pk},
    )  # fmt: skip
    assert new.status_code == 302
    created = Risk.objects.get(reference="B2")
    assert (created.body_id, created.partnership_id) == (body.pk, None)
    assert not elsewhere_board.risks.exists()
