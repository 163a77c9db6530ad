"""The access policy, kind by kind and role by role: what `decisions.access.withheld_fields`
withholds of the records of a Part II item, and which history pages answer at all."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from decisions.access import withheld_fields
from decisions.models import Action, ActionNote, Ratification, Resolution
from governance.access import CHANGE_REASON, all_fields
from governance.models import Body, Organisation, RoleAssignment
from ics_portal.common.changes import history_url
from ics_portal.common.records import save_record
from meetings.models import AgendaItem, AgendaRevision, Attachment, Meeting, Minute, Report
from tests.factories import make_user

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
# Who sees the Part II item's content, and who does not.
INSIDE = ("member", "clerk", "admin_user")
OUTSIDE = ("public", "policy_other_clerk", "other_officer", "scrutiny_member")
# What each kind keeps from those outside: the rest of its fields is withheld.
CONTENT = {
    "resolution": {"preamble", "parts", CHANGE_REASON},
    "ratification": {"amendment", "reason", "note", "minute_reference", CHANGE_REASON},
    "action": {"description", CHANGE_REASON},
    "note": {"text", "written_by_id", CHANGE_REASON},
    "revision": {"summary", "made_by_id", CHANGE_REASON},
}
WHOLE = ("report", "attachment", "approved_minute")


@pytest.fixture
def policy_other_clerk(council):
    other = Body.objects.create(
        name="Wirral Partnerships Committee",
        slug="wirral-pc",
        kind=Body.Kind.COMMITTEE,
        organisation=council,
    )
    user = make_user("otherclerk")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.CLERK, body=other)
    return user


@pytest.fixture
def other_officer(db):
    other = Organisation.objects.create(name="Wiltshire Council", slug="wiltshire-council")
    user = make_user("otherofficer")
    RoleAssignment.objects.create(user=user, role=RoleAssignment.Role.OFFICER, organisation=other)
    return user


@pytest.fixture
def public():
    return None


@pytest.fixture
def policy_records(body, council, clerk):
    """A held meeting of the body with a Part II item and every kind of record it has."""
    meeting = Meeting.objects.create(
        body=body,
        start=datetime(2021, 2, 8, 10, 30, tzinfo=LONDON),
        venue="County Hall",
        status=Meeting.Status.HELD,
        agenda_published_at=datetime(2021, 1, 29, 16, tzinfo=LONDON),
    )
    item = AgendaItem.objects.create(
        meeting=meeting, position=1, title="Care home contract", is_exempt=True, exempt_paragraph=3
    )
    report = Report.objects.create(
        item=item, title="Terms", purpose="P", recommendations="R", information="I", author="A"
    )
    attachment = Attachment.objects.create(
        report=report,
        title="Appendix",
        file="attachments/a.pdf",
        original_name="a.pdf",
        mime_type="application/pdf",
        size=1,
        sha512="0" * 128,
    )
    resolution = Resolution.objects.create(
        body=body, year=2021, number=1, meeting=meeting, item=item, parts="Award"
    )
    action = Action.objects.create(
        body=body, resolution=resolution, item=item, description="Do", owner="D",
        due_date=date(2021, 3, 1),
    )  # fmt: skip
    return {
        "resolution": resolution,
        "ratification": Ratification.objects.create(
            resolution=resolution, organisation=council, due_date=date(2021, 4, 1)
        ),
        "action": action,
        "note": ActionNote.objects.create(action=action, text="Met", written_by=clerk),
        "revision": AgendaRevision.objects.create(item=item, summary="Revised", made_by=clerk),
        "report": report,
        "attachment": attachment,
        "minute": Minute.objects.create(item=item, text="Agreed"),
    }


def _approve(minute: Minute, body) -> None:
    later = Meeting.objects.create(
        body=body, start=datetime(2021, 3, 29, tzinfo=LONDON), venue="Hall",
        status=Meeting.Status.HELD, agenda_published_at=datetime(2021, 3, 1, tzinfo=LONDON),
    )  # fmt: skip
    at = AgendaItem.objects.create(
        meeting=later, position=1, title="Minutes", kind=AgendaItem.Kind.MINUTES
    )
    Meeting.objects.filter(pk=minute.item.meeting_id).update(
        minutes_approved_at=at, status=Meeting.Status.MINUTES_APPROVED
    )
    minute.item.meeting.refresh_from_db()


@pytest.mark.parametrize("who", OUTSIDE)
@pytest.mark.parametrize("kind", sorted(CONTENT))
def test_those_outside_the_body_see_no_part_two_text(request, policy_records, who, kind):
    user = request.getfixturevalue(who)
    record = policy_records[kind]
    hidden = withheld_fields(user, record)
    assert CONTENT[kind] <= hidden
    assert "id" not in hidden  # the record itself is listed, its number and dates shown


@pytest.mark.parametrize("who", OUTSIDE)
@pytest.mark.parametrize("kind", WHOLE)
def test_those_outside_the_body_see_nothing_of_the_papers_and_minute(
    request, policy_records, body, who, kind
):
    user = request.getfixturevalue(who)
    _approve(policy_records["minute"], body)
    record = policy_records["minute"] if kind == "approved_minute" else policy_records[kind]
    assert withheld_fields(user, record) == all_fields(type(record))


@pytest.mark.parametrize("who", INSIDE)
@pytest.mark.parametrize("kind", sorted(CONTENT) + list(WHOLE))
def test_members_and_clerks_of_the_body_see_the_text(request, policy_records, body, who, kind):
    user = request.getfixturevalue(who)
    _approve(policy_records["minute"], body)
    record = policy_records["minute"] if kind == "approved_minute" else policy_records[kind]
    hidden = withheld_fields(user, record)
    # Only who signed in as whom stays with administrators.
    accounts = {"written_by_id", "made_by_id", "uploaded_by_id"}
    assert hidden <= accounts
    assert (hidden == set()) == (who == "admin_user") or not (accounts & all_fields(type(record)))


@pytest.mark.parametrize(
    "who, sees",
    [
        ("public", False),
        ("member", False),
        ("policy_other_clerk", False),
        ("other_officer", False),
        ("scrutiny_member", False),
        ("clerk", True),
        ("admin_user", True),
    ],
)
def test_a_draft_minute_is_for_the_clerks_alone(request, policy_records, who, sees):
    user = request.getfixturevalue(who)
    minute = policy_records["minute"]
    hidden = withheld_fields(user, minute)
    assert ("text" not in hidden) is sees
    assert (hidden == all_fields(Minute)) is not sees


# History pages


@pytest.mark.parametrize("who", (None, "member", "clerk", "admin_user"))
def test_role_assignments_and_unknown_kinds_have_no_history_page(request, client_for, clerk, who):
    client = client_for(request.getfixturevalue(who) if who else None)
    assignment = RoleAssignment.objects.get(user=clerk)
    assert client.get(history_url(assignment)).status_code == 404
    assert client.get(f"/history/auth/user/{clerk.pk}/").status_code == 404
    assert client.get("/history/governance/nothing/1/").status_code == 404


def test_the_history_page_never_names_a_sign_in_to_the_public(client, council):
    nameless = make_user("zz-sign-in-name")
    council.name = "Nottinghamshire County Council (renamed)"
    save_record(council, actor=nameless, reason="Renamed")
    html = client.get(history_url(council)).content.decode()
    assert "Changed by A portal user" in html
    assert "zz-sign-in-name" not in html


def test_part_two_history_withholds_reasons_from_the_public(client, policy_records):
    revision = policy_records["revision"]
    revision._change_reason = "Revised: the secret fee"
    revision.summary = "The secret fee"
    revision.save()
    html = client.get(history_url(revision)).content.decode()
    assert "secret fee" not in html
    assert "Exempt information: withheld" in html
