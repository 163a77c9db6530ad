"""The Part II and draft visibility rule, for each kind of viewer: helpers, pages and files."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from governance.access import roles
from meetings import access as visibility
from meetings.access import can_see_exempt
from meetings.models import AgendaItem, Attachment, Meeting, Report
from meetings.selectors.reports import meeting_item_views
from tests.factories import (
    PART_ONE_TEXT,
    PART_TWO_TEXT,
    REPORT_SEES_DRAFTS,
    REPORT_SEES_PART_TWO,
    REPORT_VIEWERS,
)

pytestmark = pytest.mark.django_db


def _user(viewer, name):
    return viewer(name) or AnonymousUser()


def _fresh(item: AgendaItem) -> AgendaItem:
    return AgendaItem.objects.select_related("meeting__body").get(pk=item.pk)


# The helpers


@pytest.mark.parametrize("name", REPORT_VIEWERS)
def test_can_see_meeting_and_item_content(name, viewer, part_one_item, exempt_item, draft_item):
    user = _user(viewer, name)
    assert visibility.can_see_meeting(user, part_one_item.meeting)
    assert visibility.can_see_item_content(user, _fresh(part_one_item))
    assert visibility.can_see_item_content(user, _fresh(exempt_item)) == (
        name in REPORT_SEES_PART_TWO
    )
    assert visibility.can_see_meeting(user, draft_item.meeting) == (name in REPORT_SEES_DRAFTS)
    assert visibility.can_see_item_content(user, _fresh(draft_item)) == (
        name in REPORT_SEES_DRAFTS
    )


@pytest.mark.parametrize("name", REPORT_VIEWERS)
def test_queryset_filters_agree_with_the_functions(
    name, viewer, part_one_report, exempt_report, draft_item, django_assert_num_queries
):
    user = _user(viewer, name)
    roles(user)  # loaded once per request in real use
    with django_assert_num_queries(1):
        meetings = set(visibility.meetings_visible_to(user))
    assert meetings == {m for m in Meeting.objects.all() if visibility.can_see_meeting(user, m)}
    expected_reports = {
        r for r in Report.objects.all() if visibility.can_see_item_content(user, r.item)
    }
    assert set(visibility.reports_visible_to(user)) == expected_reports
    assert (exempt_report in expected_reports) == (name in REPORT_SEES_PART_TWO)
    expected_files = {
        a for a in Attachment.objects.all() if visibility.can_see_item_content(user, a.report.item)
    }
    assert set(visibility.attachments_visible_to(user)) == expected_files
    items = AgendaItem.objects.filter(visibility.item_content_q(user))
    assert (draft_item in items) == (name in REPORT_SEES_DRAFTS)


@pytest.mark.parametrize("name", REPORT_VIEWERS)
def test_item_views_give_content_or_notice_only(
    name, viewer, reports_meeting, part_one_report, exempt_report, django_assert_max_num_queries
):
    user = _user(viewer, name)
    roles(user)
    with django_assert_max_num_queries(2):
        views = meeting_item_views(reports_meeting, user)
    part_one, exempt = views
    assert part_one.can_see and part_one.report == part_one_report
    assert part_one.exempt_notice == ""
    if name in REPORT_SEES_PART_TWO:
        assert exempt.report == exempt_report
        assert [a.title for a in exempt.attachments] == ["Confidential bid evaluation"]
        assert exempt.exempt_notice == ""
    else:
        assert exempt.report is None and exempt.attachments == []
        assert exempt.exempt_notice == "Exempt: paragraph 3 of Schedule 12A"


def test_officer_of_another_body_sees_part_two_of_their_own_body_only(
    attending_officer, exempt_item, scrutiny_body
):
    assert can_see_exempt(attending_officer, exempt_item.meeting.body)
    assert not can_see_exempt(attending_officer, scrutiny_body)


# The pages


@pytest.mark.parametrize("name", REPORT_VIEWERS)
def test_item_page_of_each_kind_of_viewer(
    name, viewer, client_for, part_one_report, exempt_report
):
    client = client_for(viewer(name))
    meeting_id = part_one_report.item.meeting_id

    page = client.get(f"/meetings/{meeting_id}/items/5/")
    assert page.status_code == 200
    assert PART_ONE_TEXT in page.text

    page = client.get(f"/meetings/{meeting_id}/items/6/")
    assert page.status_code == 200
    assert "Care home contract award" in page.text
    if name in REPORT_SEES_PART_TWO:
        assert PART_TWO_TEXT in page.text
        assert "Confidential bid evaluation" in page.text
        assert "Bid evaluation added" in page.text  # the revision
    else:
        assert "Exempt: paragraph 3 of Schedule 12A" in page.text
        for secret in (PART_TWO_TEXT, "Contract award", "Confidential bid", "Bid evaluation"):
            assert secret not in page.text


@pytest.mark.parametrize("name", REPORT_VIEWERS)
def test_attachment_download_of_each_kind_of_viewer(
    name, viewer, client_for, part_one_report, exempt_report, pdf_upload, clerk
):
    from meetings.services import reports as services

    public_file = services.attachment_add(
        report=part_one_report,
        upload=pdf_upload(),
        title="Winter plan appendix",
        actor=clerk,
        revision_summary="Appendix added",
    )
    exempt_file = exempt_report.attachments.get()
    client = client_for(viewer(name))

    response = client.get(
        f"/meetings/{public_file.report.item.meeting_id}/attachments/{public_file.pk}/"
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    response = client.get(
        f"/meetings/{exempt_file.report.item.meeting_id}/attachments/{exempt_file.pk}/"
    )
    assert response.status_code == (200 if name in REPORT_SEES_PART_TWO else 404)


@pytest.mark.parametrize("name", REPORT_VIEWERS)
def test_unpublished_meeting_items_are_hidden(name, viewer, client_for, draft_item, clerk):
    Report.objects.create(
        item=draft_item,
        title="Draft report",
        purpose="Draft purpose",
        recommendations="Draft",
        information="DRAFT-ONLY-TEXT",
        author="Jane",
    )
    client = client_for(viewer(name))
    response = client.get(f"/meetings/{draft_item.meeting_id}/items/1/")
    if name in REPORT_SEES_DRAFTS:
        assert response.status_code == 200 and "DRAFT-ONLY-TEXT" in response.text
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("name", REPORT_VIEWERS)
def test_history_of_an_exempt_report_follows_the_rule(
    name, viewer, client_for, part_one_report, exempt_report
):
    client = client_for(viewer(name))
    response = client.get(f"/history/meetings/report/{part_one_report.pk}/")
    assert response.status_code == 200
    response = client.get(f"/history/meetings/report/{exempt_report.pk}/")
    assert response.status_code == (200 if name in REPORT_SEES_PART_TWO else 404)
    attachment = exempt_report.attachments.get()
    response = client.get(f"/history/meetings/attachment/{attachment.pk}/")
    assert response.status_code == (200 if name in REPORT_SEES_PART_TWO else 404)


def test_item_page_of_a_missing_item_is_404(client, reports_meeting):
    assert client.get(f"/meetings/{reports_meeting.pk}/items/99/").status_code == 404
