"""Meetings, agendas and work programmes: public pages and the clerk's agenda builder."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from governance.models import Body
from meetings.models import Meeting


@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = Meeting.objects.select_related("body")[:100]
    return render(request, "meetings/meeting_list.html", {"meetings": meetings})


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    return render(request, "meetings/meeting_detail.html", {"meeting": meeting})


@require_GET
def work_programme(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    entries = body.work_programme.all()
    return render(request, "meetings/work_programme.html", {"body": body, "entries": entries})
