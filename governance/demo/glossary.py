"""The glossary's terms and acronyms, from the seeds' own glossaries (governance/demo_data)."""

from __future__ import annotations

import json
from pathlib import Path

from governance.services.objectives import glossary_term_define

DATA = Path(__file__).resolve().parent.parent / "demo_data" / "glossary.json"


def load() -> None:
    """Define each term through the glossary's service; safe to run again."""
    for entry in json.loads(DATA.read_text(encoding="utf-8")):
        glossary_term_define(
            term=entry["term"],
            meaning=entry["meaning"],
            explanation=entry["explanation"],
            actor=None,
        )
