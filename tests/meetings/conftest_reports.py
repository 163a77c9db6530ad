"""Meetings, items, reports, files and viewers shared by the reports tests.

Import with `from tests.meetings.conftest_reports import *` in a test module.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from governance.models import Membership, Person
from meetings.models import AgendaItem, Meeting, Report
from meetings.services import reports as services
from tests.conftest import make_user

LONDON = ZoneInfo("Europe/London")
PART_ONE_TEXT = "The winter plan keeps 40 extra beds open"
PART_TWO_TEXT = "SECRET-PART-II: the winning bid was 1.2 million pounds"

# Every kind of viewer, by fixture name (None is the anonymous public).
VIEWERS = [
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
SEES_PART_TWO = {"member", "attending_officer", "clerk", "admin_user"}
# Who may see an unpublished meeting of `body`.
SEES_DRAFTS = {"clerk", "admin_user"}


__all__ = [
    "LONDON",
    "PART_ONE_TEXT",
    "PART_TWO_TEXT",
    "SEES_DRAFTS",
    "SEES_PART_TWO",
    "VIEWERS",
    "attending_officer",
    "docx_bytes",
    "draft_meeting",
    "draft_item",
    "exempt_item",
    "exempt_report",
    "media_root",
    "meeting",
    "other_body_member",
    "part_one_item",
    "part_one_report",
    "pdf_bytes",
    "pdf_upload",
    "report_fields",
    "viewer",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, gone after each test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def pdf_bytes() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>Appendix: winter plan</p>").write_pdf()


@pytest.fixture(scope="session")
def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document/>')
    return buffer.getvalue()


@pytest.fixture
def pdf_upload(pdf_bytes):
    def _upload(name: str = "winter-plan.pdf") -> SimpleUploadedFile:
        return SimpleUploadedFile(name, pdf_bytes, content_type="application/pdf")

    return _upload


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


@pytest.fixture
def meeting(body) -> Meeting:
    return Meeting.objects.create(
        body=body,
        start=datetime(2021, 2, 8, 14, 0, tzinfo=LONDON),
        venue="County Hall, West Bridgford",
        status=Meeting.Status.AGENDA_PUBLISHED,
        agenda_published_at=timezone.make_aware(datetime(2021, 1, 28, 9, 0), LONDON),
    )


@pytest.fixture
def draft_meeting(body) -> Meeting:
    return Meeting.objects.create(
        body=body,
        start=datetime(2021, 3, 29, 14, 0, tzinfo=LONDON),
        venue="County Hall, West Bridgford",
    )


@pytest.fixture
def part_one_item(meeting) -> AgendaItem:
    return AgendaItem.objects.create(
        meeting=meeting, position=5, title="Winter plan", purpose="decision"
    )


@pytest.fixture
def exempt_item(meeting) -> AgendaItem:
    return AgendaItem.objects.create(
        meeting=meeting,
        position=6,
        title="Care home contract award",
        purpose="decision",
        is_exempt=True,
        exempt_paragraph=3,
    )


@pytest.fixture
def draft_item(draft_meeting) -> AgendaItem:
    return AgendaItem.objects.create(meeting=draft_meeting, position=1, title="Draft business")


@pytest.fixture
def part_one_report(part_one_item) -> Report:
    return Report.objects.create(item=part_one_item, **report_fields())


@pytest.fixture
def exempt_report(exempt_item, pdf_upload, admin_user) -> Report:
    report = Report.objects.create(
        item=exempt_item, **report_fields(title="Contract award", information=PART_TWO_TEXT)
    )
    # Published agenda: adding a file is a revision.
    services.attachment_add(
        report=report,
        upload=pdf_upload("bid.pdf"),
        title="Confidential bid evaluation",
        actor=admin_user,
        revision_summary="Bid evaluation added",
    )
    return report


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
def viewer(request):
    """The user named by the test's `viewer_name` parameter, or None for the public."""

    def _viewer(name: str | None):
        return None if name is None else request.getfixturevalue(name)

    return _viewer
