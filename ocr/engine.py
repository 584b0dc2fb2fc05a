"""Tesseract, two ways: one reused in-process API (tesserocr) or one CLI run per page
(pytesseract). Both return the same :class:`PageText`.

tesserocr keeps the model loaded across pages, which saves the ~0.1 s start-up and model load
that every pytesseract call pays; pytesseract stays as a fallback that needs only the Debian
``tesseract`` binary.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PIL import Image

from ocr.correct import correct_word
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


class Engine(Protocol):
    def recognize(self, image: Image.Image, dpi: int) -> PageText: ...

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        """(degrees counter-clockwise to turn the image upright, confidence)."""
        ...


def debian_package_for(language: str) -> str:
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
_THRESHOLDING_ARGS = " ".join(f"-c {name}={value}" for name, value in THRESHOLDING.items())


# Specks that survive cleaning come back from tesseract as "words" of dots and strokes alone:
# ";", "_", "'", "|". Measured on the degraded corpus (5 seeds), such a word is a speck, not
# text, when it is read with little confidence (junk 0-59, a real dash between words 90-93),
# when it is smaller than any character (at most 1/50 inch each way), when it opens a line
# without high confidence (a line of text does not start with a lone ".", "'" or ","), or
# when a low mark (period, comma, dash, underscore) stands as tall as a letter (a blob read as
# a mark). Symbols that carry meaning on their own ("%", "$", "#") are kept whatever their
# confidence (a clean "%" column was read at 55), and so is a dash inside a line that has a
# dash's shape, wider than tall and wider than a speck (a real one was read at 47).
NOISE_WORD_CONFIDENCE = 60.0
LINE_START_CONFIDENCE = 80.0
SPECK_INCHES = 1 / 50
LOW_MARKS, LOW_MARK_MAX_INCHES = frozenset(".,_-\u2013\u2014"), 0.08
DASHES, DASH_MIN_INCHES = frozenset("-\u2013\u2014"), 1 / 40
SPECK_LIKE = frozenset(".,:;'\"`\u2018\u2019\u201c\u201d_|-\u2013\u2014*\u00b0~^!+/\\()[]{}")


def is_noise_word(word: str, confidence: float, size_inches: tuple[float, float] | None = None,
                  starts_line: bool = False) -> bool:
    """Whether a word read by tesseract is a speck, not text (see above). ``size_inches`` is
    the word box's (width, height)."""
    marks = word.strip()
    if not marks or not all(ch in SPECK_LIKE for ch in marks):
        return False
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


def _join_lines(lines: list[list[str]]) -> str:
    text = "\n".join(" ".join(line) for line in lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


class TesserocrEngine:
    def __init__(self, languages: list[str], tessdata: str,
                 lexicon: frozenset[str] = frozenset()) -> None:
        import tesserocr

        self._tesserocr = tesserocr
        self._lexicon = lexicon
        self._path = tessdata.rstrip("/") + "/"
        self._osd = None
        # PSM 3 (automatic page segmentation, no OSD): fax pages are ordinary documents.
        self._api = tesserocr.PyTessBaseAPI(path=self._path,
                                            lang="+".join(languages),
                                            psm=tesserocr.PSM.AUTO)
        for name, value in THRESHOLDING.items():
            if not self._api.SetVariable(name, value):
                raise OcrSetupError(f"this tesseract has no parameter {name}; faxvault "
                                    "needs tesseract 5.0 or newer")

    def recognize(self, image: Image.Image, dpi: int) -> PageText:
        tesserocr = self._tesserocr
        api, level = self._api, tesserocr.RIL.WORD
        api.SetImage(image)
        api.SetSourceResolution(dpi)
        api.Recognize()
        words: list[Word] = []
        lines: list[list[str]] = []
        iterator = api.GetIterator()
        for item in tesserocr.iterate_level(iterator, level):
            if item.IsAtBeginningOf(tesserocr.RIL.PARA) and lines and lines[-1]:
                lines.append([])  # a blank line between paragraphs, as tesseract prints them
            if item.IsAtBeginningOf(tesserocr.RIL.TEXTLINE) and (not lines or lines[-1]):
                lines.append([])
            try:
                word = item.GetUTF8Text(level)
            except RuntimeError:  # tesserocr raises for an empty result at this level
                continue
            box = item.BoundingBox(level)
            if not word or not word.strip() or box is None:
                continue
            confidence = item.Confidence(level)
            size = ((box[2] - box[0]) / dpi, (box[3] - box[1]) / dpi)
            if is_noise_word(word, confidence, size, starts_line=not lines[-1]):
                continue
            word = correct_word(word.strip(), confidence, self._lexicon)
            words.append(Word(word, *box, confidence=confidence))
            lines[-1].append(word)
        api.Clear()
        return PageText(text=_join_lines(lines), confidence=_mean([w.confidence for w in words]),
                        words=words)

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


class CliEngine:
    def __init__(self, languages: list[str], tessdata: str,
                 lexicon: frozenset[str] = frozenset()) -> None:
        import pytesseract

        self._pytesseract = pytesseract
        self._lexicon = lexicon
        self._lang = "+".join(languages)
        self._tessdata = tessdata

    def recognize(self, image: Image.Image, dpi: int) -> PageText:
        data = self._pytesseract.image_to_data(
            image, lang=self._lang,
            config=f"--dpi {dpi} --psm 3 --tessdata-dir {self._tessdata} {_THRESHOLDING_ARGS}",
            output_type=self._pytesseract.Output.DICT,
        )
        words: list[Word] = []
        lines: dict[tuple[int, int, int], list[str]] = {}
        for i, raw in enumerate(data["text"]):
            word, confidence = (raw or "").strip(), float(data["conf"][i])
            x, y, w, h = (data[k][i] for k in ("left", "top", "width", "height"))
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            if not word or confidence < 0 or is_noise_word(
                    word, confidence, (w / dpi, h / dpi), starts_line=key not in lines):
                continue
            word = correct_word(word, confidence, self._lexicon)
            words.append(Word(word, x, y, x + w, y + h, confidence))
            lines.setdefault(key, []).append(word)
        text, previous = [], None
        for key, line in lines.items():
            if previous is not None and key[:2] != previous[:2]:
                text.append("")  # blank line between paragraphs, as tesseract prints them
            text.append(" ".join(line))
            previous = key
        return PageText(text="\n".join(text), confidence=_mean([w.confidence for w in words]),
                        words=words)

    def orientation(self, image: Image.Image, dpi: int) -> tuple[int, float]:
        try:
            osd = self._pytesseract.image_to_osd(
                image, config=f"--psm 0 --dpi {dpi} --tessdata-dir {self._tessdata}",
                output_type=self._pytesseract.Output.DICT)
        except self._pytesseract.TesseractError:  # too little text to tell
            return 0, 0.0
        # "orientation" is how the page is turned; turning it back by that much (CCW) rights it.
        return int(osd["orientation"]) % 360, float(osd["orientation_conf"])


def make_engine(name: str, languages: list[str], tessdata: str = "",
                correct_words: bool = False) -> Engine:
    """A loaded engine. With ``correct_words`` it also loads the languages' dictionaries
    (about 0.4 s and 12 MB for eng) and corrects misread words (ocr/correct.py)."""
    tessdata = find_tessdata(tessdata)
    check_languages(languages, tessdata)
    if name not in ("tesserocr", "pytesseract"):
        raise OcrSetupError(f"unknown OCR engine {name!r}; expected tesserocr or pytesseract")
    lexicon = load_lexicon(languages, tessdata) if correct_words else frozenset()
    if name == "tesserocr":
        return TesserocrEngine(languages, tessdata, lexicon)
    return CliEngine(languages, tessdata, lexicon)
