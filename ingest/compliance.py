"""Compliance operations over the catalog and the archive: anchoring the audit chain head in
write-once storage, retention, and deletion that respects retention and legal hold."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import logging
import os
from typing import Any

from ingest.pipeline import Services, retain_until
from ingest.web.files import forget_pages
from storage import audit
from storage.archive import ArchiveError
from storage.catalog import utcnow_iso

log = logging.getLogger("faxvault.compliance")


class RetentionRefused(Exception):
    """Deleting now would break a retention period or a legal hold."""


def anchor_audit_head(services: Services, seq: int | None = None,
                      entry_hash: str | None = None) -> str | None:
    """Write the chain head (or the given entry) to ``audit/heads/`` in the archive, under the
    archive's retention (Object Lock when enabled). Returns the key, None for an empty log."""
    if seq is None or entry_hash is None:
        seq, entry_hash = audit.head(services.catalog)
    if seq == 0:
        return None
    at = utcnow_iso()
    body = json.dumps({"seq": seq, "hash": entry_hash, "at": at}, sort_keys=True).encode()
    tmp = services.spool.tmp / f"anchor-{os.getpid()}-{os.urandom(4).hex()}.json"
    tmp.write_bytes(body)
    try:
        key = audit.anchor_key(seq, at)
        services.archive.put_file(key, tmp, hashlib.sha256(body).hexdigest(),
                                  retain_until=retain_until(
                                      at, services.config.archive.retention_days))
    finally:
        tmp.unlink(missing_ok=True)
    return key


def read_anchors(services: Services) -> list[dict[str, Any]]:
    anchors = []
    for key in services.archive.keys("audit/heads/"):
        with services.archive.open(key) as stream:
            anchors.append(json.loads(stream.read()))
    return anchors


async def anchor_loop(services: Services, every_seconds: float) -> None:
    """Anchor the head at start and then every ``every_seconds`` (serve runs this)."""
    while True:
        seq, head_hash = audit.head(services.catalog)  # the catalog is the loop thread's
        try:
            key = await asyncio.to_thread(anchor_audit_head, services, seq, head_hash)
            if key:
                log.info("audit head anchored at %s", key)
        except ArchiveError as exc:
            log.warning("could not anchor the audit head: %s", exc)
        await asyncio.sleep(every_seconds)


def retention_rows(services: Services) -> list[dict[str, Any]]:
    """Faxes by the date their last archived object may go (the latest retain-until)."""
    rows = services.catalog.conn.execute(
        """SELECT f.id, f.received_at, f.from_number, f.from_raw, f.state,
                  max(o.retain_until) AS retain_until, max(o.legal_hold) AS legal_hold,
                  count(o.key) AS objects
           FROM faxes f JOIN archive_objects o ON o.fax_id = f.id
           GROUP BY f.id ORDER BY retain_until IS NULL, retain_until, f.received_at""")
    return [dict(r) for r in rows]


def delete_fax(services: Services, fax_id: str, actor: str, reason: str) -> int:
    """Delete a fax's archived objects and its text, keeping the catalog row (state deleted)
    and the audit trail. Refused while retention runs or a legal hold is set."""
    catalog = services.catalog
    fax = catalog.get_fax(fax_id)
    objects = catalog.archive_objects(fax["id"])
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    held = [o["key"] for o in objects if o["legal_hold"]]
    if held:
        raise RetentionRefused(f"fax {fax['id']} is under legal hold (faxvault hold release "
                               "first)")
    kept = sorted(o["retain_until"] for o in objects if o["retain_until"]
                  and o["retain_until"] > now)
    if kept:
        raise RetentionRefused(f"fax {fax['id']} must be kept until {kept[-1]} "
                               "(archive.retention_days)")
    for obj in objects:
        services.archive.delete(obj["key"], obj["version_id"])
    with catalog.transaction():
        catalog.delete_pages(fax["id"])
        catalog.conn.execute("DELETE FROM archive_objects WHERE fax_id = ?", (fax["id"],))
        catalog.update_fax(fax["id"], state="deleted")
        audit.append(catalog, actor, "fax.deleted", fax["id"],
                     {"reason": reason, "objects": [o["key"] for o in objects]})
    forget_pages(services, fax["id"])  # the web inbox's cached page images
    return len(objects)
