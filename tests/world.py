"""A world for provider tests: the real service in-process with fake provider APIs on
loopback. Loaded as a pytest plugin (see conftest)."""

from __future__ import annotations

import base64
import json
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from ingest.app import SERVICES, init_app
from ingest.pipeline import Services
from ingest.providers.base import basic_auth
from ingest.providers.dropbox import event_hash
from storage.search import SearchFilters, search_pages
from tests.cliutil import wait_until_async
from tests.conftest import make_config
from tests.fakes import (
    FakeProvider,
    TelnyxMedia,
    documo_app,
    dropbox_app,
    faxplus_app,
    phaxio_app,
    signalwire_app,
    sinch_app,
    telnyx_app,
    telnyx_media_app,
)
from tests.faxgen import render_fax

FP_HOOK, DB_HOOK, DB_KEY = "hook-fp-secret", "hook-db-secret", "db-api-key"
TX_HOOK, TX_API_KEY = "hook-tx-secret", "KEY0123-tx-api-key"
SN_HOOK, SN_PROJECT, SN_KEY_ID, SN_SECRET = ("hook-sn-secret", "proj-5f0c", "key-id-1",
                                             "sn-key-secret")
SN_USER, SN_PASSWORD = "faxvault", "cb-password-9"
DM_HOOK, DM_KEY, DM_USER, DM_PASSWORD = "hook-dm-secret", "dm-api-key", "faxvault", "dm-pw-3"
SW_HOOK, SW_PROJECT, SW_TOKEN, SW_SIGNING_KEY = ("hook-sw-secret", "b3877c40-da60-4998",
                                                 "PT-sw-api-token", "PSK-sw-signing")
SW_URL = f"https://fax.example.org/webhooks/signalwire/{SW_HOOK}"
PX_HOOK, PX_KEY, PX_SECRET, PX_SIGNING = "hook-px-secret", "px-key", "px-secret", "px-cb-token"
PX_URL = f"https://fax.example.org/webhooks/phaxio/{PX_HOOK}"
# The key Telnyx signs webhooks with; the world's config holds its public half.
TX_SIGNER = Ed25519PrivateKey.generate()
TX_PUBLIC_KEY = base64.b64encode(TX_SIGNER.public_key().public_bytes(
    Encoding.Raw, PublicFormat.Raw)).decode()

PAGES = [["Faxplus page one mentions albatross"], ["Page two mentions barracuda"],
         ["Page three mentions capybara"]]


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("provider-docs")
    docs = {"tiff": render_fax(root / "all.tif", PAGES).read_bytes(),
            "pdf": render_fax(root / "db.pdf", [["Dropbox fax about a narwhal"]],
                              device="pdfwrite").read_bytes()}
    for n, page in enumerate(PAGES, start=1):
        docs[f"page{n}"] = render_fax(root / f"p{n}.tif", [page]).read_bytes()
    return docs


@dataclass
class World:
    client: TestClient
    faxplus: FakeProvider
    dropbox: FakeProvider
    docs: dict[str, bytes]
    telnyx: FakeProvider = field(default_factory=lambda: FakeProvider(token=TX_API_KEY))
    telnyx_media: TelnyxMedia = field(default_factory=TelnyxMedia)
    sinch: FakeProvider = field(default_factory=lambda: FakeProvider(token=SN_SECRET))
    documo: FakeProvider = field(default_factory=lambda: FakeProvider(token=DM_KEY))
    signalwire: FakeProvider = field(default_factory=lambda: FakeProvider(token=SW_TOKEN))
    phaxio: FakeProvider = field(default_factory=lambda: FakeProvider(token=PX_SECRET))

    @property
    def services(self) -> Services:
        return self.client.server.app[SERVICES]

    def fax(self, provider: str, provider_fax_id: str) -> dict[str, Any] | None:
        return self.services.catalog.find_fax(provider, provider_fax_id)

    async def until(self, predicate, timeout: float = 60, what: str = "condition") -> Any:
        return await wait_until_async(predicate, timeout, what)

    async def archived(self, provider: str, provider_fax_id: str) -> dict[str, Any]:
        def done() -> dict | None:
            fax = self.fax(provider, provider_fax_id)
            return fax if fax and fax["state"] in ("archived", "failed") else None

        fax = await self.until(done, what=f"{provider} fax {provider_fax_id} archived")
        assert fax["state"] == "archived", fax["error"]
        return fax

    def hits(self, word: str) -> list[tuple[str, int]]:
        return [(h["fax_id"], h["page_no"])
                for h in search_pages(self.services.catalog, word, SearchFilters())]

    def count(self, table: str) -> int:
        return self.services.catalog.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
async def world(aiohttp_server, aiohttp_client, tmp_path: Path, ocr_pool,
                documents) -> World:
    fp, db = FakeProvider(token="fp-token", slow_seconds=2), FakeProvider(token=DB_KEY)
    fp_server = await aiohttp_server(faxplus_app(fp))
    db_server = await aiohttp_server(dropbox_app(db))
    tx, tx_media = FakeProvider(token=TX_API_KEY), TelnyxMedia()
    tx_media_server = await aiohttp_server(telnyx_media_app(tx, tx_media))
    tx_media.base = str(tx_media_server.make_url("")).rstrip("/")
    tx_server = await aiohttp_server(telnyx_app(tx, tx_media))
    sn = FakeProvider(token=SN_SECRET)
    sn_server = await aiohttp_server(sinch_app(sn, SN_PROJECT, SN_KEY_ID))
    dm = FakeProvider(token=DM_KEY)
    dm_server = await aiohttp_server(documo_app(dm))
    sw = FakeProvider(token=SW_TOKEN)
    sw_server = await aiohttp_server(signalwire_app(sw, SW_PROJECT))
    px = FakeProvider(token=PX_SECRET)
    px_server = await aiohttp_server(phaxio_app(px, PX_KEY))
    config = make_config(
        tmp_path / "var",
        faxplus={"api_base": str(fp_server.make_url("/v3")), "token": "fp-token",
                 "webhook_token": FP_HOOK},
        dropbox={"api_base": str(db_server.make_url("/v3")), "api_key": DB_KEY,
                 "webhook_token": DB_HOOK},
        telnyx={"api_base": str(tx_server.make_url("/v2")), "api_key": TX_API_KEY,
                "public_key": TX_PUBLIC_KEY, "webhook_token": TX_HOOK,
                "media_hosts": ["127.0.0.1"], "allow_insecure_media": True},
        sinch={"api_base": str(sn_server.make_url("/v3")), "project_id": SN_PROJECT,
               "key_id": SN_KEY_ID, "key_secret": SN_SECRET,
               "token_url": str(sn_server.make_url("/oauth2/token")),
               "webhook_token": SN_HOOK, "callback_user": SN_USER,
               "callback_password": SN_PASSWORD},
        documo={"api_base": str(dm_server.make_url("")).rstrip("/"), "api_key": DM_KEY,
                "webhook_token": DM_HOOK, "webhook_user": DM_USER,
                "webhook_password": DM_PASSWORD},
        signalwire={"space_url": str(sw_server.make_url("")).rstrip("/"),
                    "project_id": SW_PROJECT, "api_token": SW_TOKEN,
                    "signing_key": SW_SIGNING_KEY, "webhook_token": SW_HOOK,
                    "webhook_url": SW_URL},
        phaxio={"api_base": str(px_server.make_url("/v2.1")), "api_key": PX_KEY,
                "api_secret": PX_SECRET, "signing_token": PX_SIGNING,
                "webhook_token": PX_HOOK, "webhook_url": PX_URL},
        http={"timeout_seconds": 1.0, "retries": 3, "backoff_base_seconds": 0.01,
              "backoff_max_seconds": 0.05, "allow_insecure": True},  # fakes speak http
        server={"max_body_bytes": 65536},
    )
    client = await aiohttp_client(init_app(config, pool=ocr_pool))
    return World(client, fp, db, documents, tx, tx_media, sn, dm, sw, px)


def faxplus_event(fax_id: str, event: str = "fax_received", **data: Any) -> dict[str, Any]:
    return {"hook": {"id": "hook1", "event": event, "event_time": "2024-09-09 10:44:39",
                     "target": "https://example.org/hook"},
            "data": {"id": fax_id, "from": "+1 334-304-0000", "to": "+1 334-304-1111",
                     "status": "success", **data}}


def faxplus_record(fax_id: str, pages: int = 3, status: str = "success",
                   **extra: Any) -> dict[str, Any]:
    return {"id": fax_id, "direction": "incoming", "from": "+1 334-304-0000",
            "to": "+1 334-304-1111", "pages": pages, "status": status, "is_spam": False,
            "start_time": "2024-09-09 10:44:39", "file": f"{fax_id}.tiff", **extra}


async def post_faxplus(world: World, doc: Any, token: str = FP_HOOK,
                       **kwargs: Any) -> aiohttp.ClientResponse:
    body = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
    headers = kwargs.pop("headers", {"Content-Type": "application/json"})
    return await world.client.post(f"/webhooks/faxplus/{token}", data=body, headers=headers,
                                   **kwargs)


def dropbox_callback(fax_id: str, event_type: str = "fax_received", key: str = DB_KEY,
                     files_url: str | None = None, event_time: str | None = None) -> str:
    """A signed v3 callback; ``event_time`` defaults to now (older ones are refused)."""
    event_time = event_time or str(int(time.time()))
    return json.dumps({
        "event": {"event_time": event_time, "event_type": event_type,
                  "event_hash": event_hash(key, event_time, event_type),
                  "event_metadata": {"related_signature_id": None}},
        "transmission": {"test_mode": False, "title": "Example Fax", "is_complete": True,
                         "has_error": False,
                         "files_url": files_url or
                         f"https://api.hellosign.com/v3/fax/files/{fax_id}",
                         "final_copy_uri": f"/v3/transmission/final_copy/{fax_id}"}})


async def post_dropbox(world: World, payload: str, token: str = DB_HOOK) -> aiohttp.ClientResponse:
    form = aiohttp.FormData()
    form.add_field("json", payload)
    return await world.client.post(f"/webhooks/dropbox/{token}", data=form)


def serve_faxplus(world: World, fax_id: str, **record: Any) -> None:
    world.faxplus.faxes[fax_id] = faxplus_record(fax_id, **record)
    world.faxplus.files[fax_id] = world.docs["tiff"]


def serve_dropbox(world: World, fax_id: str) -> None:
    world.dropbox.faxes[fax_id] = {
        "fax_id": fax_id, "title": "Example Fax", "created_at": 1738001529,
        "sender": "+15551230000", "files_url": f"https://api.hellosign.com/v3/fax/files/{fax_id}",
        "transmissions": [{"recipient": "+15559870000", "sender": "+15551230000",
                           "sent_at": 1738001529, "status_code": "success"}]}
    world.dropbox.files[fax_id] = world.docs["pdf"]


def telnyx_event(fax_id: str, event_type: str = "fax.received", event_id: str = "ev-1",
                 **payload: Any) -> dict[str, Any]:
    """A webhook shaped like the documented inbound ``fax.received`` example."""
    return {"data": {"event_type": event_type, "id": event_id,
                     "occurred_at": "2020-08-27T16:33:36.843054Z", "record_type": "event",
                     "payload": {"call_duration_secs": 50, "connection_id": "1447842681660114324",
                                 "direction": "inbound", "fax_id": fax_id,
                                 "from": "+16132484850", "to": "+17733372863",
                                 "media_url": "https://s3.amazonaws.com/faxes-prod/u/x.pdf",
                                 "page_count": 1, "partial_content": False,
                                 "status": "received", **payload}},
            "meta": {"attempt": 1, "delivered_to": "https://example.org/hook"}}


def telnyx_signed(body: bytes, timestamp: int | None = None,
                  signer: Ed25519PrivateKey = TX_SIGNER) -> dict[str, str]:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = signer.sign(stamp.encode() + b"|" + body)
    return {"Content-Type": "application/json", "telnyx-timestamp": stamp,
            "telnyx-signature-ed25519": base64.b64encode(signature).decode()}


async def post_telnyx(world: World, doc: Any, headers: dict[str, str] | None = None,
                      token: str = TX_HOOK) -> aiohttp.ClientResponse:
    body = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
    return await world.client.post(f"/webhooks/telnyx/{token}", data=body,
                                   headers=headers if headers is not None
                                   else telnyx_signed(body))


def serve_telnyx(world: World, fax_id: str, **record: Any) -> None:
    """A received inbound fax at the fake API (its media_url is issued when read)."""
    world.telnyx.faxes[fax_id] = {
        "id": fax_id, "record_type": "fax", "direction": "inbound", "status": "received",
        "from": "+16132484850", "to": "+17733372863", "connection_id": "1447842681660114324",
        "created_at": "2020-08-27T16:33:36.843054Z", "updated_at": "2020-08-27T16:33:40Z",
        "page_count": 1, **record}
    world.telnyx.files[fax_id] = world.docs["pdf"]


def sinch_fax(fax_id: str, **fields: Any) -> dict[str, Any]:
    """A received inbound fax object as Sinch Fax API v3 describes it."""
    return {"id": fax_id, "direction": "INBOUND", "from": "+14155550100",
            "to": "+14155550199", "numberOfPages": 1, "status": "COMPLETED",
            "createTime": "2026-11-30T14:05:09Z", "completedTime": "2026-11-30T14:05:41Z",
            "hasFile": "true", "projectId": SN_PROJECT, "serviceId": "svc-1", **fields}


def sinch_multipart(fax: dict[str, Any], file: bytes,
                    event: str = "INCOMING_FAX") -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("event", event)
    form.add_field("eventTime", "2026-11-30T14:05:42Z")
    form.add_field("fax", json.dumps(fax), content_type="application/json")
    form.add_field("file", file, filename="fax.pdf", content_type="application/pdf")
    return form


def sinch_json(fax: dict[str, Any], file: bytes, event: str = "INCOMING_FAX") -> bytes:
    return json.dumps({"event": event, "eventTime": "2026-11-30T14:05:42Z", "fax": fax,
                       "file": base64.b64encode(file).decode(), "fileType": "PDF"}).encode()


async def post_sinch(world: World, data: Any, user: str = SN_USER,
                     password: str = SN_PASSWORD, token: str = SN_HOOK,
                     auth: bool = True) -> aiohttp.ClientResponse:
    headers = {}
    if isinstance(data, bytes):
        headers["Content-Type"] = "application/json"
    if auth:
        headers["Authorization"] = basic_auth(user, password)
    return await world.client.post(f"/webhooks/sinch/{token}", data=data, headers=headers)


def serve_sinch(world: World, fax_id: str, **fields: Any) -> None:
    world.sinch.faxes[fax_id] = sinch_fax(fax_id, **fields)
    world.sinch.files[fax_id] = world.docs["pdf"]


def documo_fax(message_id: str, **fields: Any) -> dict[str, Any]:
    """An inbound fax as Documo's info and webhooks describe it."""
    return {"messageId": message_id, "direction": "inbound", "status": "success",
            "resultCode": "0", "resultInfo": "OK", "faxNumber": "+18885550000",
            "faxCallerId": "+13105551234", "pagesCount": 1, "pagesComplete": 1,
            "createdDate": "2026-11-30T16:20:01.000Z",
            "resolvedDate": "2026-11-30T16:20:44.000Z", **fields}


def documo_event(message_id: str, event: str = "fax.v1.inbound.succeed",
                 **fields: Any) -> bytes:
    return json.dumps({"event": event, "data": documo_fax(message_id, **fields)}).encode()


def documo_legacy_form(message_id: str, file: bytes, **fields: Any) -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("data", json.dumps(documo_fax(message_id, **fields)))
    form.add_field("attachment", file, filename="fax.pdf", content_type="application/pdf")
    return form


async def post_documo(world: World, data: Any, user: str = DM_USER,
                      password: str = DM_PASSWORD, token: str = DM_HOOK,
                      auth: bool = True) -> aiohttp.ClientResponse:
    headers = {"Content-Type": "application/json"} if isinstance(data, bytes) else {}
    if auth:
        headers["Authorization"] = basic_auth(user, password)
    return await world.client.post(f"/webhooks/documo/{token}", data=data, headers=headers)


def serve_documo(world: World, message_id: str, **fields: Any) -> None:
    world.documo.faxes[message_id] = documo_fax(message_id, **fields)
    world.documo.files[message_id] = world.docs["pdf"]


def signalwire_params(sid: str, **fields: str) -> list[tuple[str, str]]:
    """A <Receive action> callback's form parameters, as SignalWire documents them."""
    params = {"FaxSid": sid, "AccountSid": SW_PROJECT, "From": "+13103383454",
              "To": "+13104456789", "RemoteStationId": "CLINIC FAX", "FaxStatus": "received",
              "NumPages": "1", "ApiVersion": "v1",
              "MediaUrl": f"https://example.signalwire.com/api/laml/2010-04-01/Accounts/"
                          f"{SW_PROJECT}/Faxes/{sid}/Media/ME{sid}", **fields}
    return list(params.items())


async def post_signalwire(world: World, params: list[tuple[str, str]],
                          url: str = SW_URL, key: str = SW_SIGNING_KEY,
                          sign: bool = True, token: str = SW_HOOK,
                          body: bytes | None = None) -> aiohttp.ClientResponse:
    from ingest.providers.signalwire import signature

    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if sign:
        headers["X-SignalWire-Signature"] = signature(key, url, params)
    data = body if body is not None else urllib.parse.urlencode(params).encode()
    return await world.client.post(f"/webhooks/signalwire/{token}", data=data,
                                   headers=headers)


def serve_signalwire(world: World, sid: str, **fields: Any) -> None:
    world.signalwire.faxes[sid] = {
        "sid": sid, "account_sid": SW_PROJECT, "api_version": "v1", "direction": "inbound",
        "from": "+13103383454", "to": "+13104456789", "media_sid": f"ME{sid}",
        "num_pages": "1", "status": "received", "quality": "fine",
        "date_created": "2026-11-30T18:02:11Z", "date_updated": "2026-11-30T18:02:40Z",
        **fields}
    world.signalwire.files[sid] = world.docs["pdf"]


def phaxio_fax(fax_id: int, **fields: Any) -> dict[str, Any]:
    return {"id": fax_id, "direction": "received", "num_pages": 1, "cost": 7,
            "status": "success", "is_test": False, "caller_id": "+15557771234",
            "from_number": "+15557771234", "to_number": "+15558675309",
            "created_at": "2026-11-30T19:10:05.000Z", "completed_at": "2026-11-30T19:10:40.000Z",
            **fields}


def phaxio_webhook(fax_id: int, file: bytes, url: str = PX_URL, token: str = PX_SIGNING,
                   **fields: Any) -> tuple[aiohttp.FormData, str]:
    """A v2.1 receive webhook and its X-Phaxio-Signature."""
    from ingest.providers.phaxio import signature

    text = [("direction", "received"), ("fax", json.dumps(phaxio_fax(fax_id, **fields))),
            ("is_test", "false")]
    form = aiohttp.FormData()
    for name, value in text:
        form.add_field(name, value)
    form.add_field("file", file, filename="fax.pdf", content_type="application/pdf")
    return form, signature(token, url, text, [("file", file)])


async def post_phaxio(world: World, form: aiohttp.FormData, sig: str | None,
                      token: str = PX_HOOK) -> aiohttp.ClientResponse:
    headers = {"X-Phaxio-Signature": sig} if sig else {}
    return await world.client.post(f"/webhooks/phaxio/{token}", data=form, headers=headers)


def serve_phaxio(world: World, fax_id: int, **fields: Any) -> None:
    world.phaxio.faxes[str(fax_id)] = phaxio_fax(fax_id, **fields)
    world.phaxio.files[str(fax_id)] = world.docs["pdf"]
