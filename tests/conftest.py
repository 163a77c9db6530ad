"""Fixtures shared by every test folder: the cast of users, the browser, and the records that
tests in more than one folder build on. Each fixture name is defined once in the whole tree
(tests/test_fixture_names.py checks); record builders are plain functions in tests/factories.py.
"""

from __future__ import annotations

import io
import os
from datetime import UTC, date, datetime, timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from weasyprint import HTML

from decisions.models import Resolution
from decisions.services.ratifications import ratification_route
from decisions.services.resolutions import resolution_record
from governance.models import (
    Body,
    Membership,
    Organisation,
    Partnership,
    PartnershipMember,
    Person,
    RoleAssignment,
)
from meetings.models import AgendaItem, Meeting, Report
from meetings.services import reports as report_services
from tests.factories import (
    LONDON,
    PART_II_MARKER,
    PART_TWO_TEXT,
    RATIFICATION_DAY,
    all_present,
    approve_terms,
    make_meeting,
    make_report,
    make_resolution,
    make_user,
    report_fields,
    seat,
)

# The cast ------------------------------------------------------------------------------------


@pytest.fixture
def council(db) -> Organisation:
    return Organisation.objects.create(
        name="Nottinghamshire County Council",
        short_name="Notts CC",
        slug="nottinghamshire-county-council",
        kind=Organisation.Kind.LOCAL_AUTHORITY,
    )


@pytest.fixture
def trust(db) -> Organisation:
    return Organisation.objects.create(
        name="Sherwood Forest Hospitals NHS Foundation Trust",
        short_name="SFH",
        slug="sherwood-forest-hospitals",
        kind=Organisation.Kind.NHS_TRUST,
        ods_code="RK5",
    )


@pytest.fixture
def body(council) -> Body:
    return Body.objects.create(
        name="Adult Social Care and Public Health Committee",
        short_name="ASCPH",
        slug="adult-social-care-and-public-health-committee",
        kind=Body.Kind.COMMITTEE,
        organisation=council,
    )


@pytest.fixture
def scrutiny_body(council) -> Body:
    return Body.objects.create(
        name="Health Scrutiny Committee",
        short_name="HSC",
        slug="health-scrutiny-committee",
        kind=Body.Kind.SCRUTINY_COMMITTEE,
        organisation=council,
    )


@pytest.fixture
def admin_user(db):
    return make_user("admin", is_superuser=True, is_staff=True)


@pytest.fixture
def clerk(body):
    user = make_user("clerk", first_name="Jo", last_name="Toomey")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=body)
    return user


@pytest.fixture
def member(body, council):
    user = make_user("member", first_name="Muriel", last_name="Weisz")
    person = Person.objects.create(
        name="Muriel Weisz", slug="muriel-weisz", honorific="Councillor", user=user
    )
    Membership.objects.create(
        body=body, person=person, representing=council, start=date(2017, 5, 4)
    )
    return user


@pytest.fixture
def governance_lead(trust):
    user = make_user("lead", first_name="Gina", last_name="Lead")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.GOVERNANCE_LEAD, organisation=trust
    )
    return user


@pytest.fixture
def officer(council):
    user = make_user("officer", first_name="Olu", last_name="Officer")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.OFFICER, organisation=council
    )
    return user


@pytest.fixture
def scrutiny_member(scrutiny_body):
    user = make_user("scrutiny", first_name="Sam", last_name="Scrutineer")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.SCRUTINY_MEMBER, body=scrutiny_body
    )
    return user


@pytest.fixture
def outsider(db):
    return make_user("outsider", first_name="Otto", last_name="Outsider")


@pytest.fixture
def client_for(client):
    """A test client signed in as the given user (or anonymous for None)."""

    def _client(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return _client


# Isolation and helpers ---------------------------------------------------------------------


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test stores files (uploads, packs) in a folder of its own, gone afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def viewer(request):
    """Resolve a viewer's fixture name to the user (None for the public)."""

    def _viewer(name: str | None):
        return None if name is None else request.getfixturevalue(name)

    return _viewer


@pytest.fixture
def demo(db):
    """The demo data set, loaded through the services."""
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def live_demo(transactional_db):
    """The demo data set, committed, for tests that drive the browser against the live server."""
    call_command("load_demo", stdout=io.StringIO())


# The browser: Debian's Chromium driven by Playwright against the live server, and axe -----

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser_instance():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django must allow ORM calls from the test.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser_instance, live_server):
    context = browser_instance.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def sign_in(page, live_server):
    """Sign a user in without the form, by planting a session cookie."""

    def _sign_in(user):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        page.context.add_cookies(
            [
                {
                    "name": django_settings.SESSION_COOKIE_NAME,
                    "value": session.session_key,
                    "url": live_server.url,
                }
            ]
        )
        return page

    return _sign_in


@pytest.fixture
def assert_accessible():
    """Run axe-core on the page; fail on any WCAG 2.2 A or AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def _check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        assert not violations, results.generate_report()

    return _check


# A committee's meeting with members seated, and resolutions at it ------------------------


@pytest.fixture
def seats(body, council, member):
    """The chair, the vice-chair, Muriel Weisz (the `member` user) and two more councillors."""
    chair = seat(body, "Sue Harper", council, role=Membership.Role.CHAIR)
    vice = seat(body, "Boyd Elliott", council, role=Membership.Role.VICE_CHAIR)
    doddy = seat(body, "John Doddy", council)
    sissons = seat(body, "Andy Sissons", council)
    weisz = Membership.objects.get(body=body, person__name="Muriel Weisz")
    return {"chair": chair, "vice": vice, "doddy": doddy, "sissons": sissons, "weisz": weisz}


@pytest.fixture
def terms(body):
    return approve_terms(body, quorum=3)


@pytest.fixture
def meeting(body, seats, terms) -> Meeting:
    """11 January 2021, agenda published (items 3 Part I, 4 Part II), not yet held."""
    return make_meeting(body, date(2021, 1, 11))


@pytest.fixture
def held(meeting, seats, clerk) -> Meeting:
    """The 11 January 2021 meeting with every member present, so held."""
    all_present(meeting, seats, clerk)
    assert meeting.status == Meeting.Status.HELD
    return meeting


@pytest.fixture
def business(held) -> AgendaItem:
    """Item 3 of the held meeting (Part I)."""
    return held.items.get(position=3)


@pytest.fixture
def exempt(held) -> AgendaItem:
    """Item 4 of the held meeting (Part II, paragraph 3)."""
    return held.items.get(position=4)


@pytest.fixture
def other_body(council) -> Body:
    return Body.objects.create(
        name="Health and Wellbeing Board",
        short_name="HWB",
        slug="health-and-wellbeing-board",
        kind=Body.Kind.BOARD,
        organisation=council,
    )


@pytest.fixture
def record(clerk):
    """Record a resolution with sensible defaults."""

    def _record(item: AgendaItem, **kwargs) -> Resolution:
        kwargs.setdefault("kind", Resolution.Kind.DECISION)
        kwargs.setdefault("parts", "1) To note the report.\n2) To ask for an update.")
        kwargs.setdefault("actor", clerk)
        return resolution_record(item=item, **kwargs)

    return _record


# A partnership's agreement in principle, routed for ratification --------------------------


@pytest.fixture
def partnership(council, trust) -> Partnership:
    alliance = Partnership.objects.create(
        name="Wiltshire Alliance",
        short_name="Alliance",
        slug="wiltshire-alliance",
        level=Partnership.Level.PLACE,
    )
    for organisation in (council, trust):
        PartnershipMember.objects.create(
            partnership=alliance, organisation=organisation, joined=date(2020, 4, 1)
        )
    return alliance


@pytest.fixture
def icb(partnership) -> Organisation:
    organisation = Organisation.objects.create(
        name="BSW Integrated Care Board",
        short_name="BSW ICB",
        slug="bsw-icb",
        kind=Organisation.Kind.ICB,
    )
    PartnershipMember.objects.create(
        partnership=partnership, organisation=organisation, joined=date(2020, 4, 1)
    )
    return organisation


@pytest.fixture
def former_member(partnership) -> Organisation:
    organisation = Organisation.objects.create(
        name="Wiltshire CCG", short_name="CCG", slug="wiltshire-ccg", kind=Organisation.Kind.OTHER
    )
    PartnershipMember.objects.create(
        partnership=partnership,
        organisation=organisation,
        joined=date(2020, 4, 1),
        left=date(2022, 6, 30),
    )
    return organisation


@pytest.fixture
def cabinet(council) -> Body:
    cabinet = Body.objects.create(
        name="Cabinet",
        short_name="Cabinet",
        slug="cabinet",
        kind=Body.Kind.CABINET,
        organisation=council,
    )
    council.ratifying_body = cabinet
    council.save()
    return cabinet


@pytest.fixture
def alliance_board(partnership) -> Body:
    return Body.objects.create(
        name="Wiltshire Alliance Board",
        short_name="WAB",
        slug="wiltshire-alliance-board",
        kind=Body.Kind.BOARD,
        partnership=partnership,
    )


@pytest.fixture
def board_clerk(alliance_board):
    user = make_user("boardclerk", first_name="Bea", last_name="Clerk")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=alliance_board)
    return user


@pytest.fixture
def council_lead(council):
    user = make_user("councillead", first_name="Carl", last_name="Lead")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.GOVERNANCE_LEAD, organisation=council
    )
    return user


@pytest.fixture
def icb_lead(icb):
    user = make_user("icblead", first_name="Ivy", last_name="Lead")
    RoleAssignment.objects.create(
        user=user, role=RoleAssignment.Role.GOVERNANCE_LEAD, organisation=icb
    )
    return user


@pytest.fixture
def agreement(alliance_board) -> Resolution:
    """An agreement in principle of the Alliance Board, awaiting ratification."""
    return make_resolution(alliance_board)


@pytest.fixture
def due() -> date:
    return RATIFICATION_DAY + timedelta(weeks=8)


@pytest.fixture
def routed(agreement, council, trust, icb, cabinet, admin_user, due) -> Resolution:
    """The agreement routed to the council (Cabinet), the trust and the ICB."""
    ratification_route(
        resolution=agreement,
        routes=[(council, None, due), (trust, None, due), (icb, None, due)],
        actor=admin_user,
    )
    return agreement


# Reports with files, Part I and Part II ----------------------------------------------------


@pytest.fixture(scope="session")
def pdf_bytes() -> bytes:
    return HTML(string="<p>Appendix: winter plan</p>").write_pdf()


@pytest.fixture
def pdf_upload(pdf_bytes):
    def _upload(name: str = "winter-plan.pdf") -> SimpleUploadedFile:
        return SimpleUploadedFile(name, pdf_bytes, content_type="application/pdf")

    return _upload


@pytest.fixture
def reports_meeting(body) -> Meeting:
    """8 February 2021, agenda published, no items yet: the reports tests add their own."""
    return Meeting.objects.create(
        body=body,
        start=datetime(2021, 2, 8, 14, 0, tzinfo=LONDON),
        venue="County Hall, West Bridgford",
        status=Meeting.Status.AGENDA_PUBLISHED,
        agenda_published_at=timezone.make_aware(datetime(2021, 1, 28, 9, 0), LONDON),
    )


@pytest.fixture
def part_one_item(reports_meeting) -> AgendaItem:
    return AgendaItem.objects.create(
        meeting=reports_meeting, position=5, title="Winter plan", purpose="decision"
    )


@pytest.fixture
def exempt_item(reports_meeting) -> AgendaItem:
    return AgendaItem.objects.create(
        meeting=reports_meeting,
        position=6,
        title="Care home contract award",
        purpose="decision",
        is_exempt=True,
        exempt_paragraph=3,
    )


@pytest.fixture
def part_one_report(part_one_item) -> Report:
    return Report.objects.create(item=part_one_item, **report_fields())


@pytest.fixture
def exempt_report(exempt_item, pdf_upload, admin_user) -> Report:
    report = Report.objects.create(
        item=exempt_item, **report_fields(title="Contract award", information=PART_TWO_TEXT)
    )
    # Published agenda: adding a file is a revision.
    report_services.attachment_add(
        report=report,
        upload=pdf_upload("bid.pdf"),
        title="Confidential bid evaluation",
        actor=admin_user,
        revision_summary="Bid evaluation added",
    )
    return report


def pytest_collection_modifyitems(items):
    """Every test that drives the browser is marked `browser`, so `-m "not browser"` skips them."""
    for item in items:
        if "page" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def pack_meeting(body, council, member) -> Meeting:
    """Eight items: standing ones without papers, three reports of different lengths, and a
    Part II report carrying a marker that must never reach the public."""
    meeting = Meeting.objects.create(
        body=body,
        start=datetime(2021, 2, 8, 14, 0, tzinfo=UTC),
        venue="County Hall, West Bridgford",
        agenda_published_at=timezone.now(),
        pack_version=1,
    )
    chair = Person.objects.create(name="Tony Harper", slug="tony-harper", honorific="Councillor")
    Membership.objects.create(
        body=body, person=chair, role=Membership.Role.CHAIR, representing=council,
        start=date(2017, 5, 4),
    )  # fmt: skip
    specs = [
        ("Minutes of the last meeting", AgendaItem.Kind.MINUTES, None),
        ("Apologies for absence", AgendaItem.Kind.APOLOGIES, None),
        ("Declarations of interest", AgendaItem.Kind.DECLARATIONS, None),
        ("Better Care Fund plan", AgendaItem.Kind.BUSINESS, ("Better Care Fund Plan 2021", 9)),
        ("Winter pressures", AgendaItem.Kind.BUSINESS, ("Winter Pressures Update", 2)),
        ("Public health grant", AgendaItem.Kind.BUSINESS, ("Public Health Grant Allocation", 14)),
        ("Work programme", AgendaItem.Kind.WORK_PROGRAMME, None),
    ]
    for position, (title, kind, report) in enumerate(specs, start=1):
        item = AgendaItem.objects.create(
            meeting=meeting, position=position, title=title, kind=kind,
            purpose=AgendaItem.Purpose.DECISION if report else "",
        )  # fmt: skip
        if report:
            make_report(item, *report)
    exempt = AgendaItem.objects.create(
        meeting=meeting, position=8, title="Care home contract award", is_exempt=True,
        exempt_paragraph=3, purpose=AgendaItem.Purpose.DECISION,
    )  # fmt: skip
    make_report(exempt, "Care Home Contract Award Evaluation", 4, marker=PART_II_MARKER)
    return meeting
