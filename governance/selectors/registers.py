"""Reads of registers of interests and of gifts and hospitality."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from governance.models import GiftOrHospitality, Interest, Person
from governance.models.registers import current_interests_q, disposable_interests_q, is_nhs_person

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
    """A person's whole register: current interests, ended ones still published, ended ones
    kept but no longer published (NHS rules), and every gift or hospitality."""

    current: list[Interest]
    past: list[Interest]
    kept: list[Interest]
    gifts: list[GiftOrHospitality]
    nhs: bool


def person_register(person: Person, day: date | None = None) -> PersonRegister:
    """The register as on the day. Under NHS rules an ended interest stays published for six
    months (`past`), then is kept unpublished (`kept`); otherwise every ended one is `past`."""
    day = day or timezone.localdate()
    nhs = is_nhs_person(person)
    interests = list(
        Interest.objects.filter(person=person)
        .select_related("organisation_concerned")
        .order_by("-registered_from", "pk")
    )
    ended = [i for i in interests if not i.is_current_on(day)]
    if nhs:
        past = [i for i in ended if i.is_published_on(day, nhs=True)]
        kept = [i for i in ended if not i.is_published_on(day, nhs=True)]
    else:
        past, kept = ended, []
    return PersonRegister(
        current=[i for i in interests if i.is_current_on(day)],
        past=past,
        kept=kept,
        gifts=list(GiftOrHospitality.objects.filter(person=person)),
        nhs=nhs,
    )


def disposable_interests(day: date | None = None) -> QuerySet[Interest]:
    """Ended interests kept for their six years, which may now be disposed of."""
    day = day or timezone.localdate()
    return Interest.objects.filter(disposable_interests_q(day)).select_related("person")
