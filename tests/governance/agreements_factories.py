"""Plain helpers that build agreement records for the agreements tests."""

from __future__ import annotations

from datetime import date

from governance.models import (
    Agreement,
    AgreementParty,
    Body,
    Organisation,
    Partnership,
    RoleAssignment,
)
from governance.services import agreements as services


def make_alliance(clerk) -> Partnership:
    """A place partnership that owns a board the clerk clerks."""
    alliance = Partnership.objects.create(
        name="Wiltshire Alliance",
        short_name="Alliance",
        slug="wiltshire-alliance",
        level=Partnership.Level.PLACE,
    )
    board = Body.objects.create(
        name="Wiltshire Integrated Care Alliance",
        short_name="ICA",
        slug="wiltshire-integrated-care-alliance",
        kind=Body.Kind.BOARD,
        partnership=alliance,
    )
    RoleAssignment.objects.create(user=clerk, role=RoleAssignment.Role.CLERK, body=board)
    return alliance


def make_organisation(name: str, slug: str) -> Organisation:
    return Organisation.objects.create(
        name=name, short_name=name[:40], slug=slug, kind=Organisation.Kind.NHS_TRUST
    )


def make_mou(partnership, parties, *, actor, slug: str = "alliance-mou", title: str = "MoU"):
    return services.agreement_create(
        title=title,
        slug=slug,
        kind=Agreement.Kind.MOU,
        partnership=partnership,
        parties=parties,
        actor=actor,
    )


def to_consultation(agreement, actor):
    return services.agreement_change_status(
        agreement=agreement, status=Agreement.Status.IN_CONSULTATION, actor=actor
    )


def sign(agreement, organisation, actor, *, by: str = "Chief Executive", on=date(2022, 3, 1)):
    return services.agreement_record_signature(
        agreement=agreement, organisation=organisation, signed_by=by, signed_on=on, actor=actor
    )


def party_of(agreement, organisation) -> AgreementParty:
    return AgreementParty.objects.get(agreement=agreement, organisation=organisation)
