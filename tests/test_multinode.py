"""Two ``faxvault serve`` nodes on one PostgreSQL and one SeaweedFS (tests/multinode.py):
webhooks spread over both nodes' routes and files in one shared hot folder, one node
SIGKILLed mid-run and restarted; every fax archived exactly once and searchable from either
node. And the split: an api node alone journals and acknowledges, a worker node alone
finishes the jobs, woken across processes by the queue's notifications."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.multinode import (
    MultiNodeWorld,
    jobs_done_by_node,
    render_strips,
    takes_by_node,
    word_for,
)
from tests.postgres import PostgresServer
from tests.seaweed import Seaweed

DELIVERIES, FILES = 200, 50


@pytest.fixture(scope="module")
def seaweed(tmp_path_factory: pytest.TempPathFactory) -> Seaweed:
    server = Seaweed(tmp_path_factory.mktemp("seaweed"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def world(tmp_path: Path, postgres_server: PostgresServer,
                seaweed: Seaweed) -> AsyncIterator[MultiNodeWorld]:
    with postgres_server.database() as url:
        world = MultiNodeWorld(tmp_path, url, seaweed, bucket=f"mn-{tmp_path.name[-20:]}"
                               .lower().replace("_", "-"))
        await world.start_provider()
        try:
            yield world
        finally:
            await world.stop_all()


async def _deliver_all(world: MultiNodeWorld, fax_ids: list[str], deadline: float) -> None:
    """Like a provider: each delivery goes to a node's route (alternating) and is re-sent,
    to the other node, until acknowledged."""
    nodes = list(world.nodes.values())
    async with aiohttp.ClientSession() as session:
        for n, fax_id in enumerate(fax_ids):
            attempt = 0
            while not await world.deliver(session, nodes[(n + attempt) % len(nodes)], fax_id):
                attempt += 1
                assert time.monotonic() < deadline, f"{fax_id} never acknowledged"
                await asyncio.sleep(0.05)  # a provider's retry interval, not synchronisation


# Past the suite's 300 s per test: under heavy load from other work this run has taken
# longer (it needs about 1.5 CPU minutes in all).
@pytest.mark.timeout(960)
async def test_two_nodes_one_killed_every_fax_archived_once(world: MultiNodeWorld) -> None:
    words = [word_for(n) for n in range(DELIVERIES + FILES)]
    strips = await asyncio.to_thread(render_strips, world.root / "faxes",
                                     [f"Fax about a {w}" for w in words])
    delivered = {f"mn{n:04d}": words[n] for n in range(DELIVERIES)}
    dropped = {f"drop{n:04d}.tif": words[DELIVERIES + n] for n in range(FILES)}
    for n, fax_id in enumerate(delivered):
        world.offer(fax_id, strips[n])
    a, b = world.add_node("a"), world.add_node("b")
    await asyncio.gather(world.start(a), world.start(b))
    # Generous: the run costs about 1.5 CPU minutes in all, and other work on the machine
    # has stretched it to several minutes.
    deadline = time.monotonic() + 900
    ids = list(delivered)
    names = list(dropped)

    # First half: deliveries over both routes, files into the shared folder meanwhile.
    for n, name in enumerate(names[:25]):
        world.drop(strips[DELIVERIES + n], name)
    await _deliver_all(world, ids[:100], deadline)
    # Node b dies mid-run: jobs it leased, files it claimed, requests in flight.
    for n, name in enumerate(names[25:40], start=25):
        world.drop(strips[DELIVERIES + n], name)
    killed_pid = b.pid
    await world.kill(b)
    await _deliver_all(world, ids[100:150], deadline)  # all to a (b refuses connections)
    await world.start(b)
    assert b.pid != killed_pid
    for n, name in enumerate(names[40:], start=40):
        world.drop(strips[DELIVERIES + n], name)
    await _deliver_all(world, ids[150:], deadline)
    await world.wait_settled(DELIVERIES + FILES, timeout=max(10.0, deadline - time.monotonic()))

    problems = await asyncio.to_thread(world.check, delivered, dropped)
    assert problems == []
    # Both nodes worked; no file was journaled as new by two nodes (or twice by one).
    done = jobs_done_by_node(world)
    assert done["a"] > 0 and done["b"] > 0, done
    takes = takes_by_node(world)
    for name in dropped:
        assert sum(t.get(name, 0) for t in takes.values()) <= 1, (name, takes)
    assert sum(sum(t.values()) for t in takes.values()) >= FILES - 15  # the rest: retaken


async def test_api_node_journals_and_worker_node_finishes(world: MultiNodeWorld) -> None:
    strips = await asyncio.to_thread(render_strips, world.root / "faxes",
                                     [f"Split fax about a {word_for(n)}" for n in range(4)])
    for n in range(3):
        world.offer(f"split{n}", strips[n])
    # The worker polls only every 60 s: finishing sooner needs the api node's notification.
    api = world.add_node("api", role="api")
    # The worker's role comes from `serve --role worker` over a config saying "all".
    worker = world.add_node("worker", role="worker", poll_seconds=60.0, hotfolder=False,
                            role_flag=True)
    await world.start(api)
    async with aiohttp.ClientSession() as session:
        # The api node alone: acknowledged once journaled; nothing runs the jobs.
        assert await world.deliver(session, api, "split0")
        world.drop(strips[3], "split-file.tif")
        await _until(lambda: (world.inbox / "done" / "split-file.tif").exists(), 60,
                     "the api node to take the dropped file")
        with world.db() as conn:
            states = dict(conn.execute("SELECT kind, state FROM jobs").fetchall())
            assert states == {"faxplus_fax": "queued", "process": "queued"}, states
        # The worker alone has no webhook route, only health and metrics.
        await world.start(worker)
        async with session.post(f"http://127.0.0.1:{worker.port}/webhooks/faxplus/x",
                                json={}) as answer:
            assert answer.status == 404
        async with session.get(f"http://127.0.0.1:{worker.port}/metrics") as answer:
            assert answer.status == 200
        await world.wait_settled(2, timeout=60)
        # Idle now, the worker wakes for a delivery journaled by the other process.
        started = time.monotonic()
        assert await world.deliver(session, api, "split1")
        await world.wait_settled(3, timeout=45)
        assert time.monotonic() - started < 45  # well before its 60 s poll
    assert jobs_done_by_node(world)["api"] == 0
    problems = await asyncio.to_thread(
        world.check, {"split0": word_for(0), "split1": word_for(1)},
        {"split-file.tif": word_for(3)})
    assert problems == []


async def _until(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


async def test_a_fax_processed_on_a_node_that_died_is_finished_by_another(
        tmp_path: Path, postgres_url: str, seaweed: Seaweed, ocr_pool) -> None:
    """In-process, two nodes' services on one catalog and bucket, each with its own spool:
    node a takes a file and processes it, then dies before its archive step (leased to it);
    node b takes that job once the lease runs out, lacks the derived files, processes the
    fax again from the shared spool's original, and archives it."""
    from ingest.local import ingest_file
    from ingest.pipeline import open_services
    from ingest.worker import run_job, worker_loop
    from storage.audit import verify_chain
    from tests.conftest import make_config
    from tests.faxgen import render_fax
    from tests.test_s3 import s3_section

    bucket = "died-between-steps"
    opened = [open_services(make_config(
        tmp_path / name, catalog={"url": postgres_url},
        archive=s3_section(seaweed, bucket), worker={"lease_seconds": 1.0}), pool=ocr_pool)
        for name in ("a", "b")]
    a, b = opened
    try:
        fax = ingest_file(a, render_fax(tmp_path / "f.tif", [["A fax about a wombat"]]))
        shared = a.spool.shared.blob_key(fax.sha256)
        assert a.archive.exists(shared)  # durable beyond node a before it was journaled
        process = a.catalog.jobs.lease(1.0)
        assert process is not None and process.kind == "process"
        archive = await run_job(a, process)
        assert archive is not None and archive.kind == "archive"  # leased to node a
        assert b.catalog.jobs.lease(1.0) is None  # nobody else may take it ...
        deadline, taken = time.monotonic() + 30, None
        while taken is None:  # ... until node a's lease runs out (it died: no renewal)
            assert time.monotonic() < deadline, "the archive job's lease never ran out"
            await asyncio.sleep(0.05)
            taken = b.catalog.jobs.lease(1.0)
        assert taken.id == archive.id
        assert await run_job(b, taken) is None  # no derived files here: process again
        assert not b.spool.blob_path(fax.sha256).exists()  # b never had the file
        stop = asyncio.Event()
        await asyncio.wait_for(worker_loop(b, stop, fax_ids=[fax.fax_id], until_idle=True), 90)
        done = b.catalog.get_fax(fax.fax_id)
        assert done["state"] == "archived", done
        assert "wombat" in b.catalog.pages(fax.fax_id)[0]["text"].lower()
        assert [o["purpose"] for o in b.catalog.archive_objects(fax.fax_id)].count("original") == 1
        assert not b.archive.exists(shared)  # the shared copy goes once archived
        actions = [e["action"] for e in b.catalog.audit_entries()
                   if e["fax_id"] == fax.fax_id]
        assert actions.count("fax.ocr") == 2 and actions.count("fax.archived") == 1, actions
        assert verify_chain(b.catalog).ok
    finally:
        for services in opened:
            services.close()
