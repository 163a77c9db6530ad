"""Issue 15 item 3: at an NHS body a declaration records who decided how the conflict was
managed and why (NHS England, "Managing Conflicts of Interest in the NHS"), and the minutes,
page and PDF, show it; a council body's declarations are as before."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import InterestKind
from governance.models.terms import ExemptionRegime
from meetings.models import Declaration
from meetings.pdf import render_minutes
from meetings.services.proceedings import declaration_record, declaration_update
from tests.factories import pdf_text

pytestmark = pytest.mark.django_db

MANAGED_BY = "The Chair, Stephanie Elsy"
WHY = "Took part in the discussion but not the decision: the contract is with her employer."


@pytest.fixture
def nhs_held(held, terms):
    """The held meeting, its body's terms now taking private business on NHS grounds."""
    terms.exemption_regime = ExemptionRegime.NHS_PUBLIC_INTEREST
    terms.save(update_fields=["exemption_regime"])
    return held


def _declare(item, seats, clerk, **extra):
    return declaration_record(
        item=item,
        person=seats["doddy"].person,
        kind=InterestKind.OTHER_REGISTRABLE,
        description="Non-executive director of the community provider.",
        action=Declaration.Action.DID_NOT_VOTE,
        actor=clerk,
        **extra,
    )


def test_an_nhs_declaration_without_who_managed_it_and_why_is_refused(nhs_held, seats, clerk):
    with pytest.raises(ValidationError) as refused:
        _declare(nhs_held.items.get(position=3), seats, clerk)
    assert "who decided how John Doddy's conflict was managed" in str(refused.value)
    assert "how John Doddy's conflict was managed and why" in str(refused.value)
    assert not Declaration.objects.exists()


def test_a_council_declaration_needs_neither(held, seats, clerk):
    declaration = _declare(held.items.get(position=3), seats, clerk)
    assert declaration.managed_by == ""


def test_a_correction_cannot_drop_how_the_conflict_was_managed(nhs_held, seats, clerk):
    declaration = _declare(
        nhs_held.items.get(position=3), seats, clerk, managed_by=MANAGED_BY, management_reason=WHY
    )
    with pytest.raises(ValidationError, match="who decided"):
        declaration_update(declaration=declaration, actor=clerk, reason="typo", managed_by="  ")


def test_the_nhs_form_asks_for_it_and_the_minutes_page_and_pdf_show_it(
    nhs_held, seats, clerk, client
):
    client.force_login(clerk)
    url = reverse("meetings:declaration_new", args=[nhs_held.pk, 3])
    page = client.get(url).content.decode()
    assert "Who decided how the conflict was managed" in page

    sent = {
        "person": seats["doddy"].person.pk,
        "kind": InterestKind.OTHER_REGISTRABLE,
        "description": "Non-executive director of the community provider.",
        "action": Declaration.Action.DID_NOT_VOTE,
    }
    refused = client.post(url, sent)
    assert refused.status_code == 200
    assert "Say who decided how the conflict was managed" in refused.content.decode()

    client.post(url, {**sent, "managed_by": MANAGED_BY, "management_reason": WHY})
    shown = client.get(nhs_held.get_absolute_url()).content.decode()
    assert f"Conflict managed by {MANAGED_BY}: {WHY}" in shown

    minutes = pdf_text(render_minutes(nhs_held, "members")[0])
    assert f"Conflict managed by {MANAGED_BY}" in minutes
    assert "the contract is with her employer" in minutes


def test_the_council_form_does_not_ask(held, clerk, client):
    client.force_login(clerk)
    page = client.get(reverse("meetings:declaration_new", args=[held.pk, 3])).content.decode()
    assert "Who decided how the conflict was managed" not in page


def test_the_public_see_who_managed_a_part_ii_conflict_but_not_why(nhs_held, seats, clerk, client):
    _declare(
        nhs_held.items.get(position=4), seats, clerk, managed_by=MANAGED_BY, management_reason=WHY
    )
    shown = client.get(nhs_held.get_absolute_url()).content.decode()
    assert f"Conflict managed by {MANAGED_BY}" in shown
    assert "her employer" not in shown
    assert "Non-executive director" not in shown
