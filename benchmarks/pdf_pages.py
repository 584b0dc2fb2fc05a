"""PDF page pixels: what a page becomes, before (every page rendered at a fixed 200 dpi and
thresholded, side by side here as the baseline) and after (a page that is one bilevel image is
that image; others rendered at a resolution chosen from the page).

For each PDF, page 1: pixels and DPI before and after, the pixel ratio after/before, whether
the page is now the received image pixel for pixel (for the generated fax PDFs, whose source
TIFF is known), and split time per page before and after.

    python benchmarks/pdf_pages.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pypdfium2
from PIL import Image

from ingest.pages import pixel_sha256, save_page, split_document
from tests.faxgen import concatenate_pdfs, image_pdf, render_fax

PUBLIC = Path(__file__).resolve().parents[1] / "tests" / "data" / "ocrmypdf"
FIXED_DPI = 200  # the earlier fixed rendering
TEXT = [["PATIENT REFERRAL - CARDIOLOGY", "Patient: Jane Q. Doe   DOB 04/12/1961",
         "Reason: exertional chest pain, abnormal stress ECG on 11/02."]]


@dataclass
class Row:
    name: str
    before: tuple[int, int, float, float]
    after: tuple[int, int, float, float]
    lossless: str
    seconds_before: float
    seconds_after: float


def fixed_render(pdf: Path, work: Path) -> tuple[Image.Image, float]:
    """Page 1 as it was made before: rendered at 200 dpi, thresholded to 1 bit, saved G4."""
    started = time.perf_counter()
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=FIXED_DPI / 72, grayscale=True).to_pil()
    finally:
        document.close()
    bilevel = image.convert("L").point(lambda v: 255 if v >= 160 else 0).convert("1")
    work.mkdir(parents=True, exist_ok=True)
    save_page(bilevel, work / "before.tif", FIXED_DPI, FIXED_DPI)
    pixel_sha256(bilevel)
    return bilevel, time.perf_counter() - started


def measure(name: str, pdf: Path, work: Path, source: Path | None) -> Row:
    before, seconds_before = fixed_render(pdf, work / "before")
    started = time.perf_counter()
    pages = split_document(pdf, work)
    seconds_after = (time.perf_counter() - started) / len(pages)
    page = pages[0]
    lossless = "-"
    if source is not None:
        with Image.open(source) as received, Image.open(page.path) as taken:
            lossless = "yes" if received.convert("1").tobytes() == taken.convert(
                "1").tobytes() and received.size == taken.size else "no"
    return Row(name, (before.width, before.height, FIXED_DPI, FIXED_DPI),
               (page.width_px, page.height_px, page.xdpi, page.ydpi), lossless,
               seconds_before, seconds_after)


def corpus(root: Path) -> list[tuple[str, Path, Path | None]]:
    """(label, PDF, the received TIFF it wraps if known)."""
    files: list[tuple[str, Path, Path | None]] = []
    for resolution in ("300x300", "204x196", "204x98"):
        tiff = render_fax(root / f"fax-{resolution}.tif", TEXT, resolution=resolution)
        files.append((f"CCITT G4 letter page at {resolution} dpi (img2pdf)",
                      image_pdf(root / f"fax-{resolution}.pdf", tiff), tiff))
    typed = render_fax(root / "typed.pdf", TEXT, device="pdfwrite")
    files.append(("typed text and vectors (Ghostscript pdfwrite)", typed, None))
    files.append(("mixed: a 204x196 fax page, then a typed page",
                  concatenate_pdfs(root / "mixed.pdf", [files[1][1], typed]), files[1][2]))
    for name in ("ccitt.pdf", "jbig2.pdf", "cardinal.pdf", "2400dpi.pdf"):
        files.append((f"OCRmyPDF `{name}`", PUBLIC / name, None))
    return files


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rows = [measure(label, pdf, root / f"pages{index}", source)
                for index, (label, pdf, source) in enumerate(corpus(root))]
    print("| PDF (page 1) | before: pixels @ dpi | after: pixels @ dpi | pixels after/before "
          "| the received image, pixel for pixel | split ms/page before, after |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        bw, bh, bx, by = row.before
        aw, ah, ax, ay = row.after
        print(f"| {row.name} | {bw}x{bh} @ {bx:g}x{by:g} | {aw}x{ah} @ {ax:g}x{ay:g} | "
              f"{aw * ah / (bw * bh):.2f}x | {row.lossless} | "
              f"{row.seconds_before * 1000:.0f}, {row.seconds_after * 1000:.0f} |")


if __name__ == "__main__":
    main()
