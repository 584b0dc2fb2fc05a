"""The aiohttp service: ``init_app()`` builds it; resources live in ``cleanup_ctx``.

``faxvault serve`` runs this app: health and (later) webhook routes on the loop, the job
workers as tasks beside them, OCR in the process pool. Ctrl-C stops taking jobs, lets running
ones finish for ``server.drain_seconds`` and releases the rest for the next start.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from aiohttp import web

from ingest.config import Config
from ingest.pipeline import Services, open_services
from ingest.worker import WorkerGroup
from storage import queue

log = logging.getLogger("faxvault.app")

CONFIG = web.AppKey("config", Config)
SERVICES = web.AppKey("services", Services)
WORKERS = web.AppKey("workers", WorkerGroup)


async def healthz(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    try:
        services.catalog.conn.execute("SELECT 1 FROM jobs LIMIT 1").fetchall()
    except Exception as exc:  # the one place where any DB failure means "unhealthy"
        return web.json_response({"ok": False, "error": str(exc)}, status=503)
    return web.json_response({"ok": True, "jobs": queue.counts_by_state(services.catalog)})


def _services_ctx(start_workers: bool):
    async def ctx(app: web.Application) -> AsyncIterator[None]:
        config = app[CONFIG]
        services = open_services(config, with_pool=start_workers)
        app[SERVICES] = services
        workers = WorkerGroup(services)
        app[WORKERS] = workers
        if start_workers:
            workers.start()
        log.info("faxvault ready: data in %s, %d workers", config.data_dir,
                 config.worker.concurrency if start_workers else 0)
        yield
        await workers.stop(config.server.drain_seconds)
        services.close()

    return ctx


def init_app(config: Config, *, start_workers: bool = True) -> web.Application:
    app = web.Application(client_max_size=config.server.max_body_bytes)
    app[CONFIG] = config
    app.cleanup_ctx.append(_services_ctx(start_workers))
    app.router.add_get("/healthz", healthz)
    return app
