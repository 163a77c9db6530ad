"""A follow with a daily or weekly digest: its alerts wait, then go in one email a day (or on
Mondays), once, however often the daily command runs."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from django.core import mail
from django.core.management import call_command

from alerts.models import Follow, PendingAlert, SentEmail
from alerts.services import follow_change_frequency
from meetings.services.agenda import agenda_publish, item_revise
from tests.factories import LONDON, item, make_meeting

pytestmark = pytest.mark.django_db
TUESDAY, MONDAY = date(2030, 3, 5), date(2030, 3, 11)


def run(day: date) -> None:
    call_command("send_reminders", date=day.isoformat(), stdout=io.StringIO())


@pytest.fixture
def digest_news(body, terms, clerk, follows, django_capture_on_commit_callbacks):
    """Two updates on the body followed with a daily digest, and two followed weekly: an agenda
    published, then a Part II report revised."""

    def _news(frequency: str) -> Follow:
        follow = follows(body)
        follow_change_frequency(follow=follow, frequency=frequency)
        meeting = make_meeting(body, date(2030, 3, 20), published=False)
        with django_capture_on_commit_callbacks(execute=True):
            agenda_publish(
                meeting=meeting, actor=clerk, now=datetime(2030, 3, 1, 9, tzinfo=LONDON)
            )
        with django_capture_on_commit_callbacks(execute=True):
            item_revise(item=item(meeting, 4), actor=clerk, summary="SECRET-SUMMARY")
        return follow

    return _news


def test_a_daily_digest_gathers_the_updates_and_goes_once(digest_news, follower):
    follow = digest_news(Follow.Frequency.DAILY)
    assert mail.outbox == []  # nothing sent as it happened
    assert PendingAlert.objects.filter(follow=follow, digest=None).count() == 2
    run(TUESDAY)
    run(TUESDAY)  # again the same day: nothing twice
    run(date(2030, 3, 6))  # the next day: nothing new to tell
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == [follower.email]
    assert (
        digest.subject
        == "A daily digest: 2 updates on Adult Social Care and Public Health Committee"
    )
    assert "Agenda published: ASCPH, 20 Mar 2030" in digest.body
    assert "Agenda revised: ASCPH, 20 Mar 2030, item 4" in digest.body
    assert "SECRET-SUMMARY" not in digest.body
    assert "List-Unsubscribe" in digest.extra_headers
    assert SentEmail.objects.get(why=SentEmail.Why.DIGEST).user == follower


def test_a_weekly_digest_waits_for_monday(digest_news):
    digest_news(Follow.Frequency.WEEKLY)
    run(TUESDAY)
    assert mail.outbox == []
    run(MONDAY)
    run(MONDAY)
    assert len(mail.outbox) == 1 and "2 updates" in mail.outbox[0].subject


def test_unsubscribing_drops_what_waited(digest_news):
    follow = digest_news(Follow.Frequency.DAILY)
    follow.delete()
    run(TUESDAY)
    assert mail.outbox == [] and not PendingAlert.objects.exists()


def test_the_digest_is_chosen_on_the_following_page(follows, follower, body, client_for):
    follow = follows(body)
    client = client_for(follower)
    assert "A weekly digest" in client.get("/account/following/").content.decode()
    client.post(f"/account/following/{follow.pk}/", {"frequency": "weekly"})
    follow.refresh_from_db()
    assert follow.frequency == Follow.Frequency.WEEKLY
    refused = client.post(f"/account/following/{follow.pk}/", {"frequency": "hourly"})
    assert refused.status_code == 400 and "Choose how often" in refused.content.decode()
