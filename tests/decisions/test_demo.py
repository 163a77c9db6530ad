"""load_demo builds the seeds' decision trail, and a second run changes nothing."""

from __future__ import annotations

import re
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from govuk_bank_holidays.bank_holidays import BankHolidays

from decisions.models import (
    Action,
    ActionNote,
    DecisionNotice,
    ForwardPlanEntry,
    NamedVote,
    Ratification,
    Resolution,
    ScrutinyRecommendation,
)
from governance.models import Body, Organisation
from meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
DECISION_MODELS = [Resolution, NamedVote, Ratification, Action, ActionNote, ScrutinyRecommendation]
ASCPH = "adult-social-care-and-public-health-committee"
Outcome = Ratification.Status


def _counts() -> list[int]:
    """Rows and history rows of the decision models, and the rows this loader adds elsewhere."""
    return (
        [model.objects.count() for model in DECISION_MODELS]
        + [model.history.count() for model in DECISION_MODELS]
        + [model.objects.count() for model in [Meeting, AgendaItem, Body]]
        + [model.history.count() for model in [Meeting, AgendaItem, Body, Organisation]]
    )


def _wica() -> Resolution:
    return Resolution.objects.get(body__slug="wiltshire-integrated-care-alliance", year=2022)


def _icp() -> Resolution:
    return Resolution.objects.get(body__slug="hw-icp-assembly", year=2022)


def test_a_second_run_creates_and_changes_nothing(demo):
    first = _counts()
    call_command("load_demo")
    assert _counts() == first
    for model in DECISION_MODELS:
        assert not model.history.filter(history_user__isnull=False).exists()


def test_every_demo_record_is_valid(demo):
    for model in DECISION_MODELS:
        for obj in model.objects.all():
            # A demo note has no author (like the demo's history rows); the model's nullable
            # written_by is not marked blank, so full_clean would ask for one.
            obj.full_clean(exclude=["written_by"] if model is ActionNote else None)


def test_the_seven_resolutions_of_11_january_2021_with_their_parts(demo):
    resolutions = Resolution.objects.filter(body__slug=ASCPH, year=2021).order_by("number")
    assert [r.number for r in resolutions] == [1, 2, 3, 4, 5, 6, 7]
    assert [len(r.part_list) for r in resolutions] == [2, 3, 3, 1, 5, 1, 2]
    assert {r.meeting.date for r in resolutions} == {date(2021, 1, 11)}
    assert {r.status for r in resolutions} == {Resolution.Status.AGREED}
    by_number = {r.number: r for r in resolutions}
    assert str(by_number[2]) == "ASCPH 2021/002"
    assert [r.kind for r in resolutions] == [
        Resolution.Kind.DECISION,
        Resolution.Kind.DECISION,
        Resolution.Kind.DECISION,
        Resolution.Kind.NOTING,
        Resolution.Kind.DECISION,
        Resolution.Kind.NOTING,
        Resolution.Kind.DECISION,
    ]
    # Each resolution sits on the item whose minute records it.
    for r in resolutions:
        assert f"RESOLVED 2021/{r.number:03d}" in r.item.minute.text
        assert r.item.meeting == r.meeting
    assert by_number[2].item.title == "Contain Outbreak Management Fund"
    assert by_number[7].item.kind == AgendaItem.Kind.WORK_PROGRAMME
    assert by_number[2].part_list[0].startswith("Approves the use of the Contain Outbreak")
    assert "£6,625,792" in by_number[2].part_list[0]
    assert by_number[5].part_list[4] == "An equipment budget of £43,000."
    assert by_number[5].preamble.startswith("That Committee approves the establishment")
    assert not any(r.vote_taken for r in resolutions)


def test_the_action_arising_from_2021_002(demo):
    action = Action.objects.get(resolution__body__slug=ASCPH, resolution__number=2)
    assert action.description.startswith(
        "Requested that the Director of Public Health provide Committee Members with an e-mail "
        "update clarifying the message"
    )
    assert action.owner == "Jonathan Gribbin, Director of Public Health"
    assert action.item == action.resolution.item
    assert action.body.slug == ASCPH
    assert action.due_date > date(2021, 1, 11)
    assert action.status == Action.Status.DONE
    assert not action.is_overdue
    assert "Illustrative" in action.notes.get().text


def test_the_alliance_agreement_in_principle_and_its_four_ratifications(demo):
    resolution = _wica()
    assert str(resolution) == "WICA 2022/001"
    assert resolution.kind == Resolution.Kind.AGREEMENT_IN_PRINCIPLE
    assert resolution.status == Resolution.Status.AWAITING_RATIFICATION
    assert resolution.item.title == "Memorandum of Understanding and Collaboration Agreement"
    assert resolution.meeting.status == Meeting.Status.HELD
    assert resolution.meeting.is_published
    rows = {r.organisation.slug: r for r in resolution.ratifications.all()}
    assert {slug: r.status for slug, r in rows.items()} == {
        "wiltshire-council": Outcome.RATIFIED,
        "bsw-icb": Outcome.RATIFIED_WITH_AMENDMENT,
        "salisbury-nhs-foundation-trust": Outcome.SCHEDULED,
        "royal-united-hospitals-bath": Outcome.REQUESTED,
    }
    cabinet = rows["wiltshire-council"]
    assert cabinet.ratifying_body.slug == "wiltshire-cabinet"
    assert cabinet.minute_reference and cabinet.decided_on
    assert "Illustrative" in cabinet.note
    icb = rows["bsw-icb"]
    assert icb.ratifying_body.slug == "bsw-icb-board"
    assert icb.amendment
    assert rows["salisbury-nhs-foundation-trust"].scheduled_for
    assert rows["royal-united-hospitals-bath"].is_overdue
    for row in rows.values():
        assert row.due_date > resolution.meeting.date
        assert row.ratifying_body is not None
        if row.decided_on:
            assert resolution.meeting.date < row.decided_on


def test_the_trusts_ratify_through_their_own_boards(demo):
    for slug in ["salisbury-nhs-foundation-trust", "royal-united-hospitals-bath"]:
        trust = Organisation.objects.get(slug=slug)
        assert trust.ratifying_body.slug == f"{slug}-board"
        assert trust.ratifying_body.organisation == trust
        assert trust.ratifying_body.kind == Body.Kind.BOARD


def test_the_integrated_care_strategy_goes_to_both_health_and_wellbeing_boards(demo):
    resolution = _icp()
    assert resolution.kind == Resolution.Kind.AGREEMENT_IN_PRINCIPLE
    assert resolution.status == Resolution.Status.AWAITING_RATIFICATION
    assert "Integrated Care Strategy" in resolution.item.title
    # Seed 001: the ICP approves the Strategy by 31 December 2022.
    assert resolution.meeting.date <= date(2022, 12, 31)
    rows = {
        r.organisation.slug: (r.ratifying_body.slug, r.status)
        for r in resolution.ratifications.select_related("organisation", "ratifying_body")
    }
    assert rows == {
        "herefordshire-council": ("herefordshire-health-and-wellbeing-board", Outcome.RATIFIED),
        "worcestershire-county-council": (
            "worcestershire-health-and-wellbeing-board",
            Outcome.SCHEDULED,
        ),
    }


def test_the_demo_meetings_published_their_agendas_five_clear_working_days_before(demo):
    holidays = BankHolidays(use_cached_holidays=True)
    for resolution in [_wica(), _icp()]:
        meeting = resolution.meeting
        published = meeting.agenda_published_at.astimezone(LONDON).date()
        days = (published + timedelta(n) for n in range(1, (meeting.date - published).days))
        clear = sum(holidays.is_work_day(d, division=BankHolidays.ENGLAND_AND_WALES) for d in days)
        assert clear >= 5


def test_the_rapid_scrutiny_recommendations_await_responses_due_28_days_after(demo):
    recommendations = ScrutinyRecommendation.objects.filter(
        scrutiny_body__slug="wiltshire-health-select-committee"
    )
    assert recommendations.count() == 5
    for recommendation in recommendations:
        assert recommendation.sent_on == date(2022, 11, 1)
        assert recommendation.response_due == recommendation.sent_on + timedelta(days=28)
        # Seed 004 records no response to any of them.
        assert recommendation.status == ScrutinyRecommendation.Status.AWAITING_RESPONSE
        assert recommendation.responded_on is None
        assert recommendation.is_overdue
    to_icb = recommendations.filter(to_organisation__slug="bsw-icb")
    assert to_icb.count() == 3
    assert any("How the ICB will be proactive, open and transparent" in r.text for r in to_icb)


def test_wiltshire_cabinets_decisions_are_in_its_forward_plan_and_notices(demo, client):
    notices = DecisionNotice.objects.filter(organisation__slug="wiltshire-council")
    assert notices.count() == 2
    seed = notices.get(decided_on=date(2021, 11, 30))
    assert "Memorandum of Understanding (including a collaboration agreement)" in seed.decision
    assert seed.decision_maker == "Wiltshire Council Cabinet"
    assert seed.state() == "In effect"  # its call-in period passed in December 2021
    assert seed.forward_plan_entry.first_published == date(2021, 11, 1)
    assert seed.history.get().history_user.username == "lead"
    ratifying = notices.get(ratification__resolution=_wica())
    assert ratifying.has_taken_effect()
    trail = client.get(_wica().get_absolute_url()).text
    assert "In the forward plan: Wiltshire Council" in trail
    assert "Wiltshire Council&#x27;s decision took effect" in trail
    call_command("load_demo")
    assert ForwardPlanEntry.objects.count() == 2
    assert notices.count() == 2


def test_the_demo_history_is_dated_as_the_seeds_date_the_events(demo, client):
    """The 2022 agreement of the Wiltshire Alliance and its ratifications read as changed in
    2022 on the trail, not on the day the demo was loaded; each record's rows keep their order."""
    resolution = Resolution.objects.get(body__slug="wiltshire-integrated-care-alliance")
    assert {row.history_date.year for row in resolution.history.all()} == {2022}
    wiltshire = resolution.ratifications.get(organisation__slug="wiltshire-council")
    assert wiltshire.history.earliest("history_date").history_date.date() == date(2022, 10, 11)
    assert wiltshire.created.year == 2022
    meeting = resolution.meeting
    assert meeting.history.earliest("history_date").history_date == meeting.agenda_published_at
    for record in [resolution, wiltshire, meeting]:
        rows = list(record.history.order_by("history_date", "history_id"))
        assert rows == sorted(rows, key=lambda row: row.history_id)

    trail = client.get(resolution.get_absolute_url()).content.decode()
    changed_on = re.findall(r' on <time datetime="(\d{4})-', trail)
    assert changed_on and set(changed_on) == {"2022"}
    assert "Updated by System on <time" in trail or "Created by System on <time" in trail
