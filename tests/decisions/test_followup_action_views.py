"""Action pages: who may change actions, refusals, the action log, Part II, and query bounds."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from decisions.models import Action, ActionNote
from decisions.services.actions import action_add_note, action_set_status
from ics_portal.common.changes import history_url
from tests.factories import PART_TWO_SECRET, item, make_item_resolution

pytestmark = pytest.mark.django_db

REFUSED = ["member", "outsider", "officer", "scrutiny_member", "governance_lead"]
GOOD_POST = {
    "description": "Circulate the vaccination figures.",
    "owner": "Director of Public Health",
    "due_date": "2021-03-01",
    "status": "done",
    "note": "Done.",
    "text": "A note.",
}


def edit_urls(resolution, action):
    meeting = resolution.meeting
    return [
        reverse("decisions:action_new_for_resolution", args=[resolution.pk]),
        reverse("decisions:action_new_for_item", args=[meeting.pk, 3]),
        reverse("decisions:action_edit", args=[action.pk]),
        reverse("decisions:action_status", args=[action.pk]),
        reverse("decisions:action_note_add", args=[action.pk]),
    ]


def snapshot():
    return (
        list(Action.objects.values_list("pk", "description", "owner", "due_date", "status")),
        ActionNote.objects.count(),
        Action.history.count(),
    )


# Permission matrix


@pytest.mark.parametrize("who", ["clerk", "admin_user"])
def test_clerk_and_admin_may_open_every_edit_page(
    request, client_for, fu_resolution, fu_action, who
):
    client = client_for(request.getfixturevalue(who))
    for url in edit_urls(fu_resolution, fu_action):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", REFUSED)
def test_others_are_refused_and_nothing_changes(
    request, client_for, fu_resolution, fu_action, who
):
    client = client_for(request.getfixturevalue(who))
    before = snapshot()
    for url in edit_urls(fu_resolution, fu_action):
        assert client.get(url).status_code == 403, url
        assert client.post(url, GOOD_POST).status_code == 403, url
    assert snapshot() == before


def test_anonymous_is_sent_to_sign_in(client, fu_resolution, fu_action):
    before = snapshot()
    for url in edit_urls(fu_resolution, fu_action):
        for method in (client.get, client.post):
            response = method(url, GOOD_POST) if method == client.post else method(url)
            assert response.status_code == 302, url
            assert response.url.startswith(reverse("login")), url
    assert snapshot() == before


def test_clerk_of_another_body_is_refused(client_for, fu_action, fu_scrutiny_clerk):
    client = client_for(fu_scrutiny_clerk)
    assert client.get(reverse("decisions:action_edit", args=[fu_action.pk])).status_code == 403


# Recording and changing


def test_clerk_records_an_action_from_a_resolution(client_for, clerk, fu_resolution):
    client = client_for(clerk)
    url = reverse("decisions:action_new_for_resolution", args=[fu_resolution.pk])
    response = client.post(url, GOOD_POST, follow=True)
    action = Action.objects.get()
    assert response.redirect_chain[-1][0] == action.get_absolute_url()
    assert action.resolution == fu_resolution and action.item == fu_resolution.item
    html = response.content.decode()
    assert "Action recorded." in html
    assert "Circulate the vaccination figures." in html
    assert action.history.get().history_user == clerk


def test_clerk_records_an_action_from_an_item(client_for, clerk, fu_meeting):
    client = client_for(clerk)
    url = reverse("decisions:action_new_for_item", args=[fu_meeting.pk, 3])
    response = client.post(url, GOOD_POST)
    action = Action.objects.get()
    assert response.status_code == 302
    assert action.item == item(fu_meeting, 3) and action.resolution is None


def test_item_that_does_not_exist_is_404(client_for, clerk, fu_meeting):
    url = reverse("decisions:action_new_for_item", args=[fu_meeting.pk, 99])
    assert client_for(clerk).get(url).status_code == 404


def test_a_due_date_before_the_meeting_is_refused_on_the_form(client_for, clerk, fu_resolution):
    client = client_for(clerk)
    url = reverse("decisions:action_new_for_resolution", args=[fu_resolution.pk])
    response = client.post(url, {**GOOD_POST, "due_date": "2021-01-10"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "cannot be before the meeting" in html
    assert not Action.objects.exists()


def test_edit_the_action(client_for, clerk, fu_action):
    client = client_for(clerk)
    url = reverse("decisions:action_edit", args=[fu_action.pk])
    assert "Director of Public Health" in client.get(url).content.decode()
    response = client.post(url, {**GOOD_POST, "owner": "Jonathan Gribbin", "version": 1})
    assert response.status_code == 302
    fu_action.refresh_from_db()
    assert fu_action.owner == "Jonathan Gribbin"
    assert fu_action.history.first().history_user == clerk


def test_change_status_with_a_note(client_for, clerk, fu_action):
    client = client_for(clerk)
    url = reverse("decisions:action_status", args=[fu_action.pk])
    html = client.get(url).content.decode()
    assert 'value="in_progress"' in html and 'value="open"' not in html
    response = client.post(
        url, {"status": "done", "note": "Email sent.", "version": 1}, follow=True
    )
    assert "Action marked done." in response.content.decode()
    fu_action.refresh_from_db()
    assert fu_action.status == Action.Status.DONE
    assert fu_action.notes.get().text == "Email sent."


def test_a_done_action_cannot_be_reopened_from_the_page(client_for, clerk, fu_action):
    action_set_status(action=fu_action, status=Action.Status.DONE, actor=clerk)
    client = client_for(clerk)
    url = reverse("decisions:action_status", args=[fu_action.pk])
    before = snapshot()
    assert "cannot be reopened" in client.get(url).content.decode()
    response = client.post(url, {"status": "open", "note": "Reopen"})
    assert response.status_code == 200
    assert "cannot be reopened" in response.content.decode()
    assert snapshot() == before
    # Nor changed in other ways.
    response = client.post(
        reverse("decisions:action_edit", args=[fu_action.pk]),
        {**GOOD_POST, "version": Action.objects.get(pk=fu_action.pk).version},
    )
    assert "cannot be reopened or changed" in response.content.decode()
    assert snapshot() == before


def test_add_a_note(client_for, clerk, fu_action):
    client = client_for(clerk)
    url = reverse("decisions:action_note_add", args=[fu_action.pk])
    response = client.post(url, {"text": "Chased on 1 February."}, follow=True)
    assert "Chased on 1 February." in response.content.decode()
    note = fu_action.notes.get()
    assert note.written_by == clerk
    assert client.post(url, {"text": ""}).status_code == 200
    assert fu_action.notes.count() == 1


# Public pages


def test_action_log_shows_open_actions_and_all_on_request(client, clerk, fu_action, fu_meeting):
    from decisions.services.actions import action_create

    done = action_create(
        body=fu_meeting.body,
        item=item(fu_meeting, 3),
        description="Finished business.",
        owner="Chair",
        due_date=date(2021, 2, 1),
        actor=clerk,
    )
    action_set_status(action=done, status=Action.Status.DONE, actor=clerk)
    url = reverse("decisions:action_log", args=[fu_meeting.body.slug])
    html = client.get(url).content.decode()
    assert "email update on vaccination" in html
    assert "Finished business." not in html
    assert 'govuk-tag--red">Overdue' in html  # due 8 February 2021, still open
    assert str(fu_action.resolution) in html  # arising from ASCPH 2021/002
    html = client.get(url, {"show": "all"}).content.decode()
    assert "Finished business." in html


def test_action_detail_is_public_with_notes_and_history(client, clerk, fu_action):
    action_add_note(action=fu_action, text="Update sent to members.", actor=clerk)
    response = client.get(fu_action.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "email update on vaccination" in html
    assert "Update sent to members." in html
    assert history_url(fu_action) in html
    assert "Change status" not in html
    assert client.get(history_url(fu_action)).status_code == 200


def test_unknown_action_is_404(client):
    assert client.get(reverse("decisions:action_detail", args=[999])).status_code == 404


# Part II


def test_part_two_action_shows_only_the_item_title_and_notice_to_the_public(
    client_for, clerk, fu_exempt_action
):
    action_add_note(action=fu_exempt_action, text="Secret progress note.", actor=clerk)
    for who in (None,):
        client = client_for(who)
        for url in (
            reverse("decisions:action_log", args=[fu_exempt_action.body.slug]),
            fu_exempt_action.get_absolute_url(),
        ):
            html = client.get(url).content.decode()
            assert "Care home fee negotiations" in html, url
            assert "Exempt: paragraph 3 of Schedule 12A" in html, url
            assert PART_TWO_SECRET not in html, url
            assert "Secret progress note." not in html, url
        history = client.get(history_url(fu_exempt_action)).content.decode()
        assert PART_TWO_SECRET not in history and "Exempt information" in history
        note = fu_exempt_action.notes.get()
        note_history = client.get(history_url(note)).content.decode()
        assert "Secret progress note." not in note_history and "Exempt information" in note_history


@pytest.mark.parametrize("who", ["outsider", "scrutiny_member", "governance_lead", "officer"])
def test_part_two_action_is_withheld_from_people_outside_the_body(
    request, client_for, fu_exempt_action, who
):
    client = client_for(request.getfixturevalue(who))
    html = client.get(fu_exempt_action.get_absolute_url()).content.decode()
    assert PART_TWO_SECRET not in html
    assert "Exempt: paragraph 3 of Schedule 12A" in html


@pytest.mark.parametrize("who", ["member", "clerk", "admin_user"])
def test_part_two_action_is_shown_to_members_clerks_and_admins(
    request, client_for, clerk, fu_exempt_action, who
):
    action_add_note(action=fu_exempt_action, text="Secret progress note.", actor=clerk)
    client = client_for(request.getfixturevalue(who))
    html = client.get(fu_exempt_action.get_absolute_url()).content.decode()
    assert PART_TWO_SECRET in html
    assert "Secret progress note." in html
    log = client.get(reverse("decisions:action_log", args=[fu_exempt_action.body.slug]))
    assert PART_TWO_SECRET in log.content.decode()
    assert client.get(history_url(fu_exempt_action)).status_code == 200


def test_action_on_a_part_two_resolution_is_withheld_too(client, clerk, fu_meeting):
    from decisions.services.actions import action_create

    exempt_resolution = make_item_resolution(fu_meeting, 4, 5)
    action = action_create(
        body=fu_meeting.body,
        resolution=exempt_resolution,
        description=PART_TWO_SECRET,
        owner="Chair",
        due_date=date(2021, 2, 1),
        actor=clerk,
    )
    html = client.get(action.get_absolute_url()).content.decode()
    assert PART_TWO_SECRET not in html
    assert str(exempt_resolution) in html  # the reference is public


# Query bounds


def grow(meeting, resolution, count: int) -> None:
    """Many actions, a mix arising from the resolution, Part I and Part II items."""
    items = [item(meeting, 3), item(meeting, 4)]
    Action.objects.bulk_create(
        Action(
            body=meeting.body,
            resolution=resolution if n % 3 == 0 else None,
            item=resolution.item if n % 3 == 0 else items[n % 2],
            description=f"Action number {n}",
            owner="Director of Public Health",
            due_date=date(2021, 2, 1) + timedelta(days=n),
        )
        for n in range(count)
    )


@pytest.mark.parametrize("who", [None, "member", "clerk"])
@pytest.mark.parametrize("count", [3, 45])
def test_action_log_queries_do_not_grow(
    request, client_for, django_assert_max_num_queries, fu_meeting, fu_resolution, who, count
):
    grow(fu_meeting, fu_resolution, count)
    client = client_for(request.getfixturevalue(who) if who else None)
    url = reverse("decisions:action_log", args=[fu_meeting.body.slug])
    # Session, user and roles (4), the body (1), count and page (2), session saved (3).
    with django_assert_max_num_queries(10):
        response = client.get(url, {"show": "all"})
    assert response.content.decode().count('<tr class="govuk-table__row" id="action-') == count


def test_action_detail_queries_do_not_grow_with_notes(
    client_for, django_assert_max_num_queries, clerk, fu_action
):
    for n in range(30):
        ActionNote.objects.create(action=fu_action, text=f"Note {n}", written_by=clerk)
    client = client_for(clerk)
    # Session, user and roles (4), the action and its notes (2), session saved (3).
    with django_assert_max_num_queries(9):
        response = client.get(fu_action.get_absolute_url())
    assert "Note 29" in response.content.decode()
