"""The board assurance framework: a register's risks with the business that gave assurance on
them, and the clerk's form that records it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from governance.access import can_edit_body, require
from governance.models import Body, Partnership
from governance.models.risks import register_url
from governance.selectors.risks import risk_heat_maps
from ics_portal.common.forms import run_service
from meetings.forms.assurance import RiskAssuranceForm
from meetings.models import AgendaItem
from meetings.pdf import kept_pdf
from meetings.selectors.assurance import assurance_framework
from meetings.services import assurance as services


def _framework_page(request: HttpRequest, register: Partnership | Body) -> HttpResponse:
    return render(
        request,
        "meetings/assurance/framework.html",
        {
            "register": register,
            "register_url": register_url(register),
            "pdf_url": reverse(
                "meetings:partnership_assurance_pdf"
                if isinstance(register, Partnership)
                else "meetings:body_assurance_pdf",
                args=[register.slug],
            ),
            "rows": assurance_framework(request.user, register),
        },
    )


def _framework_pdf(request: HttpRequest, register: Partnership | Body) -> HttpResponse:
    """The framework printed for a board paper: the heat map (with its text alternative and
    table) and each risk's assurance, as the viewer may see it."""
    heat, _target = risk_heat_maps(register)
    html = render_to_string(
        "meetings/pdf/assurance.html",
        {
            "register": register,
            "rows": assurance_framework(request.user, register),
            "heat": heat,
            "title": f"Board assurance framework: {register}",
            "date": f"{timezone.localdate():%-d %B %Y}",
        },
    )
    response = HttpResponse(kept_pdf(html).content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{register.slug}-assurance.pdf"'
    return response


@require_GET
def partnership_assurance(request: HttpRequest, slug: str) -> HttpResponse:
    return _framework_page(request, get_object_or_404(Partnership, slug=slug))


@require_GET
def body_assurance(request: HttpRequest, slug: str) -> HttpResponse:
    return _framework_page(request, get_object_or_404(Body, slug=slug))


@require_GET
def partnership_assurance_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    return _framework_pdf(request, get_object_or_404(Partnership, slug=slug))


@require_GET
def body_assurance_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    return _framework_pdf(request, get_object_or_404(Body, slug=slug))


@login_required
@require_http_methods(["GET", "POST"])
def assurance_record(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    item = get_object_or_404(
        AgendaItem.objects.select_related("meeting__body"), meeting_id=pk, position=position
    )
    require(can_edit_body(request.user, item.meeting.body))
    risks = services.assurable_risks(item.meeting.body)
    form = RiskAssuranceForm(request.POST or None, risks=risks)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.risk_assurance_record(
                item=item, actor=request.user, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, f"Assurance on risk {saved.risk.reference} recorded.")
            return redirect(item.get_absolute_url())
    intro = f"Item {item.position}: {item.title}."
    if not risks.exists():
        intro += (
            " No open risk is on the register of this body, of the body it reports to, or of a "
            "partnership it or its organisation belongs to."
        )
    return render(
        request,
        "includes/form_page.html",
        {
            "form": form,
            "heading": "Record assurance on a risk",
            "intro": intro,
            "back": item.meeting,
            "button": "Record assurance",
        },
    )
