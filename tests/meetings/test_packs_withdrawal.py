"""A change that makes text exempt withdraws the stored public pack in the same transaction:
with the production task backend and no worker running yet, the pack's address says it is
being updated (503) and never serves the old file; once the worker has run, the new pack."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse

from meetings.models import AgendaItem, AgendaPack, Meeting, Report
from meetings.services import agenda as agenda_services
from meetings.services import reports as report_services
from meetings.tasks import enqueue_pack_render
from tests.factories import PART_II_MARKER, pdf_pages_text

pytestmark = pytest.mark.django_db(transaction=True)


NOW_EXEMPT = "GIRAFFESOONEXEMPT5521"


def run_worker() -> None:
    with open("/dev/null", "w") as devnull:
        call_command("db_worker", "--batch", "--interval", "0", stdout=devnull)


@pytest.fixture
def withdrawal_rendered(settings, tmp_path, pack_meeting):
    """The pack meeting's packs made by the database backend's worker, with a Part I report
    whose text is about to become exempt."""
    settings.MEDIA_ROOT = tmp_path
    Meeting.objects.filter(pk=pack_meeting.pk).update(status=Meeting.Status.AGENDA_PUBLISHED)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # Short papers: each report shrinks to its purpose (the Part II one keeps its marker).
    Report.objects.filter(item__meeting=pack_meeting).update(information=F("purpose"))
    Report.objects.filter(item__meeting=pack_meeting, item__position=5).update(
        information=f"Winter pressures in detail. {NOW_EXEMPT}"
    )
    enqueue_pack_render(pack_meeting.pk)
    run_worker()
    assert pack_meeting.packs.filter(audience="public").exists()
    return pack_meeting


def agenda(client, meeting: Meeting):
    return client.get(reverse("meetings:agenda_pdf", args=[meeting.pk]))


def pdf_text(response) -> str:
    return "".join(pdf_pages_text(b"".join(response.streaming_content)))


def assert_being_updated(response) -> None:
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "The agenda pack is being updated" in html
    assert NOW_EXEMPT not in html and PART_II_MARKER not in html


def test_an_item_made_part_ii_withdraws_the_public_pack_until_remade(
    withdrawal_rendered, client, clerk
):
    assert NOW_EXEMPT in pdf_text(agenda(client, withdrawal_rendered))  # Part I so far: public

    item = AgendaItem.objects.get(meeting=withdrawal_rendered, position=5)
    agenda_services.item_revise(
        item=item, actor=clerk, summary="Now taken in private", is_exempt=True, exempt_paragraph=3
    )

    # No worker has run: the old public file is gone with the change, not served.
    assert not withdrawal_rendered.packs.filter(audience="public").exists()
    assert_being_updated(agenda(client, withdrawal_rendered))

    run_worker()
    response = agenda(client, withdrawal_rendered)
    assert response.status_code == 200
    text = pdf_text(response)
    assert NOW_EXEMPT not in text and PART_II_MARKER not in text
    assert text.count("Exempt: paragraph 3 of Schedule 12A") >= 2


def test_a_part_ii_report_edit_withdraws_the_public_pack(withdrawal_rendered, client, clerk):
    report = Report.objects.get(item__meeting=withdrawal_rendered, item__is_exempt=True)
    report_services.report_update(
        report=report,
        actor=clerk,
        revision_summary="Evaluation scores corrected",
        information=f"{PART_II_MARKER} corrected scores",
    )
    assert not withdrawal_rendered.packs.filter(audience="public").exists()
    assert_being_updated(agenda(client, withdrawal_rendered))
    run_worker()
    response = agenda(client, withdrawal_rendered)
    assert response.status_code == 200
    assert PART_II_MARKER not in pdf_text(response)


def test_a_render_of_an_older_version_finishing_late_is_not_served(
    withdrawal_rendered, client, clerk
):
    """The worker may store an old version's public pack after the change committed (it read
    the item before): that file is never served either."""
    item = AgendaItem.objects.get(meeting=withdrawal_rendered, position=5)
    AgendaPack.objects.filter(meeting=withdrawal_rendered).delete()
    agenda_services.item_revise(
        item=item, actor=clerk, summary="Now taken in private", is_exempt=True, exempt_paragraph=3
    )
    stale = AgendaPack.objects.create(
        meeting=withdrawal_rendered, document="agenda", audience="public", version=1, pages=1,
        file="packs/stale.pdf",
    )  # fmt: skip
    assert stale.version < Meeting.objects.get(pk=withdrawal_rendered.pk).pack_version
    assert_being_updated(agenda(client, withdrawal_rendered))
