"""Password-reset emails are limited per email address and per client address."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

# The counts live in the cache: each test starts, and leaves, with none.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

RESET = "/account/password-reset/"
SENT = "/account/password-reset/sent/"
NEUTRAL = "If an account has that address, we have sent it a link to reset the password."


def _request(email: str, client_address: str):
    return Client().post(RESET, {"email": email}, REMOTE_ADDR=client_address, follow=True)


def _emails_to(address: str) -> int:
    return sum(address in message.to for message in mail.outbox)


def test_the_fourth_request_for_one_address_in_an_hour_sends_no_email(clerk):
    for n in range(3):
        _request("clerk@example.org", f"10.0.0.{n}")
    assert _emails_to("clerk@example.org") == 3

    response = _request("CLERK@example.org", "10.0.0.9")

    # The page says the same as ever, so it reveals nothing; but no email is sent.
    assert response.redirect_chain == [(SENT, 302)]
    assert NEUTRAL in response.text
    assert _emails_to("clerk@example.org") == 3


def test_another_address_still_gets_its_email(clerk, member):
    for n in range(4):
        _request("clerk@example.org", f"10.0.0.{n}")
    _request("member@example.org", "10.0.1.1")
    assert _emails_to("clerk@example.org") == 3
    assert _emails_to("member@example.org") == 1


def test_the_fourth_request_from_one_client_in_an_hour_sends_no_email(
    clerk, member, officer, outsider
):
    for user in (clerk, member, officer):
        _request(user.email, "10.2.2.2")
    assert len(mail.outbox) == 3

    response = _request(outsider.email, "10.2.2.2")

    assert NEUTRAL in response.text
    assert _emails_to(outsider.email) == 0
    # The same person, from another client address, still gets the link.
    _request(outsider.email, "10.3.3.3")
    assert _emails_to(outsider.email) == 1


def test_an_address_without_an_account_gets_the_same_page_over_the_limit(clerk):
    responses = [_request("nobody@example.org", "10.4.4.4") for _ in range(4)]
    assert all(r.redirect_chain == [(SENT, 302)] and NEUTRAL in r.text for r in responses)
    assert mail.outbox == []
