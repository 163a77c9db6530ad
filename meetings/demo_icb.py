"""A demo ICB board meeting with a private session under NHS rules (issue 15 item 1).

The BSW Integrated Care Board's terms of reference (governance/demo/terms.py) say it excludes
the public on NHS public-interest grounds, not under Schedule 12A. Its meeting takes a
contract decision in private, the reason stated against the item; the agenda shows the
standard NHS resolution to exclude the press and public. The dates and business are
plausible, not facts from the seeds. It goes through the services a clerk uses; a second run
adds nothing.

Held, it shows the NHS conflicts of interest rules at work (a director declares an interest in
the contract; the minutes record who decided how it was managed and why) and the board
assurance framework (the winter plan update gives assurance on the Wiltshire Alliance's winter
risks from seed 004). Besides its Chair from the seeds, the board's members here are clearly
fictional demo people, as the registers' demo people are.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from governance.models import Body, InterestKind, Organisation, Person, Risk
from governance.services.structure import membership_add, person_create
from meetings.models import Declaration, Meeting, RiskAssurance
from meetings.services import agenda as services
from meetings.services.assurance import risk_assurance_record
from meetings.services.proceedings import AttendanceEntry, attendance_record, declaration_record

LONDON = ZoneInfo("Europe/London")
START = datetime(2024, 3, 7, 10, 0, tzinfo=LONDON)
PUBLISHED = datetime(2024, 2, 28, 16, 0, tzinfo=LONDON)
VENUE = "Kempton Room, Civic Offices, Trowbridge"
PUBLIC_ITEMS = [
    ("Integrated care strategy: implementation plan", "decision"),
    ("Winter plan: system resilience update", "assurance"),
]
PRIVATE_ITEM = "Community beds contract award"
PRIVATE_REASON = (
    "commercially confidential information about the tenders received, publicity on which "
    "would prejudice the procurement"
)


# Fictional demo members of the board (Robin Sample is the registers' demo NHS director).
FICTIONAL = "Fictional demo ICB board member"
DEMO_MEMBERS = [
    ("robin-sample", "Robin Sample"),
    ("alex-demo", "Alex Demo"),
    ("sam-placeholder", "Sam Placeholder"),
    ("jo-illustrative", "Jo Illustrative"),
    ("chris-specimen", "Chris Specimen"),
]
MEMBERS_FROM = date(2022, 7, 1)
DECLARED = (
    "Non-executive director of a company in the same group as one of the bidders. "
    "(Illustrative demo entry.)"
)
MANAGED_BY = "The Chair, Stephanie Elsy"
MANAGEMENT = (
    "Left the meeting for the item and received none of its papers, as the interest is in a "
    "bidder for the contract."
)
# Seed 004's winter risks the winter plan update gave assurance on: reference, level, note.
ASSURANCE = [
    ("R1", RiskAssurance.Level.LIMITED,
     "The update set out surge bed capacity for the South of the county; domiciliary care "
     "capacity in rural areas remains the gap."),
    ("R2", RiskAssurance.Level.REASONABLE,
     "Locum spend is reported monthly against the winter plan's budget."),
]  # fmt: skip


def seat_demo_members(board: Body) -> list[Person]:
    """The board's chair and its fictional demo members, seated once."""
    icb = Organisation.objects.get(slug="bsw-icb")
    people = [Person.objects.get(slug="stephanie-elsy")]
    for slug, name in DEMO_MEMBERS:
        person = Person.objects.filter(slug=slug).first() or person_create(
            actor=None, slug=slug, name=name, job_title=FICTIONAL, organisation=icb
        )
        if not board.memberships.filter(person=person).exists():
            membership_add(
                body=board, person=person, actor=None, role="member", voting=True,
                representing=icb, start=MEMBERS_FROM,
            )  # fmt: skip
        people.append(person)
    return people


def _held(meeting: Meeting, people: list[Person]) -> None:
    """The attendance, the declaration and the assurance, once each."""
    if not meeting.attendance.exists():
        attendance_record(
            meeting=meeting,
            entries=[AttendanceEntry(person, "present") for person in people],
            actor=None,
        )
    private = meeting.items.get(title=PRIVATE_ITEM)
    if not Declaration.objects.filter(item=private).exists():
        declaration_record(
            item=private, person=Person.objects.get(slug="robin-sample"),
            kind=InterestKind.OTHER_REGISTRABLE, description=DECLARED,
            action=Declaration.Action.LEFT_ROOM, managed_by=MANAGED_BY,
            management_reason=MANAGEMENT, actor=None,
        )  # fmt: skip
    winter = meeting.items.get(title=PUBLIC_ITEMS[1][0])
    for reference, level, note in ASSURANCE:
        risk = Risk.objects.get(partnership__slug="wiltshire-alliance", reference=reference)
        if not RiskAssurance.objects.filter(risk=risk, item=winter).exists():
            risk_assurance_record(item=winter, risk=risk, level=level, note=note, actor=None)


def load() -> None:
    """Schedule, fill and publish the board's meeting once; then record it as held."""
    board = Body.objects.get(slug="bsw-icb-board")
    people = seat_demo_members(board)
    meeting = Meeting.objects.filter(body=board, start=START).first() or _publish(board)
    _held(meeting, people)


def _publish(board: Body) -> Meeting:
    meeting = services.meeting_schedule(body=board, start=START, venue=VENUE, actor=None)
    for title, purpose in PUBLIC_ITEMS:
        services.item_add(meeting=meeting, title=title, purpose=purpose, actor=None)
    services.item_add(
        meeting=meeting,
        title=PRIVATE_ITEM,
        purpose="decision",
        is_exempt=True,
        exempt_reason=PRIVATE_REASON,
        position=99,  # Part II business comes last, after the work programme
        actor=None,
    )
    return services.agenda_publish(meeting=meeting, actor=None, now=PUBLISHED)
