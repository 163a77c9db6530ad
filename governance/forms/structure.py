"""Forms for organisations, partnerships, bodies, people and memberships."""

from __future__ import annotations

from django import forms

from governance.models import (
    Body,
    Membership,
    Organisation,
    Partnership,
    PartnershipMember,
    Person,
)
from ics_portal.common.forms import EditsVersionMixin, GovukDateField


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "kind",
            "ods_code",
            "ratifying_body",
            "governance_contact",
            "governance_email",
            "call_in_working_days",
            "call_in_signatures",
        ]

    CALL_IN_FIELDS = ("call_in_working_days", "call_in_signatures")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.CALL_IN_FIELDS:
            self.fields[name].required = False

    def _kept(self, name: str) -> int:
        """Left empty, a call-in rule keeps its present value (or the default)."""
        value = self.cleaned_data.get(name)
        if value is None:
            return getattr(self.instance, name) or Organisation._meta.get_field(name).default
        return value

    def clean_call_in_working_days(self) -> int:
        return self._kept("call_in_working_days")

    def clean_call_in_signatures(self) -> int:
        return self._kept("call_in_signatures")


def _drop_ownership(form: forms.ModelForm, fields: tuple[str, ...], ownership: bool) -> None:
    """Without the right to change ownership the form has no such fields, so a posted value
    is ignored (see `governance.access.can_change_ownership`)."""
    if not ownership:
        for name in fields:
            del form.fields[name]


class PartnershipForm(forms.ModelForm):
    OWNERSHIP_FIELDS = ("parent",)

    class Meta:
        model = Partnership
        fields = ["name", "short_name", "level", "parent", "vision", "principles"]
        widgets = {"vision": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, ownership: bool, **kwargs):
        super().__init__(*args, **kwargs)
        _drop_ownership(self, self.OWNERSHIP_FIELDS, ownership)


class PartnershipMemberForm(forms.ModelForm):
    class Meta:
        model = PartnershipMember
        fields = ["organisation", "joined"]
        field_classes = {"joined": GovukDateField}


class LeaveForm(forms.Form):
    left = GovukDateField(label="Date left")


class BodyForm(forms.ModelForm):
    OWNERSHIP_FIELDS = ("partnership", "organisation", "parent")

    class Meta:
        model = Body
        fields = ["name", "short_name", "kind", "partnership", "organisation", "parent"]
        help_texts = {"partnership": "Choose a partnership or an organisation, not both."}

    def __init__(self, *args, ownership: bool, **kwargs):
        super().__init__(*args, **kwargs)
        _drop_ownership(self, self.OWNERSHIP_FIELDS, ownership)


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["honorific", "name", "job_title", "organisation", "email"]


class MembershipForm(EditsVersionMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["person", "role", "voting", "representing", "start", "end", "substitutes"]
        widgets = {
            "substitutes": forms.CheckboxSelectMultiple,
        }
        field_classes = {"start": GovukDateField, "end": GovukDateField}
        labels = {"voting": "Has a vote", "end": "End date", "start": "Start date"}

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.body = body
        if self.instance.pk:
            del self.fields["person"]
        # Substitutes are usually people already known to the body's owner.
        owner_org = body.organisation_id
        people = Person.objects.all()
        if owner_org:
            people = people.filter(organisation_id=owner_org)
        self.fields["substitutes"].queryset = people
        self.fields["substitutes"].required = False
