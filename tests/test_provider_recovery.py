"""Recovery paths for provider faxes: reconcile after lost webhooks, and a service killed right
after acknowledging a delivery."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import time
from pathlib import Path

import aiohttp
import pytest

from ingest.reconcile import reconcile
from tests.cliutil import FAXVAULT, start_serve, wait_healthy
from tests.conftest import free_port, write_config
from tests.fakes import FakeProvider, faxplus_app
from tests.world import FP_HOOK, World, faxplus_event, faxplus_record, serve_faxplus


async def test_reconcile_journals_only_what_the_catalog_lacks(world: World) -> None:
    serve_faxplus(world, "known1")
    await (await world.client.post(f"/webhooks/faxplus/{FP_HOOK}",
                                   json=faxplus_event("known1"))).read()
    await world.archived("faxplus", "known1")
    serve_faxplus(world, "lost1")
    serve_faxplus(world, "lost2")
    world.faxplus.faxes["sent1"] = faxplus_record("sent1", direction="outgoing")

    report = await reconcile(world.services, "faxplus")
    assert (report.listed, report.known) == (3, 1)
    assert sorted(j["provider_fax_id"] for j in report.journaled) == ["lost1", "lost2"]
    for fax_id in ("lost1", "lost2"):
        fax = await world.archived("faxplus", fax_id)
        assert fax["received_at"] == "2024-09-09T10:44:39Z"
    again = await reconcile(world.services, "faxplus")
    assert again.journaled == [] and again.known == 3


async def run_cli_async(config: Path, *args: str) -> tuple[int, str, str]:
    """The real console script, without blocking the loop that serves the fake provider."""
    proc = await asyncio.create_subprocess_exec(
        FAXVAULT, *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        stdin=asyncio.subprocess.DEVNULL,
        env={**os.environ, "FAXVAULT_CONFIG": str(config), "OMP_THREAD_LIMIT": "1"})
    out, err = await asyncio.wait_for(proc.communicate(), 180)
    return proc.returncode, out.decode(), err.decode()


@pytest.fixture
async def faxplus_api(aiohttp_server, documents) -> str:
    """A fake Fax.Plus serving one inbox fax, cli1; returns its API base."""
    fake = FakeProvider(token="fp-token")
    server = await aiohttp_server(faxplus_app(fake))
    fake.faxes["cli1"] = faxplus_record("cli1")
    fake.files["cli1"] = documents["tiff"]
    return str(server.make_url("/v3"))


def provider_config(tmp_path: Path, api_base: str, port: int = 0) -> Path:
    return write_config(
        tmp_path / "faxvault.toml", tmp_path / "var",
        f'[server]\nport = {port}\n[faxplus]\napi_base = "{api_base}"\n'
        f'token = "fp-token"\nwebhook_token = "{FP_HOOK}"\n'
        "[http]\ntimeout_seconds = 2.0\nbackoff_base_seconds = 0.01\n",
        worker="lease_seconds = 2.0\n")


async def test_reconcile_command_fetches_and_processes(tmp_path: Path, faxplus_api: str) -> None:
    api_base = faxplus_api
    config = provider_config(tmp_path, api_base)
    code, out, err = await run_cli_async(config, "reconcile", "--provider", "faxplus",
                                         "--wait", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert [j["provider_fax_id"] for j in report["journaled"]] == ["cli1"]
    code, out, _ = await run_cli_async(config, "search", "capybara", "--json")
    assert [h["page_no"] for h in json.loads(out)] == [3]


async def test_reconcile_without_credentials_says_so(tmp_path: Path) -> None:
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var")
    code, _, err = await run_cli_async(config, "reconcile", "--provider", "dropbox")
    assert code == 1 and "dropbox API credentials are not configured" in err


async def test_sigkill_right_after_ack_then_restart_processes_once(tmp_path: Path,
                                                                   faxplus_api: str) -> None:
    api_base = faxplus_api
    port = free_port()
    config = provider_config(tmp_path, api_base, port)
    db_path = tmp_path / "var" / "faxvault.sqlite3"
    server = await start_serve(config, tmp_path / "serve.log")
    try:
        await wait_healthy(port)
        async with aiohttp.ClientSession() as session, session.post(
                f"http://127.0.0.1:{port}/webhooks/faxplus/{FP_HOOK}",
                json=faxplus_event("cli1")) as response:
            assert response.status == 200
        server.send_signal(signal.SIGKILL)  # the instant the 2xx is in hand
        await server.wait()
    finally:
        if server.returncode is None:
            server.kill()
            await server.wait()
    with sqlite3.connect(db_path) as db:  # acknowledged means journaled
        assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 1

    server = await start_serve(config, tmp_path / "serve.log")
    try:
        await wait_healthy(port)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with sqlite3.connect(db_path) as db:
                states = db.execute("SELECT state FROM faxes").fetchall()
            if states == [("archived",)]:
                break
            await asyncio.sleep(0.1)
    finally:
        server.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(server.wait(), 60) == 0
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT state, pages FROM faxes").fetchall() == [("archived", 3)]
        assert db.execute("SELECT count(*) FROM pages").fetchone()[0] == 3
        assert db.execute("SELECT count(*) FROM archive_objects").fetchone()[0] == 5
        jobs = db.execute("SELECT kind, state FROM jobs ORDER BY id").fetchall()
    assert jobs == [("faxplus_fax", "done"), ("process", "done"), ("archive", "done")]
