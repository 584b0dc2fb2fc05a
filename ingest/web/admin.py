"""People, for admins (``/ui/admin/``): list, add with role and mailboxes, change a person's
role and mailboxes, disable and enable again. The same library calls as ``faxvault user``;
each change is audited with the admin's name. The last enabled admin can be neither
disabled nor given another role (storage refuses it, in the write transaction)."""

from __future__ import annotations

import asyncio
import re

import aiohttp_jinja2
from aiohttp import web

from ingest.web.access import require_role
from ingest.web.auth import MAX_NAME_LENGTH, WeakPassword, hash_password
from ingest.web.keys import SERVICES
from ingest.web.security import session_of
from storage import audit, people

routes = web.RouteTableDef()
MAILBOX = re.compile(r"^[\w.-]{1,64}$")


def _admin(request: web.Request) -> people.User:
    user = session_of(request).user
    require_role(user, "admin")
    return user


def _mailboxes(form) -> list[str]:
    return sorted({b for b in re.split(r"[\s,]+", str(form.get("mailboxes") or "")) if b})


def _page(request: web.Request, error: str = "", status: int = 200) -> web.Response:
    session = session_of(request)
    return aiohttp_jinja2.render_template("admin_users.html", request, {
        "user": session.user, "csrf": session.csrf_token, "roles": people.ROLES,
        "people": request.app[SERVICES].catalog.people.list_users(), "error": error},
        status=status)


@routes.get("/ui/admin/users")
async def users(request: web.Request) -> web.StreamResponse:
    _admin(request)
    return _page(request)


@routes.post("/ui/admin/users")
async def add_user(request: web.Request) -> web.StreamResponse:
    admin = _admin(request)
    form = await request.post()
    name = str(form.get("name") or "").strip()
    role = str(form.get("role") or "")
    boxes = _mailboxes(form)
    password = str(form.get("password") or "")
    if not name or len(name) > MAX_NAME_LENGTH or not name.isprintable():
        return _page(request, f"name: 1 to {MAX_NAME_LENGTH} printable characters", 400)
    if role not in people.ROLES:
        return _page(request, f"role: one of {', '.join(people.ROLES)}", 400)
    if not all(MAILBOX.match(b) for b in boxes):
        return _page(request, "mailboxes: names of letters, digits, . _ -", 400)
    try:
        hashed = await asyncio.to_thread(hash_password, password)
    except WeakPassword as exc:
        return _page(request, f"password: {exc}", 400)
    catalog = request.app[SERVICES].catalog
    try:
        catalog.people.add_user(name, role, hashed, boxes)
    except people.UserExists:
        return _page(request, f"user {name!r} exists", 409)
    audit.record(catalog, f"web:{admin.name}", "user.added", None,
                 {"name": name, "role": role, "mailboxes": boxes})
    raise web.HTTPSeeOther("/ui/admin/users")


@routes.post("/ui/admin/users/disable")
async def disable_user(request: web.Request) -> web.StreamResponse:
    admin = _admin(request)
    form = await request.post()
    name = str(form.get("name") or "")
    catalog = request.app[SERVICES].catalog
    if catalog.people.find_user(name) is None:
        return _page(request, "no such user", 404)
    if name == admin.name:
        return _page(request, "you cannot disable yourself", 400)
    try:
        catalog.people.disable_user(name)
    except people.LastAdmin as exc:
        return _page(request, str(exc), 409)
    audit.record(catalog, f"web:{admin.name}", "user.disabled", None, {"name": name})
    raise web.HTTPSeeOther("/ui/admin/users")


@routes.post("/ui/admin/users/enable")
async def enable_user(request: web.Request) -> web.StreamResponse:
    admin = _admin(request)
    form = await request.post()
    name = str(form.get("name") or "")
    catalog = request.app[SERVICES].catalog
    person = catalog.people.find_user(name)
    if person is None:
        return _page(request, "no such user", 404)
    if person.disabled:
        with catalog.transaction():
            catalog.people.enable_user(name)
            audit.append(catalog, f"web:{admin.name}", "user.enabled", None, {"name": name})
    raise web.HTTPSeeOther("/ui/admin/users")


@routes.post("/ui/admin/users/edit")
async def edit_user(request: web.Request) -> web.StreamResponse:
    """A person's role and mailbox grants, replaced by the form's."""
    admin = _admin(request)
    form = await request.post()
    name = str(form.get("name") or "")
    role = str(form.get("role") or "")
    boxes = _mailboxes(form)
    catalog = request.app[SERVICES].catalog
    before = catalog.people.find_user(name)
    if before is None:
        return _page(request, "no such user", 404)
    if role not in people.ROLES:
        return _page(request, f"role: one of {', '.join(people.ROLES)}", 400)
    if not all(MAILBOX.match(b) for b in boxes):
        return _page(request, "mailboxes: names of letters, digits, . _ -", 400)
    try:
        with catalog.transaction():
            after = catalog.people.set_role_and_mailboxes(name, role, boxes)
            audit.append(catalog, f"web:{admin.name}", "user.changed", None, {
                "name": name, "before": {"role": before.role,
                                         "mailboxes": list(before.mailboxes)},
                "after": {"role": after.role, "mailboxes": list(after.mailboxes)}})
    except people.LastAdmin as exc:
        return _page(request, str(exc), 409)
    raise web.HTTPSeeOther("/ui/admin/users")
