"""Full-text search on the PostgreSQL catalog: the same query expressions, vocabulary lookups
and filters as the SQLite index (storage/search.py), written for PostgreSQL.

Each page keeps its index terms (storage/terms.py's tokenizer, the one SQLite's FTS5 index
uses) in a tsvector whose positions are the terms' places in the page, so a phrase of index
terms is a tsquery of those terms joined by ``<->``. Lexemes go in and out of PostgreSQL as
quoted literals (``'term':3``, ``'term'``), never through its own parser, which splits and
normalises words differently. The text's terms and the added forms' terms are two runs with a
gap between them: a phrase does not run from one into the other, as it cannot across FTS5's
two columns. Rank is ts_rank (how often the query's terms occur, as bm25 weighs them; cover
density, ts_rank_cd, cost a query of many close words and code pieces several times more),
negated so that, as with bm25, lower is better; snippets are cut from the page text around
the terms the query names.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from storage.pg.tsvector import lexeme as _lexeme
from storage.search import (
    HIT_CLOSE,
    HIT_OPEN,
    AllOf,
    AnyOf,
    Expr,
    Phrase,
    SearchFilters,
    any_of,
    query_bits,
)
from storage.terms import TERM, index_terms

SNIPPET_TERMS = 12  # as FTS5's snippet(..., 12): terms shown around the hits
ELLIPSIS = "…"


def to_tsquery(expr: Expr) -> str | None:
    """``expr`` as tsquery text; None when it can match nothing (a phrase with no word, as
    FTS5's empty phrase)."""
    if isinstance(expr, Phrase):
        terms = index_terms(expr.text)
        return "(" + " <-> ".join(map(_lexeme, terms)) + ")" if terms else None
    if isinstance(expr, AnyOf):
        options = [q for q in map(to_tsquery, expr.options) if q is not None]
        return "(" + " | ".join(options) + ")" if options else None
    parts = [to_tsquery(part) for part in expr.parts]
    return None if None in parts or not parts else "(" + " & ".join(parts) + ")"  # type: ignore


def literal_words(words: str) -> str | None:
    """``words`` taken literally (each word, or "quoted phrase", must be on the page), as
    tsquery text, as sqlite-utils' quote_fts reads them for SQLite."""
    bits = query_bits(words)
    return to_tsquery(AllOf(tuple(Phrase(bit.text) for bit in bits))) if bits else None


def narrowed(expr: Expr, common: frozenset[str]) -> Expr | None:
    """``expr`` without the options that match only through ``common`` terms (a phrase is as
    rare as its rarest term), or None when every way it matches goes through them: the pages
    it matches are some of ``expr``'s, those found through a rarer word."""
    if isinstance(expr, Phrase):
        terms = index_terms(expr.text)
        return None if terms and all(term in common for term in terms) else expr
    if isinstance(expr, AnyOf):
        options = [o for o in (narrowed(option, common) for option in expr.options)
                   if o is not None]
        return any_of(options) if options else None
    # All of the parts: narrowed where a part can be, the others whole.
    parts = [narrowed(part, common) for part in expr.parts]
    if all(part is None for part in parts):
        return None
    return AllOf(tuple(whole if part is None else part
                       for part, whole in zip(parts, expr.parts, strict=True)))


def query_terms(expr: Expr) -> set[str]:
    if isinstance(expr, Phrase):
        return set(index_terms(expr.text))
    return set().union(*map(query_terms, expr.options if isinstance(expr, AnyOf)
                            else expr.parts))


TERM_CACHE = 1 << 16  # tokens kept with their index term (pages share most of their words)
_term_of: dict[str, str] = {}


def _as_term(token: str) -> str:
    """A token of TERM as the index has it: lower case, diacritics removed (plain ASCII, the
    most of a page, needs only the first)."""
    term = _term_of.get(token)
    if term is None:
        if len(_term_of) >= TERM_CACHE:
            _term_of.clear()
        term = _term_of[token] = token.lower() if token.isascii() else \
            "".join(index_terms(token))
    return term


def snippet(text: str, hit_terms: set[str]) -> str:
    """Up to SNIPPET_TERMS terms of ``text`` around the most query terms, hits marked with
    HIT_OPEN/HIT_CLOSE and cuts with an ellipsis (the shape of FTS5's snippet()). The page
    is read as strings first and only the window shown as matches with their places (a
    snippet is built for every hit shown: this is most of a PostgreSQL search's Python)."""
    tokens = TERM.findall(text)
    if not tokens:
        return ""
    # A dict lookup per token, the call only for tokens not seen yet: a page has hundreds.
    cached = _term_of.get
    hit = [(cached(token) or _as_term(token)) in hit_terms for token in tokens]
    width = min(SNIPPET_TERMS, len(tokens))
    # The first window of ``width`` tokens with the most hits, by a running count.
    first = 0
    best = count = sum(hit[:width])
    if any(hit):
        for i in range(1, len(tokens) - width + 1):
            count += hit[i + width - 1] - hit[i - 1]
            if count > best:
                first, best = i, count
    shown = list(itertools.islice(TERM.finditer(text), first, first + width))
    out, at = [], shown[0].start()
    for match, is_hit in zip(shown, hit[first:first + width], strict=True):
        out.append(text[at:match.start()])
        out.append(HIT_OPEN + match.group() + HIT_CLOSE if is_hit else match.group())
        at = match.end()
    last = first + width == len(tokens)
    if last:
        out.append(text[at:])
    return ("" if first == 0 else ELLIPSIS) + "".join(out) + ("" if last else ELLIPSIS)


def filter_clauses(filters: SearchFilters) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    if filters.since:
        where.append("f.received_at >= %(since)s")
        params["since"] = filters.since
    if filters.until:
        where.append("f.received_at < %(until)s")
        params["until"] = filters.until
    if filters.from_number:
        where.append("(f.from_number = %(from)s OR f.from_raw = %(from)s)")
        params["from"] = filters.from_number
    if filters.status:
        where.append("f.provider_status = %(status)s")
        params["status"] = filters.status
    if not filters.include_spam:
        where.append("coalesce(f.spam_verdict, '') != 'spam'")
    if filters.mailboxes is not None:
        where.append("f.mailbox = ANY(%(mailboxes)s)")
        params["mailboxes"] = list(filters.mailboxes)
    return where, params


# Ranking a page reads its whole tsvector (out of line, compressed: ~8 us a page), where
# FTS5 ranks from its own posting lists; a close word that is a common word ("cena" for a
# misread "Cdena": 27,000 of a million pages) made a search rank every one of them (about a
# second). So a search ranks at most ``ranked`` pages, the newest that match and pass the
# filters: the matching pages come from the GIN index with their ids (no tsvector read),
# newest first, each one's fax is looked up in that order only until ``ranked`` pass the
# filters, and only those are ranked. Matching up to ``ranked`` pages, every one is ranked,
# as before. The fax columns and text are read for the ``limit`` shown. MATERIALIZED and
# OFFSET 0 fence off each step: written as one join, the planner misjudged how many pages a
# tsquery matches and hashed every fax, or read every page in rank order.
HITS_SQL = """
    WITH newest AS MATERIALIZED (
        SELECT m.id, m.fax_id, m.page_no
        FROM (SELECT p.id, p.fax_id, p.page_no FROM pages p
              WHERE p.search @@ CAST(%(query)s AS tsquery) ORDER BY p.id DESC OFFSET 0) m
        CROSS JOIN LATERAL (SELECT * FROM faxes WHERE faxes.id = m.fax_id OFFSET 0) f
        WHERE {where}
        LIMIT %(ranked)s),
    ranked AS MATERIALIZED (
        SELECT n.id, n.fax_id, n.page_no,
               -ts_rank(p.search, CAST(%(query)s AS tsquery)) AS rank
        FROM newest n JOIN pages p ON p.id = n.id)
    SELECT m.fax_id, m.page_no, f.received_at, f.from_number, f.from_raw, f.provider,
           f.provider_status, f.state, f.pages, f.spam_verdict, m.rank,
           (SELECT text FROM pages WHERE pages.id = m.id) AS text
    FROM (SELECT * FROM ranked ORDER BY rank, id LIMIT %(limit)s) m
    CROSS JOIN LATERAL (SELECT * FROM faxes WHERE faxes.id = m.fax_id OFFSET 0) f
    ORDER BY m.rank, m.id
"""

# Ranges over terms and keys compare code points, as SQLite does ("C" collation indexes).
TERMS_BETWEEN_SQL = """
    SELECT term FROM search_terms
    WHERE term COLLATE "C" {low_op} %s AND term COLLATE "C" < %s
    ORDER BY term COLLATE "C" LIMIT %s
"""
KEYED_TERMS_BETWEEN_SQL = """
    SELECT term FROM search_term_keys
    WHERE key {low_op} %s AND key < %s ORDER BY key, term LIMIT %s
"""


class PostgresSearchIndex:
    """What storage/search.py asks of the index, on a PostgresCatalog."""

    def __init__(self, catalog: Any) -> None:
        self._catalog = catalog

    def known(self, terms: Iterable[str]) -> set[str]:
        return {r["term"] for r in self._catalog._rows(
            "SELECT term FROM search_terms WHERE term = ANY(%s)", (sorted(set(terms)),))}

    def terms_with_keys(self, keys: Iterable[str], folded: Iterable[str] = ()) -> list[str]:
        # One string, not a row per term: a word has up to a few thousand candidates, and
        # building a row each is most of reading them (a term has no space in it).
        [row] = self._catalog._rows(
            "SELECT string_agg(term, ' ') AS terms FROM ("
            "SELECT term FROM search_term_keys WHERE key = ANY(%s) "
            "UNION SELECT term FROM search_terms WHERE folded = ANY(%s)) candidates",
            (sorted(set(keys)), sorted(set(folded))))
        return row["terms"].split(" ") if row["terms"] else []

    def terms_between(self, low: str, high: str, limit: int, *, inclusive: bool) -> list[str]:
        return [r["term"] for r in self._catalog._rows(
            TERMS_BETWEEN_SQL.format(low_op=">=" if inclusive else ">"), (low, high, limit))]

    def keyed_terms_between(self, low: str, high: str, limit: int, *,
                            inclusive: bool) -> list[str]:
        return [r["term"] for r in self._catalog._rows(
            KEYED_TERMS_BETWEEN_SQL.format(low_op=">=" if inclusive else ">"),
            (low, high, limit))]

    def terms_extending(self, starting: tuple[str, str], ending: tuple[str, str],
                        limit: int) -> list[str]:
        return [r["term"] for r in self._catalog._rows(
            "(" + TERMS_BETWEEN_SQL.format(low_op=">") + ") UNION ALL ("
            + KEYED_TERMS_BETWEEN_SQL.format(low_op=">") + ")", (*starting, limit, *ending, limit))]

    @contextlib.contextmanager
    def session(self) -> Iterator[Any]:
        with self._catalog.transaction() as conn:
            # A tsquery of many close words is estimated to match tens of thousands of pages
            # where it matches hundreds: enough to compile the query (JIT), 300-400 ms of a
            # search that runs in 80, or to start parallel workers for a few hundred pages.
            conn.execute("SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0")
            yield conn

    def hits(self, expr: Expr, filters: SearchFilters, limit: int,
             skip: frozenset[tuple[str, int]] = frozenset()) -> list[dict[str, Any]]:
        # A close word that is one of the archive's most common words ("cena" beside a
        # misread "Cdena") would fill the ranked pages alone and cost reading every page it is
        # on: the pages found through rarer words come first, as bm25's weights would put
        # them, and the common words' pages only fill what is left.
        common = self._catalog.common_search_terms(self._catalog.search_ranked_pages)
        rarer = narrowed(expr, common) if common else expr
        if rarer is None or rarer == expr:
            return self._hits(expr, filters, limit, skip)
        first = self._hits(rarer, filters, limit, skip)
        if len(first) >= limit:
            return first
        shown = skip | {(hit["fax_id"], hit["page_no"]) for hit in first}
        return first + self._hits(expr, filters, limit - len(first), shown)

    def _hits(self, expr: Expr, filters: SearchFilters, limit: int,
              skip: frozenset[tuple[str, int]]) -> list[dict[str, Any]]:
        query = to_tsquery(expr)
        if query is None:
            return []
        where, params = filter_clauses(filters)
        rows = self._catalog._rows(HITS_SQL.format(where=" AND ".join(where) or "true"),
                                   {**params, "query": query, "limit": limit + len(skip),
                                    "ranked": max(self._catalog.search_ranked_pages,
                                                  limit + len(skip))})
        kept = [row for row in rows if (row["fax_id"], row["page_no"]) not in skip][:limit]
        marked = query_terms(expr)
        return [{**{k: v for k, v in row.items() if k != "text"},
                 "snippet": snippet(row["text"], marked)} for row in kept]
