""" "Your work": what each signed-in user must do next, with its deadline and a link to do it.

One list per role the user holds (issue 11 item 2): a clerk's agendas to publish, attendance
to record once a meeting has started, reports missing or late, minutes to draft and approve
and ratifications overdue; an officer's reports to write; a governance lead's outcomes to
record and scrutiny recommendations to answer; a scrutiny member's recommendations awaiting a
response and the decisions they are about. Each list is one query (or two), whatever its
length; access rules come from the apps' `access.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from decisions.models import Resolution, ScrutinyRecommendation
from decisions.selectors.ratifications import my_ratifications, overdue_q, visible_ratifications
from governance.access import roles
from meetings.access import meeting_visible_q, report_writable_q
from meetings.models import AgendaItem, Meeting
from meetings.working_days import latest_publication_date

# The longest a list grows on the home page; the rest are reached from the bodies' pages.
LIMIT = 20
UPCOMING = [Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_PUBLISHED]


@dataclass(frozen=True)
class Task:
    """One thing to do: what, for which meeting or decision, by when, and where to do it."""

    action: str
    subject: str
    url: str
    due: date | None = None

    @property
    def is_late(self) -> bool:
        return self.due is not None and self.due < timezone.localdate()


@dataclass
class WorkList:
    """One role's list, soonest due first."""

    heading: str
    tasks: list[Task] = field(default_factory=list)
    empty: str = "Nothing to do."


def _by_due(tasks: list[Task]) -> list[Task]:
    return sorted(tasks, key=lambda task: (task.due is None, task.due or date.min))[:LIMIT]


def _missing_reports(user, scope: Q) -> list[AgendaItem]:
    """Business items of coming meetings that have no report yet, which the user may write."""
    return list(
        AgendaItem.objects.filter(
            scope,
            report_writable_q(user),
            kind=AgendaItem.Kind.BUSINESS,
            report__isnull=True,
            meeting__start__gte=timezone.now(),
            meeting__status__in=UPCOMING,
        )
        .select_related("meeting__body")
        .order_by("meeting__start", "position")[:LIMIT]
    )


def _report_task(item: AgendaItem, action: str) -> Task:
    return Task(
        action=action,
        subject=f"{item.title} – {item.meeting}",
        url=reverse("meetings:report_edit", args=[item.meeting_id, item.position]),
        due=item.meeting.reports_due_by,
    )


def clerk_work(user) -> WorkList | None:
    clerk_of = roles(user).clerk_of
    if not clerk_of:
        return None
    tasks: list[Task] = []
    now = timezone.now()
    meetings = list(
        Meeting.objects.filter(body_id__in=clerk_of)
        .filter(
            Q(status=Meeting.Status.SCHEDULED, start__gte=now)
            | Q(status__in=[Meeting.Status.HELD, Meeting.Status.MINUTES_DRAFTED])
            | Q(status=Meeting.Status.AGENDA_PUBLISHED)
        )
        .select_related("body")
        .order_by("start")
    )
    next_meeting: dict[int, Meeting] = {}
    for meeting in meetings:
        if meeting.status in UPCOMING and meeting.start > now:
            next_meeting.setdefault(meeting.body_id, meeting)
    for meeting in meetings:
        if meeting.status == Meeting.Status.SCHEDULED:
            tasks.append(
                Task(
                    "Publish the agenda",
                    str(meeting),
                    meeting.get_absolute_url(),
                    latest_publication_date(meeting.date),
                )
            )
        elif meeting.status == Meeting.Status.AGENDA_PUBLISHED and meeting.start <= now:
            tasks.append(
                Task(
                    "Record the attendance",
                    str(meeting),
                    reverse("meetings:attendance", args=[meeting.pk]),
                    meeting.date,
                )
            )
        elif meeting.status == Meeting.Status.HELD:
            following = next_meeting.get(meeting.body_id)
            tasks.append(
                Task(
                    "Draft the minutes",
                    str(meeting),
                    reverse("meetings:minutes_edit", args=[meeting.pk]),
                    latest_publication_date(following.date) if following else None,
                )
            )
        elif meeting.status == Meeting.Status.MINUTES_DRAFTED:
            following = next_meeting.get(meeting.body_id)
            tasks.append(
                Task(
                    "Have the minutes approved",
                    str(meeting),
                    following.get_absolute_url() if following else meeting.get_absolute_url(),
                    following.date if following else None,
                )
            )
    for item in _missing_reports(user, Q(meeting__body_id__in=clerk_of)):
        late = item.meeting.reports_due_by < timezone.localdate()
        tasks.append(_report_task(item, "Report late" if late else "Report not in yet"))
    overdue = visible_ratifications(user).filter(overdue_q(), resolution__body_id__in=clerk_of)
    for ratification in overdue[:LIMIT]:
        tasks.append(
            Task(
                f"Chase {ratification.organisation}'s ratification",
                str(ratification.resolution),
                ratification.get_absolute_url(),
                ratification.due_date,
            )
        )
    return WorkList("As clerk", _by_due(tasks), "Nothing is due for the bodies you clerk.")


def officer_work(user) -> WorkList | None:
    mine = roles(user)
    if not mine.officer_of:
        return None
    # The bodies the user clerks are in the clerk's list already.
    items = _missing_reports(user, ~Q(meeting__body_id__in=mine.clerk_of))
    tasks = [_report_task(item, "Write the report") for item in items]
    return WorkList(
        "Reports to write",
        _by_due(tasks),
        "No report is waiting to be written for your organisation's bodies.",
    )


def lead_work(user) -> WorkList | None:
    lead_of = roles(user).lead_of
    if not lead_of:
        return None
    tasks = [
        Task(
            f"Record {ratification.organisation}'s outcome",
            str(ratification.resolution),
            reverse(
                "decisions:ratification_outcome",
                args=[ratification.resolution_id, ratification.pk],
            ),
            ratification.due_date,
        )
        for ratification in my_ratifications(user)[:LIMIT]
    ]
    recommendations = ScrutinyRecommendation.objects.filter(
        to_organisation_id__in=lead_of,
        status=ScrutinyRecommendation.Status.AWAITING_RESPONSE,
    ).select_related("to_organisation", "scrutiny_body")
    for recommendation in recommendations[:LIMIT]:
        tasks.append(
            Task(
                f"Respond for {recommendation.to_organisation} to {recommendation.scrutiny_body}",
                str(recommendation),
                recommendation.get_absolute_url(),
                recommendation.response_due,
            )
        )
    return WorkList(
        "Outcomes to record", _by_due(tasks), "Your organisations have nothing to record."
    )


def scrutiny_work(user) -> tuple[WorkList, list[Resolution]] | None:
    scrutiny_of = roles(user).scrutiny_of
    if not scrutiny_of:
        return None
    recommendations = ScrutinyRecommendation.objects.filter(
        scrutiny_body_id__in=scrutiny_of,
        status=ScrutinyRecommendation.Status.AWAITING_RESPONSE,
    ).select_related("to_organisation", "to_body")
    tasks = [
        Task(
            f"Response awaited from {recommendation.recipient}",
            str(recommendation),
            recommendation.get_absolute_url(),
            recommendation.response_due,
        )
        for recommendation in recommendations[:LIMIT]
    ]
    followed = list(
        Resolution.objects.filter(
            meeting_visible_q(user, prefix="meeting__"),
            scrutiny_recommendations__scrutiny_body_id__in=scrutiny_of,
        )
        .select_related("body")
        .distinct()
        .order_by("-year", "-number")[:LIMIT]
    )
    return (
        WorkList(
            "Recommendations awaiting a response",
            _by_due(tasks),
            "No recommendation of your committee is awaiting a response.",
        ),
        followed,
    )


def your_work(user) -> dict:
    """Context for the home page's "Your work": one list per role the user holds."""
    lists = [work for work in (clerk_work(user), officer_work(user), lead_work(user)) if work]
    scrutiny = scrutiny_work(user)
    followed: list[Resolution] = []
    if scrutiny is not None:
        lists.append(scrutiny[0])
        followed = scrutiny[1]
    return {"work_lists": lists, "followed": followed}
