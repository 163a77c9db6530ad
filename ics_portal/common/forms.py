"""GOV.UK Design System rendering for every Django form in the portal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    """Renders `{{ form }}` and `{{ field.as_field_group }}` with GOV.UK markup and errors."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"


class DateInput(forms.DateInput):
    """A native date picker, submitted as YYYY-MM-DD."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """A native date and time picker."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


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
