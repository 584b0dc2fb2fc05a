"""Chaos harness: deliveries and hot-folder files while `faxvault serve` is killed with SIGKILL
at random moments, against a fake Fax.Plus API that fails 30% of calls. Afterwards every
acknowledged delivery and every dropped file must be exactly one archived, searchable fax.

    python -m tests.chaos --cycles 20 [--seed 1]        (make chaos)

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


def main() -> None:
    parser = argparse.ArgumentParser(description="faxvault chaos run")
    parser.add_argument("--cycles", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
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
