"""Reminders before deadlines pass, sent by `python manage.py send_reminders` once a day.

Each kind is one function of the day: it finds what falls due (or fell due) and emails who must
act. A reminder is sent at most once per kind, record, due date and address (its
`SentEmail.key`), so a second run on the same day, or on any later day, sends it no more; a
record decided since (a ratification recorded, a response received, an action done, an agenda
published) is no longer found, so nothing is sent for it. A reminder says only what the
record's public page says, except to a reader who may see more.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from alerts.mail import Letter, deliver, portal_url
from alerts.models import SentEmail
from decisions.access import withheld_fields
from decisions.models import Action, Ratification, ScrutinyRecommendation
from decisions.services.ratifications import clerk_users, governance_leads
from governance.models import Partnership, RoleAssignment, TermsOfReference
from meetings.models import Meeting
from meetings.services.agenda import publication_deadline

WARN_DAYS = 7  # "due in 7 days": the first reminder goes up to a week before
AGENDA_WARN_DAYS = 3
REPORTS_WARN_DAYS = 3
TERMS_WARN_DAYS = 30
Why = SentEmail.Why


def day_month(day: date) -> str:
    """A date for a subject line that sorts well: "30 Nov"."""
    return f"{day.day} {day:%b}"


def remind(
    users: Iterable,
    *,
    subject: str,
    why: str,
    about,
    due: date,
    link: str,
    body: str,
    context: dict,
    base: str,
) -> int:
    """Email each user (once per address) the reminder; how many went now."""
    sent = 0
    told: set[str] = set()
    key = f"{why}:{about._meta.label_lower}:{about.pk}:{due.isoformat()}"
    for user in users:
        if user.email.lower() in told:
            continue
        told.add(user.email.lower())
        letter = Letter(
            to=user.email,
            user=user,
            subject=subject,
            template="alerts/email/alert",
            why=why,
            about=about,
            link=link,
            key=key,
            context={"body": body, "due": due, **context},
        )
        if deliver(letter, base_url=base) is not None:
            sent += 1
    return sent


def _due_or_overdue(due: date, today: date, due_why: str, overdue_why: str) -> tuple[str, str]:
    """The reminder's kind and the words of its subject: "due 30 Nov" or "overdue since"."""
    if due < today:
        return overdue_why, f"overdue since {day_month(due)}"
    return due_why, f"due {day_month(due)}"


def ratification_reminders(today: date, base: str) -> int:
    """Ratification due in 7 days and overdue: to the organisation's governance leads, copied
    to the clerks of the body that made the resolution."""
    sent = 0
    pending = Ratification.objects.filter(
        status__in=[Ratification.Status.REQUESTED, Ratification.Status.SCHEDULED],
        due_date__lte=today + timedelta(days=WARN_DAYS),
    ).select_related("organisation", "ratifying_body", "resolution__body", "resolution__meeting")
    for ratification in pending:
        resolution = ratification.resolution
        why, when = _due_or_overdue(
            ratification.due_date, today, Why.RATIFICATION_DUE, Why.RATIFICATION_OVERDUE
        )
        common = {
            "subject": f"Ratification {when}: {resolution} — {ratification.organisation}",
            "why": why,
            "about": ratification,
            "due": ratification.due_date,
            "body": "decisions/email/ratification_reminder.txt",
            "base": base,
        }
        context = {"ratification": ratification, "resolution": resolution, "today": today}
        sent += remind(
            governance_leads(ratification.organisation_id),
            link=base
            + reverse("decisions:ratification_outcome", args=[resolution.pk, ratification.pk]),
            context={**context, "copy": False},
            **common,
        )
        sent += remind(
            clerk_users(resolution.body_id),
            link=base + resolution.get_absolute_url(),
            context={**context, "copy": True},
            **common,
        )
    return sent


def scrutiny_reminders(today: date, base: str) -> int:
    """Scrutiny response due in 7 days and overdue: to the governance leads of the organisation
    it was sent to, or to the clerks of the body."""
    sent = 0
    waiting = ScrutinyRecommendation.objects.filter(
        status=ScrutinyRecommendation.Status.AWAITING_RESPONSE,
        response_due__lte=today + timedelta(days=WARN_DAYS),
    ).select_related("scrutiny_body", "to_organisation", "to_body")
    for recommendation in waiting:
        why, when = _due_or_overdue(
            recommendation.response_due, today, Why.RESPONSE_DUE, Why.RESPONSE_OVERDUE
        )
        if recommendation.to_organisation_id:
            readers = governance_leads(recommendation.to_organisation_id)
        else:
            readers = clerk_users(recommendation.to_body_id)
        sent += remind(
            readers,
            subject=f"Scrutiny response {when}: {recommendation} — {recommendation.recipient}",
            why=why,
            about=recommendation,
            due=recommendation.response_due,
            link=base + reverse("decisions:recommendation_respond", args=[recommendation.pk]),
            body="decisions/email/response_reminder.txt",
            context={"recommendation": recommendation, "today": today},
            base=base,
        )
    return sent


def _upcoming(today: date, days: int):
    """Meetings not yet published, not cancelled, within `days` plus the notice period."""
    return Meeting.objects.filter(
        status=Meeting.Status.SCHEDULED,
        agenda_published_at__isnull=True,
        start__date__gte=today,
        start__date__lte=today + timedelta(days=days + 21),
    ).select_related("body__organisation", "body__partnership")


def _meeting_deadline_reminders(
    meetings,
    today: date,
    base: str,
    *,
    days: int,
    deadline_of,
    readers,
    subject: str,
    why: str,
    body: str,
) -> int:
    """A deadline before each of these meetings, from `days` before it: to `readers(meeting)`,
    with `subject` before the body's name and the meeting's date."""
    sent = 0
    for meeting in meetings:
        deadline = deadline_of(meeting)
        if not today <= deadline <= today + timedelta(days=days):
            continue
        name = meeting.body.short_name or meeting.body
        sent += remind(
            readers(meeting),
            subject=f"{subject} {day_month(deadline)}: {name}, {day_month(meeting.date)} meeting",
            why=why,
            about=meeting,
            due=deadline,
            link=base + meeting.get_absolute_url(),
            body=body,
            context={"meeting": meeting},
            base=base,
        )
    return sent


def agenda_reminders(today: date, base: str) -> int:
    """The agenda to publish by its five-day date, from 3 days before: to the body's clerks."""
    return _meeting_deadline_reminders(
        _upcoming(today, AGENDA_WARN_DAYS),
        today,
        base,
        days=AGENDA_WARN_DAYS,
        deadline_of=publication_deadline,
        readers=lambda meeting: clerk_users(meeting.body_id),
        subject="Agenda to publish by",
        why=Why.AGENDA_TO_PUBLISH,
        body="meetings/email/agenda_reminder.txt",
    )


def report_writers(body, today: date) -> list:
    """The officers who write a body's reports: of the organisation that owns it, or of the
    partnership's current member organisations."""
    if body.organisation_id is not None:
        organisations = Q(role_assignments__organisation_id=body.organisation_id)
    else:
        partnership = Partnership.objects.get(pk=body.partnership_id)
        organisations = Q(
            role_assignments__organisation_id__in=partnership.members.filter(
                Q(left__isnull=True) | Q(left__gte=today), joined__lte=today
            ).values("organisation_id")
        )
    return list(
        get_user_model()
        .objects.filter(
            organisations, is_active=True, role_assignments__role=RoleAssignment.Role.OFFICER
        )
        .exclude(email="")
        .order_by("email")
        .distinct()
    )


def report_reminders(today: date, base: str) -> int:
    """Reports due for the next meeting, from 3 days before: to the officers who write them."""
    return _meeting_deadline_reminders(
        _upcoming(today, REPORTS_WARN_DAYS + 14),
        today,
        base,
        days=REPORTS_WARN_DAYS,
        deadline_of=lambda meeting: meeting.reports_due_by,
        readers=lambda meeting: report_writers(meeting.body, today),
        subject="Reports due",
        why=Why.REPORTS_DUE,
        body="meetings/email/reports_reminder.txt",
    )


def action_owners(owner: str) -> list:
    """The users an action's owner names, where the owner is a person with an account."""
    return list(
        get_user_model()
        .objects.filter(person__name__iexact=owner.strip(), is_active=True)
        .exclude(email="")
    )


def action_reminders(today: date, base: str) -> int:
    """An action due in 7 days and overdue: to its owner, where they have an address."""
    sent = 0
    actions = Action.objects.filter(
        status__in=[Action.Status.OPEN, Action.Status.IN_PROGRESS],
        due_date__lte=today + timedelta(days=WARN_DAYS),
    ).select_related("body", "item__meeting__body", "resolution__item__meeting__body")
    for action in actions:
        why, when = _due_or_overdue(action.due_date, today, Why.ACTION_DUE, Why.ACTION_OVERDUE)
        for owner in action_owners(action.owner):
            sent += remind(
                [owner],
                subject=f"Action {when}: {action.body.short_name or action.body} — {action.owner}",
                why=why,
                about=action,
                due=action.due_date,
                link=base + action.get_absolute_url(),
                body="decisions/email/action_reminder.txt",
                context={
                    "action": action,
                    "today": today,
                    "show_text": "description" not in withheld_fields(owner, action),
                },
                base=base,
            )
    return sent


def terms_reminders(today: date, base: str) -> int:
    """Terms of reference whose review falls due within 30 days (or has passed): to the
    body's clerks."""
    sent = 0
    terms = TermsOfReference.objects.filter(
        status=TermsOfReference.Status.APPROVED,
        review_date__lte=today + timedelta(days=TERMS_WARN_DAYS),
    ).select_related("body")
    for version in terms:
        body = version.body
        sent += remind(
            clerk_users(body.pk),
            subject=f"Terms of reference review due {day_month(version.review_date)}: "
            f"{body.short_name or body}",
            why=Why.TERMS_REVIEW_DUE,
            about=version,
            due=version.review_date,
            link=base + reverse("governance:terms_new", args=[body.slug]),
            body="governance/email/terms_review_reminder.txt",
            context={"terms": version, "today": today},
            base=base,
        )
    return sent


REMINDERS = {
    "ratifications": ratification_reminders,
    "scrutiny responses": scrutiny_reminders,
    "agendas to publish": agenda_reminders,
    "reports due": report_reminders,
    "actions": action_reminders,
    "terms of reference reviews": terms_reminders,
}


def send_reminders(*, today: date, base_url: str = "") -> dict[str, int]:
    """Every kind of reminder due today; how many emails of each went."""
    base = portal_url(base_url)
    return {name: reminder(today, base) for name, reminder in REMINDERS.items()}
