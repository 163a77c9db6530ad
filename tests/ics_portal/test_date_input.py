"""Dates are typed in the GOV.UK date input: day, month and year, with its error messages."""

from __future__ import annotations

from datetime import date, time

import pytest
from django import forms

from ics_portal.common.forms import GovukDateField, GovukTimeField
from meetings.models import WorkProgrammeEntry


class _Form(forms.Form):
    signed_on = GovukDateField(label="Date signed")
    review = GovukDateField(label="Review date", required=False)


def _form(day="", month="", year="", **extra) -> _Form:
    data = {"signed_on_day": day, "signed_on_month": month, "signed_on_year": year, **extra}
    return _Form(data)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("31", "3", "2023"), date(2023, 3, 31)),
        ((" 7 ", "04", "2022"), date(2022, 4, 7)),
        (("1", "Feb", "2021"), date(2021, 2, 1)),
        (("29", "february", "2024"), date(2024, 2, 29)),
    ],
)
def test_day_month_and_year_make_a_date(parts, expected):
    form = _form(*parts)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["signed_on"] == expected
    assert form.cleaned_data["review"] is None


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("31", "2", "2023"), "Date signed must be a real date"),
        (("29", "2", "2023"), "Date signed must be a real date"),
        (("12", "13", "2023"), "Date signed must be a real date"),
        (("1st", "3", "2023"), "Date signed must be a real date"),
        (("12", "", "2023"), "Date signed must include a month"),
        (("", "", "2023"), "Date signed must include a day and month"),
        (("12", "3", ""), "Date signed must include a year"),
        (("12", "3", "23"), "Year must include 4 numbers"),
        (("", "", ""), "Enter the date signed"),
    ],
)
def test_a_wrong_or_partial_date_is_refused_with_the_govuk_message(parts, message):
    form = _form(*parts)
    assert not form.is_valid()
    assert form.errors["signed_on"] == [message]


def test_what_was_typed_is_kept_and_the_wrong_boxes_marked():
    html = str(_form("31", "2", "2023")["signed_on"].as_field_group())
    assert 'name="signed_on_day" type="text" inputmode="numeric" value="31"' in html
    assert 'name="signed_on_month" type="text" inputmode="numeric" value="2"' in html
    assert 'name="signed_on_year" type="text" inputmode="numeric" value="2023"' in html
    assert html.count("govuk-input--error") == 3  # the date as a whole is wrong
    assert "<legend" in html and "Date signed" in html

    partial = str(_form("12", "", "2023")["signed_on"].as_field_group())
    assert 'value="12"' in partial and 'value="2023"' in partial
    assert partial.count("govuk-input--error") == 1  # only the missing month


def test_an_existing_date_opens_in_the_three_boxes():
    html = str(_Form(initial={"signed_on": date(2021, 11, 30)})["signed_on"])
    assert 'value="30"' in html and 'value="11"' in html and 'value="2021"' in html


@pytest.mark.django_db
def test_a_clerk_adds_to_the_work_programme_with_the_date_input(client_for, clerk, body):
    url = f"/bodies/{body.slug}/work-programme/new/"
    page = client_for(clerk).get(url).content.decode()
    assert 'name="planned_for_day"' in page and 'type="date"' not in page

    refused = client_for(clerk).post(
        url,
        {
            "planned_for_day": "31",
            "planned_for_month": "2",
            "planned_for_year": "2099",
            "title": "Dementia strategy",
        },
    )
    html = refused.content.decode()
    assert refused.status_code == 200
    assert "Planned meeting date must be a real date" in html
    assert 'href="#id_planned_for_0"' in html  # the error summary leads to the day box
    assert 'value="31"' in html and "Dementia strategy" in html
    assert not WorkProgrammeEntry.objects.exists()

    client_for(clerk).post(
        url,
        {
            "planned_for_day": "28",
            "planned_for_month": "2",
            "planned_for_year": "2099",
            "title": "Dementia strategy",
        },
    )
    assert WorkProgrammeEntry.objects.get().planned_for == date(2099, 2, 28)


class _TimeForm(forms.Form):
    starts = GovukTimeField(label="Start time")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("10:30", time(10, 30)),
        ("14.30", time(14, 30)),
        (" 9:05 ", time(9, 5)),
        ("2pm", time(14, 0)),
        ("2.30 pm", time(14, 30)),
        ("12am", time(0, 0)),
        ("12 p.m.", time(12, 0)),
    ],
)
def test_a_time_is_typed_as_hours_and_minutes_or_with_am_and_pm(typed, expected):
    form = _TimeForm({"starts": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts"] == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the start time"),
        ("14", "Enter the start time as hours and minutes, for example 14:30"),
        ("25:00", "Enter the start time as hours and minutes, for example 14:30"),
        ("10:75", "Enter the start time as hours and minutes, for example 14:30"),
        ("13pm", "Enter the start time as hours and minutes, for example 14:30"),
        ("half past two", "Enter the start time as hours and minutes, for example 14:30"),
    ],
)
def test_a_wrong_time_is_refused_with_a_message_saying_how_to_type_it(typed, message):
    form = _TimeForm({"starts": typed})
    assert not form.is_valid()
    assert form.errors["starts"] == [message]
