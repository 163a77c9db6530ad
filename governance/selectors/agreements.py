"""Reads of the agreements and delegations that other pages show."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from governance import access
from governance.models import (
    Agreement,
    AgreementParty,
    Body,
    Delegation,
    Organisation,
    Partnership,
)


def delegations_for_body(body: Body) -> tuple[list[Delegation], list[Delegation]]:
    """Delegations the body has made and received, in one query."""
    rows = (
        Delegation.objects.filter(Q(from_body=body) | Q(to_body=body))
        .select_related("from_body", "from_organisation", "to_body", "source_agreement")
        .order_by("-start", "pk")
    )
    made, received = [], []
    for row in rows:
        (made if row.from_body_id == body.pk else received).append(row)
    return made, received


def delegations_for_organisation(organisation: Organisation) -> list[Delegation]:
    """Delegations the organisation has made, in one query."""
    return list(
        Delegation.objects.filter(from_organisation=organisation).select_related(
            "from_organisation", "to_body", "source_agreement"
        )
    )


def _with_parties(queryset: models.QuerySet[Agreement]) -> models.QuerySet[Agreement]:
    return queryset.select_related("partnership").prefetch_related(
        models.Prefetch(
            "agreement_parties",
            queryset=AgreementParty.objects.select_related("organisation"),
        )
    )


def agreements_for_partnership(partnership: Partnership, user=None) -> list[Agreement]:
    """The partnership's agreements the user may see, with their parties (two queries)."""
    return list(_with_parties(access.agreements_visible_to(user).filter(partnership=partnership)))


def agreements_for_organisation(organisation: Organisation, user=None) -> list[Agreement]:
    """Agreements the organisation is party to that the user may see, with their parties."""
    mine = AgreementParty.objects.filter(organisation=organisation).values("agreement_id")
    return list(_with_parties(access.agreements_visible_to(user).filter(pk__in=mine)))
