"""Telnyx Programmable Fax (API v2): signed webhooks and the API client.

Webhooks are JSON ``{"data": {"event_type", "id", "occurred_at", "payload": {...},
"record_type": "event"}, "meta": {"attempt", "delivered_to"}}``. Inbound faxes send
``fax.media.processing.started`` and then ``fax.received`` (payload ``fax_id``, ``direction``
"inbound", ``from``, ``to``, ``media_url``, ``page_count``, ``partial_content``, ``status``
"received"), or ``fax.failed`` (``failure_reason``). Delivery is at least once, unordered,
possibly duplicated.

Every webhook is signed: header ``telnyx-signature-ed25519`` is the base64 Ed25519 signature
(64 bytes) of ``"{telnyx-timestamp}|{raw body}"`` under the account's public key (base64, 32
bytes, from the portal); ``telnyx-timestamp`` is Unix seconds and is refused beyond 300 s
either way (the SDK's tolerance). The route's path token is checked as well.

The webhook's ``media_url`` is a presigned S3 link valid for minutes; it is never followed.
The fetch job reads ``GET /faxes/{id}`` with the API key (Bearer) and downloads the record's
``media_url`` only when its scheme is https and its host is in ``telnyx.media_hosts``, sending
no credentials there; an expired link (403/404) is renewed with
``POST /faxes/{id}/actions/refresh`` and the record read again. Reconcile lists
``GET /faxes?filter[direction][eq]=inbound`` page by page (``meta.total_pages``).

Sources: the SDK's ``lib/webhook_verification.py`` (headers, signed string, key and signature
sizes, 300 s), ``types/fax.py`` and ``types/fax_failed.py`` (record and failure fields,
statuses), ``resources/faxes/faxes.py`` and ``actions.py`` (``/faxes``, ``/faxes/{id}``,
``/faxes/{id}/actions/refresh``), ``types/fax_list_params.py`` and ``pagination.py``
(filters, ``page[number]``/``page[size]``, ``meta.total_pages``); the "Receive a fax via API"
guide (the ``fax.received`` and ``fax.failed`` examples, S3 media host, link lifetime). Guessed
(parsed tolerantly): ``partial_content`` on the API record (documented only on the webhook).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from yarl import URL

from ingest.providers.base import (
    ApiClient,
    Delivery,
    DeliveryRejected,
    HttpPolicy,
    NotYetAvailable,
    PageTracker,
    PermanentProviderError,
    TransientError,
    iso_utc,
    json_object,
    media_type,
    safe_id,
    unicode_text,
)
from ingest.providers.spec import Provider
from storage.spool import Blob, Spool

PROVIDER = "telnyx"
FETCH_KIND = "telnyx_fax"
FAX_RECEIVED = "fax.received"
SIGNATURE_HEADER, TIMESTAMP_HEADER = "telnyx-signature-ed25519", "telnyx-timestamp"


def public_key_from(text: str) -> Ed25519PublicKey:
    """The account's public key (base64 of 32 bytes), or ValueError saying what is wrong."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("expected the base64 public key from the Telnyx portal") from None
    if len(raw) != 32:
        raise ValueError(f"expected a 32-byte Ed25519 key, got {len(raw)} bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:  # a plain dict in tests; aiohttp's headers are case-insensitive
        value = next((v for k, v in headers.items() if k.lower() == name), None)
    return value


def verify_signature(headers: Mapping[str, str], body: bytes, public_key: str | None,
                     now: float, tolerance_seconds: int) -> None:
    """Refuse (401) a delivery that Telnyx did not sign, or signed too long ago or ahead."""
    if not public_key:
        raise DeliveryRejected(401, "cannot verify the signature: telnyx.public_key is not set")
    signature, stamp = _header(headers, SIGNATURE_HEADER), _header(headers, TIMESTAMP_HEADER)
    if not signature or not stamp:
        raise DeliveryRejected(401, f"missing {SIGNATURE_HEADER} or {TIMESTAMP_HEADER}")
    if not (stamp.isascii() and stamp.isdigit()) or len(stamp) > 12:
        raise DeliveryRejected(401, f"{TIMESTAMP_HEADER} is not a Unix time in seconds")
    skew = now - int(stamp)
    if abs(skew) > tolerance_seconds:
        raise DeliveryRejected(
            401, f"{TIMESTAMP_HEADER} is {abs(skew):.0f} s {'old' if skew > 0 else 'ahead'}, "
            f"outside telnyx.max_timestamp_skew_seconds = {tolerance_seconds}")
    try:
        raw_signature = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        raise DeliveryRejected(401, f"{SIGNATURE_HEADER} is not base64") from None
    if len(raw_signature) != 64:
        raise DeliveryRejected(401, f"{SIGNATURE_HEADER} is not an Ed25519 signature")
    try:
        public_key_from(public_key).verify(raw_signature, stamp.encode() + b"|" + body)
    except InvalidSignature:
        raise DeliveryRejected(401, "signature does not match the body") from None


def _text(doc: dict[str, Any], name: str) -> str | None:
    value = doc.get(name)
    if isinstance(value, str) and value.strip():
        return unicode_text(value.strip()[:200], f"payload.{name}")
    return None


def parse_delivery(headers: Mapping[str, str], body: bytes, public_key: str | None, *,
                   now: float, tolerance_seconds: int = 300) -> Delivery:
    """Verify the signature and timestamp, then parse (no I/O). An inbound ``fax.received``
    enqueues a fetch; every other event (``fax.failed``, outbound progress) is journaled only.

    Raises :class:`DeliveryRejected`: 401 unsigned, forged or stale; 415 not JSON; 400
    malformed."""
    verify_signature(headers, body, public_key, now, tolerance_seconds)
    kind = media_type(headers)
    if kind and kind != "application/json" and not kind.endswith("+json"):
        raise DeliveryRejected(415, f"expected application/json, got {kind}")
    doc = json_object(body)
    data = doc.get("data")
    if not isinstance(data, dict):
        raise DeliveryRejected(400, "expected a 'data' object")
    event = data.get("event_type")
    if not isinstance(event, str) or not event.strip() or len(event) > 64:
        raise DeliveryRejected(400, "data.event_type missing or not a string")
    unicode_text(event, "data.event_type")
    payload = data.get("payload")
    payload = payload if isinstance(payload, dict) else {}
    fax_id = payload.get("fax_id")
    fax_id = safe_id(fax_id, "data.payload.fax_id") if fax_id is not None else None
    inbound = payload.get("direction") == "inbound"
    job = None
    if event == FAX_RECEIVED and inbound:
        if fax_id is None:
            raise DeliveryRejected(400, "fax.received without data.payload.fax_id")
        job = FETCH_KIND
    if fax_id is None:  # not about one fax (or a future event): keyed by the event's own id
        event_id = safe_id(data.get("id"), "data.id")
        key = f"{PROVIDER}:{event}:event:{event_id}"
    else:
        key = f"{PROVIDER}:{event}:{fax_id}"
    partial = payload.get("partial_content") is True
    return Delivery(
        provider=PROVIDER, event_type=event, idem_key=key, provider_fax_id=fax_id,
        job_kind=job, event_time=iso_utc(data.get("occurred_at")),
        status=_text(payload, "status"), from_raw=_text(payload, "from"),
        to_raw=_text(payload, "to"),
        metadata={"partial_content": True} if partial else None,
    )


class MediaRefused(PermanentProviderError):
    """A media link we will not follow (scheme, or host off the allowlist)."""


@dataclass(frozen=True)
class MediaPolicy:
    hosts: frozenset[str]  # exact host names a media link may point to
    allow_insecure: bool = False  # http:// links (a test's fake media host on loopback)


class MediaLink(ApiClient):
    """One presigned media link: fetched without our credentials, redirects kept on its
    origin, the query (the link's signature) sent exactly as given."""

    provider = PROVIDER

    def __init__(self, session: Any, link: URL, policy: HttpPolicy) -> None:
        super().__init__(session, str(link.origin()), policy)
        self._link = link

    def url(self, path: str) -> Any:
        return self._link


class TelnyxClient(ApiClient):
    provider = PROVIDER

    def __init__(self, *args: Any, media: MediaPolicy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.media = media
        self._links: dict[str, str] = {}  # fax id -> media_url of the record last read

    async def get_fax(self, fax_id: str) -> dict[str, Any]:
        doc = await self.get_json(f"faxes/{fax_id}")
        record = doc.get("data") if isinstance(doc, dict) else None
        if not isinstance(record, dict):
            raise ValueError("Telnyx fax record has no 'data' object")
        link = record.get("media_url")
        if isinstance(link, str) and link:
            self._links[fax_id] = link
        else:
            self._links.pop(fax_id, None)
        return record

    def media_link(self, fax_id: str, value: str) -> URL:
        """The record's media link, if it may be fetched: https, host on the allowlist."""
        try:
            link = URL(value, encoded=True)
            host = (link.host or "").lower()
        except ValueError:
            raise MediaRefused(f"telnyx fax {fax_id}: media_url is not a URL") from None
        schemes = ("https", "http") if self.media.allow_insecure else ("https",)
        if link.scheme not in schemes or host not in self.media.hosts:
            raise MediaRefused(
                f"telnyx fax {fax_id}: media host {host or '?'!r} ({link.scheme}) is not in "
                f"telnyx.media_hosts ({', '.join(sorted(self.media.hosts)) or 'empty'}); "
                "not fetched")
        return link

    async def download_fax(self, fax_id: str, spool: Spool, max_bytes: int) -> Blob:
        link = self._links.pop(fax_id, None) or await self._current_link(fax_id)
        try:
            return await self._download_link(fax_id, link, spool, max_bytes)
        except MediaRefused:
            raise
        except (NotYetAvailable, PermanentProviderError):
            pass  # a presigned link lives minutes: an expired one answers 403 (or 404)
        await self.refresh_media(fax_id)
        return await self._download_link(fax_id, await self._current_link(fax_id), spool,
                                         max_bytes)

    async def _current_link(self, fax_id: str) -> str:
        await self.get_fax(fax_id)
        link = self._links.pop(fax_id, None)
        if link is None:
            raise NotYetAvailable(f"telnyx fax {fax_id}: the record has no media_url yet")
        return link

    async def _download_link(self, fax_id: str, value: str, spool: Spool,
                             max_bytes: int) -> Blob:
        link = self.media_link(fax_id, value)
        return await MediaLink(self._session, link, self._policy).download(
            "media", spool, max_bytes)

    async def refresh_media(self, fax_id: str) -> None:
        """``POST /faxes/{id}/actions/refresh``: a new media_url for an inbound fax."""
        what = f"POST faxes/{fax_id}/actions/refresh"
        try:
            async with asyncio.timeout(self._policy.timeout_seconds):
                async with self._session.post(self.url(f"faxes/{fax_id}/actions/refresh"),
                                              headers=self._headers,
                                              allow_redirects=False) as response:
                    self._check(response, what)
        except TimeoutError:
            raise TransientError(f"{self.provider} {what}: no answer within "
                                 f"{self._policy.timeout_seconds:g} s") from None

    async def list_received(self, since: str | None = None,
                            page_size: int = 100) -> list[dict[str, Any]]:
        """Every inbound fax (created at or after ``since``), page by page."""
        faxes: list[dict[str, Any]] = []
        page, pages = 1, PageTracker(PROVIDER, "id")
        while True:
            params = {"filter[direction][eq]": "inbound", "page[number]": str(page),
                      "page[size]": str(page_size)}
            if since:
                params["filter[created_at][gte]"] = since
            doc = await self.get_json("faxes", params)
            records = doc.get("data") if isinstance(doc, dict) else None
            records = [r for r in records or [] if isinstance(r, dict)]
            faxes += pages.new_records(records, f"page {page}")
            meta = doc.get("meta") if isinstance(doc, dict) else None
            total = meta.get("total_pages") if isinstance(meta, dict) else None
            if not records or not isinstance(total, int) or page >= total:
                return faxes
            page += 1


def record_fields(record: dict[str, Any]) -> dict[str, Any]:
    """Catalog fields from ``GET /faxes/{id}`` (the authoritative source)."""
    status = record.get("status") if isinstance(record.get("status"), str) else None
    return {
        "from_raw": _text(record, "from"),
        "to_raw": _text(record, "to"),
        "provider_status": status,
        "received_at": iso_utc(record.get("created_at")),
        "partial": record.get("partial_content") is True,
        "metadata": {k: record.get(k) for k in ("page_count", "connection_id", "direction",
                                                 "failure_reason", "partial_content")
                     if k in record},
    }


def parse(headers: Mapping[str, str], body: bytes, settings: Any) -> Delivery:
    key = settings.public_key.get_secret_value() if settings.public_key else None
    return parse_delivery(headers, body, key, now=time.time(),
                          tolerance_seconds=settings.max_timestamp_skew_seconds)


def make_client(settings: Any, session: Any, policy: HttpPolicy) -> TelnyxClient | None:
    if not settings.api_key:
        return None
    media = MediaPolicy(frozenset(h.lower() for h in settings.media_hosts),
                        allow_insecure=settings.allow_insecure_media)
    return TelnyxClient(session, settings.api_base, policy, media=media, auth_headers={
        "Authorization": f"Bearer {settings.api_key.get_secret_value()}"})


def listed_fax(record: dict[str, Any]) -> tuple[str | None, str | None]:
    if record.get("direction") not in (None, "inbound"):
        return None, None
    if record.get("status") not in (None, "received"):
        return None, None  # still arriving, or failed: nothing to fetch (yet)
    return record.get("id"), iso_utc(record.get("created_at"))


STATUSES = {
    "receiving": "the call is in progress", "media.processing": "converting to PDF",
    "received": "received (partial_content says whether in full)", "failed": "failed",
}

PROVIDER_SPEC = Provider(
    name=PROVIDER, title="Telnyx", parse=parse, make_client=make_client,
    record_fields=record_fields, fetch_kind=FETCH_KIND, listed_fax=listed_fax,
    statuses=STATUSES,
)
