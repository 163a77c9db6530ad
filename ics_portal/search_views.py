"""The search page: /search/?q=… (issue 6 item 3)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ics_portal.search import MAX_LENGTH, search


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    searched = "q" in request.GET
    results = search(request.user, query, request.GET.get("page")) if searched else None
    return render(
        request,
        "pages/search.html",
        {
            "searched": searched,
            "q": query.strip()[: MAX_LENGTH * 2],
            "results": results,
            "page": results.page if results else None,
            "query": urlencode({"q": results.query}) if results and results.page else "",
            "max_length": MAX_LENGTH,
        },
    )
