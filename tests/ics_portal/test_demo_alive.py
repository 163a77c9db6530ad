"""After load_demo the portal looks alive: upcoming meetings dated from today."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from meetings.models import Meeting
from meetings.working_days import clear_working_days_between

pytestmark = pytest.mark.django_db

BODY = "adult-social-care-and-public-health-committee"


def _upcoming():
    return Meeting.objects.filter(body__slug=BODY, start__gte=timezone.now()).order_by("start")


def test_the_home_page_shows_upcoming_meetings_after_load_demo(client):
    call_command("load_demo")
    published, draft = _upcoming()
    today = timezone.localdate()
    assert published.status == Meeting.Status.AGENDA_PUBLISHED
    # Published on time, and the meeting is now inside the five-day window.
    published_on = timezone.localdate(published.agenda_published_at)
    assert clear_working_days_between(published_on, published.date) == 5
    assert not published.late_publication_reason
    assert 0 < clear_working_days_between(today, published.date) < 5
    assert published.items.filter(title="Market management position statement").exists()
    assert draft.status == Meeting.Status.SCHEDULED and draft.date > published.date

    html = client.get("/").content.decode()
    assert "No meetings are scheduled" not in html
    assert published.get_absolute_url() in html
    assert draft.get_absolute_url() not in html  # a draft agenda is not public
    listing = client.get("/meetings/").content.decode()
    assert published.get_absolute_url() in listing

    clerk = get_user_model().objects.get(username="clerk")
    client.force_login(clerk)
    assert draft.get_absolute_url() in client.get("/").content.decode()


def test_load_demo_twice_writes_no_new_history_rows():
    call_command("load_demo")
    historical = [m for m in apps.get_models() if m.__name__.startswith("Historical")]
    before = {model.__name__: model.objects.count() for model in historical}
    call_command("load_demo")
    after = {model.__name__: model.objects.count() for model in historical}
    assert after == before
    assert _upcoming().count() == 2
