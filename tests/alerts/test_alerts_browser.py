"""Alerts in a real browser: a resident subscribes to a committee by email, confirms from the
link in the email, hears when the clerk publishes an agenda and unsubscribes in one click; a
councillor follows a decision and finds its outcome emails on "Emails we sent you". Every page
has zero axe violations, also at 390 px wide, where nothing scrolls sideways."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from alerts.models import Follow
from decisions.models import Ratification
from decisions.services.ratifications import ratification_record_outcome
from tests.factories import make_meeting, ratification_of

NARROW = {"width": 390, "height": 844}
RESIDENT = "resident@example.org"


def check(page, assert_accessible) -> None:
    """No axe violations at full width and at 390 px, where nothing scrolls sideways."""
    assert_accessible(page)
    wide = page.viewport_size
    page.set_viewport_size(NARROW)
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    page.set_viewport_size(wide)


def link_in(message, path: str) -> str:
    """The portal address in the email's text that starts with `path`, as a path."""
    return re.search(rf"https?://[^/\s]+({re.escape(path)}\S+)", message.body).group(1)


@pytest.mark.django_db(transaction=True)
def test_a_resident_subscribes_confirms_hears_of_an_agenda_and_unsubscribes(
    page, sign_in, assert_accessible, body, terms, clerk
):
    meeting = make_meeting(body, timezone.localdate() + timedelta(days=30), published=False)
    page.goto(body.get_absolute_url())
    page.get_by_role("link", name=re.compile("Get emails when")).click()
    page.get_by_label("Email address").fill(RESIDENT)
    check(page, assert_accessible)
    page.get_by_role("button", name="Send me a link").click()
    assert "Check your email" in page.content()
    [confirmation] = mail.outbox

    page.goto(link_in(confirmation, "/alerts/confirm/"))
    check(page, assert_accessible)
    page.get_by_role("button", name="Confirm").click()
    assert "You are subscribed" in page.content()
    check(page, assert_accessible)
    assert Follow.objects.of(body).get().email == RESIDENT

    sign_in(clerk)
    page.goto(meeting.get_absolute_url())
    page.get_by_role("link", name="Publish the agenda").click()
    page.get_by_role("button", name="Publish agenda").click()
    page.context.clear_cookies()
    [agenda] = [m for m in mail.outbox if m.subject.startswith("Agenda published")]
    assert agenda.to == [RESIDENT]
    assert "4. Care home fee negotiations (Part II" in agenda.body

    page.goto(link_in(agenda, "/alerts/unsubscribe/"))
    check(page, assert_accessible)
    page.get_by_role("button", name="Unsubscribe").click()
    check(page, assert_accessible)
    assert not Follow.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_councillor_follows_a_decision_and_sees_its_outcome_emails(
    page, sign_in, assert_accessible, member, routed, council, trust, admin_user
):
    sign_in(member)
    page.goto(routed.get_absolute_url())
    page.get_by_role("button", name=f"Follow {routed}").click()
    assert f"You follow {routed}" in page.content()
    for organisation in (council, trust):
        ratification_record_outcome(
            ratification=ratification_of(routed, organisation),
            outcome=Ratification.Status.RATIFIED, minute_reference="M/7",
            decided_on=date(2022, 1, 10), actor=admin_user, expected_version=1,
        )  # fmt: skip
    page.goto("/account/emails/")
    rows = page.locator("tbody tr")
    assert rows.count() == 2
    assert f"Sherwood Forest Hospitals NHS Foundation Trust: ratified – {routed}" in (
        rows.first.inner_text()
    )
    check(page, assert_accessible)
    page.goto("/account/following/")
    check(page, assert_accessible)
