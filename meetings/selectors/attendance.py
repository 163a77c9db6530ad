"""Attendance statistics per member and per body, per year.

A member is expected at each meeting of the body held while they sat on it (chair, vice-chair,
member or co-opted member; observers and officers are not expected). A cancelled meeting, and
one not yet held, is not counted. Years are calendar years of the meeting's date. Each counts
three queries, whatever the number of meetings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from governance.models import Body, Membership, Person
from meetings.access import meetings_visible_to
from meetings.models import Attendance, Meeting

HELD = (
    Meeting.Status.HELD,
    Meeting.Status.MINUTES_DRAFTED,
    Meeting.Status.MINUTES_APPROVED,
)
EXPECTED_ROLES = (
    Membership.Role.CHAIR,
    Membership.Role.VICE_CHAIR,
    Membership.Role.MEMBER,
    Membership.Role.CO_OPTED,
)
S = Attendance.Status


@dataclass
class Tally:
    """One member's attendance at one body's meetings in one year."""

    year: int
    person: Person
    body: Body
    expected: int = 0
    attended: int = 0
    apologies: int = 0
    substituted: int = 0
    absent: int = 0

    @property
    def not_recorded(self) -> int:
        return self.expected - self.attended - self.apologies - self.substituted - self.absent

    @property
    def attended_percent(self) -> int | None:
        """Attended in person, as a whole percentage of the meetings expected."""
        return round(100 * self.attended / self.expected) if self.expected else None

    def add(self, status: str | None) -> None:
        self.expected += 1
        if status == S.PRESENT:
            self.attended += 1
        elif status == S.APOLOGIES:
            self.apologies += 1
        elif status == S.SUBSTITUTED:
            self.substituted += 1
        elif status == S.ABSENT:
            self.absent += 1

    def as_dict(self) -> dict:
        return {
            "year": self.year,
            "person": self.person.slug,
            "person_name": str(self.person),
            "body": self.body.slug,
            "body_name": self.body.name,
            "expected": self.expected,
            "attended": self.attended,
            "apologies": self.apologies,
            "substitutions": self.substituted,
            "absent": self.absent,
            "not_recorded": self.not_recorded,
        }


@dataclass
class YearOfBody:
    """A body's year: meetings held, meetings cancelled (not counted) and each member's tally."""

    year: int
    held: int = 0
    cancelled: int = 0
    tallies: list[Tally] = field(default_factory=list)


def _tallies(
    meetings: list[Meeting],
    memberships: list[Membership],
    marks: dict[tuple[int, int], str],
) -> list[Tally]:
    """Each (year, body, person) tally; `marks` maps (meeting, person) to the recorded status."""
    by_key: dict[tuple[int, int, int], Tally] = {}
    counted: set[tuple[int, int]] = set()
    for meeting in meetings:
        day = meeting.date
        for seat in memberships:
            if seat.body_id != meeting.body_id or not seat.is_current_on(day):
                continue
            # A person with two seats on the body that day is expected once.
            if (meeting.pk, seat.person_id) in counted:
                continue
            counted.add((meeting.pk, seat.person_id))
            key = (day.year, seat.body_id, seat.person_id)
            if key not in by_key:
                by_key[key] = Tally(year=day.year, person=seat.person, body=meeting.body)
            by_key[key].add(marks.get((meeting.pk, seat.person_id)))
    return list(by_key.values())


def body_attendance(user, body: Body) -> list[YearOfBody]:
    """Each year's meetings of the body the user may see, newest year first, with every
    expected member's tally (by name)."""
    meetings = list(
        meetings_visible_to(user, Meeting.objects.filter(body=body)).select_related("body")
    )
    held = [m for m in meetings if m.status in HELD]
    memberships = (
        list(
            Membership.objects.filter(body=body, role__in=EXPECTED_ROLES).select_related("person")
        )
        if held
        else []
    )
    marks = {
        (meeting_id, person_id): status
        for meeting_id, person_id, status in Attendance.objects.filter(
            meeting__in=[m.pk for m in held]
        ).values_list("meeting_id", "person_id", "status")
    }
    years: dict[int, YearOfBody] = {}
    for meeting in meetings:
        year = years.setdefault(meeting.date.year, YearOfBody(year=meeting.date.year))
        if meeting.status in HELD:
            year.held += 1
        elif meeting.status == Meeting.Status.CANCELLED:
            year.cancelled += 1
    for tally in _tallies(held, memberships, marks):
        years[tally.year].tallies.append(tally)
    for year in years.values():
        year.tallies.sort(key=lambda t: t.person.name)
    return [years[y] for y in sorted(years, reverse=True) if years[y].held or years[y].cancelled]


def person_attendance(user, person: Person) -> list[Tally]:
    """The person's tally at each body they sat on, per year: newest year first, then body."""
    memberships = list(
        Membership.objects.filter(person=person, role__in=EXPECTED_ROLES).select_related("person")
    )
    bodies = {seat.body_id for seat in memberships}
    held = list(
        meetings_visible_to(user, Meeting.objects.filter(body_id__in=bodies, status__in=HELD))
        .select_related("body")
        .order_by("start")
    )
    marks = {
        (meeting_id, person.pk): status
        for meeting_id, status in Attendance.objects.filter(
            person=person, meeting__in=[m.pk for m in held]
        ).values_list("meeting_id", "status")
    }
    tallies = _tallies(held, memberships, marks)
    return sorted(tallies, key=lambda t: (-t.year, t.body.name))
