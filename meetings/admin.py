from django.contrib import admin

from meetings import models

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
