"""Load (or refresh) the demo record built from the seeds. Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from governance import demo as governance_demo
from ics_portal import demo_users
from meetings import demo as meetings_demo


class Command(BaseCommand):
    help = "Load the demo partnerships, bodies, meetings and decisions, and the demo sign-ins."

    def handle(self, *args, **options):
        with transaction.atomic():
            structure = governance_demo.load()
            meetings_demo.load()
            users = demo_users.load(structure)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo sign-ins (password for each: {demo_users.DEMO_PASSWORD}):")
        for username, what in users:
            self.stdout.write(f"  {username:<10} {what}")
