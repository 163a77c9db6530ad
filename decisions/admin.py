"""Admin views of the decision trail: read-only, since every change goes through a service
that keeps the rules (numbering, status, ratification outcomes)."""

from django.contrib import admin

from decisions import models
from ics_portal.common.admin import ReadOnlyAdmin


@admin.register(models.Resolution)
class ResolutionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "kind", "status", "meeting"]
    list_filter = ["kind", "status"]
    list_select_related = ["body", "meeting__body"]


@admin.register(models.Ratification)
class RatificationAdmin(ReadOnlyAdmin):
    list_display = ["resolution", "organisation", "status", "due_date"]
    list_filter = ["status"]
    list_select_related = ["resolution__body", "organisation"]


@admin.register(models.Action)
class ActionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "body", "owner", "due_date", "status"]
    list_filter = ["status"]
    list_select_related = ["body"]


@admin.register(models.ScrutinyRecommendation)
class ScrutinyRecommendationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "scrutiny_body", "sent_on", "regime", "response_due", "status"]
    list_filter = ["status", "regime"]
    list_select_related = ["scrutiny_body"]


@admin.register(models.DelegatedDecision)
class DelegatedDecisionAdmin(ReadOnlyAdmin):
    list_display = ["title", "organisation", "decided_by", "decided_on"]
    list_select_related = ["organisation"]
