"""The portal's addresses plus the bare-Django baseline under /bench/ (bench settings only)."""

from django.urls import include, path

from bench import views

urlpatterns = [
    path("bench/decisions/", views.resolution_list),
    path("bench/decisions/<int:pk>/", views.resolution_detail),
    path("bench/api/resolutions/", views.resolution_api),
    path("bench/bodies/<slug:slug>/", views.body_detail),
    path("bench/meetings/", views.meeting_list),
    path("bench/meetings/<int:pk>/", views.meeting_detail),
    path("bench/ratifications/", views.ratification_list),
    path("bench/packs/<int:pk>/", views.stored_pack),
    path("", include("ics_portal.urls")),
]
