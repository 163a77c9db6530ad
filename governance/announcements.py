"""Telling followers about governance: a body's terms of reference approved, an agreement
signed by every party. Through Django's tasks framework after commit; a reader who may not
see the record hears nothing of it."""

from __future__ import annotations

from django.tasks import task

from alerts.announce import announce, followers
from alerts.mail import portal_url
from alerts.models import SentEmail
from governance.access import can_see_agreement, can_see_terms
from governance.models import Agreement, TermsOfReference


def short_date(day) -> str:
    return f"{day.day} {day:%b %Y}"


@task
def announce_terms_approved(terms_id: int, base_url: str) -> int:
    """A new version of a body's terms of reference approved: to those who follow the body."""
    terms = TermsOfReference.objects.select_related("body__partnership", "body__organisation").get(
        pk=terms_id
    )
    body = terms.body
    base = portal_url(base_url)
    return announce(
        follows=followers(body, body.partnership, body.organisation),
        subject=f"Terms of reference approved: {body.short_name or body}, version {terms.version}",
        template="alerts/email/alert",
        why=SentEmail.Why.TERMS_APPROVED,
        about=terms,
        link=base + terms.get_absolute_url(),
        context_for=lambda viewer: (
            {
                "body": "governance/email/terms_approved.txt",
                "terms": terms,
                "link_text": "Read the terms of reference",
            }
            if can_see_terms(viewer, terms)
            else None
        ),
        base_url=base,
    )


@task
def announce_agreement_signed(agreement_id: int, base_url: str) -> int:
    """An agreement signed by its last party: to those who follow its partnership or a party."""
    agreement = Agreement.objects.select_related("partnership").get(pk=agreement_id)
    parties = list(agreement.agreement_parties.select_related("organisation"))
    base = portal_url(base_url)
    return announce(
        follows=followers(agreement.partnership, *[party.organisation for party in parties]),
        subject=f"Agreement signed by every party: {agreement}",
        template="alerts/email/alert",
        why=SentEmail.Why.AGREEMENT_SIGNED,
        about=agreement,
        link=base + agreement.get_absolute_url(),
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
        base_url=base,
    )
