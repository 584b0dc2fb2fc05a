"""The spool: content-addressed holding area for originals until they are archived.

Bytes are streamed to a temporary file while hashed and size-capped, fsynced, then renamed to
``blobs/<aa>/<sha256>``. The same bytes received twice land on one blob.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024


class TooLarge(ValueError):
    """The input exceeds the configured size cap."""


class SpoolFull(OSError):
    """No room in the spool right now (the disk is full, or the configured cap is reached).

    Not the input's fault: what is being stored waits and is tried again once archived faxes
    have freed their spool copies."""


@dataclass(frozen=True)
class Blob:
    sha256: str
    size: int
    path: Path


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobWriter:
    """Streams bytes into the spool while hashing and counting them."""

    def __init__(self, spool: Spool, max_bytes: int) -> None:
        self._spool, self._max = spool, max_bytes
        self._digest, self.size = hashlib.sha256(), 0
        # Room left under the spool cap, measured once per blob (the spool holds only
        # originals waiting to be archived: few files).
        self._room = spool.max_bytes - spool.used_bytes() if spool.max_bytes else None
        self._tmp = spool.tmp / f"in-{os.getpid()}-{os.urandom(6).hex()}"
        self._out: BinaryIO | None = open(self._tmp, "wb")  # noqa: SIM115 (closed in commit)

    def write(self, chunk: bytes) -> None:
        assert self._out is not None, "blob already committed or discarded"
        self.size += len(chunk)
        if self.size > self._max:
            raise TooLarge(f"larger than the {self._max}-byte limit")
        if self._room is not None and self.size > self._room:
            raise SpoolFull(errno.ENOSPC, f"spool full: limits.spool_max_bytes = "
                                          f"{self._spool.max_bytes} reached")
        self._digest.update(chunk)
        try:
            self._out.write(chunk)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise SpoolFull(errno.ENOSPC, f"spool full: no space left on "
                                              f"{self._spool.root}") from None
            raise

    def commit(self) -> Blob:
        """fsync, then rename to the content address. Blocking: call it off the event loop."""
        assert self._out is not None, "blob already committed or discarded"
        try:
            self._out.flush()
            os.fsync(self._out.fileno())
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise SpoolFull(errno.ENOSPC, f"spool full: no space left on "
                                              f"{self._spool.root}") from None
            raise
        self._out.close()
        self._out = None
        sha = self._digest.hexdigest()
        final = self._spool.blob_path(sha)
        final.parent.mkdir(exist_ok=True)
        os.replace(self._tmp, final)
        fsync_dir(final.parent)
        return Blob(sha, self.size, final)

    def discard(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        self._tmp.unlink(missing_ok=True)


class Spool:
    def __init__(self, root: Path, max_bytes: int = 0) -> None:
        self.root = Path(root)
        self.max_bytes = max_bytes  # cap on blobs held (0: only the disk limits it)
        self.blobs = self.root / "blobs"
        self.tmp = self.root / "tmp"
        self.work = self.root / "work"
        for d in (self.blobs, self.tmp, self.work):
            d.mkdir(parents=True, exist_ok=True)

    def used_bytes(self) -> int:
        total = 0
        for directory, _, files in os.walk(self.blobs):
            for name in files:
                with contextlib.suppress(FileNotFoundError):  # released meanwhile
                    total += os.stat(os.path.join(directory, name)).st_size
        return total

    def blob_path(self, sha256: str) -> Path:
        return self.blobs / sha256[:2] / sha256

    def work_dir(self, fax_id: str) -> Path:
        """Scratch space for one fax's derived files (pages, fax.pdf, fax.tif)."""
        path = self.work / fax_id
        path.mkdir(parents=True, exist_ok=True)
        return path

    def writer(self, max_bytes: int) -> BlobWriter:
        """A new blob being written: ``write`` chunks, then ``commit`` (or ``discard``)."""
        return BlobWriter(self, max_bytes)

    def store_chunks(self, chunks: Iterable[bytes], max_bytes: int) -> Blob:
        """Write chunks to a new blob, hashing as they stream; refuse past max_bytes."""
        writer = self.writer(max_bytes)
        try:
            for chunk in chunks:
                writer.write(chunk)
            return writer.commit()
        finally:
            writer.discard()

    def store_stream(self, stream: BinaryIO, max_bytes: int) -> Blob:
        return self.store_chunks(iter(lambda: stream.read(CHUNK), b""), max_bytes)

    def store_file(self, path: Path, max_bytes: int) -> Blob:
        with open(path, "rb") as stream:
            return self.store_stream(stream, max_bytes)

    def remove_blob(self, sha256: str) -> None:
        self.blob_path(sha256).unlink(missing_ok=True)

    def remove_work(self, fax_id: str) -> None:
        shutil.rmtree(self.work / fax_id, ignore_errors=True)
