"""The decision trail page: one timeline, every kind of event, each record's change history."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from decisions.models import Ratification
from decisions.selectors.trail import decision_trail, load_resolution
from ics_portal.common.records import save_record
from tests.factories import (
    MARKERS,
    TRAIL_SEES_PART_TWO,
    TRAIL_VIEWERS,
    add_ratifications,
    build_story,
    make_resolution,
)

pytestmark = pytest.mark.django_db


def section(html: str, anchor: str) -> str:
    """The HTML of one event of the timeline, by its id."""
    match = re.search(rf'<li id="{anchor}"(.*?)</li>\s*(?=<li id=|</ol>)', html, re.S)
    assert match, f"no event {anchor}"
    return match.group(1)


def test_trail_lists_every_kind_of_event_in_date_order(story, admin_user):
    trail = decision_trail(load_resolution(story.resolution.pk, admin_user), admin_user)
    kinds = [event.kind for event in trail.events]
    assert kinds == [
        "acts_on",
        "work_programme",
        "report",
        "agenda",
        "revision",
        "meeting",
        "resolution",
        "minute",
        "action",
        "ratification",
        "ratification",
        "ratification",
        "scrutiny",
        "later_resolution",
    ]
    days = [event.day for event in trail.events]
    assert days == sorted(days)
    assert trail.ratification_progress == "Ratification in progress (1 of 3 decided)"


def test_trail_page_shows_the_details_of_each_event(client, story):
    response = client.get(f"/decisions/{story.resolution.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Decision ASCPH 2021/003" in html
    assert "Agreement in principle (to ratify)" in html
    assert "Ratification in progress" in html
    assert "Ratification in progress (1 of 3 decided)" in html
    assert "1) Agree the uplift in principle." in html and "2) Refer to partners." in html
    assert "Care home fees review" in section(html, f"work-programme-{story.entry.pk}")
    report = section(html, "report")
    assert "Jane Author" in report and "To agree the fees." in report
    assert "Agree the fee uplift." in report
    assert f"/meetings/{story.meeting.pk}/items/3/report.pdf" in report
    assert '<time datetime="2021-02-01T09:00:00+00:00">' in section(html, "agenda")
    meeting = section(html, "meeting")
    assert "Ann Able" in meeting and "Sue Substitute for Cat Cole" in meeting
    assert "Olive Officer" in meeting and "Quorate" in meeting
    assert "Ben Bold: Other registrable interest" in meeting and "Left the room" in meeting
    resolution = section(html, "resolution")
    assert "For 2, against 0, abstentions 1" in resolution and "Ann Able: For" in resolution
    assert "The committee debated fees." in section(html, "minute")
    ratified = section(html, f"ratification-{story.ratifications[0].pk}")
    assert "MIN-00/21" in ratified and "1 March 2021" in ratified
    assert "/organisations/partner-00/" in ratified
    action = section(html, f"action-{story.action.pk}")
    assert "Director of Adult Social Care" in action and "Letters drafted" in action
    assert "Overdue" in action  # due 31 March 2021, still open
    scrutiny = section(html, f"scrutiny-{story.recommendation.pk}")
    assert "Publish the fee model" in scrutiny and "29 June 2021" in scrutiny
    assert "Overdue" in scrutiny
    assert "Records the implementation of by ASCPH 2021/009" in html
    assert f'href="/decisions/{story.later.pk}/"' in html
    assert f'href="/decisions/{story.earlier.pk}/"' in html
    assert f'href="/decisions/{story.resolution.pk}/trail.pdf"' in html
    assert f'href="/meetings/{story.meeting.pk}/"' in html


def test_each_record_shows_its_change_history_old_and_new(client, story, governance_lead):
    ratification = story.ratifications[1]
    ratification.status = Ratification.Status.SCHEDULED
    ratification.scheduled_for = "Trust board, 25 March 2021"
    save_record(ratification, actor=governance_lead, reason="Board date set")

    html = client.get(f"/decisions/{story.resolution.pk}/").content.decode()
    changes = section(html, f"ratification-{ratification.pk}")
    assert "Changes to this record" in changes
    assert "Changed by Gina Lead" in changes and "Reason: Board date set" in changes
    row = re.search(r"<th scope=\"row\"[^>]*>Status</th>(.*?)</tr>", changes, re.S).group(1)
    assert "Requested" in row and "Scheduled" in row
    # The resolution's own history: the wording corrected by the clerk, old → new.
    resolution = section(html, "resolution")
    assert "Changed by Jo Toomey" in resolution and "Reason: Wording corrected" in resolution
    assert "Agree in principle." in resolution and "Refer to partners." in resolution


@pytest.mark.parametrize("who", TRAIL_VIEWERS)
def test_part_two_rule_on_the_page(client_for, viewer, exempt_story, who):
    html = client_for(viewer(who)).get(f"/decisions/{exempt_story.resolution.pk}/")
    assert html.status_code == 200
    text = html.content.decode()
    assert "Care home fee negotiations" in text  # the item's title is public
    assert "ASCPH 2021/003" in text
    if who in TRAIL_SEES_PART_TWO:
        for marker in MARKERS:
            assert marker in text, marker
    else:
        for marker in MARKERS:
            assert marker not in text, marker
        assert "Exempt: paragraph 3 of Schedule 12A" in text
        assert "Jane Author" not in text and "Agree the fee uplift" not in text


@pytest.mark.parametrize("who", [None, "outsider", "member", "scrutiny_member"])
def test_unpublished_meeting_is_404_except_for_its_editors(client_for, viewer, story, who):
    story.meeting.agenda_published_at = None
    story.meeting.save()
    client = client_for(viewer(who))
    for url in (
        f"/decisions/{story.resolution.pk}/",
        f"/decisions/{story.resolution.pk}/trail.pdf",
        f"/meetings/{story.meeting.pk}/items/3/report.pdf",
    ):
        assert client.get(url).status_code == 404, url


def test_unpublished_meeting_is_shown_to_its_clerk(client_for, clerk, story):
    story.meeting.agenda_published_at = None
    story.meeting.save()
    response = client_for(clerk).get(f"/decisions/{story.resolution.pk}/")
    assert response.status_code == 200
    assert '<li id="agenda"' not in response.content.decode()


def test_unknown_decision_is_404(client):
    assert client.get("/decisions/999999/").status_code == 404


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_ratifications_or_history(
    client_for, body, scrutiny_body, clerk, member, django_assert_max_num_queries
):
    story = build_story(body, scrutiny_body, clerk, exempt=True, ratifications=3)
    client = client_for(member)
    url = f"/decisions/{story.resolution.pk}/"
    for n in range(5):
        story.ratifications[1].note = f"note {n}"
        save_record(story.ratifications[1], actor=clerk)
    client.get(url)  # the first visit of a session runs one query fewer than the next ones
    small = _count(client, url)

    add_ratifications(story.resolution, 27, start=3)
    for n in range(45):
        story.ratifications[1].note = f"more {n}"
        save_record(story.ratifications[1], actor=clerk)
        story.resolution.preamble = f"Preamble {n}"
        save_record(story.resolution, actor=clerk)
    assert story.resolution.ratifications.count() == 30
    large = _count(client, url)
    assert large == small
    # 49: two of them read the organisations' forward plan entries and decision notices, one
    # counts the ratifications for the progress bar.
    with django_assert_max_num_queries(49):
        client.get(url)


def test_a_lone_decision_costs_fewer_queries_and_a_followed_one_shows_what_followed(
    client_for, body, scrutiny_body, clerk, member, django_assert_max_num_queries
):
    """The trail asks once which kinds of later record a resolution has and reads only those:
    a decision nothing has followed yet runs under half the queries of a followed one (not a
    query per kind it lacks), and the followed one still shows its ratifications."""
    client = client_for(member)
    lone = make_resolution(body, kind="decision")
    client.get(f"/decisions/{lone.pk}/")
    followed = build_story(body, scrutiny_body, clerk, exempt=False, ratifications=2)
    url = f"/decisions/{followed.resolution.pk}/"
    with django_assert_max_num_queries(_count(client, url) // 2):
        client.get(f"/decisions/{lone.pk}/")
    html = client.get(url).content.decode()
    for ratification in followed.ratifications:
        assert str(ratification.organisation) in section(html, f"ratification-{ratification.pk}")


@pytest.mark.parametrize("who", [None, "member", "clerk"])
def test_draft_minute_is_shown_only_to_the_clerks(client_for, viewer, story, who):
    story.meeting.minutes_approved_at = None
    story.meeting.status = "minutes_drafted"
    story.meeting.save()
    html = client_for(viewer(who)).get(f"/decisions/{story.resolution.pk}/").content.decode()
    minute = section(html, "minute")
    if who == "clerk":
        assert "The committee debated fees." in minute
    else:
        assert "The committee debated fees." not in html
        assert "The minutes are not yet approved." in minute
