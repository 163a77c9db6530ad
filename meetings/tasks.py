"""Background work of the meeting cycle, through Django's tasks framework.

With the default ImmediateBackend a task runs as soon as it is enqueued; in production
TASKS_BACKEND names a backend whose worker renders the packs outside the clerk's request.
"""

from __future__ import annotations

from django.tasks import TaskResult, task

from meetings.models import Meeting
from meetings.services.packs import packs_render


@task
def render_packs(meeting_id: int, version: int) -> list[int]:
    """Render and store the meeting's agenda pack and minutes for one pack version."""
    return [pack.pk for pack in packs_render(meeting_id=meeting_id, version=version)]


def enqueue_pack_render(meeting_id: int | Meeting) -> TaskResult:
    """Queue the rendering of the meeting's current pack version (call it on commit).

    Takes the meeting's id (as `after_papers_change` passes it) or the meeting itself.
    """
    meeting_id = getattr(meeting_id, "pk", meeting_id)
    version = Meeting.objects.values_list("pack_version", flat=True).get(pk=meeting_id)
    return render_packs.enqueue(meeting_id, version)
