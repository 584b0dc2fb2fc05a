"""The spool: content-addressed holding area for originals until they are archived.

Bytes are streamed to a temporary file while hashed and size-capped, fsynced, then renamed to
``blobs/<aa>/<sha256>``. The same bytes received twice land on one blob.
"""

from __future__ import annotations

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
        self._tmp = spool.tmp / f"in-{os.getpid()}-{os.urandom(6).hex()}"
        self._out: BinaryIO | None = open(self._tmp, "wb")  # noqa: SIM115 (closed in commit)

    def write(self, chunk: bytes) -> None:
        assert self._out is not None, "blob already committed or discarded"
        self.size += len(chunk)
        if self.size > self._max:
            raise TooLarge(f"larger than the {self._max}-byte limit")
        self._digest.update(chunk)
        self._out.write(chunk)

    def commit(self) -> Blob:
        """fsync, then rename to the content address. Blocking: call it off the event loop."""
        assert self._out is not None, "blob already committed or discarded"
        self._out.flush()
        os.fsync(self._out.fileno())
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
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.blobs = self.root / "blobs"
        self.tmp = self.root / "tmp"
        self.work = self.root / "work"
        for d in (self.blobs, self.tmp, self.work):
            d.mkdir(parents=True, exist_ok=True)

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
