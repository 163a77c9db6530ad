"""Forms for meetings, agenda items and the work programme. They only validate input."""

from __future__ import annotations

from django import forms

from governance.models import Body
from ics_portal.common.forms import DateInput, DateTimeInput, ListSelect, VersionField
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
    start = forms.DateTimeField(
        label="Date and time", widget=DateTimeInput(), help_text="UK time (Europe/London)."
    )
    venue = forms.CharField(max_length=300, required=False)
    online_url = forms.URLField(
        label="Online link", required=False, assume_scheme="https", max_length=200
    )

    def clean(self):
        data = super().clean()
        if not data.get("venue") and not data.get("online_url") and not self.errors:
            raise forms.ValidationError("Give a venue, an online link, or both.")
        return data


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

    def clean(self):
        data = super().clean()
        if data.get("is_exempt") and not data.get("exempt_paragraph"):
            self.add_error(
                "exempt_paragraph", "Choose the paragraph of Schedule 12A this item relies on."
            )
        if not data.get("is_exempt") and data.get("exempt_paragraph"):
            self.add_error(
                "exempt_paragraph",
                "Only a Part II item cites a paragraph of Schedule 12A: mark the item as "
                "Part II, or choose no paragraph.",
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

    field_order = ["summary", "title", "purpose", "lead_officer", "is_exempt", "exempt_paragraph"]


class PublishForm(forms.Form):
    late_reason = forms.CharField(
        label="Why is the agenda published late?",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="For example, the urgent business that could not wait for the next meeting. "
        "This is shown on the meeting page.",
    )


class PastPublicationForm(forms.Form):
    published_on = forms.DateField(
        label="Date the agenda was published",
        widget=DateInput(),
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


class ConfirmForm(forms.Form):
    """A confirmation with no fields, so refusals can use the error summary."""


class WorkProgrammeEntryForm(forms.Form):
    planned_for = forms.DateField(label="Planned meeting date", widget=DateInput())
    title = forms.CharField(max_length=300)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    lead_officer = forms.CharField(max_length=200, required=False)
    report_author = forms.CharField(max_length=200, required=False)


class WorkProgrammeEntryEditForm(WorkProgrammeEntryForm):
    status = forms.ChoiceField(choices=WorkProgrammeEntry.Status.choices, widget=forms.RadioSelect)


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


class MeetingFilterForm(forms.Form):
    body = forms.ModelChoiceField(
        queryset=Body.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label="All bodies",
        widget=ListSelect,
    )
    start = forms.DateField(label="From", widget=DateInput(), required=False)
    end = forms.DateField(label="To", widget=DateInput(), required=False)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The 'to' date must be on or after the 'from' date.")
        return data
