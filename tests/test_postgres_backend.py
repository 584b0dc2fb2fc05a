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
