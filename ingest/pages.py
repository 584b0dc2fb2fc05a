"""Split an original (TIFF or PDF) into single-page images that keep their own x and y DPI.

Runs in the process pool: it decodes untrusted files, so every limit (pages, pixels per page)
is checked before a page is decoded, and every decoding failure becomes :class:`FaxRejected`
with a message for the operator.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

import pikepdf
from PIL import Image, TiffImagePlugin, TiffTags, UnidentifiedImageError

from ingest import pdf_pages
from ingest.pdf_pages import PageBilevelImage
from ocr.normalize import squaring_factors

# TIFF compression codes Pillow cannot decode but faxes use: JBIG (T.82/T.85/T.43).
JBIG_COMPRESSIONS = {9: "JBIG (T.85)", 10: "JBIG colour (T.43)", 34661: "JBIG (ISO)"}
TIFF_MAGIC = (b"II*\x00", b"MM\x00*")
PDF_MAGIC = b"%PDF-"
# Tags Pillow stores as resolution; unit 3 means per centimetre.
X_RESOLUTION, Y_RESOLUTION, RESOLUTION_UNIT, COMPRESSION = 282, 283, 296, 259
PHOTOMETRIC, FILL_ORDER, STRIP_OFFSETS, STRIP_BYTE_COUNTS, T6_OPTIONS = 262, 266, 273, 279, 293
FAX_WIDTHS = {1728, 2048, 2432, 1216, 864}  # ITU-T T.4 line lengths at 204 dpi and others
# Resolutions a page may claim (fax 98 dpi lines to high-resolution scans), and how far apart
# its two axes may be (fax "normal" is 204x98, about 2).
MIN_DPI, MAX_DPI, MAX_DPI_RATIO = 50.0, 4800.0, 4.0
MIN_RENDER_DPI = 50.0  # a PDF page too large to render finer than this within the pixel cap


class FaxRejected(ValueError):
    """The file cannot be processed as received (corrupt, hostile, unsupported).

    Permanent: retrying will not help. The original stays kept for an operator.
    """


@dataclass(frozen=True)
class PageImage:
    page_no: int  # 1-based
    path: str
    width_px: int
    height_px: int
    xdpi: float
    ydpi: float
    image_sha256: str = ""  # of the decoded pixels: the same page received twice matches

    def as_row(self) -> dict:
        row = asdict(self)
        row.pop("path")
        row.pop("image_sha256")
        return row


def sniff_kind(head: bytes) -> str:
    if head.startswith(TIFF_MAGIC):
        return "tiff"
    if head.startswith(PDF_MAGIC) or PDF_MAGIC in head[:1024]:
        return "pdf"
    raise FaxRejected(f"not a TIFF or PDF (file starts with {head[:8]!r})")


def _frame_dpi(frame: Image.Image) -> tuple[float, float]:
    tags = frame.tag_v2 if hasattr(frame, "tag_v2") else {}
    x, y = tags.get(X_RESOLUTION), tags.get(Y_RESOLUTION)
    if x and y and float(x) > 0 and float(y) > 0:
        factor = 2.54 if tags.get(RESOLUTION_UNIT) == 3 else 1.0
        return round(float(x) * factor, 3), round(float(y) * factor, 3)
    # No resolution tags: recognise fax geometry by its line length and aspect ratio,
    # otherwise assume a 200 dpi scan.
    width, height = frame.size
    if width in FAX_WIDTHS:
        return 204.0, 98.0 if height / width < 0.9 else 196.0
    return 200.0, 200.0


def pixel_sha256(image: Image.Image) -> str:
    digest = hashlib.sha256(f"{image.mode}:{image.width}x{image.height}:".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def save_page(image: Image.Image, path: Path, xdpi: float, ydpi: float) -> None:
    """Write one page as a single-page TIFF: G4 in one strip for bilevel pages, so img2pdf can
    embed the CCITT data untouched; deflate for anything else (also lossless)."""
    if image.mode == "1":
        # A single strip is what img2pdf needs to pass G4 through without re-encoding.
        image.save(path, format="TIFF", compression="group4", dpi=(xdpi, ydpi),
                   strip_size=2**30)
    else:
        if image.mode not in ("L", "RGB"):
            image = image.convert("RGB")
        image.save(path, format="TIFF", compression="tiff_adobe_deflate", dpi=(xdpi, ydpi))


@dataclass(frozen=True)
class G4Strip:
    """Where a TIFF page's G4 data is (one strip), and the tags that say how to read it."""

    path: str
    offset: int
    length: int
    width: int
    height: int
    photometric: int
    fill_order: int

    def read(self) -> bytes:
        with open(self.path, "rb") as stream:
            stream.seek(self.offset)
            data = stream.read(self.length)
        if len(data) != self.length:
            raise ValueError(f"{self.path}: G4 strip cut short")
        return data


def g4_strip(source: str | Path | Image.Image, path: str | Path | None = None) -> G4Strip | None:
    """The G4 strip of a TIFF file's (or an open TIFF frame's) page, or None if the page is
    not one plain G4 strip (it is then decoded and encoded again)."""
    if not isinstance(source, Image.Image):
        with Image.open(source) as image:
            return g4_strip(image, source)
    tags = getattr(source, "tag_v2", {})
    offsets, counts = tags.get(STRIP_OFFSETS), tags.get(STRIP_BYTE_COUNTS)
    if tags.get(COMPRESSION) != 4 or source.mode != "1" or not offsets or not counts or \
            len(offsets) != 1 or len(counts) != 1 or tags.get(PHOTOMETRIC) not in (0, 1) or \
            tags.get(FILL_ORDER, 1) not in (1, 2) or tags.get(T6_OPTIONS, 0) != 0:
        return None
    return G4Strip(str(path), int(offsets[0]), int(counts[0]), *source.size,
                   int(tags[PHOTOMETRIC]), int(tags.get(FILL_ORDER, 1)))


def write_g4_tiff(stream: BinaryIO, pages: Sequence[tuple[G4Strip, float, float]]) -> None:
    """A little-endian (multipage) TIFF of G4 strips copied as they are, each page with its
    own x and y resolution; one page's data in memory at a time."""
    stream.write(b"II*\x00")
    link = stream.tell()  # where the offset of the next directory goes
    stream.write(bytes(4))
    for strip, xdpi, ydpi in pages:
        data = strip.read()
        ifd = TiffImagePlugin.ImageFileDirectory_v2()
        ifd[256], ifd[257], ifd[258], ifd[259] = strip.width, strip.height, 1, 4
        ifd[PHOTOMETRIC], ifd[FILL_ORDER] = strip.photometric, strip.fill_order
        # One strip right after the directory (Pillow adds the directory's end to 0).
        ifd[STRIP_OFFSETS], ifd[277], ifd[278] = 0, 1, strip.height
        ifd[STRIP_BYTE_COUNTS] = len(data)
        ifd[X_RESOLUTION], ifd[Y_RESOLUTION], ifd[RESOLUTION_UNIT] = xdpi, ydpi, 2  # inch
        for tag in (256, 257, STRIP_OFFSETS, 278, STRIP_BYTE_COUNTS):
            ifd.tagtype[tag] = TiffTags.LONG
        position = stream.tell()
        stream.seek(link)
        stream.write(position.to_bytes(4, "little"))
        stream.seek(position)
        stream.write(ifd.tobytes(position))
        link = position + 2 + 12 * len(ifd)
        stream.write(data)
        if stream.tell() % 2:
            stream.write(b"\x00")  # directories start on a word boundary


def plausible_dpi(xdpi: float, ydpi: float) -> tuple[float, float]:
    """Resolutions within [MIN_DPI, MAX_DPI] and at most MAX_DPI_RATIO apart. A file's
    resolution is only a claim; an absurd one (10000x1 dpi) would make squaring the pixels
    for OCR multiply them by thousands."""
    xdpi = min(max(float(xdpi), MIN_DPI), MAX_DPI)
    ydpi = min(max(float(ydpi), MIN_DPI), MAX_DPI)
    if xdpi > ydpi * MAX_DPI_RATIO:
        ydpi = xdpi / MAX_DPI_RATIO
    elif ydpi > xdpi * MAX_DPI_RATIO:
        xdpi = ydpi / MAX_DPI_RATIO
    return round(xdpi, 3), round(ydpi, 3)


def _check_size(page_no: int, width: int, height: int, max_pixels: int, xdpi: float = 0,
                ydpi: float = 0) -> None:
    """Refuse a page of more than ``max_pixels``, counting the pixels OCR will square it to
    (a 204x98 dpi page has its rows repeated: twice the pixels)."""
    if width <= 0 or height <= 0:
        raise FaxRejected(f"page {page_no}: empty image ({width}x{height})")
    if width * height > max_pixels:
        raise FaxRejected(f"page {page_no}: {width}x{height} pixels exceeds the "
                          f"{max_pixels}-pixel limit (limits.max_pixels_per_page)")
    fx, fy = squaring_factors(xdpi, ydpi)
    if width * fx * height * fy > max_pixels:
        raise FaxRejected(f"page {page_no}: {width}x{height} pixels at {xdpi:g}x{ydpi:g} dpi "
                          f"is {width * fx}x{height * fy} once its pixels are made square, "
                          f"over the {max_pixels}-pixel limit (limits.max_pixels_per_page)")


def _split_tiff(original: Path, out_dir: Path, max_pages: int,
                max_pixels: int) -> list[PageImage]:
    pages: list[PageImage] = []
    try:
        n_frames = count_tiff_pages(original, max_pages + 1)
        if n_frames > max_pages:
            raise FaxRejected(f"more than {max_pages} pages: over the {max_pages}-page "
                              "limit (limits.max_pages)")
        with Image.open(original) as tiff:
            for index in range(n_frames):
                page_no = index + 1
                tiff.seek(index)
                compression = tiff.tag_v2.get(COMPRESSION)
                if compression in JBIG_COMPRESSIONS:
                    raise FaxRejected(
                        f"page {page_no}: {JBIG_COMPRESSIONS[compression]} compression cannot "
                        "be decoded; have the fax server write G3/G4 TIFF instead of JBIG")
                xdpi, ydpi = plausible_dpi(*_frame_dpi(tiff))
                _check_size(page_no, *tiff.size, max_pixels, xdpi, ydpi)
                try:
                    tiff.load()
                    frame = tiff.copy()
                except Exception as exc:  # see the note in the outer handler
                    raise FaxRejected(f"page {page_no}: cannot decode TIFF data: {exc}") from None
                path = out_dir / f"page-{page_no:04d}.tif"
                strip = g4_strip(tiff, original)
                if strip is not None:  # the received G4 data as it is: no encoding again
                    with open(path, "wb") as stream:
                        write_g4_tiff(stream, [(strip, xdpi, ydpi)])
                else:
                    save_page(frame, path, xdpi, ydpi)
                pages.append(PageImage(page_no, str(path), frame.width, frame.height, xdpi, ydpi,
                                       pixel_sha256(frame)))
    except FaxRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise FaxRejected(f"exceeds the {max_pixels}-pixel limit "
                          f"(limits.max_pixels_per_page): {exc}") from None
    except UnidentifiedImageError:
        raise FaxRejected(_unidentified_tiff_reason(original)) from None
    except Exception as exc:
        # Pillow's TIFF reader answers hostile input with a grab-bag of exception types
        # (OSError, KeyError, TypeError, struct.error ...): all mean "cannot decode".
        raise FaxRejected(f"unreadable TIFF: {exc.__class__.__name__}: {exc}") from None
    return pages


def count_tiff_pages(path: Path, stop_at: int) -> int:
    """The number of image directories (pages) in a TIFF, counting no further than
    ``stop_at``. It reads only each directory's entry count and next offset: Pillow finds a
    page count by loading every directory and checking each offset against all earlier ones
    (quadratic: 100,000 chained directories took 44 s before the page limit could refuse
    them). A chain that loops back is counted once round."""
    with open(path, "rb") as stream:
        head = stream.read(8)
        if head[:4] not in TIFF_MAGIC:
            return 1  # let Pillow say what is wrong with it
        order = "little" if head[:2] == b"II" else "big"
        offset, seen = int.from_bytes(head[4:8], order), set()
        while offset and offset not in seen and len(seen) < stop_at:
            seen.add(offset)
            stream.seek(offset)
            raw_count = stream.read(2)
            if len(raw_count) < 2:
                break
            stream.seek(offset + 2 + 12 * int.from_bytes(raw_count, order))
            raw_next = stream.read(4)
            offset = int.from_bytes(raw_next, order) if len(raw_next) == 4 else 0
        return max(len(seen), 1)


def _unidentified_tiff_reason(path: Path) -> str:
    """Pillow cannot open the file at all: name the compression if it is one we know."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(8)
            ifd = TiffImagePlugin.ImageFileDirectory_v2(ifh=head)
            stream.seek(int.from_bytes(head[4:8], "little" if head[:2] == b"II" else "big"))
            ifd.load(stream)
        compression = ifd.get(COMPRESSION)
    except Exception:
        compression = None
    if compression in JBIG_COMPRESSIONS:
        return (f"{JBIG_COMPRESSIONS[compression]} compression cannot be decoded; have the "
                "fax server write G3/G4 TIFF instead of JBIG")
    if compression is not None:
        return f"unreadable TIFF: unsupported compression {compression}"
    return "unreadable TIFF: no valid image directory"


@dataclass(frozen=True)
class PdfRendering:
    """How PDF pages that are not one bilevel image are rendered: at their finest image's
    resolution, within [min_dpi, max_dpi] (and within the page's pixel limit)."""

    min_dpi: int = 300
    max_dpi: int = 600


def _split_pdf(original: Path, out_dir: Path, max_pages: int, max_pixels: int,
               rendering: PdfRendering) -> list[PageImage]:
    pages: list[PageImage] = []
    to_render: list[_PdfPagePlan] = []
    try:
        with pdf_pages.open_pdf(original) as pdf:
            count = len(pdf.pages)
            if count == 0:
                raise FaxRejected("PDF has no pages")
            if count > max_pages:
                raise FaxRejected(f"{count} pages exceeds the {max_pages}-page limit "
                                  "(limits.max_pages)")
            pdf_pages.check_image_sizes(pdf, max_pixels)  # before anything decodes one
            for index, page in enumerate(pdf.pages):
                plan = _plan_pdf_page(page, index + 1, max_pixels, rendering)
                if plan.bilevel is None:
                    to_render.append(plan)
                else:  # written at once: a long fax's pages are not all held in memory
                    pages.append(_take_bilevel(plan, out_dir, max_pixels))
    except FaxRejected:
        raise
    except pdf_pages.PdfPageError as exc:
        raise FaxRejected(str(exc)) from None
    except (pikepdf.PdfError, pikepdf.ForeignObjectError, KeyError, TypeError, ValueError,
            AttributeError, RecursionError) as exc:
        # A hostile or damaged object tree surfaces as whichever error its accessor hits.
        raise FaxRejected(f"unreadable PDF: {exc.__class__.__name__}: {exc}") from None
    if to_render:
        pages += _render_pdf_pages(original, out_dir, to_render, max_pixels)
    return sorted(pages, key=lambda p: p.page_no)


@dataclass
class _PdfPagePlan:
    page_no: int
    bilevel: PageBilevelImage | None  # taken as it is
    dpi: float = 0.0  # otherwise rendered at this resolution


def _plan_pdf_page(page: pikepdf.Page, page_no: int, max_pixels: int,
                   rendering: PdfRendering) -> _PdfPagePlan:
    try:
        drawing = pdf_pages.read_drawing(page)
        pdf_pages.check_inline_image_sizes(drawing, max_pixels)
        bilevel = pdf_pages.bilevel_page_image(page, drawing)
    except pdf_pages.PdfPageError as exc:
        raise FaxRejected(f"page {page_no}: {exc}") from None
    if bilevel is not None:
        return _PdfPagePlan(page_no, bilevel)
    dpi = pdf_pages.render_resolution(page, drawing, min_dpi=rendering.min_dpi,
                                      max_dpi=rendering.max_dpi, max_pixels=max_pixels)
    if dpi < MIN_RENDER_DPI:
        raise FaxRejected(f"page {page_no}: too large to render legibly within the "
                          f"{max_pixels}-pixel limit (limits.max_pixels_per_page)")
    return _PdfPagePlan(page_no, None, dpi)


def _take_bilevel(plan: _PdfPagePlan, out_dir: Path, max_pixels: int) -> PageImage:
    """A page that is one bilevel image: its own pixels and resolution, the PDF's G4 data
    kept as it is where it has some."""
    bilevel = plan.bilevel
    assert bilevel is not None
    image = bilevel.image
    xdpi, ydpi = plausible_dpi(bilevel.xdpi, bilevel.ydpi)
    _check_size(plan.page_no, image.width, image.height, max_pixels, xdpi, ydpi)
    path = out_dir / f"page-{plan.page_no:04d}.tif"
    if bilevel.g4_tiff is not None and (xdpi, ydpi) == (bilevel.xdpi, bilevel.ydpi):
        path.write_bytes(bilevel.g4_tiff)
    else:
        save_page(image, path, xdpi, ydpi)
    return PageImage(plan.page_no, str(path), image.width, image.height, xdpi, ydpi,
                     pixel_sha256(image))


def _render_pdf_pages(original: Path, out_dir: Path, plans: list[_PdfPagePlan],
                      max_pixels: int) -> list[PageImage]:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(original))
    except pypdfium2.PdfiumError as exc:
        raise FaxRejected(f"unreadable PDF (encrypted or corrupt): {exc}") from None
    try:
        pages: list[PageImage] = []
        for plan in plans:
            if plan.page_no > len(pdf):  # a damaged page tree, repaired differently
                raise FaxRejected(f"page {plan.page_no}: missing when the PDF is rendered "
                                  f"({len(pdf)} pages there)")
            page = pdf[plan.page_no - 1]
            width_pt, height_pt = page.get_size()
            width = round(width_pt * plan.dpi / 72)
            height = round(height_pt * plan.dpi / 72)
            _check_size(plan.page_no, width, height, max_pixels)
            try:
                bitmap = page.render(scale=plan.dpi / 72, grayscale=True)
                image = bitmap.to_pil()
            except pypdfium2.PdfiumError as exc:
                raise FaxRejected(f"page {plan.page_no}: cannot render PDF page: {exc}") \
                    from None
            _check_size(plan.page_no, image.width, image.height, max_pixels)
            # Fax content is black on white: store it bilevel (G4) like a received TIFF page.
            bilevel = image.convert("L").point(lambda v: 255 if v >= 160 else 0).convert("1")
            del image, bitmap
            path = out_dir / f"page-{plan.page_no:04d}.tif"
            save_page(bilevel, path, plan.dpi, plan.dpi)
            pages.append(PageImage(plan.page_no, str(path), bilevel.width, bilevel.height,
                                   plan.dpi, plan.dpi, pixel_sha256(bilevel)))
        return pages
    finally:
        pdf.close()


def split_document(original: str | Path, out_dir: str | Path, *, max_pages: int = 500,
                   max_pixels: int = 60_000_000,
                   pdf_rendering: PdfRendering | None = None) -> list[PageImage]:
    """Write ``page-NNNN.tif`` files into ``out_dir``; return them with their geometry."""
    original, out_dir = Path(original), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(original, "rb") as stream:
        head = stream.read(1024)
    if not head:
        raise FaxRejected("empty file (0 bytes)")
    kind = sniff_kind(head)
    # Pillow's own bomb check warns below 2x its limit; our explicit per-page check is the
    # policy, so set Pillow's to match and make its warning an error.
    Image.MAX_IMAGE_PIXELS = max_pixels
    with warnings.catch_warnings():
        # Pillow warns about damaged metadata it can read past ("Corrupt EXIF data"); what
        # matters is whether the pixels decode, which raises on its own.
        warnings.filterwarnings("ignore", category=UserWarning, module="PIL")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        if kind == "tiff":
            return _split_tiff(original, out_dir, max_pages, max_pixels)
        return _split_pdf(original, out_dir, max_pages, max_pixels,
                          pdf_rendering or PdfRendering())


def extension_for(head: bytes) -> str:
    return {"tiff": "tif", "pdf": "pdf"}.get(_safe_kind(head), "bin")


def _safe_kind(head: bytes) -> str:
    try:
        return sniff_kind(head)
    except FaxRejected:
        return "unknown"


def turn_page(page: PageImage, degrees: int) -> PageImage:
    """Pool task: turn a page file (faxvault's copy; the original is never touched) the way
    OCR found it reads upright, so the assembled PDF and TIFF show it upright too."""
    from dataclasses import replace

    from ocr import turned

    with Image.open(page.path) as image:
        image.load()
        upright, xdpi, ydpi = turned(image, page.xdpi, page.ydpi, degrees)
    save_page(upright, Path(page.path), xdpi, ydpi)
    return replace(page, width_px=upright.width, height_px=upright.height, xdpi=xdpi,
                   ydpi=ydpi)
