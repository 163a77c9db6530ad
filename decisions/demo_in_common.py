"""A demo meeting held in common (issue 15): the BSW Integrated Care Board and the Wiltshire
Health and Wellbeing Board sit together to agree the Better Care Fund plan, each with its own
attendance, quorum and resolution, numbered in its own series.

The bodies and their chairs come from the seeds; the date, the business and the fictional demo
members (the ICB board's from `meetings.demo_icb`) do not. It goes through the services a
clerk uses; a second run adds nothing.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from decisions.models import Resolution
from decisions.services.resolutions import resolution_record
from governance.models import Body, Organisation, Person
from governance.services.structure import membership_add, person_create
from meetings.demo_icb import MEMBERS_FROM, seat_demo_members
from meetings.models import Meeting
from meetings.services import agenda as agenda_services
from meetings.services.proceedings import AttendanceEntry, attendance_record

LONDON = ZoneInfo("Europe/London")
START = datetime(2024, 3, 21, 14, 0, tzinfo=LONDON)
PUBLISHED = datetime(2024, 3, 12, 16, 0, tzinfo=LONDON)
VENUE = "Council Chamber, County Hall, Trowbridge"
ITEM = "Better Care Fund plan 2024-25"
# Each body's own decision on the item.
DECISIONS = {
    "bsw-icb-board": "Approves the Wiltshire Better Care Fund plan 2024-25 for the ICB, "
    "including the NHS minimum contribution.\nDelegates the section 75 agreement to the "
    "Chief Executive.",
    "wiltshire-health-and-wellbeing-board": "Approves the Wiltshire Better Care Fund plan "
    "2024-25 for submission to NHS England.\nAsks for a quarterly report on its metrics.",
}
HWB_DEMO_MEMBERS = [("kim-example", "Kim Example"), ("lee-sample", "Lee Sample")]


def _seat_board_members(board: Body) -> list[Person]:
    """The Health and Wellbeing Board's chair (seed) and two fictional demo members."""
    council = Organisation.objects.get(slug="wiltshire-council")
    people = [Person.objects.get(slug="richard-clewer")]
    for slug, name in HWB_DEMO_MEMBERS:
        person = Person.objects.filter(slug=slug).first() or person_create(
            actor=None, slug=slug, name=name, honorific="Councillor",
            job_title="Fictional demo councillor", organisation=council,
        )  # fmt: skip
        if not board.memberships.filter(person=person).exists():
            membership_add(
                body=board, person=person, actor=None, role="member", voting=True,
                representing=council, start=MEMBERS_FROM,
            )  # fmt: skip
        people.append(person)
    return people


def load() -> None:
    """Schedule the meeting in common, publish, record it held and each body's resolution."""
    icb = Body.objects.get(slug="bsw-icb-board")
    hwb = Body.objects.get(slug="wiltshire-health-and-wellbeing-board")
    people = seat_demo_members(icb) + _seat_board_members(hwb)
    meeting = Meeting.objects.filter(body=icb, start=START).first()
    if meeting is None:
        meeting = agenda_services.meeting_schedule(body=icb, start=START, venue=VENUE, actor=None)
        agenda_services.meeting_hold_in_common(meeting=meeting, bodies=[hwb], actor=None)
        agenda_services.item_add(meeting=meeting, title=ITEM, purpose="decision", actor=None)
        agenda_services.agenda_publish(meeting=meeting, actor=None, now=PUBLISHED)
    if not meeting.attendance.exists():
        attendance_record(
            meeting=meeting,
            entries=[AttendanceEntry(person, "present") for person in people],
            actor=None,
        )
    item = meeting.items.get(title=ITEM)
    for body in (icb, hwb):
        if not Resolution.objects.filter(item=item, body=body).exists():
            resolution_record(
                item=item, kind=Resolution.Kind.DECISION, parts=DECISIONS[body.slug],
                actor=None, body=body,
            )  # fmt: skip
