"""Recording attendance: members, substitutes, officers; refusals; corrections with history."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from meetings.models import Attendance, Meeting
from meetings.services.proceedings import AttendanceEntry, attendance_record
from tests.factories import all_present, make_meeting, person

pytestmark = pytest.mark.django_db

E = AttendanceEntry


def test_records_each_member_and_officer_and_marks_the_meeting_held(
    meeting, seats, officer_seat, clerk
):
    rows = attendance_record(
        meeting=meeting,
        entries=[
            E(seats["chair"].person, "present"),
            E(seats["vice"].person, "apologies", note="Other business"),
            E(seats["doddy"].person, "substituted", substitute=person("Richard Butler")),
            E(seats["sissons"].person, "absent"),
            E(seats["weisz"].person, "present"),
            E(officer_seat.person, "officer"),
            E(person("Jo Toomey"), "officer"),
        ],
        actor=clerk,
    )
    assert len(rows) == 7
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    butler = Attendance.objects.get(meeting=meeting, person=seats["doddy"].person)
    assert butler.substitute.name == "Richard Butler"
    row = Attendance.objects.get(meeting=meeting, person__name="Jo Toomey")
    assert row.history.get().history_user == clerk
    assert meeting.history.first().history_change_reason.startswith("Attendance recorded")


def test_refuses_a_non_member_with_a_clear_message_and_saves_nothing(meeting, seats, clerk):
    with pytest.raises(ValidationError) as exc:
        attendance_record(
            meeting=meeting,
            entries=[E(seats["chair"].person, "present"), E(person("Jane Doe"), "present")],
            actor=clerk,
        )
    assert exc.value.messages == [
        "Jane Doe is not a member of the Adult Social Care and Public Health Committee on "
        "11 January 2021; record them as an officer in attendance or as a substitute."
    ]
    assert not Attendance.objects.exists()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED


def test_a_non_member_may_attend_as_an_officer(meeting, clerk):
    attendance_record(meeting=meeting, entries=[E(person("Jane Doe"), "officer")], actor=clerk)
    assert Attendance.objects.get().status == "officer"


def test_a_member_whose_seat_ended_before_the_meeting_is_not_a_member(meeting, seats, clerk):
    seats["sissons"].end = meeting.date.replace(day=1)
    seats["sissons"].save()
    with pytest.raises(ValidationError, match="Andy Sissons is not a member"):
        attendance_record(
            meeting=meeting, entries=[E(seats["sissons"].person, "present")], actor=clerk
        )


def test_named_substitutes_bind_when_the_seat_names_them(meeting, seats, clerk):
    butler, garner = person("Richard Butler"), person("Stephen Garner")
    seats["doddy"].substitutes.set([butler])
    with pytest.raises(ValidationError) as exc:
        attendance_record(
            meeting=meeting,
            entries=[E(seats["doddy"].person, "substituted", substitute=garner)],
            actor=clerk,
        )
    assert "Stephen Garner is not a named substitute for John Doddy" in exc.value.messages[0]
    attendance_record(
        meeting=meeting,
        entries=[E(seats["doddy"].person, "substituted", substitute=butler)],
        actor=clerk,
    )
    assert Attendance.objects.get().substitute == butler


@pytest.mark.parametrize(
    "entries, message",
    [
        (lambda s: [E(s["doddy"].person, "substituted")], "Name the substitute"),
        (
            lambda s: [E(s["doddy"].person, "substituted", substitute=s["chair"].person)],
            "member of the Adult Social Care and Public Health Committee in their own right",
        ),
        (
            lambda s: [E(s["chair"].person, "present"), E(s["chair"].person, "officer")],
            "Sue Harper is recorded more than once",
        ),
        (
            lambda s: [E(s["chair"].person, "present", substitute=s["vice"].person)],
            "Only a substituted member has a substitute",
        ),
        (lambda s: [E(s["chair"].person, "asleep")], "Choose how Sue Harper attended"),
    ],
)
def test_refuses_inconsistent_entries(meeting, seats, clerk, entries, message):
    with pytest.raises(ValidationError, match=message):
        attendance_record(meeting=meeting, entries=entries(seats), actor=clerk)
    assert not Attendance.objects.exists()


def test_refused_for_unpublished_and_cancelled_meetings(body, seats, terms, clerk):
    from datetime import date

    draft = make_meeting(body, date(2021, 3, 1), published=False, items=False)
    with pytest.raises(ValidationError, match="once the agenda has been published"):
        attendance_record(
            meeting=draft, entries=[E(seats["chair"].person, "present")], actor=clerk
        )
    draft.status = Meeting.Status.CANCELLED
    draft.save()
    with pytest.raises(ValidationError, match="cancelled"):
        attendance_record(
            meeting=draft, entries=[E(seats["chair"].person, "present")], actor=clerk
        )
    assert not Attendance.objects.exists()


def test_attendance_before_the_meeting_starts_is_refused(body, seats, terms, clerk):
    from datetime import date

    future = make_meeting(body, date(2099, 1, 12), items=False)
    with pytest.raises(ValidationError, match="can be recorded once it has started"):
        attendance_record(
            meeting=future, entries=[E(seats["vice"].person, "apologies")], actor=clerk
        )
    future.refresh_from_db()
    assert future.status == Meeting.Status.AGENDA_PUBLISHED
    assert not future.attendance.exists()


def test_correction_keeps_history_and_removes_rows_left_out(meeting, seats, clerk, admin_user):
    all_present(meeting, seats, clerk)
    attendance_record(
        meeting=meeting,
        entries=[
            E(seats["chair"].person, "present"),
            E(seats["vice"].person, "apologies"),
            E(seats["doddy"].person, "present"),
            E(seats["sissons"].person, "present"),
        ],
        actor=admin_user,
    )
    vice = Attendance.objects.get(meeting=meeting, person=seats["vice"].person)
    assert vice.status == "apologies"
    latest = vice.history.first()
    assert latest.history_user == admin_user
    assert latest.history_change_reason == "Attendance corrected"
    assert vice.history.count() == 2
    # Unchanged rows are not re-saved; the row left out is deleted, with who did it.
    chair = Attendance.objects.get(meeting=meeting, person=seats["chair"].person)
    assert chair.history.count() == 1
    removed = Attendance.history.filter(history_type="-").get()
    assert removed.person_id == seats["weisz"].person_id
    assert removed.history_user == admin_user


def test_refused_once_minutes_are_approved(meeting, seats, clerk):
    all_present(meeting, seats, clerk)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.MINUTES_APPROVED)
    with pytest.raises(ValidationError, match="approved"):
        attendance_record(meeting=meeting, entries=[], actor=clerk)
    assert Attendance.objects.count() == 5
