"""Search on SQLite reads a trigram index kept by triggers (issue 12: SQLite within 2× of
PostgreSQL), so it finds what a record says now, however it was changed."""

from __future__ import annotations

import pytest
from django.db import connection

from decisions.models import Resolution
from ics_portal.common.search_index_sqlite import index_table
from ics_portal.search import KINDS, after_migrate, matches, search
from meetings.models import Minute

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own index"),
]


def labels(query: str) -> list[str]:
    return [result.label for result in search(None, query).results]


def test_an_edit_a_bulk_update_and_a_removal_reach_the_index(records):
    resolution = Resolution.objects.get(number=1)
    resolution.parts = "1) Ratified the otterbank strategy."
    resolution.save()
    assert labels("otterbank") == ["Decision"]
    assert labels("hedgehog") == []

    Resolution.objects.filter(pk=resolution.pk).update(parts="1) Noted the kingfisherx plan.")
    assert labels("kingfisherx") == ["Decision"]
    assert labels("otterbank") == []

    Minute.objects.filter(text__contains="walrusminute").delete()
    assert labels("walrusminute") == []


def test_words_are_found_inside_longer_words_ignoring_case(records):
    assert labels("HEDGE") == ["Decision"]
    assert labels("finch") == ["Report"]


def test_a_short_word_beside_a_long_one_is_matched_too(records):
    """Words under three letters are matched in the record's text (SQLite 3.40 crashed on a
    short pattern before a long one in the index)."""
    assert labels("he hedgehog") == ["Decision"]
    assert labels("zq hedgehog") == []
    assert labels("he") != []


def test_an_underscore_is_a_letter_not_a_wildcard(records):
    Resolution.objects.filter(number=1).update(parts="1) Code ab_cd agreed.")
    assert labels("ab_cd") == ["Decision"]
    assert labels("abxcd") == []


def test_a_table_rebuilt_by_a_migration_gets_its_triggers_and_index_back(records):
    """SQLite alters a table by copying it, which drops its triggers: after `migrate` the
    missing triggers are made again and the index rebuilt from the rows."""
    table = index_table(Resolution)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            [f"{table}%"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP TRIGGER "{name}"')
    Resolution.objects.filter(number=1).update(parts="1) Adopted the puffinrock plan.")
    assert labels("puffinrock") == []  # the index missed the change

    after_migrate(sender=None)
    assert labels("puffinrock") == ["Decision"]
    assert labels("hedgehog") == []


def test_the_match_reads_the_index_not_every_row(records):
    kind = next(kind for kind in KINDS if kind.model is Resolution)
    sql, params = matches(kind, None, "hedgehog", ["hedgehog"]).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert f"SCAN {index_table(Resolution)} VIRTUAL TABLE INDEX" in plan
