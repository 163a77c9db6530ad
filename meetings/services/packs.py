"""Stored agenda packs and minutes: rendering them into storage, and reading what is stored."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from uuid import uuid4

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.text import slugify

from meetings.access import can_see_meeting_exempt, minutes_readable_by
from meetings.models import AgendaItem, AgendaPack, Meeting, Supplement
from meetings.pdf import (
    has_minutes,
    local_start,
    render_agenda_pack,
    render_minutes,
)

logger = logging.getLogger(__name__)

AGENDA = AgendaPack.Document.AGENDA
MINUTES = AgendaPack.Document.MINUTES
SUPPLEMENT = AgendaPack.Document.SUPPLEMENT
PUBLIC = AgendaPack.Audience.PUBLIC
MEMBERS = AgendaPack.Audience.MEMBERS


def pack_filename(meeting: Meeting, document: str, supplement: Supplement | None = None) -> str:
    """What a download is called: `<body short name>-<date>-agenda.pdf` (or
    `…-supplement-1.pdf`)."""
    body = slugify(meeting.body.short_name or meeting.body.name)
    if supplement is not None:
        document = f"supplement-{supplement.number}"
    return f"{body}-{local_start(meeting):%Y-%m-%d}-{document}.pdf"


def audience_for(user, meeting: Meeting) -> str:
    """Members, clerks and administrators of the body get the edition with Part II."""
    return MEMBERS if can_see_meeting_exempt(user, meeting) else PUBLIC


def _newer_exists(meeting: Meeting, version: int) -> bool:
    return (
        meeting.pack_version > version
        or AgendaPack.objects.filter(meeting=meeting, version__gt=version).exists()
    )


def _store(
    meeting: Meeting,
    document: str,
    audience: str,
    version: int,
    pdf: bytes,
    pages: int,
    supplement: Supplement | None = None,
) -> AgendaPack | None:
    """Save the file, then its row; a row another worker stored first wins."""
    # A random part too: the members' edition must not sit under a guessable name.
    stem = pack_filename(meeting, document, supplement)[:-4]
    name = f"{stem}-{audience}-v{version}-{uuid4().hex}.pdf"
    pack = AgendaPack(
        meeting=meeting,
        supplement=supplement,
        document=document,
        audience=audience,
        version=version,
        pages=pages,
    )
    pack.file.save(name, ContentFile(pdf), save=False)
    try:
        with transaction.atomic():
            pack.save()
    except IntegrityError:
        pack.file.delete(save=False)
        return None
    return pack


def packs_render(*, meeting_id: int, version: int) -> list[AgendaPack]:
    """Render and store both editions of the agenda pack (and of the minutes, when there are
    any) for one pack version of a meeting; skipped when a newer version exists.

    The public minutes are made only once the minutes are approved. The page ranges written
    on the agenda items are those of the members' edition, which holds every paper. Each
    published supplementary agenda gets both editions too, its pages numbered on from the
    same edition of the agenda pack and of the supplements before it.
    """
    meeting = Meeting.objects.select_related("body").filter(pk=meeting_id).first()
    if meeting is None or _newer_exists(meeting, version):
        return []
    stored = set(
        AgendaPack.objects.filter(meeting=meeting, version=version).values_list(
            "document", "audience"
        )
    )
    made: list[AgendaPack] = []
    for audience in (MEMBERS, PUBLIC):
        if (AGENDA, audience) in stored:
            continue
        pdf, pages, item_pages = render_agenda_pack(meeting, audience)
        pack = _store(meeting, AGENDA, audience, version, pdf, pages)
        if pack is not None:
            made.append(pack)
            if audience == MEMBERS:
                _write_item_pages(meeting, version, item_pages)
    made += _render_supplements(meeting, version)
    if has_minutes(meeting):
        audiences = (MEMBERS, PUBLIC) if meeting.minutes_approved else (MEMBERS,)
        for audience in audiences:
            if (MINUTES, audience) in stored:
                continue
            pdf, pages = render_minutes(meeting, audience)
            pack = _store(meeting, MINUTES, audience, version, pdf, pages)
            if pack is not None:
                made.append(pack)
    logger.info("Rendered %d packs of meeting %s, version %s", len(made), meeting_id, version)
    return made


def _render_supplements(meeting: Meeting, version: int) -> list[AgendaPack]:
    """Both editions of each published supplementary agenda, for one pack version."""
    made: list[AgendaPack] = []
    supplements = list(meeting.supplements.filter(published_at__isnull=False).order_by("number"))
    if not supplements:
        return made
    for audience in (MEMBERS, PUBLIC):
        stored = {
            (pack.document, pack.supplement_id): pack
            for pack in AgendaPack.objects.filter(
                meeting=meeting, audience=audience, version=version
            ).exclude(document=MINUTES)
        }
        main = stored.get((AGENDA, None))
        if main is None:
            return made  # a newer version took over, or the pack could not be made
        pages_before = main.pages
        for supplement in supplements:
            pack = stored.get((SUPPLEMENT, supplement.pk))
            if pack is None:
                pdf, pages, item_pages = render_agenda_pack(
                    meeting, audience, supplement=supplement, first_page=pages_before + 1
                )
                pack = _store(meeting, SUPPLEMENT, audience, version, pdf, pages, supplement)
                if pack is None:
                    return made  # another worker is storing this version
                made.append(pack)
                if audience == MEMBERS:
                    _write_item_pages(meeting, version, item_pages, supplement)
            pages_before += pack.pages
    return made


def _write_item_pages(
    meeting: Meeting,
    version: int,
    item_pages: dict[int, tuple[int, int]],
    supplement: Supplement | None = None,
):
    """Record where each item's papers sit in the members' pack, unless a newer version has
    been stored meanwhile. Derived from the PDF, so written without a history row: a render
    is not a change anyone made to the agenda."""
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if _newer_exists(locked, version):
            return
        items = AgendaItem.objects.filter(meeting=meeting, supplement=supplement)
        for item in items.only("pk", "position"):
            first, last = item_pages.get(item.position, (None, None))
            AgendaItem.objects.filter(pk=item.pk).update(
                pack_first_page=first, pack_last_page=last
            )


@dataclass
class Download:
    """A stored PDF as the meeting page offers it."""

    pack: AgendaPack
    size: int | None
    stale: bool  # a newer version of this document is still being made

    @property
    def url(self) -> str:
        if self.pack.document == SUPPLEMENT:
            return reverse(
                "meetings:supplement_pdf", args=[self.pack.meeting_id, self.pack.supplement.number]
            )
        name = "meetings:agenda_pdf" if self.pack.document == AGENDA else "meetings:minutes_pdf"
        return reverse(name, args=[self.pack.meeting_id])


@dataclass
class SupplementEntry:
    """A published supplementary agenda as the meeting page lists it, with its PDF when made."""

    supplement: Supplement
    download: Download | None
    updating: bool


def newest_pack(
    meeting: Meeting, document: str, audience: str, supplement: Supplement | None = None
) -> AgendaPack | None:
    return (
        AgendaPack.objects.filter(
            meeting=meeting, document=document, audience=audience, supplement=supplement
        )
        .select_related("supplement")
        .order_by("-version", "-rendered_at")
        .first()
    )


def _download(pack: AgendaPack, meeting: Meeting) -> Download:
    try:
        size = pack.file.size
    except OSError:
        size = None
    return Download(pack=pack, size=size, stale=pack.version < meeting.pack_version)


def supplement_entries(meeting: Meeting, user) -> list[SupplementEntry]:
    """The meeting's published supplementary agendas, each with the user's edition of its
    stored PDF (None while it is being made)."""
    audience = audience_for(user, meeting)
    entries = []
    for supplement in meeting.supplements.filter(published_at__isnull=False).order_by("number"):
        pack = newest_pack(meeting, SUPPLEMENT, audience, supplement)
        updating = pack is not None and is_withdrawn(pack, meeting)
        download = None if pack is None or updating else _download(pack, meeting)
        entries.append(
            SupplementEntry(supplement=supplement, download=download, updating=updating)
        )
    return entries


def is_withdrawn(pack: AgendaPack, meeting: Meeting) -> bool:
    """A public edition made from an older pack version is never served: the change since may
    have made some of its text exempt. (A members' edition may be shown until the new one is
    made: everything in it is for its readers.)"""
    return pack.audience == PUBLIC and pack.version < meeting.pack_version


def packs_withdraw_public(meeting: Meeting) -> None:
    """Withdraw the stored public editions of the meeting's agenda pack and minutes, inside the
    caller's transaction: a change has made some of their text exempt. Until the worker has
    made the new version their addresses say the pack is being updated; the files are deleted
    once the withdrawal has committed, as nothing serves them any more."""
    packs = list(AgendaPack.objects.filter(meeting=meeting, audience=PUBLIC))
    if not packs:
        return
    AgendaPack.objects.filter(pk__in=[pack.pk for pack in packs]).delete()
    stored = [(pack.file.storage, pack.file.name) for pack in packs]

    def delete_files() -> None:
        for storage, name in stored:
            storage.delete(name)

    transaction.on_commit(delete_files)


def pack_downloads(meeting: Meeting, user) -> dict:
    """What `meetings/packs/_downloads.html` needs, in two queries (plus the user's roles)."""
    audience = audience_for(user, meeting)
    downloads = {}
    updating = set()
    for document in (AGENDA, MINUTES):
        if document == MINUTES and not minutes_readable_by(user, meeting):
            downloads[document] = None  # draft minutes: for the body's clerks only
            continue
        pack = newest_pack(meeting, document, audience)
        if pack is not None and is_withdrawn(pack, meeting):
            updating.add(document)
            pack = None
        if pack is None:
            downloads[document] = None
            continue
        downloads[document] = _download(pack, meeting)
    return {
        "meeting": meeting,
        "audience": audience,
        "members_edition": audience == MEMBERS,
        "agenda": downloads[AGENDA],
        "minutes": downloads[MINUTES],
        "agenda_pending": meeting.is_published and downloads[AGENDA] is None,
        "updating": bool(updating),
        "supplements": supplement_entries(meeting, user),
    }
