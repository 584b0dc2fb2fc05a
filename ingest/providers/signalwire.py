"""SignalWire fax (the Twilio-compatible cXML API): ``<Receive action=...>`` callbacks and the
Compatibility REST API.

A number whose cXML script is ``<Response><Receive action="https://.../webhooks/signalwire/
<token>"/></Response>`` gets, when the fax has been received or has failed, a form POST
(``application/x-www-form-urlencoded``) with the standard fax parameters (``FaxSid``,
``AccountSid``, ``From``, ``To``) plus ``RemoteStationId``, ``FaxStatus``, ``NumPages``,
``MediaUrl``, ``ErrorCode``, ``ErrorMessage``.

Signed: ``X-SignalWire-Signature`` (or ``X-Twilio-Signature``) is
``base64(HMAC-SHA1(signing key, URL + concatenation of key+value for every form parameter
sorted by key))``, the URL exactly as SignalWire requested it; it is checked against the
configured ``webhook_url`` with and without the scheme's default port, as the SDK does. The
callback must name the configured project (``AccountSid``).

``MediaUrl`` is never followed from the callback. The fetch job reads the fax
(``GET {space}/api/laml/2010-04-01/Accounts/{project}/Faxes/{sid}.json``, Basic project id and
API token) and downloads the record's ``media_url`` only when it is on the configured space's
origin (else ``Faxes/{sid}/Media/{media_sid}`` on the space), with the same credentials.
Reconcile pages ``Faxes.json`` (``faxes``, ``next_page_uri``).

Sources: signalwire-python ``core/security/webhook_validator.py`` (scheme B: sorted params,
base64 HMAC-SHA1, port variants, header names, constant-time compare); SignalWire docs
"<Receive>" (callback parameters, media type), "Faxes" (record fields: ``sid``, ``direction``,
``from``, ``to``, ``media_url``, ``media_sid``, ``num_pages``, ``status``, ``date_created``),
"Fax Media" and "List All Media of a Fax" (paths, Basic project:token). Guessed (parsed
tolerantly): the list answer's ``faxes``/``next_page_uri`` keys (Twilio 2010 API style), the
``FaxStatus`` values (Twilio's: ``received``, ``failed``, ...).
"""

from __future__ import annotations

import base64
import datetime as dt
import email.utils
import hashlib
import hmac
import urllib.parse
from collections.abc import Mapping
from typing import Any

from yarl import URL

from ingest.providers.base import (
    ApiClient,
    Delivery,
    DeliveryRejected,
    HttpPolicy,
    PageTracker,
    basic_auth,
    iso_utc,
    media_type,
    safe_id,
    unicode_text,
)
from ingest.providers.spec import Provider
from storage.spool import Blob, Spool

PROVIDER = "signalwire"
FETCH_KIND = "signalwire_fax"
SIGNATURE_HEADERS = ("X-SignalWire-Signature", "X-Twilio-Signature")
MAX_FIELDS = 100


def signature(signing_key: str, url: str, params: list[tuple[str, str]]) -> str:
    """SignalWire's compatibility signature (scheme B) of a form POST to ``url``."""
    ordered = sorted(params, key=lambda kv: kv[0])  # stable: repeated keys keep their order
    message = url + "".join(f"{k}{v}" for k, v in ordered)
    digest = hmac.new(signing_key.encode(), message.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def url_variants(url: str) -> list[str]:
    """The URL as configured, and with its scheme's default port added or removed."""
    parts = urllib.parse.urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    host = parts.hostname or ""
    if not host or default is None:
        return [url]
    if parts.port is None:
        other = parts._replace(netloc=f"{host}:{default}")
    elif parts.port == default:
        other = parts._replace(netloc=host)
    else:
        return [url]
    return [url, urllib.parse.urlunsplit(other)]


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        value = next((v for k, v in headers.items() if k.lower() == name.lower()), None)
    return value


def verify(headers: Mapping[str, str], params: list[tuple[str, str]], signing_key: str | None,
           webhook_url: str | None) -> None:
    if not signing_key or not webhook_url:
        raise DeliveryRejected(401, "cannot verify the signature: signalwire.signing_key and "
                                    "signalwire.webhook_url must be set")
    given = next((v for v in (_header(headers, h) for h in SIGNATURE_HEADERS) if v), None)
    if not given:
        raise DeliveryRejected(401, "missing X-SignalWire-Signature")
    for url in url_variants(webhook_url):
        if hmac.compare_digest(given.encode(), signature(signing_key, url, params).encode()):
            return
    raise DeliveryRejected(401, "signature does not match signalwire.webhook_url and the "
                                "form parameters")


def _form(headers: Mapping[str, str], body: bytes) -> list[tuple[str, str]]:
    kind = media_type(headers)
    if kind != "application/x-www-form-urlencoded":
        raise DeliveryRejected(415, "expected application/x-www-form-urlencoded, got "
                                    f"{kind or 'nothing'}")
    try:
        return urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True,
                                      strict_parsing=False, max_num_fields=MAX_FIELDS)
    except (UnicodeDecodeError, ValueError) as exc:
        raise DeliveryRejected(400, f"malformed form body: {exc}") from None


def parse_delivery(headers: Mapping[str, str], body: bytes, *, signing_key: str | None,
                   webhook_url: str | None, project_id: str | None) -> Delivery:
    """Verify the signature and the project, then parse a ``<Receive>`` callback (no I/O)."""
    params = _form(headers, body)
    verify(headers, params, signing_key, webhook_url)
    fields = dict(params)
    if not project_id or not hmac.compare_digest(fields.get("AccountSid", "").encode(),
                                                 project_id.encode()):
        raise DeliveryRejected(401, "AccountSid is not signalwire.project_id")
    fax_id = safe_id(fields.get("FaxSid"), "FaxSid")
    status = fields.get("FaxStatus") or None
    for name in ("FaxStatus", "From", "To"):
        unicode_text(fields.get(name, ""), name)
    received = status in (None, "received")
    return Delivery(
        provider=PROVIDER, event_type=f"fax.{status or 'received'}",
        idem_key=f"{PROVIDER}:{status or 'received'}:{fax_id}", provider_fax_id=fax_id,
        job_kind=FETCH_KIND if received else None, status=status,
        from_raw=(fields.get("From") or None), to_raw=(fields.get("To") or None),
    )


def parse_time(value: Any) -> str | None:
    """ISO 8601, or the RFC 2822 dates of the 2010 API (``Tue, 27 Nov 2018 20:00:00 +0000``)."""
    if (iso := iso_utc(value, 64)) is not None or not isinstance(value, str) or len(value) > 64:
        return iso
    try:
        moment = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class SignalWireClient(ApiClient):
    """The Compatibility API of one space and project; ``api_base`` is
    ``https://<space>.signalwire.com/api/laml/2010-04-01/Accounts/<project>``."""

    provider = PROVIDER

    async def get_fax(self, fax_id: str) -> dict[str, Any]:
        record = await self.get_json(f"Faxes/{fax_id}.json")
        if not isinstance(record, dict):
            raise ValueError("SignalWire fax record is not a JSON object")
        return record

    def media_path(self, fax_id: str, record: dict[str, Any]) -> str:
        """Where the fax's media lives on the space: the record's ``media_url`` if it is on
        the space's origin, else the media resource of its ``media_sid``."""
        link = record.get("media_url")
        if isinstance(link, str) and link:
            try:
                target = URL(self.api_base).join(URL(link))
            except ValueError:
                target = None
            if target is not None and target.origin() == self._origin:
                return target.raw_path_qs
        media_sid = safe_id(record.get("media_sid"), "media_sid")
        return URL(self.url(f"Faxes/{fax_id}/Media/{media_sid}")).raw_path

    async def download_fax(self, fax_id: str, spool: Spool, max_bytes: int) -> Blob:
        record = await self.get_fax(fax_id)
        path = self.media_path(fax_id, record)
        space = ApiClient(self._session, str(self._origin), self._policy, self._headers)
        space.provider = PROVIDER
        return await space.download(path, spool, max_bytes)

    async def list_received(self, since: str | None = None,
                            page_size: int = 100) -> list[dict[str, Any]]:
        faxes: list[dict[str, Any]] = []
        page, pages = 0, PageTracker(PROVIDER, "sid")
        params: dict[str, str] = {"PageSize": str(page_size), "Page": "0"}
        while True:
            doc = await self.get_json("Faxes.json", params)
            records = doc.get("faxes") if isinstance(doc, dict) else None
            records = pages.new_records([r for r in records or [] if isinstance(r, dict)],
                                        f"page {page}")
            faxes += [r for r in records
                      if since is None or (parse_time(r.get("date_created")) or "") >= since]
            more = doc.get("next_page_uri") if isinstance(doc, dict) else None
            if not records or not more:
                return faxes
            page += 1
            params = {"PageSize": str(page_size), "Page": str(page)}


def _text(doc: dict[str, Any], name: str) -> str | None:
    value = doc.get(name)
    if isinstance(value, str) and value.strip():
        return unicode_text(value.strip()[:200], name)
    return None


def record_fields(record: dict[str, Any]) -> dict[str, Any]:
    status = record.get("status") if isinstance(record.get("status"), str) else None
    return {
        "from_raw": _text(record, "from"),
        "to_raw": _text(record, "to"),
        "provider_status": status,
        "received_at": parse_time(record.get("date_created")),
        "partial": status is not None and status != "received",
        "metadata": {k: record.get(k) for k in ("num_pages", "media_sid", "quality",
                                                 "duration", "direction")
                     if k in record},
    }


def parse(headers: Mapping[str, str], body: bytes, settings: Any) -> Delivery:
    key = settings.signing_key.get_secret_value() if settings.signing_key else None
    url = settings.webhook_url.get_secret_value() if settings.webhook_url else None
    return parse_delivery(headers, body, signing_key=key, webhook_url=url,
                          project_id=settings.project_id)


def make_client(settings: Any, session: Any, policy: HttpPolicy) -> SignalWireClient | None:
    if not (settings.space_url and settings.project_id and settings.api_token):
        return None
    base = (f"{settings.space_url.rstrip('/')}/api/laml/2010-04-01/Accounts/"
            f"{settings.project_id}")
    return SignalWireClient(session, base, policy, auth_headers={"Authorization": basic_auth(
        settings.project_id, settings.api_token.get_secret_value())})


def listed_fax(record: dict[str, Any]) -> tuple[str | None, str | None]:
    if record.get("direction") not in (None, "inbound") or record.get("status") not in (
            None, "received"):
        return None, None
    return record.get("sid"), parse_time(record.get("date_created"))


STATUSES = {"receiving": "being received", "received": "received", "failed": "failed",
            "no-answer": "no answer", "busy": "busy", "canceled": "canceled"}

PROVIDER_SPEC = Provider(
    name=PROVIDER, title="SignalWire", parse=parse, make_client=make_client,
    record_fields=record_fields, fetch_kind=FETCH_KIND, listed_fax=listed_fax,
    statuses=STATUSES,
)
