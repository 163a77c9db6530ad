"""Run daily: resolutions whose organisations' executive decisions took effect (their call-in
period over) take the status that follows. Safe to run again."""

from django.core.management.base import BaseCommand

from decisions.services.executive import resolutions_refresh_on_taking_effect


class Command(BaseCommand):
    help = "Refresh the status of resolutions whose ratifying decisions have taken effect."

    def handle(self, *args, **options):
        changed = resolutions_refresh_on_taking_effect()
        self.stdout.write(f"{changed} resolution(s) changed status.")
