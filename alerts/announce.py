"""Telling the followers of records that something happened to them: each follower once, in
words cut to what they may see. The app whose event it is decides what each reader may see
(`context_for` returns None for one who may see nothing of it); this module knows no app."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.db import models

from alerts.mail import Letter, deliver, portal_url
from alerts.models import Follow

ALERT = "alerts/email/alert"  # the alert template: its `body` text and a `link_text`


def short_date(day) -> str:
    """A date for a subject line: "30 Nov 2022"."""
    return f"{day.day} {day:%b %Y}"


def followers(*records: models.Model | None, skip: set[str] | None = None) -> list[Follow]:
    """Who follows any of these records: one follow per address (the first made), leaving
    out the addresses in `skip` (those told already, in lower case)."""
    told: dict[str, Follow] = {}
    skip = skip or set()
    for follow in Follow.objects.of(*records):
        address = follow.address.lower()
        if address and address not in skip:
            told.setdefault(address, follow)
    return list(told.values())


def announce(
    *,
    follows: list[Follow],
    subject: str,
    why: str,
    about: models.Model,
    context_for: Callable[[object], dict | None],
    base_url: str = "",
    link: str = "",
    template: str = ALERT,
) -> int:
    """Email each of these followers what `context_for(reader)` lets them read, with a link to
    `link` (a path; the record's own page if not given); how many were emailed (or queued for
    their digest)."""
    base = portal_url(base_url)
    link = base + (link or about.get_absolute_url())
    sent = 0
    for follow in follows:
        context = context_for(follow.user or AnonymousUser())
        if context is None:
            continue  # a follower who may not see it hears nothing of it
        deliver(
            Letter(
                to=follow.address,
                user=follow.user,
                subject=subject,
                template=template,
                why=why,
                about=about,
                link=link,
                follow=follow,
                context={**context, "because": f"You follow {follow.record}"},
            ),
            base_url=base,
        )
        sent += 1
    return sent
