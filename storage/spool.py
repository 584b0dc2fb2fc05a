"""The spool: content-addressed holding area for originals until they are archived.

Bytes are streamed to a temporary file while hashed and size-capped, fsynced, then linked to
``blobs/<aa>/<sha256>``. The same bytes received twice land on one blob.

Why a writer keeps a *hold* (a second link, ``tmp/hold-<pid>-<random>``) until its fax is
journaled: the content address is shared by every fax with the same bytes, and the archive
step of an earlier fax removes it once no journaled fax needs it. Between this writer's
commit and its journal transaction nobody counts it, so the address can go; the hold keeps
the bytes, and :meth:`Spool.ensure_blob` puts the address back under the journal
transaction. Without it the door had to download or copy the file again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import os
import shutil
import stat
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from storage.shared_spool import SharedSpool

CHUNK = 1024 * 1024


class TooLarge(ValueError):
    """The input exceeds the configured size cap."""


class NotRegularFile(ValueError):
    """The path is a symbolic link, FIFO, device or directory: never read."""


# Open a file someone else controls: never through a symlink (O_NOFOLLOW), never waiting for a
# writer (O_NONBLOCK: a FIFO swapped in opens at once and fstat says what it is), never as a
# controlling terminal, never inherited by a child.
SAFE_OPEN_FLAGS = (os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY
                   | getattr(os, "O_CLOEXEC", 0))

_KINDS = {stat.S_IFDIR: "a directory", stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket",
          stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device"}


def open_regular(path: Path, dir_fd: int | None = None) -> int:
    """A descriptor on ``path`` if it is a regular file, checked with ``fstat`` on that very
    descriptor (what is read afterwards is what was checked, whatever happens to the name).
    With ``dir_fd`` (a directory opened without following links), ``path.name`` is opened
    in that directory, so no link in the path's directories is followed either.
    Raises NotRegularFile for links and special files; other OSErrors (missing, no
    permission) pass through."""
    try:
        fd = (os.open(path, SAFE_OPEN_FLAGS) if dir_fd is None
              else os.open(path.name, SAFE_OPEN_FLAGS, dir_fd=dir_fd))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotRegularFile(f"{os.fsdecode(path)!r} is a symbolic link; not read") from None
        raise
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
        raise NotRegularFile(f"{os.fsdecode(path)!r} is {kind}; not read")
    return fd


class SpoolFull(OSError):
    """No room in the spool right now (the disk is full, or the configured cap is reached).

    Not the input's fault: what is being stored waits and is tried again once archived faxes
    have freed their spool copies."""


@dataclass(frozen=True)
class Blob:
    sha256: str
    size: int
    path: Path
    # (st_dev, st_ino) of the file it was copied from (store_file), to tell later whether a
    # name still holds that file.
    source_id: tuple[int, int] | None = None
    # This writer's own link to the bytes, kept until Spool.release_hold (see the module
    # docstring); None for a blob that was not written here.
    hold: Path | None = None

    @property
    def copy(self) -> Path:
        """A path to these bytes that stays valid until the hold is released: read this,
        not ``path``, before the fax is journaled."""
        return self.hold if self.hold is not None else self.path


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
        self._reserved = 0  # bytes of this blob reserved in the spool (Spool.reserve)
        self._tmp = spool.tmp / f"in-{os.getpid()}-{os.urandom(6).hex()}"
        self._hold = spool.tmp / f"hold-{os.getpid()}-{os.urandom(6).hex()}"
        self._out: BinaryIO | None = open(self._tmp, "wb")  # noqa: SIM115 (closed in commit)

    def write(self, chunk: bytes) -> None:
        assert self._out is not None, "blob already committed or discarded"
        self.size += len(chunk)
        if self.size > self._max:
            raise TooLarge(f"larger than the {self._max}-byte limit")
        if self._spool.max_bytes:
            self._reserved += self._spool.reserve(len(chunk))
        self._digest.update(chunk)
        try:
            self._out.write(chunk)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise SpoolFull(errno.ENOSPC, f"spool full: no space left on "
                                              f"{self._spool.root}") from None
            raise

    def commit(self) -> Blob:
        """fsync, then link to the content address, keeping the written file as the blob's
        hold (release it with Spool.release_hold). Blocking: call it off the event loop."""
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
        os.rename(self._tmp, self._hold)
        blob = Blob(sha, self.size, self._spool.blob_path(sha), hold=self._hold)
        try:
            self._spool.link_address(blob)
        except BaseException:
            self._spool.release_hold(blob)
            raise
        finally:
            # Linked, the bytes count among the blobs (briefly twice: a cap errs on the full
            # side); not linked, they are gone.
            self._unreserve()
        return blob

    def discard(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        self._tmp.unlink(missing_ok=True)
        self._unreserve()

    def _unreserve(self) -> None:
        self._spool.unreserve(self._reserved)
        self._reserved = 0


class Spool:
    """``shared``: where several nodes share the catalog, the copy of the originals waiting
    to be archived that every node can read (see :mod:`storage.shared_spool`); this
    directory's blobs are then a cache of it. ``share_blob``, ``local_blob`` and
    ``remove_blob`` make network calls then: call them off the event loop."""

    def __init__(self, root: Path, max_bytes: int = 0, shared: SharedSpool | None = None) -> None:
        self.root = Path(root)
        self.max_bytes = max_bytes  # cap on blobs held (0: only the disk limits it)
        self.shared = shared
        # Bytes being written by this process's writers and not yet among the blobs: under a
        # cap they count as used, or writers that start together would each see the room
        # left and all fill it (the cap was exceeded by up to one blob per running job).
        self._writing_bytes = 0
        self._writing_lock = threading.Lock()
        self.blobs = self.root / "blobs"
        self.tmp = self.root / "tmp"
        self.work = self.root / "work"
        for d in (self.blobs, self.tmp, self.work):
            d.mkdir(parents=True, exist_ok=True)
        self.sweep_dead_writers()

    def sweep_dead_writers(self) -> None:
        """Remove the partial files and holds of writers whose process is gone (a crash or a
        kill between write and release, a task cancelled while its commit ran): their pid
        is not running, or is running a process started after the file was written (pids
        are reused: a service in a container is often pid 1 at every start). What they held
        was either journaled (its content address is counted) or never acknowledged (its
        sender sends it again)."""
        with os.scandir(self.tmp) as entries:
            for entry in entries:
                pid = writer_pid(entry.name)
                if pid is None or not entry.is_file(follow_symlinks=False):
                    continue
                with contextlib.suppress(FileNotFoundError):
                    if not writer_running(pid, entry.stat(follow_symlinks=False).st_mtime):
                        os.unlink(entry.path)

    def used_bytes(self) -> int:
        total = 0
        for directory, _, files in os.walk(self.blobs):
            for name in files:
                with contextlib.suppress(FileNotFoundError):  # released meanwhile
                    total += os.stat(os.path.join(directory, name)).st_size
        return total

    def reserve(self, size: int) -> int:
        """Count ``size`` more bytes as being written, or raise SpoolFull if the blobs and
        the bytes being written would pass ``max_bytes``. Returns ``size``. The blobs are
        counted at each call (the spool holds only originals waiting to be archived: few
        files), so blobs added or removed by other processes count too."""
        with self._writing_lock:
            if self.used_bytes() + self._writing_bytes + size > self.max_bytes:
                raise SpoolFull(errno.ENOSPC, f"spool full: limits.spool_max_bytes = "
                                              f"{self.max_bytes} reached")
            self._writing_bytes += size
        return size

    def unreserve(self, size: int) -> None:
        with self._writing_lock:
            self._writing_bytes -= size

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

    def store_file(self, path: Path, max_bytes: int, dir_fd: int | None = None) -> Blob:
        """Copy a file someone else controls into the spool: opened once (see
        :func:`open_regular`), its size checked before a byte is read, then hashed and copied
        from that same descriptor. Everything afterwards (tags, decoding, archiving) works on
        the spool copy, so swapping the name meanwhile changes nothing. Blocking: call it off
        the event loop. ``dir_fd``: as for :func:`open_regular`."""
        fd = open_regular(path, dir_fd)
        try:
            st = os.fstat(fd)
            if st.st_size > max_bytes:
                raise TooLarge(f"larger than the {max_bytes}-byte limit ({st.st_size} bytes)")
            with os.fdopen(fd, "rb", closefd=False) as stream:
                blob = self.store_stream(stream, max_bytes)
        finally:
            os.close(fd)
        return dataclasses.replace(blob, source_id=(st.st_dev, st.st_ino))

    def link_address(self, blob: Blob) -> None:
        """(Re)create the content address from the blob's hold, atomically: a reader sees
        the old file or the new one, never a partial one."""
        assert blob.hold is not None, "only a blob written here has a hold"
        blob.path.parent.mkdir(exist_ok=True)
        staging = self.tmp / f"link-{os.getpid()}-{os.urandom(6).hex()}"
        os.link(blob.hold, staging)
        try:
            os.replace(staging, blob.path)
        except BaseException:
            staging.unlink(missing_ok=True)
            raise
        fsync_dir(blob.path.parent)

    def ensure_blob(self, blob: Blob) -> bool:
        """Call inside the transaction that journals ``blob`` as some fax's original: the
        content address exists when it returns True (put back from the hold if another
        fax's archive step removed it since the commit). False: no bytes left to put back
        (a blob without a hold, whose address went)."""
        if blob.path.is_file():
            return True
        if blob.hold is None or not blob.hold.is_file():
            return False
        self.link_address(blob)
        return True

    def release_hold(self, blob: Blob) -> None:
        """Drop the writer's own link; the content address, if still there, stays. Safe to
        call more than once."""
        if blob.hold is not None:
            blob.hold.unlink(missing_ok=True)

    def blob_names(self) -> set[str]:
        """The SHA-256 of every blob here and, with several nodes, in the shared spool
        (a network listing then: call it off the event loop once serving)."""
        names = {p.name for p in self.blobs.glob("??/*") if p.is_file()}
        if self.shared is not None:
            names |= {key.rsplit("/", 1)[-1]
                      for key in self.shared.archive.keys(f"{self.shared.prefix}blobs/")}
        return {n for n in names if len(n) == 64 and all(c in "0123456789abcdef" for c in n)}

    def remove_blob(self, sha256: str) -> None:
        self.blob_path(sha256).unlink(missing_ok=True)
        if self.shared is not None:
            self.shared.delete(self.shared.blob_key(sha256))

    def remove_work(self, fax_id: str) -> None:
        shutil.rmtree(self.work / fax_id, ignore_errors=True)

    # -- the shared spool (several nodes) -------------------------------------------------
    def share_blob(self, blob: Blob) -> None:
        """Make a spooled original durable beyond this node (no-op on one node)."""
        if self.shared is not None:
            self.shared.put(self.shared.blob_key(blob.sha256), blob.copy, blob.sha256)

    def blob_is_shared(self, sha256: str) -> bool:
        return self.shared is None or self.shared.archive.exists(self.shared.blob_key(sha256))

    def local_blob(self, sha256: str) -> Path:
        """The blob's path here, copied from the shared spool first if this node lacks it
        (another node took the file). The path may not exist: nowhere to be found."""
        path = self.blob_path(sha256)
        if not path.is_file() and self.shared is not None:
            self.shared.fetch(self.shared.blob_key(sha256), path, sha256)
        return path


def writer_pid(name: str) -> int | None:
    """The process id in a writer's temporary name (``in-``/``hold-``/``link-<pid>-...``)."""
    kind, _, rest = name.partition("-")
    pid, _, _ = rest.partition("-")
    if kind not in ("in", "hold", "link") or not pid.isdigit():
        return None
    return int(pid)


def writer_running(pid: int, written_at: float) -> bool:
    """Whether the process that wrote a file at ``written_at`` (its mtime) may still be
    running: ``pid`` exists and was started before the file was written. Where /proc does
    not say when a process started, only whether the pid exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # somebody else's process: it exists
    started = process_started_at(pid)
    return started is None or started <= written_at + 1.0  # clock ticks round down


def process_started_at(pid: int) -> float | None:
    """When ``pid`` started (seconds since the epoch), from /proc; None if unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat_file:
            # Field 22 (starttime, clock ticks since boot) comes after the parenthesised
            # command name, which may itself hold spaces and parentheses.
            ticks = int(stat_file.read().rpartition(")")[2].split()[19])
        with open("/proc/stat", encoding="ascii") as system:
            boot = next(int(line.split()[1]) for line in system if line.startswith("btime "))
    except (OSError, ValueError, IndexError, StopIteration):
        return None
    return boot + ticks / os.sysconf("SC_CLK_TCK")
