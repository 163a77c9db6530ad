"""Benchmark: a ~100-page agenda pack against WeasyPrint alone on the same HTML.

    .venv/bin/python bench/agenda_pack.py [--papers 12] [--paragraphs 26] [--runs 3]

Builds a meeting in a throwaway test database (nothing touches your own data), then times,
in turns (A B A B, so both see the same load on a shared machine), WeasyPrint alone writing
the members' edition's HTML to PDF and the portal making that pack (HTML, layout, page
ranges read back, appendices bound). Prints each run and the ratio of the medians; the
target is 1.2 or less.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

SENTENCE = (
    "The partnership has reviewed the arrangements for adult social care and public health "
    "across the county, drawing on the views of residents, providers and staff. "
)


def build(papers: int, paragraphs: int):
    """A published meeting: standing items, `papers` long reports, one of them Part II."""
    from django.utils import timezone

    from governance.models import Body, Membership, Organisation, Person
    from meetings.models import AgendaItem, Meeting, Report

    council = Organisation.objects.create(
        name="Bench County Council", short_name="BCC", slug="bench-county-council",
        kind=Organisation.Kind.LOCAL_AUTHORITY,
    )  # fmt: skip
    body = Body.objects.create(
        name="Bench Health and Wellbeing Board", short_name="BHWB", slug="bench-hwb",
        kind=Body.Kind.BOARD, organisation=council,
    )  # fmt: skip
    for n in range(12):
        person = Person.objects.create(name=f"Bench Member {n}", slug=f"bench-member-{n}")
        Membership.objects.create(
            body=body, person=person, representing=council, start=date(2020, 5, 1),
            role=Membership.Role.CHAIR if n == 0 else Membership.Role.MEMBER,
        )  # fmt: skip
    meeting = Meeting.objects.create(
        body=body, start=datetime(2021, 2, 8, 14, tzinfo=UTC), venue="County Hall",
        agenda_published_at=timezone.now(), pack_version=1,
    )  # fmt: skip
    standing = ["Minutes of the last meeting", "Apologies for absence", "Declarations of interest"]
    for position, title in enumerate(standing, start=1):
        AgendaItem.objects.create(meeting=meeting, position=position, title=title)
    text = "\n\n".join(SENTENCE * 7 for _ in range(paragraphs))
    for n in range(papers):
        exempt = n == papers - 1
        item = AgendaItem.objects.create(
            meeting=meeting, position=len(standing) + n + 1, title=f"Report {n + 1}",
            purpose=AgendaItem.Purpose.DECISION, is_exempt=exempt,
            exempt_paragraph=3 if exempt else None,
        )  # fmt: skip
        Report.objects.create(
            item=item, title=f"Report {n + 1} on the county's plans", purpose=SENTENCE,
            recommendations="Note the report.\nAgree the plan.\nAsk for an update.",
            information=text, other_options=SENTENCE, reasons=SENTENCE,
            implications_financial=SENTENCE, implications_legal=SENTENCE,
            implications_equality=SENTENCE, author="A. Author", author_contact="a@example.org",
            consultee_constitutional=SENTENCE, background_papers="None.",
        )  # fmt: skip
    return meeting


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--papers", type=int, default=12)
    parser.add_argument("--paragraphs", type=int, default=26)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import logging
    import statistics

    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from meetings.pdf import PDF_OPTIONS, agenda_pack_html, render_agenda_pack

        meeting = build(args.papers, args.paragraphs)
        html, _ = agenda_pack_html(meeting, "members")

        def weasyprint_alone() -> tuple[int, int]:
            fetcher = URLFetcher(allowed_protocols=frozenset())
            document = HTML(string=html, url_fetcher=fetcher).render(**PDF_OPTIONS)
            return len(document.pages), len(document.write_pdf(**PDF_OPTIONS))

        def portal_pack() -> tuple[int, int]:
            pdf, pages, _ = render_agenda_pack(meeting, "members")
            return pages, len(pdf)

        print(f"papers={args.papers} paragraphs={args.paragraphs} database={connection.vendor}")
        print(f"{'run':>4} {'what':<18} {'pages':>6} {'bytes':>10} {'seconds':>8} {'pages/s':>8}")
        contenders = {"weasyprint alone": weasyprint_alone, "portal pack": portal_pack}
        seconds: dict[str, list[float]] = {name: [] for name in contenders}
        for run in range(1, args.runs + 1):
            for name, make in contenders.items():
                started = time.perf_counter()
                pages, size = make()
                elapsed = time.perf_counter() - started
                seconds[name].append(elapsed)
                rate = pages / elapsed
                print(f"{run:>4} {name:<18} {pages:>6} {size:>10} {elapsed:>8.2f} {rate:>8.1f}")
        alone = statistics.median(seconds["weasyprint alone"])
        pack = statistics.median(seconds["portal pack"])
        print(f"median: weasyprint alone {alone:.2f} s, portal pack {pack:.2f} s, "
              f"ratio {pack / alone:.2f} (target <= 1.20)")  # fmt: skip
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
