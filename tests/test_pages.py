"""Splitting originals into pages: formats, per-axis DPI, and refusal of bad input."""

from pathlib import Path

import pytest
from PIL import Image

from ingest.pages import FaxRejected, split_document
from tests.faxgen import as_jbig, render_fax

TEXT = [["page one text"], ["page two text"]]


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
    for page in pages:
        assert (page.xdpi, page.ydpi) == (xdpi, ydpi)
        assert page.width_px == 1728  # T.4 line length, whatever the vertical resolution
        assert page.height_px == pytest.approx(11 * ydpi, abs=2)
        with Image.open(page.path) as im:
            assert im.info["compression"] == "group4"
            assert im.info["dpi"] == pytest.approx((xdpi, ydpi))


def test_uncompressed_and_untagged_tiff(tmp_path: Path) -> None:
    image = Image.new("1", (1728, 1078), 1)
    path = tmp_path / "raw.tif"
    image.save(path, format="TIFF")  # no compression, no resolution tags
    pages = split_document(path, tmp_path / "pages")
    # A 1728-pixel line with a squat aspect is fax "normal" resolution.
    assert (pages[0].xdpi, pages[0].ydpi) == (204.0, 98.0)


def test_pdf_pages_are_rasterised(tmp_path: Path) -> None:
    original = render_fax(tmp_path / "in.pdf", TEXT, device="pdfwrite")
    pages = split_document(original, tmp_path / "pages", pdf_dpi=150)
    assert len(pages) == 2
    assert pages[0].width_px == pytest.approx(1275, abs=1)
    assert pages[0].height_px == pytest.approx(1650, abs=1)
    assert (pages[0].xdpi, pages[0].ydpi) == (150.0, 150.0)


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
    with pytest.raises(FaxRejected, match="3 pages exceeds the 2-page limit"):
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
