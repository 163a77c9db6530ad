"""Plain functions that build records for the tests, and the constants that go with them.

Fixtures live in the `conftest.py` of each test folder; they call these. Import what a test
needs by name (`from tests.factories import make_meeting`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from pypdf import PdfReader

from decisions.models import (
    Action,
    ActionNote,
    NamedVote,
    Ratification,
    Resolution,
    ScrutinyRecommendation,
)
from governance.models import (
    Agreement,
    AgreementParty,
    Body,
    Membership,
    Organisation,
    Partnership,
    Person,
    RoleAssignment,
    TermsOfReference,
)
from governance.models.registers import InterestKind
from governance.services import agreements as agreement_services
from governance.services.terms import terms_approve, terms_draft_create
from ics_portal.common.records import save_record
from meetings.models import (
    AgendaItem,
    AgendaRevision,
    Attendance,
    Declaration,
    Meeting,
    Minute,
    Report,
    WorkProgrammeEntry,
)
from meetings.services import agenda as agenda_services
from meetings.services.proceedings import AttendanceEntry, attendance_record

LONDON = ZoneInfo("Europe/London")
PASSWORD = "correct-horse-battery-staple"


def make_user(username: str, **extra):
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", **extra
    )


# People, seats, terms and meetings ------------------------------------------------------------

P = AgendaItem  # short alias for kinds


def person(name: str, **extra) -> Person:
    slug = name.lower().replace(" ", "-")
    found, _ = Person.objects.get_or_create(slug=slug, defaults={"name": name, **extra})
    return found


def seat(body: Body, name: str, organisation=None, *, role=Membership.Role.MEMBER, voting=True):
    return Membership.objects.create(
        body=body,
        person=person(name),
        representing=organisation,
        role=role,
        voting=voting,
        start=date(2020, 1, 1),
    )


def approve_terms(body: Body, quorum: int = 3, kinds=(), organisations=()) -> TermsOfReference:
    terms = TermsOfReference.objects.create(
        body=body,
        version=1,
        status=TermsOfReference.Status.APPROVED,
        purpose="To oversee adult social care.",
        membership_rules="Eleven councillors.",
        quorum_count=quorum,
        quorum_required_kinds=list(kinds),
        frequency="Monthly",
        approved_on=date(2020, 1, 1),
    )
    terms.quorum_required_organisations.set(organisations)
    return terms


def make_meeting(body: Body, day: date, *, published=True, items=True) -> Meeting:
    start = datetime(day.year, day.month, day.day, 10, 30, tzinfo=LONDON)
    meeting = Meeting.objects.create(
        body=body,
        start=start,
        venue="County Hall, West Bridgford",
        status=Meeting.Status.AGENDA_PUBLISHED if published else Meeting.Status.SCHEDULED,
        agenda_published_at=datetime(day.year, day.month, 1, 9, tzinfo=LONDON)
        if published
        else None,
    )
    if items:
        AgendaItem.objects.create(
            meeting=meeting, position=1, kind=P.Kind.MINUTES, title="Minutes of the last meeting"
        )
        AgendaItem.objects.create(
            meeting=meeting, position=2, kind=P.Kind.APOLOGIES, title="Apologies for absence"
        )
        AgendaItem.objects.create(
            meeting=meeting,
            position=3,
            title="Public health services performance report",
            purpose=P.Purpose.DECISION,
        )
        AgendaItem.objects.create(
            meeting=meeting,
            position=4,
            title="Care home fee negotiations",
            is_exempt=True,
            exempt_paragraph=3,
        )
    return meeting


def all_present(meeting: Meeting, seats: dict, actor, **overrides) -> None:
    """Record every seat as present, except those overridden (name -> AttendanceEntry)."""
    entries = []
    for key, membership in seats.items():
        entries.append(overrides.get(key, AttendanceEntry(membership.person, "present")))
    attendance_record(meeting=meeting, entries=entries, actor=actor)
    meeting.refresh_from_db()


def item(meeting: Meeting, position: int) -> AgendaItem:
    return meeting.items.get(position=position)


def approve_minutes(meeting: Meeting, at: Meeting) -> None:
    """The meeting's minutes approved under item 1 of the later meeting `at`."""
    meeting.minutes_approved_at = item(at, 1)
    meeting.status = Meeting.Status.MINUTES_APPROVED
    meeting.save()


def make_short_report(
    agenda_item: AgendaItem, information: str, title: str = "A report"
) -> Report:
    return Report.objects.create(
        item=agenda_item,
        title=title,
        purpose="To inform the committee.",
        recommendations="Note the report.",
        information=information,
        author="Jonathan Gribbin",
    )


# Search: a script tag planted in a report, which must come back escaped.
SCRIPT = "<script>alert(1)</script>"


# Terms of reference ----------------------------------------------------------------------------

TERMS_TEXT = {
    "purpose": "To oversee adult social care and public health in Nottinghamshire.",
    "membership_rules": "Eleven elected members of the Council, appointed by Full Council.",
    "quorum_count": 3,
    "frequency": "Monthly",
    "voting": "Each member has one vote; the Chair has a casting vote.",
    "delegated_authority": "Decisions on adult social care policy within the budget.",
    "review_date": date(2099, 5, 1),
}


def seat_voting_members(body: Body, organisation: Organisation, count: int) -> list[Membership]:
    return [seat(body, f"Voting Member {n}", organisation) for n in range(count)]


def approved_version(
    body: Body, actor, *, approved_on: date = date(2021, 5, 27), **changes
) -> TermsOfReference:
    """A version drafted and approved through the services (the body needs voting members)."""
    terms = terms_draft_create(body=body, actor=actor, **{**TERMS_TEXT, **changes})
    return terms_approve(
        terms=terms,
        approved_on=approved_on,
        approved_by=f"Full Council, {approved_on:%d %B %Y}",
        actor=actor,
    )


# Agendas ---------------------------------------------------------------------------------------


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


def schedule(body, actor, start=None, **extra) -> Meeting:
    return agenda_services.meeting_schedule(
        body=body,
        start=start or at(2099, 3, 10),
        venue=extra.pop("venue", "County Hall, West Bridgford"),
        actor=actor,
        **extra,
    )


def titles(meeting: Meeting) -> list[str]:
    return list(meeting.items.order_by("position").values_list("title", flat=True))


def positions(meeting: Meeting) -> list[int]:
    return list(meeting.items.order_by("position").values_list("position", flat=True))


def business_item(meeting: Meeting) -> AgendaItem:
    return meeting.items.get(kind=AgendaItem.Kind.BUSINESS)


# Reports and their files -----------------------------------------------------------------------

PART_ONE_TEXT = "The winter plan keeps 40 extra beds open"
PART_TWO_TEXT = "SECRET-PART-II: the winning bid was 1.2 million pounds"
# Every kind of viewer, by fixture name (None is the anonymous public).
REPORT_VIEWERS = [
    None,
    "outsider",
    "officer",
    "other_body_member",
    "member",
    "attending_officer",
    "clerk",
    "admin_user",
    "scrutiny_member",
]


# Who may see the Part II content of `body`.
REPORT_SEES_PART_TWO = {"member", "attending_officer", "clerk", "admin_user"}
# Who may see an unpublished meeting of `body`.
REPORT_SEES_DRAFTS = {"clerk", "admin_user"}


def report_fields(**overrides) -> dict:
    fields = {
        "title": "Winter plan",
        "purpose": "To set out the winter plan.",
        "recommendations": "Note the plan.\nApprove the extra beds.",
        "information": PART_ONE_TEXT,
        "author": "Jane Author",
        "author_contact": "jane.author@example.org",
        "implications_financial": "Within budget.",
    }
    fields.update(overrides)
    return fields


# Agenda packs ----------------------------------------------------------------------------------

PART_II_MARKER = "ZEBRAPARTTWO7731"
PART_II_MINUTE_MARKER = "OKAPIPARTTWOMINUTE4410"
PARAGRAPH = (
    "The partnership has reviewed the arrangements for adult social care and public health "
    "across the county, drawing on the views of residents, providers and staff. "
) * 6


def long_text(paragraphs: int, marker: str = "") -> str:
    return "\n\n".join(f"{PARAGRAPH}{marker}" for _ in range(paragraphs))


def make_report(item: AgendaItem, title: str, paragraphs: int, marker: str = "") -> Report:
    return Report.objects.create(
        item=item,
        title=title,
        purpose=f"To inform the committee about {title.lower()}. {marker}",
        recommendations="Note the report.\nAgree the next steps.",
        information=long_text(paragraphs, marker),
        other_options="None.",
        reasons="To keep the committee informed.",
        implications_financial="None arising from this report.",
        author="Jane Doe, Service Director",
        author_contact="jane.doe@example.org",
        consultee_constitutional="The committee may agree the recommendations.",
    )


def pdf_pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


# Follow-up: actions and scrutiny ---------------------------------------------------------------

FOLLOWUP_DAY = date(2021, 1, 11)
PART_TWO_SECRET = "Negotiate the Bramble Lodge fee at 4.2 per cent"


def make_item_resolution(
    meeting,
    position: int,
    number: int,
    parts: str = "1) Noted the report.\n2) Requested an email update.",
    **extra,
) -> Resolution:
    return Resolution.objects.create(
        body=meeting.body,
        year=meeting.date.year,
        number=number,
        meeting=meeting,
        item=item(meeting, position),
        parts=parts,
        **extra,
    )


# Ratifications ---------------------------------------------------------------------------------

RATIFICATION_DAY = date(2021, 11, 8)
# Cabinet's ratification of the agreement: its forward plan entry is first published the day
# after the agreement; the 28th clear day is 7 December, so Cabinet may decide from 8 December.
EX_FIRST_PUBLISHED = date(2021, 11, 9)
EX_CABINET_DAY = date(2021, 12, 8)


def make_resolution(
    body: Body,
    *,
    kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE,
    number=1,
    day=RATIFICATION_DAY,
    meeting=None,
) -> Resolution:
    meeting = meeting or make_meeting(body, day)
    status = (
        Resolution.Status.TO_ROUTE
        if kind == Resolution.Kind.AGREEMENT_IN_PRINCIPLE
        else Resolution.Status.AGREED
    )
    return Resolution.objects.create(
        body=body,
        year=day.year,
        number=number,
        meeting=meeting,
        item=meeting.items.get(position=3),
        kind=kind,
        status=status,
        parts="1) Adopt the Memorandum of Understanding.\n2) Refer it to each partner.",
    )


def ratification_of(resolution: Resolution, organisation: Organisation) -> Ratification:
    return Ratification.objects.get(resolution=resolution, organisation=organisation)


# The decision trail: one resolution with every kind of event -----------------------------------

# Unique strings planted in Part II content: none may reach a viewer who may not see it.
REPORT_MARKER = "ZQX-REPORT-SECRET"
PARTS_MARKER = "ZQX-PARTS-SECRET"
MINUTE_MARKER = "ZQX-MINUTE-SECRET"
OLD_PARTS_MARKER = "ZQX-OLD-PARTS-SECRET"
MARKERS = [REPORT_MARKER, PARTS_MARKER, MINUTE_MARKER, OLD_PARTS_MARKER]
# Every kind of viewer, by fixture name (None is the anonymous public), and who sees Part II.
TRAIL_VIEWERS = [None, "outsider", "scrutiny_member", "member", "clerk", "admin_user"]
TRAIL_SEES_PART_TWO = {"member", "clerk", "admin_user"}


@dataclass
class Story:
    """The records of one trail, for tests to look at."""

    meeting: Meeting
    item: AgendaItem
    entry: WorkProgrammeEntry
    report: Report
    resolution: Resolution
    earlier: Resolution
    later: Resolution
    minute: Minute
    ratifications: list[Ratification]
    action: Action
    recommendation: ScrutinyRecommendation
    revision: AgendaRevision


def trail_at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


def partner_organisation(n: int) -> Organisation:
    return Organisation.objects.create(
        name=f"Partner Organisation {n:02d}",
        short_name=f"P{n:02d}",
        slug=f"partner-{n:02d}",
        kind=Organisation.Kind.NHS_TRUST,
    )


def add_ratifications(resolution: Resolution, count: int, *, start: int = 0) -> list:
    """`count` ratifications, the first of each three ratified, with their minute references."""
    made = []
    for n in range(start, start + count):
        ratified = n % 3 == 0
        made.append(
            Ratification.objects.create(
                resolution=resolution,
                organisation=partner_organisation(n),
                due_date=date(2021, 4, 30),
                status=Ratification.Status.RATIFIED if ratified else Ratification.Status.REQUESTED,
                minute_reference=f"MIN-{n:02d}/21" if ratified else "",
                decided_on=date(2021, 3, 1) + timedelta(days=n) if ratified else None,
            )
        )
    # Routed the day after the meeting.
    Ratification.objects.filter(pk__in=[r.pk for r in made]).update(
        created=trail_at(date(2021, 2, 9))
    )
    for ratification in made:
        ratification.refresh_from_db()
    return made


def build_story(body, scrutiny_body, clerk, *, exempt: bool, ratifications: int = 3) -> Story:
    approve_terms(body, quorum=2)
    seats = {name: seat(body, name) for name in ("Ann Able", "Ben Bold", "Cat Cole")}
    seats["officer"] = seat(body, "Olive Officer", role="officer", voting=False)
    meeting = make_meeting(body, date(2021, 2, 8))
    meeting.status = Meeting.Status.MINUTES_APPROVED
    meeting.save()
    item = meeting.items.get(position=4 if exempt else 3)
    entry = WorkProgrammeEntry.objects.create(
        body=body,
        planned_for=date(2021, 2, 8),
        title="Care home fees review",
        lead_officer="Director of Adult Social Care",
        status=WorkProgrammeEntry.Status.ON_AGENDA,
    )
    item.work_programme_entry = entry
    item.save()
    report = Report.objects.create(
        item=item,
        title="Care home fees for 2021/22",
        purpose="To agree the fees.",
        recommendations="Agree the fee uplift.\nNote the market position.",
        information=f"The providers asked for more. {REPORT_MARKER}",
        author="Jane Author",
        author_contact="jane.author@example.org",
    )
    revision = AgendaRevision.objects.create(
        item=item, made_at=trail_at(date(2021, 2, 3), 9), made_by=clerk, summary="Revised appendix"
    )
    Attendance.objects.create(meeting=meeting, person=person("Ann Able"), status="present")
    Attendance.objects.create(meeting=meeting, person=person("Ben Bold"), status="present")
    Attendance.objects.create(
        meeting=meeting,
        person=person("Cat Cole"),
        status="substituted",
        substitute=person("Sue Substitute"),
    )
    Attendance.objects.create(meeting=meeting, person=person("Olive Officer"), status="officer")
    Declaration.objects.create(
        item=item,
        person=person("Ben Bold"),
        kind=InterestKind.OTHER_REGISTRABLE,
        description="Relative works at a care home",
        action=Declaration.Action.LEFT_ROOM,
    )
    earlier_meeting = make_meeting(body, date(2020, 11, 9))
    earlier = Resolution.objects.create(
        body=body,
        year=2020,
        number=4,
        meeting=earlier_meeting,
        item=earlier_meeting.items.get(position=3),
        parts="Fees frozen for a year.",
    )
    resolution = Resolution.objects.create(
        body=body,
        year=2021,
        number=3,
        meeting=meeting,
        item=item,
        kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE,
        status=Resolution.Status.AWAITING_RATIFICATION,
        parts=f"Agree in principle. {OLD_PARTS_MARKER}",
        acts_on=earlier,
        act=Resolution.Act.AMENDS,
        vote_taken=True,
        votes_for=2,
        votes_against=0,
        abstentions=1,
    )
    resolution.parts = f"Agree the uplift in principle. {PARTS_MARKER}\nRefer to partners."
    save_record(resolution, actor=clerk, reason="Wording corrected")
    NamedVote.objects.create(resolution=resolution, person=person("Ann Able"), vote="for")
    minute = Minute.objects.create(item=item, text=f"The committee debated fees. {MINUTE_MARKER}")
    later_meeting = make_meeting(body, date(2021, 7, 5))
    meeting.minutes_approved_at = later_meeting.items.get(position=1)
    meeting.save()
    later = Resolution.objects.create(
        body=body,
        year=2021,
        number=9,
        meeting=later_meeting,
        item=later_meeting.items.get(position=3),
        parts="The uplift has been paid.",
        acts_on=resolution,
        act=Resolution.Act.IMPLEMENTS,
    )
    made = add_ratifications(resolution, ratifications)
    action = Action.objects.create(
        body=body,
        resolution=resolution,
        description="Write to the providers with the new fees",
        owner="Director of Adult Social Care",
        due_date=date(2021, 3, 31),
    )
    Action.objects.filter(pk=action.pk).update(created=trail_at(date(2021, 2, 8), 15))
    action.refresh_from_db()
    ActionNote.objects.create(
        action=action,
        text="Letters drafted",
        written_at=trail_at(date(2021, 3, 1)),
        written_by=clerk,
    )
    recommendation = ScrutinyRecommendation(
        scrutiny_body=scrutiny_body,
        to_body=body,
        resolution=resolution,
        reference="HSC/2021/1",
        text="Publish the fee model",
        sent_on=date(2021, 6, 1),
        regime="health_scrutiny",
    )
    recommendation.set_response_due()
    recommendation.save()
    return Story(
        meeting=meeting,
        item=item,
        entry=entry,
        report=report,
        resolution=resolution,
        earlier=earlier,
        later=later,
        minute=minute,
        ratifications=made,
        action=action,
        recommendation=recommendation,
        revision=revision,
    )


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


# Agreements ------------------------------------------------------------------------------------


def make_alliance(clerk) -> Partnership:
    """A place partnership that owns a board the clerk clerks."""
    alliance = Partnership.objects.create(
        name="Wiltshire Alliance",
        short_name="Alliance",
        slug="wiltshire-alliance",
        level=Partnership.Level.PLACE,
    )
    board = Body.objects.create(
        name="Wiltshire Integrated Care Alliance",
        short_name="ICA",
        slug="wiltshire-integrated-care-alliance",
        kind=Body.Kind.BOARD,
        partnership=alliance,
    )
    RoleAssignment.objects.create(user=clerk, role=RoleAssignment.Role.CLERK, body=board)
    return alliance


def make_organisation(name: str, slug: str) -> Organisation:
    return Organisation.objects.create(
        name=name, short_name=name[:40], slug=slug, kind=Organisation.Kind.NHS_TRUST
    )


def make_mou(partnership, parties, *, actor, slug: str = "alliance-mou", title: str = "MoU"):
    return agreement_services.agreement_create(
        title=title,
        slug=slug,
        kind=Agreement.Kind.MOU,
        partnership=partnership,
        parties=parties,
        actor=actor,
    )


def to_consultation(agreement, actor):
    return agreement_services.agreement_change_status(
        agreement=agreement, status=Agreement.Status.IN_CONSULTATION, actor=actor
    )


def sign(agreement, organisation, actor, *, by: str = "Chief Executive", on=date(2022, 3, 1)):
    return agreement_services.agreement_record_signature(
        agreement=agreement, organisation=organisation, signed_by=by, signed_on=on, actor=actor
    )


def party_of(agreement, organisation) -> AgreementParty:
    return AgreementParty.objects.get(agreement=agreement, organisation=organisation)
