"""Forms for resolutions. They only validate input; the services apply the rules."""

from __future__ import annotations

from django import forms

from decisions.models import NamedVote, Resolution
from decisions.services.resolutions import VoteCount
from governance.models import Body, Person
from ics_portal.common.forms import VersionField
from meetings.models import AgendaItem

VOTE_CHOICES = [("", "Not recorded by name"), *NamedVote.Vote.choices]


class ResolutionForm(forms.Form):
    # Only at a meeting held in common: which sitting body made the resolution.
    for_body = forms.ModelChoiceField(
        label="Which body made this resolution?",
        queryset=Body.objects.all(),
        widget=forms.RadioSelect,
        help_text="Each body sitting in common decides for itself; the resolution is numbered "
        "in that body's series.",
        error_messages={"required": "Choose the body that made the resolution."},
    )
    kind = forms.ChoiceField(
        choices=Resolution.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of resolution this is."},
    )
    preamble = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Words before the numbered parts, if any. For example “That the Committee:”.",
    )
    parts = forms.CharField(
        label="Numbered parts",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One part a line. They are numbered 1), 2), 3) for you.",
        error_messages={"required": "Enter the numbered parts of the resolution."},
    )
    recommended_to = forms.ModelChoiceField(
        label="Recommended to",
        queryset=Body.objects.none(),
        required=False,
        help_text="For a recommendation to another body only.",
    )
    acts_on = forms.ModelChoiceField(
        label="Acts on an earlier resolution",
        queryset=Resolution.objects.none(),
        required=False,
        help_text="If this resolution amends, rescinds or implements an earlier one.",
    )
    act = forms.ChoiceField(
        label="How it acts on the earlier resolution",
        choices=[("", "Choose"), *Resolution.Act.choices],
        required=False,
    )
    vote_taken = forms.BooleanField(label="A vote was taken", required=False)
    votes_for = forms.IntegerField(label="Votes for", min_value=0, required=False)
    votes_against = forms.IntegerField(label="Votes against", min_value=0, required=False)
    abstentions = forms.IntegerField(min_value=0, required=False)

    def __init__(
        self, *args, body: Body, voters: list[Person], sitting: list[Body] = (), **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.voters = voters
        if sitting:
            # At a meeting held in common, the choices are the sitting bodies this clerk
            # records for; any other body sent reaches the service, which refuses it with its
            # reason.
            self.fields["for_body"].widget.choices = [(b.pk, b.name) for b in sitting]
            if len(sitting) == 1:
                self.fields["for_body"].initial = sitting[0].pk
        else:
            del self.fields["for_body"]
        self.fields["recommended_to"].queryset = Body.objects.exclude(pk=body.pk).order_by("name")
        # An earlier resolution of any body it may be made for (the service checks that it is
        # the same body's as the new one).
        self.fields["acts_on"].queryset = (
            Resolution.objects.filter(body__in=[b.pk for b in sitting] or [body.pk])
            .exclude(status=Resolution.Status.WITHDRAWN)
            .select_related("body")
        )
        for field_name in ("votes_for", "votes_against", "abstentions"):
            self.fields[field_name].widget.attrs["class"] = "govuk-input--width-3"
        for person in voters:
            self.fields[f"vote_{person.pk}"] = forms.ChoiceField(
                label=f"How {person.name} voted", choices=VOTE_CHOICES, required=False
            )

    def clean(self):
        data = super().clean()
        counts = [data.get(name) for name in ("votes_for", "votes_against", "abstentions")]
        if data.get("vote_taken"):
            if all(count is None for count in counts):
                self.add_error(
                    "votes_for", "Give the number of votes for, against and abstaining."
                )
        elif any(count for count in counts):
            self.add_error("vote_taken", "Tick “A vote was taken” to record vote counts.")
        return data

    def vote(self) -> VoteCount | None:
        data = self.cleaned_data
        if not data.get("vote_taken"):
            return None
        return VoteCount(
            votes_for=data.get("votes_for") or 0,
            votes_against=data.get("votes_against") or 0,
            abstentions=data.get("abstentions") or 0,
        )

    def named_votes(self) -> list[tuple[Person, str]]:
        return [
            (person, self.cleaned_data[f"vote_{person.pk}"])
            for person in self.voters
            if self.cleaned_data.get(f"vote_{person.pk}")
        ]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "preamble": data["preamble"],
            "parts": data["parts"],
            "recommended_to": data["recommended_to"],
            "acts_on": data["acts_on"],
            "act": data["act"],
            "vote": self.vote(),
            "named_votes": self.named_votes(),
            "body": data.get("for_body"),
        }


class ResolutionCorrectionForm(forms.Form):
    """The text of a resolution, and (while it may still be re-filed) its item and kind."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    item = forms.ModelChoiceField(
        label="Agenda item",
        queryset=AgendaItem.objects.none(),
        empty_label=None,
        required=False,
        help_text="The item of the meeting on which the resolution was made.",
    )
    kind = forms.ChoiceField(
        choices=Resolution.Kind.choices, widget=forms.RadioSelect, required=False
    )
    recommended_to = forms.ModelChoiceField(
        label="Recommended to",
        queryset=Body.objects.none(),
        required=False,
        help_text="For a recommendation to another body only.",
    )
    preamble = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    parts = forms.CharField(
        label="Numbered parts",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One part a line. They are numbered 1), 2), 3) for you.",
    )
    reason = forms.CharField(
        label="Why is it being corrected?",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Shown in the resolution's change history.",
        error_messages={"required": "Say why the resolution is being corrected."},
    )

    def __init__(self, *args, resolution: Resolution, can_refile: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if can_refile:
            self.fields["item"].queryset = resolution.meeting.items.order_by("position")
        else:
            del self.fields["item"], self.fields["kind"]
        if can_refile or resolution.kind == Resolution.Kind.RECOMMENDATION:
            self.fields["recommended_to"].queryset = Body.objects.exclude(
                pk=resolution.body_id
            ).order_by("name")
        else:
            del self.fields["recommended_to"]


class ResolutionWithdrawForm(forms.Form):
    version = VersionField()
    reason = forms.CharField(
        label="Why is it withdrawn?",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example, “recorded against the wrong meeting”. Shown in its history.",
        error_messages={"required": "Say why the resolution is withdrawn."},
    )
