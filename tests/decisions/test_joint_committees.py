"""Issue 15 item 2: a joint committee's decisions bind its member organisations directly, or
go to each of them for ratification, as its terms of reference say (and the terms page says
which)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from decisions.models import Resolution
from decisions.services.resolutions import resolution_record
from governance.models.terms import JointDecisions, current_terms
from tests.factories import item

pytestmark = pytest.mark.django_db


def _terms_say(committee, setting: str, paragraph: str = "7.2"):
    terms = current_terms(committee)
    terms.joint_decisions = setting
    terms.joint_decisions_paragraph = paragraph
    terms.save()
    return terms


def _record(meeting, clerk, kind: str) -> Resolution:
    return resolution_record(
        item=item(meeting, 3), kind=kind, parts="Commissions the service.", actor=clerk
    )


def test_a_binding_decision_names_the_members_it_binds_and_is_not_routed(
    client, jc_committee, jc_meeting, jc_clerk, council, trust
):
    _terms_say(jc_committee, JointDecisions.BINDING)
    decision = _record(jc_meeting, jc_clerk, Resolution.Kind.DECISION)
    assert decision.status == Resolution.Status.AGREED  # nothing to route
    page = client.get(decision.get_absolute_url()).text
    binding = page[page.index('id="binding-on"') :][:1500]
    assert "Binding on" in binding
    assert council.name in binding and trust.name in binding
    assert "joint committee" in binding and "terms of reference §7.2" in binding
    with pytest.raises(ValidationError, match="bind its member organisations directly"):
        _record(jc_meeting, jc_clerk, Resolution.Kind.AGREEMENT_IN_PRINCIPLE)


def test_decisions_needing_ratification_are_routed_to_every_member(
    client_for, jc_committee, jc_meeting, jc_clerk, council, trust
):
    _terms_say(jc_committee, JointDecisions.RATIFIED)
    url = reverse("decisions:resolution_new", args=[jc_meeting.pk, 3])
    refused = client_for(jc_clerk).post(url, {"kind": "decision", "parts": "Commissions it."})
    assert refused.status_code == 200
    assert "need ratification by each member organisation" in refused.text
    assert "paragraph 7.2" in refused.text
    assert not Resolution.objects.exists()

    agreement = _record(jc_meeting, jc_clerk, Resolution.Kind.AGREEMENT_IN_PRINCIPLE)
    assert agreement.status == Resolution.Status.TO_ROUTE
    page = client_for(jc_clerk).get(agreement.get_absolute_url()).text
    assert 'id="binding-on"' not in page
    routing = client_for(jc_clerk).get(
        reverse("decisions:ratification_route", args=[agreement.pk])
    )
    form = routing.context["form"]
    assert {o for o in form.organisations if form[f"route_{o.pk}"].initial} == {council, trust}


def test_without_a_setting_a_joint_committee_records_as_before(jc_meeting, jc_clerk):
    decision = _record(jc_meeting, jc_clerk, Resolution.Kind.DECISION)
    assert decision.status == Resolution.Status.AGREED


def test_the_terms_page_says_how_the_decisions_take_effect(
    client, client_for, jc_committee, jc_clerk, body, clerk
):
    terms = _terms_say(jc_committee, JointDecisions.BINDING)
    page = client.get(terms.get_absolute_url()).text
    assert "Bind the member organisations directly (paragraph 7.2)" in page
    new_draft = reverse("governance:terms_new", args=[jc_committee.slug])
    form = client_for(jc_clerk).get(new_draft).context["form"]
    assert form["joint_decisions"].initial == JointDecisions.BINDING
    other = client_for(clerk).get(reverse("governance:terms_new", args=[body.slug]))
    assert "joint_decisions" not in other.context["form"].fields


def test_the_clerk_sets_it_on_a_new_draft(client_for, jc_committee, jc_clerk):
    url = reverse("governance:terms_new", args=[jc_committee.slug])
    data = {
        "purpose": "To commission jointly.", "membership_rules": "Three members.",
        "quorum_count": "2", "frequency": "Quarterly", "joint_decisions": "ratified",
        "joint_decisions_paragraph": "4.1",
        "review_date-day": "1", "review_date-month": "5", "review_date-year": "2099",
    }  # fmt: skip
    assert client_for(jc_clerk).post(url, data).status_code == 302
    draft = jc_committee.terms.get(status="draft")
    assert draft.joint_decisions_in_words == (
        "Need ratification by each member organisation (paragraph 4.1)"
    )
