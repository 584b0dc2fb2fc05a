"""SRFax as a :class:`~ingest.doors.polling.PollingSource`.

SRFax has no inbound webhook; its API is one HTTPS endpoint, ``SRF_SecWebSvc.php``, taking
POST variables (``action``, ``access_id`` = account number, ``access_pwd``) and answering JSON
``{"Status": "Success" | "Failed", "Result": ...}``; on failure ``Result`` is the reason.

What is used, and where each fact comes from:

- ``Get_Fax_Inbox`` [SRFax API docs]: ``sPeriod`` ``ALL`` | ``RANGE`` with ``sStartDate`` /
  ``sEndDate`` as ``YYYYMMDD``; ``sViewedStatus`` ``ALL`` (read or not: a fax someone opened in
  the SRFax web site must still reach us); ``sIncludeSubUsers`` ``Y``. ``Result`` is a list of
  ``FileName, ReceiveStatus, Date, EpochTime, CallerID, RemoteID, Pages, Size, ViewedStatus``
  (+ ``User_ID, User_FaxNumber`` with sub-users). The docs say "Both Date and Epoch Time are
  adjusted to your date/timezone settings": ``EpochTime`` is the account's wall-clock time
  written as a Unix time, so it is read in ``srfax.account_timezone``.
- The fax id, ``sFaxDetailsID``, is "located after the | (pipe) character" of ``FileName``
  [SRFax API docs, Forward_Fax]; e.g. ``20150430124505-6104-19_1|20360095``.
- ``Retrieve_Fax`` with ``sFaxFileName`` (or ``sFaxDetailsID``), ``sDirection`` ``IN``,
  ``sFaxFormat`` ``PDF`` | ``TIFF``; ``Result`` is the file, base64 [docs; client libraries].
- ``Update_Viewed_Status`` with ``sFaxDetailsID``, ``sDirection`` ``IN``, ``sMarkasViewed``
  ``Y`` [client libraries].

Not confirmed anywhere we could read, so parsed tolerantly: the docs type ``EpochTime`` as a
string and ``Pages`` / ``Size`` as integers while a published example has them the other way
round (numbers or digit strings are both taken); the wording of failure reasons (any
``Failed`` is an error carrying its ``Result`` text, with our password masked if echoed); the
``ReceiveStatus`` vocabulary beyond ``Ok`` (kept verbatim as the provider status); whether
``Result`` may be an object instead of a one-element list (both taken). A record without a
usable ``FileName`` is skipped with a warning naming its position, never guessed at.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import datetime as dt
import json
import logging
import re
import zoneinfo
from dataclasses import dataclass
from typing import Any

import aiohttp
from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)

from ingest.doors.polling import RemoteFax
from storage.spool import Blob, Spool

log = logging.getLogger("faxvault.srfax")

PROVIDER = "srfax"
DETAILS_ID = re.compile(r"^[0-9]{1,20}$")
# A fax received late in the day may be listed only after midnight: each poll lists from
# one day before its cursor (the catalog makes the overlap harmless).
OVERLAP = dt.timedelta(days=1)


class SrfaxError(Exception):
    """An SRFax call failed after its retries."""


class SrfaxTransient(SrfaxError):
    """5xx, 429, timeout, connection reset, truncated or invalid JSON: retried."""


class SrfaxRefused(SrfaxError):
    """SRFax answered ``Failed`` (bad credentials, unknown fax, ...) or an HTTP 4xx: not
    retried within the call; the next poll tries again."""


@dataclass(frozen=True)
class SrfaxSettings:
    api_url: str
    access_id: str
    access_pwd: str
    account_timezone: str = "UTC"
    file_format: str = "TIFF"
    include_sub_users: bool = False
    start_date: dt.date | None = None
    timeout_seconds: float = 30.0
    retries: int = 4
    backoff_base_seconds: float = 0.5
    backoff_max_seconds: float = 10.0
    max_listing_bytes: int = 32 * 1024 * 1024


def _is_transient(exc: BaseException) -> bool:
    return isinstance(exc, (SrfaxTransient, aiohttp.ClientConnectionError,
                            aiohttp.ClientPayloadError, asyncio.TimeoutError))


class SrfaxClient:
    """The three actions the polling door needs, each with a timeout, a size cap on the
    answer, bounded retries with backoff, and no redirects (the endpoint is one URL)."""

    name = PROVIDER
    can_mark_read = True

    def __init__(self, session: aiohttp.ClientSession, settings: SrfaxSettings) -> None:
        self._session, self.settings = session, settings
        self._zone = zoneinfo.ZoneInfo(settings.account_timezone)

    # -- PollingSource ----------------------------------------------------------------------
    async def list_since(self, cursor: str | None) -> list[RemoteFax]:
        fields = {"sViewedStatus": "ALL"}
        start = dt.date.fromisoformat(cursor) - OVERLAP if cursor else self.settings.start_date
        if start is None:
            fields["sPeriod"] = "ALL"
        else:
            # Through tomorrow: the account's day may already be ahead of ours.
            end = dt.datetime.now(self._zone).date() + dt.timedelta(days=1)
            fields.update(sPeriod="RANGE", sStartDate=start.strftime("%Y%m%d"),
                          sEndDate=end.strftime("%Y%m%d"))
        if self.settings.include_sub_users:
            fields["sIncludeSubUsers"] = "Y"
        result = await self.call("Get_Fax_Inbox", fields, self.settings.max_listing_bytes)
        records = [result] if isinstance(result, dict) else result
        if not isinstance(records, list):
            raise SrfaxTransient("Get_Fax_Inbox: Result is neither a list nor a record")
        faxes = []
        for n, record in enumerate(records):
            fax = self.remote_fax(record)
            if fax is None:
                log.warning("srfax: inbox record %d has no usable FileName; skipped", n)
                continue
            faxes.append(fax)
        return faxes

    async def download(self, fax: RemoteFax, spool: Spool, max_bytes: int) -> Blob:
        # base64 makes 4 bytes of 3, plus the JSON around it.
        cap = max_bytes * 4 // 3 + 64 * 1024
        result = await self.call("Retrieve_Fax", {
            "sFaxFileName": fax.name, "sDirection": "IN",
            "sFaxFormat": self.settings.file_format, "sMarkasViewed": "N"}, cap)
        if not isinstance(result, str):
            raise SrfaxTransient(f"Retrieve_Fax {fax.provider_fax_id}: Result is not a string")
        try:
            data = base64.b64decode(result, validate=True)
        except (binascii.Error, ValueError):
            raise SrfaxTransient(f"Retrieve_Fax {fax.provider_fax_id}: Result is not "
                                 "valid base64 (truncated?)") from None
        if not data:
            raise SrfaxRefused(f"Retrieve_Fax {fax.provider_fax_id}: empty file")
        if len(data) > max_bytes:
            raise SrfaxRefused(f"Retrieve_Fax {fax.provider_fax_id}: file larger than the "
                               f"{max_bytes}-byte limit")
        return await asyncio.to_thread(spool.store_chunks, [data], max_bytes)

    async def mark_read(self, provider_fax_id: str) -> None:
        await self.call("Update_Viewed_Status", {
            "sFaxDetailsID": provider_fax_id, "sDirection": "IN", "sMarkasViewed": "Y"},
            64 * 1024)

    # -- records ------------------------------------------------------------------------------
    def remote_fax(self, record: Any) -> RemoteFax | None:
        """One inbox record as a RemoteFax, or None if it names no fax we could fetch."""
        if not isinstance(record, dict):
            return None
        name = record.get("FileName")
        if not isinstance(name, str) or not name or len(name) > 200:
            return None
        details_id = name.rsplit("|", 1)[-1].strip()
        if not DETAILS_ID.match(details_id):
            return None
        received = self.received_at(record.get("EpochTime"))
        sub_user_number = _text(record.get("User_FaxNumber"))
        return RemoteFax(
            provider_fax_id=details_id,
            # The account's calendar day: what sStartDate selects on.
            cursor=(received.astimezone(self._zone).date().isoformat() if received
                    else dt.datetime.now(self._zone).date().isoformat()),
            name=name,
            received_at=received.strftime("%Y-%m-%dT%H:%M:%SZ") if received else None,
            from_raw=_text(record.get("CallerID")) or _text(record.get("RemoteID")),
            to_raw=sub_user_number,
            status=_text(record.get("ReceiveStatus")),
            record={k: v for k, v in record.items() if isinstance(v, (str, int, float))},
        )

    def received_at(self, epoch: Any) -> dt.datetime | None:
        """``EpochTime`` (the account's wall clock written as Unix time) as UTC."""
        if isinstance(epoch, str) and epoch.strip().isdigit():
            epoch = int(epoch.strip())
        if not isinstance(epoch, int) or isinstance(epoch, bool) or epoch <= 0:
            return None
        try:
            wall = dt.datetime.fromtimestamp(epoch, dt.UTC).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
        moment = wall.replace(tzinfo=self._zone).astimezone(dt.UTC)
        if moment > dt.datetime.now(dt.UTC) + dt.timedelta(days=1):
            return None  # not a receive time: faxvault's own clock is used instead
        return moment

    # -- the call -------------------------------------------------------------------------------
    async def call(self, action: str, fields: dict[str, str], max_bytes: int) -> Any:
        """POST one action; the ``Result`` of a ``Success`` answer."""
        s = self.settings
        form = {"action": action, "access_id": s.access_id, "access_pwd": s.access_pwd,
                "sResponseFormat": "JSON", **fields}
        retrying = AsyncRetrying(
            stop=stop_after_attempt(s.retries),
            wait=wait_exponential(multiplier=s.backoff_base_seconds, max=s.backoff_max_seconds)
            + wait_random(0, s.backoff_base_seconds),
            retry=retry_if_exception(_is_transient), reraise=True)
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._post_once(action, form, max_bytes)
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise SrfaxTransient(f"{action}: {exc.__class__.__name__} after {s.retries} "
                                 "attempts") from None
        raise AssertionError("unreachable")  # pragma: no cover

    async def _post_once(self, action: str, form: dict[str, str], max_bytes: int) -> Any:
        s = self.settings
        try:
            async with asyncio.timeout(s.timeout_seconds):
                async with self._session.post(s.api_url, data=form,
                                              allow_redirects=False) as response:
                    status = response.status
                    if status == 429 or status >= 500:
                        raise SrfaxTransient(f"{action}: HTTP {status}")
                    if status != 200:
                        # Redirects included: the endpoint is one URL; nowhere else is asked.
                        raise SrfaxRefused(f"{action}: HTTP {status}")
                    body = await _read_capped(response, max_bytes, action)
        except TimeoutError:
            raise SrfaxTransient(f"{action}: no complete answer within "
                                 f"{s.timeout_seconds:g} s") from None
        try:
            answer = json.loads(body)
        except (ValueError, RecursionError):
            raise SrfaxTransient(f"{action}: invalid or truncated JSON") from None
        if not isinstance(answer, dict) or not isinstance(answer.get("Status"), str):
            raise SrfaxTransient(f"{action}: answer without a Status")
        if answer["Status"].lower() != "success":
            reason = _text(answer.get("Result")) or "no reason given"
            raise SrfaxRefused(f"{action}: SRFax answered {answer['Status']}: "
                               f"{self._masked(reason)[:300]}")
        return answer.get("Result")

    def _masked(self, text: str) -> str:
        pwd = self.settings.access_pwd
        return text.replace(pwd, "***") if pwd else text


async def _read_capped(response: aiohttp.ClientResponse, cap: int, action: str) -> bytes:
    if response.content_length is not None and response.content_length > cap:
        raise SrfaxRefused(f"{action}: answer larger than the {cap}-byte cap")
    chunks, size = [], 0
    async for chunk in response.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > cap:
            raise SrfaxRefused(f"{action}: answer larger than the {cap}-byte cap")
        chunks.append(chunk)
    body = b"".join(chunks)
    if response.content_length is not None and len(body) != response.content_length:
        raise SrfaxTransient(f"{action}: truncated answer")
    return body


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    return value.strip() or None


def settings_from_config(config: Any) -> SrfaxSettings:
    """The client settings from faxvault's Config (``[srfax]``, ``[http]``, ``[polling]``)."""
    c = config.srfax
    return SrfaxSettings(
        api_url=c.api_url, access_id=c.access_id,
        access_pwd=c.access_pwd.get_secret_value() if c.access_pwd else "",
        account_timezone=c.account_timezone, file_format=c.file_format,
        include_sub_users=c.include_sub_users,
        start_date=dt.date.fromisoformat(c.start_date) if c.start_date else None,
        timeout_seconds=config.http.timeout_seconds, retries=config.http.retries,
        backoff_base_seconds=config.http.backoff_base_seconds,
        backoff_max_seconds=config.http.backoff_max_seconds,
        max_listing_bytes=config.polling.max_listing_bytes)
