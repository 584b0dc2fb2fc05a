"""A full spool (disk full, or the configured cap) delays work and loses nothing."""

from __future__ import annotations

import asyncio
import errno
from pathlib import Path

import pytest

from ingest.app import init_app
from ingest.hotfolder import HotFolder
from ingest.pipeline import open_services
from ingest.worker import worker_loop
from storage.spool import Spool, SpoolFull
from tests.conftest import make_config
from tests.fakes import FakeProvider, faxplus_app
from tests.faxgen import render_fax
from tests.world import FP_HOOK, World, faxplus_event, faxplus_record


def test_spool_cap_raises_spool_full(tmp_path: Path) -> None:
    spool = Spool(tmp_path, max_bytes=1000)
    spool.store_chunks([b"x" * 800], max_bytes=10_000)
    with pytest.raises(SpoolFull) as full:
        spool.store_chunks([b"y" * 300], max_bytes=10_000)
    assert full.value.errno == errno.ENOSPC and "spool_max_bytes" in full.value.strerror
    # The partial write is gone; only the first blob's hold (never released here) is left.
    assert [p.name.split("-")[0] for p in spool.tmp.iterdir()] == ["hold"]


def test_blobs_being_written_together_count_against_the_cap(tmp_path: Path) -> None:
    """Two writers started together must not each see the room left and both fill it: the
    bytes one is writing count as used for the other until it commits or discards."""
    spool = Spool(tmp_path, max_bytes=1000)
    first, second = spool.writer(10_000), spool.writer(10_000)
    first.write(b"x" * 600)
    with pytest.raises(SpoolFull):
        second.write(b"y" * 600)
    second.discard()
    first.discard()  # its bytes are gone: the room is back
    third = spool.writer(10_000)
    third.write(b"z" * 900)
    blob = third.commit()
    assert blob.size == 900 and spool.used_bytes() == 900
    with pytest.raises(SpoolFull):  # committed bytes count as before
        spool.store_chunks([b"w" * 200], max_bytes=10_000)


async def test_webhook_faxes_wait_for_room_then_all_archive(aiohttp_server, aiohttp_client,
                                                            tmp_path: Path, ocr_pool,
                                                            documents) -> None:
    fake = FakeProvider(token="t")
    server = await aiohttp_server(faxplus_app(fake))
    size = len(documents["tiff"])
    config = make_config(
        tmp_path / "var", limits={"spool_max_bytes": int(size * 1.5)},  # room for one fax
        faxplus={"api_base": str(server.make_url("/v3")), "token": "t",
                 "webhook_token": FP_HOOK}, http={"allow_insecure": True})
    client = await aiohttp_client(init_app(config, pool=ocr_pool))
    world = World(client, fake, fake, documents)
    for n in range(3):
        fake.faxes[f"full{n}"] = faxplus_record(f"full{n}")
        fake.files[f"full{n}"] = documents["tiff"]
        response = await client.post(f"/webhooks/faxplus/{FP_HOOK}",
                                     json=faxplus_event(f"full{n}"))
        assert response.status == 200
    for n in range(3):
        await world.archived("faxplus", f"full{n}")
    metrics = world.services.metrics
    assert metrics.jobs_finished.labels("faxplus_fax", "retry")._value.get() >= 1
    assert world.count("faxes") == 3
    assert world.services.catalog.conn.execute(
        "SELECT count(*) FROM jobs WHERE state = 'failed'").fetchone()[0] == 0


async def test_hot_folder_file_waits_in_the_inbox_when_the_spool_is_full(
        tmp_path: Path, ocr_pool) -> None:
    fax = render_fax(tmp_path / "a.tif", [["Waiting fax about a lynx"]])
    config = make_config(tmp_path / "var", limits={"spool_max_bytes": 100},
                         hotfolder={"stability_seconds": 0.1, "rescan_seconds": 0.2})
    services = open_services(config, pool=ocr_pool)
    folder = HotFolder(services)
    await folder.start()
    try:
        (folder.inbox / "a.tif").write_bytes(fax.read_bytes())
        deadline = asyncio.get_running_loop().time() + 30
        while folder.scans < 4:  # several attempts, each refused for room
            assert asyncio.get_running_loop().time() < deadline
            await asyncio.sleep(0.05)
        assert (folder.inbox / "a.tif").exists() and not list(folder.failed.iterdir())
        services.spool.max_bytes = 0  # the operator makes room
        while not (folder.done / "a.tif").exists():
            assert asyncio.get_running_loop().time() < deadline + 30
            await asyncio.sleep(0.05)
    finally:
        await folder.stop()
    ids = [r[0] for r in services.catalog.conn.execute("SELECT id FROM faxes")]
    await worker_loop(services, asyncio.Event(), fax_ids=ids, until_idle=True)
    assert services.catalog.get_fax(ids[0])["state"] == "archived"
    services.close()
