"""The demo agreements and delegations load from the seeds, and loading again changes nothing."""

import pytest
from django.core.management import call_command

from governance.models import Agreement, AgreementParty, AgreementSection, Delegation

pytestmark = pytest.mark.django_db


def _state():
    return (
        list(Agreement.objects.order_by("pk").values()),
        list(AgreementParty.objects.order_by("pk").values()),
        list(AgreementSection.objects.order_by("pk").values()),
        list(Delegation.objects.order_by("pk").values()),
        Agreement.history.count(),
        AgreementSection.history.count(),
    )


def test_load_demo_twice_changes_no_agreement():
    call_command("load_demo")
    first = _state()
    call_command("load_demo")
    assert _state() == first


def test_demo_alliance_mou_is_in_consultation_with_the_seed_000_outline(client):
    call_command("load_demo")
    mou = Agreement.objects.get(slug="wiltshire-alliance-mou")
    assert mou.status == Agreement.Status.IN_CONSULTATION
    assert mou.partnership.slug == "wiltshire-alliance"
    headings = list(mou.sections.values_list("heading", flat=True))
    assert "Our shared vision for Wiltshire" in headings
    assert headings[-1] == "Adding partners to the place-based partnership"
    assert len(headings) == 18
    assert mou.agreement_parties.count() == 7
    assert len(mou.outstanding_parties) == 7
    html = client.get(mou.get_absolute_url()).content.decode()
    assert "In consultation" in html
    assert html.count("Not signed") == 7  # each party's signature status, for the public
    listing = client.get("/agreements/").content.decode()
    assert "Wiltshire Alliance Memorandum of Understanding" in listing


def test_demo_section_75_is_signed_by_every_party(client):
    call_command("load_demo")
    s75 = Agreement.objects.get(slug="nottinghamshire-better-care-fund-section-75")
    assert s75.status == Agreement.Status.SIGNED and s75.is_fully_signed
    html = client.get(s75.get_absolute_url()).content.decode()
    assert "Every party has signed." in html
    assert "NHS Bassetlaw Clinical Commissioning Group" in html


def test_demo_delegations(client):
    call_command("load_demo")
    delegators = {str(d.delegator): d.to_body.slug for d in Delegation.objects.all()}
    assert delegators == {
        "Nottinghamshire County Council": "adult-social-care-and-public-health-committee",
        "BSW Integrated Care Board": "wiltshire-integrated-care-alliance",
    }
    html = client.get("/agreements/").content.decode()
    assert "Nottinghamshire Better Care Fund Section 75 Agreement" in html
    assert "Wiltshire Alliance Memorandum" in html  # in consultation, so public
