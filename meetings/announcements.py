"""Telling followers what a body has published, through Django's tasks framework after commit.

Each follower of the body, of its partnership or of its organisation (and each confirmed email
subscriber) is told once, in words cut to what they may see: the public learn of a Part II
item only what the public agenda says (its title and the Schedule 12A paragraph).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.tasks import task
from django.urls import reverse

from alerts.mail import Letter, deliver, portal_url
from alerts.models import Follow, SentEmail
from meetings.access import can_see_item, can_see_meeting
from meetings.models import Meeting
from meetings.working_days import is_late


def short_date(day) -> str:
    return f"{day.day} {day:%b %Y}"


def body_followers(body) -> list[Follow]:
    """Who follows the body, its partnership or its organisation: one follow per address."""
    told: dict[str, Follow] = {}
    for follow in Follow.objects.of(body, body.partnership, body.organisation):
        if follow.address:
            told.setdefault(follow.address.lower(), follow)
    return list(told.values())


@task
def announce_agenda_published(meeting_id: int, base_url: str) -> int:
    """Agenda published: the items, the pack's address and whether it was published in time."""
    meeting = Meeting.objects.select_related("body__partnership", "body__organisation").get(
        pk=meeting_id
    )
    body = meeting.body
    base = portal_url(base_url)
    items = list(meeting.items.select_related("meeting__body", "supplement").order_by("position"))
    on_time = not is_late(meeting.agenda_published_at.date(), meeting.date)
    sent = 0
    for follow in body_followers(body):
        viewer = follow.user or AnonymousUser()
        if not can_see_meeting(viewer, meeting):
            continue
        deliver(
            Letter(
                to=follow.address,
                user=follow.user,
                subject=f"Agenda published: {body.short_name or body}, {short_date(meeting.date)}",
                template="meetings/email/agenda_published",
                why=SentEmail.Why.AGENDA_PUBLISHED,
                about=meeting,
                link=base + meeting.get_absolute_url(),
                follow=follow,
                context={
                    "meeting": meeting,
                    "items": [item for item in items if can_see_item(viewer, item)],
                    "pack_url": base + reverse("meetings:agenda_pdf", args=[meeting.pk]),
                    "on_time": on_time,
                    "because": f"You follow {follow.record}",
                },
            ),
            base_url=base,
        )
        sent += 1
    return sent
