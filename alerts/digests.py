"""Daily and weekly digests: the alerts that waited for a follower, in one email per follow.

Sent by the daily `send_reminders` command: daily digests every day, weekly ones on Mondays.
Each digest is recorded once per follow and day (`SentEmail.key`), and the alerts it carried
are marked with it, so a second run on the same day sends nothing again.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from alerts.mail import Letter, deliver, portal_url
from alerts.models import Follow, PendingAlert, SentEmail

WEEKLY_ON = 0  # Monday


def digest_frequencies(today: date) -> list[str]:
    due = [Follow.Frequency.DAILY]
    if today.weekday() == WEEKLY_ON:
        due.append(Follow.Frequency.WEEKLY)
    return due


def send_digests(*, today: date, base_url: str = "") -> int:
    """Send each follow due a digest today the alerts waiting for it; how many digests."""
    waiting = (
        PendingAlert.objects.filter(
            digest__isnull=True, follow__frequency__in=digest_frequencies(today)
        )
        .select_related("follow__user", "follow__content_type")
        .order_by("follow_id", "created", "pk")
    )
    by_follow: dict[int, list[PendingAlert]] = {}
    for alert in waiting:
        by_follow.setdefault(alert.follow_id, []).append(alert)
    sent = 0
    for alerts in by_follow.values():
        follow = alerts[0].follow
        record = follow.record
        if record is None:
            continue  # the record is gone; its follow with it
        count = len(alerts)
        with transaction.atomic():
            digest = deliver(
                Letter(
                    to=follow.address,
                    user=follow.user,
                    subject=(
                        f"{follow.get_frequency_display()}: {count} update"
                        f"{'s' if count != 1 else ''} on {record}"
                    ),
                    template="alerts/email/alert",
                    why=SentEmail.Why.DIGEST,
                    about=record,
                    link=portal_url(base_url) + record.get_absolute_url(),
                    follow=follow,
                    key=f"digest:{follow.pk}:{today.isoformat()}",
                    context={
                        "body": "alerts/email/digest_body.txt",
                        "alerts": alerts,
                        "record": record,
                        "frequency": follow.frequency,
                        "because": f"You follow {record}",
                    },
                ),
                base_url=base_url,
            )
            if digest is not None:
                PendingAlert.objects.filter(pk__in=[alert.pk for alert in alerts]).update(
                    digest=digest
                )
                sent += 1
    return sent
