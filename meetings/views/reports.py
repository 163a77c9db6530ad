"""Reports and attachments: the public item page, downloads, and the pages that write them."""

from __future__ import annotations

from typing import NamedTuple

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from governance.access import require
from governance.glossary import Acronyms
from governance.models.terms import exemption_regime
from ics_portal.common.forms import run_service
from ics_portal.common.responses import conditional_response, pdf_response
from meetings.access import (
    can_see_attachment,
    can_see_item_content,
    can_see_meeting,
    can_write_report,
)
from meetings.forms.reports import AttachmentForm, AttachmentRemoveForm, ReportForm
from meetings.models import AgendaItem, Attachment, Meeting, Report
from meetings.pdf import kept_pdf, report_html
from meetings.selectors.reports import item_view
from meetings.services import reports as services

EDIT = require_http_methods(["GET", "POST"])


def _visible_meeting(request: HttpRequest, pk: int) -> Meeting:
    """The meeting, or 404 if it does not exist or is an unpublished draft the user may not see."""
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    if not can_see_meeting(request.user, meeting):
        raise Http404("No such meeting")
    return meeting


def _item(pk: int, position: int) -> AgendaItem:
    item = (
        AgendaItem.objects.select_related("meeting__body", "report")
        .filter(meeting_id=pk, position=position)
        .order_by("pk")
        .first()
    )
    if item is None:
        raise Http404("No such item")
    return item


def _report_or_none(item: AgendaItem) -> Report | None:
    try:
        return item.report
    except Report.DoesNotExist:
        return None


class WritersPages(NamedTuple):
    """Where the writer of an item's report goes back to."""

    back: str
    back_text: str
    report: str


def _writers_pages(user, item: AgendaItem) -> WritersPages:
    """The agenda and the report's page; an officer writing for an agenda not yet published
    may not see those pages, so for them it is "Your work" on the home page and the report
    form (which lists the appendices)."""
    args = [item.meeting_id, item.position]
    if can_see_meeting(user, item.meeting):
        return WritersPages(
            item.meeting.get_absolute_url(),
            "Back to the agenda",
            reverse("meetings:item_detail", args=args),
        )
    return WritersPages(
        reverse("home"), "Back to your work", reverse("meetings:report_edit", args=args)
    )


# Public


@require_GET
def item_detail(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    meeting = _visible_meeting(request, pk)
    view = item_view(meeting, position, request.user)
    if view is None:
        raise Http404("No such item")
    revisions = list(view.item.revisions.select_related("made_by")) if view.can_see else []
    progress = (
        list(view.item.progress_reports.select_related("objective__partnership"))
        if view.can_see
        else []
    )
    return render(
        request,
        "meetings/reports/item_detail.html",
        {
            "meeting": meeting,
            "item": view.item,
            "view": view,
            "report": view.report,
            "revisions": revisions,
            "can_write": can_write_report(request.user, view.item),
            "progress": progress,
            "acronyms": Acronyms.load(printed=False) if view.report or progress else None,
        },
    )


@require_GET
def report_pdf(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    """The committee report of an item as a PDF, kept while it is unchanged and answered 304
    to a public client that has it; 404 (not 403) to those who may not see its content, so
    that a Part II report's existence is not revealed."""
    meeting = _visible_meeting(request, pk)
    item = _item(pk, position)
    if not can_see_item_content(request.user, item):
        raise Http404("No such report")
    report = _report_or_none(item)
    if report is None:
        raise Http404("No such report")
    private = request.user.is_authenticated
    filename = f"{meeting.body.short_name}-{meeting.date:%Y-%m-%d}-item-{item.position}.pdf"
    pdf = kept_pdf(report_html(report))
    response = pdf_response(pdf.content, filename, private=private)
    if private:
        return response
    return conditional_response(request, response, etag=pdf.digest)


@require_GET
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """Serve an attachment as a download; 404 (not 403) when its item is withheld, so that an
    exempt attachment's existence is not revealed."""
    attachment = get_object_or_404(
        Attachment.objects.select_related("report__item__meeting__body"),
        pk=attachment_pk,
        report__item__meeting_id=pk,
    )
    if not can_see_attachment(request.user, attachment):
        raise Http404("No such attachment")
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The file is missing") from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=services.download_name(attachment),
        content_type=attachment.mime_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Staff


@login_required
@EDIT
def report_edit(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    """Write an item's report, or change it (after publication, as a revision)."""
    item = _item(pk, position)
    require(can_write_report(request.user, item))
    report = _report_or_none(item)
    published = item.meeting.is_published
    initial = {} if report else {"title": item.title}
    form = ReportForm(
        request.POST or None,
        instance=Report.objects.get(pk=report.pk) if report else None,
        initial=initial,
        published=published,
    )
    if request.method == "POST" and form.is_valid():
        summary = form.cleaned_data.get("revision_summary", "")
        if report is None:
            saved = run_service(
                form,
                lambda: services.report_create(
                    item=item,
                    actor=request.user,
                    revision_summary=summary,
                    **form.report_fields(),
                ),
            )
        else:
            saved = run_service(
                form,
                lambda: services.report_update(
                    report=report,
                    actor=request.user,
                    revision_summary=summary,
                    expected_version=form.cleaned_data["version"],
                    **form.report_fields(),
                ),
            )
        if saved:
            messages.success(request, "Report saved.")
            return redirect(_writers_pages(request.user, item).report)
    return render(
        request,
        "meetings/reports/report_form.html",
        {
            "form": form,
            "item": item,
            "meeting": item.meeting,
            "report": report,
            "attachments": list(report.attachments.order_by("pk")) if report else [],
            "pages": _writers_pages(request.user, item),
        },
    )


@login_required
@EDIT
def attachment_add(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    """Attach a PDF or DOCX file to an item's report."""
    item = _item(pk, position)
    require(can_write_report(request.user, item))
    report = _report_or_none(item)
    if report is None:
        messages.info(request, "Write the report before attaching files to it.")
        return redirect("meetings:report_edit", pk=pk, position=position)
    form = AttachmentForm(
        request.POST or None,
        request.FILES or None,
        published=item.meeting.is_published,
        regime=exemption_regime(item.meeting.body),
    )
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.attachment_add(
                report=report,
                upload=form.cleaned_data["upload"],
                title=form.cleaned_data["title"],
                is_exempt=form.cleaned_data["is_exempt"],
                exempt_paragraph=form.cleaned_data.get("exempt_paragraph"),
                exempt_reason=form.cleaned_data.get("exempt_reason", ""),
                actor=request.user,
                revision_summary=form.cleaned_data.get("revision_summary", ""),
            ),
        )
        if saved:
            messages.success(request, f"{saved} attached.")
            return redirect(_writers_pages(request.user, item).report)
    return render(
        request,
        "meetings/reports/attachment_form.html",
        {
            "form": form,
            "item": item,
            "meeting": item.meeting,
            "report": report,
            "max_size": settings.ATTACHMENT_MAX_BYTES,
            "back_url": _writers_pages(request.user, item).report,
        },
    )


@login_required
@EDIT
def attachment_remove(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    """Remove an attachment from a draft agenda's report; after publication, withdraw it."""
    attachment = get_object_or_404(
        Attachment.objects.select_related("report__item__meeting__body"),
        pk=attachment_pk,
        report__item__meeting_id=pk,
    )
    report = attachment.report
    item = report.item
    require(can_write_report(request.user, item))
    data = request.POST if request.method == "POST" else None  # the form may have no fields
    form = AttachmentRemoveForm(data, published=item.meeting.is_published)
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form,
            lambda: services.attachment_remove(
                attachment=attachment,
                actor=request.user,
                revision_summary=form.cleaned_data.get("revision_summary", ""),
            ),
        )
        if done:
            withdrawn = " withdrawn" if item.meeting.is_published else " removed"
            messages.success(request, f"{attachment.title}{withdrawn}.")
            return redirect(_writers_pages(request.user, item).report)
    return render(
        request,
        "meetings/reports/attachment_remove.html",
        {
            "form": form,
            "attachment": attachment,
            "item": item,
            "meeting": item.meeting,
            "withdraw": item.meeting.is_published,
            "back_url": _writers_pages(request.user, item).report,
        },
    )
