"""What followers are told besides an agenda: a supplement or revised report, minutes approved,
a resolution recorded, routing for ratification, every organisation decided, a scrutiny
recommendation sent and answered, terms of reference approved, an agreement signed by all.
Each reader is told only what they may see."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from alerts.models import SentEmail
from alerts.services import follow_start
from decisions.models import Ratification, Resolution
from decisions.services.ratifications import ratification_record_outcome, ratification_route
from decisions.services.scrutiny import recommendation_record_response, recommendation_send
from meetings.services import agenda as agenda_services
from meetings.services.proceedings import minute_draft, minutes_approve
from tests.factories import (
    all_present,
    approved_version,
    item,
    make_meeting,
    make_mou,
    ratification_of,
    seat_voting_members,
    sign,
    to_consultation,
)

pytestmark = pytest.mark.django_db
SECRET = "SECRET-FEE-UPLIFT"


def to(address: str):
    """The one email sent to this address."""
    found = [message for message in mail.outbox if message.to == [address]]
    assert len(found) == 1, [m.subject for m in mail.outbox]
    return found[0]


def both_parts(message) -> list[str]:
    return [message.body, message.alternatives[0][0]]


@pytest.fixture
def coming(body, terms):
    """A meeting on 20 March 2030 with its agenda published (item 3 Part I, 4 Part II)."""
    return make_meeting(body, date(2030, 3, 20))


def test_a_supplement_says_what_it_adds_and_why(
    coming, body, clerk, follows, follower, django_capture_on_commit_callbacks
):
    follows(body)
    late = agenda_services.item_add(meeting=coming, title="Urgent winter funding", actor=clerk)
    with django_capture_on_commit_callbacks(execute=True):
        agenda_services.supplement_publish(
            meeting=coming, items=[late], reason="The grant closes on 1 March.", actor=clerk
        )
    message = to(follower.email)
    assert message.subject == "Supplementary agenda 1 published: ASCPH, 20 Mar 2030"
    assert "Urgent winter funding" in message.body
    assert "The grant closes on 1 March." in message.body
    assert "List-Unsubscribe" in message.extra_headers


def test_a_revised_part_ii_report_says_what_changed_only_to_those_who_may_read_it(
    coming, body, clerk, member, follows, follower, django_capture_on_commit_callbacks
):
    follows(body)
    follows(body, email="resident@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        agenda_services.item_revise(item=item(coming, 4), actor=clerk, summary=SECRET)
    for address in (follower.email, "resident@example.org"):
        message = to(address)
        assert message.subject == "Agenda revised: ASCPH, 20 Mar 2030, item 4"
        for part in both_parts(message):
            assert SECRET not in part and "what changed is not shown here" in part
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        agenda_services.item_revise(item=item(coming, 3), actor=clerk, summary="Table 2 fixed")
    assert "What changed: Table 2 fixed" in to(follower.email).body


def test_approved_minutes_are_announced_with_the_minutes_link(
    held, body, seats, clerk, follows, follower, django_capture_on_commit_callbacks
):
    follows(body)
    minute_draft(item=item(held, 3), text="The committee noted the report.", actor=clerk)
    later = make_meeting(body, date(2021, 2, 8))
    all_present(later, seats, clerk)
    with django_capture_on_commit_callbacks(execute=True):
        minutes_approve(meeting=held, at_item=item(later, 1), actor=clerk)
    message = to(follower.email)
    assert message.subject == "Minutes approved: ASCPH, 11 Jan 2021"
    assert f"/meetings/{held.pk}/minutes.pdf" in message.body
    assert "8 February 2021" in message.body


def test_a_part_ii_resolution_is_announced_without_its_text_to_the_public(
    exempt, body, member, record, follows, follower, django_capture_on_commit_callbacks
):
    follows(body)
    follow_start(record=body, user=member)
    with django_capture_on_commit_callbacks(execute=True):
        resolution = record(exempt, parts=f"1) Agree the {SECRET} of 4.2 per cent.")
    public = to(follower.email)
    assert public.subject == f"Resolution recorded: {resolution}, 11 Jan 2021"
    for part in both_parts(public):
        assert SECRET not in part and "not shown here" in part
    assert SECRET in to(member.email).body
    assert SentEmail.objects.filter(why=SentEmail.Why.RESOLUTION_RECORDED).count() == 2


def test_routing_for_ratification_is_announced_to_followers_of_the_decision_and_body(
    agreement, alliance_board, council, trust, icb, admin_user, due, follows, follower,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    follows(agreement)
    follows(alliance_board, email="resident@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        ratification_route(
            resolution=agreement,
            routes=[
                (council, None, due),
                (trust, None, due - timedelta(days=7)),
                (icb, None, due),
            ],
            actor=admin_user,
        )
    for address in (follower.email, "resident@example.org"):
        message = to(address)
        assert message.subject == f"Routed for ratification by {due.day} {due:%b %Y}: {agreement}"
        assert f"Nottinghamshire County Council, by {due.day} {due:%B %Y}" in message.body
        assert "Sherwood Forest Hospitals NHS Foundation Trust" in message.body


def test_the_body_hears_when_every_organisation_has_decided(
    routed, alliance_board, council, trust, icb, admin_user, follows, follower,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    follows(alliance_board)
    decided = timezone.localdate()
    for organisation in (council, trust, icb):
        with django_capture_on_commit_callbacks(execute=True):
            ratification_record_outcome(
                ratification=ratification_of(routed, organisation),
                outcome=Ratification.Status.RATIFIED,
                minute_reference="M/1",
                decided_on=decided,
                actor=admin_user,
                expected_version=1,
            )
    message = to(follower.email)  # only the last outcome reaches the body's followers
    assert message.subject.startswith(f"All organisations decided: {routed}")
    assert "Ratified by all 3 organisations" in message.body
    routed.refresh_from_db()
    assert routed.status == Resolution.Status.RATIFIED


def test_a_scrutiny_recommendation_is_announced_when_sent_and_when_answered(
    scrutiny_body, trust, admin_user, follows, follower, django_capture_on_commit_callbacks
):
    follows(trust)
    sent_on = timezone.localdate() - timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        recommendation = recommendation_send(
            scrutiny_body=scrutiny_body, to_organisation=trust, reference="HSC/R1",
            text="Publish the stroke recovery plan.", sent_on=sent_on,
            regime="health_scrutiny", actor=admin_user,
        )  # fmt: skip
    sent = to(follower.email)
    due = recommendation.response_due
    assert sent.subject == (
        f"Scrutiny recommendation, response due {due.day} {due:%b %Y}: HSC/R1 — {trust}"
    )
    assert "Publish the stroke recovery plan." in sent.body
    assert f"must respond by {due.day} {due:%B %Y}" in sent.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        recommendation_record_response(
            recommendation=recommendation, response="The plan is published today.",
            responded_on=timezone.localdate(), actor=admin_user,
        )  # fmt: skip
    answered = to(follower.email)
    assert answered.subject == f"Scrutiny response received: HSC/R1 — {trust}"
    assert "The plan is published today." in answered.body and "in time" in answered.body


def test_approved_terms_of_reference_are_announced(
    body, council, clerk, follows, follower, django_capture_on_commit_callbacks
):
    follows(body)
    seat_voting_members(body, council, 3)
    with django_capture_on_commit_callbacks(execute=True):
        approved_version(body, clerk)
    message = to(follower.email)
    assert message.subject == "Terms of reference approved: ASCPH, version 1"
    assert "Full Council, 27 May 2021 approved version 1" in message.body


def test_an_agreement_is_announced_once_every_party_has_signed(
    partnership, council, trust, admin_user, follows, follower,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    follows(partnership)
    mou = make_mou(partnership, [council, trust], actor=admin_user)
    to_consultation(mou, admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        sign(mou, council, admin_user)
    assert mail.outbox == []  # one party still to sign
    with django_capture_on_commit_callbacks(execute=True):
        sign(mou, trust, admin_user, by="Chair")
    message = to(follower.email)
    assert message.subject == f"Agreement signed by every party: {mou}"
    assert "Sherwood Forest Hospitals NHS Foundation Trust: signed by Chair" in message.body
