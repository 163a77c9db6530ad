"""SQLite's counterpart of the stored search vector: an FTS5 trigram index per searchable
table, kept by the database's own triggers.

Search on SQLite matches every word of the query anywhere in a record's text, ignoring case
(as `icontains` does). A trigram index answers that `LIKE '%word%'` from its index instead of
reading every row. The index is a table `<table>_search` holding each row's text under its
id, and three triggers keep it as rows are added, changed and removed, whatever path the
change takes (services, bulk writes, `loaddata`, raw SQL).

The indexes are made after every `migrate`, not by migrations: SQLite alters a table by
copying it to a new one, which drops its triggers, so `ensure_search_indexes` puts back any
trigger that is missing and then rebuilds that table's index from its rows.
"""

from __future__ import annotations

import hashlib

from django.db import connections
from django.db.models import Model

SEPARATOR = " \n "


def index_table(model: type[Model]) -> str:
    return f"{model._meta.db_table}_search"


def _text(row: str, columns: tuple[str, ...], quote) -> str:
    """SQL for a row's searchable text: its columns joined (NULL as empty)."""
    return f" || '{SEPARATOR}' || ".join(f"coalesce({row}.{quote(c)}, '')" for c in columns)


def _ensure(cursor, table: str, index: str, columns: tuple[str, ...], quote) -> None:
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {quote(index)} USING fts5(body, tokenize='trigram')"
    )
    # The triggers are named after the columns, so a changed list of columns replaces them.
    tag = hashlib.sha256(",".join(columns).encode()).hexdigest()[:8]
    new = _text("new", columns, quote)
    wanted = {
        f"{index}_insert_{tag}": f"AFTER INSERT ON {quote(table)} BEGIN "
        f"INSERT INTO {quote(index)}(rowid, body) VALUES (new.id, {new}); END",
        f"{index}_update_{tag}": f"AFTER UPDATE ON {quote(table)} BEGIN "
        f"UPDATE {quote(index)} SET body = {new} WHERE rowid = old.id; END",
        f"{index}_delete_{tag}": f"AFTER DELETE ON {quote(table)} BEGIN "
        f"DELETE FROM {quote(index)} WHERE rowid = old.id; END",
    }
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [table]
    )
    existing = {name for (name,) in cursor.fetchall() if name.startswith(f"{index}_")}
    for name in existing - wanted.keys():
        cursor.execute(f"DROP TRIGGER {quote(name)}")
    missing = wanted.keys() - existing
    for name in missing:
        cursor.execute(f"CREATE TRIGGER {quote(name)} {wanted[name]}")
    if missing:
        cursor.execute(f"DELETE FROM {quote(index)}")
        cursor.execute(
            f"INSERT INTO {quote(index)}(rowid, body) "
            f"SELECT id, {_text(quote(table), columns, quote)} FROM {quote(table)}"
        )


def ensure_search_indexes(searched: list[tuple[type[Model], tuple[str, ...]]], using: str) -> None:
    """Make each searched table's index and triggers where missing (SQLite only):
    `searched` gives each model with the columns its text is made of."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for model, columns in searched:
            table = model._meta.db_table
            _ensure(cursor, table, index_table(model), columns, connection.ops.quote_name)
