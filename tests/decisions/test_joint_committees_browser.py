"""Issue 15 item 2 in a real browser on the demo data: at the ICB board's meeting held in
common with the Health and Wellbeing Board, the board's clerk records its own attendance and
resolutions; a joint committee's binding decision names the organisations it binds, and its
terms of reference say so. Zero axe violations at 1280 px and 390 px, no sideways scroll."""

from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from decisions.demo_in_common import START as IN_COMMON_START
from decisions.models import Resolution
from decisions.services.resolutions import resolution_record
from governance.models import Body, Partnership, RoleAssignment
from governance.models.terms import JointDecisions
from meetings.models import Meeting
from tests.factories import all_present, approve_terms, item, make_meeting, make_user, seat

NARROW = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 720}
SHOTS = Path("/tmp/shots-joint")


def _check(page, path: str, expected: str, assert_accessible, name: str) -> None:
    page.set_viewport_size(WIDE)
    response = page.goto(path)
    assert response.status == 200, path
    assert expected in page.inner_text("body"), path
    assert_accessible(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-1280.png"), full_page=True)
    page.set_viewport_size(NARROW)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], path
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / f"{name}-390.png"), full_page=True)


def test_a_sitting_bodys_clerk_records_for_it(page, live_demo, sign_in, assert_accessible):
    meeting = Meeting.objects.get(body__slug="bsw-icb-board", start=IN_COMMON_START)
    hwb = Body.objects.get(slug="wiltshire-health-and-wellbeing-board")
    clerk = make_user("hwbclerk")
    RoleAssignment.objects.create(user=clerk, role=RoleAssignment.Role.CLERK, body=hwb)
    sign_in(clerk)
    _check(page, meeting.get_absolute_url(), "Held in common by", assert_accessible, "meeting")
    links = page.get_by_role("link", name="Correct the attendance")
    assert links.count() == 1
    assert "Health and Wellbeing Board" in links.first.inner_text()
    attendance = reverse("meetings:attendance_for", args=[meeting.pk, hwb.slug])
    _check(page, attendance, "Held in common", assert_accessible, "attendance")
    page.get_by_role("button", name="Save attendance").click()
    assert "Attendance of the Wiltshire Health and Wellbeing Board recorded" in page.inner_text(
        "body"
    )
    first = meeting.items.order_by("position").first()
    new = reverse("decisions:resolution_new", args=[meeting.pk, first.position])
    _check(page, new, "Which body made this resolution?", assert_accessible, "resolution")


def test_a_joint_committees_binding_decision(page, live_demo, assert_accessible):
    alliance = Partnership.objects.get(slug="wiltshire-alliance")
    committee = Body.objects.create(
        name="Wiltshire Joint Commissioning Committee", short_name="WJCC",
        slug="wiltshire-joint-commissioning", kind=Body.Kind.JOINT_COMMITTEE,
        partnership=alliance,
    )  # fmt: skip
    terms = approve_terms(committee, quorum=2)
    terms.joint_decisions, terms.joint_decisions_paragraph = JointDecisions.BINDING, "7.2"
    terms.save()
    meeting = make_meeting(committee, date(2024, 5, 1))
    all_present(meeting, {n: seat(committee, n) for n in ("Ann Ash", "Bob Birch")}, None)
    decision = resolution_record(
        item=item(meeting, 3), kind=Resolution.Kind.DECISION, parts="Commissions it.", actor=None
    )
    _check(page, decision.get_absolute_url(), "Binding on", assert_accessible, "binding")
    _check(page, terms.get_absolute_url(), "directly (paragraph 7.2)", assert_accessible, "terms")


pytestmark = pytest.mark.browser
