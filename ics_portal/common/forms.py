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


class ListSelect(forms.Select):
    """A select of a long plain list (every body, in a filter): its options are written in one
    template rather than through a template of their own each, which took most of a list
    page's time at a few hundred bodies. No option groups nor per-option attributes."""

    template_name = "includes/widgets/list_select.html"


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
