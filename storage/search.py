"""Full-text search over page text (SQLite FTS5, bm25 ranking), tolerant of OCR errors.

**Codes and numbers are found as typed.** A word with a digit in it or with punctuation inside
(a part number, an NDC, a date, an id) matches the same letters and digits in the page however
they are split there: "BRG-6204-2RS" finds "BRG6204-2RS" and "BRG 6204 2RS", "60505258009"
finds "60505-2580-09", "1.42" finds "142", "HemoglobinA1c" finds "Hemoglobin A1c" and back. The
page may drop a separator the query has, or split where letters meet digits or between two
digits ("AUTH-55813" finds "AUTH=558 13"); where the query has no separator at all, the page
may split anywhere. OCR also runs a label into the value
after it: where letters meet digits, the word before or after may be joined to the code
("Exp12/31/2026" holds 12/31/2026; "512/31/2026" does not). A phone number matches the same number
written any other way: "(503) 555-0116" finds "503.555.0116", "+1 503 555 0116" and
"5035550116". These are exact matches: the characters are the ones typed.

**Close matches.** Fax text comes from OCR, and OCR gets some characters wrong: "I25.10" read
as "125.10", "R07.9" as "RO7.9", "authorizes" as "authonzes". So after the exact matches, a
search also looks for the words the index holds that are close to each query word, and
returns their pages after the exact hits, marked ``"match": "fuzzy"``:

- look-alike characters are the same (O/0, I/l/1, S/5, B/8, Z/2: what fax OCR confuses most);
- a word with a digit in it (a code, an amount, a phone number) keeps its digits: "2290" and
  "2280" are different numbers; one of its letters may be misread or lost ("!25.10" for
  "I25.10", "11.9" for "E11.9"), and so may one of the short letter groups of a code whose
  digits anchor it ("X-4471-B" for "KX-4471-B");
- other words may differ by one edit from 5 letters and two from 8; shorter words must match
  exactly;
- OCR loses spaces: a word of 6 letters or more also matches a longer term that starts or
  ends with it ("hemoglobin" in "hemoglobinaic").

The close words come from the terms the catalog has indexed (``search_terms``), found through
the close-word index (``search_term_keys``, see storage/terms.py) rather than by reading every
term, so the fuzzy query is an ordinary FTS5 query over real terms, ranked by bm25 like the
exact one.

A query is first turned into a small expression (:class:`AllOf` and :class:`AnyOf` of
phrases of index terms) that says what matches; :func:`to_fts5` writes it in FTS5's syntax.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import phonenumbers
from rapidfuzz.distance import Levenshtein

from storage.backend import FeatureUnavailable
from storage.catalog import Catalog
from storage.spellings import Cuts, KnownTerms, code_cuts, letters_meet_digits, spellings
from storage.terms import SUFFIX_KEY, close_lookup, fold_lookalikes, index_terms, key_range

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
    phone_region: str = "US"  # how a phone number typed without a country code is read
    # Only faxes in these mailboxes (None: every fax). A person's search passes their grants,
    # so the limit counts only pages they may see.
    mailboxes: tuple[str, ...] | None = None


FUZZY_VARIANTS_PER_WORD = 8  # closest index terms kept per query word
FUZZY_PHRASES_PER_BIT = 32  # variant phrases per quoted phrase (a product of word variants)
MERGED_WORD_MIN_LETTERS = 6  # shorter words inside longer terms are too often other words
MERGED_TERMS_READ = 256  # terms starting (or ending) with a word read before the shortest kept
GLUED_TERMS_PER_PIECE = 8  # terms a code's first or last piece is found run into
JOINED_WORDS_MAX = 4  # neighbouring words tried run together in the page
PHONE_MIN_DIGITS = 10  # shorter digit runs are ids and amounts more often than phone numbers
# Same split as sqlite-utils' quote_fts: words, and "quoted phrases" kept whole.
QUERY_BITS = re.compile(r'"[^"]*"|[^\s"]+')


# -- the query as an expression ---------------------------------------------------------------
@dataclass(frozen=True)
class Phrase:
    """Words in a row. ``text`` is either index terms joined by spaces or a word as typed
    (FTS5 splits it into terms itself)."""

    text: str


@dataclass(frozen=True)
class AnyOf:
    options: tuple[Expr, ...]


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Expr, ...]


Expr = Phrase | AnyOf | AllOf


def any_of(options: Iterable[Expr]) -> Expr:
    unique = tuple(dict.fromkeys(options))
    return unique[0] if len(unique) == 1 else AnyOf(unique)


def to_fts5(expr: Expr) -> str:
    """``expr`` as an FTS5 query. Phrases are quoted, so nothing typed is FTS5 syntax."""
    if isinstance(expr, Phrase):
        return '"' + expr.text.replace('"', "") + '"'
    if isinstance(expr, AnyOf):
        return "(" + " OR ".join(to_fts5(option) for option in expr.options) + ")"
    return "(" + " AND ".join(to_fts5(part) for part in expr.parts) + ")"


# -- the index's vocabulary ---------------------------------------------------------------------
class Vocabulary(KnownTerms, Protocol):
    """The terms the index holds, as a search asks about them: what a code's spellings ask
    (``known``, and up to GLUED_TERMS_PER_PIECE ``glued`` terms), and close words."""

    def close_to(self, word: str, edits: int) -> list[str]:
        """Index terms within ``edits`` of ``word`` after look-alike folding, closest first."""

    def extending(self, word: str) -> list[str]:
        """Index terms that start or end with ``word`` (and are longer), shortest first."""


class SearchIndex(Protocol):
    """What a search asks of the catalog's index; each backend answers in its own SQL
    (SQLite: :class:`SqliteSearchIndex`; PostgreSQL: storage.pg.search). Ranges compare code
    points and read in order."""

    def known(self, terms: Iterable[str]) -> set[str]:
        """Those of ``terms`` in ``search_terms``."""

    def terms_with_keys(self, keys: Iterable[str], folded: Iterable[str] = ()) -> list[str]:
        """The terms filed under any of ``keys`` in ``search_term_keys``, and those of
        ``search_terms`` whose folded form is one of ``folded``, each once (one read)."""

    def terms_between(self, low: str, high: str, limit: int, *, inclusive: bool) -> list[str]:
        """Up to ``limit`` terms of ``search_terms`` after ``low`` (or from it, ``inclusive``)
        and before ``high``, in order."""

    def keyed_terms_between(self, low: str, high: str, limit: int, *,
                            inclusive: bool) -> list[str]:
        """The same over the keys of ``search_term_keys``: the terms of up to ``limit`` keys."""

    def terms_extending(self, starting: tuple[str, str], ending: tuple[str, str],
                        limit: int) -> list[str]:
        """``terms_between(*starting, limit)`` and ``keyed_terms_between(*ending, limit)``
        (neither inclusive), in one read."""

    def hits(self, expr: Expr, filters: SearchFilters, limit: int,
             skip: frozenset[tuple[str, int]] = frozenset()) -> list[dict[str, Any]]:
        """Up to ``limit`` pages matching ``expr`` and ``filters``, best first, with snippet
        and rank; none of ``skip`` (fax id, page number: pages already shown)."""

    def session(self) -> contextlib.AbstractContextManager[Any]:
        """Around one search's reads: on PostgreSQL one transaction on one connection (a
        search reads the index a dozen times; each read on a connection of its own would add
        a checkout, BEGIN and COMMIT)."""


class SqliteSearchIndex:
    """The SQLite catalog's FTS5 index (``pages_fts``) and term tables."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._conn = catalog.conn

    def known(self, terms: Iterable[str]) -> set[str]:
        return {row[0] for row in self._conn.execute(
            "SELECT term FROM search_terms WHERE term IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(terms))),))}

    def terms_with_keys(self, keys: Iterable[str], folded: Iterable[str] = ()) -> list[str]:
        return [row[0] for row in self._conn.execute(
            "SELECT term FROM search_term_keys WHERE key IN (SELECT value FROM json_each(?)) "
            "UNION SELECT term FROM search_terms WHERE folded IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(set(keys))), json.dumps(sorted(set(folded)))))]

    def terms_between(self, low: str, high: str, limit: int, *, inclusive: bool) -> list[str]:
        return [row[0] for row in self._conn.execute(
            f"SELECT term FROM search_terms WHERE term {'>=' if inclusive else '>'} ? "
            "AND term < ? LIMIT ?", (low, high, limit))]

    def keyed_terms_between(self, low: str, high: str, limit: int, *,
                            inclusive: bool) -> list[str]:
        return [row[0] for row in self._conn.execute(
            f"SELECT term FROM search_term_keys WHERE key {'>=' if inclusive else '>'} ? "
            "AND key < ? LIMIT ?", (low, high, limit))]

    def terms_extending(self, starting: tuple[str, str], ending: tuple[str, str],
                        limit: int) -> list[str]:
        return [row[0] for row in self._conn.execute(
            "SELECT term FROM (SELECT term FROM search_terms WHERE term > ? AND term < ? "
            "LIMIT ?) UNION ALL SELECT term FROM (SELECT term FROM search_term_keys "
            "WHERE key > ? AND key < ? LIMIT ?)", (*starting, limit, *ending, limit))]

    def hits(self, expr: Expr, filters: SearchFilters, limit: int,
             skip: frozenset[tuple[str, int]] = frozenset()) -> list[dict[str, Any]]:
        rows = _run_match(self._catalog, to_fts5(expr), filters, limit + len(skip))
        return [row for row in rows if (row["fax_id"], row["page_no"]) not in skip][:limit]

    def session(self) -> contextlib.AbstractContextManager[Any]:
        return contextlib.nullcontext()  # each read is a statement on the one connection


def search_index(catalog: Any) -> SearchIndex:
    """The index of ``catalog``, whichever backend it is on."""
    if getattr(catalog, "backend", "sqlite") == "postgresql":
        from storage.pg.search import PostgresSearchIndex  # imports this module

        return PostgresSearchIndex(catalog)
    return SqliteSearchIndex(catalog)


class IndexedVocabulary:
    """The catalog's terms (``search_terms``), reached through the close-word index."""

    def __init__(self, catalog: Any) -> None:
        self._index = search_index(catalog)

    def known(self, terms: Iterable[str]) -> set[str]:
        return self._index.known(terms)

    def close_to(self, word: str, edits: int) -> list[str]:
        if edits <= 0:
            return []
        where = close_lookup(word, edits)
        candidates = set(self._index.terms_with_keys(where.keys, where.folded))
        folded = fold_lookalikes(word)
        scored = [(Levenshtein.distance(folded, fold_lookalikes(term), score_cutoff=edits),
                   term) for term in candidates]
        return [term for distance, term in sorted(scored) if distance <= edits]

    def extending(self, word: str) -> list[str]:
        read = self._index.terms_extending(key_range(word), key_range(SUFFIX_KEY + word[::-1]),
                                           MERGED_TERMS_READ)
        return sorted(set(read) - {word}, key=lambda t: (len(t), t))

    def glued(self, piece: str, before: bool) -> list[str]:
        # Digits sort before ":" and letters after it: the range holds only the other kind.
        edge = piece[0] if before else piece[-1]
        stem = SUFFIX_KEY + piece[::-1] if before else piece
        low, high = (stem + ":", stem + "\U0010ffff") if edge.isdigit() else \
            (stem + "0", stem + ":")
        read = self._index.keyed_terms_between if before else self._index.terms_between
        return read(low, high, GLUED_TERMS_PER_PIECE, inclusive=True)


# -- reading a query ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Bit:
    """One word or "quoted phrase" of a query, as typed."""

    text: str
    quoted: bool
    start: int
    end: int

    @property
    def terms(self) -> list[str]:
        return index_terms(self.text)

    @property
    def is_code(self) -> bool:
        """A word with a digit or with punctuation inside: its letters and digits matter, not
        how they are split."""
        terms = self.terms
        return not self.quoted and (len(terms) > 1 or any(ch.isdigit() for ch in self.text))


def query_bits(query: str) -> list[Bit]:
    if query.count('"') % 2:
        query += '"'
    return [Bit(m.group().strip('"'), m.group().startswith('"'), m.start(), m.end())
            for m in QUERY_BITS.finditer(query) if m.group() != '""']


@dataclass(frozen=True)
class Phone:
    """A phone number in a query: the digit strings it is written with (national, with the
    country code, as dialled at home) and the query characters it covers."""

    digits: tuple[str, ...]
    start: int
    end: int


def phones_in(query: str, region: str) -> list[Phone]:
    found = []
    for match in phonenumbers.PhoneNumberMatcher(query, region,
                                                 leniency=phonenumbers.Leniency.POSSIBLE):
        number = match.number
        national = phonenumbers.national_significant_number(number)
        if len(re.sub(r"\D", "", match.raw_string)) < PHONE_MIN_DIGITS:
            continue
        at_home = re.sub(r"\D", "", phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.NATIONAL))
        found.append(Phone(tuple(dict.fromkeys(
            [national, f"{number.country_code}{national}", at_home])), match.start, match.end))
    return found


# -- the exact and the close query ----------------------------------------------------------
@dataclass(frozen=True)
class Unit:
    """What one part of the query must match: a word, a phrase, a code or a phone number
    (``parts`` is empty), or two neighbouring words the page may have run together (``parts``
    holds each one's exact match, ``exact`` adds the joined spellings)."""

    exact: Expr
    bits: tuple[Bit, ...]
    parts: tuple[Expr, ...] = ()
    phone: bool = False


def exact_bit(bit: Bit, vocabulary: Vocabulary) -> Expr:
    typed = Phrase(bit.text)
    if not bit.is_code:
        return typed
    chars, cuts = code_cuts(bit.terms)
    return any_of([typed, *(Phrase(" ".join(s)) for s in spellings(chars, cuts, vocabulary))])


def phone_unit(bits: list[Bit], phones: list[Phone], vocabulary: Vocabulary) -> Unit | None:
    """The phone number that starts at ``bits[0]`` and ends with one of the following bits,
    if there is one: it matches what was typed, or its digits however the page splits them."""
    phone = next((p for p in phones if p.start == bits[0].start), None)
    if phone is None:
        return None
    covered = [b for b in bits if b.start < phone.end]
    if covered[-1].end != phone.end or any(b.quoted for b in covered):
        return None
    # As typed, its parts in a row: "(503) 555-0116" is not 555-0116 next to a 503 elsewhere.
    typed = Phrase(" ".join(term for b in covered for term in b.terms))
    written = [Phrase(" ".join(s)) for digits in phone.digits
               for s in spellings(digits, Cuts.anywhere(digits), vocabulary)]
    return Unit(any_of([typed, *written]), tuple(covered), phone=True)


def read_query(query: str, vocabulary: Vocabulary, region: str) -> list[Unit]:
    """The units a query's pages must all match."""
    bits = [bit for bit in query_bits(query) if bit.terms or bit.quoted]
    phones = phones_in(query, region)
    units: list[Unit] = []
    i = 0
    while i < len(bits):
        unit = phone_unit(bits[i:], phones, vocabulary) or \
            Unit(exact_bit(bits[i], vocabulary), (bits[i],))
        units.append(unit)
        i += len(unit.bits)
    return join_neighbours(units, vocabulary)


def _chars_and_cuts(bit: Bit) -> tuple[str, Cuts]:
    return code_cuts(bit.terms) if bit.is_code else ("".join(bit.terms), Cuts({}))


def _joinable(unit: Unit) -> bool:
    return len(unit.bits) == 1 and not unit.phone and not unit.bits[0].quoted


def join_neighbours(units: list[Unit], vocabulary: Vocabulary) -> list[Unit]:
    """Next to a code, a word the page ran into it ("Hemoglobin A1c" as "HemoglobinA1c") is
    the same characters: neighbours of which one of each two is a code (up to
    JOINED_WORDS_MAX of them) also match their joined spellings."""
    joined: list[Unit] = []
    i = 0
    while i < len(units):
        run = [units[i]]
        while len(run) < JOINED_WORDS_MAX and i + len(run) < len(units) and \
                _joinable(run[-1]) and _joinable(units[i + len(run)]) and \
                (run[-1].bits[0].is_code or units[i + len(run)].bits[0].is_code):
            run.append(units[i + len(run)])
        ways = []
        if len(run) > 1:
            chars, cuts = "", Cuts({})
            for unit in run:
                more, more_cuts = _chars_and_cuts(unit.bits[0])
                if chars:  # the space typed between them
                    cuts |= Cuts({len(chars): 0}, frozenset({len(chars)}))
                cuts |= more_cuts.shifted(len(chars))
                chars += more
            cuts |= Cuts(dict.fromkeys(letters_meet_digits(chars), 0))
            parts = tuple(unit.exact for unit in run)
            ways = [Phrase(" ".join(s)) for s in spellings(chars, cuts, vocabulary)]
        if ways:
            joined.append(Unit(AnyOf((AllOf(parts), *ways)),
                               tuple(b for unit in run for b in unit.bits), parts))
            i += len(run)
        else:
            joined.append(units[i])
            i += 1
    return joined


def allowed_edits(term: str) -> int:
    """Edits allowed between a query word and an index term, after look-alike folding (for a
    word with digits, only edits that leave its digits as they are: see ``same_digits``)."""
    if any(ch.isdigit() for ch in term):
        return 1 if any(ch.isalpha() for ch in term) else 0
    return 0 if len(term) < 5 else 1 if len(term) < 8 else 2


# Letters and digits OCR reads for each other in codes beyond the look-alikes every search
# folds (storage/terms.py LOOKALIKE_PAIRS): each seen in two codes or more on the
# development pages (benchmarks/RESULTS.md, 2026-12-06): "W4-Q4-02" read "W4-94-02",
# "3SABC4418827130" "38ABC4418827130", "60201" "602U1", "A4" "Ad", "1HGCV1F34LA062815"
# "THGCV1F34LA062815". Only in a word of letters and digits, and only ever a letter for a
# digit: two digits are never the same, and a number keeps every digit.
CODE_LOOKALIKES = frozenset(frozenset(pair) for pair in (
    ("q", "9"), ("s", "8"), ("u", "0"), ("d", "4"), ("t", "1")))
CODE_LOOKALIKE_MIN_CHARS = 5  # shorter words only inside a code of several parts ("q4")


def same_digits(word: str, term: str, in_code: bool = False) -> bool:
    """Whether ``term`` can be ``word`` with letters misread: the same after look-alike
    folding, the same digits in the same order, or, for a word of letters and digits (in a
    code: ``in_code``, or of CODE_LOOKALIKE_MIN_CHARS or more), one letter read as the
    digit it looks like or one digit as such a letter. A number keeps every digit."""
    if fold_lookalikes(word) == fold_lookalikes(term) or \
            [c for c in word if c.isdigit()] == [c for c in term if c.isdigit()]:
        return True
    return (in_code or len(word) >= CODE_LOOKALIKE_MIN_CHARS) and \
        any(c.isalpha() for c in word) and one_letter_for_a_digit(word, term)


def one_letter_for_a_digit(word: str, term: str) -> bool:
    """Whether ``term`` is ``word`` with one character read as its CODE_LOOKALIKES other."""
    if len(word) != len(term):
        return False
    differ = [i for i, (a, b) in enumerate(zip(fold_lookalikes(word), fold_lookalikes(term),
                                               strict=True)) if a != b]
    return len(differ) == 1 and frozenset((word[differ[0]], term[differ[0]])) in CODE_LOOKALIKES


def close_words(word: str, vocabulary: Vocabulary, in_code: bool = False) -> list[str]:
    """``word`` itself and up to FUZZY_VARIANTS_PER_WORD index terms close to it;
    ``in_code``: the word is part of a code whose digits anchor the match."""
    edits = max(allowed_edits(word), 1 if in_code else 0)
    close = vocabulary.close_to(word, edits)
    if any(ch.isdigit() for ch in word):
        close = [term for term in close if same_digits(word, term, in_code)]
    close = close[:FUZZY_VARIANTS_PER_WORD]
    if len(word) >= MERGED_WORD_MIN_LETTERS and word.isalpha():
        close += vocabulary.extending(word)[:FUZZY_VARIANTS_PER_WORD]
    return list(dict.fromkeys([word, *close]))


def close_bit(bit: Bit, vocabulary: Vocabulary) -> list[Expr]:
    """Phrases of index terms close to ``bit`` (a product of each word's close words)."""
    words = bit.terms
    in_code = len(words) > 1 and any(ch.isdigit() for ch in "".join(words))
    variants = [close_words(word, vocabulary, in_code) for word in words]
    return [Phrase(" ".join(p))
            for p in itertools.islice(itertools.product(*variants), FUZZY_PHRASES_PER_BIT)]


def close_unit(unit: Unit, vocabulary: Vocabulary) -> Expr:
    """What ``unit`` matches with OCR-close words: its exact matches, and close variants of
    its words (a phone number keeps every digit: it has none)."""
    if unit.phone:
        return unit.exact
    if unit.parts:  # two neighbours: each close on its own, or run together
        apart = AllOf(tuple(_or_close(part, bit, vocabulary)
                            for part, bit in zip(unit.parts, unit.bits, strict=True)))
        assert isinstance(unit.exact, AnyOf)
        return any_of([apart, *unit.exact.options[1:]])
    return _or_close(unit.exact, unit.bits[0], vocabulary)


def _or_close(exact: Expr, bit: Bit, vocabulary: Vocabulary) -> Expr:
    options = exact.options if isinstance(exact, AnyOf) else (exact,)
    return any_of([*options, *close_bit(bit, vocabulary)])


@dataclass(frozen=True)
class Query:
    exact: Expr  # the exact matches
    close: Expr | None  # the exact and the close matches; None: none closer


def build_query(query: str, vocabulary: Vocabulary, region: str = "US",
                fuzzy: bool = True) -> Query | None:
    """The exact and the close query for ``query``; None when it holds no word at all."""
    units = read_query(query, vocabulary, region)
    if not units:
        return None
    exact = AllOf(tuple(unit.exact for unit in units))
    if not fuzzy:
        return Query(exact, None)
    close = AllOf(tuple(close_unit(unit, vocabulary) for unit in units))
    return Query(exact, close if close != exact else None)


def fuzzy_match(catalog: Any, query: str) -> str | None:
    """The FTS5 expression that matches ``query`` allowing OCR errors (see the module
    docstring). None when no word has a variant in the index (the exact query said it all)."""
    built = build_query(query, IndexedVocabulary(catalog))
    return to_fts5(built.close) if built and built.close else None


def search_pages(catalog: Any, query: str, filters: SearchFilters = SearchFilters(),
                 limit: int = 20, vocabulary: Vocabulary | None = None) -> list[dict[str, Any]]:
    """Ranked page hits: fax id, page number, snippet, the fax's headline fields, and how the
    page matched ("exact", or "fuzzy" for pages found only through close words).
    ``vocabulary``: where close words come from (default: the catalog's close-word index)."""
    if filters.raw:
        if getattr(catalog, "backend", "sqlite") != "sqlite":
            raise FeatureUnavailable("a raw query is FTS5 syntax: the SQLite catalog's only")
        return [{**hit, "match": "exact"} for hit in _run_match(catalog, query, filters, limit)]
    index = search_index(catalog)
    # Every word (or "quoted phrase") becomes a quoted literal, neutralising NOT/OR/NEAR/* and
    # balancing a stray quote: nothing typed can be query syntax. NUL and other control
    # characters end an FTS5 string early ("unterminated string"): they are never part of a
    # word, so they become spaces first (found by property tests).
    with index.session():
        built = build_query(CONTROL.sub(" ", query), vocabulary or IndexedVocabulary(catalog),
                            filters.phone_region, filters.fuzzy)
        if built is None:
            return []
        hits = [{**hit, "match": "exact"} for hit in index.hits(built.exact, filters, limit)]
        if built.close is None or len(hits) >= limit:
            return hits
        # The close query matches the exact hits again: they are skipped before their
        # snippets are cut (on PostgreSQL, in Python).
        seen = frozenset((h["fax_id"], h["page_no"]) for h in hits)
        hits += [{**hit, "match": "fuzzy"}
                 for hit in index.hits(built.close, filters, limit - len(hits), skip=seen)]
    return hits


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
    if filters.mailboxes is not None:
        names = [f"mailbox{n}" for n in range(len(filters.mailboxes))]
        where.append(f"f.mailbox IN ({', '.join(':' + name for name in names)})"
                     if names else "0")
        params.update(zip(names, filters.mailboxes, strict=True))
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
