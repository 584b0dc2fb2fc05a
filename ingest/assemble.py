"""Pages → ``fax.pdf`` (lossless images + invisible text layer) and ``fax.tif`` (multipage G4).

The PDF is built by img2pdf, which embeds single-strip CCITT G4 data untouched and sizes each
page from its pixels and DPI *per axis* (a 1728x1078 page at 204x98 dpi is 8.47x11.0 in). The
text layer is drawn by us with pikepdf: each OCR'd word in text render mode 3 (invisible),
positioned on its box and stretched (Tz) to the box's width, so that selecting or extracting
text finds it over the word it belongs to. Helvetica, a standard font every PDF reader has,
avoids embedding a font; its widths below are the Adobe AFM metrics, needed for the stretch.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import img2pdf
import pikepdf
from PIL import Image, TiffImagePlugin

from ingest.ocr_cache import page_words
from ingest.pages import PageImage, g4_strip, save_page, write_g4_tiff
from ocr.engine import PageText, Word

# A page's words for its text layer: its reading, or the OCR cache file holding it (read
# when its page is drawn, so a long fax's words are never all in memory at once).
PageWords = PageText | str | Path

# Helvetica advance widths (1/1000 em) for ASCII 32..126, from the Adobe AFM file.
_HELVETICA_ASCII = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]
_DEFAULT_WIDTH = 556
# Helvetica's descender and ascender (1/1000 em): a word box spans about 0.925 em.
_DESCENT, _ASCENT = 207, 718
FONT_NAME = "/FvHelv"


def _text_width_em(encoded: bytes) -> float:
    return sum(_HELVETICA_ASCII[b - 32] if 32 <= b <= 126 else _DEFAULT_WIDTH
               for b in encoded) / 1000


def _pdf_string(encoded: bytes) -> bytes:
    return b"(" + encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def text_layer_stream(words: Sequence[Word], width_px: int, height_px: int, page_w_pt: float,
                      page_h_pt: float) -> bytes:
    """A content stream that draws ``words`` (boxes in page pixels) invisibly on the page."""
    sx, sy = page_w_pt / width_px, page_h_pt / height_px
    ops = [b"q BT 3 Tr"]
    for word in words:
        encoded = word.text.encode("cp1252", errors="replace")
        box_w = (word.x1 - word.x0) * sx
        box_h = (word.y1 - word.y0) * sy
        natural = _text_width_em(encoded)
        if box_w <= 0 or box_h <= 0 or natural <= 0:
            continue
        size = box_h * 1000 / (_ASCENT + _DESCENT)
        stretch = 100 * box_w / (natural * size)
        baseline = page_h_pt - word.y1 * sy + size * _DESCENT / 1000
        ops.append(
            f"{FONT_NAME} {size:.2f} Tf {stretch:.2f} Tz 1 0 0 1 {word.x0 * sx:.2f} "
            f"{baseline:.2f} Tm ".encode() + _pdf_string(encoded) + b" Tj"
        )
    ops.append(b"ET Q")
    return b"\n".join(ops)


def _words(source: PageWords) -> Sequence[Word]:
    return source.words if isinstance(source, PageText) else page_words(Path(source))


def assemble_pdf(pages: Sequence[PageImage], texts: Sequence[PageWords],
                 out: str | Path) -> None:
    """Write the searchable PDF: one page per image at its own DPI, text layer on top."""
    out = Path(out)
    # The image-only PDF goes to a file, not memory: pikepdf then reads it as needed, so a
    # long fax's images are not held twice (img2pdf's input and its output) at once.
    images_only = out.with_name(out.name + ".images")
    try:
        with open(images_only, "wb") as stream:
            img2pdf.convert([page.path for page in pages], outputstream=stream,
                            rotation=img2pdf.Rotation.ifvalid)
        _add_text_layers(images_only, pages, texts, out)
    finally:
        images_only.unlink(missing_ok=True)


def _add_text_layers(images_only: Path, pages: Sequence[PageImage],
                     texts: Sequence[PageWords], out: Path) -> None:
    with pikepdf.open(images_only) as pdf:
        font = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding,
        ))
        for pdf_page, page, text in zip(pdf.pages, pages, texts, strict=True):
            words = _words(text)
            if not words:
                continue
            box = [float(v) for v in pdf_page.mediabox]
            stream = text_layer_stream(words, page.width_px, page.height_px,
                                       box[2] - box[0], box[3] - box[1])
            pdf_page.add_resource(font, pikepdf.Name.Font, pikepdf.Name(FONT_NAME))
            pdf_page.contents_add(pikepdf.Stream(pdf, stream), prepend=False)
        pdf.docinfo[pikepdf.Name.Producer] = "faxvault"
        pdf.save(out, deterministic_id=True)


def assemble_tiff(pages: Sequence[PageImage], out: str | Path) -> None:
    """Write a multipage TIFF, each page keeping its own resolution (G4 when bilevel). Pages
    already in G4 (all bilevel pages) are copied without decoding: re-encoding took 20-35 ms
    a page."""
    strips = [g4_strip(page.path) for page in pages]
    if all(strip is not None for strip in strips):
        with open(out, "wb") as stream:
            write_g4_tiff(stream, [(strip, page.xdpi, page.ydpi)  # type: ignore[misc]
                                   for strip, page in zip(strips, pages, strict=True)])
        return
    with open(out, "w+b") as stream, TiffImagePlugin.AppendingTiffWriter(stream) as tiff:
        for page in pages:
            with Image.open(page.path) as image:
                image.load()
                save_page(image, tiff, page.xdpi, page.ydpi)  # type: ignore[arg-type]
            tiff.newFrame()


def assemble_outputs(pages: Sequence[PageImage], texts: Sequence[PageWords],
                     out_dir: str | Path) -> dict[str, str]:
    """Pool task: write fax.pdf and fax.tif into ``out_dir``; return their paths by purpose.
    ``texts``: each page's reading, or the path of its OCR cache file."""
    out_dir = Path(out_dir)
    pdf_path, tiff_path = out_dir / "fax.pdf", out_dir / "fax.tif"
    assemble_pdf(pages, texts, pdf_path)
    assemble_tiff(pages, tiff_path)
    return {"pdf": str(pdf_path), "tiff": str(tiff_path)}
