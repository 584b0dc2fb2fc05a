"""The web inbox's pages (``/ui/``): sign-in, inbox and search, fax view, page images,
downloads and the actions a role allows. Server-rendered; no JavaScript needed to read.

Search words and filters (PHI: names, numbers) travel in POST bodies, never in URLs; the last
search is kept in the server-side session so the fax view can highlight it.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from dataclasses import dataclass
from typing import Any

import aiohttp_jinja2
from aiohttp import web

from ingest import (
    compliance,  # a module: it imports ingest.web.files, so not its names
    spam,
)
from ingest.numbers import normalize_number
from ingest.web import access, files
from ingest.web.auth import MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, digest, verify_password
from ingest.web.keys import AUTH, SERVICES
from ingest.web.security import (
    SESSION_COOKIE,
    SIGNIN_COOKIE,
    new_signin_token,
    session_of,
    set_cookie,
)
from storage import audit, people
from storage.archive import ArchiveError

routes = web.RouteTableDef()

PAGE_SIZE = 50
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STATES = ("received", "processing", "processed", "archived", "failed")


def _actor(user: people.User) -> str:
    return f"web:{user.name}"


def _client(request: web.Request) -> str:
    return request.remote or "unknown"


def _context(request: web.Request, **values: Any) -> dict[str, Any]:
    session = session_of(request)
    return {"user": session.user, "csrf": session.csrf_token, **values}


# -- signing in and out --------------------------------------------------------------------
@routes.get("/ui")
@routes.get("/ui/")
async def home(request: web.Request) -> web.StreamResponse:
    raise web.HTTPSeeOther("/ui/inbox")


def _signin_page(request: web.Request, error: str = "", status: int = 200) -> web.Response:
    token = new_signin_token()
    response = aiohttp_jinja2.render_template("signin.html", request,
                                              {"csrf": token, "error": error}, status=status)
    set_cookie(request, response, SIGNIN_COOKIE, token)
    return response


@routes.get("/ui/signin")
async def signin_form(request: web.Request) -> web.StreamResponse:
    return _signin_page(request)


@routes.post("/ui/signin")
async def signin(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    name = str(form.get("name") or "").strip()[:MAX_NAME_LENGTH]
    password = str(form.get("password") or "")[:MAX_PASSWORD_LENGTH]
    services, auth = request.app[SERVICES], request.app[AUTH]
    catalog, now, client = services.catalog, time.time(), _client(request)
    if not name or not password:
        return _signin_page(request, "name and password, please", 400)
    if auth.rate_limited(catalog, name, client, now):
        auth.refuse_rate_limited(catalog, name, client)
        return _signin_page(request, "too many failed sign-ins; try again later", 429)
    stored = catalog.people.password_hash(name)
    ok = await asyncio.to_thread(verify_password, stored, password)  # argon2: ~50 ms of CPU
    result = auth.finish_sign_in(catalog, name, client, ok, now)
    if not result.ok:
        return _signin_page(request, "wrong name or password", 401)
    response = web.HTTPSeeOther("/ui/inbox")
    set_cookie(request, response, SESSION_COOKIE, result.session_id or "")
    response.del_cookie(SIGNIN_COOKIE, path="/")
    raise response


@routes.post("/ui/signout")
async def signout(request: web.Request) -> web.StreamResponse:
    session = session_of(request)
    request.app[AUTH].sign_out(request.app[SERVICES].catalog,
                               request.cookies.get(SESSION_COOKIE, ""), session.user)
    response = web.HTTPSeeOther("/ui/signin")
    response.del_cookie(SESSION_COOKIE, path="/")
    raise response


# -- the inbox -----------------------------------------------------------------------------
@dataclass(frozen=True)
class InboxForm:
    """What the inbox was asked for (filters in a POST body, paging and mailbox in either)."""

    mailbox: str = ""
    sender: str = ""
    since: str = ""
    until: str = ""
    status: str = ""
    owner: str = ""
    query: str = ""
    spam: bool = False
    page: int = 1

    @property
    def filtered(self) -> bool:
        return any((self.sender, self.since, self.until, self.status, self.owner, self.query))


def _inbox_form(values: Any) -> InboxForm:
    def text(name: str, limit: int = 200) -> str:
        value = values.get(name)
        return value.strip()[:limit] if isinstance(value, str) else ""

    page_text = text("page", 6)
    form = InboxForm(mailbox=text("mailbox", 64), sender=text("sender", 64),
                     since=text("since", 10), until=text("until", 10),
                     status=text("status", 20), owner=text("owner", MAX_NAME_LENGTH),
                     query=text("q", 500), spam=text("spam", 1) == "1",
                     page=int(page_text) if page_text.isdigit() and int(page_text) > 0 else 1)
    for name in ("since", "until"):
        if getattr(form, name) and not DATE.match(getattr(form, name)):
            raise web.HTTPBadRequest(text=f"{name}: expected a date as YYYY-MM-DD")
    if form.status and form.status not in STATES:
        raise web.HTTPBadRequest(text=f"status: expected one of {', '.join(STATES)}")
    return form


async def _inbox(request: web.Request, form: InboxForm) -> web.Response:
    services = request.app[SERVICES]
    session = session_of(request)
    user = session.user
    allowed = access.visible_mailboxes(user)
    if form.mailbox and not user.can_see(form.mailbox):
        raise web.HTTPNotFound(text="no such mailbox")
    hits: list[dict[str, Any]] = []
    fax_ids = None
    if form.query:
        hits = access.search_visible(services, user, _actor(user), form.query, form.spam)
        services.catalog.people.remember_query(_session_key(request), form.query)
        fax_ids = tuple(dict.fromkeys(h["fax_id"] for h in hits))
    region = services.config.numbers.default_region
    filters = people.InboxFilters(
        mailboxes=allowed, mailbox=form.mailbox or None,
        sender=(normalize_number(form.sender, region) or form.sender) or None,
        since=form.since or None, until=form.until or None, status=form.status or None,
        owner=form.owner or None, include_spam=form.spam, fax_ids=fax_ids)
    page = services.catalog.people.inbox_page(user, filters, limit=PAGE_SIZE,
                                              offset=(form.page - 1) * PAGE_SIZE)
    visible_ids = {row.id for row in page.rows}
    hits = [{**h, "parts": access.snippet_parts(h["snippet"])} for h in hits
            if h["fax_id"] in visible_ids]
    mailboxes = (user.mailboxes if allowed is not None
                 else tuple(services.catalog.people.mailboxes_in_use()))
    return aiohttp_jinja2.render_template("inbox.html", request, _context(
        request, page=page, form=form, hits=hits, mailboxes=mailboxes, states=STATES,
        pages=max(1, -(-page.total // PAGE_SIZE))))


def _session_key(request: web.Request) -> str:
    return digest(request.cookies.get(SESSION_COOKIE, ""))


# A URL carries only what is no PHI: the mailbox, the page, the spam toggle. Words, senders,
# dates and owners come in a POST body; in a URL they are ignored.
URL_FIELDS = ("mailbox", "page", "spam")


@routes.get("/ui/inbox")
async def inbox(request: web.Request) -> web.StreamResponse:
    return await _inbox(request, _inbox_form({k: v for k, v in request.query.items()
                                              if k in URL_FIELDS}))


@routes.post("/ui/inbox")
async def inbox_filtered(request: web.Request) -> web.StreamResponse:
    return await _inbox(request, _inbox_form(await request.post()))


# -- one fax -------------------------------------------------------------------------------
@routes.get("/ui/fax/{fax_id}")
async def fax_view(request: web.Request) -> web.StreamResponse:
    services = request.app[SERVICES]
    session = session_of(request)
    user = session.user
    fax = access.visible_fax(services, user, request.match_info["fax_id"])
    catalog = services.catalog
    pages = catalog.pages(fax["id"])
    with catalog.transaction():
        audit.append(catalog, _actor(user), "fax.viewed", fax["id"], {"via": "web"})
        catalog.people.mark_read(user.id, fax["id"])
    for page in pages:
        page["parts"] = access.highlight_parts(page["text"], session.last_query)
        page["screen_width"], page["screen_height"] = files.screen_size(page)
    signals = json.loads(fax.get("spam_signals") or "[]")
    return aiohttp_jinja2.render_template("fax.html", request, _context(
        request, fax=fax, pages=pages, signals=signals,
        handling=catalog.people.handling(fax["id"]),
        archive=catalog.archive_objects(fax["id"]),
        can_operate=people.role_at_least(user.role, "operator"),
        can_hold=people.role_at_least(user.role, "compliance"),
        on_hold=any(o["legal_hold"] for o in catalog.archive_objects(fax["id"])),
        failed_jobs=catalog.people.failed_job_ids(fax["id"]),
        threshold=services.config.spam.threshold))


@routes.get(r"/ui/fax/{fax_id}/pages/{page_no:\d{1,4}}.png")
async def page_image(request: web.Request) -> web.StreamResponse:
    services = request.app[SERVICES]
    user = session_of(request).user
    fax = access.visible_fax(services, user, request.match_info["fax_id"])
    return await access.page_response(services, fax, int(request.match_info["page_no"]),
                                      _actor(user), "web")


@routes.get("/ui/fax/{fax_id}/files/{fmt}")
async def download(request: web.Request) -> web.StreamResponse:
    services = request.app[SERVICES]
    user = session_of(request).user
    fax = access.visible_fax(services, user, request.match_info["fax_id"])
    return await access.file_response(services, fax, request.match_info["fmt"], _actor(user),
                                      "web")


def _back(fax_id: str) -> web.HTTPSeeOther:
    return web.HTTPSeeOther(f"/ui/fax/{fax_id}")


async def _acting_on(request: web.Request, minimum: str) -> tuple[dict, people.User, Any]:
    services = request.app[SERVICES]
    user = session_of(request).user
    fax = access.visible_fax(services, user, request.match_info["fax_id"])
    access.require_role(user, minimum)
    return fax, user, await request.post()


@routes.post("/ui/fax/{fax_id}/spam")
async def mark_spam(request: web.Request) -> web.StreamResponse:
    fax, user, form = await _acting_on(request, "operator")
    verdict = form.get("verdict")
    if verdict not in ("spam", "ham"):
        raise web.HTTPBadRequest(text="verdict: expected spam or ham")
    services = request.app[SERVICES]
    catalog = services.catalog
    with catalog.transaction():
        catalog.people.set_spam_feedback(fax["id"], verdict, _actor(user))
        spam.record_verdict(catalog, fax["id"], spam.score_fax(catalog, services.config,
                                                              fax["id"]))
        audit.append(catalog, _actor(user), "spam.verdict", fax["id"],
                     {"verdict": verdict, "before": fax["spam_verdict"]})
    raise _back(fax["id"])


@routes.post("/ui/fax/{fax_id}/assign")
async def assign(request: web.Request) -> web.StreamResponse:
    fax, user, form = await _acting_on(request, "operator")
    owner = str(form.get("owner") or "").strip()[:MAX_NAME_LENGTH]
    catalog = request.app[SERVICES].catalog
    if owner == "me":
        owner = user.name
    if owner:
        target = catalog.people.find_user(owner)
        if target is None or target.disabled or not target.can_see(fax.get("mailbox")):
            raise web.HTTPBadRequest(text="owner: no such user with access to this mailbox")
    with catalog.transaction():
        catalog.people.assign(fax["id"], owner or None, user.name)
        audit.append(catalog, _actor(user), "fax.assigned", fax["id"], {"owner": owner or None})
    raise _back(fax["id"])


@routes.post("/ui/fax/{fax_id}/done")
async def done(request: web.Request) -> web.StreamResponse:
    fax, user, form = await _acting_on(request, "operator")
    finished = form.get("done", "1") == "1"
    catalog = request.app[SERVICES].catalog
    with catalog.transaction():
        catalog.people.set_done(fax["id"], user.name if finished else None)
        audit.append(catalog, _actor(user), "fax.done" if finished else "fax.reopened",
                     fax["id"], {})
    raise _back(fax["id"])


@routes.post("/ui/fax/{fax_id}/unread")
async def unread(request: web.Request) -> web.StreamResponse:
    fax, user, _ = await _acting_on(request, "viewer")
    request.app[SERVICES].catalog.people.mark_unread(user.id, fax["id"])
    raise web.HTTPSeeOther("/ui/inbox")


@routes.post("/ui/fax/{fax_id}/retry")
async def retry(request: web.Request) -> web.StreamResponse:
    """Requeue the fax's failed jobs with a fresh attempt budget."""
    fax, user, _ = await _acting_on(request, "operator")
    catalog = request.app[SERVICES].catalog
    job_ids = catalog.people.failed_job_ids(fax["id"])
    if not job_ids:
        raise web.HTTPBadRequest(text="this fax has no failed job to retry")
    for job_id in job_ids:
        catalog.jobs.retry_failed(job_id)
    audit.record(catalog, _actor(user), "jobs.retried", fax["id"], {"jobs": job_ids})
    raise _back(fax["id"])


@routes.post("/ui/fax/{fax_id}/hold")
async def legal_hold(request: web.Request) -> web.StreamResponse:
    """Set or release a legal hold on every archived object of the fax (as
    ``faxvault hold set|release``)."""
    fax, user, form = await _acting_on(request, "compliance")
    on = form.get("on") == "1"
    reason = str(form.get("reason") or "").strip()[:200] or None
    services = request.app[SERVICES]
    try:
        change = compliance.begin_hold(services, fax["id"], on)
    except compliance.HoldRefused as exc:
        raise web.HTTPConflict(text=str(exc)) from None
    try:
        await asyncio.to_thread(compliance.apply_hold, services, change)
    except BaseException as exc:
        compliance.abandon_hold(services, change)
        if isinstance(exc, ArchiveError):
            raise web.HTTPServiceUnavailable(text="the archive refused or cannot be reached; "
                                                  "nothing was recorded") from None
        raise
    compliance.finish_hold(services, change, _actor(user), reason, via="web")
    raise _back(fax["id"])
