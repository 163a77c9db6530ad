"""Issue 5's journey in a real browser: a clerk records an agreement in principle and routes it
to three sovereign organisations; three governance leads record ratified, ratified with
amendment and rejected; the resolution's status follows each step; a scrutiny councillor then
follows the trail with its change history. Zero axe violations on every page."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from decisions.models import Resolution
from governance.models import Body, Organisation, Partnership, PartnershipMember, RoleAssignment
from meetings.models import Meeting
from tests.browser_forms import fill_date
from tests.factories import all_present, make_meeting, make_user, seat


def _lead(username: str, organisation: Organisation):
    user = make_user(username, first_name=username.title(), last_name="Lead")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.GOVERNANCE_LEAD, organisation=organisation
    )
    return user


@pytest.mark.django_db(transaction=True)
def test_agreement_in_principle_is_ratified_by_its_sovereign_organisations(
    page, sign_in, assert_accessible, council, trust, scrutiny_member
):
    icb = Organisation.objects.create(
        name="NHS Bath and North East Somerset, Swindon and Wiltshire ICB",
        short_name="BSW ICB",
        slug="bsw-icb",
        kind=Organisation.Kind.ICB,
    )
    alliance = Partnership.objects.create(
        name="Wiltshire Alliance", short_name="WICA", slug="wiltshire-alliance", level="place"
    )
    for organisation in (council, trust, icb):
        PartnershipMember.objects.create(
            partnership=alliance, organisation=organisation, joined=date(2022, 7, 1)
        )
    board = Body.objects.create(
        name="Wiltshire Integrated Care Alliance",
        short_name="WICA",
        slug="wica",
        kind=Body.Kind.BOARD,
        partnership=alliance,
    )
    clerk = make_user("alliance-clerk", first_name="Alex", last_name="Clerk")
    RoleAssignment.objects.create(user=clerk, role=RoleAssignment.Role.CLERK, body=board)
    seats = {
        "chair": seat(board, "Richard Clewer", council, role="chair"),
        "icb": seat(board, "Stephanie Elsy", icb),
    }
    meeting = make_meeting(board, date(2022, 9, 6))
    all_present(meeting, seats, clerk)
    assert meeting.status == Meeting.Status.HELD
    leads = {
        org: _lead(name, org) for name, org in [("cara", council), ("tom", trust), ("ivy", icb)]
    }

    sign_in(clerk)
    page.goto(f"/meetings/{meeting.pk}/items/3/resolutions/new/")
    assert_accessible(page)
    page.get_by_label("Agreement in principle (to ratify)").check()
    page.get_by_label("Numbered parts").fill(
        "Agrees in principle to adopt the Memorandum of Understanding.\n"
        "Refers it to the partners' sovereign organisations for ratification."
    )
    page.get_by_role("button", name="Record resolution").click()
    resolution = Resolution.objects.get()
    assert resolution.status == Resolution.Status.TO_ROUTE

    page.goto(f"/decisions/{resolution.pk}/ratifications/route/")
    assert_accessible(page)
    page.get_by_role("button", name="Route for ratification").click()
    assert resolution.ratifications.count() == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in leads.values())
    assert_accessible(page)

    amendment = "Pooled budgets to be agreed by each partner's own board."
    reason = "The Trust Board wants a fuller financial appraisal."
    steps = [
        (council, "Ratified", {}, Resolution.Status.AWAITING_RATIFICATION),
        (icb, "Ratified with amendment", {"Amendment (optional)": amendment},
         Resolution.Status.AWAITING_RATIFICATION),
        (trust, "Rejected", {"Reason (optional)": reason},
         Resolution.Status.REJECTED),
    ]  # fmt: skip
    for number, (organisation, outcome, extra, expected) in enumerate(steps, start=1):
        page.context.clear_cookies()
        sign_in(leads[organisation])
        ratification = resolution.ratifications.get(organisation=organisation)
        page.goto(f"/decisions/{resolution.pk}/ratifications/{ratification.pk}/outcome/")
        assert_accessible(page)
        page.get_by_label(outcome, exact=True).check()
        if outcome != "Rejected":
            page.get_by_label("Your minute reference").fill(f"MIN/22/{number}")
        fill_date(page, "Date decided", f"2022-10-{10 + number}")
        for label, text in extra.items():
            page.get_by_role("textbox", name=label).fill(text)
        page.get_by_role("button", name="Record the outcome").click()
        resolution.refresh_from_db()
        assert resolution.status == expected, outcome
        page.goto(f"/decisions/{resolution.pk}/")
        assert resolution.get_status_display() in page.locator("main").inner_text()
        assert_accessible(page)

    page.context.clear_cookies()
    sign_in(scrutiny_member)
    page.goto(f"/decisions/{resolution.pk}/")
    main = page.locator("main").inner_text()
    for expected in [
        "Agrees in principle to adopt the Memorandum of Understanding.",
        "Richard Clewer",
        "MIN/22/1",
        amendment,
        reason,
    ]:
        assert expected in main, expected
    assert page.locator("details").count() >= 4
    page.locator("details summary").first.click()
    assert_accessible(page)
