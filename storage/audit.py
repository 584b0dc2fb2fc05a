"""A hash-chained, append-only audit log.

Each entry's hash is SHA-256 over a canonical JSON encoding of its fields *and the previous
entry's hash*, so editing, inserting or deleting any row breaks every hash after it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from storage.catalog import Catalog, utcnow_iso

GENESIS = "0" * 64


def entry_hash(seq: int, at: str, actor: str, action: str, fax_id: str | None,
               details: str, prev_hash: str) -> str:
    canonical = json.dumps([seq, at, actor, action, fax_id, details, prev_hash],
                           ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(catalog: Catalog, actor: str, action: str, fax_id: str | None = None,
           details: dict[str, Any] | None = None) -> int:
    """Append one entry. Call inside a write transaction (it reads the head, then inserts)."""
    head = catalog.conn.execute(
        "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    seq, prev = (head["seq"] + 1, head["hash"]) if head else (1, GENESIS)
    at = utcnow_iso()
    encoded = json.dumps(details or {}, sort_keys=True, ensure_ascii=False,
                         separators=(",", ":"))
    digest = entry_hash(seq, at, actor, action, fax_id, encoded, prev)
    catalog.conn.execute(
        "INSERT INTO audit_log (seq, at, actor, action, fax_id, details, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, actor, action, fax_id, encoded, prev, digest),
    )
    return seq


def record(catalog: Catalog, actor: str, action: str, fax_id: str | None = None,
           details: dict[str, Any] | None = None) -> int:
    """Append in a transaction of its own (for reads by a person: show, get ...)."""
    with catalog.transaction():
        return append(catalog, actor, action, fax_id, details)


@dataclass(frozen=True)
class ChainReport:
    entries: int
    first_broken_seq: int | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.first_broken_seq is None


def verify_chain(catalog: Catalog) -> ChainReport:
    """Walk the whole log; name the first entry whose hash or link does not hold."""
    prev, expected_seq, count = GENESIS, 1, 0
    for row in catalog.conn.execute("SELECT * FROM audit_log ORDER BY seq"):
        count += 1
        if row["seq"] != expected_seq:
            return ChainReport(count, expected_seq, f"entry {expected_seq} is missing")
        if not hmac.compare_digest(row["prev_hash"], prev):
            return ChainReport(count, row["seq"], "previous-hash link does not match")
        digest = entry_hash(row["seq"], row["at"], row["actor"], row["action"], row["fax_id"],
                            row["details"], row["prev_hash"])
        if not hmac.compare_digest(digest, row["hash"]):
            return ChainReport(count, row["seq"], "entry content does not match its hash")
        prev, expected_seq = row["hash"], expected_seq + 1
    return ChainReport(count, None, None)
