"""The service on PostgreSQL: webhooks journaled through the group journal, fetched from a
fake provider API, processed with real OCR and archived, with the catalog and the queue in a
real server (tests/postgres.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from ingest.app import init_app
from storage import audit
from tests.conftest import make_config
from tests.fakes import FakeProvider, faxplus_app
from tests.world import FP_HOOK, World, faxplus_event, post_faxplus, serve_faxplus


async def test_same_webhook_five_times_is_one_fax_archived_on_postgresql(
        postgres_url: str, aiohttp_server, aiohttp_client, tmp_path: Path, ocr_pool,
        documents) -> None:
    # postgres_url first: its database outlives the service, which is stopped before it.
    fp = FakeProvider(token="fp-token")
    fp_server = await aiohttp_server(faxplus_app(fp))
    config = make_config(
        tmp_path / "var", catalog={"url": postgres_url},
        faxplus={"api_base": str(fp_server.make_url("/v3")), "token": "fp-token",
                 "webhook_token": FP_HOOK},
        http={"timeout_seconds": 5.0, "retries": 3, "backoff_base_seconds": 0.01,
              "backoff_max_seconds": 0.05, "allow_insecure": True})
    client = await aiohttp_client(init_app(config, pool=ocr_pool))
    world = World(client, fp, FakeProvider(token="unused"), documents)

    serve_faxplus(world, "fp-pg")
    responses = await asyncio.gather(*(post_faxplus(world, faxplus_event("fp-pg"))
                                       for _ in range(5)))
    assert [r.status for r in responses] == [200] * 5
    assert sorted([(await r.json())["duplicate"] for r in responses]) == [False] + [True] * 4
    fax = await world.archived("faxplus", "fp-pg")
    assert fax["pages"] == 3 and fax["from_number"] == "+13343040000"
    catalog = world.services.catalog
    assert "capybara" in catalog.pages(fax["id"])[2]["text"]
    assert [d.deliveries for d in catalog.delivery_summaries()] == [1]
    assert fp.count("/files/fp-pg") == 1
    assert audit.verify_chain(catalog).ok
    assert not (tmp_path / "var" / "faxvault.sqlite3").exists()
