"""Index terms as faxvault's full-text index sees them, and their look-alike folding.

The catalog keeps every term it indexes in ``search_terms`` with its folded form, so an
OCR-tolerant search (storage/search.py) reads a prepared list instead of scanning the FTS5
index's vocabulary on every query.

Terms come from the index's own tokenizer, SQLite FTS5's, not from a copy of its rules: a
query's words must split as the pages' did, and PostgreSQL's index (storage/pg) is built
from these terms, so both backends index the same words. Until 2026-12-06 they came from a
copy in Python (compatibility forms folded: "m²", "nº" and "½" were "m2", "no" and "1 2"),
which split 3,077 of the 12,256 code points from U+0020 to U+2FFF otherwise than the
tokenizer: on PostgreSQL "85 m2" found a page printing "85 m²" and "nº" a page with "no" on
it, on SQLite neither, and SQLite's close-word index held terms its index did not.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import threading
from dataclasses import dataclass

# What fax OCR confuses most, folded to one character (terms are lower case in the index).
LOOKALIKE_PAIRS = (("o", "0"), ("i", "1"), ("l", "1"), ("s", "5"), ("z", "2"), ("b", "8"))
LOOKALIKES = str.maketrans("".join(a for a, _ in LOOKALIKE_PAIRS),
                           "".join(b for _, b in LOOKALIKE_PAIRS))
TERM = re.compile(r"[^\W_]+")  # a word as shown in a snippet (its term: index_terms)


def fold_lookalikes(term: str) -> str:
    return term.translate(LOOKALIKES)


def fold_lookalikes_sql(column: str) -> str:
    """The same folding as an SQL expression over ``column`` (for migrations)."""
    expression = column
    for a, b in LOOKALIKE_PAIRS:
        expression = f"replace({expression}, '{a}', '{b}')"
    return expression


# The full-text index's tokenizer (the latest pages_fts of storage/schema.py is built with
# it; a test holds them together): FTS5's unicode61, where letters, digits and private-use
# characters make terms and every other character separates them, lower case, diacritics
# removed. The ordinal indicators separate too, as the degree sign does: "n.º", "Nº" and
# "N°" (the sign OCR reads for "º", and the one many writers type) are all the term "n".
INDEX_TOKENIZER = "unicode61 remove_diacritics 2 separators 'ºª'"
ASCII_TERM = re.compile(r"[a-z0-9]+")  # the tokenizer's terms of ASCII text, once lower case


class _Tokenizer(threading.local):
    """An in-memory FTS5 table with the index's tokenizer, one per thread (a connection is
    not shared across threads); a text's terms are its one row's vocabulary in order."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:", isolation_level=None)
        tokenize = INDEX_TOKENIZER.replace("'", "''")
        self.conn.execute(f"CREATE VIRTUAL TABLE page USING fts5 (text, tokenize = "
                          f"'{tokenize}')")
        self.conn.execute("CREATE VIRTUAL TABLE terms USING fts5vocab (page, instance)")

    def terms(self, text: str) -> list[str]:
        self.conn.execute("INSERT INTO page (rowid, text) VALUES (1, ?)", (text,))
        try:
            return [term for (term,) in
                    self.conn.execute("SELECT term FROM terms ORDER BY offset")]
        finally:
            self.conn.execute("DELETE FROM page")


_tokenizer = _Tokenizer()


def index_terms(text: str) -> list[str]:
    """``text`` split into terms as the index's tokenizer (INDEX_TOKENIZER) does."""
    if text.isascii():  # most of every page: the same terms three times sooner
        return ASCII_TERM.findall(text.lower())
    # A lone surrogate (bytes that were not UTF-8, as Python keeps them in a command line's
    # words) cannot go to SQLite; it separates words, as any sign does.
    return _tokenizer.terms(text.encode("utf-8", "replace").decode("utf-8"))


# -- the close-word index ---------------------------------------------------------------------
# A term is filed under the pieces of its folded form: split evenly into two pieces, and, from
# six letters, also into three. A word within k edits of a term leaves at least one of the
# term's k + 1 pieces intact, at most k places from where it sits in the term (pigeonhole), so
# looking up the few pieces of the query word finds every term within k edits without reading
# the whole vocabulary. Keys also carry the term's length and the piece's number, which makes
# each one selective: "9/3/0:her" is nine-letter terms whose first third is "her".
# A second key, the term reversed, finds the terms a word ends (a word whose space OCR lost).
THIRDS_FROM_LETTERS = 6
SUFFIX_KEY = "<"
# From eight letters (the words allowed two edits), a term is also filed under each pair of
# its four quarters: two edits leave at least two of four pieces intact, and a key of two
# pieces (four characters or more, at their places) is selective where a third of an 8-letter
# term (two characters: "pr", or "11" for li, il, ll, 1l ...) leads to thousands of terms.
PAIRS_FROM_LETTERS = 8
QUARTERS = 4


def pieces(length: int, count: int) -> list[tuple[int, int]]:
    """(start, length) of ``count`` even pieces of a term of ``length`` characters (the longer
    pieces last), as the close-word index splits it."""
    count = min(count, length)
    short, longer = divmod(length, count)
    sizes = [short] * (count - longer) + [short + 1] * longer
    starts = [sum(sizes[:i]) for i in range(count)]
    return list(zip(starts, sizes, strict=True))


def piece_counts(length: int) -> list[int]:
    """How many pieces a term of ``length`` is filed under: halves (for one edit), and thirds
    from THIRDS_FROM_LETTERS (for two); a one-letter term is its own piece."""
    if length < 2:
        return [1]
    return [2, 3] if length >= THIRDS_FROM_LETTERS else [2]


def piece_key(length: int, count: int, number: int, piece: str) -> str:
    return f"{length}/{count}/{number}:{piece}"


def pair_key(length: int, first: int, second: int, content: tuple[str, str]) -> str:
    """The key of two quarters (numbers ``first`` < ``second``) of a term of ``length``:
    "8/4/13:pr.la" is 8-letter terms whose quarters 1 and 3 are "pr" and "la". A term has no
    "." (the tokenizer splits at punctuation), so two pieces cannot read as two others."""
    return f"{length}/{QUARTERS}/{first}{second}:{content[0]}.{content[1]}"


def pair_keys(folded: str) -> list[str]:
    """The pair-of-quarters keys of a folded term (none below PAIRS_FROM_LETTERS)."""
    if len(folded) < PAIRS_FROM_LETTERS:
        return []
    quarters = [folded[start:start + size] for start, size in pieces(len(folded), QUARTERS)]
    return [pair_key(len(folded), a, b, (quarters[a], quarters[b]))
            for a, b in itertools.combinations(range(QUARTERS), 2)]


def term_keys(term: str) -> list[str]:
    """Every key of the close-word index (``search_term_keys``) that leads to ``term``."""
    folded = fold_lookalikes(term)
    keys = [piece_key(len(folded), count, number, folded[start:start + size])
            for count in piece_counts(len(folded))
            for number, (start, size) in enumerate(pieces(len(folded), count))]
    return [*keys, *pair_keys(folded), SUFFIX_KEY + term[::-1]]


def pair_lookup_keys(word: str, length: int, edits: int = 2) -> set[str]:
    """The pair-of-quarters keys under which every term of ``length`` (PAIRS_FROM_LETTERS or
    more) within ``edits`` (at most QUARTERS - 2) of ``word`` is filed. Two of its quarters
    are intact in the word, each moved by the edits before it: quarter a by ``shift_a``,
    quarter b by ``shift_b``. Reaching them takes at least |shift_a| edits before a,
    |shift_b - shift_a| between them and |len(word) - length - shift_b| after b; the pairs of
    places where that adds up to ``edits`` or fewer are the ones looked up."""
    assert edits <= QUARTERS - 2 and length >= PAIRS_FROM_LETTERS
    folded = fold_lookalikes(word)
    longer = len(folded) - length
    quarters = pieces(length, QUARTERS)
    keys = set()
    for a, b in itertools.combinations(range(QUARTERS), 2):
        (start_a, size_a), (start_b, size_b) = quarters[a], quarters[b]
        for shift_a in range(-edits, edits + 1):
            for shift_b in range(-edits, edits + 1):
                if abs(shift_a) + abs(shift_b - shift_a) + abs(longer - shift_b) > edits:
                    continue
                at_a, at_b = start_a + shift_a, start_b + shift_b
                if at_a < 0 or at_b + size_b > len(folded):
                    continue
                keys.add(pair_key(length, a, b, (folded[at_a:at_a + size_a],
                                                 folded[at_b:at_b + size_b])))
    return keys


def lookup_keys(word: str, edits: int, *, shortest: int = 0,
                longest: int | None = None) -> set[str]:
    """The keys under which every term within ``edits`` of ``word`` (after look-alike folding)
    is filed: for each length such a term can have, each of its pieces, read from ``word`` at
    each place the edits can have moved it to. With ``edits`` + 1 pieces, the places are
    those of PassJoin's multi-match-aware selection (Li et al., VLDB 2011): piece j (from 0)
    is looked for only where it can be the first piece left intact, at most j places from
    where it sits in the term and at most ``edits`` - j from where it sits counted from the
    end. ``shortest`` and ``longest``: only terms of those lengths."""
    folded = fold_lookalikes(word)
    keys = set()
    top = len(folded) + edits if longest is None else min(longest, len(folded) + edits)
    for length in range(max(1, len(folded) - edits, shortest), top + 1):
        counts = piece_counts(length)
        count = next((c for c in counts if c > edits), counts[-1])
        longer = len(folded) - length
        for number, (start, size) in enumerate(pieces(length, count)):
            if count == edits + 1:
                low = max(start - number, start + longer - (edits - number))
                high = min(start + number, start + longer + (edits - number))
            else:  # too short a term for edits + 1 pieces: every place the edits allow
                low, high = start - edits, start + edits
            for at in range(max(0, low), min(high, len(folded) - size) + 1):
                keys.add(piece_key(length, count, number, folded[at:at + size]))
    return keys


@dataclass(frozen=True)
class CloseLookup:
    """Where the terms within some edits of a word are found: under these close-word index
    ``keys``, and among the terms whose look-alike folding is one of ``folded``. A superset:
    the caller checks each candidate's distance."""

    keys: frozenset[str]
    folded: frozenset[str]


def deletions(word: str, count: int) -> set[str]:
    """``word`` with ``count`` of its characters taken out, every way."""
    return {"".join(ch for i, ch in enumerate(word) if i not in gone)
            for gone in map(set, itertools.combinations(range(len(word)), count))}


def close_lookup(word: str, edits: int) -> CloseLookup:
    """The keys and folded forms that lead to every term within ``edits`` of ``word`` (after
    look-alike folding), each length of term looked up its own way.

    Terms as long as ``word`` or longer: under two edits, two of their quarters
    (:func:`pair_lookup_keys`); otherwise :func:`lookup_keys` (halves, long enough to be
    selective there). Shorter terms, where that would read short pieces (the thirds of 6-
    and 7-letter terms are two characters each, and "11" is the first third of every term
    starting li, il, ll, 1l ...: tens of thousands of candidates in a large archive; the
    halves of 5-letter terms, "11" again, thousands), are found from the word's deletions
    instead. A term d letters shorter and within ``edits``
    is the word with d letters deleted and at most ``edits`` - d letters substituted (an
    insertion would need one more deletion): with none left to substitute it is one of the
    word's d-deletions exactly (looked up by its folded form); with one, it differs from one
    of them in at most one place, so one of its halves is that deletion's half in the same
    place (the index's keys for halves, without shifts)."""
    folded = fold_lookalikes(word)
    keys: set[str] = set()
    for length in range(len(folded), len(folded) + edits + 1):
        if edits == QUARTERS - 2 and length >= PAIRS_FROM_LETTERS:
            keys |= pair_lookup_keys(folded, length, edits)
        else:
            keys |= lookup_keys(word, edits, shortest=length, longest=length)
    exact: set[str] = set()
    for shorter in range(1, min(edits, len(folded) - 1) + 1):
        variants = deletions(folded, shorter)
        if shorter == edits:
            exact |= variants
        elif edits - shorter == 1:
            length = len(folded) - shorter
            keys |= {piece_key(length, 2, number, variant[start:start + size])
                     for variant in variants
                     for number, (start, size) in enumerate(pieces(length, 2))}
        else:  # more than one substitution left: the pieces of lookup_keys
            keys |= lookup_keys(word, edits, shortest=len(folded) - shorter,
                                longest=len(folded) - shorter)
    return CloseLookup(frozenset(keys), frozenset(exact))


def key_range(prefix: str) -> tuple[str, str]:
    """The half-open range of keys (or terms) that start with ``prefix``."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)
