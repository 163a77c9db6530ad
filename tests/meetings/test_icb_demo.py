"""The demo's ICB board meeting takes a private session under NHS rules (issue 15 item 1)."""

from __future__ import annotations

from decisions.demo_in_common import START as IN_COMMON_START
from meetings.demo_icb import MANAGED_BY, MANAGEMENT, PRIVATE_REASON, START
from meetings.models import Meeting
from meetings.pdf import render_minutes
from tests.factories import pdf_text


def test_the_icb_board_meeting_has_a_private_session_under_nhs_rules(demo, client):
    meeting = Meeting.objects.get(body__slug="bsw-icb-board", start=START)
    html = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert f"Private on public-interest grounds: {PRIVATE_REASON}" in html
    assert "prejudicial to the public interest" in html
    assert "Schedule 12A" not in html


def test_the_icb_board_minutes_record_how_a_conflict_was_managed(demo, client):
    meeting = Meeting.objects.get(body__slug="bsw-icb-board", start=START)
    html = client.get(f"/meetings/{meeting.pk}/").content.decode()
    # The declaration is on the Part II item: the public see who managed it, not why.
    assert f"Conflict managed by {MANAGED_BY}" in html
    assert MANAGEMENT not in html
    members = pdf_text(render_minutes(meeting, "members")[0])
    assert "received none of its papers" in members


def test_the_alliance_framework_shows_the_icb_winter_plan_assurance(demo, client):
    html = client.get("/partnerships/wiltshire-alliance/assurance/").content.decode()
    assert "Winter plan: system resilience update" in html
    assert "Limited assurance" in html and "Reasonable assurance" in html
    assert "No assurance recorded" in html  # the winter risks nobody has reported on


def test_the_demo_holds_a_meeting_in_common_of_two_bodies(demo, client):
    meeting = Meeting.objects.get(body__slug="bsw-icb-board", start=IN_COMMON_START)
    assert [b.slug for b in meeting.bodies_in_common.all()] == [
        "wiltshire-health-and-wellbeing-board"
    ]
    by_body = {r.body.slug: r.reference for r in meeting.resolutions.select_related("body")}
    assert set(by_body) == {"bsw-icb-board", "wiltshire-health-and-wellbeing-board"}
    html = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Held in common by" in html
    icb = html[html.index('data-body="bsw-icb-board"') :]
    icb = icb[: icb.index('data-body="wiltshire-health-and-wellbeing-board"')]
    assert "Quorate" in icb
