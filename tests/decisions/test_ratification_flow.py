"""Ratification as the clerk and the governance leads meet it (issue 11 item 7): the status says
whether anything was routed and how many have decided; routing says who will be told; the
clerk hears of each outcome; the lead sees what they are ratifying; "For you to do" lists only
what is left to do."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from decisions.models import Ratification, Resolution
from decisions.services.ratifications import ratification_record_outcome, ratification_route
from governance.models import Body, Organisation, Partnership, PartnershipMember, RoleAssignment
from tests.factories import RATIFICATION_DAY, make_resolution, make_user

S = Ratification.Status
DUE = RATIFICATION_DAY + timedelta(weeks=8)
DECIDED = date(2022, 1, 6)


@pytest.fixture
def flow_third(db) -> Organisation:
    """A partner organisation with no governance lead on the portal."""
    return Organisation.objects.create(
        name="Wiltshire Health and Care", short_name="WHC", slug="whc", kind="other"
    )


@pytest.fixture
def flow_board(council, trust, flow_third) -> Body:
    partners = Partnership.objects.create(
        name="Flow Alliance", short_name="Flow", slug="flow-alliance", level="place"
    )
    for organisation in (council, trust, flow_third):
        PartnershipMember.objects.create(
            partnership=partners, organisation=organisation, joined=date(2020, 4, 1)
        )
    return Body.objects.create(
        name="Flow Alliance Board",
        short_name="FAB",
        slug="flow-alliance-board",
        kind=Body.Kind.BOARD,
        partnership=partners,
    )


@pytest.fixture
def flow_clerk(flow_board):
    user = make_user("flowclerk", first_name="Fran", last_name="Clerk")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=flow_board)
    return user


@pytest.fixture
def flow_council_lead(council):
    user = make_user("flowcouncillead", first_name="Cass", last_name="Lead")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.GOVERNANCE_LEAD, organisation=council
    )
    return user


@pytest.fixture
def flow_agreement(flow_board) -> Resolution:
    return make_resolution(flow_board)


def route_to_all(resolution, council, trust, third, actor) -> None:
    ratification_route(
        resolution=resolution,
        routes=[(council, None, DUE), (trust, None, DUE), (third, None, DUE)],
        actor=actor,
    )


def record(resolution, organisation, outcome, actor, **details) -> Ratification:
    ratification = Ratification.objects.get(resolution=resolution, organisation=organisation)
    if outcome in (S.RATIFIED, S.RATIFIED_WITH_AMENDMENT):
        details = {"minute_reference": "MIN/1", "decided_on": DECIDED, **details}
    return ratification_record_outcome(
        ratification=ratification,
        outcome=outcome,
        actor=actor,
        expected_version=ratification.version,
        **details,
    )


def main_text(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") :]


# Statuses


def test_nothing_routed_is_not_yet_routed_never_awaiting(client, flow_agreement):
    assert flow_agreement.status == Resolution.Status.TO_ROUTE
    text = main_text(client.get(flow_agreement.get_absolute_url()))
    assert "Agreed in principle, not yet routed" in text
    assert "Awaiting ratification" not in text
    assert "Ratification in progress" not in text


def test_the_status_counts_the_decided_then_names_who_rejected(
    client, flow_agreement, council, trust, flow_third, admin_user
):
    route_to_all(flow_agreement, council, trust, flow_third, admin_user)
    record(flow_agreement, council, S.RATIFIED, admin_user)
    record(flow_agreement, trust, S.REJECTED, admin_user, reason="Too costly")
    flow_agreement.refresh_from_db()
    assert flow_agreement.status == Resolution.Status.AWAITING_RATIFICATION
    text = main_text(client.get(flow_agreement.get_absolute_url()))
    assert "Ratification in progress (2 of 3 decided)" in text
    assert "Partly ratified" not in text

    record(flow_agreement, flow_third, S.RATIFIED, admin_user)
    flow_agreement.refresh_from_db()
    assert flow_agreement.status == Resolution.Status.REJECTED
    text = main_text(client.get(flow_agreement.get_absolute_url()))
    assert f'<dd class="govuk-summary-list__value">Rejected by {trust}</dd>' in text


def test_an_amendment_is_final_only_when_everyone_has_decided(
    client, flow_agreement, council, trust, flow_third, admin_user
):
    route_to_all(flow_agreement, council, trust, flow_third, admin_user)
    record(flow_agreement, council, S.RATIFIED_WITH_AMENDMENT, admin_user, amendment="A review")
    record(flow_agreement, trust, S.RATIFIED, admin_user)
    flow_agreement.refresh_from_db()
    assert flow_agreement.status == Resolution.Status.AWAITING_RATIFICATION
    record(flow_agreement, flow_third, S.RATIFIED, admin_user)
    flow_agreement.refresh_from_db()
    assert flow_agreement.status == Resolution.Status.AMENDMENT_TO_RECONSIDER
    text = main_text(client.get(flow_agreement.get_absolute_url()))
    assert f"Ratified with amendment by {council}, needs reconsideration" in text


# Routing: who will be told


def test_routing_page_lists_who_will_be_told_and_warns_of_nobody(
    client_for, flow_agreement, flow_clerk, governance_lead, trust, flow_third
):
    response = client_for(flow_clerk).get(f"/decisions/{flow_agreement.pk}/ratifications/route/")
    text = main_text(response)
    assert f"Will be emailed: {governance_lead.email}" in text
    assert f"Nobody at {flow_third} will be emailed" in text


def test_routing_to_an_organisation_with_no_lead_warns_after_sending_too(
    client_for,
    flow_agreement,
    flow_clerk,
    governance_lead,
    council,
    trust,
    flow_third,
    django_capture_on_commit_callbacks,
):
    client = client_for(flow_clerk)
    form = {
        f"route_{flow_third.pk}": "on",
        f"due_{flow_third.pk}": DUE.isoformat(),
        f"route_{trust.pk}": "on",
        f"due_{trust.pk}": DUE.isoformat(),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/decisions/{flow_agreement.pk}/ratifications/route/", form, follow=True
        )
    assert flow_agreement.ratifications.count() == 2
    assert [m.to for m in mail.outbox] == [[governance_lead.email]]
    assert f"Nobody was emailed at {flow_third}" in main_text(response)


# The clerk hears of each outcome


def test_the_clerk_is_emailed_the_outcome_with_the_text(
    flow_agreement,
    council,
    trust,
    flow_third,
    admin_user,
    governance_lead,
    flow_clerk,
    django_capture_on_commit_callbacks,
):
    route_to_all(flow_agreement, council, trust, flow_third, admin_user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        record(flow_agreement, trust, S.REJECTED, governance_lead, reason="Too costly")
    assert [m.to for m in mail.outbox] == [[flow_clerk.email]]
    message = mail.outbox[0]
    assert str(trust) in message.subject and "rejected" in message.subject
    assert "Reason: Too costly" in message.body
    assert "Ratification in progress (1 of 3 decided); rejected by" in message.body
    assert "1) Adopt the Memorandum of Understanding." in message.body
    assert f"/decisions/{flow_agreement.pk}/" in message.body


def test_a_refused_outcome_emails_nobody(
    flow_agreement, council, trust, flow_third, admin_user, governance_lead, flow_clerk,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    route_to_all(flow_agreement, council, trust, flow_third, admin_user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        record(flow_agreement, trust, S.REJECTED, governance_lead)  # no reason
    assert mail.outbox == []


# The lead's outcome form


def outcome_url(resolution, organisation) -> str:
    ratification = Ratification.objects.get(resolution=resolution, organisation=organisation)
    return f"/decisions/{resolution.pk}/ratifications/{ratification.pk}/outcome/"


def test_the_outcome_form_shows_the_text_and_the_due_date(
    client_for, flow_agreement, council, trust, flow_third, admin_user, governance_lead
):
    route_to_all(flow_agreement, council, trust, flow_third, admin_user)
    text = main_text(client_for(governance_lead).get(outcome_url(flow_agreement, trust)))
    assert "Adopt the Memorandum of Understanding." in text
    assert "Refer it to each partner." in text
    assert DUE.strftime("%-d %B %Y") in text
    assert "Ratification in progress (0 of 3 decided)" in text


def test_the_outcome_form_shows_the_exempt_notice_not_the_text(
    client_for, flow_agreement, council, trust, flow_third, admin_user, governance_lead
):
    item = flow_agreement.item
    item.is_exempt, item.exempt_paragraph = True, 3
    item.save()
    route_to_all(flow_agreement, council, trust, flow_third, admin_user)
    text = main_text(client_for(governance_lead).get(outcome_url(flow_agreement, trust)))
    assert "Exempt: paragraph 3 of Schedule 12A" in text
    assert "Adopt the Memorandum of Understanding." not in text
    assert DUE.strftime("%-d %B %Y") in text


# For you to do


def test_for_you_to_do_drops_an_outcome_once_it_is_final(
    client_for, flow_agreement, council, trust, flow_third, admin_user, governance_lead
):
    route_to_all(flow_agreement, council, trust, flow_third, admin_user)
    client = client_for(governance_lead)
    assert f"Record the outcome for {trust}" in main_text(
        client.get(flow_agreement.get_absolute_url())
    )
    record(flow_agreement, trust, S.SCHEDULED, governance_lead, scheduled_for="Board, 1 March")
    assert f"Record the outcome for {trust}" in main_text(
        client.get(flow_agreement.get_absolute_url())
    )
    record(flow_agreement, trust, S.RATIFIED, governance_lead)
    text = main_text(client.get(flow_agreement.get_absolute_url()))
    assert f"Record the outcome for {trust}" not in text
    assert "For you to do" not in text
