"""Addresses of alerts: your emails, what you follow, and unsubscribing."""

from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("account/emails/", views.emails_sent, name="emails"),
    path("account/following/", views.following, name="following"),
    path("account/following/<int:pk>/", views.follow_change, name="follow_change"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
