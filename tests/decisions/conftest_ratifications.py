"""Fixtures for the ratification tests: a partnership's agreement in principle, routed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from decisions.models import Resolution
from decisions.services.ratifications import ratification_route
from governance.models import Body, Organisation, Partnership, PartnershipMember, RoleAssignment
from tests.conftest import make_user
from tests.decisions.ratifications_helpers import MEETING_DAY, make_resolution


@pytest.fixture
def partnership(council, trust) -> Partnership:
    alliance = Partnership.objects.create(
        name="Wiltshire Alliance",
        short_name="Alliance",
        slug="wiltshire-alliance",
        level=Partnership.Level.PLACE,
    )
    for organisation in (council, trust):
        PartnershipMember.objects.create(
            partnership=alliance, organisation=organisation, joined=date(2020, 4, 1)
        )
    return alliance


@pytest.fixture
def icb(partnership) -> Organisation:
    organisation = Organisation.objects.create(
        name="BSW Integrated Care Board",
        short_name="BSW ICB",
        slug="bsw-icb",
        kind=Organisation.Kind.ICB,
    )
    PartnershipMember.objects.create(
        partnership=partnership, organisation=organisation, joined=date(2020, 4, 1)
    )
    return organisation


@pytest.fixture
def former_member(partnership) -> Organisation:
    organisation = Organisation.objects.create(
        name="Wiltshire CCG", short_name="CCG", slug="wiltshire-ccg", kind=Organisation.Kind.OTHER
    )
    PartnershipMember.objects.create(
        partnership=partnership,
        organisation=organisation,
        joined=date(2020, 4, 1),
        left=date(2022, 6, 30),
    )
    return organisation


@pytest.fixture
def cabinet(council) -> Body:
    cabinet = Body.objects.create(
        name="Cabinet",
        short_name="Cabinet",
        slug="cabinet",
        kind=Body.Kind.CABINET,
        organisation=council,
    )
    council.ratifying_body = cabinet
    council.save()
    return cabinet


@pytest.fixture
def alliance_board(partnership) -> Body:
    return Body.objects.create(
        name="Wiltshire Alliance Board",
        short_name="WAB",
        slug="wiltshire-alliance-board",
        kind=Body.Kind.BOARD,
        partnership=partnership,
    )


@pytest.fixture
def board_clerk(alliance_board):
    user = make_user("boardclerk", first_name="Bea", last_name="Clerk")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=alliance_board)
    return user


@pytest.fixture
def council_lead(council):
    user = make_user("councillead", first_name="Carl", last_name="Lead")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.GOVERNANCE_LEAD, organisation=council
    )
    return user


@pytest.fixture
def icb_lead(icb):
    user = make_user("icblead", first_name="Ivy", last_name="Lead")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.GOVERNANCE_LEAD, organisation=icb
    )
    return user


@pytest.fixture
def agreement(alliance_board) -> Resolution:
    """An agreement in principle of the Alliance Board, awaiting ratification."""
    return make_resolution(alliance_board)


@pytest.fixture
def due() -> date:
    return MEETING_DAY + timedelta(weeks=8)


@pytest.fixture
def routed(agreement, council, trust, icb, cabinet, admin_user, due) -> Resolution:
    """The agreement routed to the council (Cabinet), the trust and the ICB."""
    ratification_route(
        resolution=agreement,
        routes=[(council, None, due), (trust, None, due), (icb, None, due)],
        actor=admin_user,
    )
    return agreement
