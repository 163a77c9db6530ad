"""Reads of risk registers: a register's risks and a summary of them by RAG."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from governance.models import Body, Partnership, Rag, Risk
from governance.models.risks import rag_expression


def _register_filter(register: Partnership | Body) -> Q:
    if isinstance(register, Partnership):
        return Q(partnership=register)
    return Q(body=register)


def register_risks(register: Partnership | Body, status: str | None = None) -> QuerySet[Risk]:
    """The risks on a partnership's or body's register, optionally only open or closed ones."""
    risks = Risk.objects.filter(_register_filter(register))
    if status:
        risks = risks.filter(status=status)
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
