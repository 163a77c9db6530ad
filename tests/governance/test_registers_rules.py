"""Rules of the register of interests and of gifts and hospitality, and the history they write."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from governance.models import GiftOrHospitality, Interest, InterestKind, Person
from governance.selectors.registers import current_interests, person_register, recent_gifts
from governance.services.registers import (
    gift_record,
    gift_update,
    interest_end,
    interest_register,
    interest_update,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def councillor(db) -> Person:
    return Person.objects.create(name="Jane Doe", slug="jane-doe", honorific="Councillor")


def _interest(councillor, actor, **extra) -> Interest:
    fields = {
        "kind": InterestKind.OTHER_REGISTRABLE,
        "description": "Member of Ollerton Parish Council",
        "organisation_name": "Ollerton Parish Council",
        "registered_from": date(2021, 5, 10),
    }
    fields.update(extra)
    return interest_register(person=councillor, actor=actor, **fields)


def _gift(councillor, actor, **extra) -> GiftOrHospitality:
    fields = {
        "kind": GiftOrHospitality.Kind.HOSPITALITY,
        "description": "Conference dinner",
        "offered_by": "A supplier",
        "value": Decimal("40.00"),
        "date_offered": date(2022, 11, 3),
        "decision": GiftOrHospitality.Decision.ACCEPTED,
    }
    fields.update(extra)
    return gift_record(person=councillor, actor=actor, **fields)


def test_interest_kinds_are_the_three_kinds_of_declaration():
    assert InterestKind.labels == [
        "Disclosable pecuniary interest",
        "Other registrable interest",
        "Non-registrable interest",
    ]


def test_registering_an_interest_writes_history_with_the_actor(councillor, clerk):
    interest = _interest(councillor, clerk)
    record = interest.history.get()
    assert record.history_user == clerk
    assert record.history_change_reason == "Interest registered"


def test_an_interest_cannot_end_before_it_was_registered(councillor, clerk):
    with pytest.raises(ValidationError) as exc:
        _interest(councillor, clerk, registered_to=date(2021, 5, 9))
    assert "The end date must be on or after the date registered." in str(exc.value)
    assert not Interest.objects.exists()


def test_the_organisation_is_chosen_or_named_not_both(councillor, clerk, council):
    with pytest.raises(ValidationError) as exc:
        _interest(councillor, clerk, organisation_concerned=council)
    assert "not both" in str(exc.value)


def test_ending_an_interest_keeps_it_as_a_past_interest(councillor, clerk):
    interest = _interest(councillor, clerk)
    interest_end(interest=interest, registered_to=date(2022, 5, 1), actor=clerk)
    interest.refresh_from_db()
    assert interest.registered_to == date(2022, 5, 1)
    assert list(current_interests(councillor)) == []
    register = person_register(councillor)
    assert register.past == [interest] and register.current == []
    assert interest.history.first().history_user == clerk
    assert interest.history.first().history_change_reason == "Interest ended"


def test_ending_before_the_start_or_twice_is_refused_and_changes_nothing(councillor, clerk):
    interest = _interest(councillor, clerk)
    with pytest.raises(ValidationError, match="on or after the date registered"):
        interest_end(interest=interest, registered_to=date(2020, 1, 1), actor=clerk)
    interest.refresh_from_db()
    assert interest.registered_to is None
    interest_end(interest=interest, registered_to=date(2022, 1, 1), actor=clerk)
    with pytest.raises(ValidationError, match="already ended on 1 January 2022"):
        interest_end(interest=interest, registered_to=date(2023, 1, 1), actor=clerk)
    interest.refresh_from_db()
    assert interest.registered_to == date(2022, 1, 1)


def test_current_means_registered_by_today_and_not_ended_before_today(councillor, clerk):
    today = timezone.localdate()
    ongoing = _interest(councillor, clerk, description="Ongoing")
    ends_today = _interest(councillor, clerk, description="Ends today", registered_to=today)
    _interest(councillor, clerk, description="Ended", registered_to=today - timedelta(days=1))
    _interest(councillor, clerk, description="Future", registered_from=today + timedelta(days=1))
    assert set(current_interests(councillor)) == {ongoing, ends_today}


def test_updating_an_interest_keeps_the_old_wording_in_history(councillor, clerk, admin_user):
    interest = _interest(councillor, clerk)
    interest_update(
        interest=interest,
        kind=InterestKind.DISCLOSABLE_PECUNIARY,
        description="Director of Example Ltd",
        organisation_name="Example Ltd",
        registered_from=date(2021, 5, 10),
        actor=admin_user,
    )
    latest, first = interest.history.all()[:2]
    assert latest.history_user == admin_user and latest.description == "Director of Example Ltd"
    assert first.description == "Member of Ollerton Parish Council"


@pytest.mark.parametrize(
    ("kind", "value", "declared", "needs_approval"),
    [
        ("gift", "50.00", False, False),
        ("gift", "50.01", True, False),
        ("gift", "200.00", True, False),
        ("hospitality", "25.00", False, False),
        ("hospitality", "25.01", True, False),
        ("hospitality", "75.00", True, False),
        ("hospitality", "75.01", True, True),
    ],
)
def test_declaration_and_approval_thresholds(kind, value, declared, needs_approval):
    gift = GiftOrHospitality(kind=kind, value=Decimal(value))
    assert gift.must_be_declared is declared
    assert gift.needs_approval is needs_approval


def test_accepting_hospitality_over_75_pounds_needs_an_approver(councillor, clerk):
    with pytest.raises(ValidationError) as exc:
        _gift(councillor, clerk, value=Decimal("90.00"))
    assert "Hospitality worth over £75 must be declined, or say who approved" in str(exc.value)
    assert not GiftOrHospitality.objects.exists()

    declined = _gift(councillor, clerk, value=Decimal("90.00"), decision="declined")
    approved = _gift(councillor, clerk, value=Decimal("90.00"), approved_by="Board Secretary")
    assert declined.pk and approved.pk
    assert approved.history.get().history_user == clerk


def test_a_gift_over_75_pounds_needs_no_approver(councillor, clerk):
    gift = _gift(councillor, clerk, kind="gift", value=Decimal("120.00"))
    assert gift.must_be_declared and not gift.needs_approval


def test_an_update_that_breaks_the_approval_rule_changes_nothing(councillor, clerk):
    gift = _gift(councillor, clerk, value=Decimal("60.00"))
    with pytest.raises(ValidationError):
        gift_update(
            gift=gift,
            kind="hospitality",
            description="Conference dinner",
            offered_by="A supplier",
            value=Decimal("80.00"),
            date_offered=date(2022, 11, 3),
            decision="accepted",
            actor=clerk,
        )
    gift.refresh_from_db()
    assert gift.value == Decimal("60.00")
    assert gift.history.count() == 1


def test_the_database_refuses_unapproved_hospitality_over_75_pounds(councillor):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        GiftOrHospitality.objects.create(
            person=councillor,
            kind="hospitality",
            description="Dinner",
            offered_by="A supplier",
            value=Decimal("100"),
            date_offered=date(2022, 1, 1),
            decision="accepted",
        )


def test_recent_gifts_are_the_last_twelve_months(councillor, clerk):
    today = timezone.localdate()
    recent = _gift(councillor, clerk, date_offered=today - timedelta(days=30))
    _gift(councillor, clerk, date_offered=today - timedelta(days=400))
    assert list(recent_gifts(councillor)) == [recent]
