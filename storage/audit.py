"""A hash-chained, append-only audit log.

Each entry's hash is SHA-256 over a canonical JSON encoding of its fields *and the previous
entry's hash*, so editing, inserting or deleting any row breaks every hash after it. The
details enter the hash through their own SHA-256: an export can then prove the chain across
entries of other faxes while leaving those entries' details out.

The head is *anchored*: written as a small object under ``audit/heads/`` of one or two anchor
targets (the archive, and optionally a second store). Under S3 Object Lock an anchor is
write-once, so a rewritten history cannot reproduce hashes already anchored. Anchors are read
back by their first stored version (a later version on the same key is an overwrite, and is
reported as one). What an anchor proves depends on its target: see :func:`target_assurance`.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

from storage.archive import Archive, ArchiveError, ObjectVersion
from storage.backend import Catalog
from storage.catalog import utcnow_iso

GENESIS = "0" * 64

# The canonical encodings, built once: json.dumps with options builds an encoder per call,
# a measurable share of a group commit's CPU. Same output as json.dumps with these options.
_DETAILS_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
_HASHED_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def details_digest(details: str) -> str:
    return hashlib.sha256(details.encode("utf-8")).hexdigest()


def entry_hash(seq: int, at: str, actor: str, action: str, fax_id: str | None,
               details_sha256: str, prev_hash: str) -> str:
    """SHA-256 of the canonical JSON array [seq, at, actor, action, fax_id,
    sha256(details), prev_hash] (UTF-8, no spaces) as lowercase hex."""
    canonical = _HASHED_JSON.encode([seq, at, actor, action, fax_id, details_sha256, prev_hash])
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(catalog: Catalog, actor: str, action: str, fax_id: str | None = None,
           details: dict[str, Any] | None = None) -> int:
    """Append one entry, in the caller's transaction (or one of its own). The backend keeps
    other writers, of any node, from appending between this head read and the insert (on
    PostgreSQL a transaction-scoped advisory lock, held until the caller commits)."""
    encoded = _DETAILS_JSON.encode(details or {})
    with catalog.transaction():
        head = catalog.audit_head(for_append=True)
        seq, prev = (head[0] + 1, head[1]) if head else (1, GENESIS)
        at = utcnow_iso()
        digest = entry_hash(seq, at, actor, action, fax_id, details_digest(encoded), prev)
        catalog.insert_audit_entry({"seq": seq, "at": at, "actor": actor, "action": action,
                                    "fax_id": fax_id, "details": encoded, "prev_hash": prev,
                                    "hash": digest})
    return seq


@dataclass(frozen=True, slots=True)  # slots: built per delivery
class NewEntry:
    actor: str
    action: str
    fax_id: str | None = None
    details: dict[str, Any] | None = None


def append_many(catalog: Catalog, entries: list[NewEntry],
                head: Callable[[], tuple[int, str] | None] | None = None) -> list[int]:
    """:func:`append` for each of ``entries``, in order, with one head read and one insert
    (a group commit's entries: on PostgreSQL each statement is a round trip). ``head``:
    the head already asked for in this transaction (``catalog.audit_head_later()``)."""
    if not entries:
        return []
    # With ``head`` the caller's transaction holds the lock already: no savepoint of its own
    # (in a batch transaction, a nested one waits for the server three times).
    with contextlib.nullcontext() if head is not None else catalog.transaction():
        current = head() if head is not None else catalog.audit_head(for_append=True)
        seq, prev = (current[0] + 1, current[1]) if current else (1, GENESIS)
        rows, at = [], utcnow_iso()  # one clock reading: the entries are one write
        for entry in entries:
            encoded = _DETAILS_JSON.encode(entry.details or {})
            digest = entry_hash(seq, at, entry.actor, entry.action, entry.fax_id,
                                details_digest(encoded), prev)
            rows.append({"seq": seq, "at": at, "actor": entry.actor, "action": entry.action,
                         "fax_id": entry.fax_id, "details": encoded, "prev_hash": prev,
                         "hash": digest})
            seq, prev = seq + 1, digest
        catalog.insert_audit_entries(rows)
    return [row["seq"] for row in rows]


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
    for row in catalog.audit_entries():
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
    return catalog.audit_head() or (0, GENESIS)


ANCHOR_PREFIX = "audit/heads/"
# Actors that are the service itself (its workers, its doors), not a person.
SERVICE_ACTORS = ("system", "hotfolder")
SERVICE_ACTOR_PREFIX = "provider:"


def anchor_key(seq: int, at: str) -> str:
    return f"{ANCHOR_PREFIX}{at[:4]}/{at[5:7]}/{at[8:10]}/{seq:012d}.json"


def anchor_body(seq: int, entry_hash_hex: str, at: str) -> bytes:
    """The anchor of one head. ``at`` is the day it was anchored (the store's own time says
    more precisely): the same head anchored twice in a day, even by two processes racing,
    is then the same bytes at the same key, never a second, different version."""
    return json.dumps({"seq": seq, "hash": entry_hash_hex, "at": at[:10]},
                      sort_keys=True).encode()


# -- what was anchored (the catalog's note) ------------------------------------------------------
@dataclass(frozen=True)
class AnchorRecord:
    """One anchor written to one target, as the writer recorded it."""

    target: str
    key: str
    seq: int
    hash: str
    at: str
    version_id: str | None = None
    retain_until: str | None = None


def record_anchor(catalog: Catalog, anchor: AnchorRecord) -> None:
    with catalog.transaction():
        catalog.record_audit_anchor(asdict(anchor))


def last_anchored_seq(catalog: Catalog, target: str) -> int:
    return catalog.last_anchored_seq(target)


def person_entries_since(catalog: Catalog, seq: int) -> int:
    """Entries after ``seq`` written for a person (reads, exports, verdicts...), not by the
    service itself: these are anchored in small batches rather than on the periodic timer."""
    return catalog.audit_entries_not_by(seq, SERVICE_ACTORS, SERVICE_ACTOR_PREFIX)


def recorded_anchors(catalog: Catalog, first_seq: int, last_seq: int) -> list[AnchorRecord]:
    return [AnchorRecord(**row) for row in catalog.audit_anchors_between(first_seq, last_seq)]


# -- what the target holds -----------------------------------------------------------------------
@dataclass
class StoredAnchor:
    """One anchor key as the target holds it: its first version is the anchor; anything
    else on the key (later versions, delete markers) is an attempt to hide it."""

    target: str
    key: str
    version_id: str | None
    stored_at: str
    seq: int | None = None
    hash: str | None = None
    at: str | None = None
    lock_mode: str | None = None
    retain_until: str | None = None
    later_versions: list[str] = field(default_factory=list)
    delete_markers: int = 0
    problem: str | None = None


def _read_anchor(target: str, archive: Archive,
                 versions: list[ObjectVersion]) -> StoredAnchor:
    kept = [v for v in versions if not v.delete_marker]
    first = kept[-1] if kept else versions[-1]  # listed newest first: the oldest is last
    # A later version with the first's very bytes (two processes anchoring one head at
    # once) changes nothing; any other is an overwrite.
    later = [v for v in kept[:-1] if v.etag is None or v.etag != first.etag]
    anchor = StoredAnchor(target, first.key, first.version_id, first.last_modified,
                          later_versions=[v.version_id or "null" for v in later],
                          delete_markers=sum(v.delete_marker for v in versions))
    if not kept:
        anchor.problem = "only delete markers are left on this key"
        return anchor
    try:
        info = archive.describe(first.key, first.version_id)
        anchor.lock_mode, anchor.retain_until = info.lock_mode, info.retain_until
        with archive.open(first.key, first.version_id) as stream:
            body = json.loads(stream.read(4096))
        anchor.seq, anchor.hash, anchor.at = int(body["seq"]), str(body["hash"]), body["at"]
    except (ArchiveError, ValueError, KeyError, TypeError) as exc:
        anchor.problem = f"unreadable anchor: {exc}"
    return anchor


def _seq_in_key(key: str) -> int | None:
    stem = key.rsplit("/", 1)[-1].removesuffix(".json")
    return int(stem) if stem.isdigit() else None


def _listed_only(target: str, versions: list[ObjectVersion]) -> StoredAnchor:
    """An anchor outside the entries being checked: its listing (overwrites, markers) is
    checked, its body is not read."""
    kept = [v for v in versions if not v.delete_marker]
    first = kept[-1] if kept else versions[-1]
    later = [v for v in kept[:-1] if v.etag is None or v.etag != first.etag]
    return StoredAnchor(target, first.key, first.version_id, first.last_modified,
                        seq=_seq_in_key(first.key),
                        later_versions=[v.version_id or "null" for v in later],
                        delete_markers=sum(v.delete_marker for v in versions))


def read_stored_anchors(target: str, archive: Archive, seqs: range | None = None,
                        workers: int = 8) -> list[StoredAnchor]:
    """Every anchor key of a target, each read by its first version (a few at once: on a
    remote store the time goes into round trips). With ``seqs``, only anchors whose key
    names an entry in it are read; the others are checked from the listing alone."""
    by_key: dict[str, list[ObjectVersion]] = defaultdict(list)
    for version in archive.versions(ANCHOR_PREFIX):
        if version.key.endswith(".json"):
            by_key[version.key].append(version)
    for versions in by_key.values():  # markers were listed apart: keep versions' order first
        versions.sort(key=lambda v: v.delete_marker, reverse=True)

    def one(versions: list[ObjectVersion]) -> StoredAnchor:
        named = _seq_in_key(versions[0].key)
        if seqs is not None and named is not None and named not in seqs:
            return _listed_only(target, versions)
        anchor = _read_anchor(target, archive, versions)
        if named is not None and anchor.seq is not None and anchor.seq != named:
            anchor.problem = f"its key names entry {named}, its body entry {anchor.seq}"
        return anchor

    with ThreadPoolExecutor(max_workers=workers) as pool:
        anchors = list(pool.map(one, by_key.values()))
    return sorted(anchors, key=lambda a: (a.seq or 0, a.key))


def check_anchors(catalog: Catalog, anchors: list[StoredAnchor]) -> list[str]:
    """Each anchored head must still be in the log with the same hash: a rewritten history
    cannot reproduce hashes already written to write-once storage."""
    return check_anchors_against(lambda seq: _hash_at(catalog, seq), anchors)


def _hash_at(catalog: Catalog, seq: int) -> str | None:
    return catalog.audit_hash_at(seq)


def check_anchors_against(hash_at: Callable[[int], str | None], anchors: list[StoredAnchor],
                          seqs: range | None = None) -> list[str]:
    """Problems of ``anchors`` against a chain given as ``hash_at(seq)``; anchors outside
    ``seqs`` (when given) are only checked for overwrites."""
    problems = []
    for anchor in anchors:
        where = f"{anchor.target} {anchor.key}"
        if anchor.problem:
            problems.append(f"{where}: {anchor.problem}")
            continue
        if anchor.later_versions:
            problems.append(f"{where}: overwritten after anchoring ({len(anchor.later_versions)}"
                            f" later version(s); the first, {anchor.version_id}, was checked)")
        if anchor.delete_markers:
            problems.append(f"{where}: hidden by {anchor.delete_markers} delete marker(s)")
        if anchor.hash is None or (seqs is not None and anchor.seq not in seqs):
            continue  # listed only (outside the entries checked)
        have = hash_at(anchor.seq)
        if have is None:
            problems.append(f"anchored entry {anchor.seq} is missing from the log ({where})")
        elif not hmac.compare_digest(have, anchor.hash):
            problems.append(f"entry {anchor.seq} differs from its anchor of {anchor.at} "
                            f"({where} version {anchor.version_id})")
    return problems


def target_assurance(backend: str, write_once: bool) -> str:
    """What an anchor in this kind of target can prove, in one sentence for the auditor."""
    if write_once:
        return ("write-once (S3 Object Lock): no one, the operator included, can change or "
                "delete an anchored version before its retain-until date, so any edit of an "
                "anchored entry, or of an entry before it, is detected")
    if backend == "s3":
        return ("not write-once (the bucket has no Object Lock, or anchors carry no retention):"
                " anyone allowed to delete versions can replace an anchor together with the "
                "log; it only catches an edit by someone who cannot write to the bucket")
    return ("a local directory: anyone who can write the data directory can rewrite the log "
            "and these anchors together; they only catch an accidental or partial edit of "
            "the catalog, and prove nothing against the operator")
