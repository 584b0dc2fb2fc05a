"""Journal, then acknowledge: one transaction stores a delivery and enqueues its work.

Every door (webhook, hot folder, CLI) goes through :func:`journal_delivery`. Only after it
returns has anything been promised to the sender; a duplicate (same idempotency key) returns
the earlier fax and stores nothing.
"""

from __future__ import annotations

import asyncio
import json
import queue as stdlib_queue
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ulid import ULID

from storage import audit, queue
from storage.catalog import Catalog, open_catalog, utcnow_iso


@dataclass(frozen=True)
class Journaled:
    fax_id: str | None
    duplicate: bool
    job_id: int | None = None


@dataclass(frozen=True)
class NewFax:
    """What is known of a fax when it is journaled (the rest comes from the provider API)."""

    provider: str
    provider_fax_id: str
    received_at: str
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


def new_fax_id() -> str:
    """Sortable by creation time (ULID), unique without coordination."""
    return str(ULID())


def _upsert_fax(catalog: Catalog, fax: NewFax) -> str:
    existing = catalog.conn.execute(
        "SELECT id FROM faxes WHERE provider = ? AND provider_fax_id = ?",
        (fax.provider, fax.provider_fax_id),
    ).fetchone()
    if existing:
        return existing["id"]
    fax_id, now = new_fax_id(), utcnow_iso()
    row = {**fax.__dict__, "metadata": json.dumps(fax.metadata or {}, sort_keys=True)}
    catalog.conn.execute(
        f"""INSERT INTO faxes (id, created_at, updated_at, {", ".join(row)})
            VALUES (?, ?, ?, {", ".join("?" * len(row))})""",
        (fax_id, now, now, *row.values()),
    )
    return fax_id


@dataclass(frozen=True)
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
    conn = catalog.conn
    cur = conn.execute(
        """INSERT INTO events (provider, idem_key, event_type, received_at, headers, body)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idem_key) DO NOTHING""",
        (rec.provider, rec.idem_key, rec.event_type, utcnow_iso(),
         json.dumps(rec.headers, sort_keys=True), rec.body),
    )
    if cur.rowcount == 0:
        row = conn.execute("SELECT fax_id FROM events WHERE idem_key = ?",
                           (rec.idem_key,)).fetchone()
        return Journaled(fax_id=row["fax_id"], duplicate=True)
    event_id = cur.lastrowid
    fax_id = _upsert_fax(catalog, rec.fax) if rec.fax else None
    conn.execute("UPDATE events SET fax_id = ? WHERE id = ?", (fax_id, event_id))
    job_id = None
    if rec.job_kind:
        job_id = queue.enqueue(catalog, rec.job_kind, fax_id=fax_id, payload=rec.job_payload,
                               max_attempts=rec.max_attempts)
    audit.append(catalog, rec.actor, "delivery.journaled", fax_id,
                 {"provider": rec.provider, "event_type": rec.event_type,
                  "idem_key": rec.idem_key})
    return Journaled(fax_id=fax_id, duplicate=False, job_id=job_id)


def journal_delivery(catalog: Catalog, rec: DeliveryRecord) -> Journaled:
    """Journal one delivery in a transaction of its own."""
    with catalog.transaction():
        return record_delivery(catalog, rec)


class GroupJournal:
    """Journals deliveries from the event loop with group commit.

    Each webhook must be durable before it is acknowledged, and an fsync per delivery caps
    the service at a few hundred deliveries a second. Here handlers hand their record to one
    writer thread, which takes every record waiting, writes each under a savepoint (one bad
    record cannot undo the others) and commits them all with one fsync; each handler's future
    resolves only after that commit.
    """

    def __init__(self, catalog_path: Path, max_batch: int = 512) -> None:
        self._path = catalog_path
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
        catalog = open_catalog(self._path)
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
        outcomes: list[tuple[Any, BaseException | None]] = []
        try:
            with catalog.transaction() as conn:
                for n, (rec, _, _) in enumerate(batch):
                    conn.execute(f"SAVEPOINT d{n}")
                    try:
                        outcomes.append((record_delivery(catalog, rec), None))
                        conn.execute(f"RELEASE d{n}")
                    except Exception as exc:
                        conn.execute(f"ROLLBACK TO d{n}")
                        conn.execute(f"RELEASE d{n}")
                        outcomes.append((None, exc))
        except Exception as exc:  # the commit itself failed: nobody's delivery is durable
            outcomes = [(None, exc)] * len(batch)
        for (_, future, loop), (result, error) in zip(batch, outcomes, strict=True):
            loop.call_soon_threadsafe(_resolve, future, result, error)


def _resolve(future: asyncio.Future, result: Any, error: BaseException | None) -> None:
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
