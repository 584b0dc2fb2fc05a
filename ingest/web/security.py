"""Guards of the web inbox and API: who is asking, CSRF, and the hygiene headers.

- ``/ui/``: a session cookie, else a redirect to the sign-in page (a POST gets 403); every
  POST carries the session's CSRF token in its ``csrf`` field (the sign-in form, before any
  session, a double-submitted random cookie).
- ``/api/v1/``: ``Authorization: Bearer <token>``, else 401. No cookies, so no CSRF.
- every response: no caching of PHI, a strict Content-Security-Policy (no inline script or
  style at all), no framing, no sniffing, no referrer.

Why guards around the handlers and a response-prepare hook, not middlewares: aiohttp runs an
application's middlewares, and a wrapper of its own, around every request once it has one,
and a webhook acknowledgement then pays for four coroutine levels it does not need (entered,
and entered again when the journal's commit resumes it): about 4% of a PostgreSQL node's
deliveries a second (benchmarks/RESULTS.md). :func:`guard` puts each check around exactly
the routes under its prefix, at registration, so no route of the inbox or API can be added
without it; the headers are set as any response is prepared, so responses streamed by their
handler, and exceptions turned into responses, get them too.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Awaitable, Callable

from aiohttp import web

from ingest.web.auth import csrf_ok, user_for_api_token
from ingest.web.keys import AUTH, SERVICES
from storage import people

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SESSION = web.RequestKey("session", people.Session)
API_USER = web.RequestKey("api_user", people.User)
SESSION_COOKIE = "fv_session"
SIGNIN_COOKIE = "fv_signin"
PUBLIC_UI = ("/ui/signin", "/ui/static/")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def cookie_secure(request: web.Request) -> bool:
    return request.app[SERVICES].config.server.public_url.startswith("https://")


def set_cookie(request: web.Request, response: web.StreamResponse, name: str, value: str,
               max_age: int | None = None) -> None:
    response.set_cookie(name, value, path="/", httponly=True, samesite="Strict",
                        secure=cookie_secure(request), max_age=max_age)


def session_of(request: web.Request) -> people.Session:
    return request[SESSION]


def user_of(request: web.Request) -> people.User:
    return request[SESSION].user if SESSION in request else request[API_USER]


async def hygiene_headers(request: web.Request, response: web.StreamResponse) -> None:
    """The ``on_response_prepare`` hook: the headers every response carries."""
    _add_headers(request, response)


def _add_headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.path.startswith(("/ui/", "/api/")) and not request.path.startswith(
            "/ui/static/"):
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"


async def ui_session(request: web.Request, handler: Handler) -> web.StreamResponse:
    path = request.path
    if not path.startswith("/ui/") or path.startswith(PUBLIC_UI):
        if path == "/ui/signin" and request.method == "POST":
            form = await request.post()
            if not csrf_ok(request.cookies.get(SIGNIN_COOKIE, ""), _field(form, "csrf")):
                raise web.HTTPForbidden(text="sign-in form expired: reload the page")
        return await handler(request)
    services = request.app[SERVICES]
    session = request.app[AUTH].session(services.catalog, request.cookies.get(SESSION_COOKIE))
    if session is None:
        if request.method == "GET":
            raise web.HTTPSeeOther("/ui/signin")
        raise web.HTTPForbidden(text="not signed in")
    if request.method not in ("GET", "HEAD"):
        form = await request.post()
        if not csrf_ok(session.csrf_token, _field(form, "csrf")):
            raise web.HTTPForbidden(text="missing or wrong CSRF token")
    request[SESSION] = session
    return await handler(request)


async def api_token(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith("/api/"):
        return await handler(request)
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    user = None
    if scheme.lower() == "bearer" and token:
        user = user_for_api_token(request.app[SERVICES].catalog, token.strip())
    if user is None:
        raise web.HTTPUnauthorized(
            text='{"error": "a valid API token is required"}', content_type="application/json",
            headers={"WWW-Authenticate": 'Bearer realm="faxvault"'})
    request[API_USER] = user
    return await handler(request)


Check = Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]


def guard(route: web.RouteDef) -> web.RouteDef:
    """``route`` with the check its path needs: the session (and CSRF) under ``/ui/``, the
    API token under ``/api/``; any other route as it is."""
    if route.path.startswith("/ui/"):
        check: Check = ui_session
    elif route.path.startswith("/api/"):
        check = api_token
    else:
        return route
    handler = route.handler

    @functools.wraps(handler)
    async def guarded(request: web.Request) -> web.StreamResponse:
        return await check(request, handler)

    return web.RouteDef(route.method, route.path, guarded, route.kwargs)


def _field(form, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


def new_signin_token() -> str:
    return secrets.token_urlsafe(32)
