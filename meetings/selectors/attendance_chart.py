"""Members' attendance at a body's meetings in one year, for the attendance chart on the body's
page: expected, attended, apologies, substitutes and absent, cancelled meetings left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from governance.models import Body
from meetings.access import meeting_visible_q
from meetings.models import Attendance, Meeting

A = Attendance.Status


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    count: int


@dataclass
class MemberYear:
    """One member's attendance at the body's meetings in the year."""

    name: str
    attended: int = 0
    substituted: int = 0
    apologies: int = 0
    absent: int = 0

    @property
    def expected(self) -> int:
        return self.attended + self.substituted + self.apologies + self.absent

    @property
    def segments(self) -> list[Segment]:
        return [
            Segment("green", "Attended", self.attended),
            Segment("blue", "Substitute attended", self.substituted),
            Segment("amber", "Apologies", self.apologies),
            Segment("grey", "Absent", self.absent),
        ]

    @property
    def description(self) -> str:
        parts = [f"{s.count} {s.label.lower()}" for s in self.segments if s.count]
        return f"{self.name}: expected at {self.expected}; " + ", ".join(parts) + "."


@dataclass
class BodyYear:
    """The attendance chart of a body for one calendar year."""

    year: int
    meetings: int
    members: list[MemberYear] = field(default_factory=list)
    years: list[int] = field(default_factory=list)

    @property
    def most_expected(self) -> int:
        return max((m.expected for m in self.members), default=0)

    @property
    def description(self) -> str:
        if not self.members:
            return f"No attendance is recorded for meetings held in {self.year}."
        meetings = f"{self.meetings} meeting{'s' if self.meetings != 1 else ''}"
        return f"Attendance of members at {meetings} held in {self.year}. " + " ".join(
            m.description for m in self.members
        )


FIELD = {A.PRESENT: "attended", A.SUBSTITUTED: "substituted", A.APOLOGIES: "apologies"}


def body_attendance(body: Body, year: int | None, user) -> BodyYear:
    """Members' attendance (not officers') at the body's meetings held in `year` (None: the
    latest year with any, else this year) that the viewer may see, cancelled meetings left
    out: two queries."""
    rows = (
        Attendance.objects.filter(
            meeting_visible_q(user, prefix="meeting__"),
            meeting__body=body,
            meeting__start__lt=timezone.now(),
        )
        .exclude(meeting__status=Meeting.Status.CANCELLED)
        .exclude(status=A.OFFICER)
    )
    years = sorted({d.year for d in rows.dates("meeting__start", "year")}, reverse=True)
    if year is None:
        year = years[0] if years else timezone.localdate().year
    in_year = rows.filter(meeting__start__year=year)
    members: dict[int, MemberYear] = {}
    meetings: set[int] = set()
    for row in in_year.values("person_id", "person__name", "status", "meeting_id").order_by(
        "person__name", "person_id"
    ):
        member = members.setdefault(row["person_id"], MemberYear(row["person__name"]))
        name = FIELD.get(row["status"], "absent")
        setattr(member, name, getattr(member, name) + 1)
        meetings.add(row["meeting_id"])
    return BodyYear(year=year, meetings=len(meetings), members=list(members.values()), years=years)
