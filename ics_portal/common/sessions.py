"""The idle timeout of a signed-in session, kept without a database write on every page."""

from __future__ import annotations

import time

from django.http import HttpRequest, HttpResponse

# A session is saved again (its expiry pushed SESSION_COOKIE_AGE on) at most this often.
REFRESH_SECONDS = 60
REFRESHED = "_refreshed"


def refresh_session(get_response):
    """Middleware, inside SessionMiddleware: a session in use is saved again once a minute,
    so that it ends SESSION_COOKIE_AGE after its last use, give or take a minute. Saving it on
    every request (SESSION_SAVE_EVERY_REQUEST) wrote to the database on every signed-in page."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.is_empty():
            return response
        now = int(time.time())
        if session.modified or now - session.get(REFRESHED, 0) >= REFRESH_SECONDS:
            session[REFRESHED] = now
        return response

    return middleware
