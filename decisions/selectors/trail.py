"""The decision trail: one dated timeline of everything that happened to a resolution.

`decision_trail(resolution, user)` reads the work programme entry, the report, the agenda, the
meeting, the resolution and its vote, the minute, the ratifications, the actions, the
resolutions that act on it (and the one it acts on) and the scrutiny recommendations about
it, each with its change history, in a fixed number of queries whatever their number.

The Part II rule (meetings.access): a viewer who may not see the item's content sees the
item's title and "Exempt: paragraph N of Schedule 12A" in place of the report, the
resolution's parts, the minute, revision summaries and action text — and in place of the
values of those fields in the change history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from decisions.access import withheld_fields
from decisions.models import (
    Action,
    ActionNote,
    CallIn,
    DecisionNotice,
    ForwardPlanEntry,
    NamedVote,
    Ratification,
    Resolution,
    ScrutinyRecommendation,
    ratification_effect,
    ratification_progress,
    ratifications_awaiting_effect,
)
from decisions.selectors.ratifications import RatificationBar, ratification_bar
from decisions.selectors.resolutions import with_links
from ics_portal.common.changes import Entry, changes_for, history_url, related_names
from meetings.access import (
    can_see_item_content,
    can_see_meeting,
    meeting_visible_q,
    minute_visible_to,
)
from meetings.models import (
    AgendaItem,
    AgendaRevision,
    Attendance,
    Declaration,
    Meeting,
    Minute,
    Report,
    WorkProgrammeEntry,
)
from meetings.quorum import Quorum, meeting_quorum, members_on

Value = str | list[str]

# GOV.UK tag colours for statuses (absent: the default blue tag).
TAG_COLOURS = {
    Resolution.Status.AWAITING_RATIFICATION: "yellow",
    Resolution.Status.RATIFIED: "green",
    Resolution.Status.TO_ROUTE: "grey",
    Resolution.Status.REJECTED: "red",
    Resolution.Status.AMENDMENT_TO_RECONSIDER: "orange",
    Resolution.Status.IMPLEMENTED: "green",
    Resolution.Status.RESCINDED: "grey",
    Resolution.Status.WITHDRAWN: "grey",
    Ratification.Status.REQUESTED: "grey",
    Ratification.Status.SCHEDULED: "light-blue",
    Ratification.Status.RATIFIED_WITH_AMENDMENT: "turquoise",
    Ratification.Status.WITHDRAWN: "grey",
    Action.Status.OPEN: "grey",
    Action.Status.IN_PROGRESS: "light-blue",
    Action.Status.DONE: "green",
    Action.Status.CANCELLED: "grey",
    ScrutinyRecommendation.Status.AWAITING_RESPONSE: "yellow",
    ScrutinyRecommendation.Status.RESPONDED: "light-blue",
    ScrutinyRecommendation.Status.ACCEPTED: "green",
}

QUORUM_COLOURS = {"Quorate": "green", "Not quorate": "red"}

# Order of events on the same day: the story as it unfolds.
RANK = {
    "work_programme": 0,
    "report": 1,
    "agenda": 2,
    "revision": 3,
    "acts_on": 4,
    "meeting": 5,
    "resolution": 6,
    "minute": 7,
    "forward_plan": 8,
    "ratification": 9,
    "notice": 10,
    "call_in": 11,
    "call_in_outcome": 12,
    "took_effect": 13,
    "action": 14,
    "later_resolution": 15,
    "scrutiny": 16,
}


@dataclass
class Tag:
    label: str
    colour: str = ""


@dataclass
class Link:
    label: str
    url: str


@dataclass
class HistoryBlock:
    """The change history of one record shown in an event."""

    label: str
    entries: list[Entry]
    url: str = ""


@dataclass
class Event:
    """One dated step of the trail, with what is known about it and its records' history."""

    kind: str
    title: str
    when: date | datetime
    anchor: str
    tags: list[Tag] = field(default_factory=list)
    details: list[tuple[str, Value]] = field(default_factory=list)
    withheld: str = ""
    links: list[Link] = field(default_factory=list)
    history: list[HistoryBlock] = field(default_factory=list)
    order: int = 0

    @property
    def has_time(self) -> bool:
        return isinstance(self.when, datetime)

    @property
    def day(self) -> date:
        if isinstance(self.when, datetime):
            return timezone.localtime(self.when).date()
        return self.when

    @property
    def sort_key(self) -> tuple:
        moment = (
            timezone.localtime(self.when).time() if isinstance(self.when, datetime) else time(0)
        )
        return (self.day, RANK[self.kind], moment, self.order)

    @property
    def rows(self) -> list[tuple[str, Value, bool]]:
        """The details as (label, value, whether the value is a list of lines)."""
        return [(label, value, isinstance(value, list)) for label, value in self.details]

    @property
    def change_count(self) -> int:
        return sum(len(block.entries) for block in self.history)


@dataclass
class Trail:
    """A resolution's whole story, as one viewer may see it."""

    resolution: Resolution
    can_see_content: bool
    exempt_notice: str
    parts: list[str]
    preamble: str
    ratifications: list[Ratification]
    events: list[Event]
    report: Report | None
    status_colour: str = ""
    # Ratifications whose executive decision has not yet taken effect.
    awaiting_effect: frozenset[int] = frozenset()

    @property
    def ratified_count(self) -> int:
        final_ok = {Ratification.Status.RATIFIED, Ratification.Status.RATIFIED_WITH_AMENDMENT}
        return sum(1 for r in self.ratifications if r.status in final_ok)

    @property
    def ratification_bar(self) -> RatificationBar:
        return ratification_bar(self.ratifications, self.awaiting_effect)

    @property
    def ratification_progress(self) -> str:
        if not self.ratifications:
            return ""
        return ratification_progress(self.ratifications, self.awaiting_effect)


def _one(obj: models.Model, name: str):
    try:
        return getattr(obj, name)
    except ObjectDoesNotExist:
        return None


def _person(person) -> str:
    return str(person) if person is not None else ""


def _day(value: date | None) -> str:
    return f"{value:%-d %B %Y}" if value else ""


def _yes(flag: bool) -> str:
    return "Yes" if flag else "No"


# Whether the resolution has any of the records most resolutions have none of: asked in the
# query that loads it, so that the trail does not ask for each kind in turn.
PRESENCE = {
    "has_ratifications": Exists(Ratification.objects.filter(resolution=OuterRef("pk"))),
    "has_plan_entries": Exists(ForwardPlanEntry.objects.filter(resolution=OuterRef("pk"))),
    "has_notices": Exists(DecisionNotice.objects.filter(ratification__resolution=OuterRef("pk"))),
    "has_named_votes": Exists(NamedVote.objects.filter(resolution=OuterRef("pk"))),
    "has_actions": Exists(Action.objects.filter(resolution=OuterRef("pk"))),
    "has_later": Exists(Resolution.objects.filter(acts_on=OuterRef("pk"))),
    "has_recommendations": Exists(
        ScrutinyRecommendation.objects.filter(resolution=OuterRef("pk"))
    ),
    "has_revisions": Exists(AgendaRevision.objects.filter(item=OuterRef("item_id"))),
}


def _rows(resolution: Resolution, presence: str, rows: models.QuerySet) -> list:
    """The rows, without a query where `load_resolution` found there are none."""
    return list(rows) if getattr(resolution, presence, True) else []


def load_resolution(pk: int, user) -> Resolution:
    """The resolution with what the trail needs joined in; 404 if its meeting is not visible."""
    resolution = (
        with_links(Resolution.objects.filter(pk=pk))
        .select_related("item__work_programme_entry", "item__report", "item__minute")
        .annotate(**PRESENCE)
        .first()
    )
    if resolution is None or not can_see_meeting(user, resolution.meeting):
        raise Http404("No such decision")
    return resolution


class _History:
    """History rows of every record on the trail: one query per model, then one per model
    they point at."""

    def __init__(self, user, notice: str) -> None:
        self.wanted: dict[type[models.Model], dict[int, models.Model]] = {}
        self.user = user
        self.notice = notice
        self.rows: dict[type[models.Model], list] = {}
        self.entries: dict[type[models.Model], dict[int, list[Entry]]] = {}

    def want(self, model: type[models.Model], *objects: models.Model | None) -> None:
        self.wanted.setdefault(model, {}).update((o.pk, o) for o in objects if o is not None)

    def hidden(self, obj: models.Model) -> frozenset[str]:
        """The fields of a record on the trail that the viewer may not see."""
        return withheld_fields(self.user, obj)

    def load(self) -> None:
        for model, objects in self.wanted.items():
            if not objects:
                continue
            self.rows[model] = list(
                model.history.filter(id__in=objects).select_related("history_user")
            )
        related = related_names(self.rows.items())
        for model, rows in self.rows.items():
            objects = self.wanted[model]
            self.entries[model] = changes_for(
                model,
                rows,
                related=related,
                withhold=lambda pk, objects=objects: self.hidden(objects[pk]),
                withheld_text=self.notice,
            )

    def block(self, label: str, obj: models.Model | None, url: bool = True) -> list[HistoryBlock]:
        if obj is None:
            return []
        entries = self.entries.get(type(obj), {}).get(obj.pk, [])
        if not entries:
            return []
        return [HistoryBlock(label, entries, history_url(obj) if url else "")]

    def created(self, obj: models.Model | None) -> datetime | None:
        """When the record was first saved, from its history."""
        if obj is None:
            return None
        entries = self.entries.get(type(obj), {}).get(obj.pk, [])
        return entries[-1].when if entries else None


def decision_trail(resolution: Resolution, user) -> Trail:
    """Everything that happened to the resolution, oldest first, as this user may see it.

    Load the resolution with `load_resolution` (which also checks that its meeting is visible).
    """
    item: AgendaItem = resolution.item
    meeting: Meeting = resolution.meeting
    can_see = can_see_item_content(user, item)
    notice = item.exempt_notice if item.is_exempt else "Withheld"
    withheld_notice = "" if can_see else notice

    entry: WorkProgrammeEntry | None = item.work_programme_entry
    report: Report | None = _one(item, "report")
    minute: Minute | None = _one(item, "minute")
    minute_readable = minute is not None and minute_visible_to(user, item, meeting)

    ratifications = _rows(
        resolution,
        "has_ratifications",
        resolution.ratifications.select_related("organisation", "ratifying_body").order_by(
            "organisation__name"
        ),
    )
    plan_entries = _rows(
        resolution,
        "has_plan_entries",
        resolution.forward_plan_entries.select_related(
            "organisation", "decision_maker_body"
        ).order_by("first_published", "pk"),
    )
    notices = _rows(
        resolution,
        "has_notices",
        DecisionNotice.objects.filter(ratification__resolution=resolution)
        .select_related(
            "organisation",
            "decision_maker_body",
            "call_in__scrutiny_body",
            "ratification__resolution__item__meeting__body",
        )
        .order_by("published_on", "pk"),
    )
    call_ins = [n.call_in_or_none() for n in notices if n.call_in_or_none() is not None]
    today = timezone.localdate()
    latest = {notice.ratification_id: notice for notice in notices}
    awaiting_effect = ratifications_awaiting_effect(ratifications, notices, plan_entries, today)
    for ratification in ratifications:
        ratification.notice = latest.get(ratification.pk)
        ratification.effect = ratification_effect(
            ratification, ratification.notice, ratification.pk in awaiting_effect
        )
    named_votes = _rows(
        resolution, "has_named_votes", resolution.named_votes.select_related("person")
    )
    actions = _rows(
        resolution,
        "has_actions",
        resolution.actions.select_related("body", "item__meeting__body").prefetch_related(
            models.Prefetch(
                "notes", queryset=ActionNote.objects.select_related("written_by").order_by("pk")
            )
        ),
    )
    later = _rows(
        resolution,
        "has_later",
        resolution.acted_on_by.filter(meeting_visible_q(user, prefix="meeting__"))
        .select_related("body", "meeting__body", "item")
        .order_by("meeting__start", "pk"),
    )
    earlier = resolution.acts_on
    if earlier is not None and not can_see_meeting(user, earlier.meeting):
        earlier = None
    recommendations = _rows(
        resolution,
        "has_recommendations",
        resolution.scrutiny_recommendations.select_related(
            "scrutiny_body", "to_organisation", "to_body"
        ).order_by("sent_on", "pk"),
    )
    revisions = _rows(resolution, "has_revisions", item.revisions.select_related("made_by"))
    attendance = list(meeting.attendance.select_related("person", "substitute"))
    declarations = list(item.declarations.select_related("person").order_by("person__name"))
    memberships = list(members_on(meeting.body_id, meeting.date))
    quorum = meeting_quorum(meeting, attendance=attendance, memberships=memberships)

    history = _History(user, notice=notice)
    history.want(WorkProgrammeEntry, entry)
    history.want(Report, report)
    history.want(AgendaItem, item)
    history.want(AgendaRevision, *revisions)
    history.want(Meeting, meeting)
    history.want(Attendance, *attendance)
    history.want(Declaration, *declarations)
    history.want(Resolution, resolution)
    history.want(NamedVote, *named_votes)
    history.want(Minute, minute)
    history.want(Ratification, *ratifications)
    history.want(ForwardPlanEntry, *plan_entries)
    history.want(DecisionNotice, *notices)
    history.want(CallIn, *call_ins)
    history.want(Action, *actions)
    history.want(ActionNote, *[note for action in actions for note in action.notes.all()])
    history.want(ScrutinyRecommendation, *recommendations)
    history.load()

    events: list[Event] = []

    if entry is not None:
        events.append(_work_programme_event(entry, history, meeting))
    if report is not None:
        events.append(_report_event(item, report, can_see, notice, history, meeting))
    if meeting.agenda_published_at is not None:
        events.append(_agenda_event(item, meeting, history))
    for index, revision in enumerate(revisions):
        events.append(
            Event(
                kind="revision",
                title="Supplementary or revised report published",
                when=revision.made_at,
                anchor=f"revision-{revision.pk}",
                details=[("Made by", _person_user(revision.made_by))]
                + ([] if not can_see else [("What changed", revision.summary)]),
                withheld=withheld_notice,
                history=history.block("Revision", revision, url=can_see),
                order=index,
            )
        )
    if earlier is not None:
        events.append(_acts_on_event(resolution, earlier))
    events.append(_meeting_event(meeting, item, attendance, declarations, quorum, history))
    events.append(_resolution_event(resolution, can_see, notice, named_votes, history))
    if minute is not None:
        events.append(_minute_event(item, meeting, minute, minute_readable, notice, history))
    for index, ratification in enumerate(ratifications):
        events.append(_ratification_event(ratification, history, index))
    for index, plan_entry in enumerate(plan_entries):
        events.append(_forward_plan_event(plan_entry, history, index))
    for index, notice in enumerate(notices):
        events += _notice_events(notice, history, index, today)
    for index, action in enumerate(actions):
        events.append(_action_event(action, can_see, notice, history, index))
    for index, other in enumerate(later):
        events.append(_later_event(other, index))
    for index, recommendation in enumerate(recommendations):
        events.append(_scrutiny_event(recommendation, history, index))

    events.sort(key=lambda event: event.sort_key)
    return Trail(
        resolution=resolution,
        can_see_content=can_see,
        exempt_notice=withheld_notice,
        parts=numbered(resolution.part_list) if can_see else [],
        preamble=resolution.preamble if can_see else "",
        ratifications=ratifications,
        events=events,
        report=report if can_see else None,
        status_colour=TAG_COLOURS.get(resolution.status, ""),
        awaiting_effect=awaiting_effect,
    )


def numbered(parts: list[str]) -> list[str]:
    """The parts of a resolution as the minutes number them: "1) …", "2) …"."""
    return [f"{number}) {part}" for number, part in enumerate(parts, start=1)]


def _person_user(user) -> str:
    if user is None:
        return "System"
    return user.get_full_name() or user.username


def _tag(status: str, label: str) -> Tag:
    return Tag(label, TAG_COLOURS.get(status, ""))


def _before_agenda(
    created: datetime | None, meeting: Meeting
) -> tuple[datetime, list[tuple[str, Value]]]:
    """When a record that fed the agenda was made: its first save, but no later than the agenda
    (records typed in after the fact are placed at the agenda, with their real date noted)."""
    limit = meeting.agenda_published_at or meeting.start
    if created is None:
        return limit, []
    if created <= limit:
        return created, []
    return limit, [("Recorded on the portal", f"{timezone.localtime(created):%-d %B %Y}")]


def _work_programme_event(entry: WorkProgrammeEntry, history: _History, meeting) -> Event:
    when, recorded = _before_agenda(history.created(entry), meeting)
    details: list[tuple[str, Value]] = [
        ("Planned for", _day(entry.planned_for)),
        ("Lead officer", entry.lead_officer),
        ("Report author", entry.report_author),
        ("Summary", entry.summary),
        *recorded,
    ]
    return Event(
        kind="work_programme",
        title=f"Planned in the work programme: {entry.title}",
        when=when,
        anchor=f"work-programme-{entry.pk}",
        tags=[Tag(entry.get_status_display())],
        details=[(k, v) for k, v in details if v],
        links=[Link("Work programme", entry.get_absolute_url())],
        history=history.block("Work programme entry", entry),
    )


def _report_event(
    item: AgendaItem, report: Report, can_see: bool, notice: str, history: _History, meeting
) -> Event:
    when, recorded = _before_agenda(history.created(report), meeting)
    links = [
        Link("Agenda item", reverse("meetings:item_detail", args=[meeting.pk, item.position]))
    ]
    if not can_see:
        return Event(
            kind="report",
            title=f"Report written: {item.title}",
            when=when,
            anchor="report",
            withheld=notice,
            links=links,
            history=history.block("Report", report, url=False),
        )
    details: list[tuple[str, Value]] = [
        ("Title", report.title),
        (
            "Author",
            report.author + (f" ({report.author_contact})" if report.author_contact else ""),
        ),
        ("Purpose", report.purpose),
        ("Recommendations", report.recommendation_list),
        *recorded,
    ]
    if report.presenting_officer:
        details.append(("Presented by", report.presenting_officer))
    links.append(
        Link(
            "Report as PDF",
            reverse("meetings:report_pdf", args=[meeting.pk, item.position]),
        )
    )
    return Event(
        kind="report",
        title=f"Report written: {report.title}",
        when=when,
        anchor="report",
        details=details,
        links=links,
        history=history.block("Report", report),
    )


def _agenda_event(item: AgendaItem, meeting: Meeting, history: _History) -> Event:
    details: list[tuple[str, Value]] = [
        ("Item", f"{item.position}. {item.title}"),
        ("Part", item.exempt_notice if item.is_exempt else "Part I (public)"),
    ]
    if item.purpose:
        details.append(("Purpose", item.get_purpose_display()))
    if item.lead_officer:
        details.append(("Lead officer", item.lead_officer))
    title, when = "Agenda published", meeting.agenda_published_at
    supplement = item.supplement if item.supplement_id is not None else None
    if supplement is not None and supplement.is_published:
        # Late business: announced on its supplementary agenda, with the reason for urgency.
        title, when = f"{supplement} published", supplement.published_at
        details.append(("Reason for urgency", supplement.reason))
    elif meeting.late_publication_reason:
        details.append(("Published late because", meeting.late_publication_reason))
    return Event(
        kind="agenda",
        title=title,
        when=when,
        anchor="agenda",
        tags=[Tag("Part II", "orange")] if item.is_exempt else [],
        details=details,
        links=[Link("Meeting and agenda", meeting.get_absolute_url())],
        history=history.block("Agenda item", item),
    )


def _meeting_event(
    meeting: Meeting,
    item: AgendaItem,
    attendance: list[Attendance],
    declarations: list[Declaration],
    quorum: Quorum,
    history: _History,
) -> Event:
    status = Attendance.Status
    present = [_person(r.person) for r in attendance if r.status == status.PRESENT]
    substitutes = [
        f"{r.substitute} for {r.person}" for r in attendance if r.status == status.SUBSTITUTED
    ]
    apologies = [
        _person(r.person) + (f" ({r.note})" if r.note else "")
        for r in attendance
        if r.status == status.APOLOGIES
    ]
    absent = [_person(r.person) for r in attendance if r.status == status.ABSENT]
    officers = [
        _person(r.person) + (f", {r.person.job_title}" if r.person.job_title else "")
        for r in attendance
        if r.status == status.OFFICER
    ]
    details: list[tuple[str, Value]] = []
    if attendance:
        details += [
            ("Present", present or "None"),
            ("Substitutes", substitutes or "None"),
            ("Apologies", apologies or "None"),
            ("Absent", absent or "None"),
            ("Officers in attendance", officers or "None"),
        ]
    else:
        details.append(("Attendance", "Not recorded"))
    if quorum.quorate:
        details.append(("Quorum", "Quorate" + _quorum_rule(quorum)))
    elif quorum.checked:
        details.append(("Quorum", ["Not quorate" + _quorum_rule(quorum), *quorum.reasons]))
    else:  # no attendance, no terms, or not yet held: nothing to call it "not quorate" on
        details.append(("Quorum", quorum.verdict))
    details.append(
        (
            "Declarations of interest on this item",
            [
                f"{d.person}: {d.get_kind_display()} – "
                f"{item.exempt_notice if 'description' in history.hidden(d) else d.description} "
                f"({d.get_action_display()})"
                + (f". {d.dispensation_summary}." if d.has_dispensation else "")
                for d in declarations
            ]
            or "None",
        )
    )
    blocks = history.block("Meeting", meeting)
    for row in attendance:
        blocks += history.block(f"Attendance of {row.person}", row)
    for declaration in declarations:
        blocks += history.block(f"Declaration by {declaration.person}", declaration)
    return Event(
        kind="meeting",
        title=f"Meeting of the {meeting.body.name}",
        when=meeting.start,
        anchor="meeting",
        tags=[Tag(quorum.verdict, QUORUM_COLOURS.get(quorum.verdict, "grey"))],
        details=details,
        links=[
            Link("Meeting", meeting.get_absolute_url()),
            Link("Agenda item", reverse("meetings:item_detail", args=[meeting.pk, item.position])),
        ],
        history=blocks,
    )


def _quorum_rule(quorum: Quorum) -> str:
    if quorum.terms is None:
        return ""
    return f" (quorum: {quorum.terms.quorum_in_words})"


def _vote(resolution: Resolution) -> str:
    if not resolution.vote_taken:
        return "No vote taken (agreed by consensus)"
    return (
        f"For {resolution.votes_for or 0}, against {resolution.votes_against or 0}, "
        f"abstentions {resolution.abstentions or 0}"
    )


def _resolution_event(
    resolution: Resolution,
    can_see: bool,
    notice: str,
    named_votes: list[NamedVote],
    history: _History,
) -> Event:
    details: list[tuple[str, Value]] = [
        ("Reference", str(resolution)),
        ("Kind", resolution.get_kind_display()),
    ]
    if can_see:
        if resolution.preamble:
            details.append(("Preamble", resolution.preamble))
        details.append(("Resolved", numbered(resolution.part_list)))
    if resolution.recommended_to is not None:
        details.append(("Recommended to", resolution.recommended_to.name))
    details.append(("Vote", _vote(resolution)))
    if named_votes:
        details.append(
            ("Named votes", [f"{vote.person}: {vote.get_vote_display()}" for vote in named_votes])
        )
    blocks = history.block("Resolution", resolution)
    for vote in named_votes:
        blocks += history.block(f"Vote of {vote.person}", vote, url=False)
    return Event(
        kind="resolution",
        title=f"Resolved: {resolution}",
        when=resolution.meeting.start,
        anchor="resolution",
        tags=[_tag(resolution.status, resolution.get_status_display())],
        details=details,
        withheld="" if can_see else notice,
        history=blocks,
    )


def _minute_event(
    item: AgendaItem,
    meeting: Meeting,
    minute: Minute,
    readable: bool,
    notice: str,
    history: _History,
) -> Event:
    approved = meeting.minutes_approved
    details: list[tuple[str, Value]] = []
    withheld = ""
    if readable:
        details.append(("Minute", minute.text))
    elif approved:
        withheld = notice
    else:
        withheld = "The minutes are not yet approved."
    return Event(
        kind="minute",
        title=f"Minuted: item {item.position}",
        when=meeting.start,
        anchor="minute",
        tags=[Tag("Approved", "green") if approved else Tag("Draft", "grey")],
        details=details,
        withheld=withheld,
        history=history.block("Minute", minute, url=readable),
    )


def _shown(obj: models.Model, history: _History, rows: list[tuple[str, str, Value]]):
    """The (label, value) pairs of `rows` (label, field, value) the viewer may see, non-empty."""
    hidden = history.hidden(obj)
    return [(label, value) for label, name, value in rows if value and name not in hidden]


def _ratification_event(ratification: Ratification, history: _History, index: int) -> Event:
    organisation = ratification.organisation
    when: date | datetime = ratification.decided_on or ratification.created
    details = _shown(
        ratification,
        history,
        [
            ("Organisation", "organisation_id", organisation.name),
            (
                "Ratifying body",
                "ratifying_body_id",
                ratification.ratifying_body.name if ratification.ratifying_body else "",
            ),
            ("Due by", "due_date", _day(ratification.due_date)),
            ("Scheduled for", "scheduled_for", ratification.scheduled_for),
            ("Their minute reference", "minute_reference", ratification.minute_reference),
            ("Decided on", "decided_on", _day(ratification.decided_on)),
            ("Amendment", "amendment", ratification.amendment),
            ("Reason", "reason", ratification.reason),
            ("Note", "note", ratification.note),
        ],
    )
    tags = [_tag(ratification.status, ratification.get_status_display())]
    if ratification.is_overdue:
        tags.append(Tag("Overdue", "red"))
    verb = "Ratification" if not ratification.is_final else ratification.get_status_display()
    return Event(
        kind="ratification",
        title=f"{verb}: {organisation.name}",
        when=when,
        anchor=f"ratification-{ratification.pk}",
        tags=tags,
        details=details,
        links=[Link(organisation.name, organisation.get_absolute_url())],
        history=history.block(f"Ratification by {organisation.name}", ratification),
        order=index,
    )


def _forward_plan_event(entry: ForwardPlanEntry, history: _History, index: int) -> Event:
    details = _shown(
        entry,
        history,
        [
            ("Organisation", "organisation_id", entry.organisation.name),
            ("Decision-maker", "decision_maker_role", entry.decision_maker),
            ("Expected", "expected_on", entry.expected),
            ("Key decision", "is_key_decision", _yes(entry.is_key_decision)),
            (
                "In private",
                "in_private",
                f"Yes: paragraph {entry.exempt_paragraph} of Schedule 12A"
                if entry.in_private
                else "No",
            ),
            ("Lead officer", "lead_officer", entry.lead_officer),
            (
                "Exception to the 28 days' notice",
                "urgency",
                entry.get_urgency_display() if entry.urgency else "",
            ),
            ("Why", "urgency_reason", entry.urgency_reason),
            ("Agreed by the scrutiny chair", "scrutiny_chair", entry.scrutiny_chair),
        ],
    )
    tags = [Tag(entry.get_urgency_display(), "orange")] if entry.urgency else []
    return Event(
        kind="forward_plan",
        title=f"In the forward plan: {entry.organisation.name}",
        when=entry.first_published,
        anchor=f"forward-plan-{entry.pk}",
        tags=tags,
        details=details,
        links=[Link(f"Forward plan entry: {entry.title}", entry.get_absolute_url())],
        history=history.block("Forward plan entry", entry),
        order=index,
    )


def _notice_events(
    notice: DecisionNotice, history: _History, index: int, today: date
) -> list[Event]:
    """The notice, any call-in and its outcome, and the day the decision took effect."""
    organisation = notice.organisation.name
    link = Link(f"Decision notice: {notice.title}", notice.get_absolute_url())
    details = _shown(
        notice,
        history,
        [
            ("Decision-maker", "decision_maker_role", notice.decision_maker),
            ("Decided on", "decided_on", _day(notice.decided_on)),
            ("Decision", "decision", notice.decision),
            ("Reasons", "reasons", notice.reasons),
            ("Call-in deadline", "call_in_deadline", _day(notice.call_in_deadline)),
            ("Exempt from call-in as urgent", "urgency_reason", notice.urgency_reason),
        ],
    )
    events = [
        Event(
            kind="notice",
            title=f"Decision notice published: {organisation}",
            when=notice.published_on,
            anchor=f"notice-{notice.pk}",
            tags=[Tag(notice.state(today))],
            details=details,
            links=[link],
            history=history.block("Decision notice", notice),
            order=index,
        )
    ]
    call_in = notice.call_in_or_none()
    if call_in is not None:
        events.append(
            Event(
                kind="call_in",
                title=f"Called in: {organisation}'s decision",
                when=call_in.requested_on,
                anchor=f"call-in-{call_in.pk}",
                tags=[Tag("Called in", "orange")],
                details=_shown(
                    call_in,
                    history,
                    [
                        ("Through", "scrutiny_body_id", call_in.scrutiny_body.name),
                        ("Signed by", "signatories", call_in.signatory_list),
                        ("Reasons", "reasons", call_in.reasons),
                    ],
                ),
                links=[link],
                history=history.block("Call-in", call_in),
                order=index,
            )
        )
        if call_in.outcome:
            events.append(
                Event(
                    kind="call_in_outcome",
                    title=f"Scrutiny outcome: {call_in.get_outcome_display()}",
                    when=call_in.outcome_on,
                    anchor=f"call-in-outcome-{call_in.pk}",
                    details=_shown(
                        call_in, history, [("Note", "outcome_note", call_in.outcome_note)]
                    ),
                    links=[link],
                    order=index,
                )
            )
    if notice.has_taken_effect(today):
        events.append(
            Event(
                kind="took_effect",
                title=f"{organisation}'s decision took effect",
                when=notice.takes_effect_on,
                anchor=f"took-effect-{notice.pk}",
                tags=[Tag("In effect", "green")],
                links=[link],
                order=index,
            )
        )
    return events


def _action_event(
    action: Action, can_see: bool, notice: str, history: _History, index: int
) -> Event:
    notes = list(action.notes.all())
    details: list[tuple[str, Value]] = []
    if can_see:
        details.append(("Action", action.description))
    details += [("Owner", action.owner), ("Due by", _day(action.due_date))]
    if notes:
        details.append(
            (
                "Progress notes",
                [
                    f"{timezone.localtime(n.written_at):%-d %B %Y}, {_person_user(n.written_by)}"
                    + (f": {n.text}" if can_see else "")
                    for n in notes
                ],
            )
        )
    tags = [_tag(action.status, action.get_status_display())]
    if action.is_overdue:
        tags.append(Tag("Overdue", "red"))
    blocks = history.block("Action", action, url=False)
    for note in notes:
        blocks += history.block("Progress note", note, url=False)
    return Event(
        kind="action",
        title=f"Action for {action.owner}",
        when=action.created,
        anchor=f"action-{action.pk}",
        tags=tags,
        details=details,
        withheld="" if can_see else notice,
        history=blocks,
        order=index,
    )


def _acts_on_event(resolution: Resolution, earlier: Resolution) -> Event:
    return Event(
        kind="acts_on",
        title=f"Earlier decision: {earlier}",
        when=earlier.meeting.start,
        anchor="acts-on",
        tags=[_tag(earlier.status, earlier.get_status_display())],
        details=[("This resolution", f"{resolution.get_act_display()} {earlier}")],
        links=[Link(f"Trail of {earlier}", earlier.get_absolute_url())],
    )


def _later_event(other: Resolution, index: int) -> Event:
    return Event(
        kind="later_resolution",
        title=f"{other.get_act_display()} by {other}",
        when=other.meeting.start,
        anchor=f"later-{other.pk}",
        tags=[_tag(other.status, other.get_status_display())],
        details=[
            ("Resolution", str(other)),
            ("Meeting", str(other.meeting)),
            ("Item", f"{other.item.position}. {other.item.title}"),
        ],
        links=[Link(f"Trail of {other}", other.get_absolute_url())],
        order=index,
    )


def _scrutiny_event(
    recommendation: ScrutinyRecommendation, history: _History, index: int
) -> Event:
    to = recommendation.to_organisation or recommendation.to_body
    details = _shown(
        recommendation,
        history,
        [
            ("From", "scrutiny_body_id", recommendation.scrutiny_body.name),
            ("To", "to_body_id", to.name if to else ""),
            ("Reference", "reference", recommendation.reference),
            ("Recommendation", "text", recommendation.text),
            ("Sent on", "sent_on", _day(recommendation.sent_on)),
            ("Regime", "regime", recommendation.get_regime_display()),
            ("Response due by", "response_due", _day(recommendation.response_due)),
            ("Response", "response", recommendation.response),
            ("Responded on", "responded_on", _day(recommendation.responded_on)),
        ],
    )
    tags = [_tag(recommendation.status, recommendation.get_status_display())]
    if recommendation.is_overdue:
        tags.append(Tag("Overdue", "red"))
    links = [
        Link(recommendation.scrutiny_body.name, recommendation.scrutiny_body.get_absolute_url())
    ]
    if to is not None:
        links.append(Link(to.name, to.get_absolute_url()))
    return Event(
        kind="scrutiny",
        title=f"Scrutiny recommendation from the {recommendation.scrutiny_body.name}",
        when=recommendation.sent_on,
        anchor=f"scrutiny-{recommendation.pk}",
        tags=tags,
        details=details,
        links=links,
        history=history.block("Scrutiny recommendation", recommendation),
        order=index,
    )
