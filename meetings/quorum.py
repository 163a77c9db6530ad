"""Whether a meeting is quorate: the body's current terms of reference against the voting
members present (a member represented by a substitute who attended counts as present)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from django.db import models
from django.utils import timezone

from governance.models import Body, Membership
from governance.models.terms import TermsOfReference, current_terms

if TYPE_CHECKING:  # annotations only: the models call this module
    from meetings.models import Attendance, Meeting


class Quorum(NamedTuple):
    """Whether a meeting was quorate under its body's current terms of reference, and why not."""

    quorate: bool
    reasons: list[str]
    terms: TermsOfReference | None

    @property
    def verdict(self) -> str:
        """The quorum in a word: never "Not quorate" for want of a record or of a meeting."""
        if self.quorate:
            return "Quorate"
        for reason, verdict in VERDICTS.items():
            if reason in self.reasons:
                return verdict
        return "Not quorate"

    @property
    def not_yet_held(self) -> bool:
        return NOT_YET_HELD in self.reasons

    @property
    def checked(self) -> bool:
        """Whether the verdict is the quorum rule applied to a recorded attendance."""
        return self.verdict in ("Quorate", "Not quorate")


NO_TERMS = "No approved terms of reference: quorum cannot be checked"
NO_ATTENDANCE = "Attendance has not been recorded"
NOT_YET_HELD = "The meeting has not taken place yet"
VERDICTS = {
    NOT_YET_HELD: "Not yet held",
    NO_ATTENDANCE: "Attendance not recorded",
    NO_TERMS: "Quorum not checked",
}


def members_on(body_id: int, day) -> models.QuerySet[Membership]:
    """Seats on the body current on the day (officers in attendance included)."""
    return (
        Membership.objects.filter(body_id=body_id, start__lte=day)
        .exclude(end__lt=day)
        .select_related("person", "representing")
    )


def meeting_quorum(
    meeting: Meeting,
    *,
    attendance: list[Attendance] | None = None,
    memberships: list[Membership] | None = None,
    body: Body | None = None,
) -> Quorum:
    """Check the quorum rule of the body's current terms against the voting members present.

    `body` is one of the bodies sitting at a meeting held in common (by default the lead
    body): each has its own quorum, met by its own members. Runs a fixed number of queries;
    callers that already hold the meeting's attendance and the body's seats current on its
    date pass them in.
    """
    body = body or meeting.body
    terms = current_terms(body)
    if meeting.start > timezone.now():
        return Quorum(False, [NOT_YET_HELD], terms)
    if terms is None:
        return Quorum(False, [NO_TERMS], None)
    if attendance is None:
        attendance = list(meeting.attendance.all())
    if not attendance:
        return Quorum(False, [NO_ATTENDANCE], terms)
    if memberships is None:
        memberships = list(members_on(body.pk, meeting.date))
    sitting = {row.person_id for row in attendance if row.in_the_seat}
    present = [
        m for m in memberships if m.person_id in sitting and m.role != Membership.Role.OFFICER
    ]
    quorate, reasons = terms.quorum_check(present)
    return Quorum(quorate, reasons, terms)
