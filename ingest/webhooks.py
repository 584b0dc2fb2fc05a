"""Webhook routes: authenticate, parse, journal, then acknowledge.

A handler does no provider I/O: the pure parser says what the delivery is, the group journal
makes it durable, and only then does the handler answer 2xx. Refusals (404 wrong token,
401 bad hash, 400 malformed, 413 too large, 415 wrong type) journal nothing, call no provider,
and are counted and logged with their reason.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping

from aiohttp import web

from ingest.config import Config
from ingest.journal import DeliveryRecord, GroupJournal
from ingest.metrics import Metrics
from ingest.providers import dropbox, faxplus
from ingest.providers.base import Delivery, DeliveryRejected, journal_headers, token_matches
from storage.catalog import utcnow_iso

log = logging.getLogger("faxvault.webhooks")

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


async def _read_capped(request: web.Request, cap: int) -> bytes:
    if request.content_length is not None and request.content_length > cap:
        raise DeliveryRejected(413, f"body over the {cap}-byte limit")
    try:
        return await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise DeliveryRejected(413, f"body over the {cap}-byte limit") from None


def webhook_handler(provider: str, token_of: Callable[[Config], str | None],
                    parse: Callable[[Mapping[str, str], bytes, Config], Delivery],
                    acknowledge: Callable[[Delivery, bool], web.Response]):
    async def handler(request: web.Request) -> web.Response:
        app, config = request.app, request.app[CONFIG]
        started = time.perf_counter()
        if not token_matches(request.match_info["token"], token_of(config)):
            # Same answer as any unknown path: the route's existence is not revealed.
            _refuse(app, provider, 404, "wrong token", request)
            raise web.HTTPNotFound()
        try:
            body = await _read_capped(request, config.server.max_body_bytes)
            delivery = parse(request.headers, body, config)
        except DeliveryRejected as refusal:
            return _refuse(app, provider, refusal.status, refusal.reason, request)
        record = delivery_record(delivery, journal_headers(request.headers), body, config)
        journaled = await app[JOURNAL].journal(record)
        outcome = "duplicate" if journaled.duplicate else "journaled"
        app[METRICS].deliveries.labels(provider, outcome).inc()
        app[METRICS].ack_seconds.labels(provider).observe(time.perf_counter() - started)
        log.info("%s %s %s -> %s (fax %s)", provider, delivery.event_type,
                 delivery.provider_fax_id, outcome, journaled.fax_id)
        return acknowledge(delivery, journaled.duplicate)

    return handler


def _secret(value) -> str | None:
    return value.get_secret_value() if value is not None else None


def _faxplus_ack(delivery: Delivery, duplicate: bool) -> web.Response:
    return web.json_response({"ok": True, "duplicate": duplicate})


def _dropbox_ack(delivery: Delivery, duplicate: bool) -> web.Response:
    # Dropbox counts anything but exactly this (200, text/plain) as a failed delivery.
    return web.Response(text=dropbox.ACK_BODY, content_type="text/plain")


faxplus_webhook = webhook_handler(
    "faxplus", lambda c: _secret(c.faxplus.webhook_token),
    lambda headers, body, _: faxplus.parse_delivery(headers, body), _faxplus_ack)

dropbox_webhook = webhook_handler(
    "dropbox", lambda c: _secret(c.dropbox.webhook_token),
    lambda headers, body, c: dropbox.parse_delivery(headers, body, _secret(c.dropbox.api_key)),
    _dropbox_ack)


def add_routes(app: web.Application) -> None:
    app.router.add_post("/webhooks/faxplus/{token}", faxplus_webhook)
    app.router.add_post("/webhooks/dropbox/{token}", dropbox_webhook)
