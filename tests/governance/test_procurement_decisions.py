"""Issue 15 item 3: the public procurement decisions register of an NHS organisation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from governance.models import ProcurementDecision
from governance.services.registers import procurement_decision_record

DECLARED = "Dr Okafor declared she is a director of Okafor Care Ltd, a bidder."


@pytest.fixture
def procurement(trust, governance_lead) -> ProcurementDecision:
    return procurement_decision_record(
        organisation=trust,
        actor=governance_lead,
        decided_on=date(2026, 6, 1),
        decision="Award the contract to the preferred bidder.",
        contract="Community beds, 2026 to 2029",
        supplier="Riverside Care Ltd",
        value=Decimal("1250000"),
        decided_by="Finance and Performance Committee",
        declared_interests=DECLARED,
        how_managed="Left the room and took no part in the decision.",
    )


def url(organisation) -> str:
    return f"/organisations/{organisation.slug}/procurement-decisions/"


def test_the_register_is_public_and_shows_interests_and_how_managed(client, procurement, trust):
    html = client.get(url(trust)).content.decode()
    assert "Community beds, 2026 to 2029" in html
    assert "£1,250,000.00" in html
    assert DECLARED in html and "Left the room and took no part in the decision." in html
    assert "Record a procurement decision" not in html


def test_the_organisation_page_links_to_it(client, trust, council):
    assert url(trust) in client.get(f"/organisations/{trust.slug}/").content.decode()
    assert (
        "procurement-decisions"
        not in client.get(f"/organisations/{council.slug}/").content.decode()
    )


def test_only_nhs_organisations_have_one(client, council):
    assert client.get(url(council)).status_code == 404


def test_the_service_refuses_a_council_and_unmanaged_interests(council, trust, admin_user):
    fields = {
        "decided_on": date(2026, 6, 1), "decision": "Award", "contract": "Beds",
        "value": Decimal("10"),
    }  # fmt: skip
    with pytest.raises(ValidationError, match="Only an NHS organisation"):
        procurement_decision_record(organisation=council, actor=admin_user, **fields)
    with pytest.raises(ValidationError, match="how the declared interests were managed"):
        procurement_decision_record(
            organisation=trust, actor=admin_user, declared_interests=DECLARED, **fields
        )
    assert not ProcurementDecision.objects.exists()


def test_recording_keeps_history(procurement, governance_lead):
    record = procurement.history.get()
    assert record.history_user == governance_lead
    assert record.history_change_reason == "Procurement decision recorded"


@pytest.mark.parametrize(
    ("viewer", "status"),
    [
        (None, 302),
        ("outsider", 403),
        ("clerk", 403),
        ("governance_lead", 200),
        ("admin_user", 200),
    ],
)
def test_who_may_record_a_decision(viewer, status, client_for, request, trust):
    user = request.getfixturevalue(viewer) if viewer else None
    assert client_for(user).get(url(trust) + "new/").status_code == status


def test_a_lead_records_a_decision_through_the_form(client_for, governance_lead, trust):
    response = client_for(governance_lead).post(
        url(trust) + "new/",
        {
            "decided_on": "2026-06-01",
            "contract": "Patient transport", "decision": "Extend for a year",
            "value": "98000", "declared_interests": "", "how_managed": "",
        },
    )  # fmt: skip
    assert response.status_code == 302
    assert ProcurementDecision.objects.get().contract == "Patient transport"


def test_a_stale_edit_is_refused(client_for, governance_lead, procurement, trust):
    edit = url(trust) + f"{procurement.pk}/edit/"
    client = client_for(governance_lead)
    data = {
        "decided_on": "2026-06-01",
        "contract": "Community beds", "decision": "Award", "value": "1250000",
        "declared_interests": "", "how_managed": "", "version": "1",
    }  # fmt: skip
    assert client.post(edit, data).status_code == 302
    response = client.post(edit, {**data, "contract": "Other"})
    assert response.status_code == 200
    procurement.refresh_from_db()
    assert procurement.contract == "Community beds"


def test_the_register_runs_a_bounded_number_of_queries(
    client, procurement, trust, governance_lead, django_assert_max_num_queries
):
    for n in range(20):
        procurement_decision_record(
            organisation=trust, actor=governance_lead, decided_on=date(2026, 1, 1 + n),
            decision="Award", contract=f"Contract {n}", value=Decimal(n),
        )  # fmt: skip
    with django_assert_max_num_queries(4):
        response = client.get(url(trust))
    assert response.status_code == 200
