"""The agenda services: what they do, what they refuse, and the history they write."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from governance.models import Body
from meetings.models import AgendaItem, AgendaRevision, Meeting, WorkProgrammeEntry
from meetings.services import agenda as services
from tests.factories import at, business_item, positions, schedule, titles

pytestmark = pytest.mark.django_db

# Shared fixtures.

STANDARD = [
    "Minutes of the last meeting",
    "Apologies for absence",
    "Declarations of interest",
    "Work programme",
]


def test_scheduling_adds_the_standard_items_in_order(body, clerk):
    first = schedule(body, clerk, start=at(2099, 1, 10))
    assert titles(first) == STANDARD
    assert first.items.get(kind=AgendaItem.Kind.MINUTES).minutes_of is None
    assert first.status == Meeting.Status.SCHEDULED
    latest = first.history.latest()
    assert latest.history_user == clerk and latest.history_change_reason == "Meeting scheduled"

    cancelled = schedule(body, clerk, start=at(2099, 2, 10))
    services.meeting_cancel(meeting=cancelled, actor=clerk)
    second = schedule(body, clerk, start=at(2099, 3, 10))
    assert second.items.get(kind=AgendaItem.Kind.MINUTES).minutes_of == first


def test_a_meeting_needs_a_venue_or_a_link(body, clerk):
    with pytest.raises(ValidationError, match="venue, an online link"):
        schedule(body, clerk, venue="")
    assert not Meeting.objects.exists()
    online = schedule(body, clerk, venue="", online_url="https://example.org/live")
    assert online.online_url


def test_business_goes_before_the_work_programme(draft, clerk):
    services.item_add(meeting=draft, title="Winter plan", actor=clerk)
    assert titles(draft) == [*STANDARD[:3], "Better Care Fund plan", "Winter plan", STANDARD[3]]
    assert positions(draft) == [1, 2, 3, 4, 5, 6]
    added = draft.items.get(title="Winter plan")
    assert added.history.latest().history_user == clerk


def test_an_item_can_be_added_at_a_given_position(draft, clerk):
    services.item_add(meeting=draft, title="Urgent", position=1, actor=clerk)
    assert titles(draft)[:2] == ["Urgent", STANDARD[0]]
    assert positions(draft) == [1, 2, 3, 4, 5, 6]


def test_a_part_ii_item_without_a_paragraph_is_refused(draft, clerk):
    with pytest.raises(ValidationError, match="paragraph of Schedule 12A"):
        services.item_add(meeting=draft, title="Contract award", is_exempt=True, actor=clerk)
    assert draft.items.count() == 5 and positions(draft) == [1, 2, 3, 4, 5]
    item = services.item_add(
        meeting=draft, title="Contract award", is_exempt=True, exempt_paragraph=3, actor=clerk
    )
    assert item.exempt_notice == "Exempt: paragraph 3 of Schedule 12A"


@pytest.mark.parametrize(
    "move,expected",
    [
        ({"direction": "up"}, [0, 1, 3, 2, 4]),
        ({"direction": "down"}, [0, 1, 2, 4, 3]),
        ({"new_position": 1}, [3, 0, 1, 2, 4]),
        ({"new_position": 5}, [0, 1, 2, 4, 3]),
    ],
)
def test_reordering_keeps_every_item(draft, clerk, move, expected):
    before = titles(draft)
    services.item_move(item=business_item(draft), actor=clerk, **move)
    assert titles(draft) == [before[i] for i in expected]
    assert positions(draft) == [1, 2, 3, 4, 5]
    assert business_item(draft).history.latest().history_user == clerk


def test_moving_off_the_agenda_is_refused(draft, clerk):
    first = draft.items.get(position=1)
    with pytest.raises(ValidationError, match="cannot move there"):
        services.item_move(item=first, direction="up", actor=clerk)
    with pytest.raises(ValidationError, match="cannot move there"):
        services.item_move(item=first, new_position=9, actor=clerk)
    assert titles(draft)[0] == STANDARD[0]


def test_removing_an_item_closes_the_gap(draft, clerk):
    services.item_remove(item=draft.items.get(position=2), actor=clerk)
    assert titles(draft) == [STANDARD[0], STANDARD[2], "Better Care Fund plan", STANDARD[3]]
    assert positions(draft) == [1, 2, 3, 4]
    deleted = AgendaItem.history.filter(title=STANDARD[1], history_type="-").get()
    assert deleted.history_user == clerk


def test_edits_after_publication_are_refused_and_point_to_revising(published, clerk):
    item = business_item(published)
    for call in (
        lambda: services.item_update(item=item, title="Changed", actor=clerk),
        lambda: services.item_remove(item=item, actor=clerk),
        lambda: services.item_move(item=item, direction="up", actor=clerk),
    ):
        with pytest.raises(ValidationError, match="Revise the item instead"):
            call()
    assert titles(published)[3] == "Better Care Fund plan"
    assert published.items.count() == 5
    # A new item is late business: it waits for a supplementary agenda, after every item.
    late = services.item_add(meeting=published, title="Late addition", actor=clerk)
    assert late.position == 6 and str(late.supplement) == "Supplementary agenda 1"
    assert not late.supplement.is_published


def test_publishing_an_agenda_with_no_items_is_refused(body, clerk):
    meeting = schedule(body, clerk)
    with pytest.raises(ValidationError, match="Add at least one item before publishing"):
        services.agenda_publish(meeting=meeting, actor=clerk, now=at(2099, 1, 1))
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None and meeting.pack_version == 0


def test_publishing_in_time_stamps_the_agenda(draft, clerk):
    now = at(2099, 2, 1)
    meeting = services.agenda_publish(
        meeting=draft, actor=clerk, late_reason="not needed", now=now
    )
    meeting.refresh_from_db()
    assert meeting.agenda_published_at == now
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED
    assert meeting.pack_version == 1
    assert meeting.late_publication_reason == ""
    latest = meeting.history.latest()
    assert latest.history_user == clerk and latest.history_change_reason == "Agenda published"
    with pytest.raises(ValidationError, match="already been published"):
        services.agenda_publish(meeting=meeting, actor=clerk, now=now)


def test_publishing_late_needs_a_reason_naming_the_missed_deadline(body, clerk):
    meeting = schedule(body, clerk, start=at(2024, 2, 6, 14))
    services.item_add(meeting=meeting, title="Winter pressures", actor=clerk)
    now = at(2024, 1, 30, 9)
    with pytest.raises(ValidationError) as refusal:
        services.agenda_publish(meeting=meeting, actor=clerk, now=now)
    message = refusal.value.message_dict["late_reason"][0]
    assert message.startswith("The agenda had to be published by Monday 29 January 2024")
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is None and meeting.status == "scheduled"

    services.agenda_publish(
        meeting=meeting, actor=clerk, late_reason="  Urgent: winter pressures.  ", now=now
    )
    meeting.refresh_from_db()
    assert meeting.late_publication_reason == "Urgent: winter pressures."
    assert meeting.agenda_published_at == now


def test_publishing_after_the_meeting_started_is_refused(draft, clerk):
    with pytest.raises(ValidationError, match="already started"):
        services.agenda_publish(meeting=draft, actor=clerk, now=at(2099, 3, 10, 11))


def test_publishing_checks_every_item_again(draft, clerk):
    # An item written around the services (an import, an old row) is caught at publication.
    AgendaItem.objects.filter(pk=business_item(draft).pk).update(purpose="nonsense")
    with pytest.raises(ValidationError, match="Item 4"):
        services.agenda_publish(meeting=draft, actor=clerk, now=at(2099, 2, 1))
    draft.refresh_from_db()
    assert not draft.is_published


def test_a_revision_after_publication_is_visible_and_bumps_the_pack(published, clerk):
    item = business_item(published)
    revision = services.item_revise(
        item=item, actor=clerk, summary="Revised financial table", title="Better Care Fund 2099"
    )
    item.refresh_from_db()
    published.refresh_from_db()
    assert item.title == "Better Care Fund 2099"
    assert revision.made_by == clerk and revision.summary == "Revised financial table"
    assert published.pack_version == 2
    latest = item.history.latest()
    assert latest.history_user == clerk
    assert (
        latest.history_change_reason == "Supplementary / revised report: Revised financial table"
    )

    # A supplementary report with no change to the item itself is recorded too.
    services.item_revise(item=item, actor=clerk, summary="Supplementary report on risks")
    assert AgendaRevision.objects.filter(item=item).count() == 2


def test_revising_is_refused_before_publication_or_without_a_summary(draft, published, clerk):
    item = business_item(published)
    with pytest.raises(ValidationError, match="Say what has changed"):
        services.item_revise(item=item, actor=clerk, summary="  ", title="X")
    assert business_item(published).title == "Better Care Fund plan"
    other = schedule(published.body, clerk, start=at(2099, 6, 1))
    with pytest.raises(ValidationError, match="edit the item instead"):
        services.item_revise(item=other.items.first(), actor=clerk, summary="Changed")
    assert not AgendaRevision.objects.exists()


def test_the_pack_render_is_queued_on_commit_only(
    draft, clerk, django_capture_on_commit_callbacks, monkeypatch
):
    calls: list[int] = []
    monkeypatch.setattr(services, "enqueue_pack_render", calls.append)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.agenda_publish(meeting=draft, actor=clerk, now=at(2099, 2, 1))
        assert calls == []  # not before the transaction commits
    assert calls == [draft.pk] and len(callbacks) == 2  # the pack, and telling followers

    with django_capture_on_commit_callbacks(execute=True):
        services.item_revise(item=business_item(draft), actor=clerk, summary="Revised")
        assert calls == [draft.pk]
    assert calls == [draft.pk, draft.pk]

    # A refused revision commits nothing, so nothing is queued.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(ValidationError):
            services.item_revise(item=business_item(draft), actor=clerk, summary="")
    assert callbacks == [] and len(calls) == 2


def test_marking_held_needs_publication_and_a_started_meeting(draft, clerk):
    with pytest.raises(ValidationError, match="must be published before"):
        services.meeting_mark_held(meeting=draft, actor=clerk, now=at(2099, 3, 11))
    services.agenda_publish(meeting=draft, actor=clerk, now=at(2099, 2, 1))
    with pytest.raises(ValidationError, match="Tuesday 10 March 2099 at 10:00"):
        services.meeting_mark_held(meeting=draft, actor=clerk, now=at(2099, 3, 10, 9))
    held = services.meeting_mark_held(meeting=draft, actor=clerk, now=at(2099, 3, 10, 12))
    assert held.status == Meeting.Status.HELD
    assert held.history.latest().history_user == clerk
    with pytest.raises(ValidationError, match="no longer be revised"):
        services.item_revise(item=business_item(draft), actor=clerk, summary="Too late")
    with pytest.raises(ValidationError, match="can no longer be cancelled"):
        services.meeting_cancel(meeting=draft, actor=clerk)


def test_cancelling(draft, clerk):
    cancelled = services.meeting_cancel(meeting=draft, actor=clerk)
    assert cancelled.status == Meeting.Status.CANCELLED
    assert cancelled.history.latest().history_change_reason == "Meeting cancelled"
    with pytest.raises(ValidationError, match="already been cancelled"):
        services.meeting_cancel(meeting=draft, actor=clerk)
    with pytest.raises(ValidationError, match="cancelled"):
        services.agenda_publish(meeting=draft, actor=clerk, now=at(2099, 2, 1))
    with pytest.raises(ValidationError, match="cancelled"):
        services.item_add(meeting=draft, title="More", actor=clerk)


def test_rearranging_is_for_draft_agendas_only(draft, clerk):
    moved = services.meeting_update(
        meeting=draft, start=at(2099, 3, 11, 14), venue="", online_url="https://e.org", actor=clerk
    )
    assert moved.date == date(2099, 3, 11) and moved.online_url == "https://e.org"
    services.agenda_publish(meeting=draft, actor=clerk, now=at(2099, 2, 1))
    with pytest.raises(ValidationError, match="has not been published"):
        services.meeting_update(meeting=draft, start=at(2099, 4, 1), venue="Hall", actor=clerk)
    draft.refresh_from_db()
    assert draft.date == date(2099, 3, 11)


@pytest.fixture
def entry(body, clerk) -> WorkProgrammeEntry:
    return services.work_programme_entry_add(
        body=body,
        planned_for=date(2099, 3, 10),
        title="Public health annual report",
        lead_officer="Jonathan Gribbin",
        actor=clerk,
    )


def test_a_work_programme_entry_goes_onto_an_agenda(entry, draft, clerk):
    assert entry.history.latest().history_user == clerk
    item = services.work_programme_entry_to_agenda(entry=entry, meeting=draft, actor=clerk)
    entry.refresh_from_db()
    assert entry.status == WorkProgrammeEntry.Status.ON_AGENDA
    assert item.work_programme_entry == entry and item.lead_officer == "Jonathan Gribbin"
    assert titles(draft)[-2:] == ["Public health annual report", "Work programme"]
    with pytest.raises(ValidationError, match="already on an agenda"):
        services.work_programme_entry_to_agenda(entry=entry, meeting=draft, actor=clerk)
    with pytest.raises(ValidationError, match="on an agenda"):
        services.work_programme_entry_update(entry=entry, status="deferred", actor=clerk)

    # Taking the item off the agenda puts the entry back in the plan.
    services.item_remove(item=item, actor=clerk)
    entry.refresh_from_db()
    assert entry.status == WorkProgrammeEntry.Status.PLANNED


def test_a_work_programme_entry_is_refused_by_another_bodys_or_a_published_agenda(
    entry, published, clerk, council
):
    other_body = Body.objects.create(
        name="Health and Wellbeing Board", short_name="HWB", slug="hwb", kind="board",
        organisation=council,
    )  # fmt: skip
    other = schedule(other_body, clerk)
    with pytest.raises(ValidationError, match="another body"):
        services.work_programme_entry_to_agenda(entry=entry, meeting=other, actor=clerk)
    with pytest.raises(ValidationError, match="has been published"):
        services.work_programme_entry_to_agenda(entry=entry, meeting=published, actor=clerk)
    entry.refresh_from_db()
    assert entry.status == WorkProgrammeEntry.Status.PLANNED
    assert not AgendaItem.objects.filter(work_programme_entry=entry).exists()


def test_a_work_programme_entry_cannot_be_marked_on_agenda_by_hand(entry, clerk):
    with pytest.raises(ValidationError, match="Add the entry to a meeting"):
        services.work_programme_entry_update(entry=entry, status="on_agenda", actor=clerk)
    services.work_programme_entry_update(entry=entry, status="deferred", actor=clerk)
    entry.refresh_from_db()
    assert entry.status == "deferred"
    assert entry.history.latest().history_user == clerk


def test_an_item_made_part_ii_moves_after_the_part_i_business(draft, clerk):
    services.item_add(meeting=draft, title="Care home fees", actor=clerk)
    fees = draft.items.get(title="Care home fees")
    services.item_update(item=fees, actor=clerk, is_exempt=True, exempt_paragraph=3)
    titles = list(draft.items.order_by("position").values_list("title", "is_exempt"))
    assert titles[-1] == ("Care home fees", True)
    assert [
        position
        for position in draft.items.order_by("position").values_list("position", flat=True)
    ] == list(range(1, len(titles) + 1))
    services.agenda_publish(meeting=draft, actor=clerk, now=at(2099, 2, 1))
