"""Fixtures of the meetings tests: agendas, packs, reports and proceedings."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest

from governance.models import Membership, Person
from meetings.models import AgendaItem, Attendance, Meeting, Minute, Report
from meetings.services import agenda as agenda_services
from meetings.services import reports as report_services
from tests.factories import (
    LONDON,
    PART_II_MINUTE_MARKER,
    all_present,
    at,
    make_meeting,
    make_user,
    report_fields,
    schedule,
    seat,
)


@pytest.fixture
def officer_seat(body):
    return seat(body, "Jonathan Gribbin", role=Membership.Role.OFFICER, voting=False)


@pytest.fixture
def next_meeting(body, meeting) -> Meeting:
    """8 February 2021, the next meeting of the same body."""
    return make_meeting(body, date(2021, 2, 8))


@pytest.fixture
def next_held(next_meeting, seats, clerk):
    all_present(next_meeting, seats, clerk)
    return next_meeting


@pytest.fixture
def draft(body, clerk) -> Meeting:
    """A draft agenda: the four standard items and one business item at 3 + 1."""
    meeting = schedule(body, clerk)
    agenda_services.item_add(
        meeting=meeting, title="Better Care Fund plan", purpose="decision", actor=clerk
    )
    return meeting


@pytest.fixture
def published(draft, clerk) -> Meeting:
    return agenda_services.agenda_publish(meeting=draft, actor=clerk, now=at(2099, 2, 1))


@pytest.fixture
def minuted_meeting(pack_meeting, member) -> Meeting:
    """The pack meeting with attendance and minutes, one of them Part II."""
    for item in pack_meeting.items.all():
        text = f"The committee considered {item.title.lower()}."
        if item.is_exempt:
            text += f" {PART_II_MINUTE_MARKER}"
        Minute.objects.create(item=item, text=text)
    Attendance.objects.create(
        meeting=pack_meeting, person=member.person, status=Attendance.Status.PRESENT
    )
    return pack_meeting


@pytest.fixture(scope="session")
def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return buffer.getvalue()


@pytest.fixture
def draft_meeting(body) -> Meeting:
    return Meeting.objects.create(
        body=body,
        start=datetime(2021, 3, 29, 14, 0, tzinfo=LONDON),
        venue="County Hall, West Bridgford",
    )


@pytest.fixture
def draft_item(draft_meeting) -> AgendaItem:
    return AgendaItem.objects.create(meeting=draft_meeting, position=1, title="Draft business")


@pytest.fixture
def attending_officer(body):
    """An officer in attendance: a member of the body through an officer membership."""
    user = make_user("attending", first_name="Amy", last_name="Attending")
    person = Person.objects.create(name="Amy Attending", slug="amy-attending", user=user)
    Membership.objects.create(
        body=body,
        person=person,
        role=Membership.Role.OFFICER,
        voting=False,
        start=date(2020, 1, 1),
    )
    return user


@pytest.fixture
def other_body_member(scrutiny_body):
    """A member of another body (the scrutiny committee), not of `body`."""
    user = make_user("othermember", first_name="Oscar", last_name="Other")
    person = Person.objects.create(name="Oscar Other", slug="oscar-other", user=user)
    Membership.objects.create(body=scrutiny_body, person=person, start=date(2020, 1, 1))
    return user


@pytest.fixture
def draft_report(draft_item, clerk) -> Report:
    return report_services.report_create(item=draft_item, actor=clerk, **report_fields())
