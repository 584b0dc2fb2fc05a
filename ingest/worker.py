"""The job loop: lease, run the handler with a heartbeat, record the outcome.

Errors are sorted in two: :class:`FaxRejected` (the input itself is bad: fail now, keep the
original) and everything else (retry with backoff until ``max_attempts``, then park as failed).
Either way the fax row carries the last error, so ``faxvault status`` and ``show`` explain it.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import functools
import logging
import time
from collections.abc import Awaitable, Callable, Iterable

from ingest import fetch, pipeline, routing
from ingest.jobs import JobKind
from ingest.pages import FaxRejected
from ingest.pipeline import LeaseLost, Services
from ingest.providers import registry
from ingest.wakeups import JobWakeups
from storage import audit, queue
from storage.archive import ArchiveUnavailable
from storage.spool import SpoolFull

log = logging.getLogger("faxvault.worker")

# A handler may return a next job already leased to this worker (the archive step of a fax
# just processed, on several nodes), which the loop runs at once.
Handler = Callable[[Services, queue.Job], Awaitable[queue.Job | None]]

def _provider_handlers() -> dict[str, Handler]:
    """Each registered provider's fetch job (and page job, where it streams pages)."""
    handlers: dict[str, Handler] = {}
    for kind, (provider, what) in registry.job_kinds().items():
        step = fetch.fetch_fax if what == "fax" else fetch.fetch_page
        handlers[kind] = functools.partial(step, provider=provider.name)
    return handlers


# Job kind -> handler. Each handler commits its effects with the job's completion.
HANDLERS: dict[str, Handler] = {
    JobKind.PROCESS: pipeline.process_fax,
    JobKind.ARCHIVE: pipeline.archive_fax,
    **_provider_handlers(),
}


async def _heartbeat(services: Services, job: queue.Job) -> None:
    lease = services.config.worker.lease_seconds
    while True:
        await asyncio.sleep(lease / 3)
        if not services.catalog.jobs.renew(job, lease):
            log.warning("job %s: lease lost to another worker", job.id)
            return


def waits_for_resources(exc: BaseException) -> bool:
    """A dependency is down or a disk is full: not the job's fault, so it retries (capped
    backoff) for as long as that lasts instead of parking as failed."""
    return isinstance(exc, (ArchiveUnavailable, SpoolFull)) or (
        isinstance(exc, OSError) and exc.errno == errno.ENOSPC)


def _describe(exc: BaseException) -> str:
    text = str(exc) or exc.__class__.__name__
    return text if isinstance(exc, FaxRejected) else f"{exc.__class__.__name__}: {text}"


def _record_failure(services: Services, job: queue.Job, exc: BaseException) -> str:
    catalog, permanent = services.catalog, isinstance(exc, FaxRejected)
    message = _describe(exc)
    with catalog.transaction():
        state = catalog.jobs.fail(job, message, backoff=services.backoff, permanent=permanent,
                                  keep_trying=waits_for_resources(exc))
        if state == queue.LEASE_LOST:
            # Another worker took the job over (this one stalled past its lease): its run
            # decides what becomes of the fax, not this stale failure.
            return state
        # A provider job learns its fax on its first run: read it back rather than trust
        # the lease's copy.
        fax_id = catalog.jobs.fax_of(job.id)
        if fax_id:
            catalog.update_fax(fax_id, error=message,
                               **({"state": "failed"} if state == "failed" else {}))
            if state == "failed":
                audit.append(catalog, "system", "fax.failed", fax_id,
                             {"job": job.id, "kind": job.kind, "error": message})
                routing.route_if_unrouted(catalog, services.config, fax_id)
    return state


async def run_job(services: Services, job: queue.Job) -> queue.Job | None:
    """Run one job; returns the next job its handler leased to this worker, if any."""
    handler = HANDLERS.get(job.kind)
    follow: queue.Job | None = None
    heartbeat = asyncio.create_task(_heartbeat(services, job))
    metrics, started, outcome = services.metrics, time.perf_counter(), "done"
    try:
        if handler is None:
            raise FaxRejected(f"unknown job kind {job.kind!r}")
        follow = await handler(services, job)
        log.info("job %s (%s, fax %s) done", job.id, job.kind, job.fax_id)
    except asyncio.CancelledError:
        outcome = "released"
        services.catalog.jobs.release(job)
        raise
    except LeaseLost as exc:
        outcome = "lease_lost"
        log.warning("%s", exc)
    except Exception as exc:
        state = _record_failure(services, job, exc)
        outcome = {"failed": "failed", queue.LEASE_LOST: "lease_lost"}.get(state, "retry")
        log.log(logging.ERROR if state == "failed" else logging.WARNING,
                "job %s (%s, fax %s) attempt %s: %s -> %s", job.id, job.kind, job.fax_id,
                job.attempts, _describe(exc), state, exc_info=not isinstance(exc, FaxRejected))
    finally:
        metrics.jobs_finished.labels(job.kind, outcome).inc()
        if job.kind == JobKind.ARCHIVE and outcome in ("retry", "failed"):
            metrics.archive_errors.inc()
        metrics.job_seconds.labels(job.kind).observe(time.perf_counter() - started)
        heartbeat.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await heartbeat
    return follow


async def worker_loop(services: Services, stop: asyncio.Event, *,
                      fax_ids: Iterable[str] | None = None, until_idle: bool = False,
                      wakeups: JobWakeups | None = None) -> None:
    """Take jobs until ``stop`` is set (or, with ``until_idle``, until the given faxes have no
    pending job). ``fax_ids`` restricts the loop to those faxes' jobs. Idle, it waits for the
    next poll, or for ``wakeups`` (a job queued on any node) if given.

    A job's follow-up (the archive step a handler leased to this node) runs beside the loop,
    which goes back to taking jobs at once: uploading one fax keeps no OCR process waiting
    for the next. One follow-up at a time per loop; the loop waits for the last before it
    runs another, and before it returns."""
    ids = list(fax_ids) if fax_ids is not None else None
    cfg = services.config.worker
    follow_up: asyncio.Task | None = None
    try:
        while not stop.is_set():
            seen = wakeups.generation if wakeups is not None else 0
            job = services.catalog.jobs.lease(cfg.lease_seconds, fax_ids=ids)
            if job is None:
                if until_idle and (ids is None or services.catalog.jobs.pending_for(ids) == 0):
                    return
                if wakeups is not None:
                    await wakeups.wait(stop, cfg.poll_seconds, since=seen)
                    continue
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), cfg.poll_seconds)
                continue
            follow = await run_job(services, job)
            if follow is None:
                continue
            if follow_up is not None:
                await follow_up
            follow_up = asyncio.create_task(_run_follow_ups(services, follow, stop),
                                            name=f"follow-up-{follow.id}")
    except asyncio.CancelledError:
        if follow_up is not None:
            follow_up.cancel()  # its job is released, ready for the next start
        raise
    finally:
        if follow_up is not None:
            await asyncio.gather(follow_up, return_exceptions=True)


async def _run_follow_ups(services: Services, job: queue.Job | None,
                          stop: asyncio.Event) -> None:
    """Run a job already leased to this worker, and whatever it leads to."""
    while job is not None:
        if stop.is_set():  # draining: leave it for the next start
            services.catalog.jobs.release(job)
            return
        job = await run_job(services, job)


class WorkerGroup:
    """``Config.job_workers`` worker loops sharing the services; stop() drains them."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.stop_event = asyncio.Event()
        self.tasks: list[asyncio.Task] = []
        self.wakeups: JobWakeups | None = None

    def start(self) -> None:
        self.wakeups = JobWakeups.for_catalog(self.services.catalog)
        for n in range(self.services.config.job_workers):
            self.tasks.append(asyncio.create_task(
                worker_loop(self.services, self.stop_event, wakeups=self.wakeups),
                name=f"worker-{n}"))

    async def stop(self, drain_seconds: float) -> None:
        """Stop taking jobs; let running ones finish for up to ``drain_seconds``, then cancel
        (a cancelled job is released, ready for the next start)."""
        self.stop_event.set()
        try:
            if not self.tasks:
                return
            _, pending = await asyncio.wait(self.tasks, timeout=drain_seconds)
            for task in pending:
                task.cancel()
            await asyncio.gather(*self.tasks, return_exceptions=True)
        finally:
            if self.wakeups is not None:
                await asyncio.to_thread(self.wakeups.close)
                self.wakeups = None
