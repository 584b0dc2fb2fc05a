"""The PostgreSQL backend's connections: migrations once, statement timeouts, reconnection
after the server drops a connection. Against a real server (tests/postgres.py)."""

from __future__ import annotations

import psycopg
import pytest

from storage.pg import PoolSettings, apply_migrations, open_pool
from storage.pg.queue import PostgresQueue
from storage.pg.schema import MIGRATIONS


def test_migrations_are_recorded_and_not_run_twice(postgres_url: str) -> None:
    first = open_pool(postgres_url)
    first.close()
    second = open_pool(postgres_url)  # would fail on CREATE TABLE jobs if run again
    try:
        with second.connection() as conn:
            assert apply_migrations(conn) == len(MIGRATIONS)
            [tables] = conn.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'jobs'"
                                    ).fetchone()
            assert tables == 1
    finally:
        second.close()


def test_a_statement_running_past_the_timeout_is_cancelled(postgres_url: str) -> None:
    pool = open_pool(postgres_url, PoolSettings(statement_timeout_ms=200))
    try:
        with pytest.raises(psycopg.errors.QueryCanceled), pool.connection() as conn:
            conn.execute("SELECT pg_sleep(5)")
        with pool.connection() as conn:  # the pool is still good for the next caller
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        pool.close()


def test_a_connection_the_server_dropped_is_replaced_before_use(postgres_url: str) -> None:
    name = "faxvault-reconnect-test"
    pool = open_pool(postgres_url, PoolSettings(min_size=1, max_size=1, application_name=name))
    try:
        jobs = PostgresQueue(pool)
        with jobs.transaction():
            jobs.enqueue("process")
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            # As a database restart or an idle-connection reaper would; waits until it is gone.
            [[dropped]] = admin.execute(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 10000))"
                " FROM pg_stat_activity WHERE application_name = %s", (name,)).fetchall()
        assert dropped == 1
        assert jobs.counts_by_state()["queued"] == 1
    finally:
        pool.close()


def test_rows_naming_no_fax_stay_out_of_the_per_fax_indexes_which_lookups_still_use(
        postgres_url: str) -> None:
    """A webhook's job and audit entry name no fax when they are journaled: they cost the
    acknowledgement no insertion into an index of fax ids, and lookups by fax (one or many)
    are still answered from those indexes."""
    pool = open_pool(postgres_url)
    try:
        with pool.connection() as conn:
            conn.execute("INSERT INTO jobs (kind, fax_id, state, max_attempts, run_after,"
                         " created_at, updated_at) SELECT 'process',"
                         " CASE WHEN n % 10 = 0 THEN 'fax' || n END, 'done', 8, 0, 0, 0"
                         " FROM generate_series(1, 20000) AS n")
            conn.execute("INSERT INTO audit_log (seq, at, actor, action, fax_id, details,"
                         " prev_hash, hash) SELECT n, '', 'system', 'delivery.journaled',"
                         " CASE WHEN n % 10 = 0 THEN 'fax' || n END, '{}', '', ''"
                         " FROM generate_series(1, 20000) AS n")
            conn.execute("ANALYZE jobs, audit_log")
            for name in ("jobs_fax", "audit_fax"):
                [[partial, entries]] = conn.execute(
                    "SELECT indpred IS NOT NULL, c.reltuples FROM pg_index i"
                    " JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indexrelid = %s::regclass",
                    (name,)).fetchall()
                assert partial and entries == 2000, (name, partial, entries)
            for query, params in (
                    ("SELECT id FROM jobs WHERE fax_id = %s", ("fax10",)),
                    ("SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')"
                     " AND fax_id = ANY(%s)", (["fax10", "fax20"],)),
                    ("SELECT min(seq) FROM audit_log WHERE fax_id = ANY(%s)", (["fax10"],))):
                plan = "\n".join(row[0] for row in conn.execute(
                    "EXPLAIN " + query, params).fetchall())
                assert "jobs_fax" in plan or "audit_fax" in plan, plan
            conn.rollback()
    finally:
        pool.close()
