"""Forms for writing a report in the standard shape and attaching files to it."""

from __future__ import annotations

from django import forms

from governance.models.terms import ExemptionRegime
from ics_portal.common.forms import VersionField
from meetings.models import Report
from meetings.models.reports import IMPLICATIONS

# The standard shape of a committee report, in order, grouped under headings.
REPORT_SECTIONS = [
    ("The report", ["title", "purpose", "recommendations", "information"]),
    ("Options and reasons", ["other_options", "reasons"]),
    ("Implications", [name for name, _label in IMPLICATIONS]),
    ("Author and contact", ["author", "author_contact", "presenting_officer"]),
    (
        "Comments of consultees",
        ["consultee_constitutional", "consultee_financial", "consultee_hr"],
    ),
    ("Background papers", ["background_papers"]),
]
FIELDSET_SECTIONS = {"Implications"}
SHORT_TEXT_FIELDS = [
    "other_options",
    "reasons",
    *(name for name, _label in IMPLICATIONS),
    "consultee_constitutional",
    "consultee_financial",
    "consultee_hr",
    "background_papers",
]


class RevisionSummaryMixin:
    """Adds 'what changed' when the agenda is already published."""

    def add_revision_summary(self, published: bool) -> None:
        if published:
            self.fields["revision_summary"] = forms.CharField(
                label="What changed",
                max_length=300,
                help_text="The agenda is published, so this change is shown on it as a "
                "supplementary or revised report. For example: 'Revised financial implications'.",
            )


class ReportForm(RevisionSummaryMixin, forms.ModelForm):
    # The version of the report the form was opened at (none while there is no report yet).
    version = VersionField(required=False)

    class Meta:
        model = Report
        fields = [name for _heading, names in REPORT_SECTIONS for name in names]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "recommendations": forms.Textarea(attrs={"rows": 5}),
            "information": forms.Textarea(attrs={"rows": 12}),
            **{name: forms.Textarea(attrs={"rows": 3}) for name in SHORT_TEXT_FIELDS},
        }

    def __init__(self, *args, published: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_revision_summary(published)
        if self.instance.pk is not None:
            version = self.fields["version"]
            version.required = True
            # Sent without a version: the page was opened before anyone had written the report.
            version.error_messages["required"] = (
                "This item already has a report: someone else wrote it since you opened the "
                "page. Reload the page and change that one instead."
            )
            self.initial.setdefault("version", self.instance.version)

    def sections(self) -> list[tuple[str, bool, list]]:
        """(heading, shown as a fieldset, bound fields) in the standard order."""
        return [
            (heading, heading in FIELDSET_SECTIONS, [self[name] for name in names])
            for heading, names in REPORT_SECTIONS
        ]

    def report_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class AttachmentForm(RevisionSummaryMixin, forms.Form):
    title = forms.CharField(
        max_length=300,
        help_text="What the file is, as readers will see it. For example: "
        "'Appendix 1: Winter plan'.",
    )
    upload = forms.FileField(
        label="File",
        help_text="A PDF or a Word document (.docx).",
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx"}),
    )

    is_exempt = forms.BooleanField(
        label="Exempt appendix (Part II)",
        required=False,
        help_text="The report is public but this appendix is not: only members will see it.",
    )
    exempt_paragraph = forms.TypedChoiceField(
        label="Schedule 12A paragraph",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Not exempt")] + [(n, f"Paragraph {n}") for n in range(1, 8)],
    )
    exempt_reason = forms.CharField(
        label="Reason for keeping it private",
        max_length=300,
        required=False,
        help_text="For an exempt appendix: why publicity would be prejudicial to the public "
        "interest. Published with the appendix's title.",
    )

    def __init__(
        self,
        *args,
        published: bool = False,
        regime: str = ExemptionRegime.SCHEDULE_12A,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.add_revision_summary(published)
        if regime == ExemptionRegime.NHS_PUBLIC_INTEREST:
            del self.fields["exempt_paragraph"]
        else:
            del self.fields["exempt_reason"]


class AttachmentRemoveForm(forms.Form):
    """Nothing to ask before publication; afterwards the attachment is withdrawn, for a reason."""

    def __init__(self, *args, published: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if published:
            self.fields["revision_summary"] = forms.CharField(
                label="Why is it withdrawn?",
                max_length=300,
                help_text="The agenda is published, so the file is not deleted: it stays listed "
                "as withdrawn, with today's date and this reason. For example: 'Replaced by the "
                "revised appendix'.",
            )
