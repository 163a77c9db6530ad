"""Reads of registers of interests and of gifts and hospitality."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from governance.models import GiftOrHospitality, Interest, Person
from governance.models.registers import current_interests_q

RECENT_GIFTS_DAYS = 365


def current_interests(person: Person, day: date | None = None) -> QuerySet[Interest]:
    """The person's interests registered on the day and not ended before it."""
    day = day or timezone.localdate()
    return (
        Interest.objects.filter(current_interests_q(day), person=person)
        .select_related("organisation_concerned")
        .order_by("kind", "-registered_from", "pk")
    )


def recent_gifts(person: Person, day: date | None = None) -> QuerySet[GiftOrHospitality]:
    """Gifts and hospitality offered to the person in the twelve months up to the day."""
    day = day or timezone.localdate()
    return GiftOrHospitality.objects.filter(
        person=person, date_offered__gt=day - timedelta(days=RECENT_GIFTS_DAYS)
    )


@dataclass
class PersonRegister:
    """A person's whole register: current and past interests, and every gift or hospitality."""

    current: list[Interest]
    past: list[Interest]
    gifts: list[GiftOrHospitality]


def person_register(person: Person, day: date | None = None) -> PersonRegister:
    day = day or timezone.localdate()
    interests = list(
        Interest.objects.filter(person=person)
        .select_related("organisation_concerned")
        .order_by("-registered_from", "pk")
    )
    return PersonRegister(
        current=[i for i in interests if i.is_current_on(day)],
        past=[i for i in interests if not i.is_current_on(day)],
        gifts=list(GiftOrHospitality.objects.filter(person=person)),
    )
