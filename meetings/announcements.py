"""Telling followers what a body has published, through Django's tasks framework after commit.

Each follower of the body, of its partnership or of its organisation (and each confirmed email
subscriber) is told once, in words cut to what they may see: the public learn of a Part II
item only what the public agenda says (its title and the Schedule 12A paragraph).
"""

from __future__ import annotations

from django.tasks import task
from django.urls import reverse

from alerts.announce import announce, short_date
from alerts.mail import portal_url
from alerts.models import SentEmail
from governance.announcements import body_followers
from meetings.access import can_see_item, can_see_item_content, can_see_meeting
from meetings.models import AgendaItem, AgendaRevision, Meeting, Supplement
from meetings.working_days import is_late


def _meeting(meeting_id: int) -> Meeting:
    return Meeting.objects.select_related("body__partnership", "body__organisation").get(
        pk=meeting_id
    )


def _which(meeting: Meeting) -> str:
    """The meeting in a subject line: "ICB, 30 Nov 2022"."""
    return f"{meeting.body.short_name or meeting.body}, {short_date(meeting.date)}"


@task
def announce_agenda_published(meeting_id: int, base_url: str) -> int:
    """Agenda published: the items, the pack's address and whether it was published in time."""
    meeting = _meeting(meeting_id)
    base = portal_url(base_url)
    items = list(meeting.items.select_related("meeting__body", "supplement").order_by("position"))
    on_time = not is_late(meeting.agenda_published_at.date(), meeting.date)

    def context_for(viewer):
        if not can_see_meeting(viewer, meeting):
            return None
        return {
            "meeting": meeting,
            "items": [item for item in items if can_see_item(viewer, item)],
            "pack_url": base + reverse("meetings:agenda_pdf", args=[meeting.pk]),
            "on_time": on_time,
        }

    return announce(
        follows=body_followers(meeting.body),
        subject=f"Agenda published: {_which(meeting)}",
        template="meetings/email/agenda_published",
        why=SentEmail.Why.AGENDA_PUBLISHED,
        about=meeting,
        context_for=context_for,
        base_url=base_url,
    )


@task
def announce_supplement_published(supplement_id: int, base_url: str) -> int:
    """A supplementary agenda: the late items it adds and the reason for urgency."""
    supplement = Supplement.objects.select_related(
        "meeting__body__partnership", "meeting__body__organisation"
    ).get(pk=supplement_id)
    meeting = supplement.meeting
    items = list(
        supplement.items.select_related("meeting__body", "supplement").order_by("position")
    )

    def context_for(viewer):
        if not can_see_meeting(viewer, meeting):
            return None
        return {
            "body": "meetings/email/supplement_published.txt",
            "supplement": supplement,
            "meeting": meeting,
            "items": [item for item in items if can_see_item(viewer, item)],
            "link_text": "See the meeting and its papers",
        }

    return announce(
        follows=body_followers(meeting.body),
        subject=f"{supplement} published: {_which(meeting)}",
        why=SentEmail.Why.SUPPLEMENT_PUBLISHED,
        about=supplement,
        context_for=context_for,
        base_url=base_url,
    )


@task
def announce_revision_published(revision_id: int, base_url: str) -> int:
    """A revised or supplementary report on a published agenda: which item, and what changed
    (the summary of a Part II item only to those who may read its papers)."""
    revision = AgendaRevision.objects.select_related(
        "item__meeting__body__partnership",
        "item__meeting__body__organisation",
        "item__supplement",
    ).get(pk=revision_id)
    item: AgendaItem = revision.item
    meeting = item.meeting

    def context_for(viewer):
        if not can_see_item(viewer, item):
            return None
        return {
            "body": "meetings/email/revision_published.txt",
            "revision": revision,
            "item": item,
            "meeting": meeting,
            "show_summary": can_see_item_content(viewer, item),
            "link_text": "See the item and its papers",
        }

    return announce(
        follows=body_followers(meeting.body),
        subject=(f"Agenda revised: {_which(meeting)}, item {item.position}"),
        why=SentEmail.Why.REVISION_PUBLISHED,
        about=revision,
        link=item.get_absolute_url(),
        context_for=context_for,
        base_url=base_url,
    )


@task
def announce_minutes_approved(meeting_id: int, base_url: str) -> int:
    """The minutes of a meeting approved (at a later meeting): now the public record."""
    meeting = _meeting(meeting_id)
    base = portal_url(base_url)
    approved_at = meeting.minutes_approved_at.meeting

    def context_for(viewer):
        if not can_see_meeting(viewer, meeting):
            return None
        return {
            "body": "meetings/email/minutes_approved.txt",
            "meeting": meeting,
            "approved_at": approved_at,
            "minutes_url": base + reverse("meetings:minutes_pdf", args=[meeting.pk]),
            "link_text": "Read the minutes",
        }

    return announce(
        follows=body_followers(meeting.body),
        subject=f"Minutes approved: {_which(meeting)}",
        why=SentEmail.Why.MINUTES_APPROVED,
        about=meeting,
        context_for=context_for,
        base_url=base_url,
    )
