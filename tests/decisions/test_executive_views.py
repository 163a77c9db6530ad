"""The forward plan, decision notice and call-in pages: who may, what each viewer sees, and
query bounds."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from decisions.models import CallIn, DecisionNotice, ForwardPlanEntry
from decisions.services.executive import call_in_request
from tests.factories import PART_II_MARKER

pytestmark = pytest.mark.django_db


def _date(prefix: str, day: date) -> dict[str, str]:
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


@pytest.mark.parametrize(
    "name", ["decisions:forward_plan", "decisions:notice_list", "decisions:forward_plan_entry"]
)
def test_the_public_reads_the_plan_and_the_notices_in_few_queries(
    client, ex_published, name, django_assert_max_num_queries
):
    args = [ex_published.forward_plan_entry_id] if name.endswith("entry") else []
    with django_assert_max_num_queries(8):
        response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    assert "Ratify the Alliance Memorandum of Understanding" in response.text or (
        "Alliance Memorandum of Understanding ratified" in response.text
    )


def test_an_organisations_plan_lists_only_its_entries(client, ex_entry, trust):
    own = client.get(
        reverse("decisions:organisation_forward_plan", args=["nottinghamshire-county-council"])
    )
    other = client.get(reverse("decisions:organisation_forward_plan", args=[trust.slug]))
    assert ex_entry.title in own.text
    assert ex_entry.title not in other.text


def test_the_notice_shows_its_clock_and_text(client, ex_published, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get(ex_published.get_absolute_url())
    assert "Until the end of 15 December 2021" in response.text
    assert "16 December 2021" in response.text
    assert "Not to ratify: the council would stand outside the Alliance." in response.text


def test_the_text_of_a_decision_taken_in_private_is_withheld_from_the_public(
    client_for, ex_published, council_lead
):
    DecisionNotice.objects.filter(pk=ex_published.pk).update(exempt_paragraph=3)
    public = client_for(None).get(ex_published.get_absolute_url())
    assert "stand outside the Alliance" not in public.text
    assert "paragraph 3 of Schedule 12A" in public.text
    lead = client_for(council_lead).get(ex_published.get_absolute_url())
    assert "stand outside the Alliance" in lead.text


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 302), ("outsider", 403), ("governance_lead", 403), ("council_lead", 200)],
)
def test_who_may_add_to_the_forward_plan(client_for, viewer, council, who, status):
    response = client_for(viewer(who)).get(
        reverse("decisions:forward_plan_new", args=[council.slug])
    )
    assert response.status_code == status


def test_a_key_decision_too_soon_is_refused_on_the_form(
    client_for, council, cabinet, council_lead
):
    response = client_for(council_lead).post(
        reverse("decisions:forward_plan_new", args=[council.slug]),
        {
            "title": "Charging policy",
            "decision_maker_body": cabinet.pk,
            "is_key_decision": "on",
            **_date("expected_on", date(2021, 11, 29)),
            **_date("first_published", date(2021, 11, 1)),
            "lead_officer": "Director",
            "representations": "Write to the director.",
        },
    )
    assert response.status_code == 200
    assert "may be taken from 30 November 2021" in response.text
    assert not ForwardPlanEntry.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 302), ("outsider", 403), ("council_lead", 403), ("scrutiny_member", 200)],
)
def test_who_may_call_in(client_for, viewer, ex_published, who, status):
    response = client_for(viewer(who)).get(
        reverse("decisions:call_in_new", args=[ex_published.pk])
    )
    assert response.status_code == status


def test_a_late_call_in_is_refused_on_the_form(
    client_for, ex_published, scrutiny_body, scrutiny_member
):
    response = client_for(scrutiny_member).post(
        reverse("decisions:call_in_new", args=[ex_published.pk]),
        {
            "scrutiny_body": scrutiny_body.pk,
            "reasons": "Missing assessment.",
            "signatories": "Cllr Ann Able\nCllr Ben Bold",
        },
    )
    assert response.status_code == 200
    assert "call-in period ended on 15 December 2021" in response.text
    assert not CallIn.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 302), ("scrutiny_member", 403), ("council_lead", 403), ("fu_scrutiny_clerk", 200)],
)
def test_who_records_the_scrutiny_outcome(
    client_for, viewer, ex_published, scrutiny_body, scrutiny_member, who, status
):
    call_in_request(
        notice=ex_published,
        scrutiny_body=scrutiny_body,
        actor=scrutiny_member,
        reasons="Missing assessment.",
        signatories="Cllr Ann Able\nCllr Ben Bold",
        on=date(2021, 12, 10),
    )
    response = client_for(viewer(who)).get(
        reverse("decisions:call_in_outcome", args=[ex_published.pk])
    )
    assert response.status_code == status


def test_call_in_reasons_of_a_part_ii_ratification_are_withheld(
    client_for, ex_published, scrutiny_body, scrutiny_member
):
    item = ex_published.ratification.resolution.item
    type(item).objects.filter(pk=item.pk).update(is_exempt=True, exempt_paragraph=3)
    call_in_request(
        notice=ex_published,
        scrutiny_body=scrutiny_body,
        actor=scrutiny_member,
        reasons="The cost figures " + PART_II_MARKER,
        signatories="Cllr Ann Able\nCllr Ben Bold",
        on=date(2021, 12, 10),
    )
    public = client_for(None).get(ex_published.get_absolute_url())
    assert PART_II_MARKER not in public.text
    assert "stand outside the Alliance" not in public.text
    assert "Cllr Ann Able" in public.text
