"""A code's spellings in the index: the ways the page may have split the letters and digits of
a code typed in a query (storage/search.py), likeliest first.

OCR splits and joins a code's characters otherwise than the user types them: it drops or
keeps separators, spaces the digits of a number set in a proportional font, and runs a
label into the value after it. A search for a code therefore asks for each way of writing
its characters whose every piece is an index term. In a catalog of any size nearly every
short number is some page's word, so a long code has hundreds of such ways: they are ranked
by how likely OCR is to have written them (``Cuts``), and only the likeliest are asked for.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

SPELLINGS_PER_CODE = 48  # ways a code is split in the index kept (likeliest first)
SPELLINGS_READ_MAX = 4096  # partial spellings looked at, at most, to find them
CODE_CHARS_MAX = 40  # longer runs of letters and digits are matched as typed only


class KnownTerms(Protocol):
    """What the spellings ask of the index's vocabulary (storage/search.py ``Vocabulary``)."""

    def known(self, terms: Iterable[str]) -> set[str]:
        """Those of ``terms`` the index holds."""

    def glued(self, piece: str, before: bool) -> list[str]:
        """Index terms that are ``piece`` with letters run into it (or digits, if it is
        letters), ``before`` it or after it."""


def letters_meet_digits(chars: str) -> set[int]:
    """Positions where a run of letters meets a run of digits ("brg|6204")."""
    return {i for i in range(1, len(chars)) if chars[i - 1].isdigit() != chars[i].isdigit()}


def between_digits(chars: str) -> set[int]:
    """Positions between two digits ("55|813")."""
    return {i for i in range(1, len(chars)) if chars[i - 1].isdigit() and chars[i].isdigit()}


@dataclass(frozen=True)
class Cuts:
    """Where the page may split a code's characters, and how unlikely each way is: ``cost``
    maps each position the page may cut at to the price of a cut there; running the
    characters together across a ``typed`` position (a separator the query has) costs 1.
    Spellings are tried cheapest first, and of those fewest pieces first: in a catalog of
    any size nearly every short run of digits is an index term, so a long code has hundreds
    of spellings whose every piece is known, and only the likeliest few can be asked for."""

    cost: dict[int, int]
    typed: frozenset[int] = frozenset()

    @classmethod
    def anywhere(cls, chars: str) -> Cuts:
        return cls(dict.fromkeys(range(1, len(chars)), 0))

    def shifted(self, by: int) -> Cuts:
        return Cuts({at + by: cost for at, cost in self.cost.items()},
                    frozenset(at + by for at in self.typed))

    def __or__(self, other: Cuts) -> Cuts:
        cost = dict(other.cost)
        for at, price in self.cost.items():
            cost[at] = min(price, cost.get(at, price))
        return Cuts(cost, self.typed | other.typed)

    def price(self, start: int, end: int, length: int) -> int:
        """The price of a piece from ``start`` to ``end`` of a code ``length`` long."""
        run_together = sum(1 for at in self.typed if start < at < end)
        return run_together + (self.cost[end] if end < length else 0)


# What a cut between two digits the query has together costs. Tesseract spaces the digits of
# a number set in a proportional font next to a 1: the figures are all as wide, and the 1's
# narrow glyph leaves the widest gaps ("26-318-004417-00" read "26-3 18-0044 17-00",
# "AUTH-55813" "AUTH=558 13"). Between two other digits no such reading was seen.
CUT_NEXT_TO_A_ONE = 1
CUT_BETWEEN_OTHER_DIGITS = 3


def code_cuts(terms: list[str]) -> tuple[str, Cuts]:
    """A code's letters and digits (the index ``terms`` of it as typed), and where the page
    may split them: where the query has a separator or letters meet digits (free), and
    between two digits (at a price: see CUT_NEXT_TO_A_ONE); anywhere, if the query has no
    separator at all."""
    chars = "".join(terms)
    if len(terms) == 1:
        return chars, Cuts.anywhere(chars)
    typed = frozenset(itertools.accumulate(len(t) for t in terms[:-1]))
    cost = {at: CUT_NEXT_TO_A_ONE if "1" in chars[at - 1:at + 1] else CUT_BETWEEN_OTHER_DIGITS
            for at in between_digits(chars)}
    cost |= dict.fromkeys(typed | letters_meet_digits(chars), 0)
    return chars, Cuts(cost, typed)


def spellings(chars: str, cuts: Cuts, vocabulary: KnownTerms) -> list[tuple[str, ...]]:
    """The ways ``chars`` is written in the index: splits at some of ``cuts`` whose every
    piece is an index term, cheapest first (see ``Cuts``). The first piece may also have
    letters run into it from the word before where it starts with a digit ("Exp12/31/2026":
    OCR lost the space), or digits where it starts with a letter; the last piece likewise at
    its end. Longer than CODE_CHARS_MAX: none (the pieces to look up grow with the square of
    the length)."""
    if len(chars) > CODE_CHARS_MAX:
        return []
    ends = sorted({0, len(chars)} | {c for c in cuts.cost if 0 < c < len(chars)})
    pieces = {chars[a:b] for i, a in enumerate(ends) for b in ends[i + 1:]}
    known = vocabulary.known(pieces)
    following: dict[int, list[tuple[int, str]]] = {
        a: [(b, chars[a:b]) for b in ends if b > a and chars[a:b] in known] for a in ends}
    following[0] += [(b, term) for b in ends[1:]
                     for term in vocabulary.glued(chars[:b], before=True)]
    for a in ends[:-1]:
        following[a] += [(len(chars), term)
                         for term in vocabulary.glued(chars[a:], before=False)]
    found: list[tuple[str, ...]] = []
    # Best first: (price so far, pieces, where the next piece starts, the pieces).
    heap: list[tuple[int, int, int, tuple[str, ...]]] = [(0, 0, 0, ())]
    for _ in range(SPELLINGS_READ_MAX):  # bounds the work on long digit runs
        if not heap or len(found) == SPELLINGS_PER_CODE:
            break
        price, count, at, words = heapq.heappop(heap)
        if at == len(chars):
            found.append(words)
            continue
        for end, word in following[at]:
            heapq.heappush(heap, (price + cuts.price(at, end, len(chars)), count + 1, end,
                                  (*words, word)))
    return found
