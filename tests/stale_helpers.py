"""Helpers for the stale-form and concurrent-writer tests: read the hidden version a page was
opened at, and run writers in threads released together.

The concurrency tests run each save in its own thread, with its own database connection and
transaction. On PostgreSQL (DATABASE_URL=postgres://...) the service's row locks make the
second wait, then see the first's new version. SQLite has no row locks: its in-memory test
database refuses a second writer at once ("database table is locked"), so on SQLite only a
refused writer tries its whole transaction again, as the concurrency tests of every app do;
both must give the same answer.
"""

from __future__ import annotations

import re
import threading
import time

from django.core.exceptions import ValidationError
from django.db import OperationalError, connection

STALE = "since you opened it; reload the page"


def hidden(response, name: str) -> str:
    """The value of a hidden input on the page the user opened."""
    found = re.search(rf'<input type="hidden" name="{name}"[^>]*>', response.text)
    assert found, f"no hidden {name} on the page"
    value = re.search(r'value="([^"]*)"', found.group(0))
    return value.group(1) if value else ""


def assert_refused(response, typed: str, message: str = STALE) -> None:
    """Refused on the page, with the reason and what the user typed still in the form."""
    assert response.status_code == 200
    assert "Error:" in response.text
    assert message in response.text
    assert typed in response.text


def at_once(*calls) -> tuple[list, list[BaseException]]:
    """Run each call in its own thread, released together; (results, errors)."""
    barrier = threading.Barrier(len(calls))
    results: list = []
    errors: list[BaseException] = []

    def work(call):
        try:
            barrier.wait(timeout=10)
            for attempt in range(100):
                try:
                    results.append(call())
                    break
                except OperationalError as exc:
                    if connection.vendor != "sqlite" or "locked" not in str(exc) or attempt == 99:
                        raise
                    time.sleep(0.01)
        except BaseException as exc:  # reported to the main thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
    return results, errors


def one_saved_one_refused(results, errors, message: str = STALE) -> None:
    assert len(results) == 1, errors
    assert len(errors) == 1 and isinstance(errors[0], ValidationError), errors
    assert message in errors[0].messages[0]
