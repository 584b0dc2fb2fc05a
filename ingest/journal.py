"""Journal, then acknowledge: one transaction stores a delivery and enqueues its work.

Every door (webhook, hot folder, CLI) goes through :func:`journal_delivery`. Only after it
returns has anything been promised to the sender; a duplicate (same idempotency key) returns
the earlier fax and stores nothing.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ulid import ULID

from storage import audit, queue
from storage.catalog import Catalog, utcnow_iso


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


def journal_delivery(catalog: Catalog, *, provider: str, idem_key: str, event_type: str,
                     headers: dict[str, str] | None = None, body: bytes = b"",
                     fax: NewFax | None = None, job_kind: str | None = None,
                     job_payload: dict[str, Any] | None = None, max_attempts: int = 8,
                     actor: str = "system") -> Journaled:
    """Store the delivery under ``idem_key`` and enqueue ``job_kind``, all or nothing."""
    with catalog.transaction() as conn:
        try:
            cur = conn.execute(
                """INSERT INTO events (provider, idem_key, event_type, received_at, headers,
                                       body)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                (provider, idem_key, event_type, utcnow_iso(),
                 json.dumps(headers or {}, sort_keys=True), body),
            )
        except sqlite3.IntegrityError:
            row = conn.execute("SELECT fax_id FROM events WHERE idem_key = ?",
                               (idem_key,)).fetchone()
            return Journaled(fax_id=row["fax_id"] if row else None, duplicate=True)
        fax_id = _upsert_fax(catalog, fax) if fax else None
        conn.execute("UPDATE events SET fax_id = ? WHERE id = ?", (fax_id, cur.lastrowid))
        job_id = None
        if job_kind:
            job_id = queue.enqueue(catalog, job_kind, fax_id=fax_id, payload=job_payload,
                                   max_attempts=max_attempts)
        audit.append(catalog, actor, "delivery.journaled", fax_id,
                     {"provider": provider, "event_type": event_type, "idem_key": idem_key})
    return Journaled(fax_id=fax_id, duplicate=False, job_id=job_id)
