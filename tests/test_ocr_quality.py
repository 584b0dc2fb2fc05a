"""Accuracy floors on a small subset of the OCR corpus, so a regression fails CI. The full
measurement is benchmarks/ocr_quality.py (figures in benchmarks/RESULTS.md)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PIL import Image

from ingest.pipeline import open_services
from ocr import PageText, make_engine, recognize_page_image
from ocr import turned as turn
from tests.conftest import make_config
from tests.ocr_corpus import DOCS, HELD_OUT_DOCS, error_rates, make_page, tokens_found

REFERRAL = next(d for d in DOCS if d.name == "referral")
SMALL_PRINT = next(d for d in DOCS if d.name == "smallprint")


@pytest.fixture(scope="module")
def engine():
    """The engine as the pipeline runs it by default (word correction on)."""
    return make_engine("tesserocr", ["eng"], correct_words=True)


def read_page(engine, path: Path) -> PageText:
    with Image.open(path) as image:
        image.load()
        xdpi, ydpi = (float(v) for v in image.info["dpi"])
        return recognize_page_image(image, xdpi, ydpi, engine=engine)


def read(engine, path: Path) -> str:
    return read_page(engine, path).text


TABLE = next(d for d in DOCS if d.name == "table")


# Floors set a little above today's measurement (benchmarks/RESULTS.md).
@pytest.mark.parametrize(("doc", "resolution", "condition", "max_cer", "min_tokens"), [
    (REFERRAL, "204x98", "clean", 0.012, 7),
    (REFERRAL, "204x98", "degraded", 0.025, 7),
    (REFERRAL, "204x196", "degraded", 0.015, 7),
    (SMALL_PRINT, "204x196", "clean", 0.01, 6),
    (SMALL_PRINT, "204x98", "degraded", 0.03, 6),
    (TABLE, "204x98", "degraded", 0.035, 6),
])
def test_accuracy_floor(engine, tmp_path: Path, doc, resolution: str, condition: str,
                        max_cer: float, min_tokens: int) -> None:
    text = read(engine, make_page(tmp_path, doc, resolution, condition))
    cer, _ = error_rates("\n".join(doc.lines), text)
    assert cer <= max_cer, f"CER {cer:.2%}"
    assert tokens_found(text, doc.key_tokens) >= min_tokens


def test_squaring_beats_reading_the_page_as_received(engine, tmp_path: Path) -> None:
    path = make_page(tmp_path, REFERRAL, "204x98", "degraded")
    with Image.open(path) as image:
        image.load()
        as_received = engine.recognize(image.convert("L"), 204).text
    truth = "\n".join(REFERRAL.lines)
    assert error_rates(truth, read(engine, path))[0] < error_rates(truth, as_received)[0]


@pytest.mark.parametrize("degrees", [180, 90, 270])
def test_turned_degraded_page_reads_as_well_as_upright(engine, tmp_path: Path,
                                                       degrees: int) -> None:
    upright = make_page(tmp_path, REFERRAL, "204x98", "degraded")
    turned = tmp_path / f"turned{degrees}.tif"
    with Image.open(upright) as image:
        page, xdpi, ydpi = turn(image, *image.info["dpi"], degrees)
        page.save(turned, format="TIFF", compression="group4", dpi=(xdpi, ydpi))
    truth = "\n".join(REFERRAL.lines)
    upright_cer = error_rates(truth, read(engine, upright))[0]
    turned_cer = error_rates(truth, read(engine, turned))[0]
    assert turned_cer <= upright_cer + 0.005, (turned_cer, upright_cer)


def test_word_correction_mends_misreadings_and_keeps_what_was_read_right(
        engine, tmp_path: Path) -> None:
    """On texts other than the corpus: fewer errors, and no word that tesseract read right
    is changed."""
    as_read = make_engine("tesserocr", ["eng"])
    raw_errors = corrected_errors = 0.0
    changed: list[tuple[str, str]] = []
    for doc in HELD_OUT_DOCS:
        path = make_page(tmp_path, doc, "204x98", "degraded")
        raw, corrected = read_page(as_read, path), read_page(engine, path)
        truth = "\n".join(doc.lines)
        raw_errors += error_rates(truth, raw.text)[0]
        corrected_errors += error_rates(truth, corrected.text)[0]
        assert [w.confidence for w in raw.words] == [w.confidence for w in corrected.words]
        pairs = [(a.text, b.text) for a, b in zip(raw.words, corrected.words, strict=True)
                 if a.text != b.text]
        right = set(truth.split())
        assert not [pair for pair in pairs if pair[0] in right], pairs
        changed += pairs
    assert len(changed) >= 5, changed
    assert corrected_errors < raw_errors * 0.85, (corrected_errors, raw_errors)


def test_pipeline_corrects_words_unless_configured_not_to(ocr_pool, tmp_path: Path) -> None:
    path = make_page(tmp_path, SMALL_PRINT, "204x98", "degraded")
    plain = open_services(make_config(tmp_path / "var", ocr={"workers": 1,
                                                             "correct_words": False}))
    try:
        as_read = asyncio.run(plain.pool.recognize(path, 204, 98)).text
    finally:
        plain.close()
    corrected = asyncio.run(ocr_pool.recognize(path, 204, 98)).text  # the default config
    assert "benelits" in as_read and "benefits" not in as_read
    assert "benefits" in corrected and "benelits" not in corrected
