"""Held-out OCR evaluation set H: six laid-out fax pages and a non-ECM transmission model.

Written on 4 December 2026 by an author who had read neither ocr/ nor any other set's
documents nor any reading (OCR output) of any page; frozen after commit: the documents, the
key tokens and the degradation model and its parameters are not to be changed after a
reading, so the set stays a held-out measure of the OCR pipeline.

The pages: six one-page letter documents of kinds faxed to clinics, law firms and back
offices, laid out as tests/ocr_layouts.py lays out its pages (``text`` lines and ``cols``
rows of label and value pieces, small tables) and rendered by tests/ocr_layouts_f.py's
``render_layout_page``:

- a pharmacy refill authorisation request (Helvetica 10 pt),
- a notarised affidavit of identity (Palatino-Roman 11 pt),
- a vendor credit application with trade references (Courier 10 pt),
- a hospital discharge summary with a medication list (NewCenturySchlbk-Roman 10 pt),
- a freight rate confirmation with stops and charges (AvantGarde-Book 9 pt),
- a Brazilian Portuguese medical certificate, accented text (Bookman-Light 11 pt).

Each document lists key tokens a user would search for (ids, names, dates, amounts, drug
names, exactly as printed) and a phrase printed on one line.

Conditions (``CONDITIONS``):

- ``clean``: Ghostscript's own fax rendering of the page.
- ``non-ECM``: the page as received from a sender that transmitted without error correction
  mode (ITU-T T.30 ECM off) over a noisy telephone line, modelled on ITU-T T.4 coding: the
  sender scans the page (a little sensor noise, a slightly dark or light threshold, a few
  dust specks) and codes it as MR (modified READ) with K = 2 at 98 lpi and K = 4 at 196 lpi,
  so every 2nd or 4th line is a 1-D (modified Huffman) line and the lines between are coded
  against the line above. Each line is sent as EOL + tag bit, its code bits (estimated from
  its runs) and fill bits up to a 10 ms minimum scan line time at 9600 bit/s. Noise bursts
  fall at random points of this bit stream, on about 1-4% of the scan lines (the rate is
  drawn per page between 1.2% and 3.5%); most bursts are a few bits long, 15% are long
  (150-900 bits) and cover several lines. A burst in a line's fill bits does no harm; one in
  its EOL loses the line (the page below moves up one line) or, if the EOL survives, the
  whole line decodes wrong; one in its code bits damages the line from the last run
  decoded before it: the decoder loses sync and fills the rest with wrong runs (sometimes
  giving up part way, the rest white), or truncates the line (rest white), or a misread run
  length shifts the rest of the line sideways. The receiver is, per page, one of two kinds:
  a plain one prints what it decodes, and 2-D lines decoded against a damaged reference line
  carry the damage down until the next 1-D line; a concealing one detects most bad lines
  (wrong line length) and prints the previous good line again in their place and for the
  rest of the 2-D group (a long burst smears one line down several lines), though some
  sideways shifts (a misread that keeps the line's length) pass undetected. Scan lines are
  1728 pixels wide. Parameters were fixed before any page was rendered; everything is
  deterministic from the seed.

Run: ``python benchmarks/ocr_quality.py --set layouts-h``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from tests.ocr_layouts import LayoutDoc, cols, text
from tests.ocr_layouts_f import render_layout_page

CONDITIONS = ("clean", "non-ECM")

REFILL_REQUEST = LayoutDoc(
    name="refill-request",
    font="Helvetica",
    font_size=10,
    rows=[
        cols((54, "CEDAR HOLLOW PHARMACY"), (360, "REFILL AUTHORIZATION REQUEST")),
        cols((54, "1187 Larkspur Avenue, Dayton, OH 45409"), (360, "Fax: (937) 555-0182")),
        cols((54, "Phone: (937) 555-0174"), (360, "NCPDP: 3682214")),
        [],
        cols((54, "To: Dr. Miriam Okafor MD"), (300, "Clinic fax: (937) 555-0611")),
        cols((54, "Date sent: 11/02/2026"), (300, "Request no: RF-2026-08813")),
        [],
        cols((54, "Patient:"), (150, "Ramon J. Delgado"), (350, "DOB: 04/17/1958")),
        cols((54, "Address:"), (150, "42 Wren Court, Kettering, OH 45429")),
        cols((54, "Rx number:"), (150, "Rx-7740215"), (350, "Last filled: 10/05/2026")),
        cols((54, "Drug:"), (150, "Metoprolol succinate ER 50 mg"), (350, "Qty: 90 tablets")),
        cols((54, "Sig:"), (150, "Take 1 tablet by mouth once daily")),
        cols((54, "Refills left:"), (150, "0"), (350, "Days supply: 90")),
        [],
        cols((54, "Rx number:"), (150, "Rx-7740216"), (350, "Last filled: 10/05/2026")),
        cols((54, "Drug:"), (150, "Atorvastatin 20 mg"), (350, "Qty: 90 tablets")),
        cols((54, "Sig:"), (150, "Take 1 tablet at bedtime")),
        [],
        text("Prescriber response (check one and sign):", 54),
        cols((72, "[ ] Approved as written"), (250, "[ ] Approved with changes"),
             (430, "[ ] Denied")),
        cols((72, "Number of refills authorized: ____"),
             (330, "New Rx to follow: [ ] Yes [ ] No")),
        [],
        cols((54, "Prescriber signature: ______________________"), (360, "DEA: BO4417733")),
        cols((54, "NPI: 1639204857"), (360, "Date: ____________")),
        [],
        text("Please fax this form back to (937) 555-0182 within 48 hours.", 54),
        text("CONFIDENTIAL: this fax contains protected health information.", 54),
    ],
    key_tokens=["RF-2026-08813", "Rx-7740215", "Rx-7740216", "Metoprolol", "Atorvastatin",
                "Delgado", "Okafor", "04/17/1958", "11/02/2026", "555-0182", "BO4417733",
                "1639204857", "3682214"],
    phrase="Approved with changes",
)

AFFIDAVIT = LayoutDoc(
    name="affidavit",
    font="Palatino-Roman",
    font_size=11,
    rows=[
        text("AFFIDAVIT OF IDENTITY AND RESIDENCE", 180),
        [],
        cols((54, "STATE OF NEW JERSEY"), (320, "Case No. MER-L-002417-26")),
        cols((54, "COUNTY OF MERCER"), (320, "Superior Court, Law Division")),
        [],
        text("I, Theodora K. Vasquez-Lind of full age, being duly sworn according to", 54),
        text("law, depose and say as follows:", 54),
        text("1. I reside at 219 Quaker Bridge Road, Apt. 4C, Lawrenceville, NJ", 54),
        text("08648 and have resided there continuously since 14 March 2019.", 72),
        text("2. My date of birth is 22 August 1971 and my driver license number", 54),
        text("is V41286033108712 issued by the New Jersey Motor Vehicle Commission.", 72),
        text("3. I am the same person named as Theodora Lind in the deed recorded", 54),
        text("as instrument no. 2021-041873 on 09/30/2021 in Mercer County.", 72),
        text("4. I make this affidavit in support of the title application of the", 54),
        text("Mercer Title Agency, file MTA-55190 and for no improper purpose.", 72),
        [],
        cols((54, "Signature: ____________________________"), (340, "Affiant")),
        [],
        text("Sworn to and subscribed before me this 3rd day of December, 2026.", 54),
        [],
        cols((54, "______________________________"), (320, "My commission expires 06/30/2029")),
        cols((54, "Notary Public Gregory P. Albrecht"), (320, "Commission ID 50183377")),
        cols((54, "State of New Jersey"), (320, "[SEAL]")),
    ],
    key_tokens=["MER-L-002417-26", "Vasquez-Lind", "Quaker", "08648",
                "V41286033108712", "2021-041873", "09/30/2021", "MTA-55190", "Albrecht",
                "50183377", "06/30/2029", "Theodora"],
    phrase="being duly sworn",
)

CREDIT_APPLICATION = LayoutDoc(
    name="credit-application",
    font="Courier",
    font_size=10,
    rows=[
        text("NORTHGATE INDUSTRIAL SUPPLY CO. - VENDOR CREDIT APPLICATION", 54),
        cols((54, "Credit Dept. fax 614-555-0390"), (330, "Form CR-7 rev 03/2025")),
        [],
        text("SECTION 1 - APPLICANT", 54),
        cols((54, "Legal name:"), (180, "Brightwater Dental Labs LLC")),
        cols((54, "DBA:"), (180, "Brightwater Prosthetics")),
        cols((54, "Federal EIN:"), (180, "84-3310729"), (330, "Years in business: 11")),
        cols((54, "Address:"), (180, "7716 Sawmill Pkwy, Suite 210")),
        cols((180, "Powell, OH 43065")),
        cols((54, "Contact:"), (180, "Janelle Oyelaran"), (330, "Tel 614-555-0847")),
        cols((54, "Credit asked:"), (180, "$25,000.00"), (330, "Terms: Net 30")),
        [],
        text("SECTION 2 - BANK REFERENCE", 54),
        cols((54, "Bank:"), (180, "Scioto Valley Bank"), (330, "Acct ending 4471")),
        cols((54, "Officer:"), (180, "R. Haldane"), (330, "Tel 740-555-0125")),
        [],
        text("SECTION 3 - TRADE REFERENCES", 54),
        cols((54, "Company"), (234, "Account no."), (366, "Phone"), (462, "Limit")),
        cols((54, "Keystone Dental Supply"), (234, "KDS-008815"), (366, "412-555-0163"),
             (462, "$10,000")),
        cols((54, "Arcadia Alloys Inc."), (234, "AA-31207"), (366, "330-555-0198"),
             (462, "$7,500")),
        cols((54, "Midwest Porcelain"), (234, "MP-C-2290"), (366, "513-555-0172"),
             (462, "$5,000")),
        [],
        text("The undersigned authorizes Northgate to verify the above references.", 54),
        cols((54, "Signed: ______________________"), (330, "Date: 11/18/2026")),
        cols((54, "Title: Managing Member"), (330, "Approved limit: ________")),
    ],
    key_tokens=["Brightwater", "84-3310729", "43065", "Oyelaran", "614-555-0847",
                "$25,000.00", "KDS-008815", "AA-31207", "MP-C-2290", "412-555-0163",
                "11/18/2026", "CR-7", "Haldane"],
    phrase="Scioto Valley Bank",
)

DISCHARGE_SUMMARY = LayoutDoc(
    name="discharge-summary",
    font="NewCenturySchlbk-Roman",
    font_size=10,
    rows=[
        cols((54, "ST. BRENDAN REGIONAL MEDICAL CENTER"), (380, "DISCHARGE SUMMARY")),
        cols((54, "2200 Harbor View Drive, Norfolk, VA 23510"), (380, "HIM fax 757-555-0149")),
        [],
        cols((54, "Patient: Lucille M. Abernathy"), (300, "MRN: SBR-00418265")),
        cols((54, "DOB: 02/09/1944"), (300, "Account: V2026-113390")),
        cols((54, "Admitted: 11/21/2026"), (300, "Discharged: 11/26/2026")),
        cols((54, "Attending: Dr. Samir Haddad"), (300, "PCP: Dr. Ellen Thibodeaux")),
        [],
        text("Principal diagnosis: community-acquired pneumonia, ICD-10 J18.9", 54),
        text("Secondary: type 2 diabetes E11.9 and chronic kidney disease stage 3a N18.31", 54),
        [],
        text("Hospital course: admitted with fever and hypoxia. Treated with IV", 54),
        text("ceftriaxone and azithromycin, switched to oral therapy on day 3.", 54),
        text("Afebrile for 48 hours, room air saturation 95% at discharge.", 54),
        [],
        text("Discharge medications:", 54),
        cols((72, "Amoxicillin-clavulanate 875 mg"), (300, "1 tab twice daily x 5 days")),
        cols((72, "Metformin 500 mg"), (300, "1 tab twice daily with meals")),
        cols((72, "Lisinopril 10 mg"), (300, "1 tab daily (held 11/22-11/24)")),
        cols((72, "Guaifenesin 600 mg"), (300, "1 tab every 12 hours as needed")),
        [],
        text("Follow-up: PCP within 7 days; repeat chest X-ray in 6 weeks.", 54),
        text("Pending at discharge: blood cultures (final read 11/27/2026).", 54),
        cols((54, "Electronically signed: Samir Haddad, MD"), (330, "11/26/2026 16:42")),
    ],
    key_tokens=["SBR-00418265", "V2026-113390", "Abernathy", "Haddad", "Thibodeaux", "J18.9",
                "E11.9", "Amoxicillin-clavulanate", "Metformin", "Lisinopril", "Guaifenesin",
                "02/09/1944", "11/21/2026", "757-555-0149"],
    phrase="room air saturation",
)

RATE_CONFIRMATION = LayoutDoc(
    name="rate-confirmation",
    font="AvantGarde-Book",
    font_size=9,
    rows=[
        cols((54, "REDLINE LOGISTICS GROUP"), (360, "RATE CONFIRMATION")),
        cols((54, "MC-884213"), (150, "USDOT 2930551"), (360, "Load ID: RLG-260114-07")),
        cols((54, "Dispatch fax: 219-555-0126"), (360, "Date: 12/01/2026")),
        [],
        cols((54, "Carrier:"), (150, "Pioneer Flatbed Transport"), (360, "Driver: Kofi Asante")),
        cols((54, "Truck/trailer:"), (150, "T-412 / TR-5519"), (360, "Cell: 708-555-0193")),
        [],
        cols((54, "Stop"), (110, "Location"), (330, "Date"), (410, "Window"), (490, "Ref")),
        cols((54, "Pickup"), (110, "Hartwell Steel, Gary, IN 46402"), (330, "12/03/2026"),
             (410, "07:00-11:00"), (490, "PU-77310")),
        cols((54, "Drop"), (110, "Carver Fabrication, Joliet, IL 60436"), (330, "12/04/2026"),
             (410, "by 14:00"), (490, "PO-4418")),
        [],
        cols((54, "Commodity:"), (150, "Coiled steel, 4 coils, 42,300 lb"),
             (360, "Equipment: 48 ft flatbed")),
        cols((54, "Securement:"), (150, "Chains and coil racks required")),
        [],
        cols((54, "Line haul"), (360, "$1,850.00")),
        cols((54, "Fuel surcharge"), (360, "$212.75")),
        cols((54, "Tarp / detention"), (360, "$0.00")),
        cols((54, "Total agreed rate"), (360, "$2,062.75")),
        [],
        text("Detention after 2 free hours at $50.00 per hour with signed in/out times.", 54),
        text("Quick pay 2% discount if invoice and POD are emailed within 24 hours.", 54),
        text("Carrier must not re-broker this load. Sign and fax back to confirm.", 54),
        cols((54, "Carrier signature: ____________________"), (360, "Broker: M. Tolliver")),
    ],
    key_tokens=["RLG-260114-07", "MC-884213", "2930551", "Asante", "TR-5519", "708-555-0193",
                "PU-77310", "PO-4418", "46402", "60436", "$1,850.00", "$212.75", "$2,062.75",
                "12/03/2026", "Tolliver"],
    phrase="Chains and coil racks",
)

ATESTADO = LayoutDoc(
    name="atestado-medico",
    font="Bookman-Light",
    font_size=11,
    rows=[
        text("CLÍNICA SÃO JOÃO DE DEUS", 200),
        text("Rua Conselheiro Lafaiete, 1480 - Sorocaba - SP - CEP 18040-000", 54),
        cols((54, "Tel. (15) 3232-7741"), (330, "Fax (15) 3232-7790")),
        [],
        text("ATESTADO MÉDICO", 240),
        [],
        text("Atesto, para os devidos fins, que a Sra. Conceição Aparecida", 54),
        text("Gonçalves Ribeiro, CPF 318.604.297-05 e RG 27.415.883-6 foi", 54),
        text("atendida nesta clínica em 02/12/2026 às 10h30 e necessita de", 54),
        text("afastamento de suas atividades laborais por 05 (cinco) dias,", 54),
        text("no período de 02/12/2026 a 06/12/2026 inclusive.", 54),
        [],
        cols((54, "CID-10:"), (160, "J06.9"), (260, "(com autorização da paciente)")),
        text("Diagnóstico: infecção aguda das vias aéreas superiores.", 54),
        text("Prescrição: repouso, hidratação, dipirona 500 mg se febre ou dor.", 54),
        [],
        text("Sorocaba, 2 de dezembro de 2026.", 54),
        [],
        text("_______________________________", 280),
        text("Dr. Henrique Vasconcelos Lobão", 280),
        text("Clínico Geral - CRM-SP 148.209", 280),
        [],
        text("Documento válido sem rasuras. Código de verificação: AT-2026-9K4R7", 54),
    ],
    key_tokens=["Conceição", "Gonçalves", "318.604.297-05", "27.415.883-6", "02/12/2026",
                "06/12/2026", "J06.9", "dipirona", "Lobão", "148.209", "AT-2026-9K4R7",
                "18040-000", "3232-7790", "Sorocaba"],
    phrase="afastamento de suas atividades",
)

LAYOUTS_H = [REFILL_REQUEST, AFFIDAVIT, CREDIT_APPLICATION, DISCHARGE_SUMMARY,
             RATE_CONFIRMATION, ATESTADO]


# --- the non-ECM model (see the module docstring); parameters fixed before any rendering ---

BIT_RATE = 9600  # bit/s
MIN_LINE_BITS = 96  # 10 ms minimum scan line time at 9600 bit/s
EOL_BITS = 13  # EOL (000000000001) and the MR tag bit
FAX_WIDTH = 1728  # pixels in a T.4 scan line


def _run_bits(length: int, black: bool) -> int:
    """Rough length in bits of the MH code for one run (terminating code, and a make-up code
    for runs of 64 pixels or more)."""
    if black:
        bits = 2 if length <= 3 else 4 if length <= 7 else 7 if length <= 15 else 10
    else:
        bits = 4 if length <= 11 else 6 if length <= 31 else 8
    return bits + (7 if length >= 64 else 0)


def _changes(line: np.ndarray) -> np.ndarray:
    """Pixel positions where the colour changes along a line (white assumed before it)."""
    padded = np.concatenate(([False], line)).astype(np.int8)
    return np.flatnonzero(np.diff(padded))


def _code_map(line: np.ndarray, one_d: bool) -> tuple[np.ndarray, np.ndarray]:
    """Start pixel of each coded element of a line and the bit offset where its code ends,
    for a 1-D (MH runs) or 2-D (about 3 bits per changing element) coded line."""
    width = line.size
    starts = np.concatenate(([0], _changes(line)))
    if one_d:
        ends = np.concatenate((starts[1:], [width]))
        bits = [_run_bits(int(e - s), k % 2 == 1) for k, (s, e) in
                enumerate(zip(starts, ends, strict=True))]
    else:
        bits = [3] * starts.size
    return starts, np.cumsum(bits)


def _garbage(rng: np.random.Generator, length: int) -> np.ndarray:
    """What a decoder out of sync makes of the bits: mostly short runs (short codes are the
    likely ones in random bits), now and then a make-up code's long white run."""
    out = np.zeros(length, dtype=bool)
    pos, black = 0, bool(rng.random() < 0.5)
    while pos < length:
        if black:
            run = int(rng.integers(1, 5)) if rng.random() < 0.8 else int(rng.integers(5, 24))
            out[pos:pos + run] = True
        else:
            u = rng.random()
            run = (int(rng.integers(2, 12)) if u < 0.7 else int(rng.integers(12, 64)) if u < 0.95
                   else 64 * int(rng.integers(1, 6)) + int(rng.integers(0, 64)))
        pos += run
        black = not black
    return out


def _damage(rng: np.random.Generator, line: np.ndarray, x0: int) -> tuple[np.ndarray, str]:
    """The decoded line when its code bits are hit at the element starting at ``x0``."""
    out = line.copy()
    rest = line.size - x0
    u = rng.random()
    if u < 0.45:  # lost sync: wrong runs to the end, or until an invalid code stops it
        junk = _garbage(rng, rest)
        if rng.random() < 0.35:
            junk[int(rng.integers(0, rest)):] = False
        out[x0:] = junk
        return out, "garbage"
    if u < 0.75:  # invalid code: the decoder gives up, the rest of the line is white
        out[x0:] = False
        return out, "truncated"
    shift = int(rng.integers(1, 41)) * int(rng.choice((-1, 1)))  # a run length misread
    out[x0:] = False
    if shift > 0:
        out[x0 + shift:] = line[x0:line.size - shift]
    else:
        out[x0:line.size + shift] = line[x0 - shift:]
    return out, "shifted"


def non_ecm_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                seed: int) -> Image.Image:
    """The non-ECM model (see the module docstring); parameters set before any rendering."""
    rng = np.random.default_rng(seed)
    width, height = page.size
    small = page.resize((round(width * xdpi / page_dpi), round(height * ydpi / page_dpi)),
                        Image.Resampling.BOX)
    gray = np.asarray(small).astype(np.float32)
    gray += rng.normal(0, 6, gray.shape).astype(np.float32)
    # The sender's scan: a slightly dark or light threshold and a few dust specks.
    threshold = 128 + float(rng.uniform(8, 24)) * float(rng.choice((-1, 1)))
    sent = gray < threshold
    sent = sent[:, :FAX_WIDTH]  # the scan line is 1728 pixels wide, as the clean page's
    if sent.shape[1] < FAX_WIDTH:
        sent = np.pad(sent, ((0, 0), (0, FAX_WIDTH - sent.shape[1])))
    speck = rng.random(sent.shape) < 0.0004
    sent |= speck
    sent[:, 1:] |= speck[:, :-1] & (rng.random(sent.shape)[:, 1:] < 0.5)
    rows, columns = sent.shape

    # T.4 MR coding: a 1-D line every K lines, K = 2 at standard, 4 at fine resolution.
    k_factor = 2 if ydpi < 150 else 4
    maps = [_code_map(sent[i], i % k_factor == 0) for i in range(rows)]
    line_bits = np.array([EOL_BITS + max(int(m[1][-1]), MIN_LINE_BITS - EOL_BITS)
                          for m in maps])
    line_start = np.concatenate(([0], np.cumsum(line_bits)[:-1]))
    total_bits = int(line_bits.sum())

    # Noise bursts in the bit stream: the earliest bit hit in each line.
    rate = float(rng.uniform(0.012, 0.035))
    hits: dict[int, int] = {}
    for _ in range(int(rng.poisson(rate * rows))):
        start = int(rng.integers(0, total_bits))
        length = (int(rng.integers(1, 25)) if rng.random() < 0.85
                  else int(rng.integers(150, 901)))
        first = int(np.searchsorted(line_start, start, side="right")) - 1
        last = int(np.searchsorted(line_start, start + length, side="right")) - 1
        for i in range(first, min(last, rows - 1) + 1):
            offset = max(start - int(line_start[i]), 0)
            hits[i] = min(hits.get(i, offset), offset)

    concealing = bool(rng.random() < 0.5)  # the receiver's kind, one per page
    printed: list[np.ndarray] = []
    reference = np.zeros(columns, dtype=bool)  # the decoder's last decoded line
    last_good = np.zeros(columns, dtype=bool)
    repeating = False  # a concealing receiver inside a damaged 2-D group
    for i in range(rows):
        one_d = i % k_factor == 0
        if one_d:
            repeating = False
        row = sent[i]
        # A 2-D line is coded as changes against the line above; decoded against a
        # different reference, the difference carries down.
        decoded = row.copy() if one_d or i == 0 else row ^ (reference ^ sent[i - 1])
        bad = not one_d and i > 0 and bool((reference != sent[i - 1]).any())
        kind = ""
        if i in hits:
            offset = hits[i]
            data_bits = int(maps[i][1][-1])
            if offset < EOL_BITS:
                if rng.random() < 0.6:  # EOL lost: the line never appears
                    continue
                decoded, kind = _damage(rng, decoded, 0)
            elif offset < EOL_BITS + data_bits:
                starts, ends = maps[i]
                element = int(np.searchsorted(ends, offset - EOL_BITS, side="right"))
                x0 = int(starts[min(element, starts.size - 1)])
                decoded, kind = _damage(rng, decoded, x0)
            # else: the burst fell in the fill bits and did no harm
        reference = decoded
        if concealing:
            detected = (kind in ("garbage", "truncated") and rng.random() < 0.95) or (
                kind == "shifted" and rng.random() < 0.7)
            if repeating or detected:
                repeating = True
                printed.append(last_good.copy())
                continue
            if bad:  # a 2-D line under an undetected bad line: decoded as it comes
                printed.append(decoded)
                continue
        printed.append(decoded)
        last_good = decoded
    while len(printed) < rows:  # lines lost: the page is short at the bottom
        printed.append(np.zeros(columns, dtype=bool))
    ink = np.array(printed)
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8)).convert("1")


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    """A one-page G4 fax TIFF of ``doc`` in ``condition`` (see ``CONDITIONS``), seeded."""
    return render_layout_page(root, doc, resolution, condition, seed, "layout-h",
                              {"non-ECM": non_ecm_fax})
