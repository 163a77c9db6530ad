"""Putting mistakes right at a meeting: declarations, attendance, Part I paragraphs, approval."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import Membership
from meetings.models import AgendaItem, Declaration, Meeting, Minute
from meetings.services.agenda import item_add, item_update
from meetings.services.proceedings import (
    AttendanceEntry,
    attendance_record,
    declaration_record,
    declaration_remove,
    declaration_update,
    minutes_approve,
)
from tests.factories import all_present, approve_terms, make_meeting, seat

DPI = "disclosable_pecuniary"


@pytest.fixture
def fx_seats(body, council, member):
    return {
        "chair": seat(body, "Sue Harper", council, role=Membership.Role.CHAIR),
        "doddy": seat(body, "John Doddy", council),
        "weisz": Membership.objects.get(body=body, person__name="Muriel Weisz"),
    }


@pytest.fixture
def fx_held(body, fx_seats, clerk) -> Meeting:
    """11 January 2021, everyone present, so held."""
    approve_terms(body, quorum=2)
    meeting = make_meeting(body, date(2021, 1, 11))
    all_present(meeting, fx_seats, clerk)
    return meeting


@pytest.fixture
def fx_declaration(fx_held, fx_seats, clerk) -> Declaration:
    return declaration_record(
        item=fx_held.items.get(position=3),
        person=fx_seats["doddy"].person,
        kind="other_registrable",
        description="Governor of a care home",
        action=Declaration.Action.REMAINED,
        actor=clerk,
    )


def _declare(meeting, who, clerk, **kwargs):
    values = {"kind": DPI, "description": "Owns a care home", "action": "remained"}
    values.update(kwargs)
    return declaration_record(
        item=meeting.items.get(position=3), person=who, actor=clerk, **values
    )


# Declarations


def test_a_second_declaration_by_the_same_person_on_the_item_is_refused(
    fx_declaration, fx_seats, clerk
):
    with pytest.raises(ValidationError) as caught:
        _declare(fx_declaration.item.meeting, fx_seats["doddy"].person, clerk, kind="other")
    assert caught.value.messages == [
        "John Doddy has already declared an interest on item 3; correct that declaration instead."
    ]
    assert Declaration.objects.count() == 1


def test_a_pecuniary_interest_must_leave_the_room_or_have_a_dispensation(fx_held, fx_seats, clerk):
    chair = fx_seats["chair"].person
    with pytest.raises(ValidationError, match="must leave the room unless a dispensation"):
        _declare(fx_held, chair, clerk)
    with pytest.raises(ValidationError, match="who granted the dispensation, the date"):
        _declare(fx_held, chair, clerk, dispensation_granted_by="Monitoring Officer")
    declaration = _declare(
        fx_held,
        chair,
        clerk,
        dispensation_granted_by="Monitoring Officer",
        dispensation_granted_on=date(2020, 12, 1),
        dispensation_reference="DISP/2020/14",
    )
    assert declaration.has_dispensation
    left = _declare(fx_held, fx_seats["weisz"].person, clerk, action="left_room")
    assert left.pk


def test_a_declaration_is_corrected_and_removed_with_reasons_in_its_history(fx_declaration, clerk):
    corrected = declaration_update(
        declaration=fx_declaration,
        actor=clerk,
        reason="He left the room",
        expected_version=1,
        action=Declaration.Action.LEFT_ROOM,
    )
    assert corrected.action == Declaration.Action.LEFT_ROOM
    assert corrected.history.first().history_change_reason == (
        "Declaration corrected: He left the room"
    )
    with pytest.raises(ValidationError, match="Someone else changed"):
        declaration_update(
            declaration=fx_declaration, actor=clerk, reason="x", expected_version=1, kind=DPI
        )
    declaration_remove(declaration=fx_declaration, actor=clerk, reason="Wrong item")
    assert not Declaration.objects.exists()
    gone = Declaration.history.filter(id=fx_declaration.pk).first()
    assert gone.history_type == "-"
    assert gone.history_user == clerk
    assert gone.history_change_reason == "Declaration removed: Wrong item"


def test_declarations_are_fixed_only_until_the_minutes_are_approved(
    client_for, body, fx_declaration, clerk
):
    meeting = fx_declaration.item.meeting
    Minute.objects.create(item=fx_declaration.item, text="Noted.")
    later = make_meeting(body, date(2021, 2, 8))
    later.status = Meeting.Status.HELD
    later.save()
    minutes_approve(meeting=meeting, at_item=later.items.get(position=1), actor=clerk)
    with pytest.raises(ValidationError, match="minutes of this meeting have been approved"):
        declaration_update(declaration=fx_declaration, actor=clerk, reason="x", kind=DPI)
    with pytest.raises(ValidationError, match="minutes of this meeting have been approved"):
        declaration_remove(declaration=fx_declaration, actor=clerk, reason="x")
    page = client_for(clerk).get(meeting.get_absolute_url()).content.decode()
    assert "Correct<span" not in page
    assert "Record a declaration" not in page


def test_the_pages_correct_and_remove_a_declaration(client_for, clerk, fx_declaration):
    client = client_for(clerk)
    meeting = fx_declaration.item.meeting
    page = client.get(meeting.get_absolute_url()).content.decode()
    edit = reverse("meetings:declaration_edit", args=[meeting.pk, fx_declaration.pk])
    remove = reverse("meetings:declaration_remove", args=[meeting.pk, fx_declaration.pk])
    assert edit in page and remove in page
    refused = client.post(
        edit,
        {"version": 1, "kind": DPI, "description": "Owns it", "action": "remained", "reason": "x"},
    )
    assert "must leave the room unless a dispensation" in refused.content.decode()
    saved = client.post(
        edit,
        {
            "version": 1,
            "kind": DPI,
            "description": "Owns it",
            "action": "remained",
            "dispensation_granted_by": "Standards Committee",
            "dispensation_granted_on": "2020-11-30",
            "dispensation_reference": "SC-7",
            "reason": "It is his own care home",
        },
    )
    assert saved.status_code == 302
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert (
        "dispensation granted by Standards Committee on 30 November 2020, reference SC-7" in page
    )
    assert client.post(remove, {"reason": ""}).status_code == 200
    assert client.post(remove, {"reason": "Recorded twice"}).status_code == 302
    assert not Declaration.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("clerk", 200), ("member", 403), ("officer", 403), ("outsider", 403), (None, 302)],
)
def test_who_may_correct_or_remove_a_declaration(request, client_for, fx_declaration, who, status):
    user = request.getfixturevalue(who) if who else None
    meeting = fx_declaration.item.meeting
    for name in ("meetings:declaration_edit", "meetings:declaration_remove"):
        url = reverse(name, args=[meeting.pk, fx_declaration.pk])
        assert client_for(user).get(url).status_code == status
    url = reverse("meetings:declaration_remove", args=[meeting.pk, fx_declaration.pk])
    posted = client_for(user).post(url, {"reason": "Not theirs to remove"})
    assert posted.status_code == (302 if who in ("clerk", None) else status)
    assert Declaration.objects.exists() == (who != "clerk")


# Attendance


def test_attendance_before_the_meeting_starts_is_refused_and_not_offered(
    client_for, body, fx_seats, clerk
):
    future = make_meeting(body, date(2099, 1, 12))
    client = client_for(clerk)
    page = client.get(future.get_absolute_url()).content.decode()
    assert reverse("meetings:attendance", args=[future.pk]) not in page
    assert "its attendance can be recorded once it has started" in page
    form = client.get(reverse("meetings:attendance", args=[future.pk])).content.decode()
    assert "once it has started" in form
    with pytest.raises(ValidationError, match="once it has started"):
        attendance_record(
            meeting=future,
            entries=[AttendanceEntry(fx_seats["chair"].person, "present")],
            actor=clerk,
        )


# Part I items and the Schedule 12A paragraph


def test_a_part_one_item_refuses_a_paragraph_in_the_service(body, clerk):
    meeting = make_meeting(body, date(2099, 3, 1), published=False, items=False)
    with pytest.raises(ValidationError, match="Only a Part II item cites a paragraph"):
        item_add(meeting=meeting, title="Budget", exempt_paragraph=3, actor=clerk)
    item = item_add(meeting=meeting, title="Fees", is_exempt=True, exempt_paragraph=3, actor=clerk)
    with pytest.raises(ValidationError, match="Only a Part II item cites a paragraph"):
        item_update(item=item, actor=clerk, is_exempt=False, exempt_paragraph=3)
    # Making it Part I without naming a paragraph drops the old one, as the clerk means.
    assert item_update(item=item, actor=clerk, is_exempt=False).exempt_paragraph is None


def test_a_part_one_item_with_a_paragraph_is_refused_with_a_message(client_for, body, clerk):
    meeting = make_meeting(body, date(2099, 3, 1), published=False, items=False)
    response = client_for(clerk).post(
        reverse("meetings:item_add", args=[meeting.pk]),
        {"title": "Budget", "purpose": "decision", "exempt_paragraph": "3"},
    )
    assert response.status_code == 200
    assert "Only a Part II item cites a paragraph of Schedule 12A" in response.content.decode()
    assert not AgendaItem.objects.filter(meeting=meeting).exists()


# Approving the minutes


def test_the_approve_button_is_not_offered_when_approval_must_fail(
    client_for, body, fx_held, clerk
):
    later = make_meeting(body, date(2021, 2, 8))
    later.status = Meeting.Status.HELD
    later.save()
    client = client_for(clerk)
    page = client.get(later.get_absolute_url()).content.decode()
    assert f"Approve the minutes of {fx_held}" not in page
    assert "cannot be approved here yet: These minutes have no text yet" in page
    Minute.objects.create(item=fx_held.items.get(position=3), text="Noted.")
    page = client.get(later.get_absolute_url()).content.decode()
    assert f"Approve the minutes of {fx_held}" in page
