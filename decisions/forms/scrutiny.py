"""Forms for scrutiny recommendations. They only validate input."""

from __future__ import annotations

import re

from django import forms

from decisions.models import Resolution, ScrutinyRecommendation
from governance.models import Body, Organisation
from ics_portal.common.forms import GovukDateField, VersionField

REFERENCE = re.compile(r"^\s*(?P<body>.+?)\s+(?P<year>\d{4})/(?P<number>\d{1,4})\s*$")


class RecommendationForm(forms.Form):
    reference = forms.CharField(
        max_length=40, required=False, help_text="The committee's own reference, if it has one."
    )
    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 6}))
    to_organisation = forms.ModelChoiceField(
        label="To an organisation",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label="Choose an organisation",
    )
    to_body = forms.ModelChoiceField(
        label="Or to a body",
        queryset=Body.objects.order_by("name"),
        required=False,
        empty_label="Choose a body",
    )
    sent_on = GovukDateField(label="Date sent")
    regime = forms.ChoiceField(
        label="Response regime",
        choices=ScrutinyRecommendation.Regime.choices,
        widget=forms.RadioSelect,
        help_text="Health scrutiny of an NHS body: 28 days (Health Scrutiny Regulations 2013, "
        "reg 22). A council executive: 2 months (Local Government Act 2000, s9FE). Otherwise "
        "the number of days the committee sets.",
    )
    response_days = forms.IntegerField(
        label="Days to respond (other regime only)",
        min_value=1,
        max_value=366,
        required=False,
    )
    about = forms.CharField(
        label="About decision (optional)",
        max_length=60,
        required=False,
        help_text="The decision's reference with the body's short name, for example "
        "ASCPH 2021/003.",
    )

    def __init__(self, *args, scrutiny_body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_body"].queryset = Body.objects.exclude(pk=scrutiny_body.pk).order_by(
            "name"
        )

    def clean_about(self) -> Resolution | None:
        about = self.cleaned_data["about"]
        if not about:
            return None
        match = REFERENCE.match(about)
        if match is None:
            raise forms.ValidationError(
                "Enter the decision's reference like ASCPH 2021/003, or leave it blank."
            )
        found = list(
            Resolution.objects.filter(
                body__short_name__iexact=match["body"],
                year=int(match["year"]),
                number=int(match["number"]),
            ).select_related("body")[:2]
        )
        if len(found) != 1:
            raise forms.ValidationError(f"No single decision has the reference {about.strip()}.")
        return found[0]

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("to_organisation")) == bool(data.get("to_body")):
            raise forms.ValidationError(
                "Choose the organisation or the body the recommendation goes to (one, not both)."
            )
        other = data.get("regime") == ScrutinyRecommendation.Regime.OTHER
        if other and not data.get("response_days"):
            self.add_error("response_days", "Enter the number of days the recipient has.")
        if data.get("regime") and not other and data.get("response_days"):
            self.add_error("response_days", "Leave this empty: the regime sets the period.")
        return data


class ResponseForm(forms.Form):
    response = forms.CharField(label="The response", widget=forms.Textarea(attrs={"rows": 6}))
    responded_on = GovukDateField(label="Date of the response")
    # The recommendation's version when the form was opened.
    version = VersionField()


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Was the recommendation accepted?",
        choices=[("accepted", "Accepted"), ("rejected", "Rejected")],
        widget=forms.RadioSelect,
    )
    version = VersionField()
