"""Journal, then acknowledge: one transaction stores a delivery and enqueues its work.

Every door (webhook, hot folder, CLI) goes through :func:`journal_delivery`. Only after it
returns has anything been promised to the sender; a duplicate (same idempotency key) returns
the earlier fax and stores nothing.
"""

from __future__ import annotations

import asyncio
import queue as stdlib_queue
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from ulid import ULID

from storage import audit
from storage.backend import Catalog
from storage.catalog import NewEvent
from storage.queue import NewJob


@dataclass(frozen=True, slots=True)  # slots: built per delivery
class Journaled:
    fax_id: str | None
    duplicate: bool
    job_id: int | None = None


@dataclass(frozen=True)
class NewFax:
    """What is known of a fax when it is journaled (the rest comes from the provider API)."""

    provider: str
    provider_fax_id: str
    received_at: str | None  # None: when it is journaled (one clock reading with created_at)
    from_raw: str | None = None
    from_number: str | None = None
    to_raw: str | None = None
    to_number: str | None = None
    provider_status: str | None = None
    original_sha256: str | None = None
    original_size: int | None = None
    original_ext: str | None = None
    original_name: str | None = None
    metadata: dict[str, Any] | None = None


def message_event_key(provider: str, sha256: str) -> str:
    """The journal key of a raw e-mail message (the fax-to-email door): its SHA-256, so the
    archiving step finds the message each of its faxes names (``email.message_sha256``)."""
    return f"{provider}:message:{sha256}"


def new_fax_id() -> str:
    """Sortable by creation time (ULID), unique without coordination."""
    return str(ULID())


def ensure_fax(catalog: Catalog, fax: NewFax) -> str:
    """The fax's id: a new row, or the existing one for (provider, provider_fax_id)."""
    return catalog.ensure_fax(new_fax_id(), asdict(fax))


@dataclass(frozen=True, slots=True)  # slots: built per delivery
class DeliveryRecord:
    """One delivery as it is journaled: the raw event plus the work it asks for."""

    provider: str
    idem_key: str
    event_type: str
    headers: dict[str, str] = field(default_factory=dict)  # secrets already removed
    body: bytes = b""
    fax: NewFax | None = None
    job_kind: str | None = None
    job_payload: dict[str, Any] | None = None
    max_attempts: int = 8
    actor: str = "system"


def record_delivery(catalog: Catalog, rec: DeliveryRecord) -> Journaled:
    """Store the delivery and enqueue its job. Call inside a write transaction; a duplicate
    idempotency key changes nothing and returns the earlier fax."""
    # The fax row first (when the door knows it): a repeat delivery names the same fax, which
    # the first one created, so for a duplicate this is a no-op; the event insert tells it
    # apart. Webhooks leave the fax to their job (see ingest.fetch): the acknowledgement path
    # writes only the event, the job and the audit entry.
    fax_id = ensure_fax(catalog, rec.fax) if rec.fax else None
    if not catalog.record_event(rec.provider, rec.idem_key, rec.event_type, rec.headers,
                                rec.body, fax_id):
        return Journaled(fax_id=fax_id, duplicate=True)
    job_id = None
    if rec.job_kind:
        job_id = catalog.jobs.enqueue(rec.job_kind, fax_id=fax_id, payload=rec.job_payload,
                                      max_attempts=rec.max_attempts)
    audit.append(catalog, rec.actor, "delivery.journaled", fax_id,
                 {"provider": rec.provider, "event_type": rec.event_type,
                  "idem_key": rec.idem_key})
    return Journaled(fax_id=fax_id, duplicate=False, job_id=job_id)


def record_deliveries(catalog: Catalog, recs: list[DeliveryRecord]) -> list[Journaled]:
    """:func:`record_delivery` for each of ``recs``, in order, with the same events and jobs
    as a result (in the same order) and their audit entries grouped by sender
    (:func:`journaled_entries`), written a table at a time: on
    PostgreSQL every statement is a round trip, and a group commit of 100 webhooks written
    one by one is 1,000 of them. Deliveries that bring their fax row (hot folder, CLI) are
    written one by one. Call inside a write transaction."""
    if any(rec.fax for rec in recs):
        return [record_delivery(catalog, rec) for rec in recs]
    # The audit head is asked for first and read last: in a batch transaction the lock and
    # the head read travel with the events insert instead of costing a wait of their own.
    head = catalog.audit_head_later()
    new = catalog.record_events([NewEvent(rec.provider, rec.idem_key, rec.event_type,
                                          rec.headers, rec.body) for rec in recs])
    fresh = [rec for rec, is_new in zip(recs, new, strict=True) if is_new]
    queued = [rec for rec in fresh if rec.job_kind]
    job_ids = dict(zip(map(id, queued), catalog.jobs.enqueue_many(
        [NewJob(str(rec.job_kind), None, rec.job_payload, rec.max_attempts)
         for rec in queued]), strict=True))
    audit.append_many(catalog, journaled_entries(fresh), head=head)
    return [Journaled(fax_id=None, duplicate=not is_new, job_id=job_ids.get(id(rec)))
            for rec, is_new in zip(recs, new, strict=True)]


def journaled_entries(recs: list[DeliveryRecord]) -> list[audit.NewEntry]:
    """The audit entries of deliveries committed together: one ``deliveries.journaled``
    entry per sender, listing its deliveries in the order they were written (provider,
    event type, idempotency key: what ``delivery.journaled`` says of one).

    Why not an entry each: a webhook's entry names no fax (its job finds the fax later),
    so nothing looks it up on its own, and under load an entry per delivery was a third of
    what an acknowledgement writes, 8% of a PostgreSQL node's deliveries a second
    (benchmarks/RESULTS.md). The chain covers the list as it covers any details."""
    by_actor: dict[str, list[dict[str, str]]] = {}
    for rec in recs:
        by_actor.setdefault(rec.actor, []).append(
            {"provider": rec.provider, "event_type": rec.event_type, "idem_key": rec.idem_key})
    return [audit.NewEntry(actor, "deliveries.journaled", None, {"deliveries": deliveries})
            for actor, deliveries in by_actor.items()]


def journal_delivery(catalog: Catalog, rec: DeliveryRecord) -> Journaled:
    """Journal one delivery in a transaction of its own."""
    with catalog.transaction():
        return record_delivery(catalog, rec)


class GroupJournal:
    """Journals deliveries from the event loop with group commit.

    Each webhook must be durable before it is acknowledged, and an fsync per delivery caps
    the service at a few hundred deliveries a second. Here handlers hand their record to one
    writer thread, which takes every record waiting, writes them together
    (:func:`record_deliveries`) and commits them all with one fsync; should that fail, it
    writes each under a savepoint (one bad record cannot undo the others). Each handler's
    future resolves only after the commit.
    """

    def __init__(self, open_catalog: Callable[[], Catalog], max_batch: int = 512) -> None:
        """``open_catalog`` opens the writer thread's own catalog (closed when it stops)."""
        self._open_catalog = open_catalog
        self._max_batch = max_batch
        self._queue: stdlib_queue.SimpleQueue = stdlib_queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="journal", daemon=True)
        self._thread.start()

    async def journal(self, rec: DeliveryRecord) -> Journaled:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Journaled] = loop.create_future()
        self._queue.put((rec, future, loop))
        return await future

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()

    def _run(self) -> None:
        catalog = self._open_catalog()
        try:
            while True:
                first = self._queue.get()
                if first is None:
                    return
                batch = [first]
                while len(batch) < self._max_batch:
                    try:
                        item = self._queue.get_nowait()
                    except stdlib_queue.Empty:
                        break
                    if item is None:
                        self._queue.put(None)  # finish this batch, then stop
                        break
                    batch.append(item)
                self._commit(catalog, batch)
        finally:
            catalog.close()

    @staticmethod
    def _commit(catalog: Catalog, batch: list) -> None:
        try:
            # One round trip per result read (PostgreSQL pipeline mode), not per statement.
            with catalog.batch_transaction():
                outcomes = [(journaled, None) for journaled in
                            record_deliveries(catalog, [rec for rec, _, _ in batch])]
        except Exception:
            # Rare: redo the batch with a savepoint per record, so one bad record fails
            # alone instead of taking the others' acknowledgements with it.
            outcomes = GroupJournal._commit_one_by_one(catalog, batch)
        # One wake-up of each event loop per batch, not one per delivery.
        by_loop: dict[Any, list] = {}
        for (_, future, loop), outcome in zip(batch, outcomes, strict=True):
            by_loop.setdefault(loop, []).append((future, *outcome))
        for loop, results in by_loop.items():
            loop.call_soon_threadsafe(_resolve_all, results)

    @staticmethod
    def _commit_one_by_one(catalog: Catalog, batch: list) -> list[tuple[Any, Any]]:
        outcomes: list[tuple[Any, BaseException | None]] = []
        try:
            with catalog.transaction():
                for rec, _, _ in batch:
                    try:
                        with catalog.transaction():  # a savepoint: undone alone if it fails
                            outcomes.append((record_delivery(catalog, rec), None))
                    except Exception as exc:
                        outcomes.append((None, exc))
        except Exception as exc:  # the commit itself failed: nobody's delivery is durable
            outcomes = [(None, exc)] * len(batch)
        return outcomes


def _resolve_all(results: list[tuple[asyncio.Future, Any, BaseException | None]]) -> None:
    for future, result, error in results:
        if future.cancelled():
            continue
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)
