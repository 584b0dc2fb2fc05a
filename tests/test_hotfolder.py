"""The hot folder with real watchdog observers, real files, the real pool."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import random
import stat
import subprocess
import tempfile
import threading
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, TiffImagePlugin

from ingest.config import config_from_mapping
from ingest.faxserver import parse_description, read_tiff_tags
from ingest.hotfolder import HotFolder, is_ignored
from ingest.pipeline import Services, open_services
from storage.catalog import utcnow_iso
from tests.cliutil import wait_until_async
from tests.conftest import make_config
from tests.faxgen import as_jbig, render_fax
from tests.tiff_bomb import write_bomb


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
    """A received-fax TIFF carrying the tags HylaFAX's faxd writes, written with Pillow."""
    source = path.with_suffix(".src.tif")
    source.write_bytes(fax_bytes)
    with Image.open(source) as image:
        info = TiffImagePlugin.ImageFileDirectory_v2()
        info[270] = "ACME MEDICAL\nName\tAcme Billing\nNumber\t+1 555 201 4477"
        info[305] = "HylaFAX (tm) Version 7.0.7"
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
        {"to": "+1 555 987 0000", "provider": "hylafax", "provider_fax_id": "host1:124",
         "received_at": "2026-11-20T08:15:03+00:00"}))
    os.replace(hylafax_tiff(tmp_path / "fax000000124.tif", fax_bytes),
               folder.inbox / "fax000000124.tif")
    os.replace(tagged, folder.inbox / "fax000000123.tif")
    started = utcnow_iso()
    await folder.start()
    try:
        await until(lambda: len(faxes(hot_services)) == 2, what="both taken")
        await until(lambda: (folder.done / "fax000000124.json").exists(), what="sidecar moved")
    finally:
        await folder.stop()
    by_provider = {f["provider"]: f for f in faxes(hot_services)}
    tagged_fax, with_sidecar = by_provider["local"], by_provider["hylafax"]
    assert (with_sidecar["provider"], with_sidecar["provider_fax_id"]) == ("hylafax", "host1:124")
    assert with_sidecar["received_at"] == "2026-11-20T08:15:03Z"  # the sidecar's, in UTC
    assert tagged_fax["from_raw"] == "+1 555 201 4477"
    # DateTime is the fax server's local clock without a zone: kept, never the receive time.
    assert tagged_fax["received_at"] >= started
    metadata = json.loads(tagged_fax["metadata"])
    assert metadata["fax_server"] == {
        "tsi": "ACME MEDICAL", "caller_name": "Acme Billing",
        "caller_number": "+1 555 201 4477", "subaddress": "1234", "receive_seconds": 42,
        "server_local_time": "2026:11:20 09:15:00"}
    assert metadata["file_tags"]["Software"] == "HylaFAX (tm) Version 7.0.7"
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
    # HylaFAX's placeholder for a sender without TSI is not a sender.
    assert parse_description("<UNSPECIFIED>\nNumber\t") == {}


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


# -- trust: what is read, from where, and what is kept ------------------------------------------
def ready_folder(services: Services) -> HotFolder:
    """A hot folder whose ``take`` the test calls itself (no observer, no timing)."""
    folder = HotFolder(services)
    for directory in (folder.inbox, folder.done, folder.failed):
        directory.mkdir(parents=True, exist_ok=True)
    return folder


def spooled(services: Services) -> set[str]:
    return {p.name for p in services.spool.blobs.rglob("*") if p.is_file()}


def drop(folder: HotFolder, name: str, data: bytes, sidecar: dict | None = None) -> Path:
    if sidecar is not None:
        (folder.inbox / name).with_suffix(".json").write_text(json.dumps(sidecar))
    target = folder.inbox / name
    target.write_bytes(data)
    return target


class GatedExecutor(ThreadPoolExecutor):
    """The loop's default executor (asyncio.to_thread), letting the first ``let_through``
    hand-offs run and holding the rest until ``gate`` opens: the test acts in between."""

    def __init__(self, let_through: int) -> None:
        super().__init__(max_workers=4)
        self.let_through = let_through
        self.gate = threading.Event()
        self.held = asyncio.Event()

    def submit(self, fn, /, *args, **kwargs):
        if self.let_through > 0:
            self.let_through -= 1
            return super().submit(fn, *args, **kwargs)
        self.held.set()
        gate = self.gate

        def after_gate():
            gate.wait(60)
            return fn(*args, **kwargs)

        return super().submit(after_gate)


@pytest.mark.parametrize("swap_after_handoffs", [0, 1, 2])
async def test_a_file_swapped_for_a_symlink_mid_take_never_reads_the_target(
        hot_services: Services, fax_bytes: bytes, tmp_path: Path,
        swap_after_handoffs: int) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"patient list: do not read\n")
    secret.chmod(0o600)
    folder = ready_folder(hot_services)
    path = drop(folder, "swap.tif", fax_bytes)
    executor = GatedExecutor(swap_after_handoffs)
    loop = asyncio.get_running_loop()
    loop.set_default_executor(executor)
    take = asyncio.create_task(folder.take(path))
    await asyncio.wait([take, asyncio.create_task(executor.held.wait())],
                       return_when=asyncio.FIRST_COMPLETED)
    link = folder.inbox / ".swap-link"
    link.symlink_to(secret)
    os.replace(link, path)  # the name now points at the secret
    executor.gate.set()
    await take
    secret_sha = hashlib.sha256(secret.read_bytes()).hexdigest()
    assert secret_sha not in spooled(hot_services)
    assert {f["original_sha256"] for f in faxes(hot_services)} <= {
        hashlib.sha256(fax_bytes).hexdigest()}
    assert path.is_symlink()  # a link is never moved, opened or followed


async def test_a_fifo_swapped_in_neither_blocks_the_loop_nor_is_taken(
        hot_services: Services) -> None:
    folder = ready_folder(hot_services)
    fifo = folder.inbox / "fifo.tif"
    os.mkfifo(fifo)
    finished, released = threading.Event(), threading.Event()

    def writer_of_last_resort() -> None:
        # If take() blocks the event loop in open(), nothing on the loop can run; after 10 s
        # this thread opens the FIFO for writing (again and again) so the test can end, and
        # the test fails on ``released``.
        if finished.wait(10):
            return
        released.set()
        while not finished.wait(0.05):
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    valve = threading.Thread(target=writer_of_last_resort)
    valve.start()
    try:
        await folder.take(fifo)
    finally:
        finished.set()
        valve.join()
    assert not released.is_set(), "take() blocked the event loop on a FIFO"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # left alone
    assert faxes(hot_services) == []


async def test_a_reused_fax_server_id_with_other_bytes_keeps_both_faxes(
        hot_services: Services, tmp_path: Path) -> None:
    folder = ready_folder(hot_services)
    first, second = (unique_tiff(tmp_path / f"{n}.tif", n).read_bytes() for n in (1, 2))
    sidecar = {"provider": "hylafax", "provider_fax_id": "faxhost:000000007"}
    await folder.take(drop(folder, "fax000000001-000000007.tif", first, sidecar))
    await folder.take(drop(folder, "fax000000002-000000007.tif", second, sidecar))
    rows = faxes(hot_services)
    assert [r["original_sha256"] for r in rows] == [hashlib.sha256(b).hexdigest()
                                                    for b in (first, second)]
    assert rows[0]["provider_fax_id"] == "faxhost:000000007"
    assert rows[1]["provider_fax_id"] == f"faxhost:000000007/sha256:{rows[1]['original_sha256']}"
    assert json.loads(rows[1]["metadata"])["id_collision"] == {
        "provider_fax_id": "faxhost:000000007", "other_fax": rows[0]["id"]}
    assert {r["original_sha256"] for r in rows} <= spooled(hot_services)  # both kept
    # The second file dropped again (a crash before its move) is a duplicate, not a third fax.
    await folder.take(drop(folder, "fax000000002-000000007.tif", second, sidecar))
    assert len(faxes(hot_services)) == 2


async def test_retention_runs_from_when_faxvault_received_the_fax(
        tmp_path: Path, ocr_pool, fax_bytes: bytes) -> None:
    from ingest.compliance import RetentionRefused, delete_fax
    from ingest.worker import worker_loop

    config = make_config(tmp_path / "var", archive={"retention_days": 2192})
    services = open_services(config, pool=ocr_pool)
    try:
        folder = ready_folder(services)
        await folder.take(drop(folder, "old.tif", fax_bytes, {
            "provider": "hylafax", "provider_fax_id": "h:1",
            "received_at": "1990-01-02T03:04:05Z"}))
        [fax] = faxes(services)
        assert fax["received_at"] == "1990-01-02T03:04:05Z"  # what the fax server said
        await worker_loop(services, asyncio.Event(), fax_ids=[fax["id"]], until_idle=True)
        journaled = dt.datetime.fromisoformat(
            services.catalog.get_fax(fax["id"])["created_at"].replace("Z", "+00:00"))
        for obj in services.catalog.archive_objects(fax["id"]):
            assert obj["retain_until"] == (journaled + dt.timedelta(days=2192)).strftime(
                "%Y-%m-%dT%H:%M:%SZ")
        with pytest.raises(RetentionRefused, match="must be kept until"):
            delete_fax(services, fax["id"], "test", "minutes after archiving")
    finally:
        services.close()


@pytest.mark.parametrize("claimed, reason", [
    ("2999-01-01T00:00:00Z", "in the future"),
    ("yesterday", "not an ISO 8601 time"),
    ("2026-11-20T09:15:00", "no time zone"),
])
async def test_a_sidecar_with_an_impossible_date_is_refused_with_the_reason(
        hot_services: Services, fax_bytes: bytes, claimed: str, reason: str) -> None:
    folder = ready_folder(hot_services)
    await folder.take(drop(folder, "dated.tif", fax_bytes, {"received_at": claimed}))
    assert reason in (folder.failed / "dated.tif.error.txt").read_text()
    assert (folder.failed / "dated.tif").read_bytes() == fax_bytes  # kept
    assert faxes(hot_services) == []


def netpbm_tiff(directory: Path, text: str, *tags: tuple[str, str]) -> Path:
    """A page written by tools nobody here wrote: pbmtext + pnmtotiff (which put their own
    ImageDescription and DocumentName in), then libtiff's tiffcp to G3 and tiffset."""
    small, pbm = directory / "small.pbm", directory / "page.pbm"
    with open(small, "wb") as out:
        subprocess.run(["pbmtext", text], stdout=out, check=True, timeout=60)
    with open(pbm, "wb") as out:
        subprocess.run(["pnmenlarge", "4", str(small)], stdout=out, check=True, timeout=60)
    g4 = directory / "page-g4.tif"
    with open(g4, "wb") as out:
        subprocess.run(["pnmtotiff", "-g4", "-xresolution", "204", "-yresolution", "196",
                        pbm.name], cwd=directory, stdout=out, stderr=subprocess.DEVNULL,
                       check=True, timeout=60)
    g3 = directory / f"{len(tags)}-g3.tif"
    subprocess.run(["tiffcp", "-c", "g3", str(g4), str(g3)], check=True, timeout=60)
    for tag, value in tags:
        subprocess.run(["tiffset", "-s", tag, value, str(g3)], check=True, timeout=60)
    return g3


async def test_tags_of_files_no_fax_server_wrote_are_file_tags_not_call_data(
        hot_services: Services, tmp_path: Path) -> None:
    folder = ready_folder(hot_services)
    netpbm = netpbm_tiff(tmp_path, "Referral for Dana")
    scanner = netpbm_tiff(tmp_path, "Invoice 4471", ("270", "Kofax PDF Filter - version 3.75."),
                          ("306", "2005:03:01 10:00:00"), ("305", "Kofax"))
    started = utcnow_iso()
    await folder.take(drop(folder, "netpbm.tif", netpbm.read_bytes()))
    await folder.take(drop(folder, "scan.tif", scanner.read_bytes()))
    by_name = {f["original_name"]: f for f in faxes(hot_services)}
    assert set(by_name) == {"netpbm.tif", "scan.tif"}
    for fax in by_name.values():
        assert fax["from_raw"] is None  # no sender invented: the no-caller-id signal stays on
        assert fax["received_at"] >= started  # a 2005 scan date is not the receive time
        assert "fax_server" not in json.loads(fax["metadata"])
    assert json.loads(by_name["netpbm.tif"]["metadata"])["file_tags"] == {
        "DocumentName": "page.pbm", "ImageDescription": "converted PNM file"}
    assert json.loads(by_name["scan.tif"]["metadata"])["file_tags"] == {
        "DocumentName": "page.pbm", "ImageDescription": "Kofax PDF Filter - version 3.75.",
        "DateTime": "2005:03:01 10:00:00", "Software": "Kofax"}


async def test_a_tag_bomb_costs_the_tag_reader_nothing(hot_services: Services,
                                                       tmp_path: Path) -> None:
    folder = ready_folder(hot_services)
    page = unique_tiff(tmp_path / "page.tif", 5)
    bomb = write_bomb(page, tmp_path / "bomb.tif")  # 16 MB: two million rationals in one tag
    path = drop(folder, "bomb.tif", bomb.read_bytes())
    tracemalloc.start()
    try:
        await folder.take(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # This process copies the file in 1 MB chunks and reads a few tags; the old reader
    # unpacked every value of every tag (about 300 MB here).
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
    [fax] = faxes(hot_services)
    assert fax["original_sha256"] == hashlib.sha256(bomb.read_bytes()).hexdigest()


async def test_file_names_are_logged_quoted(hot_services: Services, fax_bytes: bytes,
                                            caplog: pytest.LogCaptureFixture) -> None:
    folder = ready_folder(hot_services)
    forged = "fax.tif\n2026-12-01 INFO faxvault.audit all clear"
    with caplog.at_level(logging.INFO, logger="faxvault"):
        await folder.take(drop(folder, forged, fax_bytes))
        await folder.take(drop(folder, "bad\r\nname.tif", b"II*\x00broken"))
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("faxvault")]
    assert any(repr(forged) in m for m in messages)
    assert any(repr("bad\r\nname.tif") in m for m in messages)
    assert not any("\n" in m or "\r" in m for m in messages)


def test_tag_reader_takes_any_bytes() -> None:
    for seed in range(300):
        data = random.Random(seed).randbytes(random.Random(seed).randrange(0, 400))
        for head in (b"II*\x00", b"MM\x00*"):
            with tempfile.NamedTemporaryFile() as f:
                f.write(head + data)
                f.flush()
                tags = read_tiff_tags(Path(f.name))
            assert all(isinstance(v, (str, int)) for v in tags.values())
            assert all(len(v) <= 4096 for v in tags.values() if isinstance(v, str))


# -- subfolders: routing by folder ---------------------------------------------------------
@pytest.mark.parametrize("poll", [False, True])
async def test_a_file_in_a_subfolder_is_routed_by_its_folder_rule(
        tmp_path: Path, ocr_pool, fax_bytes: bytes, poll: bool) -> None:
    from ingest.worker import worker_loop

    config = config_from_mapping({
        "paths": {"data_dir": str(tmp_path / "var")}, "worker": {"poll_seconds": 0.05},
        "hotfolder": {"stability_seconds": 0.3, "rescan_seconds": 30, "poll": poll},
        "inbox": {"default_mailbox": "front"},
        "routing": [{"mailbox": "referrals", "folder": ["referrals"]}]}, env={})
    services = open_services(config, pool=ocr_pool)
    folder = HotFolder(services)
    try:
        await folder.start()
        referrals = folder.inbox / "referrals"
        referrals.mkdir()  # made while watched: its files are seen without a rescan
        await until(lambda: str(referrals) in folder._watched or poll, what="watched")
        (referrals / "r.tif").write_bytes(fax_bytes)
        (folder.inbox / "top.tif").write_bytes(unique_tiff(tmp_path / "u.tif", 7).read_bytes())
        await until(lambda: (folder.done / "referrals" / "r.tif").exists()
                    and (folder.done / "top.tif").exists(), what="both taken")
        await folder.stop()
        by_name = {f["original_name"]: f for f in faxes(services)}
        assert json.loads(by_name["r.tif"]["metadata"])["folder"] == "referrals"
        assert "folder" not in json.loads(by_name["top.tif"]["metadata"])
        await worker_loop(services, asyncio.Event(), fax_ids=list(
            f["id"] for f in by_name.values()), until_idle=True)
        assert services.catalog.people.fax_mailbox(by_name["r.tif"]["id"]) == "referrals"
        assert services.catalog.people.fax_mailbox(by_name["top.tif"]["id"]) == "front"
        assert not (referrals / "r.tif").exists() and referrals.is_dir()
    finally:
        await folder.stop()
        services.close()


async def test_done_failed_ignored_and_symlinked_subfolders_are_not_taken(
        hot_services: Services, fax_bytes: bytes, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "elsewhere.tif").write_bytes(fax_bytes)
    folder = ready_folder(hot_services)
    (folder.inbox / "linked").symlink_to(outside, target_is_directory=True)
    for own in ("done", "failed", ".hidden", "@eaDir"):
        (folder.inbox / own).mkdir(exist_ok=True)
        (folder.inbox / own / "kept.tif").write_bytes(fax_bytes)
    (folder.inbox / "scans" / "deeper").mkdir(parents=True)  # only one level down
    (folder.inbox / "scans" / "deeper" / "d.tif").write_bytes(fax_bytes)
    (folder.inbox / "scans" / "bad.tif").write_bytes(b"II*\x00" + b"\x11" * 300)
    await folder.start()
    try:
        await until(lambda: (folder.failed / "scans" / "bad.tif.error.txt").exists(),
                    what="the corrupt file refused")
        scans = folder.scans  # two more full rescans: nothing else may be taken
        await until(lambda: folder.scans >= scans + 2, what="two rescans")
        await until(lambda: not folder._candidates and not folder._in_flight, what="idle")
    finally:
        await folder.stop()
    assert faxes(hot_services) == []
    assert "unreadable TIFF" in (folder.failed / "scans" / "bad.tif.error.txt").read_text()
    assert (outside / "elsewhere.tif").read_bytes() == fax_bytes  # never entered
    assert str(folder.inbox / "linked") not in folder._watched
    for own in ("done", "failed", ".hidden", "@eaDir"):
        assert (folder.inbox / own / "kept.tif").exists()
    assert (folder.inbox / "scans" / "deeper" / "d.tif").exists()


@pytest.mark.parametrize("swap_after_handoffs", [0, 1])
async def test_a_subfolder_swapped_for_a_symlink_mid_take_never_reads_the_target(
        hot_services: Services, fax_bytes: bytes, tmp_path: Path,
        swap_after_handoffs: int) -> None:
    secret_dir = tmp_path / "secret"
    secret_dir.mkdir()
    (secret_dir / "swap.tif").write_bytes(b"patient list: do not read\n")
    folder = ready_folder(hot_services)
    (folder.inbox / "referrals").mkdir()
    path = folder.inbox / "referrals" / "swap.tif"
    path.write_bytes(fax_bytes)
    executor = GatedExecutor(swap_after_handoffs)
    asyncio.get_running_loop().set_default_executor(executor)
    take = asyncio.create_task(folder.take(path))
    await asyncio.wait([take, asyncio.create_task(executor.held.wait())],
                       return_when=asyncio.FIRST_COMPLETED)
    os.rename(folder.inbox / "referrals", folder.inbox / ".moved")
    (folder.inbox / "referrals").symlink_to(secret_dir, target_is_directory=True)
    executor.gate.set()
    await take
    secret_sha = hashlib.sha256((secret_dir / "swap.tif").read_bytes()).hexdigest()
    assert secret_sha not in spooled(hot_services)
    assert (secret_dir / "swap.tif").exists()  # never moved through the link
    assert {f["original_sha256"] for f in faxes(hot_services)} <= {
        hashlib.sha256(fax_bytes).hexdigest()}
