"""Splitting originals into pages: formats, per-axis DPI, and refusal of bad input."""

from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from ingest.config import config_from_mapping
from ingest.pages import (
    MAX_DPI,
    MAX_DPI_RATIO,
    MIN_DPI,
    FaxRejected,
    PdfRendering,
    count_tiff_pages,
    split_document,
)
from ocr import normalize_fax_geometry, recognize_page_image
from ocr.normalize import OcrImageTooLarge, squaring_factors
from tests.cliutil import run_cli
from tests.conftest import write_config
from tests.faxgen import (
    as_jbig,
    bilevel_flate_pdf,
    chained_ifd_tiff,
    concatenate_pdfs,
    g3_pdf,
    image_pdf,
    render_fax,
    with_visible_text,
)

TEXT = [["page one text"], ["page two text"]]
PUBLIC = Path(__file__).parent / "data" / "ocrmypdf"  # PDFs from OCRmyPDF's test suite


@pytest.mark.parametrize(("device", "resolution", "compression"), [
    ("tiffg4", "204x98", "group4"),
    ("tiffg3", "204x98", "group3"),
    ("tiffg32d", "204x196", "group3"),
    ("tiffg4", "200x100", "group4"),
    ("tiffcrle", "204x196", "tiff_ccitt"),
])
def test_tiff_pages_keep_their_own_x_and_y_dpi(tmp_path: Path, device: str, resolution: str,
                                              compression: str) -> None:
    original = render_fax(tmp_path / "in.tif", TEXT, device=device, resolution=resolution)
    with Image.open(original) as im:
        assert im.info["compression"] == compression  # the fixture is what we claim
    pages = split_document(original, tmp_path / "pages")
    xdpi, ydpi = (float(v) for v in resolution.split("x"))
    assert [p.page_no for p in pages] == [1, 2]
    with Image.open(original) as received:
        for index, page in enumerate(pages):
            assert (page.xdpi, page.ydpi) == (xdpi, ydpi)
            assert page.width_px == 1728  # T.4 line length, whatever the vertical resolution
            assert page.height_px == pytest.approx(11 * ydpi, abs=2)
            received.seek(index)
            with Image.open(page.path) as im:
                assert im.info["compression"] == "group4"
                assert im.info["dpi"] == pytest.approx((xdpi, ydpi))
                assert im.convert("1").tobytes() == received.convert("1").tobytes()


def test_uncompressed_and_untagged_tiff(tmp_path: Path) -> None:
    image = Image.new("1", (1728, 1078), 1)
    path = tmp_path / "raw.tif"
    image.save(path, format="TIFF")  # no compression, no resolution tags
    pages = split_document(path, tmp_path / "pages")
    # A 1728-pixel line with a squat aspect is fax "normal" resolution.
    assert (pages[0].xdpi, pages[0].ydpi) == (204.0, 98.0)


def test_pdf_text_pages_are_rendered_at_the_least_legible_resolution(tmp_path: Path) -> None:
    original = render_fax(tmp_path / "in.pdf", TEXT, device="pdfwrite")
    pages = split_document(original, tmp_path / "pages",
                           pdf_rendering=PdfRendering(min_dpi=150, max_dpi=600))
    assert len(pages) == 2
    assert pages[0].width_px == pytest.approx(1275, abs=1)
    assert pages[0].height_px == pytest.approx(1650, abs=1)
    assert (pages[0].xdpi, pages[0].ydpi) == (150.0, 150.0)
    # The default is 300 dpi, the resolution OCR reads print best at.
    default = split_document(original, tmp_path / "default")[0]
    assert (default.width_px, default.height_px) == pytest.approx((2550, 3300), abs=1)
    assert (default.xdpi, default.ydpi) == (300.0, 300.0)


def _pixels(path: str | Path) -> tuple[tuple[int, int], bytes]:
    with Image.open(path) as image:
        image.load()
        return image.size, image.convert("1").tobytes()


@pytest.mark.parametrize("resolution", ["300x300", "204x196", "204x98"])
def test_ccitt_pdf_page_is_its_image_at_its_own_resolution(tmp_path: Path,
                                                          resolution: str) -> None:
    """A provider's PDF of a fax: the page is the received G4 image, taken pixel for pixel
    at its own x and y resolution, its G4 data kept byte for byte."""
    tiff = render_fax(tmp_path / "fax.tif", TEXT, resolution=resolution)
    pdf = image_pdf(tmp_path / "fax.pdf", tiff)
    pages = split_document(pdf, tmp_path / "pages")
    xdpi, ydpi = (float(v) for v in resolution.split("x"))
    with pikepdf.open(pdf) as source:
        streams = [next(iter(page.Resources.XObject.values())).read_raw_bytes()
                   for page in source.pages]
    with Image.open(tiff) as received:
        for index, page in enumerate(pages):
            received.seek(index)
            assert (page.width_px, page.height_px) == received.size  # 2550x3300, not 1700x2200
            assert (page.xdpi, page.ydpi) == (xdpi, ydpi)
            assert _pixels(page.path)[1] == received.convert("1").tobytes()
            with Image.open(page.path) as kept:
                assert kept.info["compression"] == "group4"
                assert kept.info["dpi"] == pytest.approx((xdpi, ydpi))
                [offset], [length] = kept.tag_v2[273], kept.tag_v2[279]
            assert Path(page.path).read_bytes()[offset:offset + length] == streams[index]


def test_public_ccitt_pdf_keeps_its_300_dpi_page(tmp_path: Path) -> None:
    """OCRmyPDF's ccitt.pdf (G4 with BlackIs1): 2550x3300 at 300 dpi, black text on white."""
    [page] = split_document(PUBLIC / "ccitt.pdf", tmp_path / "pages")
    assert (page.width_px, page.height_px, page.xdpi, page.ydpi) == (2550, 3300, 300.0, 300.0)
    with pikepdf.open(PUBLIC / "ccitt.pdf") as pdf:
        shown = pikepdf.PdfImage(pdf.pages[0].Resources.XObject["/Im1"]).as_pil_image()
    assert _pixels(page.path)[1] == shown.tobytes()
    ink = 1 - np.asarray(Image.open(page.path).convert("L")).mean() / 255
    assert 0.02 < ink < 0.2  # mostly paper: not inverted


@pytest.mark.parametrize("name", ["jbig2.pdf", "cardinal.pdf"])
def test_jbig2_pdf_pages_are_their_images(tmp_path: Path, name: str) -> None:
    """JBIG2 pages (decoded by jbig2dec), including pages that draw the image turned."""
    pages = split_document(PUBLIC / name, tmp_path / "pages")
    upright = _pixels(split_document(PUBLIC / "jbig2.pdf", tmp_path / "ref")[0].path)
    for page in pages:
        assert (page.xdpi, page.ydpi) == (300.0, 300.0)
        assert {page.width_px, page.height_px} == {2550, 3300}
        # Each page as the PDF shows it: rendering agrees with it (a mirrored or
        # upside-down take would disagree on most of the ink).
        shown = _render(PUBLIC / name, page.page_no, 300.0, (page.width_px, page.height_px))
        taken = np.asarray(Image.open(page.path).convert("L")) < 128
        assert (shown & taken).sum() / shown.sum() > 0.8
    # The upright page is the same image, pixel for pixel, in both files.
    assert _pixels(pages[0].path) == upright or name == "cardinal.pdf"


def _render(pdf: Path, page_no: int, dpi: float, size: tuple[int, int]) -> np.ndarray:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[page_no - 1].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        document.close()
    return np.asarray(image.convert("L").resize(size)) < 128


@pytest.mark.parametrize("as_stencil", [False, True])
def test_one_bit_flate_pdf_page_is_its_image(tmp_path: Path, as_stencil: bool) -> None:
    tiff = render_fax(tmp_path / "fax.tif", TEXT[:1], resolution="204x196")
    pdf = bilevel_flate_pdf(tmp_path / "fax.pdf", tiff, as_stencil=as_stencil)
    [page] = split_document(pdf, tmp_path / "pages")
    assert (page.width_px, page.height_px, page.xdpi, page.ydpi) == (1728, 2156, 204.0, 196.0)
    with Image.open(tiff) as received:
        assert _pixels(page.path)[1] == received.convert("1").tobytes()


def test_g3_pdf_page_is_its_image(tmp_path: Path) -> None:
    """CCITT Group 3 is decoded (pixel for pixel) and kept as G4."""
    tiff = render_fax(tmp_path / "fax.tif", TEXT[:1], resolution="204x196")
    [page] = split_document(g3_pdf(tmp_path / "fax.pdf", tiff), tmp_path / "pages")
    assert (page.width_px, page.height_px, page.xdpi, page.ydpi) == (1728, 2156, 204.0, 196.0)
    with Image.open(tiff) as received:
        assert _pixels(page.path)[1] == received.convert("1").tobytes()
    with Image.open(page.path) as kept:
        assert kept.info["compression"] == "group4"


def test_a_page_turned_by_rotate_is_taken_as_shown(tmp_path: Path) -> None:
    """/Rotate 90 shows the page turned clockwise: the page is taken turned, its x and y
    resolutions swapped with its sides."""
    fax = image_pdf(tmp_path / "fax.pdf", render_fax(tmp_path / "fax.tif", TEXT[:1],
                                                      resolution="204x98"))
    with pikepdf.open(fax, allow_overwriting_input=True) as pdf:
        pdf.pages[0].Rotate = 90
        pdf.save(fax)
    [page] = split_document(fax, tmp_path / "pages")
    assert (page.width_px, page.height_px, page.xdpi, page.ydpi) == (1078, 1728, 98.0, 204.0)
    shown = _render(fax, 1, 204.0, (page.width_px, page.height_px))
    taken = np.asarray(Image.open(page.path).convert("L")) < 128
    assert (shown & taken).sum() / shown.sum() > 0.8


def test_mixed_pdf_takes_image_pages_and_renders_the_rest(tmp_path: Path) -> None:
    fax = image_pdf(tmp_path / "fax.pdf", render_fax(tmp_path / "fax.tif", TEXT[:1],
                                                      resolution="204x196"))
    typed = render_fax(tmp_path / "typed.pdf", TEXT[1:], device="pdfwrite")
    stamped = with_visible_text(tmp_path / "stamped.pdf", fax, "RECEIVED")
    mixed = concatenate_pdfs(tmp_path / "mixed.pdf", [fax, typed, stamped, PUBLIC / "jbig2.pdf"])
    pages = split_document(mixed, tmp_path / "pages")
    geometry = [(p.page_no, p.width_px, p.height_px, p.xdpi, p.ydpi) for p in pages]
    assert geometry[0] == (1, 1728, 2156, 204.0, 196.0)  # the fax image as received
    assert geometry[3] == (4, 2550, 3300, 300.0, 300.0)  # the JBIG2 image as it is
    # Text and vectors, or an image with a visible stamp over it: rendered, at 300 dpi
    # (the least; the fax image is coarser), a renderer rounding a side up.
    assert geometry[1] == pytest.approx((2, 2550, 3300, 300.0, 300.0), abs=1)
    assert geometry[2] == pytest.approx((3, 2542, 3300, 300.0, 300.0), abs=1)


def test_tiny_page_scanned_at_2400_dpi_is_legible(tmp_path: Path) -> None:
    """OCRmyPDF's 2400dpi.pdf: a 1.7x1.2 in page holding a 4000x2864 grey scan. At a fixed
    200 dpi it became 334x239 pixels and read as garbage; it is rendered finer now."""
    [page] = split_document(PUBLIC / "2400dpi.pdf", tmp_path / "pages")
    assert (page.xdpi, page.ydpi) == (600.0, 600.0)  # the image's 2400, capped
    assert (page.width_px, page.height_px) == pytest.approx((1000, 716), abs=2)
    with Image.open(page.path) as image:
        text = recognize_page_image(image, page.xdpi, page.ydpi).text
    assert "linzen" in text and "kruidnagel" in text and "water" in text


def test_render_resolution_stays_within_the_pixel_limit(tmp_path: Path) -> None:
    original = render_fax(tmp_path / "in.pdf", TEXT[:1], device="pdfwrite")
    [page] = split_document(original, tmp_path / "pages", max_pixels=4_000_000)
    assert page.width_px * page.height_px <= 4_000_000
    assert page.xdpi == page.ydpi and 200 < page.xdpi < 300


def test_pdf_image_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    """A 40000x40000 image drawn on a 1-inch page: rendered, it took 1.6 GB. Its size is
    read from the image's dictionary and refused before anything decodes it."""
    import zlib

    pdf = pikepdf.new()
    side = 40_000
    compressor, row = zlib.compressobj(9), bytes(side // 8)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    image = pikepdf.Stream(pdf, data)
    image.Type, image.Subtype, image.Filter = (pikepdf.Name.XObject, pikepdf.Name.Image,
                                               pikepdf.Name.FlateDecode)
    image.Width = image.Height = side
    image.BitsPerComponent, image.ColorSpace = 1, pikepdf.Name.DeviceGray
    page = pdf.add_blank_page(page_size=(72, 72))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pikepdf.Stream(pdf, b"q 72 0 0 72 0 0 cm /Im0 Do Q")
    bomb = tmp_path / "bomb.pdf"
    pdf.save(bomb)
    assert bomb.stat().st_size < 2_000_000
    with pytest.raises(FaxRejected, match="40000x40000 pixels exceeds the 60000000-pixel"):
        split_document(bomb, tmp_path / "pages")
    with pytest.raises(FaxRejected, match="35000x35000 pixels exceeds"):
        split_document(PUBLIC / "hugemono.pdf", tmp_path / "pages")


def test_image_bomb_inside_nested_forms_is_refused(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, b"\0" * 16)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width = image.Height = 30_000
    image.BitsPerComponent, image.ColorSpace = 1, pikepdf.Name.DeviceGray
    inner, name = image, "/Im0"
    for _ in range(12):  # forms inside forms, 12 deep
        form = pikepdf.Stream(pdf, f"q 1 0 0 1 0 0 cm {name} Do Q".encode())
        form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        form.BBox = [0, 0, 72, 72]
        form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary({name: inner}))
        inner, name = form, "/Fm0"
    page = pdf.add_blank_page(page_size=(72, 72))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=inner))
    page.Contents = pikepdf.Stream(pdf, b"/Fm0 Do")
    pdf.save(tmp_path / "nested.pdf")
    with pytest.raises(FaxRejected, match="30000x30000 pixels exceeds"):
        split_document(tmp_path / "nested.pdf", tmp_path / "pages")


def test_inline_image_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    import zlib

    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(72, 72))
    data = zlib.compress(bytes(20_000 // 8 * 20_000), 9)
    page.Contents = pikepdf.Stream(
        pdf, b"q 72 0 0 72 0 0 cm BI /W 20000 /H 20000 /BPC 1 /CS /G /F /Fl ID " + data
        + b" EI Q")
    bomb = tmp_path / "inline.pdf"
    pdf.save(bomb)
    with pytest.raises(FaxRejected, match="page 1: an image of 20000x20000 pixels exceeds"):
        split_document(bomb, tmp_path / "pages")


def test_absurd_tiff_resolution_is_clamped(tmp_path: Path) -> None:
    """An 800-byte TIFF of 2000x2000 pixels claiming 10000x1 dpi: squaring its pixels for OCR
    made it 2000x20,000,000. Resolutions are clamped to plausible values and ratios."""
    path = tmp_path / "ratio.tif"
    Image.new("1", (2000, 2000), 1).save(path, format="TIFF", compression="group4",
                                          dpi=(10_000, 1))
    assert path.stat().st_size < 2000
    [page] = split_document(path, tmp_path / "pages")
    assert page.xdpi / page.ydpi <= MAX_DPI_RATIO
    assert MIN_DPI <= page.ydpi <= page.xdpi <= MAX_DPI
    fx, fy = squaring_factors(page.xdpi, page.ydpi)
    assert page.width_px * fx * page.height_px * fy <= 60_000_000


def test_pixel_limit_counts_the_squared_page(tmp_path: Path) -> None:
    path = tmp_path / "tall.tif"
    Image.new("1", (6000, 6000), 1).save(path, format="TIFF", compression="group4",
                                          dpi=(400, 100))
    with pytest.raises(FaxRejected, match="once its pixels are made square"):
        split_document(path, tmp_path / "pages")  # 36 Mpx, 144 Mpx squared


def test_normalize_refuses_a_page_too_large_once_squared() -> None:
    with pytest.raises(OcrImageTooLarge):
        normalize_fax_geometry(Image.new("1", (2000, 2000), 1), 10_000, 1)


def test_a_long_directory_chain_stops_at_the_page_limit(tmp_path: Path) -> None:
    """100,000 chained directories took Pillow 44 s to count before the page limit refused
    them; counting stops one past the limit."""
    chained = chained_ifd_tiff(tmp_path / "chain.tif", 100_000)
    assert count_tiff_pages(chained, 501) == 501
    with pytest.raises(FaxRejected, match="over the 500-page limit"):
        split_document(chained, tmp_path / "pages", max_pages=500)


def test_a_looping_directory_chain_is_counted_once(tmp_path: Path) -> None:
    chained = bytearray(chained_ifd_tiff(tmp_path / "loop.tif", 3).read_bytes())
    chained[-4:] = (9).to_bytes(4, "little")  # the last directory points back to the first
    (tmp_path / "loop.tif").write_bytes(chained)
    assert count_tiff_pages(tmp_path / "loop.tif", 501) == 3


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty file"),
    (b"hello, not a fax", "not a TIFF or PDF"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "not a TIFF or PDF"),
    (b"II*\x00" + b"\xff" * 200, "unreadable TIFF"),
    (b"%PDF-1.7\n%garbage without objects", "unreadable PDF"),
])
def test_bad_files_are_rejected_with_a_reason(tmp_path: Path, content: bytes,
                                              message: str) -> None:
    path = tmp_path / "bad.tif"
    path.write_bytes(content)
    with pytest.raises(FaxRejected, match=message):
        split_document(path, tmp_path / "pages")


def test_truncated_tiff_is_rejected(tmp_path: Path) -> None:
    original = render_fax(tmp_path / "in.tif", TEXT)
    data = original.read_bytes()
    original.write_bytes(data[: len(data) // 2])
    with pytest.raises(FaxRejected):
        split_document(original, tmp_path / "pages")


def test_pixel_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bomb.tif"
    Image.new("1", (20_000, 10_000), 1).save(path, format="TIFF", compression="group4")
    with pytest.raises(FaxRejected, match="exceeds the 60000000-pixel limit"):
        split_document(path, tmp_path / "pages", max_pixels=60_000_000)  # 200 Mpx > cap


def test_page_limit(tmp_path: Path) -> None:
    original = render_fax(tmp_path / "in.tif", [["x"]] * 3)
    with pytest.raises(FaxRejected, match="more than 2 pages: over the 2-page limit"):
        split_document(original, tmp_path / "pages", max_pages=2)


def test_jbig_is_refused_with_advice(tmp_path: Path) -> None:
    original = render_fax(tmp_path / "in.tif", [["x"]])
    original.write_bytes(as_jbig(original.read_bytes()))
    with pytest.raises(FaxRejected, match="JBIG"):
        split_document(original, tmp_path / "pages")


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    import pikepdf

    plain = render_fax(tmp_path / "in.pdf", [["secret"]], device="pdfwrite")
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="o", user="u"))
    with pytest.raises(FaxRejected, match="encrypted or corrupt"):
        split_document(locked, tmp_path / "pages")


def test_show_reports_a_pdf_fax_pages_true_pixels_and_dpi(tmp_path: Path) -> None:
    """End to end: a provider's CCITT PDF at fax resolution, then a mixed PDF (fax page,
    typed page, JBIG2 page), ingested and shown."""
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var")
    fax = image_pdf(tmp_path / "fax.pdf", render_fax(tmp_path / "fax.tif", TEXT,
                                                      resolution="204x196"))
    typed = render_fax(tmp_path / "typed.pdf", TEXT[:1], device="pdfwrite")
    mixed = concatenate_pdfs(tmp_path / "mixed.pdf", [fax, typed, PUBLIC / "jbig2.pdf"])
    rows = run_cli(config, "ingest", str(fax), str(mixed), "--wait", "--json").json()
    shown = [run_cli(config, "show", row["fax_id"], "--json").json()["pages_detail"]
             for row in rows]
    geometry = [[(p["width_px"], p["height_px"], p["xdpi"], p["ydpi"]) for p in pages]
                for pages in shown]
    assert geometry[0] == [(1728, 2156, 204.0, 196.0)] * 2
    assert geometry[1][:2] == [(1728, 2156, 204.0, 196.0)] * 2
    assert geometry[1][2] == pytest.approx((2550, 3300, 300.0, 300.0), abs=1)  # rendered
    assert geometry[1][3] == (2550, 3300, 300.0, 300.0)  # JBIG2, as it is


def test_older_render_key_is_read_as_the_least_resolution() -> None:
    config = config_from_mapping({"ocr": {"pdf_render_dpi": 200}}, env={})
    assert (config.ocr.pdf_min_render_dpi, config.ocr.pdf_max_render_dpi) == (200, 600)
