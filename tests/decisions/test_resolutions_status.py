"""The status rules: the transition table, status from ratifications, and stale corrections."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from decisions.models import Ratification, Resolution
from decisions.services.resolutions import (
    TRANSITIONS,
    resolution_refresh_from_ratifications,
    resolution_set_status,
    resolution_update,
    status_from_ratifications,
)
from governance.models import Organisation
from ics_portal.common.records import check_version

pytestmark = pytest.mark.django_db

Status = Resolution.Status
R = Ratification.Status


def force(resolution: Resolution, status: str) -> Resolution:
    """Put a resolution in a status for a test (bypassing the service on purpose)."""
    Resolution.objects.filter(pk=resolution.pk).update(status=status)
    resolution.refresh_from_db()
    return resolution


ALLOWED = [(start, end) for start, ends in TRANSITIONS.items() for end in sorted(ends)]


def test_the_table_covers_every_status():
    assert set(TRANSITIONS) == set(Status.values)
    assert TRANSITIONS[Status.RESCINDED] == set()
    assert TRANSITIONS[Status.AGREED] == {Status.IMPLEMENTED, Status.RESCINDED}
    assert TRANSITIONS[Status.IMPLEMENTED] == {Status.RESCINDED}
    assert {Status.IMPLEMENTED, Status.RESCINDED} <= TRANSITIONS[Status.RATIFIED]
    assert {
        Status.RATIFIED,
        Status.REJECTED,
        Status.AMENDMENT_TO_RECONSIDER,
    } <= TRANSITIONS[Status.AWAITING_RATIFICATION]
    assert Status.AWAITING_RATIFICATION in TRANSITIONS[Status.TO_ROUTE]


@pytest.mark.parametrize(("start", "end"), ALLOWED)
def test_every_allowed_transition(held, business, record, clerk, start, end):
    resolution = force(record(business), start)
    resolution_set_status(resolution=resolution, status=end, actor=clerk, reason="Test")
    resolution.refresh_from_db()
    assert resolution.status == end
    change = resolution.history.first()
    assert change.history_user == clerk
    assert change.history_change_reason == "Test"


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (
            Status.RESCINDED,
            Status.IMPLEMENTED,
            "A rescinded resolution cannot become implemented.",
        ),
        (Status.RESCINDED, Status.AGREED, "A rescinded resolution cannot become agreed."),
        (Status.AGREED, Status.RATIFIED, "An agreed resolution cannot become ratified."),
        (
            Status.AWAITING_RATIFICATION,
            Status.IMPLEMENTED,
            "A resolution whose ratification is in progress cannot become implemented.",
        ),
        (Status.REJECTED, Status.IMPLEMENTED, "A rejected resolution cannot become implemented."),
        (
            Status.IMPLEMENTED,
            Status.AWAITING_RATIFICATION,
            "An implemented resolution cannot become ratification in progress.",
        ),
        (Status.RATIFIED, Status.AGREED, "A ratified resolution cannot become agreed."),
        (Status.AGREED, Status.AGREED, "This resolution is already agreed."),
        (Status.AGREED, "nonsense", "Choose a status."),
    ],
)
def test_illegal_transitions_are_refused(held, business, record, clerk, start, end, message):
    resolution = force(record(business), start)
    with pytest.raises(ValidationError) as caught:
        resolution_set_status(resolution=resolution, status=end, actor=clerk, reason="Test")
    assert caught.value.messages == [message]
    resolution.refresh_from_db()
    assert resolution.status == start
    assert resolution.history.count() == 1


# Status from ratifications: every row of the table in the docstring.


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], Status.TO_ROUTE),
        ([R.WITHDRAWN, R.WITHDRAWN], Status.TO_ROUTE),
        ([R.RATIFIED_WITH_AMENDMENT, R.RATIFIED, R.RATIFIED], Status.AMENDMENT_TO_RECONSIDER),
        ([R.RATIFIED_WITH_AMENDMENT, R.REJECTED, R.REQUESTED], Status.AWAITING_RATIFICATION),
        ([R.RATIFIED_WITH_AMENDMENT, R.REJECTED, R.RATIFIED], Status.REJECTED),
        ([R.RATIFIED, R.RATIFIED, R.RATIFIED], Status.RATIFIED),
        ([R.RATIFIED, R.RATIFIED, R.WITHDRAWN], Status.RATIFIED),
        ([R.RATIFIED, R.REJECTED, R.RATIFIED], Status.REJECTED),
        ([R.RATIFIED, R.REJECTED, R.SCHEDULED], Status.AWAITING_RATIFICATION),
        ([R.REJECTED, R.REJECTED], Status.REJECTED),
        ([R.REJECTED, R.WITHDRAWN], Status.REJECTED),
        ([R.REJECTED, R.REQUESTED], Status.AWAITING_RATIFICATION),
        ([R.RATIFIED, R.SCHEDULED], Status.AWAITING_RATIFICATION),
        ([R.REQUESTED, R.SCHEDULED], Status.AWAITING_RATIFICATION),
    ],
)
def test_status_from_ratifications_table(statuses, expected):
    assert status_from_ratifications(statuses) == expected


@pytest.fixture
def organisations(db) -> list[Organisation]:
    return [
        Organisation.objects.create(
            name=f"Organisation {n}", short_name=f"O{n}", slug=f"organisation-{n}", kind="other"
        )
        for n in range(3)
    ]


def route(resolution, organisations, statuses) -> list[Ratification]:
    return [
        Ratification.objects.create(
            resolution=resolution, organisation=org, due_date=date(2021, 3, 1), status=status
        )
        for org, status in zip(organisations, statuses, strict=False)
    ]


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([R.RATIFIED, R.RATIFIED, R.RATIFIED], Status.RATIFIED),
        ([R.RATIFIED, R.RATIFIED_WITH_AMENDMENT, R.RATIFIED], Status.AMENDMENT_TO_RECONSIDER),
        ([R.RATIFIED, R.REJECTED, R.RATIFIED], Status.REJECTED),
        ([R.REJECTED, R.REJECTED, R.WITHDRAWN], Status.REJECTED),
        ([R.RATIFIED, R.SCHEDULED, R.REQUESTED], Status.AWAITING_RATIFICATION),
    ],
)
def test_refresh_sets_the_status_from_the_ratifications(
    held, business, record, clerk, organisations, statuses, expected
):
    resolution = record(business, kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE)
    route(resolution, organisations, statuses)
    resolution_refresh_from_ratifications(resolution=resolution, actor=clerk)
    resolution.refresh_from_db()
    assert resolution.status == expected


def test_refresh_follows_outcomes_one_by_one_and_is_safe_to_repeat(
    held, business, record, clerk, governance_lead, organisations
):
    resolution = record(business, kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE)
    rows = route(resolution, organisations, [R.REQUESTED] * 3)
    seen = []
    for row, outcome in zip(rows, [R.RATIFIED, R.RATIFIED, R.RATIFIED], strict=True):
        Ratification.objects.filter(pk=row.pk).update(status=outcome)
        for _ in range(2):
            resolution_refresh_from_ratifications(resolution=resolution, actor=governance_lead)
        resolution.refresh_from_db()
        seen.append(resolution.status)
    assert seen == [Status.AWAITING_RATIFICATION, Status.AWAITING_RATIFICATION, Status.RATIFIED]
    # Created (not yet routed), then in progress, then ratified: repeating the refresh wrote
    # nothing more.
    changes = list(resolution.history.order_by("history_id"))
    assert [c.status for c in changes] == [
        Status.TO_ROUTE,
        Status.AWAITING_RATIFICATION,
        Status.RATIFIED,
    ]
    assert changes[2].history_user == governance_lead
    assert changes[2].history_change_reason == "Ratifications recorded: now ratified"


def test_refresh_leaves_implemented_rescinded_and_agreed_alone(
    held, business, record, clerk, organisations
):
    for status in (Status.IMPLEMENTED, Status.RESCINDED, Status.AGREED):
        resolution = force(record(business, kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE), status)
        route(resolution, organisations, [R.REJECTED])
        resolution_refresh_from_ratifications(resolution=resolution, actor=clerk)
        resolution.refresh_from_db()
        assert resolution.status == status


def test_a_ratified_resolution_goes_back_to_awaiting_when_another_organisation_is_routed(
    held, business, record, clerk, organisations
):
    resolution = record(business, kind=Resolution.Kind.AGREEMENT_IN_PRINCIPLE)
    route(resolution, organisations[:1], [R.RATIFIED])
    resolution_refresh_from_ratifications(resolution=resolution, actor=clerk)
    route(resolution, organisations[1:2], [R.REQUESTED])
    resolution_refresh_from_ratifications(resolution=resolution, actor=clerk)
    resolution.refresh_from_db()
    assert resolution.status == Status.AWAITING_RATIFICATION


# Corrections and stale versions


def test_a_correction_bumps_the_version_and_keeps_the_reason(held, business, record, clerk):
    resolution = record(business)
    corrected = resolution_update(
        resolution=resolution,
        actor=clerk,
        expected_version=1,
        reason="Typing error in part 2",
        parts="1) To note the report.\n2) To ask for an update in March.",
        preamble="That the Committee:",
    )
    assert corrected.version == 2
    assert corrected.part_list[1] == "To ask for an update in March."
    assert corrected.preamble == "That the Committee:"
    change = corrected.history.first()
    assert change.history_user == clerk
    assert change.history_change_reason == "Typing error in part 2"


def test_a_stale_correction_is_refused_and_changes_nothing(held, business, record, clerk):
    resolution = record(business)
    resolution_update(
        resolution=resolution, actor=clerk, expected_version=1, reason="First", parts="A"
    )
    with pytest.raises(ValidationError) as caught:
        resolution_update(
            resolution=resolution, actor=clerk, expected_version=1, reason="Second", parts="B"
        )
    assert caught.value.messages == [
        "Someone else changed this resolution since you opened it; reload the page"
    ]
    resolution.refresh_from_db()
    assert (resolution.parts, resolution.version) == ("A", 2)


def test_a_correction_needs_a_reason_and_a_part(held, business, record, clerk):
    resolution = record(business)
    with pytest.raises(ValidationError, match="Say why"):
        resolution_update(
            resolution=resolution, actor=clerk, expected_version=1, reason="", parts="A"
        )
    with pytest.raises(ValidationError, match="at least one part"):
        resolution_update(
            resolution=resolution, actor=clerk, expected_version=1, reason="R", parts="1)"
        )
    with pytest.raises(ValueError, match="status"):
        resolution_update(
            resolution=resolution, actor=clerk, expected_version=1, reason="R", status="rescinded"
        )
    resolution.refresh_from_db()
    assert resolution.version == 1


def test_a_correction_keeps_a_status_changed_meanwhile(held, business, record, clerk):
    resolution = record(business)
    stale = Resolution.objects.get(pk=resolution.pk)
    resolution_set_status(
        resolution=resolution, status=Status.IMPLEMENTED, actor=clerk, reason="x"
    )
    resolution_update(resolution=stale, actor=clerk, expected_version=1, reason="Typo", parts="A")
    resolution.refresh_from_db()
    assert resolution.status == Status.IMPLEMENTED


@pytest.mark.parametrize("expected", [None, "", "abc", 2, "2"])
def test_check_version_refuses_anything_but_the_current_version(held, business, record, expected):
    resolution = record(business)
    with pytest.raises(ValidationError, match="Someone else changed this resolution"):
        check_version(resolution, expected)
    check_version(resolution, 1)
    check_version(resolution, "1")
