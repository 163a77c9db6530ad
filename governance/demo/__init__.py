"""Demo records for the standing structure, from the facts in shared/seeds/."""

from governance.demo import agreements, glossary, objectives, registers, risks, structure, terms


def load() -> dict[str, object]:
    """Create or refresh every governance demo record; returns the records others need."""
    records = structure.load()
    terms.load()
    registers.load()
    risks.load()
    agreements.load()
    objectives.load()
    glossary.load()
    return records
