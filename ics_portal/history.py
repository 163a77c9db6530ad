"""The change history page of one record, as the viewer may see it.

Which kinds of record have a history page, and which of their fields a viewer may see, is
decided by the apps' access policies (`decisions.access.RULES` holds them all): a kind they do
not name answers 404.
"""

from __future__ import annotations

from django.apps import apps
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
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


@require_GET
def history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    model = _model_or_404(app_label, model_name)
    obj = get_object_or_404(model, pk=pk)
    rule = access.RULES[model]
    if not rule.visible(request.user, obj):
        raise Http404("No such record")
    withhold = access.withheld_fields(request.user, obj)
    notice = "Exempt information: withheld" if CHANGE_REASON in withhold else "Withheld"
    rows = obj.history.select_related("history_user").order_by("-history_date", "-history_id")
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
            "object_url": obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None,
            "verbose_name": model._meta.verbose_name,
            "entries": page_entries(model, records, withhold=withhold, withheld_text=notice),
            "page": page,
        },
    )
