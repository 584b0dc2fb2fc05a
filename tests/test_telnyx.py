"""Telnyx Programmable Fax end to end: signed webhooks into the real service, the fake Telnyx
API and its fake presigned-media host on loopback, real OCR and archive."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ingest.config import ConfigError, config_from_mapping
from ingest.providers.base import DeliveryRejected
from ingest.providers.telnyx import parse_delivery
from ingest.reconcile import reconcile
from tests.fakes import counting_app
from tests.world import (
    TX_API_KEY,
    TX_PUBLIC_KEY,
    World,
    post_telnyx,
    serve_telnyx,
    telnyx_event,
    telnyx_signed,
)


async def assert_nothing_happened(world: World) -> None:
    assert world.count("events") == 0 and world.count("jobs") == 0
    assert world.count("faxes") == 0
    assert world.telnyx.requests == [] and world.telnyx_media.requests == []


async def test_received_fax_is_fetched_through_the_api_searchable_and_archived(
        world: World) -> None:
    serve_telnyx(world, "f72eebbe-f9b6-4f0f-b652-03e742e110d5")
    response = await post_telnyx(world, telnyx_event("f72eebbe-f9b6-4f0f-b652-03e742e110d5"))
    assert response.status == 200 and (await response.json())["duplicate"] is False
    fax = await world.archived("telnyx", "f72eebbe-f9b6-4f0f-b652-03e742e110d5")
    assert fax["from_number"] == "+16132484850" and fax["to_number"] == "+17733372863"
    assert fax["provider_status"] == "received" and fax["partial"] == 0
    assert fax["received_at"] == "2020-08-27T16:33:36Z"
    assert world.hits("narwhal") == [(fax["id"], 1)]
    assert world.telnyx.count("/faxes/f72eebbe") == 1
    assert len(world.telnyx_media.requests) == 1
    # The presigned link gets no credentials of ours.
    assert world.telnyx_media.credentials_seen == []
    assert world.count("archive_objects") > 0


async def test_the_same_delivery_five_times_is_one_fax_fetched_once(world: World) -> None:
    serve_telnyx(world, "tx-dup")
    body = json.dumps(telnyx_event("tx-dup")).encode()
    headers = telnyx_signed(body)
    responses = await asyncio.gather(*(post_telnyx(world, body, headers) for _ in range(5)))
    assert [r.status for r in responses] == [200] * 5
    assert sorted([(await r.json())["duplicate"] for r in responses]) == [False] + [True] * 4
    # A retry of the same event by Telnyx (new attempt, new signature) is a duplicate too.
    retry = telnyx_event("tx-dup", event_id="ev-1")
    retry["meta"]["attempt"] = 2
    assert (await (await post_telnyx(world, retry)).json())["duplicate"] is True
    await world.archived("telnyx", "tx-dup")
    assert world.count("faxes") == 1 and world.count("events") == 1
    assert len(world.telnyx_media.requests) == 1


@pytest.mark.parametrize("forgery", ["other key", "tampered body", "no signature",
                                     "stale", "ahead", "garbage signature"])
async def test_forged_or_stale_deliveries_are_refused_and_journal_nothing(
        world: World, forgery: str) -> None:
    serve_telnyx(world, "victim")
    body = json.dumps(telnyx_event("victim")).encode()
    headers = telnyx_signed(body)
    if forgery == "other key":
        headers = telnyx_signed(body, signer=Ed25519PrivateKey.generate())
    elif forgery == "tampered body":
        body = body.replace(b"+16132484850", b"+19995550000")
    elif forgery == "no signature":
        del headers["telnyx-signature-ed25519"]
    elif forgery == "stale":  # captured and replayed six minutes later
        headers = telnyx_signed(body, timestamp=int(time.time()) - 360)
    elif forgery == "ahead":
        headers = telnyx_signed(body, timestamp=int(time.time()) + 360)
    else:
        headers["telnyx-signature-ed25519"] = base64.b64encode(b"x" * 64).decode()
    response = await post_telnyx(world, body, headers)
    assert response.status == 401, await response.text()
    await assert_nothing_happened(world)


async def test_a_wrong_path_token_is_404_even_when_signed(world: World) -> None:
    serve_telnyx(world, "victim")
    response = await post_telnyx(world, telnyx_event("victim"), token="guess")
    assert response.status == 404
    await assert_nothing_happened(world)


async def test_malformed_signed_bodies_are_400_with_a_reason(world: World) -> None:
    for doc, reason in ((b"[1]", "not a JSON object"), ({"data": 3}, "'data' object"),
                        (telnyx_event("../etc"), "fax_id has unexpected characters"),
                        (telnyx_event(None), "without data.payload.fax_id")):
        response = await post_telnyx(world, doc)
        assert response.status == 400 and reason in await response.text()
    assert world.count("events") == 0


async def test_flaky_api_and_media_host_yield_exactly_one_fax(world: World) -> None:
    serve_telnyx(world, "tx-flaky")
    world.telnyx.inject("/faxes/tx-flaky", "500", "429")
    world.telnyx.inject("/faxes-prod/", "truncate", "500")
    assert (await post_telnyx(world, telnyx_event("tx-flaky"))).status == 200
    fax = await world.archived("telnyx", "tx-flaky")
    assert world.count("faxes") == 1 and world.hits("narwhal") == [(fax["id"], 1)]
    assert world.telnyx.count("/faxes/tx-flaky") == 3  # two faults, then the record
    assert len(world.telnyx_media.requests) == 3  # two faults, then the file


async def test_an_expired_media_link_is_refreshed_through_the_api(world: World) -> None:
    serve_telnyx(world, "tx-late")
    world.telnyx_media.expired.add("sig0001")  # the first link issued has already expired
    assert (await post_telnyx(world, telnyx_event("tx-late"))).status == 200
    await world.archived("telnyx", "tx-late")
    assert world.telnyx.count("POST /v2/faxes/tx-late/actions/refresh") == 1
    assert world.telnyx.count("/faxes/tx-late") == 3  # record, refresh, record again


async def test_no_url_from_the_payload_and_no_unlisted_media_host_is_followed(
        world: World, aiohttp_server) -> None:
    hits: list[str] = []
    elsewhere = await aiohttp_server(counting_app(hits))
    # The signed payload points elsewhere: never contacted (the record's link is used).
    serve_telnyx(world, "tx-a")
    event = telnyx_event("tx-a", media_url=str(elsewhere.make_url("/faxes-prod/u/tx-a.pdf")))
    assert (await post_telnyx(world, event)).status == 200
    await world.archived("telnyx", "tx-a")
    # The API record itself names a host off the allowlist ("localhost" is not "127.0.0.1").
    off_list = str(elsewhere.make_url("/faxes-prod/u/tx-b.pdf")).replace("127.0.0.1",
                                                                         "localhost")
    serve_telnyx(world, "tx-b", media_url=off_list)
    assert (await post_telnyx(world, telnyx_event("tx-b"))).status == 200

    def failed() -> dict | None:
        fax = world.fax("telnyx", "tx-b")
        return fax if fax and fax["error"] else None

    fax = await world.until(failed, what="tx-b refused")
    assert "telnyx.media_hosts" in fax["error"] and "'localhost'" in fax["error"]
    assert hits == []


async def test_partial_content_keeps_the_fax_flagged_partial(world: World) -> None:
    serve_telnyx(world, "tx-part")
    response = await post_telnyx(world, telnyx_event("tx-part", partial_content=True))
    assert response.status == 200
    fax = await world.archived("telnyx", "tx-part")
    assert fax["partial"] == 1 and world.hits("narwhal") == [(fax["id"], 1)]


@pytest.mark.parametrize("event_type,payload", [
    ("fax.failed", {"status": "failed", "failure_reason": "sender_call_dropped"}),
    ("fax.media.processing.started", {"status": "media.processing"}),
    ("fax.delivered", {"direction": "outbound", "status": "delivered"}),
    ("fax.received", {"direction": "outbound"}),
    ("some.future.event", {}),
])
async def test_other_events_are_journaled_and_fetch_nothing(world: World, event_type: str,
                                                            payload: dict) -> None:
    response = await post_telnyx(world, telnyx_event("tx-other", event_type, **payload))
    assert response.status == 200
    assert world.count("events") == 1 and world.count("jobs") == 0
    assert world.telnyx.requests == []


async def test_reconcile_lists_inbound_received_faxes_and_fetches_the_missing(
        world: World) -> None:
    serve_telnyx(world, "tx-known")
    assert (await post_telnyx(world, telnyx_event("tx-known"))).status == 200
    await world.archived("telnyx", "tx-known")
    serve_telnyx(world, "tx-missed")
    serve_telnyx(world, "tx-arriving", status="receiving")
    world.telnyx.faxes["tx-sent"] = {"id": "tx-sent", "direction": "outbound",
                                     "status": "delivered"}
    report = await reconcile(world.services, "telnyx")
    assert (report.listed, report.known) == (2, 1)
    assert [j["provider_fax_id"] for j in report.journaled] == ["tx-missed"]
    assert world.telnyx.count("filter%5Bdirection%5D%5Beq%5D=inbound") == 1
    fax = await world.archived("telnyx", "tx-missed")
    assert fax["from_number"] == "+16132484850"


async def test_secrets_never_reach_the_logs(world: World, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    serve_telnyx(world, "tx-log")
    world.telnyx.inject("/faxes/tx-log", "500")
    await post_telnyx(world, telnyx_event("tx-log"), token="wrong")
    assert (await post_telnyx(world, telnyx_event("tx-log"))).status == 200
    await world.archived("telnyx", "tx-log")
    # Ours: everything but the fake servers' own access logs (the media host logs its URLs).
    text = "\n".join(r.getMessage() for r in caplog.records
                     if r.name != "aiohttp.access" or "/webhooks/" in r.getMessage())
    assert "/webhooks/telnyx/[redacted]" in text and "tx-log" in text
    assert "hook-tx-secret" not in text and TX_API_KEY not in text
    assert "X-Amz-Signature" not in text and "sig0001" not in text


def test_parser_is_pure_and_checks_the_window() -> None:
    body = json.dumps(telnyx_event("tx-unit")).encode()
    headers = telnyx_signed(body, timestamp=1_700_000_000)
    delivery = parse_delivery(headers, body, TX_PUBLIC_KEY, now=1_700_000_299)
    assert delivery.job_kind == "telnyx_fax" and delivery.provider_fax_id == "tx-unit"
    assert delivery.idem_key == "telnyx:fax.received:tx-unit"
    with pytest.raises(DeliveryRejected) as refused:
        parse_delivery(headers, body, TX_PUBLIC_KEY, now=1_700_000_301)
    assert refused.value.status == 401 and "301 s old" in refused.value.reason
    with pytest.raises(DeliveryRejected) as refused:
        parse_delivery(headers, body, None, now=1_700_000_000)
    assert "telnyx.public_key is not set" in refused.value.reason


def test_a_bad_public_key_is_a_config_error_naming_the_key() -> None:
    with pytest.raises(ConfigError, match=r"telnyx\.public_key"):
        config_from_mapping({"telnyx": {"public_key": "not-base64!"}}, env={})
    with pytest.raises(ConfigError, match="32-byte"):
        config_from_mapping({"telnyx": {"public_key": base64.b64encode(b"x" * 16).decode()}},
                            env={})
