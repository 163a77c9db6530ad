"""Who may do what. Every view and API endpoint asks here; templates only mirror the answer.

A user's roles are read once per request (one query) and kept on the user object.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone

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
    from governance.models import Membership, RoleAssignment

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


def can_record_ratification(user, organisation) -> bool:
    """Only the organisation's governance leads (and administrators) record its outcome."""
    return is_admin(user) or organisation.pk in roles(user).lead_of


def can_see_exempt(user, body) -> bool:
    """Part II: members and officers of the body, its clerks, and administrators."""
    if is_admin(user):
        return True
    mine = roles(user)
    return body.pk in mine.member_of or body.pk in mine.clerk_of


def require(allowed: bool, reason: str = "You do not have permission to do that.") -> None:
    """Refuse with 403 (the records themselves are public, so nothing is hidden by a 404)."""
    if not allowed:
        raise PermissionDenied(reason)


def can_edit_agreement(user, agreement) -> bool:
    """Those who edit the agreement's partnership; an agreement with none, administrators only."""
    if agreement.partnership_id is None:
        return is_admin(user)
    return can_edit_partnership(user, agreement.partnership)


def can_write_report(user, item) -> bool:
    """Who writes an agenda item's report: the body's editors (administrators and clerks), and
    officers of the organisation that owns the body — or, for a body owned by a partnership, of
    one of its current member organisations. A Part II report is written only by those who may
    also see it (`can_see_exempt`), so an officer drafting one must be an officer in attendance.
    """
    body = item.meeting.body
    if can_edit_body(user, body):
        return True
    officer_of = roles(user).officer_of
    if not officer_of:
        return False
    if item.is_exempt and not can_see_exempt(user, body):
        return False
    if body.organisation_id is not None:
        return body.organisation_id in officer_of
    today = timezone.localdate()
    return (
        body.partnership.members.filter(organisation_id__in=officer_of, joined__lte=today)
        .exclude(left__lt=today)
        .exists()
    )


def editable_bodies_q(user, field: str = "body") -> Q:
    """A filter for records of the bodies `can_edit_body` allows: all for administrators."""
    if is_admin(user):
        # Not Q(): an empty Q vanishes when OR-ed with another condition.
        return Q(**{f"{field}__isnull": False})
    return Q(**{f"{field}__in": roles(user).clerk_of})


def can_respond_to_recommendation(user, recommendation) -> bool:
    """Who records the response to a scrutiny recommendation: administrators; for one sent to an
    organisation, its governance leads (who act for it, as in `can_record_ratification`); for
    one sent to a body, that body's clerks."""
    if recommendation.to_organisation_id is not None:
        return can_record_ratification(user, recommendation.to_organisation)
    if recommendation.to_body_id is not None:
        return can_edit_body(user, recommendation.to_body)
    return is_admin(user)
