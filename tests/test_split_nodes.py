"""The api and worker nodes' steps, in-process, on a PostgreSQL catalog with the shared spool
in S3 (SeaweedFS): what keeps the split set-up from spending time and requests the single
node does not.

- A fax's archive step runs beside the worker loop, which goes on to the next fax's OCR.
- A worker reads an original back from the shared spool in one request.
- The hot folder uploads a file to the shared spool while the pool checks that it decodes,
  and journals it only once both are done.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.hotfolder import running_hotfolder
from ingest.local import ingest_file
from ingest.pipeline import Services, open_services
from ingest.worker import worker_loop
from ocr import OcrPool
from tests.conftest import make_config
from tests.faxgen import render_fax
from tests.seaweed import ACCESS_KEY, SECRET_KEY, Seaweed


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seaweed]:
    server = Seaweed(tmp_path_factory.mktemp("seaweed"))
    server.start()
    yield server
    server.stop()


def split_services(tmp_path: Path, postgres_url: str, store: Seaweed, pool: OcrPool,
                   **archive) -> Services:
    """A node's services: PostgreSQL catalog, S3 archive, so originals go through the
    shared spool. Uploads wait long for an answer (a test stops the store mid-upload)."""
    config = make_config(
        tmp_path / "var", catalog={"url": postgres_url},
        archive={"backend": "s3", "endpoint_url": store.endpoint,
                 "bucket": f"split-{uuid.uuid4().hex[:12]}", "access_key_id": ACCESS_KEY,
                 "secret_access_key": SECRET_KEY, "create_bucket": True,
                 "timeout_seconds": 120.0, "max_attempts": 1, **archive},
        hotfolder={"enabled": True, "stability_seconds": 0.1, "rescan_seconds": 0.5})
    assert config.shares_spool
    return open_services(config, pool=pool)


@pytest.fixture
def split(tmp_path: Path, postgres_url: str, store: Seaweed,
          ocr_pool: OcrPool) -> Iterator[Services]:
    services = split_services(tmp_path, postgres_url, store, ocr_pool)
    yield services
    services.close()


async def _until(what, deadline: float, message: str) -> None:
    while not what():
        assert time.monotonic() < deadline, message
        await asyncio.sleep(0.05)


async def test_the_next_fax_is_read_while_the_last_one_uploads(split: Services,
                                                               store: Seaweed,
                                                               tmp_path: Path) -> None:
    """The store stops answering (SIGSTOP) while the first fax is archived: its upload hangs,
    yet the one worker loop OCRs the second fax meanwhile instead of waiting for it."""
    first, second = (ingest_file(split, render_fax(tmp_path / f"f{n}.tif",
                                                   [[f"Split fax {n} about a {word}"]])).fax_id
                     for n, word in ((1, "heron"), (2, "marten")))
    catalog, stop = split.catalog, asyncio.Event()
    assert store.proc is not None
    os.killpg(store.proc.pid, signal.SIGSTOP)
    try:
        loop = asyncio.create_task(worker_loop(split, stop))
        await _until(lambda: catalog.get_fax(second)["state"] == "processed",
                     time.monotonic() + 60, "the second fax waited for the first one's upload")
        # The first fax's archive step is still uploading: nothing failed or was retried;
        # both archive steps are leased to this worker, both process steps done.
        assert catalog.get_fax(first)["state"] == "processed"
        assert catalog.jobs.counts_by_state() == {"queued": 0, "running": 2, "done": 2,
                                                  "failed": 0}
        assert catalog.jobs.backlog_by_kind() == {"archive": 2}
    finally:
        os.killpg(store.proc.pid, signal.SIGCONT)
    await _until(lambda: {catalog.get_fax(i)["state"] for i in (first, second)} == {"archived"},
                 time.monotonic() + 120, "not archived once the store answered again")
    stop.set()
    await loop
    assert catalog.jobs.counts_by_state() == {"queued": 0, "running": 0, "done": 4,
                                              "failed": 0}


@pytest.mark.parametrize("locked", [False, True], ids=["unversioned", "versioned"])
def test_an_original_is_read_back_from_the_shared_spool_in_one_request(
        tmp_path: Path, postgres_url: str, store: Seaweed, ocr_pool: OcrPool,
        sample_fax: Path, locked: bool) -> None:
    """Another node took the file: this one has no local copy and fetches it, with one GET
    (no HEAD first, no listing of versions), checked against its SHA-256."""
    lock = {"object_lock_mode": "GOVERNANCE", "retention_days": 1} if locked else {}
    services = split_services(tmp_path, postgres_url, store, ocr_pool, **lock)
    try:
        blob = services.spool.store_file(sample_fax, services.config.limits.max_file_bytes)
        services.spool.share_blob(blob)
        blob.path.unlink()  # as on a node that did not take the file
        calls: list[str] = []
        services.archive.client.meta.events.register(
            "before-call.s3", lambda model, **_: calls.append(model.name))
        path = services.spool.local_blob(blob.sha256)
        assert path.read_bytes() == sample_fax.read_bytes()
        assert calls == ["GetObject"]
        calls.clear()
        missing = services.spool.local_blob("0" * 64)  # in no spool: one request, no file
        assert not missing.exists() and calls == ["GetObject"]
    finally:
        services.close()


def _hold_until(flag: str) -> None:
    """Pool task: keep this pool process busy until ``flag`` exists."""
    while not os.path.exists(flag):
        time.sleep(0.02)


async def test_a_dropped_file_is_shared_while_the_pool_checks_it(
        tmp_path: Path, postgres_url: str, store: Seaweed, sample_fax: Path) -> None:
    """The api node's pool of one is busy (a long check): the dropped file is already in the
    shared spool, and not journaled, until the check has run; then it is journaled."""
    pool = OcrPool(workers=1)
    services = split_services(tmp_path, postgres_url, store, pool)
    flag = tmp_path / "release-the-pool"
    try:
        holding = asyncio.ensure_future(pool.run(_hold_until, str(flag)))
        assert services.spool.shared is not None
        key = services.spool.shared.blob_key(hashlib.sha256(sample_fax.read_bytes()).hexdigest())
        async with running_hotfolder(services) as folder:
            staged = folder.inbox / ".drop.part"
            staged.write_bytes(sample_fax.read_bytes())
            os.replace(staged, folder.inbox / "drop.tif")
            await _until(lambda: services.archive.exists(key), time.monotonic() + 60,
                         "the upload waited for the decoding check")
            assert not holding.done()
            assert services.catalog.fax_counts_by_state() == {}  # not journaled yet
            flag.touch()
            await holding
            await _until(lambda: folder.taken == 1, time.monotonic() + 60,
                         "not journaled after the check")
        assert services.catalog.fax_counts_by_state() == {"received": 1}
        assert (folder.inbox / "done" / "drop.tif").is_file()
    finally:
        flag.touch()
        services.close()
        pool.shutdown()
