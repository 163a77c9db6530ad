"""Fixtures of the governance tests: a small partnership structure."""

from datetime import date

import pytest

from governance.models import Body, Objective, Partnership, PartnershipMember
from governance.services.objectives import objective_create
from tests.factories import make_alliance


@pytest.fixture
def system(db) -> Partnership:
    return Partnership.objects.create(
        name="Bath and North East Somerset, Swindon and Wiltshire Integrated Care System",
        short_name="BSW ICS",
        slug="bsw",
        level=Partnership.Level.SYSTEM,
    )


@pytest.fixture
def alliance(system, council, trust) -> Partnership:
    alliance = Partnership.objects.create(
        name="Wiltshire Alliance",
        short_name="Wiltshire ICA",
        slug="wiltshire-alliance",
        level=Partnership.Level.PLACE,
        parent=system,
    )
    PartnershipMember.objects.create(
        partnership=alliance, organisation=council, joined=date(2022, 7, 1)
    )
    PartnershipMember.objects.create(
        partnership=alliance, organisation=trust, joined=date(2022, 7, 1)
    )
    return alliance


@pytest.fixture
def place_board(alliance) -> Body:
    """The board of the place alliance within the system."""
    return Body.objects.create(
        name="Wiltshire Integrated Care Alliance",
        short_name="WICA",
        slug="wiltshire-integrated-care-alliance",
        kind=Body.Kind.BOARD,
        partnership=alliance,
    )


@pytest.fixture
def clerked_alliance(clerk) -> Partnership:
    """A place partnership owning a board that the standard clerk clerks."""
    return make_alliance(clerk)


@pytest.fixture
def winter_objective(partnership, admin_user) -> Objective:
    """Objective 1 of the Wiltshire Alliance, running over 2022/23."""
    return objective_create(
        partnership=partnership,
        reference="1",
        title="To establish three Neighbourhood Collaborative sites",
        owner="Programme SRO",
        source="Objectives 22/23",
        starts=date(2022, 4, 1),
        ends=date(2023, 3, 31),
        measures="Governance and membership in place\nAt least 1 project commenced",
        actor=admin_user,
    )
