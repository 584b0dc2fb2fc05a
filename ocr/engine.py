"""Tesseract, two ways: one reused in-process API (tesserocr) or one CLI run per page
(pytesseract). Both return the same :class:`PageText`.

tesserocr keeps the model loaded across pages, which saves the ~0.1 s start-up and model load
that every pytesseract call pays; pytesseract stays as a fallback that needs only the Debian
``tesseract`` binary.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol

from PIL import Image

from ocr.correct import capital_i_reading, code_readings, correct_word, joined_code
from ocr.errors import OcrSetupError
from ocr.lexicon import load_lexicon

# The Debian build of tesseract runs OpenMP threads per page, which is 6-8x slower on small
# machines than one thread per page with pages in parallel processes.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float


@dataclass
class PageText:
    text: str
    confidence: float | None  # mean word confidence 0-100, None when no words
    words: list[Word] = field(default_factory=list)
    # Degrees counter-clockwise the page was turned to read it (0 when upright); word boxes
    # are in the turned page's pixels.
    rotation: int = 0
    # Searchable forms added to the reading, never in place of it: corrections of misread
    # words (ocr/correct.py), and other readings of words (see ocr/pool.py).
    added_forms: list[str] = field(default_factory=list)

    def forms(self) -> set[str]:
        """What the page is found by already: its words, bare, and its added forms."""
        return {bare_word(w) for w in self.text.split()} | set(self.added_forms)


@dataclass(frozen=True)
class LineWord:
    """A word of a line read on its own, and ``alternatives``: other spellings of it that
    the recogniser weighed nearly as high (``alternative_spellings``); none from an engine
    that does not say."""

    text: str
    alternatives: tuple[str, ...] = ()


# The second reading of a page in another language (ocr/languages.py) puts the other
# languages first. Tesseract reads a word in the language that read the word before it (the
# first language, for a page's first word) and tries the others only when that reading is
# not good enough (its classify_word_and_language): led by English, it kept reading a page's
# header in English, and read a heading's "KÄRKKÄINEN" as a sure "KARKKAINEN". Led by the
# Latin script model, on the development sets (seed 3), the clean pages of every set read
# 1.03 -> 1.00% CER at 204x98 and 0.85 -> 0.83% at 204x196 (16 pages better, 2 worse, the
# rest not read again) and the non-ECM pages of N and P-T 5.19 -> 5.18% and 2.58 -> 2.52% (6
# better, 2 worse): benchmarks/RESULTS.md, "The other languages first".
def other_reading_languages(languages: Sequence[str], other_languages: Sequence[str]) -> str:
    """Tesseract's language string for a page read again in ``other_languages`` (see
    above): those first, then the engine's own."""
    return "+".join([*other_languages, *languages])


class Engine(Protocol):
    # The languages a page that reads as another language is read again in, besides the
    # engine's own (ocr/languages.py); empty: never.
    other_languages: tuple[str, ...]
    # The words of the engine's own languages' dictionaries (ocr/lexicon.py).
    dictionary: frozenset[str]

    def recognize(self, image: Image.Image, dpi: int, psm: int | None = None,
                  damaged: bool = False, other_languages: bool = False) -> PageText:
        """The page's text; ``psm``: tesseract's page segmentation for this page, instead of
        the engine's own; ``damaged``: the page's print came damaged, noisy, with line errors
        or askew (``OcrGeometry.damaged``): read with the engine's models for such pages, if
        it has them (see make_engine); ``other_languages``: read in the engine's
        ``other_languages`` and its own languages (``other_reading_languages``)."""
        ...

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        """(degrees counter-clockwise to turn the image upright, confidence)."""
        ...

    def read_line(self, image: Image.Image, dpi: int,
                  other_languages: bool = False) -> list[LineWord]:
        """The words of an image holding one line, read with tesseract's default settings,
        each with the spellings its recogniser nearly chose (see ``LineWord``);
        ``other_languages``: read as ``recognize`` reads with it."""
        ...


# Tesseract's script models (one network for every language written in a script, "Latin"
# for all of Western and Central Europe's accented letters) and the ISO 15924 codes Debian
# names their packages by (tesseract-ocr-script-latn holds Latin.traineddata).
SCRIPT_CODES = {
    "Arabic": "arab", "Armenian": "armn", "Bengali": "beng", "Canadian_Aboriginal": "cans",
    "Cherokee": "cher", "Cyrillic": "cyrl", "Devanagari": "deva", "Ethiopic": "ethi",
    "Fraktur": "frak", "Georgian": "geor", "Greek": "grek", "Gujarati": "gujr",
    "Gurmukhi": "guru", "Hangul": "hang", "HanS": "hans", "HanT": "hant", "Hebrew": "hebr",
    "Japanese": "jpan", "Kannada": "knda", "Khmer": "khmr", "Lao": "laoo", "Latin": "latn",
    "Malayalam": "mlym", "Myanmar": "mymr", "Oriya": "orya", "Sinhala": "sinh",
    "Syriac": "syrc", "Tamil": "taml", "Telugu": "telu", "Thaana": "thaa", "Thai": "thai",
    "Tibetan": "tibt", "Vietnamese": "viet",
}


def debian_package_for(language: str) -> str:
    script, vertical = language.removesuffix("_vert"), language.endswith("_vert")
    if script in SCRIPT_CODES:
        return f"tesseract-ocr-script-{SCRIPT_CODES[script]}" + ("-vert" if vertical else "")
    return "tesseract-ocr-" + language.lower().replace("_", "-")


def find_tessdata(preferred: str = "") -> str:
    """The tessdata directory: the configured one, else the Debian one holding eng."""
    candidates = [preferred] if preferred else []
    candidates += sorted(glob.glob("/usr/share/tesseract-ocr/*/tessdata"), reverse=True)
    candidates += ["/usr/share/tessdata", "/usr/local/share/tessdata"]
    for path in candidates:
        if path and Path(path).is_dir() and any(Path(path).glob("*.traineddata")):
            return path
    raise OcrSetupError("no tesseract language data found; install the Debian package "
                        "tesseract-ocr-eng (and tesseract-ocr)")


def check_languages(languages: list[str], tessdata: str) -> None:
    """Fail with the Debian package to install for each missing language."""
    missing = [lang for lang in languages
               if not (Path(tessdata) / f"{lang}.traineddata").is_file()]
    if missing:
        packages = " ".join(debian_package_for(lang) for lang in missing)
        raise OcrSetupError(f"tesseract language data missing for {', '.join(missing)} in "
                            f"{tessdata}; install: apt-get install {packages}")


# How tesseract binarises a page for its layout analysis (its LSTM reads the grey image):
# Leptonica's adaptive Otsu over half-inch tiles instead of one global Otsu threshold. On the
# smoothed noisy pages of the corpus this found lines and words better (204x98 degraded CER
# 2.4% -> 1.9%, 204x196 1.4% -> 0.9%, on seeds not used to choose it); clean pages, being
# 1-bit, binarise the same either way. Names as in tesseract 5 (`tesseract --print-parameters`).
THRESHOLDING = {"thresholding_method": "1", "thresholding_tile_size": "0.5"}
# Other parameters tried for their CPU on the tuning pages, each saving nothing measurable
# against run-to-run noise of about 5% (benchmarks/RESULTS.md, "A cheaper reading"), so left
# at tesseract's defaults: tessedit_do_invert=0 (tesseract 5 reads a line inverted only when
# it read it with little confidence, rare on faxes), paragraph_text_based=0,
# textord_tabfind_find_tables=0, tessedit_enable_dict_correction=0.
# Hyphens read as hyphens. At fax resolution tesseract reads the hyphen of a code or a
# double-barrelled name as an em or en dash ("Delacroix—Pham", "MER-L-002417—26"), so the
# page text, its PDF text layer and a copied code hold a character the page did not print
# (search folds dashes either way). With the dashes out of the recogniser's alphabet it
# chooses the hyphen: key tokens in the page text, sets G and H clean (both looked at, one
# seed), 91 -> 97 and 98 -> 102 of 111, 68 -> 71 and 70 -> 78 of 81 (204x98, 204x196); F
# +0 to +3 a cell; CER the same or lower in every cell of the tuning, REPORT, F, G, H and
# corpus pages but one, REPORT 204x196 clean 0.16% -> 0.23%, where a spaced dash in a heading
# ("INSTRUCTIONS - CONFIRM", read as an em dash) was left out (benchmarks/RESULTS.md). A real
# em dash on a page now reads as a hyphen. The rereads of doubtful words keep tesseract's
# defaults: they add what plain tesseract reads.
NO_DASHES = {"tessedit_char_blacklist": "\u2014\u2013"}
PAGE_VARIABLES = {**THRESHOLDING, **NO_DASHES}
_PAGE_ARGS = " ".join(f"-c {name}={value}" for name, value in PAGE_VARIABLES.items())


# Specks that survive cleaning come back from tesseract as "words" of dots and strokes alone:
# ";", "_", "'", "|". Measured on the degraded corpus (5 seeds), such a word is a speck, not
# text, when it is read with little confidence (junk 0-59, a real dash between words 90-93),
# when it is smaller than any character (at most 1/50 inch each way), when it opens a line
# without high confidence (a line of text does not start with a lone ".", "'" or ","), or
# when a low mark (period, comma, dash, underscore) stands as tall as a letter (a blob read as
# a mark). Symbols that carry meaning on their own ("%", "$", "#") are kept whatever their
# confidence (a clean "%" column was read at 55), and so is a dash inside a line that has a
# dash's shape, wider than tall and wider than a speck (a real one was read at 47).
# On a clean page (see DEBRIS_MAX_CHARS) only a mark's size makes it a speck: there an unsure
# mark is print, a check box "[ ]" opening a line (read at 73), a "/" between codes (18,
# 59), a separator "·" (read "*"). Kept, the clean pages of every layout set read 1.23% ->
# 1.22% CER at 204x98 and 1.03% -> 1.01% at 204x196 (F, H, K and N better, no set worse),
# and names-heldout-8 the same (benchmarks/RESULTS.md, "Marks kept on clean pages").
NOISE_WORD_CONFIDENCE = 60.0
LINE_START_CONFIDENCE = 80.0
SPECK_INCHES = 1 / 50
LOW_MARKS, LOW_MARK_MAX_INCHES = frozenset(".,_-\u2013\u2014"), 0.08
DASHES, DASH_MIN_INCHES = frozenset("-\u2013\u2014"), 1 / 40
SPECK_LIKE = frozenset(".,:;'\"`\u2018\u2019\u201c\u201d_|-\u2013\u2014*\u00b0~^!+/\\()[]{}")


def is_noise_word(word: str, confidence: float, size_inches: tuple[float, float] | None = None,
                  starts_line: bool = False, *, clean_page: bool = False) -> bool:
    """Whether a word read by tesseract is a speck, not text (see above). ``size_inches`` is
    the word box's (width, height); on a ``clean_page`` only that size counts."""
    marks = word.strip()
    if not marks or not all(ch in SPECK_LIKE for ch in marks):
        return False
    if clean_page:
        confidence, starts_line = 100.0, False  # sure, wherever it stands
    if size_inches and not starts_line and all(ch in DASHES for ch in marks) and \
            size_inches[0] >= DASH_MIN_INCHES and size_inches[1] < size_inches[0]:
        return False
    if confidence < NOISE_WORD_CONFIDENCE or (starts_line and
                                              confidence < LINE_START_CONFIDENCE):
        return True
    if size_inches is None:
        return False
    width, height = size_inches
    return max(width, height) <= SPECK_INCHES or \
        (all(ch in LOW_MARKS for ch in marks) and height > LOW_MARK_MAX_INCHES)


# Debris on a page read as one column (psm 4 or 6): tesseract puts every speck and streak
# on some text line, as short "words" it is unsure of ("i}", "oe", "7", "H"). On the tuning
# pages (tests/ocr_layouts.py TUNING_LAYOUTS, tests/ocr_corpus.py DOCS degraded), of the one-
# and two-character words with a letter or digit, none of the 167 that are on the page was
# read with less than 50 confidence, and 6 of the 27 that are not were. A line of nothing
# but unsure words, or of nothing but such short words, is debris too.
# Only a page whose print came damaged (noisy, with line errors, or askew) has debris: on a
# clean page an unsure short word is print ("CN 23" read at 42, the "1" of "EUR.1" at 9, a
# dash at 40: set N's customs declaration, 204x196), and dropping it lost it from the text
# and from search. Kept on clean pages, the clean pages of every layout set (11 sets, 68
# pages a resolution) read 1.34% -> 1.23% CER at 204x98 and 1.15% -> 1.03% at 204x196, no
# set worse; the 300 forms of names-heldout-8 lost the same words (benchmarks/RESULTS.md,
# "Short words kept on clean pages").
DEBRIS_MAX_CHARS = 2
DEBRIS_CONFIDENCE = 50.0
SURE_NUMBER_CONFIDENCE = 80.0


@dataclass(frozen=True)
class ReadWord:
    """One word as the engine returned it, with the line and paragraph it put it on."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float
    line: int
    paragraph: int


def bare_word(word: str) -> str:
    """A word without the punctuation around it, as added forms are kept."""
    return word.strip(".,:;()'\"")


def _is_debris(word: ReadWord) -> bool:
    return len(word.text) <= DEBRIS_MAX_CHARS and word.confidence < DEBRIS_CONFIDENCE


def _is_debris_line(line: list[ReadWord]) -> bool:
    """A line of unsure words only, or of one- and two-character words only (a streak or a
    row of specks read as "i", "H", "1"), unless a number on it was read with confidence (a
    page number)."""
    if all(w.confidence < DEBRIS_CONFIDENCE for w in line):
        return True
    return all(len(w.text) <= DEBRIS_MAX_CHARS for w in line) and not any(
        w.text.isdigit() and w.confidence >= SURE_NUMBER_CONFIDENCE for w in line)


# Lines the engine split across a wide gap. Even reading the page as one column (psm 4),
# tesseract sometimes cuts a table with a wide gap between its columns into two blocks and
# reads the left block's lines, then the right block's: "10/03 Venipuncture" a few lines
# before "18.50 163.50". On the tuning pages (tests/ocr_layouts.py TUNING_LAYOUTS, the
# account statement) that was 44-48% CER on 3 of 18 transmitted pages. A later line that
# stands on the same printed line as an earlier one (their middles within half the smaller
# line height of each other) and beside it, not over it, is put back on that line, in order
# across. The page was straightened before reading, so a printed line is level.
SAME_LINE_SHARE = 0.5


def _span(line: list[ReadWord]) -> tuple[float, float, float, float]:
    return (min(w.x0 for w in line), min(w.y0 for w in line),
            max(w.x1 for w in line), max(w.y1 for w in line))


def _same_printed_line(a: list[ReadWord], b: list[ReadWord]) -> bool:
    ax0, ay0, ax1, ay1 = _span(a)
    bx0, by0, bx1, by1 = _span(b)
    beside = bx0 >= ax1 or bx1 <= ax0
    height = min(ay1 - ay0, by1 - by0)
    return beside and height > 0 and \
        abs((ay0 + ay1) - (by0 + by1)) / 2 <= SAME_LINE_SHARE * height


def join_split_lines(lines: list[list[ReadWord]]) -> list[list[ReadWord]]:
    """``lines`` in reading order, with a line read apart from the rest of its printed line
    joined back to it (see above)."""
    joined: list[list[ReadWord]] = []
    for line in lines:
        home = next((done for done in joined if _same_printed_line(done, line)), None)
        if home is None:
            joined.append(list(line))
        else:
            home.extend(line)
            home.sort(key=lambda w: w.x0)
    return joined


def page_text(read: list[ReadWord], dpi: int, lexicon: frozenset[str],
              damaged: bool = True) -> PageText:
    """The page's text from the engine's words: specks dropped (on a page whose print came
    ``damaged``, unsure marks too, and debris: see DEBRIS_MAX_CHARS), lines as the engine
    found them (a blank line between paragraphs), each word as read. Corrections
    (ocr/correct.py) are added as searchable forms, never put in place of the reading."""
    kept: dict[int, list[ReadWord]] = {}
    for word in read:
        line = kept.setdefault(word.line, [])
        size = ((word.x1 - word.x0) / dpi, (word.y1 - word.y0) / dpi)
        if is_noise_word(word.text, word.confidence, size, starts_line=not line,
                         clean_page=not damaged) or (damaged and _is_debris(word)):
            continue
        line.append(word)
    lines = join_split_lines([line for line in kept.values()
                              if line and not (damaged and _is_debris_line(line))])
    # Top to bottom, as printed: on a noisy page tesseract's layout analysis can hand a block
    # of lines over before the lines above it (a rate confirmation's charges before its
    # carrier and stops). The page was straightened, so a line's middle is its place.
    lines.sort(key=lambda line: _span(line)[1] + _span(line)[3])
    words: list[Word] = []
    added: list[str] = []
    text: list[str] = []
    for i, line in enumerate(lines):
        if i and line[0].paragraph != lines[i - 1][0].paragraph:
            text.append("")  # a blank line between paragraphs, as tesseract prints them
        text.append(" ".join(w.text for w in line))
        for w in line:
            words.append(Word(w.text, w.x0, w.y0, w.x1, w.y1, w.confidence))
            corrected = correct_word(w.text, w.confidence, lexicon)
            if corrected != w.text:
                added.append(bare_word(corrected))
            if lexicon:  # corrections on (ocr.correct_words)
                added.extend(code_readings(bare_word(w.text), w.confidence))
                if capital_i := capital_i_reading(bare_word(w.text), w.confidence):
                    added.append(capital_i)
        if lexicon:
            added.extend(joined for left, right in pairwise(line)
                         if (joined := joined_code(left.text, left.confidence,
                                                   right.text, right.confidence)))
    return PageText(text="\n".join(text), confidence=_mean([w.confidence for w in words]),
                    words=words, added_forms=added)


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


# How tesseract splits the page: 4, one column of text lines of varying sizes, not 3, its
# automatic layout analysis. Fax pages are forms, tables, letterheads with a second column:
# psm 3 cuts them into blocks and reads a table column by column, a header's right half after
# the whole left half, and a line crossing two blocks in fragments, so a phrase printed on one
# line is not one phrase in the text. Read as one column, each printed line is one line of
# text. Page-mean CER on the tuning pages (tests/ocr_layouts.py TUNING_LAYOUTS, under the
# transmission model; tests/ocr_corpus.py DOCS under its own noise), psm 3 / 6 / 4:
#   clean 204x98 and 204x196             10.5% / 0.35% / 0.35-0.39%
#   transmitted 204x98                   13.6% / 4.0%  / 3.2%
#   transmitted 204x196                  26.4% / 2.5%  / 1.2%
#   corpus degraded 204x98               1.6%  / 2.3%  / 1.7%
#   corpus degraded 204x196              0.9%  / 1.2%  / 0.9%
# the debris that comes onto text lines is dropped (``page_text``). A page printed in true
# columns reads across them, line by line. On a squared page psm 4 costs about a fifth more
# CPU than psm 6 (its layout analysis), which is why clean pages are read with psm 6 (below).
PAGE_SEGMENTATION = 4
# A clean fax page (bilevel as received, with no noise to clean; at 204x98 it reaches the
# engine smoothed, ocr/normalize.py) is read as one uniform block (psm 6). Psm 4 runs
# tesseract's whole layout analysis (ruled lines found and removed, column partitions, then
# one column forced): on a squared page that is about a quarter of the page's CPU. On clean
# pages it buys nothing: page-mean CER on the clean tuning pages (1-bit, before 204x98 pages
# were smoothed), psm 4 / 6: tests/ocr_corpus.py DOCS 204x98 0.31% / 0.31%,
# tests/ocr_layouts.py TUNING_LAYOUTS 204x98 0.50% / 0.42%, names tuning forms 0.28% / 0.30%
# with the same words lost; CPU a page 15-17% less (benchmarks/RESULTS.md, "A cheaper
# reading"). Noisy pages keep psm 4, on which they read clearly better (the table above).
CLEAN_PAGE_SEGMENTATION = 6


class TesserocrEngine:
    def __init__(self, languages: list[str], tessdata: str,
                 lexicon: frozenset[str] = frozenset(),
                 psm: int = PAGE_SEGMENTATION, damaged_tessdata: str = "",
                 other_languages: tuple[str, ...] = (),
                 dictionary: frozenset[str] = frozenset()) -> None:
        import tesserocr

        self._tesserocr = tesserocr
        self._lexicon = lexicon
        self.dictionary = dictionary
        self.other_languages = other_languages
        self._path = tessdata.rstrip("/") + "/"
        self._damaged_path = damaged_tessdata.rstrip("/") + "/" if damaged_tessdata else ""
        self._lang = "+".join(languages)
        self._other_lang = other_reading_languages(languages, other_languages)
        self._osd = None
        self._psm = psm
        self._api = self._page_api(self._path, self._lang)
        # Loaded with the page reader, not on first need: nearly every page has a doubtful
        # word read again (ocr/rereads.py), so a pool process holds this reader from its
        # first page on, and loading it then (about 60 ms) would fall on that page.
        self._line_apis: dict[bool, Any] = {False: self._new_line_api(self._lang)}
        self._damaged_api = (self._page_api(self._damaged_path, self._lang)
                             if damaged_tessdata else None)
        # Loaded on first need: most pages are in the engine's own languages, and a script
        # model is large (Latin's is 89 MB on disk).
        self._other_apis: dict[bool, Any] = {}

    def _page_api(self, path: str, lang: str) -> Any:
        api = self._tesserocr.PyTessBaseAPI(path=path, lang=lang, psm=self._psm)
        for name, value in PAGE_VARIABLES.items():
            if not api.SetVariable(name, value):
                raise OcrSetupError(f"this tesseract has no parameter {name}; faxvault "
                                    "needs tesseract 5.0 or newer")
        return api

    def _other_api(self, damaged: bool) -> Any:
        damaged = damaged and bool(self._damaged_path)
        if damaged not in self._other_apis:
            self._other_apis[damaged] = self._page_api(
                self._damaged_path if damaged else self._path, self._other_lang)
        return self._other_apis[damaged]

    def recognize(self, image: Image.Image, dpi: int, psm: int | None = None,
                  damaged: bool = False, other_languages: bool = False) -> PageText:
        tesserocr = self._tesserocr
        api, level = self._api, tesserocr.RIL.WORD
        if other_languages and self.other_languages:
            api = self._other_api(damaged)
        elif damaged and self._damaged_api is not None:
            api = self._damaged_api
        api.SetPageSegMode(self._psm if psm is None else psm)
        api.SetImage(image)
        api.SetSourceResolution(dpi)
        api.Recognize()
        read: list[ReadWord] = []
        line = paragraph = -1
        iterator = api.GetIterator()
        for item in tesserocr.iterate_level(iterator, level):
            if item.IsAtBeginningOf(tesserocr.RIL.PARA):
                paragraph += 1
            if item.IsAtBeginningOf(tesserocr.RIL.TEXTLINE):
                line += 1
            try:
                word = item.GetUTF8Text(level)
            except RuntimeError:  # tesserocr raises for an empty result at this level
                continue
            box = item.BoundingBox(level)
            if not word or not word.strip() or box is None:
                continue
            read.append(ReadWord(word.strip(), *box, item.Confidence(level),
                                 line=line, paragraph=paragraph))
        api.Clear()
        return page_text(read, dpi, self._lexicon, damaged)

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        if self._osd is None:  # loaded on first need: most pages are upright
            self._osd = self._tesserocr.PyTessBaseAPI(path=self._path, lang="osd",
                                                      psm=self._tesserocr.PSM.OSD_ONLY)
        self._osd.SetImage(image)
        self._osd.SetSourceResolution(dpi)
        result = self._osd.DetectOrientationScript()
        self._osd.Clear()
        if not result:
            return 0, 0.0
        return int(result["orient_deg"]) % 360, float(result["orient_conf"])

    def _new_line_api(self, lang: str) -> Any:
        """A reader of one line, with tesseract's defaults."""
        api = self._tesserocr.PyTessBaseAPI(path=self._path, lang=lang,
                                            psm=self._tesserocr.PSM.SINGLE_LINE)
        # The recogniser's other choices for each letter (see alternative_spellings). Only
        # this small reading keeps them: kept for a whole page they cost 10-15% more of its
        # CPU (every time step of every line is ranked).
        api.SetVariable("lstm_choice_mode", str(LSTM_CHOICE_MODE))
        return api

    def _line_api(self, other_languages: bool) -> Any:
        other = other_languages and bool(self.other_languages)
        if other not in self._line_apis:  # the other languages' reader: on first need
            self._line_apis[other] = self._new_line_api(self._other_lang)
        return self._line_apis[other]

    def read_line(self, image: Image.Image, dpi: int,
                  other_languages: bool = False) -> list[LineWord]:
        api = self._line_api(other_languages)
        api.SetImage(image)
        api.SetSourceResolution(dpi)
        api.Recognize()
        # The words are the line's text as tesseract prints it; the letters' choices only
        # add spellings to the words they spell (a word of the iterator can hold a space,
        # and a letter's choices need not list the chosen letter first).
        near: dict[str, tuple[str, ...]] = {}
        for letters in self._letter_choices(api):
            spelled = "".join(choices[0][0] for choices in letters)
            near.setdefault(spelled, alternative_spellings(letters))
        words = [LineWord(word, near.get(word, ())) for word in api.GetUTF8Text().split()]
        api.Clear()
        return words

    def _letter_choices(self, api: Any) -> list[list[list[tuple[str, float]]]]:
        """Each word's letters: (letter, confidence) choices, the chosen letter first."""
        tesserocr = self._tesserocr
        symbol_level = tesserocr.RIL.SYMBOL
        words: list[list[list[tuple[str, float]]]] = [[]]
        for symbol in tesserocr.iterate_level(api.GetIterator(), symbol_level):
            try:
                chosen = symbol.GetUTF8Text(symbol_level) or ""
            except RuntimeError:  # tesserocr raises for an empty result at this level
                chosen = ""
            if symbol.IsAtBeginningOf(tesserocr.RIL.WORD) or not chosen.strip():
                words.append([])
            if not chosen.strip():
                continue
            choices = {c.GetUTF8Text(): c.Confidence() for c in symbol.GetChoiceIterator()}
            words[-1].append([(chosen, choices.pop(chosen, symbol.Confidence(symbol_level))),
                              *choices.items()])
        return [letters for letters in words if letters]


class CliEngine:
    def __init__(self, languages: list[str], tessdata: str,
                 lexicon: frozenset[str] = frozenset(),
                 psm: int = PAGE_SEGMENTATION, damaged_tessdata: str = "",
                 other_languages: tuple[str, ...] = (),
                 dictionary: frozenset[str] = frozenset()) -> None:
        import pytesseract

        self._pytesseract = pytesseract
        self._lexicon = lexicon
        self.dictionary = dictionary
        self.other_languages = other_languages
        self._lang = "+".join(languages)
        self._other_lang = other_reading_languages(languages, other_languages)
        self._tessdata = tessdata
        self._damaged_tessdata = damaged_tessdata or tessdata
        self._psm = psm

    def recognize(self, image: Image.Image, dpi: int, psm: int | None = None,
                  damaged: bool = False, other_languages: bool = False) -> PageText:
        psm = self._psm if psm is None else psm
        tessdata = self._damaged_tessdata if damaged else self._tessdata
        data = self._pytesseract.image_to_data(
            image, lang=self._other_lang if other_languages else self._lang,
            config=f"--dpi {dpi} --psm {psm} --tessdata-dir {tessdata} "
                   f"{_PAGE_ARGS}",
            output_type=self._pytesseract.Output.DICT,
        )
        read: list[ReadWord] = []
        lines: dict[tuple[int, int, int], int] = {}
        paragraphs: dict[tuple[int, int], int] = {}
        for i, raw in enumerate(data["text"]):
            word, confidence = (raw or "").strip(), float(data["conf"][i])
            if not word or confidence < 0:
                continue
            x, y, w, h = (data[k][i] for k in ("left", "top", "width", "height"))
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            line = lines.setdefault(key, len(lines))
            paragraph = paragraphs.setdefault(key[:2], len(paragraphs))
            read.append(ReadWord(word, x, y, x + w, y + h, confidence, line, paragraph))
        return page_text(read, dpi, self._lexicon, damaged)

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        try:
            osd = self._pytesseract.image_to_osd(
                image, config=f"--psm 0 --dpi {dpi} --tessdata-dir {self._tessdata}",
                output_type=self._pytesseract.Output.DICT)
        except self._pytesseract.TesseractError:  # too little text to tell
            return 0, 0.0
        # "orientation" is how the page is turned; turning it back by that much (CCW) rights it.
        return int(osd["orientation"]) % 360, float(osd["orientation_conf"])

    def read_line(self, image: Image.Image, dpi: int,
                  other_languages: bool = False) -> list[LineWord]:
        # The command line prints no letter choices: the words alone.
        lang = self._other_lang if other_languages and self.other_languages else self._lang
        return [LineWord(word) for word in self._pytesseract.image_to_string(
            image, lang=lang,
            config=f"--dpi {dpi} --psm 7 --tessdata-dir {self._tessdata}").split()]


# Letters the recogniser nearly read otherwise. Tesseract's LSTM weighs, for each letter of
# a word, other letters too (``lstm_choice_mode``: 1 keeps, per letter, every character it
# weighed with its confidence). Where a glyph is ambiguous at fax resolution, the letter it
# printed and the one it nearly chose can be close: a Helvetica "I" read "l" (85 against
# 83), "S" read "8" in a record number. A reread word's spellings with one such letter
# swapped in, ALTERNATIVE_WITHIN confidence points of the chosen one (and at least
# ALTERNATIVE_MIN_CONFIDENCE), are added as searchable forms, at most MAX_ALTERNATIVES per
# word, closest first: what the engine weighed, added beside what it chose, never in place.
LSTM_CHOICE_MODE = 1
ALTERNATIVE_WITHIN = 15.0
ALTERNATIVE_MIN_CONFIDENCE = 50.0
MAX_ALTERNATIVES = 2


def alternative_spellings(letters: list[list[tuple[str, float]]]) -> tuple[str, ...]:
    """Spellings of the word whose letters' choices are ``letters`` (each: (character,
    confidence), the chosen one first), with one letter swapped for a near choice (see
    above)."""
    chosen = [choices[0][0] for choices in letters]
    near: list[tuple[float, str]] = []
    for i, choices in enumerate(letters):
        best = choices[0][1]
        for other, confidence in choices[1:]:
            if other and other != chosen[i] and other.strip() and \
                    confidence >= ALTERNATIVE_MIN_CONFIDENCE and \
                    best - confidence <= ALTERNATIVE_WITHIN:
                near.append((best - confidence,
                             "".join(chosen[:i]) + other + "".join(chosen[i + 1:])))
    return tuple(dict.fromkeys(spelling for _, spelling in sorted(near)))[:MAX_ALTERNATIVES]


def make_engine(name: str, languages: list[str], tessdata: str = "",
                correct_words: bool = False, psm: int = PAGE_SEGMENTATION,
                lexicon: frozenset[str] | None = None, damaged_tessdata: str = "",
                other_languages: Sequence[str] = ()) -> Engine:
    """A loaded engine. With ``correct_words`` or ``other_languages`` it also loads the
    languages' dictionaries (about 0.4 s and 12 MB for eng), unless ``lexicon`` brings them
    already read; with ``correct_words`` it adds corrections of misread words as searchable
    forms (ocr/correct.py). ``psm``: tesseract's page segmentation mode.
    ``damaged_tessdata``: the models pages whose print came damaged are read with
    (ocr/fax_model.py; "": ``tessdata``'s, as every other page). ``other_languages``: what
    a page that reads as another language is read again in, with ``languages``
    (ocr/languages.py)."""
    tessdata = find_tessdata(tessdata)
    other = tuple(lang for lang in other_languages if lang not in languages)
    check_languages([*languages, *other], tessdata)
    if damaged_tessdata:
        check_languages([*languages, *other], damaged_tessdata)
    if name not in ("tesserocr", "pytesseract"):
        raise OcrSetupError(f"unknown OCR engine {name!r}; expected tesserocr or pytesseract")
    if lexicon is None and (correct_words or other):
        lexicon = load_lexicon(languages, tessdata)
    dictionary = lexicon or frozenset()
    corrections = dictionary if correct_words else frozenset()
    engine = TesserocrEngine if name == "tesserocr" else CliEngine
    return engine(languages, tessdata, corrections, psm, damaged_tessdata, other, dictionary)
