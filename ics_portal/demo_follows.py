"""A few demo follows, made through the same service as the Follow buttons: the member follows
her committee, the Wiltshire governance lead follows a partnership agreement still
awaiting ratification (and the body that made it), and a resident has subscribed by email to
the committee."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from alerts.services import follow_start
from decisions.models import Ratification
from governance.models import Body

ASCPH = "adult-social-care-and-public-health-committee"
RESIDENT = "resident@ics-portal.invalid"


def load() -> None:
    users = get_user_model().objects.in_bulk(["member", "lead"], field_name="username")
    committee = Body.objects.get(slug=ASCPH)
    follow_start(record=committee, user=users["member"])
    follow_start(record=committee, email=RESIDENT)
    waiting = (
        Ratification.objects.filter(
            status__in=[Ratification.Status.REQUESTED, Ratification.Status.SCHEDULED]
        )
        .select_related("resolution")
        .order_by("due_date")
        .first()
    )
    if waiting is not None:
        follow_start(record=waiting.resolution, user=users["lead"])
        follow_start(record=waiting.resolution.body, user=users["lead"])
