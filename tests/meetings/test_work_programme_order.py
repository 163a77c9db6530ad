"""Stale "Planned" entries of past meeting dates no longer head the work programme."""

from __future__ import annotations

from datetime import date

import pytest

from meetings.services import agenda as services

pytestmark = pytest.mark.django_db


def test_upcoming_entries_come_first_and_past_planned_ones_are_marked(client, clerk, body):
    for planned_for, title in [
        (date(2021, 3, 29), "Carers Strategy"),
        (date(2099, 6, 1), "Dementia strategy"),
        (date(2021, 6, 14), "Day Opportunities Strategy"),
        (date(2099, 3, 1), "Annual report"),
    ]:
        services.work_programme_entry_add(
            body=body, planned_for=planned_for, title=title, actor=clerk
        )
    html = client.get(f"/bodies/{body.slug}/work-programme/").content.decode()
    order = [
        html.index(text)
        for text in [
            "Upcoming meetings",
            "Annual report",
            "Dementia strategy",
            "Past meeting dates",
            "Day Opportunities Strategy",
            "Carers Strategy",
        ]
    ]
    assert order == sorted(order)
    upcoming, past = html.split("Past meeting dates")
    assert "Planned, date passed" not in upcoming and upcoming.count(">Planned</strong>") == 2
    assert past.count("Planned, date passed") == 2
