"""Objectives and progress from the seeds: the Wiltshire Alliance's Neighbourhood
Collaboratives objectives 22/23 and their progress in October 2022 (seed 004, which gives no RAG
ratings, so none is recorded), and the three chapters of Herefordshire and Worcestershire's
Integrated Care Strategy (seed 001). Text from governance/demo_data/objectives.json.

So that the objectives page shows a RAG history, two of the Wiltshire objectives also carry
later, rated periods marked in their text as illustrative, not from the seeds."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from governance.models import Objective, Partnership, ProgressReport
from governance.services.objectives import objective_create, progress_report_record

DATA = Path(__file__).resolve().parent.parent / "demo_data" / "objectives.json"


def load() -> None:
    """Create what is missing, through the services; safe to run again."""
    for plan in json.loads(DATA.read_text(encoding="utf-8"))["partnerships"]:
        partnership = Partnership.objects.get(slug=plan["partnership"])
        period = plan.get("period")
        for entry in plan["objectives"]:
            objective = Objective.objects.filter(
                partnership=partnership, reference=entry["reference"]
            ).first() or objective_create(
                partnership=partnership,
                reference=entry["reference"],
                title=entry["title"],
                owner=entry.get("owner") or plan["owner"],
                source=plan["source"],
                starts=date.fromisoformat(plan["starts"]),
                ends=date.fromisoformat(plan["ends"]),
                measures="\n".join(entry["measures"]),
                actor=None,
            )
            for extra in plan.get("illustrative_progress", []):
                if extra["reference"] == entry["reference"]:
                    _report(objective, extra, plan["owner"])
            progress = entry.get("progress")
            if progress is None or period is None:
                continue
            start = date.fromisoformat(period["start"])
            if ProgressReport.objects.filter(objective=objective, period_start=start).exists():
                continue
            progress_report_record(
                objective=objective,
                period_start=start,
                period_end=date.fromisoformat(period["end"]),
                progress=progress["progress"],
                next_steps="\n".join(progress["next_steps"]),
                reported_by=period["reported_by"],
                actor=None,
            )


def _report(objective: Objective, entry: dict, reported_by: str) -> None:
    """One illustrative, rated period, once."""
    start = date.fromisoformat(entry["start"])
    if ProgressReport.objects.filter(objective=objective, period_start=start).exists():
        return
    progress_report_record(
        objective=objective,
        period_start=start,
        period_end=date.fromisoformat(entry["end"]),
        rag=entry["rag"],
        progress=entry["progress"],
        reported_by=reported_by,
        actor=None,
    )
