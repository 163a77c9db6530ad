"""Reading ratifications: a resolution's routing, a governance lead's to-do list, the dashboard."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from decisions.access import can_record_ratification
from decisions.models import (
    DecisionNotice,
    ForwardPlanEntry,
    Ratification,
    Resolution,
    ratifications_awaiting_effect,
)
from decisions.services.ratifications import default_organisations
from governance.access import can_edit_body, roles
from governance.models import Organisation, Partnership, TermsOfReference
from governance.models.terms import JointDecisions, joint_committee_terms
from meetings.access import meeting_visible_q

S = Ratification.Status
OPEN = [S.REQUESTED, S.SCHEDULED]


def open_q() -> Q:
    return Q(status__in=OPEN)


def overdue_q() -> Q:
    return open_q() & Q(due_date__lt=timezone.localdate())


def visible_ratifications(user) -> QuerySet[Ratification]:
    """Ratifications of resolutions whose meeting the user may see, with what a row shows."""
    return (
        Ratification.objects.filter(meeting_visible_q(user, prefix="resolution__meeting__"))
        .select_related(
            "organisation",
            "ratifying_body",
            "resolution__body",
            "resolution__meeting__body",
            "resolution__item__meeting__body",
        )
        .order_by("due_date", "resolution_id", "organisation__name")
    )


@dataclass(frozen=True)
class RatificationRow:
    """A ratification as the viewer sees it: may they record its outcome (not once it is
    final)?"""

    ratification: Ratification
    can_record: bool


def ratifications_for_resolution(
    resolution: Resolution, user, loaded: list[Ratification] | None = None
) -> list[RatificationRow]:
    """The resolution's routing, one query (none if `loaded` already holds it, with each
    organisation); rows say whether the viewer may record each."""
    ratifications = loaded
    if ratifications is None:
        ratifications = (
            Ratification.objects.filter(resolution=resolution)
            .select_related("organisation", "ratifying_body")
            .order_by("organisation__name")
        )
    return [
        RatificationRow(r, not r.is_final and can_record_ratification(user, r.organisation))
        for r in ratifications
    ]


def my_ratifications(user) -> list[Ratification]:
    """What the user's organisations still have to record, soonest due first."""
    lead_of = roles(user).lead_of
    if not lead_of:
        return []
    return list(visible_ratifications(user).filter(open_q(), organisation_id__in=lead_of))


@dataclass
class Tally:
    """Counts for one organisation or partnership on the dashboard."""

    owner: Organisation | Partnership | None
    awaiting: int = 0
    overdue: int = 0
    rejected: int = 0


@dataclass
class Dashboard:
    organisations: list[Tally] = field(default_factory=list)
    partnerships: list[Tally] = field(default_factory=list)


def _tallies(counts: dict[int, Tally], owners: QuerySet) -> list[Tally]:
    """The owners (those with any ratification), by name, carrying their counts."""
    tallies = []
    for owner in owners.order_by("name"):
        tally = counts.get(owner.pk) or Tally(owner=None)
        tally.owner = owner
        tallies.append(tally)
    return tallies


def dashboard_tallies(user) -> Dashboard:
    """For each organisation and each partnership: awaiting, overdue, rejected. One grouped
    pass over the open and rejected ratifications only (through the status index: in time
    most are decided, and those count nothing), by organisation and partnership at once and
    summed here for each; and one query each for the organisations and partnerships that
    have any ratification the user may see."""
    visible = Ratification.objects.filter(meeting_visible_q(user, prefix="resolution__meeting__"))
    partnership = "resolution__body__partnership_id"
    counts = (
        visible.filter(open_q() | Q(status=S.REJECTED))
        .order_by()
        .values("organisation_id", partnership)
        .annotate(
            awaiting=Count("pk", filter=open_q()),
            overdue=Count("pk", filter=overdue_q()),
            rejected=Count("pk", filter=Q(status=S.REJECTED)),
        )
    )
    by_organisation: dict[int, Tally] = {}
    by_partnership: dict[int, Tally] = {}
    for row in counts:
        for key, totals in (("organisation_id", by_organisation), (partnership, by_partnership)):
            if row[key] is None:
                continue
            tally = totals.setdefault(row[key], Tally(owner=None))
            tally.awaiting += row["awaiting"]
            tally.overdue += row["overdue"]
            tally.rejected += row["rejected"]
    with_any = visible.order_by()
    return Dashboard(
        organisations=_tallies(
            by_organisation,
            Organisation.objects.filter(Exists(with_any.filter(organisation=OuterRef("pk")))),
        ),
        partnerships=_tallies(
            by_partnership,
            Partnership.objects.filter(
                Exists(with_any.filter(resolution__body__partnership=OuterRef("pk")))
            ),
        ),
    )


def filter_ratifications(
    queryset: QuerySet[Ratification],
    *,
    organisation: Organisation | None = None,
    partnership: Partnership | None = None,
    status: str = "",
    overdue: bool = False,
) -> QuerySet[Ratification]:
    if organisation is not None:
        queryset = queryset.filter(organisation=organisation)
    if partnership is not None:
        queryset = queryset.filter(resolution__body__partnership=partnership)
    if status == "awaiting":
        queryset = queryset.filter(open_q())
    elif status:
        queryset = queryset.filter(status=status)
    if overdue:
        queryset = queryset.filter(overdue_q())
    return queryset


def ratifications_panel(
    resolution: Resolution, user, loaded: list[Ratification] | None = None
) -> dict:
    """Context for `decisions/ratifications/_ratifications.html` on the trail page."""
    return {
        "rows": ratifications_for_resolution(resolution, user, loaded),
        "can_route": resolution.can_be_routed and can_edit_body(user, resolution.body),
        "resolution": resolution,
    }


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: its colour key, what it counts, and how many."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class RatificationBar:
    """How far a resolution's ratification has gone: organisations decided of those routed
    (withdrawn routings are not counted), for the progress bar."""

    ratified: int = 0
    amended: int = 0
    rejected: int = 0
    undecided: int = 0

    @property
    def routed(self) -> int:
        return self.ratified + self.amended + self.rejected + self.undecided

    @property
    def decided(self) -> int:
        return self.routed - self.undecided

    @property
    def segments(self) -> list[Segment]:
        return [
            Segment("green", "Ratified", self.ratified),
            Segment("turquoise", "Ratified with amendment", self.amended),
            Segment("red", "Rejected", self.rejected),
            Segment("grey", "Still to decide", self.undecided),
        ]

    @property
    def description(self) -> str:
        """The bar in words: its text alternative."""
        if not self.routed:
            return "Not routed to any organisation for ratification."
        parts = [f"{s.count} {s.label.lower()}" for s in self.segments if s.count]
        return f"{self.decided} of {self.routed} organisations decided: " + ", ".join(parts) + "."


def ratification_bar(
    ratifications: Iterable[Ratification], awaiting_effect: frozenset[int] = frozenset()
) -> RatificationBar:
    """The progress bar of one resolution from its ratifications (no query of its own); one
    in `awaiting_effect` (its executive decision not yet in effect) is still to decide."""
    statuses = [
        S.SCHEDULED if r.pk in awaiting_effect else r.status
        for r in ratifications
        if r.status != S.WITHDRAWN
    ]
    return RatificationBar(
        ratified=statuses.count(S.RATIFIED),
        amended=statuses.count(S.RATIFIED_WITH_AMENDMENT),
        rejected=statuses.count(S.REJECTED),
        undecided=sum(1 for status in statuses if status in OPEN),
    )


@dataclass(frozen=True)
class ResolutionBar:
    resolution: Resolution
    bar: RatificationBar


def dashboard_bars(user, limit: int = 20) -> list[ResolutionBar]:
    """The resolutions the viewer may see that organisations are still deciding (a decision
    not yet in effect, or called in, counts as still to decide), oldest first, each with its
    progress bar: four queries, whatever the number of resolutions."""
    resolutions = list(
        Resolution.objects.filter(
            meeting_visible_q(user, prefix="meeting__"),
            status=Resolution.Status.AWAITING_RATIFICATION,
        )
        .select_related("body", "item")
        .order_by("pk")[:limit]
    )
    ratifications: dict[int, list[Ratification]] = {r.pk: [] for r in resolutions}
    for ratification in Ratification.objects.filter(resolution__in=resolutions).exclude(
        status=S.WITHDRAWN
    ):
        ratifications[ratification.resolution_id].append(ratification)
    notices: dict[int, list[DecisionNotice]] = {r.pk: [] for r in resolutions}
    for notice in (
        DecisionNotice.objects.filter(ratification__resolution__in=resolutions)
        .select_related("call_in", "ratification")
        .order_by("published_on", "pk")
    ):
        notices[notice.ratification.resolution_id].append(notice)
    plans: dict[int, list[ForwardPlanEntry]] = {r.pk: [] for r in resolutions}
    for entry in ForwardPlanEntry.objects.filter(resolution__in=resolutions):
        plans[entry.resolution_id].append(entry)
    bars = []
    for resolution in resolutions:
        mine = ratifications[resolution.pk]
        awaiting = ratifications_awaiting_effect(
            mine, notices[resolution.pk], plans[resolution.pk]
        )
        bar = ratification_bar(mine, awaiting)
        if bar.undecided:
            bars.append(ResolutionBar(resolution, bar))
    return bars


@dataclass(frozen=True)
class BindingOn:
    """A joint committee's decision that binds its member organisations directly."""

    organisations: list[Organisation]
    terms: TermsOfReference


def binding_on(resolution: Resolution) -> BindingOn | None:
    """For a decision of a joint committee whose terms of reference say its decisions bind
    the member organisations directly: those organisations (no routing is needed)."""
    if resolution.kind != Resolution.Kind.DECISION or resolution.status in (
        Resolution.Status.WITHDRAWN,
        Resolution.Status.RESCINDED,
    ):
        return None
    terms = joint_committee_terms(resolution.body)
    if terms is None or terms.joint_decisions != JointDecisions.BINDING:
        return None
    return BindingOn(default_organisations(resolution), terms)
