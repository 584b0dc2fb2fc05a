"""Provider webhooks end to end: the real service in-process, fake provider APIs on loopback,
real OCR. Journal before acknowledge; exactly one fax per fax, whatever the provider does."""

from __future__ import annotations

import asyncio
import json
import time

import aiohttp
import pytest

from ingest.config import ConfigError, config_from_mapping
from ingest.providers.base import DeliveryRejected
from ingest.providers.dropbox import ACK_BODY, event_hash
from storage.search import SearchFilters, search_pages
from tests.fakes import counting_app
from tests.world import (
    DB_HOOK,
    DB_KEY,
    FP_HOOK,
    World,
    dropbox_callback,
    faxplus_event,
    post_dropbox,
    post_faxplus,
    serve_dropbox,
    serve_faxplus,
)


# -- Fax.Plus -------------------------------------------------------------------------------
async def test_faxplus_received_is_fetched_processed_and_searchable(world: World) -> None:
    serve_faxplus(world, "fp1")
    response = await post_faxplus(world, faxplus_event("fp1"))
    assert response.status == 200 and (await response.json())["duplicate"] is False
    fax = await world.archived("faxplus", "fp1")
    assert fax["from_number"] == "+13343040000" and fax["provider_status"] == "success"
    assert fax["received_at"] == "2024-09-09T10:44:39Z" and fax["pages"] == 3
    assert fax["metadata"]["is_spam"] is False
    assert world.hits("capybara") == [(fax["id"], 3)]
    assert world.faxplus.count("/faxes/fp1") == 1 and world.faxplus.count("/files/fp1") == 1


async def test_same_delivery_five_times_concurrently_is_one_fax(world: World) -> None:
    serve_faxplus(world, "fp2")
    responses = await asyncio.gather(*(post_faxplus(world, faxplus_event("fp2"))
                                       for _ in range(5)))
    assert [r.status for r in responses] == [200] * 5
    duplicates = sorted([(await r.json())["duplicate"] for r in responses])
    assert duplicates == [False, True, True, True, True]
    await world.archived("faxplus", "fp2")
    assert world.count("faxes") == 1 and world.count("events") == 1
    assert world.faxplus.count("/files/fp2") == 1


async def test_page_streaming_out_of_order_with_a_duplicate(world: World) -> None:
    fax_id = "fp3"
    for n in (1, 2, 3):
        world.faxplus.pages[(fax_id, n)] = world.docs[f"page{n}"]
    words = {1: "albatross", 2: "barracuda", 3: "capybara"}
    for n in (3, 1, 1, 2):  # out of order, page 1 twice
        event = faxplus_event(fax_id, "fax_page_received", page=n, status="in_progress")
        assert (await post_faxplus(world, event)).status == 200
        fax = await world.until(lambda n=n: world.hits(words[n]), what=f"page {n} searchable")
        assert fax == [(world.fax("faxplus", fax_id)["id"], n)]
    assert world.fax("faxplus", fax_id)["state"] == "receiving"
    assert world.faxplus.count(f"/files/{fax_id}?format=tiff&page=1") == 1  # dup not fetched
    ocr_before = world.services.metrics.ocr_pages._value.get()

    serve_faxplus(world, fax_id)
    await post_faxplus(world, faxplus_event(fax_id))
    fax = await world.archived("faxplus", fax_id)
    assert fax["pages"] == 3
    assert [p["page_no"] for p in world.services.catalog.pages(fax["id"])] == [1, 2, 3]
    # The final document's pages are the streamed pages: read from the OCR cache, not again.
    assert world.services.metrics.ocr_pages._value.get() == ocr_before
    assert world.hits("barracuda") == [(fax["id"], 2)]


async def test_page_streaming_by_file_id_and_variant_field_names(world: World) -> None:
    world.faxplus.files["pagefile7"] = world.docs["page2"]
    event = faxplus_event("fp4", "fax_page_received", page_index=1, file="pagefile7.tiff",
                          status="in_progress")
    del event["data"]["from"]
    event["data"]["from_number"] = "+1 334-304-0000"
    assert (await post_faxplus(world, event)).status == 200
    await world.until(lambda: world.hits("barracuda"), what="page searchable")
    fax = world.fax("faxplus", "fp4")
    assert world.services.catalog.pages(fax["id"])[0]["page_no"] == 2
    assert fax["from_number"] == "+13343040000"


async def test_partially_received_fax_is_kept_flagged_and_searchable(world: World) -> None:
    serve_faxplus(world, "fp5", status="partially_received", pages=3)
    await post_faxplus(world, faxplus_event("fp5", status="partially_received"))
    fax = await world.archived("faxplus", "fp5")
    assert fax["partial"] == 1 and fax["provider_status"] == "partially_received"
    hits = search_pages(world.services.catalog, "albatross",
                        SearchFilters(status="partially_received"))
    assert [h["fax_id"] for h in hits] == [fax["id"]]
    assert not search_pages(world.services.catalog, "albatross", SearchFilters(status="success"))


async def test_flaky_api_yields_exactly_one_fax(world: World) -> None:
    serve_faxplus(world, "fp6")
    world.faxplus.inject("/faxes/fp6", "500", "slow", "429")
    world.faxplus.inject("/files/fp6", "truncate", "404", "500", "truncate")
    await post_faxplus(world, faxplus_event("fp6"))
    fax = await world.archived("faxplus", "fp6")
    assert world.count("faxes") == 1 and fax["pages"] == 3
    assert world.hits("albatross") == [(fax["id"], 1)]
    assert world.faxplus.count("/files/fp6") == 5  # four faults, then the good one


async def test_other_faxplus_events_are_journaled_and_ignored(world: World) -> None:
    response = await post_faxplus(world, faxplus_event("fp7", event="fax_sent"))
    assert response.status == 200
    assert world.count("events") == 1 and world.count("jobs") == 0
    assert world.count("faxes") == 0


async def _chunked(data: bytes):
    """A body the client streams without Content-Length (chunked transfer encoding)."""
    for at in range(0, len(data), 1000):
        yield data[at:at + 1000]


async def test_a_chunked_body_is_read_whole_and_capped_like_a_declared_one(
        world: World) -> None:
    # Declared lengths are read in one go; a body without one is read chunk by chunk.
    body = json.dumps(faxplus_event("fp8", event="fax_sent", note="x" * 3000)).encode()
    url, headers = f"/webhooks/faxplus/{FP_HOOK}", {"Content-Type": "application/json"}
    response = await world.client.post(url, data=_chunked(body), headers=headers)
    assert response.status == 200, await response.text()
    assert world.services.catalog.event_body("faxplus:fax_sent:fp8:") == body
    too_large = await world.client.post(url, data=_chunked(b"x" * 70_000), headers=headers)
    assert too_large.status == 413 and "limit" in await too_large.text()
    assert world.count("events") == 1


async def test_journaled_and_duplicate_deliveries_are_counted_in_metrics(
        world: World) -> None:
    for _ in range(3):
        assert (await post_faxplus(world, faxplus_event("fp9", event="fax_sent"))).status == 200
    await post_faxplus(world, faxplus_event("fp10", event="fax_sent"))
    text = await (await world.client.get("/metrics")).text()
    assert 'faxvault_deliveries_total{outcome="journaled",provider="faxplus"} 2.0' in text
    assert 'faxvault_deliveries_total{outcome="duplicate",provider="faxplus"} 2.0' in text
    assert 'faxvault_ack_seconds_count{provider="faxplus"} 4.0' in text


async def test_credentials_in_headers_are_never_journaled(world: World) -> None:
    headers = {"Content-Type": "application/json", "AUTHORIZATION": "Bearer s3cret",
               "X-Api-Key": "k3y", "X-Trace": "t1"}
    assert (await post_faxplus(world, faxplus_event("fp11", event="fax_sent"),
                               headers=headers)).status == 200
    assert (await post_faxplus(world, faxplus_event("fp12", event="fax_sent"),
                               headers={"Content-Type": "application/json",
                                        "X-Trace": "t2"})).status == 200
    journaled = [json.loads(row[0]) for row in world.services.catalog.conn.execute(
        "SELECT headers FROM events ORDER BY id")]
    assert [h["X-Trace"] for h in journaled] == ["t1", "t2"]
    assert not {name.lower() for h in journaled for name in h} & {"authorization", "x-api-key"}
    assert all(h["Content-Type"] == "application/json" for h in journaled)


# -- Dropbox --------------------------------------------------------------------------------
async def test_dropbox_received_with_valid_hash(world: World) -> None:
    fax_id = "9c2c7e8c2ed1839f75a9a0227ce2954b1d7c3407"
    serve_dropbox(world, fax_id)
    response = await post_dropbox(world, dropbox_callback(fax_id))
    assert response.status == 200
    assert response.content_type == "text/plain" and await response.text() == ACK_BODY
    fax = await world.archived("dropbox", fax_id)
    assert fax["from_number"] == "+15551230000" and fax["to_number"] == "+15559870000"
    assert fax["provider_status"] == "success" and fax["received_at"] == "2025-01-27T18:12:09Z"
    assert world.hits("narwhal") == [(fax["id"], 1)]


async def test_dropbox_urlencoded_json_is_tolerated(world: World) -> None:
    serve_dropbox(world, "abc123")
    response = await world.client.post(f"/webhooks/dropbox/{DB_HOOK}",
                                       data={"json": dropbox_callback("abc123")})
    assert response.status == 200 and await response.text() == ACK_BODY
    await world.archived("dropbox", "abc123")


@pytest.mark.parametrize("event_type", ["callback_test", "fax_busy", "some_future_event"])
async def test_dropbox_other_events_acknowledged_journaled_ignored(world: World,
                                                                   event_type: str) -> None:
    response = await post_dropbox(world, dropbox_callback("x1", event_type=event_type))
    assert response.status == 200 and await response.text() == ACK_BODY
    assert world.count("events") == 1 and world.count("jobs") == 0
    assert world.dropbox.requests == []


async def test_payload_url_on_another_host_is_never_contacted(world: World,
                                                              aiohttp_server) -> None:
    hits: list[str] = []
    elsewhere = await aiohttp_server(counting_app(hits))
    fax_id = "deadbeef01"
    serve_dropbox(world, fax_id)
    payload = dropbox_callback(fax_id, files_url=str(elsewhere.make_url(f"/v3/fax/files/{fax_id}")))
    assert (await post_dropbox(world, payload)).status == 200
    await world.archived("dropbox", fax_id)
    assert hits == []
    assert world.dropbox.count(f"/fax/files/{fax_id}") == 1


async def test_captured_dropbox_callback_replayed_with_another_fax_is_refused(
        world: World) -> None:
    """The hash covers only time and type: a callback captured 40 h ago, replayed with another
    fax's files_url, hashes fine. Its age gives it away; nothing is fetched."""
    captured_at = str(int(time.time()) - 40 * 3600)
    serve_dropbox(world, "victimfax01")
    replay = dropbox_callback("victimfax01", event_time=captured_at)
    response = await post_dropbox(world, replay)
    assert response.status == 401
    reason = await response.text()
    assert "40.0 h old" in reason and "dropbox.max_event_age_seconds = 129600" in reason
    assert "faxvault reconcile --provider dropbox" in reason
    await assert_nothing_happened(world)


async def test_dropbox_last_retry_is_accepted_and_the_future_is_bounded(world: World) -> None:
    """The sender's last retry comes ~30 h 20 after the event: inside the default window.
    A time ahead of our clock by more than the allowed skew is refused."""
    last_retry = str(int(time.time()) - (30 * 3600 + 20 * 60 + 6 * 30))
    serve_dropbox(world, "lateretry01")
    assert (await post_dropbox(world, dropbox_callback("lateretry01",
                                                       event_time=last_retry))).status == 200
    await world.archived("dropbox", "lateretry01")
    ahead = str(int(time.time()) + 3600)
    response = await post_dropbox(world, dropbox_callback("future01", event_time=ahead))
    assert response.status == 401 and "dropbox.max_clock_skew_seconds" in await response.text()
    skewed = str(int(time.time()) + 60)  # a minute fast: tolerated
    response = await post_dropbox(world, dropbox_callback("x2", "callback_test",
                                                          event_time=skewed))
    assert response.status == 200
    assert world.count("events") == 2  # the fax and the test, not the future one


def test_dropbox_window_is_configurable() -> None:
    """The parser's window comes from [dropbox] max_event_age_seconds /
    max_clock_skew_seconds; event_time that is not a Unix time is malformed."""
    from ingest.providers.dropbox import FreshnessWindow, parse_delivery
    from tests.test_fuzz import multipart_body

    now = 1_800_000_000.0
    window = FreshnessWindow(max_age_seconds=600, max_skew_seconds=0)
    headers, body = multipart_body(dropbox_callback("f1", event_time=str(int(now) - 599)
                                                    ).encode())
    assert parse_delivery(headers, body, DB_KEY, now=now, window=window).provider_fax_id == "f1"
    for event_time, status in ((int(now) - 601, 401), (int(now) + 1, 401)):
        headers, body = multipart_body(dropbox_callback("f1", event_time=str(event_time))
                                       .encode())
        with pytest.raises(DeliveryRejected) as refused:
            parse_delivery(headers, body, DB_KEY, now=now, window=window)
        assert refused.value.status == status
    for not_a_time in ("yesterday", "\u0661\u0668\u0660\u0660"):  # digits, not ASCII
        headers, body = multipart_body(dropbox_callback("f1", event_time=not_a_time).encode())
        with pytest.raises(DeliveryRejected, match="not a Unix time"):
            parse_delivery(headers, body, DB_KEY, now=now, window=window)
    config = config_from_mapping({"dropbox": {"max_event_age_seconds": 7200,
                                              "max_clock_skew_seconds": 30}}, env={})
    assert (config.dropbox.max_event_age_seconds, config.dropbox.max_clock_skew_seconds) == \
        (7200, 30)
    with pytest.raises(ConfigError, match=r"dropbox\.max_event_age_seconds"):
        config_from_mapping({"dropbox": {"max_event_age_seconds": 0}}, env={})


async def test_api_redirect_to_another_origin_is_never_followed(world: World,
                                                                  aiohttp_server) -> None:
    """The API answers the file download with a redirect to another port of 127.0.0.1: not
    followed, so no body from there becomes the fax; the job parks as failed, saying why."""
    hits: list[str] = []
    elsewhere = await aiohttp_server(counting_app(hits))
    serve_faxplus(world, "redir1")
    world.faxplus.redirect_to = str(elsewhere.make_url("/v3/accounts/self/files/redir1"))
    world.faxplus.inject("/files/redir1", *["redirect"] * 20)
    assert (await post_faxplus(world, faxplus_event("redir1"))).status == 200

    def settled():
        fax = world.fax("faxplus", "redir1")
        jobs = world.services.catalog.conn.execute(
            "SELECT state, last_error FROM jobs WHERE kind = 'faxplus_fax'").fetchall()
        return (fax, jobs[0]) if jobs and jobs[0]["state"] == "failed" else None

    fax, job = await world.until(settled, what="fetch job parked")
    assert "redirect to another origin" in job["last_error"]
    assert fax["original_sha256"] is None and hits == []


# -- refusals: nothing journaled, no provider called ------------------------------------------
async def assert_nothing_happened(world: World) -> None:
    assert world.count("events") == 0 and world.count("jobs") == 0
    assert world.faxplus.requests == [] and world.dropbox.requests == []


async def test_wrong_token_is_404_like_any_unknown_path(world: World) -> None:
    response = await post_faxplus(world, faxplus_event("fp9"), token="guess")
    unknown = await world.client.post("/webhooks/nosuch/x", data=b"{}")
    assert response.status == unknown.status == 404
    assert (await post_dropbox(world, dropbox_callback("x"), token="guess")).status == 404
    await assert_nothing_happened(world)


async def test_bad_event_hash_is_401(world: World) -> None:
    response = await post_dropbox(world, dropbox_callback("x", key="not-our-key"))
    assert response.status == 401 and "event_hash" in await response.text()
    await assert_nothing_happened(world)


@pytest.mark.parametrize(("body", "headers", "status", "reason"), [
    (b"{not json", {"Content-Type": "application/json"}, 400, "not valid JSON"),
    (b"[1, 2]", {"Content-Type": "application/json"}, 400, "not a JSON object"),
    (b'{"hook": {"event": "fax_received"}, "data": {}}', {"Content-Type": "application/json"},
     400, "data.id"),
    (b'{"hook": {"event": "fax_received"}, "data": {"id": "../../etc"}}',
     {"Content-Type": "application/json"}, 400, "unexpected characters"),
    (b'{"hook": {"event": "fax_page_received"}, "data": {"id": "a", "page": -1}}',
     {"Content-Type": "application/json"}, 400, "page"),
    (b'{"hook": ' + b"[" * 5000 + b"]" * 5000 + b', "data": {"id": "a"}}',
     {"Content-Type": "application/json"}, 400, "nested too deeply"),
    (b'{"hook": {"event": "\\ud800"}, "data": {"id": "a"}}',
     {"Content-Type": "application/json"}, 400, "hook.event is not valid Unicode"),
    (b'{"hook": {"event": "fax_received"}, "data": {"id": "a", "from": "+1\\udfff"}}',
     {"Content-Type": "application/json"}, 400, "data.from is not valid Unicode"),
    (b"{}", {"Content-Type": "text/plain"}, 415, "expected application/json"),
    (b"x" * 70_000, {"Content-Type": "application/json"}, 413, "limit"),
])
async def test_malformed_faxplus_deliveries_are_refused_with_a_reason(
        world: World, body: bytes, headers: dict, status: int, reason: str) -> None:
    response = await post_faxplus(world, body, headers=headers)
    assert response.status == status
    assert reason in await response.text()
    await assert_nothing_happened(world)


async def test_malformed_dropbox_deliveries_are_refused(world: World) -> None:
    bad_multipart = await world.client.post(
        f"/webhooks/dropbox/{DB_HOOK}", data=b"--xx\r\ngarbage",
        headers={"Content-Type": "multipart/form-data; boundary=xx"})
    assert bad_multipart.status == 400
    no_json = aiohttp.FormData()
    no_json.add_field("other", "1")
    response = await world.client.post(f"/webhooks/dropbox/{DB_HOOK}", data=no_json)
    assert response.status == 400 and "'json'" in await response.text()
    wrong_type = await world.client.post(f"/webhooks/dropbox/{DB_HOOK}", json={"a": 1})
    assert wrong_type.status == 415
    await assert_nothing_happened(world)


@pytest.mark.parametrize(("payload", "reason"), [
    ('{"event": ' + "[" * 5000 + "]" * 5000 + "}", "nested too deeply"),
    ('{"event": {"event_time": "1738001529", "event_type": "fax_\\ud800received",'
     ' "event_hash": "00"}}', "event.event_type is not valid Unicode"),
    ('{"event": {"event_time": "\\udc00", "event_type": "fax_received",'
     ' "event_hash": "00"}}', "event.event_time is not valid Unicode"),
])
async def test_hostile_dropbox_json_is_a_400(world: World, payload: str, reason: str) -> None:
    response = await post_dropbox(world, payload)
    assert response.status == 400 and reason in await response.text()
    await assert_nothing_happened(world)


async def test_hostile_bodies_are_counted_as_refusals(world: World) -> None:
    deep = b'{"hook": ' + b"[" * 3000 + b"]" * 3000 + b"}"
    lone = b'{"hook": {"event": "\\ud800"}, "data": {"id": "a"}}'
    for body in (deep, lone):
        assert (await post_faxplus(world, body)).status == 400
    text = await (await world.client.get("/metrics")).text()
    assert 'faxvault_deliveries_total{outcome="refused_400",provider="faxplus"} 2.0' in text


async def test_refusals_are_counted_in_metrics(world: World) -> None:
    await post_faxplus(world, b"{", headers={"Content-Type": "application/json"})
    await post_dropbox(world, dropbox_callback("x", key="wrong"))
    text = await (await world.client.get("/metrics")).text()
    assert 'faxvault_deliveries_total{outcome="refused_400",provider="faxplus"} 1.0' in text
    assert 'faxvault_deliveries_total{outcome="refused_401",provider="dropbox"} 1.0' in text
    assert 'faxvault_jobs{state="queued"} 0.0' in text


async def test_status_groups_provider_statuses_verbatim(world: World) -> None:
    from ingest.cli import cli  # the click layer, on the same catalog

    serve_faxplus(world, "st1", status="partially_received")
    await post_faxplus(world, faxplus_event("st1"))
    await world.archived("faxplus", "st1")
    world.services.catalog.conn.execute(
        "UPDATE faxes SET provider_status = 'failed_fs_49' WHERE provider_fax_id = 'st1'")
    config_file = world.services.config.data_dir / "faxvault.toml"
    config_file.write_text(f'[paths]\ndata_dir = "{world.services.config.data_dir}"\n')
    config_file.chmod(0o600)
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["status", "--json", "--config", str(config_file)])
    assert result.exit_code == 0, result.output
    statuses = json.loads(result.output)["provider_statuses"]
    assert statuses == [{"provider": "faxplus", "provider_status": "failed_fs_49", "faxes": 1}]


def test_event_hash_matches_the_documented_check_value() -> None:
    """providers.md: key 324e..., time 1669926463, type account_confirmed."""
    assert event_hash("324e3b0840f065eb51f3fd63231d0d33daa35d4ed10d27718839e81737065782",
                      "1669926463", "account_confirmed") == \
        "ff8b03439122f9160500c3fb855bdee5a9ccba5fff27d3b258745d8f3074832f"
