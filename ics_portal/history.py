"""The change history page of one record, as the viewer may see it.

Which kinds of record have a history page, and which of their fields a viewer may see, is
decided by the apps' access policies (`decisions.access.RULES` holds them all): a kind they do
not name answers 404. A deleted record keeps its history page: the same rules are applied to
the record as its last history row left it, among its parents as they were then (an item
taken off a draft agenda stays an editors' record after the agenda is published).
"""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from decisions import access
from ics_portal.common.changes import CHANGE_REASON, PAGE_SIZE, page_entries


def _model_or_404(app_label: str, model_name: str) -> type[models.Model]:
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404("No such kind of record") from exc
    if model not in access.RULES:
        raise Http404("No history for that kind of record")
    return model


def label_for(user):
    """How a record is named to this user: by its own name, or by kind and number when its
    content is withheld from them (a name may quote exempt text)."""

    def label(obj: models.Model) -> str:
        if CHANGE_REASON in access.withheld_fields(user, obj):
            return f"{obj._meta.verbose_name.capitalize()} {obj.pk}"
        return str(obj)

    return label


def _record_or_404(model: type[models.Model], pk: int) -> tuple[models.Model, bool]:
    """The record and whether it has been deleted: once it is, the record as its last history
    row left it, among its parents as they were at that moment."""
    try:
        return model._default_manager.get(pk=pk), False
    except model.DoesNotExist:
        pass
    try:
        last = _history_rows(model, pk).latest()
    except ObjectDoesNotExist as exc:
        raise Http404("No such record") from exc
    return _as_it_was(last.instance, last.history_date), True


def _as_it_was(obj: models.Model, when) -> models.Model:
    """`obj` with each parent that keeps a history replaced by that parent as it was `when`;
    a parent with no history row by then is left to be read as it is now."""
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if not field.many_to_one or value is None or field.related_model not in access.RULES:
            continue
        parent = field.related_model
        rows = _history_rows(parent, value).filter(history_date__lte=when)
        try:
            setattr(obj, field.name, rows.latest().instance)
        except ObjectDoesNotExist:
            continue
    return obj


def _history_rows(model: type[models.Model], pk: int) -> models.QuerySet:
    return model.history.filter(**{model._meta.pk.attname: pk})


def _visible(rule: access.RecordRule, user, obj: models.Model) -> bool:
    try:
        return rule.visible(user, obj)
    except ObjectDoesNotExist:  # a deleted record whose parent is gone too: fail closed
        return False


@require_GET
def history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    model = _model_or_404(app_label, model_name)
    obj, deleted = _record_or_404(model, pk)
    if not _visible(access.RULES[model], request.user, obj):
        raise Http404("No such record")
    withhold = access.withheld_fields(request.user, obj)
    notice = "Exempt information: withheld" if CHANGE_REASON in withhold else "Withheld"
    rows = (
        _history_rows(model, pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )
    paginator = Paginator(rows, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    # One row past the page, so the oldest change on the page can be compared with its predecessor.
    start = page.start_index() - 1 if paginator.count else 0
    records = list(rows[start : start + PAGE_SIZE + 1])
    return render(
        request,
        "history.html",
        {
            "object": label_for(request.user)(obj),
            "object_url": None if deleted else getattr(obj, "get_absolute_url", lambda: None)(),
            "deleted": deleted,
            "verbose_name": model._meta.verbose_name,
            "entries": page_entries(model, records, withhold=withhold, withheld_text=notice),
            "page": page,
        },
    )
