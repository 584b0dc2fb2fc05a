"""The hot folder: files dropped by a fax server or scanner become faxes.

watchdog reports changes (inotify; or polling with ``poll = true``, for NFS/SMB where inotify
sees nothing); events only mark a file as a candidate. A candidate is taken once it has been
unchanged (size and mtime) for ``stability_seconds`` and is readable, so a file still being
written is never taken half-written. A scan at start-up and every ``rescan_seconds`` catches
files that arrived while nobody watched or whose events were missed; an in-flight set keeps a
file from being queued twice.

Taking a file: copy it into the spool first (opened once without following links or waiting
on a FIFO, checked to be a regular file within the size cap, hashed and fsynced, all off the
event loop); from then on only the copy is read: its tags, the decoding check (in the pool,
like the pipeline will), the journal. With several nodes the copy also goes to the shared
spool, uploaded while the pool checks it; the fax is journaled once both are done. Only then
is the name moved to ``done/`` (or deleted), and only if it still names the file that was
copied. A file that cannot be taken moves to
``failed/`` with ``<name>.error.txt`` saying why. A crash between journaling and the move
leaves the file in the inbox: the next scan takes it again, the journal recognises the same
bytes, and it moves to ``done/`` as a duplicate. File names appear in logs quoted.

Files are also taken one level down, from ``<inbox>/<folder>/<file>`` (not from done/,
failed/ or ignored names), with ``metadata["folder"]`` = the folder's name for routing; they
move to ``done/<folder>/`` or ``failed/<folder>/``. A subfolder is opened once without
following links (a symlinked subfolder is never entered) and its files are opened, checked
and moved relative to that descriptor, so swapping the folder for a link meanwhile changes
nothing. Each subfolder gets its own (non-recursive) watch: done/ is never watched or polled.

Several nodes may watch one shared folder (NFS). A node claims a file before reading it by
renaming it, in its own directory, to ``.<name>.claim-<node>-<unix time>``: a rename is atomic,
so of two nodes only one finds the name, and the other leaves the file alone. The claimed name
is a dotfile, which no node takes as a candidate. The claim ends with the move to done/ or
failed/; where the file is left for a later try it gets its name back (unless a new file took
the name meanwhile). A claim whose node died is taken over by renaming it to a claim of one's
own: at once by the same node when it starts again, by any other node once it is older than
``hotfolder.claim_seconds``.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import fnmatch
import logging
import os
import re
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

from ingest.faxserver import (
    SidecarError,
    file_tags,
    hylafax_call_data,
    is_hylafax_tiff,
    read_sidecar,
    read_tiff_tags,
)
from ingest.local import BlobReleased, LocalMetadata, blob_extension, journal_blob, quoted
from ingest.pages import FaxRejected
from ingest.pipeline import Services, split_pages
from storage.archive import ArchiveError
from storage.spool import Blob, NotRegularFile, SpoolFull, TooLarge

log = logging.getLogger("faxvault.hotfolder")

IGNORED_NAMES = {".ds_store", "thumbs.db", "desktop.ini", "@eadir", "__macosx"}
IGNORED_PATTERNS = ("*.part", "*.tmp", "*.partial", "*.crdownload", "~$*", "*.json",
                    "*.error.txt", "*.swp")


OWN_FOLDERS = ("done", "failed")
# A claimed file's name: the name, the claiming node, when (greedy: the last ".claim-").
CLAIMED = re.compile(r"^\.(?P<name>.+)\.claim-(?P<node>[A-Za-z0-9_.-]*?)-(?P<at>[0-9]+)$")
SUBFOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW


def is_ignored(name: str) -> bool:
    """Dotfiles, temporary names, OS litter, sidecars and our own error notes."""
    lowered = name.lower()
    return (name.startswith(".") or lowered in IGNORED_NAMES
            or any(fnmatch.fnmatch(lowered, pattern) for pattern in IGNORED_PATTERNS))


@dataclass
class _Candidate:
    size: int
    mtime_ns: int
    stable_since: float


class _Events(FileSystemEventHandler):
    """watchdog thread → event loop: just "look at this path"."""

    def __init__(self, loop: asyncio.AbstractEventLoop, notify) -> None:
        self._loop, self._notify = loop, notify

    def on_any_event(self, event: FileSystemEvent) -> None:
        for attr in ("src_path", "dest_path"):
            path = getattr(event, attr, "")
            if path:
                self._loop.call_soon_threadsafe(self._notify, os.fsdecode(path))


class HotFolder:
    def __init__(self, services: Services, path: Path | None = None) -> None:
        cfg = services.config.hotfolder
        self.services = services
        self.inbox = Path(path or services.config.inbox_dir)
        self.done = self.inbox / "done"
        self.failed = self.inbox / "failed"
        self.stability = cfg.stability_seconds
        self.rescan_seconds = cfg.rescan_seconds
        self.delete_done = cfg.delete_done
        self.poll = cfg.poll
        self.node = services.config.node_name
        self.claim_seconds = cfg.claim_seconds
        self._claims: set[str] = set()  # paths of this process's live claims
        # Names just given back after a failed try: events about them wait for the next scan,
        # so a file that cannot be taken now (spool full) is not retried every few seconds.
        self._resting: set[str] = set()
        self._candidates: dict[str, _Candidate] = {}
        self._in_flight: set[str] = set()
        self._tasks: list[asyncio.Task] = []
        self._taking: set[asyncio.Task] = set()
        self._wake = asyncio.Event()
        self.observer: BaseObserver | None = None
        self._events: _Events | None = None
        self._watched: dict[str, ObservedWatch] = {}  # subfolder path -> its watch
        self.taken = 0
        self.scans = 0

    # -- lifecycle ------------------------------------------------------------------------
    async def start(self) -> None:
        for d in (self.inbox, self.done, self.failed):
            d.mkdir(parents=True, exist_ok=True)
        self.start_observer()
        self.scan()  # files already waiting
        self._tasks = [asyncio.create_task(self._settle_loop(), name="hotfolder-settle"),
                       asyncio.create_task(self._rescan_loop(), name="hotfolder-rescan")]
        log.info("watching %s (%s)", quoted(str(self.inbox)), "polling" if self.poll else "inotify")

    def start_observer(self) -> None:
        observer: BaseObserver = PollingObserver(timeout=1) if self.poll else Observer()
        self._events = _Events(asyncio.get_running_loop(), self.notice)
        observer.schedule(self._events, str(self.inbox), recursive=False)
        observer.start()
        self.observer = observer

    def stop_observer(self) -> None:
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=10)
            self.observer = None
            self._watched.clear()

    async def stop(self) -> None:
        """Stop watching; let files being taken finish (each is quick), then return."""
        self.stop_observer()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, *self._taking, return_exceptions=True)

    # -- finding candidates -----------------------------------------------------------------
    def takes_from(self, folder: str) -> bool:
        """Whether files in ``<inbox>/<folder>/`` are taken (not our own done/failed)."""
        return folder not in OWN_FOLDERS and not is_ignored(folder)

    def notice(self, path: str) -> None:
        """A path changed (event or scan): (re)consider it."""
        p = Path(path)
        if is_ignored(p.name) or path in self._in_flight or path in self._resting:
            return
        in_subfolder = p.parent != self.inbox
        if in_subfolder and (p.parent.parent != self.inbox
                             or not self.takes_from(p.parent.name)
                             or not _is_real_dir(p.parent)):
            return
        try:
            st = os.lstat(p)
        except FileNotFoundError:
            self._candidates.pop(path, None)
            return
        if not in_subfolder and stat.S_ISDIR(st.st_mode) and self.takes_from(p.name):
            self.scan_subfolder(p)
            return
        if not stat.S_ISREG(st.st_mode):  # symlinks, directories, devices, fifos: never
            return
        known = self._candidates.get(path)
        if known is None or (known.size, known.mtime_ns) != (st.st_size, st.st_mtime_ns):
            self._candidates[path] = _Candidate(st.st_size, st.st_mtime_ns, time.monotonic())
        self._wake.set()

    def scan(self) -> None:
        self._resting.clear()
        with os.scandir(self.inbox) as entries:
            for entry in entries:
                if not self._adopt_if_stale(Path(entry.path)):
                    self.notice(entry.path)
        for folder in [f for f in self._watched if not _is_real_dir(Path(f))]:
            self._unwatch(folder)
        self.scans += 1

    def scan_subfolder(self, folder: Path) -> None:
        """The files of one subfolder, listed through a descriptor that refused a link."""
        try:
            fd = os.open(folder, SUBFOLDER_FLAGS)
        except OSError:  # a symlink (ELOOP), not a directory, or gone: never entered
            return
        try:
            self._watch(folder)
            with os.scandir(fd) as entries:
                names = [entry.name for entry in entries]
        finally:
            os.close(fd)
        for name in names:
            if not self._adopt_if_stale(folder / name):
                self.notice(str(folder / name))

    def _watch(self, folder: Path) -> None:
        if self.observer is None or self._events is None or str(folder) in self._watched:
            return
        try:
            self._watched[str(folder)] = self.observer.schedule(self._events, str(folder),
                                                                recursive=False)
        except OSError as exc:  # the rescan still finds its files
            log.warning("hot folder: cannot watch %s: %s", quoted(folder.name), exc)

    def _unwatch(self, folder: str) -> None:
        watch = self._watched.pop(folder)
        if self.observer is not None:
            with contextlib.suppress(KeyError, OSError):
                self.observer.unschedule(watch)

    async def _rescan_loop(self) -> None:
        while True:
            await asyncio.sleep(self.rescan_seconds)
            self.scan()

    async def _settle_loop(self) -> None:
        tick = max(0.05, min(0.5, self.stability / 4))
        while True:
            if not self._candidates:
                self._wake.clear()
                await self._wake.wait()
            await asyncio.sleep(tick)
            for path in list(self._candidates):
                self.notice(path)  # refresh size/mtime; a change restarts its clock
                candidate = self._candidates.get(path)
                if candidate and time.monotonic() - candidate.stable_since >= self.stability:
                    del self._candidates[path]
                    self._start_taking(Path(path))

    def _start_taking(self, path: Path, stale_claim: str | None = None) -> None:
        self._in_flight.add(str(path))
        task = asyncio.create_task(self._take_guarded(path, stale_claim))
        self._taking.add(task)
        task.add_done_callback(self._taking.discard)

    # -- claims (several nodes on one folder) ---------------------------------------------------
    def _claim_name(self, name: str) -> str:
        return f".{name}.claim-{self.node}-{int(time.time())}"

    def _adopt_if_stale(self, path: Path) -> bool:
        """If ``path`` is a claim whose node is gone, take the file it holds; True if it is
        a claim at all (never a candidate itself)."""
        match = CLAIMED.match(path.name)
        if match is None:
            return False
        original = path.with_name(match["name"])
        if str(original) in self._in_flight or str(path) in self._claims:
            return True
        mine = match["node"] == self.node  # not live here: left by this node's last run
        if mine or time.time() - int(match["at"]) > self.claim_seconds:
            self._start_taking(original, stale_claim=path.name)
        return True

    def _claim(self, path: Path, place: _Place | None, stale_claim: str | None) -> Path | None:
        """Rename the file (or a stale claim on it) to a claim of this node; None if another
        node got there first (the name is gone)."""
        held = path.with_name(self._claim_name(path.name))
        source = path.with_name(stale_claim) if stale_claim else path
        dir_fd = place.dir_fd if place else None
        try:
            os.rename(_name_in(source, place), _name_in(held, place),
                      src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno != errno.ENAMETOOLONG:
                raise
            # No room for the claim suffix in a name this long: take it unclaimed (two
            # nodes may both copy it; the journal keeps one fax).
            return source
        self._claims.add(str(held))
        return held

    def _unclaim(self, held: Path, path: Path, place: _Place | None) -> None:
        """Give the file its name back for a later try. A hard link never replaces a file
        that took the name meanwhile; then (or where links are unsupported) the claim stays
        and is taken over at the next scan."""
        self._claims.discard(str(held))
        if held == path:
            return
        dir_fd = place.dir_fd if place else None
        try:
            os.link(_name_in(held, place), _name_in(path, place), src_dir_fd=dir_fd,
                    dst_dir_fd=dir_fd, follow_symlinks=False)
        except OSError:
            return
        with contextlib.suppress(FileNotFoundError):
            os.unlink(_name_in(held, place), dir_fd=dir_fd)
        self._resting.add(str(path))

    # -- taking a file ------------------------------------------------------------------------
    async def _take_guarded(self, path: Path, stale_claim: str | None = None) -> None:
        try:
            await self.take(path, stale_claim)
        except Exception:
            log.exception("hot folder: %s left in place after an unexpected error",
                          quoted(path.name))
        finally:
            self._in_flight.discard(str(path))

    async def take(self, path: Path, stale_claim: str | None = None) -> None:
        """Copy the file into the spool (opened once, off the event loop), then work only on
        that copy: its tags, the decoding check, the journal. The name is moved to done/ or
        failed/ only if it still names the file that was copied. A file in a subfolder is
        reached only through a descriptor on the subfolder opened without following links."""
        if path.parent == self.inbox:
            await self._take_claimed(path, None, stale_claim)
            return
        try:
            dir_fd = await asyncio.to_thread(os.open, path.parent, SUBFOLDER_FLAGS)
        except OSError as exc:
            log.warning("hot folder: %s left alone: its folder %s cannot be entered (%s)",
                        quoted(path.name), quoted(path.parent.name), exc.strerror)
            return
        try:
            await self._take_claimed(path, _Place(path.parent.name, dir_fd), stale_claim)
        finally:
            os.close(dir_fd)

    async def _take_claimed(self, path: Path, place: _Place | None,
                            stale_claim: str | None) -> None:
        """Claim the file, take it under its claimed name; give the name back if it stays."""
        held = await asyncio.to_thread(self._claim, path, place, stale_claim)
        if held is None:
            log.debug("hot folder: %s taken by another node", quoted(path.name))
            return
        left = True
        try:
            left = await self._take(path, held, place)
        finally:
            if left:
                await asyncio.to_thread(self._unclaim, held, path, place)
            else:
                self._claims.discard(str(held))

    async def _take(self, path: Path, held: Path, place: _Place | None) -> bool:
        """Take the claimed file ``held`` (named ``path`` in the inbox); True if it is left
        for a later try, False once moved to done/ or failed/ (or left alone)."""
        services = self.services
        sidecar = path.with_suffix(".json")
        dir_fd = place.dir_fd if place else None
        try:
            blob = await asyncio.to_thread(services.spool.store_file, held,
                                           services.config.limits.max_file_bytes, dir_fd)
        except NotRegularFile as exc:
            # Swapped for a link, FIFO or device after it was noticed: never read, left alone.
            log.warning("hot folder: %s left alone: %s", quoted(path.name), exc)
            return True
        except TooLarge as exc:
            await asyncio.to_thread(self._move_failed, path, held, sidecar, str(exc), None,
                                    place)
            return False
        except SpoolFull as exc:
            # Not the file's fault: it stays in the inbox; the next rescan tries again.
            log.warning("hot folder: %s waits: %s", quoted(path.name), exc.strerror)
            return True
        except OSError as exc:
            log.warning("hot folder: %s not readable yet (%s)", quoted(path.name), exc.strerror)
            return True  # stays a file in the inbox: the next scan tries again
        journaled = False
        # Several nodes: the bytes go to the shared spool, off the event loop, while the pool
        # checks that they decode (the upload need not wait for the check); the fax is
        # journaled only once both are done, so the bytes are durable beyond this node
        # before the file leaves the inbox.
        sharing = (asyncio.ensure_future(asyncio.to_thread(services.spool.share_blob, blob))
                   if services.spool.shared is not None else None)
        try:
            try:
                side = await asyncio.to_thread(read_sidecar, sidecar, dir_fd)
                tags, ext = await asyncio.to_thread(_tags_and_extension, blob)
                await self._check_readable(blob.copy)
            except (FaxRejected, SidecarError) as exc:
                await _settled(sharing)  # its copy goes with the spooled one, below
                await asyncio.to_thread(self._move_failed, path, held, sidecar, str(exc), blob,
                                        place)
                return False
            metadata = file_metadata(tags, side, place.folder if place else None)
            try:
                if sharing is not None:
                    await sharing
                result = journal_blob(services, blob, path.name, metadata,
                                      actor="hotfolder", ext=ext, shared=True)
            except BlobReleased as exc:
                log.warning("hot folder: %s; taken again at the next scan", exc)
                return True
            except ArchiveError as exc:
                # Several nodes: the shared spool (the S3 store) is out of reach. The file
                # stays in the inbox, unjournaled, until it can be made durable there.
                log.warning("hot folder: %s waits: shared spool: %s", quoted(path.name), exc)
                return True
            journaled = True
        finally:
            if not journaled:
                await _settled(sharing)  # an upload still running would outlive the release
                try:
                    self._release_unjournaled(blob)
                finally:
                    services.spool.release_hold(blob)
        await asyncio.to_thread(self._move_done, path, held, sidecar, blob, place)
        self.taken += 1
        log.info("hot folder: %s -> fax %s%s", quoted(path.name), result.fax_id,
                 " (already ingested)" if result.duplicate else "")
        return False

    def _release_unjournaled(self, blob: Blob) -> None:
        """A copy no fax was journaled with goes again, unless some fax needs these bytes."""
        catalog = self.services.catalog
        with catalog.transaction():
            catalog.lock_original(blob.sha256)
            if catalog.count_faxes_needing_original(blob.sha256) == 0:
                self.services.spool.remove_blob(blob.sha256)

    async def _check_readable(self, original: Path) -> None:
        """Decode the spool copy in the pool as the pipeline will, so a corrupt file is refused
        here, at the door, and lands in failed/ with the reason instead of being archived."""
        scratch = await asyncio.to_thread(tempfile.mkdtemp, dir=self.services.spool.tmp)
        try:
            await split_pages(self.services, original, Path(scratch))
        finally:
            await asyncio.to_thread(shutil.rmtree, scratch, True)

    def _move_done(self, path: Path, held: Path, sidecar: Path, blob: Blob,
                   place: _Place | None) -> None:
        """Move the claimed file ``held`` to done/ under its name ``path.name``."""
        if not _still_names(held, blob, place):
            return  # a new file took the name meanwhile: it is a candidate of its own
        dir_fd = place.dir_fd if place else None
        if self.delete_done:
            for name in (held, sidecar):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(_name_in(name, place), dir_fd=dir_fd)
            return
        target = _free_name(_destination(self.done, place), path.name)
        os.replace(_name_in(held, place), target, src_dir_fd=dir_fd)
        _move_if_present(sidecar, target.with_suffix(".json"), place)

    def _move_failed(self, path: Path, held: Path, sidecar: Path, reason: str,
                     blob: Blob | None, place: _Place | None) -> None:
        if blob is not None and not _still_names(held, blob, place):
            log.warning("hot folder: %s refused (%s), but the name now holds another file",
                        quoted(path.name), reason)
            return
        target = _free_name(_destination(self.failed, place), path.name)
        os.replace(_name_in(held, place), target, src_dir_fd=place.dir_fd if place else None)
        _move_if_present(sidecar, target.with_suffix(".json"), place)
        note = os.open(target.with_name(target.name + ".error.txt"),
                       os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(note, "w") as out:
            out.write(reason + "\n")
        log.warning("hot folder: %s refused: %s", quoted(path.name), reason)


async def _settled(task: asyncio.Future | None) -> None:
    """Wait for ``task`` to end, whatever its outcome (the caller no longer needs it)."""
    if task is not None:
        await asyncio.gather(task, return_exceptions=True)


def _tags_and_extension(blob: Blob) -> tuple[dict[int, str | int], str]:
    return read_tiff_tags(blob.copy), blob_extension(blob)


def file_metadata(tags: dict[int, str | int], sidecar: dict[str, str] | None,
                  folder: str | None = None) -> LocalMetadata:
    """What a dropped file's sidecar and tags say, each from where it really comes from: call
    data (sender, caller id, subaddress) only from the fax server's sidecar or from a TIFF
    HylaFAX wrote itself; any file's text tags kept under ``file_tags``, labelled as what its
    writer said. The receive time only from the sidecar (else: when faxvault took the file);
    a date inside the file is never a receive time. ``folder``: the inbox subfolder the file
    was dropped in (what ``[[routing]] folder`` matches)."""
    side = sidecar or {}
    from_fax_server = side.get("provider") == "hylafax" or is_hylafax_tiff(tags)
    call = hylafax_call_data(tags) if from_fax_server else {}
    extra: dict[str, Any] = {"source": "hotfolder"}
    if folder is not None:
        extra["folder"] = folder
    if call:
        extra["fax_server"] = call
    if own_tags := file_tags(tags):
        extra["file_tags"] = own_tags
    caller = call.get("caller_number") or call.get("caller_cidnumber")
    return LocalMetadata(
        from_raw=side.get("from") or caller or call.get("tsi"),
        to_raw=side.get("to"), received_at=side.get("received_at"),
        provider=side.get("provider"), provider_fax_id=side.get("provider_fax_id"),
        extra=extra,
    )


@dataclass(frozen=True)
class _Place:
    """A subfolder of the inbox a file was taken from, and a descriptor on it (opened
    without following links) through which its files are opened, checked and moved."""

    folder: str
    dir_fd: int


def _is_real_dir(path: Path) -> bool:
    """A directory itself, not a link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _name_in(path: Path, place: _Place | None) -> Path | str:
    """How to name ``path`` in os calls: relative to the subfolder's descriptor, if any."""
    return path.name if place else path


def _destination(directory: Path, place: _Place | None) -> Path:
    """done/ or failed/, or its subfolder of the same name (made if needed). Should that
    name be anything but a real directory, the file goes to done/ or failed/ itself."""
    if place is None:
        return directory
    sub = directory / place.folder
    with contextlib.suppress(FileExistsError):
        sub.mkdir(mode=0o700)
    return sub if _is_real_dir(sub) else directory


def _still_names(path: Path, blob: Blob, place: _Place | None = None) -> bool:
    """Whether ``path`` still names the very file that was copied into ``blob``."""
    try:
        st = os.stat(_name_in(path, place), dir_fd=place.dir_fd if place else None,
                     follow_symlinks=False)
    except FileNotFoundError:
        return False
    return blob.source_id is None or (st.st_dev, st.st_ino) == blob.source_id


def _move_if_present(source: Path, target: Path, place: _Place | None = None) -> None:
    """Move a sidecar along with its fax (renaming never opens it, whatever it is)."""
    with contextlib.suppress(FileNotFoundError):
        os.replace(_name_in(source, place), target,
                   src_dir_fd=place.dir_fd if place else None)


def _free_name(directory: Path, name: str) -> Path:
    """``name`` in ``directory``, suffixed when taken (fax servers reuse sequence names)."""
    target = directory / name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 1
    while target.exists():
        target = directory / f"{stem}.{n}{suffix}"
        n += 1
    return target


@contextlib.asynccontextmanager
async def running_hotfolder(services: Services, path: Path | None = None):
    folder = HotFolder(services, path)
    await folder.start()
    try:
        yield folder
    finally:
        await folder.stop()
