"""The process pool's own limits: time per task, address space per process, and processes
that end with the process that started them."""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.pages import FaxRejected
from ingest.pipeline import open_services, split_pages
from ocr.pool import OcrPool, PoolTaskTimedOut
from tests.conftest import make_config
from tests.faxgen import SAMPLE_PAGES, render_fax

GiB = 1024**3


def _stuck() -> None:
    """A task that never finishes (a decoder caught in a loop)."""
    while True:
        time.sleep(1)


def _allocate(size: int) -> int:
    return len(bytearray(size))


def _address_space_limit() -> int:
    return resource.getrlimit(resource.RLIMIT_AS)[0]


def _dictionary_words_known(words: list[str]) -> list[bool]:
    from ocr.pool import _get_engine

    return [word in _get_engine()._lexicon for word in words]


def wait_for_exit(pid: int, timeout: float) -> bool:
    """True once process ``pid`` has ended (woken by the kernel, not by polling)."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        readable, _, _ = select.select([fd], [], [], timeout)
        return bool(readable)
    finally:
        os.close(fd)


@pytest.fixture
def small_pool():
    pool = OcrPool(workers=1, address_space_bytes=3 * GiB)
    yield pool
    pool.shutdown()


async def test_a_task_past_its_time_limit_is_stopped_and_its_process_replaced(
        small_pool: OcrPool) -> None:
    stuck_pid = await small_pool.run(os.getpid)
    with pytest.raises(PoolTaskTimedOut, match="ran longer than 1 s"):
        await small_pool.run(_stuck, timeout=1)
    assert wait_for_exit(stuck_pid, 30), "the stuck process is still running"
    assert small_pool.restarts == 1
    assert await small_pool.run(os.getpid) != stuck_pid  # the pool works on


async def test_pool_processes_have_an_address_space_limit(small_pool: OcrPool) -> None:
    assert await small_pool.run(_address_space_limit) == 3 * GiB
    # A decoder fooled into a huge allocation fails in its process, not the host.
    with pytest.raises(MemoryError):
        await small_pool.run(_allocate, 4 * GiB)
    assert await small_pool.run(_allocate, 1024) == 1024


POOL_PARENT = """
import json, multiprocessing.resource_tracker as tracker, os, sys
from ocr.pool import OcrPool
pool = OcrPool(workers=2)
started = [pool._executor.submit(os.getpid) for _ in range(2)]  # start both processes
[future.result() for future in started]
workers = sorted(pool._executor._processes)
print(json.dumps({"workers": workers, "tracker": tracker._resource_tracker._pid}), flush=True)
sys.stdin.read()
"""


def test_pool_processes_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    """kill -9 of a service left its pool processes and their resource tracker running
    (115-175 MB each); they now end with it."""
    parent = subprocess.Popen([sys.executable, "-c", POOL_PARENT], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).parent.parent)
    try:
        started = json.loads(parent.stdout.readline())
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait(30)
        parent.stdin.close()
        parent.stdout.close()
    assert len(started["workers"]) == 2
    for pid in [*started["workers"], started["tracker"]]:
        assert wait_for_exit(pid, 30), f"process {pid} outlived its killed parent"


async def test_a_split_past_its_time_limit_fails_the_fax_with_the_reason(
        tmp_path: Path, small_pool: OcrPool) -> None:
    original = render_fax(tmp_path / "fax.tif", SAMPLE_PAGES)
    config = make_config(tmp_path / "var", limits={"split_timeout_seconds": 0.001})
    services = open_services(config, pool=small_pool)
    try:
        with pytest.raises(FaxRejected, match=r"took longer than 0.001 s "
                                              r"\(limits.split_timeout_seconds\)"):
            await split_pages(services, original, tmp_path / "pages")
    finally:
        services.close()
    assert small_pool.restarts == 1


async def test_a_page_past_its_ocr_time_limit_replaces_the_stuck_process(
        tmp_path: Path, small_pool: OcrPool) -> None:
    """The page timeout used to bound only the job: tesseract stuck on a page kept its pool
    process busy. It now stops that process (the job retries with a fresh one)."""
    from ingest.pipeline import ocr_pages

    original = render_fax(tmp_path / "fax.tif", SAMPLE_PAGES[:1])
    config = make_config(tmp_path / "var", ocr={"page_timeout_seconds": 0.001})
    services = open_services(config, pool=small_pool)
    try:
        pages = await split_pages(services, original, tmp_path / "pages")
        restarts = small_pool.restarts
        with pytest.raises(PoolTaskTimedOut, match=r"longer than 0\.001 s"):
            await ocr_pages(services, tmp_path / "work", pages)
    finally:
        services.close()
    assert small_pool.restarts == restarts + 1


async def test_the_pool_takes_its_limits_from_the_config(tmp_path: Path) -> None:
    config = make_config(tmp_path / "var", ocr={"workers": 1},
                         limits={"task_timeout_seconds": 42.0, "pool_address_space_mb": 5120})
    services = open_services(config)
    try:
        assert services.pool.task_timeout == 42.0
        assert await services.pool.run(_address_space_limit) == 5 * GiB
    finally:
        services.close()


async def test_pool_processes_get_the_dictionaries_from_their_parent(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each pool process used to read the dictionaries out of the model itself, running
    tesseract's programs in a scratch directory that a process killed meanwhile (a stuck
    page, a shutdown) left in /tmp. The parent now reads them once and hands them over: a
    process starts with them, without the programs and without a scratch directory."""
    pool = OcrPool(workers=1)  # reads the dictionaries, with the programs on PATH
    try:
        # The pool starts its processes as work arrives: this one starts where the
        # programs cannot be found and any scratch directory would land in tmp_path.
        monkeypatch.setenv("PATH", str(tmp_path))
        monkeypatch.setenv("TMPDIR", str(tmp_path))
        known = await pool.run(_dictionary_words_known, ["payment", "eligibility", "paymant"])
    finally:
        pool.shutdown()
    assert known == [True, True, False]
    assert list(tmp_path.iterdir()) == []
