"""fax.pdf and fax.tif: lossless CCITT images, exact page sizes, a text layer in place."""

import subprocess

import pikepdf
import pytest
from PIL import Image

from ingest.assemble import assemble_outputs
from ingest.pages import split_document
from ocr import recognize_page_image
from tests.faxgen import render_fax

PAGES = [["Hospital discharge summary for Jane Doe"], ["Second page about aspirin dosage"]]


@pytest.fixture(scope="module", params=[("tiffg4", "204x98"), ("tiffg3", "204x196")])
def assembled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    device, resolution = request.param
    work = tmp_path_factory.mktemp(f"asm-{device}-{resolution}")
    original = render_fax(work / "in.tif", PAGES, device=device, resolution=resolution)
    pages = split_document(original, work / "pages")
    texts = []
    for page in pages:
        with Image.open(page.path) as image:
            texts.append(recognize_page_image(image, page.xdpi, page.ydpi))
    outputs = assemble_outputs(pages, texts, work)
    return pages, texts, outputs


def test_pdf_page_size_is_pixels_over_dpi_per_axis(assembled) -> None:
    pages, _, outputs = assembled
    with pikepdf.open(outputs["pdf"]) as pdf:
        assert len(pdf.pages) == len(pages)
        for pdf_page, page in zip(pdf.pages, pages, strict=True):
            x0, y0, x1, y1 = (float(v) for v in pdf_page.mediabox)
            assert x1 - x0 == pytest.approx(page.width_px / page.xdpi * 72, rel=0.01)
            assert y1 - y0 == pytest.approx(page.height_px / page.ydpi * 72, rel=0.01)
            # A letter fax page is 11 in tall whatever its vertical resolution.
            assert y1 - y0 == pytest.approx(792, rel=0.01)


def test_pdf_images_are_still_ccitt(assembled) -> None:
    _, _, outputs = assembled
    with pikepdf.open(outputs["pdf"]) as pdf:
        for pdf_page in pdf.pages:
            images = list(pdf_page.Resources.XObject.values())
            assert len(images) == 1
            filters = images[0].Filter
            filters = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
            assert filters == [pikepdf.Name.CCITTFaxDecode]  # passed through, not re-encoded
            assert images[0].BitsPerComponent == 1


def test_pdf_text_layer_is_extractable_over_its_words(assembled) -> None:
    _, _texts, outputs = assembled
    out = subprocess.run(["pdftotext", "-layout", outputs["pdf"], "-"], capture_output=True,
                         text=True, check=True).stdout
    assert "discharge" in out and "aspirin" in out
    bbox = subprocess.run(["pdftotext", "-bbox", outputs["pdf"], "-"], capture_output=True,
                          text=True, check=True).stdout
    # The word sits where the fixture printed it: 1 inch from the left, 1 inch from the top
    # (PostScript y=720 of 792), i.e. top-left quadrant in PDF points from the top.
    line = next(line for line in bbox.splitlines() if ">Hospital<" in line)
    x_min = float(line.split('xMin="')[1].split('"')[0])
    y_min = float(line.split('yMin="')[1].split('"')[0])
    assert x_min == pytest.approx(72, abs=4)
    assert y_min == pytest.approx(792 - 720 - 10, abs=5)


def test_tiff_has_every_page_g4_with_its_resolution(assembled) -> None:
    pages, _, outputs = assembled
    with Image.open(outputs["tiff"]) as tiff:
        assert tiff.n_frames == len(pages)
        for index, page in enumerate(pages):
            tiff.seek(index)
            assert tiff.info["compression"] == "group4"
            assert tiff.size == (page.width_px, page.height_px)
            assert tiff.info["dpi"] == pytest.approx((page.xdpi, page.ydpi))
