"""Addresses of the meeting cycle (public ones follow DESIGN.md §7)."""

from django.urls import path

from meetings.views import agenda, proceedings, reports

app_name = "meetings"

urlpatterns = [
    # Meetings, agendas and the work programme
    path("meetings/", agenda.meeting_list, name="list"),
    path("meetings/<int:pk>/", agenda.meeting_detail, name="detail"),
    path("bodies/<slug:slug>/work-programme/", agenda.work_programme, name="work_programme"),
    # Reports and attachments
    path("meetings/<int:pk>/items/<int:position>/", reports.item_detail, name="item_detail"),
    path(
        "meetings/<int:pk>/items/<int:position>/report/",
        reports.report_edit,
        name="report_edit",
    ),
    path(
        "meetings/<int:pk>/items/<int:position>/report/attachments/new/",
        reports.attachment_add,
        name="attachment_add",
    ),
    path(
        "meetings/<int:pk>/attachments/<int:attachment_pk>/",
        reports.attachment_download,
        name="attachment_download",
    ),
    path(
        "meetings/<int:pk>/attachments/<int:attachment_pk>/remove/",
        reports.attachment_remove,
        name="attachment_remove",
    ),
    # Proceedings: attendance, declarations of interest, minutes
    path("meetings/<int:pk>/attendance/", proceedings.attendance_edit, name="attendance"),
    path(
        "meetings/<int:pk>/items/<int:position>/declarations/new/",
        proceedings.declaration_create,
        name="declaration_new",
    ),
    path("meetings/<int:pk>/minutes/", proceedings.minutes_edit, name="minutes_edit"),
    path(
        "meetings/<int:pk>/minutes/approve/", proceedings.minutes_approve, name="minutes_approve"
    ),
]
