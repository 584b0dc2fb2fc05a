"""The durable queue: leases, expiry, backoff, fencing, parking failures, on SQLite and on
PostgreSQL (the same tests, through the backend-neutral ``JobQueue`` interface)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from storage import queue
from storage.catalog import NotFound, open_catalog
from storage.pg import PoolSettings, open_pool
from storage.pg.queue import JobListener, PostgresQueue
from storage.queue import JobQueue, SqliteQueue

FAST = queue.Backoff(base_seconds=0.01, max_seconds=0.02)


@dataclass
class Backend:
    """A queue, a way to open another handle on the same jobs (another worker thread, or
    another node), and a way to make every waiting job due now (instead of waiting out a
    backoff)."""

    name: str
    jobs: JobQueue
    another: Callable[[], contextlib.AbstractContextManager[JobQueue]]
    make_all_due: Callable[[], None]
    close: Callable[[], None]


def _sqlite(tmp_path: Path) -> Backend:
    path = tmp_path / "c.sqlite3"
    first = open_catalog(path)

    @contextlib.contextmanager
    def another() -> Iterator[JobQueue]:  # a catalog per thread, as the service has
        catalog = open_catalog(path)
        try:
            yield SqliteQueue(catalog)
        finally:
            catalog.close()

    return Backend("sqlite", SqliteQueue(first), another,
                   lambda: first.conn.execute("UPDATE jobs SET run_after = 0"), first.close)


def _postgres(url: str) -> Backend:
    settings = PoolSettings(min_size=1, max_size=4)
    pool = open_pool(url, settings)

    @contextlib.contextmanager
    def another() -> Iterator[JobQueue]:  # a second node: its own pool on the same database
        other = open_pool(url, settings)
        try:
            yield PostgresQueue(other)
        finally:
            other.close()

    def make_all_due() -> None:
        with pool.connection() as conn:
            conn.execute("UPDATE jobs SET run_after = 0")

    return Backend("postgres", PostgresQueue(pool), another, make_all_due, pool.close)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        made = _sqlite(tmp_path)
    else:
        made = _postgres(request.getfixturevalue("postgres_url"))
    yield made
    made.close()


def add(jobs: JobQueue, **kw) -> int:
    with jobs.transaction():
        return jobs.enqueue("process", **kw)


def test_a_leased_job_is_not_given_twice(backend: Backend) -> None:
    jobs = backend.jobs
    add(jobs)
    assert jobs.lease(60) is not None
    assert jobs.lease(60) is None


def test_an_expired_lease_is_taken_again_and_fences_the_old_worker(backend: Backend) -> None:
    jobs = backend.jobs
    job_id = add(jobs)
    first = jobs.lease(lease_seconds=-1)  # a lease that has already run out
    with backend.another() as other:  # taken over by another worker
        second = other.lease(lease_seconds=60)
    assert second is not None and second.id == job_id and second.attempts == 2
    assert second.lease_token != first.lease_token
    # The crashed worker's late word is ignored, whatever it says.
    assert not jobs.renew(first, 60)
    assert not jobs.complete(first)
    assert jobs.fail(first, "late failure", backoff=FAST, permanent=True) == queue.LEASE_LOST
    jobs.release(first)
    assert jobs.counts_by_state() == {"queued": 0, "running": 1, "done": 0, "failed": 0}
    assert jobs.renew(second, 60)
    assert jobs.complete(second)
    assert jobs.counts_by_state()["done"] == 1
    assert not jobs.complete(second)  # done is done


def test_failure_backs_off_then_parks_with_last_error(backend: Backend) -> None:
    jobs = backend.jobs
    add(jobs, max_attempts=2)
    job = jobs.lease(60)
    assert jobs.fail(job, "boom 1", backoff=queue.Backoff(30, 60)) == "queued"
    assert jobs.lease(60) is None  # not before its backoff
    backend.make_all_due()
    job = jobs.lease(60)
    assert jobs.fail(job, "boom 2", backoff=FAST) == "failed"
    failed = jobs.failed_jobs()
    assert [(j.attempts, j.last_error) for j in failed] == [(2, "boom 2")]


def test_an_outage_keeps_a_job_trying_past_its_attempts(backend: Backend) -> None:
    jobs = backend.jobs
    add(jobs, max_attempts=1)
    job = jobs.lease(60)
    assert jobs.fail(job, "store down", backoff=FAST, keep_trying=True) == "queued"
    assert jobs.failed_jobs() == []


def test_permanent_failure_parks_at_once_and_retry_requeues(backend: Backend) -> None:
    jobs = backend.jobs
    job_id = add(jobs)
    job = jobs.lease(60)
    assert jobs.fail(job, "corrupt", backoff=FAST, permanent=True) == "failed"
    assert jobs.retry_failed(job_id) == 1
    again = jobs.lease(60)
    assert again.id == job_id and again.attempts == 1


def test_retry_all_failed_requeues_only_failed_jobs(backend: Backend) -> None:
    jobs = backend.jobs
    for _ in range(3):
        add(jobs)
    for _ in range(2):
        jobs.fail(jobs.lease(60), "corrupt", backoff=FAST, permanent=True)
    assert jobs.retry_failed() == 2
    assert jobs.counts_by_state() == {"queued": 3, "running": 0, "done": 0, "failed": 0}


def test_a_job_that_kills_its_worker_every_time_is_parked(backend: Backend) -> None:
    jobs = backend.jobs
    add(jobs, max_attempts=1)
    jobs.lease(lease_seconds=-1)
    assert jobs.lease(60) is None
    [failed] = jobs.failed_jobs()
    assert "lost its lease" in failed.last_error


def test_backoff_grows_and_is_capped() -> None:
    backoff = queue.Backoff(base_seconds=1, max_seconds=8)
    assert 0.5 <= backoff.delay(1) <= 1
    assert 4 <= backoff.delay(4) <= 8
    assert 4 <= backoff.delay(30) <= 8


def test_release_gives_the_job_back_without_spending_an_attempt(backend: Backend) -> None:
    jobs = backend.jobs
    add(jobs)
    job = jobs.lease(60)
    jobs.release(job)
    again = jobs.lease(60)
    assert again.attempts == 1


def test_retry_unknown_job_is_not_found(backend: Backend) -> None:
    with pytest.raises(NotFound):
        backend.jobs.retry_failed(999)


def test_an_enqueue_rolled_back_with_its_transaction_leaves_no_job(backend: Backend) -> None:
    jobs = backend.jobs
    with pytest.raises(RuntimeError), jobs.transaction():
        jobs.enqueue("process", fax_id="F1")
        raise RuntimeError("journaling failed after the enqueue")
    assert jobs.lease(60) is None
    assert jobs.counts_by_state()["queued"] == 0


def test_a_completion_rolled_back_leaves_the_job_leased(backend: Backend) -> None:
    jobs = backend.jobs
    add(jobs)
    job = jobs.lease(60)
    with pytest.raises(RuntimeError), jobs.transaction():
        assert jobs.complete(job)
        raise RuntimeError("the job's effects failed to commit")
    assert jobs.counts_by_state()["running"] == 1
    assert jobs.complete(job)


def test_lease_restricted_to_faxes_and_pending_counts(backend: Backend) -> None:
    jobs = backend.jobs
    add(jobs, fax_id="A")
    b = add(jobs, fax_id="B")
    add(jobs, fax_id="B", delay=3600)
    assert jobs.pending_for(["B"]) == 2
    assert jobs.pending_for([]) == 0
    job = jobs.lease(60, fax_ids=["B"])
    assert job.id == b and job.fax_id == "B"
    assert jobs.lease(60, fax_ids=["B"]) is None  # the other B job is not due yet
    assert jobs.lease(60, fax_ids=[]) is None
    jobs.complete(job)
    assert jobs.pending_for(["A", "B"]) == 2
    assert jobs.backlog_by_kind() == {"process": 2}


def test_a_job_learns_its_fax(backend: Backend) -> None:
    jobs = backend.jobs
    job_id = add(jobs, payload={"fax": {"provider": "faxplus"}})
    job = jobs.lease(60)
    assert job.payload == {"fax": {"provider": "faxplus"}} and job.fax_id is None
    assert jobs.fax_of(job_id) is None
    with jobs.transaction():
        jobs.assign_fax(job_id, "01FAX")
    assert jobs.fax_of(job_id) == "01FAX"
    assert jobs.fax_of(12345) is None


def test_two_workers_leasing_at_once_never_get_the_same_job(backend: Backend) -> None:
    jobs, total = backend.jobs, 120
    with jobs.transaction():
        for _ in range(total):
            jobs.enqueue("process")
    start = threading.Barrier(2)
    taken: list[list[int]] = [[], []]
    errors: list[BaseException] = []

    def drain(out: list[int]) -> None:
        try:
            with backend.another() as handle:
                start.wait()
                while (job := handle.lease(60)) is not None:
                    out.append(job.id)
                    assert handle.complete(job)
        except BaseException as exc:  # surfaced below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=drain, args=(out,)) for out in taken]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    every = taken[0] + taken[1]
    assert len(every) == total and len(set(every)) == total  # each job once, none twice
    assert jobs.counts_by_state()["done"] == total


def test_a_job_queued_on_one_node_wakes_a_listener_on_another(postgres_url: str) -> None:
    pool = open_pool(postgres_url, PoolSettings(max_size=2))
    listener = JobListener(postgres_url)
    try:
        jobs = PostgresQueue(pool)
        assert not listener.wait(0.05)  # nothing queued: the wait times out
        with jobs.transaction():
            jobs.enqueue("process")
        assert listener.wait(30)
    finally:
        listener.close()
        pool.close()


def test_jobs_queued_together_wake_a_listener_on_another_node(postgres_url: str) -> None:
    from storage.queue import NewJob

    pool = open_pool(postgres_url, PoolSettings(max_size=2))
    listener = JobListener(postgres_url)
    try:
        jobs = PostgresQueue(pool)
        assert not listener.wait(0.05)
        with jobs.transaction():
            ids = jobs.enqueue_many([NewJob("process", None, {"n": n}, 8) for n in range(3)])
        assert listener.wait(30)
        assert ids == sorted(ids) and len(set(ids)) == 3
        assert jobs.counts_by_state()["queued"] == 3
    finally:
        listener.close()
        pool.close()
