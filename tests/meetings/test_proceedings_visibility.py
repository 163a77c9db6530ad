"""Who sees which minutes, and the includes the meeting page shows (proceedings_for)."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

from governance.models import Membership
from ics_portal.common.changes import history_url
from meetings.models import AgendaItem, Declaration, Minute
from meetings.selectors.proceedings import proceedings_for
from meetings.services.proceedings import AttendanceEntry as E
from meetings.services.proceedings import (
    attendance_record,
    declaration_record,
    minute_draft,
    minutes_approve,
)
from tests.factories import all_present, item, make_meeting, person, seat

pytestmark = pytest.mark.django_db

PART_I = "The committee noted the performance report."
PART_II = "SECRET-FEE-UPLIFT: the fee uplift of 4.2 per cent was agreed."


@pytest.fixture
def drafted_both_parts(meeting, seats, clerk):
    all_present(meeting, seats, clerk)
    minute_draft(item=item(meeting, 3), text=PART_I, actor=clerk)
    minute_draft(item=item(meeting, 4), text=PART_II, actor=clerk)
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def approved(drafted_both_parts, next_meeting, seats, clerk):
    all_present(next_meeting, seats, clerk)
    minutes_approve(meeting=drafted_both_parts, at_item=item(next_meeting, 1), actor=clerk)
    drafted_both_parts.refresh_from_db()
    return drafted_both_parts


def render(meeting, user, position):
    proceedings = proceedings_for(meeting, user)
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "meetings/proceedings/_minutes.html",
        {"proceedings": proceedings, "item": item(meeting, position)},
        request=request,
    )


VIEWERS = ["anonymous", "outsider", "officer", "scrutiny_member", "member", "clerk", "admin_user"]


def viewer(request, who):
    return AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)


@pytest.mark.parametrize("who", VIEWERS)
def test_draft_minutes_only_for_those_who_edit_the_body(request, drafted_both_parts, who):
    user = viewer(request, who)
    html = render(drafted_both_parts, user, 3) + render(drafted_both_parts, user, 4)
    sees = who in {"clerk", "admin_user"}
    assert (PART_I in html) is sees
    assert (PART_II.split(":")[0] in html) is sees
    if sees:
        assert "Draft minutes" in html
    else:
        assert "Exempt: paragraph 3" not in html  # a draft is not even announced


@pytest.mark.parametrize("who", VIEWERS)
def test_approved_part_one_is_public_and_part_two_only_for_the_body(request, approved, who):
    user = viewer(request, who)
    part_one, part_two = render(approved, user, 3), render(approved, user, 4)
    assert PART_I in part_one
    assert "Approved at" in part_one and "Draft minutes" not in part_one
    if who in {"member", "clerk", "admin_user"}:
        assert "SECRET-FEE-UPLIFT" in part_two
    else:
        assert "SECRET-FEE-UPLIFT" not in part_two
        assert "Exempt: paragraph 3 of Schedule 12A" in part_two


@pytest.mark.parametrize("who", ["anonymous", "outsider", "scrutiny_member"])
def test_history_of_a_part_two_minute_is_withheld(request, client_for, approved, who):
    minute = item(approved, 4).minute
    client = client_for(None if who == "anonymous" else request.getfixturevalue(who))
    assert client.get(history_url(minute)).status_code == 404
    assert client.get(history_url(item(approved, 3).minute)).status_code == 200


def test_history_of_a_part_two_minute_for_the_body(client_for, member, approved):
    response = client_for(member).get(history_url(item(approved, 4).minute))
    assert "SECRET-FEE-UPLIFT" in response.content.decode()


def test_history_of_a_draft_minute_only_for_the_clerk(
    client_for, clerk, member, drafted_both_parts
):
    url = history_url(item(drafted_both_parts, 3).minute)
    assert client_for(member).get(url).status_code == 404
    assert client_for(clerk).get(url).status_code == 200


def test_later_meetings_minutes_item_offers_the_approval_button(
    clerk, member, drafted_both_parts, next_meeting
):
    all_present(next_meeting, {"c": Membership.objects.filter(role="chair").get()}, clerk)
    html = render(next_meeting, clerk, 1)
    assert f"Approve the minutes of {drafted_both_parts}" in html
    assert f'action="/meetings/{drafted_both_parts.pk}/minutes/approve/"' in html
    assert "Approve the minutes" not in render(next_meeting, member, 1)


def test_attendance_quorum_and_declarations_includes(meeting, seats, clerk):
    attendance_record(
        meeting=meeting,
        entries=[
            E(seats["chair"].person, "present"),
            E(seats["vice"].person, "apologies"),
            E(seats["doddy"].person, "substituted", substitute=person("Richard Butler")),
            E(seats["sissons"].person, "absent"),
            E(person("Jo Toomey", job_title="Democratic Services Officer"), "officer"),
        ],
        actor=clerk,
    )
    declaration_record(
        item=item(meeting, 3),
        person=seats["chair"].person,
        kind="non_registrable",
        description="Her mother receives home care.",
        action=Declaration.Action.REMAINED,
        actor=clerk,
    )
    proceedings = proceedings_for(meeting, AnonymousUser())
    context = {"proceedings": proceedings, "item": item(meeting, 3)}
    attendance = render_to_string("meetings/proceedings/_attendance.html", context)
    assert "Sue Harper (Chair)" in attendance
    assert "Richard Butler for John Doddy" in attendance
    assert "Jo Toomey, Democratic Services Officer" in attendance
    assert "Record the attendance" not in attendance and "Correct the attendance" not in attendance
    quorum = render_to_string("meetings/proceedings/_quorum.html", context)
    assert "govuk-warning-text" in quorum
    assert "Not quorate" in quorum and "2 voting members present; 3 needed" in quorum
    declarations = render_to_string("meetings/proceedings/_declarations.html", context)
    assert "Her mother receives home care." in declarations
    assert "Non-registrable interest" in declarations and "Remained and took part" in declarations


def test_proceedings_for_runs_a_fixed_number_of_queries(
    body, council, terms, clerk, django_assert_max_num_queries
):
    memberships = [seat(body, f"Councillor {n:02d}", council) for n in range(20)]
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
    for n in range(1, 11):
        minute_draft(item=item(meeting, n), text=f"Minute {n}", actor=clerk)
        for m in memberships[:3]:
            declaration_record(
                item=item(meeting, n),
                person=m.person,
                kind="other_registrable",
                description="x",
                action="remained",
                actor=clerk,
            )
    earlier = make_meeting(body, date(2020, 12, 7), items=False)
    earlier.status = "minutes_drafted"
    earlier.save()
    # Drafted minutes, so approving them at this meeting can succeed and the button is offered.
    earlier_item = AgendaItem.objects.create(meeting=earlier, position=1, title="Budget")
    Minute.objects.create(item=earlier_item, text="The committee noted the budget.")
    meeting = type(meeting).objects.select_related("body").get(pk=meeting.pk)
    items = list(meeting.items.all())
    request = RequestFactory().get("/")
    request.user = clerk
    with django_assert_max_num_queries(11):
        proceedings = proceedings_for(meeting, clerk)
        html = render_to_string(
            "meetings/proceedings/_attendance.html", {"proceedings": proceedings}
        ) + render_to_string("meetings/proceedings/_quorum.html", {"proceedings": proceedings})
        for each in items:
            context = {"proceedings": proceedings, "item": each}
            html += render_to_string("meetings/proceedings/_declarations.html", context)
            html += render_to_string("meetings/proceedings/_minutes.html", context, request)
    assert proceedings.quorum.quorate
    assert len(proceedings.members) == 20
    assert html.count("Draft minutes") == 10
    assert f"Approve the minutes of {earlier}" in html
    assert sum(len(d) for d in proceedings.declarations.values()) == 30
