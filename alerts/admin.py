"""Administrators search the emails sent and see the follows; nothing is changed here."""

from django.contrib import admin

from alerts import models


class LookOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(models.SentEmail)
class SentEmailAdmin(LookOnlyAdmin):
    list_display = ["sent_at", "to", "subject", "why"]
    list_filter = ["why"]
    search_fields = ["to", "subject", "user__username", "key"]
    date_hierarchy = "sent_at"
    list_select_related = ["user"]


@admin.register(models.Follow)
class FollowAdmin(LookOnlyAdmin):
    list_display = ["created", "user", "email", "content_type", "object_id", "frequency"]
    list_filter = ["content_type", "frequency"]
    search_fields = ["email", "user__username"]
    list_select_related = ["user", "content_type"]


@admin.register(models.PendingAlert)
class PendingAlertAdmin(LookOnlyAdmin):
    list_display = ["created", "follow", "subject", "why", "digest"]
    list_filter = ["why"]
    search_fields = ["subject", "follow__email", "follow__user__username"]
    list_select_related = ["follow__user", "follow__content_type", "digest"]
