"""Template helpers that give Django form widgets their GOV.UK classes and ARIA links."""

from __future__ import annotations

from django import forms, template

from ics_portal.common.forms import GovukDateInput

register = template.Library()

_MULTIPLE_CHOICE = (forms.RadioSelect, forms.CheckboxSelectMultiple)


def _described_by(field) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def widget_kind(field) -> str:
    """input, textarea, select, checkbox, radios, checkboxes, file, date or hidden."""
    widget = field.field.widget
    if isinstance(widget, GovukDateInput):
        return "date"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    return "input"


_CLASSES = {
    "input": "govuk-input",
    "textarea": "govuk-textarea",
    "select": "govuk-select",
    "checkbox": "govuk-checkboxes__input",
    "file": "govuk-file-upload",
    "hidden": "",
    "date": "",  # the date input's template gives its three boxes their classes
}


@register.simple_tag
def govuk_widget(field):
    """The field's widget with GOV.UK classes, error state and aria-describedby."""
    kind = widget_kind(field)
    classes = [_CLASSES[kind], field.field.widget.attrs.get("class", "")]
    if field.errors and kind in {"input", "textarea", "select", "file"}:
        classes.append(f"{_CLASSES[kind]}--error")
    if field.errors and kind == "date":
        classes.append("govuk-input--error")
    attrs = {"class": " ".join(c for c in classes if c)}
    described_by = _described_by(field)
    if described_by and kind != "date":  # the date input's fieldset carries it
        attrs["aria-describedby"] = described_by
    return field.as_widget(attrs=attrs)


@register.simple_tag
def govuk_choice_attrs(field) -> str:
    return _described_by(field)
