"""The bare-Django baseline: the rows each portal page shows, read and rendered plainly.

No access rules, forms, history or layout: what any Django view must at least do to show the
same rows from the same database. Served only under bench.settings.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from decisions.models import Ratification, Resolution
from governance.models import Body
from meetings.models import AgendaPack, Meeting

PER_PAGE = 25


def count_queries(get_response):
    """Middleware: the number of database queries of the request, in an X-Queries header."""

    def middleware(request: HttpRequest) -> HttpResponse:
        queries = [0]

        def count(execute, sql, params, many, context):
            queries[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = get_response(request)
        response["X-Queries"] = str(queries[0])
        return response

    return middleware


def resolution_list(request: HttpRequest) -> HttpResponse:
    rows = Resolution.objects.select_related("body", "meeting", "item").order_by(
        "-meeting__start", "-year", "-number", "-pk"
    )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "bench/resolution_list.html", {"page": page})


def resolution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = get_object_or_404(
        Resolution.objects.select_related("body", "meeting", "item"), pk=pk
    )
    ratifications = resolution.ratifications.select_related("organisation", "ratifying_body")
    return render(
        request,
        "bench/resolution_detail.html",
        {"resolution": resolution, "ratifications": list(ratifications)},
    )


def resolution_api(request: HttpRequest) -> JsonResponse:
    limit = min(int(request.GET.get("limit", 100)), 100)
    offset = int(request.GET.get("offset", 0))
    rows = Resolution.objects.select_related("body", "meeting").order_by("-year", "-number", "id")
    return JsonResponse(
        {
            "count": Resolution.objects.count(),
            "results": [
                {
                    "id": r.pk,
                    "url": f"/api/v1/resolutions/{r.pk}/",
                    "reference": f"{r.body.short_name} {r.year}/{r.number:03d}",
                    "body": f"/api/v1/bodies/{r.body.slug}/",
                    "meeting": f"/api/v1/meetings/{r.meeting_id}/",
                    "kind": r.kind,
                    "status": r.status,
                    "preamble": r.preamble,
                    "parts": r.parts,
                    "modified": r.modified.isoformat(),
                }
                for r in rows[offset : offset + limit]
            ],
        }
    )


def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body.objects.select_related("organisation"), slug=slug)
    meetings = body.meetings.order_by("-start")[:10]
    members = body.memberships.select_related("person", "representing")
    return render(
        request,
        "bench/body_detail.html",
        {"body": body, "meetings": list(meetings), "members": list(members)},
    )


def meeting_list(request: HttpRequest) -> HttpResponse:
    rows = Meeting.objects.select_related("body").order_by("-start", "pk")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "bench/meeting_list.html", {"page": page})


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    items = meeting.items.select_related("report")
    resolutions = meeting.resolutions.order_by("number")
    return render(
        request,
        "bench/meeting_detail.html",
        {"meeting": meeting, "items": list(items), "resolutions": list(resolutions)},
    )


def ratification_list(request: HttpRequest) -> HttpResponse:
    rows = Ratification.objects.select_related("organisation", "resolution__body").order_by(
        "due_date", "resolution_id", "organisation__name"
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    tallies = (
        Ratification.objects.order_by()
        .values("organisation__name")
        .annotate(
            awaiting=Count("pk", filter=Q(status=Ratification.Status.REQUESTED)),
            rejected=Count("pk", filter=Q(status=Ratification.Status.REJECTED)),
        )
    )
    return render(
        request, "bench/ratification_list.html", {"page": page, "tallies": list(tallies)}
    )


def stored_pack(request: HttpRequest, pk: int) -> FileResponse:
    pack = get_object_or_404(AgendaPack, pk=pk)
    return FileResponse(pack.file.open("rb"), content_type="application/pdf")
