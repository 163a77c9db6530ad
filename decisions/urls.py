"""Addresses of the decision trail (public ones follow DESIGN.md §7)."""

from django.urls import path

from decisions.views import (
    actions,
    delegated,
    executive,
    pdfs,
    ratifications,
    resolutions,
    scrutiny,
    trail,
)

app_name = "decisions"

urlpatterns = [
    # Resolutions
    path("decisions/", resolutions.resolution_list, name="list"),
    path("decisions/<int:pk>/edit/", resolutions.resolution_edit, name="resolution_edit"),
    path(
        "decisions/<int:pk>/withdraw/",
        resolutions.resolution_withdraw,
        name="resolution_withdraw",
    ),
    path(
        "meetings/<int:pk>/items/<int:position>/resolutions/new/",
        resolutions.resolution_new,
        name="resolution_new",
    ),
    # Officer and delegated decisions
    path(
        "delegated-decisions/",
        delegated.delegated_decision_list,
        name="delegated_decision_list",
    ),
    path(
        "delegated-decisions/new/",
        delegated.delegated_decision_new,
        name="delegated_decision_new",
    ),
    path(
        "delegated-decisions/<int:pk>/",
        delegated.delegated_decision_detail,
        name="delegated_decision_detail",
    ),
    # The decision trail
    path("decisions/<int:pk>/", trail.trail, name="detail"),
    # Followup: actions and scrutiny recommendations
    path("bodies/<slug:slug>/actions/", actions.action_log, name="action_log"),
    path("actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("actions/<int:pk>/edit/", actions.action_edit, name="action_edit"),
    path("actions/<int:pk>/status/", actions.action_status, name="action_status"),
    path("actions/<int:pk>/notes/new/", actions.action_note_add, name="action_note_add"),
    path(
        "decisions/<int:pk>/actions/new/",
        actions.action_new_for_resolution,
        name="action_new_for_resolution",
    ),
    path(
        "meetings/<int:pk>/items/<int:position>/actions/new/",
        actions.action_new_for_item,
        name="action_new_for_item",
    ),
    path("bodies/<slug:slug>/scrutiny/", scrutiny.recommendation_list, name="recommendation_list"),
    path(
        "bodies/<slug:slug>/scrutiny/new/",
        scrutiny.recommendation_send,
        name="recommendation_send",
    ),
    path("scrutiny/<int:pk>/", scrutiny.recommendation_detail, name="recommendation_detail"),
    path(
        "scrutiny/<int:pk>/response/",
        scrutiny.recommendation_respond,
        name="recommendation_respond",
    ),
    path(
        "scrutiny/<int:pk>/decision/",
        scrutiny.recommendation_decide,
        name="recommendation_decide",
    ),
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
    path("decisions/<int:pk>/trail.pdf", pdfs.trail_pdf, name="trail_pdf"),
    # Executive decisions: the forward plan, decision notices and call-in
    path("forward-plan/", executive.forward_plan, name="forward_plan"),
    path("forward-plan/<int:pk>/", executive.forward_plan_entry, name="forward_plan_entry"),
    path("forward-plan/<int:pk>/notice/", executive.notice_new, name="notice_new"),
    path("forward-plan/<int:pk>/edit/", executive.forward_plan_edit, name="forward_plan_edit"),
    path(
        "organisations/<slug:slug>/forward-plan/",
        executive.organisation_forward_plan,
        name="organisation_forward_plan",
    ),
    path(
        "organisations/<slug:slug>/forward-plan/new/",
        executive.forward_plan_new,
        name="forward_plan_new",
    ),
    path("decisions/notices/", executive.notice_list, name="notice_list"),
    path("decisions/notices/<int:pk>/", executive.notice_detail, name="notice_detail"),
    path("decisions/notices/<int:pk>/edit/", executive.notice_edit, name="notice_edit"),
    path("decisions/notices/<int:pk>/call-in/", executive.call_in_new, name="call_in_new"),
    path(
        "decisions/notices/<int:pk>/call-in/outcome/",
        executive.call_in_outcome,
        name="call_in_outcome",
    ),
]
