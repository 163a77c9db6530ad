"""Models of the standing structure, one module per area."""

from governance.models.agreements import (
    Agreement,
    AgreementParty,
    AgreementSection,
    Delegation,
)
from governance.models.objectives import GlossaryTerm, Objective, ProgressReport
from governance.models.registers import (
    GiftOrHospitality,
    Interest,
    InterestKind,
    ProcurementDecision,
)
from governance.models.risks import Rag, Risk, RiskRating
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
    "GiftOrHospitality",
    "Interest",
    "InterestKind",
    "ProcurementDecision",
    "Rag",
    "GlossaryTerm",
    "Objective",
    "ProgressReport",
    "Risk",
    "RiskRating",
    "TermsOfReference",
    "Agreement",
    "AgreementParty",
    "AgreementSection",
    "Delegation",
]
