"""Fax geometry and cleanup before OCR: square the pixels, remove specks, and remember how
to map results back.

Fax resolutions are anisotropic: "normal" is 204 dpi across but 98 dpi down, so a letter page is
1728x1078 pixels and every glyph is squashed to half height. Tesseract reads squashed glyphs
badly (about 11% character errors on degraded pages, measured); repeating each row restores the
shape (about 1.7%). Resampling up to 300 dpi smooths the noise into the glyphs and did worse
(about 6%), so the correction is an integer repeat along the short axis and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageChops, ImageFilter

# Despeckle: ink pixels with at most this many ink neighbours (of 8) are noise. Measured on
# the degraded corpus (benchmarks/ocr_quality.py): at most 1 lowered CER from 8.5% to 7.2%
# at 204x98 and from 4.3% to 3.5% at 204x196 with clean pages unchanged; at most 2 did best
# at 204x196 (2.3%) but ate the strokes of 8 pt text at 204x98 (17% -> 36% CER on small
# print). A 3x3 median helped noisy normal-size text but wrecked 8 pt text everywhere.
SPECK_NEIGHBOURS_NORMAL, SPECK_NEIGHBOURS_FINE = 1, 2
_NEIGHBOURS = ImageFilter.Kernel((3, 3), [1, 1, 1, 1, 0, 1, 1, 1, 1], scale=8)


@dataclass(frozen=True)
class OcrGeometry:
    """How an OCR image relates to the page: OCR pixels per page pixel on each axis."""

    scale_x: int
    scale_y: int
    dpi: int  # the (now square) resolution to tell the engine


def squaring_factors(xdpi: float, ydpi: float) -> tuple[int, int]:
    """Integer repeats (x, y) that make pixels (nearly) square; (1, 1) when they already are."""
    if ydpi <= 0 or xdpi <= 0:
        return 1, 1
    if xdpi > ydpi:
        return 1, max(1, round(xdpi / ydpi))
    return max(1, round(ydpi / xdpi)), 1


def remove_specks(gray: Image.Image, max_neighbours: int) -> Image.Image:
    """Whiten isolated ink pixels (line noise, scanner dust), leaving strokes alone."""
    ink = gray.point(lambda v: 255 if v < 128 else 0)
    neighbours = ink.filter(_NEIGHBOURS)  # mean of the 8 neighbours, 0..255
    lonely = neighbours.point(lambda v: 255 if v <= (255 * max_neighbours) // 8 else 0)
    return ImageChops.add(gray, ImageChops.multiply(ink, lonely))


def normalize_fax_geometry(image: Image.Image, xdpi: float,
                           ydpi: float) -> tuple[Image.Image, OcrGeometry]:
    """Return a grayscale image with square pixels for OCR, and the geometry to map back."""
    xdpi, ydpi = float(xdpi), float(ydpi)  # Pillow hands out IFDRational
    fx, fy = squaring_factors(xdpi, ydpi)
    gray = image if image.mode == "L" else image.convert("L")
    gray = remove_specks(gray, SPECK_NEIGHBOURS_FINE if min(xdpi, ydpi) >= 150
                         else SPECK_NEIGHBOURS_NORMAL)
    if (fx, fy) != (1, 1):
        # NEAREST repeats rows/columns exactly: no interpolation blur on 1-bit fax pixels.
        gray = gray.resize((gray.width * fx, gray.height * fy), Image.Resampling.NEAREST)
    dpi = round(max(xdpi * fx, ydpi * fy)) or 200
    return gray, OcrGeometry(scale_x=fx, scale_y=fy, dpi=dpi)
