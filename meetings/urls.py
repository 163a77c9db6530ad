"""Addresses of the meeting cycle (public ones follow DESIGN.md §7)."""

from django.urls import path

from meetings.views import agenda, assurance, packs, proceedings, reports

app_name = "meetings"

urlpatterns = [
    # The board assurance framework of a risk register
    path(
        "partnerships/<slug:slug>/assurance/",
        assurance.partnership_assurance,
        name="partnership_assurance",
    ),
    path(
        "partnerships/<slug:slug>/assurance.pdf",
        assurance.partnership_assurance_pdf,
        name="partnership_assurance_pdf",
    ),
    path("bodies/<slug:slug>/assurance/", assurance.body_assurance, name="body_assurance"),
    path(
        "bodies/<slug:slug>/assurance.pdf", assurance.body_assurance_pdf, name="body_assurance_pdf"
    ),
    path(
        "meetings/<int:pk>/items/<int:position>/assurance/new/",
        assurance.assurance_record,
        name="assurance_record",
    ),
    # Agenda: meetings, agendas and the work programme
    path("meetings/", agenda.meeting_list, name="list"),
    path("meetings/<int:pk>/", agenda.meeting_detail, name="detail"),
    path("meetings/<int:pk>/edit/", agenda.meeting_edit, name="edit"),
    path("meetings/<int:pk>/in-common/", agenda.meeting_in_common, name="in_common"),
    path("meetings/<int:pk>/publish/", agenda.agenda_publish, name="publish"),
    path(
        "meetings/<int:pk>/publish/past/",
        agenda.agenda_record_past_publication,
        name="publish_past",
    ),
    path("meetings/<int:pk>/cancel/", agenda.meeting_cancel, name="cancel"),
    path("meetings/<int:pk>/held/", agenda.meeting_mark_held, name="mark_held"),
    path("meetings/<int:pk>/items/new/", agenda.item_add, name="item_add"),
    path(
        "meetings/<int:pk>/supplements/publish/",
        agenda.supplement_publish,
        name="supplement_publish",
    ),
    path("meetings/<int:pk>/items/<int:item_pk>/edit/", agenda.item_edit, name="item_edit"),
    path("meetings/<int:pk>/items/<int:item_pk>/revise/", agenda.item_revise, name="item_revise"),
    path("meetings/<int:pk>/items/<int:item_pk>/remove/", agenda.item_remove, name="item_remove"),
    path("meetings/<int:pk>/items/<int:item_pk>/move/", agenda.item_move, name="item_move"),
    path("bodies/<slug:slug>/meetings/new/", agenda.meeting_schedule, name="schedule"),
    path("bodies/<slug:slug>/work-programme/", agenda.work_programme, name="work_programme"),
    path("bodies/<slug:slug>/work-programme/new/", agenda.entry_add, name="entry_add"),
    path("bodies/<slug:slug>/work-programme/<int:pk>/edit/", agenda.entry_edit, name="entry_edit"),
    path(
        "bodies/<slug:slug>/work-programme/<int:pk>/to-agenda/",
        agenda.entry_to_agenda,
        name="entry_to_agenda",
    ),
    # Reports and attachments
    path("meetings/<int:pk>/items/<int:position>/", reports.item_detail, name="item_detail"),
    path(
        "meetings/<int:pk>/items/<int:position>/report.pdf",
        reports.report_pdf,
        name="report_pdf",
    ),
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
        "meetings/<int:pk>/attendance/<slug:body>/",
        proceedings.attendance_edit,
        name="attendance_for",
    ),
    path(
        "meetings/<int:pk>/items/<int:position>/declarations/new/",
        proceedings.declaration_create,
        name="declaration_new",
    ),
    path(
        "meetings/<int:pk>/declarations/<int:declaration_pk>/edit/",
        proceedings.declaration_edit,
        name="declaration_edit",
    ),
    path(
        "meetings/<int:pk>/declarations/<int:declaration_pk>/remove/",
        proceedings.declaration_remove,
        name="declaration_remove",
    ),
    path("meetings/<int:pk>/minutes/", proceedings.minutes_edit, name="minutes_edit"),
    path(
        "meetings/<int:pk>/minutes/approve/", proceedings.minutes_approve, name="minutes_approve"
    ),
    # Packs: the stored agenda pack and minutes PDFs
    path("meetings/<int:pk>/agenda.pdf", packs.agenda_pdf, name="agenda_pdf"),
    path("meetings/<int:pk>/minutes.pdf", packs.minutes_pdf, name="minutes_pdf"),
    path(
        "meetings/<int:pk>/supplements/<int:number>/agenda.pdf",
        packs.supplement_pdf,
        name="supplement_pdf",
    ),
]
