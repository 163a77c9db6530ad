"""Quorum under the body's current terms of reference: voting members present, substitutes."""

from __future__ import annotations

from datetime import date

import pytest

from governance.models import Membership, TermsOfReference
from meetings.quorum import NO_ATTENDANCE, NO_TERMS
from meetings.services.proceedings import AttendanceEntry as E
from meetings.services.proceedings import attendance_record
from tests.factories import all_present, approve_terms, make_meeting, person

pytestmark = pytest.mark.django_db


def record(meeting, clerk, *entries):
    attendance_record(meeting=meeting, entries=list(entries), actor=clerk)


def test_quorate_when_enough_voting_members_are_present(meeting, seats, clerk):
    all_present(meeting, seats, clerk)
    quorate, reasons, terms = meeting.quorum
    assert quorate and reasons == [] and terms.version == 1
    assert meeting.is_quorate


def test_not_quorate_says_why(meeting, seats, clerk, officer_seat):
    record(
        meeting,
        clerk,
        E(seats["chair"].person, "present"),
        E(seats["vice"].person, "apologies"),
        E(seats["doddy"].person, "absent"),
        E(officer_seat.person, "officer"),  # officers never count
    )
    assert meeting.quorum.reasons == ["1 voting member present; 3 needed"]
    assert not meeting.is_quorate


def test_non_voting_members_do_not_count(meeting, seats, clerk):
    Membership.objects.filter(pk__in=[seats["vice"].pk, seats["doddy"].pk]).update(voting=False)
    record(
        meeting,
        clerk,
        E(seats["chair"].person, "present"),
        E(seats["vice"].person, "present"),
        E(seats["doddy"].person, "present"),
    )
    assert meeting.quorum.reasons == ["1 voting member present; 3 needed"]


def test_a_substitute_who_attended_counts_as_the_member(meeting, seats, clerk):
    record(
        meeting,
        clerk,
        E(seats["chair"].person, "present"),
        E(seats["vice"].person, "present"),
        E(seats["doddy"].person, "substituted", substitute=person("Richard Butler")),
    )
    assert meeting.quorum == (True, [], meeting.quorum.terms)


def test_required_kinds_and_organisations(body, seats, council, trust, clerk):
    TermsOfReference.objects.filter(body=body).update(status=TermsOfReference.Status.SUPERSEDED)
    terms = approve_terms(body, quorum=2, kinds=["nhs"], organisations=[trust])
    terms.version = 2
    terms.save()
    meeting = make_meeting(body, date(2021, 1, 11))
    all_present(meeting, seats, clerk)
    quorate, reasons, used = meeting.quorum
    assert used == terms
    assert not quorate
    assert reasons == [
        "No NHS member present",
        "No member representing Sherwood Forest Hospitals NHS Foundation Trust present",
    ]
    seats["sissons"].representing = trust
    seats["sissons"].save()
    assert meeting.quorum.quorate


def test_no_terms_and_no_attendance(body, seats, clerk):
    meeting = make_meeting(body, date(2021, 1, 11))
    assert meeting.quorum == (False, [NO_TERMS], None)
    approve_terms(body)
    assert meeting.quorum.reasons == [NO_ATTENDANCE]


def test_quorum_runs_a_fixed_number_of_queries(meeting, seats, clerk, django_assert_num_queries):
    all_present(meeting, seats, clerk)
    meeting.body  # noqa: B018 — loaded by the page already
    with django_assert_num_queries(4):  # terms, its organisations, attendance, seats
        assert meeting.quorum.quorate
