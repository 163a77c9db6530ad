"""The form that records the assurance an agenda item gave on a risk."""

from __future__ import annotations

from django import forms

from governance.models import Risk
from meetings.models import RiskAssurance


class RiskAssuranceForm(forms.Form):
    risk = forms.ModelChoiceField(
        label="Which risk did the item give assurance on?",
        queryset=Risk.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the risk", "invalid_choice": "Choose the risk"},
    )
    level = forms.ChoiceField(
        label="Level of assurance",
        choices=RiskAssurance.Level.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the level of assurance"},
    )
    note = forms.CharField(
        label="What the meeting heard",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The assurance given, and any gap in control or assurance.",
    )

    def __init__(self, *args, risks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["risk"].queryset = risks
