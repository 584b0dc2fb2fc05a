"""SignalWire fax end to end: signed <Receive> callbacks into the real service, the fax and
its media fetched from the fake space's Compatibility API only, real OCR and archive."""

from __future__ import annotations

import asyncio

import pytest

from ingest.providers.signalwire import signature, url_variants
from ingest.reconcile import reconcile
from tests.fakes import counting_app
from tests.world import (
    SW_HOOK,
    SW_URL,
    World,
    post_signalwire,
    serve_signalwire,
    signalwire_params,
)


async def assert_nothing_happened(world: World) -> None:
    assert world.count("events") == 0 and world.count("jobs") == 0
    assert world.count("faxes") == 0 and world.signalwire.requests == []


async def test_received_fax_is_fetched_from_the_space_searchable_and_archived(
        world: World) -> None:
    serve_signalwire(world, "FX1")
    response = await post_signalwire(world, signalwire_params("FX1"))
    assert response.status == 200, await response.text()
    fax = await world.archived("signalwire", "FX1")
    assert fax["from_number"] == "+13103383454" and fax["to_number"] == "+13104456789"
    assert fax["provider_status"] == "received" and fax["partial"] == 0
    assert fax["received_at"] == "2026-11-30T18:02:11Z"
    assert world.hits("narwhal") == [(fax["id"], 1)]
    assert world.signalwire.count("/Faxes/FX1.json") == 2  # record, then the media's place
    assert world.signalwire.count("/Faxes/FX1/Media/MEFX1") == 1


@pytest.mark.parametrize("forgery", ["unsigned", "other key", "other url", "tampered",
                                     "added parameter", "other project"])
async def test_forged_callbacks_are_refused_and_journal_nothing(world: World,
                                                                forgery: str) -> None:
    serve_signalwire(world, "FXV")
    params = signalwire_params("FXV")
    kwargs: dict = {}
    if forgery == "unsigned":
        kwargs["sign"] = False
    elif forgery == "other key":
        kwargs["key"] = "guessed-key"
    elif forgery == "other url":
        kwargs["url"] = "https://attacker.example/webhooks/signalwire/" + SW_HOOK
    elif forgery == "tampered":
        signed = params
        params = [(k, "+19995550000" if k == "From" else v) for k, v in signed]
        kwargs["body"] = "&".join(f"{k}={v}" for k, v in params).replace("+", "%2B").encode()
        params = signed  # the signature is over the original values
    elif forgery == "added parameter":
        signed = params
        kwargs["body"] = ("&".join(f"{k}={v}" for k, v in signed).replace("+", "%2B")
                          + "&Extra=1").encode()
    else:
        params = signalwire_params("FXV", AccountSid="someone-else")
    response = await post_signalwire(world, params, **kwargs)
    assert response.status == 401, await response.text()
    await assert_nothing_happened(world)


async def test_a_wrong_path_token_is_404(world: World) -> None:
    response = await post_signalwire(world, signalwire_params("FXT"), token="guess")
    assert response.status == 404
    await assert_nothing_happened(world)


def test_the_signature_matches_with_or_without_the_default_port() -> None:
    assert url_variants("https://a.example/x?y=1") == ["https://a.example/x?y=1",
                                                       "https://a.example:443/x?y=1"]
    assert url_variants("https://a.example:443/x") == ["https://a.example:443/x",
                                                       "https://a.example/x"]
    assert url_variants("https://a.example:8443/x") == ["https://a.example:8443/x"]
    # Parameters are sorted by name and concatenated as name+value after the URL.
    assert signature("k", "https://a/b", [("b", "2"), ("a", "1")]) == \
        signature("k", "https://a/b", [("a", "1"), ("b", "2")])


async def test_the_signature_over_the_url_with_its_default_port_is_accepted(
        world: World) -> None:
    serve_signalwire(world, "FXP")
    with_port = SW_URL.replace("fax.example.org", "fax.example.org:443")
    response = await post_signalwire(world, signalwire_params("FXP"), url=with_port)
    assert response.status == 200
    await world.archived("signalwire", "FXP")


async def test_media_off_the_space_is_never_contacted(world: World, aiohttp_server) -> None:
    hits: list[str] = []
    elsewhere = await aiohttp_server(counting_app(hits))
    # The callback's MediaUrl and the record's media_url both point elsewhere: the media is
    # taken from the space by its media_sid.
    serve_signalwire(world, "FXM", media_url=str(elsewhere.make_url("/fax.pdf")))
    params = signalwire_params("FXM", MediaUrl=str(elsewhere.make_url("/fax.pdf")))
    assert (await post_signalwire(world, params)).status == 200
    await world.archived("signalwire", "FXM")
    assert hits == []
    assert world.signalwire.count("/Faxes/FXM/Media/MEFXM") == 1


async def test_duplicates_are_one_fax(world: World) -> None:
    serve_signalwire(world, "FXD")
    responses = await asyncio.gather(*(post_signalwire(world, signalwire_params("FXD"))
                                       for _ in range(5)))
    assert [r.status for r in responses] == [200] * 5
    await world.archived("signalwire", "FXD")
    assert world.count("faxes") == 1 and world.count("events") == 1
    assert world.signalwire.count("/Media/") == 1


async def test_flaky_space_yields_exactly_one_fax(world: World) -> None:
    serve_signalwire(world, "FXF")
    world.signalwire.inject("/Faxes/FXF.json", "500", "429")
    world.signalwire.inject("/Faxes/FXF/Media/", "truncate", "500")
    assert (await post_signalwire(world, signalwire_params("FXF"))).status == 200
    fax = await world.archived("signalwire", "FXF")
    assert world.count("faxes") == 1 and world.hits("narwhal") == [(fax["id"], 1)]
    assert world.signalwire.count("/Faxes/FXF/Media/") == 3


@pytest.mark.parametrize("status", ["failed", "no-answer", "busy"])
async def test_failed_receptions_are_journaled_and_fetch_nothing(world: World,
                                                                 status: str) -> None:
    params = signalwire_params("FXX", FaxStatus=status, ErrorCode="15003",
                               ErrorMessage="Call dropped", NumPages="0")
    assert (await post_signalwire(world, params)).status == 200
    assert world.count("events") == 1 and world.count("jobs") == 0
    assert world.signalwire.requests == []


async def test_malformed_callbacks_are_4xx(world: World) -> None:
    response = await post_signalwire(world, signalwire_params("a/b"))
    assert response.status == 400 and "FaxSid" in await response.text()
    response = await world.client.post(f"/webhooks/signalwire/{SW_HOOK}", json={"x": 1})
    assert response.status == 415
    assert world.count("events") == 0


async def test_reconcile_fetches_received_inbound_faxes_the_catalog_lacks(
        world: World) -> None:
    serve_signalwire(world, "FXR")
    serve_signalwire(world, "FXFAILED", status="failed")
    serve_signalwire(world, "FXOUT", direction="outbound", status="delivered")
    report = await reconcile(world.services, "signalwire")
    assert [j["provider_fax_id"] for j in report.journaled] == ["FXR"]
    await world.archived("signalwire", "FXR")
