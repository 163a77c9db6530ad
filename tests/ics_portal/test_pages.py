"""Site-wide pages: home, health check, accessibility statement, cookies, CSP."""

import re

import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_when_the_database_fails(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.parametrize("url", ["/", "/accessibility/", "/cookies/", "/account/sign-in/"])
def test_public_pages_load_in_the_page_shell(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#main-content"' in html and 'id="main-content"' in html
    assert "/accessibility/" in html and "/cookies/" in html
    assert "ICS Portal" in html


def test_inline_script_carries_the_csp_nonce(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    html = response.content.decode()
    assert f'<script nonce="{nonce}">document.body.className' in html
    assert "'unsafe-inline'" not in policy


def test_signed_in_home_lists_the_users_roles(client_for, clerk, django_assert_max_num_queries):
    client = client_for(clerk)
    # Ten, and the clerk's work list: meetings, missing reports, overdue ratifications.
    with django_assert_max_num_queries(13):
        response = client.get("/")
    html = response.content.decode()
    assert (
        'Clerk of <a class="govuk-link" href="/bodies/'
        'adult-social-care-and-public-health-committee/">'
        "Adult Social Care and Public Health Committee</a>"
    ) in html


def test_account_page_needs_sign_in(client):
    response = client.get("/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")


def test_home_lists_upcoming_meetings_and_latest_decisions_the_public_may_see(
    client, body, clerk, django_assert_max_num_queries
):
    from datetime import timedelta

    from django.utils import timezone

    from meetings.models import Meeting

    published = Meeting.objects.create(
        body=body,
        start=timezone.now() + timedelta(days=9),
        venue="County Hall",
        agenda_published_at=timezone.now(),
        status=Meeting.Status.AGENDA_PUBLISHED,
    )
    Meeting.objects.create(body=body, start=timezone.now() + timedelta(days=20), venue="Draft")
    with django_assert_max_num_queries(3):
        html = client.get("/").content.decode()
    assert f'href="/meetings/{published.pk}/"' in html
    assert html.count('href="/meetings/') == 1 + html.count('href="/meetings/"')
