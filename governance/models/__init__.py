"""Models of the standing structure, one module per area."""

from governance.models.agreements import (
    Agreement,
    AgreementParty,
    AgreementSection,
    Delegation,
)
from governance.models.structure import (
    Body,
    Membership,
    Organisation,
    Partnership,
    PartnershipMember,
    Person,
    RoleAssignment,
)
from governance.models.terms import TermsOfReference

__all__ = [
    "Body",
    "Membership",
    "Organisation",
    "Partnership",
    "PartnershipMember",
    "Person",
    "RoleAssignment",
    "TermsOfReference",
    "Agreement",
    "AgreementParty",
    "AgreementSection",
    "Delegation",
]
