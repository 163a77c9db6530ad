"""Reading resolutions as a given user may see them, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.db.models.query import ModelIterable

from decisions.access import can_print_resolution_text
from decisions.models import NamedVote, Ratification, Resolution
from meetings.access import (
    bodies_recorded_by,
    can_record_for,
    can_see_item_content,
    meeting_visible_q,
)
from meetings.models import AgendaItem, Declaration, Meeting, Supplement

HELD = {Meeting.Status.HELD, Meeting.Status.MINUTES_DRAFTED, Meeting.Status.MINUTES_APPROVED}

RELATED = ("body", "meeting__body", "item")
# The links most resolutions lack are read by a query each, and only when some row has them:
# as outer joins they multiplied PostgreSQL's planning time (10 ms for a page of 25).
LINKED = (
    "recommended_to",
    Prefetch("acts_on", queryset=Resolution.objects.select_related("body", "meeting__body")),
    # A late item's supplementary agenda decides who sees it (meetings.access.can_see_item).
    Prefetch("item__supplement", queryset=Supplement.objects.select_related("meeting__body")),
)


class _ItemsShareTheirMeeting(ModelIterable):
    """A resolution is recorded at its item's meeting: the item is given the meeting already
    read with the resolution rather than joining the meeting and its body a second time."""

    def __iter__(self):
        for resolution in super().__iter__():
            loaded = resolution._state.fields_cache
            item, meeting = loaded.get("item"), loaded.get("meeting")
            if item is not None and meeting is not None and item.meeting_id == meeting.pk:
                item.meeting = meeting
            yield resolution


def with_links(resolutions: QuerySet[Resolution]) -> QuerySet[Resolution]:
    """The resolutions with their body, meeting, item and links read in a fixed number of
    queries (two more at most), whatever the number of rows."""
    resolutions = resolutions.select_related(*RELATED).prefetch_related(*LINKED)
    resolutions._iterable_class = _ItemsShareTheirMeeting
    return resolutions


@dataclass
class ResolutionView:
    """One resolution as a given user may see it: its text, or the exempt notice only."""

    resolution: Resolution
    can_see_text: bool
    can_edit: bool = False
    declarations: list[Declaration] = field(default_factory=list)
    named_votes: list[NamedVote] = field(default_factory=list)
    acted_on_by: list[Resolution] = field(default_factory=list)
    # Why its item and kind can no longer be corrected nor it be withdrawn ("" if they can).
    refile_refusal: str = "withdrawn"

    @property
    def is_withdrawn(self) -> bool:
        return self.resolution.status == Resolution.Status.WITHDRAWN

    @property
    def can_withdraw(self) -> bool:
        return self.can_edit and not self.refile_refusal

    @property
    def parts(self) -> list[str]:
        return self.resolution.part_list if self.can_see_text else []

    @property
    def preamble(self) -> str:
        return self.resolution.preamble if self.can_see_text else ""

    @property
    def first_part(self) -> str:
        parts = self.parts
        return parts[0] if parts else ""

    @property
    def exempt_notice(self) -> str:
        item = self.resolution.item
        return item.exempt_notice if not self.can_see_text and item.is_exempt else ""


def visible_resolutions(user) -> QuerySet[Resolution]:
    """Resolutions whose meeting the user may see (the text is a further question)."""
    return with_links(Resolution.objects.filter(meeting_visible_q(user, prefix="meeting__")))


def resolution_views(user, resolutions: Iterable[Resolution]) -> list[ResolutionView]:
    """Views of resolutions loaded through `with_links`: no queries of their own,
    but for a clerk one a meeting held in common (its sitting bodies)."""
    meetings: dict[int, Meeting] = {}
    views = []
    for r in resolutions:
        # One meeting object a meeting: its sitting bodies are read once.
        r.meeting = meetings.setdefault(r.meeting_id, r.meeting)
        views.append(
            ResolutionView(
                resolution=r,
                can_see_text=can_see_item_content(user, r.item),
                can_edit=can_record_for(user, r.meeting, r.body),
            )
        )
    return views


def _with_details(user, resolutions: QuerySet[Resolution]) -> list[ResolutionView]:
    routed = Ratification.objects.filter(resolution=OuterRef("pk")).exclude(
        status=Ratification.Status.WITHDRAWN
    )
    resolutions = list(
        with_links(resolutions)
        .annotate(routed=Exists(routed))
        .prefetch_related(
            Prefetch("named_votes", queryset=NamedVote.objects.select_related("person")),
            # Sorted here, not by the database: asked to sort, SQLite (with statistics) reads
            # every resolution in that order rather than the few that act on these.
            Prefetch("acted_on_by", queryset=Resolution.objects.select_related("body").order_by()),
        )
    )
    item_ids = {r.item_id for r in resolutions}
    declarations: dict[int, list[Declaration]] = {}
    for declaration in Declaration.objects.filter(item_id__in=item_ids).select_related("person"):
        declarations.setdefault(declaration.item_id, []).append(declaration)
    views = resolution_views(user, resolutions)
    for view in views:
        r = view.resolution
        view.declarations = declarations.get(r.item_id, [])
        view.named_votes = list(r.named_votes.all())
        view.acted_on_by = sorted(
            r.acted_on_by.all(), key=lambda later: (later.year, later.number)
        )
        view.refile_refusal = _refile_refusal(r, view.acted_on_by)
    return views


def _refile_refusal(r: Resolution, acted_on_by: list[Resolution]) -> str:
    """`correction_refusal` (decisions.services.resolutions) from what is already loaded."""
    if r.status == Resolution.Status.WITHDRAWN:
        return "withdrawn"
    if r.meeting.status == Meeting.Status.MINUTES_APPROVED:
        return "minutes approved"
    if r.status not in Resolution.FRESH_STATUSES:
        return "followed up"
    if r.routed or acted_on_by or (r.acts_on_id and r.act != Resolution.Act.AMENDS):
        return "followed up"
    return ""


def resolution_summary(user, resolution: Resolution) -> ResolutionView:
    """One resolution with its vote, named votes, declarations and later resolutions."""
    return _with_details(user, Resolution.objects.filter(pk=resolution.pk))[0]


def item_resolutions(user, item: AgendaItem) -> list[ResolutionView]:
    """The resolutions made on one agenda item, oldest first."""
    return _with_details(user, item.resolutions.order_by("year", "number"))


@dataclass
class MeetingResolutions:
    """The resolutions of a meeting, by agenda item, for its page."""

    meeting: Meeting
    can_record: bool
    by_item: dict[int, list[ResolutionView]]

    def for_item(self, item: AgendaItem) -> list[ResolutionView]:
        return self.by_item.get(item.pk, [])


def meeting_resolutions(user, meeting: Meeting) -> MeetingResolutions:
    """Every resolution of the meeting with its details, grouped by item (fixed query count).

    The caller has already checked that the user may see the meeting.
    """
    views = _with_details(user, meeting.resolutions.order_by("year", "number"))
    by_item: dict[int, list[ResolutionView]] = {}
    for view in views:
        by_item.setdefault(view.resolution.item_id, []).append(view)
    return MeetingResolutions(
        meeting=meeting,
        can_record=meeting.status in HELD and bool(bodies_recorded_by(user, meeting)),
        by_item=by_item,
    )


def printed_resolutions(meeting: Meeting, *, members_edition: bool) -> MeetingResolutions:
    """Every resolution of the meeting as an edition of its minutes prints it, by item: Part II
    text only in the members' edition (fixed query count)."""
    views = _with_details(AnonymousUser(), meeting.resolutions.order_by("year", "number"))
    by_item: dict[int, list[ResolutionView]] = {}
    for view in views:
        view.can_edit = False
        view.can_see_text = can_print_resolution_text(
            view.resolution, members_edition=members_edition
        )
        by_item.setdefault(view.resolution.item_id, []).append(view)
    return MeetingResolutions(meeting=meeting, can_record=False, by_item=by_item)
