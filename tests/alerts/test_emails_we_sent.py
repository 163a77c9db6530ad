"""Every email is sent after commit from templates, recorded, and listed to its recipient."""

from __future__ import annotations

import pytest
from django.core import mail

from alerts.models import SentEmail
from decisions.services.ratifications import ratification_route
from tests.factories import ratification_of


@pytest.fixture
def requested(
    agreement, council, trust, governance_lead, council_lead, board_clerk, due,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        ratification_route(
            resolution=agreement,
            routes=[(council, None, due), (trust, None, due)],
            actor=board_clerk,
            base_url="https://portal.example.org",
        )
    return agreement


@pytest.mark.django_db
def test_the_ratification_request_has_both_parts_and_a_record(requested, trust, governance_lead):
    message = next(m for m in mail.outbox if m.to == [governance_lead.email])
    assert message.subject == (
        "Ratification requested by 3 Jan 2022: WAB 2021/001 — "
        "Sherwood Forest Hospitals NHS Foundation Trust"
    )
    assert "What you need to do" in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html" and "<table" in html and "Due by" in html
    assert "List-Unsubscribe" not in message.extra_headers  # a duty, not an alert
    sent = SentEmail.objects.get(to=governance_lead.email)
    assert sent.user == governance_lead
    assert sent.why == SentEmail.Why.RATIFICATION_REQUEST
    assert sent.about == ratification_of(requested, trust)
    assert sent.link.startswith("https://portal.example.org/decisions/")


@pytest.mark.django_db
def test_the_recipient_sees_their_emails_and_nobody_elses(
    requested, governance_lead, council_lead, client_for, django_assert_max_num_queries
):
    client = client_for(governance_lead)
    with django_assert_max_num_queries(10):
        response = client.get("/account/emails/")
    text = response.content.decode()
    assert "Sherwood Forest Hospitals" in text
    assert "Nottinghamshire County Council" not in text  # the council lead's request
    assert 'class="portal-table-scroll"' in text


@pytest.mark.django_db
def test_emails_page_needs_a_sign_in(client):
    response = client.get("/account/emails/")
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]


@pytest.mark.django_db
def test_an_administrator_searches_the_emails_sent(requested, admin_user, client_for):
    response = client_for(admin_user).get("/admin/alerts/sentemail/", {"q": "councillead"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "councillead@example.org" in text and ">lead@example.org<" not in text


@pytest.mark.django_db
def test_nothing_is_recorded_when_nothing_is_sent(
    agreement, council, board_clerk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Exception):  # noqa: B017
        ratification_route(resolution=agreement, routes=[], actor=board_clerk)
    assert SentEmail.objects.count() == 0
