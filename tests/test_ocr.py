"""OCR: fax geometry is squared before reading; words come back in page coordinates."""

from pathlib import Path

import pytest
from PIL import Image

from ocr import make_engine, normalize_fax_geometry, recognize_page_image
from ocr.engine import OcrSetupError, check_languages, find_tessdata
from tests.faxgen import render_fax


def test_standard_resolution_rows_are_doubled() -> None:
    image = Image.new("1", (1728, 1078), 1)
    squared, geometry = normalize_fax_geometry(image, 204, 98)
    assert squared.size == (1728, 2156)
    assert (geometry.scale_x, geometry.scale_y, geometry.dpi) == (1, 2, 204)


def test_fine_resolution_is_left_alone() -> None:
    image = Image.new("1", (1728, 2156), 1)
    squared, geometry = normalize_fax_geometry(image, 204, 196)
    assert squared.size == (1728, 2156)
    assert (geometry.scale_x, geometry.scale_y) == (1, 1)


@pytest.mark.parametrize("engine_name", ["tesserocr", "pytesseract"])
def test_both_engines_read_a_standard_resolution_fax(tmp_path: Path, engine_name: str) -> None:
    path = render_fax(tmp_path / "p.tif", [["Prescription refill for amoxicillin 500 mg"]])
    engine = make_engine(engine_name, ["eng"])
    with Image.open(path) as image:
        result = recognize_page_image(image, 204, 98, engine=engine)
    assert "amoxicillin" in result.text
    assert result.confidence is not None and result.confidence > 70
    word = next(w for w in result.words if w.text == "amoxicillin")
    # Boxes are in page pixels (rows not doubled): line at 1 in from the top at 98 dpi.
    assert 60 < word.y0 < 110 and word.y1 < 120


def test_missing_language_names_the_debian_package() -> None:
    with pytest.raises(OcrSetupError, match="apt-get install tesseract-ocr-chi-sim"):
        check_languages(["eng", "chi_sim"], find_tessdata())
