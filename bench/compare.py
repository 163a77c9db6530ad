"""Benchmark: each portal page against a bare-Django view of the same rows, in one server.

    DATABASE_URL=postgres://… .venv/bin/python bench/compare.py [--requests 40] [--workers 3]

Starts one gunicorn (sync workers) with bench.settings, which serves the portal and, under
/bench/, the baseline views of bench/views.py. For each page it runs the portal (A) and the
baseline (B) in turns, A B A B, each turn `--requests` requests from as many clients as there
are workers, and prints: requests per second of each, their ratio (portal / baseline), the
portal's p50 and p99 in milliseconds, and the queries per request of each (the X-Queries
header added by the bench settings). Grow the database first with bench/grow.py. The
machine's noise hits A and B alike; compare ratios, not req/s between runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.test import Client  # noqa: E402

from bench.grow import PREFIX, RARE  # noqa: E402
from decisions.models import Resolution  # noqa: E402
from governance.models import Body  # noqa: E402
from meetings.models import AgendaPack, Meeting  # noqa: E402
from meetings.services.packs import packs_render  # noqa: E402


def signed_in_cookie() -> str:
    """A Cookie header for a session of the bench administrator (made once)."""
    user, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def stored_pack(meeting: Meeting) -> AgendaPack:
    """The meeting's public agenda pack, rendered and stored now if it has none yet."""
    pack = AgendaPack.objects.filter(
        meeting=meeting, document=AgendaPack.Document.AGENDA, audience=AgendaPack.Audience.PUBLIC
    ).first()
    if pack is None:
        packs_render(meeting_id=meeting.pk, version=meeting.pack_version)
        return stored_pack(meeting)
    return pack


def pages() -> list[tuple[str, str | None, dict]]:
    """(portal address, baseline address or None, request headers) for each page of the table."""
    resolution = Resolution.objects.filter(body__slug__startswith=PREFIX).order_by("-pk").first()
    meeting = resolution.meeting
    body = Body.objects.filter(slug__startswith=PREFIX).order_by("pk").first()
    since = Meeting.objects.order_by("-start").values_list("start", flat=True)[1000]
    pack = stored_pack(meeting)
    signed_in = {"Cookie": signed_in_cookie()}
    return [
        ("/search/?q=health", None, {}),
        (f"/search/?q={RARE}", None, {}),
        (f"/decisions/{resolution.pk}/", f"/bench/decisions/{resolution.pk}/", {}),
        ("/api/v1/resolutions/?limit=100", "/bench/api/resolutions/?limit=100", {}),
        (
            f"/api/v1/resolutions/?limit=100&modified_since={since.date()}",
            f"/bench/api/resolutions/?limit=100&modified_since={since.date()}",
            {},
        ),
        (f"/bodies/{body.slug}/", f"/bench/bodies/{body.slug}/", {}),
        (f"/meetings/{meeting.pk}/", f"/bench/meetings/{meeting.pk}/", {}),
        ("/meetings/?when=past", "/bench/meetings/", {}),
        ("/ratifications/", "/bench/ratifications/", signed_in),
        ("/decisions/", "/bench/decisions/", {}),
        ("/meetings.ics", None, {}),
        # The grown meetings end in 2003, so the default window (the last year and all to
        # come) is empty here: a full year of every body's meetings is the real measure.
        (f"/meetings.ics?year={since.year}", None, {}),
        (f"/meetings/{meeting.pk}/agenda.pdf", f"/bench/packs/{pack.pk}/", {}),
        (f"/decisions/{resolution.pk}/trail.pdf", None, {}),
    ]


def fetch(url: str, headers: dict | None = None) -> tuple[float, int]:
    """Seconds taken and the X-Queries header of one GET."""
    started = time.perf_counter()
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
        queries = int(response.headers.get("X-Queries", -1))
    return time.perf_counter() - started, queries


def turn(
    base: str, path: str, requests: int, clients: int, headers: dict
) -> tuple[float, list[float], int]:
    """Elapsed seconds, latencies and queries per request of `requests` GETs of one page."""
    fetch(base + path, headers)  # warm
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        done = list(pool.map(lambda _: fetch(base + path, headers), range(requests)))
    return time.perf_counter() - started, [s for s, _ in done], done[0][1]


def wait_until_up(base: str, server: subprocess.Popen) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped; see its output above")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=40, help="per page and turn")
    # One sync worker per core: more only queue on a 2-core machine.
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--only", default="", help="only pages whose address contains this")
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "ics_portal.wsgi:application",
            "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers),
            "--timeout", "300", "--log-level", "warning",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
    )  # fmt: skip
    try:
        wait_until_up(base, server)
        resolutions = Resolution.objects.count()
        print(
            f"{resolutions} resolutions, {Meeting.objects.count()} meetings; "
            f"{args.workers} gunicorn workers, {args.requests} requests per turn, A B A B"
        )
        header = (
            f"{'page':<52} {'portal/s':>9} {'bare/s':>8} {'ratio':>6} "
            f"{'p50 ms':>8} {'p99 ms':>8} {'queries':>8} {'bare q':>7}"
        )
        print(header)
        for portal, bare, headers in pages():
            if args.only not in portal:
                continue
            a_time, a_lat, b_time, b_lat = 0.0, [], 0.0, []
            a_queries = b_queries = 0
            for _ in range(2):
                elapsed, latencies, a_queries = turn(
                    base, portal, args.requests, args.workers, headers
                )
                a_time, a_lat = a_time + elapsed, a_lat + latencies
                if bare:
                    elapsed, latencies, b_queries = turn(
                        base, bare, args.requests, args.workers, headers
                    )
                    b_time, b_lat = b_time + elapsed, b_lat + latencies
            a_rate = len(a_lat) / a_time
            b_rate = len(b_lat) / b_time if bare else None
            print(
                f"{portal[:52]:<52} {a_rate:>9.1f} "
                f"{(f'{b_rate:.1f}' if b_rate else '–'):>8} "
                f"{(f'{a_rate / b_rate:.2f}' if b_rate else '–'):>6} "
                f"{1000 * statistics.median(a_lat):>8.0f} {1000 * percentile(a_lat, 0.99):>8.0f} "
                f"{a_queries:>8} {(b_queries if bare else '–'):>7}",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
