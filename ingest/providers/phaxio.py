"""Phaxio API v2.1 (accounts not yet on Sinch Fax v3): signed receive webhooks and the API.

A received fax is POSTed as ``multipart/form-data`` with text fields (``direction``
"received", ``is_test``, and ``fax``, the fax object as a JSON string: ``id``, ``num_pages``,
``status``, ``caller_id``, ``from_number``, ``to_number``, ``created_at``, ...) and the PDF as
file ``file``. ``X-Phaxio-Signature`` is the lowercase hex HMAC-SHA1, keyed with the account's
webhook (callback) token, of the webhook URL, then every text field as name+value sorted by
name, then every file as name + hex SHA-1 of its bytes, sorted by name. It is checked against
the configured ``webhook_url``.

The file is not kept from the webhook (its SHA-256 is journaled): the fetch job reads
``GET /v2.1/faxes/{id}`` (``{"success", "data": fax}``) and ``GET /v2.1/faxes/{id}/file`` with
HTTP Basic api_key:api_secret. Reconcile pages ``GET /faxes?direction=received`` (``data``,
``paging.total``/``per_page``/``page``).

Sources: phaxio-ruby ``lib/phaxio/resources/webhook.rb`` (the signature: SHA-1, url + sorted
params + sorted files with their SHA-1, hex), ``config.rb`` (``https://api.phaxio.com/v2.1/``,
webhook token), ``client.rb`` (Basic key:secret, ``data``/``paging``), ``resources/fax.rb``
(paths, list ``direction`` "sent"/"received", fax attributes). Guessed (parsed tolerantly): the
webhook's field names (``direction``, ``is_test``, ``fax``, ``file``) as the v2.1 receive
webhook docs describe them (not read here), and ``status`` "success" for a complete reception.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

from ingest.providers.base import (
    ApiClient,
    Delivery,
    DeliveryRejected,
    HttpPolicy,
    PageTracker,
    basic_auth,
    iso_utc,
    json_object,
    media_type,
    multipart_parts,
    safe_id,
    unicode_text,
)
from ingest.providers.spec import Provider
from storage.spool import Blob, Spool

PROVIDER = "phaxio"
FETCH_KIND = "phaxio_fax"
SIGNATURE_HEADER = "X-Phaxio-Signature"
MAX_FIELD = 512 * 1024


def signature(token: str, url: str, fields: list[tuple[str, str]],
              files: list[tuple[str, bytes]]) -> str:
    """Phaxio's webhook signature of a POST to ``url``."""
    text = "".join(f"{k}{v}" for k, v in sorted(fields, key=lambda kv: kv[0]))
    # SHA-1 is what Phaxio signs with (its scheme, not our choice).
    digests = "".join(name + hashlib.sha1(data).hexdigest()
                      for name, data in sorted(files, key=lambda nf: nf[0]))
    return hmac.new(token.encode(), (url + text + digests).encode(), hashlib.sha1).hexdigest()


def _form(headers: Mapping[str, str],
          body: bytes) -> tuple[list[tuple[str, str]], list[tuple[str, bytes]]]:
    if media_type(headers) != "multipart/form-data":
        raise DeliveryRejected(415, f"expected multipart/form-data, got "
                                    f"{media_type(headers) or 'nothing'}")
    fields: list[tuple[str, str]] = []
    files: list[tuple[str, bytes]] = []
    try:
        for part in multipart_parts(headers, body):
            if part.filename is not None:
                files.append((part.name, part.raw))
            elif part.size > MAX_FIELD:
                raise DeliveryRejected(400, f"field {part.name} too large")
            else:
                fields.append((part.name, part.value))
    except UnicodeDecodeError:
        raise DeliveryRejected(400, "a text field is not UTF-8") from None
    return fields, files


def parse_delivery(headers: Mapping[str, str], body: bytes, *, token: str | None,
                   webhook_url: str | None) -> Delivery:
    """Verify ``X-Phaxio-Signature``, then parse a receive webhook (no I/O)."""
    fields, files = _form(headers, body)
    if not token or not webhook_url:
        raise DeliveryRejected(401, "cannot verify the signature: phaxio.signing_token and "
                                    "phaxio.webhook_url must be set")
    given = headers.get(SIGNATURE_HEADER) or headers.get(SIGNATURE_HEADER.lower()) or ""
    expected = signature(token, webhook_url, fields, files)
    if not hmac.compare_digest(given.strip().lower().encode(), expected.encode()):
        raise DeliveryRejected(401, "X-Phaxio-Signature does not match phaxio.webhook_url, "
                                    "the fields and the files")
    values = dict(fields)
    fax = json_object(values.get("fax", "").encode(), "field fax")
    fax_id = safe_id(fax.get("id"), "fax.id")
    direction = values.get("direction") or fax.get("direction")
    status = fax.get("status") if isinstance(fax.get("status"), str) else None
    received = direction == "received" and values.get("is_test") not in ("true", "1")
    kept = {**values, "fax": fax,
            "files": [{"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d),
                       "kept": False} for n, d in files]}
    return Delivery(
        provider=PROVIDER, event_type=f"fax.{direction or 'unknown'}",
        idem_key=f"{PROVIDER}:{direction}:{fax_id}", provider_fax_id=fax_id,
        job_kind=FETCH_KIND if received else None, status=status and unicode_text(status,
                                                                                   "fax.status"),
        event_time=iso_utc(fax.get("completed_at") or fax.get("created_at")),
        from_raw=_text(fax, "from_number", "caller_id"), to_raw=_text(fax, "to_number"),
        journal_body=json.dumps(kept, sort_keys=True).encode(),
    )


def _text(doc: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = doc.get(name)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return unicode_text(str(value).strip()[:200], name)
    return None


class PhaxioClient(ApiClient):
    provider = PROVIDER

    async def get_fax(self, fax_id: str) -> dict[str, Any]:
        doc = await self.get_json(f"faxes/{fax_id}")
        record = doc.get("data") if isinstance(doc, dict) else None
        if not isinstance(record, dict):
            raise ValueError("Phaxio fax answer has no 'data' object")
        return record

    async def download_fax(self, fax_id: str, spool: Spool, max_bytes: int) -> Blob:
        return await self.download(f"faxes/{fax_id}/file", spool, max_bytes)

    async def list_received(self, since: str | None = None,
                            page_size: int = 100) -> list[dict[str, Any]]:
        faxes: list[dict[str, Any]] = []
        page, pages = 1, PageTracker(PROVIDER, "id")
        while True:
            params = {"direction": "received", "page": str(page), "per_page": str(page_size)}
            if since:
                params["created_after"] = since
            doc = await self.get_json("faxes", params)
            records = doc.get("data") if isinstance(doc, dict) else None
            records = pages.new_records([r for r in records or [] if isinstance(r, dict)],
                                        f"page {page}")
            faxes += records
            paging = doc.get("paging") if isinstance(doc, dict) else None
            total = paging.get("total") if isinstance(paging, dict) else None
            if not records or not isinstance(total, int) or page * page_size >= total:
                return faxes
            page += 1


def record_fields(record: dict[str, Any]) -> dict[str, Any]:
    status = record.get("status") if isinstance(record.get("status"), str) else None
    return {
        "from_raw": _text(record, "from_number", "caller_id"),
        "to_raw": _text(record, "to_number"),
        "provider_status": status,
        "received_at": iso_utc(record.get("created_at")),
        "partial": status is not None and status != "success",
        "metadata": {k: record.get(k) for k in ("num_pages", "is_test", "error_type",
                                                 "error_message", "error_id", "completed_at")
                     if k in record},
    }


def parse(headers: Mapping[str, str], body: bytes, settings: Any) -> Delivery:
    token = settings.signing_token.get_secret_value() if settings.signing_token else None
    url = settings.webhook_url.get_secret_value() if settings.webhook_url else None
    return parse_delivery(headers, body, token=token, webhook_url=url)


def make_client(settings: Any, session: Any, policy: HttpPolicy) -> PhaxioClient | None:
    if not (settings.api_key and settings.api_secret):
        return None
    return PhaxioClient(session, settings.api_base, policy, auth_headers={
        "Authorization": basic_auth(settings.api_key, settings.api_secret.get_secret_value())})


def listed_fax(record: dict[str, Any]) -> tuple[str | None, str | None]:
    if record.get("direction") not in (None, "received") or record.get("is_test") is True:
        return None, None
    fax_id = record.get("id")
    return (str(fax_id) if fax_id is not None else None), iso_utc(record.get("created_at"))


STATUSES = {"success": "received", "failure": "failed", "partialsuccess": "partly received",
            "inprogress": "in progress"}

PROVIDER_SPEC = Provider(
    name=PROVIDER, title="Phaxio v2.1", parse=parse, make_client=make_client,
    record_fields=record_fields, fetch_kind=FETCH_KIND, listed_fax=listed_fax,
    statuses=STATUSES,
)
