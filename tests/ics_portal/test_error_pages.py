"""The 403, 404 and 500 pages: in the portal's layout, saying why and what to do next."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.views import defaults

pytestmark = pytest.mark.django_db


def test_404_says_what_to_check_and_where_to_go(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<title>Page not found – ICS Portal</title>" in html
    assert 'class="govuk-template"' in html
    assert "check it is correct" in html
    assert 'href="/search/"' in html and 'href="/"' in html
    assert "sign in</a> and try again" in html  # the public may be missing a members' record


def test_403_gives_the_reason_and_asks_a_signed_in_user_to_see_the_clerk(
    client_for, outsider, body
):
    response = client_for(outsider).get(f"/bodies/{body.slug}/edit/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "<title>You cannot do this – ICS Portal</title>" in html
    assert 'id="reason">You do not have permission to do that.</div>' in html
    assert "ask the clerk of the body concerned" in html
    assert 'href="/account/"' in html


def test_403_shows_the_reason_given_and_offers_sign_in_to_the_public():
    request = RequestFactory().get("/meetings/1/attendance/")
    request.user = AnonymousUser()
    reason = "Only the committee's clerks record its attendance."
    response = defaults.permission_denied(request, PermissionDenied(reason))
    html = response.content.decode()
    assert response.status_code == 403
    assert f'id="reason">{reason.replace("'", "&#x27;")}</div>' in html
    assert "/account/sign-in/?next=/meetings/1/attendance/" in html


def test_500_apologises_and_says_what_to_do():
    response = defaults.server_error(RequestFactory().get("/meetings/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html
    assert "Try again later." in html
    assert 'class="govuk-template"' in html
