"""Addresses of the standing structure (public ones follow DESIGN.md §7)."""

from django.urls import path

from governance.views import agreements, objectives, registers, risks, structure, terms

app_name = "governance"

urlpatterns = [
    # Organisations, partnerships, bodies, people and memberships
    path("organisations/", structure.organisation_list, name="organisation_list"),
    path("organisations/new/", structure.organisation_create, name="organisation_create"),
    path("organisations/<slug:slug>/", structure.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", structure.organisation_edit, name="organisation_edit"),
    path(
        "organisations/<slug:slug>/procurement-decisions/",
        registers.procurement_decisions,
        name="procurement_decisions",
    ),
    path(
        "organisations/<slug:slug>/procurement-decisions/new/",
        registers.procurement_decision_create,
        name="procurement_decision_create",
    ),
    path(
        "organisations/<slug:slug>/procurement-decisions/<int:pk>/edit/",
        registers.procurement_decision_edit,
        name="procurement_decision_edit",
    ),
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
    # Objectives and progress; the glossary
    path(
        "partnerships/<slug:slug>/objectives/",
        objectives.partnership_objectives,
        name="partnership_objectives",
    ),
    path(
        "partnerships/<slug:slug>/objectives/new/",
        objectives.objective_create,
        name="objective_create",
    ),
    path(
        "partnerships/<slug:slug>/objectives/<int:pk>/edit/",
        objectives.objective_edit,
        name="objective_edit",
    ),
    path(
        "partnerships/<slug:slug>/objectives/<int:pk>/progress/new/",
        objectives.progress_report_create,
        name="progress_report_create",
    ),
    path(
        "partnerships/<slug:slug>/objectives/<int:pk>/progress/<int:report_pk>/edit/",
        objectives.progress_report_edit,
        name="progress_report_edit",
    ),
    path("glossary/", objectives.glossary_page, name="glossary"),
    path("glossary/new/", objectives.glossary_term_create, name="glossary_term_create"),
    path("glossary/<int:pk>/edit/", objectives.glossary_term_edit, name="glossary_term_edit"),
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
    # Agreements (MoU, collaboration agreement, section 75, delegation agreement) and delegations
    path("agreements/", agreements.agreement_list, name="agreement_list"),
    path("agreements/new/", agreements.agreement_create, name="agreement_create"),
    path("agreements/<slug:slug>/", agreements.agreement_detail, name="agreement_detail"),
    path("agreements/<slug:slug>/edit/", agreements.agreement_edit, name="agreement_edit"),
    path("agreements/<slug:slug>/sections/new/", agreements.section_add, name="section_add"),
    path(
        "agreements/<slug:slug>/sections/<int:number>/edit/",
        agreements.section_edit,
        name="section_edit",
    ),
    path("agreements/<slug:slug>/parties/new/", agreements.party_add, name="party_add"),
    path(
        "agreements/<slug:slug>/parties/<int:pk>/remove/",
        agreements.party_remove,
        name="party_remove",
    ),
    path("agreements/<slug:slug>/sign/", agreements.signature_record, name="signature_record"),
    path("agreements/<slug:slug>/status/", agreements.status_change, name="agreement_status"),
    path(
        "agreements/<slug:slug>/new-version/",
        agreements.new_version,
        name="agreement_new_version",
    ),
    path(
        "bodies/<slug:slug>/delegations/new/",
        agreements.body_delegation_create,
        name="body_delegation_create",
    ),
    path(
        "organisations/<slug:slug>/delegations/new/",
        agreements.organisation_delegation_create,
        name="organisation_delegation_create",
    ),
    path("delegations/<int:pk>/", agreements.delegation_detail, name="delegation_detail"),
    path("delegations/<int:pk>/edit/", agreements.delegation_edit, name="delegation_edit"),
    path("delegations/<int:pk>/end/", agreements.delegation_end, name="delegation_end"),
]
