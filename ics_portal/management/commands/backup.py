"""Write the whole record (database and MEDIA_ROOT) to one .tar.gz archive."""

from __future__ import annotations

import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from ics_portal.management.commands.restore import DATABASE_MEMBER, MEDIA_MEMBER

# Sessions are not part of the record: after a restore everyone signs in again.
EXCLUDED = ["sessions"]


class Command(BaseCommand):
    help = (
        "Write the database (every app's tables, history included, as dumpdata XML) and "
        "the MEDIA_ROOT files (attachments, stored PDFs) to one .tar.gz archive."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path, help="the .tar.gz file to write")

    def handle(self, *args, archive: Path, **options) -> None:
        with tempfile.TemporaryDirectory() as work:
            dump = Path(work) / DATABASE_MEMBER
            call_command("dumpdata", exclude=EXCLUDED, format="xml", output=str(dump), verbosity=0)
            with tarfile.open(archive, "w:gz") as tar:
                tar.add(dump, arcname=DATABASE_MEMBER)
                media = Path(settings.MEDIA_ROOT)
                if media.is_dir():
                    tar.add(media, arcname=MEDIA_MEMBER)
        self.stdout.write(self.style.SUCCESS(f"Backed up the database and media to {archive}."))
