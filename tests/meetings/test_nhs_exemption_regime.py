"""Issue 15 item 1: a body's terms of reference choose how it takes private business, under
Schedule 12A (councils) or on NHS public-interest grounds (ICB and trust boards), and the
agenda, its form, the exclusion item, the meeting page and the API follow that choice."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from governance.models import Body, TermsOfReference
from governance.models.terms import ExemptionRegime, exemption_regime
from meetings.exclusion import exclusion_for
from meetings.models import AgendaItem
from meetings.services import agenda as services
from tests.factories import approve_terms, at, schedule

REASON = "commercially confidential information about the community beds procurement"


@pytest.fixture
def trust_board(trust) -> Body:
    board = Body.objects.create(
        name="Sherwood Forest Hospitals Board of Directors",
        short_name="SFH Board",
        slug="sfh-board",
        kind=Body.Kind.BOARD,
        organisation=trust,
    )
    terms = approve_terms(board)
    TermsOfReference.objects.filter(pk=terms.pk).update(
        exemption_regime=ExemptionRegime.NHS_PUBLIC_INTEREST
    )
    return board


@pytest.fixture
def private_session(trust_board, admin_user):
    """A published board meeting with one Part I item and one taken in private."""
    meeting = schedule(trust_board, admin_user)
    services.item_add(meeting=meeting, title="Quality report", actor=admin_user)
    services.item_add(
        meeting=meeting,
        title="Community beds contract",
        is_exempt=True,
        exempt_reason=REASON,
        position=99,  # after the work programme: Part II business comes last
        actor=admin_user,
    )
    services.agenda_publish(meeting=meeting, actor=admin_user, now=at(2099, 2, 1))
    return meeting


def _private_item(meeting) -> AgendaItem:
    return meeting.items.get(is_exempt=True)


def test_the_regime_comes_from_the_terms_and_else_from_the_owner(trust, body, trust_board):
    assert exemption_regime(trust_board) == ExemptionRegime.NHS_PUBLIC_INTEREST
    assert exemption_regime(body) == ExemptionRegime.SCHEDULE_12A
    committee = Body.objects.create(
        name="SFH Finance Committee", short_name="SFH FC", slug="sfh-fc",
        kind=Body.Kind.COMMITTEE, organisation=trust,
    )  # fmt: skip
    assert exemption_regime(committee) == ExemptionRegime.NHS_PUBLIC_INTEREST


def test_an_nhs_private_item_shows_its_reason_not_a_paragraph(private_session):
    item = _private_item(private_session)
    assert item.exempt_paragraph is None
    assert item.exempt_notice == f"Private on public-interest grounds: {REASON}"


def test_the_exclusion_item_uses_nhs_wording_with_the_reasons(private_session):
    exclusion = exclusion_for(private_session.items.order_by("position"))
    assert exclusion.before == _private_item(private_session)
    assert "prejudicial to the public interest" in exclusion.text
    assert REASON in exclusion.text
    assert "Schedule 12A" not in exclusion.text


def test_a_council_exclusion_still_cites_schedule_12a(body, clerk):
    meeting = schedule(body, clerk)
    services.item_add(
        meeting=meeting, title="Care home fees", is_exempt=True, exempt_paragraph=3, actor=clerk
    )
    exclusion = exclusion_for(meeting.items.order_by("position"))
    assert "paragraph 3 of Part 1 of Schedule 12A" in exclusion.text
    assert "standing orders" not in exclusion.text


def test_an_nhs_body_refuses_a_schedule_12a_paragraph(trust_board, admin_user):
    meeting = schedule(trust_board, admin_user)
    with pytest.raises(ValidationError, match="NHS public-interest grounds"):
        services.item_add(
            meeting=meeting, title="Contract", is_exempt=True, exempt_paragraph=3, actor=admin_user
        )
    with pytest.raises(ValidationError, match="Give the reason"):
        services.item_add(meeting=meeting, title="Contract", is_exempt=True, actor=admin_user)
    assert not meeting.items.filter(title="Contract").exists()


def test_a_council_body_refuses_a_public_interest_reason(body, clerk):
    meeting = schedule(body, clerk)
    with pytest.raises(ValidationError, match="under Schedule 12A"):
        services.item_add(
            meeting=meeting, title="Fees", is_exempt=True, exempt_reason=REASON, actor=clerk
        )


def test_making_an_nhs_item_public_drops_its_reason(trust_board, admin_user):
    meeting = schedule(trust_board, admin_user)
    item = services.item_add(
        meeting=meeting, title="Contract", is_exempt=True, exempt_reason=REASON, actor=admin_user
    )
    services.item_update(item=item, actor=admin_user, is_exempt=False)
    item.refresh_from_db()
    assert (item.is_exempt, item.exempt_reason) == (False, "")
    assert item.history.first().exempt_reason == ""


def test_the_item_form_asks_an_nhs_body_for_a_reason(client_for, admin_user, trust_board, body):
    client = client_for(admin_user)
    nhs = schedule(trust_board, admin_user)
    html = client.get(f"/meetings/{nhs.pk}/items/new/").content.decode()
    assert 'name="exempt_reason"' in html and 'name="exempt_paragraph"' not in html
    council = schedule(body, admin_user)
    html = client.get(f"/meetings/{council.pk}/items/new/").content.decode()
    assert 'name="exempt_paragraph"' in html and 'name="exempt_reason"' not in html


def test_the_item_form_records_the_reason(client_for, admin_user, trust_board):
    meeting = schedule(trust_board, admin_user)
    client = client_for(admin_user)
    response = client.post(
        f"/meetings/{meeting.pk}/items/new/",
        {"title": "Contract award", "is_exempt": "on", "exempt_reason": REASON},
    )
    assert response.status_code == 302
    assert meeting.items.get(title="Contract award").exempt_reason == REASON
    response = client.post(
        f"/meetings/{meeting.pk}/items/new/", {"title": "Other contract", "is_exempt": "on"}
    )
    assert "Give the reason for taking this item in private" in response.content.decode()


def test_the_public_meeting_page_shows_the_nhs_grounds(client, private_session):
    html = client.get(f"/meetings/{private_session.pk}/").content.decode()
    assert f"Private on public-interest grounds: {REASON}" in html
    assert "prejudicial to the public interest" in html
    assert "Schedule 12A" not in html


def test_the_api_gives_the_nhs_notice(client, private_session):
    item = _private_item(private_session)
    data = client.get(f"/api/v1/agenda-items/{item.pk}/").json()
    assert data["public"] is False
    assert data["exemptNotice"] == f"Private on public-interest grounds: {REASON}"
