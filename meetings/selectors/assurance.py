"""Reading the board assurance framework of a risk register, for one viewer."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from governance.models import Body, Partnership, Risk
from meetings.access import item_visible_q, withheld_fields
from meetings.models import RiskAssurance


@dataclass(frozen=True)
class RiskAssuranceRow:
    """A risk with the assurance meetings gave on it, newest first."""

    risk: Risk
    assurances: list[RiskAssurance]

    @property
    def latest(self) -> RiskAssurance | None:
        return self.assurances[0] if self.assurances else None


def assurance_framework(user, register: Partnership | Body) -> list[RiskAssuranceRow]:
    """The register's open risks, each with the assurance the user may see (the item, its
    meeting, its resolutions; the note only where the item's content is visible): 3 queries."""
    owner = {"partnership": register} if isinstance(register, Partnership) else {"body": register}
    assurances = (
        RiskAssurance.objects.filter(item_visible_q(user, prefix="item__"))
        .select_related("item__meeting__body", "item__supplement")
        .prefetch_related("item__resolutions")
        .order_by("-item__meeting__start", "pk")
    )
    risks = Risk.objects.filter(status=Risk.Status.OPEN, **owner).prefetch_related(
        Prefetch("assurances", queryset=assurances)
    )
    rows = []
    for risk in risks:
        shown = list(risk.assurances.all())
        for assurance in shown:
            assurance.note_withheld = "note" in withheld_fields(user, assurance)
        rows.append(RiskAssuranceRow(risk=risk, assurances=shown))
    return rows
