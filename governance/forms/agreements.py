"""Forms for agreements, their sections, parties and signatures, and for delegations.

Forms only check the shape of the input; the rules live in governance.services.agreements.
"""

from __future__ import annotations

from django import forms

from governance.models import Agreement, AgreementSection, Body, Delegation, Organisation
from ics_portal.common.forms import EditsVersionMixin, GovukDateField, VersionField


class AgreementCreateForm(forms.ModelForm):
    parties = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="You can add parties later.",
    )

    class Meta:
        model = Agreement
        fields = [
            "title",
            "slug",
            "kind",
            "partnership",
            "version",
            "effective_from",
            "review_date",
            "summary",
        ]
        labels = {"slug": "Web address", "effective_from": "Takes effect on"}
        help_texts = {
            "slug": "Lower-case words joined by hyphens, for example wiltshire-alliance-mou.",
            "kind": "A memorandum of understanding or collaboration agreement starts with the "
            "standard outline of sections.",
        }
        field_classes = {"effective_from": GovukDateField, "review_date": GovukDateField}

    def __init__(self, *args, partnerships, allow_no_partnership: bool, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["partnership"]
        field.queryset = partnerships
        field.required = not allow_no_partnership
        if allow_no_partnership:
            field.help_text = "Leave empty for an agreement outside any partnership."


class AgreementEditForm(EditsVersionMixin, forms.ModelForm):
    version_field = "edit_version"  # `version` is the agreement's own number, a field here

    class Meta:
        model = Agreement
        fields = ["title", "kind", "version", "effective_from", "review_date", "summary"]
        labels = {"effective_from": "Takes effect on"}
        field_classes = {"effective_from": GovukDateField, "review_date": GovukDateField}


class SectionForm(EditsVersionMixin, forms.ModelForm):
    class Meta:
        model = AgreementSection
        fields = ["part", "heading", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 12})}


class AddPartyForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all())


class SignatureForm(forms.Form):
    """The list offers the parties still to sign; the service refuses anyone else."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), label="Party signing"
    )
    signed_by = forms.CharField(
        max_length=250,
        label="Signed by",
        help_text="Name and role, for example “Councillor Richard Clewer, Leader”.",
    )
    signed_on = GovukDateField(label="Date signed")
    # The agreement as the page showed it: a signature is not recorded against a later change.
    edit_version = VersionField()

    def __init__(self, *args, agreement: Agreement, outstanding: list[Organisation], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edit_version"].initial = agreement.edit_version
        self.fields["organisation"].choices = [("", "Choose a party")] + [
            (organisation.pk, str(organisation)) for organisation in outstanding
        ]


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Agreement.Status.choices, widget=forms.RadioSelect)


class NewVersionForm(forms.Form):
    version = forms.CharField(max_length=20, help_text="For example 2.0.")
    slug = forms.SlugField(
        max_length=100,
        label="Web address",
        help_text="Lower-case words joined by hyphens, for example wiltshire-alliance-mou-v2.",
    )


class DelegationForm(forms.ModelForm):
    class Meta:
        model = Delegation
        fields = ["to_body", "scope", "financial_limit", "source_agreement", "start", "end"]
        labels = {"to_body": "Delegated to", "start": "Starts on", "end": "Ends on"}
        widgets = {
            "scope": forms.Textarea(attrs={"rows": 5}),
        }
        field_classes = {"start": GovukDateField, "end": GovukDateField}

    def __init__(self, *args, exclude_body: Body | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if exclude_body is not None:
            self.fields["to_body"].queryset = Body.objects.exclude(pk=exclude_body.pk)
        self.fields["source_agreement"].queryset = Agreement.objects.exclude(
            status=Agreement.Status.DRAFT
        )

    def _post_clean(self):
        # Model-level rules (who delegates) are checked by the service, which knows the delegator.
        pass


class DelegationEndForm(forms.Form):
    end = GovukDateField(label="Ends on")
