"""Sign-in, CSRF, throttling, idle timeout and password reset."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.utils import timezone

from ics_portal.common.sessions import REFRESH_SECONDS
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
SIGN_IN = "/account/sign-in/"


def _attempt(client, username, password, ip="10.1.1.1"):
    return client.post(SIGN_IN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_right_password_signs_in(client, clerk):
    response = _attempt(client, "clerk", PASSWORD)
    assert response.status_code == 302
    assert client.get("/account/").status_code == 200


def test_wrong_password_shows_the_error_summary(client, clerk):
    response = _attempt(client, "clerk", "nope")
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "<title>Error: Sign in" in html


def test_post_without_csrf_token_is_refused(clerk):
    client = Client(enforce_csrf_checks=True)
    response = _attempt(client, "clerk", PASSWORD)
    assert response.status_code == 403


def test_sixth_attempt_is_refused_even_with_the_right_password(client, clerk):
    for _ in range(5):
        _attempt(client, "clerk", "wrong")
    response = _attempt(client, "clerk", PASSWORD)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert client.get("/account/").status_code == 302


def test_lockout_is_per_username_and_address(client, clerk, member):
    for _ in range(5):
        _attempt(client, "clerk", "wrong", ip="10.1.1.1")
    # A colleague behind the same NHS trust address still signs in.
    assert _attempt(Client(), "member", PASSWORD, ip="10.1.1.1").status_code == 302
    # The same person from another address is not locked either.
    assert _attempt(Client(), "clerk", PASSWORD, ip="10.9.9.9").status_code == 302


def test_lockout_ends_after_the_cool_off(client, clerk):
    for _ in range(5):
        _attempt(client, "clerk", "wrong")
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )
    assert _attempt(client, "clerk", PASSWORD).status_code == 302


def test_session_ends_after_idle_time(client, clerk):
    _attempt(client, "clerk", PASSWORD)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 30 * 60
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get("/account/").status_code == 302


def test_use_keeps_a_session_alive_with_a_write_a_minute_not_a_page(client, clerk):
    _attempt(client, "clerk", PASSWORD)
    soon = timezone.now() + timedelta(minutes=10)
    Session.objects.update(expire_date=soon)
    assert client.get("/account/").status_code == 200
    assert Session.objects.get().expire_date == soon  # used within the minute: not written
    a_minute_on = time.time() + REFRESH_SECONDS + 1
    with mock.patch("ics_portal.common.sessions.time.time", return_value=a_minute_on):
        assert client.get("/account/").status_code == 200
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=29)


def test_password_reset_sends_a_working_link(client, clerk):
    response = client.post("/account/password-reset/", {"email": "clerk@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )
    assert done.status_code == 302
    clerk.refresh_from_db()
    assert clerk.check_password("a-new-long-passphrase")


def test_password_change_needs_the_old_password(client_for, clerk):
    client = client_for(clerk)
    response = client.post(
        "/account/password/",
        {
            "old_password": "wrong",
            "new_password1": "another-long-passphrase",
            "new_password2": "another-long-passphrase",
        },
    )
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.content.decode()
    clerk.refresh_from_db()
    assert clerk.check_password(PASSWORD)
