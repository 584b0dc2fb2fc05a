"""Dropbox Fax (ex-HelloFax; Dropbox Sign v3 API surface): callback parsing and API client.

Callbacks are ``multipart/form-data`` with one field ``json`` (an urlencoded ``json=`` is
tolerated). ``event_hash`` = hex HMAC-SHA256(api_key, event_time + event_type) proves only that
the sender knows our key: it covers neither the fax nor the rest of the body. The body carries
no fax id or number; the id is the last path segment of ``files_url`` (or ``final_copy_uri``),
and everything else is fetched with ``GET /fax/{id}``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import multipart

from ingest.jobs import JobKind
from ingest.providers.base import (
    ApiClient,
    Delivery,
    DeliveryRejected,
    HttpPolicy,
    PageTracker,
    basic_auth,
    json_object,
    media_options,
    media_type,
    safe_id,
    unicode_text,
)
from ingest.providers.spec import Ack, Provider
from storage.spool import Blob, Spool

PROVIDER = "dropbox"
ACK_BODY = "Hello API Event Received"
FAX_RECEIVED = "fax_received"
MAX_FORM_FIELD = 512 * 1024
RECONCILE_HINT = "`faxvault reconcile --provider dropbox` fetches any fax it announced"


@dataclass(frozen=True)
class FreshnessWindow:
    """How far ``event_time`` may be from now. The hash covers only time and type, so a
    captured callback could be replayed with another ``files_url``; bounding its age to the
    sender's retry schedule (5 min ... 20 h 15, ~30 h 20 in all) closes that beyond the
    window, beside the secret URL token. What arrives later is refused: reconcile covers it."""

    max_age_seconds: int = 36 * 3600
    max_skew_seconds: int = 300  # clock difference tolerated for times in the future


def check_fresh(event_time: str, now: float, window: FreshnessWindow) -> None:
    """Refuse (401) an ``event_time`` outside the window, saying by how much and why."""
    # isascii: str.isdigit and int() also take other scripts' digits ("\u0661\u0662").
    if not (event_time.isascii() and event_time.isdigit()) or len(event_time) > 12:
        raise DeliveryRejected(400, "event.event_time is not a Unix time in seconds")
    age = now - int(event_time)
    if age > window.max_age_seconds:
        raise DeliveryRejected(
            401, f"event_time is {age / 3600:.1f} h old, older than the sender retries "
            f"(dropbox.max_event_age_seconds = {window.max_age_seconds}); refused as a "
            f"possible replay; {RECONCILE_HINT}")
    if -age > window.max_skew_seconds:
        raise DeliveryRejected(
            401, f"event_time is {-age:.0f} s in the future, past the allowed clock skew "
            f"(dropbox.max_clock_skew_seconds = {window.max_skew_seconds})")


def event_hash(api_key: str, event_time: str, event_type: str) -> str:
    return hmac.new(api_key.encode(), (event_time + event_type).encode(),
                    hashlib.sha256).hexdigest()


def _json_field(headers: Mapping[str, str], body: bytes) -> bytes:
    kind = media_type(headers)
    if kind == "multipart/form-data":
        boundary = media_options(headers).get("boundary")
        if not boundary:
            raise DeliveryRejected(400, "multipart body without a boundary")
        try:
            parser = multipart.MultipartParser(io.BytesIO(body), boundary,
                                               content_length=len(body),
                                               mem_limit=MAX_FORM_FIELD * 2,
                                               memfile_limit=MAX_FORM_FIELD,
                                               disk_limit=0)
            for part in parser:
                if part.name == "json":
                    return part.raw
        except multipart.MultipartError as exc:
            raise DeliveryRejected(400, f"malformed multipart body: {exc}") from None
        raise DeliveryRejected(400, "multipart body has no 'json' field")
    if kind == "application/x-www-form-urlencoded":
        try:
            fields = urllib.parse.parse_qs(body.decode("utf-8"), max_num_fields=50)
        except (UnicodeDecodeError, ValueError) as exc:
            raise DeliveryRejected(400, f"malformed form body: {exc}") from None
        if "json" not in fields:
            raise DeliveryRejected(400, "form body has no 'json' field")
        return fields["json"][0].encode()
    raise DeliveryRejected(415, f"expected multipart/form-data, got {kind or 'nothing'}")


def fax_id_from_uri(value: Any, what: str) -> str | None:
    """The last path segment of a files URL or URI (never fetched: only the id is used)."""
    if not isinstance(value, str) or not value.strip():
        return None
    path = urllib.parse.urlsplit(value.strip()).path.rstrip("/")
    return safe_id(path.rsplit("/", 1)[-1], what)


def parse_time(value: Any) -> str | None:
    try:
        seconds = int(str(value))
        return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, OverflowError, OSError):
        return None


def parse_delivery(headers: Mapping[str, str], body: bytes, api_key: str | None, *,
                   now: float | None = None,
                   window: FreshnessWindow = FreshnessWindow()) -> Delivery:
    """Verify ``event_hash`` and the age of ``event_time`` (against ``now``, default the
    clock), and parse a v3 callback (no I/O).

    Raises :class:`DeliveryRejected`: 415 wrong content type, 400 malformed, 401 bad hash or
    an ``event_time`` outside the window."""
    doc = json_object(_json_field(headers, body), "json field")
    event = doc.get("event")
    if not isinstance(event, dict):
        raise DeliveryRejected(400, "expected an 'event' object")
    event_time, event_type, given = (event.get(k) for k in
                                     ("event_time", "event_type", "event_hash"))
    if isinstance(event_time, int) and not isinstance(event_time, bool):
        event_time = str(event_time)
    if not isinstance(event_time, str) or not isinstance(event_type, str) or not event_type:
        raise DeliveryRejected(400, "event.event_time and event.event_type must be strings")
    if len(event_time) > 32 or len(event_type) > 64:
        raise DeliveryRejected(400, "event.event_time or event.event_type too long")
    unicode_text(event_time, "event.event_time")
    unicode_text(event_type, "event.event_type")
    if not api_key:
        raise DeliveryRejected(401, "cannot verify event_hash: dropbox.api_key is not set")
    expected = event_hash(api_key, event_time, event_type)
    if not isinstance(given, str) or not hmac.compare_digest(given.lower().encode(),
                                                             expected.encode()):
        raise DeliveryRejected(401, "event_hash does not match")
    check_fresh(event_time, time.time() if now is None else now, window)
    transmission = doc.get("transmission")
    transmission = transmission if isinstance(transmission, dict) else {}
    fax_id = (fax_id_from_uri(transmission.get("files_url"), "transmission.files_url")
              or fax_id_from_uri(transmission.get("final_copy_uri"),
                                 "transmission.final_copy_uri"))
    job = None
    if event_type == FAX_RECEIVED:
        if fax_id is None:
            raise DeliveryRejected(400, "fax_received without transmission.files_url")
        job = JobKind.DROPBOX_FAX
    has_error = transmission.get("has_error") is True
    return Delivery(
        provider=PROVIDER, event_type=event_type, provider_fax_id=fax_id, job_kind=job,
        idem_key=f"{PROVIDER}:{event_type}:{event_time}:{fax_id or ''}",
        event_time=parse_time(event_time), status="has_error" if has_error else None,
    )


class DropboxClient(ApiClient):
    provider = PROVIDER

    async def get_fax(self, fax_id: str) -> dict[str, Any]:
        doc = await self.get_json(f"fax/{fax_id}")
        fax = doc.get("fax") if isinstance(doc, dict) else None
        if not isinstance(fax, dict):
            raise ValueError("Dropbox fax record has no 'fax' object")
        return fax

    async def download_fax(self, fax_id: str, spool: Spool, max_bytes: int) -> Blob:
        return await self.download(f"fax/files/{fax_id}", spool, max_bytes)

    async def list_received(self, since: str | None = None,
                            page_size: int = 100) -> list[dict[str, Any]]:
        """Every fax in the account (optionally created at or after ``since``)."""
        faxes: list[dict[str, Any]] = []
        page, pages = 1, PageTracker(PROVIDER, "fax_id")
        while True:
            doc = await self.get_json("fax/list", {"page": str(page),
                                                   "page_size": str(page_size)})
            records = doc.get("faxes") if isinstance(doc, dict) else None
            records = pages.new_records([r for r in records or [] if isinstance(r, dict)],
                                        f"page {page}")
            faxes += [r for r in records
                      if since is None or (parse_time(r.get("created_at")) or "") >= since]
            info = doc.get("list_info") if isinstance(doc, dict) else None
            num_pages = info.get("num_pages") if isinstance(info, dict) else None
            if not records or not isinstance(num_pages, int) or page >= num_pages:
                return faxes
            page += 1


def record_fields(fax: dict[str, Any]) -> dict[str, Any]:
    """Catalog fields from ``GET /fax/{id}`` (the authoritative source)."""
    transmissions = [t for t in fax.get("transmissions") or [] if isinstance(t, dict)]
    first = transmissions[0] if transmissions else {}
    status = first.get("status_code") if isinstance(first.get("status_code"), str) else None
    sender = fax.get("sender") or first.get("sender")
    return {
        "from_raw": str(sender)[:200] if sender else None,
        "to_raw": str(first.get("recipient"))[:200] if first.get("recipient") else None,
        "provider_status": status,
        "received_at": parse_time(fax.get("created_at")),
        "partial": bool(status and status != "success"),
        "metadata": {k: fax.get(k) for k in ("title", "subject", "message", "test_mode",
                                              "original_title") if k in fax},
    }


def parse(headers: Mapping[str, str], body: bytes, settings: Any) -> Delivery:
    """The registry's parser: ``event_hash`` with the API key, and the freshness window."""
    window = FreshnessWindow(settings.max_event_age_seconds, settings.max_clock_skew_seconds)
    api_key = settings.api_key.get_secret_value() if settings.api_key else None
    return parse_delivery(headers, body, api_key, now=time.time(), window=window)


def acknowledge(delivery: Delivery, duplicate: bool) -> Ack:
    # Dropbox counts anything but exactly this (200, text/plain) as a failed delivery.
    return Ack(ACK_BODY, "text/plain")


def make_client(settings: Any, session: Any, policy: HttpPolicy) -> DropboxClient | None:
    if not settings.api_key:
        return None
    return DropboxClient(session, settings.api_base, policy, auth_headers={
        "Authorization": basic_auth(settings.api_key.get_secret_value())})


def listed_fax(record: dict[str, Any]) -> tuple[str | None, str | None]:
    return record.get("fax_id"), parse_time(record.get("created_at"))


# Transmission status_code values (stored verbatim).
STATUSES = {
    "success": "received in full", "transmitting": "in progress", "on_hold": "on hold",
    "error_busy": "line busy", "error_no_answer": "no answer",
    "error_could_not_fax": "could not fax", "error_disconnected": "call dropped",
    "error_bad_destination": "bad destination", "error_unknown": "unknown error",
    "error_file": "file problem",
}

PROVIDER_SPEC = Provider(
    name=PROVIDER, title="Dropbox Fax", parse=parse, make_client=make_client,
    record_fields=record_fields, fetch_kind=JobKind.DROPBOX_FAX, listed_fax=listed_fax,
    acknowledge=acknowledge, statuses=STATUSES,
)
