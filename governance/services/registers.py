"""Changes to registers of interests and to gifts and hospitality."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import dateformat, timezone

from governance.models import (
    GiftOrHospitality,
    Interest,
    Organisation,
    Person,
    ProcurementDecision,
)
from ics_portal.common.records import lock_for_edit, save_record


def interest_register(
    *,
    person: Person,
    kind: str,
    description: str,
    registered_from: date,
    organisation_concerned: Organisation | None = None,
    organisation_name: str = "",
    registered_to: date | None = None,
    actor,
) -> Interest:
    """Add an entry to a person's register of interests."""
    interest = Interest(
        person=person,
        kind=kind,
        description=description,
        organisation_concerned=organisation_concerned,
        organisation_name=organisation_name,
        registered_from=registered_from,
        registered_to=registered_to,
    )
    with transaction.atomic():
        return save_record(interest, actor=actor, reason="Interest registered")


def interest_update(
    *,
    interest: Interest,
    kind: str,
    description: str,
    registered_from: date,
    organisation_concerned: Organisation | None = None,
    organisation_name: str = "",
    registered_to: date | None = None,
    actor,
    expected_version: int | str | None = None,
) -> Interest:
    """Correct an entry in the register of interests, refusing a form opened before someone
    else's correction."""
    with transaction.atomic():
        interest = lock_for_edit(Interest.objects, interest.pk, expected_version)
        interest.kind = kind
        interest.description = description
        interest.organisation_concerned = organisation_concerned
        interest.organisation_name = organisation_name
        interest.registered_from = registered_from
        interest.registered_to = registered_to
        return save_record(interest, actor=actor, reason="Interest updated")


def interest_end(*, interest: Interest, registered_to: date, actor) -> Interest:
    """Record the day an interest ended; it stays on the register as a past interest."""
    with transaction.atomic():
        interest = Interest.objects.select_for_update().get(pk=interest.pk)
        if interest.registered_to is not None:
            raise ValidationError(
                {
                    "registered_to": (
                        "This interest already ended on "
                        f"{dateformat.format(interest.registered_to, 'j F Y')}."
                    )
                }
            )
        interest.registered_to = registered_to
        interest.version += 1
        return save_record(interest, actor=actor, reason="Interest ended")


def interest_dispose(*, interest: Interest, actor, today: date | None = None) -> None:
    """Delete an ended interest, with its change history, once the six years it must be kept
    after it ended have passed; refuse a current one or one still within its six years."""
    today = today or timezone.localdate()
    with transaction.atomic():
        interest = Interest.objects.select_for_update().get(pk=interest.pk)
        if interest.registered_to is None:
            raise ValidationError("A current interest cannot be disposed of: end it first.")
        if interest.kept_until >= today:
            raise ValidationError(
                "This interest must be kept until "
                f"{dateformat.format(interest.kept_until, 'j F Y')}, six years after it ended."
            )
        pk = interest.pk
        interest.delete()
        # Disposal takes the change history too, the deletion's own record included.
        Interest.history.filter(id=pk).delete()


def gift_record(
    *,
    person: Person,
    kind: str,
    description: str,
    offered_by: str,
    value: Decimal,
    date_offered: date,
    decision: str,
    approved_by: str = "",
    actor,
) -> GiftOrHospitality:
    """Record a gift or hospitality offered to a person, and whether it was accepted."""
    gift = GiftOrHospitality(
        person=person,
        kind=kind,
        description=description,
        offered_by=offered_by,
        value=value,
        date_offered=date_offered,
        decision=decision,
        approved_by=approved_by,
    )
    with transaction.atomic():
        return save_record(gift, actor=actor, reason="Gift or hospitality recorded")


def gift_update(
    *,
    gift: GiftOrHospitality,
    kind: str,
    description: str,
    offered_by: str,
    value: Decimal,
    date_offered: date,
    decision: str,
    approved_by: str = "",
    actor,
    expected_version: int | str | None = None,
) -> GiftOrHospitality:
    """Correct a gifts and hospitality entry, refusing a form opened before someone else's
    correction."""
    with transaction.atomic():
        gift = lock_for_edit(GiftOrHospitality.objects, gift.pk, expected_version)
        gift.kind = kind
        gift.description = description
        gift.offered_by = offered_by
        gift.value = value
        gift.date_offered = date_offered
        gift.decision = decision
        gift.approved_by = approved_by
        return save_record(gift, actor=actor, reason="Gift or hospitality updated")


PROCUREMENT_FIELDS = {
    "decided_on",
    "decision",
    "contract",
    "supplier",
    "value",
    "decided_by",
    "declared_interests",
    "how_managed",
}


def procurement_decision_record(
    *, organisation: Organisation, actor, **fields
) -> ProcurementDecision:
    """Add a decision to an NHS organisation's procurement decisions register."""
    unknown = set(fields) - PROCUREMENT_FIELDS
    if unknown:
        raise TypeError(f"Not fields of a procurement decision: {', '.join(sorted(unknown))}")
    decision = ProcurementDecision(organisation=organisation, **fields)
    with transaction.atomic():
        return save_record(decision, actor=actor, reason="Procurement decision recorded")


def procurement_decision_update(
    *,
    entry: ProcurementDecision,
    actor,
    expected_version: int | str | None = None,
    **fields,
) -> ProcurementDecision:
    """Correct an entry, refusing a form opened before someone else's correction."""
    unknown = set(fields) - PROCUREMENT_FIELDS
    if unknown:
        raise TypeError(f"Not fields of a procurement decision: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        entry = lock_for_edit(ProcurementDecision.objects, entry.pk, expected_version)
        for name, value in fields.items():
            setattr(entry, name, value)
        return save_record(entry, actor=actor, reason="Procurement decision updated")
