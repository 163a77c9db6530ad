from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance import models


@admin.register(models.Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "ods_code"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ["name", "level", "parent"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "partnership", "organisation"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "honorific", "organisation", "user"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "body", "role", "voting", "start", "end"]
    list_filter = ["role", "voting"]


@admin.register(models.RoleAssignment)
class RoleAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "body", "organisation"]
    list_filter = ["role"]


@admin.register(models.Interest)
class InterestAdmin(SimpleHistoryAdmin):
    list_display = ["person", "kind", "organisation_concerned", "registered_from", "registered_to"]
    list_filter = ["kind"]
    search_fields = ["person__name", "description"]


@admin.register(models.GiftOrHospitality)
class GiftOrHospitalityAdmin(SimpleHistoryAdmin):
    list_display = ["person", "kind", "offered_by", "value", "date_offered", "decision"]
    list_filter = ["kind", "decision"]


@admin.register(models.ProcurementDecision)
class ProcurementDecisionAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "decided_on", "contract", "value"]
    search_fields = ["contract", "supplier"]


@admin.register(models.Risk)
class RiskAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "title", "partnership", "body", "status", "review_date"]
    list_filter = ["status"]


@admin.register(models.RiskRating)
class RiskRatingAdmin(SimpleHistoryAdmin):
    list_display = ["risk", "rated_on", "likelihood", "impact", "stated_rag", "rated_by"]


@admin.register(models.TermsOfReference)
class TermsOfReferenceAdmin(SimpleHistoryAdmin):
    """Read-only: versions are drafted and approved through the portal's own pages, which keep
    approved versions unchanged."""

    list_display = ["body", "version", "status", "approved_on", "review_date"]
    list_filter = ["status"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


# Agreements and delegations


class AgreementPartyInline(admin.TabularInline):
    model = models.AgreementParty
    extra = 0
    fields = ["organisation", "signed_by", "signed_on", "recorded_by"]
    readonly_fields = ["recorded_by"]


class AgreementSectionInline(admin.StackedInline):
    model = models.AgreementSection
    extra = 0


@admin.register(models.Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["title", "version", "kind", "status", "partnership"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AgreementPartyInline, AgreementSectionInline]


@admin.register(models.Delegation)
class DelegationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "financial_limit", "source_agreement", "start", "end"]
