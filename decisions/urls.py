"""Addresses of the decision trail (public ones follow DESIGN.md §7)."""

from django.urls import path

from decisions.views import pdfs, resolutions, trail

app_name = "decisions"

urlpatterns = [
    # Resolutions
    path("decisions/", resolutions.resolution_list, name="list"),
    # The decision trail
    path("decisions/<int:pk>/", trail.trail, name="detail"),
    path("decisions/<int:pk>/trail.pdf", pdfs.trail_pdf, name="trail_pdf"),
    path("meetings/<int:pk>/items/<int:position>/report.pdf", pdfs.report_pdf, name="report_pdf"),
]
