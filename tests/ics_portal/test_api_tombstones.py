"""OParl `deleted` tombstones: a list called with `modified_since` goes on past its live rows
with the records deleted since then, to those who could see them when they were deleted."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from meetings.services.agenda import agenda_publish, item_remove
from meetings.services.reports import attachment_add, attachment_remove
from tests.factories import item, make_meeting, make_short_report

pytestmark = pytest.mark.django_db

FILE_TYPE = "https://schema.oparl.org/1.1/File"


@pytest.fixture
def tombstone_draft(body, clerk):
    """A meeting in 2099 whose agenda is still a draft, its Part I item with a report."""
    meeting = make_meeting(body, date(2099, 3, 2), published=False)
    make_short_report(item(meeting, 3), "Winter pressures.")
    return meeting


@pytest.fixture
def removed_file(tombstone_draft, clerk, pdf_upload):
    """An appendix attached to the draft's report and removed before publication, which then
    happens; with the moments just before and just after the removal."""
    attachment = attachment_add(
        report=item(tombstone_draft, 3).report,
        upload=pdf_upload("draft-appendix.pdf"),
        title="Draft appendix",
        actor=clerk,
    )
    before = timezone.now()
    attachment_remove(attachment=attachment, actor=clerk)
    after = timezone.now()
    agenda_publish(meeting=tombstone_draft, actor=clerk, late_reason="Testing")
    return {"pk": attachment.pk, "before": before, "after": after}


def _results(client, list_name: str, since) -> list[dict]:
    response = client.get(f"/api/v1/{list_name}/", {"modified_since": since.isoformat()})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def _deleted_ids(results: list[dict]) -> list[str]:
    return [row["id"] for row in results if row.get("deleted")]


def test_a_removed_attachment_is_a_tombstone_for_the_clerk(client_for, clerk, removed_file):
    results = _results(client_for(clerk), "files", removed_file["before"])

    tombstones = [row for row in results if row.get("deleted")]
    assert tombstones == [
        {
            "id": f"http://testserver/api/v1/files/{removed_file['pk']}/",
            "type": FILE_TYPE,
            "deleted": True,
            "modified": tombstones[0]["modified"],
        }
    ]
    removed_at = timezone.datetime.fromisoformat(tombstones[0]["modified"])
    assert removed_file["before"] <= removed_at <= removed_file["after"]


def test_a_client_synced_after_the_removal_gets_no_tombstone(client_for, clerk, removed_file):
    assert _deleted_ids(_results(client_for(clerk), "files", removed_file["after"])) == []


def test_a_list_without_modified_since_has_no_tombstones(client_for, clerk, removed_file):
    response = client_for(clerk).get("/api/v1/files/")

    assert _deleted_ids(response.json()["results"]) == []


@pytest.mark.parametrize("name", [None, "outsider", "member"])
def test_what_a_draft_lost_is_never_shown_to_those_who_could_not_see_the_draft(
    client_for, viewer, name, removed_file
):
    results = _results(client_for(viewer(name)), "files", removed_file["before"])

    assert _deleted_ids(results) == []


@pytest.fixture
def removed_exempt_file(tombstone_draft, clerk, pdf_upload):
    """A Part II appendix of the Part I report, removed from the draft, which is then
    published."""
    attachment = attachment_add(
        report=item(tombstone_draft, 3).report,
        upload=pdf_upload("exempt-appendix.pdf"),
        title="Bidders' prices",
        actor=clerk,
        is_exempt=True,
        exempt_paragraph=3,
    )
    before = timezone.now()
    attachment_remove(attachment=attachment, actor=clerk)
    agenda_publish(meeting=tombstone_draft, actor=clerk, late_reason="Testing")
    return {"pk": attachment.pk, "before": before}


def test_a_removed_part_ii_file_is_a_tombstone_only_for_those_who_saw_it(
    client_for, clerk, outsider, removed_exempt_file
):
    url = f"http://testserver/api/v1/files/{removed_exempt_file['pk']}/"
    since = removed_exempt_file["before"]

    assert _deleted_ids(_results(client_for(clerk), "files", since)) == [url]
    assert _deleted_ids(_results(client_for(outsider), "files", since)) == []
    assert _deleted_ids(_results(client_for(None), "files", since)) == []


def test_a_removed_draft_item_is_a_tombstone_for_the_clerk_only(
    client_for, clerk, tombstone_draft
):
    doomed = item(tombstone_draft, 3)
    before = timezone.now()
    item_remove(item=doomed, actor=clerk)
    agenda_publish(meeting=tombstone_draft, actor=clerk, late_reason="Testing")
    url = f"http://testserver/api/v1/agenda-items/{doomed.pk}/"

    assert _deleted_ids(_results(client_for(clerk), "agenda-items", before)) == [url]
    assert _deleted_ids(_results(client_for(None), "agenda-items", before)) == []


def test_the_list_filters_narrow_the_tombstones(client_for, clerk, body, removed_file):
    other = make_meeting(body, date(2099, 4, 6), published=False)
    response = client_for(clerk).get(
        "/api/v1/files/",
        {"modified_since": removed_file["before"].isoformat(), "meeting": other.pk},
    )

    assert response.json()["results"] == []


def test_a_cursor_walk_reads_live_rows_then_every_tombstone_once(
    client_for, clerk, tombstone_draft
):
    before = timezone.now()
    removed, kept = [item(tombstone_draft, 2), item(tombstone_draft, 3)], item(tombstone_draft, 4)
    for doomed in removed:
        item_remove(item=doomed, actor=clerk)
    client = client_for(clerk)
    url = f"/api/v1/agenda-items/?limit=1&modified_since={before.isoformat()}"
    url = url.replace("+", "%2B")
    seen = []
    for _page in range(10):
        if not url:
            break
        page = client.get(url).json()
        assert len(page["results"]) <= 1
        seen += page["results"]
        url = page["next"]

    assert url is None
    live = [row["id"] for row in seen if not row.get("deleted")]
    assert live == [f"http://testserver/api/v1/agenda-items/{kept.pk}/"]  # renumbered
    assert _deleted_ids(seen) == [
        f"http://testserver/api/v1/agenda-items/{doomed.pk}/" for doomed in removed
    ]


def test_tombstones_cost_one_query(client_for, clerk, removed_file, django_assert_max_num_queries):
    client = client_for(clerk)
    params = {"modified_since": removed_file["before"].isoformat()}
    with django_assert_max_num_queries(50) as without:
        client.get("/api/v1/files/")
    with django_assert_max_num_queries(len(without.captured_queries) + 1):
        response = client.get("/api/v1/files/", params)

    assert _deleted_ids(response.json()["results"])
