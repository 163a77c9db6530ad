"""A partnership's objectives and progress against them; the glossary."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from governance import access
from governance.forms.objectives import GlossaryTermForm, ObjectiveForm, ProgressReportForm
from governance.models import GlossaryTerm, Objective, Partnership, ProgressReport
from governance.selectors.objectives import glossary, objectives_with_progress
from governance.services import objectives as services
from ics_portal.common.forms import run_service

EDIT = require_http_methods(["GET", "POST"])


@dataclass(frozen=True)
class _Back:
    """A page the form's back link returns to."""

    label: str
    url: str

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return self.url


def _objectives_page(partnership: Partnership) -> _Back:
    url = reverse("governance:partnership_objectives", args=[partnership.slug])
    return _Back(f"the objectives of {partnership}", url)


def _glossary_page() -> _Back:
    return _Back("the glossary", reverse("governance:glossary"))


def _form_page(request: HttpRequest, form, heading: str, back, button: str, **extra):
    return render(
        request,
        "includes/form_page.html",
        {"form": form, "heading": heading, "back": back, "button": button, **extra},
    )


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


def _partnership_for_editor(request: HttpRequest, slug: str) -> Partnership:
    partnership = get_object_or_404(Partnership, slug=slug)
    access.require(access.can_report_progress(request.user, partnership))
    return partnership


def _objective_for_editor(request: HttpRequest, slug: str, pk: int) -> Objective:
    objective = get_object_or_404(
        Objective.objects.select_related("partnership"), pk=pk, partnership__slug=slug
    )
    access.require(access.can_report_progress(request.user, objective.partnership))
    return objective


@login_required
@EDIT
def objective_create(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = _partnership_for_editor(request, slug)
    form = ObjectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        objective = run_service(
            form,
            lambda: services.objective_create(
                partnership=partnership, actor=request.user, **form.record_fields()
            ),
        )
        if objective is not None:
            messages.success(request, f"Objective {objective.reference} added.")
            return redirect(objective.get_absolute_url())
    return _form_page(
        request,
        form,
        f"Add an objective: {partnership}",
        _objectives_page(partnership),
        "Add objective",
        intro="From the partnership's strategy, plan or MoU.",
    )


@login_required
@EDIT
def objective_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    objective = _objective_for_editor(request, slug, pk)
    form = ObjectiveForm(request.POST or None, instance=objective)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.objective_update(
                objective=objective,
                actor=request.user,
                expected_version=form.expected_version(),
                **form.record_fields(),
            ),
        )
        if saved is not None:
            messages.success(request, f"Objective {saved.reference} changed.")
            return redirect(saved.get_absolute_url())
    return _form_page(
        request,
        form,
        f"Change objective {objective.reference}",
        _objectives_page(objective.partnership),
        "Save objective",
        history_object=objective,
    )


@login_required
@EDIT
def progress_report_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    objective = _objective_for_editor(request, slug, pk)
    form = ProgressReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = run_service(
            form,
            lambda: services.progress_report_record(
                objective=objective, actor=request.user, **form.record_fields()
            ),
        )
        if report is not None:
            messages.success(request, f"Progress reported for {report.period}.")
            return redirect(objective.get_absolute_url())
    return _form_page(
        request,
        form,
        f"Report progress: {objective}",
        _objectives_page(objective.partnership),
        "Report progress",
        intro=f"The objective runs from {objective.span}; the period must lie within it.",
    )


@login_required
@EDIT
def progress_report_edit(request: HttpRequest, slug: str, pk: int, report_pk: int) -> HttpResponse:
    objective = _objective_for_editor(request, slug, pk)
    report = get_object_or_404(ProgressReport, pk=report_pk, objective=objective)
    form = ProgressReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.progress_report_update(
                report=report,
                actor=request.user,
                expected_version=form.expected_version(),
                **form.record_fields(),
            ),
        )
        if saved is not None:
            messages.success(request, f"Progress report for {saved.period} corrected.")
            return redirect(objective.get_absolute_url())
    return _form_page(
        request,
        form,
        f"Correct the progress report: {objective}",
        _objectives_page(objective.partnership),
        "Save progress report",
        history_object=report,
        intro=f"The objective runs from {objective.span}; the period must lie within it.",
    )


@require_GET
def glossary_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "governance/glossary.html",
        {"terms": glossary(), "can_edit": access.can_edit_glossary(request.user)},
    )


@login_required
@EDIT
def glossary_term_create(request: HttpRequest) -> HttpResponse:
    access.require(access.can_edit_glossary(request.user))
    form = GlossaryTermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = run_service(
            form,
            lambda: services.glossary_term_define(actor=request.user, **form.record_fields()),
        )
        if entry is not None:
            messages.success(request, f"{entry.term} is in the glossary.")
            return redirect(entry.get_absolute_url())
    return _form_page(request, form, "Add a term to the glossary", _glossary_page(), "Add term")


@login_required
@EDIT
def glossary_term_edit(request: HttpRequest, pk: int) -> HttpResponse:
    access.require(access.can_edit_glossary(request.user))
    entry = get_object_or_404(GlossaryTerm, pk=pk)
    form = GlossaryTermForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.glossary_term_update(
                entry=entry,
                actor=request.user,
                expected_version=form.expected_version(),
                **form.record_fields(),
            ),
        )
        if saved is not None:
            messages.success(request, f"{saved.term} changed.")
            return redirect(saved.get_absolute_url())
    return _form_page(
        request, form, f"Change {entry.term}", _glossary_page(), "Save term", history_object=entry
    )
