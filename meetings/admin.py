from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from meetings import models

# Reports and attachments


@admin.register(models.Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ["title", "item", "author"]
    search_fields = ["title", "author"]
    raw_id_fields = ["item"]


@admin.register(models.Attachment)
class AttachmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "report", "mime_type", "size", "uploaded_at"]
    raw_id_fields = ["report", "uploaded_by"]
    readonly_fields = ["original_name", "mime_type", "size", "sha512", "file"]
