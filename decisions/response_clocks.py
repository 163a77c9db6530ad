"""When a scrutiny recommendation's response is due, under the regime it was made under.

- Health scrutiny of an NHS body: 28 days from the date the recommendation was made (Local
  Authority (Public Health, Health and Wellbeing Boards and Health Scrutiny) Regulations 2013,
  reg 22(2)).
- A council executive answering an overview and scrutiny report: within two months (Local
  Government Act 2000, s9FE(4)). A month after a day the next month does not have ends on that
  month's last day: 31 December + 2 months = 28 (or 29) February.
- Any other recipient: the number of days the committee set.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

HEALTH_SCRUTINY_DAYS = 28
COUNCIL_EXECUTIVE_MONTHS = 2


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or that month's last day if it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def health_scrutiny_due(sent_on: date) -> date:
    return sent_on + timedelta(days=HEALTH_SCRUTINY_DAYS)


def council_executive_due(sent_on: date) -> date:
    return add_months(sent_on, COUNCIL_EXECUTIVE_MONTHS)


def set_days_due(sent_on: date, days: int) -> date:
    return sent_on + timedelta(days=days)
