"""Root URLs. Public addresses follow DESIGN.md §7."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ics_portal import feeds, following, history, password_reset, search_views, views

handler404 = "ics_portal.views.not_found"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("cookies/", views.cookies, name="cookies"),
    path("search/", search_views.search_page, name="search"),
    path("account/", views.account, name="account"),
    path("account/sign-in/", auth_views.LoginView.as_view(), name="login"),
    path("account/sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "account/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "account/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "account/password-reset/",
        password_reset.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "account/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "account/password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "account/password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "history/<slug:app_label>/<slug:model_name>/<int:pk>/",
        history.history,
        name="history",
    ),
    # Calendars and feeds
    path("meetings.ics", feeds.meetings_ics, name="meetings_ics"),
    path("bodies/<slug:slug>/meetings.ics", feeds.body_meetings_ics, name="body_meetings_ics"),
    path("decisions/feed/", feeds.decisions_feed, name="decisions_feed"),
    path(
        "bodies/<slug:slug>/decisions/feed/", feeds.body_decisions_feed, name="body_decisions_feed"
    ),
    path(
        "delegated-decisions/feed/",
        feeds.delegated_decisions_feed,
        name="delegated_decisions_feed",
    ),
    path("forward-plan/feed/", feeds.forward_plan_feed, name="forward_plan_feed"),
    path("decisions/notices/feed/", feeds.decision_notices_feed, name="decision_notices_feed"),
    path("", include("alerts.urls")),
    path("follow/<slug:kind>/<int:pk>/", following.follow, name="follow"),
    path("bodies/<slug:slug>/subscribe/", following.subscribe, name="subscribe"),
    path("alerts/confirm/<str:token>/", following.subscribe_confirm, name="subscribe_confirm"),
    path("", include("governance.urls")),
    path("", include("meetings.urls")),
    path("", include("decisions.urls")),
    path("api/v1/", include("ics_portal.api_urls")),
    path("admin/", admin.site.urls),
]
