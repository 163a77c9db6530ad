"""Fixtures for the agenda pack tests: a published meeting with papers and one Part II item."""

from __future__ import annotations

from datetime import UTC, date, datetime
from io import BytesIO

import pytest
from django.utils import timezone

from governance.models import Membership, Person
from meetings.models import AgendaItem, Attendance, Meeting, Minute, Report

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


@pytest.fixture
def pack_meeting(body, council, member) -> Meeting:
    """Eight items: standing ones without papers, three reports of different lengths, and a
    Part II report carrying a marker that must never reach the public."""
    meeting = Meeting.objects.create(
        body=body,
        start=datetime(2021, 2, 8, 14, 0, tzinfo=UTC),
        venue="County Hall, West Bridgford",
        agenda_published_at=timezone.now(),
        pack_version=1,
    )
    chair = Person.objects.create(name="Tony Harper", slug="tony-harper", honorific="Councillor")
    Membership.objects.create(
        body=body, person=chair, role=Membership.Role.CHAIR, representing=council,
        start=date(2017, 5, 4),
    )  # fmt: skip
    specs = [
        ("Minutes of the last meeting", AgendaItem.Kind.MINUTES, None),
        ("Apologies for absence", AgendaItem.Kind.APOLOGIES, None),
        ("Declarations of interest", AgendaItem.Kind.DECLARATIONS, None),
        ("Better Care Fund plan", AgendaItem.Kind.BUSINESS, ("Better Care Fund Plan 2021", 9)),
        ("Winter pressures", AgendaItem.Kind.BUSINESS, ("Winter Pressures Update", 2)),
        ("Public health grant", AgendaItem.Kind.BUSINESS, ("Public Health Grant Allocation", 14)),
        ("Work programme", AgendaItem.Kind.WORK_PROGRAMME, None),
    ]
    for position, (title, kind, report) in enumerate(specs, start=1):
        item = AgendaItem.objects.create(
            meeting=meeting, position=position, title=title, kind=kind,
            purpose=AgendaItem.Purpose.DECISION if report else "",
        )  # fmt: skip
        if report:
            make_report(item, *report)
    exempt = AgendaItem.objects.create(
        meeting=meeting, position=8, title="Care home contract award", is_exempt=True,
        exempt_paragraph=3, purpose=AgendaItem.Purpose.DECISION,
    )  # fmt: skip
    make_report(exempt, "Care Home Contract Award Evaluation", 4, marker=PART_II_MARKER)
    return meeting


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


@pytest.fixture
def media_root(settings, tmp_path):
    """Stored packs go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def pdf_pages_text(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(BytesIO(data)).pages]
