"""The shared spool: spooled originals copied into the archive store, for several nodes.

With one catalog shared by several nodes (PostgreSQL), any node may lease any job: the node
that OCRs a fax need not be the one that took its file. A node's own spool directory is then
only a cache. Each original is copied, verified, into the archive store (reachable from
every node) at ``<prefix>blobs/<aa>/<sha256>`` before its fax is journaled (a hot-folder, CLI
or door file: durable beyond the node before the file leaves the inbox) or before a fetch job
records it. A node that lacks it locally fetches it from there and checks its SHA-256. It is
deleted once no fax waiting to be archived has those bytes.

(The files ``process`` derives stay on its node, which runs the archive step next; see
``ingest.pipeline.archive_fax`` for a node that dies in between.) Objects here carry no
retention date; a bucket whose Object Lock has a *default* retention would lock them too
(see README, "Scaling out").
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from storage.archive import Archive, ArchiveError, IntegrityError, NotInArchive
from storage.spool import CHUNK, fsync_dir

log = logging.getLogger("faxvault.spool")


@dataclass
class SharedSpool:
    archive: Archive
    prefix: str = "spool/"

    def blob_key(self, sha256: str) -> str:
        return f"{self.prefix}blobs/{sha256[:2]}/{sha256}"

    def put(self, key: str, path: Path, sha256: str) -> None:
        """Upload (verified by the store); re-putting the same bytes is harmless."""
        self.archive.put_file(key, path, sha256)

    def fetch(self, key: str, dest: Path, sha256: str | None = None) -> bool:
        """Copy ``key`` to ``dest`` (through a temporary file, fsynced, then renamed); with
        ``sha256``, the bytes must hash to it. False if the store has no such object.

        One request: the newest version, read without asking first whether it exists or
        listing its versions (a blob's key names its content, so every version holds the
        same bytes, and the hash is checked anyway)."""
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            stream = self.archive.open(key, latest=True)
        except NotInArchive:
            return False
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.{os.urandom(4).hex()}.part")
        digest = hashlib.sha256()
        try:
            with stream, open(tmp, "wb") as out:
                for chunk in iter(lambda: stream.read(CHUNK), b""):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if sha256 is not None and digest.hexdigest() != sha256:
                raise IntegrityError(f"{key}: read {digest.hexdigest()}, expected {sha256}")
            os.replace(tmp, dest)
            fsync_dir(dest.parent)
        finally:
            tmp.unlink(missing_ok=True)
        return True

    def delete(self, key: str) -> None:
        """Remove every stored version of ``key`` (a versioned bucket would otherwise keep
        them under a delete marker). Already gone is fine."""
        self._delete_versions(key, exact=True)

    def _delete_versions(self, prefix: str, *, exact: bool) -> None:
        """Best effort: a copy that cannot be deleted now (the store out of reach) is only
        space, never a loss; it is logged, and a later fax with the same bytes replaces it."""
        try:
            for version in list(self.archive.versions(prefix)):
                if exact and version.key != prefix:
                    continue
                with contextlib.suppress(ArchiveError):  # gone meanwhile (another node)
                    self.archive.delete(version.key, version.version_id)
        except ArchiveError as exc:
            log.warning("shared spool: %s not deleted: %s", prefix, exc)
