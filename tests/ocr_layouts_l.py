"""Held-out OCR evaluation set L: six laid-out fax pages and a "non-ECM" model of faxes sent
without error correction over a noisy line.

Provenance. Written on 6 December 2026 by an author who had read neither ocr/ nor any other
set's damage model (tests/ocr_layouts_f.py was read for its page renderer and PostScript
helpers only; tests/ocr_layouts.py for LayoutDoc and its line helpers, its two early models
being in view there, and nothing taken from them), nor any reading of any page: no page was
put through OCR while this was written. The parameters below were set from the figures under
"Measured" (line damage and render time, never OCR results) and are frozen from the commit
that adds this file; a change to the model is a new set, not an edit of this one.

Documents (``LAYOUTS_L``): a hospice election statement (Times-Roman 10), a pharmacy
prescription transfer request with a table (Helvetica-Narrow 10), a home health
certification and plan of care in two columns (Courier 9), a customs power of attorney
(Bookman-Light 9.5), a Portuguese water utility arrears notice in ISO Latin-1 (accents, ç, º;
NewCenturySchlbk-Roman 10) and a veterinary cardiology referral (AvantGarde-Book 9). Names,
numbers, codes and addresses are invented. Ground truth reads line by line as printed: a
LayoutDoc's ``lines``, the pieces of one printed line joined left to right.

Conditions: ``clean`` (Ghostscript's fax device) and ``non-ECM``, this model, seeded as
render_layout_page seeds (seed x 1000 + the sum of the document name's code points), all of
its randomness drawn in a fixed order from one ``numpy.random.default_rng(seed)``.

The non-ECM model, stage by stage.

1. Sender's scanner. The grey page (rendered at twice the fax resolution) is scanned as 1728
   picture elements across 215 mm centred on the 8.5 in sheet, at ``ydpi`` lines per inch
   (98 or 196), each element the exact area average of the page under it. Per page: a
   shading profile across the scan line (lamp fall-off to the ends, 0-10%; a tilt, +-4%; two
   ripples of 0-3% with periods of 30-300 elements; element-to-element sensitivity spread,
   0.8% sd), sensor noise of sd 3-9 grey levels (drawn per page, fresh for every element),
   and a threshold drawn from 85-180 (of 0 black .. 255 white), a wide range: some senders
   are light and break thin strokes, some are dark and fill counters.
2. Coder, ITU-T T.4 with its real code tables. 30% of senders code Modified Huffman (1-D)
   only; the rest code MR (2-D) with K=2 at 98 lpi and K=4 at 196 lpi. Every line begins
   with EOL (000000000001), followed when MR by a tag bit (1: 1-D line, 0: 2-D line); the
   line's codes follow, then zero fill bits up to the minimum scan line time of the call;
   the page ends with RTC (six EOLs, each with tag bit 1 when MR).
3. Link, per page: V.17 at 14400 (6 bits a symbol, 40% of calls) or 12000 (5 bits, 10%);
   V.29 at 9600 (4 bits, 25%) or 7200 (3 bits, 5%); V.27ter at 4800 (3 bits, 15%) or 2400
   (2 bits, 5%). Minimum scan line time 0, 5, 10, 20 or 40 ms (15, 20, 35, 20, 10%), i.e.
   at least rate x time bits a line.
4. Channel. A line noise level L is drawn per page, log-uniform in 0.3-4 events a second of
   transmission (each page takes seconds to tens of seconds), and three kinds of event
   arrive as Poisson processes over the page's transmission time:
   - impulse noise clusters, L a second: 1 + Poisson(1.5) clicks spread over 2-30 ms, each
     click 0.15-1.2 ms long, each symbol under a click wrong with probability 0.5;
   - short phase hits, 0.25 L a second: the carrier loop re-locks over 2-12 ms, each symbol
     wrong with a probability falling linearly from 0.9 to 0 across it;
   - longer dropouts, 0.02 L a second: 40-300 ms (log-uniform) with no usable signal, every
     demodulated bit random.
   A wrong symbol flips a uniformly drawn non-zero pattern of its bits (Gray coding,
   differential coding and trellis decoding are not modelled). The modem's self-synchronising
   descrambler multiplies every line error: out[n] = in[n] ^ in[n-6] ^ in[n-7] for V.27ter,
   ^ in[n-18] ^ in[n-23] for V.29 and V.17, so each flipped line bit reaches the T.4 data
   three times.
5. Receiver. An EOL is any 1 that follows at least eleven 0s in the received bits, wherever it
   falls: a hit in an EOL loses it (two lines merge), a hit in the fill makes a false one (a
   line splits, and a spurious line of junk follows). The bits from one EOL to the next are
   decoded code by code (after the tag bit, when MR), the 2-D modes against the last row
   printed. A line is bad when a code is not in the tables (T.4 terminating, make-up and
   extended make-up codes; the 2-D mode codes), a run or horizontal mode carries a0 past 1728,
   a vertical mode does not move a0 to the right or passes 1728, or the next EOL comes before
   the line is full; a line that fills 1728 elements is good, whatever follows it up to the
   next EOL being skipped (so after a lost EOL the second line is lost without notice). An
   empty line (nothing between two EOLs but the tag bit) prints nothing, and five EOLs in a
   row end the page (RTC; spandsp's receiver counts five too); a line in which not one
   element decodes prints nothing either, but does not count towards RTC.
   Each page draws one behaviour for bad lines:
   (a) "fill-above", 35%: prints what decoded up to the error and fills the rest of the line
       from the line printed above (as many fax chips do); the next 2-D line decodes
       against that row, so the damage can run down to the next 1-D line;
   (b) "white", 20%: prints what decoded up to the error, the rest of the line white;
   (c) "substitute", 30%: copy-quality substitution: prints the last good line again for the
       bad line and for every 2-D line after it up to the next 1-D line (not decoded);
   (d) "drop", 15%: prints nothing for the bad line nor for the 2-D lines after it up to the
       next 1-D line; the page comes out shorter.
   The received page is what was printed: 1728 elements wide at ``xdpi`` x ``ydpi``, as many
   rows as were printed. (A line whose EOL, tag, data, fill and next EOL all arrived
   unchanged, decoded against the very reference the sender coded against, is taken from the
   sender's scan rather than decoded again: the same result, as decoding is deterministic.)

Verification. The coder and decoder were checked against libtiff: pages of every document at
both resolutions (MH, and MR with K=2 and K=4, with fill to a minimum line length), and a
synthetic image holding every run length 0-1728 of both colours and random rows exercising
pass, horizontal and all vertical modes, written as TIFF with Compression=3 (T4Options 0 for
MH, bit 0 set for 2-D; and a variant with EOLs byte-aligned and bit 2 set) and decoded
through Pillow's libtiff decoder: every pixel came back exactly, and this module's own
decoder read the same streams back exactly.

Measured (six documents x seeds 3-24, 132 pages at each resolution). A sent scan line counts
as damaged unless the receiver printed exactly its pixels for the line that began at its EOL
(dropped, merged, substituted and misdecoded lines count; a line whose printed row happens
to equal it, such as a bad blank line filled from a blank line above, does not). Damaged
scan lines: 204x98 median 1.95%, 10th-90th percentile 0.46-5.29% (largest 14.2%); 204x196
median 2.32%, 0.56-7.77% (largest 19.3%). Bit error rate after the descrambler: median 3e-3,
in bursts. Spurious rows (lines begun at a false EOL): median 10.5 (90th percentile 69) at
98 lpi, 21 (139) at 196 lpi. Page length, rows printed less rows sent: median 0 (10th-90th
percentile -31 to +55) at 98 lpi, +1.5 (-73 to +95) at 196 lpi. Render time on a two-core
machine: the model alone median 0.27 s (98 lpi) and 0.44 s (196 lpi) a page, at most 0.82 s;
a whole page through ``make_layout_page`` (Ghostscript, the model, G4 encoding) median 0.45
s, at most 0.83 s.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TypeVar

import numpy as np
from PIL import Image

from tests.ocr_layouts import LayoutDoc, cols, text
from tests.ocr_layouts_f import render_layout_page

CONDITIONS = ("clean", "non-ECM")

HOSPICE_ELECTION = LayoutDoc("hospice_election", "Times-Roman", 10, [
    cols((72, "HOSPICE ELECTION STATEMENT"), (380, "Form HE-2   Rev. 03/2026")),
    text("Bluestem Valley Hospice, 2210 Prairie Rose Road, Salina, KS 67401"),
    [],
    cols((72, "Patient: Ottoline Vasquez-Brandt"), (330, "Medicare ID: 7QW4-HN2-KT63")),
    cols((72, "Date of birth: 08/19/1941"), (330, "Election date: 12/02/2026")),
    cols((72, "Attending physician: Dr. Caspian Mbeki"), (330, "NPI: 1730592846")),
    [],
    text("I understand that hospice care is palliative, not curative, in nature, and that by"),
    text("electing the Medicare hospice benefit I waive payment for treatment of my terminal"),
    text("illness and related conditions, except through the hospice and my attending physician."),
    text("Terminal diagnosis: idiopathic pulmonary fibrosis (J84.112)."),
    text("I may revoke this election at any time by signing a written statement of revocation."),
    [],
    cols((72, "Signature: Ottoline Vasquez-Brandt"), (330, "Witness: Harriet Lindqvist, RN")),
    cols((72, "Representative: none"), (330, "Benefit period: 1 of 2 (90 days)")),
], ["Vasquez-Brandt", "7QW4-HN2-KT63", "12/02/2026", "Mbeki", "1730592846", "J84.112",
    "palliative", "Lindqvist"], phrase="I may revoke this election at any time")

RX_TRANSFER = LayoutDoc("rx_transfer", "Helvetica-Narrow", 10, [
    cols((72, "PRESCRIPTION TRANSFER REQUEST"), (400, "Fax 555-302-7718")),
    cols((72, "To: Greyhaven Apothecary, 88 Wharf Lane, Mystic, CT"), (400, "NCPDP 5529184")),
    cols((72, "From: Kestrel Pharmacy #0412, Groton, CT"), (400, "Phone 555-302-7700")),
    cols((72, "Patient: Philippa Oyelaran-Hughes"), (400, "DOB 11/30/1978")),
    [],
    cols((72, "Rx number"), (140, "Drug and strength"), (280, "Directions"), (470, "Refills")),
    cols((72, "6120447"), (140, "levothyroxine 88 mcg tab"), (280, "1 daily before breakfast"),
         (470, "4")),
    cols((72, "6120459"), (140, "sertraline 50 mg tab"), (280, "1 daily in the morning"),
         (470, "2")),
    cols((72, "6131802"), (140, "fluticasone 50 mcg spray"), (280, "2 sprays each nostril daily"),
         (470, "5")),
    [],
    text("Original fill 09/14/2026, last fill 11/12/2026. Prescriber: Dr. Ines Fairweather."),
    text("Please transfer all remaining refills and inactivate the prescriptions at your store."),
    text("Transferring pharmacist: Teodora Blaylock, license RPH-30918"),
], ["Oyelaran-Hughes", "5529184", "6120447", "levothyroxine", "fluticasone", "11/12/2026",
    "RPH-30918", "Blaylock"], phrase="inactivate the prescriptions at your store")

HOME_HEALTH_CERT = LayoutDoc("home_health_cert", "Courier", 9, [
    text("HOME HEALTH CERTIFICATION AND PLAN OF CARE"),
    cols((72, "1. HI claim no: 4RT8-WM3-PV21"), (320, "2. SOC date: 11/28/2026")),
    cols((72, "3. Cert period: 11/28/26-01/26/27"), (320, "4. Record no: HH-208817")),
    cols((72, "5. Provider no: 177459"), (320, "6. Patient: Bartholomew Quaye")),
    cols((72, "7. Tidewater Home Health"), (320, "8. DOB: 02/07/1939")),
    [],
    text("11. Principal diagnosis: I50.32 chronic diastolic heart failure"),
    text("13. Other: E11.9 type 2 diabetes; N18.31 chronic kidney disease"),
    text("14. DME and supplies: shower chair, digital scale, pulse oximeter"),
    text("18. Limitations: endurance, ambulation, dyspnea on minimal exertion"),
    text("21. Orders: SN 2w4, 1w4 for cardiopulmonary assessment and daily"),
    text("weights; report a gain over 3 lb in 2 days. PT 2w3, gait training.", 94),
    text("22. Goals: will state low sodium diet and furosemide schedule."),
    [],
    cols((72, "24. Dr. Rosalind Achebe-Warner"), (320, "NPI 1568234907")),
    text("I certify this patient is confined to the home and needs skilled care."),
], ["4RT8-WM3-PV21", "HH-208817", "Quaye", "I50.32", "furosemide", "Achebe-Warner",
    "1568234907", "oximeter"], phrase="confined to the home")

CUSTOMS_POA = LayoutDoc("customs_poa", "Bookman-Light", 9.5, [
    cols((72, "CUSTOMS POWER OF ATTORNEY"), (360, "Broker file: CPA-26-05871")),
    [],
    text("Know all by these presents, that Marisol Textiles Ltd., importer number"),
    text("27-4406193-00, a corporation doing business under the laws of North Carolina,"),
    text("hereby constitutes and appoints Harbormaster Customs Brokerage, filer code J7K,"),
    text("its true and lawful agent and attorney to make, endorse, sign, declare or swear"),
    text("to any entry, withdrawal, declaration or certificate required by law."),
    [],
    cols((72, "Principal: Marisol Textiles Ltd."), (330, "Broker: Harbormaster")),
    cols((72, "Signed: Dagny Okonkwo-Reyes, CFO"), (330, "License no. 31842")),
    cols((72, "Date: 12/03/2026"), (330, "Port: 1601 Charleston, SC")),
    [],
    text("This power of attorney remains in force until revoked in writing by the grantor."),
], ["CPA-26-05871", "27-4406193-00", "J7K", "Harbormaster", "Okonkwo-Reyes", "31842",
    "12/03/2026"], phrase="its true and lawful agent and attorney")

AVISO_AGUA = LayoutDoc("aviso_agua", "NewCenturySchlbk-Roman", 10, [
    cols((72, "ÁGUAS DO BAIXO MONDEGO, S.A."), (360, "Aviso n.º AV-2026-118305")),
    cols((72, "Rua Dr. Júlio Henriques, 41, 3000-210 Coimbra"), (360, "Data: 02/12/2026")),
    [],
    text("Exmo. Sr. Joaquim Conceição Magalhães"),
    text("Instalação n.º 0047791823, Travessa das Flores, 7, 2.º Esq., Figueira da Foz"),
    [],
    text("Informamos que se encontram por liquidar as faturas abaixo indicadas."),
    cols((72, "Fatura"), (190, "Período"), (300, "Vencimento"), (440, "Valor")),
    cols((72, "FT2026/48812"), (190, "ago.-set."), (300, "20/10/2026"), (440, "38,17 EUR")),
    cols((72, "FT2026/53390"), (190, "set.-out."), (300, "19/11/2026"), (440, "41,06 EUR")),
    cols((72, "Total em dívida"), (440, "79,23 EUR")),
    [],
    text("Caso o pagamento não seja efetuado até 18/12/2026, o fornecimento de água será"),
    text("interrompido, acrescendo os custos de restabelecimento previstos no tarifário."),
    text("Referência Multibanco: entidade 21098, referência 417 552 930."),
], ["AV-2026-118305", "Magalhães", "0047791823", "FT2026/53390", "79,23", "18/12/2026",
    "interrompido", "Conceição"], phrase="o fornecimento de água será")

VET_REFERRAL = LayoutDoc("vet_referral", "AvantGarde-Book", 9, [
    cols((72, "CEDAR HOLLOW ANIMAL HOSPITAL"), (360, "Referral RF-44720")),
    cols((72, "To: Coastal Veterinary Specialists, Cardiology"), (360, "Date: 11/30/2026")),
    [],
    cols((72, "Patient: Biscuit"), (300, "Species: canine, Cavalier spaniel")),
    cols((72, "Owner: Leopold and Maeve Szczepanski"), (300, "Phone: 555-640-2291")),
    cols((72, "Age/sex: 9 y MN"), (300, "Weight: 9.4 kg")),
    [],
    text("Reason: grade IV/VI left apical systolic murmur, night cough, exercise intolerance."),
    text("Thoracic radiographs show left atrial enlargement; VHS 12.1. NT-proBNP 2140 pmol/L."),
    text("Started pimobendan 2.5 mg PO q12h on 11/26. Please evaluate for myxomatous"),
    text("mitral valve disease, stage B2 versus C, and advise on adding benazepril."),
    [],
    text("Referring veterinarian: Dr. Anneke Sorensen-Ruiz, DVM"),
], ["RF-44720", "Szczepanski", "555-640-2291", "pimobendan", "myxomatous", "Sorensen-Ruiz",
    "2140", "benazepril"], phrase="left apical systolic murmur")

LAYOUTS_L = [HOSPICE_ELECTION, RX_TRANSFER, HOME_HEALTH_CERT, CUSTOMS_POA, AVISO_AGUA,
             VET_REFERRAL]


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    """A one-page G4 fax TIFF of ``doc`` in ``condition``, seeded."""
    return render_layout_page(root, doc, resolution, condition, seed, "layout-l",
                              {"non-ECM": non_ecm_fax})


# ---------------------------------------------------------------------------------------------
# ITU-T T.4 codes. Modified Huffman terminating codes (runs 0-63), make-up codes (64-1728) and
# the extended make-up codes shared by both colours (1792-2560); MR (2-D) mode codes.

WIDTH = 1728
EOL = "000000000001"


def _codes(table: str) -> list[str]:
    return table.split()


_WHITE_TERM = _codes(
    "00110101 000111 0111 1000 1011 1100 1110 1111 10011 10100 00111 01000 001000 000011 "
    "110100 110101 101010 101011 0100111 0001100 0001000 0010111 0000011 0000100 0101000 "
    "0101011 0010011 0100100 0011000 00000010 00000011 00011010 00011011 00010010 00010011 "
    "00010100 00010101 00010110 00010111 00101000 00101001 00101010 00101011 00101100 00101101 "
    "00000100 00000101 00001010 00001011 01010010 01010011 01010100 01010101 00100100 00100101 "
    "01011000 01011001 01011010 01011011 01001010 01001011 00110010 00110011 00110100")
_WHITE_MAKEUP = _codes(
    "11011 10010 010111 0110111 00110110 00110111 01100100 01100101 01101000 01100111 "
    "011001100 011001101 011010010 011010011 011010100 011010101 011010110 011010111 "
    "011011000 011011001 011011010 011011011 010011000 010011001 010011010 011000 "
    "010011011")
_BLACK_TERM = _codes(
    "0000110111 010 11 10 011 0011 0010 00011 000101 000100 0000100 0000101 0000111 00000100 "
    "00000111 000011000 0000010111 0000011000 0000001000 00001100111 00001101000 00001101100 "
    "00000110111 00000101000 00000010111 00000011000 000011001010 000011001011 000011001100 "
    "000011001101 000001101000 000001101001 000001101010 000001101011 000011010010 "
    "000011010011 000011010100 000011010101 000011010110 000011010111 000001101100 "
    "000001101101 000011011010 000011011011 000001010100 000001010101 000001010110 "
    "000001010111 000001100100 000001100101 000001010010 000001010011 000000100100 "
    "000000110111 000000111000 000000100111 000000101000 000001011000 000001011001 "
    "000000101011 000000101100 000001011010 000001100110 000001100111")
_BLACK_MAKEUP = _codes(
    "0000001111 000011001000 000011001001 000001011011 000000110011 000000110100 000000110101 "
    "0000001101100 0000001101101 0000001001010 0000001001011 0000001001100 0000001001101 "
    "0000001110010 0000001110011 0000001110100 0000001110101 0000001110110 0000001110111 "
    "0000001010010 0000001010011 0000001010100 0000001010101 0000001011010 0000001011011 "
    "0000001100100 0000001100101")
_EXTENDED_MAKEUP = _codes(
    "00000001000 00000001100 00000001101 000000010010 000000010011 000000010100 000000010101 "
    "000000010110 000000010111 000000011100 000000011101 000000011110 000000011111")
_PASS, _HORIZONTAL = "0001", "001"
_VERTICAL = {0: "1", 1: "011", 2: "000011", 3: "0000011", -1: "010", -2: "000010",
             -3: "0000010"}  # key: a1 - b1


def _decode_table(term: list[str], makeup: list[str]) -> dict[str, int]:
    table = {code: run for run, code in enumerate(term)}
    table |= {code: 64 * (i + 1) for i, code in enumerate(makeup + _EXTENDED_MAKEUP)}
    return table


def _run_codes(term: list[str], makeup: list[str]) -> list[str]:
    """The full code (make-up then terminating) of every run 0..WIDTH."""
    return [(makeup[run // 64 - 1] if run >= 64 else "") + term[run % 64]
            for run in range(WIDTH + 1)]


_RUN_CODES = (_run_codes(_WHITE_TERM, _WHITE_MAKEUP), _run_codes(_BLACK_TERM, _BLACK_MAKEUP))
_RUN_TABLES = (_decode_table(_WHITE_TERM, _WHITE_MAKEUP),
               _decode_table(_BLACK_TERM, _BLACK_MAKEUP))
_MODE_TABLE: dict[str, int | str] = {_PASS: "P", _HORIZONTAL: "H"} | {
    code: delta for delta, code in _VERTICAL.items()}


# ---------------------------------------------------------------------------------------------
# The sender: scanner, then T.4 coder.

@dataclass(frozen=True)
class Link:
    """What one call negotiated: modem, coding, minimum scan line time, receiver behaviour."""
    modem: str
    bit_rate: int
    bits_per_symbol: int
    taps: tuple[int, int]  # the descrambler's feedback taps
    k: int  # MR K parameter; 1 means MH only
    min_bits: int  # minimum bits per coded scan line (minimum scan line time x bit rate)
    behaviour: str  # "fill-above", "white", "substitute" or "drop"


# (modem, bit rate, bits per symbol, descrambler taps, share of calls)
MODEMS = (("V.17", 14400, 6, (18, 23), 0.40), ("V.17", 12000, 5, (18, 23), 0.10),
          ("V.29", 9600, 4, (18, 23), 0.25), ("V.29", 7200, 3, (18, 23), 0.05),
          ("V.27ter", 4800, 3, (6, 7), 0.15), ("V.27ter", 2400, 2, (6, 7), 0.05))
MIN_SCAN_LINE_MS = ((0, 0.15), (5, 0.20), (10, 0.35), (20, 0.20), (40, 0.10))
MH_ONLY_SHARE = 0.30
BEHAVIOURS = (("fill-above", 0.35), ("white", 0.20), ("substitute", 0.30), ("drop", 0.15))
SCAN_WIDTH_MM = 215.0
THRESHOLD_RANGE = (85.0, 180.0)  # on 0 (black) .. 255 (white)
NOISE_RANGE = (3.0, 9.0)  # sensor noise, standard deviation in grey levels


def _choose(rng: np.random.Generator, table: tuple[tuple, ...]) -> tuple:
    weights = np.array([row[-1] for row in table], dtype=float)
    return table[int(rng.choice(len(table), p=weights / weights.sum()))]


def _area_mean(image: np.ndarray, edges: np.ndarray, axis: int) -> np.ndarray:
    """Means of ``image`` along ``axis`` (0 or 1) between fractional pixel ``edges``: each
    pixel weighted by how much of it the interval covers."""
    shape = (-1, 1) if axis == 0 else (1, -1)
    first = np.floor(edges[:-1]).astype(np.intp)
    total = np.zeros(1, dtype=np.float32)
    for tap in range(int(np.ceil(np.diff(edges).max())) + 1):
        pixel = first + tap
        cover = np.minimum(edges[1:], pixel + 1) - np.maximum(edges[:-1], pixel)
        pixel = np.clip(pixel, 0, image.shape[axis] - 1)
        total = total + (np.clip(cover, 0, None).astype(np.float32).reshape(shape)
                         * np.take(image, pixel, axis=axis))
    return total / np.diff(edges).astype(np.float32).reshape(shape)


def _gain_profile(rng: np.random.Generator) -> np.ndarray:
    """Per page: lamp fall-off to the ends and a tilt, two slow ripples, element-to-element
    sensitivity spread."""
    u = np.linspace(-1.0, 1.0, WIDTH)
    gain = 1 - rng.uniform(0.0, 0.10) * u ** 2 + rng.uniform(-0.04, 0.04) * u
    for _ in range(2):
        period = rng.uniform(30, 300)
        gain += rng.uniform(0.0, 0.03) * np.sin(2 * np.pi * np.arange(WIDTH) / period
                                                 + rng.uniform(0, 2 * np.pi))
    return gain + rng.normal(0.0, 0.008, WIDTH)


def scan(page: Image.Image, page_dpi: float, ydpi: float, rng: np.random.Generator
         ) -> np.ndarray:
    """The sender's scan: True where a picture element is black."""
    grey = np.asarray(page.convert("L"))
    lines = int(grey.shape[0] * ydpi / page_dpi + 1e-6)
    left = (page.width * 25.4 / page_dpi - SCAN_WIDTH_MM) / 2
    x_edges = (left + np.arange(WIDTH + 1) * SCAN_WIDTH_MM / WIDTH) * page_dpi / 25.4
    down = _area_mean(grey, np.arange(lines + 1) * page_dpi / ydpi, axis=0)
    level = _area_mean(down, x_edges, axis=1)
    threshold = rng.uniform(*THRESHOLD_RANGE)
    gain = _gain_profile(rng)
    noise = rng.normal(0.0, rng.uniform(*NOISE_RANGE), level.shape)
    return level * gain + noise < threshold


def changing_elements(ink: np.ndarray) -> list[list[int]]:
    """Per scan line, the positions whose colour differs from the element before (white before
    the first)."""
    padded = np.zeros((ink.shape[0], WIDTH + 1), dtype=bool)
    padded[:, 1:] = ink
    rows, positions = np.nonzero(padded[:, 1:] != padded[:, :-1])
    ends = np.cumsum(np.bincount(rows, minlength=ink.shape[0])).tolist()
    flat = positions.tolist()
    return [flat[start:end] for start, end in zip([0, *ends[:-1]], ends, strict=True)]


def encode_1d(changes: list[int]) -> str:
    runs = np.diff([0, *changes, WIDTH]).tolist()
    return "".join([_RUN_CODES[i & 1][run] for i, run in enumerate(runs)])


def _b1_index(ref: list[int], first: int, colour: int) -> int:
    """From the first reference change right of a0, the first of opposite colour to a0's
    (changes at even indices turn black)."""
    return first + ((first & 1) != colour)


def encode_2d(changes: list[int], reference: list[int]) -> str:
    cur = [*changes, WIDTH, WIDTH]
    ref = [*reference, WIDTH, WIDTH, WIDTH]
    out: list[str] = []
    a0, colour, ia, first = -1, 0, 0, 0
    while a0 < WIDTH:
        while cur[ia] <= a0:
            ia += 1
        while ref[first] <= a0:
            first += 1
        ib = _b1_index(ref, first, colour)
        a1, b1, b2 = cur[ia], ref[ib], ref[ib + 1]
        if b2 < a1:
            out.append(_PASS)
            a0 = b2
        elif abs(a1 - b1) <= 3:
            out.append(_VERTICAL[a1 - b1])
            a0, colour = a1, colour ^ 1
        else:
            a2 = cur[ia + 1]
            out += [_HORIZONTAL, _RUN_CODES[colour][a1 - max(a0, 0)],
                    _RUN_CODES[colour ^ 1][a2 - a1]]
            a0 = a2
    return "".join(out)


@dataclass
class Coded:
    """A coded page: the bits, and where each scan line's leading EOL ends (its final 1)."""
    bits: str
    eol_ends: list[int]  # one per scan line, then the first EOL of RTC


def encode_page(ink: np.ndarray, k: int, min_bits: int) -> Coded:
    """T.4: EOL (+ tag bit 1 for 1-D, 0 for 2-D when MR), the line, fill zeros up to the
    minimum scan line length; RTC (six EOLs, each with tag bit 1 when MR) at the end."""
    tag = ("1", "0") if k > 1 else ("", "")
    parts: list[str] = []
    eol_ends: list[int] = []
    position, previous = 0, []
    for index, changes in enumerate(changing_elements(ink)):
        two_d = index % k != 0
        data = encode_2d(changes, previous) if two_d else encode_1d(changes)
        head = EOL + tag[two_d]
        fill = "0" * max(0, min_bits - len(head) - len(data))
        eol_ends.append(position + len(EOL) - 1)
        parts += [head, data, fill]
        position += len(head) + len(data) + len(fill)
        previous = changes
    eol_ends.append(position + len(EOL) - 1)
    parts.append((EOL + tag[0]) * 6)
    return Coded("".join(parts), eol_ends)


# ---------------------------------------------------------------------------------------------
# The channel.

NOISE_LEVEL_RANGE = (0.3, 4.0)  # impulse noise clusters per second, log-uniform per page
PHASE_HIT_SHARE = 0.25  # phase hits per impulse noise cluster
DROPOUT_SHARE = 0.02  # dropouts per impulse noise cluster


def _click_symbols(rng: np.random.Generator, seconds: float, baud: float, level: float,
                   p_symbol: np.ndarray) -> None:
    """Impulse noise: clusters of 1 + Poisson(1.5) clicks spread over 2-30 ms, each click
    0.15-1.2 ms long, every symbol under it wrong with probability 0.5."""
    for _ in range(rng.poisson(level * seconds)):
        start, spread = rng.uniform(0, seconds), rng.uniform(0.002, 0.030)
        for _ in range(1 + rng.poisson(1.5)):
            first = int((start + rng.uniform(0, spread)) * baud)
            length = max(1, round(rng.uniform(0.00015, 0.0012) * baud))
            p_symbol[first:first + length] = np.maximum(p_symbol[first:first + length], 0.5)


def _phase_hit_symbols(rng: np.random.Generator, seconds: float, baud: float, level: float,
                       p_symbol: np.ndarray) -> None:
    """Phase hits: the carrier loop re-locks over 2-12 ms, symbol errors falling from 0.9."""
    for _ in range(rng.poisson(PHASE_HIT_SHARE * level * seconds)):
        first = int(rng.uniform(0, seconds) * baud)
        length = max(1, round(rng.uniform(0.002, 0.012) * baud))
        ramp = np.linspace(0.9, 0.0, length)[:max(0, len(p_symbol) - first)]
        p_symbol[first:first + length] = np.maximum(p_symbol[first:first + length], ramp)


def _dropouts(rng: np.random.Generator, seconds: float, bit_rate: int, level: float,
              errors: np.ndarray) -> None:
    """Dropouts: 40-300 ms (log-uniform) with no usable signal, the demodulator's bits
    random."""
    for _ in range(rng.poisson(DROPOUT_SHARE * level * seconds)):
        first = int(rng.uniform(0, seconds) * bit_rate)
        length = round(np.exp(rng.uniform(np.log(0.040), np.log(0.300))) * bit_rate)
        span = errors[first:first + length]
        span[:] = rng.integers(0, 2, len(span), dtype=np.uint8)


def channel_errors(rng: np.random.Generator, n_bits: int, link: Link, level: float
                   ) -> np.ndarray:
    """The bits the descrambler gets wrong (1 = flipped), ``level`` clusters per second."""
    seconds = n_bits / link.bit_rate
    baud = link.bit_rate / link.bits_per_symbol
    n_symbols = -(-n_bits // link.bits_per_symbol)
    p_symbol = np.zeros(n_symbols)
    _click_symbols(rng, seconds, baud, level, p_symbol)
    _phase_hit_symbols(rng, seconds, baud, level, p_symbol)
    wrong = rng.random(n_symbols) < p_symbol
    patterns = rng.integers(1, 2 ** link.bits_per_symbol, int(wrong.sum()), dtype=np.uint8)
    shifts = np.arange(link.bits_per_symbol - 1, -1, -1, dtype=np.uint8)
    errors = np.zeros((n_symbols, link.bits_per_symbol), dtype=np.uint8)
    errors[wrong] = (patterns[:, None] >> shifts) & 1
    errors = errors.reshape(-1)[:n_bits].copy()
    _dropouts(rng, seconds, link.bit_rate, level, errors)
    return descramble(errors, link.taps)


def descramble(errors: np.ndarray, taps: tuple[int, int]) -> np.ndarray:
    """A self-synchronising descrambler, out[n] = in[n] ^ in[n - t1] ^ in[n - t2]: every line
    error reaches the data three times."""
    out = errors.copy()
    for tap in taps:
        out[tap:] ^= errors[:-tap]
    return out


# ---------------------------------------------------------------------------------------------
# The receiver.

RTC_EOLS = 5  # EOLs in a row that end a page

T = TypeVar("T")


def _read_code(bits: str, pos: int, table: dict[str, T]) -> tuple[T, int] | None:
    for length in range(1, 14):
        value = table.get(bits[pos:pos + length])
        if value is not None and pos + length <= len(bits):
            return value, pos + length
    return None


def _read_run(bits: str, pos: int, colour: int) -> tuple[int, int] | None:
    """One run: make-up codes, then a terminating code."""
    total = 0
    while (hit := _read_code(bits, pos, _RUN_TABLES[colour])) is not None:
        value, pos = hit
        total += value
        if value < 64:
            return total, pos
    return None


@dataclass
class Decoded:
    changes: list[int]
    reached: int  # elements decoded before the line ended or went wrong
    good: bool


def decode_1d(bits: str) -> Decoded:
    a0, colour, pos, changes = 0, 0, 0, []
    while a0 < WIDTH:
        hit = _read_run(bits, pos, colour)
        if hit is None or a0 + hit[0] > WIDTH:
            return Decoded(changes, a0, False)
        a0, pos = a0 + hit[0], hit[1]
        changes.append(a0)
        colour ^= 1
    return Decoded(changes, WIDTH, True)  # what follows, up to the next EOL, is skipped


def decode_2d(bits: str, reference: list[int]) -> Decoded:
    ref = [*reference, WIDTH, WIDTH, WIDTH]
    a0, colour, pos, first, changes = -1, 0, 0, 0, []
    while a0 < WIDTH:
        while ref[first] <= a0:
            first += 1
        ib = _b1_index(ref, first, colour)
        b1, b2 = ref[ib], ref[ib + 1]
        mode = _read_code(bits, pos, _MODE_TABLE)
        if mode is None:
            return Decoded(changes, max(a0, 0), False)
        kind, pos = mode
        if kind == "P":
            a0 = b2
        elif kind == "H":
            one = _read_run(bits, pos, colour)
            two = None if one is None else _read_run(bits, one[1], colour ^ 1)
            if one is None or two is None or max(a0, 0) + one[0] + two[0] > WIDTH:
                return Decoded(changes, max(a0, 0), False)
            a1 = max(a0, 0) + one[0]
            changes += [a1, a1 + two[0]]
            a0, pos = a1 + two[0], two[1]
        else:
            a1 = b1 + int(kind)
            if not a0 < a1 <= WIDTH:
                return Decoded(changes, max(a0, 0), False)
            changes.append(a1)
            a0, colour = a1, colour ^ 1
    return Decoded(changes, WIDTH, True)  # what follows, up to the next EOL, is skipped


def row_of(changes: list[int]) -> np.ndarray:
    counts = np.bincount([c for c in changes if c < WIDTH], minlength=WIDTH)
    return (np.cumsum(counts) & 1).astype(bool)


def find_eols(received: np.ndarray) -> np.ndarray:
    """Where each EOL the receiver sees ends: a 1 after at least eleven 0s."""
    ones = np.flatnonzero(received)
    zeros_before = np.diff(ones, prepend=-1) - 1
    return ones[zeros_before >= 11]


@dataclass
class Received:
    rows: list[np.ndarray]  # the printed scan lines, True where black
    origins: list[int]  # per printed row, the sent line whose EOL it followed, or -1


def _row_changes(row: np.ndarray) -> list[int]:
    padded = np.concatenate(([False], row))
    return np.flatnonzero(padded[1:] != padded[:-1]).tolist()


class Receiver:
    """Decodes line by line; a bad line is handled per ``link.behaviour`` (module docstring)."""

    def __init__(self, link: Link, coded: Coded, errors: np.ndarray, ink: np.ndarray) -> None:
        self.link, self.coded, self.ink = link, coded, ink
        self.error_count = np.concatenate(([0], np.cumsum(errors, dtype=np.int64)))
        self.line_at = {end: index for index, end in enumerate(coded.eol_ends[:-1])}
        self.printed = self.good = np.zeros(WIDTH, dtype=bool)
        self.lost = False  # a bad line since the last 1-D line (substitute and drop)
        self.out = Received([], [])

    def _intact(self, here: int, nxt: int) -> int:
        """The sent line whose EOL, tag, data, fill and next EOL arrived unchanged, or -1."""
        line = self.line_at.get(here, -1)
        if line < 0 or self.coded.eol_ends[line + 1] != nxt:
            return -1
        return line if self.error_count[nxt + 1] == self.error_count[here - 11] else -1

    def _decode(self, bits: str, here: int, nxt: int, one_d: bool) -> Decoded:
        line = self._intact(here, nxt)
        if line >= 0 and (one_d or np.array_equal(self.printed, self.ink[line - 1])):
            # The very bits sent, against the very reference: what the sender coded.
            return Decoded(_row_changes(self.ink[line]), WIDTH, True)
        segment = bits[here + 1 + (self.link.k > 1):nxt]
        return decode_1d(segment) if one_d else decode_2d(segment,
                                                           _row_changes(self.printed))

    def _print(self, row: np.ndarray, origin: int) -> None:
        self.out.rows.append(row)
        self.out.origins.append(origin)
        self.printed = row

    def line(self, bits: str, here: int, nxt: int) -> bool:
        """The line between two EOLs; False if it was empty (no bit set between them but the
        tag). A line in which not one element decodes prints nothing either."""
        one_d = self.link.k == 1 or bits[here + 1] == "1"
        if bits.find("1", here + 1 + (self.link.k > 1), nxt) < 0:
            return False
        origin = self.line_at.get(here, -1)
        behaviour = self.link.behaviour
        if self.lost and not one_d and behaviour in ("substitute", "drop"):
            if behaviour == "substitute":
                self._print(self.good, origin)
            return True
        decoded = self._decode(bits, here, nxt, one_d)
        if not decoded.changes and decoded.reached == 0:
            return True
        self.lost = False
        row = row_of(decoded.changes)
        if decoded.good:
            self.good = row
            self._print(row, origin)
        elif behaviour == "fill-above":
            row[decoded.reached:] = self.printed[decoded.reached:]
            self._print(row, origin)
        elif behaviour == "white":
            row[decoded.reached:] = False
            self._print(row, origin)
        else:
            self.lost = True
            if behaviour == "substitute":
                self._print(self.good, origin)
        return True


def receive(received: np.ndarray, link: Link, coded: Coded, errors: np.ndarray,
            ink: np.ndarray) -> Received:
    """Every EOL to the next is a line, until five EOLs in a row with nothing between them
    (RTC) end the page."""
    bits = (received + 48).tobytes().decode("ascii")
    eols = find_eols(received).tolist()
    receiver = Receiver(link, coded, errors, ink)
    empty_run = 0
    for here, nxt in pairwise(eols):
        if receiver.line(bits, here, nxt):
            empty_run = 0
        elif (empty_run := empty_run + 1) == RTC_EOLS - 1:
            break
    return receiver.out


# ---------------------------------------------------------------------------------------------
# One call.

def draw_link(rng: np.random.Generator, ydpi: float) -> Link:
    modem, rate, per_symbol, taps, _ = _choose(rng, MODEMS)
    min_ms = _choose(rng, MIN_SCAN_LINE_MS)[0]
    k = 1 if rng.random() < MH_ONLY_SHARE else (4 if ydpi > 150 else 2)
    behaviour = _choose(rng, BEHAVIOURS)[0]
    return Link(modem, rate, per_symbol, taps, k, -(-rate * min_ms // 1000), behaviour)


@dataclass
class Call:
    ink: np.ndarray  # what the sender scanned
    link: Link
    level: float  # impulse noise clusters per second
    coded: Coded
    errors: np.ndarray
    received: Received


def place_call(page: Image.Image, page_dpi: float, ydpi: float, seed: int) -> Call:
    rng = np.random.default_rng(seed)
    ink = scan(page, page_dpi, ydpi, rng)
    link = draw_link(rng, ydpi)
    level = float(np.exp(rng.uniform(*np.log(NOISE_LEVEL_RANGE))))
    coded = encode_page(ink, link.k, link.min_bits)
    sent = np.frombuffer(coded.bits.encode("ascii"), dtype=np.uint8) - 48
    errors = channel_errors(rng, len(sent), link, level)
    return Call(ink, link, level, coded, errors,
                receive(sent ^ errors, link, coded, errors, ink))


def non_ecm_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                seed: int) -> Image.Image:
    """The non-ECM model (module docstring): the received page, 1728 elements wide at
    ``xdpi`` x ``ydpi``; its length is whatever the receiver printed. ``xdpi`` is the fax's
    204, which 1728 elements across 215 mm give by themselves."""
    rows = place_call(page, page_dpi, ydpi, seed).received.rows
    ink = np.array(rows) if rows else np.zeros((1, WIDTH), dtype=bool)
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8)).convert("1")
