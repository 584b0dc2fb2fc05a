"""The PostgreSQL schema, as numbered migrations (the counterpart of storage.catalog's list).

Each entry runs once, in its own transaction, under an advisory lock (see
``storage.pg.apply_migrations``); the version reached is kept in ``schema_version``. Append
only: a migration that has run somewhere is never edited.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the job queue. Times are seconds since the epoch (double precision), as in the SQLite
    # catalog, but taken from the database's clock, the one clock every node shares.
    """
    CREATE TABLE jobs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        fax_id text,
        payload jsonb NOT NULL DEFAULT '{}',
        state text NOT NULL DEFAULT 'queued'
            CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL,
        run_after double precision NOT NULL,
        lease_token text,
        lease_until double precision,
        last_error text,
        created_at double precision NOT NULL,
        updated_at double precision NOT NULL
    );
    -- What lease() scans: ready jobs in order, and running jobs whose lease may have run out.
    CREATE INDEX jobs_queued ON jobs (run_after, id) WHERE state = 'queued';
    CREATE INDEX jobs_running ON jobs (lease_until) WHERE state = 'running';
    CREATE INDEX jobs_failed ON jobs (updated_at) WHERE state = 'failed';
    CREATE INDEX jobs_fax ON jobs (fax_id);
    """,
]
