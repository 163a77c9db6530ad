"""The form that records an officer or delegated decision. It only validates input."""

from __future__ import annotations

from django import forms

from governance.models import Delegation, Organisation
from ics_portal.common.forms import GovukDateField


class DelegationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Delegation) -> str:
        limit = f", up to £{obj.financial_limit:,.0f}" if obj.financial_limit is not None else ""
        return f"{obj} (from {obj.start:%-d %B %Y}{limit})"


class DelegatedDecisionForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), empty_label="Choose the organisation"
    )
    delegation = DelegationChoiceField(
        label="Delegation that authorised it",
        queryset=Delegation.objects.none(),
        required=False,
        empty_label="Choose from the scheme of delegation",
        help_text="The decision must fall within a delegation in force on its date, and "
        "within its financial limit.",
    )
    title = forms.CharField(max_length=200)
    decided_by = forms.CharField(
        label="Taken by", max_length=200, help_text="The officer's role, or the body."
    )
    decided_on = GovukDateField(label="Date of the decision")
    decision = forms.CharField(label="The decision", widget=forms.Textarea(attrs={"rows": 5}))
    reasons = forms.CharField(
        label="Reasons for the decision", widget=forms.Textarea(attrs={"rows": 5})
    )
    alternatives_rejected = forms.CharField(
        label="Alternative options considered and rejected",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    amount = forms.DecimalField(
        label="Value in pounds (if it commits money)",
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
    )
    conflicts_of_interest = forms.CharField(
        label="Conflicts of interest declared",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    dispensation = forms.CharField(
        label="Dispensations granted", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    exempt_paragraph = forms.TypedChoiceField(
        label="Exempt information",
        choices=[("", "None: publish the whole record")]
        + [(n, f"Paragraph {n} of Schedule 12A") for n in range(1, 8)],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="The title, date, taker and delegation are published even when the record "
        "holds exempt information.",
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["delegation"].queryset = (
            Delegation.objects.of_organisations(organisations)
            .select_related("from_body", "from_organisation", "to_body")
            .order_by("-start", "pk")
        )
