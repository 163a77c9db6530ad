"""Following a record from its page, and a member of the public subscribing by email to a
body's publications (double opt-in: nothing is stored until the address is confirmed)."""

from __future__ import annotations

from datetime import timedelta

from axes.helpers import get_client_ip_address
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.tasks import task
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from alerts.mail import Letter, deliver
from alerts.models import SentEmail
from alerts.services import follow_start
from decisions.access import FOLLOWABLE, can_follow, can_subscribe_by_email
from governance.models import Body
from ics_portal.common.throttle import over_limit, throttle_key

CONFIRM_SALT = "alerts.subscribe"
CONFIRM_DAYS = 3
THROTTLE_WINDOW = timedelta(hours=1)
TOO_MANY = (
    "Too many subscriptions have been asked for this address or from your connection in the "
    "last hour. Try again in an hour."
)


@require_POST
@login_required
def follow(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Follow a body, a partnership, an organisation or a decision that you may see."""
    model = FOLLOWABLE.get(kind)
    if model is None:
        raise Http404("Nothing of that kind can be followed")
    record = get_object_or_404(model, pk=pk)
    if not can_follow(request.user, record):
        raise Http404("No such record")  # as if it were not there: fail closed
    if not request.user.email:
        raise PermissionDenied("Your account has no email address to send alerts to.")
    follow_start(record=record, user=request.user)
    messages.success(request, f"You follow {record}. We will email you at {request.user.email}.")
    return redirect(record.get_absolute_url())


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )


def confirmation_token(email: str, body: Body) -> str:
    return signing.dumps({"email": email.strip().lower(), "body": body.pk}, salt=CONFIRM_SALT)


@task
def send_subscription_confirmation(email: str, body_id: int, base_url: str) -> None:
    """The double opt-in: a link that subscribes the address when its owner follows it."""
    body = Body.objects.get(pk=body_id)
    token = confirmation_token(email, body)
    deliver(
        Letter(
            to=email,
            subject=f"Confirm: emails from {body}",
            template="alerts/email/confirm_subscription",
            why=SentEmail.Why.SUBSCRIPTION_CONFIRMATION,
            about=body,
            link=base_url.rstrip("/") + reverse("subscribe_confirm", args=[token]),
            context={"body": body, "days": CONFIRM_DAYS},
        ),
        base_url=base_url,
    )


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest, slug: str) -> HttpResponse:
    """A member of the public asks for a body's publications by email."""
    body = get_object_or_404(Body, slug=slug)
    if not can_subscribe_by_email(body):
        raise Http404("No such body")
    form = SubscribeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if _too_many(request, email):
            # Nobody can make the portal mail-bomb an address, nor flood it from one client.
            form.add_error("email", TOO_MANY)
            status = 429
        else:
            send_subscription_confirmation.enqueue(
                email.strip().lower(), body.pk, request.build_absolute_uri("/")
            )
            return render(request, "alerts/check_your_email.html", {"body": body, "email": email})
    return render(
        request,
        "includes/form_page.html",
        {
            "form": form,
            "heading": f"Get emails from {body}",
            "intro": (
                f"We will email you when {body} publishes an agenda, a supplement, minutes or "
                "decisions. We first send you a link to confirm your address. You can "
                "unsubscribe from any email in one click."
            ),
            "button": "Send me a link",
            "back": body,
        },
        status=status,
    )


def _too_many(request: HttpRequest, email: str) -> bool:
    limit = settings.SUBSCRIBE_LIMIT_PER_HOUR
    client = get_client_ip_address(request) or "unknown"
    # Both are counted, whichever is over: a list, not `or`.
    over = [
        over_limit(throttle_key("subscribe-email", email), limit=limit, window=THROTTLE_WINDOW),
        over_limit(throttle_key("subscribe-client", client), limit=limit, window=THROTTLE_WINDOW),
    ]
    return any(over)


@require_http_methods(["GET", "POST"])
def subscribe_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation email: a button to confirm (a link checker following the
    link confirms nothing); an expired or forged link gets a page that says so."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 24 * 3600)
    except signing.SignatureExpired:
        body = _body_in(token)
        return render(
            request,
            "alerts/link_not_valid.html",
            {
                "heading": "This link has expired",
                "explanation": f"Links to confirm a subscription work for {CONFIRM_DAYS} days.",
                "again": body,
            },
            status=410,
        )
    except signing.BadSignature:
        return render(request, "alerts/link_not_valid.html", status=400)
    body = get_object_or_404(Body, pk=data["body"])
    if request.method == "POST":
        follow_start(record=body, email=data["email"])
        return render(request, "alerts/subscribed.html", {"body": body, "email": data["email"]})
    return render(request, "alerts/confirm.html", {"body": body, "email": data["email"]})


def _body_in(token: str) -> Body | None:
    """The body an expired (but genuine) token was for, to offer a fresh subscription."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT)
    except signing.BadSignature:
        return None
    return Body.objects.filter(pk=data.get("body")).first()
