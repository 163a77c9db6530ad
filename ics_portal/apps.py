from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class IcsPortalConfig(AppConfig):
    name = "ics_portal"
    verbose_name = "ICS Portal"

    def ready(self) -> None:
        # why: the search module reads the models, which are not loaded before ready().
        from ics_portal.search import after_migrate

        # post_migrate is sent once for each app with models, after every migration has run:
        # the search indexes are made once, on the signal for the last searchable app.
        post_migrate.connect(
            after_migrate, sender=apps.get_app_config("decisions"), dispatch_uid="search_indexes"
        )
