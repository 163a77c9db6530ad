"""Addresses of the meeting cycle (public ones follow DESIGN.md §7)."""

from django.urls import path

from meetings.views import agenda, packs

app_name = "meetings"

urlpatterns = [
    # Meetings, agendas and the work programme
    path("meetings/", agenda.meeting_list, name="list"),
    path("meetings/<int:pk>/", agenda.meeting_detail, name="detail"),
    path("bodies/<slug:slug>/work-programme/", agenda.work_programme, name="work_programme"),
    # Packs: the stored agenda pack and minutes PDFs
    path("meetings/<int:pk>/agenda.pdf", packs.agenda_pdf, name="agenda_pdf"),
    path("meetings/<int:pk>/minutes.pdf", packs.minutes_pdf, name="minutes_pdf"),
]
