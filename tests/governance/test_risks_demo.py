"""The demo risk register and registers of interests: from the seeds, and loaded idempotently."""

import pytest
from django.core.management import call_command

from governance.models import GiftOrHospitality, Interest, Partnership, Rag, Risk, RiskRating
from governance.selectors.risks import risk_summary

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Risk.objects.count(),
        RiskRating.objects.count(),
        Interest.objects.count(),
        GiftOrHospitality.objects.count(),
    )


def test_load_demo_twice_duplicates_no_risk_rating_or_register_entry():
    call_command("load_demo")
    first = _counts()
    call_command("load_demo")
    assert _counts() == first == (8, 16, 4, 2)


def test_demo_winter_risks_carry_the_seeds_rag_and_wording(client):
    call_command("load_demo")
    alliance = Partnership.objects.get(slug="wiltshire-alliance")
    assert {r.reference: r.rag for r in alliance.risks.all()} == {
        "R1": Rag.AMBER, "R2": Rag.RED, "R3": Rag.RED, "R4": Rag.AMBER,
        "R5": Rag.AMBER, "R6": Rag.AMBER, "R7": Rag.RED, "R8": Rag.RED,
    }  # fmt: skip
    summary = risk_summary(alliance)
    assert (summary.red, summary.amber, summary.green) == (4, 4, 0)
    locums = alliance.risks.get(reference="R2")
    assert [r.rag for r in locums.ratings.all()] == [Rag.RED, Rag.RED]
    html = client.get(locums.get_absolute_url()).content.decode()
    assert "Building Bank capacity locally." in html
    assert "RAG as stated in the Wiltshire ICA Partnership winter plan" in html
    page = client.get("/partnerships/wiltshire-alliance/risks/").content.decode()
    assert "Scarce domiciliary care resource" in page


def test_demo_register_pages_show_entries(client):
    call_command("load_demo")
    html = client.get("/people/pat-example/register/").content.decode()
    assert "Illustrative demo entry" in html
    html = client.get("/people/robin-sample/register/").content.decode()
    assert "Over £75: refuse or approve" in html and "Declined" in html
