"""The trail PDF is made once while the trail stays the same, made again when any record on
it changes, and answered 304 to a public client that already has it."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.cache import cache

from decisions.models import Resolution
from meetings import pdf as meetings_pdf
from tests.factories import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf_renders():
    """Counts the PDFs made from HTML, starting from an empty cache."""
    cache.clear()
    with mock.patch.object(meetings_pdf, "html_to_pdf", wraps=meetings_pdf.html_to_pdf) as made:
        yield made
    cache.clear()


def test_an_unchanged_trail_is_made_once_and_not_sent_again(client, story, pdf_renders):
    address = f"/decisions/{story.resolution.pk}/trail.pdf"
    first = client.get(address)
    second = client.get(address)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert pdf_renders.call_count == 1
    assert client.get(address, headers={"if-none-match": first["ETag"]}).status_code == 304


def test_a_change_on_the_trail_makes_it_again(client, story, pdf_renders):
    address = f"/decisions/{story.resolution.pk}/trail.pdf"
    first = client.get(address)
    Resolution.objects.filter(pk=story.resolution.pk).update(
        parts="1) Agree the uplift in principle, as amended at the meeting."
    )
    again = client.get(address, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert "asamendedatthemeeting" in "".join(pdf_text(again.content).split())
    assert pdf_renders.call_count == 2


def test_a_signed_in_viewers_trail_is_kept_out_of_shared_caches(client_for, clerk, story):
    response = client_for(clerk).get(f"/decisions/{story.resolution.pk}/trail.pdf")
    assert response.status_code == 200
    assert "ETag" not in response
    assert "no-store" in response["Cache-Control"]
