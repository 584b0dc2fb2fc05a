"""A second OCR evaluation corpus, written apart from tests/ocr_corpus.py: other fonts (Times,
Courier, Bookman, Palatino, Helvetica Narrow), laid-out pages (tables, two-column headers,
forms with label and value side by side, a claim notice) and a second, independent
degradation model, "transmission" (what a worn machine on a noisy line does: a light or dark
threshold, point sampling, dropped and repeated scan lines, scan lines shifted sideways, a
streak down the page, salt and pepper), unlike tests/ocr_corpus.py's blur-noise-threshold.

Two sets of documents:

- ``TUNING_LAYOUTS``: what choices in ocr/ were made on (with tests/ocr_corpus.py's DOCS and
  its degradation model);
- ``REPORT_LAYOUTS``: read only to report. The transmission model's parameters were set
  before any reading and never changed after, but its pages (of TUNING_LAYOUTS, other seeds)
  were tuned on; the copier model (``copy_then_fax``) was written after every choice was
  made and was never tuned on.

Ground truth reads line by line as printed: the pieces of one printed line (a table row, a
two-column header line) joined left to right.
"""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from tests.faxgen import GS_TIMEOUT

# One printed line: (x in points from the left edge, text) pieces; "" is a blank line.
Line = list[tuple[float, str]]


@dataclass(frozen=True)
class LayoutDoc:
    name: str
    font: str  # a PostScript name from Ghostscript's URW base 35
    font_size: float
    rows: list[Line]
    key_tokens: list[str]
    # A phrase printed on one line, which a search for it must find.
    phrase: str = ""

    @property
    def lines(self) -> list[str]:
        return [" ".join(text for _, text in sorted(row)) for row in self.rows if row]


def cols(*pieces: tuple[float, str]) -> Line:
    return list(pieces)


def text(line: str, x: float = 72) -> Line:
    return [(x, line)]


TUNING_LAYOUTS = [
    LayoutDoc("shipping", "Courier", 10, [
        text("BILL OF LADING  No. BL-7730-215"),
        cols((72, "Shipper: Tallgrass Feed Co."), (330, "Consignee: Ortega Mills")),
        cols((72, "Carrier: Redline Freight"), (330, "Trailer: RF-55120")),
        [],
        cols((72, "Pcs"), (120, "Description"), (330, "Weight"), (420, "Class")),
        cols((72, "14"), (120, "Pelleted alfalfa, 50 lb"), (330, "700 lb"), (420, "55")),
        cols((72, "6"), (120, "Mineral blocks"), (330, "240 lb"), (420, "60")),
        cols((72, "2"), (120, "Pallet, returnable"), (330, "90 lb"), (420, "70")),
        text("Received in apparent good order, except as noted."),
    ], ["BL-7730-215", "Tallgrass", "Ortega", "RF-55120", "alfalfa", "returnable"],
        phrase="Mineral blocks 240 lb"),
    LayoutDoc("letterhead", "Times-Roman", 11, [
        cols((72, "Brennan & Sato LLP"), (360, "Direct: 555-218-6604")),
        cols((72, "400 Quarry Street, Suite 9"), (360, "Fax: 555-218-6690")),
        [],
        text("Re: Estate of Wilhelmina Castellanos, file 24-EP-3318"),
        text("Dear Ms. Achterberg,"),
        text("Enclosed please find the executed waiver of notice and the inventory of assets."),
        text("Kindly return the signed acknowledgment by the fifteenth of next month."),
        text("Very truly yours, Desmond Okafor"),
    ], ["Castellanos", "24-EP-3318", "Achterberg", "Okafor", "555-218-6690"],
        phrase="executed waiver of notice"),
    LayoutDoc("intake", "Helvetica-Narrow", 11, [
        text("NEW PATIENT INTAKE"),
        cols((72, "Name: Ruairi Thorvaldsen"), (320, "Date of birth: 05/02/1987")),
        cols((72, "Insurance: Meridian Health"), (320, "Member ID: MHX40917733")),
        cols((72, "Pharmacy: Linden Drug"), (320, "Phone: 555-877-1204")),
        text("Allergies: sulfamethoxazole, latex"),
        text("Current medications: rosuvastatin 20 mg nightly, omeprazole 40 mg"),
    ], ["Thorvaldsen", "05/02/1987", "MHX40917733", "sulfamethoxazole", "rosuvastatin"],
        phrase="Member ID: MHX40917733"),
    LayoutDoc("statement", "Bookman-Light", 9, [
        text("ACCOUNT STATEMENT   Period 10/01/2026 - 10/31/2026"),
        cols((72, "Date"), (150, "Description"), (380, "Charge"), (460, "Balance")),
        cols((72, "10/03"), (150, "Office visit, level 3"), (380, "145.00"), (460, "145.00")),
        cols((72, "10/03"), (150, "Venipuncture"), (380, "18.50"), (460, "163.50")),
        cols((72, "10/17"), (150, "Insurance payment"), (380, "-120.00"), (460, "43.50")),
        text("Please remit the balance of $43.50 within 30 days."),
    ], ["10/01/2026", "Venipuncture", "145.00", "163.50", "$43.50"],
        phrase="Insurance payment -120.00 43.50"),
]

REPORT_LAYOUTS = [
    LayoutDoc("claim", "Times-Roman", 10, [
        cols((72, "NORTHGATE MUTUAL INSURANCE"), (370, "Claim No. NM-2026-448170")),
        cols((72, "Notice of Claim Determination"), (370, "Date: 11/24/2026")),
        [],
        cols((72, "Service"), (250, "Billed"), (330, "Allowed"), (420, "Paid")),
        cols((72, "Knee radiograph, 3 views"), (250, "212.00"), (330, "96.40"), (420, "77.12")),
        cols((72, "Office consultation"), (250, "310.00"), (330, "188.75"), (420, "151.00")),
        [],
        text("The knee radiograph was reviewed for medical necessity. Appeals must be"),
        text("received within 90 days of this notice, with the date of service."),
    ], ["NM-2026-448170", "11/24/2026", "radiograph", "188.75", "151.00", "necessity"],
        phrase="received within 90 days"),
    LayoutDoc("wire", "Courier", 10, [
        text("WIRE TRANSFER INSTRUCTIONS - CONFIRM BY PHONE"),
        cols((72, "Beneficiary:"), (200, "Halloran Property Trust")),
        cols((72, "Bank:"), (200, "First Cascadia Savings")),
        cols((72, "ABA routing:"), (200, "125000574")),
        cols((72, "Account:"), (200, "4471 0093 2285")),
        cols((72, "Reference:"), (200, "Escrow HPT-9931 Lot 14")),
        text("Never accept changed wire instructions by email."),
    ], ["Halloran", "Cascadia", "125000574", "HPT-9931", "Escrow"],
        phrase="First Cascadia Savings"),
    LayoutDoc("radiology", "Palatino-Roman", 10, [
        text("RADIOLOGY REPORT"),
        cols((72, "Patient: Anneliese Ferreira-Gutt"), (340, "Accession: RX8812064")),
        cols((72, "Exam: CT abdomen and pelvis"), (340, "Ordering: Dr. T. Iwasaki")),
        text("Findings: no acute abnormality. Hepatic steatosis. A 4 mm nonobstructing"),
        text("calculus in the lower pole of the left kidney. Appendix is unremarkable."),
        text("Impression: nephrolithiasis, left; hepatic steatosis."),
    ], ["Ferreira-Gutt", "RX8812064", "Iwasaki", "steatosis", "nephrolithiasis",
        "nonobstructing"], phrase="lower pole of the left kidney"),
    LayoutDoc("purchase", "Helvetica", 9, [
        cols((72, "PURCHASE ORDER"), (380, "PO 55-10442")),
        cols((72, "Vendor: Quintero Surgical"), (380, "Ship via: ground")),
        cols((72, "Item"), (130, "Description"), (350, "Qty"), (400, "Unit"), (470, "Ext")),
        cols((72, "QS-1180"), (130, "Suture kit, absorbable"), (350, "40"), (400, "6.25"),
             (470, "250.00")),
        cols((72, "QS-2207"), (130, "Skin stapler, 35W"), (350, "12"), (400, "14.80"),
             (470, "177.60")),
        cols((72, "QS-0093"), (130, "Irrigation tray"), (350, "25"), (400, "3.10"),
             (470, "77.50")),
        text("Authorized by: Perpetua Ndiaye, Materials Management"),
    ], ["55-10442", "Quintero", "QS-1180", "QS-2207", "177.60", "Ndiaye"],
        phrase="Suture kit, absorbable"),
    LayoutDoc("memo", "NewCenturySchlbk-Roman", 11, [
        cols((72, "MEMORANDUM"), (360, "December 1, 2026")),
        cols((72, "To: All night-shift charge nurses"), (360, "From: Yevgenia Sorokina")),
        text("Beginning Monday, the medication cart audit moves from 0300 to 0430."),
        text("Controlled substance counts require two licensed witnesses."),
        text("Questions may be directed to the pharmacy liaison, extension 6120."),
    ], ["Sorokina", "0430", "witnesses", "liaison", "6120"],
        phrase="two licensed witnesses"),
    LayoutDoc("fineprint", "Times-Roman", 8, [
        text("Notice of privacy practices: we may use and disclose protected health information"),
        text("for treatment, payment and health care operations without your authorization."),
        text("You may request restrictions, confidential communications, and an accounting of"),
        text("disclosures. Complaints may be filed with the Secretary of Health and Human"),
        text("Services; no retaliation will follow. Effective date 01/15/2026, version PN-41."),
    ], ["disclose", "authorization", "restrictions", "retaliation", "PN-41"],
        phrase="no retaliation will follow"),
]

ALL_LAYOUTS = TUNING_LAYOUTS + REPORT_LAYOUTS


def _ps_string(value: str) -> str:
    return "(" + value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def postscript(doc: LayoutDoc) -> str:
    """One letter-size page: each printed line's pieces at their x, lines from the top."""
    out = ["%!PS-Adobe-3.0", "<< /PageSize [612 792] >> setpagedevice",
           f"/{doc.font} findfont {doc.font_size} scalefont setfont"]
    y = 720.0
    for row in doc.rows:
        for x, piece in row:
            out.append(f"{x:.1f} {y:.1f} moveto {_ps_string(piece)} show")
        y -= doc.font_size * 1.6
    out.append("showpage")
    return "\n".join(out) + "\n"


def _render_gray(out: Path, doc: LayoutDoc, dpi: int) -> Image.Image:
    source = out.with_suffix(".ps")
    source.write_text(postscript(doc), encoding="latin-1")
    subprocess.run(["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pnggray",
                    "-dTextAlphaBits=4", f"-r{dpi}", f"-sOutputFile={out}", str(source)],
                   check=True, timeout=GS_TIMEOUT, capture_output=True)
    source.unlink()
    with Image.open(out) as image:
        return image.convert("L")


def transmit(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
             seed: int) -> Image.Image:
    """The transmission model: a worn machine on a noisy line (see the module docstring)."""
    rng = np.random.default_rng(seed)
    angle = float(rng.uniform(0.2, 1.5) * rng.choice((-1, 1)))
    page = page.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(0.35 * page_dpi / xdpi))
    # Point sampling (no aperture averaging): thin strokes alias.
    small = page.resize((round(page.width * xdpi / page_dpi),
                         round(page.height * ydpi / page_dpi)), Image.Resampling.NEAREST)
    gray = np.asarray(small).astype(np.int16)
    gray = gray + rng.normal(0, 25, gray.shape).astype(np.int16)
    threshold = int(rng.choice((105, 190)))  # a light or a dark machine
    ink = gray < threshold
    height, width = ink.shape
    for row in np.nonzero(rng.random(height) < 0.02)[0]:  # scan lines lost: previous repeated
        if row:
            ink[row] = ink[row - 1]
    for row in np.nonzero(rng.random(height) < 0.03)[0]:  # scan lines shifted sideways
        ink[row] = np.roll(ink[row], int(rng.choice((-2, -1, 1, 2))))
    streak = int(rng.integers(width // 4, 3 * width // 4))
    ink[:, streak] |= rng.random(height) < 0.6  # dirt on the scanner glass
    ink |= rng.random(ink.shape) < 0.0015  # pepper
    ink &= ~(rng.random(ink.shape) < 0.02)  # salt: dropouts inside strokes
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8)).convert("1")


def copy_then_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                  seed: int) -> Image.Image:
    """The copier model, written after every choice in ocr/ was made and never tuned on: the
    sheet was photocopied before it was faxed. The copy is shrunk to 97%, turned up to 2
    degrees, thickened (toner spread: a minimum filter) and dusted with toner specks; the fax
    machine then averages each pixel's area, adds mild noise, thresholds at mid-grey, and
    loses a few bands of scan lines to line errors (white rows)."""
    rng = np.random.default_rng(seed)
    width, height = page.size
    shrunk = page.resize((round(width * 0.97), round(height * 0.97)), Image.Resampling.LANCZOS)
    sheet = Image.new("L", page.size, 255)
    sheet.paste(shrunk, (round(width * 0.015), round(height * 0.01)))
    sheet = sheet.rotate(float(rng.uniform(-2, 2)), resample=Image.Resampling.BICUBIC,
                         fillcolor=255)
    sheet = sheet.filter(ImageFilter.MinFilter(3))
    toner = np.asarray(sheet).copy()
    dust = rng.random(toner.shape) < 0.0004
    toner[dust] = 0
    sheet = Image.fromarray(toner).filter(ImageFilter.GaussianBlur(0.8 * page_dpi / xdpi))
    small = sheet.resize((round(width * xdpi / page_dpi), round(height * ydpi / page_dpi)),
                         Image.Resampling.BOX)
    gray = np.asarray(small).astype(np.int16) + rng.normal(0, 12, (small.height, small.width))
    ink = gray < 128
    for start in rng.integers(0, ink.shape[0], 4):  # line errors: bands of 1-3 rows lost
        ink[start:start + int(rng.integers(1, 4))] = False
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8)).convert("1")


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    """A one-page G4 fax TIFF of ``doc``: ``clean`` (Ghostscript's fax device),
    ``transmitted`` (the transmission model) or ``copied`` (the copier model), seeded."""
    # Named by content too: a page is reused only for the very same text.
    digest = hashlib.sha256(postscript(doc).encode()).hexdigest()[:12]
    out = root / f"layout-{doc.name}-{digest}-{resolution}-{condition}-{seed}.tif"
    if out.exists():
        return out
    if condition == "clean":
        source = out.with_suffix(".ps")
        source.write_text(postscript(doc), encoding="latin-1")
        subprocess.run(["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffg4",
                        f"-r{resolution}", f"-sOutputFile={out}", str(source)],
                       check=True, timeout=GS_TIMEOUT, capture_output=True)
        source.unlink()
        return out
    xdpi, ydpi = (float(v) for v in resolution.split("x"))
    page_dpi = round(max(xdpi, ydpi) * 2)
    gray = _render_gray(root / f"layout-{doc.name}-{page_dpi}.png", doc, page_dpi)
    degrade = {"transmitted": transmit, "copied": copy_then_fax}[condition]
    degrade(gray, page_dpi, xdpi, ydpi, seed * 1000 + sum(map(ord, doc.name))).save(
        out, format="TIFF", compression="group4", dpi=(xdpi, ydpi))
    return out


def scanned_askew(page_path: Path, degrees: float) -> Path:
    """A clean fax page printed, then scanned ``degrees`` askew (positive: counter-clockwise),
    beside it: its pixels made square by repeating rows, turned with bilinear interpolation,
    sampled back to the page's resolution by averaging and thresholded at mid-grey."""
    with Image.open(page_path) as page:
        xdpi, ydpi = (float(v) for v in page.info["dpi"])
        repeat = max(1, round(xdpi / ydpi))
        square = page.convert("L").resize((page.width, page.height * repeat),
                                          Image.Resampling.NEAREST)
        size = page.size
    turned = square.rotate(degrees, resample=Image.Resampling.BILINEAR, fillcolor=255)
    received = turned.resize(size, Image.Resampling.BOX).point(
        lambda level: 255 if level >= 128 else 0).convert("1")
    path = page_path.with_name(f"{page_path.stem}-askew-{degrees:+.3f}.tif")
    received.save(path, compression="group4", dpi=(xdpi, ydpi))
    return path
