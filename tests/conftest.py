"""The standard cast, shared by every test: who is who in the portal."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from governance.models import Body, Membership, Organisation, Person, RoleAssignment

pytest_plugins = ["tests.browser"]

PASSWORD = "correct-horse-battery-staple"


def make_user(username: str, **extra):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", **extra
    )
    return user


@pytest.fixture
def council(db) -> Organisation:
    return Organisation.objects.create(
        name="Nottinghamshire County Council",
        short_name="Notts CC",
        slug="nottinghamshire-county-council",
        kind=Organisation.Kind.LOCAL_AUTHORITY,
    )


@pytest.fixture
def trust(db) -> Organisation:
    return Organisation.objects.create(
        name="Sherwood Forest Hospitals NHS Foundation Trust",
        short_name="SFH",
        slug="sherwood-forest-hospitals",
        kind=Organisation.Kind.NHS_TRUST,
        ods_code="RK5",
    )


@pytest.fixture
def body(council) -> Body:
    return Body.objects.create(
        name="Adult Social Care and Public Health Committee",
        short_name="ASCPH",
        slug="adult-social-care-and-public-health-committee",
        kind=Body.Kind.COMMITTEE,
        organisation=council,
    )


@pytest.fixture
def scrutiny_body(council) -> Body:
    return Body.objects.create(
        name="Health Scrutiny Committee",
        short_name="HSC",
        slug="health-scrutiny-committee",
        kind=Body.Kind.SCRUTINY_COMMITTEE,
        organisation=council,
    )


@pytest.fixture
def admin_user(db):
    return make_user("admin", is_superuser=True, is_staff=True)


@pytest.fixture
def clerk(body):
    user = make_user("clerk", first_name="Jo", last_name="Toomey")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=body)
    return user


@pytest.fixture
def member(body, council):
    user = make_user("member", first_name="Muriel", last_name="Weisz")
    person = Person.objects.create(
        name="Muriel Weisz", slug="muriel-weisz", honorific="Councillor", user=user
    )
    Membership.objects.create(
        body=body, person=person, representing=council, start=date(2017, 5, 4)
    )
    return user


@pytest.fixture
def governance_lead(trust):
    user = make_user("lead", first_name="Gina", last_name="Lead")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.GOVERNANCE_LEAD, organisation=trust
    )
    return user


@pytest.fixture
def officer(council):
    user = make_user("officer", first_name="Olu", last_name="Officer")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.OFFICER, organisation=council
    )
    return user


@pytest.fixture
def scrutiny_member(scrutiny_body):
    user = make_user("scrutiny", first_name="Sam", last_name="Scrutineer")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.SCRUTINY_MEMBER, body=scrutiny_body
    )
    return user


@pytest.fixture
def outsider(db):
    return make_user("outsider", first_name="Otto", last_name="Outsider")


@pytest.fixture
def client_for(client):
    """A test client signed in as the given user (or anonymous for None)."""

    def _client(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return _client


def pytest_collection_modifyitems(items):
    """Every test that drives the browser is marked `browser`, so `-m "not browser"` skips them."""
    for item in items:
        if "page" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
