"""Every change to a body's terms of reference: draft, edit the draft, approve."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.formats import date_format

from alerts.mail import portal_url
from governance.announcements import announce_terms_approved
from governance.models import Body, Organisation, TermsOfReference
from governance.models.terms import voting_member_count
from ics_portal.common.records import lock_for_edit, save_record

EDITABLE_FIELDS = {
    "purpose",
    "membership_rules",
    "quorum_count",
    "quorum_required_kinds",
    "frequency",
    "voting",
    "delegated_authority",
    "exemption_regime",
    "joint_decisions",
    "joint_decisions_paragraph",
    "review_date",
}
M2M_FIELD = "quorum_required_organisations"


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS - {M2M_FIELD}
    if unknown:
        raise TypeError(f"Not fields of a draft: {', '.join(sorted(unknown))}")


def _set_organisations(terms: TermsOfReference, organisations) -> None:
    wanted = {organisation.pk for organisation in organisations}
    current = set(terms.quorum_required_organisations.values_list("pk", flat=True))
    if wanted != current:
        terms.quorum_required_organisations.set(Organisation.objects.filter(pk__in=wanted))


def _refuse_if_not_draft(terms: TermsOfReference) -> None:
    if not terms.is_draft:
        raise ValidationError(
            f"Version {terms.version} is {terms.get_status_display().lower()}: approved and "
            "superseded versions are never changed. Start a new draft instead."
        )


def terms_draft_create(*, body: Body, actor, **fields: Any) -> TermsOfReference:
    """Start the next version of a body's terms of reference as a draft."""
    _check_fields(fields)
    organisations = fields.pop(M2M_FIELD, None) or []
    with transaction.atomic():
        Body.objects.select_for_update().get(pk=body.pk)
        draft = TermsOfReference.objects.filter(body=body, status=TermsOfReference.Status.DRAFT)
        existing = draft.values_list("version", flat=True).first()
        if existing is not None:
            raise ValidationError(
                f"Version {existing} is already a draft. Edit that draft instead of starting "
                "another."
            )
        latest = TermsOfReference.objects.filter(body=body).aggregate(latest=Max("version"))
        terms = TermsOfReference(body=body, version=(latest["latest"] or 0) + 1, **fields)
        save_record(terms, actor=actor, reason=f"Version {terms.version} drafted")
        _set_organisations(terms, organisations)
    return terms


def terms_draft_update(
    *,
    terms: TermsOfReference,
    actor,
    expected_version: int | str | None = None,
    **fields: Any,
) -> TermsOfReference:
    """Change a draft; approved and superseded versions are refused, and so is a form opened
    before someone else's change (`expected_version`: the draft's `edit_version` then)."""
    _check_fields(fields)
    organisations = fields.pop(M2M_FIELD, None)
    with transaction.atomic():
        terms = lock_for_edit(
            TermsOfReference.objects.select_related("body"),
            terms.pk,
            expected_version,
            what=f"draft version {terms.version}",
            field="edit_version",
        )
        _refuse_if_not_draft(terms)
        for name, value in fields.items():
            setattr(terms, name, value)
        save_record(terms, actor=actor, reason="Draft changed")
        if organisations is not None:
            _set_organisations(terms, organisations)
    return terms


def terms_approve(
    *, terms: TermsOfReference, approved_on: date, approved_by: str, actor
) -> TermsOfReference:
    """Approve a draft; the version approved before it becomes superseded."""
    with transaction.atomic():
        versions = {
            version.pk: version
            for version in TermsOfReference.objects.select_for_update()
            .select_related("body")
            .filter(body_id=terms.body_id)
            .order_by("version")
        }
        terms = versions[terms.pk]
        if terms.status == TermsOfReference.Status.APPROVED:
            raise ValidationError(f"Version {terms.version} is already approved.")
        _refuse_if_not_draft(terms)
        voting = voting_member_count(terms.body)
        if terms.quorum_count > voting:
            raise ValidationError(
                f"Quorum of {terms.quorum_count} is larger than the {voting} current voting "
                f"member{'s' if voting != 1 else ''}. Change the draft's quorum, or record the "
                "new members first."
            )
        if not approved_by.strip():
            raise ValidationError({"approved_by": "Enter who approved this version."})
        previous = [
            version
            for version in versions.values()
            if version.status == TermsOfReference.Status.APPROVED
        ]
        for version in previous:
            if approved_on < version.approved_on:
                when = date_format(version.approved_on, "j F Y")
                raise ValidationError(
                    {
                        "approved_on": f"The approval date cannot be before {when}, when "
                        f"version {version.version} was approved."
                    }
                )
            version.status = TermsOfReference.Status.SUPERSEDED
            save_record(version, actor=actor, reason=f"Superseded by version {terms.version}")
        terms.status = TermsOfReference.Status.APPROVED
        terms.approved_on = approved_on
        terms.approved_by = approved_by.strip()
        save_record(terms, actor=actor, reason=f"Approved by {terms.approved_by}")
        transaction.on_commit(
            functools.partial(announce_terms_approved.enqueue, terms.pk, portal_url())
        )
    return terms
