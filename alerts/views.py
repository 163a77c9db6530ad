"""Your emails, what you follow, and the one-click unsubscribe."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alerts import access
from alerts.mail import follow_from_token
from alerts.models import Follow
from alerts.services import follow_change_frequency, follow_stop

PAGE_SIZE = 50


@require_GET
@login_required
def emails_sent(request: HttpRequest) -> HttpResponse:
    """Emails we sent you: newest first."""
    emails = access.emails_of(request.user).select_related("content_type")
    page = Paginator(emails, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "alerts/emails.html", {"page": page})


@require_GET
@login_required
def following(request: HttpRequest) -> HttpResponse:
    """What you follow, how often you hear of it, and a button to stop each."""
    follows = list(access.follows_of(request.user).select_related("content_type"))
    # One query per kind of record followed, not one per follow.
    by_kind: dict = {}
    for follow in follows:
        by_kind.setdefault(follow.content_type, []).append(follow.object_id)
    records = {}
    for content_type, ids in by_kind.items():
        model = content_type.model_class()
        for record in model._default_manager.filter(pk__in=ids):
            records[(content_type.pk, record.pk)] = record
    rows = [
        (follow, records.get((follow.content_type_id, follow.object_id))) for follow in follows
    ]
    return render(
        request,
        "alerts/following.html",
        {"rows": [row for row in rows if row[1] is not None], "choices": Follow.Frequency},
    )


@require_POST
@login_required
def follow_change(request: HttpRequest, pk: int) -> HttpResponse:
    """Change how often you hear of one follow, or stop it."""
    follow = get_object_or_404(Follow, pk=pk)
    if not access.can_manage_follow(request.user, follow):
        raise PermissionDenied("You can change only what you follow yourself.")
    if request.POST.get("stop"):
        follow_stop(follow=follow)
        messages.success(request, "You no longer follow it.")
    else:
        frequency = request.POST.get("frequency", "")
        if frequency not in Follow.Frequency.values:
            return HttpResponse("Choose how often to hear of it.", status=400)
        follow_change_frequency(follow=follow, frequency=frequency)
        messages.success(request, "Saved how often you hear of it.")
    return redirect("alerts:following")


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" with no cookie.
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click: the link in an alert asks to confirm (a link checker must not unsubscribe
    anyone by following it); the button, or the mail client's RFC 8058 POST, unsubscribes.
    The token is the only proof needed, and it names one follow only."""
    try:
        follow_id = follow_from_token(token)
    except signing.BadSignature:
        return render(request, "alerts/link_not_valid.html", status=400)
    follow = Follow.objects.select_related("content_type").filter(pk=follow_id).first()
    if follow is None:
        return render(request, "alerts/unsubscribed.html", {"already": True})
    record = follow.record
    if request.method == "POST":
        follow_stop(follow=follow)
        return render(request, "alerts/unsubscribed.html", {"record": record})
    return render(request, "alerts/unsubscribe.html", {"record": record})
