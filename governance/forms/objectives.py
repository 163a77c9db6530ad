"""Forms for a partnership's objectives, progress against them, and the glossary."""

from __future__ import annotations

from django import forms

from governance.models import GlossaryTerm, Objective, ProgressReport
from ics_portal.common.forms import EditsVersionMixin, GovukDateField


class ObjectiveForm(EditsVersionMixin, forms.ModelForm):
    """One of a partnership's objectives: wording, measures, owner, source and span."""

    class Meta:
        model = Objective
        fields = ["reference", "title", "measures", "owner", "source", "starts", "ends"]
        widgets = {"measures": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"starts": GovukDateField, "ends": GovukDateField}
        labels = {
            "starts": "First day progress is reported for",
            "ends": "Last day progress is reported for",
        }


class ProgressReportForm(EditsVersionMixin, forms.ModelForm):
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


class GlossaryTermForm(EditsVersionMixin, forms.ModelForm):
    """A term or acronym and what it means."""

    class Meta:
        model = GlossaryTerm
        fields = ["term", "meaning", "explanation", "is_acronym"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 3})}
        labels = {"is_acronym": "Spell it out on its first use in reports and agenda packs"}

    def validate_unique(self) -> None:
        """The service refuses a term defined twice, saying what it already means."""
