"""A polling door: for providers without webhooks, list what arrived since a cursor, fetch
each new fax, journal it, and (optionally) acknowledge it at the provider once archived.

One loop serves any :class:`PollingSource` (SRFax now; eFax Corporate's pull API fits the same
shape). Each poll:

1. lists the faxes from the stored cursor on (the cursor is the source's own string, kept in
   the catalog, so a restart resumes where the last poll ended);
2. skips every fax the catalog already holds under ``(provider, provider fax id)``: nothing is
   downloaded twice, across restarts too (exactly-once ingestion by provider id);
3. downloads each new one into the spool (size-capped, hashed) and journals it like a local
   file under the provider's name and id (:func:`ingest.local.journal_blob`), which enqueues
   its processing;
4. with ``mark_read``, remembers that the fax is to be acknowledged; the acknowledgement
   (SRFax: mark as read) is sent by a later poll only when the catalog says the fax is
   archived, so a fax the provider shows as read is always one we have kept;
5. moves the cursor up to the oldest fax still unfinished (a failed download is listed again
   next time; the listing overlaps, the catalog dedupes).

A failed listing (bad credentials, provider down) journals nothing, is recorded with the
door's state and logged, and the next poll waits twice as long, up to the configured maximum.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from typing import Any, Protocol

from ingest.local import LocalMetadata, journal_blob
from ingest.pipeline import Services
from storage.spool import Blob, Spool

log = logging.getLogger("faxvault.polling")


@dataclass(frozen=True)
class RemoteFax:
    """One fax as a provider's listing describes it."""

    provider_fax_id: str
    cursor: str  # a listing from this cursor includes this fax (sortable as a string)
    name: str  # the provider's file name, for logs and ``original_name``
    received_at: str | None = None  # ISO 8601 UTC, as the provider reports it
    from_raw: str | None = None
    to_raw: str | None = None
    status: str | None = None
    # The listing record as the provider sent it (kept in the fax's metadata).
    record: dict[str, Any] = field(default_factory=dict)


class PollingSource(Protocol):
    """What a provider without webhooks offers the polling loop."""

    name: str  # the provider name faxes are journaled under (``srfax``)
    can_mark_read: bool

    async def list_since(self, cursor: str | None) -> list[RemoteFax]:
        """The faxes at the provider from ``cursor`` on (None: the first poll)."""
        ...

    async def download(self, fax: RemoteFax, spool: Spool, max_bytes: int) -> Blob:
        """The fax's document, stored in the spool."""
        ...

    async def mark_read(self, provider_fax_id: str) -> None:
        """Acknowledge the fax at the provider."""
        ...


@dataclass
class PollOutcome:
    listed: int = 0
    ingested: int = 0
    known: int = 0
    failed: int = 0
    acknowledged: int = 0
    error: str | None = None


class PollingDoor:
    def __init__(self, services: Services, source: PollingSource, *, mark_read: bool,
                 interval_seconds: float, max_interval_seconds: float) -> None:
        if mark_read and not source.can_mark_read:
            raise ValueError(f"{source.name}: this provider cannot mark faxes as read")
        self.services, self.source = services, source
        self.door = f"poll:{source.name}"
        self.mark_read = mark_read
        self.interval, self.max_interval = interval_seconds, max_interval_seconds
        self.polls = 0
        self._stop = asyncio.Event()
        self._task: asyncio.Task | None = None

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=self.door)
        log.info("%s: polling every %g s", self.source.name, self.interval)

    async def stop(self, grace_seconds: float = 10.0) -> None:
        """Stop polling: a poll in flight finishes the fax it is taking (the rest wait for
        the next start); past ``grace_seconds`` it is cancelled, and a download cut short
        simply happens again at the next start (nothing was journaled for it)."""
        self._stop.set()
        if self._task is None:
            return
        _, pending = await asyncio.wait([self._task], timeout=grace_seconds)
        for task in pending:
            task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        wait = self.interval
        while not self._stop.is_set():
            try:
                outcome = await self.poll_once()
            except Exception as exc:  # a bug or a catalog error: logged, the loop goes on
                log.exception("%s: poll failed", self.source.name)
                outcome = PollOutcome(error=f"{exc.__class__.__name__}: {exc}")
            wait = self.interval if outcome.error is None else min(wait * 2, self.max_interval)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), wait)

    # -- one poll ---------------------------------------------------------------------------
    async def poll_once(self) -> PollOutcome:
        catalog, outcome = self.services.catalog, PollOutcome()
        state = catalog.door_state(self.door)
        try:
            listing = await self.source.list_since(state.cursor)
        except Exception as exc:
            outcome.error = f"listing failed: {describe(exc)}"
            log.warning("%s: %s; nothing journaled, next poll later", self.source.name,
                        outcome.error)
            with catalog.transaction():
                catalog.save_door_poll(self.door, cursor=None, error=outcome.error)
            self.polls += 1
            return outcome
        listing.sort(key=lambda fax: fax.cursor)
        outcome.listed = len(listing)
        unfinished: list[str] = []
        errors: list[str] = []
        for fax in listing:
            if self._stop.is_set():  # stopping: the rest wait for the next start
                unfinished.append(fax.cursor)
                continue
            try:
                new = await self._take(fax)
            except Exception as exc:
                outcome.failed += 1
                unfinished.append(fax.cursor)
                errors.append(f"fax {fax.provider_fax_id}: {describe(exc)}")
                log.warning("%s: fax %s not taken yet: %s", self.source.name,
                            fax.provider_fax_id, describe(exc))
                continue
            if new:
                outcome.ingested += 1
            else:
                outcome.known += 1
        if self.mark_read:
            outcome.acknowledged = await self._acknowledge_archived(errors)
        cursor = min(unfinished) if unfinished else (listing[-1].cursor if listing else None)
        if cursor is not None and state.cursor is not None and not unfinished:
            cursor = max(cursor, state.cursor)  # never move back when all is done
        outcome.error = summary(errors)
        with catalog.transaction():
            catalog.save_door_poll(self.door, cursor=cursor, error=outcome.error)
        self.polls += 1
        return outcome

    async def _take(self, fax: RemoteFax) -> bool:
        """Fetch and journal one listed fax; False if the catalog already had it."""
        services, provider = self.services, self.source.name
        known = services.catalog.find_fax(provider, fax.provider_fax_id)
        if known is not None:
            self._want_ack(fax.provider_fax_id, known["id"])  # heals a crash before it
            return False
        blob = await self.source.download(fax, services.spool,
                                          services.config.limits.max_file_bytes)
        meta = LocalMetadata(
            from_raw=fax.from_raw, to_raw=fax.to_raw, received_at=fax.received_at,
            provider=provider, provider_fax_id=fax.provider_fax_id,
            extra={"source": self.door, "provider_status": fax.status,
                   "provider_record": fax.record})
        # BlobReleased (another fax's archive freed these bytes meanwhile) propagates: the
        # fax stays unfinished and the next poll downloads it again.
        result = journal_blob(services, blob, fax.name, meta, actor=self.door)
        if fax.status is not None:
            with services.catalog.transaction():
                services.catalog.update_fax(result.fax_id, provider_status=fax.status)
        self._want_ack(fax.provider_fax_id, result.fax_id)
        log.info("%s: fax %s -> %s%s", provider, fax.provider_fax_id, result.fax_id,
                 " (already ingested)" if result.duplicate else "")
        return not result.duplicate

    def _want_ack(self, provider_fax_id: str, fax_id: str) -> None:
        if self.mark_read:
            with self.services.catalog.transaction():
                self.services.catalog.add_door_ack(self.door, provider_fax_id, fax_id)

    async def _acknowledge_archived(self, errors: list[str]) -> int:
        """Mark read at the provider the faxes that are archived here, and only those."""
        catalog, done = self.services.catalog, 0
        for ack in catalog.door_acks_due(self.door):
            try:
                await self.source.mark_read(ack.item_id)
            except Exception as exc:
                errors.append(f"mark read {ack.item_id}: {describe(exc)}")
                log.warning("%s: fax %s archived but not marked read yet: %s",
                            self.source.name, ack.item_id, describe(exc))
                continue
            with catalog.transaction():
                catalog.door_ack_done(self.door, ack.item_id)
            done += 1
        return done


def summary(errors: list[str], shown: int = 5) -> str | None:
    """The first few errors of a poll, and how many more (a long outage must not make one
    status line of every fax)."""
    if not errors:
        return None
    more = f"; and {len(errors) - shown} more" if len(errors) > shown else ""
    return "; ".join(errors[:shown]) + more


def describe(exc: BaseException) -> str:
    return str(exc) or exc.__class__.__name__


@contextlib.asynccontextmanager
async def running_door(door: PollingDoor):
    door.start()
    try:
        yield door
    finally:
        await door.stop()
