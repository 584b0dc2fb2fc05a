"""Correct words tesseract misread into non-words, when one dictionary word explains the
misreading.

At 98 dpi a line of 8 pt print is five pixels tall, and tesseract's recogniser confuses
letters that differ by a pixel or two: "paymant", "Reterence", "benelits", "detarminations".
Its decoder knows a dictionary but leans on it lightly, so these non-words come out as read.
A word is corrected only when all of these hold:

- it was read with less than ``CORRECT_BELOW_CONFIDENCE``;
- it is a plain word of at least ``MIN_WORD_LETTERS`` ASCII letters (with any punctuation
  around it), so codes, numbers, amounts and short words are never touched;
- it is not in the lexicon (the model's own dictionary, ocr/lexicon.py);
- exactly one lexicon word is reached from it by one of the letter confusions below (two for
  words of ``TWO_CONFUSIONS_LETTERS`` or more). No candidate, or two, and the word stays as
  read: "onginal" could be "original" or "anginal", and an unknown name or drug stays as
  it is.

Measured on the OCR corpus (benchmarks/ocr_quality.py) and on texts written separately to
check it (other names, drugs, a legal notice; ``HELD_OUT_DOCS`` in tests/ocr_corpus.py), no
correctly read word was changed once five-letter words were left alone (with them, "Court"
misread "Coust" became "Const"); a few misreadings became other wrong words ("contaii" ->
"contam"). A correction is only ever added, as a searchable form beside the reading
(``PageText.added_forms``): the text, ``show --text`` and the PDF text layer keep what
tesseract read, since a dictionary word can be the wrong answer for a name read right
("Quillon Brastow" became "Quillen Breslow"; on the held-out names forms, 13 words read right
would have been changed). ``ocr.correct_words = false`` turns it off.

Codes (record numbers, part numbers), which no dictionary holds, have rules of their own:
``code_readings`` and ``joined_code`` below; so has a sans-serif capital I read as an l
(``capital_i_reading``).
"""

from __future__ import annotations

import re

CORRECT_BELOW_CONFIDENCE = 95.0
MIN_WORD_LETTERS = 6
TWO_CONFUSIONS_LETTERS = 7

# Letters a low-resolution glyph is commonly read as, including the classic merges and
# splits ("rn" for m, "li" for h, "cl" for d). Pairs go both ways; the one-way ones are
# (as read, meant): "ii" is a misread m, but an m is not misread "ii" often enough to
# guess it. The list was chosen on the corpus and checked on the separate texts above.
_BOTH_WAYS = [("a", "e"), ("e", "o"), ("a", "o"), ("c", "e"), ("c", "o"), ("f", "t"),
              ("f", "l"), ("i", "l"), ("l", "t"), ("h", "n"), ("v", "y"), ("n", "u"),
              ("rn", "m"), ("n", "m"), ("i", "t"), ("f", "p"), ("b", "h"), ("r", "t"),
              ("r", "v"), ("li", "h"), ("ti", "h"), ("cl", "d"), ("ri", "n")]
_ONE_WAY = [("ii", "m"), ("in", "m"), ("ni", "m"), ("ro", "m"), ("ii", "n"), ("vv", "w"),
            ("1", "l"), ("1", "i"), ("c", "a"), ("s", "a"), ("c", "d")]
CONFUSIONS: tuple[tuple[str, str], ...] = tuple(
    _BOTH_WAYS + [(meant, read) for read, meant in _BOTH_WAYS] + _ONE_WAY)

_PLAIN_WORD = re.compile(r"^(\W*)([A-Za-z]+)(\W*)$")


def _confusable(word: str) -> set[str]:
    """Every spelling one confusion away from ``word`` (lower case)."""
    found = set()
    for read, meant in CONFUSIONS:
        start = word.find(read)
        while start >= 0:
            found.add(word[:start] + meant + word[start + len(read):])
            start = word.find(read, start + 1)
    return found


def _same_case(corrected: str, as_read: str) -> str:
    if as_read.isupper():
        return corrected.upper()
    if len(corrected) == len(as_read):  # keep each letter's case ("McDonaid" -> "McDonald")
        return "".join(c.upper() if r.isupper() else c
                       for c, r in zip(corrected, as_read, strict=True))
    return corrected[0].upper() + corrected[1:] if as_read[0].isupper() else corrected


def correct_word(word: str, confidence: float, lexicon: frozenset[str]) -> str:
    """``word`` as tesseract read it, or the one lexicon word it is a misreading of (see the
    module docstring for when)."""
    if confidence >= CORRECT_BELOW_CONFIDENCE or not lexicon:
        return word
    match = _PLAIN_WORD.match(word)
    if not match:
        return word
    before, letters, after = match.groups()
    low = letters.lower()
    if len(low) < MIN_WORD_LETTERS or low in lexicon:
        return word
    near = _confusable(low)
    candidates = near & lexicon
    if not candidates and len(low) >= TWO_CONFUSIONS_LETTERS:
        candidates = {far for spelling in near for far in _confusable(spelling)} & lexicon
    if len(candidates) != 1:
        return word
    return before + _same_case(candidates.pop(), letters) + after


# Codes: record numbers, NDCs, part numbers. No dictionary holds them, so ``correct_word``
# leaves them alone, but at fax resolution their glyphs are misread into look-alikes that
# have no place in a code, and the engine is often unsure of them: on the names forms
# (tests/ocr_names.py) five of seven record numbers that plain tesseract read right and
# faxvault lost came out as "LG&323640" (8), "E$3151072" (S), "UD2Z342079" and "PF2Z415499"
# (one "2" read twice, as itself and its look-alike), "7W8063513" (Z). Where a word of a
# code's shape holds such a misfit, the spellings with it read as its look-alike are added
# as searchable forms (never put in place of the reading), one change each:
# - a symbol that begins the word, before a letter: the letter it looks like ("SV2928272"
#   came out "$V2928272", at 19, on fresh forms, names-heldout-16; an amount's symbol is
#   followed by a digit);
# - a symbol inside the word: the digit it looks like beside digits, the letter beside
#   letters, and, beside the glyph it looks like, nothing (read twice: "SH1131532" came
#   out "S$H1131532" on fresh forms, names-heldout-11);
# - a letter between two digits: the digit it looks like, and, after that same digit, the
#   word without either of the two (one glyph read twice, as itself and its look-alike:
#   "UD2Z342079" was printed "UD2342079", "L2Z5993046" was printed "LZ5993046");
# - an O after the letters that begin the word, before the digits that end it: a 0
#   ("PN0184339" came out "PNO184339" on fresh forms, names-heldout-15, and so did its strip
#   read again; only O, the look-alike tesseract's model most often takes a 0 for, as a
#   record number's last letter is often S, Z or B, and read right it needs no form);
# - a digit among the letters that begin the word: the letter it looks like; also a digit
#   right after a lone first letter, before the digits: Courier's Z reads as a 2 at fax
#   resolution, and on the names forms of names-heldout-6 "FZ7593373" and "NZ3541911" came
#   out "F27593373" and "N23541911" (and on fresh ones, names-heldout-12, "JZ1088604" came
#   out "J21088604").
# A code read whole ("SZ2090518", "00448812") holds no misfit and gets no form; an amount
# ("$5000") is not one either, as its symbol begins it.
# Why here and not only in search, which already takes O/0, I/1, S/5, B/8, Z/2 as the same
# for its close matches (storage/terms.py ``fold_lookalikes``): a form added here is an
# exact hit, not a close match, and it covers what folding cannot reach: a symbol the
# index's tokenizer cuts the code at ("&", "$"), a glyph read twice, a 7 for a Z.
MIN_CODE_CHARS = 5
MIN_CODE_DIGITS = 3
MAX_CODE_FORMS = 3
DIGIT_LOOKALIKES = {"&": "8", "B": "8", "$": "5", "S": "5", "s": "5", "O": "0", "o": "0",
                    "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "i": "1", "Z": "2",
                    "z": "2", "G": "6", "b": "6", "T": "7", "g": "9", "q": "9"}
LETTER_LOOKALIKES = {"$": "S", "5": "S", "8": "B", "&": "B", "0": "O", "1": "I", "|": "I",
                     "2": "Z", "7": "Z", "6": "G"}
_CODE_WORD = re.compile(r"^[A-Za-z0-9&$|]+$")


def _kind(char: str) -> str:
    return "digit" if char.isdigit() else "letter" if char.isalpha() else "symbol"


def code_readings(word: str, confidence: float) -> list[str]:
    """Spellings of the code ``word`` (surrounding punctuation taken off) with one misfit
    glyph read as its look-alike (see above); none for a sure word or one of no code's
    shape."""
    if confidence >= CORRECT_BELOW_CONFIDENCE or len(word) < MIN_CODE_CHARS or \
            not _CODE_WORD.match(word) or sum(c.isdigit() for c in word) < MIN_CODE_DIGITS:
        return []
    kinds = [_kind(c) for c in word]
    found: list[str] = []
    for i, char in enumerate(word):
        left = kinds[i - 1] if i else ""
        right = kinds[i + 1] if i + 1 < len(word) else ""
        if kinds[i] == "symbol" and not left and right == "letter" and char in LETTER_LOOKALIKES:
            found.append(LETTER_LOOKALIKES[char] + word[1:])  # "$V2928272": no amount
        elif kinds[i] == "symbol" and left and right:
            looks_like = {DIGIT_LOOKALIKES.get(char), LETTER_LOOKALIKES.get(char)}
            if {word[i - 1], word[i + 1]} & looks_like:  # beside its look-alike: read twice
                found.append(word[:i] + word[i + 1:])
            if "digit" in (left, right) and char in DIGIT_LOOKALIKES:
                found.append(word[:i] + DIGIT_LOOKALIKES[char] + word[i + 1:])
            if "letter" in (left, right) and char in LETTER_LOOKALIKES:
                found.append(word[:i] + LETTER_LOOKALIKES[char] + word[i + 1:])
        elif kinds[i] == "letter" and left == right == "digit" and char in DIGIT_LOOKALIKES:
            if word[i - 1] == DIGIT_LOOKALIKES[char]:
                found.append(word[:i] + word[i + 1:])
                found.append(word[:i - 1] + word[i:])
            found.append(word[:i] + DIGIT_LOOKALIKES[char] + word[i + 1:])
        elif char in "Oo" and word[:i].isalpha() and word[i + 1:].isdigit():
            found.append(word[:i] + "0" + word[i + 1:])
        elif kinds[i] == "digit" and char in LETTER_LOOKALIKES and \
                ((right == "letter" and left in ("", "letter") and "digit" in kinds[i + 1:]) or
                 (i == 1 and left == "letter" and right == "digit")):
            found.append(word[:i] + LETTER_LOOKALIKES[char] + word[i + 1:])
    return list(dict.fromkeys(found))[:MAX_CODE_FORMS]


# A code read in two pieces. The recogniser sometimes puts a space inside a code: on fresh
# names forms (tests/ocr_names.py, names-heldout-8) "HJ3100668", which plain tesseract read
# whole, came out "HJ3 100668", both pieces with confidence 0, and neither the text nor a
# search for the code as typed held it whole ("CC3 168590" too, 91 and 97). Two neighbouring
# words on a line that are each letters and digits with a digit in each, one of them or
# both unsure, are also added joined, when the joined word has a code's shape. On 600 fresh
# forms (names-heldout-8 and -9, about 14,000 pairs of neighbouring words) those two were
# the only pairs with a digit in each word. Words without a digit ("Diagonal 174Y") are
# never joined, nor a row of numbers read surely, and a piece's punctuation ("I20.9,")
# keeps it apart. (Where the gap between the pieces is was no help: "MUSTAFA YEV", a name
# read in two, stood further apart than many names' words on other lines.)
_CODE_PIECE = re.compile(r"^[A-Za-z0-9]*[0-9][A-Za-z0-9]*$")
MAX_CODE_CHARS = 20


def joined_code(left: str, left_confidence: float, right: str, right_confidence: float) -> str:
    """The code that the neighbouring words ``left`` and ``right`` spell as one word, or ""
    when they are not two pieces of one, at least one of them unsure (see above)."""
    if min(left_confidence, right_confidence) >= CORRECT_BELOW_CONFIDENCE or \
            not _CODE_PIECE.match(left) or not _CODE_PIECE.match(right):
        return ""
    joined = left + right
    if not MIN_CODE_CHARS <= len(joined) <= MAX_CODE_CHARS or \
            sum(c.isdigit() for c in joined) < MIN_CODE_DIGITS:
        return ""
    return joined


# A capital I read as a lower-case l. In Helvetica and other sans-serif faces the two are
# one glyph, and at fax resolution tesseract sometimes takes a name's I for an l: on fresh
# names forms (names-heldout-9) "Ivan" came out "lvan" (confidence 89), though plain
# tesseract read it right. No English word begins with an l before a consonant or a capital
# (but abbreviations: "lb", "ltd"), so an unsure word that does also gets its spelling with a
# capital I added ("lvan" -> "Ivan", "lVAN" -> "IVAN"). A second l counts as a consonant
# here: "Ilyrska" came out "llyrska" (87) on names-heldout-13; a Spanish or Welsh word that
# does begin "ll" ("Lleida", "llamar" unsure) gains one search form nobody types.
_LOWER_L_FOR_I = re.compile(r"^l(?:[bcdfghjklmnpqrstvwxz]|[A-Z])[A-Za-z]*$")


def capital_i_reading(word: str, confidence: float) -> str:
    """``word`` with its first letter read as a capital I, or "" (see above)."""
    if confidence >= CORRECT_BELOW_CONFIDENCE or not _LOWER_L_FOR_I.match(word):
        return ""
    return "I" + word[1:]
