"""`backup` and `restore`, rehearsed: an archive restored into an empty database and media
folder gives back the same pages, stored PDFs and change history."""

from __future__ import annotations

import re
import shutil

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from decisions.models import Resolution
from meetings.models import AgendaPack, Meeting

# What differs between two renderings of one page: nonces and CSRF tokens.
PER_REQUEST = re.compile(r'(nonce|value|content)="[A-Za-z0-9+/=_-]{20,}"')


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return PER_REQUEST.sub("", response.content.decode())


def snapshot(client, media) -> dict:
    meeting = Meeting.objects.filter(agenda_published_at__isnull=False).order_by("pk").first()
    resolution = Resolution.objects.order_by("pk").first()
    packs = {pack.file.name: pack.file.read() for pack in AgendaPack.objects.all()}
    return {
        "meeting": page(client, meeting.get_absolute_url()),
        "trail": page(client, resolution.get_absolute_url()),
        "packs": packs,
        "history": {
            model._meta.label: model.objects.count()
            for model in apps.get_models()
            if model._meta.label.split(".")[1].startswith("Historical")
        },
        "files": sorted(p.relative_to(media) for p in media.rglob("*") if p.is_file()),
    }


@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_an_empty_database_gives_back_the_record(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = media = tmp_path / "media"
    settings.DEMO_RENDER_PACKS = True
    call_command("load_demo", verbosity=0)
    before = snapshot(client, media)
    assert before["packs"] and sum(before["history"].values())

    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media)
    assert not Meeting.objects.exists()

    call_command("restore", str(archive), verbosity=0)
    assert snapshot(client, media) == before


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_holds_records_unless_forced(
    client, settings, tmp_path, body
):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    body.name = "Renamed after the backup"
    body.save()

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), verbosity=0)
    body.refresh_from_db()
    assert body.name == "Renamed after the backup"

    call_command("restore", str(archive), "--force", verbosity=0)
    body.refresh_from_db()
    assert body.name != "Renamed after the backup"
