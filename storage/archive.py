"""Where faxes are kept: the ``Archive`` protocol and its local-directory backend.

Keys are split by purpose and date so lifecycle rules can target prefixes:
``originals/YYYY/MM/DD/<fax_id>/original.<ext>`` (and ``message.eml``, the e-mail a fax came
in), ``derived/.../fax.pdf|fax.tif|text.json``,
``meta/.../fax.json``. Every put is verified (hash read back) before it is reported stored.

A store may keep several versions of a key (S3 with versioning). What faxvault wrote is the
version it recorded, or else the key's first version: ``open(key)`` without a version id reads
that one, never a later version someone put on top.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Protocol

from storage.spool import CHUNK, fsync_dir

# "email": the raw message a fax arrived in (the fax-to-email door), kept beside the original.
PURPOSE_PREFIX = {"original": "originals", "email": "originals", "pdf": "derived",
                  "tiff": "derived", "text": "derived", "meta": "meta"}
PURPOSE_NAME = {"email": "message.eml", "pdf": "fax.pdf", "tiff": "fax.tif", "text": "text.json",
                "meta": "fax.json"}


class ArchiveError(Exception):
    """The archive refused or failed an operation (retryable unless said otherwise)."""


class ArchiveUnavailable(ArchiveError):
    """The store cannot be reached (network, timeouts, 5xx): retry later."""


class NotInArchive(ArchiveError):
    """The store has no such object (or no such version)."""


class IntegrityError(ArchiveError):
    """What was read back does not hash to what was written."""


@dataclass(frozen=True)
class StoredObject:
    key: str
    sha256: str
    size: int
    version_id: str | None = None
    retain_until: str | None = None


@dataclass(frozen=True)
class ObjectVersion:
    """One stored version of a key, or a delete marker hiding the versions below it."""

    key: str
    version_id: str | None
    last_modified: str
    size: int
    delete_marker: bool = False
    etag: str | None = None  # the store's content tag: equal tags, equal bytes


@dataclass(frozen=True)
class ObjectInfo:
    """What the store itself says about one stored version."""

    key: str
    version_id: str | None
    size: int
    sha256: str | None
    lock_mode: str | None = None
    retain_until: str | None = None
    legal_hold: bool = False


def archive_key(purpose: str, received_at: str, fax_id: str, ext: str = "") -> str:
    """The key of one of a fax's objects; ``received_at`` is ISO 8601 (date part used)."""
    yyyy, mm, dd = received_at[:4], received_at[5:7], received_at[8:10]
    name = PURPOSE_NAME.get(purpose) or f"original.{ext.lstrip('.') or 'bin'}"
    return f"{PURPOSE_PREFIX[purpose]}/{yyyy}/{mm}/{dd}/{fax_id}/{name}"


def sha256_stream(stream: BinaryIO) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in iter(lambda: stream.read(CHUNK), b""):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


class Archive(Protocol):
    """What the pipeline needs of a store. Implementations are synchronous; callers in the
    event loop run them in a thread."""

    name: str

    def put_file(self, key: str, path: Path, sha256: str, *,
                 retain_until: str | None = None) -> StoredObject: ...

    def open(self, key: str, version_id: str | None = None, *,
             latest: bool = False) -> BinaryIO: ...

    def exists(self, key: str) -> bool: ...

    def versions(self, prefix: str) -> Iterator[ObjectVersion]: ...

    def describe(self, key: str, version_id: str | None) -> ObjectInfo: ...

    def keys(self, prefix: str = "") -> Iterator[str]: ...

    def set_legal_hold(self, key: str, version_id: str | None, on: bool) -> None: ...

    def delete(self, key: str, version_id: str | None) -> None: ...


class LocalArchive:
    """A directory. Writes are atomic (temp file, fsync, rename) and verified by re-hashing."""

    name = "local"

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        rel = PurePosixPath(key)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts:
            raise ArchiveError(f"refusing unsafe archive key {key!r}")
        return self.root.joinpath(*rel.parts)

    def put_file(self, key: str, path: Path, sha256: str, *,
                 retain_until: str | None = None) -> StoredObject:
        dest = self._path(key)
        if dest.exists():
            with open(dest, "rb") as existing:
                have, size = sha256_stream(existing)
            if hmac.compare_digest(have, sha256):  # already there: re-running is harmless
                return StoredObject(key, sha256, size, None, retain_until)
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            with open(path, "rb") as src, open(tmp, "wb") as out:
                for chunk in iter(lambda: src.read(CHUNK), b""):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            with open(tmp, "rb") as written:
                have, size = sha256_stream(written)
            if not hmac.compare_digest(have, sha256):
                raise IntegrityError(f"{key}: wrote {have}, expected {sha256}")
            os.replace(tmp, dest)
            fsync_dir(dest.parent)
        finally:
            tmp.unlink(missing_ok=True)
        return StoredObject(key, sha256, size, None, retain_until)

    def open(self, key: str, version_id: str | None = None, *,
             latest: bool = False) -> BinaryIO:
        """The object's bytes (a directory keeps one version: ``version_id`` and ``latest``
        are ignored)."""
        try:
            return open(self._path(key), "rb")
        except FileNotFoundError:
            raise NotInArchive(f"{key}: not in the archive") from None

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def versions(self, prefix: str) -> Iterator[ObjectVersion]:
        """A directory keeps one version per key. A prefix ending in "/" is a folder: only
        that folder is walked, not the whole archive."""
        folder = self._path(prefix.rstrip("/")) if prefix.endswith("/") else self.root
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.name.startswith("."):
                continue
            key = path.relative_to(self.root).as_posix()
            if not key.startswith(prefix):
                continue
            stat = path.stat()
            yield ObjectVersion(key, None, time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                         time.gmtime(stat.st_mtime)),
                                stat.st_size)

    def describe(self, key: str, version_id: str | None) -> ObjectInfo:
        """A directory records no hash of its own: the file is hashed now."""
        with self.open(key) as stream:
            sha256, size = sha256_stream(stream)
        return ObjectInfo(key, None, size, sha256)

    def set_legal_hold(self, key: str, version_id: str | None, on: bool) -> None:
        """A directory cannot enforce a hold: the catalog records it (and faxvault honours it);
        the operating system's permissions are the operator's to set."""
        if not self.exists(key):
            raise ArchiveError(f"{key}: not in the archive")

    def delete(self, key: str, version_id: str | None) -> None:
        self._path(key).unlink(missing_ok=True)

    def keys(self, prefix: str = "") -> Iterator[str]:
        for path in sorted(self.root.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                key = path.relative_to(self.root).as_posix()
                if key.startswith(prefix):
                    yield key
