"""Changing a published forward plan entry and correcting a decision notice: each change kept
in the history with its reason, a stale form refused, only the organisation's leads."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from decisions.services.executive import decision_notice_correct, forward_plan_update
from tests.stale_helpers import STALE, assert_refused, hidden

pytestmark = pytest.mark.django_db


def _entry_fields(entry, **changes) -> dict:
    fields = {
        name: getattr(entry, name)
        for name in (
            "title",
            "decision_maker_body",
            "decision_maker_role",
            "is_key_decision",
            "expected_on",
            "month_only",
            "in_private",
            "exempt_paragraph",
            "private_reason",
            "documents",
            "lead_officer",
            "representations",
            "urgency",
            "urgency_reason",
            "scrutiny_chair",
            "scrutiny_agreed_on",
            "resolution",
        )
    }
    return {**fields, **changes}


# Services


def test_a_change_to_an_entry_is_kept_in_its_history_with_the_reason(ex_entry, council_lead):
    changed = forward_plan_update(
        entry=ex_entry,
        actor=council_lead,
        expected_version=ex_entry.version,
        reason="The Cabinet meeting moved a week.",
        **_entry_fields(ex_entry, expected_on=date(2021, 12, 15)),
    )
    assert changed.expected_on == date(2021, 12, 15)
    assert changed.first_published == ex_entry.first_published
    latest = changed.history.first()
    assert latest.history_user == council_lead
    assert latest.history_change_reason == "Changed: The Cabinet meeting moved a week."
    assert changed.history.last().expected_on == ex_entry.expected_on


def test_an_entry_moved_inside_its_28_clear_days_is_refused(ex_entry, council_lead):
    with pytest.raises(ValidationError) as refused:
        forward_plan_update(
            entry=ex_entry,
            actor=council_lead,
            expected_version=ex_entry.version,
            reason="Sooner.",
            **_entry_fields(ex_entry, expected_on=date(2021, 12, 7)),
        )
    assert "may be taken from 8 December 2021" in str(refused.value)
    ex_entry.refresh_from_db()
    assert ex_entry.expected_on == date(2021, 12, 8)


def test_a_stale_entry_form_and_a_missing_reason_are_refused(ex_entry, council_lead):
    with pytest.raises(ValidationError, match="reload the page"):
        forward_plan_update(
            entry=ex_entry,
            actor=council_lead,
            expected_version=ex_entry.version - 1,
            reason="Typo.",
            **_entry_fields(ex_entry, title="Changed"),
        )
    with pytest.raises(ValidationError) as refused:
        forward_plan_update(
            entry=ex_entry,
            actor=council_lead,
            expected_version=ex_entry.version,
            reason=" ",
            **_entry_fields(ex_entry, title="Changed"),
        )
    assert "reason" in refused.value.error_dict
    ex_entry.refresh_from_db()
    assert ex_entry.title == "Ratify the Alliance Memorandum of Understanding"


def test_an_entry_whose_notice_is_published_stands_as_it_was(ex_published, council_lead):
    entry = ex_published.forward_plan_entry
    with pytest.raises(ValidationError, match="correct the decision notice instead"):
        forward_plan_update(
            entry=entry,
            actor=council_lead,
            expected_version=entry.version,
            reason="Typo.",
            **_entry_fields(entry, title="Changed"),
        )


def test_only_the_organisations_leads_change_its_plan_and_notices(
    ex_published, governance_lead, scrutiny_member
):
    entry = ex_published.forward_plan_entry
    for someone in (governance_lead, scrutiny_member):
        with pytest.raises(PermissionDenied):
            forward_plan_update(
                entry=entry,
                actor=someone,
                expected_version=entry.version,
                reason="x",
                **_entry_fields(entry),
            )
        with pytest.raises(PermissionDenied):
            decision_notice_correct(
                notice=ex_published,
                actor=someone,
                expected_version=ex_published.version,
                reason="x",
                title="x",
            )


def test_a_notice_correction_keeps_its_clock_and_is_in_its_history(ex_published, council_lead):
    corrected = decision_notice_correct(
        notice=ex_published,
        actor=council_lead,
        expected_version=ex_published.version,
        reason="The reasons left out the pooled budget.",
        reasons="It sets out how the partners work together, and pool no budget.",
    )
    assert corrected.reasons.endswith("pool no budget.")
    assert corrected.call_in_deadline == ex_published.call_in_deadline
    assert corrected.takes_effect_on == ex_published.takes_effect_on
    assert (
        corrected.history.first().history_change_reason
        == "Corrected: The reasons left out the pooled budget."
    )
    assert corrected.history.last().reasons == ex_published.reasons
    with pytest.raises(ValidationError, match="reload the page"):
        decision_notice_correct(
            notice=ex_published,
            actor=council_lead,
            expected_version=ex_published.version,
            reason="Again.",
            title="Another title",
        )


# Pages


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 302), ("outsider", 403), ("governance_lead", 403), ("council_lead", 200)],
)
def test_who_may_open_the_edit_pages(client_for, viewer, ex_entry, ex_published, who, status):
    client = client_for(viewer(who))
    assert client.get(reverse("decisions:notice_edit", args=[ex_published.pk])).status_code == (
        status
    )
    entry_page = client.get(reverse("decisions:forward_plan_edit", args=[ex_entry.pk]))
    assert entry_page.status_code == status


def test_the_notice_form_corrects_and_refuses_a_stale_copy(client_for, council_lead, ex_published):
    client = client_for(council_lead)
    url = reverse("decisions:notice_edit", args=[ex_published.pk])
    opened = client.get(url)
    posted = {
        "version": hidden(opened, "version"),
        "title": "Alliance MoU ratified by Cabinet",
        "decision": ex_published.decision,
        "reasons": ex_published.reasons,
        "alternatives": ex_published.alternatives,
        "interests": "",
        "reason": "A shorter title.",
    }
    saved = client.post(url, posted)
    assert saved.status_code == 302
    page = client.get(ex_published.get_absolute_url()).text
    assert "Alliance MoU ratified by Cabinet" in page
    again = client.post(url, {**posted, "title": "A third title"})
    assert_refused(again, "A third title", STALE)


def test_the_entry_form_shows_the_28_day_refusal_and_keeps_what_was_typed(
    client_for, council_lead, ex_entry
):
    client = client_for(council_lead)
    url = reverse("decisions:forward_plan_edit", args=[ex_entry.pk])
    opened = client.get(url)
    assert "First published on 9 November 2021" in opened.text
    response = client.post(
        url,
        {
            "version": hidden(opened, "version"),
            "title": "Ratify the Alliance MoU",
            "decision_maker_body": ex_entry.decision_maker_body_id,
            "is_key_decision": "on",
            "expected_on_day": "1",
            "expected_on_month": "12",
            "expected_on_year": "2021",
            "lead_officer": ex_entry.lead_officer,
            "representations": ex_entry.representations,
            "resolution": ex_entry.resolution_id,
            "reason": "Brought forward.",
        },
    )
    assert_refused(response, "Ratify the Alliance MoU", "may be taken from 8 December 2021")
