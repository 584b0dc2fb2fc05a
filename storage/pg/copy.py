"""Copy a SQLite catalog into an empty PostgreSQL one: the move from one machine to a cluster.

Every row of every table (the web inbox's people, sessions, API tokens and read marks too) is
copied with its ids (jobs, events, users, audit sequence numbers), in
one PostgreSQL transaction: either the whole catalog arrives or nothing does. The source is
read in one SQLite read transaction, a consistent snapshot (stop the service first anyway:
what it writes after the snapshot stays behind). A source column the target lacks stops the
copy before anything is written (nothing is dropped on the way), and so does a target that
already holds faxes, events, jobs, audit entries or users (two histories are never merged). After
the copy the row counts are compared and the audit chain is verified on the target.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psycopg import sql
from psycopg.types.json import Jsonb

from storage import audit
from storage.backend import PostgresSettings
from storage.catalog import open_catalog as open_sqlite_catalog
from storage.pg.catalog import PostgresCatalog, open_postgres_catalog
from storage.pg.tsvector import page_tsvector
from storage.terms import index_terms

# In dependency order (foreign keys). Each: the table, and its identity column if any.
TABLES: list[tuple[str, str | None]] = [
    ("faxes", None), ("pages", "id"), ("archive_objects", None), ("spam_feedback", None),
    ("events", "id"), ("jobs", "id"), ("audit_log", None), ("audit_anchors", None),
    ("search_terms", None), ("search_term_keys", None),
    # the web inbox: people first, then what refers to them and to faxes
    ("users", "id"), ("user_mailboxes", None), ("sessions", None), ("api_tokens", None),
    ("signin_attempts", "id"), ("fax_handling", None), ("fax_reads", None),
]
# Tables that must be empty on the target: a copy never merges two histories.
MUST_BE_EMPTY = ("faxes", "events", "jobs", "audit_log", "users")
JSON_COLUMNS = {("faxes", "metadata"), ("jobs", "payload")}
# Columns only the PostgreSQL side has, filled from the copied ones.
DERIVED_COLUMNS = {("pages", "terms"), ("pages", "search")}
BATCH = 1000


class CopyRefused(RuntimeError):
    """The copy cannot be made as asked; nothing was written."""


@dataclass
class CopyReport:
    rows: dict[str, int] = field(default_factory=dict)
    audit_entries: int = 0
    audit_head_seq: int = 0


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _target_columns(target: PostgresCatalog, table: str) -> list[str]:
    with target.transaction() as conn:
        rows = conn.execute("SELECT column_name FROM information_schema.columns"
                            " WHERE table_schema = current_schema() AND table_name = %s",
                            (table,)).fetchall()
    return [r[0] for r in rows]


def _check(source: sqlite3.Connection, target: PostgresCatalog) -> dict[str, list[str]]:
    """The columns to copy per table; refuses a target that is not empty, or that lacks a
    column the source holds."""
    plan = {}
    for table, _ in TABLES:
        src, dst = _columns(source, table), set(_target_columns(target, table))
        missing = [c for c in src if c not in dst]
        if missing:
            raise CopyRefused(f"the PostgreSQL catalog has no column {', '.join(missing)} in "
                              f"{table} (its schema is older than this SQLite catalog's); "
                              "upgrade faxvault on the target first")
        plan[table] = src
    with target.transaction() as conn:
        for table in MUST_BE_EMPTY:
            if conn.execute(sql.SQL("SELECT 1 FROM {} LIMIT 1").format(
                    sql.Identifier(table))).fetchone():
                raise CopyRefused(f"the PostgreSQL catalog is not empty ({table} has rows); "
                                  "a copy goes only into a new, empty catalog")
    return plan


def _rows(source: sqlite3.Connection, table: str, columns: list[str]
          ) -> Iterator[list[tuple[Any, ...]]]:
    cursor = source.execute(f"SELECT {', '.join(columns)} FROM {table}")
    while batch := cursor.fetchmany(BATCH):
        yield [tuple(row) for row in batch]


def _convert(table: str, columns: list[str], row: tuple[Any, ...]) -> tuple[Any, ...]:
    values = list(row)
    for n, column in enumerate(columns):
        if (table, column) in JSON_COLUMNS and values[n] is not None:
            values[n] = Jsonb(json.loads(values[n]) if isinstance(values[n], str)
                              else values[n])
    if table == "pages":
        text_terms = index_terms(values[columns.index("text")] or "")
        added = values[columns.index("added_forms")] if "added_forms" in columns else ""
        added_terms = index_terms(added or "")
        values += [text_terms + added_terms, page_tsvector(text_terms, added_terms)]
    return tuple(values)


def copy_sqlite_catalog(sqlite_path: Path, target: PostgresCatalog, actor: str,
                        progress: Callable[[str, int], None] = lambda table, n: None
                        ) -> CopyReport:
    """Copy the SQLite catalog at ``sqlite_path`` into ``target`` (empty), check it, and
    audit the copy (by ``actor``) as the first entry after the copied chain."""
    if not sqlite_path.is_file():
        raise CopyRefused(f"no SQLite catalog at {sqlite_path}")
    source = open_sqlite_catalog(sqlite_path)  # migrated first: its schema is this version's
    report = CopyReport()
    try:
        plan = _check(source.conn, target)
        source.conn.execute("BEGIN")  # one snapshot of every table
        try:
            with target.transaction() as conn:
                for table, identity in TABLES:
                    columns = plan[table]
                    derived = ["terms", "search"] if table == "pages" else []
                    written = [*columns, *derived]
                    insert = sql.SQL("INSERT INTO {} ({}) {} VALUES ({})").format(
                        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, written)),
                        sql.SQL("OVERRIDING SYSTEM VALUE" if identity else ""),
                        sql.SQL(", ").join([*(sql.Placeholder() * len(columns)),
                                            *([sql.SQL("%s"), sql.SQL("%s::tsvector")]
                                              if derived else [])]))
                    count = 0
                    with conn.cursor() as cur:
                        for batch in _rows(source.conn, table, columns):
                            cur.executemany(insert, [_convert(table, columns, r) for r in batch])
                            count += len(batch)
                            progress(table, len(batch))
                        if identity:  # the next id follows the copied ones
                            cur.execute(sql.SQL(
                                "SELECT setval(pg_get_serial_sequence(%s, %s),"
                                " coalesce((SELECT max({}) FROM {}), 0) + 1, false)").format(
                                sql.Identifier(identity), sql.Identifier(table)),
                                (table, identity))
                    report.rows[table] = count
                _verify(source, target, report)  # a failed check undoes the whole copy
                audit.append(target, actor, "catalog.copied", None,
                             {"from": str(sqlite_path), "rows": report.rows})
        finally:
            source.conn.execute("ROLLBACK")
    finally:
        source.close()
    return report


def _verify(source: Any, target: PostgresCatalog, report: CopyReport) -> None:
    """The same number of rows on both sides, and an intact chain with the same head."""
    with target.transaction() as conn:
        for table, _ in TABLES:
            [have] = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(
                sql.Identifier(table))).fetchone()
            if have != report.rows[table]:
                raise CopyRefused(f"{table}: {report.rows[table]} rows copied, {have} on the "
                                  "target")
    chain = audit.verify_chain(target)
    if not chain.ok:
        raise CopyRefused(f"the copied audit chain does not verify at entry "
                          f"{chain.first_broken_seq}: {chain.problem}")
    head = audit.head(target)
    if head != audit.head(source):
        raise CopyRefused(f"the copied audit head {head} differs from the source's")
    report.audit_entries, report.audit_head_seq = chain.entries, head[0]


def copy_catalog(sqlite_path: Path, url: str, settings: PostgresSettings, actor: str,
                 progress: Callable[[str, int], None] = lambda table, n: None) -> CopyReport:
    """Open the PostgreSQL catalog at ``url`` (creating its schema) and copy into it."""
    target = open_postgres_catalog(url, settings)
    try:
        return copy_sqlite_catalog(sqlite_path, target, actor, progress)
    finally:
        target.close()
