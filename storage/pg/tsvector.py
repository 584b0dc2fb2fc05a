"""A page's index terms as a tsvector literal (see storage/pg/search.py for why literals)."""

from __future__ import annotations

# tsvector positions stop at 16383 (PostgreSQL clamps larger ones to it): a page longer than
# that keeps its later words findable one by one, not in phrases.
MAX_POSITION = 16383
# A lexeme keeps at most 256 positions; the rest of a word that common are left out.
MAX_POSITIONS_PER_TERM = 256


def lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def page_tsvector(text_terms: list[str], added_terms: list[str]) -> str:
    """The tsvector literal of a page: each term at its place, the added forms after a gap."""
    at: dict[str, list[int]] = {}
    places = [*enumerate(text_terms, start=1),
              *enumerate(added_terms, start=len(text_terms) + 2)]
    for place, term in places:
        at.setdefault(term, []).append(min(place, MAX_POSITION))
    return " ".join(
        f"{lexeme(term)}:{','.join(map(str, sorted(set(spots))[:MAX_POSITIONS_PER_TERM]))}"
        for term, spots in at.items())
