"""Published means kept: the admin only looks at the records the services own, and an
attachment removed after publication is withdrawn, visibly, with its file kept."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Attachment, Meeting
from meetings.services import agenda as agenda_services
from meetings.services import reports as report_services

REPORT = {
    "title": "Winter plan",
    "purpose": "To set out the winter plan.",
    "recommendations": "Note the plan.",
    "information": "Forty extra beds stay open.",
    "author": "Jane Author",
}


@pytest.fixture(autouse=True)
def kept_no_pack_rendering(monkeypatch):
    monkeypatch.setattr(agenda_services, "enqueue_pack_render", lambda meeting_id: None)


@pytest.fixture
def kept_draft(body, clerk, pdf_bytes) -> Meeting:
    start = timezone.now() + timedelta(days=60)
    meeting = agenda_services.meeting_schedule(
        body=body, start=start, venue="County Hall", actor=clerk
    )
    item = agenda_services.item_add(meeting=meeting, title="Winter plan", actor=clerk)
    report = report_services.report_create(item=item, actor=clerk, **REPORT)
    report_services.attachment_add(
        report=report,
        upload=SimpleUploadedFile("plan.pdf", pdf_bytes, content_type="application/pdf"),
        title="Appendix 1: Bed numbers",
        actor=clerk,
    )
    return meeting


@pytest.fixture
def kept_published(kept_draft, clerk) -> Meeting:
    return agenda_services.agenda_publish(meeting=kept_draft, actor=clerk)


def winter_plan(meeting: Meeting) -> AgendaItem:
    return meeting.items.get(title="Winter plan")


# The admin


ADMIN_MODELS = [
    "meetings/meeting",
    "meetings/agendaitem",
    "meetings/agendarevision",
    "meetings/report",
    "meetings/attachment",
    "meetings/minute",
    "decisions/resolution",
    "decisions/ratification",
    "decisions/action",
]


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_nobody_adds_service_records_in_the_admin(client_for, admin_user, model):
    assert client_for(admin_user).get(f"/admin/{model}/add/").status_code == 403


def test_a_superuser_cannot_delete_an_item_of_a_published_agenda(
    client_for, admin_user, kept_published
):
    item = winter_plan(kept_published)
    client = client_for(admin_user)
    url = f"/admin/meetings/agendaitem/{item.pk}/delete/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    bulk = client.post(
        "/admin/meetings/agendaitem/",
        {"action": "delete_selected", "_selected_action": [item.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    assert Meeting.objects.filter(pk=kept_published.pk).exists()


def test_a_superuser_cannot_change_an_item_of_a_published_agenda(
    client_for, admin_user, kept_published
):
    item = winter_plan(kept_published)
    client = client_for(admin_user)
    url = f"/admin/meetings/agendaitem/{item.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200  # viewing is kept
    assert "Winter plan" in page.text
    response = client.post(
        url,
        {"meeting": kept_published.pk, "position": item.position, "title": "Quietly changed"},
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.title == "Winter plan"


def test_a_superuser_cannot_revert_an_item_to_an_old_version(
    client_for, admin_user, kept_published
):
    item = winter_plan(kept_published)
    agenda_services.item_revise(
        item=item, actor=admin_user, summary="Retitled", title="Winter pressures"
    )
    oldest = item.history.earliest("history_date")
    client = client_for(admin_user)
    url = f"/admin/meetings/agendaitem/{item.pk}/history/{oldest.history_id}/"
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 403
    item.refresh_from_db()
    assert item.title == "Winter pressures"


# Withdrawing an attachment after publication


def test_a_withdrawn_attachment_keeps_its_file_and_shows_on_the_meeting_page(
    client_for, clerk, kept_published, pdf_bytes, django_capture_on_commit_callbacks
):
    attachment = Attachment.objects.get()
    path = Path(attachment.file.path)
    url = reverse("meetings:attachment_remove", args=[kept_published.pk, attachment.pk])
    client = client_for(clerk)
    assert "Withdraw attachment" in client.get(url).text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"revision_summary": "the figures were superseded"})

    assert response.status_code == 302
    assert path.exists()
    attachment.refresh_from_db()
    assert attachment.is_withdrawn
    assert attachment.withdrawal_reason == "the figures were superseded"
    when = timezone.localdate(attachment.withdrawn_at)
    shown = f"Withdrawn on {when.day} {when:%B %Y} because the figures were superseded"
    for user in (None, clerk):
        page = client_for(user).get(kept_published.get_absolute_url())
        assert shown in page.text
        assert "Appendix 1: Bed numbers" in page.text
    item_page = client_for(clerk).get(
        reverse(
            "meetings:item_detail", args=[kept_published.pk, winter_plan(kept_published).position]
        )
    )
    assert shown in item_page.text
    assert url not in item_page.text  # no "Remove" link for a withdrawn attachment
    download = client_for(None).get(
        reverse("meetings:attachment_download", args=[kept_published.pk, attachment.pk])
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == pdf_bytes
    # The agenda shows it as a supplementary / revised report, and the history says who.
    revision = winter_plan(kept_published).revisions.get()
    assert revision.summary.startswith("Appendix 1: Bed numbers withdrawn on")
    assert attachment.history.first().history_user == clerk


def test_withdrawal_needs_a_reason_and_happens_once(client_for, clerk, kept_published):
    attachment = Attachment.objects.get()
    url = reverse("meetings:attachment_remove", args=[kept_published.pk, attachment.pk])
    client = client_for(clerk)
    refused = client.post(url, {})
    assert refused.status_code == 200 and "Error:" in refused.text
    assert not Attachment.objects.get().is_withdrawn
    assert client.post(url, {"revision_summary": "superseded"}).status_code == 302
    again = client.post(url, {"revision_summary": "superseded again"})
    assert again.status_code == 200
    assert "it cannot be withdrawn again" in again.text
    assert Attachment.objects.get().withdrawal_reason == "superseded"


def test_before_publication_removal_still_deletes(
    client_for, clerk, kept_draft, django_capture_on_commit_callbacks
):
    attachment = Attachment.objects.get()
    path = Path(attachment.file.path)
    url = reverse("meetings:attachment_remove", args=[kept_draft.pk, attachment.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(clerk).post(url, {}).status_code == 302
    assert not Attachment.objects.exists()
    assert not path.exists()
