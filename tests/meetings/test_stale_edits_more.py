"""Two clerks at once, continued: work programme entries refuse a stale form like agenda items
do (tests/meetings/test_stale_edits.py); a declaration is only ever added, so the second clerk
to record the same person's declaration on the same item is refused instead of doubling it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Attendance, Declaration, Meeting, WorkProgrammeEntry
from meetings.services import agenda as agenda_services
from meetings.services import proceedings as proceedings_services
from meetings.services.proceedings import AttendanceEntry
from tests.stale_helpers import assert_refused, at_once, hidden, one_saved_one_refused

DUPLICATE = "already declared an interest on item 4"


def _entry(body, clerk) -> WorkProgrammeEntry:
    return agenda_services.work_programme_entry_add(
        body=body, planned_for=date(2099, 6, 1), title="Annual report", actor=clerk
    )


def _entry_post(version: str, **changes) -> dict:
    return {
        "planned_for": "2099-06-01",
        "title": "Annual report",
        "status": "planned",
        "version": version,
        **changes,
    }


def _meeting_with_weisz_present(body, clerk, member, monkeypatch) -> Meeting:
    """A published agenda (item 4: 'Winter plan') at which Councillor Weisz is present."""
    monkeypatch.setattr(agenda_services, "enqueue_pack_render", lambda meeting_id: None)
    meeting = agenda_services.meeting_schedule(
        body=body, start=timezone.now() + timedelta(days=60), venue="County Hall", actor=clerk
    )
    agenda_services.item_add(meeting=meeting, title="Winter plan", actor=clerk)
    meeting = agenda_services.agenda_publish(meeting=meeting, actor=clerk)
    proceedings_services.attendance_record(
        meeting=meeting,
        entries=[AttendanceEntry(member.person, Attendance.Status.PRESENT)],
        actor=clerk,
        now=meeting.start + timedelta(hours=1),
    )
    return meeting


def _declare(meeting: Meeting, person, actor, description: str) -> Declaration:
    return proceedings_services.declaration_record(
        item=meeting.items.get(title="Winter plan"),
        person=person,
        kind="other_registrable",
        description=description,
        action=Declaration.Action.LEFT_ROOM,
        actor=actor,
    )


# Work programme entries


@pytest.mark.django_db
def test_a_stale_work_programme_edit_is_refused_and_keeps_the_other_change(
    client_for, clerk, admin_user, body
):
    entry = _entry(body, clerk)
    url = reverse("meetings:entry_edit", args=[body.slug, entry.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    agenda_services.work_programme_entry_update(
        entry=entry, actor=admin_user, expected_version=1, status="deferred"
    )

    response = client_for(clerk).post(url, _entry_post(opened, title="Annual report 2099"))

    assert_refused(response, "Annual report 2099")
    assert "Someone else changed this work programme entry" in response.text
    entry.refresh_from_db()
    assert (entry.title, entry.status, entry.version) == ("Annual report", "deferred", 2)


@pytest.mark.django_db
def test_a_work_programme_page_opened_before_the_entry_went_on_an_agenda_is_refused(
    client_for, clerk, body
):
    entry = _entry(body, clerk)
    url = reverse("meetings:entry_edit", args=[body.slug, entry.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    meeting = agenda_services.meeting_schedule(
        body=body, start=timezone.now() + timedelta(days=60), venue="County Hall", actor=clerk
    )
    agenda_services.work_programme_entry_to_agenda(entry=entry, meeting=meeting, actor=clerk)

    response = client_for(clerk).post(url, _entry_post(opened, summary="Deferred to June."))

    assert_refused(response, "Deferred to June.")
    entry.refresh_from_db()
    assert (entry.status, entry.summary) == ("on_agenda", "")


@pytest.mark.django_db
def test_a_fresh_work_programme_edit_saves(client_for, clerk, body):
    entry = _entry(body, clerk)
    url = reverse("meetings:entry_edit", args=[body.slug, entry.pk])
    opened = hidden(client_for(clerk).get(url), "version")
    response = client_for(clerk).post(url, _entry_post(opened, title="Annual report 2099"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.version) == ("Annual report 2099", 2)


# Declarations


@pytest.mark.django_db
def test_a_second_declaration_for_the_same_person_and_item_is_refused(
    client_for, clerk, admin_user, body, member, monkeypatch
):
    meeting = _meeting_with_weisz_present(body, clerk, member, monkeypatch)
    weisz = member.person
    url = reverse("meetings:declaration_new", args=[meeting.pk, 4])
    client_for(clerk).get(url)
    _declare(meeting, weisz, admin_user, "Her husband works for the home-care provider.")

    response = client_for(clerk).post(
        url,
        {
            "person": weisz.pk,
            "kind": "other_registrable",
            "description": "Husband employed by the provider.",
            "action": "left_room",
        },
    )

    assert_refused(response, "Husband employed by the provider.", f"{weisz.name} has {DUPLICATE}")
    declaration = Declaration.objects.get()
    assert declaration.description == "Her husband works for the home-care provider."
    assert declaration.history.get().history_user == admin_user


# Two clerks saving at the same moment


@pytest.mark.django_db(transaction=True)
def test_two_clerks_saving_a_work_programme_entry_at_once_lose_neither_silently(
    clerk, admin_user, body
):
    entry = _entry(body, clerk)

    def save(actor, title):
        return lambda: agenda_services.work_programme_entry_update(
            entry=entry, actor=actor, expected_version=1, title=title
        )

    results, errors = at_once(save(clerk, "Annual report 2099"), save(admin_user, "Year review"))

    one_saved_one_refused(results, errors)
    entry.refresh_from_db()
    assert (entry.title, entry.version) == (results[0].title, 2)


@pytest.mark.django_db(transaction=True)
def test_two_clerks_recording_the_same_declaration_at_once_record_it_once(
    clerk, admin_user, body, member, monkeypatch
):
    meeting = _meeting_with_weisz_present(body, clerk, member, monkeypatch)

    def declare(actor, description):
        return lambda: _declare(meeting, member.person, actor, description)

    results, errors = at_once(
        declare(clerk, "Husband employed by the provider."),
        declare(admin_user, "Her husband works for the provider."),
    )

    one_saved_one_refused(results, errors, DUPLICATE)
    assert Declaration.objects.get().description == results[0].description
