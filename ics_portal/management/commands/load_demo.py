"""Load (or refresh) the demo record built from the seeds. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from decisions import demo as decisions_demo
from decisions import demo_executive
from governance import demo as governance_demo
from ics_portal import demo_follows, demo_users
from ics_portal.demo_dates import date_demo_history
from meetings import demo as meetings_demo
from meetings.models import AgendaPack, Meeting
from meetings.tasks import enqueue_pack_render


class Command(BaseCommand):
    help = "Load the demo partnerships, bodies, meetings and decisions, and the demo sign-ins."

    def handle(self, *args, **options):
        started = timezone.now()
        with transaction.atomic():
            structure = governance_demo.load()
            meetings_demo.load()
            decisions_demo.load()
            users = demo_users.load(structure)
            # Published by the council's governance lead, a demo user.
            demo_executive.load()
            date_demo_history(since=started)
        # After the demo's own changes have committed (and announced to nobody yet): a few
        # people who follow things, so the next change is announced to them.
        demo_follows.load()
        if settings.DEMO_RENDER_PACKS:
            self._render_packs()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo sign-ins (password for each: {demo_users.DEMO_PASSWORD}):")
        for username, what in users:
            self.stdout.write(f"  {username:<10} {what}")

    def _render_packs(self) -> None:
        """Make the stored PDFs of published demo meetings that have none yet."""
        unrendered = Meeting.objects.filter(agenda_published_at__isnull=False).exclude(
            pk__in=AgendaPack.objects.values("meeting")
        )
        for meeting in unrendered:
            if meeting.pack_version == 0:
                Meeting.objects.filter(pk=meeting.pk).update(pack_version=1)
            enqueue_pack_render(meeting.pk)
            self.stdout.write(f"Agenda pack and minutes queued for {meeting}.")
