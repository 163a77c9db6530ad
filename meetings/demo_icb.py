"""A demo ICB board meeting with a private session under NHS rules (issue 15 item 1).

The BSW Integrated Care Board's terms of reference (governance/demo/terms.py) say it excludes
the public on NHS public-interest grounds, not under Schedule 12A. Its meeting takes a
contract decision in private, the reason stated against the item; the agenda shows the
standard NHS resolution to exclude the press and public. The dates and business are
plausible, not facts from the seeds. It goes through the services a clerk uses; a second run
adds nothing.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from governance.models import Body
from meetings.models import Meeting
from meetings.services import agenda as services

LONDON = ZoneInfo("Europe/London")
START = datetime(2024, 3, 7, 10, 0, tzinfo=LONDON)
PUBLISHED = datetime(2024, 2, 28, 16, 0, tzinfo=LONDON)
VENUE = "Kempton Room, Civic Offices, Trowbridge"
PUBLIC_ITEMS = [
    ("Integrated care strategy: implementation plan", "decision"),
    ("Winter plan: system resilience update", "assurance"),
]
PRIVATE_ITEM = "Community beds contract award"
PRIVATE_REASON = (
    "commercially confidential information about the tenders received, publicity on which "
    "would prejudice the procurement"
)


def load() -> None:
    """Schedule, fill and publish the board's meeting once."""
    board = Body.objects.get(slug="bsw-icb-board")
    if Meeting.objects.filter(body=board, start=START).exists():
        return
    meeting = services.meeting_schedule(body=board, start=START, venue=VENUE, actor=None)
    for title, purpose in PUBLIC_ITEMS:
        services.item_add(meeting=meeting, title=title, purpose=purpose, actor=None)
    services.item_add(
        meeting=meeting,
        title=PRIVATE_ITEM,
        purpose="decision",
        is_exempt=True,
        exempt_reason=PRIVATE_REASON,
        position=99,  # Part II business comes last, after the work programme
        actor=None,
    )
    services.agenda_publish(meeting=meeting, actor=None, now=PUBLISHED)
