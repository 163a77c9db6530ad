"""Forms for progress against a partnership's objectives."""

from __future__ import annotations

from django import forms

from governance.models import ProgressReport
from ics_portal.common.forms import GovukDateField


class ProgressReportForm(forms.ModelForm):
    """Progress against one objective for one period."""

    class Meta:
        model = ProgressReport
        fields = ["period_start", "period_end", "rag", "progress", "next_steps", "reported_by"]
        widgets = {
            "rag": forms.RadioSelect,
            "progress": forms.Textarea(attrs={"rows": 5}),
            "next_steps": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"period_start": GovukDateField, "period_end": GovukDateField}
        labels = {
            "period_start": "First day of the period",
            "period_end": "Last day of the period",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rag"].choices = [
            ("", "Not rated"),
            *ProgressReport._meta.get_field("rag").choices,
        ]
