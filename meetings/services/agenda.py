"""Meetings, agendas and the work programme: every change a clerk makes to them."""

from __future__ import annotations

import functools
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from alerts.mail import portal_url
from governance.models import Body, ProgressReport
from ics_portal.common.records import check_version, lock_for_edit, save_record
from meetings.announcements import (
    announce_agenda_published,
    announce_revision_published,
    announce_supplement_published,
)
from meetings.exclusion import check_grounds_for_body, part_ii_out_of_order
from meetings.models import AgendaItem, AgendaRevision, Meeting, Supplement, WorkProgrammeEntry
from meetings.services.packs import packs_withdraw_public
from meetings.tasks import enqueue_pack_render
from meetings.working_days import is_late, latest_publication_date

ITEM_FIELDS = {
    "title",
    "purpose",
    "is_exempt",
    "exempt_paragraph",
    "exempt_reason",
    "lead_officer",
}
STANDARD_ITEMS = [
    (AgendaItem.Kind.MINUTES, "Minutes of the last meeting", AgendaItem.Purpose.DECISION),
    (AgendaItem.Kind.APOLOGIES, "Apologies for absence", AgendaItem.Purpose.INFORMATION),
    (AgendaItem.Kind.DECLARATIONS, "Declarations of interest", AgendaItem.Purpose.INFORMATION),
    (AgendaItem.Kind.WORK_PROGRAMME, "Work programme", AgendaItem.Purpose.DECISION),
]


def _long_date(day) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def after_papers_change(meeting: Meeting) -> None:
    """Once the change commits, queue the re-rendering of the meeting's stored PDFs."""
    transaction.on_commit(functools.partial(enqueue_pack_render, meeting.pk))


def _locked(meeting: Meeting) -> Meeting:
    """The meeting re-read under a row lock, so two clerks cannot publish or renumber at once."""
    return Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)


def _on_draft_supplement(item: AgendaItem | None) -> bool:
    """A late item still waiting on a supplementary agenda that has not been published."""
    return (
        item is not None
        and item.supplement_id is not None
        and Supplement.objects.filter(pk=item.supplement_id, published_at__isnull=True).exists()
    )


def _require_draft_agenda(meeting: Meeting, item: AgendaItem | None = None) -> None:
    """Refuse a change to a published agenda, unless `item` is a late item whose supplementary
    agenda is still a draft (it has not been published either)."""
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError("This meeting has been cancelled; its agenda cannot be changed.")
    if meeting.is_published and _on_draft_supplement(item):
        _require_late_business(meeting)
        return
    if meeting.is_published:
        raise ValidationError(
            "The agenda has been published. Revise the item instead, so that the change is "
            "shown on the agenda as a supplementary / revised report."
        )


PART_I_PARAGRAPH = (
    "Only a Part II item cites a paragraph of Schedule 12A: mark the item as Part II, or "
    "choose no paragraph."
)


PART_I_REASON = (
    "Only a Part II item gives a reason for taking it in private: mark the item as Part II, "
    "or leave the reason empty."
)
GROUNDS = ("is_exempt", "exempt_paragraph", "exempt_reason")


def _apply_item_changes(item: AgendaItem, changes: dict) -> None:
    """Set the changed fields; a Part I item that is given a paragraph or a reason is refused,
    not silently stripped of it. Making an item Part I without naming grounds drops its old
    ones. Changed grounds must follow the body's regime (meetings/exclusion.py)."""
    before = [getattr(item, name) for name in GROUNDS]
    for name, value in changes.items():
        setattr(item, name, value)
    if not item.is_exempt:
        if changes.get("exempt_paragraph"):
            raise ValidationError({"exempt_paragraph": PART_I_PARAGRAPH})
        if changes.get("exempt_reason"):
            raise ValidationError({"exempt_reason": PART_I_REASON})
        item.exempt_paragraph = None
        item.exempt_reason = ""
    if [getattr(item, name) for name in GROUNDS] != before:
        check_grounds_for_body(item.meeting.body, item)


def _check_progress_stays_public(item: AgendaItem) -> None:
    """Progress against objectives is published: an item carrying it cannot become Part II."""
    if item.is_exempt and item.pk and item.progress_reports.exists():
        raise ValidationError(
            {
                "is_exempt": "This item carries progress against objectives, which is "
                "published: detach it before making the item Part II."
            }
        )


def _require_late_business(meeting: Meeting) -> None:
    """Late items are taken only between the agenda's publication and the meeting's being
    held: a cancelled meeting takes none, and a held one has done its business."""
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError("This meeting has been cancelled; it takes no late items.")
    if meeting.status != Meeting.Status.AGENDA_PUBLISHED:
        raise ValidationError(
            "This meeting has been held; no supplementary agenda can be added to it. Put the "
            "business on the agenda of a later meeting."
        )


def _draft_supplement(meeting: Meeting, *, actor) -> Supplement:
    """The supplementary agenda late items wait on, started when the first one is added."""
    draft = Supplement.objects.filter(meeting=meeting, published_at__isnull=True).first()
    if draft is not None:
        return draft
    last = meeting.supplements.order_by("-number").values_list("number", flat=True).first()
    return save_record(
        Supplement(meeting=meeting, number=(last or 0) + 1),
        actor=actor,
        reason="Supplementary agenda started for late items",
    )


def _renumber(items: list[AgendaItem], *, actor, reason: str, start: int = 1) -> None:
    """Give the items positions start..n in the order given, saving only those that moved."""
    for index, item in enumerate(items, start=start):
        if item.position != index:
            item.position = index
            save_record(item, actor=actor, reason=reason)


# Meetings


def _check_report_deadline(start: datetime, report_deadline: date | None) -> None:
    if report_deadline is not None and report_deadline >= timezone.localtime(start).date():
        raise ValidationError(
            {"report_deadline": "Reports must be due before the day of the meeting."}
        )


def meeting_schedule(
    *,
    body: Body,
    start: datetime,
    venue: str = "",
    online_url: str = "",
    report_deadline: date | None = None,
    actor,
) -> Meeting:
    """Schedule a meeting of a body, with the four standard items on its agenda."""
    _check_report_deadline(start, report_deadline)
    with transaction.atomic():
        meeting = save_record(
            Meeting(
                body=body,
                start=start,
                venue=venue,
                online_url=online_url,
                report_deadline=report_deadline,
            ),
            actor=actor,
            reason="Meeting scheduled",
        )
        previous = (
            Meeting.objects.filter(body=body, start__lt=start)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("-start")
            .first()
        )
        for position, (kind, title, purpose) in enumerate(STANDARD_ITEMS, start=1):
            item = AgendaItem(
                meeting=meeting, position=position, kind=kind, title=title, purpose=purpose
            )
            if kind == AgendaItem.Kind.MINUTES:
                item.minutes_of = previous
            save_record(item, actor=actor, reason="Standard item")
        return meeting


def meeting_update(
    *,
    meeting: Meeting,
    start: datetime,
    venue: str = "",
    online_url: str = "",
    report_deadline: date | None = None,
    actor,
    expected_version: int | str | None = None,
) -> Meeting:
    """Change a meeting's date, time, place or report deadline while its agenda is a draft,
    refusing a form opened before another clerk's change."""
    _check_report_deadline(start, report_deadline)
    with transaction.atomic():
        meeting = lock_for_edit(
            Meeting.objects.select_related("body"),
            meeting.pk,
            expected_version,
            what="this meeting",
        )
        if meeting.status != Meeting.Status.SCHEDULED:
            raise ValidationError(
                "Only a meeting whose agenda has not been published can be rearranged here."
            )
        meeting.start, meeting.venue, meeting.online_url = start, venue, online_url
        meeting.report_deadline = report_deadline
        return save_record(meeting, actor=actor)


def meeting_hold_in_common(*, meeting: Meeting, bodies: list[Body], actor) -> Meeting:
    """Hold a meeting in common with other bodies (committees in common, NHS Act 2006 s65Z5):
    each sits with its own attendance, quorum and resolutions. Settled while the agenda is a
    draft, since the published agenda says who meets."""
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.status != Meeting.Status.SCHEDULED:
            raise ValidationError(
                "The bodies sitting in common are settled before the agenda is published."
            )
        if any(body.pk == meeting.body_id for body in bodies):
            raise ValidationError(
                {"bodies": f"{meeting.body} leads this meeting; choose the other bodies."}
            )
        meeting.bodies_in_common.set(bodies)
        meeting.held_in_common = bool(bodies)
        names = ", ".join(sorted(body.name for body in bodies)) or "no other body"
        return save_record(meeting, actor=actor, reason=f"Held in common with {names}")


def meeting_cancel(*, meeting: Meeting, actor) -> Meeting:
    """Cancel a meeting that has not yet taken place."""
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.status == Meeting.Status.CANCELLED:
            raise ValidationError("This meeting has already been cancelled.")
        if meeting.status not in (Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_PUBLISHED):
            raise ValidationError("This meeting has been held; it can no longer be cancelled.")
        meeting.status = Meeting.Status.CANCELLED
        return save_record(meeting, actor=actor, reason="Meeting cancelled")


def meeting_mark_held(*, meeting: Meeting, actor, now: datetime | None = None) -> Meeting:
    """Record that a meeting took place: only after its agenda was published and it began."""
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.status != Meeting.Status.AGENDA_PUBLISHED:
            if meeting.status == Meeting.Status.SCHEDULED:
                raise ValidationError(
                    "The agenda must be published before the meeting can be marked as held."
                )
            raise ValidationError(
                f"This meeting is {meeting.get_status_display().lower()}; "
                "it cannot be marked as held."
            )
        if meeting.start > now:
            local = timezone.localtime(meeting.start)
            raise ValidationError(
                f"The meeting starts on {_long_date(local)} at {local:%H:%M}; it can be marked "
                "as held only once it has started."
            )
        meeting.status = Meeting.Status.HELD
        return save_record(meeting, actor=actor, reason="Meeting held")


# Agenda items


def _default_place(items: list[AgendaItem], is_exempt: bool) -> int:
    """Where a new item goes unless the clerk says: Part II business last of all, as the
    agenda takes it after the exclusion of the press and public; Part I business before the
    work programme item and before any Part II business."""
    if is_exempt:
        return len(items)
    stops = [
        index
        for index, item in enumerate(items)
        if item.kind == AgendaItem.Kind.WORK_PROGRAMME or item.is_exempt
    ]
    return stops[0] if stops else len(items)


def item_add(
    *,
    meeting: Meeting,
    title: str,
    purpose: str = "",
    is_exempt: bool = False,
    exempt_paragraph: int | None = None,
    exempt_reason: str = "",
    lead_officer: str = "",
    position: int | None = None,
    work_programme_entry: WorkProgrammeEntry | None = None,
    actor,
) -> AgendaItem:
    """Add a business item; by default a Part I item just before the work programme item (and
    any Part II business), a Part II item at the end. Once the agenda is
    published the item is late business: it goes onto the meeting's draft supplementary agenda
    (after the items already there; a Part I item before its Part II ones)."""
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.is_published and meeting.status != Meeting.Status.CANCELLED:
            _require_late_business(meeting)
            return _late_item_add(
                meeting=meeting,
                title=title,
                purpose=purpose,
                is_exempt=is_exempt,
                exempt_paragraph=exempt_paragraph,
                exempt_reason=exempt_reason,
                lead_officer=lead_officer,
                work_programme_entry=work_programme_entry,
                actor=actor,
            )
        _require_draft_agenda(meeting)
        items = list(meeting.items.order_by("position", "pk"))
        if position is None:
            index = _default_place(items, is_exempt)
        else:
            index = min(max(position, 1), len(items) + 1) - 1
        if exempt_paragraph and not is_exempt:
            raise ValidationError({"exempt_paragraph": PART_I_PARAGRAPH})
        if exempt_reason and not is_exempt:
            raise ValidationError({"exempt_reason": PART_I_REASON})
        item = AgendaItem(
            meeting=meeting,
            position=index + 1,
            kind=AgendaItem.Kind.BUSINESS,
            title=title,
            purpose=purpose,
            is_exempt=is_exempt,
            exempt_paragraph=exempt_paragraph,
            exempt_reason=exempt_reason.strip(),
            lead_officer=lead_officer,
            work_programme_entry=work_programme_entry,
        )
        check_grounds_for_body(meeting.body, item)
        item.full_clean()
        # Make room: the items from the new position down move one place.
        for later in reversed(items[index:]):
            later.position += 1
            save_record(later, actor=actor, reason="Renumbered")
        return save_record(item, actor=actor, reason="Item added")


def _late_item_add(
    *,
    meeting: Meeting,
    title: str,
    purpose: str,
    is_exempt: bool,
    exempt_paragraph: int | None,
    exempt_reason: str,
    lead_officer: str,
    work_programme_entry: WorkProgrammeEntry | None,
    actor,
) -> AgendaItem:
    """Add an item to the meeting's draft supplementary agenda: numbered after every item of
    the meeting, Part I before the supplement's Part II, so its own exclusion item can come
    between them."""
    supplement = _draft_supplement(meeting, actor=actor)
    items = list(meeting.items.order_by("position", "pk"))
    waiting = [other for other in items if other.supplement_id == supplement.pk]
    exempt = [other for other in waiting if other.is_exempt]
    if not is_exempt and exempt:
        index = items.index(exempt[0])
    else:
        index = len(items)
    item = AgendaItem(
        meeting=meeting,
        supplement=supplement,
        position=index + 1,
        kind=AgendaItem.Kind.BUSINESS,
        title=title,
        purpose=purpose,
        is_exempt=is_exempt,
        exempt_paragraph=exempt_paragraph if is_exempt else None,
        exempt_reason=exempt_reason.strip() if is_exempt else "",
        lead_officer=lead_officer,
        work_programme_entry=work_programme_entry,
    )
    check_grounds_for_body(meeting.body, item)
    item.full_clean()
    for later in reversed(items[index:]):
        later.position += 1
        save_record(later, actor=actor, reason="Renumbered")
    return save_record(item, actor=actor, reason=f"Late item added to {supplement}")


def _locked_item(item: AgendaItem, expected_version: int | str | None) -> AgendaItem:
    """The item re-read under a row lock (after its meeting's), refusing a stale form.

    `expected_version` is the version the clerk's form was opened at; None only for callers
    that hold no form (scripts, the demo), which edit the row as it now is.
    """
    locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if expected_version is not None:
        check_version(locked, expected_version)
    locked.version += 1
    return locked


def _keep_part_ii_last(item: AgendaItem, meeting: Meeting, *, actor, refuse: bool) -> None:
    """Each agenda (the first one, each supplement) takes its Part II business last: an item
    made Part II moves to the end of its agenda and the items after it move up one, so the
    clerk need not reorder by hand. Any other disorder is refused if `refuse` (a published
    agenda; a draft may be built in any order until it is published). Saves the other items
    that move; the caller saves `item`."""
    group = [
        item if other.pk == item.pk else other
        for other in meeting.items.filter(supplement_id=item.supplement_id).order_by(
            "position", "pk"
        )
    ]
    if item.is_exempt and part_ii_out_of_order(group):
        start = group[0].position
        others = [other for other in group if other.pk != item.pk]
        _renumber(
            others, actor=actor, reason=f"Renumbered: {item.title} became Part II", start=start
        )
        item.position = start + len(others)
        group = [*others, item]
    out_of_order = part_ii_out_of_order(group)
    if out_of_order and refuse:
        raise ValidationError(out_of_order)


def item_update(
    *, item: AgendaItem, actor, expected_version: int | str | None = None, **changes
) -> AgendaItem:
    """Edit an item of a draft agenda, refusing a form opened before someone else's edit;
    after publication use `item_revise`."""
    unknown = set(changes) - ITEM_FIELDS
    if unknown:
        raise TypeError(f"Cannot change {', '.join(sorted(unknown))} of an agenda item.")
    with transaction.atomic():
        _require_draft_agenda(_locked(item.meeting), item)
        item = _locked_item(item, expected_version)
        was_exempt = item.is_exempt
        _apply_item_changes(item, changes)
        _check_progress_stays_public(item)
        _keep_part_ii_last(item, item.meeting, actor=actor, refuse=False)
        saved = save_record(item, actor=actor)
        if item.is_exempt and not was_exempt:
            packs_withdraw_public(item.meeting)
        return saved


def item_remove(*, item: AgendaItem, actor) -> None:
    """Take an item off a draft agenda; the items below move up."""
    with transaction.atomic():
        meeting = _locked(item.meeting)
        item = AgendaItem.objects.select_related("work_programme_entry").get(pk=item.pk)
        _require_draft_agenda(meeting, item)
        entry = item.work_programme_entry
        item._history_user = actor
        item._change_reason = "Item removed"
        item.delete()
        if entry is not None and entry.status == WorkProgrammeEntry.Status.ON_AGENDA:
            entry.status = WorkProgrammeEntry.Status.PLANNED
            entry.version += 1
            save_record(entry, actor=actor, reason=f"Taken off the agenda of {meeting}")
        _renumber(list(meeting.items.order_by("position", "pk")), actor=actor, reason="Renumbered")


def item_move(
    *, item: AgendaItem, direction: str | None = None, new_position: int | None = None, actor
) -> AgendaItem:
    """Move an item up or down, or to a given position; the others keep their order."""
    if (direction is None) == (new_position is None):
        raise TypeError("Give either a direction or a new position.")
    with transaction.atomic():
        meeting = _locked(item.meeting)
        item = AgendaItem.objects.get(pk=item.pk)
        _require_draft_agenda(meeting, item)
        # A late item moves among the late items of its supplement only.
        items = list(
            meeting.items.filter(supplement_id=item.supplement_id).order_by("position", "pk")
        )
        start = items[0].position if item.supplement_id is not None else 1
        index = next(i for i, it in enumerate(items) if it.pk == item.pk)
        if direction is not None:
            if direction not in ("up", "down"):
                raise ValidationError("Move an item up or down.")
            target = index - 1 if direction == "up" else index + 1
        else:
            target = new_position - start
        if not 0 <= target < len(items):
            raise ValidationError(
                f"Item {item.position} cannot move there: the agenda has {len(items)} items."
                if item.supplement_id is None
                else f"Item {item.position} can move only among the late items of its "
                "supplementary agenda."
            )
        moving = items.pop(index)
        items.insert(target, moving)
        _renumber(items, actor=actor, reason="Agenda reordered", start=start)
        return moving


def item_revise(
    *,
    item: AgendaItem,
    actor,
    summary: str,
    expected_version: int | str | None = None,
    **changes,
) -> AgendaRevision:
    """Change an item of a published agenda, visibly: a supplementary / revised report.
    A form opened before someone else's revision is refused."""
    unknown = set(changes) - ITEM_FIELDS
    if unknown:
        raise TypeError(f"Cannot change {', '.join(sorted(unknown))} of an agenda item.")
    summary = summary.strip()
    with transaction.atomic():
        meeting = _locked(item.meeting)
        if not meeting.is_published or _on_draft_supplement(item):
            raise ValidationError("The agenda has not been published yet; edit the item instead.")
        if meeting.status != Meeting.Status.AGENDA_PUBLISHED:
            raise ValidationError(
                f"This meeting is {meeting.get_status_display().lower()}; "
                "its agenda can no longer be revised."
            )
        if not summary:
            raise ValidationError({"summary": "Say what has changed, as the agenda will show it."})
        reason = f"Supplementary / revised report: {summary}"
        item = _locked_item(item, expected_version)
        was_exempt = item.is_exempt
        if changes:
            _apply_item_changes(item, changes)
            _check_progress_stays_public(item)
            _keep_part_ii_last(item, meeting, actor=actor, refuse=True)
            save_record(item, actor=actor, reason=reason)
        if item.is_exempt and not was_exempt:
            # The stored public pack prints this item's papers: withdraw it with this change.
            packs_withdraw_public(meeting)
        revision = save_record(
            AgendaRevision(item=item, made_by=actor, summary=summary), actor=actor, reason=reason
        )
        meeting.pack_version += 1
        # The meeting's reason must not quote the summary: the item may be Part II.
        save_record(meeting, actor=actor, reason=f"Item {item.position} revised")
        after_papers_change(meeting)
        transaction.on_commit(
            functools.partial(announce_revision_published.enqueue, revision.pk, portal_url())
        )
        return revision


# Publishing


def publication_deadline(meeting: Meeting):
    """The last day the agenda can be published with five clear working days to spare."""
    return latest_publication_date(meeting.date)


def late_publication_message(meeting: Meeting) -> str:
    """Why a late agenda needs a reason, naming the deadline that was missed."""
    return (
        f"The agenda had to be published by {_long_date(publication_deadline(meeting))} to leave "
        "five clear working days before the meeting. Give the reason it is published late "
        "(for example, urgent business)."
    )


PAST_MEETING_MESSAGE = (
    "The meeting has already started, so its agenda cannot be published now. If it was "
    "published before the meeting, record it as a past meeting, giving the date it was published."
)


def agenda_publish_refusal(items: list[AgendaItem]) -> str:
    """Why an agenda of these items (in order) cannot be published, or "" when it can; the
    meeting page shows it in place of the publish button. Checks no database."""
    if not any(item.kind == AgendaItem.Kind.BUSINESS for item in items):
        return "Add at least one item before publishing the agenda."
    return part_ii_out_of_order(items)


def _check_items_publishable(meeting: Meeting) -> None:
    items = list(meeting.items.order_by("position"))
    refusal = agenda_publish_refusal(items)
    if refusal:
        raise ValidationError(refusal)
    _check_agenda_items(items)


def _check_agenda_items(items: list[AgendaItem]) -> None:
    """Each item of an agenda about to be published is valid, and Part II comes last."""
    for item in items:
        try:
            item.full_clean()
        except ValidationError as exc:
            raise ValidationError(
                f"Item {item.position} ({item.title}): {' '.join(exc.messages)}"
            ) from exc
    out_of_order = part_ii_out_of_order(items)
    if out_of_order:
        raise ValidationError(out_of_order)


def agenda_publish(
    *, meeting: Meeting, actor, late_reason: str = "", now: datetime | None = None
) -> Meeting:
    """Publish the agenda; later than five clear working days before needs a reason."""
    now = now or timezone.now()
    late_reason = late_reason.strip()
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.status == Meeting.Status.CANCELLED:
            raise ValidationError(
                "This meeting has been cancelled; its agenda cannot be published."
            )
        if meeting.is_published:
            raise ValidationError("The agenda has already been published.")
        if meeting.start <= now:
            raise ValidationError(PAST_MEETING_MESSAGE)
        _check_items_publishable(meeting)
        published_on = timezone.localdate(now)
        if is_late(published_on, meeting.date):
            if not late_reason:
                raise ValidationError({"late_reason": late_publication_message(meeting)})
        else:
            late_reason = ""
        meeting.agenda_published_at = now
        meeting.late_publication_reason = late_reason
        meeting.status = Meeting.Status.AGENDA_PUBLISHED
        meeting.pack_version += 1
        save_record(meeting, actor=actor, reason="Agenda published")
        after_papers_change(meeting)
        transaction.on_commit(
            functools.partial(announce_agenda_published.enqueue, meeting.pk, portal_url())
        )
        return meeting


def agenda_record_past_publication(
    *,
    meeting: Meeting,
    published_on: date,
    actor,
    late_reason: str = "",
    now: datetime | None = None,
) -> Meeting:
    """Record a meeting already held: its agenda was published on `published_on`, before
    the portal knew of it.

    The agenda shows that date (and, if it was late, the reason given then); the meeting
    keeps when the clerk entered it (`agenda_entered_at`), and its history says who did.
    Marking it as held, attendance, declarations, resolutions and minutes then work as usual.
    """
    now = now or timezone.now()
    late_reason = late_reason.strip()
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.status == Meeting.Status.CANCELLED:
            raise ValidationError(
                "This meeting has been cancelled; its agenda cannot be published."
            )
        if meeting.is_published:
            raise ValidationError("The agenda has already been published.")
        if meeting.start > now:
            raise ValidationError(
                "The meeting has not started yet: publish its agenda in the usual way."
            )
        if published_on is None:
            raise ValidationError({"published_on": "Enter the date the agenda was published."})
        if published_on > meeting.date:
            raise ValidationError(
                {
                    "published_on": "An agenda published after its meeting was not published "
                    f"for it: give a date on or before {_long_date(meeting.date)}."
                }
            )
        _check_items_publishable(meeting)
        if is_late(published_on, meeting.date):
            if not late_reason:
                raise ValidationError(
                    {
                        "late_reason": f"The agenda was published on {_long_date(published_on)}"
                        f", after the deadline of {_long_date(publication_deadline(meeting))}."
                        " Give the reason recorded for its late publication."
                    }
                )
        else:
            late_reason = ""
        meeting.agenda_published_at = timezone.make_aware(datetime.combine(published_on, time()))
        meeting.agenda_entered_at = now
        meeting.late_publication_reason = late_reason
        meeting.status = Meeting.Status.AGENDA_PUBLISHED
        meeting.pack_version += 1
        save_record(
            meeting,
            actor=actor,
            reason=f"Recorded after the meeting: agenda published on {_long_date(published_on)}",
        )
        after_papers_change(meeting)
        return meeting


# Supplementary agendas


def supplement_publish(
    *,
    meeting: Meeting,
    items: list[AgendaItem],
    reason: str,
    actor,
    now: datetime | None = None,
) -> Supplement:
    """Publish late items as a supplementary agenda, with the reason for urgency the law asks
    for (s100B(4)(b) of the Local Government Act 1972). The late items not chosen wait on a
    new draft supplement; the stored packs are made again, the supplement's among them."""
    now = now or timezone.now()
    reason = reason.strip()
    with transaction.atomic():
        meeting = _locked(meeting)
        if meeting.status == Meeting.Status.SCHEDULED:
            raise ValidationError(
                "The agenda has not been published yet: add the items to it and publish it."
            )
        _require_late_business(meeting)
        if not reason:
            raise ValidationError(
                {
                    "reason": "Give the reason for urgency: the special circumstances for which "
                    "the chair considers these items should be taken at this meeting."
                }
            )
        supplement = (
            Supplement.objects.select_for_update()
            .filter(meeting=meeting, published_at__isnull=True)
            .first()
        )
        waiting = list(supplement.items.order_by("position")) if supplement else []
        chosen = {item.pk for item in items}
        strays = [item for item in items if item.pk not in {w.pk for w in waiting}]
        if strays:
            raise ValidationError(
                f"Item {strays[0].position} ({strays[0].title}) is not a late item waiting to be "
                "published."
            )
        publishing = [item for item in waiting if item.pk in chosen]
        if not publishing:
            raise ValidationError({"items": "Choose at least one late item to publish."})
        _check_agenda_items(publishing)
        left = [item for item in waiting if item.pk not in chosen]
        if left:
            # The items held back wait on the next supplement, after the published ones.
            supplement.published_at = now  # frees the meeting's one draft for the next
            Supplement.objects.filter(pk=supplement.pk).update(published_at=now)
            later = save_record(
                Supplement(meeting=meeting, number=supplement.number + 1),
                actor=actor,
                reason="Supplementary agenda started for late items held back",
            )
            for item in left:
                item.supplement = later
                save_record(item, actor=actor, reason=f"Held back for {later}")
            _renumber(
                publishing + left,
                actor=actor,
                reason="Renumbered",
                start=min(item.position for item in waiting),
            )
        supplement.reason = reason
        supplement.published_at = now
        supplement.published_by = actor
        save_record(supplement, actor=actor, reason=f"{supplement} published")
        meeting.pack_version += 1
        save_record(meeting, actor=actor, reason=f"{supplement} published")
        after_papers_change(meeting)
        transaction.on_commit(
            functools.partial(announce_supplement_published.enqueue, supplement.pk, portal_url())
        )
        return supplement


# Work programme


def work_programme_entry_add(
    *,
    body: Body,
    planned_for,
    title: str,
    summary: str = "",
    lead_officer: str = "",
    report_author: str = "",
    actor,
) -> WorkProgrammeEntry:
    """Plan a report for a future meeting of a body."""
    with transaction.atomic():
        entry = WorkProgrammeEntry(
            body=body,
            planned_for=planned_for,
            title=title,
            summary=summary,
            lead_officer=lead_officer,
            report_author=report_author,
        )
        return save_record(entry, actor=actor)


def work_programme_entry_update(
    *, entry: WorkProgrammeEntry, actor, expected_version: int | str | None = None, **changes
) -> WorkProgrammeEntry:
    """Edit a planned report, or defer or withdraw it, refusing a form opened before someone
    else changed the entry (or put it on an agenda, or took it off)."""
    allowed = {"planned_for", "title", "summary", "lead_officer", "report_author", "status"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"Cannot change {', '.join(sorted(unknown))} of a work programme entry.")
    with transaction.atomic():
        entry = lock_for_edit(WorkProgrammeEntry.objects, entry.pk, expected_version)
        on_agenda = AgendaItem.objects.filter(work_programme_entry=entry).exists()
        status = changes.get("status", entry.status)
        if status == WorkProgrammeEntry.Status.ON_AGENDA and not on_agenda:
            raise ValidationError(
                {"status": "Add the entry to a meeting's agenda to put it on an agenda."}
            )
        if on_agenda and status != WorkProgrammeEntry.Status.ON_AGENDA:
            raise ValidationError(
                {"status": "This entry is on an agenda; take the item off the agenda first."}
            )
        for name, value in changes.items():
            setattr(entry, name, value)
        return save_record(entry, actor=actor)


def work_programme_entry_to_agenda(
    *, entry: WorkProgrammeEntry, meeting: Meeting, actor
) -> AgendaItem:
    """Put a planned report on a meeting's draft agenda as a business item."""
    with transaction.atomic():
        entry = WorkProgrammeEntry.objects.select_for_update().get(pk=entry.pk)
        if meeting.body_id != entry.body_id:
            raise ValidationError(
                {"meeting": "That meeting belongs to another body; choose one of this body's."}
            )
        if AgendaItem.objects.filter(work_programme_entry=entry).exists():
            raise ValidationError("This entry is already on an agenda.")
        if entry.status == WorkProgrammeEntry.Status.WITHDRAWN:
            raise ValidationError("This entry has been withdrawn; plan it again first.")
        if meeting.status != Meeting.Status.SCHEDULED:
            raise ValidationError(
                {
                    "meeting": "The agenda of that meeting has been published or the meeting "
                    "has been held or cancelled; choose a meeting whose agenda is still a draft."
                }
            )
        item = item_add(
            meeting=meeting,
            title=entry.title,
            lead_officer=entry.lead_officer,
            work_programme_entry=entry,
            actor=actor,
        )
        entry.status = WorkProgrammeEntry.Status.ON_AGENDA
        entry.version += 1
        save_record(entry, actor=actor, reason=f"Added to the agenda of {meeting}")
        return item


# Progress against objectives


def item_attach_progress(
    *,
    item: AgendaItem,
    progress_report: ProgressReport,
    actor,
    expected_version: int | str | None = None,
) -> AgendaItem:
    """Attach a progress report against an objective to an item of a draft agenda, so that it
    is printed with the item's papers. Progress is public: a Part II item is refused."""
    with transaction.atomic():
        _require_draft_agenda(_locked(item.meeting), item)
        locked = _locked_item(item, expected_version)
        if locked.is_exempt:
            raise ValidationError(
                "Progress against objectives is published: attach it to a Part I item."
            )
        if locked.progress_reports.filter(pk=progress_report.pk).exists():
            raise ValidationError("That progress report is already attached to this item.")
        locked.progress_reports.add(progress_report)
        return save_record(
            locked,
            actor=actor,
            reason=f"Progress report attached: objective {progress_report.objective.reference},"
            f" {progress_report.period}",
        )
