"""Two clerks editing the same record: the second to save, working from a page opened before
the first saved, is told to reload; nothing the first saved is lost, and the second keeps what
they typed on the page.

The concurrency tests run each save in its own thread, with its own database connection and
transaction. On PostgreSQL (DATABASE_URL=postgres://...) the service's row locks make the
second wait, then see the first's new version. SQLite has no row locks: its in-memory test
database refuses a second writer at once ("database table is locked"), so on SQLite only a
refused writer tries its whole transaction again, as in
tests/decisions/test_ratifications_concurrency.py; both must give the same answer.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import RoleAssignment
from meetings.models import AgendaItem, Attendance, Meeting, Minute, Report
from meetings.services import agenda as agenda_services
from meetings.services import proceedings as proceedings_services
from meetings.services import reports as report_services
from meetings.services.proceedings import AttendanceEntry
from tests.factories import make_user
from tests.stale_helpers import assert_refused, at_once, hidden, one_saved_one_refused

REPORT = {
    "title": "Winter plan",
    "purpose": "To set out the winter plan.",
    "recommendations": "Note the plan.",
    "information": "Forty extra beds stay open.",
    "author": "Jane Author",
}


@pytest.fixture
def stale_other_clerk(body):
    user = make_user("clerk2", first_name="Kim", last_name="Second")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=body)
    return user


@pytest.fixture(autouse=True)
def stale_no_pack_rendering(monkeypatch):
    """Saving papers or minutes queues the stored PDFs to be made again: not needed here."""
    monkeypatch.setattr(agenda_services, "enqueue_pack_render", lambda meeting_id: None)


def _draft(body, clerk) -> Meeting:
    start = timezone.now() + timedelta(days=60)
    meeting = agenda_services.meeting_schedule(
        body=body, start=start, venue="County Hall", actor=clerk
    )
    agenda_services.item_add(meeting=meeting, title="Winter plan", actor=clerk)
    return meeting


@pytest.fixture
def stale_draft(body, clerk) -> Meeting:
    """A draft agenda: the four standard items and 'Winter plan'."""
    return _draft(body, clerk)


@pytest.fixture
def stale_published(stale_draft, clerk) -> Meeting:
    return agenda_services.agenda_publish(meeting=stale_draft, actor=clerk)


@pytest.fixture
def stale_started(stale_published) -> Meeting:
    """A published meeting that has started: its attendance can be recorded."""
    Meeting.objects.filter(pk=stale_published.pk).update(start=timezone.now() - timedelta(hours=1))
    stale_published.refresh_from_db()
    return stale_published


@pytest.fixture
def stale_held(stale_draft) -> Meeting:
    """A meeting that has been held, its minutes not yet drafted."""
    Meeting.objects.filter(pk=stale_draft.pk).update(
        start=timezone.now() - timedelta(days=1),
        agenda_published_at=timezone.now() - timedelta(days=10),
        status=Meeting.Status.HELD,
    )
    stale_draft.refresh_from_db()
    return stale_draft


def winter_plan(meeting: Meeting) -> AgendaItem:
    return meeting.items.get(title="Winter plan")


# Stale forms, through the pages


def test_a_stale_item_edit_is_refused_and_keeps_the_other_change(
    client_for, clerk, stale_other_clerk, stale_draft
):
    item = winter_plan(stale_draft)
    url = reverse("meetings:item_edit", args=[stale_draft.pk, item.pk])
    page = client_for(clerk).get(url)
    opened = hidden(page, "version")
    agenda_services.item_update(
        item=item, actor=stale_other_clerk, expected_version=item.version, title="Winter plan 2099"
    )

    response = client_for(clerk).post(
        url, {"version": opened, "title": "Winter pressures", "purpose": "decision"}
    )

    assert_refused(response, "Winter pressures")
    assert "Someone else changed this agenda item" in response.text
    item.refresh_from_db()
    assert (item.title, item.version) == ("Winter plan 2099", 2)
    assert item.history.first().history_user == stale_other_clerk


def test_a_fresh_item_edit_saves_and_moves_the_version_on(client_for, clerk, stale_draft):
    item = winter_plan(stale_draft)
    url = reverse("meetings:item_edit", args=[stale_draft.pk, item.pk])
    client = client_for(clerk)
    opened = hidden(client.get(url), "version")
    response = client.post(url, {"version": opened, "title": "Winter pressures"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.version) == ("Winter pressures", 2)
    # The same page sent again is now stale itself: it cannot undo a later edit.
    again = client.post(url, {"version": opened, "title": "Winter plan"})
    assert_refused(again, "Winter plan")


def test_a_stale_meeting_edit_is_refused_and_keeps_the_other_change(
    client_for, clerk, stale_other_clerk, stale_draft
):
    url = reverse("meetings:edit", args=[stale_draft.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    agenda_services.meeting_update(
        meeting=stale_draft,
        actor=stale_other_clerk,
        expected_version=stale_draft.version,
        start=stale_draft.start,
        venue="Trent Bridge House",
    )

    response = client_for(clerk).post(
        url,
        {"version": opened, "date_day": "11", "date_month": "3", "date_year": "2099",
         "time": "14:00", "venue": "Rufford Room"},
    )  # fmt: skip

    assert_refused(response, "Rufford Room")
    assert "Someone else changed this meeting" in response.text
    stale_draft.refresh_from_db()
    assert (stale_draft.venue, stale_draft.version) == ("Trent Bridge House", 2)


def test_a_stale_item_revision_is_refused(client_for, clerk, stale_other_clerk, stale_published):
    item = winter_plan(stale_published)
    url = reverse("meetings:item_revise", args=[stale_published.pk, item.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    agenda_services.item_revise(
        item=item,
        actor=stale_other_clerk,
        summary="Lead officer named",
        expected_version=item.version,
        title=item.title,
        lead_officer="Melanie Brooks",
    )

    response = client_for(clerk).post(
        url, {"version": opened, "summary": "Retitled", "title": "Winter pressures"}
    )

    assert_refused(response, "Winter pressures")
    item.refresh_from_db()
    assert (item.title, item.lead_officer) == ("Winter plan", "Melanie Brooks")
    assert item.revisions.get().summary == "Lead officer named"


def test_a_stale_report_edit_is_refused_and_keeps_the_other_change(
    client_for, clerk, stale_other_clerk, stale_draft
):
    item = winter_plan(stale_draft)
    report = report_services.report_create(item=item, actor=clerk, **REPORT)
    url = reverse("meetings:report_edit", args=[stale_draft.pk, item.position])
    opened = hidden(client_for(clerk).get(url), "version")
    report_services.report_update(
        report=report,
        actor=stale_other_clerk,
        expected_version=report.version,
        information="Fifty extra beds stay open.",
    )

    response = client_for(clerk).post(
        url, {**REPORT, "version": opened, "information": "Thirty beds, after all."}
    )

    assert_refused(response, "Thirty beds, after all.")
    assert "Someone else changed this report" in response.text
    report.refresh_from_db()
    assert (report.information, report.version) == ("Fifty extra beds stay open.", 2)


def test_a_report_written_by_someone_else_meanwhile_is_not_overwritten(
    client_for, clerk, stale_other_clerk, stale_draft
):
    item = winter_plan(stale_draft)
    url = reverse("meetings:report_edit", args=[stale_draft.pk, item.position])
    client_for(clerk).get(url)  # opened while the item had no report
    report_services.report_create(item=item, actor=stale_other_clerk, **REPORT)

    response = client_for(clerk).post(url, {**REPORT, "information": "My own draft."})

    assert response.status_code == 200
    assert "someone else wrote it since you opened the page" in response.text
    assert "My own draft." in response.text
    assert Report.objects.get(item=item).information == REPORT["information"]


def _minutes_post(page, meeting: Meeting, **texts: str) -> dict:
    """The minutes page as opened, with the texts given by item position."""
    data = {}
    for item in meeting.items.all():
        data[f"version_{item.pk}"] = hidden(page, f"version_{item.pk}")
        data[f"item_{item.pk}"] = texts.get(f"item{item.position}", "")
    return data


def test_a_stale_minutes_page_does_not_put_back_the_other_clerks_text(
    client_for, clerk, stale_other_clerk, stale_held
):
    item = winter_plan(stale_held)
    url = reverse("meetings:minutes_edit", args=[stale_held.pk])
    proceedings_services.minute_draft(item=item, text="The plan was noted.", actor=clerk)
    page = client_for(clerk).get(url)
    # Someone else corrects that minute; this clerk, on the older page, writes another item's.
    proceedings_services.minute_draft(
        item=item, text="The plan was approved.", actor=stale_other_clerk, expected_version=1
    )
    position = item.position
    data = _minutes_post(
        page, stale_held, **{f"item{position}": "The plan was noted.", "item2": "No apologies."}
    )

    response = client_for(clerk).post(url, data)

    assert_refused(response, "No apologies.")
    assert f"Someone else changed the minute of item {position}" in response.text
    assert Minute.objects.get(item=item).text == "The plan was approved."
    # All or nothing: the other item's minute waits for the clerk to reload.
    assert not Minute.objects.filter(item__position=2, item__meeting=stale_held).exists()


def test_a_minute_someone_else_wrote_first_is_not_overwritten(
    client_for, clerk, stale_other_clerk, stale_held
):
    item = winter_plan(stale_held)
    url = reverse("meetings:minutes_edit", args=[stale_held.pk])
    page = client_for(clerk).get(url)  # opened before any minute was written
    proceedings_services.minute_draft(item=item, text="Approved.", actor=stale_other_clerk)

    response = client_for(clerk).post(
        url, _minutes_post(page, stale_held, **{f"item{item.position}": "Noted."})
    )

    assert_refused(response, "Noted.")
    assert Minute.objects.get(item=item).text == "Approved."


def test_minutes_of_different_items_from_fresh_pages_are_both_kept(
    client_for, clerk, stale_other_clerk, stale_held
):
    item = winter_plan(stale_held)
    url = reverse("meetings:minutes_edit", args=[stale_held.pk])
    page = client_for(stale_other_clerk).get(url)
    response = client_for(stale_other_clerk).post(
        url, _minutes_post(page, stale_held, item2="None.")
    )
    assert response.status_code == 302
    page = client_for(clerk).get(url)
    data = _minutes_post(page, stale_held, item2="None.", **{f"item{item.position}": "Noted."})
    assert client_for(clerk).post(url, data).status_code == 302
    texts = dict(Minute.objects.values_list("item__position", "text"))
    assert texts == {2: "None.", item.position: "Noted."}


def test_a_stale_attendance_page_is_refused_and_keeps_the_other_record(
    client_for, clerk, stale_other_clerk, stale_started, member
):
    meeting = stale_started
    weisz = member.person
    url = reverse("meetings:attendance", args=[meeting.pk])
    page = client_for(clerk).get(url)
    proceedings_services.attendance_record(
        meeting=meeting,
        entries=[AttendanceEntry(weisz, Attendance.Status.APOLOGIES)],
        actor=stale_other_clerk,
        expected_versions={},
    )

    response = client_for(clerk).post(
        url, {"versions": hidden(page, "versions"), f"status_{weisz.pk}": "absent"}
    )

    assert_refused(response, 'value="absent"')
    assert "Someone else changed the attendance of this meeting" in response.text
    assert Attendance.objects.get(meeting=meeting, person=weisz).status == "apologies"
    # Reopened, the page carries the new versions and the correction is saved.
    page = client_for(clerk).get(url)
    assert hidden(page, "versions") == f"{weisz.pk}:1"
    fresh = client_for(clerk).post(
        url, {"versions": hidden(page, "versions"), f"status_{weisz.pk}": "absent"}
    )
    assert fresh.status_code == 302
    row = Attendance.objects.get(meeting=meeting, person=weisz)
    assert (row.status, row.version) == ("absent", 2)


def test_a_page_sent_without_its_version_is_refused(client_for, clerk, stale_draft):
    item = winter_plan(stale_draft)
    url = reverse("meetings:item_edit", args=[stale_draft.pk, item.pk])
    response = client_for(clerk).post(url, {"title": "Winter pressures"})
    assert response.status_code == 200
    assert "reload the page" in response.text
    item.refresh_from_db()
    assert item.title == "Winter plan"


# Two clerks saving at the same moment


@pytest.mark.django_db(transaction=True)
def test_two_clerks_saving_an_item_at_once_lose_neither_silently(body, clerk, stale_other_clerk):
    item = winter_plan(_draft(body, clerk))

    def save(actor, title):
        return lambda: agenda_services.item_update(
            item=item, actor=actor, expected_version=1, title=title
        )

    results, errors = at_once(
        save(clerk, "Winter pressures"), save(stale_other_clerk, "Winter 2099")
    )

    one_saved_one_refused(results, errors)
    item.refresh_from_db()
    assert (item.title, item.version) == (results[0].title, 2)


@pytest.mark.django_db(transaction=True)
def test_two_clerks_saving_a_report_at_once_lose_neither_silently(body, clerk, stale_other_clerk):
    item = winter_plan(_draft(body, clerk))
    report = report_services.report_create(item=item, actor=clerk, **REPORT)

    def save(actor, text):
        return lambda: report_services.report_update(
            report=report, actor=actor, expected_version=1, information=text
        )

    results, errors = at_once(save(clerk, "Thirty beds."), save(stale_other_clerk, "Fifty beds."))

    one_saved_one_refused(results, errors)
    report.refresh_from_db()
    assert (report.information, report.version) == (results[0].information, 2)


@pytest.mark.django_db(transaction=True)
def test_two_clerks_saving_a_minute_at_once_lose_neither_silently(body, clerk, stale_other_clerk):
    meeting = _draft(body, clerk)
    Meeting.objects.filter(pk=meeting.pk).update(
        start=timezone.now() - timedelta(days=1),
        agenda_published_at=timezone.now() - timedelta(days=10),
        status=Meeting.Status.HELD,
    )
    item = winter_plan(meeting)
    proceedings_services.minute_draft(item=item, text="Noted.", actor=clerk)

    def save(actor, text):
        return lambda: proceedings_services.minutes_draft_all(
            meeting=meeting, texts={item.pk: text}, versions={item.pk: 1}, actor=actor
        )

    results, errors = at_once(save(clerk, "Approved."), save(stale_other_clerk, "Deferred."))

    one_saved_one_refused(results, errors)
    minute = Minute.objects.get(item=item)
    assert (minute.text, minute.version) == (results[0][0].text, 2)


@pytest.mark.django_db(transaction=True)
def test_two_clerks_recording_attendance_at_once_lose_neither_silently(
    body, clerk, stale_other_clerk, member
):
    meeting = agenda_services.agenda_publish(meeting=_draft(body, clerk), actor=clerk)
    weisz = member.person

    def save(actor, status):
        return lambda: proceedings_services.attendance_record(
            meeting=meeting,
            entries=[AttendanceEntry(weisz, status)],
            actor=actor,
            expected_versions={},
            now=meeting.start + timedelta(hours=1),
        )

    results, errors = at_once(save(clerk, "present"), save(stale_other_clerk, "apologies"))

    one_saved_one_refused(results, errors)
    row = Attendance.objects.get(meeting=meeting, person=weisz)
    assert row.status == results[0][0].status
