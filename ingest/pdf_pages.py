"""PDF pages as fax pages: a page that is one bilevel image is taken as that image, losslessly,
at its own pixel size and x/y resolution; any other page is rendered at a resolution chosen
from the page.

Providers deliver faxes as PDFs that wrap the received image (CCITT G3/G4, JBIG2 or 1-bit
Flate). Rendering such a page at a fixed resolution resamples it: a 300 dpi page shrinks, a
204x196 fax page gets thinner, broken strokes. So each page's content stream is read first
(pikepdf): where it draws exactly one bilevel image over the whole page and nothing else
visible, the image is decoded as it is, and a PDF's resolution is what the drawing says, image
pixels / (drawn size in points / 72) per axis. A G4 stream is kept byte for byte (the page file
wraps it in a TIFF, which the assembled PDF embeds untouched).

Every other page (text, vectors, colour or grey images, several images, clipped or partial
images) is rendered: at the finest resolution of the images it draws, at least
``min_render_dpi`` (legible text on a small page) and at most ``max_render_dpi``, and never
more pixels than the page limit allows.

Every image in the file is sized up before anything is decoded or rendered: a renderer
decodes an image whole, whatever the page size, so a small page can carry a decompression bomb.
"""

from __future__ import annotations

import functools
import io
import math
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from PIL import Image, TiffImagePlugin, TiffTags

# Operators that make marks on the page (other than the image itself): text showing, path
# painting, shadings, inline images. Path construction and clipping alone make none.
_TEXT_SHOW = {"Tj", "TJ", "'", '"'}
_PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "INLINE IMAGE", "BI"}
_FILL_COLOUR = {"g", "rg", "k", "cs", "sc", "scn"}
_BLACK_FILLS = {"g": [0.0], "rg": [0.0, 0.0, 0.0], "k": [0.0, 0.0, 0.0, 1.0]}
_INVISIBLE_TEXT = 3  # Tr 3: neither fill nor stroke (the text layer of a searchable scan)
MAX_GRAPHICS_DEPTH = 64  # q nesting; the PDF spec says 28 suffices
# The image must cover the page to this tolerance (points) to count as "the page".
COVER_TOLERANCE_PT = 2.0
BILEVEL_COLOURSPACES = {"/DeviceGray", "/CalGray", "/G"}
# The filters a bilevel page image may use to be taken as it is (JPEG and JPEG 2000 are
# lossy and grey: such pages are rendered).
LOSSLESS_FILTERS = {"/CCITTFaxDecode", "/JBIG2Decode", "/FlateDecode", "/LZWDecode",
                    "/RunLengthDecode", "/ASCII85Decode", "/ASCIIHexDecode"}
JBIG2DEC_TIMEOUT = 60.0


class PdfPageError(ValueError):
    """The PDF page cannot be used as received; the message is for the operator."""


@dataclass
class _GraphicsState:
    ctm: pikepdf.Matrix
    text_mode: int = 0
    fill_black: bool = True


@dataclass
class PageDrawing:
    """What a page's content stream draws: image XObjects with the matrix each is drawn with,
    and whether anything else visible is drawn."""

    images: list[tuple[str, pikepdf.Matrix]] = field(default_factory=list)
    other_marks: bool = False
    image_fill_black: list[bool] = field(default_factory=list)
    inline_image_sizes: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class PageBilevelImage:
    """A page that is one bilevel image: the image upright as the page shows it."""

    image: Image.Image
    xdpi: float
    ydpi: float
    g4_tiff: bytes | None  # the PDF's own G4 data wrapped in a TIFF, when usable as it is


def read_drawing(page: pikepdf.Page) -> PageDrawing:
    """Walk the page's content stream tracking the transformation matrix (q/Q/cm)."""
    drawing = PageDrawing()
    state = _GraphicsState(pikepdf.Matrix())
    stack: list[_GraphicsState] = []
    xobjects = page.obj.get("/Resources", pikepdf.Dictionary()).get("/XObject",
                                                                      pikepdf.Dictionary())
    if page.obj.get("/Annots"):  # annotations draw their own appearances over the page
        drawing.other_marks = True
    for operands, operator in pikepdf.parse_content_stream(page):
        try:
            state = _interpret(str(operator), operands, state, stack, drawing, xobjects)
        except (TypeError, ValueError, IndexError, AttributeError, pikepdf.PdfError):
            # Operands a reader would skip: the page is not plainly one image; render it.
            drawing.other_marks = True
    return drawing


def _interpret(op: str, operands: list, state: _GraphicsState, stack: list[_GraphicsState],
               drawing: PageDrawing, xobjects: pikepdf.Dictionary) -> _GraphicsState:
    """Apply one content-stream operator; return the graphics state in force after it."""
    if op == "q":
        if len(stack) >= MAX_GRAPHICS_DEPTH:  # beyond any real page: render it, bounded
            drawing.other_marks = True
        else:
            stack.append(_GraphicsState(state.ctm, state.text_mode, state.fill_black))
    elif op == "Q":
        if stack:  # an unbalanced Q is ignored, as readers do
            state = stack.pop()
    elif op == "cm":
        state.ctm = pikepdf.Matrix(*[float(v) for v in operands]) @ state.ctm
    elif op == "Tr":
        state.text_mode = int(operands[0])
    elif op in _FILL_COLOUR:
        state.fill_black = [float(v) for v in operands] == _BLACK_FILLS.get(op)
    elif op in _TEXT_SHOW:
        drawing.other_marks |= state.text_mode != _INVISIBLE_TEXT
    elif op == "INLINE IMAGE":
        inline = operands[0]
        drawing.inline_image_sizes.append((int(inline.width), int(inline.height)))
        drawing.other_marks = True
    elif op in _PAINT:
        drawing.other_marks = True
    elif op == "Do":
        name = str(operands[0])
        xobject = xobjects.get(name)
        if xobject is not None and xobject.get("/Subtype") == "/Image":
            drawing.images.append((name, state.ctm))
            drawing.image_fill_black.append(state.fill_black)
        else:  # a form (or a missing object): it may draw anything
            drawing.other_marks = True
    return state


def check_image_sizes(pdf: pikepdf.Pdf, max_pixels: int) -> None:
    """Refuse a PDF holding an image XObject of more than ``max_pixels``, wherever it is (on
    a page, in a form, a pattern, a font, an annotation): a renderer decodes an image whole,
    whatever the size it is drawn at, so a 1-inch page can hold a 1.6 GB image."""
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
            _check_pixels(obj.get("/Width", 0), obj.get("/Height", 0), max_pixels)


def check_inline_image_sizes(drawing: PageDrawing, max_pixels: int) -> None:
    """The same for the images written inline in the page's content stream."""
    for width, height in drawing.inline_image_sizes:
        _check_pixels(width, height, max_pixels)


def _check_pixels(width: object, height: object, max_pixels: int) -> None:
    try:
        width, height = int(width), int(height)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise PdfPageError("an image without a valid /Width and /Height") from None
    if width * height > max_pixels:
        raise PdfPageError(f"an image of {width}x{height} pixels exceeds the {max_pixels}-pixel "
                           "limit (limits.max_pixels_per_page)")


def visible_box(page: pikepdf.Page) -> tuple[float, float, float, float]:
    """The page area a reader shows: the crop box within the media box, in points."""
    media = [float(v) for v in page.mediabox]
    crop = [float(v) for v in page.obj.get("/CropBox", page.mediabox)]
    x0, y0 = max(min(media[0], media[2]), min(crop[0], crop[2])), \
        max(min(media[1], media[3]), min(crop[1], crop[3]))
    x1, y1 = min(max(media[0], media[2]), max(crop[0], crop[2])), \
        min(max(media[1], media[3]), max(crop[1], crop[3]))
    return x0, y0, x1, y1


def user_unit(page: pikepdf.Page) -> float:
    unit = page.obj.get("/UserUnit")
    return float(unit) if unit is not None and float(unit) > 0 else 1.0


def page_rotation(page: pikepdf.Page) -> int:
    rotate = page.obj.get("/Rotate", 0)
    try:
        return int(rotate) % 360 if int(rotate) % 90 == 0 else 0
    except (TypeError, ValueError):
        return 0


def drawn_dpi(matrix: pikepdf.Matrix, width: int, height: int,
              unit: float = 1.0) -> tuple[float, float]:
    """An image's resolution along its own x and y axes, as drawn with ``matrix``."""
    drawn_w = math.hypot(matrix.a, matrix.b) * unit / 72
    drawn_h = math.hypot(matrix.c, matrix.d) * unit / 72
    if drawn_w <= 0 or drawn_h <= 0:
        return 0.0, 0.0
    return width / drawn_w, height / drawn_h


def _is_bilevel(image: pikepdf.PdfImage, fill_black: bool) -> bool:
    obj = image.obj
    if image.bits_per_component != 1 or "/SMask" in obj or "/Mask" in obj:
        return False
    if not set(image.filters) <= LOSSLESS_FILTERS:
        return False
    if image.image_mask:
        return fill_black  # a stencil painted in black ink
    colourspace = obj.get("/ColorSpace")
    if isinstance(colourspace, pikepdf.Array) and len(colourspace) == 2 and \
            colourspace[0] == "/ICCBased":
        return int(colourspace[1].get("/N", 0)) == 1
    return str(colourspace) in BILEVEL_COLOURSPACES


def _axis_transposes(matrix: pikepdf.Matrix) -> list[Image.Transpose] | None:
    """How to turn the image's samples to show it as drawn (None: not axis-aligned).

    Image space puts sample row 0 at the top: sample (i, j) of a W x H image is the unit
    square point (i/W, 1 - j/H). On the page (y up) the image's x axis runs along
    (a, b) and its rows run down along -(c, d)."""
    a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
    eps = 1e-6 * max(abs(a), abs(b), abs(c), abs(d))
    # Directions in device terms: x right, y *down* the page.
    if abs(b) <= eps and abs(c) <= eps and abs(a) > eps and abs(d) > eps:
        steps = []
        if a < 0:
            steps.append(Image.Transpose.FLIP_LEFT_RIGHT)
        if d < 0:  # rows run up the page
            steps.append(Image.Transpose.FLIP_TOP_BOTTOM)
        return steps
    if abs(a) <= eps and abs(d) <= eps and abs(b) > eps and abs(c) > eps:
        # TRANSPOSE swaps axes: the new x axis is the old rows (down the image, i.e. -(c, d)
        # on the page: rightwards when c < 0); the new rows are the old x axis ((a, b): down
        # the page, in device terms, when b < 0).
        steps = [Image.Transpose.TRANSPOSE]
        if c > 0:
            steps.append(Image.Transpose.FLIP_LEFT_RIGHT)
        if b > 0:
            steps.append(Image.Transpose.FLIP_TOP_BOTTOM)
        return steps
    return None


def _covers(matrix: pikepdf.Matrix, box: tuple[float, float, float, float]) -> bool:
    corners = [matrix.transform(p) for p in ((0, 0), (1, 0), (0, 1), (1, 1))]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    x0, y0, x1, y1 = box
    return (abs(min(xs) - x0) <= COVER_TOLERANCE_PT and abs(max(xs) - x1) <= COVER_TOLERANCE_PT
            and abs(min(ys) - y0) <= COVER_TOLERANCE_PT
            and abs(max(ys) - y1) <= COVER_TOLERANCE_PT)


_ROTATE_CLOCKWISE = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                     270: Image.Transpose.ROTATE_90}


def bilevel_page_image(page: pikepdf.Page, drawing: PageDrawing) -> PageBilevelImage | None:
    """The page's one bilevel image, upright as the page shows it, with its resolution per
    axis; None if the page is anything else (it is then rendered)."""
    if drawing.other_marks or len(drawing.images) != 1:
        return None
    name, matrix = drawing.images[0]
    pdf_image = pikepdf.PdfImage(page.obj.Resources.XObject[name])
    if not _is_bilevel(pdf_image, drawing.image_fill_black[0]):
        return None
    transposes = _axis_transposes(matrix)
    if transposes is None or not _covers(matrix, visible_box(page)):
        return None
    unit = user_unit(page)
    sample_xdpi, sample_ydpi = drawn_dpi(matrix, pdf_image.width, pdf_image.height, unit)
    if sample_xdpi <= 0 or sample_ydpi <= 0:
        return None
    image = _decode_bilevel(pdf_image)
    swapped = Image.Transpose.TRANSPOSE in transposes
    rotation = page_rotation(page)
    if rotation in (90, 270):
        swapped = not swapped
    xdpi, ydpi = (sample_ydpi, sample_xdpi) if swapped else (sample_xdpi, sample_ydpi)
    if rotation:
        transposes = [*transposes, _ROTATE_CLOCKWISE[rotation]]
    g4 = g4_tiff(pdf_image, image, xdpi, ydpi) if not transposes else None
    for step in transposes:
        image = image.transpose(step)
    return PageBilevelImage(image, round(xdpi, 3), round(ydpi, 3), g4)


def _decode_bilevel(pdf_image: pikepdf.PdfImage) -> Image.Image:
    try:
        with _bounded_jbig2dec():
            image = pdf_image.as_pil_image()
    except (pikepdf.PdfError, pikepdf.DependencyError, NotImplementedError, ValueError,
            OSError, subprocess.SubprocessError) as exc:
        raise PdfPageError(f"cannot decode the page image: {exc}") from None
    if image.mode != "1":
        image = image.convert("L").point(lambda v: 255 if v >= 128 else 0).convert("1")
    return image


class _bounded_jbig2dec:
    """pikepdf decodes JBIG2 with the jbig2dec program; give it a time limit."""

    def __enter__(self) -> None:
        from pikepdf import jbig2

        self._previous = jbig2.get_decoder()
        jbig2.set_decoder(jbig2.JBIG2Decoder(
            subprocess_run=functools.partial(subprocess.run, timeout=JBIG2DEC_TIMEOUT)))

    def __exit__(self, *exc: object) -> None:
        from pikepdf import jbig2

        jbig2.set_decoder(self._previous)


def g4_tiff(pdf_image: pikepdf.PdfImage, decoded: Image.Image, xdpi: float,
            ydpi: float) -> bytes | None:
    """The image's own CCITT G4 data in a single-strip TIFF with the page's resolution, or
    None if the image is not plain G4. The TIFF is checked to decode to exactly the pixels
    the PDF shows before it is used."""
    obj = pdf_image.obj
    if pdf_image.filters != ["/CCITTFaxDecode"] or pdf_image.image_mask:
        return None
    parms = pdf_image.decode_parms[0] if pdf_image.decode_parms else pikepdf.Dictionary()
    width, height = pdf_image.width, pdf_image.height
    if int(parms.get("/K", 0)) >= 0 or bool(parms.get("/EncodedByteAlign", False)) or \
            int(parms.get("/Columns", 1728)) != width or \
            int(parms.get("/Rows", height)) != height:
        return None
    decode = [float(v) for v in obj.get("/Decode", [0, 1])]
    if decode not in ([0.0, 1.0], [1.0, 0.0]):
        return None
    # With BlackIs1 false a PDF decodes black runs to 0, black in DeviceGray; libtiff decodes
    # them to 1, black under "min is white" (photometric 0). BlackIs1 and a [1 0] Decode each
    # invert what is shown, which "min is black" (photometric 1) expresses.
    inverted = bool(parms.get("/BlackIs1", False)) ^ (decode == [1.0, 0.0])
    photometric = 1 if inverted else 0
    data = obj.read_raw_bytes()
    ifd = TiffImagePlugin.ImageFileDirectory_v2()
    ifd[256], ifd[257] = width, height
    ifd[258], ifd[259], ifd[262] = 1, 4, photometric  # 1 bit, CCITT T.6 (G4)
    # One strip: the data follows the directory (Pillow adds the directory's end to 0).
    ifd[273], ifd[277], ifd[278], ifd[279] = 0, 1, height, len(data)
    ifd[282], ifd[283], ifd[296] = xdpi, ydpi, 2  # resolution per inch
    for tag in (256, 257, 273, 278, 279):
        ifd.tagtype[tag] = TiffTags.LONG
    header = b"II*\x00" + (8).to_bytes(4, "little")
    tiff = header + ifd.tobytes(len(header)) + data
    try:
        with Image.open(io.BytesIO(tiff)) as check:
            check.load()
            same = check.mode == "1" and check.tobytes() == decoded.tobytes()
    except Exception:  # a stream libtiff reads differently: fall back to re-encoding
        return None
    return tiff if same else None


def render_resolution(page: pikepdf.Page, drawing: PageDrawing, *, min_dpi: int,
                      max_dpi: int, max_pixels: int) -> float:
    """The resolution to render a page at: its finest image's, within [min_dpi, max_dpi],
    lowered until the page fits in ``max_pixels``."""
    finest = 0.0
    xobjects = page.obj.Resources.XObject if drawing.images else {}
    for name, matrix in drawing.images:
        xobject = xobjects[name]
        xdpi, ydpi = drawn_dpi(matrix, int(xobject.get("/Width", 0)),
                               int(xobject.get("/Height", 0)), user_unit(page))
        finest = max(finest, min(xdpi, ydpi))
    # Rounded: a skewed or scaled drawing gives 300.0012 dpi where the scan was 300.
    dpi = round(min(max(finest, float(min_dpi)), float(max_dpi)), 1)
    x0, y0, x1, y1 = visible_box(page)
    unit = user_unit(page)
    width_in, height_in = (x1 - x0) * unit / 72, (y1 - y0) * unit / 72
    if width_in > 0 and height_in > 0:
        # A renderer rounds each side up: leave room for one more row and column.
        while dpi > 1 and (width_in * dpi + 1) * (height_in * dpi + 1) > max_pixels:
            dpi = min(dpi * 0.999, math.sqrt(max_pixels / (width_in * height_in)))
    return math.floor(dpi * 1000) / 1000


def open_pdf(path: Path) -> pikepdf.Pdf:
    try:
        return pikepdf.open(path)
    except pikepdf.PasswordError:
        raise PdfPageError("unreadable PDF (encrypted or corrupt): it needs a password") \
            from None
    except pikepdf.PdfError as exc:
        raise PdfPageError(f"unreadable PDF (encrypted or corrupt): {exc}") from None
