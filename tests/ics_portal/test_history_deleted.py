"""A deleted record keeps its history page, shown only to those who could see the record."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.utils import timezone

from ics_portal.common.changes import history_url
from meetings.models import AgendaItem, Meeting
from meetings.services.agenda import agenda_publish, item_add, item_remove

pytestmark = pytest.mark.django_db

TITLE = "Chief executive pay review"


def _removed_draft_item(body, clerk) -> tuple[Meeting, str]:
    """A draft agenda with one item kept and one taken off; the removed item's history URL."""
    meeting = Meeting.objects.create(
        body=body, start=timezone.make_aware(datetime(2099, 3, 10, 10, 0)), venue="County Hall"
    )
    item_add(meeting=meeting, title="Winter plan", actor=clerk)
    removed = item_add(meeting=meeting, title=TITLE, purpose="decision", actor=clerk)
    url = history_url(removed)
    item_remove(item=removed, actor=clerk)
    assert not AgendaItem.objects.filter(title=TITLE).exists()
    return meeting, url


def test_editors_still_see_the_history_of_an_item_taken_off_a_draft_agenda(
    client_for, body, clerk
):
    _meeting, url = _removed_draft_item(body, clerk)
    response = client_for(clerk).get(url)
    assert response.status_code == 200
    html = response.text
    assert TITLE in html
    assert "Created by Jo Toomey" in html
    assert "Deleted by Jo Toomey" in html
    assert "Reason: Item removed" in html
    assert "This agenda item has been deleted. Its history is kept." in html
    assert "govuk-back-link" not in html  # no link back to a page that is gone


@pytest.mark.parametrize("viewer_name", [None, "outsider", "member", "scrutiny_member"])
def test_those_who_could_not_see_the_draft_item_get_404(
    request, client_for, body, clerk, viewer_name
):
    _meeting, url = _removed_draft_item(body, clerk)
    viewer = None if viewer_name is None else request.getfixturevalue(viewer_name)
    assert client_for(viewer).get(url).status_code == 404


def test_publishing_the_agenda_does_not_reveal_an_item_taken_off_the_draft(
    client_for, body, clerk, member
):
    meeting, url = _removed_draft_item(body, clerk)
    agenda_publish(meeting=meeting, actor=clerk)
    assert client_for(member).get(history_url(meeting)).status_code == 200
    assert client_for(member).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 404
    assert client_for(clerk).get(url).status_code == 200


def test_a_record_that_never_existed_is_404(client_for, clerk):
    assert client_for(clerk).get("/history/meetings/agendaitem/999999/").status_code == 404
