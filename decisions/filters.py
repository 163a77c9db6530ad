"""Filters of the decisions list (query string), the same django-filter idiom as the API."""

from __future__ import annotations

import django_filters
from django import forms

from decisions.models import Resolution
from governance.models import Body
from ics_portal.common.forms import KeptFilterForm, ListSelect


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class ResolutionFilter(django_filters.FilterSet):
    """?body=<slug>&year=&status=&kind= on /decisions/; an invalid filter is shown and ignored."""

    body = django_filters.ModelChoiceFilter(
        queryset=Body.objects.order_by("name"),
        to_field_name="slug",
        empty_label="All bodies",
        widget=ListSelect,
        error_messages={"invalid_choice": "Choose a body from the list."},
    )
    year = YearFilter(
        min_value=1900,
        max_value=2200,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={"invalid": "Enter a year, such as 2021."},
    )
    status = django_filters.ChoiceFilter(
        choices=Resolution.Status.choices,
        empty_label="Any status",
        error_messages={"invalid_choice": "Choose a status from the list."},
    )
    kind = django_filters.ChoiceFilter(
        choices=Resolution.Kind.choices,
        empty_label="Any kind",
        error_messages={"invalid_choice": "Choose a kind from the list."},
    )

    class Meta:
        model = Resolution
        fields: list[str] = []
        form = KeptFilterForm
