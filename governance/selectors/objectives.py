"""Reading a partnership's objectives with their progress, and the glossary."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from governance.models import GlossaryTerm, Objective, Partnership, ProgressReport, Rag
from governance.selectors.risks import RagPoint, RagStrip


@dataclass(frozen=True)
class ObjectiveProgress:
    """An objective with its progress reports, newest period first."""

    objective: Objective
    reports: list[ProgressReport]

    @property
    def current(self) -> ProgressReport | None:
        """The report for the latest period: the objective's current RAG."""
        return self.reports[0] if self.reports else None

    @property
    def oldest_first(self) -> list[ProgressReport]:
        return list(reversed(self.reports))

    @property
    def strip(self) -> RagStrip:
        """The objective's RAG over time, a point at the end of each reported period."""
        return RagStrip(
            [
                RagPoint(r.period_end, Rag(r.rag) if r.rag else None, None, how=r.period)
                for r in self.oldest_first
            ],
            unrated="No progress has been reported against this objective.",
        )


def objectives_with_progress(partnership: Partnership) -> list[ObjectiveProgress]:
    """The partnership's objectives, each with its reports: two queries."""
    reports = ProgressReport.objects.order_by("-period_start", "-pk")
    objectives = Objective.objects.filter(partnership=partnership).prefetch_related(
        Prefetch("progress_reports", queryset=reports)
    )
    return [
        ObjectiveProgress(objective=objective, reports=list(objective.progress_reports.all()))
        for objective in objectives
    ]


def glossary() -> list[GlossaryTerm]:
    """Every term, alphabetically (case aside)."""
    return sorted(GlossaryTerm.objects.all(), key=lambda term: term.term.casefold())
