"""Who may see and do what with the structure: organisations, partnerships, bodies, people,
terms of reference, agreements, registers and risks.

Every view, API endpoint and output asks this module (or `meetings.access` and
`decisions.access`, which build on it); templates only mirror the answer. A user's roles are
read once per request (one query) and kept on the user object.

`RULES` says, for each kind of record, who may see it and which of its fields: a kind it does
not name is shown to nobody (the history page answers 404), and `withheld_fields` is the one
function every output uses to drop what a viewer may not see.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils import timezone

from governance.models import (
    Agreement,
    AgreementParty,
    AgreementSection,
    Body,
    Delegation,
    GiftOrHospitality,
    GlossaryTerm,
    Interest,
    Membership,
    Objective,
    Organisation,
    Partnership,
    PartnershipMember,
    Person,
    ProcurementDecision,
    ProgressReport,
    Risk,
    RiskRating,
    RoleAssignment,
    TermsOfReference,
)
from governance.models.registers import is_nhs_person

_CACHE_ATTR = "_ics_portal_roles"


@dataclass(frozen=True)
class Roles:
    """The bodies and organisations a signed-in user holds a role in."""

    clerk_of: frozenset[int] = field(default_factory=frozenset)
    scrutiny_of: frozenset[int] = field(default_factory=frozenset)
    lead_of: frozenset[int] = field(default_factory=frozenset)
    officer_of: frozenset[int] = field(default_factory=frozenset)
    member_of: frozenset[int] = field(default_factory=frozenset)

    @property
    def any(self) -> bool:
        return bool(
            self.clerk_of or self.scrutiny_of or self.lead_of or self.officer_of or self.member_of
        )


NO_ROLES = Roles()


def roles(user) -> Roles:
    """The user's roles, loaded once per request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NO_ROLES
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    by_role: dict[str, set[int]] = {role: set() for role in RoleAssignment.Role.values}
    for role, body_id, organisation_id in RoleAssignment.objects.filter(user=user).values_list(
        "role", "body_id", "organisation_id"
    ):
        by_role[role].add(body_id or organisation_id)
    today = timezone.localdate()
    member_of = set(
        Membership.objects.filter(person__user=user, start__lte=today)
        .exclude(end__lt=today)
        .values_list("body_id", flat=True)
    )
    result = Roles(
        clerk_of=frozenset(by_role[RoleAssignment.Role.CLERK]),
        scrutiny_of=frozenset(by_role[RoleAssignment.Role.SCRUTINY_MEMBER]),
        lead_of=frozenset(by_role[RoleAssignment.Role.GOVERNANCE_LEAD]),
        officer_of=frozenset(by_role[RoleAssignment.Role.OFFICER]),
        member_of=frozenset(member_of),
    )
    setattr(user, _CACHE_ATTR, result)
    return result


def forget_roles(user) -> None:
    """Drop the cached roles, after a role has been granted or removed."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def is_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)


def is_staff_side(user) -> bool:
    """Signed in with some role: sees the staff side of the portal."""
    return is_admin(user) or roles(user).any


def can_edit_body(user, body) -> bool:
    """Administrators and the body's clerks edit a body and everything it owns."""
    return is_admin(user) or body.pk in roles(user).clerk_of


def can_edit_organisation(user, organisation) -> bool:
    """Administrators and the organisation's governance leads edit its details."""
    return is_admin(user) or organisation.pk in roles(user).lead_of


def can_edit_partnership(user, partnership) -> bool:
    """Administrators, and clerks of a body the partnership owns."""
    if is_admin(user):
        return True
    clerk_of = roles(user).clerk_of
    return bool(clerk_of) and any(body.pk in clerk_of for body in partnership.bodies.all())


def can_change_ownership(user) -> bool:
    """What a record belongs to (a body's partnership, organisation or parent body, a
    partnership's parent, an agreement's partnership, a risk's register) is changed by
    administrators only: a clerk who could move a body would gain edit rights over its new
    owner, since rights follow ownership."""
    return is_admin(user)


def can_clerk_any(user) -> bool:
    return is_admin(user) or bool(roles(user).clerk_of)


def can_edit_person(user, person) -> bool:
    """Administrators, the person themselves, and clerks of a body they sit on now."""
    if is_admin(user):
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if person.user_id is not None and person.user_id == user.pk:
        return True
    clerk_of = roles(user).clerk_of
    if not clerk_of:
        return False
    today = timezone.localdate()
    return (
        person.memberships.filter(body_id__in=clerk_of, start__lte=today)
        .exclude(end__lt=today)
        .exists()
    )


def require(allowed: bool, reason: str = "You do not have permission to do that.") -> None:
    """Refuse with 403 (the records themselves are public, so nothing is hidden by a 404)."""
    if not allowed:
        raise PermissionDenied(reason)


def can_edit_agreement(user, agreement) -> bool:
    """Those who edit the agreement's partnership; an agreement with none, administrators only."""
    if agreement.partnership_id is None:
        return is_admin(user)
    return can_edit_partnership(user, agreement.partnership)


def editable_bodies_q(user, field: str = "body") -> Q:
    """A filter for records of the bodies `can_edit_body` allows: all for administrators."""
    if is_admin(user):
        # Not Q(): an empty Q vanishes when OR-ed with another condition.
        return Q(**{f"{field}__isnull": False})
    return Q(**{f"{field}__in": roles(user).clerk_of})


def can_see_interest(user, interest: Interest) -> bool:
    """Everyone sees a register's current and published past interests; an NHS person's
    interest ended more than six months ago is kept unpublished, for its editors only."""
    person = interest.person
    if not is_nhs_person(person):
        return True
    if interest.is_published_on(timezone.localdate(), nhs=True):
        return True
    return can_edit_person(user, person)


def can_edit_procurement_register(user, organisation: Organisation) -> bool:
    """An NHS organisation's governance leads and administrators keep its procurement
    decisions register; no other organisation has one."""
    return organisation.is_nhs and can_edit_organisation(user, organisation)


def can_edit_register(user, register: Partnership | Body) -> bool:
    """A risk register belongs to a partnership or a body; their editors edit it."""
    if isinstance(register, Partnership):
        return can_edit_partnership(user, register)
    return can_edit_body(user, register)


def can_report_progress(user, partnership: Partnership) -> bool:
    """A partnership's objectives and their progress are kept by those who edit it."""
    return can_edit_partnership(user, partnership)


def can_edit_glossary(user) -> bool:
    """The glossary serves every partnership's papers: any clerk and administrators keep it."""
    return can_clerk_any(user)


def can_see_agreement(user, agreement: Agreement) -> bool:
    """Agreements are public once out of draft; a draft only for those who edit it."""
    return agreement.is_public or can_edit_agreement(user, agreement)


def agreement_visible_q(user, prefix: str = "") -> Q:
    """The agreements `can_see_agreement` allows, as a filter on `prefix` + agreement fields."""
    if is_admin(user):
        return Q()
    clerk_of = roles(user).clerk_of
    public = ~Q(**{f"{prefix}status": Agreement.Status.DRAFT})
    if not clerk_of:
        return public
    own = Agreement.objects.filter(partnership__bodies__in=clerk_of).values("pk")
    return public | Q(**{f"{prefix}pk__in": own})


def agreements_visible_to(user) -> models.QuerySet[Agreement]:
    """The agreements `can_see_agreement` allows, in one query."""
    return Agreement.objects.filter(agreement_visible_q(user))


def can_see_terms(user, terms: TermsOfReference) -> bool:
    """A draft of terms of reference is seen only by those who edit its body."""
    return not terms.is_draft or can_edit_body(user, terms.body)


# What each kind of record shows, to whom.

Check = Callable[[Any, Any], bool]

# The change reason of a record is treated as one more field: withheld with its content.
CHANGE_REASON = "history_change_reason"


def everyone(user, obj) -> bool:
    return True


@dataclass(frozen=True)
class RecordRule:
    """Who may see one kind of record (`visible`), and whether they may see all of it
    (`content_visible`); those who may not see only its `public` fields (attnames)."""

    visible: Check
    content_visible: Check = everyone
    public: frozenset[str] = frozenset()


def account_fields(model: type[models.Model]) -> frozenset[str]:
    """Fields that point at a sign-in account: shown to administrators only."""
    return frozenset(
        f.attname
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model._meta.label == settings.AUTH_USER_MODEL
    )


def all_fields(model: type[models.Model]) -> frozenset[str]:
    return frozenset(f.attname for f in model._meta.concrete_fields) | {CHANGE_REASON}


def withheld(rules: Mapping[type, RecordRule], user, obj) -> frozenset[str]:
    """The fields of `obj` (attnames, and `CHANGE_REASON`) that this user may not see.

    A kind of record the rules do not name, or a record the user may not see, is withheld
    whole: the policy fails closed.
    """
    model = type(obj)
    rule = rules.get(model)
    if rule is None or not rule.visible(user, obj):
        return all_fields(model)
    hidden = frozenset() if is_admin(user) else account_fields(model)
    if not rule.content_visible(user, obj):
        hidden |= all_fields(model) - rule.public
    return hidden


def _agreement_part(user, obj) -> bool:
    return can_see_agreement(user, obj.agreement)


RULES: dict[type[models.Model], RecordRule] = {
    Organisation: RecordRule(visible=everyone),
    Partnership: RecordRule(visible=everyone),
    PartnershipMember: RecordRule(visible=everyone),
    Body: RecordRule(visible=everyone),
    Person: RecordRule(visible=everyone),
    Membership: RecordRule(visible=everyone),
    Delegation: RecordRule(visible=everyone),
    Interest: RecordRule(visible=can_see_interest),
    GiftOrHospitality: RecordRule(visible=everyone),
    ProcurementDecision: RecordRule(visible=everyone),
    Risk: RecordRule(visible=everyone),
    RiskRating: RecordRule(visible=everyone),
    TermsOfReference: RecordRule(visible=can_see_terms),
    # Objectives and progress are published by the partnership; so is the glossary.
    Objective: RecordRule(visible=everyone),
    ProgressReport: RecordRule(visible=everyone),
    GlossaryTerm: RecordRule(visible=everyone),
    Agreement: RecordRule(visible=can_see_agreement),
    AgreementParty: RecordRule(visible=_agreement_part),
    AgreementSection: RecordRule(visible=_agreement_part),
    # RoleAssignment is deliberately absent: who holds which role is account data.
}


def withheld_fields(user, obj) -> frozenset[str]:
    """What of a structure record this user may not see (see `withheld`)."""
    return withheld(RULES, user, obj)
