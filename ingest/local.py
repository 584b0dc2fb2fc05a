"""Local files as faxes: the door used by ``faxvault ingest`` and the hot folder."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ingest.faxserver import checked_received_at
from ingest.journal import DeliveryRecord, Journaled, NewFax, record_delivery
from ingest.numbers import normalize_number
from ingest.pages import extension_for
from ingest.pipeline import Services
from storage.spool import Blob

LOCAL_PROVIDER = "local"
# A spooled copy without a hold can vanish before it is journaled (another fax with the same
# bytes was archived meanwhile and released the shared blob): copy it again, a few times.
STORE_ATTEMPTS = 3

log = logging.getLogger("faxvault.local")


class BlobReleased(RuntimeError):
    """The spooled copy was released before the fax naming it was journaled; nothing was
    journaled. Copy the file into the spool again and retry."""


@dataclass(frozen=True)
class IngestResult:
    path: str
    fax_id: str
    sha256: str
    duplicate: bool


@dataclass(frozen=True)
class LocalMetadata:
    """What a local file's sender, sidecar or TIFF tags say about it."""

    from_raw: str | None = None
    to_raw: str | None = None
    received_at: str | None = None
    # A fax server's own identity for the fax (e.g. hylafax + host:commid); default: content.
    provider: str | None = None
    provider_fax_id: str | None = None
    extra: dict[str, Any] | None = None


def blob_extension(blob: Blob) -> str:
    """The original's extension from its first bytes (reads the spool copy: off the loop)."""
    with open(blob.copy, "rb") as stream:
        return extension_for(stream.read(1024))


def journal_blob(services: Services, blob: Blob, name: str, meta: LocalMetadata = LocalMetadata(),
                 actor: str = "system", ext: str | None = None,
                 shared: bool = False) -> IngestResult:
    """Journal a spooled file as a fax. Local files are identified by their content (or by
    the fax server's id when its sidecar gives one): the same bytes again under the same id are
    the same fax, reported as a duplicate, nothing new stored or queued. The same id with
    other bytes is another fax (fax servers reuse ids): it is kept under the id qualified by
    its content, never dropped as a duplicate.

    Several nodes: the bytes are first copied to the shared spool (unless ``shared``: the
    caller did, off its event loop), so the fax never depends on this node's disk.

    The blob's hold is released when this returns, whatever the outcome.

    Raises BlobReleased if the spool copy went meanwhile and no hold kept it (nothing
    journaled)."""
    try:
        return _journal_blob(services, blob, name, meta, actor, ext, shared)
    finally:
        services.spool.release_hold(blob)


def _journal_blob(services: Services, blob: Blob, name: str, meta: LocalMetadata,
                  actor: str, ext: str | None, shared: bool) -> IngestResult:
    if not shared:
        services.spool.share_blob(blob)
    region = services.config.numbers.default_region
    catalog = services.catalog
    try:
        ext = ext or blob_extension(blob)
    except FileNotFoundError:
        raise BlobReleased(f"{quoted(name)}: spool copy {blob.sha256} released before it "
                           "was journaled") from None
    provider = meta.provider or LOCAL_PROVIDER
    provider_fax_id = meta.provider_fax_id or blob.sha256
    metadata = dict(meta.extra or {})

    def journal(fax_id: str) -> Journaled:
        return record_delivery(catalog, DeliveryRecord(
            provider=provider, idem_key=f"{provider}:{fax_id}", event_type="file",
            fax=NewFax(
                provider=provider, provider_fax_id=fax_id, received_at=meta.received_at,
                from_raw=meta.from_raw, from_number=normalize_number(meta.from_raw, region),
                to_raw=meta.to_raw, to_number=normalize_number(meta.to_raw, region),
                original_sha256=blob.sha256, original_size=blob.size, original_ext=ext,
                original_name=name, metadata=metadata),
            job_kind="process", max_attempts=services.config.worker.max_attempts,
            actor=actor))

    def kept_apart(holder_id: str) -> str:
        """The same id names another fax with other bytes (fax servers reuse ids): this one
        is kept under the id qualified by its content, never dropped as a duplicate."""
        metadata["id_collision"] = {"provider_fax_id": provider_fax_id, "other_fax": holder_id}
        log.warning("%s: %s id %r already names fax %s with other bytes; kept as a fax of "
                    "its own", quoted(name), provider, provider_fax_id, holder_id)
        return f"{provider_fax_id}/sha256:{blob.sha256}"

    with catalog.transaction():
        # No release of these bytes counts who needs them beside this transaction (SQLite:
        # a write transaction runs alone; PostgreSQL: this lock), so the spool copies made
        # sure of here stay until the fax naming them is archived.
        catalog.lock_original(blob.sha256)
        if not services.spool.ensure_blob(blob):
            raise BlobReleased(f"{quoted(name)}: spool copy {blob.sha256} released before "
                               "it was journaled")
        if not services.spool.blob_is_shared(blob.sha256):
            # Several nodes: another node archived a fax with these bytes and freed the
            # shared copy since our upload: upload again, before any node can be asked to
            # process the fax (the hold is still here).
            services.spool.share_blob(blob)
        holder = catalog.find_fax(provider, provider_fax_id)
        if holder is not None and holder["original_sha256"] != blob.sha256:
            journaled = journal(kept_apart(holder["id"]))
        else:
            journaled = journal(provider_fax_id)
            if journaled.duplicate and holder is None:
                # PostgreSQL: another node journaled this id after our look and before our
                # insert (which then waited for its commit). Same bytes: a duplicate indeed;
                # other bytes: a fax of its own, as above. Nothing was written for us yet.
                holder = catalog.get_fax(journaled.fax_id)
                if holder["original_sha256"] != blob.sha256:
                    journaled = journal(kept_apart(holder["id"]))
        assert journaled.fax_id is not None
        if journaled.duplicate:
            drop_redundant_blob(services, blob.sha256)
    return IngestResult(name, journaled.fax_id, blob.sha256, journaled.duplicate)


def ingest_file(services: Services, path: str | Path, *, from_raw: str | None = None,
                to_raw: str | None = None, received_at: str | None = None,
                actor: str = "system") -> IngestResult:
    """Copy ``path`` into the spool (opened once, not through a link, size-capped, hashed)
    and journal it as a fax. ``received_at`` must be an ISO 8601 time, not in the future."""
    path = Path(path)
    meta = LocalMetadata(from_raw=from_raw, to_raw=to_raw,
                         received_at=checked_received_at(received_at) if received_at else None)
    for attempt in range(1, STORE_ATTEMPTS + 1):
        blob = services.spool.store_file(path, services.config.limits.max_file_bytes)
        try:
            result = journal_blob(services, blob, path.name, meta, actor)
        except BlobReleased:
            if attempt == STORE_ATTEMPTS:
                raise
            continue
        return replace(result, path=str(path))
    raise AssertionError("unreachable")


def drop_redundant_blob(services: Services, sha256: str) -> None:
    """A duplicate was just copied into the spool again; drop that copy if no fax with these
    bytes still needs it (every one archived). Call inside the transaction that found the
    duplicate, so no other fax can take these bytes between the count and the removal."""
    if services.config.archive.keep_spool:
        return
    if services.catalog.count_faxes_needing_original(sha256) == 0:
        services.spool.remove_blob(sha256)


def quoted(name: str) -> str:
    """A file name as it may appear in a log line: quoted, control characters escaped (a
    newline in a name must not start a forged log line)."""
    return repr(name)
