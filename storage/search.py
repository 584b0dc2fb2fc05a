"""Full-text search over page text (SQLite FTS5, bm25 ranking)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from storage.catalog import Catalog

CONTROL = re.compile(r"[\x00-\x1f\x7f]")

# Snippets mark hits with these; callers render them (bold on a terminal, [..] in JSON).
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"


@dataclass(frozen=True)
class SearchFilters:
    since: str | None = None  # ISO date or datetime, inclusive
    until: str | None = None  # ISO date or datetime, exclusive
    from_number: str | None = None
    status: str | None = None
    include_spam: bool = False
    raw: bool = False  # the query is FTS5 syntax, passed through


def search_pages(catalog: Catalog, query: str, filters: SearchFilters = SearchFilters(),
                 limit: int = 20) -> list[dict[str, Any]]:
    """Ranked page hits: fax id, page number, snippet and the fax's headline fields."""
    # sqlite-utils' quote_fts makes every word (or "quoted phrase") a literal, neutralising
    # NOT/OR/NEAR/* and balancing a stray quote: nothing typed can be an FTS5 syntax error.
    # NUL and other control characters end an FTS5 string early ("unterminated string"):
    # they are never part of a word, so they become spaces first (found by property tests).
    match = query if filters.raw else catalog.db.quote_fts(CONTROL.sub(" ", query))
    if not match.strip():
        return []
    where = ["pages_fts MATCH :match"]
    params: dict[str, Any] = {"match": match, "limit": limit, "open": HIT_OPEN,
                              "close": HIT_CLOSE}
    if filters.since:
        where.append("f.received_at >= :since")
        params["since"] = filters.since
    if filters.until:
        where.append("f.received_at < :until")
        params["until"] = filters.until
    if filters.from_number:
        where.append("(f.from_number = :from OR f.from_raw = :from)")
        params["from"] = filters.from_number
    if filters.status:
        where.append("f.provider_status = :status")
        params["status"] = filters.status
    if not filters.include_spam:
        where.append("coalesce(f.spam_verdict, '') != 'spam'")
    sql = f"""
        SELECT p.fax_id, p.page_no, f.received_at, f.from_number, f.from_raw, f.provider,
               f.provider_status, f.state, f.pages, f.spam_verdict,
               snippet(pages_fts, 0, :open, :close, '…', 12) AS snippet,
               bm25(pages_fts) AS rank
        FROM pages_fts
        JOIN pages p ON p.id = pages_fts.rowid
        JOIN faxes f ON f.id = p.fax_id
        WHERE {" AND ".join(where)}
        ORDER BY rank LIMIT :limit
    """
    return [dict(r) for r in catalog.conn.execute(sql, params)]
