"""The five clear working days of the Local Government Act 1972 s100B, on real dates."""

from datetime import date

import pytest

from meetings.working_days import (
    clear_working_days_between,
    is_late,
    is_working_day,
    latest_publication_date,
)


@pytest.mark.parametrize(
    "day,working",
    [
        (date(2024, 5, 3), True),  # Friday
        (date(2024, 5, 4), False),  # Saturday
        (date(2024, 5, 5), False),  # Sunday
        (date(2024, 5, 6), False),  # Early May bank holiday
        (date(2024, 5, 7), True),
        (date(2023, 12, 25), False),  # Christmas Day
        (date(2023, 12, 26), False),  # Boxing Day
        (date(2023, 12, 27), True),
        (date(2024, 1, 1), False),  # New Year's Day
    ],
)
def test_weekends_and_bank_holidays_are_not_working_days(day, working):
    assert is_working_day(day) is working


def test_neither_the_day_of_publication_nor_of_the_meeting_counts():
    # Monday to the next Monday: Tuesday to Friday are the clear days.
    assert clear_working_days_between(date(2024, 1, 22), date(2024, 1, 29)) == 4
    assert clear_working_days_between(date(2024, 1, 22), date(2024, 1, 23)) == 0
    assert clear_working_days_between(date(2024, 1, 23), date(2024, 1, 22)) == 0


def test_a_tuesday_meeting_after_a_bank_holiday_monday():
    meeting = date(2024, 5, 7)
    # 29 April to 3 May are the five clear days; 6 May is the bank holiday.
    assert latest_publication_date(meeting) == date(2024, 4, 28)
    assert not is_late(date(2024, 4, 26), meeting)  # the Friday before
    assert not is_late(date(2024, 4, 28), meeting)
    assert is_late(date(2024, 4, 29), meeting)
    assert clear_working_days_between(date(2024, 4, 29), meeting) == 4


def test_a_tuesday_meeting_in_an_ordinary_week():
    assert latest_publication_date(date(2024, 2, 6)) == date(2024, 1, 29)
    assert not is_late(date(2024, 1, 29), date(2024, 2, 6))
    assert is_late(date(2024, 1, 30), date(2024, 2, 6))


def test_a_monday_meeting_needs_publication_by_the_previous_weekend():
    meeting = date(2024, 2, 5)
    assert clear_working_days_between(date(2024, 1, 26), meeting) == 5  # Friday
    assert latest_publication_date(meeting) == date(2024, 1, 28)  # Sunday
    assert is_late(date(2024, 1, 29), meeting)


def test_christmas_boxing_day_and_new_year_do_not_count():
    meeting = date(2024, 1, 2)
    # Clear days back from Tuesday 2 January: 29, 28, 27 December, then 22 and 21 December.
    assert clear_working_days_between(date(2023, 12, 20), meeting) == 5
    assert clear_working_days_between(date(2023, 12, 21), meeting) == 4
    assert latest_publication_date(meeting) == date(2023, 12, 20)
    assert not is_late(date(2023, 12, 20), meeting)
    assert is_late(date(2023, 12, 21), meeting)
