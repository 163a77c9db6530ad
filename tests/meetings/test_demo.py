"""load_demo builds seed 002's meeting cycle, and a second run changes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from govuk_bank_holidays.bank_holidays import BankHolidays

from governance.models import Membership, Person
from meetings.demo import PART_II_MARKER
from meetings.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Minute,
    Report,
    WorkProgrammeEntry,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
BODY = "adult-social-care-and-public-health-committee"
MEETING_MODELS = [Meeting, AgendaItem, Report, Attendance, Minute, WorkProgrammeEntry]


def _meeting(day: date) -> Meeting:
    return Meeting.objects.get(body__slug=BODY, start__date=day)


def _counts() -> list[int]:
    """Rows, and history rows of the meeting models: a refresh that changes nothing writes
    no history. (The governance demo's people and seats are counted by rows only.)"""
    return [model.objects.count() for model in [*MEETING_MODELS, Person, Membership]] + [
        model.history.count() for model in MEETING_MODELS
    ]


def _clear_working_days(published: date, meeting: date) -> int:
    holidays = BankHolidays(use_cached_holidays=True)
    days = (published + timedelta(n) for n in range(1, (meeting - published).days))
    return sum(holidays.is_work_day(d, division=BankHolidays.ENGLAND_AND_WALES) for d in days)


def test_a_second_run_creates_and_changes_nothing(demo):
    first = _counts()
    call_command("load_demo")
    assert _counts() == first
    for model in MEETING_MODELS:
        assert not model.history.filter(history_user__isnull=False).exists()


def test_every_demo_record_is_valid(demo):
    for model in MEETING_MODELS:
        for obj in model.objects.all():
            obj.full_clean()


def test_the_two_meetings_are_at_half_past_ten_london_time(demo):
    january, february = _meeting(date(2021, 1, 11)), _meeting(date(2021, 2, 8))
    assert january.start == datetime(2021, 1, 11, 10, 30, tzinfo=LONDON)
    assert february.start == datetime(2021, 2, 8, 10, 30, tzinfo=LONDON)
    assert february.venue == "Virtual meeting"
    assert february.online_url == "https://www.youtube.com/user/nottsccl"
    assert january.venue == "Virtual meeting"


def test_both_agendas_were_published_five_clear_working_days_before(demo):
    # The upcoming draft made from today's date has no publication yet.
    for meeting in Meeting.objects.filter(body__slug=BODY, agenda_published_at__isnull=False):
        published = meeting.agenda_published_at.astimezone(LONDON).date()
        assert _clear_working_days(published, meeting.date) >= 5
        assert meeting.late_publication_reason == ""
    february = _meeting(date(2021, 2, 8))
    assert february.agenda_published_at.astimezone(LONDON).date() == date(2021, 1, 29)
    # Across a weekend and a bank holiday: Friday 1 January 2021 does not count.
    assert _clear_working_days(date(2020, 12, 31), date(2021, 1, 11)) == 5


def test_february_agenda_has_the_seed_items_and_page_ranges(demo):
    february = _meeting(date(2021, 2, 8))
    assert february.status == Meeting.Status.HELD
    items = list(february.items.order_by("position"))
    assert [item.position for item in items] == list(range(1, 11))
    rows = [
        (item.kind, item.title, item.pack_first_page, item.pack_last_page) for item in items[:9]
    ]
    K = AgendaItem.Kind
    assert rows == [
        (
            K.MINUTES,
            "Minutes of the last meeting of the Adult Social Care and Public Health Committee "
            "held on 11 January 2021",
            1,
            6,
        ),
        (K.APOLOGIES, "Apologies for Absence", None, None),
        (
            K.DECLARATIONS,
            "Declarations of Interests by Members and Officers:- (a) Disclosable Pecuniary "
            "Interests (b) Private Interests (pecuniary and non-pecuniary)",
            None,
            None,
        ),
        (
            K.BUSINESS,
            "Adult Social Care and Public Health Department's Digital Strategy for 2021-2024",
            7,
            18,
        ),
        (K.BUSINESS, "Developing Local Area Coordination Support in Nottinghamshire", 19, 28),
        (
            K.BUSINESS,
            "Development of Integrated Care Systems in Nottinghamshire and National "
            "Consultation Response",
            29,
            84,
        ),
        (
            K.BUSINESS,
            "Public Health performance and quality report for contracts funded with "
            "ring-fenced public health grant, 1 July 2020 to 30 September 2020",
            85,
            94,
        ),
        (K.BUSINESS, "Better Care Fund Dementia Project - Project Support Post", 95, 98),
        (K.WORK_PROGRAMME, "Work Programme", 99, 102),
    ]
    assert items[0].minutes_of == _meeting(date(2021, 1, 11))
    assert all(not item.is_exempt for item in items[:9])
    assert not Minute.objects.filter(item__meeting=february).exists()


def test_february_reports_follow_the_seed(demo):
    february = _meeting(date(2021, 2, 8))
    reports = {r.item.position: r for r in Report.objects.filter(item__meeting=february)}
    assert set(reports) >= {4, 5, 6, 7, 8}
    assert [len(reports[n].recommendation_list) for n in (4, 5, 6, 7, 8)] == [3, 3, 3, 1, 1]
    assert reports[4].author.startswith("Jennifer Allen")
    assert reports[5].author.startswith("Linzi Adams")
    assert reports[6].author.startswith("Jennie Kennington")
    assert reports[7].author.startswith("Nathalie Birkett")
    assert reports[8].author.startswith("Jane O'Brien")
    assert "£350,820" in reports[5].implications_financial
    assert (
        reports[6]
        .recommendation_list[1]
        .startswith("Agrees that no financial contribution to the Nottingham and Nottinghamshire")
    )
    assert reports[8].other_options.startswith("10. The option to not recruit")
    for report in reports.values():
        assert report.purpose and report.information and report.author


def test_january_attendance_follows_the_minutes(demo):
    january = _meeting(date(2021, 1, 11))
    S = Attendance.Status
    rows = january.attendance.select_related("person", "substitute")
    by_status = {status: [a for a in rows if a.status == status] for status in S.values}
    assert len(by_status[S.PRESENT]) == 9
    assert sorted(
        (a.person.slug, a.substitute.slug, a.note) for a in by_status[S.SUBSTITUTED]
    ) == [
        ("andy-sissons", "stephen-garner", "other reasons"),
        ("john-doddy", "richard-butler", "other reasons"),
    ]
    assert len(by_status[S.OFFICER]) == 12
    assert not by_status[S.APOLOGIES] and not by_status[S.ABSENT]
    # Every officer in attendance holds an officer seat on the committee that day.
    for attendance in by_status[S.OFFICER]:
        seat = Membership.objects.get(body__slug=BODY, person=attendance.person)
        assert seat.role == Membership.Role.OFFICER and seat.is_current_on(january.date)
    assert Person.objects.get(slug="cate-bennett").job_title == "Principal Occupational Therapist"


def test_january_minutes_were_approved_at_february_item_one(demo):
    january, february = _meeting(date(2021, 1, 11)), _meeting(date(2021, 2, 8))
    assert january.status == Meeting.Status.MINUTES_APPROVED
    assert january.minutes_approved_at == february.items.get(position=1)
    items = list(january.items.order_by("position"))
    assert len(items) == 10
    assert [i.kind for i in items[:3]] == ["minutes", "apologies", "declarations"]
    assert items[-1].kind == "work_programme"
    assert items[3].title == "'Your Health, Your Way' – Integrated Wellbeing Service update"
    minutes = {m.item.position: m.text for m in Minute.objects.filter(item__meeting=january)}
    assert len(minutes) == 10
    assert minutes[3] == "No interests were disclosed."
    for position, number in zip(range(4, 11), range(1, 8), strict=True):
        assert f"RESOLVED 2021/00{number}" in minutes[position]
    assert "allocated £6,625,792" in minutes[5]
    assert "The meeting closed at 1.05 pm." in minutes[10]


def test_work_programme_entries_follow_the_seed(demo):
    entries = WorkProgrammeEntry.objects.filter(body__slug=BODY)
    assert {e.status for e in entries} == {WorkProgrammeEntry.Status.PLANNED}
    march = [e.title for e in entries.filter(planned_for=date(2021, 3, 29))]
    june = [e.title for e in entries.filter(planned_for=date(2021, 6, 14))]
    assert march == [
        "Market management position statement",
        "Performance and financial position update",
        "Strengths-based programme",
        "Older Adults Care Homes contracts and assessment beds",
        "Carers Strategy",
        "Hospital Discharge & Rapid Response Services",
        "Suicide Prevention funding (wave 4)",
    ]
    assert june == [
        "Public Health Services Performance and Quality Report for Funded Contracts (Quarter 3)",
        "Performance and financial position update",
        "Review of workforce restructure in Adult Social Care",
        "Day Opportunities Strategy",
        "Developing Short Breaks services and support for carers in Nottinghamshire",
        "Market management position statement",
    ]
    suicide = entries.get(title="Suicide Prevention funding (wave 4)")
    assert (suicide.lead_officer, suicide.report_author) == ("Jonathan Gribbin", "Lucy Jones")
    day = entries.get(title="Day Opportunities Strategy")
    assert day.summary == "To present the proposed Strategy for approval to consult."


def test_the_fictional_part_ii_item_is_exempt_under_paragraph_three(demo):
    item = _meeting(date(2021, 2, 8)).items.get(position=10)
    assert item.is_exempt and item.exempt_paragraph == 3
    assert "fictional" in item.title
    assert item.exempt_notice == "Exempt: paragraph 3 of Schedule 12A"
    assert PART_II_MARKER not in item.title
    assert PART_II_MARKER in item.report.information
    # The marker is nowhere but in this exempt item's report.
    others = Report.objects.exclude(item=item)
    assert not others.filter(information__contains=PART_II_MARKER).exists()
    assert not Minute.objects.filter(text__contains=PART_II_MARKER).exists()


def test_demo_january_meeting_page_shows_attendance_quorum_and_minutes(client):
    from django.core.management import call_command

    from meetings.models import Meeting

    call_command("load_demo", stdout=open("/dev/null", "w"))
    january = Meeting.objects.get(start__date="2021-01-11")
    html = client.get(january.get_absolute_url()).content.decode()
    assert "Quorate" in html
    assert "Richard Butler" in html and "Stephen Garner" in html
    assert "RESOLVED 2021/001" in html or "2021/001" in html


def test_demo_renders_the_published_meetings_packs(settings, tmp_path, client):
    from django.core.management import call_command

    from meetings.models import AgendaPack, Meeting

    settings.MEDIA_ROOT = tmp_path
    settings.DEMO_RENDER_PACKS = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    february = Meeting.objects.get(start__date="2021-02-08")
    assert AgendaPack.objects.filter(meeting=february, document="agenda").count() == 2
    response = client.get(f"/meetings/{february.pk}/agenda.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert AgendaPack.objects.filter(meeting=february, document="agenda").count() == 2
