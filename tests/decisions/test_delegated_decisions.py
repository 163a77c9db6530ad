"""Officer and delegated decisions (Openness of Local Government Bodies Regulations 2014,
reg 7): refused outside a current delegation or above its limit; published on the register,
the organisation's page, search, the feed and the API, an exempt one's text withheld."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from decisions.models import DelegatedDecision
from decisions.services.delegated import delegated_decision_record
from governance.models import Delegation

SECRET = "Tender prices of the three bidders"


@pytest.fixture
def dd_delegation(council, body) -> Delegation:
    """The council's delegation to its committee, with a £50,000 limit, for 2024."""
    return Delegation.objects.create(
        from_organisation=council,
        to_body=body,
        scope="Adult social care contracts",
        financial_limit=Decimal("50000"),
        start=date(2024, 1, 1),
        end=date(2024, 12, 31),
    )


def record(organisation, delegation, actor, **fields):
    values = {
        "title": "Home-care framework extension",
        "decided_by": "Director of Adult Social Care",
        "decided_on": date(2024, 6, 3),
        "decision": "To extend the home-care framework by six months.",
        "reasons": "The new framework is not ready.",
        "alternatives_rejected": "Spot purchasing: costlier.",
        "amount": Decimal("42000"),
        "conflicts_of_interest": "None",
        "dispensation": "",
    }
    values.update(fields)
    return delegated_decision_record(
        organisation=organisation, delegation=delegation, actor=actor, **values
    )


@pytest.fixture
def dd_exempt(council, dd_delegation, council_lead) -> DelegatedDecision:
    return record(
        council,
        dd_delegation,
        council_lead,
        title="Award of the reablement contract",
        decision=SECRET,
        exempt_paragraph=3,
    )


@pytest.mark.django_db
def test_a_decision_within_the_delegation_is_recorded_published_and_in_history(
    council, dd_delegation, council_lead
):
    decision = record(council, dd_delegation, council_lead)
    assert decision.published_on == date.today()
    latest = decision.history.first()
    assert latest.history_user == council_lead
    assert latest.history_change_reason == "Decision recorded and published"


@pytest.mark.django_db
def test_a_decision_above_the_financial_limit_is_refused_naming_the_limit(
    council, body, dd_delegation, council_lead
):
    with pytest.raises(ValidationError) as refused:
        record(council, dd_delegation, council_lead, amount=Decimal("50000.01"))
    message = str(refused.value)
    assert "£50,000.01 is above the £50,000 financial limit" in message
    assert f"delegation from {council} to {body}" in message
    assert not DelegatedDecision.objects.exists()


@pytest.mark.django_db
def test_a_decision_at_the_limit_is_within_it(council, dd_delegation, council_lead):
    assert record(council, dd_delegation, council_lead, amount=Decimal("50000"))


@pytest.mark.django_db
def test_a_decision_with_a_limit_but_no_value_is_refused(council, dd_delegation, council_lead):
    with pytest.raises(ValidationError, match="enter the decision's value"):
        record(council, dd_delegation, council_lead, amount=None)


@pytest.mark.django_db
def test_a_decision_after_the_delegation_ended_is_refused(council, dd_delegation, council_lead):
    with pytest.raises(ValidationError, match="ended on 31 December 2024"):
        record(council, dd_delegation, council_lead, decided_on=date(2025, 1, 2))


@pytest.mark.django_db
def test_a_decision_with_no_delegation_names_what_is_missing(council, council_lead):
    with pytest.raises(ValidationError, match="had no delegation in force on 3 June 2024"):
        record(council, None, council_lead)


@pytest.mark.django_db
def test_another_organisations_delegation_does_not_authorise(trust, dd_delegation, admin_user):
    with pytest.raises(ValidationError, match="is not part of .*scheme of delegation"):
        record(trust, dd_delegation, admin_user)


# Access ---------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("viewer", "sees"),
    [
        (None, False),
        ("outsider", False),
        ("governance_lead", False),  # a lead of another organisation
        ("council_lead", True),
        ("officer", True),  # an officer of the council
        ("admin_user", True),
    ],
)
def test_an_exempt_decision_shows_its_text_only_to_its_organisation(
    request, client_for, dd_exempt, viewer, sees
):
    user = request.getfixturevalue(viewer) if viewer else None
    response = client_for(user).get(dd_exempt.get_absolute_url())
    assert response.status_code == 200
    assert "Award of the reablement contract" in response.text
    assert (SECRET in response.text) is sees
    assert ("Exempt: paragraph 3 of Schedule 12A" in response.text) is not sees


@pytest.mark.django_db
def test_history_of_an_exempt_decision_withholds_its_text(client, dd_exempt):
    url = reverse("history", args=["decisions", "delegateddecision", dd_exempt.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert SECRET not in response.text
    assert "Award of the reablement contract" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("viewer", "status"),
    [("outsider", 403), ("officer", 403), ("governance_lead", 200), ("council_lead", 200)],
)
def test_who_may_open_the_record_page(request, client_for, viewer, status, dd_delegation):
    response = client_for(request.getfixturevalue(viewer)).get(
        reverse("decisions:delegated_decision_new")
    )
    assert response.status_code == status


@pytest.mark.django_db
def test_the_public_is_sent_to_sign_in(client):
    response = client.get(reverse("decisions:delegated_decision_new"))
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_lead_cannot_record_for_another_organisation(
    client_for, governance_lead, council, dd_delegation
):
    response = client_for(governance_lead).post(
        reverse("decisions:delegated_decision_new"),
        {"organisation": council.pk, "delegation": dd_delegation.pk},
    )
    assert response.status_code == 200  # the organisation is not among their choices
    assert not DelegatedDecision.objects.exists()


def form_data(council, delegation, **changes):
    data = {
        "organisation": council.pk,
        "delegation": delegation.pk,
        "title": "Day-care transport",
        "decided_by": "Director of Adult Social Care",
        "decided_on": "2024-06-03",
        "decision": "To extend the transport contract.",
        "reasons": "Continuity of service.",
        "amount": "60000",
        "exempt_paragraph": "",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_the_form_refuses_above_the_limit_and_keeps_what_was_typed(
    client_for, council_lead, council, dd_delegation
):
    response = client_for(council_lead).post(
        reverse("decisions:delegated_decision_new"), form_data(council, dd_delegation)
    )
    assert response.status_code == 200
    assert "is above the £50,000 financial limit" in response.text
    assert "Day-care transport" in response.text
    assert not DelegatedDecision.objects.exists()


@pytest.mark.django_db
def test_the_form_records_and_publishes(client_for, council_lead, council, dd_delegation):
    response = client_for(council_lead).post(
        reverse("decisions:delegated_decision_new"),
        form_data(council, dd_delegation, amount="1000"),
        follow=True,
    )
    decision = DelegatedDecision.objects.get()
    assert response.redirect_chain[-1][0] == decision.get_absolute_url()
    assert "Decision recorded and published" in response.text


# Where it appears -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_organisation_page_lists_its_decisions(client, council, dd_delegation, council_lead):
    record(council, dd_delegation, council_lead)
    response = client.get(council.get_absolute_url())
    assert "Home-care framework extension" in response.text
    assert "Officer and delegated decisions" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 30])
def test_the_register_reads_a_fixed_number_of_queries(
    client_for, django_assert_max_num_queries, council, dd_delegation, council_lead, count
):
    for n in range(count):
        record(
            council,
            dd_delegation,
            council_lead,
            title=f"Decision {n}",
            exempt_paragraph=n % 2 or None,
        )
    client = client_for(council_lead)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("decisions:delegated_decision_list"))
    assert response.text.count('id="delegated-decision-') == min(count, 25)


@pytest.mark.django_db
def test_search_finds_a_public_decision_and_not_exempt_text(
    client, council, dd_delegation, council_lead, dd_exempt
):
    record(council, dd_delegation, council_lead, decision="To extend the framework for zebras.")
    found = client.get(reverse("search"), {"q": "zebras"})
    assert "Home-care framework extension" in found.text
    hidden = client.get(reverse("search"), {"q": "bidders"})
    assert "Award of the reablement contract" not in hidden.text


@pytest.mark.django_db
def test_the_feed_withholds_exempt_text(client, council, dd_delegation, council_lead, dd_exempt):
    record(council, dd_delegation, council_lead)
    response = client.get(reverse("delegated_decisions_feed"))
    assert response.status_code == 200
    assert "Home-care framework extension" in response.text
    assert "Award of the reablement contract" in response.text
    assert SECRET not in response.text
    assert "Exempt: paragraph 3 of Schedule 12A" in response.text


@pytest.mark.django_db
def test_the_api_lists_decisions_and_withholds_exempt_text(client_for, officer, trust, dd_exempt):
    url = reverse("api:delegated-decision-list")
    public = client_for(None).get(url).json()
    (row,) = public["results"]
    assert row["title"] == "Award of the reablement contract"
    assert row["decision"] is None
    assert row["amount"] is None
    assert row["exemptNotice"] == "Exempt: paragraph 3 of Schedule 12A"
    (own,) = client_for(officer).get(url).json()["results"]
    assert own["decision"] == SECRET
    assert own["amount"] == "42000.00"


@pytest.mark.django_db
def test_the_demo_records_a_decision_of_the_icb_under_its_scheme(demo):
    decision = DelegatedDecision.objects.get(organisation__slug="bsw-icb")
    assert decision.delegation.from_body.slug == "bsw-icb-board"
    assert decision.history.first().history_change_reason == "Decision recorded and published"
