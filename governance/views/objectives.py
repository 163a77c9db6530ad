"""A partnership's objectives and progress against them; the glossary."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from governance import access
from governance.forms.objectives import ProgressReportForm
from governance.models import Objective, Partnership
from governance.selectors.objectives import glossary, objectives_with_progress
from governance.services import objectives as services
from ics_portal.common.forms import run_service


@require_GET
def partnership_objectives(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = get_object_or_404(Partnership, slug=slug)
    return render(
        request,
        "governance/objectives/list.html",
        {
            "partnership": partnership,
            "objectives": objectives_with_progress(partnership),
            "can_edit": access.can_report_progress(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def progress_report_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    objective = get_object_or_404(
        Objective.objects.select_related("partnership"), pk=pk, partnership__slug=slug
    )
    access.require(access.can_report_progress(request.user, objective.partnership))
    form = ProgressReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = run_service(
            form,
            lambda: services.progress_report_record(
                objective=objective, actor=request.user, **form.cleaned_data
            ),
        )
        if report is not None:
            messages.success(request, f"Progress reported for {report.period}.")
            return redirect(objective.get_absolute_url())
    return render(
        request,
        "includes/form_page.html",
        {
            "form": form,
            "heading": f"Report progress: {objective}",
            "intro": f"The objective runs from {objective.span}; the period must lie within it.",
            "back": objective.partnership,
            "button": "Report progress",
        },
    )


@require_GET
def glossary_page(request: HttpRequest) -> HttpResponse:
    return render(request, "governance/glossary.html", {"terms": glossary()})
