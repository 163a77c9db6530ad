"""Models of the meeting cycle."""

from meetings.models.agenda import (
    AgendaItem,
    AgendaRevision,
    Meeting,
    Supplement,
    WorkProgrammeEntry,
)
from meetings.models.assurance import RiskAssurance
from meetings.models.packs import AgendaPack
from meetings.models.proceedings import Attendance, Declaration, Minute
from meetings.models.reports import Attachment, Report

__all__ = [
    "AgendaItem",
    "AgendaPack",
    "AgendaRevision",
    "Attachment",
    "Attendance",
    "Declaration",
    "Meeting",
    "Minute",
    "Report",
    "RiskAssurance",
    "Supplement",
    "WorkProgrammeEntry",
]
