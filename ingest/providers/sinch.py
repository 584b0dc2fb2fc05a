"""Sinch Fax API v3 (the successor of Phaxio): incoming-fax callbacks and the API client.

A fax service's incoming webhook receives ``INCOMING_FAX`` (and, for sent faxes,
``FAX_COMPLETED``) as ``multipart/form-data`` with fields ``event``, ``eventTime``, ``fax`` (the
fax object as a JSON string) and the PDF in part ``file``, or as ``application/json``
``{"event", "eventTime", "fax": {...}, "file": <base64>, "fileType"}``. The fax object has
``id``, ``direction`` (``INBOUND``/``OUTBOUND``), ``from``, ``to``, ``numberOfPages``,
``status`` (``QUEUED``, ``IN_PROGRESS``, ``COMPLETED``, ``FAILURE``), ``createTime``,
``completedTime``, ``hasFile``, ``errorType``/``errorCode``/``errorMessage``, ``projectId``,
``serviceId``.

Sinch does not sign callbacks. The webhook URL carries credentials (``https://user:pass@...``,
which Sinch masks when the URL is read back) that arrive as HTTP Basic auth: they are
compared in constant time with ``[sinch] callback_user``/``callback_password`` beside the
path token, and the fax must name the configured project. Even then the body is trusted only
to name the fax: its file is not kept (the journal stores the fields and the file's SHA-256);
the fetch job looks the fax up in the project (``GET /v3/projects/{project}/faxes/{id}``,
which also proves it exists there) and downloads ``GET .../faxes/{id}/file`` (PDF).
Reconcile lists ``GET .../faxes?direction=INBOUND&page=&pageSize=`` (``faxes``, ``page``,
``totalPages``).

API auth: OAuth2 client credentials (``POST https://auth.sinch.com/oauth2/token`` with the
key id and secret, a bearer token for about an hour), or HTTP Basic with the key id and secret
(documented as rate-limited, for tests).

Sources: sinch-sdk-node ``packages/fax``: ``models/v3/fax/fax.ts``, ``enums.ts``,
``mod-events/*`` (event shapes, JSON and form-data variants), ``rest/v3/callbacks/
callbacks-webhook.ts`` (no signature; ``fax`` is a JSON string in form data),
``rest/v3/faxes/faxes-api.ts`` (paths, ``Accept: application/pdf``, list parameters),
``sdk-client/.../api-client-pagination-helper.ts`` (PAGE3: ``page`` < ``totalPages``),
``fax-domain-api.ts`` (``https://fax.api.sinch.com``); Sinch docs "Basic HTTP authentication"
and "OAuth 2.0 authentication". Guessed (parsed tolerantly): that URL credentials arrive as a
standard ``Authorization: Basic`` header (what HTTP clients do with URL userinfo), the token
answer's ``expires_in``, and ``hasFile`` as ``"true"``/``"false"`` or a boolean.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import time
from collections.abc import Mapping
from typing import Any

from ingest.providers.base import (
    ApiClient,
    Delivery,
    DeliveryRejected,
    HttpPolicy,
    PageTracker,
    PermanentProviderError,
    TransientError,
    Unauthorized,
    basic_auth,
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

PROVIDER = "sinch"
FETCH_KIND = "sinch_fax"
INCOMING_FAX = "INCOMING_FAX"
MAX_FIELD = 512 * 1024  # the JSON fields; the file part is bounded by the body cap
MAX_TOKEN_ANSWER = 64 * 1024


def _form(headers: Mapping[str, str], body: bytes) -> tuple[dict[str, str], bytes | None]:
    """The text fields of a multipart callback, and the bytes of its ``file`` part."""
    fields: dict[str, str] = {}
    file: bytes | None = None
    try:
        for part in multipart_parts(headers, body):
            if part.name == "file":
                file = part.raw
            elif part.name in ("event", "eventTime", "fax"):
                if part.size > MAX_FIELD:
                    raise DeliveryRejected(400, f"field {part.name} too large")
                fields[part.name] = part.value
    except UnicodeDecodeError:
        raise DeliveryRejected(400, "a text field is not UTF-8") from None
    return fields, file


def _event(headers: Mapping[str, str], body: bytes) -> tuple[dict[str, Any], bytes | None]:
    """(event document with ``fax`` as an object, the attached file) from either encoding."""
    kind = media_type(headers)
    if kind == "multipart/form-data":
        fields, file = _form(headers, body)
        doc: dict[str, Any] = {k: v for k, v in fields.items() if k != "fax"}
        if "fax" in fields:
            doc["fax"] = json_object(fields["fax"].encode(), "field fax")
        return doc, file
    if kind == "application/json" or kind.endswith("+json"):
        doc = json_object(body)
        encoded = doc.pop("file", None)
        if encoded is None:
            return doc, None
        if not isinstance(encoded, str):
            raise DeliveryRejected(400, "file is not a base64 string")
        try:
            return doc, base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise DeliveryRejected(400, "file is not valid base64") from None
    raise DeliveryRejected(415, f"expected multipart/form-data or application/json, got "
                                f"{kind or 'nothing'}")


def _text(doc: dict[str, Any], name: str, where: str = "fax") -> str | None:
    value = doc.get(name)
    if isinstance(value, str) and value.strip():
        return unicode_text(value.strip()[:200], f"{where}.{name}")
    return None


def parse_delivery(headers: Mapping[str, str], body: bytes, *, user: str | None,
                   password: str | None, project_id: str | None) -> Delivery:
    """Check the callback's Basic credentials and project, then parse either encoding (no
    I/O). Raises :class:`DeliveryRejected`: 401 credentials or project, 415, 400."""
    if not basic_credentials_match(headers, user, password):
        raise DeliveryRejected(401, "Basic credentials missing or not sinch.callback_user / "
                                    "callback_password (set them in the webhook URL)")
    doc, file = _event(headers, body)
    event = doc.get("event")
    if not isinstance(event, str) or not event.strip() or len(event) > 64:
        raise DeliveryRejected(400, "event missing or not a string")
    unicode_text(event, "event")
    fax = doc.get("fax")
    if not isinstance(fax, dict):
        raise DeliveryRejected(400, "expected a 'fax' object")
    if not project_id or fax.get("projectId") != project_id:
        raise DeliveryRejected(401, "fax.projectId is not sinch.project_id")
    fax_id = safe_id(fax.get("id"), "fax.id")
    inbound = fax.get("direction") == "INBOUND"
    job = FETCH_KIND if event == INCOMING_FAX and inbound else None
    kept = {**doc, "fax": fax}
    if file is not None:
        kept["file"] = {"sha256": hashlib.sha256(file).hexdigest(), "size": len(file),
                        "kept": False}
    return Delivery(
        provider=PROVIDER, event_type=event, idem_key=f"{PROVIDER}:{event}:{fax_id}",
        provider_fax_id=fax_id, job_kind=job, event_time=iso_utc(doc.get("eventTime")),
        status=_text(fax, "status"), from_raw=_text(fax, "from"), to_raw=_text(fax, "to"),
        journal_body=json.dumps(kept, sort_keys=True).encode(),
    )


class TokenSource:
    """OAuth2 client-credentials bearer tokens, fetched when missing or about to expire."""

    def __init__(self, session: Any, url: str, key_id: str, key_secret: str,
                 policy: HttpPolicy) -> None:
        self._session, self._url, self._policy = session, url, policy
        self._basic = basic_auth(key_id, key_secret)
        self._token: str | None = None
        self._expires = 0.0
        self._lock = asyncio.Lock()

    def invalidate(self) -> None:
        self._token = None

    async def header(self) -> str:
        async with self._lock:
            if self._token is None or time.monotonic() > self._expires:
                self._token, lifetime = await self._fetch()
                self._expires = time.monotonic() + max(30.0, lifetime - 60.0)
            return f"Bearer {self._token}"

    async def _fetch(self) -> tuple[str, float]:
        try:
            async with asyncio.timeout(self._policy.timeout_seconds):
                async with self._session.post(
                        self._url, data={"grant_type": "client_credentials"},
                        headers={"Authorization": self._basic},
                        allow_redirects=False) as response:
                    if response.status >= 500 or response.status == 429:
                        raise TransientError(f"sinch token: HTTP {response.status}")
                    if response.status != 200:
                        raise PermanentProviderError(
                            f"sinch token: HTTP {response.status} (check sinch.key_id and "
                            "key_secret)")
                    body = b""
                    async for chunk in response.content.iter_chunked(16 * 1024):
                        body += chunk
                        if len(body) > MAX_TOKEN_ANSWER:
                            break
        except TimeoutError:
            raise TransientError("sinch token: no answer in time") from None
        if len(body) > MAX_TOKEN_ANSWER:
            raise PermanentProviderError("sinch token: answer over the size cap")
        try:
            doc = json.loads(body)
        except ValueError:
            raise TransientError("sinch token: answer is not JSON (truncated?)") from None
        token = doc.get("access_token") if isinstance(doc, dict) else None
        if not isinstance(token, str) or not token:
            raise TransientError("sinch token: answer without access_token")
        lifetime = doc.get("expires_in")
        return token, float(lifetime) if isinstance(lifetime, (int, float)) else 3600.0


class SinchClient(ApiClient):
    provider = PROVIDER

    def __init__(self, *args: Any, project_id: str, tokens: TokenSource | None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.project = project_id
        self._tokens = tokens

    async def _authorized(self, call: Any) -> Any:
        """Run ``call`` with a bearer token (when OAuth2 is used); one new token on a 401."""
        if self._tokens is None:
            return await call()
        for attempt in (1, 2):
            self._headers = {"Authorization": await self._tokens.header()}
            try:
                return await call()
            except Unauthorized:
                if attempt == 2:
                    raise
                self._tokens.invalidate()
        raise AssertionError("unreachable")  # pragma: no cover

    def _fax_path(self, fax_id: str = "") -> str:
        return f"projects/{self.project}/faxes" + (f"/{fax_id}" if fax_id else "")

    async def get_fax(self, fax_id: str) -> dict[str, Any]:
        record = await self._authorized(lambda: self.get_json(self._fax_path(fax_id)))
        if not isinstance(record, dict):
            raise ValueError("Sinch fax record is not a JSON object")
        if record.get("direction") not in (None, "INBOUND"):
            raise PermanentProviderError(f"sinch fax {fax_id} is not an inbound fax")
        return record

    async def download_fax(self, fax_id: str, spool: Spool, max_bytes: int) -> Blob:
        return await self._authorized(
            lambda: self.download(self._fax_path(fax_id) + "/file", spool, max_bytes))

    async def list_received(self, since: str | None = None,
                            page_size: int = 100) -> list[dict[str, Any]]:
        """Every inbound fax (created at or after ``since``), page by page."""
        faxes: list[dict[str, Any]] = []
        page, pages = 1, PageTracker(PROVIDER, "id")
        while True:
            params = {"direction": "INBOUND", "page": str(page), "pageSize": str(page_size)}
            doc = await self._authorized(lambda p=params: self.get_json(self._fax_path(), p))
            records = doc.get("faxes") if isinstance(doc, dict) else None
            records = pages.new_records([r for r in records or [] if isinstance(r, dict)],
                                        f"page {page}")
            faxes += [r for r in records
                      if since is None or (iso_utc(r.get("createTime")) or "") >= since]
            total = doc.get("totalPages") if isinstance(doc, dict) else None
            if not records or not isinstance(total, int) or page >= total:
                return faxes
            page += 1


def record_fields(record: dict[str, Any]) -> dict[str, Any]:
    """Catalog fields from the project's fax record (the authoritative source)."""
    status = record.get("status") if isinstance(record.get("status"), str) else None
    return {
        "from_raw": _text(record, "from"),
        "to_raw": _text(record, "to"),
        "provider_status": status,
        "received_at": iso_utc(record.get("createTime")),
        # A failed reception that still has a file kept what arrived before the failure.
        "partial": status is not None and status != "COMPLETED",
        "metadata": {k: record.get(k) for k in ("numberOfPages", "serviceId", "errorType",
                                                 "errorCode", "errorMessage", "completedTime")
                     if k in record},
    }


def _secret(value: Any) -> str | None:
    return value.get_secret_value() if value is not None else None


def parse(headers: Mapping[str, str], body: bytes, settings: Any) -> Delivery:
    return parse_delivery(headers, body, user=settings.callback_user,
                          password=_secret(settings.callback_password),
                          project_id=settings.project_id)


def make_client(settings: Any, session: Any, policy: HttpPolicy) -> SinchClient | None:
    if not (settings.key_id and settings.key_secret and settings.project_id):
        return None
    key_id, secret = settings.key_id, settings.key_secret.get_secret_value()
    if settings.auth == "basic":
        return SinchClient(session, settings.api_base, policy, project_id=settings.project_id,
                           tokens=None, auth_headers={"Authorization": basic_auth(key_id, secret)})
    tokens = TokenSource(session, settings.token_url, key_id, secret, policy)
    return SinchClient(session, settings.api_base, policy, project_id=settings.project_id,
                       tokens=tokens)


def _has_file(record: dict[str, Any]) -> bool:
    return str(record.get("hasFile", "true")).lower() != "false"


def listed_fax(record: dict[str, Any]) -> tuple[str | None, str | None]:
    if record.get("direction") not in (None, "INBOUND"):
        return None, None
    if record.get("status") in ("QUEUED", "IN_PROGRESS") or not _has_file(record):
        return None, None  # still arriving, or nothing stored to fetch
    return record.get("id"), iso_utc(record.get("createTime"))


STATUSES = {"QUEUED": "queued", "IN_PROGRESS": "being received",
            "COMPLETED": "received in full", "FAILURE": "failed (pages may have arrived)"}

PROVIDER_SPEC = Provider(
    name=PROVIDER, title="Sinch Fax", parse=parse, make_client=make_client,
    record_fields=record_fields, fetch_kind=FETCH_KIND, listed_fax=listed_fax,
    statuses=STATUSES,
)
