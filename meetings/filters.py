"""Filters of the meetings list (query string), the same django-filter idiom as the API."""

from __future__ import annotations

import django_filters

from governance.models import Body
from ics_portal.common.forms import GovukDateFilter, KeptFilterForm, ListSelect
from meetings.models import Meeting


class MeetingFilterForm(KeptFilterForm):
    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The 'to' date must be on or after the 'from' date.")
        return data


class MeetingFilter(django_filters.FilterSet):
    """?body=<slug>&start=&end= on /meetings/; an invalid filter is shown and ignored."""

    body = django_filters.ModelChoiceFilter(
        queryset=Body.objects.order_by("name"),
        to_field_name="slug",
        empty_label="All bodies",
        widget=ListSelect,
        error_messages={"invalid_choice": "Choose a body from the list."},
    )
    start = GovukDateFilter(field_name="start__date", lookup_expr="gte", label="From")
    end = GovukDateFilter(field_name="start__date", lookup_expr="lte", label="To")

    class Meta:
        model = Meeting
        fields: list[str] = []
        form = MeetingFilterForm
