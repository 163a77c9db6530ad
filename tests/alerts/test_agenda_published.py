"""Followers of a body hear when it publishes an agenda, cut to what they may see."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.core import mail

from alerts.models import SentEmail
from alerts.services import follow_start
from meetings.services.agenda import agenda_publish
from tests.factories import LONDON, make_meeting


@pytest.fixture
def announced_agenda(body, terms):
    """20 March 2030, not yet published: item 3 Part I, item 4 Part II."""
    return make_meeting(body, date(2030, 3, 20), published=False)


def publish(meeting, clerk, capture):
    with capture(execute=True):
        agenda_publish(meeting=meeting, actor=clerk, now=datetime(2030, 3, 1, 9, tzinfo=LONDON))


@pytest.mark.django_db
def test_followers_of_the_body_its_organisation_and_subscribers_hear_once(
    announced_agenda, body, council, clerk, member, follows, follower,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    follows(body)
    follows(council)  # the same person through the organisation: still one email
    follows(body, email="resident@example.org")
    follow_start(record=body, user=member)
    publish(announced_agenda, clerk, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [follower.email, "resident@example.org", member.email]
    )
    message = next(m for m in mail.outbox if m.to == ["resident@example.org"])
    assert message.subject == "Agenda published: ASCPH, 20 Mar 2030"
    assert "published in time" in message.body
    assert "3. Public health services performance report" in message.body
    assert "4. Care home fee negotiations (Part II, not open to the public" in message.body
    assert f"/meetings/{announced_agenda.pk}/agenda.pdf" in message.body
    assert "List-Unsubscribe" in message.extra_headers
    assert SentEmail.objects.filter(why=SentEmail.Why.AGENDA_PUBLISHED).count() == 3


@pytest.mark.django_db
def test_nobody_hears_of_a_refused_publication(
    announced_agenda, body, clerk, follows, django_capture_on_commit_callbacks
):
    follows(body)
    announced_agenda.items.all().delete()
    with pytest.raises(Exception):  # noqa: B017 - no items: refused
        publish(announced_agenda, clerk, django_capture_on_commit_callbacks)
    assert mail.outbox == []
