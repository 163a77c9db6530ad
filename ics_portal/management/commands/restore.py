"""Read an archive written by `backup` into an empty database and MEDIA_ROOT."""

from __future__ import annotations

import shutil
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

# XML, not JSON: the JSON serializer cuts times to milliseconds, which would reorder
# history rows and move `modified` dates the API's sync filters compare.
DATABASE_MEMBER = "database.xml"
MEDIA_MEMBER = "media"
# Rows `migrate` itself creates: an empty database has them; the archive's replace them.
MIGRATE_ROWS = (ContentType, Permission)


def record_rows() -> dict[str, int]:
    """Tables holding anything but what `migrate` creates, with their row counts."""
    counts = {}
    for model in apps.get_models():
        if model in MIGRATE_ROWS or model._meta.app_label == "sessions":
            continue
        count = model._default_manager.count()
        if count:
            counts[model._meta.label] = count
    return counts


class Command(BaseCommand):
    help = (
        "Restore a `backup` archive: the database and the MEDIA_ROOT files. Refuses a "
        "database or media folder that holds anything unless --force (which replaces it)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path, help="the .tar.gz file `backup` wrote")
        parser.add_argument(
            "--force", action="store_true", help="replace what the database and media hold"
        )

    def handle(self, *args, archive: Path, force: bool, **options) -> None:
        media = Path(settings.MEDIA_ROOT)
        held = record_rows()
        if held and not force:
            tables = ", ".join(f"{label} ({n})" for label, n in sorted(held.items()))
            raise CommandError(
                f"The database is not empty: {tables}. Restore into an empty database "
                "(after `migrate`), or give --force to replace it."
            )
        if media.is_dir() and any(media.iterdir()) and not force:
            raise CommandError(f"{media} is not empty; empty it, or give --force to replace it.")
        with tempfile.TemporaryDirectory() as work:
            with tarfile.open(archive, "r:gz") as tar:
                tar.extractall(work, filter="data")
            dump = Path(work) / DATABASE_MEMBER
            if not dump.is_file():
                raise CommandError(f"{archive} holds no {DATABASE_MEMBER}: not a backup archive.")
            with transaction.atomic():
                if held:
                    call_command(
                        "flush", interactive=False, inhibit_post_migrate=True, verbosity=0
                    )
                for model in MIGRATE_ROWS:
                    model.objects.all().delete()
                # The archive holds the history rows: loading must not add its own (the
                # many-to-many signals of django-simple-history do not check `raw`).
                with override_settings(SIMPLE_HISTORY_ENABLED=False):
                    call_command("loaddata", str(dump), verbosity=0)
            ContentType.objects.clear_cache()
            if media.is_dir():
                shutil.rmtree(media)
            saved = Path(work) / MEDIA_MEMBER
            if saved.is_dir():
                shutil.copytree(saved, media)
            else:
                media.mkdir(parents=True, exist_ok=True)
        self.stdout.write(self.style.SUCCESS(f"Restored the database and media from {archive}."))
