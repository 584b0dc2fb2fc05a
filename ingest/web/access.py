"""What a person may see and do, decided on the server for every route, download and search.

A fax outside the person's mailboxes is "not found" (404), never "forbidden": its existence is
not told. An action beyond the person's role is 403.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import asdict
from typing import Any

from aiohttp import web

from ingest.pipeline import Services
from ingest.web import files
from storage import audit, people
from storage.archive import ArchiveError
from storage.catalog import NotFound
from storage.search import HIT_CLOSE, HIT_OPEN, SearchFilters, search_pages
from storage.terms import index_terms

FAX_ID = re.compile(r"^[0-9A-Za-z]{1,64}$")
SEARCH_LIMIT = 50
# Hits are asked for beyond what is shown, since those in other people's mailboxes are
# dropped after the search (storage.search has no mailbox filter).


def require_role(user: people.User, minimum: str) -> None:
    if not people.role_at_least(user.role, minimum):
        raise web.HTTPForbidden(text=f"this needs the {minimum} role")


def visible_mailboxes(user: people.User) -> tuple[str, ...] | None:
    return None if user.sees_all_mailboxes else user.mailboxes


def visible_fax(services: Services, user: people.User, fax_id: str) -> dict[str, Any]:
    """The fax with exactly this id, if the person may see it; else 404."""
    if not FAX_ID.match(fax_id):
        raise web.HTTPNotFound(text="no such fax")
    try:
        fax = services.catalog.get_fax(fax_id)
    except NotFound:
        raise web.HTTPNotFound(text="no such fax") from None
    if fax["id"] != fax_id or not user.can_see(fax.get("mailbox")):
        raise web.HTTPNotFound(text="no such fax")
    return fax


def search_visible(services: Services, user: people.User, actor: str, query: str,
                   include_spam: bool, limit: int = SEARCH_LIMIT) -> list[dict[str, Any]]:
    """The same search as the CLI over the mailboxes the person may see (the catalog filters,
    so hits in other mailboxes never crowd theirs out); audited with exactly the hits shown."""
    mailboxes = None if user.sees_all_mailboxes else tuple(sorted(user.mailboxes))
    filters = SearchFilters(include_spam=include_spam, mailboxes=mailboxes)
    shown = search_pages(services.catalog, query, filters, limit)
    audit.record_search(services.catalog, actor, query,
                        {**asdict(filters), "limit": limit}, shown)
    return shown


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, is_hit) pieces, for the template to escape and mark."""
    parts = snippet.replace(HIT_CLOSE, HIT_OPEN).split(HIT_OPEN)
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]


def highlight_parts(text: str, query: str | None) -> list[tuple[str, bool]]:
    """A page's text as (text, is_hit) pieces: the words of the last search marked."""
    words = sorted(set(index_terms(query or "")), key=len, reverse=True)
    if not words:
        return [(text, False)]
    pattern = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        if match.start() > last:
            parts.append((text[last:match.start()], False))
        parts.append((match.group(), True))
        last = match.end()
    if last < len(text):
        parts.append((text[last:], False))
    return parts


async def file_response(services: Services, fax: dict[str, Any], fmt: str, actor: str,
                        via: str) -> web.Response:
    """One of the fax's files as a download, audited as a read by ``actor``."""
    if fmt not in files.FORMATS:
        raise web.HTTPNotFound(text="no such format")
    source = files.source_of(services, fax, services.catalog.archive_objects(fax["id"]), fmt)
    try:
        data = await asyncio.to_thread(files.read_file, services, source,
                                       services.config.limits.max_file_bytes)
    except files.FileMissing:
        raise web.HTTPNotFound(text=f"this fax has no {fmt} file yet") from None
    except ArchiveError:
        raise web.HTTPServiceUnavailable(text="the archive cannot be read now; try again "
                                              "later") from None
    audit.record(services.catalog, actor, "fax.retrieved", fax["id"],
                 {"format": fmt, "via": via})
    content_type, ext = files.FORMATS[fmt]
    ext = ext or (fax.get("original_ext") or "bin").strip(".")
    if not re.fullmatch(r"[A-Za-z0-9]{1,8}", ext):
        ext = "bin"
    return web.Response(body=data, content_type=content_type, headers={
        "Content-Disposition": f'attachment; filename="{fax["id"]}-{fmt}.{ext}"'})


async def page_response(services: Services, fax: dict[str, Any], page_no: int, actor: str,
                        via: str) -> web.Response:
    pages = {p["page_no"]: p for p in services.catalog.pages(fax["id"])}
    if page_no not in pages:
        raise web.HTTPNotFound(text="no such page")
    page = {k: v for k, v in pages[page_no].items() if k != "text"}
    source = files.source_of(services, fax, services.catalog.archive_objects(fax["id"]), "tiff")
    try:
        png = await asyncio.to_thread(files.page_png, services, source, page,
                                      services.config.limits.max_file_bytes)
    except files.FileMissing:
        raise web.HTTPNotFound(text="this fax has no page images yet") from None
    except ArchiveError:
        raise web.HTTPServiceUnavailable(text="the archive cannot be read now; try again "
                                              "later") from None
    audit.record(services.catalog, actor, "fax.page_viewed", fax["id"],
                 {"page": page_no, "via": via})
    return web.Response(body=png, content_type="image/png")
