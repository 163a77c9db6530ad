"""Issue 11's "Done when": a clerk's whole year for one body, walked in a real browser with no
address typed after signing in. Every step is reached by a link or a button from the home page,
"Your work" or the meeting page; every page visited has zero axe violations, and the key pages
are also read at 390 px wide, where nothing may scroll sideways.

The year: the clerk schedules a meeting of a partnership board and builds its agenda with a
Part II item; an officer finds "Write the report" in "Your work", writes it and adds an
appendix; the clerk publishes the agenda and a supplementary agenda with a late item; the
meeting is held: attendance, a declaration with a dispensation, two resolutions (one put right
onto another item, one withdrawn in error), minutes that carry the resolutions; one resolution is
routed to three organisations, whose governance leads record their outcomes; the next meeting
approves the minutes; a scrutiny councillor reads the decision trail and its PDF.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from pypdf import PdfReader

from decisions.models import Resolution
from meetings.exclusion import TITLE as EXCLUSION
from meetings.models import Meeting
from tests.browser_forms import fill_date, fill_meeting_start
from tests.factories import LONDON, approve_terms, seat

WIDE = {"width": 1280, "height": 720}
NARROW = {"width": 390, "height": 844}
LATE_REASON = "The pharmacy contract ends before the board next meets."
DISPENSATION = "DISP/2026/07"
APPENDIX = "Appendix 1: Better Care Fund metrics"
RAW_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")


class ServerClock:
    """The clock the application reads, moved forward as the year passes.

    The live server runs in a thread of this process, so replacing `django.utils.timezone.now`
    moves the clock of every request: the app's `timezone.now()` and `localdate()`, the auto_now
    fields and the history rows all read it. The walk starts at the real time and only moves
    forward, so the records keep the order in which they happened.
    """

    def __init__(self, monkeypatch):
        self.real_now = timezone.now
        self.offset = timedelta(0)
        monkeypatch.setattr(timezone, "now", lambda: self.real_now() + self.offset)

    def move_to(self, when: datetime) -> None:
        self.offset = when - self.real_now()


def _meeting_day(weeks: int) -> date:
    """A Tuesday at least `weeks` weeks from today, so that five clear working days fit."""
    day = timezone.localdate() + timedelta(weeks=weeks)
    return day + timedelta(days=(1 - day.weekday()) % 7)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


# Looking at a page ------------------------------------------------------------------------


def _look(page, check, *, narrow: bool = False) -> str:
    """Check the page as a user meets it: axe at full width and, for the key pages, again at
    390 px, where it must not scroll sideways. Returns the main text."""
    page.wait_for_load_state()
    check(page)
    if narrow:
        page.set_viewport_size(NARROW)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= NARROW["width"], f"{page.url} is {width} px wide at 390 px"
        check(page)
        page.set_viewport_size(WIDE)
    return page.locator("main").inner_text()


def _click(page, check, name: str, *, role: str = "link", narrow: bool = False, within=None):
    """Follow a link (or press a button) and look at the page it leads to."""
    scope = within if within is not None else page
    with page.expect_navigation():
        scope.get_by_role(role, name=name).first.click()
    return _look(page, check, narrow=narrow)


def _sign_in(page, sign_in, check, user) -> str:
    """Sign in as the user (a planted session) and open the home page: the only address typed."""
    page.context.clear_cookies()
    sign_in(user)
    page.goto("/")
    return _look(page, check, narrow=True)


# The year's steps -------------------------------------------------------------------------


def _schedule(page, check, board, start: datetime) -> Meeting:
    """From the clerk's home page: the body, "Schedule a meeting", the form."""
    _click(page, check, str(board))
    _click(page, check, "Schedule a meeting")
    fill_meeting_start(page, start)
    page.get_by_label("Venue (optional)").fill("Monkton Park, Chippenham")
    text = _click(page, check, "Schedule meeting", role="button", narrow=True)
    assert "Meeting scheduled" in text
    return Meeting.objects.get(body=board, start=start)


def _add_item(page, check, title: str, *, part_two: bool = False, button="Add an item") -> str:
    _click(page, check, button)
    page.get_by_label("Title").fill(title)
    page.get_by_label("For decision").check()
    if part_two:
        page.get_by_label("Part II (exempt from publication)").check()
        page.get_by_label("Schedule 12A paragraph").select_option("3")
    return _click(page, check, "Save", role="button")


def _build_agenda(page, check) -> None:
    text = _add_item(page, check, "Better Care Fund plan 2026 to 2027")
    assert "Better Care Fund plan 2026 to 2027" in text
    text = _add_item(page, check, "Community equipment contract award", part_two=True)
    assert "Exempt: paragraph 3 of Schedule 12A" in text
    heading = re.search(r"\d+\. Community equipment contract award", text)
    assert heading and text.index(EXCLUSION) < heading.start()  # Part II comes after it


def _officer_writes_the_report(page, check, pdf: bytes) -> None:
    """From "Your work": write the report, then add its appendix from the report's page."""
    _click(page, check, re.compile("^Write the report.*Better Care Fund plan"), narrow=True)
    page.get_by_label("Purpose of the report", exact=True).fill(
        "To agree the Better Care Fund plan."
    )
    page.get_by_label("Recommendations", exact=True).fill(
        "To agree the plan.\nTo delegate its submission."
    )
    page.get_by_label("Information", exact=True).fill(
        "The plan pools 48 million pounds across the partners."
    )
    page.get_by_label("Report author", exact=True).fill("Olu Officer")
    text = _click(page, check, "Save report", role="button", narrow=True)
    assert "Report saved." in text
    _click(page, check, "Add an appendix")
    page.get_by_label("Title").fill(APPENDIX)
    page.get_by_label("File").set_input_files(
        {"name": "bcf-metrics.pdf", "mimeType": "application/pdf", "buffer": pdf}
    )
    text = _click(page, check, "Upload", role="button")
    assert f"{APPENDIX} attached." in text


def _publish(page, check) -> None:
    """From "Your work": the meeting, then "Publish the agenda"."""
    _click(page, check, re.compile("^Publish the agenda"))
    _click(page, check, "Publish the agenda")
    text = _click(page, check, "Publish agenda", role="button", narrow=True)
    assert "Agenda published." in text
    assert "Read the report" in text and "(1 attachment)" in text


def _add_supplement(page, check) -> None:
    text = _add_item(page, check, "Community pharmacy contract", button="Add a late item")
    assert "Supplementary agenda 1" in text
    _click(page, check, "Publish the supplementary agenda")
    page.get_by_label("Community pharmacy contract").check()
    page.get_by_label(re.compile("reason", re.I)).fill(LATE_REASON)
    text = _click(page, check, "Publish supplementary agenda", role="button", narrow=True)
    assert LATE_REASON in text


def _record_attendance(page, check, people) -> str:
    """From "Your work": record the attendance of a meeting that has started."""
    _click(page, check, re.compile("^Record the attendance"))
    for person in people:
        page.get_by_role("group", name=re.compile(re.escape(str(person)))).get_by_label(
            "Present", exact=True
        ).check()
    return _click(page, check, "Save attendance", role="button", narrow=True)


def _declare(page, check, person, position: int) -> None:
    _click(page, check, f"Record a declaration on item {position}")
    page.get_by_label("Who declared the interest").select_option(label=str(person))
    page.get_by_label("Disclosable pecuniary interest").check()
    page.get_by_label("The interest", exact=True).fill("Her husband owns a care agency.")
    page.get_by_label("Remained and took part").check()
    page.get_by_label("Dispensation granted by").fill("The Monitoring Officer")
    fill_date(page, "Date the dispensation was granted", f"{timezone.localdate():%Y-%m-%d}")
    page.get_by_label("Dispensation reference").fill(DISPENSATION)
    text = _click(page, check, "Record declaration", role="button")
    assert DISPENSATION in text


def _resolve(page, check, position: int, kind: str, parts: str) -> str:
    _click(page, check, f"Record a resolution on item {position}")
    page.get_by_label(kind).check()
    page.get_by_label("Numbered parts").fill(parts)
    return _click(page, check, "Record resolution", role="button")


def _put_right(page, check, agreement: Resolution, mistake: Resolution, item_label: str):
    """The agreement was recorded against the wrong item: move it. The other was recorded in
    error: withdraw it (its number stays used)."""
    _click(page, check, f"Correct the text, item or kind of {agreement}")
    page.get_by_label("Agenda item").select_option(label=item_label)
    page.get_by_label("Why is it being corrected?").fill("Recorded against the late item.")
    text = _click(page, check, "Save correction", role="button")
    assert "corrected" in text
    # Back on the meeting page, from the trail's link to its meeting.
    _click(page, check, str(agreement.meeting), within=page.locator("main"))
    _click(page, check, f"Withdraw in error {mistake}")
    page.get_by_label("Why is it withdrawn?").fill("Recorded twice: the board made one decision.")
    text = _click(page, check, "Withdraw in error", role="button")
    assert "withdrawn in error" in text


def _write_minutes(page, check, item_label: str) -> str:
    _click(page, check, "Write the minutes")
    page.get_by_label(item_label).fill("The Board discussed the plan's pooled budget.")
    return _click(page, check, "Save draft minutes", role="button", narrow=True)


def _route(page, check, agreement: Resolution) -> None:
    """From the meeting page: the resolution's trail, then "Route for ratification"."""
    _click(page, check, str(agreement), within=page.locator("main"))
    _click(page, check, "Route for ratification")
    text = _click(page, check, "Route for ratification", role="button", narrow=True)
    assert "Routed" in text or "routed" in text


def _lead_records_outcome(page, check, organisation, decided: date) -> None:
    _click(page, check, re.compile(f"^Record {re.escape(str(organisation))}'s outcome"))
    page.get_by_label("Ratified", exact=True).check()
    page.get_by_label("Your minute reference").fill(f"{organisation.short_name}/MIN/1")
    fill_date(page, "Date decided", f"{decided:%Y-%m-%d}")
    _click(page, check, "Record the outcome", role="button", narrow=True)


# The walk ------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_clerks_year_without_dead_ends(
    page, sign_in, assert_accessible, monkeypatch, pdf_bytes, partnership, icb, council, trust,
    alliance_board, board_clerk, officer, council_lead, governance_lead, icb_lead,
    scrutiny_member,
):  # fmt: skip
    check = assert_accessible
    page.set_viewport_size(WIDE)
    clock = ServerClock(monkeypatch)
    board = alliance_board
    approve_terms(board, quorum=2)
    chair = seat(board, "Richard Clewer", council, role="chair").person
    elsy = seat(board, "Stephanie Elsy", icb).person
    hood = seat(board, "Rachel Hood", trust).person
    first_day, next_day = _meeting_day(weeks=5), _meeting_day(weeks=10)

    # The clerk schedules the meeting and builds its agenda.
    _sign_in(page, sign_in, check, board_clerk)
    meeting = _schedule(page, check, board, _at(first_day, 14))
    _build_agenda(page, check)

    # An officer of a partner finds the report to write in "Your work".
    _sign_in(page, sign_in, check, officer)
    _officer_writes_the_report(page, check, pdf_bytes)

    # The clerk publishes the agenda in time, then a supplementary agenda with a late item.
    _sign_in(page, sign_in, check, board_clerk)
    _publish(page, check)
    _add_supplement(page, check)

    # The meeting day: attendance, a declaration with a dispensation, two resolutions.
    clock.move_to(_at(first_day, 16))
    _sign_in(page, sign_in, check, board_clerk)
    text = _record_attendance(page, check, [chair, elsy, hood])
    assert "Quorate" in text
    items = {item.title: item.position for item in meeting.items.all()}
    bcf = items["Better Care Fund plan 2026 to 2027"]
    late = items["Community pharmacy contract"]
    _declare(page, check, elsy, bcf)
    _resolve(
        page, check, late, "Agreement in principle (to ratify)",
        "Agrees in principle the Better Care Fund plan 2026 to 2027.\n"
        "Refers it to the partners for ratification.",
    )  # fmt: skip
    _resolve(page, check, bcf, "Decision", "Notes the pooled budget.")
    agreement, mistake = Resolution.objects.order_by("number")
    _put_right(page, check, agreement, mistake, f"{bcf}. Better Care Fund plan 2026 to 2027")
    text = _write_minutes(page, check, f"{bcf}. Better Care Fund plan 2026 to 2027")
    assert f"RESOLVED {agreement}" in text and "1) Agrees in principle the Better Care" in text
    assert "Withdrawn in error" in text
    _route(page, check, agreement)

    # The next day the clerk schedules the next meeting and publishes its agenda.
    clock.move_to(_at(first_day + timedelta(days=1), 10))
    _sign_in(page, sign_in, check, board_clerk)
    following = _schedule(page, check, board, _at(next_day, 14))
    _add_item(page, check, "Better Care Fund quarterly return")
    _click(page, check, "Publish the agenda")
    assert "Agenda published." in _click(page, check, "Publish agenda", role="button")

    # Over the following weeks each partner's governance lead records its outcome.
    clock.move_to(_at(first_day + timedelta(days=14), 11))
    for lead, organisation in [(council_lead, council), (governance_lead, trust), (icb_lead, icb)]:
        _sign_in(page, sign_in, check, lead)
        _lead_records_outcome(page, check, organisation, first_day + timedelta(days=10))
    agreement.refresh_from_db()
    assert agreement.status == Resolution.Status.RATIFIED

    # The next meeting approves the minutes.
    clock.move_to(_at(next_day, 15))
    _sign_in(page, sign_in, check, board_clerk)
    _record_attendance(page, check, [chair, elsy, hood])
    text = _click(page, check, f"Approve the minutes of {meeting}", role="button", narrow=True)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.MINUTES_APPROVED
    assert meeting.minutes_approved_at.meeting == following

    # A scrutiny councillor reads the decision's trail and downloads it.
    _sign_in(page, sign_in, check, scrutiny_member)
    text = _click(page, check, str(agreement), narrow=True)
    for expected in ["Ratified", "Better Care Fund plan 2026 to 2027", DISPENSATION]:
        assert expected in text, expected
    href = page.get_by_role("link", name="Download the decision trail (PDF)").get_attribute("href")
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"] == "application/pdf"
    pdf = "\n".join(p.extract_text() for p in PdfReader(BytesIO(response.body())).pages)
    assert not RAW_TIMESTAMP.search(pdf)
    # The PDF wraps lines anywhere ("DISP/" and "2026/07" among them): compare without spaces.
    unwrapped = "".join(pdf.split())
    for expected in [str(agreement), "Ratified", DISPENSATION, "1) Agrees in principle"]:
        assert "".join(expected.split()) in unwrapped, expected
