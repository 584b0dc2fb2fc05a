"""Documo (mFax) end to end: JSON and legacy multipart webhooks authenticated by their Basic
credentials, the fax fetched by message id through the fake Documo API with the API key."""

from __future__ import annotations

import asyncio
import json

import pytest

from ingest.reconcile import reconcile
from tests.world import (
    DM_HOOK,
    World,
    documo_event,
    documo_legacy_form,
    post_documo,
    serve_documo,
)


async def assert_nothing_happened(world: World) -> None:
    assert world.count("events") == 0 and world.count("jobs") == 0
    assert world.count("faxes") == 0 and world.documo.requests == []


@pytest.mark.parametrize("encoding", ["json", "legacy"])
async def test_inbound_fax_is_fetched_by_message_id_searchable_and_archived(
        world: World, encoding: str) -> None:
    mid = "d7afa15d-a79e-4f1b-b013-18ec9c846ef3"
    serve_documo(world, mid)
    data = (documo_event(mid) if encoding == "json"
            else documo_legacy_form(mid, b"%PDF-1.4 the attachment"))
    response = await post_documo(world, data)
    assert response.status == 200, await response.text()
    fax = await world.archived("documo", mid)
    assert fax["from_number"] == "+13105551234" and fax["to_number"] == "+18885550000"
    assert fax["provider_status"] == "success" and fax["partial"] == 0
    assert fax["received_at"] == "2026-11-30T16:20:44Z"
    assert world.hits("narwhal") == [(fax["id"], 1)]
    assert world.documo.count(f"/v1/fax/{mid}/info") == 1
    assert world.documo.count(f"/v1/fax/{mid}/download") == 1
    body = world.services.catalog.conn.execute("SELECT body FROM events").fetchone()[0]
    assert b"the attachment" not in body


async def test_succeed_then_complete_for_one_fax_is_one_fetch(world: World) -> None:
    serve_documo(world, "m-both")
    first = await post_documo(world, documo_event("m-both"))
    second = await post_documo(world, documo_event("m-both", "fax.v1.inbound.complete"))
    assert (await first.json())["duplicate"] is False
    assert (await second.json())["duplicate"] is True
    await world.archived("documo", "m-both")
    assert world.count("faxes") == 1 and world.documo.count("/download") == 1


async def test_concurrent_duplicates_are_one_fax(world: World) -> None:
    serve_documo(world, "m-dup")
    responses = await asyncio.gather(*(post_documo(world, documo_event("m-dup"))
                                       for _ in range(5)))
    assert [r.status for r in responses] == [200] * 5
    await world.archived("documo", "m-dup")
    assert world.count("faxes") == 1 and world.count("events") == 1


@pytest.mark.parametrize("forgery", ["no credentials", "wrong password", "wrong user"])
async def test_unauthenticated_webhooks_are_refused_and_journal_nothing(
        world: World, forgery: str) -> None:
    serve_documo(world, "m-victim")
    kwargs: dict = {"no credentials": {"auth": False}, "wrong password": {"password": "x"},
                    "wrong user": {"user": "root"}}[forgery]
    response = await post_documo(world, documo_event("m-victim"), **kwargs)
    assert response.status == 401
    await assert_nothing_happened(world)


async def test_a_wrong_path_token_is_404(world: World) -> None:
    response = await post_documo(world, documo_event("m-x"), token=DM_HOOK + "x")
    assert response.status == 404
    await assert_nothing_happened(world)


async def test_flaky_api_yields_exactly_one_fax(world: World) -> None:
    serve_documo(world, "m-flaky")
    world.documo.inject("/v1/fax/m-flaky/info", "500", "slow")
    world.documo.inject("/v1/fax/m-flaky/download", "429", "truncate", "404")
    assert (await post_documo(world, documo_event("m-flaky"))).status == 200
    fax = await world.archived("documo", "m-flaky")
    assert world.count("faxes") == 1 and world.hits("narwhal") == [(fax["id"], 1)]
    assert world.documo.count("/v1/fax/m-flaky/download") == 4


@pytest.mark.parametrize("event,fields", [
    ("fax.v1.inbound.failed", {"status": "failed"}),
    ("fax.v1.inbound.complete", {"status": "failed"}),
    ("fax.v1.outbound.succeed", {"direction": "outbound"}),
    ("fax.v1.number.add", {}),
])
async def test_other_events_are_journaled_and_fetch_nothing(world: World, event: str,
                                                            fields: dict) -> None:
    response = await post_documo(world, documo_event("m-other", event, **fields))
    assert response.status == 200
    assert world.count("events") == 1 and world.count("jobs") == 0
    assert world.documo.requests == []


async def test_malformed_webhooks_are_400(world: World) -> None:
    for body, reason in ((b"[]", "not a JSON object"),
                         (json.dumps({"data": {}}).encode(), "event name missing"),
                         (documo_event("../../x"), "messageId has unexpected characters")):
        response = await post_documo(world, body)
        assert response.status == 400 and reason in await response.text()
    assert world.count("events") == 0


async def test_reconcile_fetches_inbound_successes_the_catalog_lacks(world: World) -> None:
    serve_documo(world, "m-missed")
    serve_documo(world, "m-failed", status="failed")
    world.documo.faxes["m-sent"] = {"messageId": "m-sent", "direction": "outbound",
                                    "status": "success"}
    report = await reconcile(world.services, "documo")
    assert [j["provider_fax_id"] for j in report.journaled] == ["m-missed"]
    assert world.documo.count("direction=inbound") == 1
    await world.archived("documo", "m-missed")
