"""Webhook routes: authenticate, parse, journal, then acknowledge.

A handler does no provider I/O: the pure parser says what the delivery is, the group journal
makes it durable, and only then does the handler answer 2xx. Refusals (404 wrong token,
401 bad hash, 400 malformed, 413 too large, 415 wrong type) journal nothing, call no provider,
and are counted and logged with their reason.
"""

from __future__ import annotations

import logging
import re
import time
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.web_log import AccessLogger

from ingest.config import Config
from ingest.journal import DeliveryRecord, GroupJournal
from ingest.metrics import Metrics
from ingest.providers import registry
from ingest.providers.base import Delivery, DeliveryRejected, journal_headers, token_matches
from ingest.providers.registry import Provider
from storage.catalog import utcnow_iso

log = logging.getLogger("faxvault.webhooks")

# Route families under /webhooks/; anything else there is shown only as "[redacted]".
PROVIDERS = registry.names()
WEBHOOKS_PREFIX = "/webhooks/"
REDACTED = "[redacted]"
_FAMILY = re.compile(r"[a-z0-9_-]{1,32}")

CONFIG = web.AppKey("config", Config)
JOURNAL = web.AppKey("journal", GroupJournal)
METRICS = web.AppKey("metrics", Metrics)


def delivery_record(delivery: Delivery, headers: dict[str, str], body: bytes,
                    config: Config) -> DeliveryRecord:
    """What to journal for a parsed delivery: the event and its job, nothing more, so the
    acknowledgement costs as little as durability allows. The job carries the fax as the
    payload describes it (raw hints); its first run creates the fax row, where page events
    and the final event of one fax meet, and the API's record then overwrites the hints."""
    payload = dict(delivery.job_payload)
    if delivery.job_kind and delivery.provider_fax_id:
        payload["fax"] = {  # NewFax's fields (a plain dict: this is the hot path)
            "provider": delivery.provider, "provider_fax_id": delivery.provider_fax_id,
            "received_at": delivery.event_time or utcnow_iso(),
            "from_raw": delivery.from_raw, "to_raw": delivery.to_raw,
            "provider_status": delivery.status,
        }
        if delivery.metadata:
            payload["fax"]["metadata"] = delivery.metadata
    return DeliveryRecord(
        provider=delivery.provider, idem_key=delivery.idem_key,
        event_type=delivery.event_type, headers=headers, body=body,
        job_kind=delivery.job_kind, job_payload=payload,
        max_attempts=config.worker.max_attempts, actor=f"provider:{delivery.provider}",
    )


def _refuse(app: web.Application, provider: str, status: int, reason: str,
            request: web.Request) -> web.Response:
    app[METRICS].deliveries.labels(provider, f"refused_{status}").inc()
    log.warning("%s webhook refused %d: %s (from %s)", provider, status, reason,
                request.remote)
    return web.Response(status=status, text=reason + "\n")


def _not_journaled(app: web.Application, provider: str, exc: Exception) -> web.Response:
    """A delivery whose commit failed (the catalog went away, a failover): nothing is
    acknowledged, so the provider delivers it again; 503, not a 500, says to retry."""
    app[METRICS].deliveries.labels(provider, "unavailable_503").inc()
    log.warning("%s webhook not journaled, answered 503: %s: %s", provider,
                type(exc).__name__, exc)
    return web.Response(status=503, text="not journaled now; deliver again later\n",
                        headers={"Retry-After": "5"})


async def _read_capped(request: web.Request, cap: int) -> bytes:
    """The whole body, refused past ``cap`` (declared or streamed): a provider whose
    deliveries carry the fax itself has a larger cap than the server's."""
    declared = request.content_length
    if declared is not None:
        if declared > cap:
            raise DeliveryRejected(413, f"body over the {cap}-byte limit")
        # The parser hands over no more than the declared length: read it in one go, as a
        # bare route does (the chunk loop below costs more than parsing the delivery).
        return await request.read()
    too_large = DeliveryRejected(413, f"body over the {cap}-byte limit")
    chunks, size = [], 0
    try:
        async for chunk in request.content.iter_chunked(256 * 1024):
            size += len(chunk)
            if size > cap:
                raise too_large
            chunks.append(chunk)
    except web.HTTPRequestEntityTooLarge:
        raise too_large from None
    return b"".join(chunks)


def body_cap(provider: Provider, config: Config) -> int:
    """A provider section's own ``max_body_bytes`` (deliveries with attachments), else the
    server's."""
    own = getattr(provider.settings(config), "max_body_bytes", None)
    return own or config.server.max_body_bytes


def largest_body_cap(config: Config) -> int:
    """The app-wide request cap: the largest any route accepts (each route checks its own)."""
    return max([config.server.max_body_bytes]
               + [body_cap(p, config) for p in registry.PROVIDERS.values()])


@dataclass(frozen=True)
class _RouteState:
    """What a route reads on every delivery, worked out once per configuration and metrics
    registry: the token, the body cap and the provider's section (reading a setting a
    section lacks through pydantic raises and catches an AttributeError each time), and the
    metric children (``labels()`` takes a lock and a dict lookup per call)."""

    config: Config
    metrics: Metrics
    token: str | None
    cap: int
    settings: Any
    journaled: Any
    duplicate: Any
    ack_seconds: Any


def _route_state(provider: Provider, config: Config, metrics: Metrics) -> _RouteState:
    name = provider.name
    return _RouteState(
        config=config, metrics=metrics, token=provider.webhook_token(config),
        cap=body_cap(provider, config), settings=provider.settings(config),
        journaled=metrics.deliveries.labels(name, "journaled"),
        duplicate=metrics.deliveries.labels(name, "duplicate"),
        ack_seconds=metrics.ack_seconds.labels(name))


def webhook_handler(provider: Provider):
    """The route of one registered provider: path token, then its pure parser, then the
    journal, then its acknowledgement."""
    name, parse = provider.name, provider.parse
    assert parse is not None, f"{name} has no webhook parser"
    cached: list[_RouteState] = []  # the config is frozen: rebuilt only for another one

    async def handler(request: web.Request) -> web.Response:
        app = request.app
        started = time.perf_counter()
        config, metrics = app[CONFIG], app[METRICS]
        if not cached or cached[0].config is not config or cached[0].metrics is not metrics:
            cached[:] = [_route_state(provider, config, metrics)]
        route = cached[0]
        if not token_matches(request.match_info["token"], route.token):
            # Same answer as any unknown path: the route's existence is not revealed.
            _refuse(app, name, 404, "wrong token", request)
            raise web.HTTPNotFound()
        try:
            body = await _read_capped(request, route.cap)
            delivery = parse(request.headers, body, route.settings)
        except DeliveryRejected as refusal:
            return _refuse(app, name, refusal.status, refusal.reason, request)
        # A delivery carrying the fax itself journals its parsed fields and the file's digest,
        # not the file: the file is fetched from the API, the only source trusted for it.
        kept = body if delivery.journal_body is None else delivery.journal_body
        record = delivery_record(delivery, journal_headers(request.headers), kept, config)
        try:
            journaled = await app[JOURNAL].journal(record)
        except Exception as exc:  # whatever failed, nothing was committed
            return _not_journaled(app, name, exc)
        outcome = "duplicate" if journaled.duplicate else "journaled"
        (route.duplicate if journaled.duplicate else route.journaled).inc()
        route.ack_seconds.observe(time.perf_counter() - started)
        log.info("%s %s %s -> %s (fax %s)", name, delivery.event_type,
                 delivery.provider_fax_id, outcome, journaled.fax_id)
        ack = provider.acknowledge(delivery, journaled.duplicate)
        return web.Response(text=ack.body, content_type=ack.content_type)

    return handler


def add_routes(app: web.Application) -> None:
    for provider in registry.PROVIDERS.values():
        if provider.parse is not None:  # polling-only providers have no route
            app.router.add_post(provider.route, webhook_handler(provider))


def redact_webhook_path(path_qs: str) -> str:
    """``path_qs`` with the secret token of a webhook URL replaced by ``[redacted]``.

    Decoded and case-folded before looking (``/web%68ooks/faxplus%2F<token>`` carries the
    same secret), and everything after the provider name is dropped: a trailing slash or an
    extra segment must not leak the token either. Only the raw text before ``/webhooks/``
    (as the log would have shown it) and safe characters are written: no log injection."""
    path, has_query, query = path_qs.partition("?")
    decoded = urllib.parse.unquote(path).casefold()
    at = decoded.find(WEBHOOKS_PREFIX)
    if at < 0:
        return path_qs
    family = _FAMILY.match(decoded, at + len(WEBHOOKS_PREFIX))
    name = family.group() if family and family.group() in PROVIDERS else REDACTED
    raw_at = path.casefold().find(WEBHOOKS_PREFIX)
    lead = path[:raw_at] if raw_at >= 0 else ("" if at == 0 else "...")
    return f"{lead}{WEBHOOKS_PREFIX}{name}/{REDACTED}" + (f"?{query}" if has_query else "")


# Anything path-like in free text: a header value, a message, the repr of a request line.
_PATH_LIKE = re.compile(r"/[^\s'\"<>]+")


def redact_webhook_text(text: str) -> str:
    """``text`` with every webhook path in it redacted (see :func:`redact_webhook_path`)."""
    if "webhooks" not in urllib.parse.unquote(text).casefold():
        return text

    def one(match: re.Match[str]) -> str:
        found = match.group()
        if "webhooks" not in urllib.parse.unquote(found).casefold():
            return found
        return redact_webhook_path(found)

    return _PATH_LIKE.sub(one, text)


class RedactWebhookTokens(logging.Filter):
    """For aiohttp's own loggers: a malformed request is logged with its raw request line in
    the exception text (``Bad status line: b'POST /webhooks/faxplus/<token> HTTP/9.x'``).
    The message and the formatted exception are redacted before any handler sees them."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_webhook_text(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            # exc_text is what formatters print; exc_info is dropped so none re-renders it.
            record.exc_text, record.exc_info = _redact_traceback(text), None
        elif record.exc_text:
            record.exc_text = _redact_traceback(record.exc_text)
        return True


def _redact_traceback(text: str) -> str:
    """A formatted exception, redacted except its ``File "..."`` lines (source paths, never
    request data: an install under a folder named webhooks keeps readable tracebacks)."""
    return "\n".join(line if line.lstrip().startswith('File "') else redact_webhook_text(line)
                     for line in text.split("\n"))


TOKEN_FILTER = RedactWebhookTokens()
# The access log has its own redacting class (below), which costs less than a filter.
AIOHTTP_LOGGERS = ("aiohttp.server", "aiohttp.web", "aiohttp.internal")


def redact_aiohttp_logs() -> None:
    """Install the token filter on aiohttp's loggers (idempotent)."""
    for name in AIOHTTP_LOGGERS:
        logging.getLogger(name).addFilter(TOKEN_FILTER)


class RedactingAccessLogger(AccessLogger):
    """aiohttp's access log (any ``access_log_format``) with webhook tokens redacted from
    the fields a client controls, the request line (``POST /webhooks/faxplus/[redacted]
    HTTP/1.1``) and headers such as a Referer. The structured ``extra`` fields handed to log
    handlers are the same redacted values."""

    def _format_line(self, request: web.BaseRequest, response: web.StreamResponse,
                     time: float) -> Iterable[tuple[str | tuple[str, str], str]]:
        return [(key, self._redact(key, value, request))
                for key, value in super()._format_line(request, response, time)]

    @staticmethod
    def _redact(key: str | tuple[str, str], value: object,
                request: web.BaseRequest | None) -> object:
        if key == "first_request_line" and request is not None:
            return (f"{request.method} {redact_webhook_path(request.path_qs)} "
                    f"HTTP/{request.version.major}.{request.version.minor}")
        # Headers (%{...}i, %{...}o) carry what the client sent; address, time, status and
        # sizes cannot hold a path.
        if isinstance(key, tuple) and isinstance(value, str):
            return redact_webhook_text(value)
        return value
