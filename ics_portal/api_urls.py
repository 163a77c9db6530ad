"""The REST API at /api/v1/ (DESIGN.md §6), its OpenAPI schema and its docs."""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from decisions import api as decisions_api
from governance import api as governance_api
from meetings import api as meetings_api

app_name = "api"

router = DefaultRouter()
router.register("organisations", governance_api.OrganisationViewSet, basename="organisation")
router.register("partnerships", governance_api.PartnershipViewSet, basename="partnership")
router.register(
    "partnership-memberships",
    governance_api.PartnershipMemberViewSet,
    basename="partnership-membership",
)
router.register("bodies", governance_api.BodyViewSet, basename="body")
router.register("people", governance_api.PersonViewSet, basename="person")
router.register("memberships", governance_api.MembershipViewSet, basename="membership")
router.register("meetings", meetings_api.MeetingViewSet, basename="meeting")
router.register("agenda-items", decisions_api.AgendaItemViewSet, basename="agenda-item")
router.register("papers", meetings_api.PaperViewSet, basename="paper")
router.register("files", meetings_api.FileViewSet, basename="file")
router.register("resolutions", decisions_api.ResolutionViewSet, basename="resolution")
router.register("ratifications", decisions_api.RatificationViewSet, basename="ratification")
router.register("actions", decisions_api.ActionViewSet, basename="action")
router.register(
    "delegated-decisions",
    decisions_api.DelegatedDecisionViewSet,
    basename="delegated-decision",
)
router.register(
    "forward-plan-entries",
    decisions_api.ForwardPlanEntryViewSet,
    basename="forward-plan-entry",
)
router.register(
    "decision-notices", decisions_api.DecisionNoticeViewSet, basename="decision-notice"
)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path(
        "attendance-statistics/",
        meetings_api.AttendanceStatisticsView.as_view(),
        name="attendance-statistics",
    ),
    path("", include(router.urls)),
]
