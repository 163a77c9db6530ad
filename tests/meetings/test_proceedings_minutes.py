"""Declarations of interest and minutes: drafted after the meeting, approved at a later one."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from meetings.models import AgendaItem, Declaration, Meeting, Minute
from meetings.services.proceedings import AttendanceEntry as E
from meetings.services.proceedings import (
    attendance_record,
    declaration_record,
    minute_draft,
    minutes_approve,
    minutes_draft_all,
)
from tests.factories import item, make_meeting, person

pytestmark = pytest.mark.django_db

DPI = "disclosable_pecuniary"


@pytest.fixture
def drafted(held, clerk):
    minute_draft(
        item=item(held, 3), text="RESOLVED 2021/001 that the report be noted.", actor=clerk
    )
    held.refresh_from_db()
    return held


# Declarations


def declare(item, who, clerk):
    return declaration_record(
        item=item,
        person=who,
        kind=DPI,
        description="Owns a care home in Mansfield.",
        action=Declaration.Action.LEFT_ROOM,
        actor=clerk,
    )


def test_declarations_by_members_substitutes_and_officers(meeting, seats, clerk):
    butler, officer = person("Richard Butler"), person("Jonathan Gribbin")
    attendance_record(
        meeting=meeting,
        entries=[
            E(seats["chair"].person, "present"),
            E(seats["doddy"].person, "substituted", substitute=butler),
            E(officer, "officer"),
        ],
        actor=clerk,
    )
    for who in (seats["chair"].person, butler, officer):
        declaration = declare(item(meeting, 4), who, clerk)
        assert declaration.history.get().history_user == clerk
    assert Declaration.objects.count() == 3


@pytest.mark.parametrize("status", ["apologies", "absent", "substituted"])
def test_declaration_refused_for_someone_not_present(meeting, seats, clerk, status):
    sub = person("Richard Butler") if status == "substituted" else None
    attendance_record(
        meeting=meeting, entries=[E(seats["doddy"].person, status, substitute=sub)], actor=clerk
    )
    with pytest.raises(ValidationError) as exc:
        declare(item(meeting, 3), seats["doddy"].person, clerk)
    assert exc.value.messages[0].startswith(
        "John Doddy is not recorded as present at this meeting"
    )
    with pytest.raises(ValidationError, match="Jane Doe is not recorded as present"):
        declare(item(meeting, 3), person("Jane Doe"), clerk)
    assert not Declaration.objects.exists()


# Drafting


def test_minutes_only_once_the_meeting_is_held(meeting, clerk):
    with pytest.raises(ValidationError, match="once the meeting has been held"):
        minute_draft(item=item(meeting, 3), text="Noted.", actor=clerk)
    assert not Minute.objects.exists()


def test_first_minute_moves_the_meeting_to_minutes_drafted_with_history(held, clerk):
    minute = minute_draft(item=item(held, 3), text="Noted.", actor=clerk)
    held.refresh_from_db()
    assert held.status == Meeting.Status.MINUTES_DRAFTED
    assert held.history.first().history_change_reason == "Minutes drafted"
    minute_draft(item=item(held, 3), text="Noted, with thanks.", actor=clerk)
    minute.refresh_from_db()
    assert minute.text == "Noted, with thanks."
    assert [h.history_change_reason for h in minute.history.all()] == ["Draft changed", None]
    assert {h.history_user for h in minute.history.all()} == {clerk}


def test_blank_minute_refused(held, clerk):
    with pytest.raises(ValidationError, match="Write the minute of item 3"):
        minute_draft(item=item(held, 3), text="  ", actor=clerk)


def test_minutes_page_saves_all_or_nothing(held, clerk):
    texts = {item(held, 1).pk: "Confirmed.", item(held, 2).pk: "", item(held, 3).pk: "Noted."}
    assert len(minutes_draft_all(meeting=held, texts=texts, actor=clerk)) == 2
    texts[item(held, 1).pk] = ""  # emptying an existing minute is refused
    texts[item(held, 3).pk] = "Changed."
    with pytest.raises(ValidationError):
        minutes_draft_all(meeting=held, texts=texts, actor=clerk)
    assert Minute.objects.get(item=item(held, 3)).text == "Noted."


# Approval


def test_approved_at_a_later_meeting_of_the_same_body(drafted, next_held, clerk):
    at = item(next_held, 1)
    minutes_approve(meeting=drafted, at_item=at, actor=clerk)
    drafted.refresh_from_db()
    at.refresh_from_db()
    assert drafted.status == Meeting.Status.MINUTES_APPROVED
    assert drafted.minutes_approved_at == at
    assert at.minutes_of == drafted
    latest = drafted.history.first()
    assert latest.history_user == clerk
    assert latest.history_change_reason == f"Minutes approved at {next_held}"


def test_approved_minutes_are_never_edited(drafted, next_held, clerk):
    minutes_approve(meeting=drafted, at_item=item(next_held, 1), actor=clerk)
    with pytest.raises(ValidationError, match="approved minutes are never edited"):
        minute_draft(item=item(drafted, 3), text="Quietly rewritten.", actor=clerk)
    with pytest.raises(ValidationError, match="already been approved"):
        minutes_approve(meeting=drafted, at_item=item(next_held, 1), actor=clerk)
    with pytest.raises(ValidationError, match="approved"):
        declare(item(drafted, 3), person("Sue Harper"), clerk)
    assert Minute.objects.get().text == "RESOLVED 2021/001 that the report be noted."


def assert_refused(meeting, at_item, clerk, message):
    with pytest.raises(ValidationError) as exc:
        minutes_approve(meeting=meeting, at_item=at_item, actor=clerk)
    assert message in exc.value.messages[0]
    meeting.refresh_from_db()
    assert meeting.minutes_approved_at is None
    assert meeting.status != Meeting.Status.MINUTES_APPROVED


def test_not_at_the_meeting_they_record(drafted, clerk):
    assert_refused(
        drafted, item(drafted, 1), clerk, "Minutes cannot be approved at the meeting they record"
    )


def test_not_at_another_bodys_meeting(drafted, scrutiny_body, clerk):
    other = make_meeting(scrutiny_body, date(2021, 2, 8))
    other.status = Meeting.Status.HELD
    other.save()
    assert_refused(
        drafted,
        item(other, 1),
        clerk,
        "only at a later meeting of the Adult Social Care and Public Health Committee, not at "
        "a meeting of the Health Scrutiny Committee",
    )


def test_not_at_an_earlier_meeting(drafted, body, clerk):
    earlier = make_meeting(body, date(2020, 12, 7))
    earlier.status = Meeting.Status.HELD
    earlier.save()
    assert_refused(drafted, item(earlier, 1), clerk, "only at a later meeting")


def test_not_at_a_meeting_not_yet_held(drafted, next_meeting, clerk):
    assert_refused(drafted, item(next_meeting, 1), clerk, "has not been held yet")


def test_only_through_the_minutes_item(drafted, next_held, clerk):
    assert_refused(drafted, item(next_held, 3), clerk, "through the 'Minutes of the last meeting'")


def test_not_through_an_item_for_another_meetings_minutes(drafted, next_held, body, clerk):
    other = make_meeting(body, date(2020, 12, 7), items=False)
    AgendaItem.objects.filter(pk=item(next_held, 1).pk).update(minutes_of=other)
    assert_refused(drafted, item(next_held, 1), clerk, "for the minutes of another meeting")


def test_not_minutes_with_no_text(held, next_held, clerk):
    assert_refused(held, item(next_held, 1), clerk, "These minutes have no text yet")
