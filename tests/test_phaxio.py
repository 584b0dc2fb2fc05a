"""Phaxio v2.1 end to end: receive webhooks signed with X-Phaxio-Signature over URL, sorted
fields and file digests; the fax fetched through the fake Phaxio API, never from the body."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from ingest.providers.phaxio import signature
from ingest.reconcile import reconcile
from tests.world import (
    PX_HOOK,
    PX_SIGNING,
    PX_URL,
    World,
    phaxio_fax,
    phaxio_webhook,
    post_phaxio,
    serve_phaxio,
)


async def assert_nothing_happened(world: World) -> None:
    assert world.count("events") == 0 and world.count("jobs") == 0
    assert world.count("faxes") == 0 and world.phaxio.requests == []


async def test_received_fax_is_fetched_through_the_api_searchable_and_archived(
        world: World) -> None:
    serve_phaxio(world, 123456)
    form, sig = phaxio_webhook(123456, b"%PDF-1.4 as the webhook carried it")
    response = await post_phaxio(world, form, sig)
    assert response.status == 200, await response.text()
    fax = await world.archived("phaxio", "123456")
    assert fax["from_number"] == "+15557771234" and fax["to_number"] == "+15558675309"
    assert fax["provider_status"] == "success" and fax["received_at"] == "2026-11-30T19:10:05Z"
    assert world.hits("narwhal") == [(fax["id"], 1)]
    assert world.phaxio.count("/v2.1/faxes/123456/file") == 1
    body = world.services.catalog.conn.execute("SELECT body FROM events").fetchone()[0]
    assert b"as the webhook carried it" not in body


def test_the_signature_covers_url_sorted_fields_and_file_digests() -> None:
    base = signature("t", "https://a/b", [("b", "2"), ("a", "1")], [("file", b"x")])
    assert base == signature("t", "https://a/b", [("a", "1"), ("b", "2")], [("file", b"x")])
    assert base != signature("t", "https://a/c", [("a", "1"), ("b", "2")], [("file", b"x")])
    assert base != signature("t", "https://a/b", [("a", "1"), ("b", "2")], [("file", b"y")])
    assert len(base) == 40 and base == base.lower()


@pytest.mark.parametrize("forgery", ["unsigned", "other token", "other url", "other file"])
async def test_forged_webhooks_are_refused_and_journal_nothing(world: World,
                                                               forgery: str) -> None:
    serve_phaxio(world, 777)
    form, sig = phaxio_webhook(777, b"%PDF-1.4 real")
    if forgery == "unsigned":
        sig = None
    elif forgery == "other token":
        form, sig = phaxio_webhook(777, b"%PDF-1.4 real", token="guess")
    elif forgery == "other url":
        form, sig = phaxio_webhook(777, b"%PDF-1.4 real", url="https://evil.example/x")
    else:  # signed for one file, sent with another
        _, sig = phaxio_webhook(777, b"%PDF-1.4 real")
        form, _ = phaxio_webhook(777, b"%PDF-1.4 swapped")
    response = await post_phaxio(world, form, sig)
    assert response.status == 401
    await assert_nothing_happened(world)


async def test_a_wrong_path_token_is_404(world: World) -> None:
    form, sig = phaxio_webhook(1, b"%PDF")
    assert (await post_phaxio(world, form, sig, token=PX_HOOK + "x")).status == 404
    await assert_nothing_happened(world)


async def test_duplicates_and_a_flaky_api_yield_exactly_one_fax(world: World) -> None:
    serve_phaxio(world, 4242)
    world.phaxio.inject("/faxes/4242", "500", "429")
    world.phaxio.inject("/faxes/4242/file", "truncate")
    posts = [phaxio_webhook(4242, b"%PDF-1.4") for _ in range(4)]
    responses = await asyncio.gather(*(post_phaxio(world, f, s) for f, s in posts))
    assert [r.status for r in responses] == [200] * 4
    fax = await world.archived("phaxio", "4242")
    assert world.count("faxes") == 1 and world.count("events") == 1
    assert world.hits("narwhal") == [(fax["id"], 1)]


async def test_test_faxes_are_journaled_and_fetch_nothing(world: World) -> None:
    text = [("direction", "received"), ("fax", json.dumps(phaxio_fax(9))), ("is_test", "true")]
    form = aiohttp.FormData(default_to_multipart=True)
    for name, value in text:
        form.add_field(name, value)
    response = await post_phaxio(world, form, signature(PX_SIGNING, PX_URL, text, []))
    assert response.status == 200
    assert world.count("events") == 1 and world.count("jobs") == 0


async def test_reconcile_fetches_received_faxes_the_catalog_lacks(world: World) -> None:
    serve_phaxio(world, 501)
    world.phaxio.faxes["502"] = {"id": 502, "direction": "sent", "status": "success"}
    report = await reconcile(world.services, "phaxio")
    assert [j["provider_fax_id"] for j in report.journaled] == ["501"]
    assert world.phaxio.count("direction=received") == 1
    await world.archived("phaxio", "501")
