"""Forms for registers of interests and gifts and hospitality."""

from __future__ import annotations

from django import forms

from governance.models import GiftOrHospitality, Interest, ProcurementDecision
from ics_portal.common.forms import EditsVersionMixin, GovukDateField


class InterestForm(EditsVersionMixin, forms.ModelForm):
    class Meta:
        model = Interest
        fields = [
            "kind",
            "description",
            "organisation_concerned",
            "organisation_name",
            "registered_from",
            "registered_to",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"registered_from": GovukDateField, "registered_to": GovukDateField}
        labels = {"registered_from": "Registered from", "registered_to": "Ended on"}


class InterestEndForm(forms.Form):
    registered_to = GovukDateField(
        label="Date the interest ended", help_text="For example 31 March 2023."
    )


class GiftForm(EditsVersionMixin, forms.ModelForm):
    class Meta:
        model = GiftOrHospitality
        fields = [
            "kind",
            "description",
            "offered_by",
            "value",
            "date_offered",
            "decision",
            "approved_by",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 3}),
            "decision": forms.RadioSelect,
        }
        field_classes = {"date_offered": GovukDateField}
        help_texts = {
            "value": "Gifts over £50 and hospitality over £25 must be declared.",
        }


class ProcurementDecisionForm(EditsVersionMixin, forms.ModelForm):
    class Meta:
        model = ProcurementDecision
        fields = [
            "decided_on",
            "contract",
            "decision",
            "supplier",
            "value",
            "decided_by",
            "declared_interests",
            "how_managed",
        ]
        widgets = {
            "decision": forms.Textarea(attrs={"rows": 3}),
            "declared_interests": forms.Textarea(attrs={"rows": 3}),
            "how_managed": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"decided_on": GovukDateField}
