"""Queue throughput: SQLite against PostgreSQL, side by side in the same run.

Enqueues ``--jobs`` jobs (one transaction each, as deliveries arrive), then drains them with
``--workers`` threads, each with its own handle (a catalog per thread for SQLite, a pool per
"node" for PostgreSQL), each job leased and completed as the worker does. Prints jobs per
second for both phases and the PostgreSQL/SQLite ratio. Both commit durably, as in production:
SQLite with synchronous = FULL, PostgreSQL (a throwaway local server, tests/postgres.py) with
fsync on; both on the same disk.

    python benchmarks/queue_backends.py [--jobs 2000] [--workers 2]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storage.catalog import open_catalog
from storage.pg import PoolSettings, open_pool
from storage.pg.queue import PostgresQueue
from storage.queue import JobQueue, SqliteQueue
from tests.postgres import PostgresServer

Opener = Callable[[], contextlib.AbstractContextManager[JobQueue]]


def sqlite_opener(path: Path) -> Opener:
    @contextlib.contextmanager
    def opened() -> Iterator[JobQueue]:
        catalog = open_catalog(path)
        try:
            yield SqliteQueue(catalog)
        finally:
            catalog.close()
    return opened


def postgres_opener(url: str) -> Opener:
    @contextlib.contextmanager
    def opened() -> Iterator[JobQueue]:
        pool = open_pool(url, PoolSettings(min_size=1, max_size=2))
        try:
            yield PostgresQueue(pool)
        finally:
            pool.close()
    return opened


def run(opener: Opener, jobs: int, workers: int) -> tuple[float, float]:
    """(enqueued per second, leased and completed per second)."""
    with opener() as queue:
        started = time.perf_counter()
        for n in range(jobs):
            with queue.transaction():
                queue.enqueue("process", fax_id=f"F{n}")
        enqueue_rate = jobs / (time.perf_counter() - started)
    done = [0] * workers
    barrier = threading.Barrier(workers + 1)

    def drain(slot: int) -> None:
        with opener() as handle:
            barrier.wait()
            while (job := handle.lease(60)) is not None:
                with handle.transaction():
                    handle.complete(job)
                done[slot] += 1

    threads = [threading.Thread(target=drain, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    assert sum(done) == jobs, (done, jobs)
    return enqueue_rate, jobs / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = run(sqlite_opener(Path(tmp) / "bench.sqlite3"), args.jobs,
                                args.workers)
    server = PostgresServer(durable=True)
    try:
        server.start()
        with server.database() as url:
            results["postgres"] = run(postgres_opener(url), args.jobs, args.workers)
    finally:
        server.stop()
    print(f"{args.jobs} jobs, {args.workers} workers")
    for name, (enqueued, drained) in results.items():
        print(f"{name:9} enqueue {enqueued:8.0f} jobs/s   lease+complete {drained:8.0f} jobs/s")
    (sq_in, sq_out), (pg_in, pg_out) = results["sqlite"], results["postgres"]
    print(f"postgres/sqlite: enqueue x{pg_in / sq_in:.2f}, lease+complete x{pg_out / sq_out:.2f}")


if __name__ == "__main__":
    main()
