"""Wake idle workers when a job is queued on any node.

On PostgreSQL the queue notifies at each commit that queues work; one listening connection
per worker group hears it (``storage.pg.queue.JobListener``) and wakes every idle worker of
the group at once. SQLite has no such signal, and one machine's workers simply poll; so do
PostgreSQL workers, less urgently, for jobs that become ready by time alone (backoff, an
expired lease), which send no notification.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from typing import Any

log = logging.getLogger("faxvault.worker")

LISTEN_SLICE_SECONDS = 1.0  # how long close() may wait for the listening thread


class JobWakeups:
    """Pulses an asyncio event each time the catalog's queue announces a job."""

    def __init__(self, listener: Any, loop: asyncio.AbstractEventLoop) -> None:
        self._listener, self._loop = listener, loop
        self._event = asyncio.Event()
        self._generation = 0
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._listen, name="job-wakeups", daemon=True)
        self._thread.start()

    @classmethod
    def for_catalog(cls, catalog: Any) -> JobWakeups | None:
        """Wake-ups for this catalog's queue, or None where it sends none (SQLite)."""
        open_listener = getattr(catalog, "job_listener", None)
        if open_listener is None:
            return None
        return cls(open_listener(), asyncio.get_running_loop())

    @property
    def generation(self) -> int:
        """How many wake-ups have run: a worker notes it before it leases, and waits
        ``since`` then (see :meth:`wait`)."""
        return self._generation

    def _pulse(self) -> None:
        # Sets the event of every wait begun before this wake-up and gives later waits a new
        # one, and counts it: see wait().
        self._generation += 1
        event, self._event = self._event, asyncio.Event()
        event.set()

    def _listen(self) -> None:
        while not self._closed.is_set():
            try:
                woke = self._listener.wait(LISTEN_SLICE_SECONDS)
            except Exception as exc:  # a dropped connection: workers still poll
                log.warning("job notifications lost (%s); workers keep polling",
                            exc.__class__.__name__)
                return
            if woke and not self._closed.is_set():
                self._loop.call_soon_threadsafe(self._pulse)

    async def wait(self, stop: asyncio.Event, timeout: float, since: int | None = None) -> None:
        """Return when a job is announced, ``stop`` is set, or ``timeout`` passes. With
        ``since`` (a :attr:`generation` noted before the worker's lease found nothing), a
        wake-up that has run since returns at once: the job it announces was queued while
        the lease ran, perhaps too late for it. One still scheduled on the loop when this
        wait begins ends it too. (A pulse that set and cleared one event woke only the waits
        already waiting on it; such a job then waited for the next poll.)"""
        event = self._event
        if since is not None and since != self._generation:
            return
        waits = [asyncio.ensure_future(event.wait()), asyncio.ensure_future(stop.wait())]
        try:
            await asyncio.wait(waits, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiting in waits:
                waiting.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await waiting

    def close(self) -> None:
        self._closed.set()
        self._thread.join()
        self._listener.close()
