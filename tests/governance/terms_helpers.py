"""Shared set-up for the terms of reference tests."""

from __future__ import annotations

from datetime import date

from governance.models import Body, Membership, Organisation, Person, TermsOfReference
from governance.services.terms import terms_approve, terms_draft_create

TEXT = {
    "purpose": "To oversee adult social care and public health in Nottinghamshire.",
    "membership_rules": "Eleven elected members of the Council, appointed by Full Council.",
    "quorum_count": 3,
    "frequency": "Monthly",
    "voting": "Each member has one vote; the Chair has a casting vote.",
    "delegated_authority": "Decisions on adult social care policy within the budget.",
    "review_date": date(2099, 5, 1),
}


def seat(
    body: Body,
    name: str,
    organisation: Organisation | None = None,
    *,
    voting: bool = True,
    role: str = Membership.Role.MEMBER,
) -> Membership:
    slug = name.lower().replace(" ", "-")
    person, _ = Person.objects.get_or_create(slug=slug, defaults={"name": name})
    return Membership.objects.create(
        body=body,
        person=person,
        representing=organisation,
        voting=voting,
        role=role,
        start=date(2020, 1, 1),
    )


def seat_voting_members(body: Body, organisation: Organisation, count: int) -> list[Membership]:
    return [seat(body, f"Voting Member {n}", organisation) for n in range(count)]


def approved_version(
    body: Body, actor, *, approved_on: date = date(2021, 5, 27), **changes
) -> TermsOfReference:
    """A version drafted and approved through the services (the body needs voting members)."""
    terms = terms_draft_create(body=body, actor=actor, **{**TEXT, **changes})
    return terms_approve(
        terms=terms,
        approved_on=approved_on,
        approved_by=f"Full Council, {approved_on:%d %B %Y}",
        actor=actor,
    )
