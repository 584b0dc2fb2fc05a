"""Layout set "v": six one-page business documents and a non-ECM fax reception model.

Documents (``LAYOUTS_V``), letter pages laid out as tests/ocr_layouts.py lays them out, in
Latin-1 (as tests/ocr_layouts_f.py's ``render_layout_page`` renders them):

- ``container_release``: an ocean carrier's delivery order releasing import containers to a
  trucker: release, bill of lading and entry numbers, the vessel's IMO number (check digit
  right), a table of ISO 6346 container numbers (check digits right) with sizes, seals,
  weights and holds, free time and demurrage; Helvetica 9 pt.
- ``field_safety_notice``: an infusion pump maker's urgent field safety notice to a
  hospital's biomedical engineering department: notice and customer numbers, a table of GS1
  device identifiers (check digits right), serial numbers, software versions and locations,
  the action and reply date; Times-Roman 11 pt.
- ``loenseddel``: a Danish payslip (lønseddel): CVR and CPR numbers (modulus 11 right), a
  table of pay, overtime, pension, ATP, AM-bidrag and A-skat in kroner with Danish separators,
  the bank account and its IBAN (check digits right), holiday accrual; Palatino-Roman 10 pt.
- ``dea_order``: a pharmacy's order for Schedule II drugs on an official order form (a DEA
  Form 222 copy) to a distributor: form number, the two registrations' DEA numbers (check
  digits right), a table of packages, sizes, items and NDC numbers; Courier 9 pt.
- ``baggage_report``: an airline's property irregularity report for delayed bags: file
  reference, flights, a table of ten-digit bag tags with type, colour and brand, contents,
  a delivery address and an interim expense allowance; AvantGarde-Book 9.5 pt.
- ``dg_declaration``: a shipper's declaration for dangerous goods by air to a Lisbon
  institute (Portuguese accents): an air waybill number (its mod 7 check digit right), a table
  of UN numbers, proper shipping names, classes, packing groups, quantities and packing
  instructions, an emergency number and the signatory; Helvetica-Narrow 8.5 pt.

Conditions (``CONDITIONS``): "clean" (Ghostscript's fax device) and "non-ECM"
(``non_ecm_fax``, the model below: the page as a fax server stores it after a call without
error correction that reached it through a consumer VoIP adapter), at 204x98 and 204x196. A
page is fixed by its seed and resolution (the two resolutions are two calls).
``lines_not_as_sent`` gives the share of the sender's scan lines that the server did not
write as sent: a line counts as sent if the server found the EOL that begins it, at the place
it was sent, and wrote from the data after it the line pel for pel (a bad line replaced by a
good line that happens to be the same counts as sent).

Provenance: written on 2026-12-06 by an author who had read nothing under ocr/, no OCR
reading of any page, and who ran no OCR on these pages. Of this repository it read
tests/ocr_layouts.py; in tests/ocr_layouts_f.py its imports and ``render_layout_page``,
``_ps_string``, ``postscript`` and ``_gs``; in benchmarks/ocr_quality.py the docstring's
entries for layouts-f to layouts-u (to repeat neither a kind of page nor a damage emphasis),
``LATER_LAYOUT_SETS`` and the lines that load a later set's module (and, in a diff, the
three docstring lines after layouts-u's entry); in
tests/ocr_layouts_u.py its import lines, the signatures of ``non_ecm_fax`` and
``lines_not_as_sent``, its ``make_layout_page`` and its module docstring, whose Provenance
and Model paragraphs (set u's damage model, in words) it read by mistake beyond the
paragraph it meant to stop at. Public sources: ITU-T T.4 (the MH and MR code tables, EOL,
fill, RTC, K) and T.30 (non-ECM page transfer, RTN); the V.17/V.29 scrambler polynomial
1 + x^-18 + x^-23 and V.27 ter's 1 + x^-6 + x^-7; ITU-T G.711 Appendix I's packet loss
concealment as described in public write-ups (the last pitch period repeated, attenuated
after 10 ms, silent after 60 ms); V.152 (voiceband data mode: fixed playout, no concealment);
HylaFAX's cqtest(8) and hylafax-config(5) manual pages (bad scan lines replaced, a line good
only if it decodes to the expected width, PercentGoodLines 95, MaxConsecutiveBadLines 5).
The coder was checked with libtiff's fax2tiff, which decodes its MH and MR pages pel for
pel as sent. The network figures (jitter spikes, buffer depths, how often) are the author's
estimates.

Model (``non_ecm_fax``), with an emphasis none of sets f-u had: the receiving side's VoIP
adapter (an ATA behind a home or small-office router) and its jitter buffer. The sender is
a computer fax (area average, mid-grey threshold) or, 55% of the time, a fax machine's
sheet feeder whose speed wobbles (rows 0.3-1.5% too close or too far apart, in a slow
cycle) and, on a third of them, with dust on the scanning glass (a thin dark line down the
page); it codes the page MH (35%) or MR with K = 2 at 98 and 4 at 196 lines an inch, bit for
bit, with fill to a minimum line time of 0, 5, 10 or 20 ms, EOL before every line and RTC.
The call reaches the server as G.711 through the adapter, packets of 20 ms (or 10), on a
wired (50%), busy (35%) or Wi-Fi (15%) home network: congestion episodes of 0.1-1.5 s, from
one every few minutes to one every few seconds, bring delay spikes (1-4 a second, 15 ms to
0.4 s, most under 50 ms); the modems run at 14400 (55%), 12000, 9600 (27%), 7200 or 4800
bit/s. Half the adapters see the fax tones and switch to voiceband data (a fixed 60-100 ms
playout buffer, no concealment: a late packet is dropped and plays as silence); the rest stay
in voice mode
with an adaptive buffer (40-80 ms) and G.711 Appendix I concealment: an under-run plays a
repeated waveform (garbage to the modem) and then the late audio after it, so the modem
receives extra symbols; calm seconds later the buffer drains again by discarding a packet,
so symbols go missing. Either way the receiving modem's decisions are garbage for the gap and
recover over 5-40 ms (the equaliser and carrier phase retracking, longer after a timing
jump); silence longer than about 40 ms may drop the modem's carrier, which ends the page
there. Isolated packet loss and a low rate of decision errors (Viterbi error events for V.17)
add the rest; each error leaves the self-synchronising descrambler as three. The server
decodes the bits as HylaFAX's copy-quality check does: an EOL sought at every bit, a line
good only if it decodes to exactly 1728 pels followed by fill, a bad line written as a copy of
the last good line (which then serves as the MR reference), RTC ending the page; a page
under 95% good lines or with more than 5 consecutive bad ones gets RTN, and 60% of senders
send it once more on the same network (the second copy kept), the rest go on (the first
kept). Lines not as sent, on seeds 3, 4, 5, 7 and 11 (six documents, two resolutions each):
per seed, the median (and the largest) of its twelve pages: 3: 0.05% (0.19%); 4: 0.00%
(0.46%); 5: 0.02% (1.11%); 7: 0.05% (55.06%: the carrier dropped below the last text line,
so the blank rest of the page never came); 11: 0.00% (0.28%). All sixty: median 0, mean
1.05%, 90th percentile 0.48%, largest 55.06%; 53% of the pages have no line changed. On seeds
20-44 (300 pages): median 0, mean 2.01%, 90th percentile 0.70%, largest 87.64%; 20 pages over
1%, 9 over 5% (most of them cut short by a dropped carrier); 56% with no line changed.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np
from PIL import Image

from tests.ocr_layouts import LayoutDoc, cols, text
from tests.ocr_layouts_f import render_layout_page

LAYOUTS_V = [
    LayoutDoc("container_release", "Helvetica", 9, [
        cols((72, "HARBORLINE CONTAINER LINES"), (360, "DELIVERY ORDER / CONTAINER RELEASE")),
        cols((72, "Release No. DO-26-118403"), (360, "Issued: 12/02/2026 14:20")),
        cols((72, "Vessel: MV Coral Estuary, IMO 9304174"), (360, "Voyage: 047E")),
        cols((72, "Bill of lading: HCLU26OAK55871"), (360, "Port of discharge: Oakland")),
        cols((72, "Consignee: Vandermolen Tile Imports"), (360, "Customs entry: 8KT-0419762")),
        cols((72, "Trucker: Ruiz-Okonjo Drayage (SCAC RODY)"), (360, "Terminal: Berth 57")),
        [],
        cols((72, "Container"), (150, "Size"), (190, "Seal"), (260, "Gross kg"),
             (315, "Pkgs"), (355, "Hold"), (420, "Status")),
        cols((72, "HLXU4128706"), (150, "40HC"), (190, "HL2281904"), (260, "24,310"),
             (315, "1,120"), (355, "none"), (420, "RELEASED")),
        cols((72, "TGHU6381529"), (150, "40HC"), (190, "HL2281911"), (260, "23,875"),
             (315, "1,096"), (355, "none"), (420, "RELEASED")),
        cols((72, "CAIU9057312"), (150, "20GP"), (190, "HL2281927"), (260, "19,460"),
             (315, "640"), (355, "CET exam"), (420, "ON HOLD")),
        cols((72, "HLBU2188442"), (150, "40GP"), (190, "HL2281935"), (260, "22,105"),
             (315, "1,008"), (355, "none"), (420, "RELEASED")),
        cols((72, "TCNU7714068"), (150, "40HC"), (190, "HL2281942"), (260, "25,980"),
             (315, "1,152"), (355, "USDA"), (420, "ON HOLD")),
        [],
        cols((72, "Free time ends: 12/09/2026"), (360, "Pickup number: PK-773190")),
        text("Demurrage after free time: USD 185.00 per container per day."),
        text("Return empties to Berth 24 within 4 days of pickup; chassis pool DCLI."),
        text("Containers on hold may not leave the terminal until the hold is lifted."),
    ], ["DO-26-118403", "9304174", "HCLU26OAK55871", "Vandermolen", "HLXU4128706",
        "CAIU9057312", "TCNU7714068", "HL2281935", "12/09/2026", "185.00"],
        phrase="Return empties to Berth 24"),
    LayoutDoc("field_safety_notice", "Times-Roman", 11, [
        cols((72, "URGENT FIELD SAFETY NOTICE"), (360, "FSN-2026-0317")),
        cols((72, "Halvorsen Infusion Systems, Inc."), (360, "Customer No. 55081-HS")),
        cols((72, "To: Biomedical Engineering"), (360, "Date: 12/01/2026")),
        text("St. Brendan Regional Medical Center, 2200 Larchmont Avenue"),
        text("Product: Lumora 3 volumetric infusion pump, model LV-300"),
        text("Issue: a cracked door latch may allow free flow when the set is removed."),
        [],
        cols((72, "Device identifier"), (215, "Serial"), (320, "Software"), (400, "Location")),
        cols((72, "(01)00884421207312"), (215, "LV3-A2240117"), (320, "4.2.1"),
             (400, "ICU 4 West")),
        cols((72, "(01)00884421207312"), (215, "LV3-A2240388"), (320, "4.2.1"),
             (400, "ICU 4 West")),
        cols((72, "(01)00884421207480"), (215, "LV3-B2311052"), (320, "4.3.0"),
             (400, "Oncology")),
        cols((72, "(01)00884421311576"), (215, "LV3-C2402219"), (320, "4.3.0"),
             (400, "Pediatrics")),
        [],
        text("Action: inspect each latch before use and remove cracked pumps from service."),
        text("Return the acknowledgment form by 12/15/2026, even if no pumps are affected."),
        text("Field action desk: 1-800-555-0147, reference FSN-2026-0317."),
    ], ["FSN-2026-0317", "Halvorsen", "55081-HS", "LV-300", "00884421207312",
        "LV3-B2311052", "00884421311576", "12/15/2026"],
        phrase="cracked door latch may allow free flow"),
    LayoutDoc("loenseddel", "Palatino-Roman", 10, [
        cols((72, "LØNSEDDEL"), (330, "Lønperiode 01.11.2026 - 30.11.2026")),
        cols((72, "Skovgaard & Bøgh ApS"), (330, "CVR-nr. 35192778")),
        cols((72, "Søren Æbeltoft Kjærgård"), (330, "CPR-nr. 140387-1237")),
        cols((72, "Ågade 14, 2. th., 8000 Aarhus C"), (330, "Medarbejdernr. 4471")),
        cols((72, "Stilling: lagerforvalter"), (330, "Udbetalingsdag 30.11.2026")),
        [],
        cols((72, "Tekst"), (260, "Antal"), (330, "Sats"), (420, "Beløb kr.")),
        cols((72, "Månedsløn"), (420, "32.450,00")),
        cols((72, "Overtid 50 %"), (260, "6,50"), (330, "312,40"), (420, "2.030,60")),
        cols((72, "Pension, egen andel 4 %"), (420, "-1.298,00")),
        cols((72, "ATP-bidrag"), (420, "-99,00")),
        cols((72, "AM-grundlag"), (420, "33.083,60")),
        cols((72, "AM-bidrag 8 %"), (420, "-2.646,69")),
        cols((72, "A-skat 37 % (fradrag 4.850,00)"), (420, "-9.467,16")),
        cols((72, "Til udbetaling"), (420, "20.969,75")),
        [],
        text("Overføres til reg.nr. 5370 konto 0001947326 (IBAN DK6053700001947326)."),
        text("Optjent ferie i perioden: 2,08 dage. Feriesaldo: 18,72 dage."),
        text("Spørgsmål om lønnen rettes til lønkontoret på telefon 86 12 44 90."),
    ], ["LØNSEDDEL", "35192778", "Kjærgård", "140387-1237", "Ågade", "32.450,00",
        "-2.646,69", "-9.467,16", "20.969,75", "DK6053700001947326"],
        phrase="Spørgsmål om lønnen rettes til lønkontoret"),
    LayoutDoc("dea_order", "Courier", 9, [
        text("U.S. OFFICIAL ORDER FORM - SCHEDULES I & II (DEA FORM-222 COPY)"),
        cols((72, "Order form No. 261847503"), (330, "Date issued: 11/18/2026")),
        cols((72, "To: Westbrook Drug Distributors"), (330, "Supplier DEA: PW5309287")),
        text("1900 Commerce Parkway, Lebanon, TN 37090"),
        cols((72, "From: Kowalczyk Family Pharmacy"), (330, "Registrant DEA: BK4826179")),
        text("418 Main Street, Coshocton, OH 43812   Schedules 2,2N,3,3N,4,5"),
        [],
        cols((72, "Ln"), (95, "Pkgs"), (130, "Size"), (170, "Name of item"), (400, "NDC")),
        cols((72, "1"), (95, "2"), (130, "100"), (170, "Oxycodone HCl 5 mg tab"),
             (400, "61729-0442-01")),
        cols((72, "2"), (95, "1"), (130, "100"), (170, "Hydromorphone HCl 2 mg tab"),
             (400, "61729-0871-01")),
        cols((72, "3"), (95, "3"), (130, "5"), (170, "Fentanyl 25 mcg/h patch"),
             (400, "58812-0125-05")),
        cols((72, "4"), (95, "1"), (130, "100"), (170, "Methylphenidate ER 36 mg tab"),
             (400, "44207-0363-10")),
        cols((72, "5"), (95, "2"), (130, "30"), (170, "Morphine sulfate ER 15 mg tab"),
             (400, "61729-0615-30")),
        [],
        cols((72, "Last line completed: 5"), (330, "Date ordered: 12/03/2026")),
        text("Signed: Agnieszka Kowalczyk, RPh, attorney-in-fact"),
        text("Supplier: record packages shipped and date on copy 1; keep for 2 years."),
    ], ["261847503", "PW5309287", "BK4826179", "Kowalczyk", "Hydromorphone",
        "61729-0442-01", "58812-0125-05", "44207-0363-10", "12/03/2026"],
        phrase="Methylphenidate ER 36 mg tab"),
    LayoutDoc("baggage_report", "AvantGarde-Book", 9.5, [
        text("PROPERTY IRREGULARITY REPORT - DELAYED BAGGAGE"),
        cols((72, "File reference: DENNK48271"), (340, "Date: 12/04/2026")),
        cols((72, "Passenger: Thandiwe Abernathy-Lindqvist"), (340, "Phone: 555-302-7718")),
        text("Itinerary: NK 1142 LGA-ORD 12/03, NK 318 ORD-DEN 12/04"),
        [],
        cols((72, "Bag tag"), (160, "Type"), (260, "Colour"), (340, "Brand")),
        cols((72, "0487219904"), (160, "Upright, wheels"), (260, "Navy blue"), (340, "Samsonite")),
        cols((72, "0487219905"), (160, "Duffel, soft"), (260, "Olive green"), (340, "Patagonia")),
        cols((72, "0487220617"), (160, "Ski bag"), (260, "Black/red"), (340, "Dakine")),
        [],
        text("Contents: wool coat, insulin cooler (empty), skis 177 cm, boots size 26.5"),
        text("Deliver to: Hotel Valbonne, 1630 Welton Street, Denver, CO 80202"),
        text("Interim expenses up to USD 50.00 per day for 5 days; keep all receipts."),
        text("Agent: M. Szczepaniak   Trace with WorldTracer under DENNK48271."),
    ], ["DENNK48271", "Abernathy-Lindqvist", "555-302-7718", "0487219904", "0487220617",
        "Samsonite", "Valbonne", "50.00"],
        phrase="Hotel Valbonne, 1630 Welton Street"),
    LayoutDoc("dg_declaration", "Helvetica-Narrow", 8.5, [
        text("SHIPPER'S DECLARATION FOR DANGEROUS GOODS"),
        cols((72, "Shipper: Larkspur Diagnostics Inc., 48 Wicket Road, Columbus, OH 43215"),
             (380, "Air Waybill No. 020-52184366")),
        cols((72, "Consignee: Instituto Nacional de Saúde Doutor Ricardo Jorge"),
             (380, "Page 1 of 1 pages")),
        text("Avenida Padre Cruz, 1649-016 Lisboa, Portugal   Attn: Laboratório de Referência"),
        cols((72, "Airport of departure: CMH"), (380, "Airport of destination: LIS")),
        text("This shipment is within the limitations prescribed for: CARGO AIRCRAFT ONLY"),
        [],
        cols((72, "UN No."), (115, "Proper shipping name"), (265, "Class"), (300, "PG"),
             (325, "Quantity and type of packing"), (480, "PI")),
        cols((72, "UN1845"), (115, "Dry ice"), (265, "9"), (300, "-"),
             (325, "2 fibreboard boxes x 12 kg"), (480, "954")),
        cols((72, "UN1170"), (115, "Ethanol solution"), (265, "3"), (300, "II"),
             (325, "1 plastic jerrican x 5 L"), (480, "364")),
        cols((72, "UN1266"), (115, "Perfumery products"), (265, "3"), (300, "III"),
             (325, "4 glass bottles x 0.5 L"), (480, "366")),
        cols((72, "UN3316"), (115, "Chemical kit"), (265, "9"), (300, "II"),
             (325, "1 fibreboard box x 2.4 kg"), (480, "960")),
        [],
        text("Emergency telephone: +1 614-555-0193 (24 hours), contract ERC-77310"),
        text("I hereby declare that the contents of this consignment are fully and accurately"),
        text("described above by the proper shipping name, and are classified, packaged"
             " and marked."),
        cols((72, "Signatory: Oyelaran Fitzgibbon, Dangerous Goods Coordinator"),
             (380, "Columbus, OH, 12/05/2026")),
    ], ["020-52184366", "Larkspur", "Saúde", "Laboratório", "UN1845", "UN1170",
        "UN3316", "ERC-77310", "Fitzgibbon"],
        phrase="fully and accurately"),
]

CONDITIONS = ("clean", "non-ECM")

WIDTH = 1728  # pels on a scan line at 204 dpi (T.4's 215 mm)



def _codes(table: str) -> list[str]:
    return table.split()


# T.4 code tables: terminating codes (runs 0-63) and make-up codes (64-1728).
_WHITE_TERM = _codes("""00110101 000111 0111 1000 1011 1100 1110 1111 10011 10100 00111 01000 001000
    000011 110100 110101 101010 101011 0100111 0001100 0001000 0010111 0000011 0000100
    0101000 0101011 0010011 0100100 0011000 00000010 00000011 00011010 00011011 00010010
    00010011 00010100 00010101 00010110 00010111 00101000 00101001 00101010 00101011
    00101100 00101101 00000100 00000101 00001010 00001011 01010010 01010011 01010100
    01010101 00100100 00100101 01011000 01011001 01011010 01011011 01001010 01001011
    00110010 00110011 00110100""")
_WHITE_MAKEUP = _codes("""11011 10010 010111 0110111 00110110 00110111 01100100 01100101 01101000
    01100111 011001100 011001101 011010010 011010011 011010100 011010101 011010110
    011010111 011011000 011011001 011011010 011011011 010011000 010011001 010011010
    011000 010011011""")
_BLACK_TERM = _codes("""0000110111 010 11 10 011 0011 0010 00011 000101 000100 0000100 0000101
    0000111 00000100 00000111 000011000 0000010111 0000011000 0000001000 00001100111
    00001101000 00001101100 00000110111 00000101000 00000010111 00000011000 000011001010
    000011001011 000011001100 000011001101 000001101000 000001101001 000001101010
    000001101011 000011010010 000011010011 000011010100 000011010101 000011010110
    000011010111 000001101100 000001101101 000011011010 000011011011 000001010100
    000001010101 000001010110 000001010111 000001100100 000001100101 000001010010
    000001010011 000000100100 000000110111 000000111000 000000100111 000000101000
    000001011000 000001011001 000000101011 000000101100 000001011010 000001100110
    000001100111""")
_BLACK_MAKEUP = _codes("""0000001111 000011001000 000011001001 000001011011 000000110011
    000000110100 000000110101 0000001101100 0000001101101 0000001001010 0000001001011 0000001001100
    0000001001101 0000001110010 0000001110011 0000001110100 0000001110101 0000001110110
    0000001110111 0000001010010 0000001010011 0000001010100 0000001010101 0000001011010
    0000001011011 0000001100100 0000001100101""")
# Two-dimensional modes: pass, horizontal, vertical a1 - b1 = -3..3.
_MODES = {"0001": "P", "001": "H", "0000010": -3, "000010": -2, "010": -1, "1": 0,
          "011": 1, "000011": 2, "0000011": 3}
_MODE_CODE = {mode: code for code, mode in _MODES.items()}
EOL = "000000000001"


def _table(term: list[str], makeup: list[str]) -> dict[str, int]:
    table = {code: run for run, code in enumerate(term)}
    table.update({code: 64 * (i + 1) for i, code in enumerate(makeup)})
    return table


_DECODE = (_table(_WHITE_TERM, _WHITE_MAKEUP), _table(_BLACK_TERM, _BLACK_MAKEUP))
_ENCODE = tuple({run: code for code, run in table.items()} for table in _DECODE)


def _run_code(color: int, run: int) -> str:
    codes = _ENCODE[color]
    return (codes[run // 64 * 64] if run >= 64 else "") + codes[run % 64]


def _changes(row: np.ndarray) -> tuple[int, ...]:
    """Positions where a row (True: black) changes colour, white before the first pel."""
    padded = np.concatenate(([False], row))
    return tuple(int(i) for i in np.nonzero(padded[1:] != padded[:-1])[0])


def _b1b2(ref: list[int], a0: int, color: int) -> tuple[int, int]:
    """b1 (the reference line's first change after a0 to the other colour) and b2."""
    i = bisect_right(ref, a0)
    if i % 2 != color:
        i += 1
    return ref[i], ref[i + 1]


def _code_1d(changes: tuple[int, ...]) -> str:
    edges = [0, *changes, WIDTH]
    return "".join(_run_code(i % 2, b - a) for i, (a, b) in enumerate(pairwise(edges)))


def _code_2d(changes: tuple[int, ...], reference: tuple[int, ...]) -> str:
    cur, ref = [*changes, WIDTH, WIDTH], [*reference, WIDTH, WIDTH, WIDTH]
    out, a0, color = [], -1, 0
    while a0 < WIDTH:
        i = bisect_right(cur, a0)
        a1, a2 = cur[i], cur[i + 1]
        b1, b2 = _b1b2(ref, a0, color)
        if b2 < a1:
            out.append(_MODE_CODE["P"])
            a0 = b2
        elif abs(a1 - b1) <= 3:
            out.append(_MODE_CODE[a1 - b1])
            a0, color = a1, 1 - color
        else:
            out.append(_MODE_CODE["H"] + _run_code(color, a1 - max(a0, 0))
                       + _run_code(1 - color, a2 - a1))
            a0 = a2
    return "".join(out)


def encode_page(rows: list[tuple[int, ...]], k: int, fill_bits: int) -> tuple[str, list[int]]:
    """T.4 bits for a page: EOL (with the MR tag bit if ``k``) before every line, fill after
    a line so that it and its EOL take ``fill_bits`` at least, RTC. Also the place of the 1
    that ends each line's EOL."""
    parts, eol_ones, pos, previous = [], [], 0, ()
    for n, row in enumerate(rows):
        one_d = not k or n % k == 0
        data = _code_1d(row) if one_d else _code_2d(row, previous)
        head = EOL + ("" if not k else "1" if one_d else "0")
        fill = "0" * max(0, fill_bits - len(data) - len(head))
        eol_ones.append(pos + len(EOL) - 1)
        parts += [head, data, fill]
        pos += len(head) + len(data) + len(fill)
        previous = row
    parts.append((EOL + ("1" if k else "")) * 6)
    return "".join(parts), eol_ones


class _Bits:
    __slots__ = ("bits", "end", "pos")

    def __init__(self, bits: str, pos: int, end: int) -> None:
        self.bits, self.pos, self.end = bits, pos, end

    def code(self, table: dict[str, int | str]) -> int | str | None:
        for length in range(1, 14):
            if self.pos + length > self.end:
                return None
            value = table.get(self.bits[self.pos:self.pos + length])
            if value is not None:
                self.pos += length
                return value
        return None

    def run(self, color: int) -> int | None:
        total = 0
        while True:
            value = self.code(_DECODE[color])
            if value is None:
                return None
            total += value
            if value < 64:
                return total


def _decode_1d(reader: _Bits) -> tuple[int, ...] | None:
    changes, at, color = [], 0, 0
    while at < WIDTH:
        run = reader.run(color)
        if run is None or at + run > WIDTH:
            return None
        at += run
        if at < WIDTH:
            changes.append(at)
        color = 1 - color
    # Changes land on distinct pels only when no run (but the first) is empty.
    if any(b <= a for a, b in pairwise(changes)):
        return None
    return tuple(changes)


def _decode_2d(reader: _Bits, reference: tuple[int, ...]) -> tuple[int, ...] | None:
    ref = [*reference, WIDTH, WIDTH, WIDTH]
    changes, a0, color = [], -1, 0
    while a0 < WIDTH:
        mode = reader.code(_MODES)
        if mode is None:
            return None
        b1, b2 = _b1b2(ref, a0, color)
        if mode == "P":
            if b2 >= WIDTH:
                return None
            a0 = b2
        elif mode == "H":
            first = reader.run(color)
            second = None if first is None else reader.run(1 - color)
            if second is None:
                return None
            a1 = max(a0, 0) + first
            a2 = a1 + second
            if a2 > WIDTH or (a0 >= 0 and first == 0) or (second == 0 and a2 < WIDTH):
                return None
            changes += [c for c in (a1, a2) if c < WIDTH]
            a0 = a2
        else:
            a1 = b1 + mode
            if a1 <= a0 or a1 > WIDTH:
                return None
            if a1 < WIDTH:
                changes.append(a1)
            a0, color = a1, 1 - color
    if any(b <= a for a, b in pairwise(changes)):
        return None
    return tuple(changes)


@dataclass
class _Received:
    rows: list[tuple[int, ...]]
    starts: list[int]  # where, in the received bits, the EOL before each written row ends
    good: list[bool]


def decode_page(bits: str, k: bool) -> _Received:
    """The server's decoding: an EOL sought at every bit; a line good only at exactly the
    width followed by fill; a bad line written as the last good one (the reference after);
    five empty lines in a row (RTC) end the page, as does the end of the bits."""
    ones = [m.end() - 1 for m in re.finditer("0{11,}1", bits)]
    out = _Received([], [], [])
    last_good: tuple[int, ...] = ()
    reference: tuple[int, ...] = ()
    empty = 0
    for one, following in pairwise(ones):
        start = one + (2 if k else 1)
        if "1" not in bits[start:following]:
            empty += 1
            if empty >= 5:
                break
            continue
        empty = 0
        reader = _Bits(bits, start, following)
        if k and one + 1 < len(bits) and bits[one + 1] == "0":
            row = _decode_2d(reader, reference)
        else:
            row = _decode_1d(reader)
        if row is not None and ("1" in bits[reader.pos:following]
                                or following - reader.pos < 11):
            row = None
        good = row is not None
        if good:
            last_good = row
        else:
            row = last_good
        reference = row
        out.rows.append(row)
        out.starts.append(one)
        out.good.append(good)
    return out


# ---------------------------------------------------------------- the sender


def _scan(page: Image.Image, page_dpi: float, ydpi: float,
          rng: np.random.Generator) -> list[tuple[int, ...]]:
    """The sender's scan lines: a computer fax, or a fax machine's wobbling sheet feeder."""
    gray = np.asarray(page, dtype=np.float32)
    scale = page_dpi / 204.0  # source pels per fax pel across
    need = round(WIDTH * scale)
    if gray.shape[1] >= need:
        left = (gray.shape[1] - need) // 2
        gray = gray[:, left:left + need]
    else:
        gray = np.pad(gray, ((0, 0), (0, need - gray.shape[1])), constant_values=255)
    across = np.asarray(Image.fromarray(gray).resize((WIDTH, gray.shape[0]),
                                                     Image.Resampling.BOX), dtype=np.float64)
    step = page_dpi / ydpi
    machine = rng.random() < 0.55
    if machine:
        amplitude = rng.uniform(0.003, 0.015)
        period = rng.uniform(40, 400)  # scan lines a cycle
        phase = rng.uniform(0, 2 * np.pi)
        count = int(across.shape[0] / step) + 20
        speed = 1 + amplitude * np.sin(2 * np.pi * np.arange(count) / period + phase)
        speed += np.cumsum(rng.normal(0, 0.0008, count)).clip(-0.01, 0.01)
        tops = np.concatenate(([0.0], np.cumsum(step * speed)))
    else:
        tops = np.arange(0, across.shape[0] + step, step)
    tops = tops[tops + step <= across.shape[0]]
    cumulative = np.vstack((np.zeros((1, WIDTH)), np.cumsum(across, axis=0)))

    def area(y: np.ndarray) -> np.ndarray:  # the sum of rows above y, y fractional
        low = np.floor(y).astype(int)
        frac = (y - low)[:, None]
        high = np.minimum(low + 1, across.shape[0])
        return cumulative[low] * (1 - frac) + cumulative[high] * frac

    rows = (area(tops + step) - area(tops)) / step
    if machine:
        rows += rng.normal(0, rng.uniform(4, 12), rows.shape)
        if rng.random() < 1 / 3:  # dust on the glass: a thin line down the page
            x = int(rng.integers(80, WIDTH - 80))
            darkness = rng.uniform(0.25, 0.6)
            rows[:, x:x + int(rng.integers(1, 3))] *= darkness
        ink = rows < rng.uniform(110, 150)
    else:
        ink = rows < 128
    return [_changes(row) for row in ink]


# ---------------------------------------------------------------- the call


_RATES = {14400: 6, 12000: 5, 9600: 4, 7200: 3, 4800: 3}  # bits a symbol


def _descrambled(errors: np.ndarray, rate: int) -> np.ndarray:
    """Line errors as the self-synchronising descrambler leaves them: each one three."""
    taps = (6, 7) if rate == 4800 else (18, 23)
    out = errors.copy()
    for tap in taps:
        out[tap:] ^= errors[:-tap]
    return out


def _call(bits: str, rng: np.random.Generator, call: dict) -> tuple[str, np.ndarray]:
    """The page's bits through the adapter and the modem: the received bits, and where each
    sent bit landed in them (-1: lost)."""
    rate, packet = call["rate"], call["packet"]
    per_packet = rate * packet // 1000
    n = len(bits)
    duration = n / rate
    sent = np.frombuffer(bits.encode("ascii"), dtype=np.uint8) - 48
    errors = np.zeros(n, dtype=np.uint8)
    events: list[tuple[int, str, int]] = []  # (bit, "insert"/"delete"/"cut", count)

    def garble(start: int, length: int, tau_ms: float) -> None:
        start, end = max(0, start), min(n, start + length)
        if start >= n:
            return
        errors[start:end] ^= rng.integers(0, 2, end - start, dtype=np.uint8)
        tail = min(n - end, int(4 * tau_ms * rate / 1000))
        if tail > 0:  # recovery: decision errors, fewer as the modem retracks
            p = 0.25 * np.exp(-np.arange(tail) / (tau_ms * rate / 1000))
            hits = np.zeros(tail, dtype=np.uint8)
            hits[rng.random(tail) < p / call["bits_per_symbol"]] = 1
            errors[end:end + tail] ^= _descrambled(hits, rate)

    # Congestion episodes bring delay spikes; the buffer decides what the modem hears.
    depth = call["buffer"]
    extra = 0  # the adaptive buffer's growth, in packets, not yet drained
    t = rng.exponential(call["episode_gap"])
    while t < duration:
        length = float(np.exp(rng.uniform(np.log(0.1), np.log(1.5))))
        spikes = rng.poisson(rng.uniform(1, 4) * length)
        for when in np.sort(rng.uniform(t, t + length, spikes)):
            delay = min(400.0, 15 * float(np.exp(rng.exponential(0.8))))
            late = delay - (depth + extra * packet)
            if late <= 0 or when >= duration:
                continue
            packets = int(np.ceil(late / packet))
            at = int(when * rate)
            if call["vbd"]:  # late packets dropped: silence, no time shift
                if rng.random() < min(0.9, (packets * packet - 40) / 400):
                    events.append((at + int(0.04 * rate), "cut", 0))
                garble(at, packets * per_packet, rng.uniform(5, 20))
            else:  # concealment, then the late audio: extra symbols
                if rng.random() < min(0.9, (packets * packet - 100) / 400):
                    events.append((at + int(0.06 * rate), "cut", 0))
                garble(at, per_packet // 4, rng.uniform(15, 40))
                events.append((at, "insert", packets * per_packet))
                extra += packets
        t += length
        if not call["vbd"] and extra:  # calm seconds later the buffer drains again
            drain = t + rng.uniform(2, 10)
            while extra and drain < duration:
                at = int(drain * rate)
                events.append((at, "delete", per_packet))
                garble(at + per_packet, per_packet // 4, rng.uniform(15, 40))
                extra -= 1
                drain += rng.uniform(0.5, 3)
            extra = 0
        t += rng.exponential(call["episode_gap"])
    # Isolated packet loss, concealed (voice mode) or silent (voiceband data mode).
    for packet_no in np.nonzero(rng.random(int(duration * 1000 / packet) + 1)
                                < call["loss"])[0]:
        garble(int(packet_no) * per_packet, per_packet, rng.uniform(5, 20))
    # Decision errors: error events of a symbol or a few (V.17's Viterbi decoder).
    for at in np.nonzero(rng.random(n) < call["decision"])[0]:
        span = call["bits_per_symbol"] * int(rng.integers(1, 5))
        hits = np.zeros(span + 24, dtype=np.uint8)
        hits[:span] = rng.random(span) < 0.3
        end = min(n, int(at) + span + 24)
        errors[at:end] ^= _descrambled(hits, rate)[:end - at]
    received = sent ^ errors
    # Timing: extra symbols inserted, symbols lost, the carrier dropped.
    where = np.arange(n)
    pieces, landed, cursor, offset = [], np.full(n, -1), 0, 0
    for at, kind, count in sorted(events):
        if at < cursor:
            continue
        at = min(at, n)
        pieces.append(received[cursor:at])
        landed[cursor:at] = where[cursor:at] + offset
        cursor = at
        if kind == "cut":
            cursor = n
            break
        if kind == "insert":
            pieces.append(rng.integers(0, 2, count, dtype=np.uint8))
            offset += count
        else:
            cursor = min(n, at + count)
            offset -= count
    if cursor < n:
        pieces.append(received[cursor:])
        landed[cursor:] = where[cursor:] + offset
    out = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.uint8)
    return (out + 48).tobytes().decode("ascii"), landed


def _choose_call(rng: np.random.Generator) -> dict:
    network = rng.choice(["wired", "busy", "wifi"], p=[0.5, 0.35, 0.15])
    gap = {"wired": (60, 400), "busy": (15, 60), "wifi": (3, 15)}[network]
    loss = {"wired": (1e-5, 2e-4), "busy": (5e-5, 1e-3), "wifi": (2e-4, 3e-3)}[network]
    vbd = bool(rng.random() < 0.5)
    rate = int(rng.choice([14400, 12000, 9600, 7200, 4800], p=[0.55, 0.1, 0.27, 0.05, 0.03]))
    return {
        "rate": rate,
        "bits_per_symbol": _RATES[rate],
        "packet": 20 if rng.random() < 0.8 else 10,
        "vbd": vbd,
        "buffer": rng.uniform(60, 100) if vbd else rng.uniform(40, 80),
        "episode_gap": float(np.exp(rng.uniform(*np.log(gap)))),
        "loss": float(np.exp(rng.uniform(*np.log(loss)))),
        "decision": float(np.exp(rng.uniform(np.log(2e-7), np.log(1e-5)))),
    }


@dataclass
class _Fax:
    received: Image.Image
    not_as_sent: float


_CACHE: dict[tuple, _Fax] = {}


def _fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float, seed: int) -> _Fax:
    key = (hashlib.sha256(page.tobytes()).hexdigest(), page.size, page_dpi, xdpi, ydpi, seed)
    if key in _CACHE:
        return _CACHE[key]
    rng = np.random.default_rng(seed)
    rows = _scan(page, page_dpi, ydpi, rng)
    k = 0 if rng.random() < 0.35 else (2 if ydpi < 150 else 4)
    call = _choose_call(rng)
    min_ms = int(rng.choice([0, 5, 10, 20]))
    bits, eol_ones = encode_page(rows, k, call["rate"] * min_ms // 1000)
    for attempt in range(2):
        received_bits, landed = _call(bits, rng, call)
        got = decode_page(received_bits, bool(k))
        bad = got.good.count(False)
        run = longest = 0
        for good in got.good:
            run = 0 if good else run + 1
            longest = max(longest, run)
        refused = bad > 0.05 * max(1, len(got.rows)) or longest > 5
        if attempt or not refused or rng.random() >= 0.6:
            break
    written = dict(zip(got.starts, got.rows, strict=True))
    as_sent = sum(1 for row, one in zip(rows, eol_ones, strict=True)
                  if landed[one] >= 0 and written.get(int(landed[one])) == row)
    image = np.ones((max(1, len(got.rows)), WIDTH), dtype=bool)
    for y, row in enumerate(got.rows):
        edges = [*row, WIDTH] if len(row) % 2 else list(row)
        for a, b in zip(edges[::2], edges[1::2], strict=True):
            image[y, a:b] = False
    fax = _Fax(Image.fromarray(image), 1 - as_sent / len(rows))
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[key] = fax
    return fax


def non_ecm_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                seed: int) -> Image.Image:
    """The page as the fax server stores it after a non-ECM call (see the module docstring)."""
    return _fax(page, page_dpi, xdpi, ydpi, seed).received


def lines_not_as_sent(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                      seed: int) -> float:
    """The share of the page's scan lines the server did not write as the sender coded them."""
    return _fax(page, page_dpi, xdpi, ydpi, seed).not_as_sent


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    return render_layout_page(root, doc, resolution, condition, seed, "layout-v",
                              {"non-ECM": non_ecm_fax})
