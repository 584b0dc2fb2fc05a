"""The PostgreSQL backend: a connection pool, numbered migrations, and the queue.

Every node of a cluster opens its own pool against one database. Each connection runs with a
statement timeout (a stuck query fails its caller instead of hanging a worker), and the pool
checks a connection before lending it, so a database restart costs the callers of that moment
an error, not the node. The group journal's pool does not (``check_before_lending``): a
failed group commit is answered 503 and its connection replaced for the next.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import psycopg
from psycopg_pool import ConnectionPool

from storage.pg.schema import MIGRATIONS


@dataclass(frozen=True)
class PoolSettings:
    min_size: int = 1
    max_size: int = 8
    connect_timeout_seconds: float = 10.0
    statement_timeout_ms: int = 30_000
    # How long a caller waits for a free connection before the pool raises PoolTimeout.
    checkout_timeout_seconds: float = 30.0
    application_name: str = "faxvault"
    check_before_lending: bool = True  # see storage.backend.PostgresSettings


def open_pool(url: str, settings: PoolSettings | None = None) -> ConnectionPool:
    """A pool on ``url`` with the schema migrated to the newest version."""
    settings = settings or PoolSettings()
    options = f"-c statement_timeout={settings.statement_timeout_ms}"
    pool = ConnectionPool(
        url, min_size=settings.min_size, max_size=settings.max_size,
        timeout=settings.checkout_timeout_seconds,
        kwargs={"connect_timeout": max(1, round(settings.connect_timeout_seconds)),
                "options": options, "application_name": settings.application_name},
        check=ConnectionPool.check_connection if settings.check_before_lending else None,
        open=False, name=settings.application_name,
    )
    pool.open(wait=True, timeout=settings.connect_timeout_seconds)
    try:
        with pool.connection() as conn:
            apply_migrations(conn)
    except BaseException:
        pool.close()
        raise
    return pool


# One advisory lock key for schema changes: nodes starting together migrate one at a time.
_MIGRATION_LOCK = int.from_bytes(hashlib.sha256(b"faxvault:migrations").digest()[:8], "big",
                                 signed=True)


def apply_migrations(conn: psycopg.Connection) -> int:
    """Bring the schema to the newest version, each migration in its own transaction.
    Returns the version reached."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)")
        row = conn.execute("SELECT version FROM schema_version").fetchone()
        if row is None:
            conn.execute("INSERT INTO schema_version (version) VALUES (0)")
        current = row[0] if row else 0
    for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            # Another node may have applied it while this one waited for the lock.
            [done] = conn.execute("SELECT version FROM schema_version").fetchone()
            if done >= version:
                continue
            conn.execute("SET LOCAL statement_timeout = 0")  # a migration may rewrite a table
            if callable(script):  # a migration that needs Python (storage/terms.py)
                script(conn)
            else:
                conn.execute(script)
            conn.execute("UPDATE schema_version SET version = %s", (version,))
    return conn.execute("SELECT version FROM schema_version").fetchone()[0]
