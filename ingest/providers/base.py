"""What every provider shares: the parsed delivery, refusals, and the outbound API client.

Webhook bodies are never trusted beyond naming a fax: metadata and files are fetched through
the provider's API with our credentials, from the configured API base only (URLs are built
from it; none is taken from a payload).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import datetime as dt
import hmac
import io
import json
import logging
import re
from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from multidict import CIMultiDict, CIMultiDictProxy
from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)
from yarl import URL

from storage.spool import Blob, Spool, TooLarge

log = logging.getLogger("faxvault.providers")
# Provider ids end up in API paths: allow only what real ids use (hex, ULID-ish, dashes).
SAFE_ID = re.compile(r"^[A-Za-z0-9_.-]{1,128}$")

# Headers never journaled: they may carry credentials.
SECRET_HEADERS = {"authorization", "cookie", "proxy-authorization", "x-api-key"}


def iso_utc(value: Any, max_chars: int = 40) -> str | None:
    """An ISO 8601 time from a provider (``Z``, an offset, or none: UTC) as the catalog's
    ``YYYY-MM-DDTHH:MM:SSZ``; None for anything else (times are hints, never trusted)."""
    if not isinstance(value, str) or len(value) > max_chars:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

@dataclass(frozen=True, slots=True)  # slots: built per delivery
class Delivery:
    """One authenticated, parsed webhook delivery (typed; the raw body is kept beside it)."""

    provider: str
    event_type: str
    idem_key: str
    provider_fax_id: str | None
    job_kind: str | None  # None: journal only (tests, other event types)
    event_time: str | None = None  # ISO 8601 UTC
    page: int | None = None
    status: str | None = None
    from_raw: str | None = None  # hints only: the API record is authoritative
    to_raw: str | None = None
    job_payload: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] | None = None  # hints kept on the fax (e.g. partial_content)
    # What to journal instead of the raw body (a body carrying the fax file keeps its fields
    # and the file's digest); None: the raw body.
    journal_body: bytes | None = None


class DeliveryRejected(Exception):
    """A refused delivery: HTTP status and a short reason. Nothing is journaled."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def token_matches(given: str, expected: str | None) -> bool:
    """Constant-time comparison of the secret path token; no configured token, no match."""
    if not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def safe_id(value: Any, what: str) -> str:
    """A provider id fit for an API path, or a 400 naming the field."""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise DeliveryRejected(400, f"{what} missing or not a string")
    text = str(value)
    if not SAFE_ID.match(text) or text in (".", ".."):
        raise DeliveryRejected(400, f"{what} has unexpected characters")
    return text


def unicode_text(value: str, what: str) -> str:
    """``value`` if it can be stored: JSON escapes can spell lone surrogates (``"\\ud800"``)
    that no UTF-8 column, log line or hash input accepts, so they are refused here, naming
    the field, instead of failing later as a 500."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise DeliveryRejected(400, f"{what} is not valid Unicode (lone surrogate)") from None
    return value


def json_object(body: bytes, what: str = "body") -> dict[str, Any]:
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DeliveryRejected(400, f"{what} is not valid JSON: {exc}") from None
    except RecursionError:
        # Nesting a real delivery never needs (~1000 levels): the decoder gives up first.
        raise DeliveryRejected(400, f"{what} is nested too deeply") from None
    if not isinstance(doc, dict):
        raise DeliveryRejected(400, f"{what} is not a JSON object")
    return doc


def media_type(headers: Mapping[str, str]) -> str:
    """The bare media type of Content-Type, lowercased ("" when absent)."""
    value = headers.get("Content-Type") or headers.get("content-type") or ""
    return value.split(";", 1)[0].strip().lower()


def media_options(headers: Mapping[str, str]) -> dict[str, str]:
    """Content-Type parameters (boundary, charset), parsed by the multipart library."""
    import multipart

    value = headers.get("Content-Type") or headers.get("content-type") or ""
    return multipart.parse_options_header(value)[1]


def basic_auth(user: str, password: str = "") -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def basic_credentials_match(headers: Mapping[str, str], user: str | None,
                            password: str | None) -> bool:
    """The delivery carries exactly these Basic credentials (compared in constant time);
    False whenever either is not configured."""
    if not user or not password:
        return False
    given = headers.get("Authorization") or headers.get("authorization") or ""
    return hmac.compare_digest(given.encode(), basic_auth(user, password).encode())


def multipart_parts(headers: Mapping[str, str], body: bytes) -> Iterator[Any]:
    """The parts of a multipart/form-data body already read whole (and capped) by the route,
    kept in memory; a malformed body is a 400."""
    import multipart

    boundary = media_options(headers).get("boundary")
    if not boundary:
        raise DeliveryRejected(400, "multipart body without a boundary")
    try:
        yield from multipart.MultipartParser(io.BytesIO(body), boundary,
                                             content_length=len(body), mem_limit=len(body) + 1,
                                             memfile_limit=len(body) + 1, disk_limit=0)
    except multipart.MultipartError as exc:
        raise DeliveryRejected(400, f"malformed multipart body: {exc}") from None


def journal_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """The headers to journal: all but :data:`SECRET_HEADERS`. (Most deliveries carry none
    of them: then a plain copy, with no per-header lowercasing.)"""
    if isinstance(headers, CIMultiDictProxy | CIMultiDict) and not any(
            name in headers for name in SECRET_HEADERS):
        return dict(headers.items())
    return {k: v for k, v in headers.items() if k.lower() not in SECRET_HEADERS}


class ProviderError(Exception):
    """A provider API call failed after its retries (retryable at the job level)."""


class TransientError(ProviderError):
    """5xx, 429, timeout, connection reset or truncated body: worth retrying now."""


class NotYetAvailable(ProviderError):
    """404 for something a webhook just announced: the provider may not have it ready yet."""


class PermanentProviderError(ProviderError):
    """4xx other than 404/429: our request or credentials are wrong; retrying will not help
    until an operator acts (the job still parks as failed, visible in status)."""


class Unauthorized(PermanentProviderError):
    """401: our credentials were refused (an expired bearer token may be renewed once)."""


class ListingStalled(PermanentProviderError):
    """A paged listing that stopped advancing (a page of nothing but records already seen)."""


class PageTracker:
    """Bounds a paged listing: each page must bring a record not seen before, so an API that
    ignores the offset (or loops) ends the listing with an error instead of looping forever."""

    def __init__(self, provider: str, id_field: str) -> None:
        self.provider, self.id_field = provider, id_field
        self.seen: set[str] = set()

    def new_records(self, records: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
        ids = [str(record.get(self.id_field)) for record in records]
        if records and self.seen.issuperset(ids):
            raise ListingStalled(f"{self.provider} fax list {where}: the API answered only "
                                 "records it had already listed; listing stopped")
        fresh = [r for r, i in zip(records, ids, strict=True) if i not in self.seen]
        self.seen.update(ids)
        return fresh


def _is_transient(exc: BaseException) -> bool:
    return isinstance(exc, (TransientError, aiohttp.ClientConnectionError,
                            aiohttp.ClientPayloadError, asyncio.TimeoutError))


@dataclass(frozen=True)
class HttpPolicy:
    timeout_seconds: float = 30.0  # per call, redirects included
    retries: int = 4  # attempts per call, the first included
    backoff_base_seconds: float = 0.5
    backoff_max_seconds: float = 10.0
    max_json_bytes: int = 4 * 1024 * 1024
    max_redirects: int = 3  # same-origin hops followed; other origins never


REDIRECTS = (301, 302, 303, 307, 308)


class ApiClient:
    """A provider API over one shared aiohttp session: every call has a timeout, a size cap
    and bounded retries with exponential backoff and jitter (tenacity). Redirects are
    followed only within the API base's origin (scheme, host and port): a provider API, or
    anything posing as one, cannot send us to fetch "the fax" from somewhere else."""

    provider = "generic"

    def __init__(self, session: aiohttp.ClientSession, api_base: str, policy: HttpPolicy,
                 auth_headers: dict[str, str] | None = None) -> None:
        self._session = session
        self.api_base = api_base.rstrip("/")
        self._origin = URL(self.api_base).origin()
        self._policy = policy
        self._headers = auth_headers or {}

    def url(self, path: str) -> str:
        return f"{self.api_base}/{path.lstrip('/')}"

    def _retrying(self) -> AsyncRetrying:
        p = self._policy
        return AsyncRetrying(
            stop=stop_after_attempt(p.retries),
            wait=wait_exponential(multiplier=p.backoff_base_seconds, max=p.backoff_max_seconds)
            + wait_random(0, p.backoff_base_seconds),
            retry=retry_if_exception(_is_transient),
            reraise=True,
        )

    def _check(self, response: aiohttp.ClientResponse, what: str) -> None:
        status = response.status
        if status < 300:
            return
        message = f"{self.provider} {what}: HTTP {status}"
        if status == 404:
            raise NotYetAvailable(message)
        if status == 429 or status >= 500:
            raise TransientError(message)
        if status == 401:
            raise Unauthorized(message)
        raise PermanentProviderError(message)  # 3xx that is not a redirect, other 4xx

    def _next_hop(self, response: aiohttp.ClientResponse, what: str) -> URL:
        """Where a redirect points, if it stays on the API's origin; else refused."""
        location = response.headers.get("Location")
        if not location:
            raise PermanentProviderError(f"{self.provider} {what}: HTTP {response.status} "
                                         "without a Location")
        try:
            target = response.url.join(URL(location))
            origin = target.origin()
        except ValueError:
            raise PermanentProviderError(f"{self.provider} {what}: redirect to an invalid "
                                         "URL refused") from None
        if origin != self._origin:
            raise PermanentProviderError(
                f"{self.provider} {what}: redirect to another origin ({origin}) refused; "
                f"only {self._origin} is contacted")
        return target

    @contextlib.asynccontextmanager
    async def _get(self, path: str,
                   params: dict[str, Any] | None) -> AsyncIterator[aiohttp.ClientResponse]:
        """GET ``path`` on the API base, following at most ``max_redirects`` same-origin
        redirects, all within one ``timeout_seconds`` (body reading included)."""
        what = f"GET {path}"
        url: URL | str = self.url(path)
        try:
            async with asyncio.timeout(self._policy.timeout_seconds):
                for _ in range(self._policy.max_redirects + 1):
                    async with self._session.get(url, params=params, headers=self._headers,
                                                 allow_redirects=False) as response:
                        if response.status not in REDIRECTS:
                            self._check(response, what)
                            yield response
                            return
                        url, params = self._next_hop(response, what), None
        except TimeoutError:
            raise TransientError(f"{self.provider} {what}: no complete answer within "
                                 f"{self._policy.timeout_seconds:g} s") from None
        raise PermanentProviderError(f"{self.provider} {what}: more than "
                                     f"{self._policy.max_redirects} redirects")

    async def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        async for attempt in self._retrying():
            with attempt:
                async with self._get(path, params) as response:
                    body = await self._read_capped(response, path)
                try:
                    return json.loads(body)
                except (ValueError, RecursionError):
                    # A cut-off JSON body reads as invalid: count it as truncation.
                    raise TransientError(f"{self.provider} GET {path}: invalid or "
                                         "truncated JSON") from None
        raise AssertionError("unreachable")  # pragma: no cover

    async def _read_capped(self, response: aiohttp.ClientResponse, path: str) -> bytes:
        """The whole body, refused past ``max_json_bytes`` (read(n) would stop at whatever
        arrived first, cutting any body longer than one network read)."""
        cap = self._policy.max_json_bytes
        too_large = PermanentProviderError(f"{self.provider} GET {path}: JSON larger than "
                                           f"the {cap}-byte cap")
        if response.content_length is not None and response.content_length > cap:
            raise too_large
        chunks, size = [], 0
        async for chunk in response.content.iter_chunked(64 * 1024):
            size += len(chunk)
            if size > cap:
                raise too_large
            chunks.append(chunk)
        return b"".join(chunks)

    async def download(self, path: str, spool: Spool, max_bytes: int,
                       params: dict[str, Any] | None = None) -> Blob:
        """Stream a file into the spool, hashed and size-capped; retried from the start."""
        async for attempt in self._retrying():
            with attempt:
                writer = spool.writer(max_bytes)
                try:
                    async with self._get(path, params) as response:
                        expected = response.content_length
                        if expected is not None and expected > max_bytes:
                            raise TooLarge(f"file is {expected} bytes, over the "
                                           f"{max_bytes}-byte limit")
                        async for chunk in response.content.iter_chunked(256 * 1024):
                            writer.write(chunk)
                        if expected is not None and writer.size != expected:
                            raise TransientError(f"{self.provider} GET {path}: truncated "
                                                 f"({writer.size} of {expected} bytes)")
                    return await asyncio.to_thread(writer.commit)
                except TooLarge as exc:
                    raise PermanentProviderError(f"{self.provider} GET {path}: {exc}") from None
                finally:
                    writer.discard()
        raise AssertionError("unreachable")  # pragma: no cover
