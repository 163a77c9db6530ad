"""The agenda pages: who may edit, what the public sees, and bounded queries."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from governance.access import editable_bodies_q
from governance.models import Body
from meetings.models import AgendaItem, AgendaRevision, Meeting, WorkProgrammeEntry
from meetings.services import agenda as services
from tests.factories import at, business_item, schedule, titles

pytestmark = pytest.mark.django_db

# Shared fixtures.


@pytest.fixture
def past_published(body, clerk) -> Meeting:
    meeting = schedule(body, clerk, start=at(2021, 2, 8, 14))
    services.item_add(meeting=meeting, title="Covid-19 update", actor=clerk)
    return services.agenda_publish(meeting=meeting, actor=clerk, now=at(2021, 1, 25))


@pytest.fixture
def annual_report_entry(body, clerk) -> WorkProgrammeEntry:
    return services.work_programme_entry_add(
        body=body, planned_for=date(2099, 3, 10), title="Annual report", actor=clerk
    )


def _history_rows() -> int:
    return sum(
        m.history.count() for m in (Meeting, AgendaItem, AgendaRevision, WorkProgrammeEntry)
    )


# (name, url, POST data) — every edit view of the agenda area.
EDIT_VIEWS = [
    ("schedule", lambda f: f"/bodies/{f['body'].slug}/meetings/new/",
     {"date": "2099-04-01", "time": "10:00", "venue": "County Hall"}),
    ("meeting_edit", lambda f: f"/meetings/{f['draft'].pk}/edit/",
     {"date": "2099-03-11", "time": "10:00", "venue": "Trent Bridge House", "version": "1"}),
    ("item_add", lambda f: f"/meetings/{f['draft'].pk}/items/new/",
     {"title": "Winter plan", "purpose": "decision"}),
    ("item_edit",
     lambda f: f"/meetings/{f['draft'].pk}/items/{business_item(f['draft']).pk}/edit/",
     {"title": "Better Care Fund plan 2099", "purpose": "decision", "version": "1"}),
    ("item_remove",
     lambda f: f"/meetings/{f['draft'].pk}/items/{business_item(f['draft']).pk}/remove/", {}),
    ("item_revise",
     lambda f: f"/meetings/{f['published'].pk}/items/{business_item(f['published']).pk}/revise/",
     {"summary": "Revised appendix", "title": "Covid-19 update (revised)", "version": "1"}),
    ("publish", lambda f: f"/meetings/{f['draft'].pk}/publish/", {}),
    ("cancel", lambda f: f"/meetings/{f['draft'].pk}/cancel/", {}),
    ("mark_held", lambda f: f"/meetings/{f['published'].pk}/held/", {}),
    ("entry_add", lambda f: f"/bodies/{f['body'].slug}/work-programme/new/",
     {"planned_for": "2099-06-01", "title": "Dementia strategy"}),
    ("entry_edit", lambda f: f"/bodies/{f['body'].slug}/work-programme/{f['entry'].pk}/edit/",
     {"planned_for": "2099-06-01", "title": "Annual report", "status": "deferred",
      "version": "1"}),
    ("entry_to_agenda",
     lambda f: f"/bodies/{f['body'].slug}/work-programme/{f['entry'].pk}/to-agenda/",
     {"meeting": "{draft}"}),
]  # fmt: skip
ALLOWED = {"admin_user", "clerk"}
USERS = ["admin_user", "clerk", "member", "officer", "scrutiny_member", "outsider"]


@pytest.mark.parametrize("name,url,data", EDIT_VIEWS, ids=[v[0] for v in EDIT_VIEWS])
def test_edit_permission_matrix(request, client_for, name, url, data, past_published):
    fixtures = {n: request.getfixturevalue(n) for n in [*USERS, "body", "draft"]}
    fixtures["entry"] = request.getfixturevalue("annual_report_entry")
    fixtures["published"] = past_published
    post = {k: (fixtures["draft"].pk if v == "{draft}" else v) for k, v in data.items()}
    address = url(fixtures)

    anonymous = client_for(None)
    assert anonymous.get(address).status_code == 302
    assert anonymous.post(address, post)["Location"].startswith("/account/sign-in/")

    for username in USERS:
        client = client_for(fixtures[username])
        before = _history_rows()
        if username in ALLOWED:
            assert client.get(address).status_code == 200, username
        else:
            assert client.get(address).status_code == 403, username
            assert client.post(address, post).status_code == 403, username
            assert _history_rows() == before, f"{username}'s refused POST changed something"

    response = client_for(fixtures["clerk"]).post(address, post)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert _history_rows() > before


def test_move_permission_matrix(client_for, draft, admin_user, clerk, member, outsider):
    item = business_item(draft)
    address = f"/meetings/{draft.pk}/items/{item.pk}/move/"
    assert client_for(None).post(address, {"direction": "up"}).status_code == 302
    for user in (member, outsider):
        assert client_for(user).post(address, {"direction": "up"}).status_code == 403
    assert titles(draft)[3] == "Better Care Fund plan"
    assert client_for(clerk).get(address).status_code == 405
    response = client_for(clerk).post(address, {"direction": "up"})
    assert response.status_code == 302 and response["Location"].endswith("#item-3")
    assert titles(draft)[2] == "Better Care Fund plan"
    client_for(admin_user).post(address, {"direction": "down"})
    assert titles(draft)[3] == "Better Care Fund plan"


def test_a_refused_move_says_why(client_for, clerk, draft):
    first = draft.items.get(position=1)
    response = client_for(clerk).post(
        f"/meetings/{draft.pk}/items/{first.pk}/move/", {"direction": "up"}, follow=True
    )
    assert "cannot move there" in response.content.decode()
    assert titles(draft)[0] == "Minutes of the last meeting"


def test_a_part_ii_item_needs_its_paragraph(client_for, clerk, draft):
    response = client_for(clerk).post(
        f"/meetings/{draft.pk}/items/new/", {"title": "Contract award", "is_exempt": "on"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Error: " in html
    assert "Choose the paragraph of Schedule 12A" in html
    assert not draft.items.filter(title="Contract award").exists()
    client_for(clerk).post(
        f"/meetings/{draft.pk}/items/new/",
        {"title": "Contract award", "is_exempt": "on", "exempt_paragraph": "3"},
    )
    assert draft.items.get(title="Contract award").exempt_paragraph == 3


def test_editing_a_published_item_leads_to_revising(client_for, clerk, published):
    item = business_item(published)
    response = client_for(clerk).get(f"/meetings/{published.pk}/items/{item.pk}/edit/")
    assert response["Location"] == f"/meetings/{published.pk}/items/{item.pk}/revise/"


def test_publishing_late_asks_for_a_reason(client_for, clerk, body):
    soon = timezone.localtime() + timedelta(days=2)
    meeting = schedule(body, clerk, start=soon)
    services.item_add(meeting=meeting, title="Urgent item", actor=clerk)
    client = client_for(clerk)
    page = client.get(f"/meetings/{meeting.pk}/publish/").content.decode()
    assert "Publishing today is late" in page and 'name="late_reason"' in page

    response = client.post(f"/meetings/{meeting.pk}/publish/", {"late_reason": ""})
    html = response.content.decode()
    assert response.status_code == 200 and "The agenda had to be published by" in html
    meeting.refresh_from_db()
    assert not meeting.is_published

    response = client.post(
        f"/meetings/{meeting.pk}/publish/", {"late_reason": "Urgent: the contract expires."}
    )
    assert response.status_code == 302
    page = client_for(None).get(f"/meetings/{meeting.pk}/").content.decode()
    assert "govuk-inset-text" in page and "Urgent: the contract expires." in page


def test_publishing_in_time_has_no_reason_field(client_for, clerk, draft):
    page = client_for(clerk).get(f"/meetings/{draft.pk}/publish/").content.decode()
    assert "Publishing today is in time" in page and "late_reason" not in page


def test_publishing_an_empty_agenda_is_refused_on_the_page(client_for, clerk, body):
    meeting = schedule(body, clerk)
    response = client_for(clerk).post(f"/meetings/{meeting.pk}/publish/", {})
    assert "Add at least one item before publishing" in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.is_published


def test_an_agenda_of_standard_items_is_not_offered_for_publishing(client_for, clerk, body):
    meeting = schedule(body, clerk)
    page = client_for(clerk).get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Publish the agenda</a>" not in page
    assert "Add at least one item before publishing the agenda." in page

    services.item_add(meeting=meeting, title="Winter plan", actor=clerk)
    page = client_for(clerk).get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Publish the agenda</a>" in page
    assert "Add at least one item before publishing" not in page


def test_a_past_meeting_without_business_is_not_offered_for_recording(client_for, clerk, body):
    meeting = schedule(body, clerk, start=at(2021, 2, 8, 14))
    page = client_for(clerk).get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Record the agenda as published</a>" not in page
    assert "Add at least one item before publishing the agenda." in page


def test_a_future_published_meeting_says_when_it_can_be_marked_held(client_for, clerk, published):
    page = client_for(clerk).get(f"/meetings/{published.pk}/").content.decode()
    assert "Mark as held</a>" not in page
    assert "once it has started, at 10:00 on Tuesday 10 March 2099" in page


def test_marking_a_future_meeting_held_is_refused_on_the_page(client_for, clerk, published):
    response = client_for(clerk).post(f"/meetings/{published.pk}/held/", {})
    assert "only once it has started" in response.content.decode()
    published.refresh_from_db()
    assert published.status == Meeting.Status.AGENDA_PUBLISHED


# What each viewer sees


def test_an_unpublished_agenda_is_hidden_from_those_who_cannot_edit_the_body(
    client_for, draft, admin_user, clerk, member, outsider, scrutiny_member
):
    for user in (None, member, outsider, scrutiny_member):
        assert client_for(user).get(f"/meetings/{draft.pk}/").status_code == 404
        listing = client_for(user).get("/meetings/").content.decode()
        assert f"/meetings/{draft.pk}/" not in listing
    for user in (admin_user, clerk):
        assert client_for(user).get(f"/meetings/{draft.pk}/").status_code == 200
        listing = client_for(user).get("/meetings/").content.decode()
        assert f"/meetings/{draft.pk}/" in listing and "Agenda not yet published" in listing


@pytest.fixture
def revised_exempt_item(published, clerk):
    """A published agenda with a Part II item that has been revised."""
    Meeting.objects.filter(pk=published.pk).update(
        status=Meeting.Status.SCHEDULED, agenda_published_at=None
    )
    published.refresh_from_db()
    item = services.item_add(
        meeting=published,
        title="Care home contract award",
        purpose="decision",
        lead_officer="SECRET-LEAD-OFFICER",
        is_exempt=True,
        exempt_paragraph=3,
        actor=clerk,
    )
    services.agenda_publish(meeting=published, actor=clerk, now=at(2099, 2, 1))
    services.item_revise(item=item, actor=clerk, summary="SECRET-REVISION-SUMMARY")
    return item


def test_part_ii_shows_only_title_and_notice_to_those_who_may_not_see_it(
    client_for, revised_exempt_item, admin_user, clerk, member, outsider, officer, scrutiny_member
):
    url = f"/meetings/{revised_exempt_item.meeting_id}/"
    for user in (None, outsider, officer, scrutiny_member):
        html = client_for(user).get(url).content.decode()
        assert "Care home contract award" in html
        assert "Exempt: paragraph 3 of Schedule 12A" in html
        assert "Supplementary / revised report" in html
        assert "SECRET-LEAD-OFFICER" not in html and "SECRET-REVISION-SUMMARY" not in html
    for user in (admin_user, clerk, member):
        html = client_for(user).get(url).content.decode()
        assert "SECRET-LEAD-OFFICER" in html and "SECRET-REVISION-SUMMARY" in html


def test_the_meeting_page_shows_the_agenda(client, published):
    html = client.get(f"/meetings/{published.pk}/").content.decode()
    assert "Tuesday 10 March 2099, 10:00" in html
    assert "County Hall, West Bridgford" in html
    assert "Agenda published" in html and "Sunday 1 February 2099" in html
    for number, title in enumerate(titles(published), start=1):
        assert f"{number}. {title}" in html
    assert "For decision" in html
    assert "Add an item" not in html and "Revise" not in html


def test_the_clerk_sees_the_controls(client_for, clerk, body, published):
    other = schedule(body, clerk, start=at(2099, 9, 1))
    services.item_add(meeting=other, title="Winter plan", actor=clerk)
    html = client_for(clerk).get(f"/meetings/{other.pk}/").content.decode()
    assert "Add an item" in html and "Publish the agenda" in html and "Move up" in html
    html = client_for(clerk).get(f"/meetings/{published.pk}/").content.decode()
    assert "Revise" in html and "Add an item" not in html


def test_the_meeting_page_runs_a_bounded_number_of_queries(
    client_for, clerk, member, body, django_assert_max_num_queries
):
    meeting = schedule(body, clerk)
    for n in range(26):
        services.item_add(
            meeting=meeting, title=f"Item {n}", is_exempt=n % 3 == 0,
            exempt_paragraph=3 if n % 3 == 0 else None, actor=clerk,
        )  # fmt: skip
    services.agenda_publish(meeting=meeting, actor=clerk, now=at(2099, 2, 1))
    for item in meeting.items.all()[:10]:
        services.item_revise(item=item, actor=clerk, summary="Revised")
        services.item_revise(item=item, actor=clerk, summary="Revised again")
    assert meeting.items.count() == 30
    for user in (None, member, clerk):
        client = client_for(user)
        # Session and roles (up to 7 when signed in), the meeting, its items with reports,
        # attachments and revisions, and its proceedings (members, attendance, declarations,
        # minutes, terms of reference): a fixed number, whatever the number of items.
        with django_assert_max_num_queries(20):
            response = client.get(f"/meetings/{meeting.pk}/")
        assert response.status_code == 200


def test_the_list_filters_and_runs_a_bounded_number_of_queries(
    client_for, clerk, body, council, django_assert_max_num_queries
):
    other = Body.objects.create(
        name="Health and Wellbeing Board", short_name="HWB", slug="hwb", kind="board",
        organisation=council,
    )  # fmt: skip
    for n in range(30):
        meeting = schedule(other if n % 2 else body, clerk, start=at(2099, 1, 1) + timedelta(n))
        Meeting.objects.filter(pk=meeting.pk).update(agenda_published_at=at(2098, 1, 1))
    past = schedule(body, clerk, start=at(2021, 2, 8))
    Meeting.objects.filter(pk=past.pk).update(agenda_published_at=at(2021, 1, 1))
    client = client_for(None)
    with django_assert_max_num_queries(5):
        html = client.get("/meetings/").content.decode()
    upcoming, recent = html.split("Recent meetings</h2>")
    assert 'rel="next"' in upcoming and upcoming.count("<li>") >= 25
    assert f"/meetings/{past.pk}/" not in upcoming and f"/meetings/{past.pk}/" in recent
    html = client.get("/meetings/?when=past").content.decode()
    assert f"/meetings/{past.pk}/" in html
    html = client.get("/meetings/?body=hwb&start=2099-01-01&end=2099-01-10").content.decode()
    assert html.count("Health and Wellbeing Board</a>") == 5
    response = client.get("/meetings/?start=not-a-date")
    assert response.status_code == 200 and "Enter a valid date" in response.content.decode()
    assert client.get("/meetings/?page=99").status_code == 200


def test_the_work_programme_page(
    client_for, clerk, body, annual_report_entry, draft, django_assert_max_num_queries
):
    item = services.work_programme_entry_to_agenda(
        entry=annual_report_entry, meeting=draft, actor=clerk
    )
    for n in range(10):
        services.work_programme_entry_add(
            body=body, planned_for=date(2099, 6, 1), title=f"Report {n}", actor=clerk
        )
    url = f"/bodies/{body.slug}/work-programme/"
    anonymous = client_for(None)
    with django_assert_max_num_queries(4):
        html = anonymous.get(url).content.decode()
    assert "Meeting of Tuesday 10 March 2099" in html and "On agenda" in html
    assert "Report 9" in html and "Add to the work programme" not in html
    assert f"/meetings/{draft.pk}/" not in html  # the agenda is still a draft
    html = client_for(clerk).get(url).content.decode()
    assert "Add to the work programme" in html and "Add to the agenda of a meeting" in html
    assert item.get_absolute_url() in html


def test_the_body_page_lists_meetings_and_offers_scheduling_to_its_clerk(
    client_for, clerk, member, body, published, past_published
):
    url = f"/bodies/{body.slug}/"
    html = client_for(member).get(url).content.decode()
    assert "Schedule a meeting" not in html
    assert "Tuesday 10 March 2099" in html and "Monday 8 February 2021" in html
    html = client_for(clerk).get(url).content.decode()
    assert f"/bodies/{body.slug}/meetings/new/" in html


def test_the_meeting_form_names_a_wrong_date_and_time_and_links_to_them(client_for, clerk, body):
    url = f"/bodies/{body.slug}/meetings/new/"
    typed = {"date_day": "31", "date_month": "2", "date_year": "2099", "time": "25:00"}
    html = client_for(clerk).post(url, {**typed, "venue": "Hall"}).content.decode()
    assert 'href="#id_date_0">Date must be a real date</a>' in html
    assert (
        'href="#id_time">Enter the start time as hours and minutes, for example 14:30</a>' in html
    )
    assert 'value="25:00"' in html and not Meeting.objects.exists()


def test_the_edit_form_opens_at_the_meeting_date_and_time(client_for, clerk, draft):
    html = client_for(clerk).get(f"/meetings/{draft.pk}/edit/").content.decode()
    for name, value in (("date_day", "10"), ("date_month", "3"), ("date_year", "2099")):
        assert f'name="{name}" type="text" inputmode="numeric" value="{value}"' in html
    assert 'value="10:00"' in html and "datetime-local" not in html

    client_for(clerk).post(
        f"/meetings/{draft.pk}/edit/",
        {"date_day": "11", "date_month": "3", "date_year": "2099", "time": "14.30",
         "venue": "County Hall", "version": "1"},
    )  # fmt: skip
    draft.refresh_from_db()
    assert timezone.localtime(draft.start) == at(2099, 3, 11, 14, 30)


def test_scheduling_from_the_page_is_recorded_with_its_author(client_for, clerk, body):
    response = client_for(clerk).post(
        f"/bodies/{body.slug}/meetings/new/", {"date": "2099-04-01", "time": "10:00", "venue": ""}
    )
    assert "Give a venue, an online link, or both." in response.content.decode()
    assert not Meeting.objects.exists()
    typed = {"date_day": "1", "date_month": "4", "date_year": "2099", "time": "2pm"}
    client_for(clerk).post(f"/bodies/{body.slug}/meetings/new/", {**typed, "venue": "Hall"})
    meeting = Meeting.objects.get()
    assert timezone.localtime(meeting.start).hour == 14
    assert meeting.history.latest().history_user == clerk
    page = client_for(clerk).get(f"/history/meetings/meeting/{meeting.pk}/").content.decode()
    assert "Jo Toomey" in page


def test_editable_bodies_q(admin_user, clerk, member, body, draft):
    def visible(user):
        return set(Meeting.objects.filter(editable_bodies_q(user)))

    assert visible(admin_user) == visible(clerk) == {draft}
    assert visible(member) == set()
    assert visible(None) == set()
