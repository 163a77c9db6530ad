"""An alert goes through a real SMTP server on the loopback, headers and both parts intact."""

from __future__ import annotations

import email
import socket

import pytest
from aiosmtpd.controller import Controller

from alerts.mail import Letter, deliver, unsubscribe_token
from alerts.models import SentEmail
from alerts.services import follow_start


class Inbox:
    def __init__(self):
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.original_content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_inbox(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 10},
        }
    }
    yield inbox
    controller.stop()


@pytest.mark.django_db
def test_an_alert_is_read_back_from_a_real_smtp_server(smtp_inbox, body):
    follow = follow_start(record=body, email="resident@example.org")
    deliver(
        Letter(
            to="resident@example.org",
            subject="Agenda published: ASCPH, 11 Jan 2021",
            template="alerts/email/confirm_subscription",
            why=SentEmail.Why.AGENDA_PUBLISHED,
            about=body,
            link="https://portal.example.org/bodies/x/",
            follow=follow,
            context={"body": body, "days": 3, "because": f"You subscribed to {body}"},
        ),
        base_url="https://portal.example.org",
    )
    [message] = smtp_inbox.messages
    unsubscribe = f"https://portal.example.org/alerts/unsubscribe/{unsubscribe_token(follow)}/"
    assert message["To"] == "resident@example.org"
    assert message["Subject"] == "Agenda published: ASCPH, 11 Jan 2021"
    assert message["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.get_content_type() == "multipart/alternative"
    text, html = (part.get_payload(decode=True).decode() for part in message.get_payload())
    assert unsubscribe in text and f'href="{unsubscribe}"' in html
    assert SentEmail.objects.get().to == "resident@example.org"
