"""Supplementary agendas: late items added after publication wait on a draft supplement, which
a clerk publishes with the reason for urgency (s100B(4)(b) of the Local Government Act 1972)
as its own stored pack, numbered on from the agenda pack. PDFs read back with pypdf."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from meetings.models import AgendaItem, AgendaPack, Meeting, Supplement
from meetings.services import agenda as services
from meetings.services.packs import packs_render
from tests.factories import make_report, pdf_pages_text

pytestmark = pytest.mark.django_db

# Shared fixtures of the packs tests.

LATE_PART_II_MARKER = "NARWHALLATEPARTTWO5521"
REASON = "The provider gave notice on 1 February; the contract must be let before 1 March."


@pytest.fixture
def open_meeting(pack_meeting) -> Meeting:
    """The pack meeting, its agenda published and the meeting still to be held."""
    Meeting.objects.filter(pk=pack_meeting.pk).update(status=Meeting.Status.AGENDA_PUBLISHED)
    pack_meeting.refresh_from_db()
    return pack_meeting


@pytest.fixture
def late_items(open_meeting, clerk) -> list[AgendaItem]:
    """A Part I and a Part II late item, each with a report, waiting on the draft supplement."""
    exempt = services.item_add(
        meeting=open_meeting, title="Interim care contract", is_exempt=True,
        exempt_paragraph=3, actor=clerk,
    )  # fmt: skip
    make_report(exempt, "Interim Care Contract", 2, marker=LATE_PART_II_MARKER)
    public = services.item_add(meeting=open_meeting, title="Urgent winter funding", actor=clerk)
    make_report(public, "Urgent Winter Funding", 3)
    exempt.refresh_from_db()  # moved down one place by the Part I item
    return [public, exempt]


def published_supplement(meeting: Meeting, items, clerk) -> Supplement:
    supplement = services.supplement_publish(
        meeting=meeting, items=items, reason=REASON, actor=clerk
    )
    meeting.refresh_from_db()
    packs_render(meeting_id=meeting.pk, version=meeting.pack_version)
    return supplement


def stored(meeting: Meeting, document: str, audience: str) -> AgendaPack:
    return AgendaPack.objects.get(
        meeting=meeting, document=document, audience=audience, version=meeting.pack_version
    )


def read(pack: AgendaPack) -> bytes:
    with pack.file.open("rb") as handle:
        return handle.read()


def test_a_late_item_waits_on_a_draft_supplement_seen_only_by_clerks(
    late_items, open_meeting, clerk, client_for
):
    public, exempt = late_items
    # The Part I late item comes before the supplement's Part II one, after the whole agenda.
    assert [public.position, exempt.position] == [9, 10]
    assert public.supplement.number == 1
    assert public.supplement.items.count() == 2
    url = open_meeting.get_absolute_url()
    assert "Urgent winter funding" not in client_for(None).get(url).text
    page = client_for(clerk).get(url).text
    assert "Urgent winter funding" in page
    assert "Supplementary agenda 1: late items not yet published" in page
    assert reverse("meetings:supplement_publish", args=[open_meeting.pk]) in page


def test_publishing_needs_a_reason_for_urgency(late_items, open_meeting, clerk):
    with pytest.raises(ValidationError, match="reason for urgency"):
        services.supplement_publish(
            meeting=open_meeting, items=late_items, reason=" ", actor=clerk
        )
    assert not Supplement.objects.filter(published_at__isnull=False).exists()


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (Meeting.Status.CANCELLED, "has been cancelled"),
        (Meeting.Status.MINUTES_APPROVED, "has been held"),
    ],
)
def test_no_supplement_for_a_cancelled_or_approved_meeting(
    late_items, open_meeting, clerk, status, message
):
    Meeting.objects.filter(pk=open_meeting.pk).update(status=status)
    with pytest.raises(ValidationError, match=message):
        services.supplement_publish(
            meeting=open_meeting, items=late_items, reason=REASON, actor=clerk
        )
    with pytest.raises(ValidationError, match=message):
        services.item_add(meeting=open_meeting, title="Too late", actor=clerk)


def test_publishing_records_who_and_why_and_holds_back_the_items_not_chosen(
    late_items, open_meeting, clerk
):
    public, exempt = late_items
    supplement = services.supplement_publish(
        meeting=open_meeting, items=[public], reason=REASON, actor=clerk
    )
    assert supplement.is_published and supplement.reason == REASON
    row = supplement.history.latest()
    assert row.history_user == clerk
    assert row.history_change_reason == "Supplementary agenda 1 published"
    exempt.refresh_from_db()
    assert exempt.supplement.number == 2 and not exempt.supplement.is_published
    # The held-back item can still be edited: its supplement has not been published.
    services.item_update(item=exempt, title="Interim care contract (revised)", actor=clerk)


@pytest.mark.parametrize("audience", ["members", "public"])
def test_the_supplement_pages_follow_on_from_the_agenda_pack(
    late_items, open_meeting, clerk, media_root, audience
):
    published_supplement(open_meeting, late_items, clerk)
    main = stored(open_meeting, "agenda", audience)
    pack = stored(open_meeting, "supplement", audience)
    data = read(pack)
    pages = pdf_pages_text(data)
    assert len(pages) == pack.pages
    assert "Supplementary agenda 1" in pages[0] and REASON in pages[0]
    # The cover is page main + 1, and every page after it numbers on.
    for index, text in enumerate(pages):
        assert re.search(rf"\bPage {main.pages + 1 + index}\b", text), text
    assert PdfReader(BytesIO(data)).page_labels[0] == str(main.pages + 1)
    # The main pack holds none of the late business.
    assert "Urgent Winter Funding" not in " ".join(pdf_pages_text(read(main)))


def test_the_supplement_agenda_prints_page_ranges_in_the_numbering_of_the_whole(
    late_items, open_meeting, clerk, media_root
):
    public, _ = late_items
    published_supplement(open_meeting, late_items, clerk)
    main = stored(open_meeting, "agenda", "members")
    pages = pdf_pages_text(read(stored(open_meeting, "supplement", "members")))
    public.refresh_from_db()
    first = public.pack_first_page
    assert first > main.pages + 1
    assert "9. Urgent Winter Funding" in pages[first - main.pages - 1]
    assert re.search(rf"\b{first} – {public.pack_last_page}$", pages[1], flags=re.MULTILINE)


def test_the_public_supplement_withholds_part_ii_like_the_main_pack(
    late_items, open_meeting, clerk, media_root
):
    published_supplement(open_meeting, late_items, clerk)
    public_text = " ".join(pdf_pages_text(read(stored(open_meeting, "supplement", "public"))))
    members_text = " ".join(pdf_pages_text(read(stored(open_meeting, "supplement", "members"))))
    assert LATE_PART_II_MARKER not in public_text
    assert "Interim care contract" in public_text  # its title and exempt notice stay
    assert "Exempt: paragraph 3 of Schedule 12A" in public_text
    assert "Exclusion of the press and public" in public_text
    assert LATE_PART_II_MARKER in members_text


def test_the_meeting_page_lists_the_supplement_and_serves_its_pack(
    late_items, open_meeting, clerk, media_root, client_for
):
    published_supplement(open_meeting, late_items, clerk)
    anonymous = client_for(None)
    page = anonymous.get(open_meeting.get_absolute_url()).text
    pdf_url = reverse("meetings:supplement_pdf", args=[open_meeting.pk, 1])
    assert "Supplementary agendas" in page and REASON in page
    assert pdf_url in page
    assert "Urgent winter funding" in page
    assert LATE_PART_II_MARKER not in page
    response = anonymous.get(pdf_url)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_pages_text(b"".join(response.streaming_content)))
    assert "Supplementary agenda 1" in text and LATE_PART_II_MARKER not in text
    # A reader who has it already is told so (304), not sent it again.
    again = anonymous.get(pdf_url, headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304
    # A supplement number that was never published is not there to find.
    assert (
        anonymous.get(reverse("meetings:supplement_pdf", args=[open_meeting.pk, 2])).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [("clerk", 200), ("member", 403), ("officer", 403), ("outsider", 403), (None, 302)],
)
def test_who_may_publish_a_supplement(late_items, open_meeting, client_for, request, who, status):
    user = request.getfixturevalue(who) if who else None
    client = client_for(user)
    url = reverse("meetings:supplement_publish", args=[open_meeting.pk])
    assert client.get(url).status_code == status
    data = {"items": [item.pk for item in late_items], "reason": REASON}
    response = client.post(url, data)
    assert response.status_code == (302 if who == "clerk" else status)
    published = Supplement.objects.filter(published_at__isnull=False).exists()
    assert published == (who == "clerk")


@pytest.mark.parametrize(
    ("who", "status"),
    [("clerk", 302), ("member", 403), ("officer", 403), ("outsider", 403), (None, 302)],
)
def test_who_may_add_a_late_item(open_meeting, clerk, client_for, request, who, status):
    user = request.getfixturevalue(who) if who else None
    response = client_for(user).post(
        reverse("meetings:item_add", args=[open_meeting.pk]), {"title": "Late business"}
    )
    assert response.status_code == status
    added = AgendaItem.objects.filter(title="Late business", supplement__isnull=False).exists()
    assert added == (who == "clerk")


def test_the_publish_form_refuses_without_a_reason(late_items, open_meeting, clerk, client_for):
    response = client_for(clerk).post(
        reverse("meetings:supplement_publish", args=[open_meeting.pk]),
        {"items": [item.pk for item in late_items], "reason": ""},
    )
    assert response.status_code == 200
    assert "Give the reason for urgency" in response.text
    assert not Supplement.objects.filter(published_at__isnull=False).exists()


def test_a_supplement_is_not_started_before_publication(body, clerk):
    meeting = services.meeting_schedule(
        body=body, start=datetime(2099, 3, 1, 14, tzinfo=UTC), venue="County Hall", actor=clerk
    )
    item = services.item_add(meeting=meeting, title="Ordinary business", actor=clerk)
    assert item.supplement is None
    with pytest.raises(ValidationError, match="has not been published yet"):
        services.supplement_publish(meeting=meeting, items=[item], reason=REASON, actor=clerk)
