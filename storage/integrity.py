"""Integrity over the archive: re-hash every archived object against the catalog, and rebuild
the catalog from the archive's ``fax.json`` sidecars alone."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from storage.archive import Archive, ArchiveError
from storage.catalog import Catalog, utcnow_iso

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Problem:
    fax_id: str
    purpose: str
    key: str
    problem: str  # "missing" | "mismatch" | "size" | "overwritten"
    detail: str


def archived_objects(catalog: Catalog, since: str | None = None) -> list[dict[str, Any]]:
    return catalog.archived_objects(since)


def _verify_one(archive: Archive, obj: dict[str, Any],
                progress: Callable[[int], None]) -> Problem | None:
    digest, size = hashlib.sha256(), 0
    try:
        with archive.open(obj["key"], obj.get("version_id")) as stream:
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
                progress(len(chunk))
    except ArchiveError as exc:
        return Problem(obj["fax_id"], obj["purpose"], obj["key"], "missing", str(exc))
    have = digest.hexdigest()
    if not hmac.compare_digest(have, obj["sha256"]):
        return Problem(obj["fax_id"], obj["purpose"], obj["key"], "mismatch",
                       f"sha256 {have}, catalog says {obj['sha256']}")
    if size != obj["size"]:
        return Problem(obj["fax_id"], obj["purpose"], obj["key"], "size",
                       f"{size} bytes, catalog says {obj['size']}")
    return None


def verify_objects(archive: Archive, objects: list[dict[str, Any]],
                   progress: Callable[[int], None] = lambda n: None,
                   workers: int = 8) -> list[Problem]:
    """Stream each object, recompute SHA-256 and size; report what does not match.

    Objects are read by a few threads at once: for small objects on a remote store the time
    goes into request round trips, not hashing (hashlib releases the GIL while it hashes)."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = pool.map(lambda obj: _verify_one(archive, obj, progress), objects)
        problems = [problem for problem in results if problem is not None]
    return problems + overwritten(archive, objects)


def overwritten(archive: Archive, objects: list[dict[str, Any]]) -> list[Problem]:
    """Objects a newer version or a delete marker now sits on top of. The recorded version
    is intact (Object Lock keeps it, and faxvault reads it), but whoever reads the key
    without a version id, with any other tool, gets something else."""
    recorded = {o["key"]: o for o in objects if o.get("version_id")}
    if not recorded:
        return []  # a directory, or a bucket that never kept versions
    newer: dict[str, list[str]] = {}
    seen: set[str] = set()
    for prefix in sorted({key.split("/", 1)[0] + "/" for key in recorded}):
        for v in archive.versions(prefix):
            obj = recorded.get(v.key)
            if obj is None:
                continue
            if v.delete_marker:  # faxvault deletes by version id: it never leaves markers
                newer.setdefault(v.key, []).append("a delete marker")
            elif v.key in seen:
                continue
            elif v.version_id == obj["version_id"]:
                seen.add(v.key)  # a key's versions come newest first: the rest are older
            else:
                newer.setdefault(v.key, []).append(f"version {v.version_id}")
    return [Problem(recorded[key]["fax_id"], recorded[key]["purpose"], key, "overwritten",
                    f"{', '.join(found)} on top of the archived version "
                    f"{recorded[key]['version_id']}")
            for key, found in sorted(newer.items())]


FAX_COLUMNS = ("id", "provider", "provider_fax_id", "from_raw", "from_number", "to_raw",
               "to_number", "received_at", "provider_status", "pages", "original_sha256",
               "original_size", "original_ext", "original_name", "metadata", "spam_score",
               "spam_verdict", "partial", "created_at", "updated_at")
PAGE_COLUMNS = ("page_no", "width_px", "height_px", "xdpi", "ydpi", "text", "confidence",
                "added_forms")


def rebuild_catalog(archive: Archive, catalog: Catalog,
                    progress: Callable[[int], None] = lambda n: None) -> dict[str, int]:
    """Insert every fax described by a ``meta/.../fax.json`` sidecar that the catalog lacks
    (faxes, pages and their FTS index, archive objects). Safe to run on a live catalog."""
    counts = {"sidecars": 0, "restored": 0, "present": 0}
    for key in archive.keys("meta/"):
        if not key.endswith("/fax.json"):
            continue
        counts["sidecars"] += 1
        with archive.open(key) as stream:
            raw = stream.read()
        doc = json.loads(raw)
        fax = doc["fax"]
        with catalog.transaction():
            if catalog.has_fax(fax["id"]):
                counts["present"] += 1
                continue
            row = {c: fax.get(c) for c in FAX_COLUMNS}
            if not isinstance(row["metadata"], str):
                row["metadata"] = json.dumps(row["metadata"] or {}, sort_keys=True)
            row["partial"] = row["partial"] or 0
            row["created_at"] = row["created_at"] or utcnow_iso()
            row["updated_at"] = utcnow_iso()
            catalog.insert_fax_row({**row, "state": "archived"})
            for page in doc.get("pages", []):
                catalog.replace_page(fax["id"], {c: page.get(c) for c in PAGE_COLUMNS})
            objects = dict(doc.get("objects", {}))
            objects["meta"] = {"key": key, "sha256": hashlib.sha256(raw).hexdigest(),
                               "size": len(raw), "version_id": None,
                               "retain_until": objects.get("original", {}).get("retain_until")}
            for purpose, obj in objects.items():
                catalog.record_archive_object(fax["id"], {"purpose": purpose, **obj})
            counts["restored"] += 1
        progress(1)
    return counts
