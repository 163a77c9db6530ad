"""Minutes in the standard shape: per item the minute, then each resolution recorded on it with
its numbered parts and vote, then the declarations; attendance at the head, the chair first.
Read back from the minutes PDF (both editions) and from the clerk's minutes page."""

from __future__ import annotations

from datetime import UTC, date, datetime
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from decisions.models import NamedVote, Resolution
from governance.models import InterestKind, Membership, Person
from meetings.models import AgendaItem, Attendance, Declaration, Meeting, Minute
from meetings.pdf import render_minutes

pytestmark = pytest.mark.django_db

EXEMPT_TEXT = "GIRAFFEPARTTWORESOLUTION5521"


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


@pytest.fixture
def resolved_meeting(body, council, member) -> Meeting:
    """A held meeting: a Part I item with a minute, a two-part resolution with named votes and a
    declaration; a Part II item with a resolution whose text the public may not read."""
    meeting = Meeting.objects.create(
        body=body,
        start=datetime(2021, 2, 8, 14, 0, tzinfo=UTC),
        agenda_published_at=timezone.now(),
        status=Meeting.Status.HELD,
    )
    chair = Person.objects.create(name="Tony Harper", slug="tony-harper", honorific="Councillor")
    Membership.objects.create(
        body=body, person=chair, role=Membership.Role.CHAIR, representing=council,
        start=date(2017, 5, 4),
    )  # fmt: skip
    weisz = member.person
    # Recorded in alphabetical order; the minutes must still put the chair first.
    Attendance.objects.create(meeting=meeting, person=weisz, status=Attendance.Status.PRESENT)
    Attendance.objects.create(meeting=meeting, person=chair, status=Attendance.Status.PRESENT)

    fund = AgendaItem.objects.create(meeting=meeting, position=1, title="Contain Outbreak Fund")
    Minute.objects.create(item=fund, text="Jonathan Gribbin introduced his report.")
    resolution = Resolution.objects.create(
        body=body, year=2021, number=3, meeting=meeting, item=fund,
        preamble="The Adult Social Care and Public Health Committee:",
        parts="Approves the use of the fund.\nApproves two fixed-term posts.",
        vote_taken=True, votes_for=7, votes_against=1, abstentions=0,
    )  # fmt: skip
    NamedVote.objects.create(resolution=resolution, person=chair, vote=NamedVote.Vote.FOR)
    NamedVote.objects.create(resolution=resolution, person=weisz, vote=NamedVote.Vote.AGAINST)
    Declaration.objects.create(
        item=fund, person=weisz, kind=InterestKind.OTHER_REGISTRABLE,
        description="Trustee of a provider", action=Declaration.Action.DID_NOT_VOTE,
    )  # fmt: skip

    contract = AgendaItem.objects.create(
        meeting=meeting, position=2, title="Care home contract", is_exempt=True,
        exempt_paragraph=3,
    )  # fmt: skip
    Minute.objects.create(item=contract, text="The committee considered the tenders.")
    Resolution.objects.create(
        body=body, year=2021, number=4, meeting=meeting, item=contract,
        parts=f"Awards the contract to {EXEMPT_TEXT}.\nDelegates the signing.",
    )  # fmt: skip
    return meeting


@pytest.mark.parametrize("audience", ["members", "public"])
def test_minutes_pdf_holds_each_resolution_with_its_parts_after_the_minute(
    resolved_meeting, audience
):
    pdf, _ = render_minutes(resolved_meeting, audience)
    text = pdf_text(pdf)

    minute = text.index("Jonathan Gribbin introduced his report.")
    resolved = text.index("RESOLVED 2021/003")
    part_one = text.index("1) Approves the use of the fund.")
    part_two = text.index("2) Approves two fixed-term posts.")
    declared = text.index("Trustee of a provider")
    assert minute < resolved < part_one < part_two < declared
    assert "The Adult Social Care and Public Health Committee:" in text
    assert "Vote: 7 for, 1 against, 0 abstaining." in text
    assert "Tony Harper: For" in text
    assert "Muriel Weisz: Against" in text
    # The Part II resolution keeps its number in both editions.
    assert "RESOLVED 2021/004" in text


def test_public_minutes_withhold_the_part_ii_resolution_text(resolved_meeting):
    public = pdf_text(render_minutes(resolved_meeting, "public")[0])
    members = pdf_text(render_minutes(resolved_meeting, "members")[0])

    assert EXEMPT_TEXT not in public
    after = public[public.index("RESOLVED 2021/004") :]
    assert "Schedule 12A" in after  # the exempt notice instead of the text

    assert f"1) Awards the contract to {EXEMPT_TEXT}." in members
    assert "2) Delegates the signing." in members


def test_minutes_pdf_lists_the_chair_first(resolved_meeting):
    text = pdf_text(render_minutes(resolved_meeting, "members")[0])
    present = text[text.index("Present") :]
    assert present.index("Tony Harper (Chair)") < present.index("Muriel Weisz")


def test_minutes_page_shows_the_recorded_resolutions_beside_each_minute(
    resolved_meeting, clerk, client_for
):
    response = client_for(clerk).get(reverse("meetings:minutes_edit", args=[resolved_meeting.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    # No retyping: each item's box is followed by what the record already holds about it.
    box = page.index('name="item_')
    assert box < page.index("ASCPH 2021/003") < page.index("Approves two fixed-term posts.")
    assert page.index("Approves two fixed-term posts.") < page.index("Trustee of a provider")
    assert "ASCPH 2021/004" in page
