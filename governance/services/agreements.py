"""Every change to agreements, their parties, sections and signatures, and to delegations."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format

from alerts.mail import portal_url
from governance.announcements import announce_agreement_signed
from governance.models import (
    Agreement,
    AgreementParty,
    AgreementSection,
    Body,
    Delegation,
    Organisation,
    Partnership,
)
from governance.models.agreements import default_sections
from ics_portal.common.records import check_version, lock_for_edit, save_record

Status = Agreement.Status

# Moves a person may make by hand. Signed is reached only when the last party signs.
ALLOWED_MOVES: dict[str, set[str]] = {
    Status.DRAFT: {Status.IN_CONSULTATION},
    Status.IN_CONSULTATION: {Status.DRAFT, Status.SIGNED},
    Status.SIGNED: {Status.EXPIRED},
    Status.EXPIRED: set(),
}

AGREEMENT_FIELDS = {"title", "kind", "version", "effective_from", "review_date", "summary"}


def _names(organisations: Iterable[Organisation]) -> str:
    return ", ".join(str(organisation) for organisation in organisations)


def _lock(agreement: Agreement) -> Agreement:
    """The agreement re-read under a row lock, so two signatures cannot race."""
    return Agreement.objects.select_for_update().get(pk=agreement.pk)


def _require_editable(agreement: Agreement, what: str = "changed") -> None:
    if not agreement.is_editable:
        raise ValidationError(
            f"A {agreement.get_status_display().lower()} agreement cannot be {what}. "
            "Make a new version instead."
        )


def _require_unsigned_text(agreement: Agreement) -> None:
    signed = [row.organisation for row in agreement.agreement_parties.all() if row.is_signed]
    if signed:
        raise ValidationError(
            f"{_names(signed)} already signed this text, so it can no longer be changed. "
            "Make a new version instead."
        )


@transaction.atomic
def agreement_create(
    *,
    title: str,
    slug: str,
    kind: str,
    partnership: Partnership | None = None,
    version: str = "1.0",
    effective_from: date | None = None,
    review_date: date | None = None,
    summary: str = "",
    parties: Iterable[Organisation] = (),
    actor,
) -> Agreement:
    """Create a draft agreement; an MoU or collaboration agreement gets the standard outline."""
    agreement = Agreement(
        title=title,
        slug=slug,
        kind=kind,
        partnership=partnership,
        version=version,
        effective_from=effective_from,
        review_date=review_date,
        summary=summary,
        status=Status.DRAFT,
    )
    save_record(agreement, actor=actor, reason="Agreement created")
    if kind in Agreement.KINDS_WITH_OUTLINE:
        for number, (part, heading) in enumerate(default_sections(), start=1):
            save_record(
                AgreementSection(agreement=agreement, number=number, part=part, heading=heading),
                actor=actor,
            )
    for organisation in parties:
        save_record(AgreementParty(agreement=agreement, organisation=organisation), actor=actor)
    return agreement


@transaction.atomic
def agreement_update(
    *, agreement: Agreement, actor, expected_version: int | str | None = None, **fields
) -> Agreement:
    """Change a draft or in-consultation agreement's details (not its status or parties),
    refusing a form opened before someone else's change (`expected_version`: the agreement's
    `edit_version` then)."""
    unknown = set(fields) - AGREEMENT_FIELDS
    if unknown:
        raise ValueError(f"agreement_update cannot change {', '.join(sorted(unknown))}")
    agreement = lock_for_edit(
        Agreement.objects, agreement.pk, expected_version, field="edit_version"
    )
    _require_editable(agreement)
    _require_unsigned_text(agreement)
    for name, value in fields.items():
        setattr(agreement, name, value)
    return save_record(agreement, actor=actor, reason="Agreement details changed")


@transaction.atomic
def agreement_section_add(
    *, agreement: Agreement, heading: str, text: str = "", part: str = "", actor
) -> AgreementSection:
    """Add a section at the end of a draft or in-consultation agreement."""
    agreement = _lock(agreement)
    _require_editable(agreement)
    _require_unsigned_text(agreement)
    last = agreement.sections.aggregate(last=Max("number"))["last"] or 0
    section = AgreementSection(
        agreement=agreement, number=last + 1, part=part, heading=heading, text=text
    )
    return save_record(section, actor=actor, reason="Section added")


@transaction.atomic
def agreement_section_update(
    *,
    section: AgreementSection,
    heading: str,
    text: str,
    part: str | None = None,
    actor,
    expected_version: int | str | None = None,
) -> AgreementSection:
    """Change a section's heading and text while the agreement may still be edited, refusing
    a form opened before someone else's change to the section."""
    agreement = _lock(section.agreement)
    _require_editable(agreement)
    _require_unsigned_text(agreement)
    section = lock_for_edit(
        AgreementSection.objects,
        section.pk,
        expected_version,
        what=f"section {section.number} of this agreement",
    )
    section.heading = heading
    section.text = text
    if part is not None:
        section.part = part
    return save_record(section, actor=actor, reason="Section changed")


@transaction.atomic
def agreement_add_party(
    *, agreement: Agreement, organisation: Organisation, actor
) -> AgreementParty:
    """Add an organisation as a party, while the agreement is not yet signed."""
    agreement = _lock(agreement)
    _require_editable(agreement, "given new parties")
    if agreement.agreement_parties.filter(organisation=organisation).exists():
        raise ValidationError(
            {"organisation": f"{organisation} is already a party to this agreement."}
        )
    party = AgreementParty(agreement=agreement, organisation=organisation)
    return save_record(party, actor=actor, reason="Party added")


@transaction.atomic
def agreement_remove_party(*, party: AgreementParty, actor) -> None:
    """Remove a party that has not signed, while the agreement is not yet signed."""
    agreement = _lock(party.agreement)
    _require_editable(agreement, "changed")
    party = AgreementParty.objects.select_related("organisation").get(pk=party.pk)
    if party.is_signed:
        raise ValidationError(
            f"{party.organisation} has already signed, so it cannot be removed as a party."
        )
    party._history_user = actor
    party._change_reason = "Party removed"
    party.delete()


@transaction.atomic
def agreement_record_signature(
    *,
    agreement: Agreement,
    organisation: Organisation,
    signed_by: str,
    signed_on: date,
    actor,
    expected_version: int | str | None = None,
) -> AgreementParty:
    """Record one party's signature; the last signature makes the agreement signed.

    `expected_version` is the agreement's `edit_version` when the signature form was opened:
    a signature is not recorded against details or a status that changed since.
    """
    agreement = _lock(agreement)
    if expected_version is not None:
        check_version(agreement, expected_version, field="edit_version")
    if agreement.status != Status.IN_CONSULTATION:
        raise ValidationError(
            "Signatures are recorded while an agreement is in consultation; this one is "
            f"{agreement.get_status_display().lower()}."
        )
    party = (
        agreement.agreement_parties.select_for_update().filter(organisation=organisation).first()
    )
    if party is None:
        raise ValidationError(
            {"organisation": f"{organisation} is not a party to this agreement."}
        )
    if party.is_signed:
        raise ValidationError(
            {
                "organisation": (
                    f"{organisation} has already signed this agreement "
                    f"({party.signed_by}, {date_format(party.signed_on, 'j F Y')})."
                )
            }
        )
    if not signed_by.strip():
        raise ValidationError({"signed_by": "Enter who signed for the organisation."})
    if signed_on > timezone.localdate():
        raise ValidationError({"signed_on": "The date signed cannot be in the future."})
    party.signed_by = signed_by.strip()
    party.signed_on = signed_on
    party.recorded_by = actor
    save_record(party, actor=actor, reason="Signature recorded")
    if agreement.is_fully_signed:
        agreement.status = Status.SIGNED
        agreement.edit_version += 1
        save_record(agreement, actor=actor, reason=f"Signed by every party (last: {organisation})")
        transaction.on_commit(
            functools.partial(announce_agreement_signed.enqueue, agreement.pk, portal_url())
        )
    return party


@transaction.atomic
def agreement_change_status(*, agreement: Agreement, status: str, actor) -> Agreement:
    """Move an agreement along draft → in consultation → signed → expired."""
    agreement = _lock(agreement)
    current = agreement.status
    if status not in Status.values:
        raise ValidationError({"status": "Choose a status from the list."})
    if status == current:
        raise ValidationError(
            {"status": f"The agreement is already {agreement.get_status_display().lower()}."}
        )
    if status not in ALLOWED_MOVES[current]:
        raise ValidationError(
            {
                "status": (
                    f"An agreement cannot move from {Status(current).label.lower()} "
                    f"to {Status(status).label.lower()}."
                )
            }
        )
    if status == Status.SIGNED and not agreement.is_fully_signed:
        outstanding = agreement.outstanding_parties
        message = (
            f"The agreement counts as signed only when every party has signed. "
            f"Still to sign: {_names(outstanding)}."
            if outstanding
            else "The agreement has no parties yet, so it cannot be signed."
        )
        raise ValidationError({"status": message})
    if status == Status.DRAFT and agreement.signed_parties:
        raise ValidationError(
            {
                "status": (
                    f"{_names(row.organisation for row in agreement.signed_parties)} already "
                    "signed, so the agreement cannot go back to draft."
                )
            }
        )
    agreement.status = status
    agreement.edit_version += 1
    reason = (
        f"Status changed from {Status(current).label.lower()} to {Status(status).label.lower()}"
    )
    return save_record(agreement, actor=actor, reason=reason)


@transaction.atomic
def agreement_new_version(*, agreement: Agreement, version: str, slug: str, actor) -> Agreement:
    """Start a new draft version: a new record with the same sections and parties, unsigned."""
    agreement = _lock(agreement)
    if agreement.status == Status.DRAFT:
        raise ValidationError("This agreement is still a draft: edit it rather than version it.")
    if version.strip() == agreement.version:
        raise ValidationError({"version": f"Version {version} already exists; choose another."})
    new = Agreement(
        title=agreement.title,
        slug=slug,
        kind=agreement.kind,
        partnership=agreement.partnership,
        version=version.strip(),
        summary=agreement.summary,
        previous_version=agreement,
        status=Status.DRAFT,
    )
    save_record(new, actor=actor, reason=f"New version of version {agreement.version}")
    for section in agreement.sections.all():
        save_record(
            AgreementSection(
                agreement=new,
                number=section.number,
                part=section.part,
                heading=section.heading,
                text=section.text,
            ),
            actor=actor,
        )
    for party in agreement.agreement_parties.all():
        save_record(
            AgreementParty(agreement=new, organisation_id=party.organisation_id), actor=actor
        )
    return new


def _check_source_agreement(source_agreement: Agreement | None) -> None:
    if source_agreement is None:
        return
    status = Agreement.objects.values_list("status", flat=True).get(pk=source_agreement.pk)
    if status == Status.DRAFT:
        raise ValidationError(
            {
                "source_agreement": (
                    f"{source_agreement} is still a draft; a delegation can only be made "
                    "under an agreement that is in consultation or signed."
                )
            }
        )


@transaction.atomic
def delegation_create(
    *,
    to_body: Body,
    scope: str,
    start: date,
    from_body: Body | None = None,
    from_organisation: Organisation | None = None,
    financial_limit: Decimal | None = None,
    source_agreement: Agreement | None = None,
    end: date | None = None,
    actor,
) -> Delegation:
    """Record a delegation from a body or an organisation to a body."""
    _check_source_agreement(source_agreement)
    delegation = Delegation(
        from_body=from_body,
        from_organisation=from_organisation,
        to_body=to_body,
        scope=scope,
        financial_limit=financial_limit,
        source_agreement=source_agreement,
        start=start,
        end=end,
    )
    return save_record(delegation, actor=actor, reason="Delegation made")


DELEGATION_FIELDS = {"to_body", "scope", "financial_limit", "source_agreement", "start", "end"}


@transaction.atomic
def delegation_update(*, delegation: Delegation, actor, **fields) -> Delegation:
    """Correct a delegation's details (who delegates stays fixed)."""
    unknown = set(fields) - DELEGATION_FIELDS
    if unknown:
        raise ValueError(f"delegation_update cannot change {', '.join(sorted(unknown))}")
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if "source_agreement" in fields and fields["source_agreement"] != delegation.source_agreement:
        _check_source_agreement(fields["source_agreement"])
    for name, value in fields.items():
        setattr(delegation, name, value)
    return save_record(delegation, actor=actor, reason="Delegation changed")


@transaction.atomic
def delegation_end(*, delegation: Delegation, end: date, actor) -> Delegation:
    """End a delegation on the given day."""
    delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if delegation.end is not None and delegation.end <= timezone.localdate():
        raise ValidationError(
            {"end": f"This delegation already ended on {date_format(delegation.end, 'j F Y')}."}
        )
    delegation.end = end
    return save_record(delegation, actor=actor, reason="Delegation ended")
