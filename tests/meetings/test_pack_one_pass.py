"""The agenda pack is laid out once: the agenda's page ranges come from CSS target-counter()
in the same layout that the stored item pages are read from."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.utils import timezone
from weasyprint import HTML

from meetings.models import AgendaItem, Meeting
from meetings.pdf import render_agenda_pack
from tests.factories import make_report, pdf_pages_text

pytestmark = pytest.mark.django_db


def printed_ranges(agenda: str) -> dict[str, str]:
    """The Pages column of the agenda page: item title to what it prints."""
    return dict(re.findall(r"^\d+ (Paper \w+) (\d+(?: – \d+)?)$", agenda, flags=re.MULTILINE))


def test_the_pack_is_laid_out_once(pack_meeting, monkeypatch):
    layouts = []
    render = HTML.render

    def counting_render(self, *args, **kwargs):
        layouts.append(self)
        return render(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "render", counting_render)
    render_agenda_pack(pack_meeting, "members")
    assert len(layouts) == 1


def test_a_run_of_one_page_papers_prints_one_number_each(body):
    """Each paper keeps its own counter, so one-page papers in a row do not upset the next."""
    meeting = Meeting.objects.create(
        body=body, start=datetime(2021, 2, 8, 14, 0, tzinfo=UTC),
        agenda_published_at=timezone.now(), pack_version=1,
    )  # fmt: skip
    lengths = {"one": 0, "two": 0, "three": 0, "four": 12, "five": 0}
    for position, (name, paragraphs) in enumerate(lengths.items(), start=1):
        item = AgendaItem.objects.create(meeting=meeting, position=position, title=f"Paper {name}")
        make_report(item, f"Report {name}", paragraphs)

    pdf, page_count, item_pages = render_agenda_pack(meeting, "public")

    assert item_pages == {1: (3, 3), 2: (4, 4), 3: (5, 5), 4: (6, item_pages[5][0] - 1), 5: (
        page_count, page_count)}  # fmt: skip
    assert item_pages[4][1] > 6
    assert printed_ranges(pdf_pages_text(pdf)[1]) == {
        "Paper one": "3",
        "Paper two": "4",
        "Paper three": "5",
        "Paper four": f"6 – {item_pages[4][1]}",
        "Paper five": str(page_count),
    }
