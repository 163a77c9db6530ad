"""Addresses of the decision trail (public ones follow DESIGN.md §7)."""

from django.urls import path

from decisions.views import ratifications, resolutions, trail

app_name = "decisions"

urlpatterns = [
    # Resolutions
    path("decisions/", resolutions.resolution_list, name="list"),
    # The decision trail
    path("decisions/<int:pk>/", trail.trail, name="detail"),
    # Ratifications
    path(
        "decisions/<int:pk>/ratifications/route/",
        ratifications.ratification_route,
        name="ratification_route",
    ),
    path(
        "decisions/<int:pk>/ratifications/<int:ratification_pk>/outcome/",
        ratifications.ratification_outcome,
        name="ratification_outcome",
    ),
    path("ratifications/", ratifications.ratification_dashboard, name="ratification_dashboard"),
]
