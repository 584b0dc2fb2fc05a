"""Fax pages made readable before OCR: remove specks, straighten the lines, square the pixels,
smooth the bilevel edges; and remember how to map results back to the page.

Each step was chosen on the evaluation corpus (tests/ocr_corpus.py, benchmarks/ocr_quality.py;
figures in benchmarks/RESULTS.md):

- Squaring. Fax "normal" resolution is 204 dpi across but 98 dpi down, so every glyph is
  squashed to half height; tesseract reads squashed glyphs badly. Repeating each row restores
  the shape. Resampling both axes up to 300 dpi did worse, so it is an integer repeat.
- Specks, on noisy pages. Line noise leaves lone ink pixels, and they are removed. Removing
  pairs too, or larger or "lonely" components, did worse: on a noisy page a period or the dot
  of an i can come through as two pixels, and a hyphen looks like a speck. A page with
  hardly any lone pixels (a clean one) is left as it is.
- Skew. Pages go through a fax machine at a slight angle; on wide layouts (tables) a line
  drifts into the next one and tesseract splits or merges lines. The angle comes from the
  projection profile of the ink (the angle at which rows are most sharply "all ink" or "all
  paper"), and a vertical shear straightens the lines: for the few degrees a fax is skewed a
  shear is a rotation to within a fraction of a pixel, moves no ink horizontally, and can be
  mapped back exactly. On a page whose rows are repeated and smoothed (204x98), the shear
  moves the repeated rows one at a time, not the page's rows two at a time: straightened in
  page rows, a line keeps a step two rows tall every few centimetres (at half a degree,
  every 1.2 inches); in repeated rows its steps are one row tall and twice as many. So
  sheared, forms scanned askew lost 10 names of 2,896 instead of 16 (development) and 7 of
  2,793 instead of 11 (held out), and held-out skewed pages read with fewer errors in five
  cells of eight, more by 0.05 points at most in three (benchmarks/RESULTS.md, "The shear
  in repeated rows", and the section after it).
- Smoothing, on noisy pages and on bilevel pages whose rows are repeated. A Gaussian blur of
  radius 1 after squaring turns the ragged staircase edges that noise and thresholding leave
  into grey ramps. Tesseract's LSTM reads the grey image (its layout analysis binarises a
  copy, see ``engine.THRESHOLDING``), and reads smoothed glyphs better: thresholding the
  smoothed page back to 1 bit before OCR doubled the errors. Radius 1.4 and up merged 8 pt
  print; a 3x3 mean was cheaper but worse. A clean 204x98 page, its rows repeated, has
  edges in steps two rows tall: the foot of a 10 pt Helvetica C is a block that reads as
  the spur of a G, with confidence ("Cardona" as "Gardona", "City:" as "Gity:"), and the
  foot of a Z as a 2's ("FZ8525508" as "F28525508"). Smoothed as a noisy page is, the names
  forms (development sets) read CER 0.30-0.40% -> 0.11-0.14%, words lost 18 -> 3 of
  2,892 on the largest, the clean tuning pages the same or better, for about 6% more CPU a
  page (benchmarks/RESULTS.md, "Smoothing the repeated rows"). A clean 204x196 page is not
  smoothed: its steps are one row, and smoothed the fine tuning pages read no better.
- Streaks, on noisy pages. Dirt on a scanner's glass draws a line down the whole page, one
  or two pixels wide; tesseract reads it as "i" and "|" inside every line it crosses, and
  can cut a table in two at it. A column of pixels mostly ink, between columns with far
  less, is cleared, except where a stroke crosses it (ink on both sides).
- Line errors, on bilevel pages: bands a burst of line noise left in a fax sent without
  error correction, and lines a receiver printed again, are repaired first, from the lines
  around them (``ocr/line_errors.py`` says how, and what it was chosen on).
- Darkening, on noisy pages. After smoothing, grey levels are raised to a power
  (``DARKEN_GAMMA``): mid greys darken, white and black stay. Thin strokes that a light
  threshold broke up join again; on thick strokes it moves the edge by a fraction of a pixel.
- Thin strokes, on noisy pages whose rows are repeated. Thin print broken up by line noise
  (a light Courier at 204x98) leaves ink runs across of two pixels or so; tesseract reads its
  broken letters as other letters. Such a page (``THIN_STROKE_RUN``) is thickened, a pixel
  before smoothing and half a pixel after darkening. Pages of ordinary strokes are prepared
  as before: thickening every page read the corpus's small print worse.
- The print, not the sheet. A fax of a few lines is mostly blank paper, and tesseract's
  thresholding and layout analysis cost per pixel, blank or not, as do smoothing and
  darkening. The engine is handed the box around the page's print (tiles of an eighth of an
  inch with more than a few pixels of ink: a noisy page's leftover dirt is not print) and an
  eighth of an inch of paper around it. Only bilevel and noisy pages are cut: a clean grey
  page (a scan, a rendered PDF) can hold print lighter than mid-grey, and is read whole.
  The box's edges fall on the tiles tesseract thresholds a grey page in
  (``engine.THRESHOLDING``), so every tile of print keeps its threshold: cut anywhere else,
  the degraded corpus pages read differently (CER 1.59% -> 1.74%); cut on the tiles, they
  read the same, for a third less CPU a page
  (benchmarks/RESULTS.md, "The print, not the sheet").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageChops, ImageFilter

from ocr.engine import THRESHOLDING
from ocr.line_errors import repair_line_errors

# Skew is searched within +-MAX_SKEW_DEGREES (a page fed worse than that is not "slightly"
# skewed, and a wider search would find tables' column edges); below MIN_SKEW_DEGREES a shear
# would move nothing by more than a pixel or two across the page and is skipped.
MAX_SKEW_DEGREES, MIN_SKEW_DEGREES = 5.0, 0.1
SKEW_SAMPLE_PIXELS = 40_000  # ink pixels sampled for the projection profile
SMOOTH_RADIUS = 1.0  # Gaussian blur radius, in square OCR pixels
# A streak: a column of pixels with ink in more than STREAK_INK_SHARE of the page's rows,
# and each neighbouring column with less than half as much. A column of text, even a table's
# column of digits, has ink in under 8% of the rows (the corpora's pages, clean and degraded);
# a streak on the transmission model's pages in about 60%.
STREAK_INK_SHARE = 0.35
# Grey levels after smoothing are raised to this power (0-1 scale) on noisy pages. Page-mean
# CER on the tuning pages (tests/ocr_layouts.py TUNING_LAYOUTS transmitted, seeds 5-10 at
# 204x98, 5-7 at 204x196; tests/ocr_corpus.py DOCS degraded, seeds 13-14 and 13), streaks
# removed, gamma 1 / 1.25 / 1.5 / 2 / 3:
#   transmitted 204x98   6.00% / 5.37% / 5.28% / 5.07% / 5.31%
#   transmitted 204x196  0.81% / 0.63% / 0.58% / 0.69% / 1.00%
#   corpus 204x98        1.81% / 1.82% / 1.59% / 1.70% / 2.31%
#   corpus 204x196       0.88% / 0.74% / 0.85% / 1.03% / 1.95%
# Thickening the bilevel strokes by a pixel instead read the light-threshold pages better
# (204x98 4.72%) but the others worse (corpus 1.97%, 204x196 1.07%); choosing between the
# two by tesseract's mean confidence (twice the reading) did worse than either (7.08%).
DARKEN_GAMMA = 1.5
_DARKEN = [round(255 * (level / 255) ** DARKEN_GAMMA) for level in range(256)]
# A page is noisy when more than this share of its pixels are specks. Degraded corpus pages
# are at 0.37%, clean renders (8 pt print included) at 0.
NOISY_SPECK_SHARE = 1e-4
# Thin strokes, on noisy pages whose rows are repeated (204x98): a page whose ink runs across
# are shorter than THIN_STROKE_RUN page pixels on average (thin print such as a light
# Courier, broken up by the line noise; the tuning pages' thin ones at 2.36, the others at
# 2.6-3.9) is thickened: its ink spreads a pixel to the right before smoothing, and after
# darkening each grey level is averaged with the darker of itself and its left neighbour
# (half a pixel more). Page-mean CER, tuning pages (layouts-tuning 5-7, corpus 13-14):
# transmitted 204x98 5.62% -> 4.50%, every other cell the same; only thin pages change.
THIN_STROKE_RUN = 2.5


# A clean bilevel page that is not smoothed (204x196) is handed to the engine as a 1-bit image,
# not as 8-bit grey of the same two levels: tesseract then takes it as its binary image
# instead of thresholding it (its adaptive Otsu, engine.THRESHOLDING, over a page of 3.8
# million pixels), and its recogniser reads the same pixels. Same text on the clean tuning
# pages, 10% less CPU a page (benchmarks/RESULTS.md, "A cheaper reading").


# Most pixels a page may have once squared. Ingest refuses larger pages first, against its
# configured limit (limits.max_pixels_per_page, at most this); this guard stops a page that
# did not pass there from being multiplied into gigabytes.
MAX_OCR_PIXELS = 100_000_000


# The engine is handed the page's ink and this much paper around it, not the whole sheet: a
# fax of a few lines is mostly blank paper, and tesseract's thresholding and layout analysis
# cost per pixel, blank or not (so do the smoothing and darkening of a noisy page). A margin
# of white keeps letters at the ink's edge from touching the image's border; vertically it
# also holds how far the straightening shear moves a column (see ink_box).
CROP_MARGIN_INCHES = 0.125
CROP_TILE_INCHES, CROP_TILE_INK = 0.125, 0.04


class OcrImageTooLarge(ValueError):
    """The page would exceed MAX_OCR_PIXELS once its pixels are made square."""


@dataclass(frozen=True)
class OcrGeometry:
    """How the OCR image relates to the page.

    A point (x, y) in OCR pixels is the page pixel (x / scale_x, y / scale_y + shear * x /
    scale_x + shift): the OCR image repeats rows (or columns) ``scale`` times, and its rows were
    straightened by a vertical shear of ``shear`` page rows per page column."""

    scale_x: int
    scale_y: int
    dpi: int  # the (now square) resolution to tell the engine
    shear: float = 0.0
    shift: float = 0.0
    cleaned: bool = False  # a noisy page: specks removed and edges smoothed
    line_errors: bool = False  # line errors found and repaired (see repair_line_errors)
    # The page pixel at the OCR image's top left corner: the image holds the page's ink and
    # a margin around it, not its blank paper (see CROP_MARGIN_INCHES).
    offset_x: int = 0
    offset_y: int = 0

    @property
    def damaged(self) -> bool:
        """The print came damaged: a noisy page, one with line errors, or one found askew (a
        sheet printed, perhaps copied, and scanned, not a page rendered straight to a fax).
        The fax model reads such pages (ocr/fax_model.py)."""
        return self.cleaned or self.line_errors or self.shear != 0.0

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        px = x / self.scale_x
        return (px + self.offset_x,
                y / self.scale_y + self.shear * px + self.shift + self.offset_y)

    def box_to_page(self, x0: float, y0: float, x1: float,
                    y1: float) -> tuple[float, float, float, float]:
        """The page-pixel box that holds the OCR-pixel box (a sheared box is a parallelogram)."""
        corners = [self.to_page(x, y) for x in (x0, x1) for y in (y0, y1)]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        return min(xs), min(ys), max(xs), max(ys)


def squaring_factors(xdpi: float, ydpi: float) -> tuple[int, int]:
    """Integer repeats (x, y) that make pixels (nearly) square; (1, 1) when they already are."""
    if ydpi <= 0 or xdpi <= 0:
        return 1, 1
    if xdpi > ydpi:
        return 1, max(1, round(xdpi / ydpi))
    return max(1, round(ydpi / xdpi)), 1


def _neighbour_count(ink: np.ndarray) -> np.ndarray:
    """For each pixel, how many of its 8 neighbours are ink."""
    padded = np.pad(ink, 1).astype(np.uint8)
    h, w = ink.shape
    count = np.zeros((h, w), np.uint8)
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            if dy != 1 or dx != 1:
                count += padded[dy:dy + h, dx:dx + w]
    return count


def speck_mask(ink: np.ndarray) -> np.ndarray:
    """Ink pixels with no ink among their 8 neighbours."""
    return ink & (_neighbour_count(ink) == 0)


def remove_streaks(ink: np.ndarray) -> np.ndarray:
    """``ink`` with streaks (see STREAK_INK_SHARE) cleared, in place, except where a stroke
    crosses them (ink left and right of the pixel)."""
    if ink.shape[1] < 3:
        return ink
    share = ink.mean(axis=0)
    left = np.concatenate(([0.0], share[:-1]))
    right = np.concatenate((share[1:], [0.0]))
    for column in np.nonzero((share > STREAK_INK_SHARE) &
                             (np.maximum(left, right) < share / 2))[0]:
        before = ink[:, column - 1] if column > 0 else np.zeros(ink.shape[0], bool)
        after = ink[:, column + 1] if column + 1 < ink.shape[1] else \
            np.zeros(ink.shape[0], bool)
        ink[:, column] = before & after
    return ink


def mean_ink_run(ink: np.ndarray) -> float:
    """The mean length, in pixels, of the horizontal runs of ink (a stroke width measure)."""
    runs = np.count_nonzero(ink[:, 1:] & ~ink[:, :-1]) + np.count_nonzero(ink[:, 0])
    return np.count_nonzero(ink) / max(1, runs)


def thicken_grey(gray: Image.Image) -> Image.Image:
    """Strokes of ``gray`` half a pixel wider to the right: each level averaged with the
    darker of itself and its left neighbour."""
    shifted = ImageChops.offset(gray, 1, 0)
    shifted.paste(255, (0, 0, 1, gray.height))
    return Image.blend(gray, ImageChops.darker(gray, shifted), 0.5)


def _print_tile(xdpi: float, ydpi: float) -> tuple[int, int]:
    """A tile of CROP_TILE_INCHES in page pixels (across, down)."""
    return (max(1, round(CROP_TILE_INCHES * (xdpi if xdpi > 0 else 200))),
            max(1, round(CROP_TILE_INCHES * (ydpi if ydpi > 0 else 200))))


def _print_tiles(ink: np.ndarray, tile_x: int, tile_y: int) -> tuple[np.ndarray, np.ndarray]:
    """The rows and the columns of tiles (``tile_x`` by ``tile_y`` pixels, from the top left
    corner) that hold print: more than CROP_TILE_INK of their pixels ink (a noisy page's dirt
    that is not a lone speck, a few pixels here and there, is not print)."""
    height, width = ink.shape
    rows, columns = -(-height // tile_y), -(-width // tile_x)
    padded = np.zeros((rows * tile_y, columns * tile_x), bool)
    padded[:height, :width] = ink
    counts = padded.reshape(rows, tile_y, columns, tile_x).sum(axis=(1, 3), dtype=np.int32)
    print_tiles = counts > CROP_TILE_INK * tile_x * tile_y
    return np.flatnonzero(print_tiles.any(axis=1)), np.flatnonzero(print_tiles.any(axis=0))


def _aligned(start: int, end: int, step: int, size: int) -> tuple[int, int]:
    """``start`` down and ``end`` up to multiples of ``step``, within 0..``size``."""
    return max(0, start // step * step), min(size, -(-end // step) * step)


def ink_box(ink: np.ndarray, xdpi: float, ydpi: float, slope: float,
            grid: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """The page-pixel box (left, top, right, bottom) around the print of ``ink`` (whole
    tiles, see _print_tiles), with CROP_MARGIN_INCHES of paper each way and, above and below,
    room for the page's straightening shear (``slope`` rows per column about the page's
    middle); its edges on multiples of ``grid`` (across, down). None when the page has no
    print, or when the box would be the whole page."""
    tile_x, tile_y = _print_tile(xdpi, ydpi)
    tile_rows, tile_columns = _print_tiles(ink, tile_x, tile_y)
    if not len(tile_rows):
        return None
    height, width = ink.shape
    across = math.ceil(CROP_MARGIN_INCHES * (xdpi if xdpi > 0 else 200))
    left, right = _aligned(int(tile_columns[0]) * tile_x - across,
                           (int(tile_columns[-1]) + 1) * tile_x + across, grid[0], width)
    down = math.ceil(CROP_MARGIN_INCHES * (ydpi if ydpi > 0 else 200)
                     + abs(slope) * max(abs(left - width / 2), abs(right - width / 2)))
    top, bottom = _aligned(int(tile_rows[0]) * tile_y - down,
                           (int(tile_rows[-1]) + 1) * tile_y + down, grid[1], height)
    if (left, top, right, bottom) == (0, 0, width, height):
        return None
    return left, top, right, bottom


def estimate_skew(ink: np.ndarray, xdpi: float, ydpi: float) -> float:
    """The text lines' slope in page rows per page column (positive: falling to the right),
    from the projection profile: at the right slope, ink piles up in few rows."""
    # Flat indices, then rows and columns of the sample only: what np.nonzero gives, in the
    # same order, at a tenth of its cost on a page.
    at = np.flatnonzero(ink)
    if len(at) < 200:
        return 0.0
    if len(at) > SKEW_SAMPLE_PIXELS:  # a fixed stride: deterministic, and spread over the page
        at = at[::len(at) // SKEW_SAMPLE_PIXELS]
    ys, xs = np.divmod(at, ink.shape[1])
    xs = xs.astype(np.float64) - ink.shape[1] / 2
    ys = ys.astype(np.float64)
    rows_per_column = ydpi / xdpi  # a physical slope in page pixels

    def sharpness(degrees: float) -> float:
        slope = math.tan(math.radians(degrees)) * rows_per_column
        rows = np.round(ys - xs * slope).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.dot(counts, counts))

    # Coarse then fine: 0.25 degree steps over the range, then 0.05 around the best.
    coarse = max(np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 1e-9, 0.25), key=sharpness)
    fine = max(np.arange(coarse - 0.25, coarse + 0.25 + 1e-9, 0.05), key=sharpness)
    if abs(fine) < MIN_SKEW_DEGREES:
        return 0.0
    return math.tan(math.radians(fine)) * rows_per_column


def shear_rows(pixels: np.ndarray, slope: float, shift: float,
               first_column: int = 0) -> np.ndarray:
    """Straighten lines of ``slope`` (rows per column): each column moved up or down by a
    whole number of rows, paper where it comes from beyond the edge. Row y of page column x
    is taken from row y + floor(0.5 + slope * (x + 0.5) + shift), as Pillow's affine
    transform with nearest neighbours does; ``pixels`` starts at page column
    ``first_column``. Each column's move comes from its place on the page, so a part of a
    page is sheared pixel for pixel as the whole page would be (Pillow's transform rounds
    in fixed point from the image's own first column: a part of a page came out a few
    hundred pixels different, and read differently)."""
    height, width = pixels.shape
    paper = True if pixels.dtype == bool else 255
    columns = np.arange(first_column, first_column + width, dtype=np.float64) + 0.5
    moves = np.floor(0.5 + slope * columns + shift).astype(np.int64)
    sheared = np.full_like(pixels, paper)
    starts = np.flatnonzero(np.diff(moves, prepend=moves[0] - 1))  # runs of one move
    for start, end in zip(starts, [*starts[1:], width], strict=True):
        move = int(moves[start])
        if move >= 0:
            sheared[:max(0, height - move), start:end] = pixels[move:, start:end]
        else:
            sheared[-move:, start:end] = pixels[:max(0, height + move), start:end]
    return sheared


def _threshold_grid(dpi: int, fx: int, fy: int) -> tuple[int, int]:
    """Page pixels (across, down) whose multiples fall on the edges of the tiles tesseract
    thresholds a grey page in (``engine.THRESHOLDING``: its tile is a share of the resolution
    ``dpi`` it is told, in OCR pixels, counted from the image's top left corner). A crop on
    them leaves each tile of print with the same pixels, so the same threshold."""
    tile = max(16, int(float(THRESHOLDING["thresholding_tile_size"]) * dpi))
    return tile // math.gcd(tile, fx), tile // math.gcd(tile, fy)


def normalize_fax_geometry(image: Image.Image, xdpi: float,
                           ydpi: float) -> tuple[Image.Image, OcrGeometry]:
    """Return an image for OCR (lines straightened, pixels square; on a bilevel page line
    errors repaired; on a noisy page also specks and streaks removed; on a noisy page and
    on a bilevel page whose rows are repeated, edges smoothed and darkened: grey; any other
    clean bilevel page stays 1-bit), and the geometry to map OCR coordinates back to the
    page."""
    xdpi, ydpi = float(xdpi), float(ydpi)  # Pillow hands out IFDRational
    if image.mode == "1":
        # A bilevel page (every fax as received) stays bilevel unless it is cleaned: see
        # the note on bilevel pages above. np.asarray of a "1" image is True on white paper.
        gray, ink = image, ~np.asarray(image)
    else:
        gray = image if image.mode == "L" else image.convert("L")
        ink = np.asarray(gray) < 128
    specks = speck_mask(ink)
    noisy = int(specks.sum()) > NOISY_SPECK_SHARE * ink.size
    if noisy:
        ink &= ~specks
    # Only a bilevel page came through a fax's line coding; a clean one can have line errors
    # too (a few bursts leave few specks).
    line_errors = image.mode == "1" and repair_line_errors(ink, xdpi, ydpi) > 0
    fx, fy = squaring_factors(xdpi, ydpi)
    if image.width * fx * image.height * fy > MAX_OCR_PIXELS:
        raise OcrImageTooLarge(f"{image.width}x{image.height} pixels at {xdpi:g}x{ydpi:g} dpi "
                               f"would be {image.width * fx}x{image.height * fy} once square")
    thin = False
    if noisy:
        remove_streaks(ink)
        thin = fy > 1 and mean_ink_run(ink) < THIN_STROKE_RUN
        if thin:  # a pixel wider to the right (see THIN_STROKE_RUN)
            ink[:, 1:] |= ink[:, :-1].copy()
    slope = estimate_skew(ink, xdpi, ydpi) if xdpi > 0 and ydpi > 0 else 0.0
    dpi = round(max(xdpi * fx, ydpi * fy)) or 200  # the (square) resolution the engine is told
    # Only where the engine is handed the print as found (a bilevel page; a noisy page,
    # rebuilt from its ink): a clean grey page can hold print lighter than the mid-grey
    # ``ink`` is taken at (a pale stamp, coloured text), which tesseract's own thresholding
    # finds.
    box = ink_box(ink, xdpi, ydpi, slope, _threshold_grid(dpi, fx, fy)) \
        if image.mode == "1" or noisy else None
    left, top, right, bottom = box or (0, 0, image.width, image.height)
    ink = ink[top:bottom, left:right]
    # A bilevel page whose rows are repeated is smoothed, clean or not (see "Smoothing"
    # above): its edges are steps two rows tall. A smoothed page is rebuilt from its ink.
    smooth = noisy or (image.mode == "1" and fy > 1)
    pixels = None
    if smooth:
        # Paper 255, ink 0, straight from the mask's bytes: np.where with Python ints built
        # an int64 page first (a noisy page's preparation 58.7 -> 55.3 ms, same pixels).
        pixels = (~ink).view(np.uint8) * np.uint8(255)
    elif line_errors:
        pixels = ~ink  # still bilevel: a bool array is a "1" image
    elif box:
        gray = gray.crop(box)
    page_shift = -slope * image.width / 2  # the page's middle stays where it was
    shift = page_shift + slope * left  # from the image's first column
    # A smoothed page whose rows are repeated is sheared after the repeat, in steps of one
    # repeated row (see "Skew" above), and after the smoothing's pass across (measured so);
    # every other page is sheared here. (Rows repeated means columns are not: fx == 1.)
    shear_repeated = bool(slope) and smooth and fy > 1
    if slope and not shear_repeated:
        pixels = shear_rows(np.asarray(gray) if pixels is None else pixels, slope,
                            page_shift, left)
    if pixels is not None:
        gray = Image.fromarray(pixels)
    # Pillow's Gaussian blurs across, then down; across commutes with repeating rows, so on
    # a page whose rows are repeated that pass runs first, on half the pixels (the same
    # result pixel for pixel, about 6 ms a page sooner).
    split_blur = smooth and fx == 1
    if split_blur:
        gray = gray.filter(ImageFilter.GaussianBlur((SMOOTH_RADIUS, 0)))
    if (fx, fy) != (1, 1):
        # NEAREST repeats rows/columns exactly; the smoothing does the rest.
        gray = gray.resize((gray.width * fx, gray.height * fy), Image.Resampling.NEAREST)
    if shear_repeated:
        # The same slope and shift in repeated rows: OcrGeometry maps back as before, to
        # within half a repeated row.
        gray = Image.fromarray(shear_rows(np.asarray(gray), slope * fy, page_shift * fy, left))
    if smooth:
        gray = gray.filter(ImageFilter.GaussianBlur((0, SMOOTH_RADIUS) if split_blur
                                                    else SMOOTH_RADIUS)).point(_DARKEN)
        if thin:
            gray = thicken_grey(gray)
    return gray, OcrGeometry(scale_x=fx, scale_y=fy, dpi=dpi, shear=slope, shift=shift,
                             cleaned=noisy, line_errors=line_errors, offset_x=left,
                             offset_y=top)
