"""Recovery paths for provider faxes: reconcile after lost webhooks, a service killed right
after acknowledging a delivery, and the guards on every call to a provider API."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from yarl import URL

from ingest.config import ConfigError, config_from_mapping
from ingest.providers.base import (
    HttpPolicy,
    ListingStalled,
    PermanentProviderError,
    TransientError,
    basic_auth,
)
from ingest.providers.dropbox import DropboxClient
from ingest.providers.faxplus import FaxplusClient
from ingest.reconcile import reconcile
from storage.spool import Spool
from tests.cliutil import FAXVAULT, start_serve, wait_healthy
from tests.conftest import free_port, write_config
from tests.fakes import FakeProvider, counting_app, dropbox_app, faxplus_app
from tests.world import (
    FP_HOOK,
    World,
    dropbox_callback,
    faxplus_event,
    faxplus_record,
    post_dropbox,
    serve_dropbox,
    serve_faxplus,
)


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
        "[http]\ntimeout_seconds = 2.0\nbackoff_base_seconds = 0.01\nallow_insecure = true\n",
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


# -- every outbound call: a timeout, bounded retries, a size cap, no other origin ----------
@dataclass
class Api:
    client: FaxplusClient
    fake: FakeProvider
    spool: Spool
    base: URL


@pytest.fixture
async def api(aiohttp_server, tmp_path: Path) -> Api:
    """A Fax.Plus client against a fake API on loopback, with short timings."""
    fake = FakeProvider(token="fp-token", slow_seconds=1.0)
    fake.faxes["ok1"] = faxplus_record("ok1")
    fake.files["ok1"] = b"II*\x00" + bytes(4000)
    server = await aiohttp_server(faxplus_app(fake))
    policy = HttpPolicy(timeout_seconds=0.3, retries=3, backoff_base_seconds=0.01,
                        backoff_max_seconds=0.02, max_json_bytes=64 * 1024)
    session = aiohttp.ClientSession()
    client = FaxplusClient(session, str(server.make_url("/v3")), policy,
                           auth_headers={"Authorization": "Bearer fp-token"})
    yield Api(client, fake, Spool(tmp_path / "spool"), server.make_url("/v3"))
    await session.close()


def spooled(spool: Spool) -> list[Path]:
    return [p for p in (spool.root).rglob("*") if p.is_file()]


async def test_a_slow_api_times_out_each_attempt_and_gives_up_after_the_retries(
        api: Api) -> None:
    api.fake.inject("/faxes/ok1", "slow", "slow", "slow")
    with pytest.raises(TransientError, match=r"no complete answer within 0\.3 s"):
        await api.client.get_fax("ok1")
    assert api.fake.count("/faxes/ok1") == 3  # http.retries attempts, then the error
    api.fake.inject("/faxes/ok1", "slow")
    assert (await api.client.get_fax("ok1"))["id"] == "ok1"  # a slow one, then an answer


async def test_a_truncated_body_is_retried_and_never_kept(api: Api) -> None:
    api.fake.inject("/files/ok1", "truncate", "truncate", "truncate")
    with pytest.raises(aiohttp.ClientPayloadError):
        await api.client.download_fax("ok1", api.spool, 10_000)
    assert api.fake.count("/files/ok1") == 3 and spooled(api.spool) == []
    api.fake.inject("/files/ok1", "truncate")
    blob = await api.client.download_fax("ok1", api.spool, 10_000)
    assert blob.path.read_bytes() == api.fake.files["ok1"]


async def test_an_oversize_body_is_refused_without_retrying(api: Api) -> None:
    with pytest.raises(PermanentProviderError, match="over the 1000-byte limit"):
        await api.client.download_fax("ok1", api.spool, 1000)
    assert api.fake.count("/files/ok1") == 1 and spooled(api.spool) == []
    api.fake.faxes["big"] = faxplus_record("big", comment="x" * 100_000)
    with pytest.raises(PermanentProviderError, match="larger than the 65536-byte cap"):
        await api.client.get_fax("big")
    assert api.fake.count("/faxes/big") == 1


async def test_a_json_body_arriving_in_two_reads_is_read_whole(api: Api) -> None:
    api.fake.faxes["long"] = faxplus_record("long", comment="y" * 50_000)
    api.fake.inject("/faxes/long", "stall")
    assert (await api.client.get_fax("long"))["comment"] == "y" * 50_000
    assert api.fake.count("/faxes/long") == 1


async def test_a_redirect_to_another_origin_is_not_followed(api: Api, aiohttp_server) -> None:
    """Another port on 127.0.0.1 is another origin: never contacted, for JSON or files."""
    hits: list[str] = []
    elsewhere = await aiohttp_server(counting_app(hits))
    api.fake.redirect_to = str(elsewhere.make_url("/v3/accounts/self/files/ok1"))
    api.fake.inject("/files/ok1", "redirect")
    with pytest.raises(PermanentProviderError, match="redirect to another origin"):
        await api.client.download_fax("ok1", api.spool, 10_000)
    api.fake.inject("/faxes/ok1", "redirect")
    with pytest.raises(PermanentProviderError, match="redirect to another origin"):
        await api.client.get_fax("ok1")
    assert hits == [] and spooled(api.spool) == []
    assert api.fake.count("/files/ok1") == 1  # refused at once: a retry would not help


async def test_a_redirect_to_plain_http_on_the_same_host_is_another_origin(api: Api) -> None:
    api.fake.redirect_to = str(api.base.with_scheme("https")) + "/accounts/self/files/ok1"
    api.fake.inject("/files/ok1", "redirect")
    with pytest.raises(PermanentProviderError, match="another origin"):
        await api.client.download_fax("ok1", api.spool, 10_000)


async def test_same_origin_redirects_are_followed_up_to_the_cap(api: Api) -> None:
    api.fake.files["moved"] = b"II*\x00moved"
    api.fake.redirect_to = "/v3/accounts/self/files/moved?format=tiff"
    api.fake.inject("/files/ok1", "redirect")
    blob = await api.client.download_fax("ok1", api.spool, 10_000)
    assert blob.path.read_bytes() == b"II*\x00moved"
    api.fake.redirect_to = None  # each answer redirects to itself
    api.fake.inject("/files/ok1", *["redirect"] * 10)
    with pytest.raises(PermanentProviderError, match="more than 3 redirects"):
        await api.client.download_fax("ok1", api.spool, 10_000)
    assert api.fake.count("/files/ok1") == 1 + 4  # the first download, then 1 + 3 hops


async def test_server_errors_are_retried_a_bounded_number_of_times(api: Api) -> None:
    api.fake.inject("/faxes/ok1", "500", "429", "500", "500")
    with pytest.raises(TransientError, match="HTTP 500"):
        await api.client.get_fax("ok1")
    assert api.fake.count("/faxes/ok1") == 3


@pytest.mark.parametrize(("section", "base"), [("faxplus", "http://127.0.0.1:9/v3"),
                                               ("dropbox", "http://api.example.org/v3")])
def test_a_plain_http_api_base_is_refused_naming_the_key(section: str, base: str) -> None:
    with pytest.raises(ConfigError, match=rf"{section}\.api_base: expected an https://.*"
                                          r"http\.allow_insecure = true"):
        config_from_mapping({section: {"api_base": base}}, env={})
    allowed = config_from_mapping({section: {"api_base": base},
                                   "http": {"allow_insecure": True}}, env={})
    assert getattr(allowed, section).api_base == base
    with pytest.raises(ConfigError, match=rf"{section}\.api_base"):
        config_from_mapping({section: {"api_base": "file:///etc/passwd"}}, env={})


async def test_a_listing_that_does_not_advance_ends_with_an_error(api: Api,
                                                                  aiohttp_server) -> None:
    """An API that answers the same page whatever the offset would keep reconcile listing
    forever; the second identical page stops it, saying why."""
    for n in range(3):
        api.fake.faxes[f"in{n}"] = faxplus_record(f"in{n}")
    assert len(await api.client.list_received(page_size=2)) == 4  # ok1 + in0..in2
    api.fake.list_ignores_offset = True
    with pytest.raises(ListingStalled, match="faxplus fax list at offset 2"):
        await asyncio.wait_for(api.client.list_received(page_size=2), 30)

    fake = FakeProvider(token="db-key", list_ignores_offset=True)
    for n in range(3):
        fake.faxes[f"db{n}"] = {"fax_id": f"db{n}", "created_at": 1738001529}
    server = await aiohttp_server(dropbox_app(fake))
    async with aiohttp.ClientSession() as session:
        client = DropboxClient(session, str(server.make_url("/v3")), HttpPolicy(),
                               auth_headers={"Authorization": basic_auth("db-key")})
        with pytest.raises(ListingStalled, match="dropbox fax list page 2"):
            await asyncio.wait_for(client.list_received(page_size=2), 30)
        fake.list_ignores_offset = False
        assert len(await client.list_received(page_size=2)) == 3


async def test_a_dropbox_callback_refused_as_too_old_is_fetched_by_reconcile(
        world: World) -> None:
    """A callback that arrives after the replay window is refused; the fax it announced is
    not lost: reconcile lists it at the provider and fetches it."""
    serve_dropbox(world, "latefax01")
    stale = dropbox_callback("latefax01", event_time=str(int(time.time()) - 48 * 3600))
    assert (await post_dropbox(world, stale)).status == 401
    assert world.fax("dropbox", "latefax01") is None
    report = await reconcile(world.services, "dropbox")
    assert [j["provider_fax_id"] for j in report.journaled] == ["latefax01"]
    fax = await world.archived("dropbox", "latefax01")
    assert world.hits("narwhal") == [(fax["id"], 1)]
