"""Reads of risk registers: a register's risks and a summary of them by RAG."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from governance.models import Body, Partnership, Rag, Risk, RiskRating
from governance.models.risks import rag_expression, rag_for_score

FIELDS = ("likelihood", "impact")
TARGET_FIELDS = ("target_likelihood", "target_impact")


def _register_filter(register: Partnership | Body) -> Q:
    if isinstance(register, Partnership):
        return Q(partnership=register)
    return Q(body=register)


def register_risks(
    register: Partnership | Body,
    status: str | None = None,
    *,
    cell: tuple[int, int] | None = None,
    target: bool = False,
) -> QuerySet[Risk]:
    """The risks on a partnership's or body's register, optionally only open or closed ones,
    and only those in one cell (likelihood, impact) of the current or target heat map."""
    risks = Risk.objects.filter(_register_filter(register))
    if status:
        risks = risks.filter(status=status)
    if cell is not None:
        likelihood, impact = TARGET_FIELDS if target else FIELDS
        risks = risks.filter(**{likelihood: cell[0], impact: cell[1]})
    return risks.order_by("reference", "pk")


@dataclass(frozen=True)
class RiskSummary:
    """How many open risks a register holds, by RAG, and how many are past their review date."""

    red: int
    amber: int
    green: int
    overdue: int

    @property
    def total(self) -> int:
        return self.red + self.amber + self.green


def risk_summary(register: Partnership | Body) -> RiskSummary:
    """Open risks on the register counted by RAG, in one query."""
    counts = (
        Risk.objects.filter(_register_filter(register), status=Risk.Status.OPEN)
        .annotate(band=rag_expression())
        .aggregate(
            red=Count("pk", filter=Q(band=Rag.RED)),
            amber=Count("pk", filter=Q(band=Rag.AMBER)),
            green=Count("pk", filter=Q(band=Rag.GREEN)),
            overdue=Count("pk", filter=Q(review_date__lt=timezone.localdate())),
        )
    )
    return RiskSummary(**counts)


SCALE = range(1, 6)
LIKELIHOOD_WORDS = {1: "rare", 2: "unlikely", 3: "possible", 4: "likely", 5: "almost certain"}
IMPACT_WORDS = {1: "negligible", 2: "minor", 3: "moderate", 4: "major", 5: "catastrophic"}


def parse_scale(value: str | None) -> int | None:
    """A likelihood or impact from a query string: 1 to 5, else None."""
    if value is None or not value.isdigit() or int(value) not in SCALE:
        return None
    return int(value)


@dataclass(frozen=True)
class HeatCell:
    """One square of the 5 × 5 matrix: how many risks sit at this likelihood and impact."""

    likelihood: int
    impact: int
    count: int

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def rag(self) -> Rag:
        return rag_for_score(self.score)

    @property
    def label(self) -> str:
        risks = "risk" if self.count == 1 else "risks"
        return (
            f"Likelihood {self.likelihood}, impact {self.impact} "
            f"(score {self.score}, {self.rag.label.lower()}): {self.count} {risks}"
        )


@dataclass(frozen=True)
class HeatMap:
    """Open risks counted per likelihood × impact, on the current or the target rating.

    `rows` run from likelihood 5 (top of the picture) down to 1, each from impact 1 to 5;
    `unplaced` counts the open risks the map cannot place (a stated RAG with no score, or no
    target set)."""

    target: bool
    rows: list[list[HeatCell]]
    unplaced: int

    @property
    def cells(self) -> list[HeatCell]:
        return [cell for row in self.rows for cell in row]

    @property
    def placed(self) -> int:
        return sum(cell.count for cell in self.cells)

    def count(self, likelihood: int, impact: int) -> int:
        return self.rows[5 - likelihood][impact - 1].count

    @property
    def description(self) -> str:
        """The picture in words: its text alternative."""
        rating = "target" if self.target else "current"
        if not self.placed:
            words = f"No open risk has a {rating} likelihood and impact to place on the map."
        else:
            occupied = sorted(
                (c for c in self.cells if c.count), key=lambda c: (-c.score, -c.likelihood)
            )
            words = (
                f"Heat map of the {rating} rating of {self.placed} open "
                f"risk{'s' if self.placed != 1 else ''}: "
                + "; ".join(c.label for c in occupied)
                + "."
            )
        if self.unplaced:
            reason = "a RAG stated without a score" if not self.target else "no target set"
            words += f" {self.unplaced} more not on the map ({reason})."
        return words


def risk_heat_maps(register: Partnership | Body) -> tuple[HeatMap, HeatMap]:
    """The register's open risks on the 5 × 5 matrix by current and by target rating: one
    query, grouped by both ratings at once."""
    rows = list(
        Risk.objects.filter(_register_filter(register), status=Risk.Status.OPEN)
        .order_by()
        .values(*FIELDS, *TARGET_FIELDS)
        .annotate(n=Count("pk"))
    )
    return _heat_map(rows, FIELDS, target=False), _heat_map(rows, TARGET_FIELDS, target=True)


def _heat_map(rows: list[dict], fields: tuple[str, str], *, target: bool) -> HeatMap:
    counts: dict[tuple[int | None, int | None], int] = {}
    for row in rows:
        key = (row[fields[0]], row[fields[1]])
        counts[key] = counts.get(key, 0) + row["n"]
    unplaced = sum(n for (lk, im), n in counts.items() if lk is None or im is None)
    cells = [[HeatCell(lk, im, counts.get((lk, im), 0)) for im in SCALE] for lk in reversed(SCALE)]
    return HeatMap(target=target, rows=cells, unplaced=unplaced)


@dataclass(frozen=True)
class RagPoint:
    """One rating on a RAG-over-time strip: of a risk, or of an objective's progress in a
    period (`how` then names the period)."""

    rated_on: date
    rag: Rag | None
    score: int | None
    how: str = ""

    @property
    def label(self) -> str:
        rag = self.rag.label if self.rag else "Not rated"
        how = self.how or (f"score {self.score}" if self.score is not None else "RAG stated")
        return f"{self.rated_on:%-d %b %Y}: {rag} ({how})"


@dataclass(frozen=True)
class RagStrip:
    """Ratings oldest first, as RAG over time; the picture shows the last few."""

    points: list[RagPoint]
    shown: int = 12
    unrated: str = "This risk has not been rated."

    @property
    def recent(self) -> list[RagPoint]:
        return self.points[-self.shown :]

    @property
    def description(self) -> str:
        if not self.points:
            return self.unrated
        earlier = len(self.points) - len(self.recent)
        words = "RAG over time, oldest first: " + "; ".join(p.label for p in self.recent) + "."
        if earlier:
            words += f" {earlier} earlier rating{'s' if earlier != 1 else ''} in the table."
        return words


def rag_over_time(ratings: Iterable[RiskRating]) -> RagStrip:
    """The strip of a risk's ratings (in any order; no query of its own)."""
    ordered = sorted(ratings, key=lambda r: (r.rated_on, r.pk or 0))
    return RagStrip([RagPoint(r.rated_on, r.rag, r.score) for r in ordered])
