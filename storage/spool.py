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

    def store_chunks(self, chunks: Iterable[bytes], max_bytes: int) -> Blob:
        """Write chunks to a new blob, hashing as they stream; refuse past max_bytes."""
        digest, size = hashlib.sha256(), 0
        tmp = self.tmp / f"in-{os.getpid()}-{os.urandom(6).hex()}"
        try:
            with open(tmp, "wb") as out:
                for chunk in chunks:
                    size += len(chunk)
                    if size > max_bytes:
                        raise TooLarge(f"larger than the {max_bytes}-byte limit")
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.blob_path(sha)
            final.parent.mkdir(exist_ok=True)
            os.replace(tmp, final)
            fsync_dir(final.parent)
            return Blob(sha, size, final)
        finally:
            tmp.unlink(missing_ok=True)

    def store_stream(self, stream: BinaryIO, max_bytes: int) -> Blob:
        return self.store_chunks(iter(lambda: stream.read(CHUNK), b""), max_bytes)

    def store_file(self, path: Path, max_bytes: int) -> Blob:
        with open(path, "rb") as stream:
            return self.store_stream(stream, max_bytes)

    def remove_blob(self, sha256: str) -> None:
        self.blob_path(sha256).unlink(missing_ok=True)

    def remove_work(self, fax_id: str) -> None:
        shutil.rmtree(self.work / fax_id, ignore_errors=True)
