"""The clocks of executive decisions: the forward plan's notice of a key decision and the
call-in period of a decision notice.

- A key decision may be taken only after 28 clear days' notice in the forward plan (Local
  Authorities (Executive Arrangements) (Meetings and Access to Information) (England)
  Regulations 2012, reg 9). Clear days are whole calendar days: the day the entry was first
  published and the day of the decision do not count. Published on 1 March, the 28th clear
  day is 29 March and the decision may be taken from 30 March. When that is impossible, reg 10
  (general exception) and reg 11 (special urgency) allow it with a recorded reason and the
  scrutiny chair's agreement.
- A decision notice opens the call-in period: the number of clear working days the
  organisation's constitution sets (5 by default), counted as `meetings.working_days` counts
  them (weekends and England and Wales bank holidays do not count, nor the day of
  publication). A call-in is accepted until the end of the last of those days; a decision not
  called in takes effect on the next working day.
"""

from __future__ import annotations

from datetime import date, timedelta

from meetings.working_days import is_working_day

KEY_DECISION_NOTICE_DAYS = 28


def earliest_key_decision(first_published: date) -> date:
    """The first day a key decision may be taken after its forward plan entry was published."""
    return first_published + timedelta(days=KEY_DECISION_NOTICE_DAYS + 1)


def has_full_notice(first_published: date, decided_on: date) -> bool:
    """At least 28 clear days between the entry's first publication and the decision."""
    return decided_on >= earliest_key_decision(first_published)


def call_in_deadline(published_on: date, working_days: int) -> date:
    """The last day of the call-in period: the `working_days`th working day after
    publication."""
    day, found = published_on, 0
    while found < working_days:
        day += timedelta(days=1)
        found += is_working_day(day)
    return day


def next_working_day(day: date) -> date:
    """The first working day after `day`."""
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
