"""fax.pdf and fax.tif: lossless CCITT images, exact page sizes, a text layer in place."""

import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from ingest.assemble import assemble_outputs, assemble_tiff
from ingest.pages import PageImage, save_page, split_document
from ocr import PageText, recognize_page_image
from tests.faxgen import concatenate_pdfs, image_pdf, render_fax

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
            with Image.open(page.path) as image:
                assert tiff.convert("1").tobytes() == image.convert("1").tobytes()


PUBLIC = Path(__file__).parent / "data" / "ocrmypdf"  # PDFs from OCRmyPDF's test suite


@pytest.mark.parametrize("resolution", ["204x196", "300x300"])
def test_ccitt_pdf_original_is_assembled_without_resampling(tmp_path: Path,
                                                            resolution: str) -> None:
    """A provider's CCITT PDF comes out with the same G4 data, page size and pixels."""
    tiff = render_fax(tmp_path / "fax.tif", PAGES, resolution=resolution)
    original = image_pdf(tmp_path / "fax.pdf", tiff)
    pages = split_document(original, tmp_path / "pages")
    outputs = assemble_outputs(pages, [PageText("", None, []) for _ in pages], tmp_path)
    with pikepdf.open(original) as source, pikepdf.open(outputs["pdf"]) as assembled:
        for received, made in zip(source.pages, assembled.pages, strict=True):
            [source_image] = received.Resources.XObject.values()
            [made_image] = made.Resources.XObject.values()
            assert made_image.read_raw_bytes() == source_image.read_raw_bytes()
            assert [float(v) for v in made.mediabox] == pytest.approx(
                [float(v) for v in received.mediabox], abs=0.01)


def test_jbig2_pdf_original_is_assembled_at_its_own_pixels(tmp_path: Path) -> None:
    pages = split_document(PUBLIC / "jbig2.pdf", tmp_path / "pages")
    outputs = assemble_outputs(pages, [PageText("", None, [])], tmp_path)
    with pikepdf.open(PUBLIC / "jbig2.pdf") as source, \
            pikepdf.open(outputs["pdf"]) as assembled:
        [source_image] = source.pages[0].Resources.XObject.values()
        [made_image] = assembled.pages[0].Resources.XObject.values()
        assert pikepdf.PdfImage(made_image).filters == ["/CCITTFaxDecode"]  # G4, lossless
        assert (made_image.Width, made_image.Height) == (2550, 3300)
        assert pikepdf.PdfImage(made_image).as_pil_image().tobytes() == \
            pikepdf.PdfImage(source_image).as_pil_image().tobytes()
        assert [float(v) for v in assembled.pages[0].mediabox] == pytest.approx(
            [0, 0, 612, 792], abs=0.01)


def test_tiff_copies_g4_pages_as_they_are(tmp_path: Path) -> None:
    """G4 pages go into fax.tif without decoding, whatever their photometric sense (the
    public ccitt.pdf's data is BlackIs1, kept as "min is black")."""
    mixed = concatenate_pdfs(tmp_path / "mixed.pdf", [PUBLIC / "ccitt.pdf", PUBLIC / "jbig2.pdf"])
    pages = split_document(mixed, tmp_path / "pages")
    assemble_tiff(pages, tmp_path / "fax.tif")
    with Image.open(tmp_path / "fax.tif") as tiff:
        for index, page in enumerate(pages):
            tiff.seek(index)
            with Image.open(page.path) as image:
                [offset], [length] = image.tag_v2[273], image.tag_v2[279]
                assert tiff.convert("1").tobytes() == image.convert("1").tobytes()
            assert tiff.info["compression"] == "group4"
            strip = Path(page.path).read_bytes()[offset:offset + length]
            [copied_at] = tiff.tag_v2[273]
            assert (tmp_path / "fax.tif").read_bytes()[copied_at:copied_at + length] == strip


def test_tiff_with_a_grey_page_is_still_written(tmp_path: Path) -> None:
    tiff_page = render_fax(tmp_path / "fax.tif", PAGES[:1])
    [bilevel] = split_document(tiff_page, tmp_path / "pages")
    grey_path = tmp_path / "grey.tif"
    save_page(Image.new("L", (850, 1100), 200), grey_path, 100.0, 100.0)
    grey = PageImage(2, str(grey_path), 850, 1100, 100.0, 100.0)
    assemble_tiff([bilevel, grey], tmp_path / "out.tif")
    with Image.open(tmp_path / "out.tif") as out:
        assert out.n_frames == 2
        out.seek(1)
        assert out.mode == "L" and out.info["dpi"] == pytest.approx((100.0, 100.0))
