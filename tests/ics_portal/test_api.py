"""The REST API at /api/v1/: OParl-style ids, sync filters, bad input, visibility exactly as the
pages, the one write (a ratification outcome) and the OpenAPI schema."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.authtoken.models import Token

from decisions.models import Ratification, Resolution
from governance.models import Body, Membership, Organisation, Partnership, Person
from tests.factories import item, make_meeting, ratification_of

SECRET = "Negotiate the Bramble Lodge fee at 4.2 per cent"
DRAFT = "Close the Newark day centre from April"
LISTS = [
    "organisations",
    "partnerships",
    "bodies",
    "people",
    "memberships",
    "meetings",
    "agenda-items",
    "resolutions",
    "ratifications",
]


def resolve(
    meeting, position: int, number: int, parts: str = "1) Noted the report."
) -> Resolution:
    return Resolution.objects.create(
        body=meeting.body,
        year=meeting.date.year,
        number=number,
        meeting=meeting,
        item=item(meeting, position),
        parts=parts,
    )


def token_for(user) -> dict:
    """Headers that authenticate as the user with an API token."""
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.get_or_create(user=user)[0].key}"}


@pytest.fixture
def published_resolutions(body):
    """A published meeting with a Part I and a Part II resolution, and an unpublished one."""
    published = make_meeting(body, date(2021, 1, 11))
    draft = make_meeting(body, date(2021, 3, 8), published=False)
    return {
        "published": published,
        "part_one": resolve(published, 3, 1, "1) Noted the performance report."),
        "part_two": resolve(published, 4, 2, f"1) {SECRET}."),
        "draft": draft,
        "drafted": resolve(draft, 3, 3, f"1) {DRAFT}."),
    }


# Ids, web and created/modified


@pytest.mark.django_db
def test_every_id_is_an_absolute_url_that_resolves_to_the_object(
    client, published_resolutions, routed, member
):
    for name in LISTS:
        response = client.get(f"/api/v1/{name}/")
        assert response.status_code == 200, name
        results = response.json()["results"]
        assert results, name
        for obj in results:
            assert obj["id"].startswith("http://testserver/api/v1/"), name
            assert obj["web"].startswith("http://testserver/"), name
            assert "created" in obj and "modified" in obj
            detail = client.get(obj["id"])
            assert detail.status_code == 200, obj["id"]
            assert detail.json() == obj
            assert client.get(obj["web"]).status_code == 200, obj["web"]


@pytest.mark.django_db
def test_created_and_modified_come_from_history_for_models_without_them(client, council):
    before = timezone.now()
    council.short_name = "NCC"
    council.save()
    data = client.get(f"/api/v1/organisations/{council.pk}/").json()
    assert data["created"] < data["modified"]
    assert data["modified"] >= before.isoformat().replace("+00:00", "Z")


@pytest.mark.django_db
def test_the_api_root_lists_the_endpoints(client):
    data = client.get("/api/v1/").json()
    assert set(LISTS) <= set(data)


# Incremental sync


@pytest.mark.django_db
def test_modified_since_and_until_filter_history_dated_objects(client, council, trust):
    boundary = timezone.now()
    council.governance_contact = "Democratic Services"
    council.save()
    since = client.get("/api/v1/organisations/", {"modified_since": boundary.isoformat()})
    assert [o["name"] for o in since.json()["results"]] == [council.name]
    until = client.get("/api/v1/organisations/", {"modified_until": boundary.isoformat()})
    assert [o["name"] for o in until.json()["results"]] == [trust.name]


@pytest.mark.django_db
def test_modified_since_filters_resolutions(client, published_resolutions):
    boundary = timezone.now()
    Resolution.objects.filter(pk=published_resolutions["part_one"].pk).update(
        modified=boundary + timedelta(minutes=1)
    )
    response = client.get("/api/v1/resolutions/", {"modified_since": boundary.isoformat()})
    assert [r["reference"] for r in response.json()["results"]] == ["2021/001"]


# Bad input: 400 with a reason, never a 500


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("resolutions", {"modified_since": "not-a-date"}, "modified_since"),
        ("organisations", {"modified_until": "2021-13-45T99:00"}, "modified_until"),
        ("resolutions", {"status": "approved-ish"}, "status"),
        ("meetings", {"status": "postponed"}, "status"),
        ("ratifications", {"status": "maybe"}, "status"),
        ("meetings", {"date_from": "2021-02-30"}, "date_from"),
        ("resolutions", {"body": "adult-social-care"}, "body"),
        ("resolutions", {"limit": "1000000"}, "limit"),
        ("meetings", {"limit": "0"}, "limit"),
        ("people", {"limit": "ten"}, "limit"),
        ("bodies", {"offset": "-1"}, "offset"),
    ],
)
def test_malformed_parameters_give_400_with_a_reason(
    client, published_resolutions, path, params, field
):
    response = client.get(f"/api/v1/{path}/", params)
    assert response.status_code == 400
    reason = response.json()[field]
    assert reason and all(isinstance(message, str) and message for message in reason)


@pytest.mark.django_db
def test_an_offset_past_the_end_is_an_empty_page(client, published_resolutions):
    response = client.get("/api/v1/resolutions/", {"offset": 500})
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.django_db
def test_filters_by_body_status_and_date(client, published_resolutions, scrutiny_body):
    body = published_resolutions["published"].body
    by_body = client.get("/api/v1/resolutions/", {"body": body.pk}).json()
    assert by_body["count"] == 2
    assert client.get("/api/v1/resolutions/", {"body": scrutiny_body.pk}).json()["count"] == 0
    agreed = client.get("/api/v1/resolutions/", {"status": "agreed"}).json()
    assert agreed["count"] == 2
    assert client.get("/api/v1/resolutions/", {"status": "ratified"}).json()["count"] == 0
    dated = {"date_from": "2021-01-01", "date_to": "2021-01-31"}
    assert client.get("/api/v1/meetings/", dated).json()["count"] == 1
    assert client.get("/api/v1/meetings/", {"date_from": "2021-02-01"}).json()["count"] == 0


# Visibility exactly as the pages


@pytest.mark.django_db
def test_part_two_text_is_absent_for_the_public_and_present_for_a_member(
    client, published_resolutions, member
):
    for name in ("resolutions", "agenda-items"):
        anonymous = client.get(f"/api/v1/{name}/")
        assert SECRET not in anonymous.content.decode()
        assert "Exempt: paragraph 3 of Schedule 12A" in anonymous.content.decode()
        as_member = client.get(f"/api/v1/{name}/", **token_for(member))
        assert SECRET in as_member.content.decode(), name
    detail = client.get(f"/api/v1/resolutions/{published_resolutions['part_two'].pk}/").json()
    assert detail["parts"] is None and detail["preamble"] is None
    assert detail["reference"] == "2021/002"


@pytest.mark.django_db
def test_agenda_item_carries_oparl_fields_and_resolution_text_when_visible(
    client, published_resolutions
):
    part_one = item(published_resolutions["published"], 3)
    data = client.get(f"/api/v1/agenda-items/{part_one.pk}/").json()
    assert data["number"] == "3" and data["order"] == 3 and data["public"] is True
    assert data["resolutionText"] == "1) Noted the performance report."
    assert data["resolutions"] == [
        f"http://testserver/api/v1/resolutions/{published_resolutions['part_one'].pk}/"
    ]
    exempt = client.get(
        f"/api/v1/agenda-items/{item(published_resolutions['published'], 4).pk}/"
    ).json()
    assert exempt["public"] is False and exempt["resolutionText"] is None


@pytest.mark.django_db
def test_unpublished_meetings_are_absent_for_the_public_and_shown_to_their_clerk(
    client, published_resolutions, clerk, outsider
):
    draft = published_resolutions["draft"]
    for headers in ({}, token_for(outsider)):
        meetings = client.get("/api/v1/meetings/", **headers).json()["results"]
        assert [m["start"][:10] for m in meetings] == ["2021-01-11"]
        assert client.get(f"/api/v1/meetings/{draft.pk}/", **headers).status_code == 404
        for name in ("resolutions", "agenda-items"):
            assert DRAFT not in client.get(f"/api/v1/{name}/", **headers).content.decode()
        drafted = f"/api/v1/resolutions/{published_resolutions['drafted'].pk}/"
        assert client.get(drafted, **headers).status_code == 404
    as_clerk = client.get("/api/v1/meetings/", **token_for(clerk)).json()
    assert as_clerk["count"] == 2
    assert DRAFT in client.get("/api/v1/resolutions/", **token_for(clerk)).content.decode()


@pytest.mark.django_db
def test_memberships_use_oparl_names(client, member, body, council):
    data = client.get("/api/v1/memberships/").json()["results"][0]
    assert data["role"] == "member" and data["votingRight"] is True
    assert data["onBehalfOf"] == f"http://testserver/api/v1/organisations/{council.pk}/"
    assert data["body"] == f"http://testserver/api/v1/bodies/{body.pk}/"
    person = client.get(data["person"]).json()
    assert person["name"] == "Muriel Weisz" and "email" not in person


# The one write: a ratification outcome


def outcome_url(ratification: Ratification) -> str:
    return f"/api/v1/ratifications/{ratification.pk}/outcome/"


def ratified(ratification: Ratification, **extra) -> dict:
    return {
        "outcome": "ratified",
        "expected_version": ratification.version,
        "minute_reference": "SFH/2021/117",
        "decided_on": "2021-12-01",
        **extra,
    }


@pytest.mark.django_db
def test_recording_an_outcome_needs_a_token_or_session(client, routed, trust):
    ratification = ratification_of(routed, trust)
    response = client.post(outcome_url(ratification), ratified(ratification))
    assert response.status_code == 401
    ratification.refresh_from_db()
    assert ratification.status == Ratification.Status.REQUESTED


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["outsider", "member", "council_lead", "board_clerk"])
def test_recording_an_outcome_is_refused_to_anyone_but_the_organisations_leads(
    client, routed, trust, request, who
):
    user = request.getfixturevalue(who)
    ratification = ratification_of(routed, trust)
    history = ratification.history.count()
    response = client.post(outcome_url(ratification), ratified(ratification), **token_for(user))
    assert response.status_code == 403
    assert "governance leads" in response.json()["detail"]
    ratification.refresh_from_db()
    assert ratification.status == Ratification.Status.REQUESTED
    assert ratification.history.count() == history


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["governance_lead", "admin_user"])
def test_the_organisations_lead_records_the_outcome_through_the_service(
    client, routed, trust, request, who
):
    user = request.getfixturevalue(who)
    ratification = ratification_of(routed, trust)
    response = client.post(
        outcome_url(ratification),
        ratified(ratification),
        content_type="application/json",
        **token_for(user),
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "ratified" and data["minuteReference"] == "SFH/2021/117"
    assert data["version"] == ratification.version + 1
    ratification.refresh_from_db()
    assert ratification.status == Ratification.Status.RATIFIED
    assert ratification.history.latest().history_user == user


@pytest.mark.django_db
def test_a_signed_in_session_also_records_an_outcome(client, routed, trust, governance_lead):
    ratification = ratification_of(routed, trust)
    client.force_login(governance_lead)
    response = client.post(outcome_url(ratification), ratified(ratification))
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"minute_reference": ""}, "minute_reference", "minute reference"),
        ({"outcome": "adopted"}, "outcome", "valid choice"),
        ({"decided_on": "yesterday"}, "decided_on", "format"),
        ({"expected_version": 99}, "detail", "Someone else changed"),
        ({"decided_on": "2021-01-01"}, "decided_on", "before the resolution was made"),
    ],
)
def test_a_refused_outcome_is_a_400_with_the_reason_and_changes_nothing(
    client, routed, trust, governance_lead, change, field, words
):
    ratification = ratification_of(routed, trust)
    history = ratification.history.count()
    response = client.post(
        outcome_url(ratification),
        ratified(ratification, **change),
        content_type="application/json",
        **token_for(governance_lead),
    )
    assert response.status_code == 400
    assert words in " ".join(response.json()[field])
    ratification.refresh_from_db()
    assert ratification.status == Ratification.Status.REQUESTED
    assert ratification.version == 1
    assert ratification.history.count() == history


@pytest.mark.django_db
def test_a_final_outcome_cannot_be_changed(client, routed, trust, governance_lead):
    ratification = ratification_of(routed, trust)
    headers = token_for(governance_lead)
    assert client.post(outcome_url(ratification), ratified(ratification), **headers).status_code
    ratification.refresh_from_db()
    rejected = {"outcome": "rejected", "expected_version": ratification.version, "reason": "No"}
    response = client.post(outcome_url(ratification), rejected, **headers)
    assert response.status_code == 400
    assert "cannot be changed" in " ".join(response.json()["detail"])
    ratification.refresh_from_db()
    assert ratification.status == Ratification.Status.RATIFIED


@pytest.mark.django_db
def test_the_outcome_endpoint_refuses_get(client, routed, trust, governance_lead):
    ratification = ratification_of(routed, trust)
    response = client.get(outcome_url(ratification), **token_for(governance_lead))
    assert response.status_code == 405


# Query bounds


def grow(body: Body, council: Organisation, count: int) -> None:
    """`count` more of everything the API lists."""
    start = Body.objects.count() + Person.objects.count()
    for n in range(count):
        key = start + n
        organisation = Organisation.objects.create(
            name=f"Organisation {key}",
            short_name=f"O{key}",
            slug=f"organisation-{key}",
            kind=Organisation.Kind.OTHER,
            ratifying_body=body,
        )
        Partnership.objects.create(
            name=f"Partnership {key}",
            short_name=f"P{key}",
            slug=f"partnership-{key}",
            level=Partnership.Level.PLACE,
        )
        other = Body.objects.create(
            name=f"Body {key}",
            short_name=f"B{key}",
            slug=f"body-{key}",
            kind="board",
            organisation=organisation,
            parent=body,
        )
        person = Person.objects.create(name=f"Person {key}", slug=f"person-{key}")
        Membership.objects.create(
            body=other, person=person, representing=council, start=date(2020, 1, 1)
        )
        meeting = make_meeting(other, date(2021, 1, 1) + timedelta(days=n))
        resolution = resolve(meeting, 4, 1, f"1) {SECRET}.")
        Ratification.objects.create(
            resolution=resolution, organisation=organisation, due_date=date(2021, 6, 1)
        )


@pytest.mark.django_db
@pytest.mark.parametrize("name", LISTS)
def test_each_list_runs_a_bounded_number_of_queries(
    client, body, council, member, name, django_assert_max_num_queries
):
    grow(body, council, 25)
    headers = token_for(member)
    with django_assert_max_num_queries(6):
        response = client.get(f"/api/v1/{name}/", {"limit": 100}, **headers)
    assert response.status_code == 200
    assert len(response.json()["results"]) >= 25


# The schema and its docs


@pytest.mark.django_db
def test_the_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = target.read_text()
    assert "/api/v1/ratifications/{id}/outcome/" in schema
    assert "modified_since" in schema


@pytest.mark.django_db
def test_the_schema_is_served(client):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "ICS Portal API"


@pytest.mark.django_db
def test_the_docs_are_served_from_the_portal_under_the_strict_csp(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "cdn" not in page.lower() and "<style" not in page
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    script = client.get("/api/v1/docs/", {"script": ""})
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()
    bundle = client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert bundle.status_code == 200


@pytest.mark.django_db
def test_a_revoked_token_is_refused_and_changes_nothing(client, routed, trust, governance_lead):
    ratification = ratification_of(routed, trust)
    headers = token_for(governance_lead)
    Token.objects.filter(user=governance_lead).delete()
    response = client.post(outcome_url(ratification), ratified(ratification), **headers)
    assert response.status_code == 401
    ratification.refresh_from_db()
    assert ratification.status == Ratification.Status.REQUESTED
