"""The demo gives Wirral's Partnerships Committee (seed 003) its officer, a meeting and paper."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from governance.models import Membership
from meetings.models import Meeting

pytestmark = pytest.mark.django_db

BODY = "wirral-partnerships-committee"


def test_wirral_committee_has_its_meeting_and_the_seed_003_paper(client):
    call_command("load_demo")
    meeting = Meeting.objects.get(body__slug=BODY)
    assert meeting.is_published
    report = meeting.items.get(kind="business").report
    assert report.recommendations.startswith("The Partnership Committee are recommended to note")
    assert "simon.banks1@nhs.net" in report.author_contact
    assert "Cheshire and Merseyside" in report.information

    members = Membership.objects.filter(body__slug=BODY)
    assert [(m.person.name, m.role) for m in members] == [("Simon Banks", "officer")]

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Health and care reform" in page
    body_page = client.get(f"/bodies/{BODY}/").content.decode()
    assert "Simon Banks" in body_page
    terms = client.get(f"/bodies/{BODY}/terms-of-reference/1/").content.decode()
    assert "The seeds name none of them" in terms  # no councillor is invented
