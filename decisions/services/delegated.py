"""Recording officer and delegated decisions (Openness of Local Government Bodies Regulations
2014, reg 7): each must rest on a delegation of the organisation's scheme that was in force on
the day and, where the delegation has a financial limit, within it. Recording publishes it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from decisions.models import DelegatedDecision
from governance.models import Delegation, Organisation
from ics_portal.common.records import save_record


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _pounds(amount: Decimal) -> str:
    return f"£{amount:,.2f}".removesuffix(".00")


def check_authority(
    *,
    organisation: Organisation,
    delegation: Delegation | None,
    decided_on: date,
    amount: Decimal | None,
) -> None:
    """Refuse, naming what is missing, a decision no current delegation of the organisation's
    scheme covers, or one above the delegation's financial limit."""
    if delegation is None:
        current = Delegation.objects.of_organisation(organisation).current(on=decided_on)
        if not current.exists():
            raise ValidationError(
                {
                    "delegation": f"{organisation} had no delegation in force on "
                    f"{_long_date(decided_on)}: record the delegation in its scheme first."
                }
            )
        raise ValidationError(
            {"delegation": "Choose the delegation in the scheme that authorised this decision."}
        )
    if delegation.delegating_organisation_id != organisation.pk:
        raise ValidationError(
            {
                "delegation": f"The {delegation.lower_name} is not part of "
                f"{organisation}'s scheme of delegation."
            }
        )
    if not delegation.is_current_on(decided_on):
        when = (
            f"starts on {_long_date(delegation.start)}"
            if decided_on < delegation.start
            else f"ended on {_long_date(delegation.end)}"
        )
        raise ValidationError(
            {
                "delegation": f"The {delegation.lower_name} {when}, so it did not authorise a "
                f"decision taken on {_long_date(decided_on)}."
            }
        )
    limit = delegation.financial_limit
    if limit is not None and amount is None:
        raise ValidationError(
            {
                "amount": f"The {delegation.lower_name} has a financial limit of "
                f"{_pounds(limit)}: enter the decision's value."
            }
        )
    if limit is not None and amount > limit:
        raise ValidationError(
            {
                "amount": f"{_pounds(amount)} is above the {_pounds(limit)} financial limit of "
                f"the {delegation.lower_name}: the decision needs a higher authority."
            }
        )


def delegated_decision_record(
    *,
    organisation: Organisation,
    delegation: Delegation | None,
    title: str,
    decided_by: str,
    decided_on: date,
    decision: str,
    reasons: str,
    actor,
    alternatives_rejected: str = "",
    amount: Decimal | None = None,
    conflicts_of_interest: str = "",
    dispensation: str = "",
    exempt_paragraph: int | None = None,
) -> DelegatedDecision:
    """Record and publish an officer or delegated decision under the delegation that
    authorised it; refused if no delegation in force covers it or it exceeds the limit."""
    today = timezone.localdate()
    if decided_on > today:
        raise ValidationError({"decided_on": "The date of the decision cannot be in the future."})
    with transaction.atomic():
        if delegation is not None:
            # Read the delegation as it now stands: an end date recorded meanwhile counts.
            delegation = Delegation.objects.select_related(
                "from_body", "from_organisation", "to_body"
            ).get(pk=delegation.pk)
        check_authority(
            organisation=organisation,
            delegation=delegation,
            decided_on=decided_on,
            amount=amount,
        )
        record = DelegatedDecision(
            organisation=organisation,
            delegation=delegation,
            title=title.strip(),
            decided_by=decided_by.strip(),
            decided_on=decided_on,
            decision=decision.strip(),
            reasons=reasons.strip(),
            alternatives_rejected=alternatives_rejected.strip(),
            amount=amount,
            conflicts_of_interest=conflicts_of_interest.strip(),
            dispensation=dispensation.strip(),
            exempt_paragraph=exempt_paragraph,
            published_on=today,
        )
        return save_record(record, actor=actor, reason="Decision recorded and published")
