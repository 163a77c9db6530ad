"""Addresses of the standing structure (public ones follow DESIGN.md §7)."""

from django.urls import path

from governance.views import registers, risks, structure

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
    # Registers of interests, gifts and hospitality
    path("people/<slug:slug>/register/", registers.person_register, name="person_register"),
    path(
        "people/<slug:slug>/register/interests/new/",
        registers.interest_create,
        name="interest_create",
    ),
    path(
        "people/<slug:slug>/register/interests/<int:pk>/edit/",
        registers.interest_edit,
        name="interest_edit",
    ),
    path(
        "people/<slug:slug>/register/interests/<int:pk>/end/",
        registers.interest_end_view,
        name="interest_end",
    ),
    path("people/<slug:slug>/register/gifts/new/", registers.gift_create, name="gift_create"),
    path(
        "people/<slug:slug>/register/gifts/<int:pk>/edit/", registers.gift_edit, name="gift_edit"
    ),
    # Risk registers
    path("partnerships/<slug:slug>/risks/", risks.partnership_risks, name="partnership_risks"),
    path(
        "partnerships/<slug:slug>/risks/new/",
        risks.partnership_risk_create,
        name="partnership_risk_create",
    ),
    path("bodies/<slug:slug>/risks/", risks.body_risks, name="body_risks"),
    path("bodies/<slug:slug>/risks/new/", risks.body_risk_create, name="body_risk_create"),
    path("risks/<int:pk>/", risks.risk_detail, name="risk_detail"),
    path("risks/<int:pk>/edit/", risks.risk_edit, name="risk_edit"),
    path("risks/<int:pk>/rate/", risks.risk_rate_view, name="risk_rate"),
    path("risks/<int:pk>/close/", risks.risk_close_view, name="risk_close"),
    path("risks/<int:pk>/reopen/", risks.risk_reopen_view, name="risk_reopen"),
]
