"""Full-text search over page text (SQLite FTS5, bm25 ranking), tolerant of OCR errors.

Fax text comes from OCR, and OCR gets some characters wrong: "I25.10" read as "125.10",
"R07.9" as "RO7.9", "authorizes" as "authonzes". A search that only matches what was typed
misses those pages. So after the exact matches, a search also looks for the words the index
actually holds that are close to each query word, and returns their pages after the exact
hits, marked ``"match": "fuzzy"``:

- look-alike characters are the same (O/0, I/l/1, S/5, B/8, Z/2: what fax OCR confuses most);
- a word with a digit in it (a code, an amount, a phone number) keeps its digits: "2290" and
  "2280" are different numbers; one of its letters may be misread or lost ("!25.10" for
  "I25.10", "11.9" for "E11.9"), and so may one of the short letter groups of a code whose
  digits anchor it ("X-4471-B" for "KX-4471-B");
- other words may differ by one edit from 5 letters, two from 8 and three from 10 (OCR of
  small print at 98 dpi garbles more than a typist: "assiqamrent" for "assignment");
  shorter words must match exactly;
- OCR loses spaces and separators: a word of 6 letters or more also matches a longer term
  that holds it ("hemoglobin" in "hemoglobinaic"), and a number typed in parts matches the
  parts run together ("1.42" and "142", "555-410-2290" and "5554102290").

The close words come from the terms the catalog has indexed (``search_terms``, kept as pages
are written), so the fuzzy query is an ordinary FTS5 query over real terms, ranked by bm25
like the exact one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from storage.catalog import Catalog
from storage.terms import fold_lookalikes, index_terms

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
    fuzzy: bool = True  # also return pages with close words (OCR errors), after exact hits


FUZZY_VARIANTS_PER_WORD = 8  # closest index terms kept per query word
FUZZY_PHRASES_PER_BIT = 32  # variant phrases per quoted phrase (a product of word variants)
MERGED_WORD_MIN_LETTERS = 6  # shorter words inside longer terms are too often other words
# Same split as sqlite-utils' quote_fts: words, and "quoted phrases" kept whole.
QUERY_BITS = re.compile(r'\s+|(".*?")')


def allowed_edits(term: str) -> int:
    """Edits allowed between a query word and an index term, after look-alike folding (for a
    word with digits, only edits that leave its digits as they are: see ``same_digits``)."""
    if any(ch.isdigit() for ch in term):
        return 1 if any(ch.isalpha() for ch in term) else 0
    return 0 if len(term) < 5 else 1 if len(term) < 8 else 2 if len(term) < 10 else 3


def same_digits(word: str, term: str) -> bool:
    """Whether ``term`` can be ``word`` with letters misread: the same after look-alike
    folding, or the same digits in the same order."""
    return fold_lookalikes(word) == fold_lookalikes(term) or \
        [c for c in word if c.isdigit()] == [c for c in term if c.isdigit()]


def search_pages(catalog: Catalog, query: str, filters: SearchFilters = SearchFilters(),
                 limit: int = 20) -> list[dict[str, Any]]:
    """Ranked page hits: fax id, page number, snippet, the fax's headline fields, and how the
    page matched ("exact", or "fuzzy" for pages found only through close words)."""
    # sqlite-utils' quote_fts makes every word (or "quoted phrase") a literal, neutralising
    # NOT/OR/NEAR/* and balancing a stray quote: nothing typed can be an FTS5 syntax error.
    # NUL and other control characters end an FTS5 string early ("unterminated string"):
    # they are never part of a word, so they become spaces first (found by property tests).
    query = query if filters.raw else CONTROL.sub(" ", query)
    match = query if filters.raw else catalog.db.quote_fts(query)
    if not match.strip():
        return []
    hits = [{**hit, "match": "exact"} for hit in _run_match(catalog, match, filters, limit)]
    if filters.raw or not filters.fuzzy or len(hits) >= limit:
        return hits
    fuzzy = fuzzy_match(catalog, query)
    if fuzzy is None:
        return hits
    seen = {(h["fax_id"], h["page_no"]) for h in hits}
    for hit in _run_match(catalog, fuzzy, filters, limit + len(hits)):
        if (hit["fax_id"], hit["page_no"]) not in seen and len(hits) < limit:
            hits.append({**hit, "match": "fuzzy"})
    return hits


def fuzzy_match(catalog: Catalog, query: str) -> str | None:
    """The FTS5 expression that matches ``query`` allowing OCR errors (see the module
    docstring): every word or quoted phrase becomes an OR of the index's close variants.
    None when no word has a variant in the index (the exact query said it all)."""
    bits = [b.strip('"') for b in QUERY_BITS.split(query + ('"' if query.count('"') % 2
                                                              else "")) if b and b != '""']
    phrases = [index_terms(bit) for bit in bits]
    phrases = [p for p in phrases if p]
    if not phrases:
        return None
    vocabulary = _Vocabulary(catalog)
    groups, varied = [], False
    for words in phrases:
        in_code = len(words) > 1 and any(ch.isdigit() for ch in "".join(words))
        variants = [vocabulary.close_to(word, in_code) for word in words]
        alternatives = list(itertools.islice(itertools.product(*variants),
                                             FUZZY_PHRASES_PER_BIT))
        joined = "".join(words)
        if len(words) > 1 and joined.isdigit() and joined in vocabulary:
            alternatives.append((joined,))
        varied = varied or len(alternatives) > 1
        groups.append("(" + " OR ".join(f'"{" ".join(p)}"' for p in alternatives) + ")")
    return " AND ".join(groups) if varied else None


class _Vocabulary:
    """The catalog's indexed terms with their folded forms, looked up per query word."""

    def __init__(self, catalog: Catalog) -> None:
        # Two strings instead of a row per term: building 100,000s of row objects was most
        # of a search's time. Terms hold no spaces (letters and digits only).
        terms, folded = catalog.conn.execute(
            "SELECT group_concat(term, ' '), group_concat(folded, ' ') FROM search_terms"
        ).fetchone()
        self._terms = (terms or "").split()
        self._folded = (folded or "").split()
        self._known = set(self._terms)

    def __contains__(self, term: str) -> bool:
        return term in self._known

    def close_to(self, word: str, in_code: bool = False) -> list[str]:
        """``word`` itself and up to FUZZY_VARIANTS_PER_WORD index terms close to it;
        ``in_code``: the word is part of a code whose digits anchor the match."""
        edits = max(allowed_edits(word), 1 if in_code else 0)
        folded = fold_lookalikes(word)
        # Ask for more than are kept: for a code, most terms one edit away change a digit.
        found = process.extract(folded, self._folded, scorer=Levenshtein.distance,
                                score_cutoff=edits, limit=FUZZY_VARIANTS_PER_WORD * 8)
        close = [self._terms[index] for _, _, index in sorted(found, key=lambda f: f[1])]
        if any(ch.isdigit() for ch in word):
            close = [term for term in close if same_digits(word, term)]
        close = close[:FUZZY_VARIANTS_PER_WORD]
        if len(word) >= MERGED_WORD_MIN_LETTERS and word.isalpha():
            merged = sorted((t for t in self._terms if word in t and t != word), key=len)
            close += merged[:FUZZY_VARIANTS_PER_WORD]
        return list(dict.fromkeys([word, *close]))


def _run_match(catalog: Catalog, match: str, filters: SearchFilters,
               limit: int) -> list[dict[str, Any]]:
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
