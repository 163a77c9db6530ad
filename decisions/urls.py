"""Addresses of the decision trail (public ones follow DESIGN.md §7)."""

from django.urls import path

from decisions.views import resolutions, trail

app_name = "decisions"

urlpatterns = [
    # Resolutions
    path("decisions/", resolutions.resolution_list, name="list"),
    path("decisions/<int:pk>/edit/", resolutions.resolution_edit, name="resolution_edit"),
    path(
        "meetings/<int:pk>/items/<int:position>/resolutions/new/",
        resolutions.resolution_new,
        name="resolution_new",
    ),
    # The decision trail
    path("decisions/<int:pk>/", trail.trail, name="detail"),
]
