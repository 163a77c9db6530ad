"""?body=<slug> narrows the public lists to one body, as the API's filters do."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from decisions.models import Resolution
from meetings.models import Meeting

pytestmark = pytest.mark.django_db

ASCPH = "adult-social-care-and-public-health-committee"
WICA = "wiltshire-integrated-care-alliance"


@pytest.fixture
def demo_lists(db):
    call_command("load_demo")


def _links(html: str, records) -> set[str]:
    return {r.get_absolute_url() for r in records if f'href="{r.get_absolute_url()}"' in html}


def test_decisions_filter_by_body_slug(client, demo_lists):
    ascph = Resolution.objects.filter(body__slug=ASCPH)
    wica = Resolution.objects.filter(body__slug=WICA)
    assert ascph.exists() and wica.exists()
    html = client.get("/decisions/", {"body": WICA}).content.decode()
    assert _links(html, wica) == {r.get_absolute_url() for r in wica}
    assert not _links(html, ascph)
    assert f'<option value="{WICA}" selected>' in html


def test_decisions_filter_by_body_and_year(client, demo_lists):
    html = client.get("/decisions/", {"body": ASCPH, "year": "2021"}).content.decode()
    assert "2021/001" in html and "2021/007" in html
    html = client.get("/decisions/", {"body": ASCPH, "year": "2022"}).content.decode()
    assert "2021/001" not in html


def test_an_unknown_body_is_shown_as_an_error_and_ignored(client, demo_lists):
    response = client.get("/decisions/", {"body": "no-such-body"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose a body from the list." in html
    assert "2021/001" in html  # the other filters (none) still apply


def test_meetings_filter_by_body_slug(client, demo_lists):
    wica = Meeting.objects.filter(body__slug=WICA, agenda_published_at__isnull=False)
    ascph = Meeting.objects.filter(body__slug=ASCPH, agenda_published_at__isnull=False)
    assert wica.exists() and ascph.exists()
    html = client.get("/meetings/", {"body": WICA, "when": "past"}).content.decode()
    assert _links(html, wica) and not _links(html, ascph)
    html = client.get("/meetings/", {"body": ASCPH}).content.decode()
    assert _links(html, ascph) and not _links(html, wica)
    # The upcoming list and the recent meetings, on one page.
    assert "Upcoming meetings" in html and "Recent meetings" in html


def test_meetings_filter_by_dates_typed_in_the_date_input(client, demo_lists):
    january = Meeting.objects.get(body__slug=ASCPH, start__date="2021-01-11")
    february = Meeting.objects.get(body__slug=ASCPH, start__date="2021-02-08")
    query = {
        "when": "past",
        "body": ASCPH,
        **{"start_day": "1", "start_month": "1", "start_year": "2021"},
        **{"end_day": "31", "end_month": "1", "end_year": "2021"},
    }
    html = client.get("/meetings/", query).content.decode()
    assert _links(html, [january]) and not _links(html, [february])
    html = client.get("/meetings/", {**query, "end_day": "32"}).content.decode()
    assert "To must be a real date" in html
