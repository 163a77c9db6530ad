"""Demo meeting of the Wirral Partnerships Committee with the seed 003 paper.

Seed 003 is the report of Simon Banks (Chief Officer, NHS Wirral CCG and Wirral Health and
Care Commissioning) to Wirral Council's Partnerships Committee on the White Paper, the Health
and Care Bill and the Cheshire and Merseyside ICS; its text is in demo_data/ and is loaded
word for word, trimmed to its sections. The seed's copy starts at its summary, so the item's
title describes its subject.

The seed does not say when the committee met to receive it (it cites the Queen's Speech of
11 May 2021, so it is later), nor who sits on the committee: the meeting date below is
illustrative, the committee's only demo member is the report's author, as an officer, and
its terms of reference say that no councillor is named in the seeds. Records are written
directly, like the other meeting demos; a second run changes nothing.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from governance.models import Body, Membership, Organisation, Person
from ics_portal.common.demo_records import sync_record
from meetings.models import AgendaItem, Meeting, Report

LONDON = ZoneInfo("Europe/London")
BODY = "wirral-partnerships-committee"
PAPER = Path(__file__).parent / "demo_data" / "wirral_health_and_care_reform.json"
# Illustrative: after 11 May 2021, the last event the report cites.
MEETING = datetime(2021, 6, 15, 18, 0, tzinfo=LONDON)
PUBLISHED = datetime(2021, 6, 4, 16, 0, tzinfo=LONDON)
CCG = ("nhs-wirral-ccg", "NHS Wirral Clinical Commissioning Group", "Wirral CCG")

Kind = AgendaItem.Kind
ITEMS = [
    (1, Kind.APOLOGIES, "Apologies for absence", ""),
    (2, Kind.DECLARATIONS, "Declarations of interest", ""),
    (3, Kind.BUSINESS, "", AgendaItem.Purpose.INFORMATION),  # the seed 003 paper
]


def _author(body: Body) -> Person:
    slug, name, short = CCG
    ccg = sync_record(
        Organisation,
        {"slug": slug},
        {"name": name, "short_name": short, "kind": Organisation.Kind.OTHER},
    )
    author = sync_record(
        Person,
        {"slug": "simon-banks"},
        {
            "name": "Simon Banks",
            "job_title": "Chief Officer, NHS Wirral CCG and Wirral Health and Care Commissioning",
            "organisation": ccg,
        },
    )
    sync_record(
        Membership,
        {"body": body, "person": author, "start": date(2021, 5, 25)},
        {"role": Membership.Role.OFFICER, "voting": False, "representing": ccg},
    )
    return author


def load() -> Meeting:
    """Create or refresh the Wirral committee's officer, meeting and the seed 003 paper."""
    body = Body.objects.get(slug=BODY)
    author = _author(body)
    paper = json.loads(PAPER.read_text(encoding="utf-8"))
    meeting = sync_record(
        Meeting,
        {"body": body, "start": MEETING},
        {
            "venue": "Wirral Council (the seed does not give the venue)",
            "status": Meeting.Status.AGENDA_PUBLISHED,
            "agenda_published_at": PUBLISHED,
            "late_publication_reason": "",
        },
    )
    for position, kind, title, purpose in ITEMS:
        item = sync_record(
            AgendaItem,
            {"meeting": meeting, "position": position},
            {
                "kind": kind,
                "title": title or paper["title"],
                "purpose": purpose,
                "lead_officer": f"{author.name}, {author.job_title}" if title == "" else "",
            },
        )
        if kind == Kind.BUSINESS:
            sync_record(Report, {"item": item}, paper)
    return meeting
