"""More of the REST API: papers, files, actions and partnership memberships (visibility exactly as
the pages, incremental sync, bounded queries), and the two clerk writes — a meeting's
attendance and a resolution on an item — through the same services and permission as the
pages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from decisions.models import Action, Resolution
from governance.models import Partnership, PartnershipMember
from meetings.models import AgendaItem, Attendance, Meeting, Report
from meetings.services import reports as report_services
from tests.factories import PART_ONE_TEXT, PART_TWO_TEXT, make_meeting, person, report_fields
from tests.ics_portal.test_api import token_for

SECRET_ACTION = "Renegotiate the Bramble Lodge contract"
NEW_LISTS = ["papers", "files", "actions", "partnership-memberships"]


@pytest.fixture
def papers(part_one_report, exempt_report, pdf_upload, admin_user) -> dict:
    """A Part I report with a file and a Part II report with a file, on a published meeting."""
    report_services.attachment_add(
        report=part_one_report,
        upload=pdf_upload("winter.pdf"),
        title="Winter plan appendix",
        actor=admin_user,
        revision_summary="Appendix added",
    )
    return {"part_one": part_one_report, "part_two": exempt_report}


@pytest.fixture
def actions(part_one_item, exempt_item) -> dict:
    return {
        "part_one": Action.objects.create(
            body=part_one_item.meeting.body,
            item=part_one_item,
            description="Publish the winter plan",
            owner="Director of Adult Social Care",
            due_date=date(2021, 3, 1),
        ),
        "part_two": Action.objects.create(
            body=exempt_item.meeting.body,
            item=exempt_item,
            description=SECRET_ACTION,
            owner="Head of Commissioning",
            due_date=date(2099, 1, 1),
        ),
    }


# Ids and pages


@pytest.mark.django_db
def test_every_new_id_resolves_to_the_object_and_its_page(client, papers, actions, council):
    partnership = Partnership.objects.create(
        name="Nottingham and Nottinghamshire ICS",
        short_name="NN ICS",
        slug="nn-ics",
        level=Partnership.Level.SYSTEM,
    )
    PartnershipMember.objects.create(
        partnership=partnership, organisation=council, joined=date(2022, 7, 1)
    )
    root = client.get("/api/v1/").json()
    for name in NEW_LISTS:
        assert name in root
        results = client.get(f"/api/v1/{name}/").json()["results"]
        assert results, name
        for obj in results:
            assert obj["id"].startswith("http://testserver/api/v1/"), name
            assert "created" in obj and "modified" in obj
            assert client.get(obj["id"]).json() == obj
            assert client.get(obj["web"]).status_code == 200, obj["web"]


# Papers


@pytest.mark.django_db
def test_a_paper_carries_oparl_fields(client, papers):
    report = papers["part_one"]
    data = client.get(f"/api/v1/papers/{report.pk}/").json()
    assert data["name"] == "Winter plan"
    assert data["purpose"] == "To set out the winter plan."
    assert data["recommendations"] == ["Note the plan.", "Approve the extra beds."]
    assert data["text"] == PART_ONE_TEXT
    assert data["agendaItem"] == f"http://testserver/api/v1/agenda-items/{report.item.pk}/"
    assert data["meeting"] == f"http://testserver/api/v1/meetings/{report.item.meeting_id}/"
    assert data["exemptNotice"] == ""
    [file_url] = data["auxiliaryFile"]
    assert client.get(file_url).json()["name"] == "Winter plan appendix"


@pytest.mark.django_db
def test_part_two_paper_content_and_files_are_absent_for_the_public(
    client, papers, member, outsider
):
    exempt = papers["part_two"]
    for headers in ({}, token_for(outsider)):
        for name in ("papers", "files"):
            body = client.get(f"/api/v1/{name}/", **headers).content.decode()
            assert PART_TWO_TEXT not in body
            assert "Confidential bid evaluation" not in body and "Contract award" not in body
        data = client.get(f"/api/v1/papers/{exempt.pk}/", **headers).json()
        assert data["name"] == "Care home contract award"
        assert data["exemptNotice"] == "Exempt: paragraph 3 of Schedule 12A"
        assert data["text"] is None and data["purpose"] is None
        assert data["recommendations"] is None and data["auxiliaryFile"] == []
        hidden = exempt.attachments.get()
        assert client.get(f"/api/v1/files/{hidden.pk}/", **headers).status_code == 404


@pytest.mark.django_db
def test_part_two_paper_content_and_files_are_present_for_a_members_token(client, papers, member):
    headers = token_for(member)
    exempt = papers["part_two"]
    data = client.get(f"/api/v1/papers/{exempt.pk}/", **headers).json()
    assert data["text"] == PART_TWO_TEXT and data["name"] == "Contract award"
    assert data["exemptNotice"] == ""
    [file_url] = data["auxiliaryFile"]
    file = client.get(file_url, **headers).json()
    assert file["name"] == "Confidential bid evaluation"
    files = client.get("/api/v1/files/", **headers).json()
    assert files["count"] == 2


@pytest.mark.django_db
def test_a_file_gives_its_checksum_safe_name_and_the_portal_download(client, papers, pdf_bytes):
    attachment = papers["part_one"].attachments.get()
    data = client.get(f"/api/v1/files/{attachment.pk}/").json()
    assert data["fileName"] == "Winter-plan-appendix.pdf"
    assert data["mimeType"] == "application/pdf"
    assert data["size"] == len(pdf_bytes)
    assert data["sha512Checksum"] == attachment.sha512 and len(attachment.sha512) == 128
    assert data["paper"] == f"http://testserver/api/v1/papers/{papers['part_one'].pk}/"
    meeting_id = papers["part_one"].item.meeting_id
    expected = f"http://testserver/meetings/{meeting_id}/attachments/{attachment.pk}/"
    assert data["accessUrl"] == data["downloadUrl"] == expected
    download = client.get(data["accessUrl"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == pdf_bytes


@pytest.mark.django_db
def test_papers_of_unpublished_meetings_are_absent_for_the_public(client, body, clerk):
    draft = make_meeting(body, date(2021, 3, 8), published=False)
    Report.objects.create(item=draft.items.get(position=3), **report_fields(title="Draft plan"))
    assert client.get("/api/v1/papers/").json()["count"] == 0
    assert client.get("/api/v1/papers/", **token_for(clerk)).json()["count"] == 1


@pytest.mark.django_db
def test_modified_since_filters_papers_and_files(client, papers, clerk):
    boundary = timezone.now()
    report = papers["part_one"]
    report.purpose = "To set out the revised winter plan."
    report.save()
    since = client.get("/api/v1/papers/", {"modified_since": boundary.isoformat()}).json()
    assert [p["name"] for p in since["results"]] == ["Winter plan"]
    until = client.get("/api/v1/papers/", {"modified_until": boundary.isoformat()}).json()
    assert [p["name"] for p in until["results"]] == ["Care home contract award"]
    files = client.get("/api/v1/files/", {"modified_since": boundary.isoformat()}).json()
    assert files["count"] == 0


# Actions


@pytest.mark.django_db
def test_part_two_action_description_is_withheld_from_the_public(client, actions, member):
    anonymous = client.get("/api/v1/actions/").content.decode()
    assert SECRET_ACTION not in anonymous and "Publish the winter plan" in anonymous
    data = client.get(f"/api/v1/actions/{actions['part_two'].pk}/").json()
    assert data["description"] is None
    assert data["exemptNotice"] == "Exempt: paragraph 3 of Schedule 12A"
    assert data["owner"] == "Head of Commissioning" and data["status"] == "open"
    as_member = client.get(f"/api/v1/actions/{actions['part_two'].pk}/", **token_for(member))
    assert as_member.json()["description"] == SECRET_ACTION


@pytest.mark.django_db
def test_an_action_carries_due_date_overdue_and_its_item(client, actions):
    action = actions["part_one"]
    data = client.get(f"/api/v1/actions/{action.pk}/").json()
    assert data["dueDate"] == "2021-03-01" and data["overdue"] is True
    assert data["agendaItem"] == f"http://testserver/api/v1/agenda-items/{action.item_id}/"
    assert data["resolution"] is None
    later = client.get(f"/api/v1/actions/{actions['part_two'].pk}/").json()
    assert later["overdue"] is False


@pytest.mark.django_db
def test_modified_since_and_filters_on_actions(client, actions):
    boundary = timezone.now()
    Action.objects.filter(pk=actions["part_one"].pk).update(
        modified=boundary + timedelta(minutes=1)
    )
    since = client.get("/api/v1/actions/", {"modified_since": boundary.isoformat()}).json()
    assert [a["owner"] for a in since["results"]] == ["Director of Adult Social Care"]
    assert client.get("/api/v1/actions/", {"status": "done"}).json()["count"] == 0
    bad = client.get("/api/v1/actions/", {"status": "finished"})
    assert bad.status_code == 400 and bad.json()["status"]


# Write: a resolution on an agenda item


def resolutions_url(item: AgendaItem) -> str:
    return f"/api/v1/agenda-items/{item.pk}/resolutions/"


RESOLUTION = {"kind": "decision", "parts": "To approve the winter plan.\nTo review it in May."}


@pytest.mark.django_db
def test_recording_a_resolution_needs_credentials(client, business):
    response = client.post(resolutions_url(business), RESOLUTION, content_type="application/json")
    assert response.status_code == 401
    assert not Resolution.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "outsider", "officer", "scrutiny_member"])
def test_recording_a_resolution_is_refused_to_anyone_but_the_clerk(client, business, request, who):
    response = client.post(
        resolutions_url(business),
        RESOLUTION,
        content_type="application/json",
        **token_for(request.getfixturevalue(who)),
    )
    assert response.status_code == 403
    assert "clerks" in response.json()["detail"]
    assert not Resolution.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["clerk", "admin_user"])
def test_the_clerk_records_a_resolution_through_the_service(client, business, request, who):
    user = request.getfixturevalue(who)
    payload = {**RESOLUTION, "vote": {"votes_for": 4, "votes_against": 1}}
    response = client.post(
        resolutions_url(business), payload, content_type="application/json", **token_for(user)
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["reference"] == "2021/001" and data["status"] == "agreed"
    assert data["parts"] == ["To approve the winter plan.", "To review it in May."]
    assert data["vote"] == {"for": 4, "against": 1, "abstentions": 0}
    resolution = Resolution.objects.get()
    assert data["id"] == f"http://testserver/api/v1/resolutions/{resolution.pk}/"
    assert resolution.history.latest().history_user == user


@pytest.mark.django_db
def test_a_resolution_on_a_meeting_not_held_is_a_400_with_the_services_message(
    client, body, clerk
):
    not_held = make_meeting(body, date(2021, 2, 8))
    response = client.post(
        resolutions_url(not_held.items.get(position=3)),
        RESOLUTION,
        content_type="application/json",
        **token_for(clerk),
    )
    assert response.status_code == 400
    assert response.json()["detail"] == [
        "Resolutions are recorded for a meeting that has been held."
    ]
    assert not Resolution.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"parts": "   "}, "parts", "blank"),
        ({"kind": "whim"}, "kind", "valid choice"),
        ({"kind": "recommendation"}, "recommended_to", "Choose the body"),
        ({"vote": {"votes_for": 40}}, "detail", "only 5 voting members were present"),
    ],
)
def test_a_refused_resolution_is_a_400_and_records_nothing(
    client, business, clerk, change, field, words
):
    response = client.post(
        resolutions_url(business),
        {**RESOLUTION, **change},
        content_type="application/json",
        **token_for(clerk),
    )
    assert response.status_code == 400
    assert words in " ".join(map(str, response.json()[field]))
    assert not Resolution.objects.exists()


@pytest.mark.django_db
def test_an_unpublished_meetings_items_are_not_found_for_an_outsider(client, body, outsider):
    draft = make_meeting(body, date(2021, 3, 8), published=False)
    response = client.post(
        resolutions_url(draft.items.get(position=3)),
        RESOLUTION,
        content_type="application/json",
        **token_for(outsider),
    )
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_resolution_endpoint_refuses_get(client, business, clerk):
    assert client.get(resolutions_url(business), **token_for(clerk)).status_code == 405


# Write: a meeting's attendance


def attendance_url(reports_meeting: Meeting) -> str:
    return f"/api/v1/meetings/{reports_meeting.pk}/attendance/"


@pytest.fixture
def published_meeting(body, seats, terms) -> Meeting:
    return make_meeting(body, date(2021, 1, 11))


def everyone_present(seats: dict) -> dict:
    return {
        "entries": [
            {"person": membership.person_id, "status": "present"} for membership in seats.values()
        ]
    }


@pytest.mark.django_db
def test_recording_attendance_needs_credentials(client, published_meeting, seats):
    response = client.post(
        attendance_url(published_meeting), everyone_present(seats), content_type="application/json"
    )
    assert response.status_code == 401
    assert not Attendance.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["member", "outsider", "officer", "governance_lead"])
def test_recording_attendance_is_refused_to_anyone_but_the_clerk(
    client, published_meeting, seats, request, who
):
    response = client.post(
        attendance_url(published_meeting),
        everyone_present(seats),
        content_type="application/json",
        **token_for(request.getfixturevalue(who)),
    )
    assert response.status_code == 403
    assert not Attendance.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["clerk", "admin_user"])
def test_the_clerk_records_attendance_through_the_service(
    client, published_meeting, seats, request, who
):
    user = request.getfixturevalue(who)
    payload = everyone_present(seats)
    payload["entries"][0] = {
        "person": seats["chair"].person_id,
        "status": "apologies",
        "note": "other reasons",
    }
    response = client.post(
        attendance_url(published_meeting),
        payload,
        content_type="application/json",
        **token_for(user),
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["meeting"] == f"http://testserver/api/v1/meetings/{published_meeting.pk}/"
    assert data["status"] == "held"
    statuses = {row["person"]: row["status"] for row in data["attendance"]}
    chair = f"http://testserver/api/v1/people/{seats['chair'].person_id}/"
    assert statuses[chair] == "apologies" and len(statuses) == 5
    row = Attendance.objects.get(person=seats["chair"].person)
    assert row.note == "other reasons" and row.history.latest().history_user == user


@pytest.mark.django_db
def test_attendance_for_a_non_member_is_a_400_with_the_services_message(
    client, published_meeting, seats, clerk
):
    stranger = person("Stan Stranger")
    payload = everyone_present(seats)
    payload["entries"].append({"person": stranger.pk, "status": "present"})
    response = client.post(
        attendance_url(published_meeting),
        payload,
        content_type="application/json",
        **token_for(clerk),
    )
    assert response.status_code == 400
    [message] = response.json()["detail"]
    assert message.startswith("Stan Stranger is not a member of the")
    assert not Attendance.objects.exists()
    published_meeting.refresh_from_db()
    assert published_meeting.status == Meeting.Status.AGENDA_PUBLISHED


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("entries", "field"),
    [
        ([{"person": 999999, "status": "present"}], "entries"),
        ([{"person": "Sue Harper", "status": "present"}], "entries"),
        ("everyone", "entries"),
    ],
)
def test_malformed_attendance_is_a_400(client, published_meeting, seats, clerk, entries, field):
    response = client.post(
        attendance_url(published_meeting),
        {"entries": entries},
        content_type="application/json",
        **token_for(clerk),
    )
    assert response.status_code == 400 and response.json()[field]
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_attendance_at_a_cancelled_meeting_is_refused(client, published_meeting, seats, clerk):
    Meeting.objects.filter(pk=published_meeting.pk).update(status=Meeting.Status.CANCELLED)
    response = client.post(
        attendance_url(published_meeting),
        everyone_present(seats),
        content_type="application/json",
        **token_for(clerk),
    )
    assert response.status_code == 400
    assert "cancelled" in response.json()["detail"][0]
    assert not Attendance.objects.exists()


# Query bounds


def grow(reports_meeting: Meeting, count: int, pdf_upload, actor) -> None:
    """`count` more Part I and Part II items, each with a report, a file and an action."""
    for n in range(count):
        for exempt in (False, True):
            position = 10 + 2 * n + exempt
            item = AgendaItem.objects.create(
                meeting=reports_meeting,
                position=position,
                title=f"Item {position}",
                is_exempt=exempt,
                exempt_paragraph=3 if exempt else None,
            )
            report = Report.objects.create(item=item, **report_fields(title=f"Report {position}"))
            report_services.attachment_add(
                report=report,
                upload=pdf_upload(f"file-{position}.pdf"),
                title=f"File {position}",
                actor=actor,
                revision_summary="Added",
            )
            Action.objects.create(
                body=reports_meeting.body,
                item=item,
                description=f"Action {position}",
                owner="Officer",
                due_date=date(2021, 4, 1),
            )
            partnership = Partnership.objects.create(
                name=f"Partnership {position}",
                short_name=f"P{position}",
                slug=f"partnership-{position}",
                level=Partnership.Level.PLACE,
            )
            PartnershipMember.objects.create(
                partnership=partnership,
                organisation=reports_meeting.body.organisation,
                joined=date.today(),
            )


@pytest.mark.django_db
@pytest.mark.parametrize("who", [None, "member", "clerk"])
@pytest.mark.parametrize("name", NEW_LISTS)
def test_each_new_list_runs_a_bounded_number_of_queries(
    client,
    reports_meeting,
    pdf_upload,
    admin_user,
    request,
    who,
    name,
    django_assert_max_num_queries,
):
    grow(reports_meeting, 15, pdf_upload, admin_user)
    headers = token_for(request.getfixturevalue(who)) if who else {}
    with django_assert_max_num_queries(6):
        response = client.get(f"/api/v1/{name}/", {"limit": 100}, **headers)
    assert response.status_code == 200
    assert len(response.json()["results"]) >= 15


@pytest.mark.django_db
def test_the_schema_documents_the_new_endpoints(client):
    paths = client.get("/api/v1/schema/", {"format": "json"}).json()["paths"]
    for path in (
        "/api/v1/papers/",
        "/api/v1/files/{id}/",
        "/api/v1/actions/",
        "/api/v1/partnership-memberships/",
        "/api/v1/agenda-items/{id}/resolutions/",
        "/api/v1/meetings/{id}/attendance/",
    ):
        assert path in paths, path
    assert "201" in paths["/api/v1/agenda-items/{id}/resolutions/"]["post"]["responses"]
