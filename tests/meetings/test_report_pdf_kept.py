"""The committee report PDF is made once while the report stays the same, made again when it
changes, and answered 304 to a public client that already has it."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.cache import cache

from meetings import pdf as meetings_pdf
from meetings.models import Report
from tests.factories import make_short_report, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_renders():
    """Counts the report PDFs made from HTML, starting from an empty cache."""
    cache.clear()
    with mock.patch.object(meetings_pdf, "html_to_pdf", wraps=meetings_pdf.html_to_pdf) as made:
        yield made
    cache.clear()


@pytest.fixture
def public_report(meeting) -> Report:
    return make_short_report(meeting.items.get(position=3), "The board agreed the plan.")


def report_address(report: Report) -> str:
    return f"/meetings/{report.item.meeting_id}/items/{report.item.position}/report.pdf"


def test_an_unchanged_report_is_made_once_and_not_sent_again(
    client, public_report, report_renders
):
    address = report_address(public_report)
    first = client.get(address)
    second = client.get(address)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and first["ETag"] == second["ETag"]
    assert report_renders.call_count == 1
    again = client.get(address, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and not again.content


def test_a_changed_report_is_made_and_sent_again(client, public_report, report_renders):
    address = report_address(public_report)
    first = client.get(address)
    Report.objects.filter(pk=public_report.pk).update(information="The board deferred the plan.")
    again = client.get(address, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    assert "deferred" in pdf_text(again.content)
    assert report_renders.call_count == 2


def test_a_signed_in_readers_report_is_kept_out_of_shared_caches(client_for, clerk, public_report):
    response = client_for(clerk).get(report_address(public_report))
    assert response.status_code == 200
    assert "ETag" not in response
    assert "no-store" in response["Cache-Control"]
