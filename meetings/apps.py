from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Meeting cycle"

    def ready(self) -> None:
        from meetings.services.agenda import AFTER_PUBLISH
        from meetings.tasks import enqueue_pack_render

        # Publishing, revising or minuting a meeting re-renders its stored PDFs.
        AFTER_PUBLISH.append(enqueue_pack_render)
