"""Send today's reminders and digests. Run once a day (see the README); running it again the
same day sends nothing twice."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from alerts.digests import send_digests
from ics_portal.reminders import send_reminders


class Command(BaseCommand):
    help = "Email the reminders due today (deadlines near or passed) and the digests due today."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Send as if today were this day (YYYY-MM-DD), to catch up on a missed day.",
        )

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["date"]:
            try:
                today = date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError("Give the date as YYYY-MM-DD, like 2026-12-01.") from exc
        for kind, count in send_reminders(today=today).items():
            self.stdout.write(f"Reminders, {kind}: {count} sent")
        self.stdout.write(f"Digests: {send_digests(today=today)} sent")
