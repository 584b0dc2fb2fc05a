"""The web inbox's typed application keys, all in one place."""

from __future__ import annotations

from aiohttp import web

from ingest.pipeline import Services
from ingest.web.auth import Authenticator

SERVICES = web.AppKey("services", Services)
AUTH = web.AppKey("auth", Authenticator)
