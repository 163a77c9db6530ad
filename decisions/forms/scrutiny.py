"""Forms for scrutiny recommendations. They only validate input."""

from __future__ import annotations

import re

from django import forms

from decisions.models import Resolution
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
    sent_on = GovukDateField(label="Date sent", help_text="The response is due 28 days later.")
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
