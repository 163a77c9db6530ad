"""Downloads of the stored agenda pack and minutes, and the meeting page's documents list."""

from __future__ import annotations

import pytest
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse

from meetings.models import Meeting, Report
from meetings.services.packs import pack_downloads
from meetings.tasks import enqueue_pack_render
from tests.factories import PART_II_MARKER, PART_II_MINUTE_MARKER, pdf_pages_text

pytestmark = pytest.mark.django_db

# Shared fixtures of the packs tests.


@pytest.fixture(autouse=True)
def short_papers(pack_meeting):
    """Download tests need stored packs, not long ones: each report shrinks to its purpose
    (which still carries the Part II marker)."""
    Report.objects.filter(item__meeting=pack_meeting).update(information=F("purpose"))


@pytest.fixture
def rendered(pack_meeting, media_root) -> Meeting:
    result = enqueue_pack_render(pack_meeting.pk)
    assert result.return_value
    return pack_meeting


def pdf_text(response) -> str:
    return "".join(pdf_pages_text(b"".join(response.streaming_content)))


def agenda_url(meeting: Meeting) -> str:
    return reverse("meetings:agenda_pdf", args=[meeting.pk])


def minutes_url(meeting: Meeting) -> str:
    return reverse("meetings:minutes_pdf", args=[meeting.pk])


def test_addresses():
    assert agenda_url(Meeting(pk=7)) == "/meetings/7/agenda.pdf"
    assert minutes_url(Meeting(pk=7)) == "/meetings/7/minutes.pdf"


def test_the_public_gets_the_stored_public_pack(rendered, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get(agenda_url(rendered))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="ascph-2021-02-08-agenda.pdf"'
    text = pdf_text(response)
    assert "Exempt: paragraph 3 of Schedule 12A" in text
    assert PART_II_MARKER not in text


@pytest.mark.parametrize(
    ("viewer", "sees_part_ii"),
    [
        ("admin_user", True),
        ("clerk", True),
        ("member", True),
        ("officer", False),
        ("governance_lead", False),
        ("scrutiny_member", False),
        ("outsider", False),
        (None, False),
    ],
)
def test_each_viewer_gets_the_edition_they_may_see(
    rendered, request, client_for, viewer, sees_part_ii, django_assert_max_num_queries
):
    user = request.getfixturevalue(viewer) if viewer else None
    client = client_for(user)
    # The meeting, the session and user, the roles (2), the pack, the session's idle stamp.
    with django_assert_max_num_queries(10):
        response = client.get(agenda_url(rendered))
    assert response.status_code == 200
    assert (PART_II_MARKER in pdf_text(response)) is sees_part_ii
    if sees_part_ii:
        assert "no-store" in response["Cache-Control"]


def test_nothing_stored_yet_is_a_friendly_404(pack_meeting, media_root, client):
    response = client.get(agenda_url(pack_meeting))
    assert response.status_code == 404
    assert "The agenda pack is being prepared" in response.content.decode()


def test_a_reader_never_waits_for_a_render(pack_meeting, media_root, client):
    client.get(agenda_url(pack_meeting))
    assert not pack_meeting.packs.exists()


def test_an_unpublished_meeting_is_hidden_from_all_but_its_clerks(
    rendered, client_for, clerk, admin_user, member, outsider
):
    Meeting.objects.filter(pk=rendered.pk).update(agenda_published_at=None)
    for user in (None, outsider, member):
        assert client_for(user).get(agenda_url(rendered)).status_code == 404
    for user in (clerk, admin_user):
        assert client_for(user).get(agenda_url(rendered)).status_code == 200


def test_unknown_meeting_is_404(client, db):
    assert client.get("/meetings/999999/agenda.pdf").status_code == 404


def test_only_get(rendered, client):
    assert client.post(agenda_url(rendered)).status_code == 405


def test_draft_minutes_reach_the_clerk_only(
    minuted_meeting, media_root, client_for, clerk, member, officer, outsider
):
    enqueue_pack_render(minuted_meeting.pk)
    response = client_for(clerk).get(minutes_url(minuted_meeting))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'inline; filename="ascph-2021-02-08-minutes.pdf"'
    assert PART_II_MINUTE_MARKER in pdf_text(response)
    for user in (None, outsider, officer, member):
        response = client_for(user).get(minutes_url(minuted_meeting))
        assert response.status_code == 404
        assert "The minutes are not available yet" in response.content.decode()


def test_the_newest_version_is_served(rendered, client):
    first = client.get(agenda_url(rendered))
    b"".join(first.streaming_content)
    Meeting.objects.filter(pk=rendered.pk).update(venue="The New Hall", pack_version=2)
    enqueue_pack_render(rendered.pk)
    assert "The New Hall" in pdf_text(client.get(agenda_url(rendered)))


def downloads_html(meeting: Meeting, user) -> str:
    return render_to_string(
        "meetings/packs/_downloads.html", {"downloads": pack_downloads(meeting, user)}
    )


def test_downloads_list_the_packs_with_size_and_pages(rendered, member, outsider):
    public = rendered.packs.get(document="agenda", audience="public")
    html = downloads_html(rendered, outsider)
    assert f'href="/meetings/{rendered.pk}/agenda.pdf"' in html
    assert f"{public.pages} pages" in html
    assert "KB" in html
    assert "Part II" not in html
    assert "newer version" not in html
    members = rendered.packs.get(document="agenda", audience="members")
    html = downloads_html(rendered, member)
    assert "including Part II papers" in html and f"{members.pages} pages" in html


def test_downloads_say_when_a_newer_pack_is_being_prepared(rendered, member, outsider):
    Meeting.objects.filter(pk=rendered.pk).update(pack_version=2)  # rendering still queued
    rendered.refresh_from_db()
    assert "A newer version of the pack is being prepared" in downloads_html(rendered, member)
    # The public edition of an older version is withdrawn, not offered.
    html = downloads_html(rendered, outsider)
    assert "The agenda pack is being updated" in html
    assert "agenda.pdf" not in html


def test_an_older_public_edition_is_never_served(rendered, client, member, client_for):
    Meeting.objects.filter(pk=rendered.pk).update(pack_version=2)  # rendering still queued
    response = client.get(agenda_url(rendered))
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    assert "The agenda pack is being updated" in response.content.decode()
    # Members keep the last members' edition until the new one is made.
    assert client_for(member).get(agenda_url(rendered)).status_code == 200


def test_downloads_say_when_the_first_pack_is_being_prepared(pack_meeting, media_root, outsider):
    html = downloads_html(pack_meeting, outsider)
    assert "The agenda pack is being prepared" in html
    assert "agenda.pdf" not in html


def test_downloads_selector_runs_a_fixed_number_of_queries(
    rendered, member, django_assert_max_num_queries
):
    for version in range(2, 6):  # more stored versions cost no more queries
        Meeting.objects.filter(pk=rendered.pk).update(pack_version=version)
        enqueue_pack_render(rendered.pk)
    meeting = Meeting.objects.select_related("body").get(pk=rendered.pk)
    with django_assert_max_num_queries(4):  # the member's roles (2), the two documents (2)
        downloads = pack_downloads(meeting, member)
    assert downloads["agenda"].pack.version == 5


@pytest.mark.parametrize("viewer", [None, "member"])
def test_a_pack_the_client_has_is_not_sent_again(rendered, request, client_for, viewer):
    client = client_for(request.getfixturevalue(viewer) if viewer else None)
    first = client.get(agenda_url(rendered))
    b"".join(first.streaming_content)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get(agenda_url(rendered), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"] and not again.content
    since = client.get(agenda_url(rendered), headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304


def test_the_public_and_members_editions_have_their_own_etags(rendered, client_for, member):
    public = client_for(None).get(agenda_url(rendered))
    members = client_for(member).get(agenda_url(rendered))
    assert public["ETag"] != members["ETag"]
    # The public edition's tag does not stand for the members' one.
    asked = client_for(member).get(agenda_url(rendered), headers={"if-none-match": public["ETag"]})
    assert asked.status_code == 200


def test_a_new_version_of_the_pack_is_sent_to_a_client_with_the_old(rendered, client):
    first = client.get(agenda_url(rendered))
    b"".join(first.streaming_content)
    Meeting.objects.filter(pk=rendered.pk).update(venue="The New Hall", pack_version=2)
    enqueue_pack_render(rendered.pk)
    again = client.get(agenda_url(rendered), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    assert "The New Hall" in pdf_text(again)


def test_minutes_the_clerk_has_are_not_sent_again(minuted_meeting, media_root, client_for, clerk):
    enqueue_pack_render(minuted_meeting.pk)
    client = client_for(clerk)
    first = client.get(minutes_url(minuted_meeting))
    assert first.status_code == 200 and first["ETag"]
    again = client.get(minutes_url(minuted_meeting), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_a_304_reads_no_more_than_the_download(rendered, client, django_assert_max_num_queries):
    first = client.get(agenda_url(rendered))
    with django_assert_max_num_queries(3):
        again = client.get(agenda_url(rendered), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
