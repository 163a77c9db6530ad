"""Rendering packs through the tasks framework, and storing them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.tasks import TaskResultStatus
from pypdf import PdfReader

from meetings.models import AgendaItem, AgendaPack, Meeting
from meetings.tasks import enqueue_pack_render, render_packs
from tests.factories import PART_II_MARKER, PART_II_MINUTE_MARKER, pdf_pages_text

pytestmark = pytest.mark.django_db

# Shared fixtures of the packs tests.


def bump(meeting: Meeting) -> None:
    """What publishing or a revision does to the meeting."""
    Meeting.objects.filter(pk=meeting.pk).update(pack_version=meeting.pack_version + 1)
    meeting.refresh_from_db()


def stored(meeting: Meeting) -> set[tuple[str, str, int]]:
    return set(meeting.packs.values_list("document", "audience", "version"))


def test_enqueue_renders_and_stores_both_editions(pack_meeting, media_root):
    bump(pack_meeting)
    result = enqueue_pack_render(pack_meeting.pk)
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors

    assert stored(pack_meeting) == {("agenda", "members", 2), ("agenda", "public", 2)}
    for pack in pack_meeting.packs.all():
        path = media_root / pack.file.name
        assert path.is_file()
        with pack.file.open("rb") as handle:
            assert len(PdfReader(handle).pages) == pack.pages
    members = pack_meeting.packs.get(audience="members")
    public = pack_meeting.packs.get(audience="public")
    assert members.pages > public.pages  # the Part II paper
    with members.file.open("rb") as handle:
        assert PART_II_MARKER in "".join(pdf_pages_text(handle.read()))
    with public.file.open("rb") as handle:
        assert PART_II_MARKER not in "".join(pdf_pages_text(handle.read()))


def test_items_record_their_pages_in_the_members_pack(pack_meeting, media_root):
    enqueue_pack_render(pack_meeting)  # a hook may pass the meeting itself
    pages = {
        item.position: (item.pack_first_page, item.pack_last_page)
        for item in AgendaItem.objects.filter(meeting=pack_meeting)
    }
    members = pack_meeting.packs.get(document="agenda", audience="members")
    assert pages[1] == (None, None)  # no papers
    assert pages[4][0] == 3  # cover, agenda, then the first paper
    assert pages[8][1] == members.pages  # the Part II paper ends the members' pack
    firsts = [pages[p][0] for p in (4, 5, 6, 8)]
    assert firsts == sorted(firsts)
    # No history row: a render is not a change anyone made to the agenda.
    assert AgendaItem.history.filter(pack_first_page__isnull=False).count() == 0


def test_a_version_already_stored_is_not_rendered_again(pack_meeting, media_root):
    enqueue_pack_render(pack_meeting.pk)
    first = set(pack_meeting.packs.values_list("pk", "file"))
    result = enqueue_pack_render(pack_meeting.pk)
    assert result.return_value == []
    assert set(pack_meeting.packs.values_list("pk", "file")) == first


def test_an_older_version_is_skipped_when_a_newer_one_exists(pack_meeting, media_root):
    bump(pack_meeting)  # version 2 is now current; a late task for version 1 does nothing
    result = render_packs.enqueue(pack_meeting.pk, 1)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == []
    assert stored(pack_meeting) == set()

    enqueue_pack_render(pack_meeting.pk)
    AgendaPack.objects.filter(meeting=pack_meeting).update(version=5)
    assert render_packs.enqueue(pack_meeting.pk, 2).return_value == []


def test_a_revision_makes_a_new_version_and_keeps_the_old(pack_meeting, media_root):
    enqueue_pack_render(pack_meeting.pk)
    bump(pack_meeting)
    enqueue_pack_render(pack_meeting.pk)
    assert {v for _, _, v in stored(pack_meeting)} == {1, 2}
    assert pack_meeting.packs.count() == 4


def test_draft_minutes_are_rendered_for_members_only(minuted_meeting, media_root):
    enqueue_pack_render(minuted_meeting.pk)
    assert ("minutes", "members", 1) in stored(minuted_meeting)
    assert ("minutes", "public", 1) not in stored(minuted_meeting)


def test_approved_minutes_are_rendered_for_the_public(minuted_meeting, media_root):
    later = Meeting.objects.create(
        body=minuted_meeting.body, start=datetime(2021, 3, 29, 13, 0, tzinfo=UTC), venue="Hall"
    )
    approving = AgendaItem.objects.create(
        meeting=later, position=1, title="Minutes of the last meeting",
        kind=AgendaItem.Kind.MINUTES, minutes_of=minuted_meeting,
    )  # fmt: skip
    Meeting.objects.filter(pk=minuted_meeting.pk).update(
        minutes_approved_at=approving, status=Meeting.Status.MINUTES_APPROVED
    )
    enqueue_pack_render(minuted_meeting.pk)
    public = minuted_meeting.packs.get(document="minutes", audience="public")
    with public.file.open("rb") as handle:
        text = "".join(pdf_pages_text(handle.read()))
    assert "Minutes approved at the meeting of 29 March 2021" in text
    assert PART_II_MINUTE_MARKER not in text


def test_a_deleted_meeting_renders_nothing(db):
    assert render_packs.enqueue(999999, 1).return_value == []
