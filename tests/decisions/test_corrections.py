"""Putting a resolution right before the minutes are approved: its item and kind corrected,
or withdrawn in error with its number kept."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from decisions.models import Resolution
from decisions.services.resolutions import (
    resolution_record,
    resolution_update,
    resolution_withdraw,
)
from governance.models import Membership
from meetings.models import Meeting, Minute
from meetings.services.proceedings import minutes_approve
from tests.factories import all_present, approve_terms, make_meeting, seat


@pytest.fixture
def rc_held(body, council, member, clerk) -> Meeting:
    """11 January 2021: items 3 (Part I) and 4 (Part II), everyone present, so held."""
    approve_terms(body, quorum=2)
    seats = {
        "chair": seat(body, "Sue Harper", council, role=Membership.Role.CHAIR),
        "doddy": seat(body, "John Doddy", council),
    }
    meeting = make_meeting(body, date(2021, 1, 11))
    all_present(meeting, seats, clerk)
    return meeting


@pytest.fixture
def rc_resolution(rc_held, clerk) -> Resolution:
    """Recorded against item 4 by mistake: it was made on item 3."""
    return resolution_record(
        item=rc_held.items.get(position=4),
        kind=Resolution.Kind.DECISION,
        parts="To approve the performance framework.",
        actor=clerk,
    )


def _approve_minutes(body, meeting, clerk):
    Minute.objects.create(item=meeting.items.get(position=3), text="Noted.")
    later = make_meeting(body, date(2021, 2, 8))
    later.status = Meeting.Status.HELD
    later.save()
    minutes_approve(meeting=meeting, at_item=later.items.get(position=1), actor=clerk)


# Services


def test_the_item_and_kind_are_corrected_with_the_reason_in_the_history(
    rc_held, rc_resolution, clerk
):
    right_item = rc_held.items.get(position=3)
    corrected = resolution_update(
        resolution=rc_resolution,
        actor=clerk,
        expected_version=1,
        reason="Recorded against the wrong item after the reorder",
        item=right_item,
        kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE,
    )
    assert corrected.item == right_item
    assert corrected.status == Resolution.Status.TO_ROUTE  # nothing routed yet
    assert corrected.reference == rc_resolution.reference
    latest = corrected.history.first()
    assert latest.history_user == clerk
    assert latest.history_change_reason == "Recorded against the wrong item after the reorder"


def test_an_item_of_another_meeting_is_refused(body, rc_resolution, clerk):
    other = make_meeting(body, date(2021, 3, 8))
    with pytest.raises(ValidationError, match="Choose an item of the meeting"):
        resolution_update(
            resolution=rc_resolution,
            actor=clerk,
            expected_version=1,
            reason="x",
            item=other.items.get(position=3),
        )


def test_a_resolution_withdrawn_in_error_keeps_its_number(rc_held, rc_resolution, clerk):
    withdrawn = resolution_withdraw(
        resolution=rc_resolution, actor=clerk, reason="Recorded twice", expected_version=1
    )
    assert withdrawn.status == Resolution.Status.WITHDRAWN
    assert withdrawn.get_status_display() == "Withdrawn in error"
    assert withdrawn.history.first().history_change_reason == "Withdrawn in error: Recorded twice"
    following = resolution_record(
        item=rc_held.items.get(position=3), kind="decision", parts="To note.", actor=clerk
    )
    assert (withdrawn.reference, following.reference) == ("2021/001", "2021/002")
    with pytest.raises(ValidationError, match="withdrawn in error; it can no longer be changed"):
        resolution_withdraw(resolution=withdrawn, actor=clerk, reason="Again")
    with pytest.raises(ValidationError, match="withdrawn in error; no resolution can act on it"):
        resolution_record(
            item=rc_held.items.get(position=3),
            kind="decision",
            parts="To amend.",
            acts_on=withdrawn,
            act=Resolution.Act.AMENDS,
            actor=clerk,
        )


def test_an_agreement_in_principle_not_yet_routed_is_put_right_like_any_other(
    client_for, rc_held, clerk
):
    """Nothing follows from an agreement not yet routed: its item and kind can be corrected
    and it can be withdrawn, and the meeting page offers both."""
    agreement = resolution_record(
        item=rc_held.items.get(position=4),
        kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE,
        parts="Agrees in principle to pool the budgets.",
        actor=clerk,
    )
    assert agreement.status == Resolution.Status.TO_ROUTE
    page = client_for(clerk).get(rc_held.get_absolute_url()).content.decode()
    assert "Correct the text, item or kind" in page
    assert reverse("decisions:resolution_withdraw", args=[agreement.pk]) in page
    moved = resolution_update(
        resolution=agreement,
        actor=clerk,
        expected_version=1,
        reason="Made on item 3",
        item=rc_held.items.get(position=3),
    )
    assert moved.item.position == 3 and moved.status == Resolution.Status.TO_ROUTE
    withdrawn = resolution_withdraw(resolution=moved, actor=clerk, reason="Recorded twice")
    assert withdrawn.status == Resolution.Status.WITHDRAWN


def test_once_the_minutes_are_approved_only_the_text_can_be_corrected(
    body, rc_held, rc_resolution, clerk
):
    _approve_minutes(body, rc_held, clerk)
    with pytest.raises(ValidationError, match="minutes of .* have been approved"):
        resolution_withdraw(resolution=rc_resolution, actor=clerk, reason="Too late")
    with pytest.raises(ValidationError, match="minutes of .* have been approved"):
        resolution_update(
            resolution=rc_resolution,
            actor=clerk,
            expected_version=1,
            reason="Too late",
            item=rc_held.items.get(position=3),
        )
    text = resolution_update(
        resolution=rc_resolution,
        actor=clerk,
        expected_version=1,
        reason="Typo",
        parts="To approve the performance framework as amended.",
    )
    assert text.part_list == ["To approve the performance framework as amended."]


# Pages and the API


def test_the_pages_correct_the_item_and_withdraw(client_for, clerk, rc_held, rc_resolution):
    client = client_for(clerk)
    page = client.get(rc_held.get_absolute_url()).content.decode()
    withdraw_url = reverse("decisions:resolution_withdraw", args=[rc_resolution.pk])
    assert "Correct the text, item or kind" in page
    assert withdraw_url in page
    right_item = rc_held.items.get(position=3)
    response = client.post(
        reverse("decisions:resolution_edit", args=[rc_resolution.pk]),
        {
            "version": 1,
            "item": right_item.pk,
            "kind": "decision",
            "parts": "To approve the performance framework.",
            "reason": "Wrong item",
        },
    )
    assert response.status_code == 302
    rc_resolution.refresh_from_db()
    assert rc_resolution.item == right_item
    assert client.post(withdraw_url, {"version": 2, "reason": ""}).status_code == 200
    assert client.post(withdraw_url, {"version": 2, "reason": "Not made"}).status_code == 302
    page = client.get(rc_held.get_absolute_url()).content.decode()
    assert "Withdrawn in error" in page
    assert withdraw_url not in page
    trail = client.get(rc_resolution.get_absolute_url()).content.decode()
    assert "Withdrawn in error" in trail
    api = client.get(f"/api/v1/resolutions/{rc_resolution.pk}/")
    assert api.status_code == 200
    assert api.json()["status"] == "withdrawn"


def test_after_approval_withdrawal_is_not_offered_and_the_reason_is_shown(
    client_for, body, clerk, rc_held, rc_resolution
):
    _approve_minutes(body, rc_held, clerk)
    client = client_for(clerk)
    withdraw_url = reverse("decisions:resolution_withdraw", args=[rc_resolution.pk])
    page = client.get(rc_held.get_absolute_url()).content.decode()
    assert withdraw_url not in page
    assert "Correct the text, item or kind" not in page
    form = client.get(withdraw_url).content.decode()
    assert "It cannot be withdrawn: The minutes of" in form
    edit = client.get(reverse("decisions:resolution_edit", args=[rc_resolution.pk]))
    assert "Its item and kind cannot be corrected" in edit.content.decode()
    assert 'name="item"' not in edit.content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [("clerk", 200), ("member", 403), ("officer", 403), ("outsider", 403), (None, 302)],
)
def test_who_may_correct_or_withdraw_a_resolution(request, client_for, rc_resolution, who, status):
    user = request.getfixturevalue(who) if who else None
    for name in ("decisions:resolution_edit", "decisions:resolution_withdraw"):
        url = reverse(name, args=[rc_resolution.pk])
        assert client_for(user).get(url).status_code == status
    url = reverse("decisions:resolution_withdraw", args=[rc_resolution.pk])
    posted = client_for(user).post(url, {"version": 1, "reason": "Not theirs"})
    assert posted.status_code == (302 if who in ("clerk", None) else status)
    rc_resolution.refresh_from_db()
    assert (rc_resolution.status == Resolution.Status.WITHDRAWN) == (who == "clerk")
