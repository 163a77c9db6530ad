"""Working days for the publication rule of the Local Government Act 1972 s100B.

An agenda must be open to inspection at least five clear working days before the meeting:
the day of publication and the day of the meeting do not count, and neither do weekends
nor England and Wales bank holidays. Bank holidays come from the `govuk-bank-holidays`
package's own copy of the GOV.UK list, so nothing is fetched over the network.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from govuk_bank_holidays.bank_holidays import BankHolidays

CLEAR_WORKING_DAYS = 5
# Reports are due with the clerk this many working days before the meeting, unless the clerk
# sets another date for the meeting: time to check them and build the pack before publication.
REPORT_WORKING_DAYS = 10


@cache
def bank_holidays() -> frozenset[date]:
    """England and Wales bank holidays, loaded once per process from the packaged list."""
    holidays = BankHolidays(use_cached_holidays=True)
    return frozenset(
        holiday["date"] for holiday in holidays.get_holidays(BankHolidays.ENGLAND_AND_WALES)
    )


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not an England and Wales bank holiday."""
    return day.weekday() < 5 and day not in bank_holidays()


def clear_working_days_between(published_on: date, meeting_on: date) -> int:
    """Working days strictly after publication and strictly before the meeting."""
    count = 0
    day = published_on + timedelta(days=1)
    while day < meeting_on:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count


def latest_publication_date(meeting_on: date) -> date:
    """The last day on which publishing still leaves five clear working days."""
    day, found = meeting_on, 0
    while found < CLEAR_WORKING_DAYS:
        day -= timedelta(days=1)
        found += is_working_day(day)
    return day - timedelta(days=1)


def is_late(published_on: date, meeting_on: date) -> bool:
    """Fewer than five clear working days between publication and the meeting."""
    return clear_working_days_between(published_on, meeting_on) < CLEAR_WORKING_DAYS


def default_report_deadline(meeting_on: date) -> date:
    """The day reports are due when the clerk has set none: ten working days before."""
    day, found = meeting_on, 0
    while found < REPORT_WORKING_DAYS:
        day -= timedelta(days=1)
        found += is_working_day(day)
    return day
