"""Local files as faxes: the door used by ``faxvault ingest`` and the hot folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.journal import DeliveryRecord, NewFax, journal_delivery
from ingest.numbers import normalize_number
from ingest.pages import extension_for
from ingest.pipeline import Services
from storage.catalog import utcnow_iso
from storage.spool import Blob

LOCAL_PROVIDER = "local"


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


def journal_blob(services: Services, blob: Blob, name: str, meta: LocalMetadata = LocalMetadata(),
                 actor: str = "system") -> IngestResult:
    """Journal a spooled file as a fax. Local files are identified by their content (or by
    the fax server's id when its sidecar gives one): the same bytes again are the same fax,
    reported as a duplicate, nothing new stored or queued."""
    region = services.config.numbers.default_region
    with open(blob.path, "rb") as stream:
        ext = extension_for(stream.read(1024))
    provider = meta.provider or LOCAL_PROVIDER
    provider_fax_id = meta.provider_fax_id or blob.sha256
    fax = NewFax(
        provider=provider, provider_fax_id=provider_fax_id,
        received_at=meta.received_at or utcnow_iso(),
        from_raw=meta.from_raw, from_number=normalize_number(meta.from_raw, region),
        to_raw=meta.to_raw, to_number=normalize_number(meta.to_raw, region),
        original_sha256=blob.sha256, original_size=blob.size, original_ext=ext,
        original_name=name, metadata=meta.extra,
    )
    journaled = journal_delivery(services.catalog, DeliveryRecord(
        provider=provider, idem_key=f"{provider}:{provider_fax_id}", event_type="file",
        fax=fax, job_kind="process", max_attempts=services.config.worker.max_attempts,
        actor=actor,
    ))
    assert journaled.fax_id is not None
    if journaled.duplicate:
        drop_redundant_blob(services, blob.sha256)
    return IngestResult(name, journaled.fax_id, blob.sha256, journaled.duplicate)


def ingest_file(services: Services, path: str | Path, *, from_raw: str | None = None,
                to_raw: str | None = None, received_at: str | None = None,
                actor: str = "system") -> IngestResult:
    """Copy ``path`` into the spool (hashed, size-capped) and journal it as a fax."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not a regular file")
    blob = services.spool.store_file(path, services.config.limits.max_file_bytes)
    result = journal_blob(services, blob, path.name,
                          LocalMetadata(from_raw=from_raw, to_raw=to_raw,
                                        received_at=received_at), actor)
    return IngestResult(str(path), result.fax_id, result.sha256, result.duplicate)


def drop_redundant_blob(services: Services, sha256: str) -> None:
    """A duplicate was just copied into the spool again; drop that copy if every fax with
    these bytes is already archived (otherwise the pending fax still needs it)."""
    if services.config.archive.keep_spool:
        return
    pending = services.catalog.conn.execute(
        "SELECT count(*) FROM faxes WHERE original_sha256 = ? AND state != 'archived'",
        (sha256,)).fetchone()[0]
    if pending == 0:
        services.spool.remove_blob(sha256)
