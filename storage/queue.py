"""A durable job queue in the catalog.

States: ``queued`` → ``running`` (leased) → ``done``, or back to ``queued`` with a backoff, or
``failed`` once attempts run out (or at once for a permanent error). A lease carries a random
token and an expiry: a worker that crashes simply stops renewing, the lease expires and another
worker takes the job. Completing or failing a job checks the token, so a worker that lost its
lease cannot overwrite the outcome of the one that took over. Nothing is ever deleted.
"""

from __future__ import annotations

import contextlib
import json
import random
import secrets
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from storage.catalog import Catalog, NotFound


@dataclass(frozen=True)
class Job:
    id: int
    kind: str
    fax_id: str | None
    payload: dict[str, Any]
    attempts: int
    max_attempts: int
    lease_token: str


@dataclass(frozen=True)
class FailedJob:
    """A job parked as failed, as ``faxvault status`` lists it."""

    id: int
    kind: str
    fax_id: str | None
    attempts: int
    last_error: str | None
    updated_at: float  # seconds since the epoch


@dataclass(frozen=True, slots=True)  # slots: built per delivery
class NewJob:
    """A job to enqueue (see :func:`enqueue`)."""

    kind: str
    fax_id: str | None = None
    payload: dict[str, Any] | None = None
    max_attempts: int = 8


@dataclass(frozen=True)
class Backoff:
    base_seconds: float = 2.0
    max_seconds: float = 900.0

    def delay(self, attempts: int) -> float:
        """Exponential backoff with full jitter on the upper half (never zero, never above max)."""
        ceiling = min(self.max_seconds, self.base_seconds * 2 ** max(attempts - 1, 0))
        return ceiling / 2 + random.uniform(0, ceiling / 2)


def enqueue(catalog: Catalog, kind: str, *, fax_id: str | None = None,
            payload: dict[str, Any] | None = None, max_attempts: int = 8,
            delay: float = 0.0) -> int:
    """Add a job. Call inside the transaction that journals what the job is for."""
    now = time.time()
    cur = catalog.conn.execute(
        """INSERT INTO jobs (kind, fax_id, payload, state, max_attempts, run_after, created_at,
                             updated_at)
           VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)""",
        (kind, fax_id, json.dumps(payload or {}, sort_keys=True), max_attempts, now + delay,
         now, now),
    )
    return int(cur.lastrowid)


def enqueue_many(catalog: Catalog, jobs: list[NewJob]) -> list[int]:
    """:func:`enqueue` for each of ``jobs`` (ready now), in order; their ids."""
    return [enqueue(catalog, job.kind, fax_id=job.fax_id, payload=job.payload,
                    max_attempts=job.max_attempts) for job in jobs]


def enqueue_leased(catalog: Catalog, kind: str, *, fax_id: str | None, max_attempts: int,
                   lease_seconds: float) -> Job:
    """Add a job already leased by the caller (its first attempt), to run it next in the same
    worker: no other worker takes it unless the lease runs out. Call inside the transaction
    that completes the step before it."""
    now, token = time.time(), secrets.token_hex(16)
    row = catalog.conn.execute(
        """INSERT INTO jobs (kind, fax_id, payload, state, attempts, max_attempts, lease_token,
                             lease_until, run_after, created_at, updated_at)
           VALUES (?, ?, '{}', 'running', 1, ?, ?, ?, ?, ?, ?) RETURNING id""",
        (kind, fax_id, max_attempts, token, now + lease_seconds, now, now, now)).fetchone()
    return Job(id=int(row["id"]), kind=kind, fax_id=fax_id, payload={}, attempts=1,
               max_attempts=max_attempts, lease_token=token)


def lease(catalog: Catalog, lease_seconds: float, *,
          fax_ids: Iterable[str] | None = None) -> Job | None:
    """Take the next ready job (or one whose lease expired), or None.

    A job whose lease expired after its last allowed attempt is parked as failed instead:
    something in it kills workers, and retrying forever would take the service down with it.
    """
    now = time.time()
    fax_filter, params = "", []
    if fax_ids is not None:
        ids = list(fax_ids)
        fax_filter = f"AND fax_id IN ({','.join('?' * len(ids))})"
        params = ids
    with catalog.transaction() as conn:
        conn.execute(
            """UPDATE jobs SET state = 'failed', lease_token = NULL, updated_at = ?,
                   last_error = coalesce(last_error || ' | ', '') ||
                                'worker lost its lease on the last attempt (crash or kill?)'
               WHERE state = 'running' AND lease_until < ? AND attempts >= max_attempts""",
            (now, now),
        )
        row = conn.execute(
            f"""SELECT id FROM jobs
                WHERE ((state = 'queued' AND run_after <= ?)
                       OR (state = 'running' AND lease_until < ?)) {fax_filter}
                ORDER BY run_after, id LIMIT 1""",
            (now, now, *params),
        ).fetchone()
        if row is None:
            return None
        token = secrets.token_hex(16)
        job = conn.execute(
            """UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_token = ?,
                   lease_until = ?, updated_at = ?
               WHERE id = ? RETURNING *""",
            (token, now + lease_seconds, now, row["id"]),
        ).fetchone()
    return Job(id=job["id"], kind=job["kind"], fax_id=job["fax_id"],
               payload=json.loads(job["payload"]), attempts=job["attempts"],
               max_attempts=job["max_attempts"], lease_token=token)


def renew(catalog: Catalog, job: Job, lease_seconds: float) -> bool:
    """Extend a lease still held; False if it was lost (another worker has the job)."""
    now = time.time()
    cur = catalog.conn.execute(
        "UPDATE jobs SET lease_until = ?, updated_at = ? WHERE id = ? AND lease_token = ?"
        " AND state = 'running'",
        (now + lease_seconds, now, job.id, job.lease_token),
    )
    return cur.rowcount == 1


def complete(catalog: Catalog, job: Job) -> bool:
    """Mark done. Call inside the transaction that commits the job's effects."""
    cur = catalog.conn.execute(
        """UPDATE jobs SET state = 'done', lease_token = NULL, lease_until = NULL,
               last_error = NULL, updated_at = ?
           WHERE id = ? AND lease_token = ? AND state = 'running'""",
        (time.time(), job.id, job.lease_token),
    )
    return cur.rowcount == 1


# What ``fail`` returns when the lease it was given has been taken over.
LEASE_LOST = "lease_lost"


def fail(catalog: Catalog, job: Job, error: str, *, backoff: Backoff,
         permanent: bool = False, keep_trying: bool = False) -> str:
    """Record a failed attempt: retry later with backoff, or park as failed. Returns the state,
    or ``LEASE_LOST`` if the job is no longer this lease's (another worker took it over:
    nothing recorded, the other worker's run decides).

    ``keep_trying`` (a dependency is down, not the job's fault) retries at the capped backoff
    however many attempts it takes: an outage delays work, it does not fail it."""
    now = time.time()
    exhausted = job.attempts >= job.max_attempts and not keep_trying
    state = "failed" if permanent or exhausted else "queued"
    run_after = now + (backoff.delay(job.attempts) if state == "queued" else 0)
    changed = catalog.conn.execute(
        """UPDATE jobs SET state = ?, run_after = ?, last_error = ?, lease_token = NULL,
               lease_until = NULL, updated_at = ?
           WHERE id = ? AND lease_token = ?""",
        (state, run_after, error[:4000], now, job.id, job.lease_token),
    ).rowcount
    return state if changed else LEASE_LOST


def release(catalog: Catalog, job: Job) -> None:
    """Give a job back untouched (shutdown): ready again at once, the attempt not counted."""
    catalog.conn.execute(
        """UPDATE jobs SET state = 'queued', attempts = max(attempts - 1, 0), run_after = ?,
               lease_token = NULL, lease_until = NULL, updated_at = ?
           WHERE id = ? AND lease_token = ? AND state = 'running'""",
        (time.time(), time.time(), job.id, job.lease_token),
    )


def retry_failed(catalog: Catalog, job_id: int | None = None) -> int:
    """Requeue one failed job (or all of them) with a fresh attempt budget. Returns how many."""
    now = time.time()
    where, params = "state = 'failed'", []
    if job_id is not None:
        exists = catalog.conn.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if exists is None:
            raise NotFound(f"no job {job_id}")
        where += " AND id = ?"
        params.append(job_id)
    cur = catalog.conn.execute(
        f"UPDATE jobs SET state = 'queued', attempts = 0, run_after = ?, updated_at = ?"
        f" WHERE {where}",
        (now, now, *params),
    )
    return cur.rowcount


def counts_by_state(catalog: Catalog) -> dict[str, int]:
    rows = catalog.conn.execute("SELECT state, count(*) AS n FROM jobs GROUP BY state")
    counts = {"queued": 0, "running": 0, "done": 0, "failed": 0}
    counts.update({r["state"]: r["n"] for r in rows})
    return counts


def failed_jobs(catalog: Catalog, limit: int = 50) -> list[FailedJob]:
    rows = catalog.conn.execute(
        """SELECT id, kind, fax_id, attempts, last_error, updated_at FROM jobs
           WHERE state = 'failed' ORDER BY updated_at DESC LIMIT ?""",
        (limit,),
    )
    return [FailedJob(**dict(r)) for r in rows]


def pending_for(catalog: Catalog, fax_ids: Iterable[str]) -> int:
    """How many jobs of these faxes are not finished (queued or running)."""
    ids = list(fax_ids)
    if not ids:
        return 0
    row = catalog.conn.execute(
        f"SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')"
        f" AND fax_id IN ({','.join('?' * len(ids))})",
        ids,
    ).fetchone()
    return int(row[0])


def fax_of(catalog: Catalog, job_id: int) -> str | None:
    """The fax a job is for as the catalog has it now (a provider job learns its fax on its
    first run, after it was leased), or None."""
    row = catalog.conn.execute("SELECT fax_id FROM jobs WHERE id = ?", (job_id,)).fetchone()
    return row["fax_id"] if row else None


def assign_fax(catalog: Catalog, job_id: int, fax_id: str) -> None:
    """Tie a job to the fax its first run created. Call inside that run's transaction."""
    catalog.conn.execute("UPDATE jobs SET fax_id = ? WHERE id = ?", (fax_id, job_id))


def backlog_by_kind(catalog: Catalog) -> dict[str, int]:
    """Unfinished (queued or running) jobs by kind; kinds with none are absent."""
    rows = catalog.conn.execute(
        "SELECT kind, count(*) AS n FROM jobs WHERE state IN ('queued', 'running')"
        " GROUP BY kind")
    return {r["kind"]: r["n"] for r in rows}


# -- the queue as a backend-neutral interface ----------------------------------------------
class JobQueue(Protocol):
    """The queue's operations, whatever database holds the jobs.

    ``transaction()`` groups calls into one atomic unit: ``enqueue`` and ``complete`` belong
    inside the transaction that commits what the job is for (or what it did); outside one,
    each call commits by itself. ``lease`` always runs in a transaction of its own.
    """

    def transaction(self) -> contextlib.AbstractContextManager[Any]: ...

    def enqueue(self, kind: str, *, fax_id: str | None = None,
                payload: dict[str, Any] | None = None, max_attempts: int = 8,
                delay: float = 0.0) -> int: ...

    def enqueue_many(self, jobs: list[NewJob]) -> list[int]: ...

    def enqueue_leased(self, kind: str, *, fax_id: str | None, max_attempts: int,
                       lease_seconds: float) -> Job: ...

    def lease(self, lease_seconds: float, *,
              fax_ids: Iterable[str] | None = None) -> Job | None: ...

    def renew(self, job: Job, lease_seconds: float) -> bool: ...

    def complete(self, job: Job) -> bool: ...

    def fail(self, job: Job, error: str, *, backoff: Backoff, permanent: bool = False,
             keep_trying: bool = False) -> str:
        """The state recorded ("queued" or "failed"), or LEASE_LOST: nothing recorded."""

    def release(self, job: Job) -> None: ...

    def retry_failed(self, job_id: int | None = None) -> int: ...

    def counts_by_state(self) -> dict[str, int]: ...

    def failed_jobs(self, limit: int = 50) -> list[FailedJob]: ...

    def pending_for(self, fax_ids: Iterable[str]) -> int: ...

    def fax_of(self, job_id: int) -> str | None: ...

    def assign_fax(self, job_id: int, fax_id: str) -> None: ...

    def backlog_by_kind(self) -> dict[str, int]: ...


@dataclass
class SqliteQueue:
    """The queue in the SQLite catalog (the module functions above, bound to one catalog)."""

    catalog: Catalog

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.catalog.transaction() as conn:
            yield conn

    def enqueue(self, kind: str, *, fax_id: str | None = None,
                payload: dict[str, Any] | None = None, max_attempts: int = 8,
                delay: float = 0.0) -> int:
        return enqueue(self.catalog, kind, fax_id=fax_id, payload=payload,
                       max_attempts=max_attempts, delay=delay)

    def enqueue_many(self, jobs: list[NewJob]) -> list[int]:
        return enqueue_many(self.catalog, jobs)

    def enqueue_leased(self, kind: str, *, fax_id: str | None, max_attempts: int,
                       lease_seconds: float) -> Job:
        return enqueue_leased(self.catalog, kind, fax_id=fax_id, max_attempts=max_attempts,
                              lease_seconds=lease_seconds)

    def lease(self, lease_seconds: float, *,
              fax_ids: Iterable[str] | None = None) -> Job | None:
        return lease(self.catalog, lease_seconds, fax_ids=fax_ids)

    def renew(self, job: Job, lease_seconds: float) -> bool:
        return renew(self.catalog, job, lease_seconds)

    def complete(self, job: Job) -> bool:
        return complete(self.catalog, job)

    def fail(self, job: Job, error: str, *, backoff: Backoff, permanent: bool = False,
             keep_trying: bool = False) -> str:
        return fail(self.catalog, job, error, backoff=backoff, permanent=permanent,
                    keep_trying=keep_trying)

    def release(self, job: Job) -> None:
        release(self.catalog, job)

    def retry_failed(self, job_id: int | None = None) -> int:
        return retry_failed(self.catalog, job_id)

    def counts_by_state(self) -> dict[str, int]:
        return counts_by_state(self.catalog)

    def failed_jobs(self, limit: int = 50) -> list[FailedJob]:
        return failed_jobs(self.catalog, limit)

    def pending_for(self, fax_ids: Iterable[str]) -> int:
        return pending_for(self.catalog, fax_ids)

    def fax_of(self, job_id: int) -> str | None:
        return fax_of(self.catalog, job_id)

    def assign_fax(self, job_id: int, fax_id: str) -> None:
        assign_fax(self.catalog, job_id, fax_id)

    def backlog_by_kind(self) -> dict[str, int]:
        return backlog_by_kind(self.catalog)
