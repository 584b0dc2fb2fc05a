"""Compliance operations over the catalog and the archive: anchoring the audit chain head in
write-once storage, retention, and deletion that respects retention and legal hold.

Anchoring is batched: every command ends with :func:`anchor_pending` (through the CLI's
``with_services``), and serve's :func:`anchor_loop` runs it every few seconds, so a person's
read is anchored within a batch, not a day. The service's own entries are anchored at least
every ``audit.anchor_seconds``."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import logging
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest.config import ArchiveConfig, Config
from ingest.pipeline import Services, open_archive, retain_until
from ingest.web.files import forget_pages
from storage import audit
from storage.archive import Archive, ArchiveError
from storage.catalog import utcnow_iso

if TYPE_CHECKING:  # cryptography loads only when a bundle is written
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from storage.export import ExportSummary

log = logging.getLogger("faxvault.compliance")


class RetentionRefused(Exception):
    """Deleting now would break a retention period or a legal hold."""


class HoldRefused(Exception):
    """No hold can be placed or released on this fax now (not archived yet, or deleted)."""


# A fax whose archived objects are being deleted: set, with the holds and retention checked,
# in one transaction holding the fax's row, so a hold placed at the same moment is either
# seen by the deletion or refused by this state. Back to "archived" if the store refuses.
DELETING = "deleting"


@dataclass(frozen=True)
class AnchorTarget:
    """A store the audit head is anchored in: the archive, and the optional second anchor."""

    name: str
    archive: Archive
    section: ArchiveConfig

    @property
    def locks(self) -> bool:
        """Whether anchors written here are meant to be write-once (the store checks the
        bucket has Object Lock before it writes)."""
        return (self.section.backend == "s3" and self.section.object_lock_mode != "off"
                and self.section.retention_days > 0)


def anchor_target_names(config: Config) -> list[str]:
    return ["archive"] + (["second"] if config.audit.second_anchor is not None else [])


def anchor_targets(services: Services) -> list[AnchorTarget]:
    config = services.config
    targets = [AnchorTarget("archive", services.archive, config.archive)]
    if config.audit.second_anchor is not None:
        targets.append(AnchorTarget("second", open_archive(config, config.audit.second_anchor),
                                    config.audit.second_anchor))
    return targets


def _write_anchor(services: Services, target: AnchorTarget, seq: int, entry_hash: str,
                  at: str) -> audit.AnchorRecord:
    key = audit.anchor_key(seq, at)
    if target.archive.exists(key):  # the same head anchored earlier today: keep that one
        info = target.archive.describe(key, None)
        with target.archive.open(key, info.version_id) as stream:
            body = json.loads(stream.read(4096))
        return audit.AnchorRecord(target.name, key, seq, body["hash"], body["at"],
                                  info.version_id, info.retain_until)
    body = audit.anchor_body(seq, entry_hash, at)  # written again, these bytes are the same
    tmp = services.spool.tmp / f"anchor-{os.getpid()}-{os.urandom(4).hex()}.json"
    tmp.write_bytes(body)
    try:
        stored = target.archive.put_file(
            key, tmp, hashlib.sha256(body).hexdigest(),
            retain_until=retain_until(at, target.section.retention_days))
    finally:
        tmp.unlink(missing_ok=True)
    return audit.AnchorRecord(target.name, key, seq, entry_hash, json.loads(body)["at"],
                              stored.version_id, stored.retain_until)


def write_anchors(services: Services, seq: int, entry_hash: str) -> list[audit.AnchorRecord]:
    """Write one head to every anchor target (no catalog access: safe in a thread). Raises
    ArchiveError naming the targets that failed, after trying them all."""
    at = utcnow_iso()
    records, errors = [], []
    for target in anchor_targets(services):
        try:
            records.append(_write_anchor(services, target, seq, entry_hash, at))
        except ArchiveError as exc:
            errors.append(f"{target.name}: {exc}")
    if errors:
        raise AnchorFailed("; ".join(errors), records)
    return records


class AnchorFailed(ArchiveError):
    """Some anchor targets could not be written; ``records`` are those that were."""

    def __init__(self, message: str, records: list[audit.AnchorRecord]) -> None:
        super().__init__(f"could not anchor the audit head: {message}")
        self.records = records


def anchor_audit_head(services: Services, seq: int | None = None,
                      entry_hash: str | None = None) -> list[audit.AnchorRecord]:
    """Anchor the chain head (or the given entry) in every target, under the target's
    retention (Object Lock when enabled), and note it in the catalog. [] for an empty log."""
    if seq is None or entry_hash is None:
        seq, entry_hash = audit.head(services.catalog)
    if seq == 0:
        return []
    try:
        records = write_anchors(services, seq, entry_hash)
    except AnchorFailed as exc:
        for record in exc.records:
            audit.record_anchor(services.catalog, record)
        raise
    for record in records:
        audit.record_anchor(services.catalog, record)
    return records


def anchor_pending(services: Services, *, include_system: bool = False
                   ) -> list[audit.AnchorRecord]:
    """The batched anchoring of people's actions: anchor the head if any entry written for
    a person (search, show, get, export, hold, ...) is not anchored yet in every target.
    Cheap when nothing is pending (one query). Call it after a command or a batch of
    requests; ``include_system`` also anchors entries the service wrote on its own."""
    catalog = services.catalog
    last = min(audit.last_anchored_seq(catalog, name)
               for name in anchor_target_names(services.config))
    head_seq, _ = audit.head(catalog)
    if head_seq <= last:
        return []
    if not include_system and audit.person_entries_since(catalog, last) == 0:
        return []
    return anchor_audit_head(services)


async def anchor_loop(services: Services, every_seconds: float) -> None:
    """serve's anchoring: a person's entries within ``audit.anchor_batch_seconds``, the
    service's own at least every ``every_seconds``, and once more on the way out. Archive
    I/O runs in a thread; the catalog stays on the loop thread."""
    batch = services.config.audit.anchor_batch_seconds
    loop = asyncio.get_running_loop()
    last_full = -math.inf
    try:
        while True:
            full = loop.time() - last_full >= every_seconds
            await _anchor_step(services, include_system=full)
            if full:
                last_full = loop.time()
            await asyncio.sleep(batch)
    finally:
        await asyncio.shield(_anchor_step(services, include_system=True))


async def _anchor_step(services: Services, *, include_system: bool) -> None:
    catalog = services.catalog
    last = min(audit.last_anchored_seq(catalog, n)
               for n in anchor_target_names(services.config))
    seq, head_hash = audit.head(catalog)
    if seq <= last or not (include_system or audit.person_entries_since(catalog, last)):
        return
    try:
        records = await asyncio.to_thread(write_anchors, services, seq, head_hash)
    except AnchorFailed as exc:
        records = exc.records
        log.warning("%s", exc)
    for record in records:
        audit.record_anchor(catalog, record)
        log.info("audit head %d anchored in %s at %s", seq, record.target, record.key)


@dataclass
class TargetReport:
    """One anchor target as `audit verify` found it."""

    name: str
    backend: str
    anchors: list[audit.StoredAnchor]
    locked: int
    assurance: str
    error: str | None = None


def verify_anchors(services: Services) -> tuple[list[TargetReport], list[str]]:
    """Read every anchor of every target (first versions) and check them against the log."""
    reports, problems = [], []
    for target in anchor_targets(services):
        try:
            anchors = audit.read_stored_anchors(target.name, target.archive)
        except ArchiveError as exc:
            reports.append(TargetReport(target.name, target.section.backend, [], 0, "", str(exc)))
            problems.append(f"{target.name}: anchors could not be read: {exc}")
            continue
        locked = sum(1 for a in anchors if a.lock_mode)
        write_once = bool(anchors) and locked == len(anchors)
        reports.append(TargetReport(target.name, target.section.backend, anchors, locked,
                                    audit.target_assurance(target.section.backend, write_once)))
        problems += audit.check_anchors(services.catalog, anchors)
    return reports, problems


def retention_rows(services: Services) -> list[dict[str, Any]]:
    """Faxes by the date their last archived object may go (the latest retain-until)."""
    return services.catalog.retention_rows()


def delete_fax(services: Services, fax_id: str, actor: str, reason: str) -> int:
    """Delete a fax's archived objects and its text, keeping the catalog row (state deleted)
    and the audit trail. Refused while retention runs or a legal hold is set."""
    catalog = services.catalog
    fax_id = catalog.get_fax(fax_id)["id"]  # a prefix names its fax
    with catalog.transaction():
        catalog.lock_fax(fax_id)
        fax = catalog.get_fax(fax_id)
        objects = catalog.archive_objects(fax["id"])
        now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        held = [o["key"] for o in objects if o["legal_hold"]]
        if held:
            raise RetentionRefused(f"fax {fax['id']} is under legal hold (faxvault hold "
                                   "release first)")
        kept = sorted(o["retain_until"] for o in objects if o["retain_until"]
                      and o["retain_until"] > now)
        if kept:
            raise RetentionRefused(f"fax {fax['id']} must be kept until {kept[-1]} "
                                   "(archive.retention_days)")
        catalog.update_fax(fax["id"], state=DELETING)
    try:
        for obj in objects:
            services.archive.delete(obj["key"], obj["version_id"])
    except BaseException:
        with catalog.transaction():
            catalog.update_fax(fax["id"], state=fax["state"])
        raise
    with catalog.transaction():
        catalog.delete_pages(fax["id"])
        catalog.delete_archive_objects(fax["id"])
        catalog.update_fax(fax["id"], state="deleted")
        audit.append(catalog, actor, "fax.deleted", fax["id"],
                     {"reason": reason, "objects": [o["key"] for o in objects]})
    forget_pages(services, fax["id"])  # the web inbox's cached page images
    return len(objects)


@dataclass(frozen=True)
class HoldChange:
    """A legal hold being placed or released (see :func:`set_legal_hold`)."""

    fax_id: str
    on: bool
    objects: list[dict[str, Any]]
    was_held: bool


def begin_hold(services: Services, fax_id: str, on: bool) -> HoldChange:
    """The catalog's side first: check the fax, and when placing, record the hold, in one
    transaction holding the fax's row (as :func:`delete_fax` does to decide), so a deletion
    deciding at the same moment either sees the hold or is refused by it."""
    catalog = services.catalog
    fax_id = catalog.get_fax(fax_id)["id"]  # a prefix names its fax
    with catalog.transaction():
        catalog.lock_fax(fax_id)
        fax = catalog.get_fax(fax_id)
        if fax["state"] in (DELETING, "deleted"):
            raise HoldRefused(f"fax {fax_id} is {fax['state']}: no hold to place or release")
        objects = catalog.archive_objects(fax_id)
        if not objects:
            raise HoldRefused(f"fax {fax_id} is not archived yet (state {fax['state']})")
        if on:
            catalog.set_legal_hold(fax_id, True)
    return HoldChange(fax_id, on, objects, any(o["legal_hold"] for o in objects))


def apply_hold(services: Services, change: HoldChange) -> None:
    """The store's side: network calls for S3, so off the event loop; touches no catalog
    (a SQLite connection stays in its thread). If it raises, :func:`abandon_hold`."""
    for obj in change.objects:
        services.archive.set_legal_hold(obj["key"], obj["version_id"], change.on)


def abandon_hold(services: Services, change: HoldChange) -> None:
    """The store refused: the catalog back as it was (a hold placed before stays)."""
    if change.on and not change.was_held:
        with services.catalog.transaction():
            services.catalog.set_legal_hold(change.fax_id, False)


def finish_hold(services: Services, change: HoldChange, actor: str, reason: str | None,
                via: str | None = None) -> None:
    """When releasing, the catalog's flag only now (faxvault never deletes what the store
    still holds); the audit entry either way."""
    catalog = services.catalog
    with catalog.transaction():
        if not change.on:
            catalog.set_legal_hold(change.fax_id, False)
        audit.append(catalog, actor, "hold.set" if change.on else "hold.released",
                     change.fax_id, {"objects": len(change.objects), "reason": reason,
                                     **({"via": via} if via else {})})


def set_legal_hold(services: Services, fax_id: str, on: bool, actor: str,
                   reason: str | None) -> HoldChange:
    """Place (``on``) or release a legal hold on every archived object of the fax, in the
    store and in the catalog; audited. Raises HoldRefused (not archived, or being deleted)
    or ArchiveError (the store refused: the catalog is as it was)."""
    change = begin_hold(services, fax_id, on)
    try:
        apply_hold(services, change)
    except BaseException:
        abandon_hold(services, change)
        raise
    finish_hold(services, change, actor, reason)
    return change


@dataclass(frozen=True)
class ExportSelection:
    """Which archived faxes go into a compliance bundle. ``mailboxes`` None: every mailbox
    (the CLI, an admin); a person who sees only some gets only theirs."""

    since: str | None = None
    until: str | None = None
    from_number: str | None = None
    query: str | None = None
    include_spam: bool = False
    mailboxes: tuple[str, ...] | None = None

    def filters(self) -> dict[str, Any]:
        """As recorded in the bundle's manifest and the export's audit entry."""
        shown: dict[str, Any] = {"since": self.since, "until": self.until,
                                 "from": self.from_number, "query": self.query,
                                 "include_spam": self.include_spam}
        if self.mailboxes is not None:
            shown["mailboxes"] = list(self.mailboxes)
        return shown


@dataclass(frozen=True)
class ExportDone:
    summary: ExportSummary
    fax_ids: list[str]
    signed_by: str


def select_for_export(services: Services, selection: ExportSelection) -> list[dict[str, Any]]:
    from storage.export import select_faxes

    return select_faxes(services.catalog, since=selection.since, until=selection.until,
                        from_number=selection.from_number, query=selection.query,
                        include_spam=selection.include_spam, mailboxes=selection.mailboxes)


def export_bundle(services: Services, selection: ExportSelection, faxes: list[dict[str, Any]],
                  output: Path, actor: str, signing_key: Ed25519PrivateKey, *,
                  with_tiff: bool = False, via: str | None = None,
                  progress: Callable[[int], None] = lambda n: None) -> ExportDone:
    """Write ``faxes`` (from :func:`select_for_export`) as a signed bundle at ``output``, the
    head it ends at anchored, then audit the export and, in each fax's own trail, its read.
    ``faxvault export`` and the web inbox's export both come here. ``via``: where the
    bundle went instead of staying at ``output`` (the web: a download, recorded by its file
    name, not the scratch path it was written to)."""
    from storage import signing
    from storage.export import write_bundle

    summary = write_bundle(services.catalog, services.archive, faxes, output,
                           include_tiff=with_tiff, created_by=actor,
                           filters=selection.filters(), signing_key=signing_key,
                           anchor=lambda seq, h: anchor_audit_head(services, seq, h),
                           progress=progress)
    fingerprint = signing.fingerprint(signing_key.public_key())
    bundle = {"bundle": output.name, "via": via} if via else {"bundle": str(output)}
    audit.record(services.catalog, actor, "export", None,
                 {**bundle, "faxes": [f["id"] for f in faxes],
                  "filters": selection.filters(), "head_seq": summary.head_seq,
                  "signed_by": fingerprint})
    for fax in faxes:  # each exported fax shows the read in its own trail
        audit.record(services.catalog, actor, "fax.exported", fax["id"], bundle)
    return ExportDone(summary, [f["id"] for f in faxes], fingerprint)
