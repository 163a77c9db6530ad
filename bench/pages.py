"""Benchmark: time the public governance pages on the demo data grown by a factor.

    .venv/bin/python bench/pages.py [--scale 20] [--requests 50]

Prints, for each page, the mean milliseconds per request, requests per second and the
number of database queries per request (which must not grow with --scale).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

PAGES = [
    "/",
    "/partnerships/",
    "/partnerships/wiltshire-alliance/",
    "/organisations/",
    "/organisations/wiltshire-council/",
    "/bodies/",
    "/bodies/adult-social-care-and-public-health-committee/",
    "/people/",
    "/people/tony-harper/",
    "/agreements/",
]


def grow(scale: int) -> None:
    """Add `scale` extra organisations, bodies and ten members per body."""
    from governance.models import Body, Membership, Organisation, Person

    for n in range(scale):
        org = Organisation.objects.create(
            name=f"Bench Trust {n}", short_name=f"BT{n}", slug=f"bench-trust-{n}", kind="nhs_trust"
        )
        body = Body.objects.create(
            name=f"Bench Board {n}", short_name=f"BB{n}", slug=f"bench-board-{n}", kind="board",
            organisation=org,
        )  # fmt: skip
        people = Person.objects.bulk_create(
            Person(name=f"Bench Person {n}-{i}", slug=f"bench-person-{n}-{i}") for i in range(10)
        )
        Membership.objects.bulk_create(
            Membership(body=body, person=p, representing=org, start=date(2022, 7, 1))
            for p in people
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_demo", stdout=open(os.devnull, "w"))
        grow(args.scale)
        client = Client()
        print(f"scale={args.scale} requests={args.requests} database={connection.vendor}")
        print(f"{'page':<58} {'ms/req':>8} {'req/s':>8} {'queries':>8}")
        for url in PAGES:
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            query_count = len(queries)  # before the next request resets the query log
            started = time.perf_counter()
            for _ in range(args.requests):
                assert client.get(url).status_code == 200, url
            elapsed = time.perf_counter() - started
            print(
                f"{url:<58} {1000 * elapsed / args.requests:>8.1f} "
                f"{args.requests / elapsed:>8.1f} {query_count:>8}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
