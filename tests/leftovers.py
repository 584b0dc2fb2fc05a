"""Processes a test session leaves behind: its descendants still running when it ends."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing.resource_tracker
import os
import select
import signal
import time
from dataclasses import dataclass
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


@dataclass(frozen=True)
class Process:
    pid: int
    ppid: int
    state: str
    command: str


def become_subreaper() -> None:
    """Orphaned descendants get this process as their parent (Linux prctl)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _read(pid: int) -> Process | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    # The command name (in parentheses) may hold spaces: the fields follow its last ")".
    fields = stat[stat.rindex(")") + 2:].split()
    command = raw.replace(b"\0", b" ").decode(errors="replace").strip()[:200]
    return Process(pid, int(fields[1]), fields[0], command)


def descendants(root: int | None = None) -> list[Process]:
    """Live (not zombie) processes whose chain of parents leads to ``root``."""
    root = os.getpid() if root is None else root
    processes = [p for p in (_read(int(e.name)) for e in os.scandir("/proc") if e.name.isdigit())
                 if p is not None]
    children: dict[int, list[Process]] = {}
    for process in processes:
        children.setdefault(process.ppid, []).append(process)
    found, queue = [], [root]
    while queue:
        for child in children.get(queue.pop(), []):
            found.append(child)
            queue.append(child.pid)
    return [p for p in found if p.state != "Z"]


def _own_resource_tracker() -> int | None:
    # The session's own multiprocessing helper: it lives as long as this process does.
    return getattr(multiprocessing.resource_tracker._resource_tracker, "_pid", None)


def descendants_still_running(grace_seconds: float) -> list[Process]:
    """Descendants still running once those already ending have had ``grace_seconds``."""
    deadline = time.monotonic() + grace_seconds
    while True:
        keep = _own_resource_tracker()
        remaining = [p for p in descendants() if p.pid != keep]
        left = deadline - time.monotonic()
        if not remaining or left <= 0:
            return remaining
        _wait_any_exit([p.pid for p in remaining], left)


def _wait_any_exit(pids: list[int], timeout: float) -> None:
    fds = []
    for pid in pids:
        with contextlib.suppress(OSError):
            fds.append(os.pidfd_open(pid))
    try:
        if fds:
            select.select(fds, [], [], timeout)
    finally:
        for fd in fds:
            os.close(fd)


def kill(processes: list[Process]) -> None:
    for process in processes:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGKILL)
