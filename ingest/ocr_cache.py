"""A fax's OCR cache: one file per page read, ``work/ocr/<pixels sha256>.json``.

The file holds everything the engine returned for the page, word boxes included. It serves
twice: a page with the same pixels (a streamed page, an earlier attempt of the job) is not
read again, and assembly takes each page's words for the PDF text layer from it, one page at
a time. The words therefore never travel between processes nor gather in one: a 500-page fax
has about 150,000 of them, 90 MB as objects, held once in the service and once more in the
pool process that assembled before they stayed here.

Words are stored as ``[text, x0, y0, x1, y1, confidence]`` rows, not one object each:
smaller, and written and read several times faster. A file is written whole under another
name and then renamed; one that does not parse (a crash mid-write before the rename reached
the disk) counts as absent, so the page is simply read again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ocr.engine import PageText, Word

CACHE_DIR = "ocr"


def cache_path(work: str | Path, image_sha256: str, page_no: int) -> Path:
    """Where a page's reading is kept in the work dir ``work``. A page whose pixels were not
    hashed gets a file by its number, written for assembly but never reused as a cache."""
    name = image_sha256 or f"page-{page_no:04d}"
    return Path(work) / CACHE_DIR / f"{name}.json"


def write_page_text(path: Path, text: PageText) -> None:
    doc = {"text": text.text, "confidence": text.confidence, "rotation": text.rotation,
           "added_forms": text.added_forms,
           "words": [[w.text, w.x0, w.y0, w.x1, w.y1, w.confidence] for w in text.words]}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")),
                       encoding="utf-8")
    os.replace(partial, path)


def _word(row: Any) -> Word:
    # Files written before words were stored as rows hold one object per word.
    return Word(**row) if isinstance(row, dict) else Word(*row)


def read_page_text(path: Path, *, with_words: bool = True) -> PageText:
    """The reading kept at ``path`` (raises OSError or ValueError if it is missing or
    damaged). Without ``with_words`` the word boxes are left out: the caller needs only the
    text, and a long fax's words are not held in memory for nothing."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    words = [_word(row) for row in doc["words"]] if with_words else []
    return PageText(text=doc["text"], confidence=doc["confidence"], words=words,
                    rotation=doc.get("rotation", 0), added_forms=doc.get("added_forms", []))


def cached_page_text(path: Path) -> PageText | None:
    """The cached reading without its words, or None if there is none usable."""
    try:
        return read_page_text(path, with_words=False)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # damaged: read the page again (the new file replaces this one)


def page_words(path: Path) -> list[Word]:
    """Pool side of assembly: one page's words from its cache file."""
    return read_page_text(path).words
