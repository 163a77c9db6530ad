"""Draft minutes are for the body's clerks and administrators in every output: the meeting
page, the API, search, the minute's history and the decision trail (the minutes PDF is
covered in test_packs_views). A member who is not a clerk, an officer and the public see no
draft minute text; the clerk does."""

from __future__ import annotations

import pytest
from django.urls import reverse

from decisions.models import Resolution
from decisions.services.resolutions import resolution_record
from meetings.services.proceedings import minute_draft
from tests.factories import all_present, item

pytestmark = pytest.mark.django_db

DRAFT = "Marmotdraft: the committee noted the report. GNUSECRET3318"
WORD = "GNUSECRET3318"  # never in a query, so only the minute can bring it to a page
NOT_CLERKS = [None, "member", "officer"]


@pytest.fixture
def outputs_drafted(meeting, seats, clerk):
    """A held meeting with a draft minute and a decision on its Part I item."""
    all_present(meeting, seats, clerk)
    minute = minute_draft(item=item(meeting, 3), text=DRAFT, actor=clerk)
    resolution_record(
        item=item(meeting, 3), kind=Resolution.Kind.NOTING, parts="Noted.", actor=clerk
    )
    return minute


def outputs(minute) -> dict[str, str]:
    meeting = minute.item.meeting
    resolution = Resolution.objects.get(item=minute.item)
    return {
        "meeting page": meeting.get_absolute_url(),
        "api agenda item": reverse("api:agenda-item-detail", args=[minute.item_id]),
        "search": "/search/?q=marmotdraft",
        "history": f"/history/meetings/minute/{minute.pk}/",
        "decision trail": reverse("decisions:detail", args=[resolution.pk]),
    }


@pytest.mark.parametrize("who", NOT_CLERKS)
def test_draft_minutes_reach_no_one_but_the_clerks(request, client_for, outputs_drafted, who):
    client = client_for(request.getfixturevalue(who) if who else None)
    for output, url in outputs(outputs_drafted).items():
        response = client.get(url)
        assert response.status_code in (200, 404), (output, response.status_code)
        assert WORD not in response.content.decode(), f"{output} shows the draft to {who}"
    assert client.get(outputs(outputs_drafted)["history"]).status_code == 404


def test_the_clerk_reads_the_draft_minutes(client_for, clerk, outputs_drafted):
    client = client_for(clerk)
    urls = outputs(outputs_drafted)
    for output in ("meeting page", "search", "history", "decision trail"):
        response = client.get(urls[output])
        assert response.status_code == 200, output
        assert WORD in response.content.decode(), f"{output} hides the draft from its clerk"
