"""Webhook acknowledgement: the journaling route against a bare aiohttp route, same run.

Part 1 - throughput and latency at 100 concurrent clients, for
  bare      an aiohttp route that answers 200 and does nothing (the baseline)
  journal   POST /webhooks/faxplus/{token}: parse, journal durably (SQLite, synchronous=FULL,
            group commit), then 200
  postgres  the same route on a node whose catalog is PostgreSQL (a local server started by
            tests/postgres.py with fsync and synchronous_commit on, as in production)
Each server runs in its own process; this process is the load generator. Every delivery is
unique, so every one is a durable insert; the run checks that all of them were journaled.

Part 2 - page streaming: time from a `fax_page_received` POST to that page being searchable,
with `faxvault serve` running its workers against a fake Fax.Plus API.

Part 3 - the access log line of a delivery: aiohttp's AccessLogger (the baseline) against
the one faxvault installs, which redacts the webhook token; same process, same request.

    python benchmarks/webhook_ack.py [--seconds 10] [--clients 100] [--rounds 2] [--pages 6]
                                     [--no-postgres] [--only-ack]

Part 1 runs the routes in turn, ``--rounds`` times over. It prints each route's best run, and
judges the goal (PostgreSQL node >= 0.5x the bare route) on the median of the rounds' own
ratios: each node run against the bare run of its round, so a lucky run of one route is
never set against an unlucky one of the other.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TOKEN = "bench-token"
DENSE_LINES = [
    "Patient: Jane Q. Doe   DOB 04/12/1961   MRN 00448812   Insurance: Aetna PPO",
    "Referring physician: Dr. Alan Smith, Riverside Family Practice, fax 555-201-4478",
    "Reason for referral: exertional chest pain, abnormal stress ECG on 11/02/2026.",
    "Current medications: atorvastatin 40 mg daily, lisinopril 10 mg daily, aspirin 81 mg",
] * 6


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_bare(port: int) -> None:
    from aiohttp import web

    async def ok(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"ok": True, "duplicate": False})

    app = web.Application()
    app.router.add_post("/webhooks/faxplus/{token}", ok)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


def serve_journal(data_dir: str, port: int, catalog_url: str | None = None) -> None:
    import logging

    from aiohttp import web

    from ingest.app import init_app
    from ingest.config import config_from_mapping

    logging.disable(logging.WARNING)  # the wait_up probes are refused on purpose
    settings = {"paths": {"data_dir": data_dir}, "faxplus": {"webhook_token": TOKEN}}
    if catalog_url:
        settings["catalog"] = {"url": catalog_url}
    config = config_from_mapping(settings, env={})
    # serving=True: the process is tuned as `faxvault serve` tunes it.
    web.run_app(init_app(config, start_workers=False, serving=True), host="127.0.0.1", port=port,
                print=None, access_log=None)


def event(n: int, kind: str = "fax_received", **data) -> bytes:
    return json.dumps({"hook": {"id": "h", "event": kind, "event_time": "2026-11-23 10:00:00"},
                       "data": {"id": f"bench{n:08d}", "from": "+1 334-304-0000",
                                "to": "+1 334-304-1111", "status": "success", **data}}).encode()


async def wait_up(port: int) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as session:
        for _ in range(600):
            try:
                async with session.post(f"http://127.0.0.1:{port}/webhooks/faxplus/x",
                                        data=b"{}"):
                    return
            except aiohttp.ClientError:
                await asyncio.sleep(0.05)
    raise RuntimeError(f"server on {port} did not start")


async def load(port: int, seconds: float, clients: int, offset: int) -> tuple[int, list[float]]:
    import aiohttp

    url = f"http://127.0.0.1:{port}/webhooks/faxplus/{TOKEN}"
    latencies: list[float] = []
    counter = iter(range(offset, offset + 10_000_000))
    deadline = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(connector=connector) as session:
        async def client() -> None:
            while time.perf_counter() < deadline:
                body = event(next(counter))
                started = time.perf_counter()
                async with session.post(url, data=body,
                                        headers={"Content-Type": "application/json"}) as resp:
                    await resp.read()
                    assert resp.status == 200, resp.status
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return round(len(latencies) / elapsed), latencies


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of one process (all its threads) so far, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime


def cpu_of_tree(root: int) -> dict[int, float]:
    """CPU so far of ``root`` and its children (a postmaster and its backends), by PID."""
    pids = [root]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except (FileNotFoundError, ProcessLookupError):
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == root:
                pids.append(int(entry.name))
    return {pid: cpu_seconds(pid) for pid in pids}


def spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU spent between two readings of a process tree (a process new since counts whole)."""
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000


def journaled_sqlite(data_dir: Path) -> int:
    db = sqlite3.connect(data_dir / "faxvault.sqlite3")
    try:
        return db.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        db.close()


def journaled_postgres(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]


async def part1(args: argparse.Namespace, tmp: Path) -> None:
    names = ["bare", "journal"] + ([] if args.no_postgres else ["postgres"])
    server = None
    if not args.no_postgres:
        from tests.postgres import PostgresServer

        server = PostgresServer(durable=True)  # fsync, synchronous_commit on: durable
        server.start()
    results: dict[str, tuple] = {}
    rates: list[dict[str, int]] = []  # each round's deliveries/s by route
    try:
        for name in [name for _ in range(args.rounds) for name in names]:  # interleaved
            if name == names[0]:
                rates.append({})
            port = free_port()
            with contextlib.ExitStack() as stack:
                url = stack.enter_context(server.database()) if name == "postgres" else None
                mode = ["--serve-bare", str(port)] if name == "bare" else \
                    ["--serve-journal", str(tmp / f"var-{port}"), str(port), *([url] if url
                                                                              else [])]
                proc = subprocess.Popen([sys.executable, __file__, *mode])
                try:
                    await wait_up(port)
                    cpu_before = (cpu_seconds(proc.pid), time.process_time(),
                                  cpu_of_tree(server.pid) if url else {})
                    rate, latencies = await load(port, args.seconds, args.clients,
                                                 offset=port * 100_000)
                    # CPU per delivery: the server process, the load generator (this
                    # process), PostgreSQL (the postmaster and its backends).
                    n = max(1, len(latencies))
                    cpu = ((cpu_seconds(proc.pid) - cpu_before[0]) / n * 1e6,
                           (time.process_time() - cpu_before[1]) / n * 1e6,
                           spent(cpu_before[2], cpu_of_tree(server.pid)) / n * 1e6
                           if url else 0.0)
                finally:
                    proc.terminate()
                    proc.wait(timeout=30)
                # Every acknowledged delivery is in the journal (the server has stopped).
                if name != "bare":
                    journaled = journaled_postgres(url) if url else \
                        journaled_sqlite(tmp / f"var-{port}")
                    assert journaled == len(latencies), (name, journaled, len(latencies))
            rates[-1][name] = rate
            if name not in results or rate > results[name][0]:
                results[name] = (rate, pct(latencies, 50), pct(latencies, 99), *cpu)
    finally:
        if server is not None:
            server.stop()
    print(f"acknowledgement, {args.clients} concurrent clients, {args.seconds:g} s per run "
          f"(best of {args.rounds}):")
    for name, (rate, p50, p99, server_us, client_us, pg_us) in results.items():
        print(f"  {name:<8} {rate:6d} deliveries/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms"
              f"   CPU per delivery: server {server_us:5.0f} us, PostgreSQL {pg_us:5.0f} us,"
              f" load generator {client_us:5.0f} us")
    for name in names[1:]:
        ratios = [r[name] / r["bare"] for r in rates]
        median = statistics.median(ratios)
        goal = "" if name != "postgres" else \
            f" (goal >= 0.5x: {'met' if median >= 0.5 else 'NOT met'})"
        print(f"ratio {name}/bare, each round's runs: "
              f"{', '.join(f'{r:.3f}x' for r in ratios)}; median {median:.3f}x{goal}")


async def part2(args: argparse.Namespace, tmp: Path) -> None:
    from aiohttp import ClientSession, web

    from tests.fakes import FakeProvider, faxplus_app
    from tests.faxgen import render_fax

    fake = FakeProvider(token="pat")
    animals = ["zebra", "quokka", "walrus", "pelican", "narwhal", "gazelle", "ocelot",
               "wombat", "ibex", "heron"]
    words = [animals[n % len(animals)] + "x" * (n // len(animals)) for n in range(args.pages)]
    for n, word in enumerate(words, start=1):
        # A dense page (about 25 lines), like a real referral, not a one-liner.
        path = render_fax(tmp / f"p{n}.tif", [[f"Streamed page {n} mentions {word}",
                                               *DENSE_LINES]])
        fake.pages[("stream1", n)] = path.read_bytes()
    runner = web.AppRunner(faxplus_app(fake))
    await runner.setup()
    api_port = free_port()
    await web.TCPSite(runner, "127.0.0.1", api_port).start()
    port = free_port()
    data = tmp / "serve"
    data.mkdir()
    config = data / "faxvault.toml"
    config.write_text(f'[paths]\ndata_dir = "{data}"\n[server]\nport = {port}\n'
                      f'[faxplus]\napi_base = "http://127.0.0.1:{api_port}/v3"\n'
                      f'token = "pat"\nwebhook_token = "{TOKEN}"\n'
                      "[worker]\npoll_seconds = 0.02\n[http]\nallow_insecure = true\n")
    config.chmod(0o600)
    serve = subprocess.Popen([str(Path(sys.executable).with_name("faxvault")), "serve"],
                             env={**os.environ, "FAXVAULT_CONFIG": str(config)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    delays = []
    try:
        await wait_up(port)
        db = sqlite3.connect(data / "faxvault.sqlite3")
        async with ClientSession() as session:
            for n, word in enumerate(words, start=1):
                body = json.dumps({"hook": {"event": "fax_page_received"},
                                   "data": {"id": "stream1", "page": n,
                                            "status": "in_progress"}})
                started = time.perf_counter()
                async with session.post(f"http://127.0.0.1:{port}/webhooks/faxplus/{TOKEN}",
                                        data=body,
                                        headers={"Content-Type": "application/json"}) as r:
                    assert r.status == 200
                while not db.execute("SELECT 1 FROM pages_fts WHERE pages_fts MATCH ?",
                                     (word,)).fetchone():
                    if time.perf_counter() - started > 60:
                        raise RuntimeError(f"page {n} ({word}) never became searchable")
                    await asyncio.sleep(0.01)
                delays.append(time.perf_counter() - started)
    finally:
        serve.terminate()
        serve.wait(timeout=60)
        await runner.cleanup()
    print(f"page event -> searchable, {args.pages} pages one after another: "
          f"median {statistics.median(delays):.2f} s, max {max(delays):.2f} s "
          f"(first page includes the OCR pool's cold start: {delays[0]:.2f} s)")


def part3(lines: int = 20_000) -> None:
    import logging

    from aiohttp import web
    from aiohttp.test_utils import make_mocked_request
    from aiohttp.web_log import AccessLogger

    from ingest.webhooks import RedactingAccessLogger

    logger = logging.getLogger("bench.access")
    logger.addHandler(logging.NullHandler())  # formatted, then discarded: the cost is ours
    logger.setLevel(logging.INFO)
    logger.propagate = False
    request = make_mocked_request("POST", f"/webhooks/faxplus/{TOKEN}", headers={
        "Referer": "-", "User-Agent": "Fax.Plus-Webhooks/1.0"})
    response = web.Response(text="{}")
    per_line = {}
    for _ in range(2):  # interleaved, best of two
        for cls in (AccessLogger, RedactingAccessLogger):
            access = cls(logger, AccessLogger.LOG_FORMAT)
            started = time.perf_counter()
            for _ in range(lines):
                access.log(request, response, 0.001)
            took = (time.perf_counter() - started) / lines * 1e6
            per_line[cls.__name__] = min(took, per_line.get(cls.__name__, took))
    base, ours = per_line["AccessLogger"], per_line["RedactingAccessLogger"]
    print(f"access log line: aiohttp {base:.1f} us, redacting {ours:.1f} us "
          f"(ratio {ours / base:.2f}x)")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve-bare":
        return serve_bare(int(sys.argv[2]))
    if len(sys.argv) > 1 and sys.argv[1] == "--serve-journal":
        return serve_journal(sys.argv[2], int(sys.argv[3]), *sys.argv[4:5])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2,
                        help="runs of each route, interleaved (default 2)")
    parser.add_argument("--pages", type=int, default=6)
    parser.add_argument("--no-postgres", action="store_true",
                        help="skip the node on PostgreSQL")
    parser.add_argument("--only-ack", action="store_true",
                        help="part 1 only (acknowledgement)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(part1(args, Path(tmp)))
        if not args.only_ack:
            asyncio.run(part2(args, Path(tmp)))
    if not args.only_ack:
        part3()
    return None


if __name__ == "__main__":
    main()
