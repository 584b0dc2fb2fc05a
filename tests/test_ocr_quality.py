"""Accuracy floors on a small subset of the OCR corpus, so a regression fails CI. The full
measurement is benchmarks/ocr_quality.py (figures in benchmarks/RESULTS.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from ocr import make_engine, recognize_page_image
from ocr import turned as turn
from tests.ocr_corpus import DOCS, error_rates, make_page, tokens_found

REFERRAL = next(d for d in DOCS if d.name == "referral")
SMALL_PRINT = next(d for d in DOCS if d.name == "smallprint")


@pytest.fixture(scope="module")
def engine():
    return make_engine("tesserocr", ["eng"])


def read(engine, path: Path) -> str:
    with Image.open(path) as image:
        image.load()
        xdpi, ydpi = (float(v) for v in image.info["dpi"])
        return recognize_page_image(image, xdpi, ydpi, engine=engine).text


TABLE = next(d for d in DOCS if d.name == "table")


# Floors set a little above today's measurement (benchmarks/RESULTS.md).
@pytest.mark.parametrize(("doc", "resolution", "condition", "max_cer", "min_tokens"), [
    (REFERRAL, "204x98", "clean", 0.012, 7),
    (REFERRAL, "204x98", "degraded", 0.025, 7),
    (REFERRAL, "204x196", "degraded", 0.015, 7),
    (SMALL_PRINT, "204x196", "clean", 0.01, 6),
    (SMALL_PRINT, "204x98", "degraded", 0.06, 4),
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
