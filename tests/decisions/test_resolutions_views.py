"""Resolution pages: permission matrix, recording, corrections, the public list and includes."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from decisions.models import NamedVote, Resolution
from decisions.selectors.resolutions import meeting_resolutions, resolution_summary
from decisions.services.resolutions import VoteCount
from meetings.models import AgendaItem, Declaration, Meeting, Supplement
from meetings.services.proceedings import declaration_record
from tests.factories import all_present, make_meeting, make_user, seat

pytestmark = pytest.mark.django_db

Status = Resolution.Status


@pytest.fixture
def resolution(business, record) -> Resolution:
    return record(business)


def new_url(meeting, position=3) -> str:
    return reverse("decisions:resolution_new", args=[meeting.pk, position])


def edit_url(resolution) -> str:
    return reverse("decisions:resolution_edit", args=[resolution.pk])


def edit_urls(held, resolution) -> list[str]:
    return [new_url(held), edit_url(resolution)]


GOOD = {
    "kind": "decision",
    "preamble": "That the Committee:",
    "parts": "1) Noted the report.\n2) Asked for an update.",
}


# Permission matrix


@pytest.mark.parametrize("who", ["clerk", "admin_user"])
def test_clerk_and_admin_may_open_every_edit_page(request, client_for, held, resolution, who):
    client = client_for(request.getfixturevalue(who))
    for url in edit_urls(held, resolution):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "who", ["member", "outsider", "officer", "governance_lead", "scrutiny_member"]
)
def test_others_are_refused_get_and_post(request, client_for, held, resolution, who):
    client = client_for(request.getfixturevalue(who))
    for url in edit_urls(held, resolution):
        assert client.get(url).status_code == 403, url
        post = {**GOOD, "version": 1, "reason": "Mine"}
        assert client.post(url, post).status_code == 403, url
    resolution.refresh_from_db()
    assert Resolution.objects.count() == 1
    assert (resolution.version, resolution.preamble) == (1, "")


def test_anonymous_is_sent_to_sign_in(client, held, resolution):
    for url in edit_urls(held, resolution):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302
            assert response.url.startswith(reverse("login"))


def test_a_clerk_of_another_body_is_refused(client_for, held, resolution, other_body):
    from governance.models import RoleAssignment

    other_clerk = make_user("otherclerk")
    RoleAssignment.objects.create(user=other_clerk, role="clerk", body=other_body)
    client = client_for(other_clerk)
    for url in edit_urls(held, resolution):
        assert client.get(url).status_code == 403


def test_unknown_item_is_404(client_for, clerk, held):
    assert client_for(clerk).get(new_url(held, 99)).status_code == 404


# Recording


def test_the_form_shows_declarations_beside_it(client_for, clerk, held, business, seats):
    declaration_record(
        item=business,
        person=seats["doddy"].person,
        kind="disclosable_pecuniary",
        description="Owns a care home in Mansfield",
        action=Declaration.Action.LEFT_ROOM,
        actor=clerk,
    )
    page = client_for(clerk).get(new_url(held)).content.decode()
    assert "Declarations of interest on this item" in page
    assert "Owns a care home in Mansfield" in page
    assert "Left the room" in page
    assert "How John Doddy voted" in page


def test_a_clerk_records_a_resolution(client_for, clerk, held, business, seats):
    client = client_for(clerk)
    data = {
        **GOOD,
        "vote_taken": "on",
        "votes_for": "4",
        "votes_against": "1",
        "abstentions": "0",
        f"vote_{seats['doddy'].person_id}": "against",
    }
    response = client.post(new_url(held), data)
    assert response.status_code == 302
    assert response.url == business.get_absolute_url()
    resolution = Resolution.objects.get()
    assert str(resolution) == "ASCPH 2021/001"
    assert resolution.part_list == ["Noted the report.", "Asked for an update."]
    assert (resolution.votes_for, resolution.votes_against, resolution.abstentions) == (4, 1, 0)
    assert resolution.named_votes.get().vote == NamedVote.Vote.AGAINST
    assert resolution.history.get().history_user == clerk
    follow = client.get(response.url)
    assert "Resolution ASCPH 2021/001 recorded." in follow.content.decode()


def test_a_later_resolution_rescinds_through_the_form(client_for, clerk, held, resolution):
    data = {**GOOD, "acts_on": resolution.pk, "act": "rescinds"}
    assert client_for(clerk).post(new_url(held), data).status_code == 302
    resolution.refresh_from_db()
    assert resolution.status == Status.RESCINDED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**GOOD, "vote_taken": "on", "votes_for": "14"}, "14 votes recorded but only 5 voting"),
        ({**GOOD, "parts": ""}, "Enter the numbered parts of the resolution."),
        ({**GOOD, "kind": ""}, "Choose what kind of resolution this is."),
        ({**GOOD, "votes_for": "3"}, "Tick “A vote was taken”"),
        ({**GOOD, "vote_taken": "on"}, "Give the number of votes"),
        ({**GOOD, "kind": "recommendation"}, "Choose the body the recommendation goes to"),
        ({**GOOD, "act": "amends"}, "Choose the earlier resolution"),
        ({**GOOD, "kind": "nonsense"}, "Select a valid choice"),
    ],
)
def test_refused_posts_save_nothing_and_say_why(client_for, clerk, held, data, message):
    response = client_for(clerk).post(new_url(held), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page, page[page.find("error-summary__list") :][:600]
    assert "<title>Error: " in page
    assert not Resolution.objects.exists()


def test_a_meeting_not_held_is_refused_on_post(client_for, clerk, body, seats, terms):
    meeting = make_meeting(body, date(2021, 5, 10))
    client = client_for(clerk)
    page = client.get(new_url(meeting)).content.decode()
    assert "has not been held yet" in page
    response = client.post(new_url(meeting), GOOD)
    assert "Resolutions are recorded for a meeting that has been held" in response.content.decode()
    assert not Resolution.objects.exists()


def test_the_record_page_runs_a_bounded_number_of_queries(
    client_for, clerk, held, business, seats, record, django_assert_max_num_queries
):
    client = client_for(clerk)
    for name in ("chair", "vice", "doddy"):
        declaration_record(
            item=business,
            person=seats[name].person,
            kind="other_registrable",
            description="Trustee of a charity",
            action=Declaration.Action.REMAINED,
            actor=clerk,
        )
    for _ in range(5):
        record(business)
    with django_assert_max_num_queries(14):
        assert client.get(new_url(held)).status_code == 200


# Corrections


def test_a_correction_through_the_page(client_for, clerk, resolution):
    client = client_for(clerk)
    page = client.get(edit_url(resolution)).content.decode()
    assert 'name="version" value="1"' in page
    response = client.post(
        edit_url(resolution),
        {"version": "1", "preamble": "", "parts": "Noted the report.", "reason": "Typo"},
    )
    assert response.status_code == 302
    resolution.refresh_from_db()
    assert (resolution.version, resolution.parts) == (2, "Noted the report.")
    assert resolution.history.first().history_user == clerk


def test_a_stale_correction_through_the_page_is_refused(client_for, clerk, resolution):
    client = client_for(clerk)
    ok = {"version": "1", "parts": "First correction", "reason": "Typo"}
    assert client.post(edit_url(resolution), ok).status_code == 302
    stale = {"version": "1", "parts": "Second correction", "reason": "Other typo"}
    response = client.post(edit_url(resolution), stale)
    assert response.status_code == 200
    assert "Someone else changed this resolution since you opened it" in response.content.decode()
    resolution.refresh_from_db()
    assert (resolution.version, resolution.parts) == (2, "First correction")


def test_a_correction_needs_a_reason(client_for, clerk, resolution):
    response = client_for(clerk).post(edit_url(resolution), {"version": "1", "parts": "X"})
    assert response.status_code == 200
    assert "Say why the resolution is being corrected." in response.content.decode()
    resolution.refresh_from_db()
    assert resolution.version == 1


# The public list


def list_page(client, **params) -> str:
    response = client.get(reverse("decisions:list"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_shows_reference_first_part_meeting_and_status(client, resolution):
    page = list_page(client)
    assert "ASCPH 2021/001" in page
    assert "To note the report." in page
    assert "11 Jan 2021" in page
    assert "Agreed" in page


def test_part_two_text_is_withheld_from_the_public_and_shown_to_a_member(
    client, client_for, member, exempt, record
):
    record(exempt, parts="1) To accept the tender from Acme Care Ltd at £3.2m.")
    public = list_page(client)
    assert "ASCPH 2021/001" in public
    assert "Care home fee negotiations" in public
    assert "Exempt: paragraph 3 of Schedule 12A" in public
    assert "Acme Care" not in public
    shown = list_page(client_for(member))
    assert "Acme Care" in shown


def render_as(user, template: str, context: dict) -> str:
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return render_to_string(template, context, request=request)


def test_part_two_text_is_withheld_in_the_summary_include(member, exempt, record):
    resolution = record(exempt, parts="1) Acme Care tender accepted.")
    summary = "decisions/resolutions/_summary.html"
    public = render_as(None, summary, {"view": resolution_summary(AnonymousUser(), resolution)})
    assert "Acme Care" not in public and "Exempt: paragraph 3" in public
    assert "ASCPH 2021/001" in public
    shown = render_as(member, summary, {"view": resolution_summary(member, resolution)})
    assert "Acme Care" in shown


def test_unpublished_meetings_resolutions_are_not_public(
    client, client_for, clerk, body, seats, terms, record
):
    meeting = make_meeting(body, date(2021, 6, 7), published=False)
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    record(meeting.items.get(position=3), parts="Secret draft decision")
    assert "Secret draft decision" not in list_page(client)
    assert "Secret draft decision" in list_page(client_for(clerk))


@pytest.fixture
def many(body, other_body, seats, terms, clerk, held, business, record):
    """Resolutions of two bodies, two years, several kinds and statuses."""
    record(business, kind="noting", parts="Noting 2021")
    record(business, kind="agreement_in_principle", parts="Principle 2021")
    january = make_meeting(body, date(2022, 1, 10))
    all_present(january, seats, clerk)
    record(january.items.get(position=3), parts="Decision 2022")

    seat(other_body, "Sue Harper")
    theirs = make_meeting(other_body, date(2021, 3, 1))
    all_present(theirs, {"s": other_body.memberships.get()}, clerk)
    record(theirs.items.get(position=3), parts="Board decision")


def test_filters(client, many, other_body, body):
    assert "Board decision" in list_page(client, body=other_body.slug)
    assert "Noting 2021" not in list_page(client, body=other_body.slug)
    by_year = list_page(client, year=2022)
    assert "Decision 2022" in by_year and "Noting 2021" not in by_year
    by_status = list_page(client, status="to_route")
    assert "Principle 2021" in by_status and "Noting 2021" not in by_status
    by_kind = list_page(client, kind="noting")
    assert "Noting 2021" in by_kind and "Principle 2021" not in by_kind
    both = list_page(client, body=body.slug, year=2021, kind="decision")
    assert "No decisions match." in both


def test_newest_first(client, many):
    page = list_page(client)
    assert page.index("Decision 2022") < page.index("Board decision") < page.index("Noting 2021")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"body": "abc"}, "Choose a body from the list."),
        ({"body": "999999"}, "Choose a body from the list."),
        ({"year": "twenty"}, "Enter a year, such as 2021."),
        ({"year": "99999999999999999999"}, "Ensure this value is less than or equal to 2200"),
        ({"status": "lost"}, "Choose a status from the list."),
        ({"kind": "<script>"}, "Choose a kind from the list."),
        ({"page": "nine"}, ""),
    ],
)
def test_invalid_filters_are_explained_not_a_500(client, many, params, message):
    page = list_page(client, **params)
    if message:
        assert message in page
        assert "<title>Error: " in page
    assert "Decision 2022" in page  # the invalid filter is ignored


def test_the_list_is_paginated_by_25(client, held, business, record):
    for n in range(27):
        record(business, parts=f"Resolution number {n + 1:02d}")
    first = list_page(client)
    assert "ASCPH 2021/027" in first and "ASCPH 2021/002" not in first
    second = list_page(client, page=2)
    assert "ASCPH 2021/001" in second and "ASCPH 2021/002" in second


@pytest.mark.parametrize("who", [None, "member", "clerk", "admin_user"])
def test_the_list_runs_a_bounded_number_of_queries(
    request, client_for, held, business, exempt, record, who, django_assert_max_num_queries
):
    user = request.getfixturevalue(who) if who else None
    client = client_for(user)
    for _ in range(3):
        record(business)
    client.get(reverse("decisions:list"))
    for n in range(20):
        record(exempt if n % 2 else business)
    with django_assert_max_num_queries(10):
        list_page(client)


def test_resolutions_on_late_items_do_not_cost_a_query_each(
    client, held, record, django_assert_max_num_queries
):
    """Who sees a late item depends on its supplementary agenda: read once for the page."""
    supplement = Supplement.objects.create(
        meeting=held, number=1, reason="Urgent", published_at=timezone.now()
    )
    for n in range(6):
        late = AgendaItem.objects.create(
            meeting=held, position=20 + n, title=f"Late item {n}", supplement=supplement
        )
        record(late)
    with django_assert_max_num_queries(10):
        page = list_page(client)
    assert "ASCPH 2021/001" in page and "ASCPH 2021/006" in page
    with django_assert_max_num_queries(4):
        rows = client.get("/api/v1/resolutions/").json()["results"]
    assert len(rows) == 6


# The meeting page include


def test_item_resolutions_include_and_its_query_bound(
    client_for, clerk, held, business, exempt, record, seats, django_assert_max_num_queries
):
    first = record(
        business,
        vote=VoteCount(votes_for=3, votes_against=1),
        named_votes=[(seats["chair"].person, "for")],
    )
    record(business, acts_on=first, act="amends")
    record(exempt, parts="Acme Care tender")
    for n in range(10):
        record(business, parts=f"More {n}")
    held.refresh_from_db()
    with django_assert_max_num_queries(6):
        resolutions = meeting_resolutions(AnonymousUser(), held)
    include = "decisions/resolutions/_item_resolutions.html"
    html = render_as(None, include, {"meeting_resolutions": resolutions, "item": business})
    assert "ASCPH 2021/001" in html and "3 for, 1 against" in html
    assert "Sue Harper: For" in html
    assert "Amends" in html and "Amends by" in html
    assert "Record a resolution" not in html
    withheld = render_as(None, include, {"meeting_resolutions": resolutions, "item": exempt})
    assert "Acme Care" not in withheld and "Exempt: paragraph 3" in withheld
    as_clerk = render_as(
        clerk, include, {"meeting_resolutions": meeting_resolutions(clerk, held), "item": exempt}
    )
    assert "Acme Care" in as_clerk and "Record a resolution" in as_clerk
    assert "Correct the text" in as_clerk
