"""Changes to risk registers: risks, their ratings over time, and closing them."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import dateformat, timezone

from governance.models import Body, Partnership, Risk, RiskRating
from ics_portal.common.records import lock_for_edit, save_record


def _rating(
    *,
    risk: Risk,
    likelihood: int | None,
    impact: int | None,
    stated_rag: str,
    rated_on: date,
    note: str,
    actor,
) -> RiskRating:
    if rated_on > timezone.localdate():
        raise ValidationError({"rated_on": "The date of the rating cannot be in the future."})
    rating = RiskRating(
        risk=risk,
        likelihood=likelihood,
        impact=impact,
        stated_rag=stated_rag,
        rated_on=rated_on,
        note=note,
        rated_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    return save_record(rating, actor=actor, reason="Risk rated")


def risk_create(
    *,
    register: Partnership | Body,
    reference: str,
    title: str,
    description: str,
    owner: str,
    mitigations: str,
    review_date: date,
    rated_on: date,
    likelihood: int | None = None,
    impact: int | None = None,
    stated_rag: str = "",
    note: str = "",
    target_likelihood: int | None = None,
    target_impact: int | None = None,
    actor,
) -> Risk:
    """Add a risk to a partnership's or body's register, with its first rating."""
    risk = Risk(
        partnership=register if isinstance(register, Partnership) else None,
        body=register if isinstance(register, Body) else None,
        reference=reference,
        title=title,
        description=description,
        owner=owner,
        mitigations=mitigations,
        review_date=review_date,
        likelihood=likelihood,
        impact=impact,
        stated_rag=stated_rag,
        target_likelihood=target_likelihood,
        target_impact=target_impact,
    )
    with transaction.atomic():
        save_record(risk, actor=actor, reason="Risk added")
        _rating(
            risk=risk,
            likelihood=likelihood,
            impact=impact,
            stated_rag=stated_rag,
            rated_on=rated_on,
            note=note or "First rating",
            actor=actor,
        )
    return risk


def risk_update(
    *,
    risk: Risk,
    reference: str,
    title: str,
    description: str,
    owner: str,
    mitigations: str,
    review_date: date,
    target_likelihood: int | None,
    target_impact: int | None,
    actor,
    expected_version: int | str | None = None,
) -> Risk:
    """Change a risk's wording, owner, mitigations, review date or target rating (not its
    current rating), refusing a form opened before someone else changed or rated the risk."""
    with transaction.atomic():
        locked = lock_for_edit(Risk.objects, risk.pk, expected_version)
        locked.reference = reference
        locked.title = title
        locked.description = description
        locked.owner = owner
        locked.mitigations = mitigations
        locked.review_date = review_date
        locked.target_likelihood = target_likelihood
        locked.target_impact = target_impact
        save_record(locked, actor=actor, reason="Risk updated")
    risk.refresh_from_db()
    return risk


def risk_rate(
    *,
    risk: Risk,
    likelihood: int | None,
    impact: int | None,
    rated_on: date,
    note: str = "",
    stated_rag: str = "",
    actor,
    expected_version: int | str | None = None,
) -> RiskRating:
    """Rate a risk again: keep the new rating in its history and make it the current one.

    `expected_version` is the risk's version when the rating form was opened: a rating made
    from a page that did not show someone else's newer rating or change is refused.
    """
    with transaction.atomic():
        locked = lock_for_edit(Risk.objects, risk.pk, expected_version)
        if locked.status == Risk.Status.CLOSED:
            raise ValidationError("This risk is closed, so it cannot be rated again.")
        latest = locked.ratings.order_by("-rated_on", "-pk").first()
        if latest is not None and rated_on < latest.rated_on:
            raise ValidationError(
                {
                    "rated_on": (
                        "A new rating cannot be dated before the latest one "
                        f"({dateformat.format(latest.rated_on, 'j F Y')})."
                    )
                }
            )
        rating = _rating(
            risk=locked,
            likelihood=likelihood,
            impact=impact,
            stated_rag=stated_rag,
            rated_on=rated_on,
            note=note,
            actor=actor,
        )
        locked.likelihood = likelihood
        locked.impact = impact
        locked.stated_rag = stated_rag
        save_record(locked, actor=actor, reason="Risk rated")
    risk.refresh_from_db()
    return rating


def risk_close(*, risk: Risk, actor, reason: str = "") -> Risk:
    """Close a risk: it stays on the register, listed with the closed risks."""
    with transaction.atomic():
        locked = Risk.objects.select_for_update().get(pk=risk.pk)
        if locked.status == Risk.Status.CLOSED:
            raise ValidationError("This risk is already closed.")
        locked.status = Risk.Status.CLOSED
        locked.version += 1
        save_record(locked, actor=actor, reason=reason or "Risk closed")
    risk.refresh_from_db()
    return risk


def risk_reopen(*, risk: Risk, actor, reason: str = "") -> Risk:
    """Reopen a closed risk."""
    with transaction.atomic():
        locked = Risk.objects.select_for_update().get(pk=risk.pk)
        if locked.status == Risk.Status.OPEN:
            raise ValidationError("This risk is already open.")
        locked.status = Risk.Status.OPEN
        locked.version += 1
        save_record(locked, actor=actor, reason=reason or "Risk reopened")
    risk.refresh_from_db()
    return risk
