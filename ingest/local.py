"""Local files as faxes: the door used by ``faxvault ingest`` (and the hot folder)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.journal import DeliveryRecord, NewFax, journal_delivery
from ingest.numbers import normalize_number
from ingest.pages import extension_for
from ingest.pipeline import Services
from storage.catalog import utcnow_iso

LOCAL_PROVIDER = "local"


@dataclass(frozen=True)
class IngestResult:
    path: str
    fax_id: str
    sha256: str
    duplicate: bool


def ingest_file(services: Services, path: str | Path, *, from_raw: str | None = None,
                to_raw: str | None = None, received_at: str | None = None,
                actor: str = "system", region: str = "US") -> IngestResult:
    """Copy ``path`` into the spool (hashed, size-capped) and journal it as a fax.

    Local files are identified by their content: the same bytes ingested again are the same
    fax (reported as a duplicate, nothing new stored or queued).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not a regular file")
    blob = services.spool.store_file(path, services.config.limits.max_file_bytes)
    with open(blob.path, "rb") as stream:
        ext = extension_for(stream.read(1024))
    fax = NewFax(
        provider=LOCAL_PROVIDER,
        provider_fax_id=blob.sha256,
        received_at=received_at or utcnow_iso(),
        from_raw=from_raw,
        from_number=normalize_number(from_raw, region),
        to_raw=to_raw,
        to_number=normalize_number(to_raw, region),
        original_sha256=blob.sha256,
        original_size=blob.size,
        original_ext=ext,
        original_name=path.name,
    )
    journaled = journal_delivery(services.catalog, DeliveryRecord(
        provider=LOCAL_PROVIDER, idem_key=f"local:{blob.sha256}", event_type="file", fax=fax,
        job_kind="process", max_attempts=services.config.worker.max_attempts, actor=actor,
    ))
    assert journaled.fax_id is not None
    if journaled.duplicate:
        _drop_redundant_blob(services, blob.sha256)
    return IngestResult(str(path), journaled.fax_id, blob.sha256, journaled.duplicate)


def _drop_redundant_blob(services: Services, sha256: str) -> None:
    """A duplicate was just copied into the spool again; drop that copy if every fax with
    these bytes is already archived (otherwise the pending fax still needs it)."""
    if services.config.archive.keep_spool:
        return
    pending = services.catalog.conn.execute(
        "SELECT count(*) FROM faxes WHERE original_sha256 = ? AND state != 'archived'",
        (sha256,)).fetchone()[0]
    if pending == 0:
        services.spool.remove_blob(sha256)
