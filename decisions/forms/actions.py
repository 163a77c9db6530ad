"""Forms for actions and their progress notes. They only validate input."""

from __future__ import annotations

from django import forms

from decisions.models import Action
from ics_portal.common.forms import GovukDateField, VersionField


class ActionForm(forms.Form):
    description = forms.CharField(
        label="What must be done",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example: provide committee members with an email update on the "
        "vaccination programme.",
    )
    owner = forms.CharField(
        max_length=200,
        help_text="The person or job title responsible, for example Director of Public Health.",
    )
    due_date = GovukDateField(label="Due date")


class ActionEditForm(ActionForm):
    """An existing action's fields, with the version the form was opened at."""

    version = VersionField()


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label="New status", widget=forms.RadioSelect)
    note = forms.CharField(
        label="Progress note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The action's version when the form was opened.
    version = VersionField()

    def __init__(self, *args, statuses: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, Action.Status(s).label) for s in statuses]


class ActionNoteForm(forms.Form):
    text = forms.CharField(label="Progress note", widget=forms.Textarea(attrs={"rows": 4}))
