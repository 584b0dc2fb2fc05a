"""Documo (mFax): inbound webhooks and the API client.

Two webhook generations reach us. The current ones are JSON, one event each, named
``fax.v1.inbound.succeed``, ``fax.v1.inbound.failed`` and ``fax.v1.inbound.complete`` (success
or failure), beside outbound and number events. Legacy ones (event ``fax.inbound``) are
``multipart/form-data`` with the fax's fields as a JSON string in field ``data`` (``messageId``,
``resultInfo``, ``status``, ``faxNumber``, ``pagesCount``, ...) and the document as file
``attachment``. Documo does not sign webhooks; "Use Basic Auth" on the webhook makes every
request carry ``Authorization: Basic base64(user:password)``, checked here in constant time
beside the path token. Documo retries a non-2xx seven times (5 s ... 22 h).

The body only names the fax (``messageId``): the attachment is never kept (the journal holds
the fields and the file's SHA-256), the record comes from ``GET /v1/fax/{messageId}/info``
and the document from ``GET /v1/fax/{messageId}/download``, both with the API key sent as
``Authorization: Basic <API key>`` (the raw key, as Documo documents it). Reconcile pages
``GET /v1/fax/history?direction=inbound&offset=&limit=``.

Sources: Documo help center "New Webhooks" (JSON, event names, Basic auth, retry schedule)
and "Legacy Webhooks" / "Webhooks" (multipart, ``data`` JSON field, ``attachment`` file, the
``fax.inbound`` example, statuses success, transmitting, scheduled, failed, processing,
cancelled); docs.documo.com "Authentication" (base URL, raw key after ``Basic``). From public
client code citing the docs, not the docs themselves: the ``/info``, ``/download`` and
``/history`` paths. Guessed (parsed tolerantly, raw body kept): the JSON events' envelope
(the event name under ``event``/``eventType``/``type``, the fax under ``data``/``payload`` or
at the top), the info record's field names beyond ``messageId``, ``status``, ``faxNumber``,
``pagesCount``, and the history answer's list key.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from ingest.providers.base import (
    ApiClient,
    Delivery,
    DeliveryRejected,
    HttpPolicy,
    PageTracker,
    basic_credentials_match,
    iso_utc,
    json_object,
    media_type,
    multipart_parts,
    safe_id,
    unicode_text,
)
from ingest.providers.spec import Provider
from storage.spool import Blob, Spool

PROVIDER = "documo"
FETCH_KIND = "documo_fax"
LEGACY_INBOUND = "fax.inbound"
# Events after which an inbound fax's document exists; one fetch per fax, whichever comes.
RECEIVED_EVENTS = ("fax.v1.inbound.succeed", "fax.v1.inbound.complete", LEGACY_INBOUND)
MAX_FIELD = 512 * 1024


def _legacy_form(headers: Mapping[str, str], body: bytes) -> tuple[dict[str, Any], bytes | None]:
    data: bytes | None = None
    file: bytes | None = None
    for part in multipart_parts(headers, body):
        if part.name == "data":
            if part.size > MAX_FIELD:
                raise DeliveryRejected(400, "field data too large")
            data = part.raw
        elif part.name == "attachment":
            file = part.raw
    if data is None:
        raise DeliveryRejected(400, "multipart body has no 'data' field")
    return {"event": LEGACY_INBOUND, "data": json_object(data, "field data")}, file


def _fax_of(doc: dict[str, Any]) -> dict[str, Any]:
    for key in ("data", "payload", "fax"):
        value = doc.get(key)
        if isinstance(value, dict):
            return value
    return doc


def _text(doc: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = doc.get(name)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return unicode_text(str(value).strip()[:200], name)
    return None


def parse_delivery(headers: Mapping[str, str], body: bytes, *, user: str | None,
                   password: str | None) -> Delivery:
    """Check the webhook's Basic credentials, then parse a JSON event or a legacy form (no
    I/O). Raises :class:`DeliveryRejected`: 401, 415, 400."""
    if not basic_credentials_match(headers, user, password):
        raise DeliveryRejected(401, "Basic credentials missing or not documo.webhook_user / "
                                    "webhook_password (the webhook's 'Use Basic Auth')")
    kind = media_type(headers)
    file: bytes | None = None
    if kind == "multipart/form-data":
        doc, file = _legacy_form(headers, body)
    elif kind == "application/json" or kind.endswith("+json"):
        doc = json_object(body)
    else:
        raise DeliveryRejected(415, f"expected application/json or multipart/form-data, got "
                                    f"{kind or 'nothing'}")
    event = next((doc[k] for k in ("event", "eventType", "type") if isinstance(doc.get(k), str)),
                 None)
    if not event or len(event) > 64:
        raise DeliveryRejected(400, "event name missing or not a string")
    unicode_text(event, "event")
    fax = _fax_of(doc)
    raw_id = fax.get("messageId", fax.get("id"))
    message_id = safe_id(raw_id, "messageId") if raw_id is not None else None
    status = _text(fax, "status")
    job = None
    if event in RECEIVED_EVENTS and message_id and status not in ("failed", "cancelled"):
        if fax.get("direction") not in (None, "inbound"):
            raise DeliveryRejected(400, f"{event} for a fax that is not inbound")
        job = FETCH_KIND
    # succeed and complete announce the same fax: they share the key, so one fetch.
    key = (f"{PROVIDER}:received:{message_id}" if job else
           f"{PROVIDER}:{event}:{message_id or hashlib.sha256(body).hexdigest()}")
    kept = dict(doc)
    if file is not None:
        kept["attachment"] = {"sha256": hashlib.sha256(file).hexdigest(), "size": len(file),
                              "kept": False}
    return Delivery(
        provider=PROVIDER, event_type=event, idem_key=key, provider_fax_id=message_id,
        job_kind=job, event_time=iso_utc(fax.get("resolvedDate") or fax.get("createdDate")),
        status=status, from_raw=_text(fax, "faxCallerId", "callerId", "from"),
        to_raw=_text(fax, "faxNumber", "to"),
        journal_body=json.dumps(kept, sort_keys=True).encode() if file is not None else None,
    )


class DocumoClient(ApiClient):
    provider = PROVIDER

    async def get_fax(self, fax_id: str) -> dict[str, Any]:
        record = await self.get_json(f"v1/fax/{fax_id}/info")
        if not isinstance(record, dict):
            raise ValueError("Documo fax info is not a JSON object")
        return record

    async def download_fax(self, fax_id: str, spool: Spool, max_bytes: int) -> Blob:
        return await self.download(f"v1/fax/{fax_id}/download", spool, max_bytes,
                                   params={"format": "pdf"})

    async def list_received(self, since: str | None = None,
                            page_size: int = 100) -> list[dict[str, Any]]:
        """Inbound faxes in the history (resolved at or after ``since``), by offset."""
        faxes: list[dict[str, Any]] = []
        offset, pages = 0, PageTracker(PROVIDER, "messageId")
        while True:
            params = {"direction": "inbound", "offset": str(offset), "limit": str(page_size)}
            if since:
                params["fromDate"] = since
            doc = await self.get_json("v1/fax/history", params)
            records = _rows(doc)
            faxes += pages.new_records([r for r in records if isinstance(r, dict)],
                                       f"at offset {offset}")
            if len(records) < page_size:
                return faxes
            offset += page_size


def _rows(doc: Any) -> list[Any]:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        for key in ("rows", "faxes", "data", "items"):
            if isinstance(doc.get(key), list):
                return doc[key]
    return []


def record_fields(record: dict[str, Any]) -> dict[str, Any]:
    status = record.get("status") if isinstance(record.get("status"), str) else None
    pages, complete = record.get("pagesCount"), record.get("pagesComplete")
    short = isinstance(pages, int) and isinstance(complete, int) and complete < pages
    return {
        "from_raw": _text(record, "faxCallerId", "callerId", "from"),
        "to_raw": _text(record, "faxNumber", "to"),
        "provider_status": status,
        "received_at": iso_utc(record.get("resolvedDate") or record.get("createdDate")),
        "partial": short or (status is not None and status != "success"),
        "metadata": {k: record.get(k) for k in ("pagesCount", "pagesComplete", "resultCode",
                                                 "resultInfo", "duration", "faxCsid")
                     if k in record},
    }


def parse(headers: Mapping[str, str], body: bytes, settings: Any) -> Delivery:
    password = settings.webhook_password
    return parse_delivery(headers, body, user=settings.webhook_user,
                          password=password.get_secret_value() if password else None)


def make_client(settings: Any, session: Any, policy: HttpPolicy) -> DocumoClient | None:
    if not settings.api_key:
        return None
    # Documo's documented scheme: the raw key after "Basic" (not base64 of user:password).
    return DocumoClient(session, settings.api_base, policy, auth_headers={
        "Authorization": f"Basic {settings.api_key.get_secret_value()}"})


def listed_fax(record: dict[str, Any]) -> tuple[str | None, str | None]:
    if record.get("direction") not in (None, "inbound"):
        return None, None
    if record.get("status") not in (None, "success"):
        return None, None
    return record.get("messageId"), iso_utc(record.get("resolvedDate")
                                               or record.get("createdDate"))


STATUSES = {"success": "received", "failed": "failed", "processing": "processing",
            "transmitting": "in progress", "scheduled": "scheduled", "cancelled": "cancelled"}

PROVIDER_SPEC = Provider(
    name=PROVIDER, title="Documo (mFax)", parse=parse, make_client=make_client,
    record_fields=record_fields, fetch_kind=FETCH_KIND, listed_fax=listed_fax,
    statuses=STATUSES,
)
