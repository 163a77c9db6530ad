"""The demo has people who follow things, and `send_reminders` on it sends the overdue
ratification and scrutiny reminders its seeds imply, printed by the console backend."""

from __future__ import annotations

import io
import re

import pytest
from django.core import mail
from django.core.management import call_command

from alerts.models import Follow, SentEmail

pytestmark = pytest.mark.django_db


def test_the_demo_loads_follows(demo):
    follows = {
        (f.user.username if f.user else f.email, str(f.record)) for f in Follow.objects.all()
    }
    assert ("member", "Adult Social Care and Public Health Committee") in follows
    assert (
        "resident@ics-portal.invalid",
        "Adult Social Care and Public Health Committee",
    ) in follows
    assert any(who == "lead" and re.match(r"\w+ \d{4}/\d{3}", what) for who, what in follows)
    assert not mail.outbox or all(  # loading the demo announces nothing to its followers
        m.to[0] not in {"member@ics-portal.invalid", "resident@ics-portal.invalid"}
        for m in mail.outbox
    )


def test_send_reminders_on_the_demo_prints_the_overdue_reminders(demo, settings, capsys):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    out = io.StringIO()
    call_command("send_reminders", stdout=out)
    printed = capsys.readouterr().out
    # The seeds: Royal United Hospitals Bath has recorded nothing on the Alliance's MoU, due
    # 30 November 2022; the ICB has not answered the rapid scrutiny recommendations.
    assert "Subject: Ratification overdue since 30 Nov: WICA 2022/001" in printed
    assert "To: ruh-lead@ics-portal.invalid" in printed
    assert "To: wica-clerk@ics-portal.invalid" in printed  # the clerk's copy
    assert "Subject: Scrutiny response overdue since " in printed
    assert "To: icb-lead@ics-portal.invalid" in printed
    overdue = SentEmail.objects.filter(
        why__in=[SentEmail.Why.RATIFICATION_OVERDUE, SentEmail.Why.RESPONSE_OVERDUE]
    )
    assert (
        "Ratification overdue since 30 Nov: WICA 2022/001 — Royal United Hospitals Bath NHS "
        "Foundation Trust"
    ) in {email.subject for email in overdue}
    assert re.search(r"Reminders, scrutiny responses: [1-9]\d* sent", out.getvalue())
    before = overdue.count()
    call_command("send_reminders", stdout=io.StringIO())  # again: nothing twice
    assert overdue.count() == before
