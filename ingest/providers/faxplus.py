"""Fax.Plus (Alohi) REST API v3: webhook parsing and the API client.

Webhooks are JSON ``{"hook": {...}, "data": {...}}`` with no signature; the secret path token
authenticates them (checked by the route), and everything about the fax is then fetched
through the API. Page streaming (``fax_page_received``) payload names are not documented:
``page``, ``page_number`` (1-based) and ``page_index`` (0-based) are all accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ingest.jobs import JobKind
from ingest.providers.base import (
    ApiClient,
    Delivery,
    DeliveryRejected,
    HttpPolicy,
    PageTracker,
    json_object,
    media_type,
    safe_id,
    unicode_text,
)
from ingest.providers.spec import Provider
from storage.spool import Blob, Spool

PROVIDER = "faxplus"
FAX_RECEIVED, PAGE_RECEIVED = "fax_received", "fax_page_received"


def parse_time(value: Any) -> str | None:
    """Fax.Plus times are ``YYYY-MM-DD HH:mm:ss`` in UTC with no zone."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    # fromisoformat is ~10x faster than strptime (this runs on every acknowledgement); the
    # length check keeps it to the documented shape.
    if len(value) != 19 or value[10] != " ":
        return None
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return f"{value[:10]}T{value[11:]}Z"


def _text(data: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = data.get(name)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()[:200]
    return None


def _page_number(data: dict[str, Any]) -> int:
    for name, offset in (("page", 0), ("page_number", 0), ("page_index", 1)):
        value = data.get(name)
        if value is None:
            continue
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or value + offset < 1:
            raise DeliveryRejected(400, f"data.{name} is not a valid page number")
        if value + offset > 10_000:
            raise DeliveryRejected(400, f"data.{name} is out of range")
        return value + offset
    raise DeliveryRejected(400, "fax_page_received without data.page")


def _file_id(data: dict[str, Any]) -> str | None:
    value = data.get("file")
    if not isinstance(value, str) or not value.strip():
        return None
    stem = value.strip().rsplit("/", 1)[-1].split(".", 1)[0]
    return safe_id(stem, "data.file")


def parse_delivery(headers: Mapping[str, str], body: bytes) -> Delivery:
    """Verify the shape of a Fax.Plus webhook and parse it (no I/O).

    Raises :class:`DeliveryRejected` (415 wrong content type, 400 malformed)."""
    kind = media_type(headers)
    if kind != "application/json" and not kind.endswith("+json"):
        raise DeliveryRejected(415, f"expected application/json, got {kind or 'nothing'}")
    doc = json_object(body)
    hook, data = doc.get("hook"), doc.get("data")
    if not isinstance(hook, dict) or not isinstance(data, dict):
        raise DeliveryRejected(400, "expected objects 'hook' and 'data'")
    event = hook.get("event")
    if not isinstance(event, str) or not event.strip() or len(event) > 64:
        raise DeliveryRejected(400, "hook.event missing or not a string")
    unicode_text(event, "hook.event")
    fax_id = safe_id(data.get("id"), "data.id")
    hints = {"status": _text(data, "status"), "from_raw": _text(data, "from", "from_number"),
             "to_raw": _text(data, "to", "to_number")}
    for name, value in hints.items():
        if value is not None:
            unicode_text(value, f"data.{name.removesuffix('_raw')}")
    common = dict(
        provider=PROVIDER, event_type=event, provider_fax_id=fax_id,
        event_time=parse_time(hook.get("event_time")), **hints,
    )
    if event == PAGE_RECEIVED:
        page = _page_number(data)
        return Delivery(**common, idem_key=f"{PROVIDER}:{event}:{fax_id}:{page}", page=page,
                        job_kind=JobKind.FAXPLUS_PAGE,
                        job_payload={"page": page, "file": _file_id(data)})
    job = JobKind.FAXPLUS_FAX if event == FAX_RECEIVED else None  # fax_sent etc.: journal only
    return Delivery(**common, idem_key=f"{PROVIDER}:{event}:{fax_id}:", job_kind=job)


class FaxplusClient(ApiClient):
    provider = PROVIDER

    def __init__(self, *args: Any, user_id: str = "self", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user_id = user_id

    async def get_fax(self, fax_id: str) -> dict[str, Any]:
        record = await self.get_json(f"accounts/{self.user_id}/faxes/{fax_id}")
        if not isinstance(record, dict):
            raise ValueError("Fax.Plus fax record is not a JSON object")
        return record

    async def download_fax(self, fax_id: str, spool: Spool, max_bytes: int) -> Blob:
        return await self.download(f"accounts/{self.user_id}/files/{fax_id}", spool, max_bytes,
                                   params={"format": "tiff"})

    async def download_page(self, fax_id: str, page: int, file_id: str | None, spool: Spool,
                            max_bytes: int) -> Blob:
        """The single-page TIFF of a streamed page: by its own file id when the event named
        one, else by fax id and page number."""
        if file_id:
            return await self.download(f"accounts/{self.user_id}/files/{file_id}", spool,
                                       max_bytes, params={"format": "tiff"})
        return await self.download(f"accounts/{self.user_id}/files/{fax_id}", spool, max_bytes,
                                   params={"format": "tiff", "page": str(page)})

    async def list_received(self, since: str | None = None,
                            page_size: int = 100) -> list[dict[str, Any]]:
        """Every inbox fax (optionally after ``since``, ISO date), following offsets."""
        faxes: list[dict[str, Any]] = []
        offset, pages = 0, PageTracker(PROVIDER, "id")
        while True:
            params = {"category": "inbox", "limit": str(page_size), "offset": str(offset)}
            if since:
                params["after"] = since.replace("T", " ").rstrip("Z")
            doc = await self.get_json(f"accounts/{self.user_id}/faxes", params)
            records = _records(doc)
            faxes += pages.new_records([r for r in records if isinstance(r, dict)],
                                       f"at offset {offset}")
            if len(records) < page_size:
                return faxes
            offset += page_size


def _records(doc: Any) -> list[Any]:
    """The list in a list-faxes answer, wherever this API version puts it."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        for key in ("records", "faxes", "data"):
            value = doc.get(key)
            if isinstance(value, list):
                return value
            if isinstance(value, dict):
                return _records(value)
    return []


def record_fields(record: dict[str, Any]) -> dict[str, Any]:
    """Catalog fields from a fax record (the authoritative source)."""
    status = record.get("status") if isinstance(record.get("status"), str) else None
    return {
        "from_raw": _text(record, "from", "from_number"),
        "to_raw": _text(record, "to", "to_number"),
        "provider_status": status,
        "received_at": parse_time(record.get("start_time")),
        "partial": status == "partially_received",
        "metadata": {k: record.get(k) for k in ("is_spam", "pages", "cost", "duration",
                                                 "file_name", "direction", "header")
                     if k in record},
    }


def parse(headers: Mapping[str, str], body: bytes, settings: Any) -> Delivery:
    """The registry's parser: the route's path token is the only credential Fax.Plus has."""
    return parse_delivery(headers, body)


def make_client(settings: Any, session: Any, policy: HttpPolicy) -> FaxplusClient | None:
    if not settings.token:
        return None
    return FaxplusClient(session, settings.api_base, policy, user_id=settings.user_id,
                         auth_headers={"Authorization":
                                       f"Bearer {settings.token.get_secret_value()}"})


def listed_fax(record: dict[str, Any]) -> tuple[str | None, str | None]:
    if record.get("direction") not in (None, "incoming"):
        return None, None
    return record.get("id"), parse_time(record.get("start_time"))


# The documented codes that matter on the receiving side (others are stored verbatim too).
STATUSES = {
    "success": "received in full",
    "partially_received": "the first pages arrived, then the call dropped",
    "in_progress": "still being received (page streaming)",
    "failed": "the reception failed",
}

PROVIDER_SPEC = Provider(
    name=PROVIDER, title="Fax.Plus", parse=parse, make_client=make_client,
    record_fields=record_fields, fetch_kind=JobKind.FAXPLUS_FAX,
    page_kind=JobKind.FAXPLUS_PAGE, listed_fax=listed_fax, statuses=STATUSES,
)
