"""Telling followers about governance: a body's terms of reference approved, an agreement
signed by every party. Through Django's tasks framework after commit; a reader who may not
see the record hears nothing of it."""

from __future__ import annotations

from django.tasks import task

from alerts.announce import announce, followers
from alerts.models import SentEmail
from governance.access import can_see_agreement, can_see_terms
from governance.models import Agreement, TermsOfReference


def body_followers(body, skip: set[str] | None = None) -> list:
    """Who follows the body, its partnership or its organisation: one follow per address."""
    return followers(body, body.partnership, body.organisation, skip=skip)


@task
def announce_terms_approved(terms_id: int, base_url: str) -> int:
    """A new version of a body's terms of reference approved: to those who follow the body."""
    terms = TermsOfReference.objects.select_related("body__partnership", "body__organisation").get(
        pk=terms_id
    )
    body = terms.body
    return announce(
        follows=body_followers(body),
        subject=f"Terms of reference approved: {body.short_name or body}, version {terms.version}",
        why=SentEmail.Why.TERMS_APPROVED,
        about=terms,
        context_for=lambda viewer: (
            {
                "body": "governance/email/terms_approved.txt",
                "terms": terms,
                "link_text": "Read the terms of reference",
            }
            if can_see_terms(viewer, terms)
            else None
        ),
        base_url=base_url,
    )


@task
def announce_agreement_signed(agreement_id: int, base_url: str) -> int:
    """An agreement signed by its last party: to those who follow its partnership or a party."""
    agreement = Agreement.objects.select_related("partnership").get(pk=agreement_id)
    parties = list(agreement.agreement_parties.select_related("organisation"))
    return announce(
        follows=followers(agreement.partnership, *[party.organisation for party in parties]),
        subject=f"Agreement signed by every party: {agreement}",
        why=SentEmail.Why.AGREEMENT_SIGNED,
        about=agreement,
        context_for=lambda viewer: (
            {
                "body": "governance/email/agreement_signed.txt",
                "agreement": agreement,
                "parties": parties,
                "link_text": "Read the agreement",
            }
            if can_see_agreement(viewer, agreement)
            else None
        ),
        base_url=base_url,
    )
