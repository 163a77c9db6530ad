"""Changes to a partnership's objectives, their progress reports and the glossary."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from governance.models import GlossaryTerm, Objective, Partnership, ProgressReport
from ics_portal.common.records import save_record


def objective_create(
    *,
    partnership: Partnership,
    reference: str,
    title: str,
    owner: str,
    source: str,
    starts: date,
    ends: date,
    measures: str = "",
    actor,
) -> Objective:
    """Set down one of a partnership's objectives, from its strategy or MoU."""
    objective = Objective(
        partnership=partnership,
        reference=reference.strip(),
        title=title.strip(),
        owner=owner.strip(),
        source=source.strip(),
        starts=starts,
        ends=ends,
        measures=measures.strip(),
    )
    with transaction.atomic():
        return save_record(objective, actor=actor, reason="Objective added")


def progress_report_record(
    *,
    objective: Objective,
    period_start: date,
    period_end: date,
    progress: str,
    rag: str = "",
    next_steps: str = "",
    reported_by: str = "",
    actor,
) -> ProgressReport:
    """Report progress against an objective for one period; a period outside the objective's
    span (it does not belong to that objective) is refused."""
    report = ProgressReport(
        objective=objective,
        period_start=period_start,
        period_end=period_end,
        rag=rag,
        progress=progress.strip(),
        next_steps=next_steps.strip(),
        reported_by=reported_by.strip(),
    )
    with transaction.atomic():
        # The objective's span is read under a lock, so it cannot move while the report saves.
        report.objective = Objective.objects.select_for_update().get(pk=objective.pk)
        return save_record(report, actor=actor, reason="Progress reported")


def glossary_term_define(
    *, term: str, meaning: str, explanation: str = "", is_acronym: bool = True, actor
) -> GlossaryTerm:
    """Add a term to the glossary, or refresh its explanation; a term already defined with a
    different meaning is refused, since a reader could not tell which is meant."""
    term, meaning = term.strip(), " ".join(meaning.split())
    with transaction.atomic():
        existing = GlossaryTerm.objects.select_for_update().filter(term=term).first()
        if existing is not None and existing.meaning.casefold() != meaning.casefold():
            raise ValidationError(
                {
                    "meaning": f"{term} is already defined as “{existing.meaning}”; a term has "
                    "one meaning in this glossary. Change that definition instead."
                }
            )
        entry = existing or GlossaryTerm(term=term, meaning=meaning)
        explanation = explanation.strip() or entry.explanation
        if existing and (existing.explanation, existing.is_acronym) == (explanation, is_acronym):
            return existing
        entry.explanation = explanation
        entry.is_acronym = is_acronym
        return save_record(entry, actor=actor, reason="Glossary term defined")
