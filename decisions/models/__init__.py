"""Models of the decision trail."""

from decisions.models.actions import Action, ActionNote
from decisions.models.delegated import DelegatedDecision
from decisions.models.executive import (
    CallIn,
    DecisionNotice,
    ForwardPlanEntry,
    ratification_effect,
    ratifications_awaiting_effect,
)
from decisions.models.ratifications import Ratification, ratification_progress
from decisions.models.resolutions import NamedVote, Resolution
from decisions.models.scrutiny import ScrutinyRecommendation

__all__ = [
    "Action",
    "ActionNote",
    "DelegatedDecision",
    "CallIn",
    "DecisionNotice",
    "ForwardPlanEntry",
    "NamedVote",
    "Ratification",
    "Resolution",
    "ScrutinyRecommendation",
    "ratification_effect",
    "ratification_progress",
    "ratifications_awaiting_effect",
]
