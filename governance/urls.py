"""Addresses of the standing structure (public ones follow DESIGN.md §7)."""

from django.urls import path

from governance.views import structure

app_name = "governance"

urlpatterns = [
    # Organisations, partnerships, bodies, people and memberships
    path("organisations/", structure.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", structure.organisation_detail, name="organisation_detail"),
    path("partnerships/", structure.partnership_list, name="partnership_list"),
    path("partnerships/<slug:slug>/", structure.partnership_detail, name="partnership_detail"),
    path("bodies/", structure.body_list, name="body_list"),
    path("bodies/<slug:slug>/", structure.body_detail, name="body_detail"),
    path("people/<slug:slug>/", structure.person_detail, name="person_detail"),
]
