"""Grow the configured database to a national-scale data set for the benchmarks.

    DATABASE_URL=postgres://… .venv/bin/python bench/grow.py --resolutions 100000

Adds, through the models and with a history row for every record: organisations and 200
bodies of their own, then held meetings (one for every ten resolutions) with five agenda
items each, a report with text for every item, ten resolutions a meeting and, for four of
them, a ratification by another organisation. Idempotent: it counts what is already there
and only adds what is missing, so running it twice with the same size adds nothing. It
migrates the database first and, on PostgreSQL, vacuums and analyses it last. Text
is made of a fixed vocabulary, so a common word ("health") is in most records and a rare one
("kestrel") in about one record in a thousand.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from simple_history.utils import bulk_create_with_history  # noqa: E402

from decisions.models import Ratification, Resolution  # noqa: E402
from governance.models import Body, Organisation  # noqa: E402
from meetings.models import AgendaItem, Meeting, Report  # noqa: E402

BODIES = 200
ORGANISATIONS = 50
RESOLUTIONS_PER_MEETING = 10
ITEMS_PER_MEETING = 5
RATIFIED_PER_MEETING = 4
FIRST_DAY = datetime(2000, 1, 3, 14, tzinfo=UTC)
PREFIX = "bench-"  # slugs of everything grow.py adds, to find it again
RARE = "kestrel"
WORDS = (
    "health care adult social services public board partnership integrated commissioning "
    "budget plan strategy workforce community hospital primary mental wellbeing children "
    "families housing prevention quality safety outcomes population funding review report "
    "delivery programme improvement transformation digital estates urgent emergency "
    "discharge capacity demand finance risk assurance governance performance inequalities "
    "neighbourhood place system provider council trust residents carers dementia"
).split()


def text(rng: random.Random, words: int) -> str:
    picked = [rng.choice(WORDS) for _ in range(words)]
    if rng.random() < 0.8:
        picked[rng.randrange(words)] = "health"
    if rng.random() < 0.001:
        picked[rng.randrange(words)] = RARE
    return " ".join(picked).capitalize() + "."


def grow_structure() -> list[Body]:
    """The bench organisations and bodies, made once."""
    have = {o.slug for o in Organisation.objects.filter(slug__startswith=PREFIX)}
    new = [
        Organisation(
            name=f"Bench Organisation {n}",
            short_name=f"BO{n}",
            slug=f"{PREFIX}organisation-{n}",
            kind=Organisation.Kind.NHS_TRUST if n % 2 else Organisation.Kind.LOCAL_AUTHORITY,
        )
        for n in range(ORGANISATIONS)
        if f"{PREFIX}organisation-{n}" not in have
    ]
    bulk_create_with_history(new, Organisation)
    organisations = list(Organisation.objects.filter(slug__startswith=PREFIX).order_by("pk"))
    have = {b.slug for b in Body.objects.filter(slug__startswith=PREFIX)}
    new = [
        Body(
            name=f"Bench Board {n}",
            short_name=f"BB{n}",
            slug=f"{PREFIX}board-{n}",
            kind=Body.Kind.BOARD,
            organisation=organisations[n % ORGANISATIONS],
        )
        for n in range(BODIES)
        if f"{PREFIX}board-{n}" not in have
    ]
    bulk_create_with_history(new, Body)
    return list(Body.objects.filter(slug__startswith=PREFIX).order_by("pk"))


def grow_meetings(bodies: list[Body], wanted: int, batch: int) -> None:
    """Add `wanted` held meetings with their items, reports, resolutions and ratifications."""
    organisations = list(Organisation.objects.filter(slug__startswith=PREFIX).order_by("pk"))
    already = Meeting.objects.filter(body__in=bodies).count()
    rng = random.Random(already)
    for first in range(already, already + wanted, batch):
        numbers = range(first, min(first + batch, already + wanted))
        with transaction.atomic():
            meetings = bulk_create_with_history(
                [
                    Meeting(
                        body=bodies[n % BODIES],
                        # Each body meets about every three weeks, all bodies over the years.
                        start=FIRST_DAY + timedelta(days=21 * (n // BODIES), hours=n % 5),
                        venue="Bench Hall",
                        status=Meeting.Status.HELD,
                        agenda_published_at=FIRST_DAY + timedelta(days=21 * (n // BODIES) - 8),
                    )
                    for n in numbers
                ],
                Meeting,
            )
            items = bulk_create_with_history(
                [
                    AgendaItem(meeting=m, position=p, title=text(rng, 6))
                    for m in meetings
                    for p in range(1, ITEMS_PER_MEETING + 1)
                ],
                AgendaItem,
            )
            bulk_create_with_history(
                [
                    Report(
                        item=item,
                        title=item.title,
                        purpose=text(rng, 25),
                        recommendations=text(rng, 20),
                        information=" ".join(text(rng, 40) for _ in range(4)),
                        author="Bench Officer",
                    )
                    for item in items
                ],
                Report,
                batch_size=2000,
            )
            resolutions = bulk_create_with_history(
                [
                    Resolution(
                        body=m.body,
                        year=m.start.year,
                        # Meetings of a body in a year take consecutive blocks of numbers.
                        number=1 + RESOLUTIONS_PER_MEETING * ((n // BODIES) % 18) + r,
                        meeting=m,
                        item=items[i * ITEMS_PER_MEETING + r % ITEMS_PER_MEETING],
                        kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE
                        if r < RATIFIED_PER_MEETING
                        else Resolution.Kind.DECISION,
                        status=Resolution.Status.RATIFIED
                        if r < RATIFIED_PER_MEETING
                        else Resolution.Status.AGREED,
                        preamble=text(rng, 12),
                        parts="\n".join(f"{k}) {text(rng, 15)}" for k in range(1, 4)),
                    )
                    for i, (n, m) in enumerate(zip(numbers, meetings, strict=True))
                    for r in range(RESOLUTIONS_PER_MEETING)
                ],
                Resolution,
                batch_size=2000,
            )
            bulk_create_with_history(
                [
                    Ratification(
                        resolution=resolution,
                        organisation=organisations[(resolution.body_id + 1) % ORGANISATIONS],
                        due_date=resolution.meeting.start.date() + timedelta(days=60),
                        status=Ratification.Status.RATIFIED,
                        decided_on=resolution.meeting.start.date() + timedelta(days=30),
                    )
                    for resolution in resolutions
                    if resolution.kind == Resolution.Kind.AGREEMENT_IN_PRINCIPLE
                ],
                Ratification,
                batch_size=2000,
            )
        print(f"  meetings {numbers.stop:>7}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resolutions", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500, help="meetings per transaction")
    args = parser.parse_args()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    bodies = grow_structure()
    have = Meeting.objects.filter(body__in=bodies).count()
    wanted = -(-args.resolutions // RESOLUTIONS_PER_MEETING) - have
    if wanted > 0:
        grow_meetings(bodies, wanted, args.batch)
    if connection.vendor == "postgresql":
        # What autovacuum would do in time: fresh statistics (without them the planner takes
        # the tables for a few hundred rows and picks plans that read all of them), and the
        # GIN indexes' pending lists merged (every search reads them row by row until then).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        # SQLite's statistics, which it never gathers by itself: without them it sorts every
        # resolution for the newest page of /decisions/ (220 ms) rather than reading the
        # meetings newest first (1 ms).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{Resolution.objects.count()} resolutions, {Meeting.objects.count()} meetings, "
        f"{Report.objects.count()} reports, {Ratification.objects.count()} ratifications "
        f"in {time.perf_counter() - started:.0f}s ({date.today()})"
    )


if __name__ == "__main__":
    main()
