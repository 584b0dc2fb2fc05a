"""Index terms as faxvault's full-text index sees them, and their look-alike folding.

The catalog keeps every term it indexes in ``search_terms`` with its folded form, so an
OCR-tolerant search (storage/search.py) reads a prepared list instead of scanning the FTS5
index's vocabulary on every query.
"""

from __future__ import annotations

import re
import unicodedata

# What fax OCR confuses most, folded to one character (terms are lower case in the index).
LOOKALIKE_PAIRS = (("o", "0"), ("i", "1"), ("l", "1"), ("s", "5"), ("z", "2"), ("b", "8"))
LOOKALIKES = str.maketrans("".join(a for a, _ in LOOKALIKE_PAIRS),
                           "".join(b for _, b in LOOKALIKE_PAIRS))
TERM = re.compile(r"[^\W_]+")  # what FTS5's unicode61 tokenizer keeps as a token


def fold_lookalikes(term: str) -> str:
    return term.translate(LOOKALIKES)


def fold_lookalikes_sql(column: str) -> str:
    """The same folding as an SQL expression over ``column`` (for migrations)."""
    expression = column
    for a, b in LOOKALIKE_PAIRS:
        expression = f"replace({expression}, '{a}', '{b}')"
    return expression


def index_terms(text: str) -> list[str]:
    """``text`` split into terms as the index's tokenizer does (unicode61, diacritics removed,
    lower case)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return TERM.findall("".join(ch for ch in decomposed if not unicodedata.combining(ch)))
