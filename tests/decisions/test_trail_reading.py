"""The trail and the change histories as a scrutiny councillor reads them: dates in words, no
internal fields, numbered parts, and no "Not quorate" for want of a record."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from decisions.models import Resolution
from governance.models.registers import InterestKind
from ics_portal.common.records import save_record
from meetings.models import Declaration, Meeting
from tests.factories import build_story, pdf_text

pytestmark = pytest.mark.django_db

RAW_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
INTERNAL_ROWS = ("Version", "Pack version", "Created", "Modified", "Pack first page", "Id")


def _trail_pdf(client, story) -> str:
    response = client.get(f"/decisions/{story.resolution.pk}/trail.pdf")
    assert response.status_code == 200
    return pdf_text(response.content)


def _field_rows(text: str) -> set[str]:
    """The first words of each line of a change table (the field's name starts the row)."""
    return {line.split(" —")[0].strip() for line in text.splitlines()}


def test_trail_pdf_has_dates_in_words_and_no_internal_fields(
    client_for, scrutiny_member, body, scrutiny_body, clerk
):
    story = build_story(body, scrutiny_body, clerk, exempt=False)
    ratification = story.ratifications[1]
    ratification.note = "Board date to follow."
    save_record(ratification, actor=clerk, reason="Note added")  # bumps version and modified

    text = _trail_pdf(client_for(scrutiny_member), story)

    assert "Changes to this record" in text
    assert not RAW_TIMESTAMP.search(text), RAW_TIMESTAMP.search(text).group(0)
    assert "+00:00" not in text
    rows = _field_rows(text)
    for name in INTERNAL_ROWS:
        assert name not in rows, name
    assert not re.search(r"^(Version|Created|Modified|Pack version)\b", text, re.M)
    # The change itself is there, and dated in words.
    assert "Board date to follow." in text
    assert re.search(r"by Jo Toomey, \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}", text)


def test_trail_numbers_the_parts(client, body, scrutiny_body, clerk):
    story = build_story(body, scrutiny_body, clerk, exempt=False)

    text = _trail_pdf(client, story)
    assert "1) Agree the uplift in principle." in text
    assert "2) Refer to partners." in text
    assert "1) 1)" not in text

    html = client.get(f"/decisions/{story.resolution.pk}/").content.decode()
    assert '<ol class="govuk-list portal-resolution-parts">' in html
    assert "<li>2) Refer to partners.</li>" in html


def test_trail_without_attendance_says_not_recorded_not_not_quorate(
    client_for, scrutiny_member, body, scrutiny_body, clerk
):
    story = build_story(body, scrutiny_body, clerk, exempt=False)
    story.meeting.attendance.all().delete()

    text = _trail_pdf(client_for(scrutiny_member), story)
    assert "Attendance not recorded" in text
    assert "Not quorate" not in text

    html = client_for(scrutiny_member).get(f"/decisions/{story.resolution.pk}/").content.decode()
    assert "Attendance not recorded" in html
    assert "Not quorate" not in html


def test_history_page_hides_internal_fields_and_counter_only_changes(
    client_for, clerk, body, scrutiny_body
):
    story = build_story(body, scrutiny_body, clerk, exempt=False)
    resolution = Resolution.objects.get(pk=story.resolution.pk)
    resolution.version += 1
    save_record(resolution, actor=clerk)  # nothing a reader would call a change

    url = f"/history/decisions/resolution/{resolution.pk}/"
    html = client_for(clerk).get(url).content.decode()
    headers = re.findall(r'<th scope="row" class="govuk-table__header">([^<]+)</th>', html)
    assert "Parts" in headers
    for name in ("Version", "Created", "Modified", "Id"):
        assert name not in headers, name
    assert html.count("Changed by Jo Toomey") == 1  # the wording, not the bare save
    assert not RAW_TIMESTAMP.search(re.sub(r'datetime="[^"]*"', "", html))


def test_history_dates_are_in_words(client_for, clerk, body, scrutiny_body):
    story = build_story(body, scrutiny_body, clerk, exempt=False)
    meeting = story.meeting
    html = client_for(clerk).get(f"/history/meetings/meeting/{meeting.pk}/").content.decode()
    visible = re.sub(r'datetime="[^"]*"', "", html)
    assert "8 February 2021, 10:30" in visible  # the start, as people write it
    assert not RAW_TIMESTAMP.search(visible)
    assert "Pack version" not in visible


def test_a_future_meeting_is_never_not_quorate(client_for, clerk, body, scrutiny_body):
    story = build_story(body, scrutiny_body, clerk, exempt=False)
    meeting = story.meeting
    Meeting.objects.filter(pk=meeting.pk).update(start=timezone.now() + timedelta(days=20))
    meeting.refresh_from_db()
    meeting.attendance.all().delete()

    assert meeting.quorum.verdict == "Not yet held"
    page = client_for(clerk).get(meeting.get_absolute_url()).content.decode()
    assert "Not quorate" not in page
    text = _trail_pdf(client_for(clerk), story)
    assert "Not quorate" not in text and "Not yet held" in text


def test_a_dispensation_is_read_beside_the_declaration_on_the_trail_and_its_pdf(
    client_for, scrutiny_member, body, scrutiny_body, clerk
):
    """A disclosable pecuniary interest with "remained and took part" reads as a breach
    unless the trail says a dispensation was granted, by whom, when and its reference."""
    story = build_story(body, scrutiny_body, clerk, exempt=False)
    Declaration.objects.filter(item=story.resolution.item).update(
        kind=InterestKind.DISCLOSABLE_PECUNIARY,
        action=Declaration.Action.REMAINED,
        dispensation_granted_by="The Monitoring Officer",
        dispensation_granted_on=date(2021, 2, 1),
        dispensation_reference="DISP/21/4",
    )
    expected = (
        "Dispensation granted by The Monitoring Officer on 1 February 2021, reference DISP/21/4"
    )
    client = client_for(scrutiny_member)
    assert expected in client.get(story.resolution.get_absolute_url()).content.decode()
    # The PDF wraps lines anywhere, "DISP/" and "21/4" among them: compare without spaces.
    assert "".join(expected.split()) in "".join(_trail_pdf(client, story).split())
