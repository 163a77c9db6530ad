"""Recording a meeting already held: its agenda as published then, then the usual record."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from decisions.models import Resolution
from decisions.services.resolutions import resolution_record
from governance.models import Membership
from meetings.models import Meeting
from meetings.services.agenda import (
    agenda_publish,
    agenda_record_past_publication,
    item_add,
    meeting_mark_held,
    meeting_schedule,
)
from meetings.services.proceedings import AttendanceEntry, attendance_record, minute_draft
from tests.factories import LONDON, approve_terms, seat

# Monday 3 October 2022, 10:30: an agenda published on 22 September was in time, one of the
# 28th late.
HELD_ON = datetime(2022, 10, 3, 10, 30, tzinfo=LONDON)


@pytest.fixture
def pm_meeting(body, council, clerk):
    """A meeting of last autumn the portal never knew of, with one business item."""
    approve_terms(body, quorum=2)
    seat(body, "Sue Harper", council, role=Membership.Role.CHAIR)
    seat(body, "John Doddy", council)
    meeting = meeting_schedule(body=body, start=HELD_ON, venue="County Hall", actor=clerk)
    item_add(meeting=meeting, title="Care market review", actor=clerk)
    return Meeting.objects.get(pk=meeting.pk)


def test_a_past_meeting_cannot_be_published_now_and_is_pointed_to_the_record(pm_meeting, clerk):
    with pytest.raises(ValidationError, match="record it as a past meeting"):
        agenda_publish(meeting=pm_meeting, actor=clerk)


def test_recording_the_publication_keeps_its_date_and_who_entered_it(pm_meeting, clerk):
    before = timezone.now()
    meeting = agenda_record_past_publication(
        meeting=pm_meeting, published_on=date(2022, 9, 22), actor=clerk
    )
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED
    assert timezone.localtime(meeting.agenda_published_at).date() == date(2022, 9, 22)
    assert meeting.agenda_entered_at >= before
    assert meeting.late_publication_reason == ""
    latest = meeting.history.first()
    assert latest.history_user == clerk
    assert latest.history_date >= before
    assert latest.history_change_reason == (
        "Recorded after the meeting: agenda published on Thursday 22 September 2022"
    )


def test_then_held_attendance_resolutions_and_minutes_work_as_usual(pm_meeting, clerk):
    agenda_record_past_publication(meeting=pm_meeting, published_on=date(2022, 9, 22), actor=clerk)
    meeting_mark_held(meeting=pm_meeting, actor=clerk)
    people = [m.person for m in Membership.objects.filter(body=pm_meeting.body)]
    attendance_record(
        meeting=pm_meeting, entries=[AttendanceEntry(p, "present") for p in people], actor=clerk
    )
    business = pm_meeting.items.get(title="Care market review")
    resolution = resolution_record(
        item=business, kind=Resolution.Kind.DECISION, parts="To note the review.", actor=clerk
    )
    minute_draft(item=business, text="The committee noted the review.", actor=clerk)
    pm_meeting.refresh_from_db()
    assert pm_meeting.status == Meeting.Status.MINUTES_DRAFTED
    assert resolution.reference == "2022/001"
    assert pm_meeting.attendance.count() == 2


def test_a_late_publication_needs_the_reason_given_then(pm_meeting, clerk):
    with pytest.raises(ValidationError) as caught:
        agenda_record_past_publication(
            meeting=pm_meeting, published_on=date(2022, 9, 28), actor=clerk
        )
    assert "published on Wednesday 28 September 2022, after the deadline" in str(caught.value)
    meeting = agenda_record_past_publication(
        meeting=pm_meeting,
        published_on=date(2022, 9, 28),
        late_reason="The provider's figures arrived late.",
        actor=clerk,
    )
    assert meeting.late_publication_reason == "The provider's figures arrived late."


def test_a_publication_date_after_the_meeting_is_refused(pm_meeting, clerk):
    with pytest.raises(ValidationError, match="on or before Monday 3 October 2022"):
        agenda_record_past_publication(
            meeting=pm_meeting, published_on=date(2022, 10, 4), actor=clerk
        )
    pm_meeting.refresh_from_db()
    assert not pm_meeting.is_published


def test_a_meeting_still_to_come_is_published_the_usual_way(body, clerk):
    future = meeting_schedule(
        body=body, start=timezone.now() + timezone.timedelta(days=30), venue="Hall", actor=clerk
    )
    item_add(meeting=future, title="Budget", actor=clerk)
    with pytest.raises(ValidationError, match="publish its agenda in the usual way"):
        agenda_record_past_publication(
            meeting=future, published_on=timezone.localdate(), actor=clerk
        )


# Pages


def test_the_meeting_page_offers_the_record_not_a_publish_that_must_fail(
    client_for, clerk, pm_meeting
):
    page = client_for(clerk).get(pm_meeting.get_absolute_url()).content.decode()
    assert "Record the agenda as published" in page
    assert reverse("meetings:publish_past", args=[pm_meeting.pk]) in page
    assert reverse("meetings:publish", args=[pm_meeting.pk]) + '"' not in page


def test_recording_through_the_page_shows_the_date_and_the_late_reason(
    client_for, clerk, pm_meeting
):
    client = client_for(clerk)
    url = reverse("meetings:publish_past", args=[pm_meeting.pk])
    refused = client.post(url, {"published_on": "2022-09-28"})
    assert refused.status_code == 200
    assert "Give the reason recorded for its late publication" in refused.content.decode()
    response = client.post(
        url, {"published_on": "2022-09-28", "late_reason": "Figures arrived late."}
    )
    assert response.status_code == 302
    page = client.get(pm_meeting.get_absolute_url()).content.decode()
    assert "Wednesday 28 September 2022" in page
    assert "entered after the meeting" in page
    assert "Figures arrived late." in page
    assert "Mark as held" in page


@pytest.mark.parametrize(
    ("who", "status"),
    [("clerk", 200), ("member", 403), ("officer", 403), ("outsider", 403), (None, 302)],
)
def test_who_may_record_a_past_publication(request, client_for, pm_meeting, who, status):
    user = request.getfixturevalue(who) if who else None
    url = reverse("meetings:publish_past", args=[pm_meeting.pk])
    assert client_for(user).get(url).status_code == status
    posted = client_for(user).post(url, {"published_on": "2022-09-22"})
    assert posted.status_code == (302 if who in ("clerk", None) else status)
    pm_meeting.refresh_from_db()
    assert pm_meeting.is_published == (who == "clerk")
