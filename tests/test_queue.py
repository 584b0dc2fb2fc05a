"""The durable queue: leases, expiry, backoff, fencing, parking failures."""

from pathlib import Path

import pytest

from storage import queue
from storage.catalog import Catalog, open_catalog

FAST = queue.Backoff(base_seconds=0.01, max_seconds=0.02)


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    cat = open_catalog(tmp_path / "c.sqlite3")
    yield cat
    cat.close()


def add(catalog: Catalog, **kw) -> int:
    with catalog.transaction():
        return queue.enqueue(catalog, "process", **kw)


def test_a_leased_job_is_not_given_twice(catalog: Catalog) -> None:
    add(catalog)
    assert queue.lease(catalog, 60) is not None
    assert queue.lease(catalog, 60) is None


def test_an_expired_lease_is_taken_again_and_fences_the_old_worker(catalog: Catalog) -> None:
    job_id = add(catalog)
    first = queue.lease(catalog, lease_seconds=-1)  # a lease that has already run out
    second = queue.lease(catalog, lease_seconds=60)
    assert second is not None and second.id == job_id and second.attempts == 2
    assert not queue.complete(catalog, first)  # the crashed worker's late word is ignored
    assert queue.complete(catalog, second)
    assert queue.counts_by_state(catalog)["done"] == 1


def test_failure_backs_off_then_parks_with_last_error(catalog: Catalog) -> None:
    add(catalog, max_attempts=2)
    job = queue.lease(catalog, 60)
    assert queue.fail(catalog, job, "boom 1", backoff=queue.Backoff(30, 60)) == "queued"
    assert queue.lease(catalog, 60) is None  # not before its backoff
    catalog.conn.execute("UPDATE jobs SET run_after = 0")
    job = queue.lease(catalog, 60)
    assert queue.fail(catalog, job, "boom 2", backoff=FAST) == "failed"
    failed = queue.failed_jobs(catalog)
    assert [(j.attempts, j.last_error) for j in failed] == [(2, "boom 2")]


def test_permanent_failure_parks_at_once_and_retry_requeues(catalog: Catalog) -> None:
    job_id = add(catalog)
    job = queue.lease(catalog, 60)
    assert queue.fail(catalog, job, "corrupt", backoff=FAST, permanent=True) == "failed"
    assert queue.retry_failed(catalog, job_id) == 1
    again = queue.lease(catalog, 60)
    assert again.id == job_id and again.attempts == 1


def test_a_job_that_kills_its_worker_every_time_is_parked(catalog: Catalog) -> None:
    add(catalog, max_attempts=1)
    queue.lease(catalog, lease_seconds=-1)
    assert queue.lease(catalog, 60) is None
    [failed] = queue.failed_jobs(catalog)
    assert "lost its lease" in failed.last_error


def test_backoff_grows_and_is_capped() -> None:
    backoff = queue.Backoff(base_seconds=1, max_seconds=8)
    assert 0.5 <= backoff.delay(1) <= 1
    assert 4 <= backoff.delay(4) <= 8
    assert 4 <= backoff.delay(30) <= 8


def test_release_gives_the_job_back_without_spending_an_attempt(catalog: Catalog) -> None:
    add(catalog)
    job = queue.lease(catalog, 60)
    queue.release(catalog, job)
    again = queue.lease(catalog, 60)
    assert again.attempts == 1


def test_retry_unknown_job_is_not_found(catalog: Catalog) -> None:
    from storage.catalog import NotFound

    with pytest.raises(NotFound):
        queue.retry_failed(catalog, 999)
