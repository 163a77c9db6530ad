"""In production the packs are made by a worker, not in the clerk's request: with the
database task backend, publishing only queues the work, and `db_worker` does it."""

from datetime import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from meetings.models import AgendaPack
from meetings.services import agenda as agenda_services

pytestmark = pytest.mark.django_db(transaction=True)


def test_publishing_queues_the_pack_for_the_worker(settings, tmp_path, clerk, body):
    from django_tasks_db.models import DBTaskResult

    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    meeting = agenda_services.meeting_schedule(
        body=body,
        start=timezone.make_aware(datetime(2099, 3, 10, 10, 0)),
        venue="County Hall",
        actor=clerk,
    )
    agenda_services.item_add(meeting=meeting, title="Winter pressures", actor=clerk)
    agenda_services.agenda_publish(
        meeting=meeting, actor=clerk, now=timezone.make_aware(datetime(2099, 2, 1, 9, 0))
    )

    # The pack render, and telling followers (both for the worker).
    assert sorted(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "meetings.announcements.announce_agenda_published",
        "meetings.tasks.render_packs",
    ]
    assert not AgendaPack.objects.exists()  # nothing rendered in the clerk's request

    call_command("db_worker", "--batch", "--interval", "0", stdout=open("/dev/null", "w"))
    assert AgendaPack.objects.filter(meeting=meeting, document="agenda").count() == 2
