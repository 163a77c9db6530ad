"""The API never answers 500 to bad input: odd numbers, far-off time zones, deep or huge
JSON bodies, unknown parameters and odd ids are refused with a JSON 400 or 404 that says why.
Run on SQLite and PostgreSQL (some of these only ever failed on PostgreSQL)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from rest_framework.authtoken.models import Token

from ics_portal.api_urls import router
from tests.factories import item, make_meeting

LISTS = [prefix for prefix, _viewset, _basename in router.registry]
BIGINT = 2**63 - 1


def token_for(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.get_or_create(user=user)[0].key}"}


@pytest.fixture
def api_meeting(body):
    return make_meeting(body, date(2021, 1, 11))


def assert_refused(response, name: str) -> None:
    assert response.status_code == 400, response.content[:300]
    reasons = response.json()[name]
    assert reasons and all(isinstance(reason, str) and reason for reason in reasons)


# limit and offset


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("name", ["limit", "offset"])
@pytest.mark.parametrize("value", ["²", "١٢", "1" * 5000, str(BIGINT + 1), " 5", "+5"])
def test_odd_numbers_for_limit_and_offset_are_refused_on_every_list(client, path, name, value):
    assert_refused(client.get(f"/api/v1/{path}/", {name: value}), name)


@pytest.mark.django_db
def test_the_largest_offset_is_an_empty_page(client, api_meeting):
    response = client.get("/api/v1/meetings/", {"offset": BIGINT, "limit": 100})
    assert response.status_code == 200
    assert response.json()["results"] == []


# modified_since / modified_until


@pytest.mark.django_db
@pytest.mark.parametrize("offset", ["+16:00", "+23:59", "-18:30"])
def test_a_far_off_utc_offset_is_read_as_the_same_moment(client, api_meeting, offset):
    """PostgreSQL refuses offsets of 16 hours or more; the portal converts to UTC first."""
    since = client.get("/api/v1/meetings/", {"modified_since": f"2000-01-01T00:00:00{offset}"})
    assert since.status_code == 200
    assert since.json()["count"] == 1
    until = client.get("/api/v1/meetings/", {"modified_until": f"2000-01-01T00:00:00{offset}"})
    assert until.status_code == 200
    assert until.json()["count"] == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "²⁰²¹-01-01T00:00"]
)
def test_a_moment_outside_the_calendar_is_refused(client, moment):
    assert_refused(
        client.get("/api/v1/resolutions/", {"modified_since": moment}), "modified_since"
    )


# Unknown query parameters


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTS)
def test_unknown_parameters_are_refused_by_name_on_every_list(client, path):
    response = client.get(f"/api/v1/{path}/", {"modifed_since": "2021-01-01", "colour": "red"})
    assert response.status_code == 400
    reasons = response.json()
    assert set(reasons) == {"modifed_since", "colour"}
    assert "not a parameter" in reasons["colour"][0]


@pytest.mark.django_db
def test_unknown_parameters_are_refused_on_an_object_too(client, api_meeting):
    response = client.get(f"/api/v1/meetings/{api_meeting.pk}/", {"expand": "body"})
    assert_refused(response, "expand")


@pytest.mark.django_db
def test_known_parameters_and_the_format_are_accepted(client, api_meeting):
    query = {"body": api_meeting.body_id, "limit": 5, "offset": 0, "format": "json"}
    response = client.get("/api/v1/meetings/", query)
    assert response.status_code == 200
    assert response.json()["count"] == 1


# Ids in the path


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("pk", ["abc", "1.5", "²", "-1", "0", str(BIGINT + 1), "9" * 5000])
def test_an_odd_id_is_a_json_404(client, path, pk):
    response = client.get(f"/api/v1/{path}/{pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


@pytest.mark.django_db
def test_an_odd_id_on_a_write_is_a_json_404(client, clerk):
    response = client.post(
        "/api/v1/meetings/x1/attendance/",
        {"entries": []},
        content_type="application/json",
        **token_for(clerk),
    )
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.django_db
def test_an_unknown_api_address_is_a_json_404_and_pages_keep_the_html_404(client):
    response = client.get("/api/v1/no-such-list/")
    assert response.status_code == 404
    assert response.json()["detail"]
    page = client.get("/no-such-page/")
    assert page.status_code == 404
    assert page["Content-Type"].startswith("text/html")


# JSON bodies on the writes


def nested(depth: int) -> str:
    return '{"entries": ' + "[" * depth + "]" * depth + "}"


@pytest.mark.django_db
@pytest.mark.parametrize("depth", [40, 100_000])
@pytest.mark.parametrize("write", ["attendance", "resolutions"])
def test_a_deeply_nested_body_is_refused(client, clerk, api_meeting, depth, write):
    path = (
        f"/api/v1/meetings/{api_meeting.pk}/attendance/"
        if write == "attendance"
        else f"/api/v1/agenda-items/{item(api_meeting, 3).pk}/resolutions/"
    )
    response = client.post(
        path, nested(depth), content_type="application/json", **token_for(clerk)
    )
    assert response.status_code == 400
    assert "nested" in response.json()["detail"]


@pytest.mark.django_db
def test_an_oversized_body_is_refused(client, clerk, api_meeting, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    entry = {"person": 1, "status": "present", "note": "x" * 100}
    body = json.dumps({"entries": [entry] * 200})
    response = client.post(
        f"/api/v1/meetings/{api_meeting.pk}/attendance/",
        body,
        content_type="application/json",
        **token_for(clerk),
    )
    assert response.status_code == 400
    assert "too large" in response.json()["detail"]


@pytest.mark.django_db
def test_a_body_within_the_limits_is_still_read(client, clerk, api_meeting):
    response = client.post(
        f"/api/v1/meetings/{api_meeting.pk}/attendance/",
        json.dumps({"entries": []}),
        content_type="application/json",
        **token_for(clerk),
    )
    assert response.status_code == 200, response.content


# The schema says what the server enforces


@pytest.mark.django_db
def test_the_schema_declares_the_bounds_of_limit_offset_and_ids(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    meetings = {
        p["name"]: p["schema"] for p in schema["paths"]["/api/v1/meetings/"]["get"]["parameters"]
    }
    assert (meetings["limit"]["minimum"], meetings["limit"]["maximum"]) == (1, 100)
    assert (meetings["offset"]["minimum"], meetings["offset"]["maximum"]) == (0, BIGINT)
    assert (meetings["body"]["minimum"], meetings["body"]["maximum"]) == (1, BIGINT)
    detail = schema["paths"]["/api/v1/meetings/{id}/"]["get"]["parameters"]
    (pk,) = [p["schema"] for p in detail if p["name"] == "id"]
    assert (pk["type"], pk["minimum"], pk["maximum"]) == ("integer", 1, BIGINT)
