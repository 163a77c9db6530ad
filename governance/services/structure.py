"""Changes to organisations, partnerships, bodies, people and memberships."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from governance.access import can_change_ownership
from governance.models import (
    Body,
    Membership,
    Organisation,
    Partnership,
    PartnershipMember,
    Person,
)
from ics_portal.common.records import lock_for_edit, save_record


def record_create(*, obj, actor):
    """Add a standing record (organisation, partnership, body) with its first history row."""
    with transaction.atomic():
        return save_record(obj, actor=actor)


def record_update(*, obj, actor, fields: dict, reason: str = ""):
    """Apply edited fields to a standing record and save it with its history."""
    with transaction.atomic():
        for name, value in fields.items():
            setattr(obj, name, value)
        return save_record(obj, actor=actor, reason=reason)


def _refuse_ownership_change(obj, fields: dict, names: tuple[str, ...], actor) -> None:
    """Only administrators move a record to another owner (`can_change_ownership`)."""
    if can_change_ownership(actor):
        return
    for name in names:
        if name in fields:
            value = fields[name]
            current = getattr(obj, f"{name}_id")
            if (value.pk if value is not None else None) != current:
                raise ValidationError(
                    {name: "Only an administrator can change what this record belongs to."}
                )


def organisation_update(*, organisation: Organisation, actor, **fields) -> Organisation:
    """Edit an organisation's details."""
    return record_update(obj=organisation, actor=actor, fields=fields)


def partnership_update(*, partnership: Partnership, actor, **fields) -> Partnership:
    """Edit a partnership; refuses a parent that would make a loop, and a new parent from
    anyone but an administrator."""
    _refuse_ownership_change(partnership, fields, ("parent",), actor)
    parent = fields.get("parent")
    ancestor = parent
    while ancestor is not None:
        if ancestor.pk == partnership.pk:
            raise ValidationError({"parent": "A partnership cannot sit inside itself."})
        ancestor = ancestor.parent
    return record_update(obj=partnership, actor=actor, fields=fields)


def body_update(*, body: Body, actor, **fields) -> Body:
    """Edit a body; refuses a reporting line that would make a loop, and a new owner or
    parent from anyone but an administrator."""
    _refuse_ownership_change(body, fields, ("partnership", "organisation", "parent"), actor)
    ancestor = fields.get("parent")
    while ancestor is not None:
        if ancestor.pk == body.pk:
            raise ValidationError({"parent": "A body cannot report to itself, even indirectly."})
        ancestor = ancestor.parent
    return record_update(obj=body, actor=actor, fields=fields)


def partnership_member_add(
    *, partnership: Partnership, organisation: Organisation, joined: date, actor
) -> PartnershipMember:
    """An organisation joins a partnership."""
    with transaction.atomic():
        overlapping = partnership.members.filter(organisation=organisation).exclude(
            left__lt=joined
        )
        if overlapping.exists():
            raise ValidationError(
                {"organisation": f"{organisation} is already a member of {partnership}."}
            )
        member = PartnershipMember(
            partnership=partnership, organisation=organisation, joined=joined
        )
        return save_record(member, actor=actor)


def partnership_member_end(*, member: PartnershipMember, left: date, actor) -> PartnershipMember:
    """An organisation leaves a partnership; its history stays."""
    with transaction.atomic():
        member = PartnershipMember.objects.select_for_update().get(pk=member.pk)
        if member.left is not None:
            raise ValidationError(
                f"{member.organisation} already left on {member.left:%-d %B %Y}."
            )
        member.left = left
        return save_record(member, actor=actor, reason="Left the partnership")


def _check_representation(membership: Membership) -> None:
    """A seat on a partnership's body represents an organisation that is then a member."""
    body = membership.body
    org = membership.representing
    if org is None or body.partnership_id is None:
        return
    spells = list(
        PartnershipMember.objects.filter(partnership_id=body.partnership_id, organisation=org)
    )
    if not any(spell.is_current_on(membership.start) for spell in spells):
        left = [spell.left for spell in spells if spell.left and spell.left < membership.start]
        if left:
            message = (
                f"{org} left {body.partnership} on {max(left):%-d %B %Y}, so it cannot be "
                f"represented on {body} from {membership.start:%-d %B %Y}."
            )
        else:
            message = (
                f"{org} is not a member of {body.partnership} on {membership.start:%-d %B %Y}, "
                f"so it cannot be represented on {body}."
            )
        raise ValidationError({"representing": message})


def membership_add(*, body: Body, person: Person, actor, substitutes=(), **fields) -> Membership:
    """Give a person a seat on a body."""
    with transaction.atomic():
        membership = Membership(body=body, person=person, **fields)
        membership.full_clean()
        _check_representation(membership)
        save_record(membership, actor=actor)
        membership.substitutes.set(substitutes)
        return membership


def membership_update(
    *,
    membership: Membership,
    actor,
    substitutes=None,
    expected_version: int | str | None = None,
    **fields,
) -> Membership:
    """Change a seat's role, voting right, representation, dates or substitutes, refusing a
    form opened before someone else's change to the seat."""
    with transaction.atomic():
        membership = lock_for_edit(
            Membership.objects,
            membership.pk,
            expected_version,
            what=f"the membership of {membership.person}",
        )
        for name, value in fields.items():
            setattr(membership, name, value)
        membership.full_clean()
        _check_representation(membership)
        save_record(membership, actor=actor)
        if substitutes is not None:
            membership.substitutes.set(substitutes)
        return membership


def person_create(*, actor, **fields) -> Person:
    """Add a person to the record."""
    with transaction.atomic():
        return save_record(Person(**fields), actor=actor)


def person_update(*, person: Person, actor, **fields) -> Person:
    """Edit a person's public details."""
    return record_update(obj=person, actor=actor, fields=fields)
