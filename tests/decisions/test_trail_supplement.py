"""The decision trail of a resolution on late business names its supplementary agenda, when
it was published and the reason for urgency, instead of the agenda's publication."""

from __future__ import annotations

import pytest

from decisions.models import Resolution
from meetings.models import Meeting
from meetings.services import agenda as services

pytestmark = pytest.mark.django_db


REASON = "The provider gave notice on 1 February; the contract must be let before 1 March."


def test_the_trail_of_a_late_item_shows_its_supplement_and_reason(pack_meeting, clerk, client):
    Meeting.objects.filter(pk=pack_meeting.pk).update(status=Meeting.Status.AGENDA_PUBLISHED)
    item = services.item_add(meeting=pack_meeting, title="Urgent winter funding", actor=clerk)
    services.supplement_publish(meeting=pack_meeting, items=[item], reason=REASON, actor=clerk)
    resolution = Resolution.objects.create(
        body=pack_meeting.body, year=2021, number=7, meeting=pack_meeting, item=item,
        parts="1) Agreed the urgent winter funding.",
    )  # fmt: skip
    page = client.get(resolution.get_absolute_url()).text
    assert "Supplementary agenda 1 published" in page
    assert REASON in page
