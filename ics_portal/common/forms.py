"""GOV.UK Design System rendering for every Django form in the portal."""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Callable
from datetime import date, time
from typing import Any

import django_filters
from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import SafeString, mark_safe

from ics_portal.common.changes import history_stamp

# "Feb", "february" and the like, which the GOV.UK pattern asks services to accept.
MONTHS = {
    **{name.lower(): n for n, name in enumerate(calendar.month_name) if name},
    **{name.lower(): n for n, name in enumerate(calendar.month_abbr) if name},
}


class GovukFormRenderer(TemplatesSetting):
    """Renders `{{ form }}` and `{{ field.as_field_group }}` with GOV.UK markup and errors."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"


class ListSelect(forms.Select):
    """A select of a long plain list (every body, in a filter): its options are written in one
    template rather than through a template of their own each, which took most of a list
    page's time at a few hundred bodies. No option groups nor per-option attributes.

    For the records of a model with history, the rendered select is kept in the cache under
    a stamp of the model's latest history row (`history_stamp`): any change to any of the
    records writes a history row, and so a new key, and the select is rendered again. A
    list page otherwise renders the same few hundred options on every request."""

    template_name = "includes/widgets/list_select.html"

    # Set by a KeptFilterForm that has read it already.
    stamp: tuple | None = None

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        queryset = getattr(self.choices, "queryset", None)
        stamp = self.stamp or (history_stamp(queryset.model) if queryset is not None else None)
        if stamp is None:
            return super().render(name, value, attrs, renderer)
        parts = (
            name,
            self.format_value(value),
            self.build_attrs(self.attrs, attrs),
            str(queryset.query),
            self.choices.field.empty_label,
            stamp,
        )
        key = "list-select:" + hashlib.sha256(repr(parts).encode()).hexdigest()
        html = cache.get(key)
        if html is None:
            html = str(super().render(name, value, attrs, renderer))
            cache.set(key, html, LIST_SELECT_SECONDS)
        return mark_safe(html)  # rendered (and escaped) by the widget's template


# A kept select is only ever replaced by a new key; this only lets unused ones go.
LIST_SELECT_SECONDS = 24 * 3600


class KeptFilterForm(forms.Form):
    """A list page's filter form, kept rendered in the cache like its `ListSelect`: under the
    values asked for and the stamp of the records its select lists. A form with errors is
    rendered afresh. Rendering the form took a fifth of a meeting list's time."""

    def render(self, template_name=None, context=None, renderer=None) -> SafeString:
        selects = [
            field.widget for field in self.fields.values() if isinstance(field.widget, ListSelect)
        ]
        if template_name or context or renderer or (self.is_bound and self.errors):
            return super().render(template_name, context, renderer)
        for select in selects:
            select.stamp = history_stamp(select.choices.queryset.model)
            if select.stamp is None:  # nothing says when its records change
                return super().render()
        asked = sorted(
            (key, self.data.getlist(key))
            for key in self.data
            if any(key == name or key.startswith(f"{name}_") for name in self.fields)
        )
        parts = (type(self).__qualname__, self.prefix, asked, [w.stamp for w in selects])
        key = "filter-form:" + hashlib.sha256(repr(parts).encode()).hexdigest()
        html = cache.get(key)
        if html is None:
            html = str(super().render())
            cache.set(key, html, LIST_SELECT_SECONDS)
        return mark_safe(html)  # rendered (and escaped) by the form's templates

    # Django binds these to its own `render` (templates show a form through `__html__`).
    __str__ = render
    __html__ = render


class GovukDateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year in three boxes (`<name>_day` and so on)."""

    template_name = "includes/date_input.html"
    PARTS = ("day", "month", "year")

    def __init__(self, attrs=None):
        super().__init__({part: forms.TextInput for part in self.PARTS}, attrs)

    def decompress(self, value) -> list[str | None]:
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        parts = super().value_from_datadict(data, files, name)
        if not any(parts) and data.get(name):
            return data.get(name)  # one ISO date, as links and the API write it
        return parts

    def value_omitted_from_data(self, data, files, name) -> bool:
        return name not in data and super().value_omitted_from_data(data, files, name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        in_error = "govuk-input--error" in (widget["attrs"].get("class") or "")
        complete = all(sub["value"] for sub in widget["subwidgets"])
        for part, sub in zip(self.PARTS, widget["subwidgets"], strict=True):
            sub["label"] = part.capitalize()
            sub["width"] = 4 if part == "year" else 2
            # GOV.UK marks the missing boxes, or all three when the date itself is wrong.
            sub["error"] = in_error and (complete or not sub["value"])
        return context


class GovukDateField(forms.DateField):
    """A date typed as day, month and year, refused with the GOV.UK date input's messages."""

    widget = GovukDateInput

    def __init__(self, *, label: str | None = None, help_text: str = "", **kwargs):
        super().__init__(label=label, help_text=help_text or "For example, 27 3 2021", **kwargs)
        if "required" not in (kwargs.get("error_messages") or {}):
            self.error_messages["required"] = f"Enter the {self._name().lower()}"

    def _name(self) -> str:
        return str(self.label) if self.label else "Date"

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return self._from_parts([str(part or "").strip() for part in value])
        return super().to_python(value)

    def _from_parts(self, parts: list[str]) -> date | None:
        if not any(parts):
            return None
        name = self._name()
        missing = [
            part for part, typed in zip(GovukDateInput.PARTS, parts, strict=True) if not typed
        ]
        if missing:
            raise ValidationError(
                f"{name} must include a {' and '.join(missing)}", code="incomplete"
            )
        day, month, year = parts
        month = str(MONTHS.get(month.lower(), month))
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(f"{name} must be a real date", code="invalid")
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers", code="invalid")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(f"{name} must be a real date", code="invalid") from None


class GovukDateFilter(django_filters.DateFilter):
    """A list filter on a date, typed in the GOV.UK date input."""

    field_class = GovukDateField


# "10:30", "14.30", "9:05", "2pm", "2.30 pm": hours and minutes, or a 12-hour time.
TIME_TYPED = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])?\.?m?\.?$")


class GovukTimeField(forms.TimeField):
    """A time of day typed in a plain text box, as "14:30"; "14.30" and "2pm" also do."""

    widget = forms.TextInput(attrs={"class": "govuk-input--width-5", "autocomplete": "off"})

    def __init__(self, *, label: str = "Time", help_text: str = "", **kwargs):
        super().__init__(label=label, help_text=help_text or "For example, 14:30", **kwargs)
        self.error_messages["required"] = f"Enter the {label.lower()}"
        self.error_messages["invalid"] = (
            f"Enter the {label.lower()} as hours and minutes, for example 14:30"
        )

    def to_python(self, value):
        if isinstance(value, time) or value in self.empty_values:
            return super().to_python(value)
        typed = TIME_TYPED.match(str(value).strip().lower())
        if typed is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        hour, minute, half = int(typed[1]), int(typed[2] or 0), typed[3]
        if half is None and typed[2] is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if half is not None:
            if not 1 <= hour <= 12:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            hour = hour % 12 + (12 if half == "p" else 0)
        if hour > 23 or minute > 59:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return time(hour, minute)


class VersionField(forms.IntegerField):
    """The hidden version of a record an edit form was opened at, for the service's
    `check_version`; a form sent without it is refused like a stale one."""

    widget = forms.HiddenInput
    default_error_messages = {
        "required": "This page was sent without the version of the record it shows; reload the "
        "page",
        "invalid": "This page was sent without the version of the record it shows; reload the "
        "page",
    }


class EditsVersionMixin:
    """For a ModelForm that adds records and edits them: when it edits one, it carries the
    record's version as the form was opened, in the hidden field `version_field`."""

    version_field = "version"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[self.version_field] = VersionField(
                initial=getattr(self.instance, self.version_field)
            )

    def expected_version(self) -> int | None:
        """The version the form was opened at (None while it adds a record)."""
        return self.cleaned_data.get(self.version_field)

    def record_fields(self) -> dict:
        """The cleaned data without the version, for the service's keyword arguments."""
        return {k: v for k, v in self.cleaned_data.items() if k != self.version_field}


def show_refusal(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's refusal on the form: on the field if the form has it, else on top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def run_service(form: forms.BaseForm, call: Callable[[], Any]) -> Any | None:
    """Call a service; on a refusal, show its message on the form and return None."""
    try:
        return call()
    except ValidationError as exc:
        show_refusal(form, exc)
        return None
