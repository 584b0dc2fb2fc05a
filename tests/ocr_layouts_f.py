"""A held-out OCR report set, written on 2 December 2026 by an author who had read neither
ocr/ nor the documents of tests/ocr_layouts.py (only its data structures, helpers and
degradation models) nor tests/ocr_corpus.py's documents. Nobody OCRed these pages before this
file was committed: no choice in ocr/ was made on them. Keep the file frozen; a change after
a reading makes its figures a tuning result.

Six kinds of page not in ``TUNING_LAYOUTS``/``REPORT_LAYOUTS``: a pharmacy prior
authorisation form, a bank statement table (Courier), a German Arztbrief (Palatino, umlauts),
a shipping manifest of container, seal and HS codes (Helvetica Narrow), a lawyer's letter in
Times 10 pt and a French dental estimate (URW Gothic, accents and euro amounts). Fonts are
Ghostscript's URW base 35, re-encoded to ISO Latin-1 with the euro sign at 0x80 so that
German and French print as themselves.

A third degradation model of its own, ``thermal_fax`` (never tuned on): a sheet fed about one
degree crooked into the sender's scanner, printed by a receiving thermal printer whose paper
feed slips (lines 1-3% taller), whose head heats unevenly across its width and fades down the
page, with two dead heating elements (white columns), short runs of a scan line lost (white
dashes) and speckle. Conditions: ``clean`` (Ghostscript's fax device), ``transmitted`` and
``copied`` (tests/ocr_layouts.py's models) and ``thermal``.

    python benchmarks/ocr_quality.py --set layouts-f
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from tests.faxgen import GS_TIMEOUT
from tests.ocr_layouts import LayoutDoc, cols, copy_then_fax, text, transmit

CONDITIONS = ("clean", "transmitted", "copied", "thermal")

PRIOR_AUTH = LayoutDoc("prior_auth", "Helvetica", 9.5, [
    text("SUNCREST HEALTH PLAN - PHARMACY PRIOR AUTHORIZATION REQUEST"),
    text("Fax completed form to 1-888-555-0414   Phone 1-888-555-0413"
         "   Form PA-RX-07 (rev. 03/2026)"),
    [],
    cols((72, "Member name:"), (170, "Rosalind Q. Whitcombe"), (340, "Member ID:"),
         (420, "SHP-7730418-02")),
    cols((72, "Date of birth:"), (170, "09/14/1962"), (340, "Group no.:"), (420, "GRP-55190")),
    cols((72, "Prescriber:"), (170, "Dr. Tobias Ferreira-Lund"), (340, "NPI:"),
         (420, "1487302259")),
    cols((72, "Pharmacy:"), (170, "Halverson Apothecary #12"), (340, "NCPDP:"), (420, "5583021")),
    [],
    text("MEDICATION REQUESTED"),
    cols((72, "Drug / strength:"), (170, "semaglutide 1 mg/0.75 mL pen"), (340, "Rx no.:"),
         (420, "RX-40418-B")),
    cols((72, "Directions:"), (170, "inject 1 mg once weekly"), (340, "Quantity:"),
         (420, "3 mL per 28 days")),
    cols((72, "Diagnosis (ICD-10):"), (170, "E11.65"), (340, "Start date:"), (420, "01/05/2027")),
    [],
    text("[X] Step therapy tried: metformin 1000 mg BID for 14 months, HbA1c 8.4% on 11/02/2026"),
    text("[ ] Urgent review (72 hours)      [X] Standard review (15 days)"),
    text("Clinical notes attached: 3 pages. Prescriber signature on file."),
], ["PA-RX-07", "Whitcombe", "SHP-7730418-02", "09/14/1962", "GRP-55190", "Ferreira-Lund",
    "1487302259", "Halverson", "5583021", "semaglutide", "RX-40418-B", "E11.65", "01/05/2027",
    "metformin", "8.4%", "11/02/2026"],
    phrase="Step therapy tried")

BANK_LEDGER = LayoutDoc("bank_ledger", "Courier", 8.5, [
    text("FIRST HARBOR SAVINGS BANK                          STATEMENT OF ACCOUNT"),
    text("Account holder: Okonkwo-Lindqvist Dental Group PLLC"),
    cols((72, "Account no.: 0048-221937-5"), (330, "Period: 11/01/2026 - 11/30/2026")),
    cols((72, "Routing no.: 021000555"), (330, "Statement no.: 2026-11")),
    [],
    cols((72, "DATE"), (110, "DESCRIPTION"), (290, "REFERENCE"), (372, "DEBIT"),
         (428, "CREDIT"), (484, "BALANCE")),
    cols((72, "11/01"), (110, "OPENING BALANCE"), (484, "18,442.07")),
    cols((72, "11/03"), (110, "ACH DEP ORCHARD DENTAL PLAN"), (290, "DD88120447"),
         (428, "6,210.40"), (484, "24,652.47")),
    cols((72, "11/05"), (110, "CHECK 3318"), (290, "CHK3318"), (372, "1,184.00"),
         (484, "23,468.47")),
    cols((72, "11/09"), (110, "WIRE OUT NORDVALE SUPPLY"), (290, "WT-8820193"),
         (372, "4,775.25"), (484, "18,693.22")),
    cols((72, "11/16"), (110, "CARD PURCH OFFICELINE 0417"), (290, "POS774102"), (372, "212.89"),
         (484, "18,480.33")),
    cols((72, "11/20"), (110, "ACH DEP KESTREL MUTUAL EFT"), (290, "KM55021776"),
         (428, "2,944.10"), (484, "21,424.43")),
    cols((72, "11/27"), (110, "PAYROLL PRIMEROLL"), (290, "PR-1127-NV"), (372, "9,862.55"),
         (484, "11,561.88")),
    cols((72, "11/30"), (110, "INTEREST PAID THIS PERIOD"), (428, "3.12"), (484, "11,565.00")),
    [],
    cols((72, "Total debits 16,034.69"), (290, "Total credits 9,157.62")),
    cols((72, "CLOSING BALANCE"), (484, "11,565.00")),
], ["Okonkwo-Lindqvist", "0048-221937-5", "021000555", "18,442.07", "DD88120447", "6,210.40",
    "CHK3318", "WT-8820193", "4,775.25", "POS774102", "KM55021776", "PR-1127-NV", "9,862.55",
    "11,565.00", "16,034.69", "9,157.62"],
    phrase="INTEREST PAID THIS PERIOD")

ARZTBRIEF = LayoutDoc("arztbrief", "Palatino-Roman", 10, [
    text("Praxis für Innere Medizin und Gastroenterologie"),
    text("Dr. med. Henrike Staudinger · Bahnhofstraße 27 · 79098 Freiburg · Tel. 0761 5550 4127"),
    [],
    text("Herrn Dr. med. Matthias Gröning"),
    text("Facharzt für Allgemeinmedizin, Kirchplatz 3, 79100 Freiburg"),
    text("Freiburg, 27.11.2026", x=430),
    [],
    text("Betr.: Ihre Patientin Frau Annegret Süßmilch, geb. 03.02.1957"),
    text("Überweisung vom 12.11.2026, Koloskopie am 24.11.2026 (Befund-Nr. KO-26-1187)"),
    [],
    text("Sehr geehrter Herr Kollege Gröning,"),
    text("wir berichten über o. g. Patientin, die sich zur Vorsorgekoloskopie vorstellte."),
    text("Diagnosen: Sigmadivertikulose; tubuläres Adenom (8 mm) im Colon ascendens, abgetragen."),
    text("Histologie (Pathologie Dr. Wendt, E-Nr. 26/44817): tubuläres Adenom, low-grade, R0."),
    text("Empfehlung: Kontrollkoloskopie in drei Jahren, also im November 2029."),
    text("Medikation unverändert: Ramipril 5 mg 1-0-0, Pantoprazol 20 mg 0-0-1."),
    [],
    text("Mit freundlichen kollegialen Grüßen"),
    text("Dr. med. H. Staudinger"),
], ["Staudinger", "79098", "Gröning", "27.11.2026", "Süßmilch", "03.02.1957", "12.11.2026",
    "24.11.2026", "KO-26-1187", "Sigmadivertikulose", "Adenom", "26/44817", "Kontrollkoloskopie",
    "Ramipril", "Pantoprazol"],
    phrase="Kontrollkoloskopie in drei Jahren")

MANIFEST = LayoutDoc("manifest", "Helvetica-Narrow", 9, [
    text("CONSOLIDATED CARGO MANIFEST          Voyage 2611E          Vessel: MV TALLIS BRAVO"),
    cols((72, "Port of loading: Rotterdam (NLRTM)"), (330, "Port of discharge: Newark (USEWR)")),
    cols((72, "Master B/L: KXLU-5521-0093"), (330, "ETD 28-NOV-2026     ETA 09-DEC-2026")),
    [],
    cols((72, "Container"), (145, "Seal"), (210, "HS code"), (262, "Pkgs"), (300, "Description"),
         (440, "Gross kg")),
    cols((72, "MSKU4481207"), (145, "SL0049911"), (210, "8471.30"), (262, "118 CTN"),
         (300, "Portable computers"), (440, "4,812.0")),
    cols((72, "CAIU2290314"), (145, "SL0049927"), (210, "9018.90"), (262, "64 PLT"),
         (300, "Medical instruments"), (440, "7,240.5")),
    cols((72, "TCNU8813552"), (145, "SL0050031"), (210, "3004.90"), (262, "210 CTN"),
         (300, "Pharmaceuticals, 2-8 C"), (440, "3,905.8")),
    cols((72, "FSCU6602198"), (145, "SL0050044"), (210, "8708.29"), (262, "12 CRT"),
         (300, "Auto body parts"), (440, "11,060.0")),
    [],
    cols((72, "Totals: 4 containers"), (262, "404 pkgs"), (440, "27,018.3")),
    text("Reefer TCNU8813552: set point +5.0 C, vents closed, genset attached."),
    text("Hazardous cargo: none declared.   Consignee: Ardmore Logistics Inc., Carteret NJ"),
    text("Notify party: Bellwether Customs Brokerage, filer code 9QX, entry 9QX-4418203-7"),
], ["2611E", "NLRTM", "USEWR", "KXLU-5521-0093", "28-NOV-2026", "MSKU4481207", "SL0049911",
    "8471.30", "CAIU2290314", "9018.90", "TCNU8813552", "3004.90", "FSCU6602198", "8708.29",
    "SL0050044", "27,018.3", "9QX-4418203-7"],
    phrase="Hazardous cargo: none declared")

COUNSEL_LETTER = LayoutDoc("counsel_letter", "Times-Roman", 10, [
    text("PELLEGRINI, ASHWORTH & VANTERPOOL LLP"),
    text("Attorneys at Law  |  1400 Fenwick Plaza, Suite 900  | "
         " Hartford, CT 06103  |  (860) 555-0147"),
    [],
    text("December 1, 2026"),
    text("VIA FACSIMILE (203) 555-0188 AND FIRST-CLASS MAIL"),
    [],
    text("Cordelia M. Strathmore, Esq."),
    text("Strathmore Beaumont LLC, 75 Wharf Street, New Haven, CT 06510"),
    [],
    text("Re:   Quennell Fabrication, Inc. v. Brightwater Tooling Corp."),
    text("Docket No. HHD-CV26-6071348-S; Our File 4471-0032", x=95),
    [],
    text("Dear Attorney Strathmore:"),
    text("We write pursuant to Practice Book § 13-10 regarding"
         " Defendant's responses to our First Set"),
    text("of Interrogatories, served on September 18, 2026. Responses to Nos. 4, 7 and 11 remain"),
    text("outstanding. Unless full responses are received by December"
         " 15, 2026, we will move for an"),
    text("order of compliance and seek the fees of $4,850.00 incurred to date."),
    text("We remain available to meet and confer at your convenience this week."),
    [],
    text("Very truly yours,"),
    text("Everett J. Vanterpool"),
], ["PELLEGRINI", "06103", "(860)", "555-0188", "Strathmore", "06510", "Quennell",
    "Brightwater", "HHD-CV26-6071348-S", "4471-0032", "13-10", "Interrogatories", "September",
    "$4,850.00", "Vanterpool"],
    phrase="meet and confer at your convenience")

DEVIS = LayoutDoc("devis_dentaire", "AvantGarde-Book", 9, [
    text("CABINET DENTAIRE DES TILLEULS - Dr Maëlle Quérout, chirurgien-dentiste"),
    text("14 boulevard Pasteur, 35000 Rennes  -  Tél. 02 99 00 41 87  -  RPPS 10101555017"),
    [],
    text("DEVIS POUR TRAITEMENT BUCCO-DENTAIRE N° DV-2026-0418"),
    cols((72, "Patient : M. Gwénaël Le Bihan"), (330, "Né le : 21/07/1975")),
    cols((72, "Date du devis : 30/11/2026"), (330, "Organisme : CPAM d'Ille-et-Vilaine")),
    [],
    cols((72, "Dent"), (105, "Acte (code CCAM)"), (330, "Honoraires"), (405, "Base remb."),
         (470, "Dépassement")),
    cols((72, "36"), (105, "Couronne céramo-métallique HBLD036"), (330, "540,00 €"),
         (405, "120,00 €"), (470, "420,00 €")),
    cols((72, "46"), (105, "Inlay-core HBLD491"), (330, "230,00 €"), (405, "90,00 €"),
         (470, "140,00 €")),
    cols((72, "25"), (105, "Détartrage HBJD001"), (330, "28,92 €"), (405, "28,92 €"),
         (470, "0,00 €")),
    cols((72, "Total"), (330, "798,92 €"), (405, "238,92 €"), (470, "560,00 €")),
    [],
    text("Devis valable 6 mois à compter de sa date d'émission."),
    text("Le patient déclare avoir reçu les informations sur les alternatives thérapeutiques."),
    text("Bon pour accord, date et signature du patient :"),
], ["Quérout", "35000", "10101555017", "DV-2026-0418", "Gwénaël", "21/07/1975", "30/11/2026",
    "HBLD036", "céramo-métallique", "540,00", "HBLD491", "HBJD001", "28,92", "798,92",
    "238,92", "560,00"],
    phrase="Devis valable 6 mois")

LAYOUTS_F = [PRIOR_AUTH, BANK_LEDGER, ARZTBRIEF, MANIFEST, COUNSEL_LETTER, DEVIS]


def _ps_string(value: str) -> str:
    """A PostScript string in the re-encoded font: Latin-1 as itself, the euro sign as 0x80."""
    escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return "(" + escaped.replace("€", "\\200") + ")"


def postscript(doc: LayoutDoc) -> str:
    """One letter-size page as tests/ocr_layouts.py lays it out, in a Latin-1 font."""
    out = ["%!PS-Adobe-3.0", "<< /PageSize [612 792] >> setpagedevice",
           f"/{doc.font} findfont dup length dict begin",
           "{1 index /FID ne {def} {pop pop} ifelse} forall",
           "/Encoding ISOLatin1Encoding 256 array copy dup 128 /Euro put def",
           "currentdict end /Latin1Font exch definefont pop",
           f"/Latin1Font findfont {doc.font_size} scalefont setfont"]
    y = 720.0
    for row in doc.rows:
        for x, piece in row:
            out.append(f"{x:.1f} {y:.1f} moveto {_ps_string(piece)} show")
        y -= doc.font_size * 1.6
    out.append("showpage")
    return "\n".join(out) + "\n"


def _gs(source: Path, out: Path, device: str, resolution: str, *extra: str) -> None:
    subprocess.run(["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", f"-sDEVICE={device}", *extra,
                    f"-r{resolution}", f"-sOutputFile={out}", str(source)],
                   check=True, timeout=GS_TIMEOUT, capture_output=True)


def thermal_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                seed: int) -> Image.Image:
    """The thermal model (see the module docstring); parameters set before any reading."""
    rng = np.random.default_rng(seed)
    width, height = page.size
    angle = float(rng.uniform(0.7, 1.2) * rng.choice((-1, 1)))  # fed about 1 degree crooked
    sheet = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    # The printer's feed slips: every line comes out 1-3% taller; the page keeps its length
    # (the text ends well above the bottom margin, so nothing printed is cut off).
    stretch = float(rng.uniform(1.01, 1.03))
    sheet = sheet.resize((width, round(height * stretch)), Image.Resampling.BILINEAR)
    sheet = sheet.crop((0, 0, width, height))
    small = sheet.resize((round(width * xdpi / page_dpi), round(height * ydpi / page_dpi)),
                         Image.Resampling.BOX)  # the scanner's CCD averages each pixel's area
    gray = np.asarray(small).astype(np.float32)
    rows, columns = gray.shape
    gray += rng.normal(0, 10, gray.shape).astype(np.float32)
    # Uneven darkness: a slow wave across the head's width (hot and cool zones) and a fade
    # down the page; a higher threshold prints darker, thicker strokes.
    across = 30 * np.sin(2 * np.pi * (rng.uniform(0.8, 1.6) * np.linspace(0, 1, columns)
                                      + rng.uniform(0, 1)))
    down = -rng.uniform(5, 20) * np.linspace(0, 1, rows)
    ink = gray < 128 + across[None, :] + down[:, None]
    for column in rng.integers(0, columns, 2):  # dead heating elements: white columns
        ink[:, column] = False
    count = int(rows * 0.4)  # short runs of a scan line lost: white dashes 6-40 pixels long
    for row, start, length in zip(rng.integers(0, rows, count), rng.integers(0, columns, count),
                                  rng.integers(6, 41, count), strict=True):
        ink[row, start:start + length] = False
    speck = rng.random(ink.shape) < 0.0008  # speckle: single dots, half of them two wide
    ink |= speck
    ink[:, 1:] |= speck[:, :-1] & (rng.random(ink.shape)[:, 1:] < 0.5)
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8)).convert("1")


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    """A one-page G4 fax TIFF of ``doc`` in ``condition`` (see ``CONDITIONS``), seeded."""
    return render_layout_page(root, doc, resolution, condition, seed, "layout-f",
                              {"transmitted": transmit, "copied": copy_then_fax,
                               "thermal": thermal_fax})


def render_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str, seed: int,
                       prefix: str, models: dict[str, Callable[..., Image.Image]]) -> Path:
    """A one-page G4 fax TIFF of ``doc``: ``clean`` from Ghostscript's fax device, any other
    condition rendered grey at twice the fax resolution and degraded by ``models[condition]``
    (page, page dpi, x dpi, y dpi, seed). Files are named ``prefix`` and the page's content."""
    digest = hashlib.sha256(postscript(doc).encode("latin-1")).hexdigest()[:12]
    out = root / f"{prefix}-{doc.name}-{digest}-{resolution}-{condition}-{seed}.tif"
    if out.exists():
        return out
    source = out.with_suffix(".ps")
    source.write_bytes(postscript(doc).encode("latin-1"))
    if condition == "clean":
        _gs(source, out, "tiffg4", resolution)
        source.unlink()
        return out
    xdpi, ydpi = (float(v) for v in resolution.split("x"))
    page_dpi = round(max(xdpi, ydpi) * 2)
    png = root / f"{prefix}-{doc.name}-{digest}-{page_dpi}.png"
    _gs(source, png, "pnggray", str(page_dpi), "-dTextAlphaBits=4")
    source.unlink()
    with Image.open(png) as image:
        gray = image.convert("L")
    models[condition](gray, page_dpi, xdpi, ydpi, seed * 1000 + sum(map(ord, doc.name))).save(
        out, format="TIFF", compression="group4", dpi=(xdpi, ydpi))
    return out
