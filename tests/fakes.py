"""Fake provider APIs: small aiohttp apps implementing the endpoints of providers.md, with
fault injection and request counting. Started by tests on 127.0.0.1, ephemeral ports."""

from __future__ import annotations

import asyncio
import base64
import collections
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

FAULTS = ("500", "slow", "truncate", "404", "429", "redirect", "stall")


@dataclass
class FakeProvider:
    """State shared by a fake API: what it serves, how it misbehaves, what it was asked."""

    token: str
    slow_seconds: float = 5.0
    # "redirect": 302 to this URL (absolute or relative); None = to the same URL (a loop).
    redirect_to: str | None = None
    stall_seconds: float = 0.2  # "stall": half the body, this pause, then the rest
    list_ignores_offset: bool = False  # a listing that answers its first page every time
    faxes: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # file or fax id -> bytes
    pages: dict[tuple[str, int], bytes] = field(default_factory=dict)
    # Faults to inject, in order, for requests whose path contains the key.
    faults: dict[str, collections.deque] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def inject(self, path_part: str, *faults: str) -> None:
        assert all(f in FAULTS for f in faults), faults
        self.faults.setdefault(path_part, collections.deque()).extend(faults)

    def count(self, path_part: str) -> int:
        return sum(1 for r in self.requests if path_part in r)

    async def misbehave(self, request: web.Request,
                        body: bytes | None = None) -> web.StreamResponse | None:
        for part, queue in self.faults.items():
            if part in request.path_qs and queue:
                fault = queue.popleft()
                if fault == "500":
                    return web.json_response({"error": "internal"}, status=500)
                if fault == "429":
                    return web.json_response({"error": "slow down"}, status=429)
                if fault == "404":
                    return web.json_response({"error": "not_found"}, status=404)
                if fault == "slow":
                    await asyncio.sleep(self.slow_seconds)  # the fault itself: a slow server
                    return None
                if fault == "redirect":
                    raise web.HTTPFound(self.redirect_to or request.path_qs)
                if fault == "stall":  # a body that arrives in two network reads
                    whole = body if body is not None else await self.record_json(request)
                    response = web.StreamResponse(headers={"Content-Length": str(len(whole))})
                    await response.prepare(request)
                    await response.write(whole[: len(whole) // 2])
                    await asyncio.sleep(self.stall_seconds)  # the fault: a pause mid-body
                    await response.write(whole[len(whole) // 2:])
                    return response
                if fault == "truncate":
                    response = web.StreamResponse(headers={
                        "Content-Length": str(len(body or b"x" * 100))})
                    await response.prepare(request)
                    await response.write((body or b"x" * 100)[: max(1, len(body or b"") // 2)])
                    request.transport.close()  # cut the connection mid-body
                    return response
        return None

    async def record_json(self, request: web.Request) -> bytes:
        """What a JSON endpoint would have answered (for faults that stream it)."""
        return json.dumps(self.listing(request) if request.path.endswith("/faxes")
                          else self.faxes.get(request.match_info.get("fax_id", ""))).encode()

    def listing(self, request: web.Request) -> dict[str, Any]:
        limit, offset = int(request.query["limit"]), int(request.query["offset"])
        offset = 0 if self.list_ignores_offset else offset
        records = [r for r in self.faxes.values() if r.get("direction") == "incoming"]
        return {"data": {"records": records[offset:offset + limit], "total": len(records)}}


def faxplus_app(fake: FakeProvider) -> web.Application:
    app = web.Application()

    def authorized(request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {fake.token}"

    async def get_fax(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if not authorized(request):
            return web.json_response({"error": "unauthorized"}, status=401)
        if (bad := await fake.misbehave(request)) is not None:
            return bad
        record = fake.faxes.get(request.match_info["fax_id"])
        if record is None:
            return web.json_response({"error": "fax_not_found"}, status=404)
        return web.json_response(record)

    async def list_faxes(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if not authorized(request):
            return web.json_response({"error": "unauthorized"}, status=401)
        if (bad := await fake.misbehave(request)) is not None:
            return bad
        return web.json_response(fake.listing(request))

    async def get_file(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if not authorized(request):
            return web.json_response({"error": "unauthorized"}, status=401)
        key = request.match_info["file_id"]
        page = request.query.get("page")
        body = fake.pages.get((key, int(page))) if page else fake.files.get(key)
        if (bad := await fake.misbehave(request, body)) is not None:
            return bad
        if body is None:
            return web.json_response({"error": "file_not_found"}, status=404)
        return web.Response(body=body, content_type="image/tiff")

    app.router.add_get("/v3/accounts/{user}/faxes/{fax_id}", get_fax)
    app.router.add_get("/v3/accounts/{user}/faxes", list_faxes)
    app.router.add_get("/v3/accounts/{user}/files/{file_id}", get_file)
    return app


def dropbox_app(fake: FakeProvider) -> web.Application:
    app = web.Application()
    expected = "Basic " + base64.b64encode(f"{fake.token}:".encode()).decode()

    async def get_fax(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if request.headers.get("Authorization") != expected:
            return web.json_response({"error": {"error_msg": "Unauthorized"}}, status=401)
        if (bad := await fake.misbehave(request)) is not None:
            return bad
        fax = fake.faxes.get(request.match_info["fax_id"])
        if fax is None:
            return web.json_response({"error": {"error_name": "not_found"}}, status=404)
        return web.json_response({"fax": fax})

    async def get_file(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if request.headers.get("Authorization") != expected:
            return web.json_response({"error": {"error_msg": "Unauthorized"}}, status=401)
        body = fake.files.get(request.match_info["fax_id"])
        if (bad := await fake.misbehave(request, body)) is not None:
            return bad
        if body is None:
            return web.json_response({"error": {"error_name": "not_found"}}, status=404)
        return web.Response(body=body, content_type="application/pdf")

    async def list_faxes(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        page, size = int(request.query["page"]), int(request.query["page_size"])
        page = 1 if fake.list_ignores_offset else page
        faxes = list(fake.faxes.values())
        pages = max(1, -(-len(faxes) // size))
        return web.json_response({"faxes": faxes[(page - 1) * size: page * size],
                                  "list_info": {"page": page, "num_pages": pages,
                                                "num_results": len(faxes),
                                                "page_size": size}})

    app.router.add_get("/v3/fax/list", list_faxes)
    app.router.add_get("/v3/fax/files/{fax_id}", get_file)
    app.router.add_get("/v3/fax/{fax_id}", get_fax)
    return app


def counting_app(hits: list[str]) -> web.Application:
    """A host that must never be contacted: it only records what reached it."""
    async def anything(request: web.Request) -> web.Response:
        hits.append(request.path_qs)
        return web.Response(body=b"%PDF-1.4 not for you")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", anything)
    return app
