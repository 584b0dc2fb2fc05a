"""A page in another language, told from its first reading and read again.

Tesseract reads with the languages it is given: English alone reads the accented letters of
a German, French or Spanish page as other letters ("Grüßen" as "GriBen", "Núñez" as
"Ndfiez", "Conceição" as "Conceigao"), and search, which drops accents, finds most such
words only as close matches and some not at all. Reading every page with a script model
beside English ("eng" and "Latin") reads them, but costs 1.7 times the CPU of every page
(benchmarks/RESULTS.md, "English and the Latin script model"). Most faxes a site receives
are in its own language, so the page is read once in the configured languages, and read
again with ``ocr.other_languages`` beside them only when most of its longer words are in
none of the configured languages' dictionaries.

On the clean pages of the development sets (benchmarks/RESULTS.md, "Pages in other
languages"), of the words of FOREIGN_WORD_LETTERS letters or more, English pages had 71% to
100% in tesseract's English dictionary (a degraded page's misread words are in none), and
pages in Spanish, French, German, Italian, Dutch and Portuguese 22% to 53%.

The second reading becomes the page's text. What the first one read is never lost: its
words that the second reading does not have are added as searchable forms.
"""

from __future__ import annotations

import re

from ocr.engine import PageText, bare_word

FOREIGN_WORD_LETTERS = 5  # shorter words are too often names, abbreviations and codes
FOREIGN_MIN_WORDS = 8  # fewer longer words than this: too few to tell a language by
FOREIGN_DICTIONARY_SHARE = 0.6  # under this share in the dictionary: another language
_LONGER_WORD = re.compile(rf"[^\W\d_]{{{FOREIGN_WORD_LETTERS},}}")


def reads_as_another_language(result: PageText, dictionary: frozenset[str]) -> bool:
    """Whether most of the page's longer words (FOREIGN_WORD_LETTERS letters or more) are
    in none of ``dictionary``'s words, over at least FOREIGN_MIN_WORDS of them."""
    if not dictionary:
        return False
    words = [w.lower() for w in _LONGER_WORD.findall(result.text)]
    if len(words) < FOREIGN_MIN_WORDS:
        return False
    return sum(w in dictionary for w in words) < FOREIGN_DICTIONARY_SHARE * len(words)


def keep_first_reading(second: PageText, first: PageText) -> PageText:
    """``second`` with the words (and added forms) of ``first`` it lacks added as searchable
    forms: the engine's first reading stays searchable."""
    known = second.forms()
    for word in [*first.text.split(), *first.added_forms]:
        bare = bare_word(word)
        if bare and bare not in known:
            known.add(bare)
            second.added_forms.append(bare)
    return second
