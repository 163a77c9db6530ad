"""Editing the standing structure: who may, what is refused, and the history written."""

from datetime import date

import pytest

from governance.models import (
    Body,
    Membership,
    Organisation,
    Partnership,
    PartnershipMember,
    Person,
    RoleAssignment,
)
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def alliance_clerk(place_board):

    user = make_user("alliance-clerk", first_name="Alice", last_name="Clerk")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=place_board)
    return user


@pytest.fixture
def seat(body, member):
    return Membership.objects.get(body=body, person__user=member)


@pytest.fixture
def spell(alliance, council):
    return PartnershipMember.objects.get(partnership=alliance, organisation=council)


def _history_rows() -> int:
    return sum(
        model.history.count()
        for model in (Organisation, Partnership, Body, Membership, Person, PartnershipMember)
    )


# (name, url, POST data, users allowed) — users named by fixture.
EDIT_VIEWS = [
    ("organisation_create", lambda f: "/organisations/new/",
     {"name": "Wirral Council", "short_name": "Wirral", "kind": "local_authority"},
     {"admin_user"}),
    ("organisation_edit", lambda f: f"/organisations/{f['trust'].slug}/edit/",
     {"name": "Renamed Trust", "short_name": "RT", "kind": "nhs_trust"},
     {"admin_user", "governance_lead"}),
    ("partnership_create", lambda f: "/partnerships/new/",
     {"name": "Swindon Alliance", "short_name": "Swindon", "level": "place"}, {"admin_user"}),
    ("partnership_edit", lambda f: "/partnerships/wiltshire-alliance/edit/",
     {"name": "Wiltshire Alliance (ICA)", "short_name": "WICA", "level": "place"},
     {"admin_user", "alliance_clerk"}),
    ("partnership_member_add", lambda f: "/partnerships/wiltshire-alliance/members/new/",
     {"organisation": "{other_org}", "joined": "2023-01-01"}, {"admin_user", "alliance_clerk"}),
    ("partnership_member_end",
     lambda f: f"/partnerships/wiltshire-alliance/members/{f['spell'].pk}/leave/",
     {"left": "2024-03-31"}, {"admin_user", "alliance_clerk"}),
    ("body_create", lambda f: "/bodies/new/",
     {"name": "New Board", "short_name": "NB", "kind": "board", "organisation": "{council}"},
     {"admin_user"}),
    ("body_edit", lambda f: f"/bodies/{f['body'].slug}/edit/",
     {"name": "Renamed Committee", "short_name": "RC", "kind": "committee",
      "organisation": "{council}"}, {"admin_user", "clerk"}),
    ("membership_add", lambda f: f"/bodies/{f['body'].slug}/members/new/",
     {"person": "{person}", "role": "member", "voting": "on", "start": "2021-05-01"},
     {"admin_user", "clerk"}),
    ("membership_edit", lambda f: f"/bodies/{f['body'].slug}/members/{f['seat'].pk}/",
     {"role": "vice_chair", "voting": "on", "start": "2017-05-04", "end": "2021-05-06",
      "version": "1"},
     {"admin_user", "clerk"}),
    ("person_create", lambda f: "/people/new/", {"name": "Richard Butler"},
     {"admin_user", "clerk", "alliance_clerk"}),
    ("person_edit", lambda f: "/people/muriel-weisz/edit/",
     {"name": "Muriel Weisz", "honorific": "Councillor"}, {"admin_user", "clerk", "member"}),
]  # fmt: skip
USERS = ["admin_user", "clerk", "alliance_clerk", "member", "governance_lead", "outsider"]


@pytest.mark.parametrize("name,url,data,allowed", EDIT_VIEWS, ids=[v[0] for v in EDIT_VIEWS])
def test_edit_permission_matrix(request, client_for, name, url, data, allowed, seat, spell):
    fixtures = {n: request.getfixturevalue(n) for n in [*USERS, "trust", "body", "council"]}
    fixtures.update(seat=seat, spell=spell)
    other_org = Organisation.objects.create(
        name="Swindon Borough Council",
        short_name="Swindon",
        slug="swindon",
        kind="local_authority",
    )
    person = Person.objects.create(name="Stephen Garner", slug="stephen-garner")
    values = {"{council}": fixtures["council"].pk, "{other_org}": other_org.pk,
              "{person}": person.pk}  # fmt: skip
    post = {k: values.get(v, v) for k, v in data.items()}
    address = url(fixtures)

    anonymous = client_for(None)
    assert anonymous.get(address).status_code == 302
    assert anonymous.post(address, post)["Location"].startswith("/account/sign-in/")

    for username in USERS:
        user = fixtures[username]
        client = client_for(user)
        before = _history_rows()
        if username in allowed:
            assert client.get(address).status_code == 200, username
        else:
            assert client.get(address).status_code == 403, username
            assert client.post(address, post).status_code == 403, username
            assert _history_rows() == before, f"{username}'s refused POST changed something"

    client = client_for(fixtures[sorted(allowed)[-1]])
    response = client.post(address, post)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert _history_rows() > before


def test_edits_are_recorded_with_their_author(client_for, clerk, body, council):
    client = client_for(clerk)
    client.post(
        f"/bodies/{body.slug}/edit/",
        {"name": "ASC and PH Committee", "short_name": "ASCPH", "kind": "committee",
         "organisation": council.pk},
    )  # fmt: skip
    latest = body.history.latest()
    assert latest.name == "ASC and PH Committee"
    assert latest.history_user == clerk
    page = client.get(f"/history/governance/body/{body.pk}/").content.decode()
    assert "Changed by Jo Toomey" in page and "ASC and PH Committee" in page


def test_membership_ending_before_it_starts_is_refused(client_for, clerk, body, seat):
    response = client_for(clerk).post(
        f"/bodies/{body.slug}/members/{seat.pk}/",
        {"role": "member", "voting": "on", "start": "2021-05-01", "end": "2020-01-01"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "The end date must be on or after the start date." in html
    seat.refresh_from_db()
    assert seat.end is None and seat.start == date(2017, 5, 4)


def test_seat_for_an_organisation_that_left_the_partnership_is_refused(
    client_for, admin_user, place_board, spell, council
):
    spell.left = date(2023, 3, 31)
    spell.save()
    person = Person.objects.create(name="Richard Clewer", slug="richard-clewer")
    response = client_for(admin_user).post(
        f"/bodies/{place_board.slug}/members/new/",
        {"person": person.pk, "role": "member", "voting": "on", "representing": council.pk,
         "start": "2023-06-01"},
    )  # fmt: skip
    html = response.content.decode()
    assert "left Wiltshire Alliance on 31 March 2023" in html
    assert not Membership.objects.filter(person=person).exists()


def test_seat_before_the_organisation_left_is_allowed(
    client_for, admin_user, place_board, spell, council
):
    spell.left = date(2023, 3, 31)
    spell.save()
    person = Person.objects.create(name="Richard Clewer", slug="richard-clewer")
    response = client_for(admin_user).post(
        f"/bodies/{place_board.slug}/members/new/",
        {"person": person.pk, "role": "chair", "voting": "on", "representing": council.pk,
         "start": "2022-07-01", "end": "2023-03-31"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Membership.objects.get(person=person).role == "chair"


def test_leaving_before_joining_is_refused(client_for, admin_user, spell):
    response = client_for(admin_user).post(
        f"/partnerships/wiltshire-alliance/members/{spell.pk}/leave/", {"left": "2020-01-01"}
    )
    assert "The date left must be on or after the date joined." in response.content.decode()
    spell.refresh_from_db()
    assert spell.left is None


def test_a_body_cannot_report_to_itself_through_another(client_for, admin_user, body, council):
    child = Body.objects.create(
        name="Sub", short_name="S", slug="sub", kind="sub_committee", organisation=council,
        parent=body,
    )  # fmt: skip
    response = client_for(admin_user).post(
        f"/bodies/{body.slug}/edit/",
        {"name": body.name, "short_name": "ASCPH", "kind": "committee",
         "organisation": council.pk, "parent": child.pk},
    )  # fmt: skip
    assert "cannot report to itself" in response.content.decode()
    body.refresh_from_db()
    assert body.parent is None


def test_a_body_has_one_owner(client_for, admin_user, council, alliance):
    response = client_for(admin_user).post(
        "/bodies/new/",
        {"name": "Both", "short_name": "B", "kind": "board", "organisation": council.pk,
         "partnership": alliance.pk},
    )  # fmt: skip
    assert "A body is owned by a partnership or an organisation." in response.content.decode()
    assert not Body.objects.filter(name="Both").exists()
