"""Several nodes on one hot folder: each file claimed by exactly one (atomic rename), and a
claim left by a node that died taken over (by the same node at once, by another once old)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ingest.hotfolder import CLAIMED, HotFolder
from ingest.pipeline import Services, open_services
from tests.conftest import make_config
from tests.test_hotfolder import faxes, unique_tiff, until


@pytest.fixture
def hot_services(tmp_path: Path, ocr_pool) -> Services:
    config = make_config(tmp_path / "var", hotfolder={
        "stability_seconds": 0.2, "rescan_seconds": 0.5, "claim_seconds": 300.0})
    services = open_services(config, pool=ocr_pool)
    yield services
    services.close()


def node(services: Services, name: str) -> HotFolder:
    folder = HotFolder(services)
    folder.node = name
    return folder


async def test_two_nodes_on_one_folder_take_each_file_once(hot_services: Services,
                                                          tmp_path: Path) -> None:
    a, b = node(hot_services, "a"), node(hot_services, "b")
    await a.start()
    await b.start()
    try:
        staged = [unique_tiff(tmp_path / f"s{n}.tif", n * 37) for n in range(30)]
        for n, path in enumerate(staged):
            os.replace(path, a.inbox / f"f{n:02d}.tif")
        done = a.inbox / "done"
        await until(lambda: len(list(done.glob("*.tif"))) == 30, 90, "30 files in done/")
    finally:
        await a.stop()
        await b.stop()
    # Each file journaled once, by one of the two: a file both had copied would count twice
    # (the second as a duplicate of the first).
    assert a.taken + b.taken == 30, (a.taken, b.taken)
    assert len(faxes(hot_services)) == 30
    assert sorted(p.name for p in (a.inbox / "done").glob("*.tif")) == [
        f"f{n:02d}.tif" for n in range(30)]
    assert [p.name for p in a.inbox.iterdir() if p.is_file()] == []


async def test_a_claim_left_by_a_dead_node_is_taken_over(hot_services: Services,
                                                        tmp_path: Path) -> None:
    inbox = Path(hot_services.config.inbox_dir)
    inbox.mkdir(parents=True)
    now = int(time.time())
    claims = {
        "old.tif": f".old.tif.claim-gone-{now - 1000}",  # another node, long dead: taken
        "fresh.tif": f".fresh.tif.claim-busy-{now}",  # another node, at it now: left alone
        "mine.tif": f".mine.tif.claim-a-{now}",  # this node before its restart: taken now
    }
    for n, claimed in enumerate(claims.values()):
        unique_tiff(inbox / claimed, 100 + n * 53)
        assert CLAIMED.match(claimed)
    folder = node(hot_services, "a")
    await folder.start()
    try:
        done = inbox / "done"
        await until(lambda: {p.name for p in done.glob("*.tif")} == {"old.tif", "mine.tif"},
                    60, "the two stale claims taken")
    finally:
        await folder.stop()
    assert (inbox / claims["fresh.tif"]).exists()
    assert sorted(f["original_name"] for f in faxes(hot_services)) == ["mine.tif", "old.tif"]
