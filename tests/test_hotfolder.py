"""The hot folder with real watchdog observers, real files, the real pool."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
from pathlib import Path

import pytest
from PIL import Image, TiffImagePlugin

from ingest.faxserver import parse_description
from ingest.hotfolder import HotFolder, is_ignored
from ingest.pipeline import Services, open_services
from tests.cliutil import wait_until_async
from tests.conftest import make_config
from tests.faxgen import as_jbig, render_fax


@pytest.fixture(scope="module")
def fax_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    root = tmp_path_factory.mktemp("hot")
    return render_fax(root / "f.tif", [["Hot folder fax about a manatee"]]).read_bytes()


@pytest.fixture
def hot_services(tmp_path: Path, ocr_pool) -> Services:
    config = make_config(tmp_path / "var",
                         hotfolder={"stability_seconds": 0.3, "rescan_seconds": 0.5})
    services = open_services(config, pool=ocr_pool)
    yield services
    services.close()


async def until(predicate, timeout: float = 30, what: str = "condition"):
    return await wait_until_async(predicate, timeout, what)


def faxes(services: Services) -> list[dict]:
    return [dict(r) for r in services.catalog.conn.execute(
        "SELECT id, original_sha256, original_name, from_raw, received_at, metadata, provider,"
        " provider_fax_id FROM faxes ORDER BY created_at")]


def unique_tiff(path: Path, n: int) -> Path:
    """A small distinct G4 fax page (distinct bytes per n)."""
    image = Image.new("1", (1728, 200), 1)
    for x in range(n % 1700, n % 1700 + 20):
        for y in range(10 + n // 1700, 30 + n // 1700):
            image.putpixel((x, y), 0)
    image.save(path, format="TIFF", compression="group4", dpi=(204, 98))
    return path


@pytest.mark.parametrize("poll", [False, True])
async def test_a_slowly_written_file_is_taken_once_after_it_settles(
        hot_services: Services, fax_bytes: bytes, poll: bool) -> None:
    folder = HotFolder(hot_services)
    folder.poll = poll
    await folder.start()
    try:
        target = folder.inbox / "slow.tif"
        with open(target, "wb") as out:
            for start in range(0, len(fax_bytes), 256):
                out.write(fax_bytes[start:start + 256])
                out.flush()
                await asyncio.sleep(0.05)  # the writer's pace (shorter than stability)
        await until(lambda: (folder.done / "slow.tif").exists(), what="moved to done/")
    finally:
        await folder.stop()
    [fax] = faxes(hot_services)
    assert fax["original_sha256"] == hashlib.sha256(fax_bytes).hexdigest()  # whole file
    assert fax["original_name"] == "slow.tif"
    assert not target.exists()


async def test_renamed_into_place_and_litter_ignored(hot_services: Services,
                                                     fax_bytes: bytes) -> None:
    folder = HotFolder(hot_services)
    await folder.start()
    try:
        part = folder.inbox / "incoming.tif.part"
        part.write_bytes(fax_bytes)
        for litter in (".hidden.tif", "Thumbs.db", ".DS_Store", "~$lock.tif", "x.tmp"):
            (folder.inbox / litter).write_bytes(fax_bytes)
        (folder.inbox / "link.tif").symlink_to(part)
        os.rename(part, folder.inbox / "incoming.tif")
        await until(lambda: (folder.done / "incoming.tif").exists(), what="taken")
        scans = folder.scans  # two more full rescans: the litter must still be left alone
        await until(lambda: folder.scans >= scans + 2, what="two rescans")
        await until(lambda: not folder._candidates and not folder._in_flight, what="idle")
    finally:
        await folder.stop()
    assert len(faxes(hot_services)) == 1
    assert (folder.inbox / "Thumbs.db").exists() and (folder.inbox / "link.tif").is_symlink()


async def test_two_hundred_files_at_once_each_ingested_once(hot_services: Services,
                                                            tmp_path: Path) -> None:
    folder = HotFolder(hot_services)
    await folder.start()
    staging = tmp_path / "staging"
    staging.mkdir()
    try:
        for n in range(200):
            unique_tiff(staging / f"fax{n:03d}.tif", n)
        for n in range(200):
            os.rename(staging / f"fax{n:03d}.tif", folder.inbox / f"fax{n:03d}.tif")
        await until(lambda: len(list(folder.done.iterdir())) == 200, timeout=120,
                    what="200 files in done/")
    finally:
        await folder.stop()
    rows = faxes(hot_services)
    assert len(rows) == 200 and len({r["original_sha256"] for r in rows}) == 200
    assert hot_services.catalog.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 200


async def test_files_waiting_at_start_and_dropped_while_unwatched(hot_services: Services,
                                                                  tmp_path: Path) -> None:
    folder = HotFolder(hot_services)
    folder.inbox.mkdir(parents=True)
    unique_tiff(folder.inbox / "waiting.tif", 1)
    await folder.start()
    try:
        await until(lambda: (folder.done / "waiting.tif").exists(), what="startup scan")
        folder.stop_observer()  # events are missed from here on
        unique_tiff(folder.inbox / "unwatched.tif", 2)
        await until(lambda: (folder.done / "unwatched.tif").exists(), what="rescan")
    finally:
        await folder.stop()
    assert len(faxes(hot_services)) == 2


async def test_corrupt_file_goes_to_failed_with_its_reason(hot_services: Services) -> None:
    folder = HotFolder(hot_services)
    await folder.start()
    try:
        (folder.inbox / "broken.tif").write_bytes(b"II*\x00" + b"\x11" * 300)
        (folder.inbox / "photo.tif").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
        await until(lambda: len(list(folder.failed.glob("*.error.txt"))) == 2, what="refused")
    finally:
        await folder.stop()
    assert "unreadable TIFF" in (folder.failed / "broken.tif.error.txt").read_text()
    assert "not a TIFF or PDF" in (folder.failed / "photo.tif.error.txt").read_text()
    assert (folder.failed / "broken.tif").read_bytes().startswith(b"II*\x00")  # kept
    assert faxes(hot_services) == []


async def test_restart_after_journal_before_move_is_not_ingested_twice(
        hot_services: Services, fax_bytes: bytes) -> None:
    folder = HotFolder(hot_services)
    folder.inbox.mkdir(parents=True)
    (folder.inbox / "again.tif").write_bytes(fax_bytes)
    await folder.start()
    try:
        await until(lambda: (folder.done / "again.tif").exists(), what="taken")
        # As if the process had died after journaling and before the move:
        os.replace(folder.done / "again.tif", folder.inbox / "again.tif")
        await until(lambda: folder.taken == 2, what="taken again")
        assert (folder.done / "again.tif").exists()
    finally:
        await folder.stop()
    assert len(faxes(hot_services)) == 1


def hylafax_tiff(path: Path, fax_bytes: bytes) -> Path:
    """A received-fax TIFF carrying HylaFAX's tags, written with Pillow."""
    source = path.with_suffix(".src.tif")
    source.write_bytes(fax_bytes)
    with Image.open(source) as image:
        info = TiffImagePlugin.ImageFileDirectory_v2()
        info[270] = "ACME MEDICAL\nName\tAcme Billing\nNumber\t+1 555 201 4477"
        info[306] = "2026:11:20 09:15:00"
        info[34909] = "1234"
        info.tagtype[34910] = 4  # LONG
        info[34910] = 42
        image.save(path, format="TIFF", compression="group4", tiffinfo=info,
                   dpi=(204, 98))
    source.unlink()
    return path


async def test_hylafax_tags_and_sidecar_become_metadata(hot_services: Services,
                                                        fax_bytes: bytes,
                                                        tmp_path: Path) -> None:
    folder = HotFolder(hot_services)
    folder.inbox.mkdir(parents=True)
    tagged = hylafax_tiff(tmp_path / "fax000000123.tif", fax_bytes)
    (folder.inbox / "fax000000124.json").write_text(json.dumps(
        {"to": "+1 555 987 0000", "provider": "hylafax", "provider_fax_id": "host1:124"}))
    os.replace(hylafax_tiff(tmp_path / "fax000000124.tif", fax_bytes),
               folder.inbox / "fax000000124.tif")
    os.replace(tagged, folder.inbox / "fax000000123.tif")
    await folder.start()
    try:
        await until(lambda: len(faxes(hot_services)) == 2, what="both taken")
        await until(lambda: (folder.done / "fax000000124.json").exists(), what="sidecar moved")
    finally:
        await folder.stop()
    by_provider = {f["provider"]: f for f in faxes(hot_services)}
    tagged_fax, with_sidecar = by_provider["local"], by_provider["hylafax"]
    assert (with_sidecar["provider"], with_sidecar["provider_fax_id"]) == ("hylafax", "host1:124")
    assert tagged_fax["from_raw"] == "+1 555 201 4477"
    assert tagged_fax["received_at"] == "2026-11-20T09:15:00Z"
    server = json.loads(tagged_fax["metadata"])["fax_server"]
    assert server == {"tsi": "ACME MEDICAL", "caller_name": "Acme Billing",
                      "caller_number": "+1 555 201 4477", "subaddress": "1234",
                      "receive_seconds": 42}
    to = hot_services.catalog.get_fax(with_sidecar["id"])["to_number"]
    assert to == "+15559870000"


async def test_jbig_tiff_is_refused_with_advice(hot_services: Services,
                                                fax_bytes: bytes) -> None:
    folder = HotFolder(hot_services)
    folder.inbox.mkdir(parents=True)
    (folder.inbox / "jbig.tif").write_bytes(as_jbig(fax_bytes))
    await folder.start()
    try:
        await until(lambda: (folder.failed / "jbig.tif.error.txt").exists(), what="refused")
    finally:
        await folder.stop()
    assert "JBIG" in (folder.failed / "jbig.tif.error.txt").read_text()


def test_ignore_rules() -> None:
    for name in (".x.tif", "a.part", "a.TMP", "~$a.tif", ".DS_Store", "Thumbs.db", "@eaDir",
                 "__MACOSX", "a.json", "a.tif.error.txt"):
        assert is_ignored(name), name
    for name in ("fax000001.tif", "scan.pdf", "FAX.TIF"):
        assert not is_ignored(name), name


def test_description_parsing_tolerates_odd_lines() -> None:
    assert parse_description("TSI ONLY") == {"tsi": "TSI ONLY"}
    assert parse_description("Name\tBob\n\nbad line\nNumber\t123") == {
        "caller_name": "Bob", "caller_number": "123"}


def test_hylafax_faxrcvd_wrapper_hands_over_tiff_and_sidecar(tmp_path: Path,
                                                            fax_bytes: bytes) -> None:
    import subprocess

    from ingest.faxserver import read_sidecar

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    received = tmp_path / "recvq" / "fax000000042.tif"
    received.parent.mkdir()
    received.write_bytes(fax_bytes)
    script = Path(__file__).parents[1] / "contrib" / "hylafax" / "faxrcvd-faxvault"
    subprocess.run(["sh", str(script), str(received), "ttyS0", "000000123", "",
                    '+1 555 "201" 4477'], check=True, env={**os.environ,
                                                         "FAXVAULT_INBOX": str(inbox)},
                   timeout=30)
    assert sorted(p.name for p in inbox.iterdir()) == ["fax000000042-000000123.json",
                                                        "fax000000042-000000123.tif"]
    assert (inbox / "fax000000042-000000123.tif").read_bytes() == fax_bytes
    sidecar = read_sidecar(inbox / "fax000000042-000000123.json")
    assert sidecar["provider"] == "hylafax" and sidecar["from"] == '+1 555 "201" 4477'
    assert sidecar["provider_fax_id"].endswith(":000000123")
