"""The web inbox (``/ui/``) and the JSON API (``/api/v1/``), registered in one place."""

from __future__ import annotations

from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from ingest.config import Config
from ingest.web import admin, api, export, ui
from ingest.web.auth import Authenticator
from ingest.web.keys import AUTH
from ingest.web.security import guard, hygiene_headers

HERE = Path(__file__).parent
ROUTERS = (ui.routes, admin.routes, export.routes, api.routes)


def add_web(app: web.Application, config: Config) -> None:
    """Templates, the routers (each inbox and API route guarded), static files, and the
    hygiene headers on every response (see ``ingest.web.security`` for why no middleware)."""
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(HERE / "templates"),
                         autoescape=jinja2.select_autoescape(default=True),
                         undefined=jinja2.StrictUndefined)
    app[AUTH] = Authenticator(config)
    app.on_response_prepare.append(hygiene_headers)
    for router in ROUTERS:
        app.router.add_routes([guard(route) if isinstance(route, web.RouteDef) else route
                               for route in router])
    app.router.add_static("/ui/static/", HERE / "static", follow_symlinks=False)
