"""The job queue on PostgreSQL: the same states, leases, fencing and backoff as
``storage.queue``, for any number of nodes sharing one database.

Leasing takes a row with ``FOR UPDATE SKIP LOCKED``: concurrent leasers (threads or nodes)
each lock a different ready job instead of queueing behind one another, and never get the
same one. Times come from the database's clock, so nodes whose clocks disagree still agree on
when a lease runs out. Enqueueing notifies ``faxvault_jobs`` (delivered at commit), which a
:class:`JobListener` waits on so idle workers start at once instead of at their next poll.
"""

from __future__ import annotations

import contextlib
import json
import secrets
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row, tuple_row
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from storage.catalog import NotFound
from storage.queue import LEASE_LOST, Backoff, FailedJob, Job, NewJob

NOTIFY_CHANNEL = "faxvault_jobs"
IDLE = TransactionStatus.IDLE

# The database's clock as seconds since the epoch, the unit of every time column in jobs.
NOW = "extract(epoch FROM clock_timestamp())::double precision"

LOST_LEASE = "worker lost its lease on the last attempt (crash or kill?)"


class PostgresQueue:
    """The queue's operations (see ``storage.queue.JobQueue``) over a connection pool.

    Inside ``transaction()`` every call of this thread or task uses that transaction's
    connection; outside one, each call borrows a connection and commits by itself.
    """

    def __init__(self, pool: ConnectionPool) -> None:
        self.pool = pool
        self._bound: ContextVar[psycopg.Connection | None] = ContextVar(
            f"faxvault_pg_queue_{id(self)}", default=None)

    @contextlib.contextmanager
    def transaction(self, *, pipeline: bool = False) -> Iterator[psycopg.Connection]:
        """A transaction bound to this thread or task (nested: a savepoint). ``pipeline``:
        in psycopg's pipeline mode, BEGIN and COMMIT included (see
        ``PostgresCatalog.batch_transaction``)."""
        bound = self._bound.get()
        if bound is not None:  # nested: a savepoint in the transaction already open
            with bound.transaction():
                yield bound
            return
        if pipeline:
            with self._pipelined_transaction() as conn:
                yield conn
            return
        with self.pool.connection() as conn, conn.transaction():
            token = self._bound.set(conn)
            try:
                yield conn
            finally:
                self._bound.reset(token)

    @contextlib.contextmanager
    def _pipelined_transaction(self) -> Iterator[psycopg.Connection]:
        """A transaction in pipeline mode whose BEGIN and COMMIT are sent by hand, queued like
        any statement: psycopg's own (``conn.transaction()``, or the BEGIN it adds before a
        first statement) each wait for the server by themselves, as do the pipeline's nested
        levels. So the caller's reads are the only waits, plus one for the COMMIT's result
        when the pipeline ends; an error in the COMMIT raises there, before anyone is told
        anything is durable."""
        with self.pool.connection() as conn:
            conn.autocommit = True  # no BEGIN of psycopg's: the transaction is ours
            try:
                with conn.pipeline():
                    conn.execute("BEGIN")
                    token = self._bound.set(conn)
                    try:
                        yield conn
                    finally:
                        self._bound.reset(token)
                    conn.execute("COMMIT")
            except BaseException:
                if not conn.closed and conn.pgconn.transaction_status != IDLE:
                    with contextlib.suppress(psycopg.Error):
                        conn.execute("ROLLBACK")
                raise
            finally:
                # The pool lends it again as it lent it; one in an unknown state is closed,
                # which the pool replaces.
                if not conn.closed and conn.pgconn.transaction_status == IDLE:
                    conn.autocommit = False
                else:
                    conn.close()

    def bound_connection(self) -> psycopg.Connection | None:
        """The connection of the transaction open in this thread or task, if any (the
        catalog on the same pool shares it)."""
        return self._bound.get()

    @contextlib.contextmanager
    def _cursor(self) -> Iterator[psycopg.Cursor[dict[str, Any]]]:
        """A cursor on the open transaction's connection (no savepoint: each call is one
        statement, or statements that stand or fall together with the caller's transaction,
        and a savepoint costs two round trips), or on a transaction of its own."""
        bound = self._bound.get()
        if bound is not None:
            with bound.cursor(row_factory=dict_row) as cur:
                yield cur
            return
        with self.transaction() as conn, conn.cursor(row_factory=dict_row) as cur:
            yield cur

    def enqueue(self, kind: str, *, fax_id: str | None = None,
                payload: dict[str, Any] | None = None, max_attempts: int = 8,
                delay: float = 0.0) -> int:
        with self._cursor() as cur:
            cur.execute(
                f"""INSERT INTO jobs (kind, fax_id, payload, state, max_attempts, run_after,
                                      created_at, updated_at)
                    VALUES (%s, %s, %s, 'queued', %s, {NOW} + %s, {NOW}, {NOW})
                    RETURNING id""",
                (str(kind), fax_id, Jsonb(payload or {}), max_attempts, delay))
            job_id = cur.fetchone()["id"]
            cur.execute("SELECT pg_notify(%s, '')", (NOTIFY_CHANNEL,))
        return int(job_id)

    def enqueue_many(self, jobs: list[NewJob]) -> list[int]:
        """Enqueue ``jobs`` (ready now) and notify, in one statement (one round trip); their
        ids, in order (identity values are drawn in the order the rows are inserted)."""
        if not jobs:
            return []
        with self._cursor() as cur:
            cur.row_factory = tuple_row  # a dict per returned id costs more than the id
            cur.execute(
                f"""WITH queued AS (
                      INSERT INTO jobs (kind, fax_id, payload, state, max_attempts, run_after,
                                        created_at, updated_at)
                      SELECT kind, fax_id, payload::jsonb, 'queued', max_attempts, {NOW},
                             {NOW}, {NOW}
                      FROM unnest(%b::text[], %b::text[], %b::text[], %b::integer[])
                           WITH ORDINALITY AS j (kind, fax_id, payload, max_attempts, n)
                      ORDER BY n
                      RETURNING id),
                    woken AS (SELECT pg_notify(%b, ''))
                    SELECT queued.id FROM queued, woken""",
                # Binary arrays, payloads as JSON text: psycopg's text arrays cost ~50 us a
                # row (see PostgresCatalog.record_events).
                ([str(j.kind) for j in jobs], [j.fax_id for j in jobs],
                 [json.dumps(j.payload or {}) for j in jobs], [j.max_attempts for j in jobs],
                 NOTIFY_CHANNEL))
            ids = sorted(int(job_id) for (job_id,) in cur.fetchall())
        return ids

    def enqueue_leased(self, kind: str, *, fax_id: str | None, max_attempts: int,
                       lease_seconds: float) -> Job:
        """A job already leased by the caller (see ``storage.queue.enqueue_leased``); no
        notification: no other worker is to take it."""
        token = secrets.token_hex(16)
        with self._cursor() as cur:
            cur.execute(
                f"""INSERT INTO jobs (kind, fax_id, payload, state, attempts, max_attempts,
                                      lease_token, lease_until, run_after, created_at,
                                      updated_at)
                    VALUES (%s, %s, %s, 'running', 1, %s, %s, {NOW} + %s, {NOW}, {NOW}, {NOW})
                    RETURNING id""",
                (str(kind), fax_id, Jsonb({}), max_attempts, token, lease_seconds))
            job_id = cur.fetchone()["id"]
        return Job(id=int(job_id), kind=str(kind), fax_id=fax_id, payload={}, attempts=1,
                   max_attempts=max_attempts, lease_token=token)

    def lease(self, lease_seconds: float, *,
              fax_ids: Iterable[str] | None = None) -> Job | None:
        """Take the next ready job (or one whose lease expired), or None. As in SQLite, a job
        whose lease expired after its last allowed attempt is parked as failed instead."""
        ids = list(fax_ids) if fax_ids is not None else None
        fax_filter = "AND fax_id = ANY(%(ids)s)" if ids is not None else ""
        token = secrets.token_hex(16)
        with self._cursor() as cur:
            cur.execute(
                f"""UPDATE jobs SET state = 'failed', lease_token = NULL, updated_at = {NOW},
                        last_error = coalesce(last_error || ' | ', '') || %s
                    WHERE id IN (SELECT id FROM jobs
                                 WHERE state = 'running' AND lease_until < {NOW}
                                   AND attempts >= max_attempts
                                 FOR UPDATE SKIP LOCKED)""",
                (LOST_LEASE,))
            # The outer WHERE repeats the readiness test: a row that changed between the
            # subquery's snapshot and its lock is left alone, never leased twice.
            cur.execute(
                f"""UPDATE jobs SET state = 'running', attempts = attempts + 1,
                        lease_token = %(token)s, lease_until = {NOW} + %(lease)s,
                        updated_at = {NOW}
                    WHERE id = (SELECT id FROM jobs
                                WHERE ((state = 'queued' AND run_after <= {NOW})
                                       OR (state = 'running' AND lease_until < {NOW}))
                                      {fax_filter}
                                ORDER BY run_after, id LIMIT 1
                                FOR UPDATE SKIP LOCKED)
                      AND ((state = 'queued' AND run_after <= {NOW})
                           OR (state = 'running' AND lease_until < {NOW}))
                    RETURNING id, kind, fax_id, payload, attempts, max_attempts""",
                {"token": token, "lease": lease_seconds, "ids": ids})
            row = cur.fetchone()
        if row is None:
            return None
        return Job(id=row["id"], kind=row["kind"], fax_id=row["fax_id"],
                   payload=row["payload"], attempts=row["attempts"],
                   max_attempts=row["max_attempts"], lease_token=token)

    def renew(self, job: Job, lease_seconds: float) -> bool:
        with self._cursor() as cur:
            cur.execute(
                f"""UPDATE jobs SET lease_until = {NOW} + %s, updated_at = {NOW}
                    WHERE id = %s AND lease_token = %s AND state = 'running'""",
                (lease_seconds, job.id, job.lease_token))
            return cur.rowcount == 1

    def complete(self, job: Job) -> bool:
        with self._cursor() as cur:
            cur.execute(
                f"""UPDATE jobs SET state = 'done', lease_token = NULL, lease_until = NULL,
                        last_error = NULL, updated_at = {NOW}
                    WHERE id = %s AND lease_token = %s AND state = 'running'""",
                (job.id, job.lease_token))
            return cur.rowcount == 1

    def fail(self, job: Job, error: str, *, backoff: Backoff, permanent: bool = False,
             keep_trying: bool = False) -> str:
        exhausted = job.attempts >= job.max_attempts and not keep_trying
        state = "failed" if permanent or exhausted else "queued"
        delay = backoff.delay(job.attempts) if state == "queued" else 0.0
        with self._cursor() as cur:
            cur.execute(
                f"""UPDATE jobs SET state = %s, run_after = {NOW} + %s, last_error = %s,
                        lease_token = NULL, lease_until = NULL, updated_at = {NOW}
                    WHERE id = %s AND lease_token = %s""",
                (state, delay, error[:4000], job.id, job.lease_token))
            return state if cur.rowcount else LEASE_LOST

    def release(self, job: Job) -> None:
        with self._cursor() as cur:
            cur.execute(
                f"""UPDATE jobs SET state = 'queued', attempts = greatest(attempts - 1, 0),
                        run_after = {NOW}, lease_token = NULL, lease_until = NULL,
                        updated_at = {NOW}
                    WHERE id = %s AND lease_token = %s AND state = 'running'""",
                (job.id, job.lease_token))
            cur.execute("SELECT pg_notify(%s, '')", (NOTIFY_CHANNEL,))

    def retry_failed(self, job_id: int | None = None) -> int:
        with self._cursor() as cur:
            if job_id is not None:
                cur.execute("SELECT 1 FROM jobs WHERE id = %s", (job_id,))
                if cur.fetchone() is None:
                    raise NotFound(f"no job {job_id}")
            cur.execute(
                f"""UPDATE jobs SET state = 'queued', attempts = 0, run_after = {NOW},
                        updated_at = {NOW}
                    WHERE state = 'failed' AND (%(id)s::bigint IS NULL OR id = %(id)s)""",
                {"id": job_id})
            requeued = cur.rowcount
            if requeued:
                cur.execute("SELECT pg_notify(%s, '')", (NOTIFY_CHANNEL,))
            return requeued

    def counts_by_state(self) -> dict[str, int]:
        with self._cursor() as cur:
            cur.execute("SELECT state, count(*) AS n FROM jobs GROUP BY state")
            counts = {"queued": 0, "running": 0, "done": 0, "failed": 0}
            counts.update({r["state"]: r["n"] for r in cur})
            return counts

    def failed_jobs(self, limit: int = 50) -> list[FailedJob]:
        with self._cursor() as cur:
            cur.execute(
                """SELECT id, kind, fax_id, attempts, last_error, updated_at FROM jobs
                   WHERE state = 'failed' ORDER BY updated_at DESC LIMIT %s""", (limit,))
            return [FailedJob(**row) for row in cur]

    def pending_for(self, fax_ids: Iterable[str]) -> int:
        ids = list(fax_ids)
        if not ids:
            return 0
        with self._cursor() as cur:
            cur.execute("SELECT count(*) AS n FROM jobs WHERE state IN ('queued', 'running')"
                        " AND fax_id = ANY(%s)", (ids,))
            return int(cur.fetchone()["n"])

    def fax_of(self, job_id: int) -> str | None:
        with self._cursor() as cur:
            cur.execute("SELECT fax_id FROM jobs WHERE id = %s", (job_id,))
            row = cur.fetchone()
            return row["fax_id"] if row else None

    def assign_fax(self, job_id: int, fax_id: str) -> None:
        with self._cursor() as cur:
            cur.execute("UPDATE jobs SET fax_id = %s WHERE id = %s", (fax_id, job_id))

    def backlog_by_kind(self) -> dict[str, int]:
        with self._cursor() as cur:
            cur.execute("SELECT kind, count(*) AS n FROM jobs"
                        " WHERE state IN ('queued', 'running') GROUP BY kind")
            return {r["kind"]: r["n"] for r in cur}


class JobListener:
    """A connection LISTENing on the queue's channel, so an idle worker wakes when a job is
    queued on any node. Notifications that arrive between two waits are kept by the server
    for this connection, so none is missed; jobs that become ready by time alone (backoff,
    an expired lease) send none, which is why workers still poll, only less often."""

    def __init__(self, url: str, *, connect_timeout_seconds: float = 10.0) -> None:
        self.conn = psycopg.connect(url, autocommit=True,
                                    connect_timeout=max(1, round(connect_timeout_seconds)))
        self.conn.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def wait(self, timeout: float) -> bool:
        """True once a notification arrives (all pending ones are consumed), False after
        ``timeout`` seconds without one."""
        woke = False
        for _ in self.conn.notifies(timeout=timeout, stop_after=1):
            woke = True
        return woke

    def close(self) -> None:
        self.conn.close()
