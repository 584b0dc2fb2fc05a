"""The JSON API (``/api/v1/``) for EHR and document-system integrations: per-user tokens
(``faxvault user token NAME``), the same mailbox and role checks as the inbox, every read
audited with the user.

Search takes its words in a POST body (they are PHI and stay out of URLs and logs).
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from ingest.web import access
from ingest.web.keys import SERVICES
from ingest.web.security import user_of
from storage import audit, people
from storage.search import HIT_CLOSE, HIT_OPEN

routes = web.RouteTableDef()
MAX_LIMIT = 200


def _actor(user: people.User) -> str:
    return f"api:{user.name}"


def _error(status: type[web.HTTPException], message: str) -> web.HTTPException:
    return status(text=json.dumps({"error": message}), content_type="application/json")


@routes.post("/api/v1/search")
async def search(request: web.Request) -> web.StreamResponse:
    """Body: {"query": "...", "include_spam": false, "limit": 20}."""
    user = user_of(request)
    try:
        body = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise _error(web.HTTPBadRequest, "body: expected a JSON object") from None
    query = body.get("query") if isinstance(body, dict) else None
    if not isinstance(query, str) or not query.strip() or len(query) > 500:
        raise _error(web.HTTPBadRequest, "query: expected a string of 1 to 500 characters")
    limit = body.get("limit", 20)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
        raise _error(web.HTTPBadRequest, f"limit: expected an integer from 1 to {MAX_LIMIT}")
    include_spam = body.get("include_spam", False) is True
    hits = access.search_visible(request.app[SERVICES], user, _actor(user), query,
                                 include_spam, limit)
    return web.json_response({"hits": [
        {**hit, "snippet": hit["snippet"].replace(HIT_OPEN, "[").replace(HIT_CLOSE, "]")}
        for hit in hits]})


@routes.get("/api/v1/faxes/{fax_id}")
async def fax(request: web.Request) -> web.StreamResponse:
    """Metadata, provider status, spam verdict and signals, pages with their text."""
    services, user = request.app[SERVICES], user_of(request)
    found = access.visible_fax(services, user, request.match_info["fax_id"])
    catalog = services.catalog
    audit.record(catalog, _actor(user), "fax.viewed", found["id"], {"via": "api"})
    doc: dict[str, Any] = {**found, "spam_signals": json.loads(found.get("spam_signals")
                                                               or "[]")}
    doc["pages_detail"] = catalog.pages(found["id"])
    doc["handling"] = vars(catalog.people.handling(found["id"])).copy()
    doc["files"] = {fmt: f"/api/v1/faxes/{found['id']}/files/{fmt}"
                    for fmt in ("pdf", "tiff", "original")}
    return web.json_response(doc)


@routes.get(r"/api/v1/faxes/{fax_id}/pages/{page_no:\d{1,4}}.png")
async def page_image(request: web.Request) -> web.StreamResponse:
    services, user = request.app[SERVICES], user_of(request)
    found = access.visible_fax(services, user, request.match_info["fax_id"])
    return await access.page_response(services, found, int(request.match_info["page_no"]),
                                      _actor(user), "api")


@routes.get("/api/v1/faxes/{fax_id}/files/{fmt}")
async def file(request: web.Request) -> web.StreamResponse:
    services, user = request.app[SERVICES], user_of(request)
    found = access.visible_fax(services, user, request.match_info["fax_id"])
    return await access.file_response(services, found, request.match_info["fmt"],
                                      _actor(user), "api")
