"""The API's `next` links: a keyset cursor that walks a list once, a count that never reads a
whole table, and ids built without a URL lookup per row."""

from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

import pytest
from django.urls import reverse as django_reverse

from decisions.models import Resolution
from meetings.models import Meeting
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_resolutions(body, other_body) -> list[Resolution]:
    """Thirteen published resolutions over two bodies and three meetings (two on one day),
    and one on an unpublished meeting, which no list shows the public."""
    made = []
    for n, (owner, day) in enumerate(
        [(body, date(2021, 1, 11)), (other_body, date(2021, 1, 11)), (body, date(2022, 3, 7))]
    ):
        meeting = make_meeting(owner, day)
        for number in range(1, 5 + (n == 0)):
            made.append(
                Resolution.objects.create(
                    body=owner,
                    year=day.year,
                    number=number,
                    meeting=meeting,
                    item=meeting.items.get(position=3),
                    parts=f"1) Resolution {number}.",
                )
            )
    draft = make_meeting(body, date(2022, 6, 6), published=False)
    Resolution.objects.create(
        body=body, year=2022, number=99, meeting=draft, item=draft.items.get(position=3), parts="x"
    )
    return made


def walk(client, address: str) -> tuple[list[str], list[dict]]:
    """Every id on a list, following `next` links from `address`; and each page."""
    ids, pages = [], []
    while address:
        response = client.get(address)
        assert response.status_code == 200, response.content
        page = response.json()
        pages.append(page)
        ids += [row["id"] for row in page["results"]]
        address = page["next"]
    return ids, pages


def test_following_next_links_reads_every_resolution_exactly_once(client, many_resolutions):
    whole = client.get("/api/v1/resolutions/", {"limit": 100}).json()
    ids, pages = walk(client, "/api/v1/resolutions/?limit=4")
    assert len(ids) == len(set(ids)) == len(many_resolutions) == 13
    assert ids == [row["id"] for row in whole["results"]]
    assert len(pages) == 4
    assert all("cursor=" in page["next"] and "offset" not in page["next"] for page in pages[:-1])
    # Pages reached by a cursor go forward only, and do not count.
    assert [page["count"] for page in pages] == [13, None, None, None]


def test_meetings_sharing_a_start_are_each_read_once(client, body, other_body):
    for n in range(7):
        make_meeting(
            body if n % 2 else other_body, date(2021, 1, 11) + timedelta(days=7 * (n // 3))
        )
    ids, _ = walk(client, "/api/v1/meetings/?limit=2")
    assert len(ids) == len(set(ids)) == Meeting.objects.count() == 7


def test_meetings_a_few_microseconds_apart_are_each_read_once(client, body):
    # Starts within one millisecond: a cursor that kept only milliseconds skipped the later one.
    for micro in (100, 900, 500):
        meeting = make_meeting(body, date(2021, 1, 11))
        Meeting.objects.filter(pk=meeting.pk).update(
            start=meeting.start.replace(microsecond=micro)
        )
    ids, _ = walk(client, "/api/v1/meetings/?limit=1")
    assert len(ids) == len(set(ids)) == 3


def test_a_cursor_keeps_its_place_when_newer_rows_arrive(client, many_resolutions, body):
    first = client.get("/api/v1/resolutions/", {"limit": 5}).json()
    newest = make_meeting(body, date(2023, 2, 6))
    Resolution.objects.create(
        body=body,
        year=2023,
        number=1,
        meeting=newest,
        item=newest.items.get(position=3),
        parts="x",
    )
    second = client.get(first["next"]).json()
    offset_second = client.get("/api/v1/resolutions/", {"limit": 5, "offset": 5}).json()
    # By offset, the row that was last on page one slides onto page two; not by cursor.
    assert first["results"][-1]["id"] == offset_second["results"][0]["id"]
    assert first["results"][-1]["id"] not in [row["id"] for row in second["results"]]


def test_filters_carry_on_through_the_cursor(client, many_resolutions, other_body):
    ids, _ = walk(client, f"/api/v1/resolutions/?limit=2&body={other_body.pk}")
    mine = [r for r in many_resolutions if r.body == other_body]
    assert sorted(ids) == sorted(f"http://testserver/api/v1/resolutions/{r.pk}/" for r in mine)


@pytest.mark.parametrize(
    "query",
    [
        {"cursor": "not a cursor"},
        {"cursor": "WzFd"},  # [1]: too few values
        {"cursor": "WyJ4IiwgIngiLCAxXQ"},  # ["x", "x", 1]: not numbers
        {"cursor": "WzIwMjEsIDEsIDk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5XQ"},  # an id past 2**63
        {"cursor": "WzIwMjEsIDEsIDFd", "offset": "5"},
    ],
)
def test_a_broken_cursor_is_refused_with_the_reason(client, many_resolutions, query):
    response = client.get("/api/v1/resolutions/", query)
    assert response.status_code == 400
    assert "cursor" in response.json()


def test_a_long_list_is_not_counted_to_the_end(client, many_resolutions, monkeypatch):
    monkeypatch.setattr("ics_portal.common.api.COUNT_CAP", 10)
    assert client.get("/api/v1/resolutions/").json()["count"] is None
    monkeypatch.setattr("ics_portal.common.api.COUNT_CAP", 13)
    assert client.get("/api/v1/resolutions/").json()["count"] == 13


def test_cursor_pages_run_a_bounded_number_of_queries(
    client, many_resolutions, django_assert_max_num_queries
):
    first = client.get("/api/v1/resolutions/", {"limit": 3}).json()
    with django_assert_max_num_queries(2):
        assert len(client.get(first["next"]).json()["results"]) == 3


def test_ids_are_built_from_one_url_lookup_per_kind(client, many_resolutions):
    """Seven links a row (id, web page, body, meeting, agenda item and two empty ones): each
    kind's address is looked up once per response, not once per link."""
    with mock.patch("ics_portal.common.api.reverse", wraps=django_reverse) as reverse:
        rows = client.get("/api/v1/resolutions/", {"limit": 100}).json()["results"]
    assert len(rows) == 13
    assert reverse.call_count == 5
    meeting = many_resolutions[0].meeting
    row = next(r for r in rows if r["id"].endswith(f"/{many_resolutions[0].pk}/"))
    assert row["meeting"] == f"http://testserver/api/v1/meetings/{meeting.pk}/"
    assert row["web"] == f"http://testserver/decisions/{many_resolutions[0].pk}/"
