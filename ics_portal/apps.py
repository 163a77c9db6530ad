from django.apps import AppConfig


class IcsPortalConfig(AppConfig):
    name = "ics_portal"
    verbose_name = "ICS Portal"
