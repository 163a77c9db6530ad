"""The clerk's proceedings pages: permissions, refusals, success, and query bounds."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from governance.models import Membership
from meetings.models import AgendaItem, Attendance, Declaration, Meeting, Minute
from meetings.services.proceedings import minute_draft
from tests.factories import all_present, item, make_meeting, person, seat

pytestmark = pytest.mark.django_db


@pytest.fixture
def noted_draft(held, clerk):
    minute_draft(item=item(held, 3), text="The report was noted.", actor=clerk)
    held.refresh_from_db()
    return held


def urls(meeting):
    return [
        reverse("meetings:attendance", args=[meeting.pk]),
        reverse("meetings:declaration_new", args=[meeting.pk, 3]),
        reverse("meetings:minutes_edit", args=[meeting.pk]),
        reverse("meetings:minutes_approve", args=[meeting.pk]),
    ]


@pytest.mark.parametrize("who", ["clerk", "admin_user"])
def test_clerk_and_admin_may_open_every_edit_page(request, client_for, held, who):
    client = client_for(request.getfixturevalue(who))
    for url in urls(held):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["member", "outsider", "officer", "scrutiny_member"])
def test_others_are_refused_get_and_post(request, client_for, held, who):
    client = client_for(request.getfixturevalue(who))
    before = (Attendance.objects.count(), Declaration.objects.count(), Minute.objects.count())
    for url in urls(held):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"status_1": "absent"}).status_code == 403, url
    after = (Attendance.objects.count(), Declaration.objects.count(), Minute.objects.count())
    assert before == after


def test_anonymous_is_sent_to_sign_in(client, held):
    for url in urls(held):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302
            assert response.url.startswith(reverse("login"))


# Attendance page


def versions_post(meeting) -> str:
    """The hidden versions of the attendance page, as a freshly opened page has them."""
    return " ".join(f"{row.person_id}:{row.version}" for row in meeting.attendance.all())


def attendance_post(seats, **statuses):
    data = {}
    for key, membership in seats.items():
        data[f"status_{membership.person_id}"] = statuses.get(key, "present")
    return data


def test_attendance_page_lists_members_chair_first_and_saves(client_for, clerk, meeting, seats):
    client = client_for(clerk)
    url = reverse("meetings:attendance", args=[meeting.pk])
    html = client.get(url).content.decode()
    assert html.index("Sue Harper") < html.index("Boyd Elliott") < html.index("Andy Sissons")
    butler = person("Richard Butler")
    officer = person("Jo Toomey", job_title="Democratic Services Officer")
    data = attendance_post(seats, vice="apologies", doddy="substituted")
    data[f"substitute_{seats['doddy'].person_id}"] = str(butler.pk)
    data["other_officer_1"] = str(officer.pk)
    response = client.post(url, data)
    assert response.status_code == 302
    assert response.url == meeting.get_absolute_url()
    assert Attendance.objects.get(person=seats["doddy"].person).substitute == butler
    assert Attendance.objects.get(person=officer).status == "officer"
    assert Attendance.objects.count() == 6
    # Saved values come back on the form, and a correction is kept in the history.
    html = client.get(url).content.decode()
    assert f'value="{officer.pk}"' in html and "checked" in html
    data[f"status_{seats['vice'].person_id}"] = "present"
    data["versions"] = versions_post(meeting)
    data["officers"] = [str(officer.pk)]
    data["other_officer_1"] = ""
    assert client.post(url, data).status_code == 302
    assert Attendance.objects.get(person=seats["vice"].person).history.count() == 2


def test_attendance_page_requires_each_member_and_a_substitute(client_for, clerk, meeting, seats):
    client = client_for(clerk)
    url = reverse("meetings:attendance", args=[meeting.pk])
    data = attendance_post(seats, doddy="substituted")
    del data[f"status_{seats['vice'].person_id}"]
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in html
    assert "Choose how Boyd Elliott attended." in html
    assert "Choose the substitute for John Doddy." in html
    assert not Attendance.objects.exists()


def test_attendance_page_shows_the_services_refusal(client_for, clerk, body, seats, terms):
    draft = make_meeting(body, date(2021, 3, 1), published=False)
    client = client_for(clerk)
    response = client.post(reverse("meetings:attendance", args=[draft.pk]), attendance_post(seats))
    assert "once the agenda has been published" in response.content.decode()
    assert not Attendance.objects.exists()


# Declarations page


def test_declaration_page_records_a_declaration(client_for, clerk, held, seats):
    client = client_for(clerk)
    url = reverse("meetings:declaration_new", args=[held.pk, 4])
    response = client.post(
        url,
        {
            "person": seats["chair"].person_id,
            "kind": "other_registrable",
            "description": "Trustee of a care charity.",
            "action": "did_not_vote",
        },
    )
    assert response.status_code == 302
    declaration = Declaration.objects.get()
    assert declaration.item == item(held, 4)
    assert declaration.history.get().history_user == clerk


def test_declaration_page_refuses_someone_not_present(client_for, clerk, meeting, seats):
    from meetings.services.proceedings import AttendanceEntry, attendance_record

    attendance_record(
        meeting=meeting,
        entries=[AttendanceEntry(seats["chair"].person, "apologies")],
        actor=clerk,
    )
    response = client_for(clerk).post(
        reverse("meetings:declaration_new", args=[meeting.pk, 3]),
        {
            "person": seats["chair"].person_id,
            "kind": "other_registrable",
            "description": "x",
            "action": "remained",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Declaration.objects.exists()


# Minutes pages


def test_minutes_page_saves_every_item(client_for, clerk, held):
    client = client_for(clerk)
    url = reverse("meetings:minutes_edit", args=[held.pk])
    data = {f"item_{i.pk}": f"Minute {i.position}" for i in held.items.all()}
    data |= {f"version_{i.pk}": "0" for i in held.items.all()}
    assert client.post(url, data).status_code == 302
    assert Minute.objects.count() == 4
    held.refresh_from_db()
    assert held.status == Meeting.Status.MINUTES_DRAFTED


def test_minutes_page_refused_before_the_meeting_is_held(client_for, clerk, meeting):
    url = reverse("meetings:minutes_edit", args=[meeting.pk])
    data = {f"item_{i.pk}": "Too early" for i in meeting.items.all()}
    data |= {f"version_{i.pk}": "0" for i in meeting.items.all()}
    response = client_for(clerk).post(url, data)
    assert "once the meeting has been held" in response.content.decode()
    assert not Minute.objects.exists()


def test_approve_page_and_refusals(client_for, clerk, noted_draft, next_held, scrutiny_body):
    client = client_for(clerk)
    url = reverse("meetings:minutes_approve", args=[noted_draft.pk])
    html = client.get(url).content.decode()
    assert "Minutes of the last meeting" in html and str(next_held) in html
    # At the same meeting: refused with the service's message.
    response = client.post(url, {"at_item": item(noted_draft, 1).pk})
    assert "Minutes cannot be approved at the meeting they record" in response.content.decode()
    # At another body's meeting: refused.
    other = make_meeting(scrutiny_body, date(2021, 2, 8))
    Meeting.objects.filter(pk=other.pk).update(status=Meeting.Status.HELD)
    response = client.post(url, {"at_item": item(other, 1).pk})
    assert "not at a meeting of the Health Scrutiny Committee" in response.content.decode()
    noted_draft.refresh_from_db()
    assert noted_draft.minutes_approved_at is None
    # At the later meeting's minutes item: approved.
    response = client.post(url, {"at_item": item(next_held, 1).pk})
    assert response.status_code == 302
    noted_draft.refresh_from_db()
    assert noted_draft.status == Meeting.Status.MINUTES_APPROVED
    # Now the minutes page is read-only.
    html = client.get(reverse("meetings:minutes_edit", args=[noted_draft.pk])).content.decode()
    assert "Approved minutes cannot be changed" in html and "<textarea" not in html


# Query bounds: 20 members, 10 items


@pytest.fixture
def big_meeting(body, council, terms, clerk):
    memberships = [
        seat(
            body,
            f"Councillor {n:02d}",
            council,
            role=Membership.Role.CHAIR if n == 0 else "member",
        )
        for n in range(20)
    ]
    for n in range(3):
        seat(body, f"Officer {n}", role=Membership.Role.OFFICER, voting=False)
    memberships[1].substitutes.set([person("Sub A"), person("Sub B")])
    meeting = make_meeting(body, date(2021, 1, 11), items=False)
    for n in range(1, 11):
        AgendaItem.objects.create(
            meeting=meeting,
            position=n,
            title=f"Item {n}",
            kind=AgendaItem.Kind.MINUTES if n == 1 else AgendaItem.Kind.BUSINESS,
            is_exempt=n == 10,
            exempt_paragraph=3 if n == 10 else None,
        )
    all_present(meeting, {m.pk: m for m in memberships}, clerk)
    for position in range(1, 11):
        minute_draft(item=item(meeting, position), text=f"Minute {position}", actor=clerk)
    return meeting


def test_edit_pages_run_a_bounded_number_of_queries(
    client_for, clerk, big_meeting, django_assert_max_num_queries
):
    client = client_for(clerk)
    for url in urls(big_meeting):
        # The minutes page also shows each item's resolutions and declarations (three queries).
        with django_assert_max_num_queries(17):
            assert client.get(url).status_code == 200, url
    data = {}
    for row in Attendance.objects.filter(meeting=big_meeting):
        data[f"status_{row.person_id}"] = "present"
    data["versions"] = versions_post(big_meeting)
    with django_assert_max_num_queries(20):
        # Nothing changed: validated and compared, nothing saved.
        response = client.post(reverse("meetings:attendance", args=[big_meeting.pk]), data)
    assert response.status_code == 302
