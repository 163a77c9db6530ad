"""Addresses of the standing structure (public ones follow DESIGN.md §7)."""

from django.urls import path

from governance.views import structure, terms

app_name = "governance"

urlpatterns = [
    # Organisations, partnerships, bodies, people and memberships
    path("organisations/", structure.organisation_list, name="organisation_list"),
    path("organisations/new/", structure.organisation_create, name="organisation_create"),
    path("organisations/<slug:slug>/", structure.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", structure.organisation_edit, name="organisation_edit"),
    path("partnerships/", structure.partnership_list, name="partnership_list"),
    path("partnerships/new/", structure.partnership_create, name="partnership_create"),
    path("partnerships/<slug:slug>/", structure.partnership_detail, name="partnership_detail"),
    path("partnerships/<slug:slug>/edit/", structure.partnership_edit, name="partnership_edit"),
    path(
        "partnerships/<slug:slug>/members/new/",
        structure.partnership_member_add,
        name="partnership_member_add",
    ),
    path(
        "partnerships/<slug:slug>/members/<int:pk>/leave/",
        structure.partnership_member_end,
        name="partnership_member_end",
    ),
    path("bodies/", structure.body_list, name="body_list"),
    path("bodies/new/", structure.body_create, name="body_create"),
    path("bodies/<slug:slug>/", structure.body_detail, name="body_detail"),
    path("bodies/<slug:slug>/edit/", structure.body_edit, name="body_edit"),
    path("bodies/<slug:slug>/members/new/", structure.membership_add, name="membership_add"),
    path(
        "bodies/<slug:slug>/members/<int:pk>/", structure.membership_edit, name="membership_edit"
    ),
    path("people/", structure.person_list, name="person_list"),
    path("people/new/", structure.person_create, name="person_create"),
    path("people/<slug:slug>/", structure.person_detail, name="person_detail"),
    path("people/<slug:slug>/edit/", structure.person_edit, name="person_edit"),
    # Terms of reference
    path("bodies/<slug:slug>/terms-of-reference/", terms.terms_list, name="terms_list"),
    path("bodies/<slug:slug>/terms-of-reference/new/", terms.terms_new, name="terms_new"),
    path(
        "bodies/<slug:slug>/terms-of-reference/<int:version>/",
        terms.terms_detail,
        name="terms_detail",
    ),
    path(
        "bodies/<slug:slug>/terms-of-reference/<int:version>/edit/",
        terms.terms_edit,
        name="terms_edit",
    ),
    path(
        "bodies/<slug:slug>/terms-of-reference/<int:version>/approve/",
        terms.terms_approve_view,
        name="terms_approve",
    ),
    path(
        "bodies/<slug:slug>/terms-of-reference/compare/<int:a>/<int:b>/",
        terms.terms_compare,
        name="terms_compare",
    ),
    path("terms-of-reference/review-due/", terms.terms_review_due, name="terms_review_due"),
]
