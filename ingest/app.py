"""The aiohttp service: ``init_app()`` builds it; resources live in ``cleanup_ctx``.

``faxvault serve`` runs this app: webhook, health and metrics routes on the loop, the group
journal in its writer thread, the job workers as tasks beside them, OCR in the process pool.
Ctrl-C stops taking jobs, lets running ones finish for ``server.drain_seconds`` and releases
the rest for the next start.

A node's role (``server.role``, ``faxvault serve --role``) decides what of this it runs; see
:data:`ROLES`. Nodes sharing a PostgreSQL catalog split the work: ``api`` nodes journal and
answer, ``worker`` nodes run the jobs and hear of new ones through the queue's notifications.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from ingest.compliance import anchor_loop
from ingest.config import Config
from ingest.doors.run import imap_door, srfax_door
from ingest.fetch import build_clients
from ingest.hotfolder import HotFolder
from ingest.journal import GroupJournal
from ingest.pipeline import Services, lifecycle_rules, open_services, release_unneeded_spool
from ingest.web import add_web
from ingest.web.keys import SERVICES
from ingest.webhooks import (
    CONFIG,
    JOURNAL,
    METRICS,
    RedactingAccessLogger,
    add_routes,
    largest_body_cap,
    redact_aiohttp_logs,
)
from ingest.worker import WorkerGroup
from ocr import OcrPool
from storage import audit
from storage.backend import open_catalog

log = logging.getLogger("faxvault.app")

WORKERS = web.AppKey("workers", WorkerGroup)
HTTP = web.AppKey("http", aiohttp.ClientSession)
# The running doors by name (``srfax``, ``imap``), for status and tests.
DOORS = web.AppKey("doors", dict)
# The role this node runs in (``server.role`` or ``serve --role``): see ROLES.
ROLE_NAME = web.AppKey("role", str)

__all__ = ["CONFIG", "ROLES", "SERVICES", "init_app"]


@dataclass(frozen=True)
class Role:
    """What a node runs. /healthz and /metrics are served by every role."""

    routes: bool  # webhooks, the web inbox and its API
    workers: bool  # the job runners: fetch, process (OCR), archive
    doors: bool  # hot folder, SRFax polling, IMAP: they journal and queue, nothing more


ROLES: dict[str, Role] = {
    "all": Role(routes=True, workers=True, doors=True),  # one machine (the default)
    # Answers and journals only, so webhooks and reads stay quick while others OCR. It keeps
    # an OCR pool only for the hot folder's decoding check of dropped files.
    "api": Role(routes=True, workers=False, doors=True),
    "worker": Role(routes=False, workers=True, doors=False),
}


async def healthz(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    try:
        counts = services.catalog.jobs.counts_by_state()
    except Exception as exc:  # the one place where any DB failure means "unhealthy"
        return web.json_response({"ok": False, "error": str(exc)}, status=503)
    return web.json_response({"ok": True, "jobs": counts})


async def metrics(request: web.Request) -> web.Response:
    body = generate_latest(request.app[METRICS].registry)
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


def _state_reader(services: Services):
    def read() -> tuple[dict[str, int], dict[str, int]]:
        return services.catalog.jobs.counts_by_state(), services.catalog.fax_counts_by_state()

    return read


def record_config(services: Services) -> None:
    """Audit the configuration this service runs with (secrets appear masked)."""
    import hashlib
    import json

    effective = services.config.model_dump(mode="json")
    canonical = json.dumps(effective, sort_keys=True, separators=(",", ":"))
    audit.record(services.catalog, "system", "config.applied", None, {
        "sha256": hashlib.sha256(canonical.encode()).hexdigest(), "config": effective})


async def prepare_bucket(services: Services) -> None:
    """Check the bucket (and its Object Lock) at start-up; apply lifecycle if asked. An
    unreachable store is only a warning: archive jobs wait and retry until it is back."""
    from storage.archive import ArchiveUnavailable

    archive, config = services.archive, services.config
    try:
        await asyncio.to_thread(archive.ensure_bucket)
        if config.archive.apply_lifecycle_on_start:
            await asyncio.to_thread(archive.put_lifecycle_rules, lifecycle_rules(config))
            log.info("lifecycle rules applied to bucket %s", config.archive.bucket)
    except ArchiveUnavailable as exc:
        log.warning("archive not reachable at start-up (%s); archiving will retry", exc)


def _services_ctx(role: Role, pool: OcrPool | None):
    async def ctx(app: web.Application) -> AsyncIterator[None]:
        config = app[CONFIG]
        start_workers, start_doors = role.workers, role.doors
        needs_pool = start_workers or (start_doors and config.hotfolder.enabled)
        services = open_services(config, with_pool=needs_pool, pool=pool)
        services.metrics.watch_states(_state_reader(services))
        record_config(services)
        app[SERVICES], app[METRICS] = services, services.metrics
        app[JOURNAL] = GroupJournal(
            lambda: open_catalog(config.catalog_location.for_group_commits()))
        session = aiohttp.ClientSession(raise_for_status=False)
        app[HTTP] = session
        services.clients = build_clients(config, session)
        if config.archive.backend == "s3":
            await prepare_bucket(services)
        workers = WorkerGroup(services)
        app[WORKERS] = workers
        folder, anchoring = None, None
        if start_workers:
            # Start-up, nothing served yet: the catalog's connection may be used here.
            freed = release_unneeded_spool(services)
            if freed:
                log.info("freed %d spool copies no fax needed any more (a node stopped "
                         "between archiving and freeing them)", freed)
            workers.start()
        if start_workers or start_doors:
            anchoring = asyncio.create_task(anchor_loop(services, config.audit.anchor_seconds))
        if start_doors and config.hotfolder.enabled:
            folder = HotFolder(services)
            await folder.start()
        log.info("faxvault ready (role %s, node %s): data in %s, %d workers, providers: %s",
                 app[ROLE_NAME], config.node_name, config.data_dir,
                 config.job_workers if start_workers else 0,
                 ", ".join(sorted(services.clients)) or "none configured")
        yield
        if anchoring is not None:
            anchoring.cancel()
            await asyncio.gather(anchoring, return_exceptions=True)
        if folder is not None:
            await folder.stop()
        await workers.stop(config.server.drain_seconds)
        await session.close()
        app[JOURNAL].close()
        services.close()

    return ctx


def _door_ctx(name: str, door):
    """One door (``door(services, session)``, an async context manager yielding None when
    the door is not configured) for the lifetime of the app; it stops before the services
    close, so what it is taking is journaled or left for the next start."""
    async def ctx(app: web.Application) -> AsyncIterator[None]:
        async with door(app[SERVICES], app[HTTP]) as running:
            if running is not None:
                app[DOORS][name] = running
            yield
            app[DOORS].pop(name, None)

    return ctx


# The cyclic collector's youngest generation is walked every 700 new container objects by
# default: under webhook load that is every few dozen deliveries, and each walk visits every
# request in flight; the older generations' walks visit the service's long-lived objects
# (configuration, provider registry, models) too. Measured under 100 concurrent deliveries:
# about 40 us of a delivery's CPU (see benchmarks/RESULTS.md).
YOUNG_COLLECTION_THRESHOLD = 10_000


async def _settle_collector(app: web.Application) -> None:
    """Once the service has started: what it holds for its whole life frozen out of the
    collector's walks (after a collection, so no garbage is frozen with it), and the young
    generation walked less often. Reference counting still frees everything else at once;
    only objects in cycles wait longer for the collector."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])


def init_app(config: Config, *, start_workers: bool = True,
             pool: OcrPool | None = None, role: str | None = None,
             serving: bool = False) -> web.Application:
    """The service, in ``role`` (default ``server.role``). ``start_workers=False`` runs no
    workers and no doors whatever the role (webhook-only tests). ``pool`` lends an existing
    OCR pool (tests, embedding); by default the app starts its own when it needs one.
    ``serving``: the process exists to run this app (``faxvault serve``), so the garbage
    collector is tuned for it once it has started (process-wide: not for tests)."""
    role_name = role or config.server.role
    parts = ROLES[role_name]
    if not start_workers:
        parts = Role(routes=parts.routes, workers=False, doors=False)
    # Bodies above the cap are refused (413) before they are buffered. The access log
    # redacts webhook tokens whatever runner serves the app (handler_args win over the
    # runner's own access_log_class).
    app = web.Application(client_max_size=largest_body_cap(config),
                          handler_args={"access_log_class": RedactingAccessLogger})
    redact_aiohttp_logs()  # aiohttp logs a malformed request's raw request line
    app[CONFIG] = config
    app[DOORS] = {}
    app[ROLE_NAME] = role_name
    app.cleanup_ctx.append(_services_ctx(parts, pool))
    if serving:  # after the services' start-up (on_startup runs cleanup_ctx first)
        app.on_startup.append(_settle_collector)
    if parts.doors:
        app.cleanup_ctx.append(_door_ctx("srfax", srfax_door))
        app.cleanup_ctx.append(_door_ctx("imap", imap_door))
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    if parts.routes:
        add_routes(app)
        add_web(app, config)
    return app
