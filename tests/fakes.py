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
    issued_tokens: set[str] = field(default_factory=set)  # OAuth2 tokens a fake handed out

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


@dataclass
class TelnyxMedia:
    """The presigned-link store Telnyx hands out (S3 in production): each link carries a
    token; a link expires when the fake says so (403, as S3 answers an expired signature)."""

    base: str = ""  # set once the media server has a port: http://127.0.0.1:<port>
    tokens: dict[str, str] = field(default_factory=dict)  # token -> fax id
    expired: set[str] = field(default_factory=set)
    issued: int = 0
    requests: list[str] = field(default_factory=list)
    credentials_seen: list[str] = field(default_factory=list)  # must stay empty

    def link(self, fax_id: str, user: str = "19a75cea") -> str:
        self.issued += 1
        token = f"sig{self.issued:04d}"
        self.tokens[token] = fax_id
        return (f"{self.base}/faxes-prod/{user}/{fax_id}.pdf?X-Amz-Expires=600"
                f"&X-Amz-SignedHeaders=host&X-Amz-Signature={token}")

    def expire_all(self) -> None:
        self.expired.update(self.tokens)


def telnyx_media_app(fake: FakeProvider, media: TelnyxMedia) -> web.Application:
    """The media host: serves a fax's PDF for a valid, unexpired link, nothing else."""
    async def get_media(request: web.Request) -> web.StreamResponse:
        media.requests.append(request.path_qs)
        if "Authorization" in request.headers:
            media.credentials_seen.append(request.headers["Authorization"])
        token = request.query.get("X-Amz-Signature", "")
        fax_id = media.tokens.get(token)
        if fax_id is None or token in media.expired or request.match_info["name"] != \
                f"{fax_id}.pdf":
            return web.Response(status=403, text="<Error><Code>AccessDenied</Code></Error>",
                                content_type="application/xml")
        body = fake.files.get(fax_id)
        if (bad := await fake.misbehave(request, body)) is not None:
            return bad
        return web.Response(body=body, content_type="application/pdf")

    app = web.Application()
    app.router.add_get("/faxes-prod/{user}/{name}", get_media)
    return app


def telnyx_app(fake: FakeProvider, media: TelnyxMedia) -> web.Application:
    """Telnyx API v2 faxes: Bearer auth; ``GET /faxes/{id}`` -> ``{"data": fax}`` with a fresh
    presigned ``media_url`` (inbound, received); ``POST /faxes/{id}/actions/refresh``; ``GET
    /faxes`` with ``filter[direction][eq]``, ``page[number]``, ``page[size]`` and
    ``meta.total_pages``. Errors are ``{"errors": [{"code", "title", "detail"}]}``."""
    app = web.Application()

    def refused(request: web.Request) -> web.Response | None:
        if request.headers.get("Authorization") != f"Bearer {fake.token}":
            return web.json_response({"errors": [{"code": "10009", "title":
                                                  "Authentication failed"}]}, status=401)
        return None

    def not_found() -> web.Response:
        return web.json_response({"errors": [{"code": "10005", "title":
                                              "Resource not found"}]}, status=404)

    def with_link(record: dict[str, Any]) -> dict[str, Any]:
        if record.get("direction") == "inbound" and record.get("status") == "received" \
                and "media_url" not in record:
            return {**record, "media_url": media.link(record["id"])}
        return record

    async def get_fax(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if (bad := refused(request) or await fake.misbehave(request)) is not None:
            return bad
        record = fake.faxes.get(request.match_info["fax_id"])
        return not_found() if record is None else web.json_response({"data": with_link(record)})

    async def refresh(request: web.Request) -> web.StreamResponse:
        fake.requests.append(f"POST {request.path_qs}")
        if (bad := refused(request) or await fake.misbehave(request)) is not None:
            return bad
        if request.match_info["fax_id"] not in fake.faxes:
            return not_found()
        media.expire_all()  # the old links stop working; the next read gets a new one
        return web.json_response({"result": "ok"}, status=202)

    async def list_faxes(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if (bad := refused(request) or await fake.misbehave(request)) is not None:
            return bad
        number, size = int(request.query["page[number]"]), int(request.query["page[size]"])
        number = 1 if fake.list_ignores_offset else number
        direction = request.query.get("filter[direction][eq]")
        records = [r for r in fake.faxes.values()
                   if direction is None or r.get("direction") == direction]
        pages = max(1, -(-len(records) // size))
        return web.json_response({
            "data": [with_link(r) for r in records[(number - 1) * size: number * size]],
            "meta": {"page_number": number, "page_size": size, "total_pages": pages,
                     "total_results": len(records)}})

    app.router.add_get("/v2/faxes", list_faxes)
    app.router.add_get("/v2/faxes/{fax_id}", get_fax)
    app.router.add_post("/v2/faxes/{fax_id}/actions/refresh", refresh)
    return app


def sinch_app(fake: FakeProvider, project: str, key_id: str,
              token_lifetime: int = 3599) -> web.Application:
    """Sinch Fax API v3 for one project, and its OAuth2 token endpoint: ``POST
    /oauth2/token`` (Basic key id:secret, ``grant_type=client_credentials``) issues bearer
    tokens; ``GET /v3/projects/{project}/faxes/{id}``, ``.../faxes/{id}/file`` (PDF) and
    ``.../faxes`` (``direction``, ``page``, ``pageSize``; ``faxes``, ``page``, ``totalPages``)
    take a current token or Basic credentials. ``fake.token`` is the key secret;
    clearing ``fake.issued_tokens`` makes every token answer 401, as an expired one does."""
    app = web.Application()
    basic = "Basic " + base64.b64encode(f"{key_id}:{fake.token}".encode()).decode()
    tokens = fake.issued_tokens

    def refused(request: web.Request) -> web.Response | None:
        given = request.headers.get("Authorization", "")
        if given == basic or (given.startswith("Bearer ") and given[7:] in tokens):
            if request.match_info.get("project") not in (None, project):
                return web.json_response({"error": {"code": 403, "status":
                                                    "PERMISSION_DENIED"}}, status=403)
            return None
        return web.json_response({"error": {"code": 401, "status": "UNAUTHENTICATED"}},
                                 status=401)

    async def token(request: web.Request) -> web.StreamResponse:
        fake.requests.append(f"POST {request.path}")
        form = await request.post()
        if request.headers.get("Authorization") != basic or \
                form.get("grant_type") != "client_credentials":
            return web.json_response({"error": "invalid_client"}, status=401)
        issued = f"tok{len(fake.requests):04d}"
        tokens.add(issued)
        return web.json_response({"access_token": issued, "expires_in": token_lifetime,
                                  "scope": "", "token_type": "bearer"})

    async def get_fax(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if (bad := refused(request) or await fake.misbehave(request)) is not None:
            return bad
        record = fake.faxes.get(request.match_info["fax_id"])
        if record is None:
            return web.json_response({"error": {"code": 404, "status": "NOT_FOUND"}},
                                     status=404)
        return web.json_response(record)

    async def get_file(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        body = fake.files.get(request.match_info["fax_id"])
        if (bad := refused(request) or await fake.misbehave(request, body)) is not None:
            return bad
        if body is None:
            return web.json_response({"error": {"code": 404, "status": "NOT_FOUND"}},
                                     status=404)
        return web.Response(body=body, content_type="application/pdf")

    async def list_faxes(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if (bad := refused(request) or await fake.misbehave(request)) is not None:
            return bad
        page, size = int(request.query.get("page", "1")), int(request.query.get("pageSize",
                                                                                 "20"))
        page = 1 if fake.list_ignores_offset else page
        direction = request.query.get("direction")
        records = [r for r in fake.faxes.values()
                   if direction is None or r.get("direction") == direction]
        pages = max(1, -(-len(records) // size))
        return web.json_response({"faxes": records[(page - 1) * size: page * size],
                                  "page": page, "totalPages": pages, "pageSize": size,
                                  "totalItems": len(records)})

    app.router.add_post("/oauth2/token", token)
    app.router.add_get("/v3/projects/{project}/faxes", list_faxes)
    app.router.add_get("/v3/projects/{project}/faxes/{fax_id}", get_fax)
    app.router.add_get("/v3/projects/{project}/faxes/{fax_id}/file", get_file)
    return app


def documo_app(fake: FakeProvider) -> web.Application:
    """Documo's API: ``Authorization: Basic <raw API key>`` (``fake.token``);
    ``GET /v1/fax/{id}/info``, ``GET /v1/fax/{id}/download`` (PDF), ``GET /v1/fax/history``
    (``direction``, ``offset``, ``limit``; answers ``{"rows": [...], "count": n}``). Errors
    are ``{"error": {"name", "message"}}``."""
    app = web.Application()

    def refused(request: web.Request) -> web.Response | None:
        if request.headers.get("Authorization") != f"Basic {fake.token}":
            return web.json_response({"error": {"name": "UnauthorizedError",
                                                "message": "Invalid API key"}}, status=401)
        return None

    def not_found() -> web.Response:
        return web.json_response({"error": {"name": "NotFoundError",
                                            "message": "Fax not found"}}, status=404)

    async def info(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if (bad := refused(request) or await fake.misbehave(request)) is not None:
            return bad
        record = fake.faxes.get(request.match_info["fax_id"])
        return not_found() if record is None else web.json_response(record)

    async def download(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        body = fake.files.get(request.match_info["fax_id"])
        if (bad := refused(request) or await fake.misbehave(request, body)) is not None:
            return bad
        return not_found() if body is None else web.Response(body=body,
                                                             content_type="application/pdf")

    async def history(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if (bad := refused(request) or await fake.misbehave(request)) is not None:
            return bad
        offset, limit = int(request.query.get("offset", "0")), int(request.query["limit"])
        offset = 0 if fake.list_ignores_offset else offset
        direction = request.query.get("direction")
        rows = [r for r in fake.faxes.values()
                if direction is None or r.get("direction") == direction]
        return web.json_response({"rows": rows[offset:offset + limit], "count": len(rows)})

    app.router.add_get("/v1/fax/history", history)
    app.router.add_get("/v1/fax/{fax_id}/info", info)
    app.router.add_get("/v1/fax/{fax_id}/download", download)
    return app


def signalwire_app(fake: FakeProvider, project: str) -> web.Application:
    """A SignalWire space's Compatibility API for one project (Basic project id : API token,
    ``fake.token``): ``GET .../Faxes/{sid}.json`` (a received fax's ``media_url`` points at its
    media on this space unless the record sets one), ``GET .../Faxes/{sid}/Media/{media_sid}``
    (the PDF), ``GET .../Faxes.json`` (``Page``, ``PageSize``; ``faxes``, ``next_page_uri``)."""
    app = web.Application()
    basic = "Basic " + base64.b64encode(f"{project}:{fake.token}".encode()).decode()
    root = f"/api/laml/2010-04-01/Accounts/{project}"

    def refused(request: web.Request) -> web.Response | None:
        if request.headers.get("Authorization") != basic:
            return web.json_response({"code": 20003, "message": "Unauthorized"}, status=401)
        return None

    def not_found() -> web.Response:
        return web.json_response({"code": 20404, "message": "Not found"}, status=404)

    def with_media(request: web.Request, record: dict[str, Any]) -> dict[str, Any]:
        if "media_url" in record or record.get("status") != "received":
            return record
        media = f"{root}/Faxes/{record['sid']}/Media/{record['media_sid']}"
        return {**record, "media_url": str(request.url.origin()) + media}

    async def get_fax(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if (bad := refused(request) or await fake.misbehave(request)) is not None:
            return bad
        record = fake.faxes.get(request.match_info["sid"])
        return not_found() if record is None else web.json_response(with_media(request, record))

    async def get_media(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        record = fake.faxes.get(request.match_info["sid"])
        body = fake.files.get(request.match_info["sid"])
        if (bad := refused(request) or await fake.misbehave(request, body)) is not None:
            return bad
        if record is None or body is None or record.get("media_sid") != \
                request.match_info["media_sid"]:
            return not_found()
        return web.Response(body=body, content_type="application/pdf")

    async def list_faxes(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if (bad := refused(request) or await fake.misbehave(request)) is not None:
            return bad
        page, size = int(request.query.get("Page", "0")), int(request.query.get("PageSize",
                                                                                 "50"))
        page = 0 if fake.list_ignores_offset else page
        records = list(fake.faxes.values())
        chunk = records[page * size:(page + 1) * size]
        more = (page + 1) * size < len(records)
        return web.json_response({
            "faxes": [with_media(request, r) for r in chunk], "page": page, "page_size": size,
            "next_page_uri": f"{root}/Faxes.json?Page={page + 1}&PageSize={size}" if more
            else None})

    app.router.add_get(root + "/Faxes.json", list_faxes)
    app.router.add_get(root + "/Faxes/{sid}.json", get_fax)
    app.router.add_get(root + "/Faxes/{sid}/Media/{media_sid}", get_media)
    return app


def phaxio_app(fake: FakeProvider, api_key: str) -> web.Application:
    """Phaxio API v2.1: Basic api_key:api_secret (``fake.token`` is the secret);
    ``GET /v2.1/faxes/{id}`` -> ``{"success", "message", "data": fax}``,
    ``GET /v2.1/faxes/{id}/file`` (PDF), ``GET /v2.1/faxes`` (``direction``, ``page``,
    ``per_page``; ``data`` and ``paging``). Errors are ``{"success": false, "message"}``."""
    app = web.Application()
    basic = "Basic " + base64.b64encode(f"{api_key}:{fake.token}".encode()).decode()

    def refused(request: web.Request) -> web.Response | None:
        if request.headers.get("Authorization") != basic:
            return web.json_response({"success": False, "message": "Invalid credentials"},
                                     status=401)
        return None

    def not_found() -> web.Response:
        return web.json_response({"success": False, "message": "Fax not found"}, status=404)

    async def get_fax(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if (bad := refused(request) or await fake.misbehave(request)) is not None:
            return bad
        record = fake.faxes.get(request.match_info["fax_id"])
        return not_found() if record is None else web.json_response(
            {"success": True, "message": "Retrieved fax successfully", "data": record})

    async def get_file(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        body = fake.files.get(request.match_info["fax_id"])
        if (bad := refused(request) or await fake.misbehave(request, body)) is not None:
            return bad
        return not_found() if body is None else web.Response(body=body,
                                                             content_type="application/pdf")

    async def list_faxes(request: web.Request) -> web.StreamResponse:
        fake.requests.append(request.path_qs)
        if (bad := refused(request) or await fake.misbehave(request)) is not None:
            return bad
        page, size = int(request.query.get("page", "1")), int(request.query.get("per_page",
                                                                                 "20"))
        page = 1 if fake.list_ignores_offset else page
        direction = request.query.get("direction")
        records = [r for r in fake.faxes.values()
                   if direction is None or r.get("direction") == direction]
        return web.json_response({"success": True, "message": "Retrieved faxes successfully",
                                  "data": records[(page - 1) * size:page * size],
                                  "paging": {"total": len(records), "per_page": size,
                                             "page": page}})

    app.router.add_get("/v2.1/faxes", list_faxes)
    app.router.add_get("/v2.1/faxes/{fax_id}", get_fax)
    app.router.add_get("/v2.1/faxes/{fax_id}/file", get_file)
    return app
