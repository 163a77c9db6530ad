"""The orderings of the public lists and the API are read from an index, not a sort of every
row (PostgreSQL only: `EXPLAIN` of the very query each address runs).

The tables here are tiny, so sequential scans are switched off for the EXPLAIN: the planner
then shows whether an index serves the order at all (without one it sorts)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from decisions.models import Resolution
from tests.factories import make_meeting

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN of PostgreSQL plans"),
]


@pytest.fixture
def listed(body):
    for n, day in enumerate([date(2021, 1, 11), date(2021, 3, 8)], start=1):
        meeting = make_meeting(body, day)
        Resolution.objects.create(
            body=body,
            year=day.year,
            number=n,
            meeting=meeting,
            item=meeting.items.get(position=3),
            parts="1) Noted.",
        )


def plan_of(client, address: str, table: str) -> str:
    """The plan of the query that `address` runs to list rows of `table` in order."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    listing = [
        q["sql"]
        for q in queries.captured_queries
        if f'FROM "{table}"' in q["sql"] and "ORDER BY" in q["sql"] and "LIMIT" in q["sql"]
    ]
    assert listing, f"no ordered list of {table} at {address}"
    with connection.cursor() as cursor:
        # The tables are tiny here: steer the planner as a table of 100,000 rows would. A
        # sort stays possible (only discouraged), so without an ordered index it still shows.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {listing[0]}")
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize(
    ("address", "table", "index"),
    [
        ("/decisions/", "decisions_resolution", "meeting_start"),
        ("/api/v1/resolutions/", "decisions_resolution", "resolution_newest_first"),
        ("/api/v1/resolutions/?status=agreed", "decisions_resolution", "resolution_status_newest"),
        ("/api/v1/meetings/", "meetings_meeting", "meeting_start"),
        ("/ratifications/", "decisions_ratification", "ratification_due_order"),
    ],
)
def test_the_order_is_read_from_an_index(client, listed, address, table, index):
    plan = plan_of(client, address, table)
    assert f"Index Scan Backward using {index}" in plan or f"Index Scan using {index}" in plan, (
        plan
    )
    assert "\n  ->  Sort" not in plan and not plan.startswith("Sort"), plan
