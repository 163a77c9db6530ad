"""Addresses of the decision trail (public ones follow DESIGN.md §7)."""

from django.urls import path

from decisions.views import resolutions, trail

app_name = "decisions"

urlpatterns = [
    # Resolutions
    path("decisions/", resolutions.resolution_list, name="list"),
    # The decision trail
    path("decisions/<int:pk>/", trail.trail, name="detail"),
]
