"""Chaos harness: deliveries and hot-folder files while `faxvault serve` is killed with SIGKILL
at random moments, against a fake Fax.Plus API that fails 30% of calls. Afterwards every
acknowledged delivery and every dropped file must be exactly one archived, searchable fax.

    python -m tests.chaos --cycles 20 [--seed 1]        (make chaos)
    python -m tests.chaos --nodes 2 --cycles 10         (make chaos, several nodes)

With ``--nodes N`` (N >= 2) the same runs against N ``faxvault serve`` nodes sharing one
PostgreSQL catalog, one SeaweedFS bucket and one hot folder (tests/multinode.py): deliveries
go to any node's route, a random node is killed each cycle and started again.

The test suite runs a reduced form (tests/test_chaos.py). Like a real provider, the harness
re-sends a delivery until it is acknowledged.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from aiohttp import web

from tests.cliutil import start_serve, wait_healthy
from tests.conftest import free_port, write_config
from tests.fakes import FakeProvider, faxplus_app
from tests.faxgen import render_fax
from tests.world import FP_HOOK, faxplus_event, faxplus_record

WORDS = ["albatross", "barracuda", "caracal", "dugong", "echidna", "fennec", "gharial",
         "hoatzin", "ibis", "jacana", "kinkajou", "lemming", "margay", "numbat", "okapi",
         "pangolin", "quoll", "rhea", "saiga", "tapir", "urial", "vicuna", "wapiti", "xerus"]


class FaultyFaxplus(FakeProvider):
    """Every call has a 30% chance of a fault: 500, slower than the client timeout, a body
    cut short, or a 404 (the file not ready yet)."""

    def __init__(self, rng: random.Random, **kw) -> None:
        super().__init__(token="chaos-token", slow_seconds=3.0, **kw)
        self.rng = rng

    async def misbehave(self, request, body=None):
        if self.rng.random() < 0.3:
            self.inject(request.path_qs, self.rng.choice(["500", "slow", "truncate", "404"]))
        return await super().misbehave(request, body)


@dataclass
class Outcome:
    acknowledged: dict[str, str] = field(default_factory=dict)  # provider fax id -> word
    dropped: dict[str, str] = field(default_factory=dict)  # file name -> word
    kills: int = 0


COLOURS = ["amber", "blue", "coral", "denim", "ebony", "fawn", "green", "hazel", "indigo",
           "jade", "khaki", "lilac", "mauve", "navy", "olive", "peach"]


def word_for(n: int) -> str:
    """A distinct, plainly spelled search word per fax (repeated letters OCR unreliably)."""
    return COLOURS[n // len(WORDS) % len(COLOURS)] + WORDS[n % len(WORDS)]


async def _deliver(session: aiohttp.ClientSession, port: int, fax_id: str) -> bool:
    try:
        async with session.post(f"http://127.0.0.1:{port}/webhooks/faxplus/{FP_HOOK}",
                                json=faxplus_event(fax_id),
                                timeout=aiohttp.ClientTimeout(total=5)) as response:
            return response.status == 200
    except (aiohttp.ClientError, TimeoutError):
        return False


async def run_chaos(root: Path, cycles: int, seed: int = 1, per_cycle: int = 4) -> Outcome:
    rng = random.Random(seed)
    fake = FaultyFaxplus(rng)
    runner = web.AppRunner(faxplus_app(fake))
    await runner.setup()
    api_port = free_port()
    await web.TCPSite(runner, "127.0.0.1", api_port).start()
    port = free_port()
    inbox = root / "var" / "inbox"
    config = write_config(
        root / "faxvault.toml", root / "var",
        f'[server]\nport = {port}\ndrain_seconds = 1.0\n'
        f'[faxplus]\napi_base = "http://127.0.0.1:{api_port}/v3"\ntoken = "chaos-token"\n'
        f'webhook_token = "{FP_HOOK}"\n'
        "[http]\ntimeout_seconds = 1.0\nretries = 2\nbackoff_base_seconds = 0.05\n"
        "allow_insecure = true\n"
        "[hotfolder]\nstability_seconds = 0.2\nrescan_seconds = 0.5\n",
        worker="lease_seconds = 3.0\nmax_attempts = 50\n")
    outcome, pending, n = Outcome(), [], 0
    log = root / "serve.log"
    server = None
    try:
        for _ in range(cycles):
            server = await start_serve(config, log)
            await wait_healthy(port)
            for _ in range(per_cycle):  # new faxes at the provider, announced by webhook
                fax_id, word = f"chaos{n:04d}", word_for(n)
                n += 1
                fake.faxes[fax_id] = faxplus_record(fax_id, pages=1)
                fake.files[fax_id] = render_fax(root / f"{fax_id}.tif",
                                                [[f"Chaos fax about a {word}"]]).read_bytes()
                pending.append((fax_id, word))
            for _ in range(per_cycle - 1):  # and files from an on-premises fax server
                name, word = f"drop{n:04d}.tif", word_for(n)
                n += 1
                staged = render_fax(root / f"staged-{name}", [[f"Dropped fax about a {word}"]])
                os.replace(staged, inbox / name)
                outcome.dropped[name] = word
            kill_at = time.monotonic() + rng.uniform(0.3, 2.5)
            async with aiohttp.ClientSession() as session:
                while pending and time.monotonic() < kill_at:
                    fax_id, word = pending[0]
                    if await _deliver(session, port, fax_id):
                        outcome.acknowledged[fax_id] = word
                        pending.pop(0)
            # Chaos: the kill lands wherever the service happens to be.
            await asyncio.sleep(max(0.0, kill_at - time.monotonic()))
            server.send_signal(signal.SIGKILL)
            await server.wait()
            outcome.kills += 1
        server = await start_serve(config, log)  # the last start: let it finish everything
        await wait_healthy(port)
        async with aiohttp.ClientSession() as session:
            while pending:  # providers keep retrying until acknowledged
                fax_id, word = pending[0]
                if await _deliver(session, port, fax_id):
                    outcome.acknowledged[fax_id] = word
                    pending.pop(0)
        await _wait_settled(root / "var" / "faxvault.sqlite3",
                            len(outcome.acknowledged) + len(outcome.dropped))
        server.send_signal(signal.SIGTERM)
        await asyncio.wait_for(server.wait(), 60)
    finally:
        if server is not None and server.returncode is None:  # an assertion cut the run short
            server.kill()
            await server.wait()
        await runner.cleanup()
    return outcome


async def _wait_settled(db_path: Path, expected: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sqlite3.connect(db_path) as db:
            archived = db.execute("SELECT count(*) FROM faxes WHERE state = 'archived'"
                                  ).fetchone()[0]
            busy = db.execute("SELECT count(*) FROM jobs WHERE state IN ('queued','running')"
                              ).fetchone()[0]
        if archived >= expected and busy == 0:
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"not settled: {archived} of {expected} archived, {busy} jobs busy")


def check(root: Path, outcome: Outcome) -> list[str]:
    """Every acknowledged delivery and dropped file: exactly one archived, searchable fax."""
    problems = []
    with sqlite3.connect(root / "var" / "faxvault.sqlite3") as db:
        for fax_id, word in outcome.acknowledged.items():
            rows = db.execute("SELECT id, state FROM faxes WHERE provider = 'faxplus'"
                              " AND provider_fax_id = ?", (fax_id,)).fetchall()
            problems += _one(f"delivery {fax_id}", rows, db, word)
        for name, word in outcome.dropped.items():
            rows = db.execute("SELECT id, state FROM faxes WHERE original_name = ?",
                              (name,)).fetchall()
            problems += _one(f"file {name}", rows, db, word)
        failed = db.execute("SELECT id, kind, last_error FROM jobs WHERE state = 'failed'"
                            ).fetchall()
        problems += [f"failed job {j}" for j in failed]
    return problems


def _one(what: str, rows, db, word: str) -> list[str]:
    if len(rows) != 1:
        return [f"{what}: {len(rows)} faxes"]
    fax_id, state = rows[0]
    if state != "archived":
        return [f"{what}: {state}"]
    hits = db.execute("SELECT p.fax_id FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid"
                      " WHERE pages_fts MATCH ?", (word,)).fetchall()
    if [h[0] for h in hits] != [fax_id]:
        return [f"{what}: '{word}' finds {hits}"]
    return []


async def run_chaos_nodes(root: Path, cycles: int, seed: int = 1, nodes: int = 2,
                          per_cycle: int = 6) -> tuple[Outcome, list[str]]:
    """The chaos run on ``nodes`` nodes (one PostgreSQL, one SeaweedFS, one hot folder):
    each cycle announces and drops faxes over every node, then SIGKILLs a random node at a
    random moment and starts it again. Returns the outcome and the problems found."""
    from tests.multinode import MultiNodeWorld, render_strips
    from tests.postgres import PostgresServer
    from tests.seaweed import Seaweed

    rng = random.Random(seed)
    postgres, seaweed = PostgresServer(), Seaweed(root / "seaweed")
    outcome = Outcome()
    try:
        await asyncio.to_thread(postgres.start)
        await asyncio.to_thread(seaweed.start)
        with postgres.database() as url:
            world = MultiNodeWorld(root / "world", url, seaweed, fake=FaultyFaxplus(rng))
            world.root.mkdir()
            await world.start_provider()
            try:
                problems = await _chaos_cycles(world, rng, outcome, cycles, nodes, per_cycle,
                                               render_strips)
            finally:
                await world.stop_all()
    finally:
        await asyncio.to_thread(seaweed.stop)
        await asyncio.to_thread(postgres.stop)
    return outcome, problems


async def _chaos_cycles(world, rng: random.Random, outcome: Outcome, cycles: int, nodes: int,
                        per_cycle: int, render_strips) -> list[str]:
    total = cycles * per_cycle
    words = [word_for(n) for n in range(total)]
    strips = await asyncio.to_thread(render_strips, world.root / "faxes",
                                     [f"Chaos fax about a {w}" for w in words])
    members = [world.add_node(f"n{i}") for i in range(nodes)]
    await asyncio.gather(*(world.start(node) for node in members))
    n, pending = 0, []
    async with aiohttp.ClientSession() as session:
        for _ in range(cycles):
            for _ in range(per_cycle):
                if n % 3 == 2:  # a third as files from a fax server, the rest by webhook
                    name = f"drop{n:04d}.tif"
                    world.drop(strips[n], name)
                    outcome.dropped[name] = words[n]
                else:
                    fax_id = f"chaos{n:04d}"
                    world.offer(fax_id, strips[n])
                    pending.append((fax_id, words[n]))
                n += 1
            victim = rng.choice(members)
            kill_at = time.monotonic() + rng.uniform(0.3, 2.5)
            turn = 0
            while pending and time.monotonic() < kill_at:
                fax_id, word = pending[0]
                turn += 1
                if await world.deliver(session, members[turn % nodes], fax_id):
                    outcome.acknowledged[fax_id] = word
                    pending.pop(0)
            await asyncio.sleep(max(0.0, kill_at - time.monotonic()))
            await world.kill(victim)
            outcome.kills += 1
            await world.start(victim)
        deadline = time.monotonic() + 300
        while pending:  # providers keep retrying until acknowledged
            fax_id, word = pending[0]
            if await world.deliver(session, members[len(pending) % nodes], fax_id):
                outcome.acknowledged[fax_id] = word
                pending.pop(0)
            elif time.monotonic() > deadline:
                return [f"{fax_id}: never acknowledged"]
    await world.wait_settled(len(outcome.acknowledged) + len(outcome.dropped), timeout=600)
    return await asyncio.to_thread(world.check, outcome.acknowledged, outcome.dropped)


def main() -> None:
    parser = argparse.ArgumentParser(description="faxvault chaos run")
    parser.add_argument("--cycles", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--nodes", type=int, default=1,
                        help="several nodes on PostgreSQL + SeaweedFS (default: one, SQLite)")
    args = parser.parse_args()
    if args.nodes > 1:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.monotonic()
            outcome, problems = asyncio.run(run_chaos_nodes(Path(tmp), args.cycles, args.seed,
                                                            args.nodes))
            print(f"{args.nodes} nodes, {outcome.kills} SIGKILLs, {len(outcome.acknowledged)} "
                  f"acknowledged deliveries, {len(outcome.dropped)} dropped files, "
                  f"{time.monotonic() - started:.0f} s: "
                  + ("every one archived once and searchable" if not problems else
                     f"{len(problems)} problem(s)"))
            for problem in problems:
                print("  " + problem)
        sys.exit(1 if problems else 0)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        started = time.monotonic()
        outcome = asyncio.run(run_chaos(root, args.cycles, args.seed))
        problems = check(root, outcome)
        print(f"{outcome.kills} SIGKILLs, {len(outcome.acknowledged)} acknowledged deliveries, "
              f"{len(outcome.dropped)} dropped files, {time.monotonic() - started:.0f} s: "
              + ("every one archived once and searchable" if not problems else
                 f"{len(problems)} problem(s)"))
        for problem in problems:
            print("  " + problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
