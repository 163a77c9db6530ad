"""A member of the public subscribes to a body's publications by email: double opt-in."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from alerts.models import Follow
from ics_portal import following


def confirm_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/alerts/confirm/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_a_resident_subscribes_and_confirms_from_the_email(body, client):
    assert "Get emails when" in client.get(body.get_absolute_url()).content.decode()
    response = client.post(f"/bodies/{body.slug}/subscribe/", {"email": "Resident@Example.org"})
    assert "Check your email" in response.content.decode()
    assert not Follow.objects.exists()  # nothing is kept until the address is confirmed
    [message] = mail.outbox
    assert message.to == ["resident@example.org"]
    assert message.subject == f"Confirm: emails from {body}"
    path = confirm_path(message)
    assert "Confirm your subscription" in client.get(path).content.decode()
    assert not Follow.objects.exists()  # a link checker confirms nothing
    done = client.post(path)
    assert "You are subscribed" in done.content.decode()
    follow = Follow.objects.of(body).get()
    assert (follow.user, follow.email) == (None, "resident@example.org")
    client.post(path)  # twice: still one subscription
    assert Follow.objects.count() == 1


@pytest.mark.django_db
def test_a_bad_address_is_refused_with_a_message(body, client):
    response = client.post(f"/bodies/{body.slug}/subscribe/", {"email": "not-an-address"})
    assert "Enter an email address in the correct format" in response.content.decode()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_forged_confirmation_link_gets_a_clear_page(body, client):
    token = following.confirmation_token("resident@example.org", body)
    response = client.post(f"/alerts/confirm/{token[:-3]}abc/")
    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_an_expired_confirmation_link_offers_to_start_again(body, client, monkeypatch):
    token = following.confirmation_token("resident@example.org", body)
    monkeypatch.setattr(following, "CONFIRM_DAYS", -1)
    response = client.post(f"/alerts/confirm/{token}/")
    text = response.content.decode()
    assert response.status_code == 410 and "This link has expired" in text
    assert body.get_absolute_url() in text
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_subscribing_is_limited_per_address_and_per_client(body, client, settings):
    settings.SUBSCRIBE_LIMIT_PER_HOUR = 2
    url = f"/bodies/{body.slug}/subscribe/"
    for n in range(2):
        client.post(url, {"email": "victim@example.org"}, REMOTE_ADDR=f"10.0.0.{n}")
    refused = client.post(url, {"email": "VICTIM@example.org"}, REMOTE_ADDR="10.0.0.9")
    assert refused.status_code == 429
    assert "Too many subscriptions have been asked for this address" in refused.text
    assert [m.to for m in mail.outbox] == [["victim@example.org"]] * 2
    for n in range(2):
        client.post(url, {"email": f"resident{n}@example.org"}, REMOTE_ADDR="10.0.1.1")
    flood = client.post(url, {"email": "another@example.org"}, REMOTE_ADDR="10.0.1.1")
    assert flood.status_code == 429 and len(mail.outbox) == 4
