"""Issue 15 item 2: committees in common. A meeting held in common by a council committee and
an NHS trust's board: each body's attendance, quorum and resolutions are its own, numbered in
its own series; a resolution for a body not sitting is refused; a member of any sitting body
sees Part II; the meeting page and the minutes show the bodies side by side."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from decisions.models import Resolution
from decisions.services.resolutions import resolution_record
from governance.models import Body, Membership, RoleAssignment
from governance.models.terms import ExemptionRegime
from meetings.access import (
    bodies_recorded_by,
    can_record_for,
    can_see_item_content,
    item_content_q,
)
from meetings.models import AgendaItem, Meeting
from meetings.pdf import render_minutes
from meetings.services import agenda as services
from meetings.services.proceedings import AttendanceEntry, attendance_record
from tests.factories import approve_terms, at, make_user, pdf_text, schedule, seat

pytestmark = pytest.mark.django_db

BOARD = "Sherwood Forest Hospitals Board of Directors"


@pytest.fixture
def cic_board(trust) -> Body:
    """A trust board of two voting directors (quorum 2), taking private business on NHS
    grounds; one director signs in as `cic_director`."""
    board = Body.objects.create(
        name=BOARD, short_name="SFH Board", slug="sfh-board-in-common",
        kind=Body.Kind.BOARD, organisation=trust,
    )  # fmt: skip
    terms = approve_terms(board, quorum=2)
    terms.exemption_regime = ExemptionRegime.NHS_PUBLIC_INTEREST
    terms.save(update_fields=["exemption_regime"])
    seat(board, "Paul Robinson", trust, role=Membership.Role.CHAIR)
    seat(board, "Claire Hinchley", trust)
    return board


@pytest.fixture
def cic_director(cic_board):
    user = make_user("cicdirector")
    person = Membership.objects.get(body=cic_board, person__name="Claire Hinchley").person
    person.user = user
    person.save()
    return user


@pytest.fixture
def in_common(body, seats, terms, cic_board, clerk) -> Meeting:
    """1 March 2021, the committee (quorum 3 of 5) and the board in common; held, with two of
    the committee's members and both directors present."""
    meeting = schedule(body, clerk, start=at(2021, 3, 1))
    services.meeting_hold_in_common(meeting=meeting, bodies=[cic_board], actor=clerk)
    services.item_add(meeting=meeting, title="Joint discharge to assess service", actor=clerk)
    services.item_add(
        meeting=meeting, title="Care home block contract", is_exempt=True,
        exempt_paragraph=3, position=99, actor=clerk,
    )  # fmt: skip
    services.agenda_publish(meeting=meeting, actor=clerk, now=at(2021, 2, 1))
    present = [seats["chair"].person, seats["doddy"].person]
    present += [m.person for m in cic_board.memberships.all()]
    absent = [seats["vice"].person, seats["sissons"].person, seats["weisz"].person]
    attendance_record(
        meeting=meeting,
        entries=[AttendanceEntry(p, "present") for p in present]
        + [AttendanceEntry(p, "apologies") for p in absent],
        actor=clerk,
    )
    meeting.refresh_from_db()
    return meeting


def _business(meeting: Meeting) -> AgendaItem:
    return meeting.items.get(title="Joint discharge to assess service")


def _resolve(meeting, body, clerk):
    return resolution_record(
        item=_business(meeting), kind=Resolution.Kind.DECISION,
        parts="Approves the service specification.", actor=clerk, body=body,
    )  # fmt: skip


def test_each_body_resolves_in_its_own_series(in_common, body, cic_board, clerk):
    Resolution.objects.create(
        body=cic_board, year=2021, number=1, meeting=in_common, item=_business(in_common),
        parts="An earlier board resolution.",
    )  # fmt: skip
    council = _resolve(in_common, None, clerk)
    board = _resolve(in_common, cic_board, clerk)
    assert (council.body, council.reference) == (body, "2021/001")
    assert (board.body, board.reference) == (cic_board, "2021/002")


def test_a_resolution_for_a_body_not_sitting_is_refused(in_common, other_body, clerk):
    with pytest.raises(ValidationError) as refused:
        _resolve(in_common, other_body, clerk)
    assert "The Health and Wellbeing Board is not sitting at this meeting" in str(refused.value)
    assert not Resolution.objects.exists()


def test_the_form_refuses_a_body_not_sitting_with_a_message(
    client_for, clerk, in_common, other_body
):
    url = reverse("decisions:resolution_new", args=[in_common.pk, _business(in_common).position])
    page = client_for(clerk).get(url).text
    assert "Which body made this resolution?" in page
    response = client_for(clerk).post(
        url, {"for_body": other_body.pk, "kind": "decision", "parts": "Approves it."}
    )
    assert response.status_code == 200
    assert "is not sitting at this meeting" in response.text
    assert not Resolution.objects.exists()


def test_each_body_has_its_own_quorum(in_common, body, cic_board):
    quorums = dict(in_common.quorums)
    assert quorums[cic_board].quorate
    assert not quorums[body].quorate  # two of its five members present; quorum three


def test_a_member_of_any_sitting_body_sees_part_ii(in_common, cic_director, outsider):
    private = in_common.items.get(is_exempt=True)
    assert can_see_item_content(cic_director, private)
    assert not can_see_item_content(outsider, private)
    visible = AgendaItem.objects.filter(item_content_q(cic_director), pk=private.pk)
    assert visible.count() == 1


def test_the_page_and_the_minutes_show_the_bodies_side_by_side(
    client, in_common, cic_board, clerk, body
):
    _resolve(in_common, cic_board, clerk)
    page = client.get(in_common.get_absolute_url()).text
    assert "Held in common by" in page
    assert "Attendance and quorum, body by body" in page
    board_part = page[page.index(f'data-body="{cic_board.slug}"') :]
    assert "Quorate" in board_part[:3000]
    assert "SFH Board 2021/001" in page

    minutes = pdf_text(render_minutes(in_common, "public")[0])
    assert "Committees in common" in minutes
    assert body.name in minutes and BOARD in minutes
    assert "Attendance and quorum, body by body" in minutes
    assert f"RESOLVED 2021/001 – {BOARD}" in minutes


def test_the_bodies_are_settled_before_the_agenda_is_published(in_common, body, clerk):
    with pytest.raises(ValidationError, match="settled before the agenda is published"):
        services.meeting_hold_in_common(meeting=in_common, bodies=[], actor=clerk)
    draft = schedule(body, clerk)
    with pytest.raises(ValidationError, match="leads this meeting"):
        services.meeting_hold_in_common(meeting=draft, bodies=[body], actor=clerk)


@pytest.mark.parametrize(
    ("who", "status"), [(None, 302), ("outsider", 403), ("member", 403), ("clerk", 200)]
)
def test_who_may_hold_a_meeting_in_common(client_for, viewer, body, clerk, who, status):
    draft = schedule(body, clerk)
    url = reverse("meetings:in_common", args=[draft.pk])
    assert client_for(viewer(who)).get(url).status_code == status


def test_the_clerk_chooses_the_bodies_through_the_form(client_for, clerk, body, cic_board):
    draft = schedule(body, clerk)
    url = reverse("meetings:in_common", args=[draft.pk])
    assert client_for(clerk).post(url, {"bodies": [cic_board.pk]}).status_code == 302
    assert list(draft.bodies_in_common.all()) == [cic_board]


@pytest.fixture
def cic_clerk(cic_board):
    """The board's company secretary: a clerk of the board, not of the lead committee."""
    user = make_user("cicclerk")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=cic_board)
    return user


def test_who_records_for_which_sitting_body(in_common, body, cic_board, clerk, cic_clerk):
    assert can_record_for(clerk, in_common, cic_board)  # the lead body's clerks: every body
    assert can_record_for(cic_clerk, in_common, cic_board)
    assert not can_record_for(cic_clerk, in_common, body)
    assert bodies_recorded_by(cic_clerk, in_common) == [cic_board]
    lone = schedule(cic_board, cic_clerk, start=at(2021, 4, 1))
    assert not can_record_for(clerk, lone, cic_board)  # not sitting with the committee there


def test_a_sitting_bodys_clerk_records_its_members_attendance_only(
    client_for, in_common, body, cic_board, cic_clerk, seats
):
    lead_url = reverse("meetings:attendance_for", args=[in_common.pk, body.slug])
    assert client_for(cic_clerk).get(lead_url).status_code == 403
    url = reverse("meetings:attendance_for", args=[in_common.pk, cic_board.slug])
    page = client_for(cic_clerk).get(url)
    assert "Claire Hinchley" in page.text
    assert "Officers in attendance" not in page.text  # recorded with the lead body's
    directors = {m.person.name: m.person for m in cic_board.memberships.all()}
    data = {f"status_{p.pk}": "present" for p in directors.values()}
    data[f"status_{directors['Claire Hinchley'].pk}"] = "apologies"
    data["versions"] = page.context["form"]["versions"].value()
    assert client_for(cic_clerk).post(url, data).status_code == 302
    statuses = dict(in_common.attendance.values_list("person__name", "status"))
    assert statuses["Claire Hinchley"] == "apologies"
    assert statuses[seats["chair"].person.name] == "present"  # the committee's left as it was
    meeting_page = client_for(cic_clerk).get(in_common.get_absolute_url()).text
    assert url in meeting_page and lead_url not in meeting_page


def test_the_service_refuses_a_clerk_recording_for_another_body(in_common, seats, cic_clerk):
    with pytest.raises(PermissionDenied):
        attendance_record(
            meeting=in_common, entries=[AttendanceEntry(seats["chair"].person, "absent")],
            actor=cic_clerk, body=in_common.body,
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        _resolve(in_common, None, cic_clerk)


def test_a_sitting_bodys_clerk_records_and_corrects_its_resolutions(
    client_for, in_common, body, cic_board, cic_clerk, clerk
):
    url = reverse("decisions:resolution_new", args=[in_common.pk, _business(in_common).position])
    form = client_for(cic_clerk).get(url).context["form"]
    assert list(form.fields["for_body"].widget.choices) == [(cic_board.pk, BOARD)]
    response = client_for(cic_clerk).post(
        url, {"for_body": cic_board.pk, "kind": "decision", "parts": "Approves it."}
    )
    assert response.status_code == 302
    theirs = Resolution.objects.get()
    assert theirs.body == cic_board
    refused = client_for(cic_clerk).post(
        url, {"for_body": body.pk, "kind": "decision", "parts": "Approves it too."}
    )
    assert refused.status_code == 403
    edit = reverse("decisions:resolution_edit", args=[theirs.pk])
    assert client_for(cic_clerk).get(edit).status_code == 200
    assert client_for(clerk).get(edit).status_code == 200  # the lead's clerks keep full rights
    ours = _resolve(in_common, None, clerk)
    assert (
        client_for(cic_clerk).get(reverse("decisions:resolution_edit", args=[ours.pk])).status_code
        == 403
    )


def test_acts_on_offers_every_sitting_bodys_resolutions(client_for, in_common, cic_board, clerk):
    board = _resolve(in_common, cic_board, clerk)
    ours = _resolve(in_common, None, clerk)
    url = reverse("decisions:resolution_new", args=[in_common.pk, _business(in_common).position])
    offered = client_for(clerk).get(url).context["form"].fields["acts_on"].queryset
    assert set(offered) == {board, ours}
    response = client_for(clerk).post(
        url,
        {"for_body": cic_board.pk, "kind": "decision", "parts": "Implements it.",
         "acts_on": board.pk, "act": "implements"},
    )  # fmt: skip
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.status == Resolution.Status.IMPLEMENTED


def test_the_api_names_the_bodies_in_common_and_each_resolutions_body(
    client, in_common, cic_board, clerk, body
):
    _resolve(in_common, cic_board, clerk)
    meeting = client.get(f"/api/v1/meetings/{in_common.pk}/").json()
    assert meeting["body"].endswith(f"/api/v1/bodies/{body.pk}/")
    assert [url.rsplit("/", 2)[-2] for url in meeting["bodiesInCommon"]] == [str(cic_board.pk)]
    listed = client.get("/api/v1/meetings/").json()["results"]
    assert listed[0]["bodiesInCommon"] == meeting["bodiesInCommon"]
    resolution = client.get("/api/v1/resolutions/").json()["results"][0]
    assert resolution["body"] == meeting["bodiesInCommon"][0]
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    assert "bodiesInCommon" in schema["components"]["schemas"]["Meeting"]["properties"]
