"""Helpers that build meetings, seats and terms for the proceedings tests."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from governance.models import Body, Membership, Person, TermsOfReference
from meetings.models import AgendaItem, Meeting
from meetings.services.proceedings import AttendanceEntry, attendance_record

LONDON = ZoneInfo("Europe/London")
P = AgendaItem  # short alias for kinds


def person(name: str, **extra) -> Person:
    slug = name.lower().replace(" ", "-")
    found, _ = Person.objects.get_or_create(slug=slug, defaults={"name": name, **extra})
    return found


def seat(body: Body, name: str, organisation=None, *, role=Membership.Role.MEMBER, voting=True):
    return Membership.objects.create(
        body=body,
        person=person(name),
        representing=organisation,
        role=role,
        voting=voting,
        start=date(2020, 1, 1),
    )


def approve_terms(body: Body, quorum: int = 3, kinds=(), organisations=()) -> TermsOfReference:
    terms = TermsOfReference.objects.create(
        body=body,
        version=1,
        status=TermsOfReference.Status.APPROVED,
        purpose="To oversee adult social care.",
        membership_rules="Eleven councillors.",
        quorum_count=quorum,
        quorum_required_kinds=list(kinds),
        frequency="Monthly",
        approved_on=date(2020, 1, 1),
    )
    terms.quorum_required_organisations.set(organisations)
    return terms


def make_meeting(body: Body, day: date, *, published=True, items=True) -> Meeting:
    start = datetime(day.year, day.month, day.day, 10, 30, tzinfo=LONDON)
    meeting = Meeting.objects.create(
        body=body,
        start=start,
        venue="County Hall, West Bridgford",
        status=Meeting.Status.AGENDA_PUBLISHED if published else Meeting.Status.SCHEDULED,
        agenda_published_at=datetime(day.year, day.month, 1, 9, tzinfo=LONDON)
        if published
        else None,
    )
    if items:
        AgendaItem.objects.create(
            meeting=meeting, position=1, kind=P.Kind.MINUTES, title="Minutes of the last meeting"
        )
        AgendaItem.objects.create(
            meeting=meeting, position=2, kind=P.Kind.APOLOGIES, title="Apologies for absence"
        )
        AgendaItem.objects.create(
            meeting=meeting,
            position=3,
            title="Public health services performance report",
            purpose=P.Purpose.DECISION,
        )
        AgendaItem.objects.create(
            meeting=meeting,
            position=4,
            title="Care home fee negotiations",
            is_exempt=True,
            exempt_paragraph=3,
        )
    return meeting


def all_present(meeting: Meeting, seats: dict, actor, **overrides) -> None:
    """Record every seat as present, except those overridden (name -> AttendanceEntry)."""
    entries = []
    for key, membership in seats.items():
        entries.append(overrides.get(key, AttendanceEntry(membership.person, "present")))
    attendance_record(meeting=meeting, entries=entries, actor=actor)
    meeting.refresh_from_db()


def item(meeting: Meeting, position: int) -> AgendaItem:
    return meeting.items.get(position=position)
