"""Compliance bundles from the web inbox (``/ui/export``), for the compliance and admin roles.

The same library call as ``faxvault export`` (ingest.compliance.export_bundle): the same
selection, bundle, signature, anchoring of the head it ends at, and audit entries (the export
and each fax's read, by ``web:<name>``) — limited to the mailboxes the person sees. The bundle
is written to a private scratch directory in a thread (with its own catalog connection: one
per thread), then streamed as a zip download and removed.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web

from ingest import compliance  # a module: it imports ingest.web.files, so not its names
from ingest.numbers import normalize_number
from ingest.pipeline import Services
from ingest.web.access import require_role
from ingest.web.keys import SERVICES
from ingest.web.security import session_of
from storage import people, signing
from storage.archive import ArchiveError
from storage.backend import open_catalog

routes = web.RouteTableDef()
CHUNK = 1024 * 1024
DATE_FORMAT = "%Y-%m-%d"


def _exporter(request: web.Request) -> people.User:
    user = session_of(request).user
    require_role(user, "compliance")
    return user


def _form_page(request: web.Request, error: str = "", status: int = 200) -> web.Response:
    session = session_of(request)
    return aiohttp_jinja2.render_template("export.html", request, {
        "user": session.user, "csrf": session.csrf_token, "error": error}, status=status)


@routes.get("/ui/export")
async def export_form(request: web.Request) -> web.StreamResponse:
    _exporter(request)
    return _form_page(request)


class BadExportForm(ValueError):
    """A field of the export form is not what was expected (the message names it)."""


def _date(form: Any, name: str) -> str | None:
    value = str(form.get(name) or "").strip()
    if not value:
        return None
    try:
        dt.datetime.strptime(value, DATE_FORMAT)
    except ValueError:
        raise BadExportForm(f"{name}: expected a date as YYYY-MM-DD") from None
    return value


def selection_of(form: Any, user: people.User, region: str) -> compliance.ExportSelection:
    """The form's filters, and the person's mailboxes (all of them for an admin)."""
    sender = str(form.get("sender") or "").strip()[:64]
    query = str(form.get("q") or "").strip()[:500]
    return compliance.ExportSelection(
        since=_date(form, "since"), until=_date(form, "until"),
        from_number=(normalize_number(sender, region) or sender) or None,
        query=query or None, include_spam=form.get("spam") == "1",
        mailboxes=None if user.sees_all_mailboxes else tuple(sorted(user.mailboxes)))


def _write(services: Services, selection: compliance.ExportSelection, out: Path, actor: str,
           with_tiff: bool) -> compliance.ExportDone:
    """Blocking: selection, bundle, anchoring and audit on this thread's own catalog."""
    key = signing.load_or_create(services.config.signing_key_path)
    catalog = open_catalog(services.config.catalog_location)
    try:
        mine = dataclasses.replace(services, catalog=catalog, pool=None, owns_pool=False)
        faxes = compliance.select_for_export(mine, selection)
        return compliance.export_bundle(mine, selection, faxes, out, actor, key,
                                        with_tiff=with_tiff, via="web")
    finally:
        catalog.close()


@routes.post("/ui/export")
async def export(request: web.Request) -> web.StreamResponse:
    user = _exporter(request)
    form = await request.post()
    services = request.app[SERVICES]
    try:
        selection = selection_of(form, user, services.config.numbers.default_region)
    except BadExportForm as exc:
        return _form_page(request, str(exc), 400)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    name = f"faxvault-export-{stamp}.zip"
    scratch = Path(await asyncio.to_thread(tempfile.mkdtemp, dir=services.spool.tmp))
    try:
        try:
            await asyncio.to_thread(_write, services, selection, scratch / name,
                                    f"web:{user.name}", form.get("tiff") == "1")
        except ArchiveError:
            raise web.HTTPServiceUnavailable(text="the archive cannot be read now; try "
                                                  "again later") from None
        except (signing.SigningKeyError, OSError) as exc:
            raise web.HTTPServiceUnavailable(
                text=f"the export could not be written: {type(exc).__name__}") from None
        return await _stream(request, scratch / name, name)
    finally:
        await asyncio.to_thread(shutil.rmtree, scratch, True)


async def _stream(request: web.Request, path: Path, name: str) -> web.StreamResponse:
    """The bundle in chunks (the hygiene headers and no-store are set as it is prepared,
    before the first chunk: ``ingest.web.security.hygiene_headers``)."""
    response = web.StreamResponse(headers={
        "Content-Type": "application/zip",
        "Content-Disposition": f'attachment; filename="{name}"'})
    response.content_length = os.path.getsize(path)
    await response.prepare(request)
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as stream:
        while chunk := await asyncio.to_thread(stream.read, CHUNK):
            await response.write(chunk)
    await response.write_eof()
    return response
