"""An OCR evaluation corpus of fax pages, generated from texts written for faxvault.

Each document is rendered with Ghostscript at fax resolutions (204x98 "normal", 204x196
"fine"), either clean (Ghostscript's own G4 fax device) or degraded the way real faxes are
(slight skew, blur, sensor noise, thresholding, specks; fixed seeds so every run sees the same
pixels). Ground truth is the text per page; key tokens are what a user would search for.
"""

from __future__ import annotations

import random
import re
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter
from rapidfuzz.distance import Levenshtein

from tests.faxgen import GS_TIMEOUT, postscript, render_fax


@dataclass(frozen=True)
class Doc:
    name: str
    lines: list[str]
    key_tokens: list[str]
    font_size: float = 12


DOCS = [
    Doc("referral", [
        "PATIENT REFERRAL - CARDIOLOGY",
        "Patient: Margaret Okonkwo   DOB: 03/17/1958   MRN: 00734521",
        "Referring: Dr. Samuel Fitzgerald, Lakeside Family Medicine",
        "Diagnoses: I25.10 coronary artery disease, I10 hypertension,",
        "E11.9 type 2 diabetes mellitus, R07.9 chest pain unspecified",
        "Reason: exertional angina, positive treadmill stress test 11/04.",
        "Medications: metoprolol 50 mg BID, atorvastatin 80 mg daily.",
        "Please schedule a consultation within 14 days. Thank you.",
    ], ["Okonkwo", "03/17/1958", "00734521", "I25.10", "E11.9", "R07.9", "Fitzgerald",
        "metoprolol", "atorvastatin"]),
    Doc("invoice", [
        "INVOICE 2026-11873          Date: 11/19/2026",
        "Bill to: Riverside Orthopedic Associates, Suite 210",
        "Qty  Part number    Description                 Amount",
        "4    KX-4471-B      Knee brace, hinged, large    $356.00",
        "12   GL-NTR-M200    Nitrile gloves, medium, box  $118.80",
        "2    TH-9921        Digital thermometer          $49.90",
        "Subtotal $524.70   Tax $43.29   Total due $567.99",
        "Terms: net 30. Remit to Acme Medical Supply, PO Box 4471.",
    ], ["2026-11873", "KX-4471-B", "GL-NTR-M200", "TH-9921", "$567.99", "$356.00",
        "Riverside", "Acme"]),
    Doc("pharmacy", [
        "PHARMACY PRIOR AUTHORIZATION REQUEST",
        "Patient: Daniel Abernathy   DOB 08/22/1949",
        "Drug: apixaban 5 mg tablet, NDC 0003-0894-21, qty 60",
        "Drug: empagliflozin 10 mg tablet, NDC 0597-0152-30, qty 30",
        "Drug: levothyroxine 75 mcg tablet, NDC 0378-1805-01",
        "Prescriber: Dr. Priya Raghunathan, NPI 1457392018",
        "Please fax determination to 555-301-7788.",
    ], ["Abernathy", "apixaban", "empagliflozin", "levothyroxine", "0003-0894-21",
        "0597-0152-30", "1457392018", "Raghunathan"]),
    Doc("cover", [
        "FAX COVER SHEET",
        "To: Medical Records, Northside Imaging Center",
        "From: Harbor View Clinic, Billing Office",
        "Date: November 20, 2026      Pages: 3 including cover",
        "Re: Records request for Lucia Fernandez",
        "CONFIDENTIAL: this fax contains protected health information.",
    ], ["Northside", "Harbor", "Fernandez", "CONFIDENTIAL"]),
    Doc("smallprint", [
        "Terms and conditions: The patient authorizes release of medical information necessary",
        "to process this claim and requests payment of government benefits either to themselves",
        "or to the party who accepts assignment. Coverage determinations are subject to policy",
        "provisions, exclusions and limitations in effect on the date of service. Claims must be",
        "submitted within 90 days. Reference plan document HX-22871 section 4.3 for appeals.",
        "Questions regarding eligibility should be directed to member services at 555-410-2290.",
    ], ["authorizes", "assignment", "exclusions", "HX-22871", "eligibility", "555-410-2290"],
        font_size=8),
    Doc("table", [
        "LAB RESULTS            Result    Units     Reference",
        "Sodium                 138       mmol/L    135-145",
        "Potassium              5.9       mmol/L    3.5-5.1",
        "Creatinine             1.42      mg/dL     0.60-1.20",
        "Hemoglobin A1c         7.8       %         4.0-5.6",
        "TSH                    2.31      mIU/L     0.40-4.50",
        "Collected 11/18/2026 07:42   Accession LR-558203",
    ], ["Sodium", "Potassium", "Creatinine", "Hemoglobin", "LR-558203", "1.42"]),
]

# Texts written after the pipeline's steps were chosen, to check that a choice made on DOCS
# (above all the word correction, ocr/correct.py) holds on other words: surnames from many
# languages, other drugs, a legal notice, a disclaimer in 8 pt. The correction's last two
# settings (its confusion list and six-letter floor) were checked on these texts too, with
# noise seeds 101-113; benchmarks and tests read them with other seeds.
HELD_OUT_DOCS = [
    Doc("legal", [
        "NOTICE OF DEPOSITION - Superior Court of Marin County, Case No. CV-2291-47",
        "Plaintiff Yolanda Szczepanski v. Brightwater Logistics LLC, a Delaware corporation.",
        "Counsel for defendant shall produce the custodian of records on January 12 at 10:00 a.m.",
        "at the offices of Whitcombe, Abara & Lindqvist, 1180 Embarcadero Road, Palo Alto.",
        "Documents requested: bills of lading, dispatch logs, driver timesheets and invoices",
        "for the period from March 2024 through August 2025, inclusive. Objections waived.",
    ], ["Szczepanski", "Brightwater", "CV-2291-47", "Lindqvist", "timesheets"], font_size=10),
    Doc("discharge", [
        "DISCHARGE SUMMARY  Patient: Tobias Nakagawa-Reyes  MRN 55102983",
        "Attending: Dr. Ingrid Vasquez-Holm. Admitted with community acquired pneumonia,",
        "treated with ceftriaxone and azithromycin; transitioned to oral amoxicillin-clavulanate.",
        "Home medications resumed: lisinopril 10 mg, metformin 500 mg twice daily, sertraline.",
        "Follow up with pulmonology in two weeks; repeat chest radiograph in six weeks.",
        "Allergies: penicillin (rash as a child, tolerated amoxicillin during this admission).",
    ], ["Nakagawa-Reyes", "55102983", "ceftriaxone", "azithromycin", "lisinopril"],
        font_size=10),
    Doc("disclaimer", [
        "This communication may contain privileged and confidential information intended only for",
        "the addressee. If you are not the intended recipient, any review, dissemination, "
        "distribution",
        "or copying is strictly prohibited. Please notify the sender immediately by telephone and",
        "destroy all copies of the original message. Receipt by anyone other than the recipient is",
        "not a waiver of any attorney-client or work product privilege. Thank you for your "
        "cooperation.",
    ], ["privileged", "dissemination", "attorney-client"], font_size=8),
    Doc("roster", [
        "Clinic roster: Aoife Ni Bhriain, Kwabena Mensah, Thandiwe Dlamini, Siobhan Keogh,",
        "Rajesh Venkataraman, Ngozi Eze, Björn Halvorsen, Mateusz Wojcik, Hana Kowalczyk,",
        "Oluwaseun Adeyemi, Giorgos Papadakis, Marguerite Lefebvre, Dmitri Volkov, Ines Carvalho.",
        "Rooms: Oakhurst 2B, Pinecrest 4A, Willowbrook 1C. Pager 4417, extension 2290.",
    ], ["Mensah", "Venkataraman", "Kowalczyk", "Adeyemi", "Lefebvre"], font_size=10),
]

RESOLUTIONS = ("204x98", "204x196")
CONDITIONS = ("clean", "degraded")


# Degraded pages are rendered with square pixels at OVERSAMPLE times the fax's horizontal
# resolution, skewed and blurred there (the paper and the optics), then sampled down to the fax
# grid (the scanner), where sensor noise, the threshold and specks act per fax pixel. Skewing the
# anisotropic fax grid itself, as a first version of this corpus did, is not what a machine
# does: a 1 degree turn of 204x98 pixels is a 2.1 degree skew of the paper plus a shear.
OVERSAMPLE = 2


def render_gray(out: Path, doc: Doc, dpi: int) -> Image.Image:
    """``doc`` as an anti-aliased grayscale page with square ``dpi`` pixels."""
    source = out.with_suffix(".ps")
    source.write_text(postscript([doc.lines], doc.font_size), encoding="latin-1")
    subprocess.run(["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pnggray",
                    "-dTextAlphaBits=4", f"-r{dpi}", f"-sOutputFile={out}", str(source)],
                   check=True, timeout=GS_TIMEOUT, capture_output=True)
    source.unlink()
    with Image.open(out) as image:
        return image.convert("L")


def seeded_noise(size: tuple[int, int], sigma: float, rng: random.Random) -> Image.Image:
    """Gaussian noise around 128 from a seeded generator (Pillow's effect_noise is not
    seedable): uniform random bytes mapped through the normal quantile function."""
    normal = statistics.NormalDist(128, sigma)
    table = [max(0, min(255, round(normal.inv_cdf((v + 0.5) / 256)))) for v in range(256)]
    return Image.frombytes("L", size, rng.randbytes(size[0] * size[1])).point(table)


def degrade(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
            seed: int) -> Image.Image:
    """What a fax machine does to a sheet: a slight skew (0.4-1.2 degrees), optical blur
    (0.55 fax pixels), sampling at (xdpi, ydpi), sensor noise (sigma 40 of 255), a fixed
    threshold, and specks (one per 4,000 fax pixels, up to 3 pixels across)."""
    rng = random.Random(seed)
    angle = rng.uniform(0.4, 1.2) * rng.choice((-1, 1))
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(0.55 * page_dpi / xdpi))
    # Each sensor sample averages the paper under its aperture.
    image = page.resize((round(page.width * xdpi / page_dpi), round(page.height * ydpi / page_dpi)),
                        Image.Resampling.BOX)
    noise = seeded_noise(image.size, 40, rng)
    image = ImageChops.add(ImageChops.subtract(image, noise.point(lambda v: max(0, 128 - v))),
                           noise.point(lambda v: max(0, v - 128)))
    bilevel = image.point(lambda v: 255 if v >= 150 else 0).convert("1")
    draw = ImageDraw.Draw(bilevel)
    for _ in range(int(bilevel.width * bilevel.height / 4000)):
        x, y = rng.randrange(bilevel.width), rng.randrange(bilevel.height)
        r = rng.choice((0, 0, 1))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=0)
    return bilevel


def make_page(root: Path, doc: Doc, resolution: str, condition: str, seed: int = 7) -> Path:
    """A one-page fax TIFF (G4, with its DPI) of ``doc``."""
    out = root / f"{doc.name}-{resolution}-{condition}-{seed}.tif"
    if out.exists():
        return out
    if condition == "clean":
        return render_fax(out, [doc.lines], resolution=resolution, font_size=doc.font_size)
    xdpi, ydpi = (float(v) for v in resolution.split("x"))
    page_dpi = round(max(xdpi, ydpi) * OVERSAMPLE)
    gray = render_gray(root / f"{doc.name}-{page_dpi}.png", doc, page_dpi)
    degrade(gray, page_dpi, xdpi, ydpi, seed + sum(map(ord, doc.name))).save(
        out, format="TIFF", compression="group4", dpi=(xdpi, ydpi))
    return out


def normalize_text(text: str) -> str:
    return " ".join(text.split())


def error_rates(truth: str, seen: str) -> tuple[float, float]:
    """(character error rate, word error rate) of ``seen`` against ``truth``."""
    t, s = normalize_text(truth), normalize_text(seen)
    cer = Levenshtein.distance(t, s) / max(1, len(t))
    wer = Levenshtein.distance(t.split(), s.split()) / max(1, len(t.split()))
    return cer, wer


def tokens_found(text: str, tokens: list[str]) -> int:
    flat = normalize_text(text)
    return sum(1 for token in tokens if re.search(re.escape(token), flat))
