"""Change history pages follow the same visibility as the records: an unpublished agenda's
history is for its editors, and a Part II revision's summary for those who may see Part II."""

from datetime import datetime

import pytest
from django.utils import timezone

from ics_portal.common.changes import history_url
from meetings.models import AgendaItem, AgendaRevision, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def exempt_draft_meeting(body):
    meeting = Meeting.objects.create(
        body=body,
        start=timezone.make_aware(datetime(2099, 3, 10, 10, 0)),
        venue="County Hall",
    )
    item = AgendaItem.objects.create(
        meeting=meeting, position=1, title="Care home fees", is_exempt=True, exempt_paragraph=3
    )
    AgendaRevision.objects.create(item=item, summary="Revised fee table for Care Home X")
    return meeting


def test_unpublished_meeting_history_is_for_editors_only(client_for, exempt_draft_meeting, clerk):
    item = exempt_draft_meeting.items.get()
    for record in (exempt_draft_meeting, item):
        assert client_for(None).get(history_url(record)).status_code == 404
        assert client_for(clerk).get(history_url(record)).status_code == 200


def test_part_two_revision_history_is_withheld_from_the_public(
    client_for, exempt_draft_meeting, member, outsider
):
    exempt_draft_meeting.agenda_published_at = timezone.now()
    exempt_draft_meeting.save()
    revision = AgendaRevision.objects.get()
    # The public sees that a revision was made and when, not what it says.
    public = client_for(outsider).get(history_url(revision))
    assert public.status_code == 200
    assert "Revised fee table for Care Home X" not in public.content.decode()
    assert "Exempt information" in public.content.decode()
    page = client_for(member).get(history_url(revision))
    assert "Revised fee table for Care Home X" in page.content.decode()
