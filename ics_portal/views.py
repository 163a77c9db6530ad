"""Site-wide pages: home, health check, accessibility statement, cookies, account, 404."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from decisions.models import Resolution
from governance.access import is_admin, roles
from governance.models import RoleAssignment
from ics_portal.work import your_work
from meetings.access import meeting_visible_q, meetings_visible_to
from meetings.models import Meeting

HOME_LIST_LENGTH = 5


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    visible = meetings_visible_to(request.user).select_related("body")
    context = {
        "upcoming": list(
            visible.filter(start__gte=timezone.now())
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("start")[:HOME_LIST_LENGTH]
        ),
        "latest_decisions": list(
            Resolution.objects.filter(meeting_visible_q(request.user, prefix="meeting__"))
            .select_related("body", "meeting")
            .order_by("-meeting__start", "-number")[:HOME_LIST_LENGTH]
        ),
    }
    if request.user.is_authenticated:
        context["assignments"] = RoleAssignment.objects.filter(user=request.user).select_related(
            "body", "organisation"
        )
        context["member_body_count"] = len(roles(request.user).member_of)
        context["is_admin"] = is_admin(request.user)
        context.update(your_work(request.user))
    return render(request, "pages/home.html", context)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


@require_GET
def cookies(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/cookies.html")


@login_required
@require_GET
def account(request: HttpRequest) -> HttpResponse:
    assignments = RoleAssignment.objects.filter(user=request.user).select_related(
        "body", "organisation"
    )
    return render(
        request,
        "pages/account.html",
        {"assignments": assignments, "is_admin": is_admin(request.user)},
    )


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The 404 page; under /api/ a JSON 404 like the API's own, for any address there."""
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)
