"""Benchmark: the public decisions list page and the resolutions API list on a demo database
grown to 100,000 resolutions.

    .venv/bin/python bench/public_lists.py [--resolutions 100000] [--requests 20]

Prints, for each address, the mean milliseconds per request, requests per second and the
number of database queries per request (which must not grow with the number of rows).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

ADDRESSES = [
    "/decisions/",
    "/decisions/?page=1000",
    "/api/v1/resolutions/",
    "/api/v1/resolutions/?limit=100&offset=50000",
]
BODIES = 10
FIRST_YEAR = 1990  # before the demo's years, so numbering stays unique per body and year


def grow(total: int) -> int:
    """Add published meetings, one item each, and resolutions until there are `total`."""
    from decisions.models import Resolution
    from governance.models import Body
    from meetings.models import AgendaItem, Meeting

    wanted = total - Resolution.objects.count()
    bodies = list(Body.objects.order_by("pk")[:BODIES])
    years = -(-wanted // (len(bodies) * 500))  # about 500 resolutions per body and year
    per_meeting = -(-wanted // (len(bodies) * years))
    meetings = Meeting.objects.bulk_create(
        Meeting(
            body=body,
            start=datetime(FIRST_YEAR + y, 6, 1, 14, tzinfo=UTC),
            venue="Bench Hall",
            status=Meeting.Status.HELD,
            agenda_published_at=datetime(FIRST_YEAR + y, 5, 20, 16, tzinfo=UTC),
        )
        for body in bodies
        for y in range(years)
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=m, position=1, title="Bench business") for m in meetings
    )
    made = 0
    for meeting, item in zip(meetings, items, strict=True):
        count = min(per_meeting, wanted - made)
        Resolution.objects.bulk_create(
            (
                Resolution(
                    body=meeting.body,
                    year=meeting.start.year,
                    number=n,
                    meeting=meeting,
                    item=item,
                    parts=f"1) Bench resolution {n} of {meeting.body.short_name}.",
                )
                for n in range(1, count + 1)
            ),
            batch_size=2000,
        )
        made += count
    return Resolution.objects.count()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resolutions", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_demo", stdout=open(os.devnull, "w"))
        started = time.perf_counter()
        total = grow(args.resolutions)
        grown = time.perf_counter() - started
        client = Client()
        print(
            f"resolutions={total} (grown in {grown:.1f}s) requests={args.requests} "
            f"database={connection.vendor}"
        )
        print(f"{'address':<48} {'ms/req':>8} {'req/s':>8} {'queries':>8}")
        for url in ADDRESSES:
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            query_count = len(queries)  # before the next request resets the query log
            started = time.perf_counter()
            for _ in range(args.requests):
                assert client.get(url).status_code == 200, url
            elapsed = time.perf_counter() - started
            print(
                f"{url:<48} {1000 * elapsed / args.requests:>8.1f} "
                f"{args.requests / elapsed:>8.1f} {query_count:>8}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
