"""A hash-chained, append-only audit log.

Each entry's hash is SHA-256 over a canonical JSON encoding of its fields *and the previous
entry's hash*, so editing, inserting or deleting any row breaks every hash after it. The
details enter the hash through their own SHA-256: an export can then prove the chain across
entries of other faxes while leaving those entries' details out. The head is anchored from
time to time into the archive (write-once under Object Lock), so rewriting the whole SQLite
history is detectable too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from storage.catalog import Catalog, utcnow_iso

GENESIS = "0" * 64


def details_digest(details: str) -> str:
    return hashlib.sha256(details.encode("utf-8")).hexdigest()


def entry_hash(seq: int, at: str, actor: str, action: str, fax_id: str | None,
               details_sha256: str, prev_hash: str) -> str:
    """SHA-256 of the canonical JSON array [seq, at, actor, action, fax_id,
    sha256(details), prev_hash] (UTF-8, no spaces) as lowercase hex."""
    canonical = json.dumps([seq, at, actor, action, fax_id, details_sha256, prev_hash],
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
    digest = entry_hash(seq, at, actor, action, fax_id, details_digest(encoded), prev)
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


def record_search(catalog: Catalog, actor: str, query: str, filters: dict[str, Any],
                  hits: list[dict[str, Any]]) -> int:
    """A search by a person, in one transaction: a ``search`` entry with the query as typed,
    its filters and the faxes it showed, then a ``fax.search_hit`` entry per fax pointing at
    it, so each fax's own trail (and an export of it) shows the read without repeating a
    query that may name other people. The query stays in clear: this log is as protected as
    the catalog beside it, and an auditor needs what was looked for (a hash of a name is
    reversed by trying names)."""
    pages: dict[str, list[int]] = {}
    for hit in hits:
        pages.setdefault(hit["fax_id"], []).append(hit["page_no"])
    with catalog.transaction():
        seq = append(catalog, actor, "search", None,
                     {"query": query, "filters": filters, "fax_ids": list(pages)})
        for fax_id, page_nos in pages.items():
            append(catalog, actor, "fax.search_hit", fax_id,
                   {"search_seq": seq, "pages": page_nos})
    return seq


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
                            details_digest(row["details"]), row["prev_hash"])
        if not hmac.compare_digest(digest, row["hash"]):
            return ChainReport(count, row["seq"], "entry content does not match its hash")
        prev, expected_seq = row["hash"], expected_seq + 1
    return ChainReport(count, None, None)


def head(catalog: Catalog) -> tuple[int, str]:
    row = catalog.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
                               ).fetchone()
    return (row["seq"], row["hash"]) if row else (0, GENESIS)


def anchor_key(seq: int, at: str) -> str:
    return f"audit/heads/{at[:4]}/{at[5:7]}/{at[8:10]}/{seq:012d}.json"


def check_anchors(catalog: Catalog, anchors: list[dict[str, Any]]) -> list[str]:
    """Each anchored head must still be in the log with the same hash: a rewritten history
    cannot reproduce hashes already written to write-once storage."""
    problems = []
    for anchor in anchors:
        row = catalog.conn.execute("SELECT hash FROM audit_log WHERE seq = ?",
                                   (anchor["seq"],)).fetchone()
        if row is None:
            problems.append(f"anchored entry {anchor['seq']} is missing from the log")
        elif not hmac.compare_digest(row["hash"], anchor["hash"]):
            problems.append(f"entry {anchor['seq']} differs from its anchor of {anchor['at']}")
    return problems
