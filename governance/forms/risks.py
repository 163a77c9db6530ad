"""Forms for risk registers."""

from __future__ import annotations

from django import forms

from governance.models import Risk, RiskRating
from ics_portal.common.forms import EditsVersionMixin, GovukDateField, VersionField

LIKELIHOOD = [
    ("", "Choose likelihood"),
    (1, "1 – Rare"),
    (2, "2 – Unlikely"),
    (3, "3 – Possible"),
    (4, "4 – Likely"),
    (5, "5 – Almost certain"),
]
IMPACT = [
    ("", "Choose impact"),
    (1, "1 – Negligible"),
    (2, "2 – Minor"),
    (3, "3 – Moderate"),
    (4, "4 – Major"),
    (5, "5 – Catastrophic"),
]
RATING_HELP = (
    "Score = likelihood × impact: 1–4 green, 5–12 amber, 15–25 red. Give a stated RAG instead "
    "only when recording a rating from a paper that gave no likelihood and impact."
)


def _scale(label: str, choices) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=choices, coerce=int, empty_value=None, required=False
    )


class _RatingFields(forms.ModelForm):
    likelihood = _scale("Likelihood", LIKELIHOOD)
    impact = _scale("Impact", IMPACT)


TARGET_LIKELIHOOD = [("", "No target"), *LIKELIHOOD[1:]]
TARGET_IMPACT = [("", "No target"), *IMPACT[1:]]


class _TargetFields(forms.ModelForm):
    target_likelihood = _scale("Target likelihood", TARGET_LIKELIHOOD)
    target_impact = _scale("Target impact", TARGET_IMPACT)


class RiskForm(EditsVersionMixin, _TargetFields):
    """A risk's wording, owner, mitigations, review date and target rating, with its version."""

    class Meta:
        model = Risk
        fields = [
            "reference",
            "title",
            "description",
            "owner",
            "mitigations",
            "review_date",
            "target_likelihood",
            "target_impact",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "mitigations": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"review_date": GovukDateField}


class RiskCreateForm(_TargetFields, _RatingFields):
    """A new risk with its first rating."""

    rated_on = GovukDateField(label="Date of this rating")
    note = forms.CharField(
        label="Note on the rating", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta(RiskForm.Meta):
        fields = [*RiskForm.Meta.fields, "likelihood", "impact", "stated_rag"]
        help_texts = {"stated_rag": RATING_HELP}


class RiskRatingForm(_RatingFields):
    """A new rating of a risk, with the version of the risk the form was opened at."""

    version = VersionField()

    class Meta:
        model = RiskRating
        fields = ["likelihood", "impact", "stated_rag", "rated_on", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"rated_on": GovukDateField}
        labels = {"rated_on": "Date of this rating", "note": "Why the rating changed"}
        help_texts = {"stated_rag": RATING_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.risk.version


class RiskStatusForm(forms.Form):
    reason = forms.CharField(
        label="Reason", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
