"""Filling GOV.UK form components in a real browser."""

from __future__ import annotations

import re


def fill_date(scope, legend: str, iso: str) -> None:
    """Type an ISO date into the GOV.UK date input (day, month, year) whose legend is given
    (an optional one's legend ends with "(optional)")."""
    year, month, day = iso.split("-")
    name = re.compile(rf"^{re.escape(legend)}( \(optional\))?$")
    group = scope.get_by_role("group", name=name)
    group.get_by_label("Day").fill(str(int(day)))
    group.get_by_label("Month").fill(str(int(month)))
    group.get_by_label("Year").fill(year)


def fill_meeting_start(scope, start) -> None:
    """Type a meeting's start (a datetime in UK time) into its date input and time box."""
    fill_date(scope, "Date", f"{start:%Y-%m-%d}")
    scope.get_by_label("Start time").fill(f"{start:%H:%M}")
