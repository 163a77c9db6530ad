"""Following a record from its page, managing follows, and unsubscribing in one click."""

from __future__ import annotations

import pytest
from django.core import mail

from alerts.mail import unsubscribe_token
from alerts.models import Follow, SentEmail
from decisions.models import Ratification
from decisions.services.ratifications import ratification_record_outcome, ratification_route
from meetings.models import Meeting
from tests.factories import ratification_of

S = Ratification.Status


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["body", "partnership", "organisation", "decision"])
def test_a_signed_in_user_follows_from_the_records_page(
    kind, follower, client_for, alliance_board, partnership, council, agreement
):
    record = {
        "body": alliance_board,
        "partnership": partnership,
        "organisation": council,
        "decision": agreement,
    }[kind]
    client = client_for(follower)
    assert "Follow<span" in client.get(record.get_absolute_url()).content.decode()
    response = client.post(f"/follow/{kind}/{record.pk}/", follow=True)
    assert Follow.objects.of(record).get().user == follower
    assert f"You follow {record}" in response.content.decode()
    client.post(f"/follow/{kind}/{record.pk}/")  # again: still one follow
    assert Follow.objects.filter(user=follower).count() == 1


@pytest.mark.django_db
def test_following_needs_a_sign_in_and_a_post(client, client_for, follower, alliance_board):
    url = f"/follow/body/{alliance_board.pk}/"
    assert client.post(url).status_code == 302
    assert client_for(follower).get(url).status_code == 405
    assert client_for(follower).post(f"/follow/meeting/{alliance_board.pk}/").status_code == 404
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_nobody_follows_a_decision_they_may_not_see(agreement, follower, client_for):
    Meeting.objects.filter(pk=agreement.meeting_id).update(
        status=Meeting.Status.SCHEDULED, agenda_published_at=None
    )
    response = client_for(follower).post(f"/follow/decision/{agreement.pk}/")
    assert response.status_code == 404
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_the_following_page_changes_and_stops_only_your_own(
    follows, follower, outsider, alliance_board, agreement, client_for,
    django_assert_max_num_queries,
):  # fmt: skip
    body_follow = follows(alliance_board)
    follows(agreement)
    client = client_for(follower)
    with django_assert_max_num_queries(12):  # one query per kind of record followed
        text = client.get("/account/following/").content.decode()
    assert "Wiltshire Alliance Board" in text and "WAB 2021/001" in text
    client.post(f"/account/following/{body_follow.pk}/", {"frequency": "weekly"})
    body_follow.refresh_from_db()
    assert body_follow.frequency == Follow.Frequency.WEEKLY
    intruder = client_for(outsider).post(f"/account/following/{body_follow.pk}/", {"stop": "1"})
    assert intruder.status_code == 403
    client_for(follower).post(f"/account/following/{body_follow.pk}/", {"stop": "1"})
    assert list(Follow.objects.values_list("object_id", flat=True)) == [agreement.pk]


def route_and_reject(resolution, council, trust, icb, admin_user, governance_lead, due, capture):
    ratification_route(
        resolution=resolution,
        routes=[(council, None, due), (trust, None, due), (icb, None, due)],
        actor=admin_user,
    )
    mail.outbox.clear()
    with capture(execute=True):
        ratification_record_outcome(
            ratification=ratification_of(resolution, trust),
            outcome=S.REJECTED,
            reason="The SECRET-REASON is the price",
            actor=governance_lead,
            expected_version=1,
        )


@pytest.mark.django_db
def test_a_decisions_follower_hears_its_outcome_with_an_unsubscribe_link(
    agreement, council, trust, icb, admin_user, governance_lead, board_clerk, due, follows,
    follower, client_for, django_capture_on_commit_callbacks,
):  # fmt: skip
    follow = follows(agreement)
    route_and_reject(
        agreement, council, trust, icb, admin_user, governance_lead, due,
        django_capture_on_commit_callbacks,
    )  # fmt: skip
    assert sorted(m.to[0] for m in mail.outbox) == [board_clerk.email, follower.email]
    message = next(m for m in mail.outbox if m.to == [follower.email])
    assert "1) Adopt the Memorandum of Understanding." in message.body
    unsubscribe = f"http://127.0.0.1:8000/alerts/unsubscribe/{unsubscribe_token(follow)}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body and unsubscribe in message.alternatives[0][0]
    assert "You follow WAB 2021/001" in message.body
    page = client_for(follower).get("/account/emails/").content.decode()
    assert "rejected" in page and "WAB 2021/001" in page


@pytest.mark.django_db
def test_an_alert_about_part_ii_business_says_only_what_the_public_page_says(
    exempt_agreement, council, trust, icb, admin_user, governance_lead, board_clerk, due,
    follows, follower, django_capture_on_commit_callbacks,
):  # fmt: skip
    follows(exempt_agreement)
    route_and_reject(
        exempt_agreement, council, trust, icb, admin_user, governance_lead, due,
        django_capture_on_commit_callbacks,
    )  # fmt: skip
    public = next(m for m in mail.outbox if m.to == [follower.email])
    clerk = next(m for m in mail.outbox if m.to == [board_clerk.email])
    for part in (public.body, public.alternatives[0][0]):
        assert "SECRET-BID" not in part and "SECRET-REASON" not in part
        assert "not shown here" in part
    assert "SECRET-BID" in clerk.body and "SECRET-REASON" in clerk.body


@pytest.mark.django_db
def test_one_click_unsubscribe(follows, follower, alliance_board, client):
    follow = follows(alliance_board)
    url = f"/alerts/unsubscribe/{unsubscribe_token(follow)}/"
    page = client.get(url)  # a link checker following the link unsubscribes nobody
    assert "Unsubscribe from emails about Wiltshire Alliance Board" in page.content.decode()
    assert Follow.objects.exists()
    client.handler.enforce_csrf_checks = True  # the mail client's POST carries no CSRF token
    done = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and not Follow.objects.exists()
    assert "already unsubscribed" in client.post(url).content.decode()


@pytest.mark.django_db
def test_a_forged_unsubscribe_link_changes_nothing(follows, alliance_board, client):
    follow = follows(alliance_board)
    token = unsubscribe_token(follow)
    response = client.post(f"/alerts/unsubscribe/{token[:-2]}xx/")
    assert response.status_code == 400 and "This link is not valid" in response.content.decode()
    assert Follow.objects.exists()
    assert not SentEmail.objects.exists()
