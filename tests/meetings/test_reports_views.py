"""The report pages: who may write, uploads through the form, downloads, and query bounds."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile

from governance.access import forget_roles, roles
from governance.models import Body, Partnership, PartnershipMember, RoleAssignment
from meetings.access import can_write_report
from meetings.models import AgendaItem, AgendaRevision, Attachment, Meeting, Report
from meetings.services import reports as services
from meetings.uploads import DOCX
from tests.factories import make_user, report_fields

pytestmark = pytest.mark.django_db

ALLOWED = {"admin_user", "clerk", "officer"}
REFUSED = {"member", "outsider", "scrutiny_member", "governance_lead", "attending_officer"}


def _post_data(**overrides) -> dict:
    data = {name: "" for name in services.REPORT_FIELDS} | {"version": "1"}
    data.update(report_fields(**overrides))
    return data


def _edit_views(f) -> list[tuple[str, str, dict]]:
    """(name, address, valid POST data) of every edit view, on a draft agenda."""
    meeting_id = f["draft_item"].meeting_id
    attachment = f["attachment"]
    return [
        ("report_edit", f"/meetings/{meeting_id}/items/1/report/", _post_data(title="Changed")),
        (
            "attachment_add",
            f"/meetings/{meeting_id}/items/1/report/attachments/new/",
            {"title": "Appendix", "upload": f["pdf_upload"]()},
        ),
        ("attachment_remove", f"/meetings/{meeting_id}/attachments/{attachment.pk}/remove/", {}),
    ]


@pytest.fixture
def fixtures(draft_report, pdf_upload, clerk):
    attachment = services.attachment_add(
        report=draft_report, upload=pdf_upload(), title="Existing", actor=clerk
    )
    return {"draft_item": draft_report.item, "attachment": attachment, "pdf_upload": pdf_upload}


def _state():
    return (
        list(Report.objects.values_list("title", flat=True)),
        list(Attachment.objects.values_list("title", flat=True)),
        Report.history.count() + Attachment.history.count(),
    )


@pytest.mark.parametrize("view", ["report_edit", "attachment_add", "attachment_remove"])
@pytest.mark.parametrize("name", sorted(ALLOWED | REFUSED | {None}, key=str))
def test_permission_matrix(view, name, request, fixtures, client_for):
    user = None if name is None else request.getfixturevalue(name)
    _name, url, data = next(v for v in _edit_views(fixtures) if v[0] == view)
    client = client_for(user)
    before = _state()
    get = client.get(url)
    post = client.post(url, data)
    if name is None:
        assert get.status_code == post.status_code == 302
        assert "/account/sign-in/" in get.url
        assert _state() == before
    elif name in REFUSED:
        assert get.status_code == post.status_code == 403
        assert _state() == before
    else:
        assert get.status_code == 200
        assert post.status_code == 302, post.context["form"].errors if post.context else post
        assert _state() != before


def test_officer_of_partnership_member_organisation_may_write(council, trust):
    alliance = Partnership.objects.create(
        name="Wiltshire Alliance", short_name="WA", slug="wa", level="place"
    )
    PartnershipMember.objects.create(
        partnership=alliance, organisation=council, joined=date(2022, 7, 1)
    )
    PartnershipMember.objects.create(
        partnership=alliance, organisation=trust, joined=date(2022, 7, 1), left=date(2023, 3, 31)
    )
    board = Body.objects.create(
        name="Alliance Board", short_name="WAB", slug="wab", kind="board", partnership=alliance
    )
    meeting = Meeting.objects.create(
        body=board, start="2030-01-01T10:00:00+00:00", venue="Trowbridge"
    )
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Plan")
    council_officer = make_user("co")
    RoleAssignment.objects.create(user=council_officer, role="officer", organisation=council)
    past_officer = make_user("to")
    RoleAssignment.objects.create(user=past_officer, role="officer", organisation=trust)
    assert can_write_report(council_officer, item)
    assert not can_write_report(past_officer, item)


def test_part_two_report_is_written_only_by_those_who_may_see_it(
    exempt_item, officer, attending_officer, clerk, council
):
    assert can_write_report(clerk, exempt_item)
    assert not can_write_report(officer, exempt_item)  # not in attendance
    assert not can_write_report(attending_officer, exempt_item)  # not an officer
    RoleAssignment.objects.create(user=attending_officer, role="officer", organisation=council)
    forget_roles(attending_officer)
    assert can_write_report(attending_officer, exempt_item)


# Writing a report through the page


def test_write_report_page_shows_the_standard_shape(client_for, clerk, part_one_item):
    page = client_for(clerk).get(f"/meetings/{part_one_item.meeting_id}/items/5/report/")
    text = page.text
    headings = ["The report", "Options and reasons", "Implications", "Author and contact",
                "Comments of consultees", "Background papers"]  # fmt: skip
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">' in text
    assert "What changed" in text  # the agenda is published


def test_write_report_on_published_agenda_needs_what_changed(client_for, clerk, part_one_report):
    url = f"/meetings/{part_one_report.item.meeting_id}/items/5/report/"
    client = client_for(clerk)
    refused = client.post(url, _post_data(purpose="Silently changed"))
    assert refused.status_code == 200
    assert refused.text.count("Error:") >= 1
    part_one_report.refresh_from_db()
    assert part_one_report.purpose == "To set out the winter plan."

    done = client.post(
        url, _post_data(purpose="Clearer purpose", revision_summary="Purpose clarified")
    )
    assert done.status_code == 302
    part_one_report.refresh_from_db()
    assert part_one_report.purpose == "Clearer purpose"
    assert AgendaRevision.objects.get().summary == "Purpose clarified"
    page = client.get(done.url)
    assert "Supplementary / revised report" in page.text and "Purpose clarified" in page.text


def test_create_report_through_the_page(client_for, officer, draft_item):
    client = client_for(officer)
    response = client.post(f"/meetings/{draft_item.meeting_id}/items/1/report/", _post_data())
    assert response.status_code == 302
    report = Report.objects.get(item=draft_item)
    assert report.history.get().history_user == officer
    # The agenda is not published, so the officer cannot see its pages: they stay on the
    # report they are writing rather than land on a page that says "not found".
    assert response.url == f"/meetings/{draft_item.meeting_id}/items/1/report/"
    assert "Report saved." in client.get(response.url).content.decode()


def test_officer_adds_an_appendix_from_the_report_of_a_draft_agenda(
    client_for, officer, draft_report, pdf_upload
):
    """The officer may not see a draft agenda's pages: the report form offers "Add an
    appendix", lists what is attached, and every way back leads to pages they can open."""
    client = client_for(officer)
    report_url = f"/meetings/{draft_report.item.meeting_id}/items/1/report/"
    form = client.get(report_url).content.decode()
    assert "No appendix is attached to this report." in form
    assert f'href="{report_url}attachments/new/">Add an appendix</a>' in form
    assert '<a href="/" class="govuk-back-link">Back to your work</a>' in form

    adding = client.get(f"{report_url}attachments/new/").content.decode()
    assert f'<a href="{report_url}" class="govuk-back-link">Back to the report</a>' in adding
    added = client.post(
        f"{report_url}attachments/new/", {"title": "Appendix 1: Metrics", "upload": pdf_upload()}
    )
    assert added.status_code == 302 and added.url == report_url
    assert "Appendix 1: Metrics" in client.get(added.url).content.decode()

    attachment = draft_report.attachments.get()
    removing = f"/meetings/{draft_report.item.meeting_id}/attachments/{attachment.pk}/remove/"
    assert f'<a href="{report_url}" class="govuk-back-link">' in client.get(removing).text
    removed = client.post(removing)
    assert removed.status_code == 302 and removed.url == report_url
    assert "No appendix is attached to this report." in client.get(report_url).text


def test_clerk_goes_back_to_the_agenda_and_the_report_page(
    client_for, clerk, draft_report, pdf_upload
):
    client = client_for(clerk)
    meeting_id = draft_report.item.meeting_id
    form = client.get(f"/meetings/{meeting_id}/items/1/report/").content.decode()
    assert f'<a href="/meetings/{meeting_id}/" class="govuk-back-link">Back to the agenda' in form
    added = client.post(
        f"/meetings/{meeting_id}/items/1/report/attachments/new/",
        {"title": "Appendix 1", "upload": pdf_upload()},
    )
    assert added.url == f"/meetings/{meeting_id}/items/1/"


def test_attachment_page_before_report_redirects_to_write_it(client_for, clerk, draft_item):
    response = client_for(clerk).get(
        f"/meetings/{draft_item.meeting_id}/items/1/report/attachments/new/"
    )
    assert response.status_code == 302
    assert response.url.endswith("/items/1/report/")


# Uploads through the form


def test_upload_form_is_multipart(client_for, clerk, draft_report):
    page = client_for(clerk).get(
        f"/meetings/{draft_report.item.meeting_id}/items/1/report/attachments/new/"
    )
    assert 'enctype="multipart/form-data"' in page.text
    assert 'type="file"' in page.text


def test_fake_pdf_is_refused_on_the_form(client_for, clerk, draft_report, media_root):
    response = client_for(clerk).post(
        f"/meetings/{draft_report.item.meeting_id}/items/1/report/attachments/new/",
        {"title": "Fake", "upload": SimpleUploadedFile("fake.pdf", b"just text")},
    )
    assert response.status_code == 200
    assert "<title>Error:" in response.text
    assert "must be a PDF or a Word document" in response.text
    assert 'href="#id_upload"' in response.text  # linked from the error summary
    assert not Attachment.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))


def test_too_large_is_refused_on_the_form(client_for, clerk, draft_report, settings, pdf_bytes):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    big = pdf_bytes + b"0" * (int(1.45 * 1024 * 1024) - len(pdf_bytes))
    response = client_for(clerk).post(
        f"/meetings/{draft_report.item.meeting_id}/items/1/report/attachments/new/",
        {"title": "Big", "upload": SimpleUploadedFile("big.pdf", big)},
    )
    assert response.status_code == 200
    assert "The file is 1.5 MB; the limit is 1 MB." in response.text
    assert not Attachment.objects.exists()


# Downloads


def test_download_has_safe_headers(client_for, clerk, draft_report, pdf_upload, pdf_bytes):
    attachment = services.attachment_add(
        report=draft_report, upload=pdf_upload(), title='../../etc/passwd "x".pdf', actor=clerk
    )
    response = client_for(clerk).get(
        f"/meetings/{draft_report.item.meeting_id}/attachments/{attachment.pk}/"
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="etc-passwd-x.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == pdf_bytes


def test_download_of_docx_has_its_type(client_for, clerk, draft_report, docx_bytes):
    attachment = services.attachment_add(
        report=draft_report,
        upload=SimpleUploadedFile("m.docx", docx_bytes),
        title="Minutes",
        actor=clerk,
    )
    response = client_for(clerk).get(
        f"/meetings/{draft_report.item.meeting_id}/attachments/{attachment.pk}/"
    )
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == 'attachment; filename="Minutes.docx"'


def test_download_under_the_wrong_meeting_is_404(client, exempt_report, draft_meeting):
    attachment = exempt_report.attachments.get()
    assert (
        client.get(f"/meetings/{draft_meeting.pk}/attachments/{attachment.pk}/").status_code == 404
    )


def test_download_is_get_only(client_for, admin_user, exempt_report):
    attachment = exempt_report.attachments.get()
    url = f"/meetings/{exempt_report.item.meeting_id}/attachments/{attachment.pk}/"
    assert client_for(admin_user).post(url).status_code == 405


# Query bounds


def _add_attachments(report, clerk, pdf_upload, count: int) -> None:
    for n in range(count):
        services.attachment_add(
            report=report,
            upload=pdf_upload(),
            title=f"Appendix {n}",
            actor=clerk,
            revision_summary=f"Appendix {n} added",
        )


@pytest.mark.parametrize("name", ["clerk", "member", None])
def test_item_page_query_bound(
    name, request, client_for, clerk, part_one_report, pdf_upload, django_assert_max_num_queries
):
    client = client_for(None if name is None else request.getfixturevalue(name))
    url = f"/meetings/{part_one_report.item.meeting_id}/items/5/"
    _add_attachments(part_one_report, clerk, pdf_upload, 1)
    # 13: one of them reads the glossary, to spell out the report's acronyms.
    with django_assert_max_num_queries(13) as few:
        client.get(url)
    _add_attachments(part_one_report, clerk, pdf_upload, 6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url)
    assert page.text.count("Appendix ") >= 7


def test_edit_page_query_bound(client_for, clerk, part_one_report, django_assert_max_num_queries):
    client = client_for(clerk)
    with django_assert_max_num_queries(12):
        client.get(f"/meetings/{part_one_report.item.meeting_id}/items/5/report/")


def test_meeting_with_reports_loads_in_fixed_queries(
    reports_meeting, part_one_report, exempt_report, clerk, django_assert_num_queries
):
    from meetings.selectors.reports import meeting_item_views

    for n in range(5):
        item = AgendaItem.objects.create(
            meeting=reports_meeting, position=10 + n, title=f"Item {n}"
        )
        Report.objects.create(item=item, **report_fields(title=f"Report {n}"))
    roles(clerk)
    with django_assert_num_queries(2):
        views = meeting_item_views(reports_meeting, clerk)
        sum(len(v.attachments) for v in views)
    assert len(views) == 7


def test_summary_include_for_each_kind_of_item(reports_meeting, part_one_report, exempt_report):
    from django.template.loader import render_to_string

    from meetings.selectors.reports import meeting_item_views

    public, exempt = meeting_item_views(reports_meeting, AnonymousUser())
    html = render_to_string(
        "meetings/reports/_item_report.html",
        {"item": public.item, "report": public.report, "can_see": public.can_see},
    )
    assert "Read the report" in html
    assert f"/meetings/{reports_meeting.pk}/items/5/" in html
    html = render_to_string(
        "meetings/reports/_item_report.html",
        {"item": exempt.item, "report": exempt.report, "can_see": exempt.can_see},
    )
    # The meeting page shows the exempt notice once, beside the item's title; the summary
    # adds nothing of the withheld report.
    assert "Read the report" not in html and "Contract award" not in html
