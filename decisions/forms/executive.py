"""Forms for the forward plan, decision notices and call-in. They only validate input; the
services keep the clocks."""

from __future__ import annotations

from django import forms

from decisions.models import CallIn, ForwardPlanEntry, Resolution
from governance.models import Body, Organisation
from ics_portal.common.forms import GovukDateField, VersionField

TEXT = {"rows": 4}


class ForwardPlanEntryForm(forms.Form):
    title = forms.CharField(max_length=300)
    decision_maker_body = forms.ModelChoiceField(
        label="Decision-maker: a body",
        queryset=Body.objects.none(),
        required=False,
        empty_label="Choose a body",
    )
    decision_maker_role = forms.CharField(
        label="Or the role of the person who decides",
        max_length=200,
        required=False,
        help_text="For example, Cabinet Member for Adult Social Care.",
    )
    is_key_decision = forms.BooleanField(label="Key decision", required=False, initial=True)
    expected_on = GovukDateField(label="Expected date of the decision")
    month_only = forms.BooleanField(label="Only the month is known", required=False)
    in_private = forms.BooleanField(label="To be taken in private", required=False)
    exempt_paragraph = forms.TypedChoiceField(
        label="Schedule 12A paragraph",
        choices=[("", "Not in private")] + [(n, f"Paragraph {n}") for n in range(1, 8)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    private_reason = forms.CharField(
        label="Why in private", widget=forms.Textarea(attrs=TEXT), required=False
    )
    documents = forms.CharField(
        label="Documents to be considered", widget=forms.Textarea(attrs=TEXT), required=False
    )
    lead_officer = forms.CharField(max_length=200)
    representations = forms.CharField(
        label="How to make representations", widget=forms.Textarea(attrs=TEXT)
    )
    first_published = GovukDateField(label="Date first published")
    urgency = forms.ChoiceField(
        label="Exception to the 28 clear days' notice",
        choices=ForwardPlanEntry.Urgency.choices,
        required=False,
    )
    urgency_reason = forms.CharField(
        label="Why the notice could not be given",
        widget=forms.Textarea(attrs=TEXT),
        required=False,
    )
    scrutiny_chair = forms.CharField(
        label="Scrutiny chair who agreed", max_length=200, required=False
    )
    scrutiny_agreed_on = GovukDateField(label="Date the scrutiny chair agreed", required=False)
    resolution = forms.ModelChoiceField(
        label="Partnership resolution it ratifies (optional)",
        queryset=Resolution.objects.none(),
        required=False,
        empty_label="None",
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision_maker_body"].queryset = organisation.bodies.order_by("name")
        self.fields["resolution"].queryset = (
            Resolution.objects.filter(ratifications__organisation=organisation)
            .select_related("body")
            .order_by("-year", "-number")
        )


REASON = {
    "label": "What changed, and why?",
    "widget": forms.Textarea(attrs={"rows": 2}),
    "help_text": "Shown in the change history, which anyone may read.",
    "error_messages": {"required": "Say what changed and why: it is shown in the history."},
}


class ForwardPlanEntryEditForm(ForwardPlanEntryForm):
    """The entry as published, to change: not its date first published, from which the 28
    clear days count."""

    version = VersionField()
    reason = forms.CharField(**REASON)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["first_published"]


class DecisionNoticeForm(forms.Form):
    title = forms.CharField(max_length=300)
    decision = forms.CharField(widget=forms.Textarea(attrs=TEXT))
    reasons = forms.CharField(label="Reasons for the decision", widget=forms.Textarea(attrs=TEXT))
    alternatives = forms.CharField(
        label="Alternatives considered and rejected", widget=forms.Textarea(attrs=TEXT)
    )
    interests = forms.CharField(
        label="Declared interests and dispensations",
        widget=forms.Textarea(attrs=TEXT),
        initial="None declared.",
        required=False,
    )
    decided_on = GovukDateField(
        label="Date of the decision",
        required=False,
        help_text="Leave blank to use the date of the ratification outcome.",
    )
    published_on = GovukDateField(label="Date published")
    urgent = forms.BooleanField(label="Urgent: exempt from call-in", required=False)
    urgency_reason = forms.CharField(
        label="Why it is urgent", widget=forms.Textarea(attrs=TEXT), required=False
    )


class CallInForm(forms.Form):
    scrutiny_body = forms.ModelChoiceField(
        label="Scrutiny committee", queryset=Body.objects.none(), empty_label=None
    )
    reasons = forms.CharField(label="Reasons for the call-in", widget=forms.Textarea(attrs=TEXT))
    signatories = forms.CharField(
        label="Scrutiny members who sign it",
        widget=forms.Textarea(attrs=TEXT),
        help_text="One name a line.",
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scrutiny_body"].queryset = bodies


class CallInOutcomeForm(forms.Form):
    version = VersionField()
    outcome = forms.ChoiceField(
        label="What the scrutiny committee decided",
        choices=[c for c in CallIn.Outcome.choices if c[0]],
        widget=forms.RadioSelect,
    )
    outcome_on = GovukDateField(label="Date of the scrutiny meeting")
    note = forms.CharField(
        label="Note (optional)", widget=forms.Textarea(attrs=TEXT), required=False
    )


class DecisionNoticeCorrectionForm(forms.Form):
    """The words of a published notice; its dates and call-in clock stay."""

    version = VersionField()
    title = forms.CharField(max_length=300)
    decision = forms.CharField(widget=forms.Textarea(attrs=TEXT))
    reasons = forms.CharField(label="Reasons for the decision", widget=forms.Textarea(attrs=TEXT))
    alternatives = forms.CharField(
        label="Alternatives considered and rejected", widget=forms.Textarea(attrs=TEXT)
    )
    interests = forms.CharField(
        label="Declared interests and dispensations",
        widget=forms.Textarea(attrs=TEXT),
        required=False,
    )
    reason = forms.CharField(**REASON)
