"""Forms for terms of reference: the draft, its approval, choosing two versions to compare."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from governance.models import Body, Organisation, TermsOfReference
from governance.models.terms import REQUIRED_KIND_CHOICES, ExemptionRegime, JointDecisions
from ics_portal.common.forms import EditsVersionMixin, GovukDateField


class TermsDraftForm(EditsVersionMixin, forms.ModelForm):
    version_field = "edit_version"
    quorum_required_kinds = forms.MultipleChoiceField(
        label="Kinds of organisation that must be present",
        choices=REQUIRED_KIND_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="At least one voting member from each kind ticked must be present.",
    )
    quorum_required_organisations = forms.ModelMultipleChoiceField(
        label="Organisations that must be present",
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="At least one voting member representing each organisation ticked.",
    )

    exemption_regime = forms.ChoiceField(
        label="Private business taken under",
        choices=ExemptionRegime.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text="Councils and their joint committees: Schedule 12A, citing a paragraph per "
        "item. ICB and trust boards and their committees: NHS public-interest grounds, with "
        "the reason recorded per item. Left unchosen, a draft keeps the regime it has.",
    )

    joint_decisions = forms.ChoiceField(
        label="The joint committee's decisions",
        choices=[("", "Not stated"), *JointDecisions.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text="Decisions that need ratification are recorded as agreements in principle "
        "and routed to every member organisation; decisions that bind them need no routing.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.body.kind != Body.Kind.JOINT_COMMITTEE:
            # Only a joint committee's terms say how its decisions bind its members.
            del self.fields["joint_decisions"], self.fields["joint_decisions_paragraph"]

    def clean_exemption_regime(self) -> str:
        return self.cleaned_data["exemption_regime"] or self.instance.exemption_regime

    class Meta:
        model = TermsOfReference
        fields = [
            "purpose",
            "membership_rules",
            "quorum_count",
            "quorum_required_kinds",
            "quorum_required_organisations",
            "frequency",
            "voting",
            "delegated_authority",
            "exemption_regime",
            "joint_decisions",
            "joint_decisions_paragraph",
            "review_date",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 6}),
            "membership_rules": forms.Textarea(attrs={"rows": 6}),
            "voting": forms.Textarea(attrs={"rows": 4}),
            "delegated_authority": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"review_date": GovukDateField}

    @classmethod
    def initial_from(cls, terms: TermsOfReference | None) -> dict:
        """The text of a version, so that a new draft starts from it."""
        if terms is None:
            return {}
        initial = {name: getattr(terms, name) for name in cls.Meta.fields}
        initial["quorum_required_organisations"] = list(terms.quorum_required_organisations.all())
        return initial


class TermsApproveForm(forms.Form):
    approved_on = GovukDateField(label="Date approved")
    approved_by = forms.CharField(
        label="Approved by",
        max_length=200,
        help_text="The body or person that approved it, and where: for example, "
        "Cabinet, 30 November 2021, minute 123.",
    )

    def clean_approved_on(self):
        approved_on = self.cleaned_data["approved_on"]
        if approved_on > timezone.localdate():
            raise forms.ValidationError("The date approved must be today or in the past.")
        return approved_on


def _state(terms: TermsOfReference) -> str:
    return "current" if terms.status == TermsOfReference.Status.APPROVED else terms.status


class TermsCompareForm(forms.Form):
    a = forms.TypedChoiceField(label="Compare version", coerce=int)
    b = forms.TypedChoiceField(label="with version", coerce=int)

    def __init__(self, *args, versions: list[TermsOfReference], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (terms.version, f"Version {terms.version} ({_state(terms)})") for terms in versions
        ]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices
        if len(versions) >= 2:
            newest, older = sorted(versions, key=lambda terms: -terms.version)[:2]
            self.fields["a"].initial = older.version
            self.fields["b"].initial = newest.version

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("a") is not None and cleaned.get("a") == cleaned.get("b"):
            raise forms.ValidationError("Choose two different versions to compare.")
        return cleaned
