"""Layout set "t": six one-page business documents and a non-ECM fax reception model.

Documents (``LAYOUTS_T``), letter pages laid out as tests/ocr_layouts.py lays them out, in
Latin-1 (as tests/ocr_layouts_f.py's ``render_layout_page`` renders them: an ASCII "-" prints
with PostScript's minus glyph, kept so that the sets compare):

- ``huoltoraportti``: a Finnish lift maintenance company's service report: customer, site,
  lift and work order numbers, fault codes with slashes, parts with hyphenated codes, hours
  and a technician's name with umlauts; Palatino-Roman 10 pt.
- ``skademelding``: a Norwegian home insurer's water damage claim notification: policy and
  claim numbers, an address with æ, ø and å, a timeline, a table of damaged items with
  amounts in kroner; NewCenturySchlbk-Roman 9.5 pt.
- ``glucose_log``: a patient's two-week blood glucose log faxed to an endocrinology clinic:
  MRN, meter serial, a table of dates and readings before and after meals, insulin doses,
  a hypoglycaemia note; Courier 9 pt.
- ``rate_quote``: an LTL freight carrier's rate quote: quote and account numbers, origin and
  destination postal codes, NMFC items and classes, weights, base rate, discount, fuel and
  accessorial charges; Helvetica-Narrow 10 pt.
- ``certificate_of_analysis``: a chemical supplier's certificate of analysis for a lot of an
  excipient: lot, CAS and specification numbers, test methods (USP and Ph. Eur.), limits and
  results with units, dates, a QA signatory; Times-Roman 10.5 pt.
- ``inspection_report``: a city building department's field inspection report: permit and
  parcel numbers, inspection type codes, code sections with dots and hyphens, corrections
  required, a re-inspection fee; AvantGarde-Book 8.5 pt.

Conditions (``CONDITIONS``): "clean" (Ghostscript's fax device) and "non-ECM" (``non_ecm_fax``,
below), at 204x98 and 204x196.

Provenance: Written on 2026-12-06 by an author who had read neither ocr/ nor any other set's
damage model nor any OCR reading of any page. Files of this repository read: tests/
ocr_layouts.py (whole); in tests/ocr_layouts_f.py its imports and the functions
``render_layout_page``, ``_ps_string``, ``postscript`` and ``_gs``; in benchmarks/
ocr_quality.py the docstring's entries for the sets layouts-f to layouts-s (to repeat neither
a kind of document nor a damage emphasis), the line ``LATER_LAYOUT_SETS = ...`` and the lines
that load a later set's module; in tests/ocr_layouts_q.py its docstring's list of documents
(and, by a slip, the four lines after it, which begin its Provenance paragraph), the
signatures of ``non_ecm_fax`` and ``lines_not_as_sent`` and its ``make_layout_page``. No OCR
was run on this set's pages while writing it. Public sources read: spandsp (freeswitch/
spandsp at 0c7bcebef4f057b99832a338aafab7e379ef1395), src/t4_t6_decode.c: its receiver scans
for an EOL at every bit position (even inside a code word), ignores runs past the row's end,
skips unknown code words, writes a row whose length is wrong as a copy of the last good row
while its cleaned-up runs become the reference for a following 2D row, ends the page on
consecutive EOLs (RTC) and, when the carrier drops, flushes with zeros and writes what it
has; ITU-T T.4 (MH and MR code tables, EOL, fill, K), T.30 (minimum scan line time, non-ECM
pages, RTN), V.17/V.29/V.27 ter (self-synchronising scrambler 1 + x^-18 + x^-23, so one line
bit error becomes three); and public notes on what disturbs a fax call on an ordinary line:
fax and modem manuals and help pages advising to turn call waiting off (*70 in North
America) because its tone breaks a fax (a getfaxing.com help reply; AVM's FRITZ!Box 7340
manual, "Call Waiting": fax machines may misinterpret the signal), and fax machine manuals on
extension telephones sharing the fax line.

The model (``non_ecm_fax``), its emphasis being what happens on the subscriber's line during
the page, not in a network: the sender is a computer fax (the page sampled by area and
thresholded at mid-grey) or a fax machine scanning the printed sheet (a skew under 0.6
degrees, a little blur, sensor noise, its own threshold). The page, cropped to 1728 pixels,
is coded as T.4 bit for bit, MH or MR (K=2 at 98 lpi, K=4 at 196 lpi), with fill to a
minimum scan line time of 0, 10 or 20 ms, an EOL per line and RTC, and sent without error
correction at 14400, 12000, 9600, 7200 or 4800 bit/s. On the line: rare modem decision error
bursts throughout, multiplied by the descrambler; and, on some calls, what a subscriber's
line does while a page is under way: a call-waiting tone (a 300 ms tone, repeated ten seconds
later if the page lasts, garbling the bits under it and while the receiver's equaliser and
carrier loop recover, and now and then making the receiver drop the carrier, which ends the
page there), an extension telephone lifted and later hung up (a click each time and, while
it is off the hook, a lower level and room noise: many more error bursts at the higher
rates), or unfiltered metering pulses (a burst every 6 to 60 seconds). A page cut short by a
dropped carrier is sent again, at the next lower rate, by most senders (after the receiver's
RTN) and that copy is the one written; otherwise the short page is written. The receiver
decodes the bit stream bit for bit as spandsp's decoder does (above): a bad row is written as
the last good row, a spurious EOL splits a row, a lost EOL merges two (the second is lost),
and in MR a bad row's runs spoil the 2D rows after it until the next 1D row.

Lines not as sent (``lines_not_as_sent``: the share of the sent scan lines that the receiver
did not write, decoded correctly from their own bits, as a row of the page), over seeds 1 to
40, all six documents, 204x98 and 204x196 (480 pages): median 0.28 %, 10th to 90th
percentile 0 to 1.81 %, max 93.9 % (a page cut short by a dropped carrier and not sent
again), 17 % of pages clean; 30 pages over 3 %, 7 over 10 %. At 204x98 alone: median 0.28 %,
10th-90th 0-1.48 %, 21 % clean; at 204x196: median 0.32 %, 10th-90th 0-1.95 %, 13 % clean.
For the seeds the benchmark uses (3, 4, 5, 7, 11; 60 pages): median 0.28 %, 10th to 90th
percentile 0 to 1.50 %, max 6.8 %, 22 % clean. A page's model runs in about a second.

Read with: python benchmarks/ocr_quality.py --set layouts-t
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from tests.ocr_layouts import LayoutDoc, cols, text
from tests.ocr_layouts_f import render_layout_page

CONDITIONS = ("clean", "non-ECM")

HUOLTORAPORTTI = LayoutDoc("huoltoraportti", "Palatino-Roman", 10, [
    cols((72, "HISSIHUOLTO KÄRKKÄINEN OY"), (370, "HUOLTORAPORTTI")),
    cols((72, "Teollisuuskatu 14 B, 33100 Tampere"), (370, "Työmääräin: TM-2026/11874")),
    cols((72, "Puh. 03 2145 880"), (370, "Päivämäärä: 04.12.2026")),
    [],
    cols((72, "Asiakas: As Oy Pyynikin Rinne"), (370, "Kohde: Pyynikintie 27")),
    cols((72, "Hissi nro: H-4471-02 (KONE MonoSpace)"), (370, "Kerroksia: 7")),
    [],
    text("Vikailmoitus: ovi ei sulkeudu 5. kerroksessa, vikakoodi E/0319"),
    text("Tehdyt toimenpiteet: ovioperaattorin säätö, kynnyskiskon puhdistus,"),
    text("valokennon vaihto ja toiminnan testaus kaikissa kerroksissa."),
    [],
    cols((72, "Osa"), (170, "Kuvaus"), (380, "Määrä"), (450, "Hinta EUR")),
    cols((72, "KM-60412"), (170, "Valokenno, ovi"), (380, "1 kpl"), (450, "186,40")),
    cols((72, "KM-21877"), (170, "Ohjausliuska"), (380, "2 kpl"), (450, "24,90")),
    cols((72, "TYÖ-01"), (170, "Asennustyö, arkipäivä"), (380, "2,5 h"), (450, "172,50")),
    [],
    text("Hissi palautettu käyttöön klo 13.40. Seuraava määräaikaishuolto 01/2027."),
    cols((72, "Asentaja: Jyrki Mäkelä"), (370, "Asiakkaan kuittaus: P. Hölttä")),
], ["TM-2026/11874", "04.12.2026", "H-4471-02", "E/0319", "KM-60412", "Mäkelä", "Hölttä",
    "186,40"], phrase="valokennon vaihto ja toiminnan testaus")

SKADEMELDING = LayoutDoc("skademelding", "NewCenturySchlbk-Roman", 9.5, [
    cols((72, "FJORDVERN FORSIKRING ASA"), (360, "SKADEMELDING - BOLIG")),
    cols((72, "Postboks 318 Sentrum, 5804 Bergen"), (360, "Skadenr.: SK-26-0048813")),
    cols((72, "Telefaks 55 21 70 99"), (360, "Polise: HJ-7714-2209")),
    [],
    cols((72, "Forsikringstaker: Åse Sølvberg Ødegård"), (360, "Fødselsdato: 17.03.1968")),
    cols((72, "Adresse: Kårvegen 9, 5035 Bergen"), (360, "Mobil: 917 44 208")),
    [],
    text("Skadedato: 28.11.2026, kl. 06.15. Skadeårsak: lekkasje fra rør bak oppvaskmaskin."),
    text("Vannet rant gjennom kjøkkengulvet og ned i boden i underetasjen. Rørlegger"),
    text("Bergen VVS AS stanset lekkasjen samme dag (arbeidsordre 2611-347)."),
    [],
    cols((72, "Skadet gjenstand"), (300, "Kjøpt år"), (380, "Kjøpesum"), (460, "Krav kr")),
    cols((72, "Eikeparkett, kjøkken 14 m2"), (300, "2019"), (380, "21 400"), (460, "18 900")),
    cols((72, "Oppvaskmaskin Bosch SMV4"), (300, "2021"), (380, "7 990"), (460, "4 200")),
    cols((72, "Kartonger med bøker, bod"), (300, "-"), (380, "-"), (460, "2 500")),
    [],
    text("Egenandel kr 6 000 trekkes fra erstatningen. Bilder og faktura fra rørlegger er"),
    text("vedlagt. Jeg bekrefter at opplysningene er riktige."),
    cols((72, "Sted/dato: Bergen, 01.12.2026"), (360, "Underskrift: Åse S. Ødegård")),
], ["SK-26-0048813", "HJ-7714-2209", "Sølvberg", "Ødegård", "Kårvegen", "2611-347",
    "oppvaskmaskin", "Skadeårsak"], phrase="lekkasje fra rør bak oppvaskmaskin")

GLUCOSE_LOG = LayoutDoc("glucose_log", "Courier", 9, [
    text("BLOOD GLUCOSE LOG - please fax to Lakeshore Endocrinology, 555-613-2290"),
    text("Patient: Thandiwe Mokoena-Reyes       DOB: 08/19/1979     MRN: LE-0338172"),
    text("Meter: Contour Next One, serial 7HN-226041   Units: mg/dL   Target 80-130"),
    text("Insulin: glargine 22 units at 21:00; lispro by scale with meals"),
    [],
    text("Date   Fasting  Post-bkfst  Pre-lunch  Post-lunch  Pre-dinner  Bedtime  Lispro"),
    text("11/18    142       188         121        176         134        162     4/6/5"),
    text("11/19    131       172         109        203         127        149     4/7/5"),
    text("11/20    118       165          64*       158         141        155     4/5/6"),
    text("11/21    127       191         115        184         122        170     4/6/6"),
    text("11/22    109       154         102        149         118        138     3/5/5"),
    text("11/23    136       212         128        167         145        181     5/6/6"),
    text("11/24    114       159          97        142         113        133     3/5/4"),
    [],
    text("* 11/20 11:40 felt shaky and sweaty, took 15 g glucose tabs, recheck 96 at 11:58."),
    text("Missed bedtime glargine on 11/22 (fell asleep), took it at 02:10 instead."),
    text("Questions for Dr. Lindqvist: lower breakfast lispro? new sensor prescription?"),
], ["LE-0338172", "Mokoena-Reyes", "7HN-226041", "glargine", "lispro", "Lindqvist",
    "555-613-2290"], phrase="took 15 g glucose tabs")

RATE_QUOTE = LayoutDoc("rate_quote", "Helvetica-Narrow", 10, [
    cols((72, "PRAIRIE CROSSING FREIGHT LINES"), (380, "LTL RATE QUOTE")),
    cols((72, "2260 Depot Road, Grand Island NE 68801"), (380, "Quote: PQ-88130-26")),
    cols((72, "Pricing desk 555-402-7710"), (380, "Valid through 12/31/2026")),
    [],
    cols((72, "Account: Vasquez-Obi Hardware, acct 410-22687"), (380, "Tariff: PCFL-500")),
    cols((72, "Origin: Lincoln NE 68508"), (380, "Destination: Boise ID 83709")),
    [],
    cols((72, "Pcs"), (110, "Description"), (270, "NMFC"), (340, "Class"), (390, "Lbs"),
         (440, "Rate/cwt"), (505, "Charge")),
    cols((72, "4"), (110, "Steel shelving, KD"), (270, "154590-3"), (340, "85"),
         (390, "1,860"), (440, "48.72"), (505, "906.19")),
    cols((72, "2"), (110, "Hand trucks, boxed"), (270, "74340-2"), (340, "100"),
         (390, "410"), (440, "61.05"), (505, "250.31")),
    cols((72, "1"), (110, "Fasteners in cartons"), (270, "51300"), (340, "60"),
         (390, "740"), (440, "39.88"), (505, "295.11")),
    [],
    cols((72, "Gross charges"), (505, "1,451.61")),
    cols((72, "Discount 68%"), (505, "-987.09")),
    cols((72, "Fuel surcharge 31.4%"), (505, "145.86")),
    cols((72, "Liftgate at delivery, residential"), (505, "112.00")),
    cols((72, "Total quoted"), (505, "722.38")),
    [],
    text("Transit 4 business days. Reweigh and inspection may change the class. Quoted by"),
    text("Marguerite Okonkwo-Lindahl; reference PQ-88130-26 on the bill of lading."),
], ["PQ-88130-26", "410-22687", "154590-3", "Vasquez-Obi", "Okonkwo-Lindahl", "722.38",
    "surcharge"], phrase="Liftgate at delivery, residential")

CERTIFICATE = LayoutDoc("certificate_of_analysis", "Times-Roman", 10.5, [
    cols((72, "Hallström Fine Chemicals GmbH"), (360, "CERTIFICATE OF ANALYSIS")),
    cols((72, "Industriestraße 40, 67059 Ludwigshafen"), (360, "CoA No. CA-2026-11-0457")),
    [],
    cols((72, "Product: Magnesium stearate, vegetable"), (360, "Grade: USP/NF, Ph. Eur.")),
    cols((72, "Lot: MGS-2611-083"), (360, "CAS: 557-04-0")),
    cols((72, "Manufactured: 11/09/2026"), (360, "Retest date: 11/2029")),
    [],
    cols((72, "Test"), (230, "Method"), (350, "Specification"), (470, "Result")),
    cols((72, "Identification A, B"), (230, "USP <197K>"), (350, "conforms"),
         (470, "conforms")),
    cols((72, "Loss on drying"), (230, "USP <731>"), (350, "NMT 6.0%"), (470, "3.4%")),
    cols((72, "Magnesium content"), (230, "Ph. Eur. 2.5.11"), (350, "4.0 - 5.0%"),
         (470, "4.6%")),
    cols((72, "Stearic acid in FA"), (230, "GC, SOP QC-114"), (350, "NLT 40.0%"),
         (470, "46.8%")),
    cols((72, "Microbial TAMC"), (230, "Ph. Eur. 2.6.12"), (350, "NMT 10^3 cfu/g"),
         (470, "<10 cfu/g")),
    cols((72, "Nickel"), (230, "ICP-MS"), (350, "NMT 5 ppm"), (470, "0.8 ppm")),
    [],
    text("The lot was tested in accordance with specification SPEC-0931 rev. 7 and meets"),
    text("all requirements. Released by Quality Assurance: Dr. Ingrid Vávrová-Schmitt"),
    text("on 11/21/2026. This certificate is generated electronically and is valid."),
], ["CA-2026-11-0457", "MGS-2611-083", "557-04-0", "SPEC-0931", "Vávrová-Schmitt",
    "Ludwigshafen", "stearate"], phrase="tested in accordance with specification")

INSPECTION = LayoutDoc("inspection_report", "AvantGarde-Book", 8.5, [
    cols((72, "CITY OF MILLBROOK - BUILDING SAFETY DIVISION"), (380, "FIELD INSPECTION REPORT")),
    cols((72, "150 Civic Plaza, Millbrook OR 97399"), (380, "Inspections: 555-730-4100")),
    [],
    cols((72, "Permit: BLD-2026-04417"), (250, "Parcel: 21-06-318-004"), (420, "Date: 12/02/2026")),
    cols((72, "Site: 4718 Alder Creek Lane"), (250, "Owner: Siobhán Ó Briain"),
         (420, "Type: 140 Framing")),
    cols((72, "Contractor: Nakamura & Petrescu Builders, CCB 238811"), (420, "Result: PARTIAL")),
    [],
    cols((72, "Item"), (110, "Code section"), (210, "Correction required")),
    cols((72, "1"), (110, "R602.10.3"),
         (210, "Braced wall panel at garage front lacks hold-downs.")),
    cols((72, "2"), (110, "R502.8.1"),
         (210, "Notched joist over kitchen sink; add sistering.")),
    cols((72, "3"), (110, "R314.3-2"), (210, "Smoke alarm location missing in bedroom 3.")),
    cols((72, "4"), (110, "R302.11"), (210, "Fireblocking at soffit to attic not installed.")),
    [],
    text("Framing approved except items 1 to 4. Do not cover until re-inspected. Call by 3 pm"),
    text("for next-day inspection; re-inspection fee $95.00 applies to type 140-R."),
    cols((72, "Inspector: Dariusz Kowalczyk, #I-0612"), (380, "Copy faxed to contractor")),
], ["BLD-2026-04417", "21-06-318-004", "R602.10.3", "Kowalczyk", "Petrescu", "Fireblocking",
    "$95.00"], phrase="Do not cover until re-inspected")

LAYOUTS_T = [HUOLTORAPORTTI, SKADEMELDING, GLUCOSE_LOG, RATE_QUOTE, CERTIFICATE, INSPECTION]

# --- T.4 coding -------------------------------------------------------------------------

WIDTH = 1728


def _codes(words: str) -> list[str]:
    return words.split()


_WHITE_TERM = _codes(
    "00110101 000111 0111 1000 1011 1100 1110 1111 10011 10100 00111 01000 001000 000011 "
    "110100 110101 101010 101011 0100111 0001100 0001000 0010111 0000011 0000100 0101000 "
    "0101011 0010011 0100100 0011000 00000010 00000011 00011010 00011011 00010010 00010011 "
    "00010100 00010101 00010110 00010111 00101000 00101001 00101010 00101011 00101100 "
    "00101101 00000100 00000101 00001010 00001011 01010010 01010011 01010100 01010101 "
    "00100100 00100101 01011000 01011001 01011010 01011011 01001010 01001011 00110010 "
    "00110011 00110100")
_WHITE_MAKEUP = _codes(
    "11011 10010 010111 0110111 00110110 00110111 01100100 01100101 01101000 01100111 "
    "011001100 011001101 011010010 011010011 011010100 011010101 011010110 011010111 "
    "011011000 011011001 011011010 011011011 010011000 010011001 010011010 011000 "
    "010011011")
_BLACK_TERM = _codes(
    "0000110111 010 11 10 011 0011 0010 00011 000101 000100 0000100 0000101 0000111 "
    "00000100 00000111 000011000 0000010111 0000011000 0000001000 00001100111 00001101000 "
    "00001101100 00000110111 00000101000 00000010111 00000011000 000011001010 000011001011 "
    "000011001100 000011001101 000001101000 000001101001 000001101010 000001101011 "
    "000011010010 000011010011 000011010100 000011010101 000011010110 000011010111 "
    "000001101100 000001101101 000011011010 000011011011 000001010100 000001010101 "
    "000001010110 000001010111 000001100100 000001100101 000001010010 000001010011 "
    "000000100100 000000110111 000000111000 000000100111 000000101000 000001011000 "
    "000001011001 000000101011 000000101100 000001011010 000001100110 000001100111")
_BLACK_MAKEUP = _codes(
    "0000001111 000011001000 000011001001 000001011011 000000110011 000000110100 "
    "000000110101 0000001101100 0000001101101 0000001001010 0000001001011 0000001001100 "
    "0000001001101 0000001110010 0000001110011 0000001110100 0000001110101 0000001110110 "
    "0000001110111 0000001010010 0000001010011 0000001010100 0000001010101 0000001011010 "
    "0000001011011 0000001100100 0000001100101")
# Decoding: code -> (run, terminating).
_DECODE = [
    {**{c: (n, True) for n, c in enumerate(_WHITE_TERM)},
     **{c: (64 * (n + 1), False) for n, c in enumerate(_WHITE_MAKEUP)}},
    {**{c: (n, True) for n, c in enumerate(_BLACK_TERM)},
     **{c: (64 * (n + 1), False) for n, c in enumerate(_BLACK_MAKEUP)}},
]
_MODES = {"0001": "P", "001": "H", "1": 0, "011": 1, "000011": 2, "0000011": 3, "010": -1,
          "000010": -2, "0000010": -3}
_VERTICAL_CODE = {v: c for c, v in _MODES.items() if isinstance(v, int)}
EOL = "000000000001"


def _run_code(run: int, colour: int) -> str:
    term, makeup = (_WHITE_TERM, _WHITE_MAKEUP) if colour == 0 else (_BLACK_TERM, _BLACK_MAKEUP)
    out = []
    while run >= 64:
        chunk = min(run // 64, 27)
        out.append(makeup[chunk - 1])
        run -= 64 * chunk
    out.append(term[run])
    return "".join(out)


def _changes(row: np.ndarray) -> list[int]:
    """Positions where the colour changes, starting from white (0 white, 1 black)."""
    padded = np.concatenate(([0], row.astype(np.int8)))
    return [int(p) for p in np.nonzero(np.diff(padded))[0]]


def _b1b2(ref: list[int], a0: int, colour: int) -> tuple[int, int]:
    """b1: the first change on the reference row right of a0 to the colour opposite a0's."""
    i = bisect_right(ref, a0)
    if i < len(ref) and i % 2 != colour:  # ref[i] is a change to black when i is even
        i += 1
    b1 = ref[i] if i < len(ref) else WIDTH
    b2 = ref[i + 1] if i + 1 < len(ref) else WIDTH
    return b1, b2


def _encode_1d(changes: list[int]) -> str:
    edges = [0, *changes, WIDTH]
    return "".join(_run_code(edges[i + 1] - edges[i], i % 2) for i in range(len(edges) - 1))


def _encode_2d(changes: list[int], ref: list[int]) -> str:
    out = []
    cur = [*changes, WIDTH, WIDTH]
    a0, colour = -1, 0
    while a0 < WIDTH:
        j = bisect_right(cur, a0)
        a1 = cur[j]
        b1, b2 = _b1b2(ref, a0, colour)
        if b2 < a1:
            out.append("0001")
            a0 = b2
        elif abs(a1 - b1) <= 3:
            out.append(_VERTICAL_CODE[a1 - b1])
            a0, colour = a1, 1 - colour
        else:
            a2 = cur[j + 1]
            out.append("001" + _run_code(a1 - max(a0, 0), colour)
                       + _run_code(a2 - a1, 1 - colour))
            a0 = a2
    return "".join(out)


def _encode_page(rows: list[list[int]], k: int, min_bits: int) -> tuple[str, list[int]]:
    """T.4 bit stream of the page (EOL first, fill, EOL per row, RTC) and where each row's
    data begins. ``k`` 0 is MH; otherwise MR with a 1D row every ``k`` rows."""
    parts, starts, pos = [], [], 0
    for index, changes in enumerate(rows):
        one_d = k == 0 or index % k == 0
        eol = EOL + ("" if k == 0 else "1" if one_d else "0")
        parts.append(eol)
        pos += len(eol)
        starts.append(pos)
        data = _encode_1d(changes) if one_d else _encode_2d(changes, rows[index - 1])
        data += "0" * max(0, min_bits - len(data))
        parts.append(data)
        pos += len(data)
    starts.append(pos + (12 if k == 0 else 13))  # as if a row followed RTC's first EOL
    parts.append((EOL + ("" if k == 0 else "1")) * 6)
    return "".join(parts), starts


# --- The receiver: T.4 decoding bit for bit, as spandsp's decoder does ------------------

def _decode_page(bits: str, k: int, starts: list[int], sent: list[list[int]],
                 errors: np.ndarray) -> tuple[list[list[int]], list[bool]]:
    """The rows the receiver writes (as changes) and, for each sent row, whether it was
    written as sent. Rows whose bits and reference are untouched are taken as sent (what a
    bit-for-bit decoding gives them); the rest are decoded bit for bit."""
    n = len(bits)
    tag = k != 0
    written: list[list[int]] = []
    as_sent = [False] * len(sent)
    start_row = {s: i for i, s in enumerate(starts[:-1])}
    last_good: list[int] = []
    ref: list[int] = []

    def clean(row: int) -> bool:
        lo, hi = starts[row], starts[row + 1]
        return int(np.searchsorted(errors, hi) - np.searchsorted(errors, lo)) == 0

    p = bits.find(EOL)
    if p < 0:
        return written, as_sent
    consecutive = 0
    while True:
        # At an EOL at p: read it (and the tag), then a row follows.
        p += 12
        if p > n:
            break
        if tag:
            if p >= n:
                break
            one_d = bits[p] == "1"
            p += 1
        else:
            one_d = True
        row = start_row.get(p)
        if row is not None and starts[row + 1] <= n and clean(row) \
                and (one_d or ref == sent[row - 1]) and one_d == (k == 0 or row % k == 0):
            written.append(sent[row])
            as_sent[row] = True
            last_good = ref = sent[row]
            consecutive = 0
            p = starts[row + 1] - (13 if tag else 12)
            continue
        origin = min(bisect_right(starts, p) - 1, len(sent) - 1)
        # Decode one row bit for bit from p until the next EOL.
        changes: list[int] = []
        a0, colour, pending, in_h = -1, 0, 0, 0
        length_ok = True
        q = p
        eol_at = -1
        while q < n:
            if bits.startswith(EOL, q):
                eol_at = q
                break
            if a0 >= WIDTH and not in_h:
                q += 1
                continue
            if one_d or in_h:
                table = _DECODE[colour]
                for width in range(2, 14):
                    hit = table.get(bits[q:q + width])
                    if hit is not None:
                        break
                else:
                    q += 1  # an unknown code word: skip a bit
                    continue
                run, term = hit
                pending += run
                if term:
                    start = max(a0, 0)
                    a0 = start + pending
                    pending = 0
                    if a0 > WIDTH:
                        length_ok = False
                        a0 = WIDTH
                    if a0 < WIDTH:
                        changes.append(a0)
                    colour = 1 - colour
                    if in_h:
                        in_h -= 1
                span = width
            else:
                for width in range(1, 8):
                    mode = _MODES.get(bits[q:q + width])
                    if mode is not None:
                        break
                else:
                    q += 1
                    continue
                b1, b2 = _b1b2(ref, a0, colour)
                if mode == "P":
                    a0 = b2
                elif mode == "H":
                    in_h = 2
                else:
                    a1 = b1 + mode
                    if a1 > WIDTH or a1 < max(a0, 0):
                        length_ok = False
                        a1 = min(max(a1, max(a0, 0)), WIDTH)
                    a0 = a1
                    if a0 < WIDTH:
                        changes.append(a0)
                    colour = 1 - colour
                span = width
            # An EOL is looked for at every bit, also inside the code word just read.
            inside = bits.find(EOL, q + 1, q + span + 11)
            if 0 <= inside < q + span:
                eol_at = inside
                break
            q += span
        if eol_at < 0:  # the carrier ended mid-row: the partial row is not written
            break
        empty = not changes and a0 < 0 and pending == 0
        if empty:
            consecutive += 1
            if consecutive >= 5:
                break
        else:
            consecutive = 0
            good = length_ok and a0 == WIDTH and not in_h and \
                all(changes[i] < changes[i + 1] for i in range(len(changes) - 1))
            if good:
                written.append(changes)
                last_good = changes
                if changes == sent[origin] and starts[origin] == p:
                    as_sent[origin] = True
            else:
                written.append(last_good)
            ref = sorted(set(c for c in changes if c < WIDTH))
        p = eol_at
    return written, as_sent


# --- The sender and the line ------------------------------------------------------------

RATES = (14400, 12000, 9600, 7200, 4800)


def _scan(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
          rng: np.random.Generator) -> np.ndarray:
    """The sender's image at fax resolution, 1728 pixels wide (True is black)."""
    size = (round(page.width * xdpi / page_dpi), round(page.height * ydpi / page_dpi))
    if rng.random() < 0.4:  # a computer fax: the page sampled by area
        gray = np.asarray(page.resize(size, Image.Resampling.BOX)).astype(np.float32)
        ink = gray < 128
    else:  # a fax machine scanning the printed sheet
        sheet = page.rotate(float(rng.uniform(-0.6, 0.6)), resample=Image.Resampling.BILINEAR,
                            fillcolor=255)
        sheet = sheet.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.3, 0.7))
                                                      * page_dpi / xdpi))
        gray = np.asarray(sheet.resize(size, Image.Resampling.BOX)).astype(np.float32)
        gray += rng.normal(0, 6, gray.shape)
        ink = gray < float(rng.uniform(110, 150))
    out = np.zeros((ink.shape[0], WIDTH), dtype=bool)
    left = (ink.shape[1] - WIDTH) // 2
    if left >= 0:
        out[:] = ink[:, left:left + WIDTH]
    else:
        out[:, -left:-left + ink.shape[1]] = ink
    return out


def _garble(flips: np.ndarray, lo: int, hi: int, share: float, rng: np.random.Generator) -> None:
    lo, hi = max(lo, 0), min(hi, len(flips))
    if hi > lo:
        flips[lo:hi] ^= rng.random(hi - lo) < share


def _decision_bursts(flips: np.ndarray, count: int, lo: int, hi: int, rate: int,
                     rng: np.random.Generator) -> None:
    """Modem decision error bursts: a few wrong symbols; the descrambler (1 + x^-18 + x^-23)
    repeats each wrong bit 18 and 23 bits later."""
    per_symbol = {14400: 6, 12000: 5, 9600: 4, 7200: 3, 4800: 3}[rate]
    for at in rng.integers(lo, max(hi, lo + 1), count):
        span = per_symbol * int(rng.integers(1, 7))
        wrong = np.zeros(span + 23, dtype=bool)
        wrong[:span] = rng.random(span) < 0.5
        wrong[0] = True
        out = wrong.copy()
        out[18:] ^= wrong[:-18]
        out[23:] ^= wrong[:-23]
        end = min(int(at) + len(out), len(flips))
        flips[int(at):end] ^= out[:end - int(at)]


def _transmit(bits: str, rate: int, rng: np.random.Generator,
              events: bool = True) -> tuple[str, np.ndarray]:
    """The bits as the receiver's modem gives them, cut short if the carrier was lost, and
    the positions of the wrong bits."""
    n = len(bits)
    seconds = n / rate
    flips = np.zeros(n, dtype=bool)
    end = n
    background = float(np.exp(rng.uniform(np.log(0.04), np.log(0.6))))  # bursts a second
    _decision_bursts(flips, int(rng.poisson(background * seconds)), 0, n, rate, rng)
    if events:
        if rng.random() < 0.12:  # a call-waiting tone (repeated ten seconds later)
            at = rng.uniform(0, seconds)
            while at < seconds:
                lost = 0.3 + rng.uniform(0.05, 0.6)  # the tone, then the receiver recovering
                _garble(flips, int(at * rate), int((at + lost) * rate), 0.5, rng)
                if rng.random() < 0.3:  # the receiver drops the carrier: the page ends
                    end = min(end, int((at + 0.3) * rate))
                    break
                at += 10.0
        if rng.random() < 0.07:  # an extension lifted, later hung up
            on = rng.uniform(0, seconds)
            off = on + rng.uniform(2, 20)
            for click in (on, off):
                if click < seconds:
                    _garble(flips, int(click * rate), int((click + 0.02) * rate), 0.5, rng)
            hurt = rng.uniform(0.3, 2.5) * (rate / 14400) ** 2
            lo, hi = int(on * rate), min(int(off * rate), n)
            if hi > lo:
                _decision_bursts(flips, int(rng.poisson(hurt * (hi - lo) / rate)), lo, hi,
                                 rate, rng)
        if rng.random() < 0.08:  # metering pulses leaking past the line interface
            period = rng.uniform(6, 60)
            at = rng.uniform(0, period)
            while at < seconds:
                _garble(flips, int(at * rate), int((at + rng.uniform(0.02, 0.15)) * rate),
                        float(rng.uniform(0.05, 0.3)), rng)
                at += period
    flipped = np.frombuffer(bits.encode("ascii"), dtype=np.uint8) ^ flips[:n].astype(np.uint8)
    received = flipped[:end].tobytes().decode("ascii")
    return received, np.nonzero(flips[:end])[0]


def _receive(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
             seed: int) -> tuple[np.ndarray, float]:
    rng = np.random.default_rng(seed)
    ink = _scan(page, page_dpi, xdpi, ydpi, rng)
    sent = [_changes(row) for row in ink]
    k = 0 if rng.random() < 0.5 else (4 if ydpi > 150 else 2)
    rate = RATES[int(rng.choice(5, p=(0.45, 0.1, 0.3, 0.1, 0.05)))]
    mslt = float(rng.choice((0.0, 0.010, 0.020), p=(0.5, 0.3, 0.2)))
    bits, starts = _encode_page(sent, k, int(rate * mslt))
    received, errors = _transmit(bits, rate, rng)
    if len(received) < len(bits) and rng.random() < 0.6:  # RTN, and the page sent again
        rate = RATES[min(RATES.index(rate) + 1, len(RATES) - 1)]
        bits, starts = _encode_page(sent, k, int(rate * mslt))
        received, errors = _transmit(bits, rate, rng, events=False)
    written, as_sent = _decode_page(received, k, starts, sent, errors)
    image = np.zeros((max(len(written), 1), WIDTH), dtype=bool)
    for y, changes in enumerate(written):
        edges = [*changes, WIDTH]
        for i in range(0, len(edges) - 1, 2):
            image[y, edges[i]:edges[i + 1]] = True
    return image, 1.0 - sum(as_sent) / len(sent)


def non_ecm_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                seed: int) -> Image.Image:
    """The page as a receiver writes it after a non-ECM call (see the module docstring)."""
    image, _ = _receive(page, page_dpi, xdpi, ydpi, seed)
    return Image.fromarray(np.where(image, 0, 255).astype(np.uint8)).convert("1")


def lines_not_as_sent(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                      seed: int) -> float:
    """The share of the page's sent scan lines that no written line equals."""
    return _receive(page, page_dpi, xdpi, ydpi, seed)[1]


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    return render_layout_page(root, doc, resolution, condition, seed, "layout-t",
                              {"non-ECM": non_ecm_fax})
