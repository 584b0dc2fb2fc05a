"""OCR throughput of one api + one worker node on PostgreSQL against one all-in-one SQLite
node, on the same cores, the same faxes, side by side in one run.

Both set-ups are real `faxvault serve` processes (tests/multinode.py) archiving to the same
SeaweedFS (S3), with the same OCR pool size doing the OCR (`--ocr-workers`):
  sqlite  - one node, role all, SQLite catalog: takes the files from its hot folder, OCRs,
            archives (the baseline)
  split   - an api node (hot folder: copies each file to the shared spool, checks it decodes,
            journals it) and a worker node (OCR, archive), one PostgreSQL catalog; the work
            crosses nodes through the queue's notifications and the bucket's shared spool
Each round starts the set-up and warms it with one fax (so OCR processes start and load
their models before timing: a node runs for months), then drops all the faxes at once into
its hot folder and times until the last is archived; rounds alternate sqlite, split, sqlite,
split ... Prints pages/s for each and the ratio split/sqlite (goal >= 0.95x). On a machine
other work keeps busy, wall time mostly measures the other work: the CPU seconds a page
costs are printed too (every process of the set-up: the nodes and their OCR processes, and
what PostgreSQL and SeaweedFS spent during the round), and their ratio is what the set-ups
would reach on the same idle cores.

    python benchmarks/scaleout_throughput.py [--faxes 8] [--pages 3] [--rounds 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg

from benchmarks.ocr_throughput import make_corpus
from tests.multinode import MultiNodeWorld
from tests.postgres import PostgresServer
from tests.seaweed import Seaweed

TICK = os.sysconf("SC_CLK_TCK")
POLL_SECONDS = 0.5  # worker.poll_seconds as shipped (PostgreSQL workers are woken anyway)


def tree_cpu(pid: int) -> float:
    """CPU seconds of a process, its live descendants, and the children it has reaped."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime, stime (fields 14, 15); cutime, cstime (16, 17): reaped children, counted
        # for every process since its reaped children are no longer in the tree.
        total += sum(int(v) for v in fields[11:15]) / TICK
        todo += children.get(current, [])
    return total


def _sqlite_archived(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM faxes WHERE state = 'archived'").fetchone()[0]


def _pg_archived(conn: psycopg.Connection) -> int:
    # One connection for the whole round: a connection a poll would cost PostgreSQL a fork.
    return conn.execute("SELECT count(*) FROM faxes WHERE state = 'archived'").fetchone()[0]


async def _until_archived(count: int, split: bool, url: str, db: Path) -> None:
    conn = psycopg.connect(url, autocommit=True) if split else None
    deadline = time.monotonic() + 1800
    try:
        while True:
            done = await asyncio.to_thread(_pg_archived, conn) if conn is not None \
                else await asyncio.to_thread(_sqlite_archived, db)
            if done >= count:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {done} of {count} archived after 30 min")
            await asyncio.sleep(0.25)
    finally:
        if conn is not None:
            conn.close()


async def _round(root: Path, corpus: list[Path], seaweed: Seaweed, postgres: PostgresServer,
                 url: str, split: bool, ocr_workers: int, n: int,
                 warmup: Path) -> tuple[float, float]:
    """Seconds from dropping every fax to the last one archived, and the CPU seconds every
    process of the set-up spent in the round."""
    world = MultiNodeWorld(root, url, seaweed, bucket=f"bench-{'split' if split else 'sqlite'}"
                           f"-{n}")
    root.mkdir(parents=True)
    await world.start_provider()
    try:
        if split:
            # The api node's pool only checks that dropped files decode.
            nodes = [world.add_node("api", role="api", ocr_workers=1, lease_seconds=120,
                                    poll_seconds=POLL_SECONDS),
                     world.add_node("worker", role="worker", ocr_workers=ocr_workers,
                                    hotfolder=False, lease_seconds=120,
                                    concurrency=ocr_workers, poll_seconds=POLL_SECONDS)]
        else:
            nodes = [world.add_node("one", role="all", ocr_workers=ocr_workers, sqlite=True,
                                    lease_seconds=120, concurrency=ocr_workers,
                                    poll_seconds=POLL_SECONDS)]
        for node in nodes:
            await world.start(node)
        db = root / "one" / "var" / "faxvault.sqlite3"
        world.drop(warmup, "warmup.tif")
        await _until_archived(1, split, url, db)
        assert seaweed.proc is not None and postgres.pid is not None
        store_before, pg_before = tree_cpu(seaweed.proc.pid), tree_cpu(postgres.pid)
        nodes_before = {node.name: tree_cpu(node.pid) for node in nodes if node.pid}
        staged = []
        for i, fax in enumerate(corpus):
            target = world.inbox / f".stage-{i}.tif"
            target.write_bytes(fax.read_bytes())
            staged.append(target)
        started = time.monotonic()
        for i, path in enumerate(staged):
            os.replace(path, world.inbox / f"fax{i:03d}.tif")
        await _until_archived(len(corpus) + 1, split, url, db)
        seconds = time.monotonic() - started
        parts = {**{f"node {node.name}": tree_cpu(node.pid) - nodes_before[node.name]
                    for node in nodes if node.pid},
                 "s3": tree_cpu(seaweed.proc.pid) - store_before,
                 "pg": tree_cpu(postgres.pid) - pg_before}
        print("  CPU s: " + ", ".join(f"{k} {v:.1f}" for k, v in parts.items()), flush=True)
        return seconds, sum(parts.values())
    finally:
        await world.stop_all()


async def run(faxes: int, pages: int, rounds: int, ocr_workers: int) -> None:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "corpus").mkdir()
        *corpus, warmup = await asyncio.to_thread(make_corpus, root / "corpus", faxes + 1,
                                                  pages)
        postgres = PostgresServer(durable=True)
        seaweed = Seaweed(root / "seaweed")
        await asyncio.to_thread(postgres.start)
        await asyncio.to_thread(seaweed.start)
        times: dict[str, list[float]] = {"sqlite": [], "split": []}
        cpus: dict[str, list[float]] = {"sqlite": [], "split": []}
        try:
            for n in range(rounds):
                for kind in ("sqlite", "split"):
                    with postgres.database() as url:
                        seconds, cpu = await _round(root / f"{kind}-{n}", corpus, seaweed,
                                                    postgres, url, kind == "split",
                                                    ocr_workers, n, warmup)
                    times[kind].append(seconds)
                    cpus[kind].append(cpu)
                    print(f"round {n + 1} {kind:6s}: {faxes * pages / seconds:6.2f} pages/s "
                          f"({seconds:.1f} s), {cpu / (faxes * pages):.2f} CPU s a page",
                          flush=True)
        finally:
            await asyncio.to_thread(seaweed.stop)
            await asyncio.to_thread(postgres.stop)
    total = faxes * pages * rounds
    rate = {kind: total / sum(values) for kind, values in times.items()}
    print(f"{faxes} faxes x {pages} pages x {rounds} rounds, OCR pool {ocr_workers}, "
          f"load average at start {load:.1f}")
    per_page = {kind: sum(values) / total for kind, values in cpus.items()}
    print(f"sqlite (one node, all)        {rate['sqlite']:6.2f} pages/s  "
          f"{per_page['sqlite']:.3f} CPU s a page")
    print(f"split (api + worker, pg)      {rate['split']:6.2f} pages/s  "
          f"{per_page['split']:.3f} CPU s a page")
    print(f"ratio split/sqlite, wall      {rate['split'] / rate['sqlite']:6.2f}x (goal >= 0.95x)")
    print(f"ratio split/sqlite, CPU       {per_page['sqlite'] / per_page['split']:6.2f}x "
          "(pages per CPU second)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faxes", type=int, default=8)
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--ocr-workers", type=int, default=2)
    args = parser.parse_args()
    asyncio.run(run(args.faxes, args.pages, args.rounds, args.ocr_workers))


if __name__ == "__main__":
    main()
