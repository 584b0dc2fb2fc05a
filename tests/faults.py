"""Fault run: the S3 store stopped for two minutes mid-run while faxes keep arriving (by
webhook from a provider failing 30% of calls, and through the hot folder). Nothing may be
lost: the backlog shows in `faxvault status`, nothing parks as failed, and once the store is
back every fax is archived exactly once (one version per object).

    python -m tests.faults [--outage 120]        (part of make chaos)

The suite runs a short outage of the same mechanism (tests/test_s3.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
from aiohttp import web

from tests.chaos import FaultyFaxplus, _deliver, _wait_settled, word_for
from tests.cliutil import run_cli, start_serve, wait_healthy
from tests.conftest import free_port, write_config
from tests.faxgen import render_fax
from tests.seaweed import ACCESS_KEY, SECRET_KEY, Seaweed
from tests.world import FP_HOOK, faxplus_record


async def run(root: Path, outage_seconds: float, per_phase: int = 4) -> list[str]:
    store = Seaweed(root / "seaweed")
    store.start()
    fake = FaultyFaxplus(random.Random(5))
    runner = web.AppRunner(faxplus_app_for(fake))
    await runner.setup()
    api_port, port = free_port(), free_port()
    await web.TCPSite(runner, "127.0.0.1", api_port).start()
    config = write_config(
        root / "faxvault.toml", root / "var",
        f'[server]\nport = {port}\n'
        f'[faxplus]\napi_base = "http://127.0.0.1:{api_port}/v3"\ntoken = "chaos-token"\n'
        f'webhook_token = "{FP_HOOK}"\n'
        "[http]\ntimeout_seconds = 1.0\nretries = 2\nbackoff_base_seconds = 0.05\n"
        "allow_insecure = true\n"
        "[hotfolder]\nstability_seconds = 0.2\nrescan_seconds = 0.5\n"
        f'[archive]\nbackend = "s3"\nendpoint_url = "{store.endpoint}"\nbucket = "faults"\n'
        f'access_key_id = "{ACCESS_KEY}"\nsecret_access_key = "{SECRET_KEY}"\n'
        "create_bucket = true\ntimeout_seconds = 2.0\nmax_attempts = 1\n")
    server = await start_serve(config, root / "serve.log")
    problems, n, expected = [], 0, 0
    try:
        await wait_healthy(port)

        async def arrive() -> None:
            nonlocal n, expected
            async with aiohttp.ClientSession() as session:
                for _ in range(per_phase):
                    fax_id, word = f"fault{n:03d}", word_for(n)
                    n += 1
                    fake.faxes[fax_id] = faxplus_record(fax_id, pages=1)
                    fake.files[fax_id] = render_fax(root / f"{fax_id}.tif",
                                                    [[f"Fault fax about a {word}"]]).read_bytes()
                    while not await _deliver(session, port, fax_id):
                        await asyncio.sleep(0.2)  # a provider's retry
                    name = f"fault-drop{n:03d}.tif"
                    n += 1
                    staged = render_fax(root / f"s-{name}", [[f"Dropped fax {word_for(n)}"]])
                    os.replace(staged, root / "var" / "inbox" / name)
                    expected += 2

        await arrive()
        store.stop()  # the store goes away for outage_seconds, mid-run
        outage_ends = time.monotonic() + outage_seconds
        await arrive()
        while time.monotonic() < outage_ends:
            await asyncio.sleep(1)
        status = run_cli(config, "status", "--json").json()
        if not status["backlog"].get("archive"):
            problems.append(f"no archive backlog visible during the outage: {status}")
        if status["jobs"]["failed"]:
            problems.append(f"jobs parked as failed during the outage: {status['failed_jobs']}")
        store.start()
        await _wait_settled(root / "var" / "faxvault.sqlite3", expected, timeout=600)
        client = store.client()
        for fax in run_cli(config, "retention", "report", "--json").json():
            objects = run_cli(config, "show", fax["id"], "--json").json()["archive"]
            if len(objects) != 5:
                problems.append(f"fax {fax['id']}: {len(objects)} archived objects")
            for obj in objects:
                versions = client.list_object_versions(Bucket="faults", Prefix=obj["key"])
                if len(versions.get("Versions", [])) != 1:
                    problems.append(f"{obj['key']}: {len(versions.get('Versions', []))} versions")
        archived = run_cli(config, "status", "--json").json()["faxes"].get("archived", 0)
        if archived != expected:
            problems.append(f"{archived} archived, {expected} expected")
    finally:
        try:
            if server.returncode is None:
                server.send_signal(signal.SIGTERM)
                await asyncio.wait_for(server.wait(), 60)
        finally:  # whatever happened above, stop what this run started
            await runner.cleanup()
            store.stop()
    print(json.dumps({"faxes": expected, "outage_seconds": outage_seconds,
                      "problems": problems}))
    return problems


def faxplus_app_for(fake):
    from tests.fakes import faxplus_app

    return faxplus_app(fake)


def main() -> None:
    parser = argparse.ArgumentParser(description="faxvault fault run: S3 outage")
    parser.add_argument("--outage", type=float, default=120)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.monotonic()
        problems = asyncio.run(run(Path(tmp), args.outage))
        print(f"S3 stopped {args.outage:.0f} s mid-run, {time.monotonic() - started:.0f} s in "
              "all: " + ("every fax archived exactly once" if not problems else
                         f"{len(problems)} problem(s)"))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
