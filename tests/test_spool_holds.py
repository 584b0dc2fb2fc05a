"""A spool writer's hold: the bytes it wrote stay readable until its fax is journaled,
whatever another fax's release does to the shared content address meanwhile."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from storage.spool import Spool


def test_a_removed_address_is_put_back_from_the_hold(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    blob = spool.store_chunks([b"page one"], max_bytes=1000)
    assert blob.hold is not None and blob.hold.parent == spool.tmp
    assert blob.path.read_bytes() == blob.hold.read_bytes() == b"page one"
    spool.remove_blob(blob.sha256)  # an earlier fax with these bytes was archived
    assert not blob.path.exists() and blob.copy.read_bytes() == b"page one"
    assert spool.ensure_blob(blob)
    assert blob.path.read_bytes() == b"page one"
    spool.release_hold(blob)
    spool.release_hold(blob)  # twice is harmless
    assert not blob.hold.exists() and blob.path.read_bytes() == b"page one"
    # Without the hold nothing can be put back.
    spool.remove_blob(blob.sha256)
    assert not spool.ensure_blob(blob)


def test_the_same_bytes_written_twice_share_one_address_and_keep_two_holds(
        tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    first = spool.store_chunks([b"same"], max_bytes=1000)
    second = spool.store_chunks([b"same"], max_bytes=1000)
    assert first.path == second.path and first.hold != second.hold
    spool.release_hold(first)
    spool.remove_blob(first.sha256)
    assert spool.ensure_blob(second) and second.path.read_bytes() == b"same"


def test_a_dead_writers_files_are_swept_a_live_ones_kept(tmp_path: Path) -> None:
    Spool(tmp_path)  # creates tmp/
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          check=True, capture_output=True, text=True)
    dead_pid = int(gone.stdout)  # exited and reaped
    live = Spool(tmp_path).store_chunks([b"kept"], max_bytes=1000)
    names = [f"hold-{dead_pid}-0a1b", f"in-{dead_pid}-0a1b", f"link-{dead_pid}-0a1b"]
    for name in names:
        (tmp_path / "tmp" / name).write_bytes(b"left by a crash")
    # This very pid, but written an hour before this process started: an earlier process
    # that had the same pid (a container's service is pid 1 at every start) crashed.
    reused = tmp_path / "tmp" / f"hold-{os.getpid()}-0c0d"
    reused.write_bytes(b"left by a crash of an earlier process")
    an_hour_ago = time.time() - 3600
    os.utime(reused, (an_hour_ago, an_hour_ago))
    (tmp_path / "tmp" / "scratch").mkdir()  # not a writer's file: left alone
    spool = Spool(tmp_path)
    left = sorted(p.name for p in spool.tmp.iterdir())
    assert left == sorted([live.hold.name, "scratch"])
