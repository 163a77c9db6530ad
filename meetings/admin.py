"""Admin views of meetings: read-only for every record the services own (published means
kept), so that nobody, superusers included, adds, changes or deletes papers behind the rules."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ics_portal.common.admin import ReadOnlyAdmin
from meetings import models

# Reports and attachments


@admin.register(models.Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["title", "item", "author"]
    search_fields = ["title", "author"]
    raw_id_fields = ["item"]


@admin.register(models.Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ["title", "report", "mime_type", "size", "uploaded_at"]
    raw_id_fields = ["report", "uploaded_by"]
    list_filter = ["withdrawn_at"]


# Proceedings: changes go through meetings.services.proceedings, which keeps the rules
# (members only, approved minutes never edited).


@admin.register(models.Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "person", "status", "substitute"]
    list_filter = ["status"]
    list_select_related = ["meeting__body", "person", "substitute"]


@admin.register(models.Declaration)
class DeclarationAdmin(ReadOnlyAdmin):
    list_display = ["item", "person", "kind", "action"]
    list_select_related = ["item", "person"]


@admin.register(models.Minute)
class MinuteAdmin(ReadOnlyAdmin):
    list_display = ["item"]
    list_select_related = ["item"]


# Agenda: meetings, agenda items and revisions change only through the portal's services; the
# work programme, a plan rather than a record, may still be tidied here.


@admin.register(models.Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["body", "start", "status", "agenda_published_at"]
    list_filter = ["status", "body"]
    date_hierarchy = "start"


@admin.register(models.AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "position", "title", "kind", "is_exempt"]
    list_select_related = ["meeting__body"]


@admin.register(models.AgendaRevision)
class AgendaRevisionAdmin(ReadOnlyAdmin):
    list_display = ["item", "made_at", "made_by", "summary"]


@admin.register(models.WorkProgrammeEntry)
class WorkProgrammeEntryAdmin(SimpleHistoryAdmin):
    list_display = ["title", "body", "planned_for", "status"]
    list_filter = ["status", "body"]


# Packs: stored PDFs are made by the render task; the admin only looks.


@admin.register(models.AgendaPack)
class AgendaPackAdmin(admin.ModelAdmin):
    list_display = ["meeting", "document", "audience", "version", "pages", "rendered_at"]
    list_filter = ["document", "audience"]
    list_select_related = ["meeting__body"]
    readonly_fields = [
        "meeting",
        "document",
        "audience",
        "version",
        "file",
        "pages",
        "rendered_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
