"""Sinch Fax API v3 end to end: unsigned callbacks authenticated by the credentials in their
URL and the project they name, then the fax looked up and downloaded through the fake Sinch
API (OAuth2 tokens included), real OCR and archive."""

from __future__ import annotations

import asyncio
import json
import os

import pytest

from ingest.reconcile import reconcile
from tests.world import (
    SN_HOOK,
    SN_PROJECT,
    World,
    post_sinch,
    serve_sinch,
    sinch_fax,
    sinch_json,
    sinch_multipart,
)


async def assert_nothing_happened(world: World) -> None:
    assert world.count("events") == 0 and world.count("jobs") == 0
    assert world.count("faxes") == 0 and world.sinch.requests == []


def journaled_body(world: World) -> bytes:
    return world.services.catalog.conn.execute("SELECT body FROM events").fetchone()[0]


@pytest.mark.parametrize("encoding", ["multipart", "json"])
async def test_incoming_fax_is_looked_up_downloaded_searchable_and_archived(
        world: World, encoding: str) -> None:
    serve_sinch(world, "01HSN1")
    # The callback's own file is not the one kept: the API's is (here they differ).
    attached = b"%PDF-1.4 what the callback carried"
    data = (sinch_multipart(sinch_fax("01HSN1"), attached) if encoding == "multipart"
            else sinch_json(sinch_fax("01HSN1"), attached))
    response = await post_sinch(world, data)
    assert response.status == 200, await response.text()
    fax = await world.archived("sinch", "01HSN1")
    assert fax["from_number"] == "+14155550100" and fax["to_number"] == "+14155550199"
    assert fax["provider_status"] == "COMPLETED" and fax["partial"] == 0
    assert fax["received_at"] == "2026-11-30T14:05:09Z"
    assert world.hits("narwhal") == [(fax["id"], 1)]
    assert world.sinch.count(f"/projects/{SN_PROJECT}/faxes/01HSN1") == 2  # record, file
    assert world.sinch.count("POST /oauth2/token") == 1
    kept = json.loads(journaled_body(world))
    assert b"callback carried" not in journaled_body(world)
    assert kept["file"]["size"] == len(attached) and kept["fax"]["id"] == "01HSN1"


async def test_a_callback_larger_than_the_server_cap_is_accepted(world: World) -> None:
    """The world's server cap is 64 KiB; Sinch callbacks carry the fax, so their own cap
    applies."""
    serve_sinch(world, "01HBIG")
    response = await post_sinch(world, sinch_multipart(sinch_fax("01HBIG"),
                                                       os.urandom(200_000)))
    assert response.status == 200
    await world.archived("sinch", "01HBIG")
    response = await world.client.post("/webhooks/faxplus/x", data=b"x" * 200_000)
    assert response.status in (404, 413)  # other routes keep the server's cap


@pytest.mark.parametrize("forgery", ["no credentials", "wrong password", "wrong user",
                                     "other project"])
async def test_unauthenticated_callbacks_are_refused_and_journal_nothing(
        world: World, forgery: str) -> None:
    serve_sinch(world, "01HVICTIM")
    fax = sinch_fax("01HVICTIM")
    kwargs: dict = {}
    if forgery == "no credentials":
        kwargs["auth"] = False
    elif forgery == "wrong password":
        kwargs["password"] = "guess"
    elif forgery == "wrong user":
        kwargs["user"] = "admin"
    else:
        fax["projectId"] = "someone-else"
    response = await post_sinch(world, sinch_multipart(fax, b"%PDF"), **kwargs)
    assert response.status == 401
    await assert_nothing_happened(world)


async def test_a_wrong_path_token_is_404(world: World) -> None:
    response = await post_sinch(world, sinch_multipart(sinch_fax("01HX"), b"%PDF"),
                                token=SN_HOOK + "x")
    assert response.status == 404
    await assert_nothing_happened(world)


async def test_a_fax_the_project_does_not_have_is_never_archived(world: World) -> None:
    """Right credentials, but a fax id the project does not know: the lookup fails, the job
    parks as failed with the reason, and nothing from the callback becomes a fax."""
    response = await post_sinch(world, sinch_multipart(sinch_fax("01HNOPE"), b"%PDF-1.4 x"))
    assert response.status == 200

    def failed() -> dict | None:
        fax = world.fax("sinch", "01HNOPE")
        return fax if fax and fax["state"] == "failed" else None

    fax = await world.until(failed, what="lookup failure")
    assert "HTTP 404" in fax["error"] and fax["original_sha256"] is None
    assert world.sinch.count("/faxes/01HNOPE/file") == 0


async def test_duplicates_are_one_fax(world: World) -> None:
    serve_sinch(world, "01HDUP")
    body = sinch_json(sinch_fax("01HDUP"), b"%PDF")
    responses = await asyncio.gather(*(post_sinch(world, body) for _ in range(5)))
    assert [r.status for r in responses] == [200] * 5
    await world.archived("sinch", "01HDUP")
    assert world.count("faxes") == 1 and world.count("events") == 1
    assert world.sinch.count("/faxes/01HDUP/file") == 1


async def test_flaky_api_and_an_expired_token_yield_exactly_one_fax(world: World) -> None:
    serve_sinch(world, "01HFLAKY")
    world.sinch.inject("/faxes/01HFLAKY", "500", "429")
    world.sinch.inject("/faxes/01HFLAKY/file", "truncate")
    assert (await post_sinch(world, sinch_json(sinch_fax("01HFLAKY"), b"%PDF"))).status == 200
    fax = await world.archived("sinch", "01HFLAKY")
    assert world.hits("narwhal") == [(fax["id"], 1)]
    # The token is revoked (as an expired one answers 401): one new token, then on.
    serve_sinch(world, "01HLATER")
    world.sinch.issued_tokens.clear()
    assert (await post_sinch(world, sinch_json(sinch_fax("01HLATER"), b"%PDF"))).status == 200
    await world.archived("sinch", "01HLATER")
    assert world.sinch.count("POST /oauth2/token") == 2


@pytest.mark.parametrize("event,fields", [
    ("FAX_COMPLETED", {"direction": "OUTBOUND"}),
    ("INCOMING_FAX", {"direction": "OUTBOUND"}),
    ("SOME_FUTURE_EVENT", {}),
])
async def test_other_events_are_journaled_and_fetch_nothing(world: World, event: str,
                                                            fields: dict) -> None:
    response = await post_sinch(world, sinch_json(sinch_fax("01HOTHER", **fields), b"",
                                                  event=event))
    assert response.status == 200
    assert world.count("events") == 1 and world.count("jobs") == 0
    assert world.sinch.requests == []


async def test_malformed_callbacks_are_400(world: World) -> None:
    for body, reason in ((b"{", "not valid JSON"),
                         (json.dumps({"event": "INCOMING_FAX"}).encode(), "'fax' object"),
                         (json.dumps({"event": "INCOMING_FAX", "fax": sinch_fax("a/b")}).encode(),
                          "fax.id has unexpected characters"),
                         (json.dumps({"event": "INCOMING_FAX", "fax": sinch_fax("x"),
                                      "file": "***"}).encode(), "not valid base64")):
        response = await post_sinch(world, body)
        assert response.status == 400 and reason in await response.text()
    assert world.count("events") == 0


async def test_reconcile_fetches_received_inbound_faxes_the_catalog_lacks(
        world: World) -> None:
    serve_sinch(world, "01HMISSED")
    serve_sinch(world, "01HFAILED", status="FAILURE", hasFile="false")
    serve_sinch(world, "01HARRIVING", status="IN_PROGRESS")
    world.sinch.faxes["01HSENT"] = sinch_fax("01HSENT", direction="OUTBOUND")
    report = await reconcile(world.services, "sinch")
    assert [j["provider_fax_id"] for j in report.journaled] == ["01HMISSED"]
    assert world.sinch.count("direction=INBOUND") == 1
    await world.archived("sinch", "01HMISSED")
