"""Forms for routing a resolution for ratification, recording an outcome, and the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms

from decisions.models import Ratification
from decisions.services.ratifications import OUTCOMES, Route
from governance.models import Body, Organisation, Partnership
from ics_portal.common.forms import GovukDateField


@dataclass
class Candidate:
    """One organisation offered on the routing page, with its three fields."""

    organisation: Organisation
    chosen: forms.BoundField
    ratifying_body: forms.BoundField
    due_date: forms.BoundField
    # The governance leads' addresses the request will go to; empty: nobody will be told.
    told: list[str]


class RouteForm(forms.Form):
    """A checkbox per candidate organisation, each with its ratifying body and due date."""

    def __init__(
        self,
        *args,
        organisations: list[Organisation],
        defaults: set[int],
        bodies: list[Body],
        due_date: date,
        told: dict[int, list[str]] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.organisations = organisations
        self.told = told or {}
        owned: dict[int, list[Body]] = {}
        for body in bodies:
            owned.setdefault(body.organisation_id, []).append(body)
        self.bodies = {body.pk: body for body in bodies}
        for organisation in organisations:
            pk = organisation.pk
            choices = [("", "Not known yet")]
            options = owned.get(pk, [])
            default = organisation.ratifying_body
            if default is not None and default not in options:
                options = [default, *options]
                self.bodies[default.pk] = default
            choices += [(str(body.pk), str(body)) for body in options]
            self.fields[f"route_{pk}"] = forms.BooleanField(
                label=f"{organisation} must ratify it",
                required=False,
                initial=pk in defaults,
            )
            self.fields[f"body_{pk}"] = forms.ChoiceField(
                label=f"Ratifying body of {organisation}",
                choices=choices,
                required=False,
                initial=str(default.pk) if default else "",
            )
            self.fields[f"due_{pk}"] = GovukDateField(
                label=f"Due date for {organisation}",
                required=False,
                initial=due_date,
                error_messages={"invalid": f"Enter the due date for {organisation} as a date."},
            )

    @property
    def candidates(self) -> list[Candidate]:
        return [
            Candidate(
                organisation=organisation,
                chosen=self[f"route_{organisation.pk}"],
                ratifying_body=self[f"body_{organisation.pk}"],
                due_date=self[f"due_{organisation.pk}"],
                told=self.told.get(organisation.pk, []),
            )
            for organisation in self.organisations
        ]

    def clean(self):
        data = super().clean()
        for organisation in self.organisations:
            pk = organisation.pk
            if data.get(f"route_{pk}") and not data.get(f"due_{pk}"):
                if f"due_{pk}" not in self.errors:
                    self.add_error(f"due_{pk}", f"Enter the due date for {organisation}.")
        return data

    def routes(self) -> list[Route]:
        routes = []
        for organisation in self.organisations:
            pk = organisation.pk
            if not self.cleaned_data.get(f"route_{pk}"):
                continue
            body_id = self.cleaned_data.get(f"body_{pk}")
            body = self.bodies.get(int(body_id)) if body_id else None
            routes.append((organisation, body, self.cleaned_data[f"due_{pk}"]))
        return routes


class OutcomeForm(forms.Form):
    """An organisation's outcome; which details are required is decided by the service."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[(value, Ratification.Status(value).label) for value in OUTCOMES],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the outcome."},
    )
    scheduled_for = forms.CharField(
        label="Meeting that will consider it",
        required=False,
        max_length=300,
        help_text="If scheduled: for example Cabinet, 14 December 2021.",
    )
    minute_reference = forms.CharField(
        label="Your minute reference",
        required=False,
        max_length=100,
        help_text="If ratified: your organisation's own minute or resolution number.",
    )
    decided_on = GovukDateField(
        label="Date decided",
        required=False,
        help_text="If ratified or rejected.",
        error_messages={"invalid": "Enter the date decided as a date."},
    )
    amendment = forms.CharField(
        label="Amendment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="If ratified with amendment: the amendment, as agreed.",
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="If rejected or withdrawn: why.",
    )
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 3}))


STATUS_FILTERS = [
    ("", "Any status"),
    ("awaiting", "Awaiting a decision"),
    *[(value, label) for value, label in Ratification.Status.choices],
]


class DashboardFilterForm(forms.Form):
    """Filters of the ratification dashboard (query string)."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="Any organisation",
        error_messages={"invalid_choice": "Choose an organisation from the list."},
    )
    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="Any partnership",
        error_messages={"invalid_choice": "Choose a partnership from the list."},
    )
    status = forms.ChoiceField(
        choices=STATUS_FILTERS,
        required=False,
        error_messages={"invalid_choice": "Choose a status from the list."},
    )
    overdue = forms.BooleanField(label="Overdue only", required=False)
