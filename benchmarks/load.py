"""Sustained load: deliveries at the highest rate this machine sustains for 60 s (100
concurrent clients, every delivery unique and durable), with acknowledgement latency and the
server's memory per 10 s window, against a bare aiohttp route measured the same way first.

    python benchmarks/load.py [--seconds 60] [--clients 100]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.webhook_ack import free_port, load, pct, wait_up


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def windows(port: int, pid: int, seconds: float, clients: int) -> list[tuple]:
    rows, offset = [], 0
    for start in range(0, int(seconds), 10):
        span = min(10, seconds - start)
        offset += 10_000_000
        rate, latencies = await load(port, span, clients, offset=port * 1_000_000_000 + offset)
        rows.append((start, rate, pct(latencies, 50), pct(latencies, 99), rss_mb(pid)))
    return rows


async def main_async(args: argparse.Namespace) -> None:
    script = str(Path(__file__).with_name("webhook_ack.py"))
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("bare", "journal"):
            port = free_port()
            mode = (["--serve-bare", str(port)] if name == "bare"
                    else ["--serve-journal", str(Path(tmp) / "var"), str(port)])
            proc = subprocess.Popen([sys.executable, script, *mode])
            try:
                await wait_up(port)
                started = time.perf_counter()
                rows = await windows(port, proc.pid, args.seconds, args.clients)
                elapsed = time.perf_counter() - started
            finally:
                proc.terminate()
                proc.wait(timeout=60)
            total = sum(r[1] * min(10, args.seconds - r[0]) for r in rows)
            print(f"{name}: {total:.0f} deliveries in {elapsed:.0f} s, "
                  f"{statistics.mean(r[1] for r in rows):.0f}/s")
            print("  window   rate/s   p50 ms   p99 ms   server RSS MB")
            for start, rate, p50, p99, rss in rows:
                print(f"  {start:3d}-{start + 10:<3d} {rate:8d} {p50:8.1f} {p99:8.1f} {rss:12.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=100)
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
