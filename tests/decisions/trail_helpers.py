"""Builders for the trail tests: a resolution with every kind of event on its trail."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from decisions.models import (
    Action,
    ActionNote,
    NamedVote,
    Ratification,
    Resolution,
    ScrutinyRecommendation,
)
from governance.models import Organisation
from governance.models.registers import InterestKind
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
from tests.meetings.proceedings_helpers import approve_terms, make_meeting, person, seat

LONDON = ZoneInfo("Europe/London")

# Unique strings planted in Part II content: none may reach a viewer who may not see it.
REPORT_MARKER = "ZQX-REPORT-SECRET"
PARTS_MARKER = "ZQX-PARTS-SECRET"
MINUTE_MARKER = "ZQX-MINUTE-SECRET"
OLD_PARTS_MARKER = "ZQX-OLD-PARTS-SECRET"
MARKERS = [REPORT_MARKER, PARTS_MARKER, MINUTE_MARKER, OLD_PARTS_MARKER]

# Every kind of viewer, by fixture name (None is the anonymous public), and who sees Part II.
VIEWERS = [None, "outsider", "scrutiny_member", "member", "clerk", "admin_user"]
SEES_PART_TWO = {"member", "clerk", "admin_user"}


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


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


def organisation(n: int) -> Organisation:
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
                organisation=organisation(n),
                due_date=date(2021, 4, 30),
                status=Ratification.Status.RATIFIED if ratified else Ratification.Status.REQUESTED,
                minute_reference=f"MIN-{n:02d}/21" if ratified else "",
                decided_on=date(2021, 3, 1) + timedelta(days=n) if ratified else None,
            )
        )
    # Routed the day after the meeting.
    Ratification.objects.filter(pk__in=[r.pk for r in made]).update(created=at(date(2021, 2, 9)))
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
        item=item, made_at=at(date(2021, 2, 3), 9), made_by=clerk, summary="Revised appendix"
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
    Action.objects.filter(pk=action.pk).update(created=at(date(2021, 2, 8), 15))
    action.refresh_from_db()
    ActionNote.objects.create(
        action=action, text="Letters drafted", written_at=at(date(2021, 3, 1)), written_by=clerk
    )
    recommendation = ScrutinyRecommendation(
        scrutiny_body=scrutiny_body,
        to_body=body,
        resolution=resolution,
        reference="HSC/2021/1",
        text="Publish the fee model",
        sent_on=date(2021, 6, 1),
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
