"""Changes to a partnership's objectives, their progress reports and the glossary."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from governance.models import GlossaryTerm, Objective, Partnership, ProgressReport
from ics_portal.common.records import lock_for_edit, save_record


def _fill(record, **fields):
    """The record with these fields set, words trimmed of surrounding space."""
    for name, value in fields.items():
        setattr(record, name, value.strip() if isinstance(value, str) else value)
    return record


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
    objective = _fill(
        Objective(partnership=partnership),
        reference=reference,
        title=title,
        owner=owner,
        source=source,
        starts=starts,
        ends=ends,
        measures=measures,
    )
    with transaction.atomic():
        return save_record(objective, actor=actor, reason="Objective added")


def objective_update(
    *,
    objective: Objective,
    reference: str,
    title: str,
    owner: str,
    source: str,
    starts: date,
    ends: date,
    measures: str = "",
    actor,
    expected_version: int | str | None = None,
) -> Objective:
    """Change an objective's wording, owner, measures or span; a form opened before someone
    else's change is refused, and so is a span that would leave reported progress outside it."""
    with transaction.atomic():
        locked = lock_for_edit(Objective.objects, objective.pk, expected_version)
        _fill(
            locked,
            reference=reference,
            title=title,
            owner=owner,
            source=source,
            starts=starts,
            ends=ends,
            measures=measures,
        )
        outside = [
            report
            for report in locked.progress_reports.order_by("period_start")
            if not locked.covers(report.period_start, report.period_end)
        ]
        if outside:
            raise ValidationError(
                {
                    "starts": f"Progress has been reported for {outside[0].period}, which would "
                    "fall outside the objective; keep the span around every reported period."
                }
            )
        return save_record(locked, actor=actor, reason="Objective changed")


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
    report = _fill(
        ProgressReport(objective=objective, rag=rag),
        period_start=period_start,
        period_end=period_end,
        progress=progress,
        next_steps=next_steps,
        reported_by=reported_by,
    )
    with transaction.atomic():
        # The objective's span is read under a lock, so it cannot move while the report saves.
        report.objective = Objective.objects.select_for_update().get(pk=objective.pk)
        return save_record(report, actor=actor, reason="Progress reported")


def progress_report_update(
    *,
    report: ProgressReport,
    period_start: date,
    period_end: date,
    progress: str,
    rag: str = "",
    next_steps: str = "",
    reported_by: str = "",
    actor,
    expected_version: int | str | None = None,
) -> ProgressReport:
    """Correct a progress report; a form opened before someone else's correction is refused,
    and so is a period that does not belong to the objective."""
    with transaction.atomic():
        objective = Objective.objects.select_for_update().get(pk=report.objective_id)
        locked = lock_for_edit(ProgressReport.objects, report.pk, expected_version)
        locked.objective = objective
        locked.rag = rag
        _fill(
            locked,
            period_start=period_start,
            period_end=period_end,
            progress=progress,
            next_steps=next_steps,
            reported_by=reported_by,
        )
        return save_record(locked, actor=actor, reason="Progress report corrected")


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
        if existing is not None:
            entry.version += 1  # a form opened on the entry before this is now stale
        return save_record(entry, actor=actor, reason="Glossary term defined")


def glossary_term_update(
    *,
    entry: GlossaryTerm,
    term: str,
    meaning: str,
    explanation: str = "",
    is_acronym: bool = True,
    actor,
    expected_version: int | str | None = None,
) -> GlossaryTerm:
    """Change a glossary entry; a form opened before someone else's change is refused, and so
    is renaming it to a term the glossary already defines."""
    term, meaning = term.strip(), " ".join(meaning.split())
    with transaction.atomic():
        locked = lock_for_edit(GlossaryTerm.objects, entry.pk, expected_version)
        other = GlossaryTerm.objects.filter(term=term).exclude(pk=entry.pk).first()
        if other is not None:
            raise ValidationError(
                {
                    "term": f"{term} is already in the glossary as “{other.meaning}”; a term "
                    "has one meaning in this glossary. Change that entry instead."
                }
            )
        locked.term = term
        locked.meaning = meaning
        locked.explanation = explanation.strip()
        locked.is_acronym = is_acronym
        return save_record(locked, actor=actor, reason="Glossary entry changed")
