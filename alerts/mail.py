"""Sending one email: its plain-text and HTML parts from templates, the one-click unsubscribe
headers of RFC 8058 on an alert, and a record of it (`SentEmail`).

An alert to a follower who chose a daily or weekly digest is not sent but waits for it
(`PendingAlert`, sent by `alerts.digests.send_digests`).

Callers send from a task (`django.tasks`) that they enqueue with `transaction.on_commit`, so
nothing is sent for a change that is rolled back and no request waits on the mail server.
"""

from __future__ import annotations

import email.policy
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from alerts.models import Follow, PendingAlert, SentEmail

UNSUBSCRIBE_SALT = "alerts.unsubscribe"


def portal_url(base_url: str = "") -> str:
    """The address the portal is reached at, for links in emails."""
    return (base_url or getattr(settings, "PORTAL_URL", "") or "http://127.0.0.1:8000").rstrip("/")


def unsubscribe_token(follow: Follow) -> str:
    """A signed token naming one follow: whoever holds the email can stop it, nobody else."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(follow.pk))


def follow_from_token(token: str) -> int:
    """The follow's id in a token; `signing.BadSignature` for a forged one."""
    return int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))


class AlertMessage(EmailMultiAlternatives):
    """An email whose headers fold at RFC 5322's hard limit (998) rather than 78: Python's
    folder turns any longer word, such as the URL in List-Unsubscribe, into RFC 2047 encoded
    words, which mail clients do not decode in that header, so one-click would not work."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


@dataclass
class Letter:
    """One email to one address. `template` names a pair: `<template>.txt` and `.html`."""

    to: str
    subject: str
    template: str
    why: str
    context: dict = field(default_factory=dict)
    user: models.Model | None = None
    about: models.Model | None = None
    link: str = ""  # where the reader acts, absolute
    follow: Follow | None = None  # an alert: carries the unsubscribe link and headers
    key: str = ""  # a reminder: sent at most once per key and address


def waits_for_digest(letter: Letter) -> bool:
    follow = letter.follow
    return (
        follow is not None
        and follow.frequency != Follow.Frequency.IMMEDIATELY
        and letter.why != SentEmail.Why.DIGEST
    )


def deliver(letter: Letter, *, base_url: str = "") -> SentEmail | None:
    """Render, send and record one email; None when one with the same key went already, or
    when the alert waits for its follower's digest."""
    if waits_for_digest(letter):
        PendingAlert.objects.create(
            follow=letter.follow, subject=letter.subject, why=letter.why, link=letter.link
        )
        return None
    base = portal_url(base_url)
    context = {
        **letter.context,
        "link": letter.link,
        "portal_url": base,
        "subject": letter.subject,
    }
    headers = {}
    if letter.follow is not None:
        unsubscribe = base + reverse("alerts:unsubscribe", args=[unsubscribe_token(letter.follow)])
        context["unsubscribe_url"] = unsubscribe
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = AlertMessage(
        subject=letter.subject,
        body=render_to_string(f"{letter.template}.txt", context),
        to=[letter.to],
        headers=headers,
    )
    message.attach_alternative(render_to_string(f"{letter.template}.html", context), "text/html")
    about = letter.about
    try:
        # The record first, inside the transaction: a second reminder with the same key stops
        # at the unique constraint, and a send that fails leaves no record behind.
        with transaction.atomic():
            sent = SentEmail.objects.create(
                to=letter.to,
                user=letter.user,
                subject=letter.subject,
                why=letter.why,
                content_type=ContentType.objects.get_for_model(about) if about else None,
                object_id=about.pk if about else None,
                link=letter.link,
                key=letter.key,
            )
            message.send()
    except IntegrityError:
        return None
    return sent
