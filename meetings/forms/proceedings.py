"""Forms for attendance, declarations of interest and the minutes."""

from __future__ import annotations

from django import forms

from governance.models import InterestKind, Membership, Person
from ics_portal.common.forms import GovukDateField, VersionField
from meetings.models import AgendaItem, Attendance, Declaration, Meeting
from meetings.services.proceedings import AttendanceEntry, attendance_versions

MEMBER_CHOICES = [
    (Attendance.Status.PRESENT, "Present"),
    (Attendance.Status.APOLOGIES, "Apologies"),
    (Attendance.Status.ABSENT, "Absent"),
    (Attendance.Status.SUBSTITUTED, "Represented by a substitute"),
]
OTHER_OFFICERS = 3


def _person_choices(people) -> list[tuple[str, str]]:
    return [("", "Choose a person")] + [(str(p.pk), str(p)) for p in people]


class AttendanceForm(forms.Form):
    """Every member's status (and substitute), plus the officers in attendance: one POST."""

    def __init__(
        self,
        *args,
        seats: list[Membership],
        officer_people: list[Person],
        people: list[Person],
        rows: dict[int, Attendance],
        officers: bool = True,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.seats = seats
        self.people = {p.pk: p for p in people}
        seat_people = {seat.person_id for seat in seats}
        others = [p for p in people if p.pk not in seat_people]
        self.member_rows = []
        for seat in seats:
            pid = seat.person_id
            row = rows.get(pid)
            status = forms.ChoiceField(
                label=f"{seat.person} ({seat.get_role_display()})",
                choices=MEMBER_CHOICES,
                widget=forms.RadioSelect,
                initial=row.status if row and row.status != Attendance.Status.OFFICER else None,
                error_messages={"required": f"Choose how {seat.person.name} attended."},
            )
            named = list(seat.substitutes.all())
            substitute = forms.ChoiceField(
                label=f"Substitute for {seat.person}",
                choices=_person_choices(named or others),
                required=False,
                initial=row.substitute_id if row else None,
                help_text="One of the member's named substitutes." if named else "",
            )
            self.fields[f"status_{pid}"] = status
            self.fields[f"substitute_{pid}"] = substitute
        officer_ids = {p.pk for p in officer_people}
        recorded = [
            row.person
            for row in rows.values()
            if row.status == Attendance.Status.OFFICER and row.person_id not in officer_ids
        ]
        self.fields["officers"] = forms.MultipleChoiceField(
            label="Officers in attendance",
            choices=[
                (str(p.pk), f"{p}{', ' + p.job_title if p.job_title else ''}")
                for p in [*officer_people, *recorded]
            ],
            widget=forms.CheckboxSelectMultiple,
            required=False,
            initial=[
                str(row.person_id)
                for row in rows.values()
                if row.status == Attendance.Status.OFFICER
            ],
        )
        for n in range(1, OTHER_OFFICERS + 1):
            self.fields[f"other_officer_{n}"] = forms.ChoiceField(
                label="Another officer in attendance",
                choices=_person_choices(people),
                required=False,
            )
        if not officers:
            # At a meeting held in common, the officers in attendance are recorded with the
            # lead body's attendance only.
            del self.fields["officers"]
            for n in range(1, OTHER_OFFICERS + 1):
                del self.fields[f"other_officer_{n}"]
        # The attendance as this form opened it: "person:version" for each row recorded.
        self.fields["versions"] = forms.CharField(
            widget=forms.HiddenInput,
            required=False,
            initial=" ".join(
                f"{pid}:{version}" for pid, version in attendance_versions(rows.values()).items()
            ),
        )

    def member_fields(self):
        """(seat, status field, substitute field) for the template, chair first."""
        for seat in self.seats:
            pid = seat.person_id
            yield seat, self[f"status_{pid}"], self[f"substitute_{pid}"]

    def other_officer_fields(self):
        if "officers" not in self.fields:
            return []
        return [self[f"other_officer_{n}"] for n in range(1, OTHER_OFFICERS + 1)]

    def clean_versions(self) -> dict[int, int]:
        try:
            pairs = [pair.split(":") for pair in self.cleaned_data["versions"].split()]
            return {int(pid): int(version) for pid, version in pairs}
        except ValueError as exc:
            raise forms.ValidationError(VersionField.default_error_messages["invalid"]) from exc

    def _person(self, value: str) -> Person | None:
        return self.people.get(int(value)) if value else None

    def clean(self):
        cleaned = super().clean()
        entries = []
        for seat in self.seats:
            pid = seat.person_id
            status = cleaned.get(f"status_{pid}")
            substitute = self._person(cleaned.get(f"substitute_{pid}", ""))
            if status == Attendance.Status.SUBSTITUTED and substitute is None:
                self.add_error(
                    f"substitute_{pid}", f"Choose the substitute for {seat.person.name}."
                )
            if status != Attendance.Status.SUBSTITUTED:
                substitute = None
            if status:
                entries.append(AttendanceEntry(seat.person, status, substitute))
        officer_ids = [int(value) for value in cleaned.get("officers", [])]
        officer_ids += [
            int(cleaned[f"other_officer_{n}"])
            for n in range(1, OTHER_OFFICERS + 1)
            if cleaned.get(f"other_officer_{n}")
        ]
        for pid in dict.fromkeys(officer_ids):
            person = self.people.get(pid)
            if person is not None:
                entries.append(AttendanceEntry(person, Attendance.Status.OFFICER))
        cleaned["entries"] = entries
        return cleaned


class DeclarationForm(forms.Form):
    person = forms.ChoiceField(label="Who declared the interest")
    kind = forms.ChoiceField(
        label="Kind of interest", choices=InterestKind.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(label="The interest", widget=forms.Textarea(attrs={"rows": 3}))
    action = forms.ChoiceField(
        label="Action taken", choices=Declaration.Action.choices, widget=forms.RadioSelect
    )
    dispensation_granted_by = forms.CharField(
        label="Dispensation granted by",
        max_length=200,
        required=False,
        help_text="Only if a dispensation let them stay: for example, the Monitoring Officer. "
        "A disclosable pecuniary interest needs one unless they left the room.",
    )
    dispensation_granted_on = GovukDateField(
        label="Date the dispensation was granted", required=False
    )
    dispensation_reference = forms.CharField(
        label="Dispensation reference", max_length=100, required=False
    )
    managed_by = forms.CharField(
        label="Who decided how the conflict was managed",
        max_length=200,
        help_text="Usually the chair, for example “The Chair, Stephanie Elsy”.",
        error_messages={"required": "Say who decided how the conflict was managed"},
    )
    management_reason = forms.CharField(
        label="How the conflict was managed, and why",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="As the minutes should record it, for example “took part in the discussion "
        "but not the decision, as the contract is with their employer”.",
        error_messages={"required": "Say how the conflict was managed, and why"},
    )

    def __init__(self, *args, people: dict[int, Person], nhs: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not nhs:
            # Only NHS bodies record who decided how a conflict was managed (NHS England's
            # conflicts of interest guidance); a council's minutes record the action taken.
            del self.fields["managed_by"]
            del self.fields["management_reason"]
        self.people = people
        ordered = sorted(people.values(), key=lambda p: p.name)
        self.fields["person"].choices = _person_choices(ordered)
        self.fields[
            "person"
        ].help_text = "Members present, substitutes who attended and officers in attendance."

    def clean_person(self) -> Person:
        return self.people[int(self.cleaned_data["person"])]


class DeclarationEditForm(DeclarationForm):
    """Correct a declaration: everything but who made it, with the reason and the version."""

    version = VersionField()
    reason = forms.CharField(
        label="Why is it being corrected?",
        max_length=300,
        help_text="Kept in the declaration's change history.",
        error_messages={"required": "Say why the declaration is being corrected."},
    )

    def __init__(self, *args, nhs: bool, **kwargs):
        super().__init__(*args, people={}, nhs=nhs, **kwargs)
        del self.fields["person"]


class DeclarationRemoveForm(forms.Form):
    reason = forms.CharField(
        label="Why is it being removed?",
        max_length=300,
        help_text="For example, “recorded against the wrong item”. Kept in its change history.",
        error_messages={"required": "Say why the declaration is being removed."},
    )


class MinutesForm(forms.Form):
    """A textarea for the minute of each agenda item."""

    def __init__(self, *args, items: list[AgendaItem], **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            minute = getattr(item, "minute", None)
            self.fields[f"item_{item.pk}"] = forms.CharField(
                label=str(item),
                required=False,
                initial=minute.text if minute else "",
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=f"Part II. {item.exempt_notice}." if item.is_exempt else "",
            )
            # The minute's version when the page was opened; 0 while it has none.
            self.fields[f"version_{item.pk}"] = VersionField(
                initial=minute.version if minute else 0
            )

    def item_fields(self) -> list[tuple[AgendaItem, forms.BoundField, forms.BoundField]]:
        """Each item with its minute's field and version field, for a page that shows what
        else is on the record about the item beside the box."""
        return [(item, self[f"item_{item.pk}"], self[f"version_{item.pk}"]) for item in self.items]

    def texts(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data[f"item_{item.pk}"] for item in self.items}

    def versions(self) -> dict[int, int]:
        return {item.pk: self.cleaned_data[f"version_{item.pk}"] for item in self.items}


class ApproveForm(forms.Form):
    """Choose the later meeting's 'minutes of the last meeting' item."""

    at_item = forms.ModelChoiceField(
        label="Approved at",
        queryset=AgendaItem.objects.select_related("meeting__body"),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the meeting and item at which they were approved."},
    )

    def __init__(self, *args, candidates: list[AgendaItem], meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only sensible items; any item posted is checked by the service, which explains
        # why a wrong one is refused.
        self.fields["at_item"].widget.choices = [
            (item.pk, f"{item.meeting}: item {item.position}, {item.title}") for item in candidates
        ]
        self.meeting = meeting
