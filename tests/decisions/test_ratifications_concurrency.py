"""Two governance leads record their organisations' outcomes at the same moment.

Each thread has its own database connection and transaction. The service locks the
resolution row before the ratification, so the second transaction waits for the first to
commit and then derives the resolution's status from both outcomes. Run it on PostgreSQL
(DATABASE_URL=postgres://...) to exercise the row locks; SQLite serialises writes and must
give the same answer. SQLite has no row locks: its in-memory test database refuses a second
writer at once ("database table is locked") where a file database would make it wait, so on
SQLite only, a refused writer tries its whole transaction again.
"""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from django.db import OperationalError, connection

from decisions.models import Ratification, Resolution
from decisions.services.ratifications import ratification_record_outcome, ratification_route
from tests.factories import ratification_of


def _record_at_once(jobs) -> list[BaseException]:
    """Run each (ratification, actor, details) in its own thread, released together."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def work(ratification, actor, details):
        try:
            barrier.wait(timeout=10)
            for attempt in range(100):
                try:
                    ratification_record_outcome(
                        ratification=ratification,
                        actor=actor,
                        expected_version=ratification.version,
                        **details,
                    )
                    break
                except OperationalError as exc:
                    if connection.vendor != "sqlite" or "locked" not in str(exc) or attempt == 99:
                        raise
                    time.sleep(0.01)
        except BaseException as exc:  # reported to the main thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
    return errors


@pytest.mark.django_db(transaction=True)
def test_two_leads_ratifying_at_the_same_moment_lose_neither_outcome(
    agreement, council, trust, council_lead, governance_lead, admin_user, due
):
    ratification_route(
        resolution=agreement,
        routes=[(council, None, due), (trust, None, due)],
        actor=admin_user,
    )
    council_row = ratification_of(agreement, council)
    trust_row = ratification_of(agreement, trust)
    ratified = {"outcome": Ratification.Status.RATIFIED, "decided_on": date(2022, 1, 6)}

    errors = _record_at_once(
        [
            (council_row, council_lead, {**ratified, "minute_reference": "CAB/22/1"}),
            (trust_row, governance_lead, {**ratified, "minute_reference": "TB/22/7"}),
        ]
    )

    assert errors == []
    council_row.refresh_from_db()
    trust_row.refresh_from_db()
    assert (council_row.status, council_row.minute_reference) == ("ratified", "CAB/22/1")
    assert (trust_row.status, trust_row.minute_reference) == ("ratified", "TB/22/7")
    agreement.refresh_from_db()
    # Had the second transaction not waited for the first, it would have seen the other
    # organisation still "requested" and left the resolution awaiting ratification.
    assert agreement.status == Resolution.Status.RATIFIED


@pytest.mark.django_db(transaction=True)
def test_a_rejection_and_a_ratification_at_the_same_moment_make_it_rejected(
    agreement, council, trust, council_lead, governance_lead, admin_user, due
):
    ratification_route(
        resolution=agreement,
        routes=[(council, None, due), (trust, None, due)],
        actor=admin_user,
    )
    errors = _record_at_once(
        [
            (
                ratification_of(agreement, council),
                council_lead,
                {
                    "outcome": Ratification.Status.RATIFIED,
                    "minute_reference": "CAB/22/1",
                    "decided_on": date(2022, 1, 6),
                },
            ),
            (
                ratification_of(agreement, trust),
                governance_lead,
                {"outcome": Ratification.Status.REJECTED, "reason": "Financial risk"},
            ),
        ]
    )
    assert errors == []
    agreement.refresh_from_db()
    assert agreement.status == Resolution.Status.REJECTED
    assert sorted(agreement.ratifications.values_list("status", flat=True)) == [
        "ratified",
        "rejected",
    ]
