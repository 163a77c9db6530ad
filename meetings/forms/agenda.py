"""Forms for meetings, agenda items and the work programme. They only validate input."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.utils import timezone

from governance.models import Body
from governance.models.terms import ExemptionRegime
from ics_portal.common.forms import GovukDateField, GovukTimeField, VersionField
from meetings.models import AgendaItem, Meeting, WorkProgrammeEntry

SCHEDULE_12A = [
    ("", "Choose a paragraph"),
    (1, "1. Information relating to any individual"),
    (2, "2. Information likely to reveal the identity of an individual"),
    (3, "3. Information relating to the financial or business affairs of any particular person"),
    (4, "4. Consultations or negotiations in connection with a labour relations matter"),
    (5, "5. Information in respect of which legal professional privilege could be claimed"),
    (6, "6. Information about a notice, order or direction under an enactment"),
    (7, "7. Action taken in connection with the prevention, investigation or prosecution "
     "of crime"),
]  # fmt: skip


class MeetingForm(forms.Form):
    """A meeting's date, start time and place; `cleaned_data["start"]` is the start in UK time."""

    date = GovukDateField(label="Date", help_text="For example, 10 3 2026")
    time = GovukTimeField(label="Start time", help_text="UK time. For example, 14:30")
    venue = forms.CharField(max_length=300, required=False)
    online_url = forms.URLField(
        label="Online link", required=False, assume_scheme="https", max_length=200
    )
    report_deadline = GovukDateField(
        label="Reports due by",
        required=False,
        help_text="The day report authors must send their reports. Leave blank for ten "
        "working days before the meeting.",
    )

    def clean(self):
        data = super().clean()
        day, at = data.pop("date", None), data.pop("time", None)
        if day and at:
            data["start"] = datetime.combine(day, at, tzinfo=timezone.get_default_timezone())
        if not data.get("venue") and not data.get("online_url") and not self.errors:
            raise forms.ValidationError("Give a venue, an online link, or both.")
        return data


class MeetingEditForm(MeetingForm):
    """A scheduled meeting's details as the clerk opened them: a save made after another
    clerk's is refused."""

    version = VersionField()


EXEMPT_REASON_HELP = (
    "For a Part II item: why publicity would be prejudicial to the public interest, as the "
    "resolution to exclude the public will state it, for example 'commercially confidential "
    "information about a procurement'. Published with the item's title."
)


def follow_regime(form: forms.Form, regime: str) -> None:
    """Ask for the grounds the body's regime uses: a Schedule 12A paragraph or an NHS
    public-interest reason, never both."""
    if regime == ExemptionRegime.NHS_PUBLIC_INTEREST:
        del form.fields["exempt_paragraph"]
        form.fields[
            "is_exempt"
        ].help_text = "Taken in private: the public will see only the title and the reason given."
    else:
        del form.fields["exempt_reason"]


class InCommonForm(forms.Form):
    """The other bodies whose committees sit with the meeting's body, in common."""

    bodies = forms.ModelMultipleChoiceField(
        label="Which other bodies sit at this meeting, in common?",
        queryset=Body.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Committees in common (NHS Act 2006 section 65Z5): each body keeps its own "
        "attendance, quorum and numbered resolutions. Choose none for a meeting of this body "
        "alone.",
    )

    def __init__(self, *args, lead: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bodies"].queryset = Body.objects.exclude(pk=lead.pk).order_by("name")


class AgendaItemForm(forms.Form):
    title = forms.CharField(max_length=300)
    purpose = forms.ChoiceField(
        choices=AgendaItem.Purpose.choices, widget=forms.RadioSelect, required=False
    )
    lead_officer = forms.CharField(max_length=200, required=False)
    is_exempt = forms.BooleanField(
        label="Part II (exempt from publication)",
        required=False,
        help_text="The public will see only the title and the paragraph it relies on.",
    )
    exempt_paragraph = forms.TypedChoiceField(
        label="Schedule 12A paragraph",
        choices=SCHEDULE_12A,
        coerce=int,
        empty_value=None,
        required=False,
        help_text="For a Part II item: the paragraph of Schedule 12A to the Local Government "
        "Act 1972 it relies on.",
    )
    exempt_reason = forms.CharField(
        label="Reason for taking it in private",
        max_length=300,
        required=False,
        help_text=EXEMPT_REASON_HELP,
    )

    def __init__(self, *args, regime: str = ExemptionRegime.SCHEDULE_12A, **kwargs):
        super().__init__(*args, **kwargs)
        follow_regime(self, regime)

    def clean(self):
        data = super().clean()
        exempt = data.get("is_exempt")
        if "exempt_paragraph" in self.fields:
            if exempt and not data.get("exempt_paragraph"):
                self.add_error(
                    "exempt_paragraph", "Choose the paragraph of Schedule 12A this item relies on."
                )
            if not exempt and data.get("exempt_paragraph"):
                self.add_error(
                    "exempt_paragraph",
                    "Only a Part II item cites a paragraph of Schedule 12A: mark the item as "
                    "Part II, or choose no paragraph.",
                )
        if "exempt_reason" in self.fields:
            if exempt and not data.get("exempt_reason"):
                self.add_error("exempt_reason", "Give the reason for taking this item in private.")
            if not exempt and data.get("exempt_reason"):
                self.add_error(
                    "exempt_reason",
                    "Only a Part II item gives a reason for taking it in private: mark the item "
                    "as Part II, or leave the reason empty.",
                )
        return data


class AgendaItemEditForm(AgendaItemForm):
    """An existing item's fields, with the version the form was opened at."""

    version = VersionField()


class ItemReviseForm(AgendaItemEditForm):
    summary = forms.CharField(
        label="What has changed",
        max_length=300,
        help_text="Shown on the published agenda as a supplementary / revised report.",
    )

    field_order = [
        "summary",
        "title",
        "purpose",
        "lead_officer",
        "is_exempt",
        "exempt_paragraph",
        "exempt_reason",
    ]


class PublishForm(forms.Form):
    late_reason = forms.CharField(
        label="Why is the agenda published late?",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="For example, the urgent business that could not wait for the next meeting. "
        "This is shown on the meeting page.",
    )


class PastPublicationForm(forms.Form):
    published_on = GovukDateField(
        label="Date the agenda was published",
        help_text="As it was published before the meeting, for example on the council's website.",
        error_messages={"required": "Enter the date the agenda was published."},
    )
    late_reason = forms.CharField(
        label="Why was it published late?",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Only if it was published with fewer than five clear working days to spare: "
        "the reason given at the time. This is shown on the meeting page.",
    )


class LateItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: AgendaItem) -> str:
        part = f" (Part II, {obj.exempt_notice.lower()})" if obj.is_exempt else ""
        return f"{obj.position}. {obj.title}{part}"


class SupplementPublishForm(forms.Form):
    items = LateItemChoiceField(
        label="Late items to publish",
        queryset=AgendaItem.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Items left unticked wait for a later supplementary agenda.",
    )
    reason = forms.CharField(
        label="Reason for urgency",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The special circumstances for which the chair is of the opinion that these "
        "items should be considered at this meeting as a matter of urgency (section 100B(4)(b) "
        "of the Local Government Act 1972). It is published: quote nothing exempt.",
        error_messages={
            "required": "Give the reason for urgency: the special circumstances for which the "
            "chair considers these items should be taken at this meeting."
        },
    )

    def __init__(self, *args, late_items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = late_items
        self.fields["items"].error_messages["required"] = "Choose at least one late item."
        if not self.is_bound:
            self.initial["items"] = [item.pk for item in late_items]


class ConfirmForm(forms.Form):
    """A confirmation with no fields, so refusals can use the error summary."""


class WorkProgrammeEntryForm(forms.Form):
    planned_for = GovukDateField(label="Planned meeting date")
    title = forms.CharField(max_length=300)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    lead_officer = forms.CharField(max_length=200, required=False)
    report_author = forms.CharField(max_length=200, required=False)


class WorkProgrammeEntryEditForm(WorkProgrammeEntryForm):
    """An existing entry's fields, with the version the form was opened at."""

    status = forms.ChoiceField(choices=WorkProgrammeEntry.Status.choices, widget=forms.RadioSelect)
    version = VersionField()


class ToAgendaForm(forms.Form):
    meeting = forms.ModelChoiceField(queryset=Meeting.objects.none(), empty_label=None)

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(body=body, status=Meeting.Status.SCHEDULED)
            .select_related("body")
            .order_by("start")
        )
        self.fields["meeting"].label_from_instance = lambda m: f"{m.date:%-d %B %Y}"
