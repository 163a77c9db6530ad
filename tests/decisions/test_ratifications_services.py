"""Routing an agreement in principle, and recording each organisation's outcome."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from decisions.models import Ratification, Resolution
from decisions.services.ratifications import (
    default_due_date,
    default_organisations,
    ratification_for,
    ratification_record_outcome,
    ratification_route,
)
from tests.factories import RATIFICATION_DAY, make_resolution, ratification_of

S = Ratification.Status
R = Resolution.Status


def record(ratification, outcome, actor, **details):
    ratification.refresh_from_db()
    return ratification_record_outcome(
        ratification=ratification,
        outcome=outcome,
        actor=actor,
        expected_version=ratification.version,
        **details,
    )


def ratify(ratification, actor, **extra):
    return record(
        ratification,
        S.RATIFIED,
        actor,
        minute_reference="CAB/21/12",
        decided_on=date(2022, 1, 6),
        **extra,
    )


# Routing


@pytest.mark.django_db
def test_default_organisations_are_the_partnerships_current_members(
    agreement, council, trust, icb, former_member
):
    assert default_organisations(agreement) == [icb, council, trust]
    assert default_due_date(agreement) == RATIFICATION_DAY + timedelta(weeks=8)


@pytest.mark.django_db
def test_a_body_owned_by_an_organisation_has_no_default_organisations(body):
    resolution = make_resolution(body)
    assert default_organisations(resolution) == []


@pytest.mark.django_db
def test_routing_creates_requested_ratifications_with_default_ratifying_bodies(
    agreement, council, trust, cabinet, board_clerk, due
):
    created = ratification_route(
        resolution=agreement, routes=[(council, None, due), (trust, None, due)], actor=board_clerk
    )
    assert [r.status for r in created] == [S.REQUESTED, S.REQUESTED]
    council_row = ratification_of(agreement, council)
    assert council_row.ratifying_body == cabinet
    assert ratification_of(agreement, trust).ratifying_body is None
    history = council_row.history.first()
    assert history.history_user == board_clerk
    assert history.history_change_reason == "Routed for ratification"
    agreement.refresh_from_db()
    assert agreement.status == R.AWAITING_RATIFICATION


@pytest.mark.django_db
def test_routing_refuses_a_due_date_before_the_resolution(agreement, council, board_clerk):
    with pytest.raises(ValidationError) as refused:
        ratification_route(
            resolution=agreement,
            routes=[(council, None, RATIFICATION_DAY - timedelta(days=1))],
            actor=board_clerk,
        )
    assert (
        "The due date for Nottinghamshire County Council (7 November 2021) is before the "
        "resolution was made on 8 November 2021." in refused.value.messages[0]
    )
    assert not Ratification.objects.exists()


@pytest.mark.django_db
def test_routing_refuses_what_is_not_an_agreement_in_principle(
    alliance_board, council, board_clerk, due
):
    decision = make_resolution(alliance_board, kind=Resolution.Kind.DECISION)
    with pytest.raises(ValidationError, match="only an agreement in principle is routed"):
        ratification_route(resolution=decision, routes=[(council, None, due)], actor=board_clerk)
    assert not Ratification.objects.exists()


@pytest.mark.django_db
def test_routing_refuses_an_empty_routing_and_an_organisation_routed_twice(
    routed, council, trust, board_clerk, due
):
    with pytest.raises(ValidationError, match="Choose at least one organisation"):
        ratification_route(resolution=routed, routes=[], actor=board_clerk)
    with pytest.raises(ValidationError, match="already on the routing"):
        ratification_route(resolution=routed, routes=[(council, None, due)], actor=board_clerk)
    assert routed.ratifications.count() == 3


@pytest.mark.django_db
def test_routing_refuses_a_resolution_no_longer_awaiting_ratification(
    agreement, council, board_clerk, due
):
    Resolution.objects.filter(pk=agreement.pk).update(status=R.RESCINDED)
    with pytest.raises(ValidationError, match="is rescinded"):
        ratification_route(resolution=agreement, routes=[(council, None, due)], actor=board_clerk)


@pytest.mark.django_db
def test_governance_leads_are_emailed_only_after_commit(
    agreement,
    council,
    trust,
    icb,
    governance_lead,
    council_lead,
    board_clerk,
    due,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ratification_route(
            resolution=agreement,
            routes=[(council, None, due), (trust, None, due), (icb, None, due)],
            actor=board_clerk,
            base_url="https://portal.example.org/",
        )
        assert mail.outbox == []  # nothing goes before the routing commits
    assert len(callbacks) == 2  # the leads' requests, and the announcement to followers
    # The ICB has no governance lead with a sign-in: nobody to write to.
    assert sorted(m.to for m in mail.outbox) == [["councillead@example.org"], ["lead@example.org"]]
    email = next(m for m in mail.outbox if m.to == ["lead@example.org"])
    ratification = ratification_of(agreement, trust)
    assert "WAB 2021/001" in email.subject
    assert "Wiltshire Alliance Board" in email.body
    assert "3 January 2022" in email.body
    assert (
        f"https://portal.example.org/decisions/{agreement.pk}/ratifications/"
        f"{ratification.pk}/outcome/" in email.body
    )


@pytest.mark.django_db
def test_no_email_when_the_routing_is_refused(
    agreement, council, council_lead, board_clerk, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(ValidationError):
            ratification_route(
                resolution=agreement, routes=[(council, None, date(2020, 1, 1))], actor=board_clerk
            )
    assert callbacks == []
    assert mail.outbox == []


# Outcomes


@pytest.mark.django_db
def test_only_the_organisations_leads_and_admins_record_its_outcome(
    routed, council, trust, governance_lead, council_lead, board_clerk, admin_user
):
    ratification = ratification_of(routed, council)
    for intruder in (governance_lead, board_clerk):
        with pytest.raises(PermissionDenied):
            record(ratification, S.SCHEDULED, intruder, scheduled_for="Cabinet, 14 Dec 2021")
    record(ratification, S.SCHEDULED, council_lead, scheduled_for="Cabinet, 14 December 2021")
    record(ratification_of(routed, trust), S.SCHEDULED, admin_user, scheduled_for="Board")
    ratification.refresh_from_db()
    assert ratification.status == S.SCHEDULED
    assert ratification.history.first().history_user == council_lead


@pytest.mark.django_db
def test_an_organisation_not_on_the_routing_is_refused(routed, council, alliance_board, body):
    other = make_resolution(alliance_board, number=2, meeting=routed.meeting)
    with pytest.raises(ValidationError, match="is not on the routing of WAB 2021/002"):
        ratification_for(resolution=other, organisation=council)
    ratification = ratification_of(routed, council)
    with pytest.raises(ValidationError, match="is not on the routing of WAB 2021/002"):
        ratification_record_outcome(
            ratification=ratification,
            resolution=other,
            outcome=S.SCHEDULED,
            scheduled_for="Cabinet",
            actor=None,
            expected_version=1,
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("outcome", "details", "field"),
    [
        (S.SCHEDULED, {}, "scheduled_for"),
        (S.RATIFIED, {"decided_on": date(2022, 1, 6)}, "minute_reference"),
        (S.RATIFIED, {"minute_reference": "CAB/21/12"}, "decided_on"),
        (
            S.RATIFIED_WITH_AMENDMENT,
            {"minute_reference": "CAB/21/12", "decided_on": date(2022, 1, 6)},
            "amendment",
        ),
        (S.REJECTED, {"decided_on": date(2022, 1, 6)}, "reason"),
        (S.WITHDRAWN, {}, "reason"),
    ],
)
def test_each_outcome_requires_its_details(routed, council, council_lead, outcome, details, field):
    ratification = ratification_of(routed, council)
    with pytest.raises(ValidationError) as refused:
        record(ratification, outcome, council_lead, **details)
    assert field in refused.value.error_dict
    ratification.refresh_from_db()
    assert ratification.status == S.REQUESTED
    assert ratification.version == 1


@pytest.mark.django_db
def test_an_unknown_outcome_is_refused(routed, council, council_lead):
    with pytest.raises(ValidationError, match="Choose the outcome"):
        record(ratification_of(routed, council), S.REQUESTED, council_lead)


@pytest.mark.django_db
def test_decided_on_cannot_be_in_the_future_or_before_the_resolution(
    routed, council, council_lead
):
    ratification = ratification_of(routed, council)
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError, match="cannot be in the future"):
        record(ratification, S.RATIFIED, council_lead, minute_reference="C/1", decided_on=tomorrow)
    with pytest.raises(ValidationError, match="before the resolution was made on 8 November"):
        record(
            ratification,
            S.RATIFIED,
            council_lead,
            minute_reference="C/1",
            decided_on=date(2021, 11, 1),
        )
    ratification.refresh_from_db()
    assert ratification.status == S.REQUESTED


@pytest.mark.django_db
def test_a_second_outcome_after_a_final_one_is_refused(cabinet, routed, council, council_lead):
    ratification = ratify(ratification_of(routed, council), council_lead)
    with pytest.raises(ValidationError) as refused:
        record(ratification, S.REJECTED, council_lead, reason="Changed our mind")
    assert refused.value.messages == [
        "Nottinghamshire County Council's outcome is final: ratified on 6 January 2022. "
        "It cannot be changed."
    ]
    ratification.refresh_from_db()
    assert ratification.status == S.RATIFIED
    assert ratification.minute_reference == "CAB/21/12"


@pytest.mark.django_db
def test_an_outcome_recorded_against_a_stale_version_is_refused(routed, council, council_lead):
    ratification = ratification_of(routed, council)
    first_form_version = second_form_version = ratification.version  # two forms opened
    ratification_record_outcome(
        ratification=ratification,
        outcome=S.SCHEDULED,
        scheduled_for="Cabinet, 14 December 2021",
        actor=council_lead,
        expected_version=first_form_version,
    )
    with pytest.raises(ValidationError) as refused:
        ratification_record_outcome(
            ratification=ratification,
            outcome=S.SCHEDULED,
            scheduled_for="Cabinet, 11 January 2022",
            actor=council_lead,
            expected_version=second_form_version,
        )
    assert "since you opened it; reload the page" in refused.value.messages[0]
    ratification.refresh_from_db()
    assert ratification.scheduled_for == "Cabinet, 14 December 2021"
    assert ratification.version == 2


# The resolution's status follows from its ratifications


@pytest.mark.django_db
def test_all_ratified_makes_the_resolution_ratified(routed, council, trust, icb, admin_user):
    ratify(ratification_of(routed, council), admin_user)
    ratify(ratification_of(routed, trust), admin_user)
    routed.refresh_from_db()
    assert routed.status == R.AWAITING_RATIFICATION
    ratify(ratification_of(routed, icb), admin_user)
    routed.refresh_from_db()
    assert routed.status == R.RATIFIED
    assert routed.history.first().history_user == admin_user


@pytest.mark.django_db
def test_withdrawn_organisations_do_not_count(routed, council, trust, icb, admin_user):
    ratify(ratification_of(routed, council), admin_user)
    ratify(ratification_of(routed, trust), admin_user)
    record(ratification_of(routed, icb), S.WITHDRAWN, admin_user, reason="Not a party now")
    routed.refresh_from_db()
    assert routed.status == R.RATIFIED


@pytest.mark.django_db
def test_a_rejection_while_others_decide_is_in_progress_then_rejected(
    routed, council, trust, icb, admin_user
):
    ratify(ratification_of(routed, council), admin_user)
    record(
        ratification_of(routed, trust),
        S.REJECTED,
        admin_user,
        reason="Financial risk",
        decided_on=date(2022, 1, 6),
    )
    routed.refresh_from_db()
    assert routed.status == R.AWAITING_RATIFICATION  # the ICB has not decided yet
    ratify(ratification_of(routed, icb), admin_user)
    routed.refresh_from_db()
    assert routed.status == R.REJECTED


@pytest.mark.django_db
def test_all_rejected_is_rejected(routed, council, trust, icb, admin_user):
    for organisation in (council, trust):
        record(ratification_of(routed, organisation), S.REJECTED, admin_user, reason="No")
    routed.refresh_from_db()
    assert routed.status == R.AWAITING_RATIFICATION  # the ICB has not decided yet
    record(ratification_of(routed, icb), S.REJECTED, admin_user, reason="No")
    routed.refresh_from_db()
    assert routed.status == R.REJECTED


@pytest.mark.django_db
def test_a_ratification_with_amendment_needs_reconsideration(
    routed, council, trust, icb, admin_user
):
    ratify(ratification_of(routed, council), admin_user)
    record(
        ratification_of(routed, trust),
        S.RATIFIED_WITH_AMENDMENT,
        admin_user,
        minute_reference="TB/22/4",
        decided_on=date(2022, 1, 27),
        amendment="Add a review after one year.",
    )
    routed.refresh_from_db()
    assert routed.status == R.AWAITING_RATIFICATION  # the ICB has not decided yet
    ratify(ratification_of(routed, icb), admin_user)
    routed.refresh_from_db()
    assert routed.status == R.AMENDMENT_TO_RECONSIDER
    trust_row = ratification_of(routed, trust)
    assert trust_row.amendment == "Add a review after one year."
    assert trust_row.is_final


@pytest.mark.django_db
def test_overdue_marks_only_open_ratifications_past_their_due_date(routed, council, trust, icb):
    Ratification.objects.filter(resolution=routed).update(due_date=date(2022, 1, 3))
    Ratification.objects.filter(organisation=trust).update(status=S.RATIFIED)
    Ratification.objects.filter(organisation=icb).update(
        due_date=timezone.localdate() + timedelta(days=1)
    )
    assert ratification_of(routed, council).is_overdue
    assert not ratification_of(routed, trust).is_overdue
    assert not ratification_of(routed, icb).is_overdue
