"""Progress against objectives attached to an agenda item, printed in the pack; acronyms
expanded on first use in the report page and the PDFs, which end with the acronyms used."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import Rag
from governance.services.objectives import (
    glossary_term_define,
    objective_create,
    progress_report_record,
)
from meetings.pdf import render_agenda_pack, render_report
from meetings.services.agenda import item_attach_progress, item_update
from tests.factories import make_meeting, make_short_report, pdf_text


@pytest.fixture
def alliance_progress(partnership, admin_user):
    objective = objective_create(
        partnership=partnership,
        reference="2",
        title="To develop and offer a Readiness Review",
        owner="Programme SRO",
        source="Objectives 22/23",
        starts=date(2022, 4, 1),
        ends=date(2023, 3, 31),
        actor=admin_user,
    )
    return progress_report_record(
        objective=objective,
        period_start=date(2022, 10, 1),
        period_end=date(2022, 10, 31),
        rag=Rag.AMBER,
        progress="Readiness Review document currently in draft, ready for pilot with a PCN.",
        next_steps="Share Readiness Review and pilot with a PCN for feedback.",
        actor=admin_user,
    )


@pytest.fixture
def draft_agenda(body, seats, terms):
    return make_meeting(body, date(2022, 11, 14), published=False)


@pytest.fixture
def nhs_glossary(db):
    glossary_term_define(term="ICB", meaning="Integrated Care Board", actor=None)
    glossary_term_define(term="PCN", meaning="Primary Care Network", actor=None)
    glossary_term_define(term="JSNA", meaning="Joint Strategic Needs Assessment", actor=None)


def test_progress_attached_to_an_item_is_printed_in_the_pack(
    draft_agenda, alliance_progress, clerk, nhs_glossary
):
    item = draft_agenda.items.get(position=3)
    item_attach_progress(item=item, progress_report=alliance_progress, actor=clerk)
    assert item.history.latest().history_change_reason.startswith("Progress report attached")
    pdf, _pages, ranges = render_agenda_pack(draft_agenda, "public")
    text = pdf_text(pdf)
    assert "Progress against objectives" in text
    assert "To develop and offer a Readiness Review" in text
    assert "RAG rating: Amber" in text
    assert 3 in ranges  # the item now has papers, with their page range on the agenda
    # The first use of PCN is spelt out; the pack ends with the acronyms it used.
    assert "Primary Care Network (PCN)" in " ".join(text.split())
    last_page = text.rsplit("Acronyms used", 1)[1]
    assert "PCN" in last_page and "Primary Care Network" in last_page
    assert "JSNA" not in text  # not used, so not listed


def test_progress_is_not_attached_to_a_part_ii_item(draft_agenda, alliance_progress, clerk):
    with pytest.raises(ValidationError, match="attach it to a Part I item"):
        item_attach_progress(
            item=draft_agenda.items.get(position=4), progress_report=alliance_progress, actor=clerk
        )
    assert not alliance_progress.agenda_items.exists()


def test_an_item_carrying_progress_cannot_be_made_part_ii(draft_agenda, alliance_progress, clerk):
    item = draft_agenda.items.get(position=3)
    item_attach_progress(item=item, progress_report=alliance_progress, actor=clerk)
    with pytest.raises(ValidationError, match="detach it before"):
        item_update(item=item, actor=clerk, is_exempt=True, exempt_paragraph=3)


def test_the_report_pdf_spells_out_acronyms_once_and_lists_them(meeting, nhs_glossary):
    report = make_short_report(
        meeting.items.get(position=3), "The ICB agreed the plan. The ICB will report back."
    )
    text = " ".join(pdf_text(render_report(report)).split())
    assert text.count("Integrated Care Board (ICB)") == 1
    assert "The ICB will report back" in text
    assert text.rsplit("Acronyms used", 1)[1].strip().startswith("Acronym Meaning ICB")


def test_the_report_page_marks_the_first_use_with_abbr(
    client, meeting, nhs_glossary, django_assert_max_num_queries
):
    make_short_report(meeting.items.get(position=3), "The ICB agreed. The ICB met again.")
    url = reverse("meetings:item_detail", args=[meeting.pk, 3])
    with django_assert_max_num_queries(12):
        html = client.get(url).content.decode()
    assert html.count('<abbr title="Integrated Care Board">ICB</abbr>') == 1
    assert "The ICB met again." in html


def test_the_item_page_shows_attached_progress(client_for, draft_agenda, alliance_progress, clerk):
    item_attach_progress(
        item=draft_agenda.items.get(position=3), progress_report=alliance_progress, actor=clerk
    )
    html = client_for(clerk).get(reverse("meetings:item_detail", args=[draft_agenda.pk, 3]))
    assert "Readiness Review document currently in draft" in html.content.decode()
