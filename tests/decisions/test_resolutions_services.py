"""Recording resolutions: numbering, parts, votes, declared interests, later resolutions."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from decisions.models import NamedVote, Resolution
from decisions.services.resolutions import VoteCount, clean_parts, resolution_set_status
from governance.models import Membership
from meetings.models import Declaration, Meeting
from meetings.services.proceedings import AttendanceEntry, declaration_record
from tests.factories import all_present, make_meeting, person, seat

pytestmark = pytest.mark.django_db

Kind = Resolution.Kind
Status = Resolution.Status


def held_meeting(body, seats, clerk, day: date) -> Meeting:
    meeting = make_meeting(body, day)
    all_present(meeting, seats, clerk)
    return meeting


# Numbering


def test_numbers_run_per_body_per_year_and_show_the_short_name(
    body, other_body, seats, terms, clerk, held, business, record
):
    first = record(business)
    second = record(business)
    assert (first.year, first.number, second.number) == (2021, 1, 2)
    assert str(second) == "ASCPH 2021/002"

    # Another body starts its own sequence.
    seat(other_body, "Sue Harper")
    other = make_meeting(other_body, date(2021, 3, 1))
    all_present(other, {"s": other_body.memberships.get()}, clerk)
    theirs = record(other.items.get(position=3))
    assert str(theirs) == "HWB 2021/001"

    # A meeting in the next calendar year starts again at 001.
    december = held_meeting(body, seats, clerk, date(2021, 12, 13))
    january = held_meeting(body, seats, clerk, date(2022, 1, 10))
    assert record(december.items.get(position=3)).reference == "2021/003"
    assert record(january.items.get(position=3)).reference == "2022/001"
    assert record(december.items.get(position=3)).reference == "2021/004"


def test_a_rescinded_resolutions_number_is_never_reused(held, business, record):
    first = record(business)
    second = record(business)
    record(business, acts_on=second, act=Resolution.Act.RESCINDS)
    second.refresh_from_db()
    assert second.status == Status.RESCINDED
    fourth = record(business)
    assert fourth.number == 4
    numbers = list(Resolution.objects.order_by("number").values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4]
    assert first.number == 1


# Parts


@pytest.mark.parametrize(
    "typed",
    [
        "1) Noted the report.\n2) Asked for an update.",
        "1. Noted the report.\n\n2.  Asked for an update.  ",
        "(1) Noted the report.\r\n(2) Asked for an update.",
        "Noted the report.\nAsked for an update.",
    ],
)
def test_parts_are_stored_one_a_line_without_typed_numbers(held, business, record, typed):
    resolution = record(business, parts=typed)
    assert resolution.parts == "Noted the report.\nAsked for an update."
    assert resolution.part_list == ["Noted the report.", "Asked for an update."]


def test_a_part_beginning_with_a_year_keeps_it():
    assert clean_parts("2021 budget agreed") == "2021 budget agreed"


def test_a_resolution_needs_at_least_one_part(held, business, record):
    with pytest.raises(ValidationError, match="at least one part"):
        record(business, parts=" \n 1) \n")
    assert not Resolution.objects.exists()


# The meeting must have been held


@pytest.mark.parametrize("status", ["scheduled", "agenda_published", "cancelled"])
def test_refused_on_an_item_of_a_meeting_not_held(body, seats, terms, record, status):
    meeting = make_meeting(body, date(2021, 1, 11), published=status != "scheduled")
    Meeting.objects.filter(pk=meeting.pk).update(status=status)
    with pytest.raises(ValidationError, match="Resolutions are recorded for a meeting that has"):
        record(meeting.items.get(position=3))
    assert not Resolution.objects.exists()


@pytest.mark.parametrize("status", ["held", "minutes_drafted", "minutes_approved"])
def test_recorded_once_the_meeting_was_held(held, business, record, status):
    Meeting.objects.filter(pk=held.pk).update(status=status)
    assert record(business).number == 1


# Kinds and the status they start with


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        (Kind.DECISION, Status.AGREED),
        (Kind.NOTING, Status.AGREED),
        (Kind.AGREEMENT_IN_PRINCIPLE, Status.TO_ROUTE),
    ],
)
def test_status_on_creation(held, business, record, kind, status):
    assert record(business, kind=kind).status == status


def test_a_recommendation_names_the_body_it_goes_to(held, business, record, other_body):
    with pytest.raises(ValidationError, match="Choose the body"):
        record(business, kind=Kind.RECOMMENDATION)
    with pytest.raises(ValidationError, match="Only a recommendation"):
        record(business, kind=Kind.DECISION, recommended_to=other_body)
    with pytest.raises(ValidationError, match="to itself"):
        record(business, kind=Kind.RECOMMENDATION, recommended_to=held.body)
    resolution = record(business, kind=Kind.RECOMMENDATION, recommended_to=other_body)
    assert resolution.status == Status.AGREED
    assert resolution.recommended_to == other_body


# Votes


def test_vote_counts_are_kept(held, business, record):
    resolution = record(business, vote=VoteCount(votes_for=3, votes_against=1, abstentions=1))
    assert resolution.vote_taken
    assert (resolution.votes_for, resolution.votes_against, resolution.abstentions) == (3, 1, 1)


def test_no_vote_leaves_counts_empty(held, business, record):
    resolution = record(business)
    assert not resolution.vote_taken
    assert resolution.votes_for is None


def test_a_vote_larger_than_the_voting_members_present_is_refused(held, business, record):
    with pytest.raises(ValidationError) as caught:
        record(business, vote=VoteCount(votes_for=4, votes_against=1, abstentions=1))
    assert caught.value.messages == ["6 votes recorded but only 5 voting members were present"]
    assert not Resolution.objects.exists()


def test_present_counts_substitutes_but_not_absent_non_voting_or_officers(
    body, seats, terms, clerk, record
):
    seat(body, "Jonathan Gribbin", role=Membership.Role.OFFICER, voting=False)
    seat(body, "Nora Observer", role=Membership.Role.OBSERVER, voting=False)
    seats = {**seats, "observer": body.memberships.get(person__name="Nora Observer")}
    meeting = make_meeting(body, date(2021, 1, 11))
    all_present(
        meeting,
        seats,
        clerk,
        doddy=AttendanceEntry(seats["doddy"].person, "apologies"),
        sissons=AttendanceEntry(seats["sissons"].person, "substituted", person("Sybil Fielding")),
    )
    item = meeting.items.get(position=3)
    with pytest.raises(ValidationError, match="5 votes recorded but only 4 voting members"):
        record(item, vote=VoteCount(votes_for=5))
    resolution = record(
        item,
        vote=VoteCount(votes_for=4),
        named_votes=[(person("Sybil Fielding"), NamedVote.Vote.FOR)],
    )
    assert resolution.named_votes.get().person.name == "Sybil Fielding"


def test_named_votes_are_kept(held, business, record, seats):
    resolution = record(
        business,
        vote=VoteCount(votes_for=2, votes_against=1),
        named_votes=[
            (seats["chair"].person, NamedVote.Vote.FOR),
            (seats["doddy"].person, NamedVote.Vote.AGAINST),
        ],
    )
    assert {(v.person.name, v.vote) for v in resolution.named_votes.all()} == {
        ("Sue Harper", "for"),
        ("John Doddy", "against"),
    }


def test_named_votes_refusals(held, business, record, seats, body):
    with pytest.raises(ValidationError, match="Record the vote counts"):
        record(business, named_votes=[(seats["chair"].person, "for")])
    with pytest.raises(ValidationError, match="was not present as a voting member"):
        record(business, vote=VoteCount(votes_for=1), named_votes=[(person("A Stranger"), "for")])
    with pytest.raises(ValidationError, match="more than once"):
        record(
            business,
            vote=VoteCount(votes_for=2),
            named_votes=[(seats["chair"].person, "for"), (seats["chair"].person, "for")],
        )
    with pytest.raises(ValidationError, match="named as voting “against” but the count is 0"):
        record(
            business, vote=VoteCount(votes_for=2), named_votes=[(seats["vice"].person, "against")]
        )
    assert not Resolution.objects.exists()
    assert not NamedVote.objects.exists()


# Declared interests


def declare(item, who, action, clerk):
    # An other registrable interest: a disclosable pecuniary one may not stay without a
    # dispensation (tests/meetings/test_corrections.py).
    return declaration_record(
        item=item,
        person=who,
        kind="other_registrable",
        description="Owns a care home",
        action=action,
        actor=clerk,
    )


@pytest.mark.parametrize(
    ("action", "words"),
    [
        (Declaration.Action.LEFT_ROOM, "left the room"),
        (Declaration.Action.DID_NOT_VOTE, "did not vote"),
    ],
)
def test_a_member_who_declared_and_stood_aside_cannot_be_recorded_as_voting(
    held, business, record, seats, clerk, action, words
):
    declare(business, seats["doddy"].person, action, clerk)
    for choice in NamedVote.Vote.values:
        with pytest.raises(ValidationError) as caught:
            record(
                business, vote=VoteCount(1, 1, 1), named_votes=[(seats["doddy"].person, choice)]
            )
        assert caught.value.messages == [
            f"John Doddy declared an interest in this item and {words}, so cannot be recorded "
            "as voting on it."
        ]
    assert not Resolution.objects.exists()
    # Nor can the counts include them: four of the five could vote.
    with pytest.raises(ValidationError, match="only 4 of the 5 voting members present could"):
        record(business, vote=VoteCount(votes_for=5))
    assert record(business, vote=VoteCount(votes_for=4)).votes_for == 4


def test_a_member_who_declared_and_remained_may_vote(held, business, record, seats, clerk):
    declare(business, seats["doddy"].person, Declaration.Action.REMAINED, clerk)
    resolution = record(
        business, vote=VoteCount(votes_for=5), named_votes=[(seats["doddy"].person, "for")]
    )
    assert resolution.named_votes.count() == 1


def test_a_declaration_on_another_item_does_not_count(
    held, business, exempt, record, seats, clerk
):
    declare(exempt, seats["doddy"].person, Declaration.Action.LEFT_ROOM, clerk)
    resolution = record(
        business, vote=VoteCount(votes_for=5), named_votes=[(seats["doddy"].person, "for")]
    )
    assert resolution.votes_for == 5


# Later resolutions that amend, rescind or implement


def test_rescinding_links_back_and_changes_the_earlier_status(held, business, record, clerk):
    earlier = record(business)
    later = record(business, acts_on=earlier, act=Resolution.Act.RESCINDS)
    earlier.refresh_from_db()
    assert earlier.status == Status.RESCINDED
    assert list(earlier.acted_on_by.all()) == [later]
    change = earlier.history.first()
    assert change.history_user == clerk
    assert change.history_change_reason == "Rescinded by ASCPH 2021/002"


def test_implementing_marks_the_earlier_implemented(held, business, record):
    earlier = record(business)
    record(business, acts_on=earlier, act=Resolution.Act.IMPLEMENTS)
    earlier.refresh_from_db()
    assert earlier.status == Status.IMPLEMENTED


def test_amending_keeps_the_earlier_status(held, business, record):
    earlier = record(business, kind=Kind.AGREEMENT_IN_PRINCIPLE)
    later = record(business, acts_on=earlier, act=Resolution.Act.AMENDS)
    earlier.refresh_from_db()
    assert earlier.status == Status.TO_ROUTE
    assert later.acts_on == earlier
    assert earlier.history.count() == 1


def test_refusals_of_later_resolutions(held, business, record, other_body, clerk):
    earlier = record(business)
    record(business, acts_on=earlier, act=Resolution.Act.RESCINDS)
    with pytest.raises(ValidationError) as caught:
        record(business, acts_on=earlier, act=Resolution.Act.IMPLEMENTS)
    assert caught.value.messages == ["A rescinded resolution cannot become implemented."]
    with pytest.raises(ValidationError, match="already rescinded"):
        record(business, acts_on=earlier, act=Resolution.Act.RESCINDS)
    with pytest.raises(ValidationError, match="cannot be amended"):
        record(business, acts_on=earlier, act=Resolution.Act.AMENDS)
    with pytest.raises(ValidationError, match="Say how"):
        record(business, acts_on=earlier)
    with pytest.raises(ValidationError, match="Choose the earlier"):
        record(business, act=Resolution.Act.AMENDS)
    awaiting = record(business, kind=Kind.AGREEMENT_IN_PRINCIPLE)
    with pytest.raises(ValidationError, match="not yet routed cannot become implemented"):
        record(business, acts_on=awaiting, act=Resolution.Act.IMPLEMENTS)
    assert Resolution.objects.count() == 3

    # Only a resolution of the same body.
    seat(other_body, "Sue Harper")
    theirs = make_meeting(other_body, date(2021, 3, 1))
    all_present(theirs, {"s": other_body.memberships.get()}, clerk)
    with pytest.raises(ValidationError, match="one of its own body"):
        record(theirs.items.get(position=3), acts_on=earlier, act=Resolution.Act.AMENDS)


def test_a_resolution_acts_only_on_one_of_an_earlier_meeting(
    body, seats, terms, clerk, held, business, record
):
    later_meeting = held_meeting(body, seats, clerk, date(2021, 2, 8))
    later = record(later_meeting.items.get(position=3))
    with pytest.raises(ValidationError, match="same or an earlier meeting"):
        record(business, acts_on=later, act=Resolution.Act.RESCINDS)


# History


def test_recording_writes_history_with_the_actor(held, business, record, clerk, seats):
    resolution = record(
        business, vote=VoteCount(votes_for=1), named_votes=[(seats["chair"].person, "for")]
    )
    created = resolution.history.get()
    assert created.history_type == "+"
    assert created.history_user == clerk
    assert resolution.named_votes.get().history.get().history_user == clerk


def test_set_status_needs_a_reason(held, business, record, clerk):
    resolution = record(business)
    with pytest.raises(ValidationError, match="Say why"):
        resolution_set_status(
            resolution=resolution, status=Status.IMPLEMENTED, actor=clerk, reason=" "
        )
    resolution.refresh_from_db()
    assert resolution.status == Status.AGREED
