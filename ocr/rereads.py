"""Second readings of a page's doubtful words on the page as received, added beside the
prepared page's reading as searchable forms (ocr/pool.py runs them on pages not cleaned of
noise): strips around the most doubtful words, narrow ones, and wider ones of their line
for names and record numbers; a wider strip around the least sure name or number; and, on
an English page with accented letters, the same strips read in the other languages."""

from __future__ import annotations

from PIL import Image, ImageOps

from ocr.engine import Engine, PageText, Word, bare_word

# A second reading of doubtful words on the page as received. Preparing a page (squaring,
# smoothing) reads most words better, but not every one: on the names tuning forms
# (tests/ocr_names.py) 3 of 236 words that plain tesseract read right on the unprepared page
# were misread on the prepared one ("Lecoq" as "Lecaq", "Iserlohn" as "Tserlohn"), all read
# with 80-85 confidence. The MAX_REREADS_PER_PAGE least confident words under
# REREAD_BELOW_CONFIDENCE are read again on the unprepared page, each in a strip
# REREAD_MARGIN_HEIGHTS word heights wider on each side, heights measured on paper (a word
# alone reads worse than in its line: with 1 height one of the 3 was still lost, with 2 none;
# until 2026-12-03 they were counted in pixels, one height on paper at 204x98, where a
# record number's strip cut the label before it: benchmarks/RESULTS.md), and what that reading
# has that the page's text lacks is added as searchable forms. Each strip costs about 5 ms:
# with 3 a page, a dense page costs 2% more CPU (benchmarks/RESULTS.md), and the tuning forms
# lost no more words than with 12. Stacking all strips into one image read once cost as much
# (the recogniser's time is per line) and lost a word. Pages that were cleaned of noise are
# not read again (ocr/pool.py): as received they read far worse (tesseract 30% CER against
# faxvault's 2-10%). A fourth strip a page kept one more name on the report forms ("Phong",
# the fifth least confident word on its page at 91.7) but costs about 3% more of a clean
# page's CPU (benchmarks/RESULTS.md, "Near choices"): over the throughput budget, so 3.
# Leaving out words under MIN_REREAD_CHARS and words read the same twice, to reread longer
# words instead, lost no fewer words on the names forms and cost about 1.5% more.
REREAD_BELOW_CONFIDENCE = 93.0
REREAD_MARGIN_HEIGHTS = 2.0
MAX_REREADS_PER_PAGE = 3
MIN_REREAD_CHARS = 3
REREAD_BORDER = 10  # white pixels around a strip: tesseract reads ink at an edge badly

# A strip two heights wide reads a glyph from its neighbours only; tesseract's recogniser
# reads a line both ways, and some glyphs come out right only with more of the line around
# them. On names-heldout-14's Helvetica 10 pt forms the prepared page read a C as G
# ("DG8056553", "Gourt", "Gison"); the strip read "Gourt" and "Gison" too (C at 44 and 40
# against G at 95 and 92), and "DC 8056553" in two pieces; the whole line read all three.
# So the page's least confident name or number (a word of letters and digits alone,
# MIN_REREAD_CHARS or more, not a dictionary word), when the page doubts it as much as
# LINE_REREAD_BELOW_CONFIDENCE, is read again in a wider strip too: its printed line cut
# LINE_REREAD_MARGIN_HEIGHTS heights on paper each side of it (a whole line read the same
# words at about 1.7 times the cost; 3 or 5 heights fewer). On the names development forms
# (names-heldout-9 to -14, 1,800 forms), of 17,817 words plain tesseract reads right, 15
# were lost and 11 are. Codes with punctuation inside ("GL-NTR-M200", "mlU/L") are left out:
# the search finds a code whatever its punctuation (storage/spellings.py), and on the clean
# one-page faxes of the throughput benchmark such codes on long lines are the least sure
# words, whose wider strips cost 7 ms a page (0.87-0.91x the engine limit). Two wider strips
# a page kept 8 of the 15, at 16 ms a page more there (benchmarks/RESULTS.md, "Wider strips
# for the least sure words").
LINE_REREAD_BELOW_CONFIDENCE = 70.0
MAX_LINE_REREADS_PER_PAGE = 1
LINE_REREAD_MARGIN_HEIGHTS = 8.0
# The C-for-G confusion and its like are not only under 70 ("Gourt" 86, "Grescent" 87,
# "GF7764378" 90, "Mngobi" 88 for "Mnqobi", names-heldout-12 to -15), and the narrow strip
# reads them so again. So each of the MAX_REREADS_PER_PAGE most doubtful words that is a
# name or number with a capital letter (``_proper_name_or_code``), read under
# PROPER_NAME_REREAD_BELOW_CONFIDENCE, is read in the wider strip in place of the narrow one.
# On the names development forms (names-heldout-9 to -15, 2,100 forms, 20,641 words plain
# tesseract reads right) 9 words were lost and 5 are: five kept, and one the narrow strip
# kept lost ("Marc", read "Mare", which its line reads so too). The wider strips cost about
# 7 ms a form there. Without the capital it was the same 5, at 6.6 ms a page more on the
# throughput benchmark's clean one-page faxes, whose doubtful words are numbers ("110",
# "2026"), drugs and units ("empagliflozin", "mcg"); with it about 2 ms (benchmarks/
# RESULTS.md, "Names and record numbers read with their line").
PROPER_NAME_REREAD_BELOW_CONFIDENCE = REREAD_BELOW_CONFIDENCE

# A page read in English can hold words of another language: a Lisbon institute's name and
# address on a shipper's English declaration (layout set V). The English model reads their
# accented letters as others ("Satide" for "Saúde", "Laboratdrio" for "Laboratório"), and the
# page, English by most of its words, is not read again (ocr/languages.py). Where the page's
# reading has a letter outside ASCII at all (the English model does read some: "Referéncia"),
# each reread strip is read in the other languages too (``other_reading_languages``), which
# read those words right in 7 of the 8 strips tried, at about 10 ms a strip; an English page
# of plain ASCII is read exactly as before (benchmarks/RESULTS.md, "Strips read in the other
# languages").


def _reread_strip(word: Word, width: int, height: int,
                  x_per_y: float) -> tuple[int, int, int, int]:
    """The page-pixel box around a doubtful word, ``REREAD_MARGIN_HEIGHTS`` word heights
    wider on each side (merging neighbours' strips into one read lost words again). A
    height is measured on paper: on a 204x98 page a word's height in pixels is half its
    width's scale, so the margin is ``x_per_y`` (xdpi / ydpi) times its height in pixels.
    (Counted in pixels it was one height on paper at 204x98, and record numbers lost their
    context: "CP3925475" after "no:" read "crPss25475" in a strip, right with the label.)"""
    margin = _margin(word, REREAD_MARGIN_HEIGHTS, x_per_y)
    return (max(0, int(word.x0 - margin)), max(0, int(word.y0) - 2),
            min(width, int(word.x1 + margin) + 1), min(height, int(word.y1) + 3))


def _margin(word: Word, heights: float, x_per_y: float) -> float:
    """``heights`` of ``word``'s height on paper, in page pixels across (see _reread_strip)."""
    return heights * (word.y1 - word.y0) * x_per_y


def _has_letters_beyond_ascii(text: str) -> bool:
    """Whether ``text`` holds a letter outside ASCII (an accented one: see above)."""
    return any(c.isalpha() and not c.isascii() for c in text)


def _name_or_number(word: str) -> bool:
    """A word of letters and digits alone (a name, a record number), MIN_REREAD_CHARS or
    more: what the wider strip is for (see LINE_REREAD_BELOW_CONFIDENCE)."""
    bare = bare_word(word)
    return len(bare) >= MIN_REREAD_CHARS and bare.isalnum()


def _proper_name_or_code(word: str) -> bool:
    """A name or number (``_name_or_number``) with a capital letter: a person's or a
    place's name, a record number. Such a word among the most doubtful is read in the wider
    strip instead of the narrow one (see PROPER_NAME_REREAD_BELOW_CONFIDENCE)."""
    return _name_or_number(word) and any(c.isupper() for c in word)


def _wide_strip(word: Word, words: list[Word], width: int, height: int,
                x_per_y: float) -> tuple[int, int, int, int]:
    """The page-pixel box around ``word``'s printed line (every word of ``words`` that shares
    at least half its height), cut ``LINE_REREAD_MARGIN_HEIGHTS`` word heights on paper each
    side of the word (see ``_reread_strip``), and never narrower than the narrow strip: a
    word alone on its line, or at its end, keeps the narrow strip's paper around it."""
    line = [word, *(w for w in words
                    if min(w.y1, word.y1) - max(w.y0, word.y0) > (word.y1 - word.y0) / 2)]
    margin = _margin(word, LINE_REREAD_MARGIN_HEIGHTS, x_per_y)
    x0 = max(0, int(min(w.x0 for w in line)) - 5, int(word.x0 - margin))
    y0 = max(0, int(min(w.y0 for w in line)) - 2)
    x1 = min(width, int(max(w.x1 for w in line)) + 6, int(word.x1 + margin) + 1)
    y1 = min(height, int(max(w.y1 for w in line)) + 3)
    nx0, ny0, nx1, ny1 = _reread_strip(word, width, height, x_per_y)
    return min(x0, nx0), min(y0, ny0), max(x1, nx1), max(y1, ny1)


def add_unprepared_readings(result: PageText, page: Image.Image, xdpi: float, ydpi: float,
                            engine: Engine) -> None:
    """Add to ``result.added_forms`` the words a reading of the unprepared ``page`` (word
    boxes of ``result`` in its pixels; ``xdpi`` by ``ydpi``) finds around the most doubtful
    words, and wider around the least sure, that the prepared reading did not (see
    above)."""
    # A word the prepared page read as a dictionary word is not read again, in a strip or
    # wider: on the names forms leaving such words out lost no word more, and on prose pages
    # the least confident words are mostly such words ("limitations" at 49, "Pages:" at 58).
    # Nor is a label ("City:", read at 25-87 on the names forms: the dictionary holds no
    # word under five letters), whose strip went to no name.
    doubtful = sorted((w for w in result.words if w.confidence < REREAD_BELOW_CONFIDENCE
                       and not w.text.endswith(":")
                       and bare_word(w.text).lower() not in engine.dictionary),
                      key=lambda w: w.confidence)
    gray = page if page.mode == "L" else page.convert("L")
    very_doubtful = [w for w in doubtful if _name_or_number(w.text)
                     and w.confidence < LINE_REREAD_BELOW_CONFIDENCE]
    boxes = [_wide_strip(word, result.words, gray.width, gray.height, xdpi / ydpi)
             if _proper_name_or_code(word.text)
             and word.confidence < PROPER_NAME_REREAD_BELOW_CONFIDENCE else
             _reread_strip(word, gray.width, gray.height, xdpi / ydpi)
             for word in doubtful[:MAX_REREADS_PER_PAGE]]
    boxes += [_wide_strip(word, result.words, gray.width, gray.height, xdpi / ydpi)
              for word in very_doubtful[:MAX_LINE_REREADS_PER_PAGE]]
    known = result.forms()
    also_other = bool(engine.other_languages) and _has_letters_beyond_ascii(result.text)
    for box in dict.fromkeys(boxes):
        if box[2] <= box[0] or box[3] <= box[1]:
            continue
        strip = ImageOps.expand(gray.crop(box), REREAD_BORDER, fill=255)
        reads = engine.read_line(strip, round(xdpi))
        if also_other:
            reads += engine.read_line(strip, round(xdpi), other_languages=True)
        for read in reads:
            # Letters cut at the strip's ends come back as bits ("t", "hh"): not words.
            if len(bare_word(read.text)) < MIN_REREAD_CHARS:
                continue
            for seen in map(bare_word, (read.text, *read.alternatives)):
                if len(seen) >= MIN_REREAD_CHARS and seen not in known:
                    known.add(seen)
                    result.added_forms.append(seen)
