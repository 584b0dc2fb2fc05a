"""A held-out OCR evaluation set: six new kinds of page, clean and as received from a sender
that faxed them without error correction (non-ECM) over a noisy line.

Documents (``LAYOUTS_M``), in PostScript standard fonts at 8.5 to 10.5 pt, laid out as
tests/ocr_layouts.py lays out its pages: an insurance appeal letter (Times-Roman), an income
withholding order for child support with a table of amounts (Courier), a verification of
employment (AvantGarde-Book), a Dutch confirmation that a tenancy ends (Palatino-Roman, ISO
Latin-1), a title commitment (Bookman-Light) and a blood bank requisition with a table of
products (Helvetica-Narrow). Ground truth reads line by line as printed: the pieces of one
printed line (a table row, a two-column header line) joined left to right.

Conditions (``CONDITIONS``): ``clean``, Ghostscript's fax device; ``non-ECM``, the model below,
at 204x98 or 204x196.

Provenance
----------
Written on 6 December 2026 by an author who had read neither ocr/ nor any other set's damage
model nor any reading (OCR output) of any page, and frozen after commit: its parameters and
weights are not to be changed to suit results. Files of this repository read:
tests/ocr_layouts.py (the LayoutDoc dataclass, its line helpers ``text`` and ``cols``, how key
tokens and phrases are given) and tests/ocr_layouts_f.py (``render_layout_page``, ``_ps_string``,
``postscript`` and ``_gs`` only, to render pages). Public sources read for the model: ITU-T T.4
(code tables, MR coding, EOL, fill, RTC) and T.30 (minimum scan line time, copy quality); the
scrambler polynomials of V.27 ter, V.29 and V.17; spandsp's T.4 decoder (t4_t6_decode.c);
HylaFAX's faxd/CopyQuality.c++; libtiff's tif_fax3.h and mkg3states.c; mgetty's g3/g32pbm.c
and g3/g3.c; efax's efaxlib.c; the netpbm g3topbm manual; Class 2 modem manuals (+FCQ,
+FBADLIN, +FBADMUL). Nothing was copied from this repository.

The non-ECM model (``non_ecm_fax``)
----------------------------------
Everything is drawn from ``numpy.random.default_rng(seed)`` in a fixed order, so a page is a
function of its seed; the sending machine, the call and the receiving software are drawn per
page.

Sender, scanner. 1728 elements across 215 mm centred on the 8.5 in sheet (204 per inch); one
scan line every 1/98 or 1/196 in down 11 in (1078 or 2156 lines). The grey page (rendered at
twice the fax resolution) is blurred by the optics (Gaussian, sigma U(0.05, 0.10) mm), fed
askew (N(0, 0.35) degrees, at most 1) at a slightly wrong speed (x 1 + N(0, 0.004)), with the
leading edge found U(-1, 2) mm late and the sheet N(0, 0.4) mm off centre, and sampled with
bilinear interpolation; the sensor's aperture is one fine line high (1/196 in) at both
resolutions, so at 98 lpi half of each line pitch goes unseen. Sensor: per-element gain left
after shading correction (N(0, 1.2%)), light falling off towards the ends of the lamp (up to
U(0, 8)% at the edges), read noise N(0, s) with s U(2, 7) grey levels. Threshold: fixed at
U(0.45, 0.62) of full white (60% of machines), or (40%) adaptive, U(0.55, 0.70) of the
brightest paper seen on the same line in the element's block of 48 elements and the blocks
either side, never below 0.6 of full white.

Sender, coding (T.4). EOL (000000000001) before each line and six EOLs of RTC after the last;
Modified Huffman run codes (tables 1 and 2/T.4 with the extended make-up codes) and, for MR,
the 2-D modes (pass 0001, horizontal 001, vertical 1, 011, 010, 000011, 000010, 0000011,
0000010) with a tag bit after each EOL (1: next line 1-D) and parameter K = 2 at 98 lpi, K = 4
at 196 lpi. Zero fill before each EOL brings DATA + FILL + EOL up to the minimum scan line time
the receiver asked for: 0 ms (30% of pages), 5 ms (15%), 10 ms (25%), 20 ms (25%) or 40 ms
(5%). Senders code MR on 60% of pages whose receiver accepts 2-D coding, MH otherwise. The
coder is verified against libtiff: coded pages written as TIFF Compression=3 (T4Options 1 for
MR) and decoded by Pillow through libtiff came back pixel for pixel.

Modem. V.17 at 14400 (34% of pages) or 12000 bit/s (14%), V.29 at 9600 (26%) or 7200 (10%),
V.27 ter at 4800 (13%) or 2400 (3%). Non-ECM data is neither framed nor checked: every
demodulator error reaches the decoder, after the self-synchronising descrambler has repeated
it at each feedback tap (1 + x^-6 + x^-7 for V.27 ter: errors at t, t+6 and t+7; 1 + x^-18 +
x^-23 for V.29 and V.17: t, t+18 and t+23), so one wrong bit becomes three.

Line. Each call has a damage level L = exp(N(0, 0.75)) (median 1). Three impairments, chosen
because they are what spoils non-ECM pages on today's paths:
- A VoIP leg carrying G.711 without T.38 (65% of calls; packets of 10 ms 13%, 20 ms 45%, 30 ms
  7% of calls): packets are lost with probability min(5%, 1.2% x L), each loss continuing
  into the next packet with probability 0.25. Packet loss concealment cannot rebuild a modem
  signal, so the demodulator loses the whole packet and U(1, 6) ms more while its equaliser
  and carrier loop pull back in.
- Impulse noise on the analogue loops (clicks, switching): Poisson, 0.8 x L hits a second,
  each log-normal with median 1 ms (sigma 0.8, clipped to 0.1-20 ms).
- Background noise: error events at 10^U(-6.5, -5) per bit; V.17's trellis decoder makes
  bursts of 1 + Geometric(0.25) symbols, V.29 and V.27 ter (differential phase) spoil two
  symbols.
Within a burst each demodulated bit is wrong with probability one half; then the descrambler.

Receiver. Finds EOLs in the received bits (a lost EOL merges two lines, a false one splits a
line), decodes bit by bit and treats bad lines in one of three ways, drawn per page:
- replicate (50%): HylaFAX's faxgetty with copy quality checking (CopyQuality.c++: "If an
  error is encountered, replicate the last good row"; a run of bad rows at the end of the
  page is dropped as line noise) and spandsp's T.4 receiver (put_decoded_row: "Use a copy of
  the previous good row"; EOLs are sought bit by bit, even inside code words). Lines are the
  stretches between EOLs found anywhere; a line is good if it decodes to exactly 1728
  elements; a bad line is replaced by the last good one (white at the top of the page), while
  what it decoded to serves as the next 2-D line's reference, so damage smears down to the
  next 1-D line; five EOLs in a row end the page.
- white-fill (30%): the page stored as received (Class 2 and 2.0 modems with copy quality
  correction off or unsupported, e.g. +FCQ=0 or checking only; HylaFAX without copy quality
  checking; efax, whose efix likewise pads short lines with white and cuts long ones) and
  decoded later by libtiff (tif_fax3.h): a line ends at its 1728th element, at an EOL or at
  a bad code word; what was decoded stays and the rest is white
  (CLEANUP_RUNS: "undecoded area is white filled"), except after seven zeros or 0000001 in
  place of a 2-D mode, where libtiff fills the rest of the line with the current colour;
  runs past the edge are dropped whole; decoding then resumes at the next EOL searched from
  there, or right after the next 1 bit once an EOL was consumed. A line starting with an EOL
  is white; two are the RTC.
- mgetty (20%): mgetty's g32pbm, which reads MH only (so these receivers offer 1-D coding
  only): decoding runs on from code word to code word; eleven zeros at a code boundary are an
  EOL; a bad code word skips to the next six zeros, taken as an EOL, so the rest of the line
  becomes a line of its own, begun in white; runs past 1728 elements are cut off, lines of
  the wrong length pass unnoticed; four EOLs without a line between end the page.
The received page keeps as many lines as the receiver produced (usually fewer than sent) and
is not retransmitted (a receiver's RTN is not modelled). For speed, a line whose bits, both
EOLs and 2-D reference arrived intact is taken as sent without decoding: decoding it would
give exactly that (checked: with this shortcut off, all three receivers give back undamaged
pages exactly). Checked against libtiff decoding the same damaged bit streams (the 264 pages
below, each stored as TIFF Compression=3 and read through Pillow): on the 116 MH pages the
white-fill receiver matched libtiff on 185,725 of 185,726 lines (115 pages whole; the one
line is the last of a page whose RTC was destroyed, where libtiff pads the end of the data
with zeros); on the 148 MR pages on 97.97% of lines (232,017 of 236,821), the rest being
damaged 2-D lines, where libtiff steps through its own run arrays, past the end of a damaged
reference.

Measured before freezing (six documents, seeds 3-24, both resolutions, 264 pages; a sent
scan line counts as damaged unless an in-order bit-exact matching of sent and received lines,
a longest common subsequence, pairs it with a received line):
- scan lines not coming out as sent: median 1.76%, 10th-90th percentile 0.28-7.56% (mean
  3.02%, worst 13.45%); at 204x98 median 1.67% (0.28-7.15%), at 204x196 1.86% (0.33-7.74%);
  by receiver, median (90th percentile): replicate 1.51% (7.70%, 154 pages), white-fill
  2.64% (7.75%, 70 pages), mgetty 1.21% (5.25%, 40 pages); MH 1.35%, MR K=2 1.99%, MR K=4
  2.27%;
- time: the model alone, median 0.29 s a page (worst 0.43 s); ``make_layout_page`` whole
  (Ghostscript at 408 dpi, the model, G4 output; 36 pages) median 0.49 s (worst 0.68 s).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from tests.ocr_layouts import LayoutDoc, cols, text
from tests.ocr_layouts_f import render_layout_page

CONDITIONS = ("clean", "non-ECM")

APPEAL = LayoutDoc("appeal_letter", "Times-Roman", 10.5, [
    cols((72, "Harbourview Family Medicine"), (360, "Tel. 555-304-7781")),
    cols((72, "1187 Larkspur Avenue, Suite 210"), (360, "Fax 555-304-7790")),
    cols((72, "Bellmont, OR 97321"), (360, "December 2, 2026")),
    [],
    text("Appeals Unit, Cascadia Crest Health Plan"),
    text("Re: First-level appeal of denied claim CC-2026-0917342"),
    cols((72, "Member: Tobias Wexler-Amundsen"), (330, "Member ID: CCH-558102947")),
    cols((72, "Date of service: 10/14/2026"), (330, "CPT 95811, polysomnography")),
    [],
    text("The claim was denied as not medically necessary. Mr. Wexler-Amundsen has an"),
    text("Epworth score of 17, witnessed apneas and resistant hypertension despite three"),
    text("agents. A home sleep test on 08/29/2026 was technically inadequate, so an"),
    text("attended study was required under your own policy MP-214, section 4.2."),
    text("We ask that the denial be overturned and the billed amount of $2,384.00 paid."),
    text("Sincerely, Dr. Ingrid Solvang-Pereira, MD"),
], ["CC-2026-0917342", "Wexler-Amundsen", "CCH-558102947", "polysomnography", "MP-214",
    "$2,384.00", "Solvang-Pereira"], phrase="witnessed apneas and resistant hypertension")

CHILD_SUPPORT = LayoutDoc("child_support", "Courier", 9, [
    text("INCOME WITHHOLDING FOR SUPPORT - ORIGINAL ORDER"),
    cols((72, "State/Tribe: Nebraska"), (330, "Case ID: CS-24-118306")),
    cols((72, "Employer: Prairie Gate Logistics"), (330, "FEIN: 47-2918835")),
    cols((72, "Employee: Dashiell R. Okonkwo"), (330, "SSN: XXX-XX-6617")),
    cols((72, "Obligee: Marisol Quintanilla"), (330, "Order date: 11/19/2026")),
    [],
    cols((72, "Obligation"), (300, "Per month"), (420, "Per biweekly")),
    cols((72, "Current child support"), (300, "$612.00"), (420, "$282.46")),
    cols((72, "Past-due support"), (300, "$75.00"), (420, "$34.62")),
    cols((72, "Cash medical support"), (300, "$48.00"), (420, "$22.15")),
    cols((72, "Total to withhold"), (300, "$735.00"), (420, "$339.23")),
    [],
    text("Remit within 7 business days of payday to the State Disbursement Unit,"),
    text("PO Box 82600, Lincoln NE 68501. Do not exceed 50% of disposable earnings."),
], ["CS-24-118306", "47-2918835", "Okonkwo", "Quintanilla", "$339.23", "68501"],
    phrase="Cash medical support")

EMPLOYMENT = LayoutDoc("employment_verification", "AvantGarde-Book", 9, [
    cols((72, "VERIFICATION OF EMPLOYMENT"), (380, "Request no. VOE-77120-B")),
    cols((72, "Lender: Silver Birch Mortgage Co."), (380, "Loan no. 3309184527")),
    [],
    text("Part I - Request"),
    cols((72, "Applicant: Priyanka Haldane-Moreau"), (330, "Employee ID: E-0048213")),
    cols((72, "Authorization signed 11/30/2026"), (330, "Fax replies to 555-610-4482")),
    text("Part II - Verification of present employment"),
    cols((72, "Employer: Kestrel Ridge Hospital"), (330, "Hire date: 03/07/2019")),
    cols((72, "Position: Perioperative nurse II"), (330, "Status: full time, 36 h/week")),
    cols((72, "Base pay"), (200, "$41.85/hour"), (330, "Overtime 2025"), (450, "$6,212.40")),
    cols((72, "YTD 2026"), (200, "$74,906.15"), (330, "Bonus 2025"), (450, "$1,500.00")),
    text("Probability of continued employment: excellent. No layoffs are planned."),
    cols((72, "Completed by: Renata Vasquez-Lindqvist"), (330, "Title: HR Records Manager")),
], ["VOE-77120-B", "3309184527", "Haldane-Moreau", "E-0048213", "Perioperative",
    "$74,906.15", "Vasquez-Lindqvist"], phrase="Probability of continued employment")

HUUR = LayoutDoc("huuropzegging", "Palatino-Roman", 10, [
    cols((72, "Woonstichting De Meerhoven"), (360, "Postbus 4127")),
    cols((72, "Afdeling Verhuur"), (360, "5602 KC Eindhoven")),
    [],
    text("Mevrouw E. van Dijk-Verbeek"),
    text("Kruisstraat 88 bis, 5612 CJ Eindhoven"),
    cols((72, "Ons kenmerk: HV/2026/08817"), (360, "Eindhoven, 3 december 2026")),
    [],
    text("Betreft: bevestiging beëindiging huurovereenkomst"),
    text("Geachte mevrouw Van Dijk-Verbeek,"),
    text("Wij bevestigen de ontvangst van uw opzegging. De huurovereenkomst voor de"),
    text("woning aan de Kruisstraat 88 bis eindigt op vrijdag 29 januari 2027."),
    text("De voorinspectie is gepland op dinsdag 12 januari om 10.30 uur. Na de"),
    text("eindinspectie volgt de financiële afwikkeling; de waarborgsom van EUR 1.245,00"),
    text("wordt binnen veertien dagen teruggestort op NL42 RABO 0318 5527 09."),
    text("Wij verzoeken u één complete sleutelset in te leveren bij ons kantoor."),
    text("Met vriendelijke groet, Joëlle Maréchal, consulent verhuur"),
], ["Meerhoven", "HV/2026/08817", "beëindiging", "Kruisstraat", "financiële", "1.245,00",
    "Maréchal"], phrase="één complete sleutelset")

TITLE = LayoutDoc("title_commitment", "Bookman-Light", 8.5, [
    cols((72, "COMMITMENT FOR TITLE INSURANCE"), (380, "File No. TC-26-40517")),
    cols((72, "Issued by Granite Shoals Title Company"), (380, "Effective 11/21/2026")),
    [],
    text("SCHEDULE A"),
    cols((72, "Proposed insured:"), (200, "Thornbury Federal Credit Union")),
    cols((72, "Policy amount:"), (200, "$418,750.00")),
    cols((72, "Vested in:"), (200, "Aurelio and Constance Pettigrew")),
    cols((72, "Land:"), (200, "Lot 23, Block 6, Willow Fen Estates, Unit 2")),
    [],
    text("SCHEDULE B, PART I - REQUIREMENTS"),
    text("1. Release of deed of trust recorded 06/02/2019 as instrument 2019-031447."),
    text("2. Payment of 2026 ad valorem taxes, parcel R0846-112-05, now delinquent."),
    text("3. Affidavit of no liens signed by both vested owners before closing."),
    text("4. Survey showing no encroachment onto the 10-foot drainage easement."),
], ["TC-26-40517", "Thornbury", "$418,750.00", "Pettigrew", "2019-031447", "R0846-112-05",
    "encroachment"], phrase="Affidavit of no liens")

BLOOD_BANK = LayoutDoc("blood_bank", "Helvetica-Narrow", 9.5, [
    cols((72, "TRANSFUSION SERVICE REQUISITION"), (370, "Req. BB-5529108")),
    cols((72, "Patient: Leopold Achebe-Nakamura"), (370, "MRN 004417296")),
    cols((72, "DOB: 07/23/1958"), (200, "Sex: M"), (370, "Location: CVICU bed 12")),
    cols((72, "Diagnosis: aortic valve replacement"), (370, "Surgery 12/08/2026 07:30")),
    [],
    cols((72, "Product / test"), (250, "Units"), (310, "Priority"), (400, "Special needs")),
    cols((72, "Type and screen"), (250, "-"), (310, "routine"), (400, "-")),
    cols((72, "Red blood cells, leukoreduced"), (250, "4"), (310, "crossmatch"),
         (400, "irradiated")),
    cols((72, "Fresh frozen plasma"), (250, "2"), (310, "on hold"), (400, "-")),
    cols((72, "Apheresis platelets"), (250, "1"), (310, "on hold"), (400, "CMV negative")),
    [],
    text("Antibody history: anti-Kell identified 2021 at St. Barnabas; give K-negative units."),
    cols((72, "Ordering: Dr. Fenella Oyelaran-Brandt"), (370, "Pager 4471")),
    text("Specimen drawn by R. Castellano 12/06/2026 15:42; two-person bedside check."),
], ["BB-5529108", "Achebe-Nakamura", "004417296", "leukoreduced", "anti-Kell",
    "Oyelaran-Brandt", "CMV"], phrase="Apheresis platelets")

LAYOUTS_M = [APPEAL, CHILD_SUPPORT, EMPLOYMENT, HUUR, TITLE, BLOOD_BANK]


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    """A one-page G4 fax TIFF of ``doc`` in ``condition``, seeded."""
    return render_layout_page(root, doc, resolution, condition, seed, "layout-m",
                              {"non-ECM": non_ecm_fax})


# ---------------------------------------------------------------------------------------------
# T.4 code words (Recommendation T.4, tables 1/T.4 to 4/T.4), written as bit strings.

WIDTH = 1728
_EOL = "000000000001"


def _words(text: str) -> list[str]:
    return text.split()


_WHITE_TERM = _words(
    "00110101 000111 0111 1000 1011 1100 1110 1111 10011 10100 00111 01000 001000 000011 "
    "110100 110101 101010 101011 0100111 0001100 0001000 0010111 0000011 0000100 0101000 "
    "0101011 0010011 0100100 0011000 00000010 00000011 00011010 00011011 00010010 00010011 "
    "00010100 00010101 00010110 00010111 00101000 00101001 00101010 00101011 00101100 "
    "00101101 00000100 00000101 00001010 00001011 01010010 01010011 01010100 01010101 "
    "00100100 00100101 01011000 01011001 01011010 01011011 01001010 01001011 00110010 "
    "00110011 00110100")
_WHITE_MAKEUP = _words(  # 64, 128, ..., 1728
    "11011 10010 010111 0110111 00110110 00110111 01100100 01100101 01101000 01100111 "
    "011001100 011001101 011010010 011010011 011010100 011010101 011010110 011010111 "
    "011011000 011011001 011011010 011011011 010011000 010011001 010011010 011000 "
    "010011011")
_BLACK_TERM = _words(
    "0000110111 010 11 10 011 0011 0010 00011 000101 000100 0000100 0000101 0000111 "
    "00000100 00000111 000011000 0000010111 0000011000 0000001000 00001100111 00001101000 "
    "00001101100 00000110111 00000101000 00000010111 00000011000 000011001010 000011001011 "
    "000011001100 000011001101 000001101000 000001101001 000001101010 000001101011 "
    "000011010010 000011010011 000011010100 000011010101 000011010110 000011010111 "
    "000001101100 000001101101 000011011010 000011011011 000001010100 000001010101 "
    "000001010110 000001010111 000001100100 000001100101 000001010010 000001010011 "
    "000000100100 000000110111 000000111000 000000100111 000000101000 000001011000 "
    "000001011001 000000101011 000000101100 000001011010 000001100110 000001100111")
_BLACK_MAKEUP = _words(  # 64, 128, ..., 1728
    "0000001111 000011001000 000011001001 000001011011 000000110011 000000110100 "
    "000000110101 0000001101100 0000001101101 0000001001010 0000001001011 0000001001100 "
    "0000001001101 0000001110010 0000001110011 0000001110100 0000001110101 0000001110110 "
    "0000001110111 0000001010010 0000001010011 0000001010100 0000001010101 0000001011010 "
    "0000001011011 0000001100100 0000001100101")
_EXT_MAKEUP = _words(  # 1792, 1856, ..., 2560: shared by both colours
    "00000001000 00000001100 00000001101 000000010010 000000010011 000000010100 "
    "000000010101 000000010110 000000010111 000000011100 000000011101 000000011110 "
    "000000011111")
# Two-dimensional mode codes: pass, horizontal, vertical a1 - b1 = -3 .. 3.
_PASS, _HORIZ = "0001", "001"
_VERTICAL = {-3: "0000010", -2: "000010", -1: "010", 0: "1", 1: "011", 2: "000011",
             3: "0000011"}


def _run_strings(term: list[str], makeup: list[str]) -> list[str]:
    """The code string of every run length 0 .. WIDTH: a make-up code, then a terminating one."""
    out = []
    for run in range(WIDTH + 1):
        high, low = divmod(run, 64)
        out.append((makeup[high - 1] if high else "") + term[low])
    return out


_RUNS = (_run_strings(_WHITE_TERM, _WHITE_MAKEUP), _run_strings(_BLACK_TERM, _BLACK_MAKEUP))


def _decode_table(codes: dict[str, int]) -> dict[int, int]:
    """Code strings to a lookup keyed by (length << 16 | value)."""
    return {(len(code) << 16) | int(code, 2): value for code, value in codes.items()}


def _run_table(term: list[str], makeup: list[str], extended: bool) -> dict[int, int]:
    codes = {code: run for run, code in enumerate(term)}
    codes.update({code: 64 * (i + 1) for i, code in enumerate(makeup)})
    if extended:
        codes.update({code: 1792 + 64 * i for i, code in enumerate(_EXT_MAKEUP)})
    return _decode_table(codes)


# Run tables (white, black): with the shared extended make-up codes, as libtiff and spandsp
# decode, and without them, as mgetty's g32pbm does.
_RUN_TABLES = (_run_table(_WHITE_TERM, _WHITE_MAKEUP, True),
               _run_table(_BLACK_TERM, _BLACK_MAKEUP, True))
_RUN_TABLES_MH_ONLY = (_run_table(_WHITE_TERM, _WHITE_MAKEUP, False),
                       _run_table(_BLACK_TERM, _BLACK_MAKEUP, False))
_P_MODE, _H_MODE = 100, 101
_MODE_TABLE = _decode_table({_PASS: _P_MODE, _HORIZ: _H_MODE,
                             **{code: d for d, code in _VERTICAL.items()}})


# ---------------------------------------------------------------------------------------------
# Coding (T.4 section 4.1 and 4.2).

def _mh_line(changes: list[int]) -> str:
    """One scan line in Modified Huffman: alternate white and black runs, white first."""
    parts, prev, colour = [], 0, 0
    for change in [*changes, WIDTH]:
        parts.append(_RUNS[colour][change - prev])
        prev, colour = change, colour ^ 1
    return "".join(parts)


def _b1_index(ref: list[int], a0: int, colour: int) -> int:
    """Index of b1: the first changing element of the reference line right of a0 whose colour
    is opposite to a0's (even indices are white-to-black changes)."""
    k = bisect.bisect_right(ref, a0)
    return k + 1 if k % 2 != colour else k


def _mr_line(cur: list[int], ref: list[int]) -> str:
    """One scan line in two-dimensional (Modified READ) coding against reference line ``ref``."""
    parts: list[str] = []
    cur_ext, ref_ext = [*cur, WIDTH, WIDTH], [*ref, WIDTH, WIDTH, WIDTH]
    a0, colour = -1, 0
    while a0 < WIDTH:
        i = bisect.bisect_right(cur, a0)
        a1 = cur_ext[i]
        k = _b1_index(ref, a0, colour)
        b1, b2 = ref_ext[k], ref_ext[k + 1]
        if b2 < a1:
            parts.append(_PASS)
            a0 = b2
        elif abs(a1 - b1) <= 3:
            parts.append(_VERTICAL[a1 - b1])
            a0, colour = a1, colour ^ 1
        else:
            a2 = cur_ext[i + 1]
            parts.append(_HORIZ + _RUNS[colour][a1 - max(a0, 0)] + _RUNS[colour ^ 1][a2 - a1])
            a0 = a2
    return "".join(parts)


@dataclass(frozen=True)
class _Coded:
    """A coded page: the bit stream and where each scan line sits in it."""

    bits: np.ndarray  # uint8, one bit an element, in transmission order
    eol_one: np.ndarray  # position of the final 1 of the EOL before line i (i = 0 .. n; n: RTC)
    two_d: list[bool]  # line i is two-dimensionally coded
    mr: bool  # each EOL carries a tag bit (1: next line one-dimensional)


def _changes(ink: np.ndarray) -> list[list[int]]:
    """Changing elements of each scan line (``ink``: rows of booleans, True black)."""
    padded = np.zeros((ink.shape[0], ink.shape[1] + 1), dtype=np.int8)
    padded[:, 1:] = ink
    rows, where = np.nonzero(np.diff(padded, axis=1))
    bounds = np.searchsorted(rows, np.arange(ink.shape[0] + 1))
    flat = where.tolist()
    return [flat[bounds[i]:bounds[i + 1]] for i in range(ink.shape[0])]


def _encode(changes: list[list[int]], k: int, min_bits: int) -> _Coded:
    """EOL, then each line's code, fill and EOL (with a tag bit when ``k`` > 1, MR coding with
    parameter K); six EOLs of RTC close the page. Fill zeros bring each line's DATA + FILL +
    EOL up to ``min_bits`` (the minimum scan line time at the signalling rate)."""
    mr = k > 1
    parts, eol_one, two_d = [], [], []
    length = 0
    ref: list[int] = []
    for i, cur in enumerate(changes):
        tag = ("1" if i % k == 0 else "0") if mr else ""
        eol_one.append(length + 11)
        data = _mr_line(cur, ref) if mr and i % k else _mh_line(cur)
        two_d.append(bool(mr and i % k))
        fill = max(0, min_bits - len(data) - len(_EOL) - len(tag))
        parts.extend((_EOL, tag, data, "0" * fill))
        length += len(_EOL) + len(tag) + len(data) + fill
        ref = cur
    eol_one.append(length + 11)
    parts.append((_EOL + ("1" if mr else "")) * 6)
    bits = np.frombuffer("".join(parts).encode("ascii"), dtype=np.uint8) - ord("0")
    return _Coded(bits, np.array(eol_one), two_d, mr)


# ---------------------------------------------------------------------------------------------
# The sending machine: how it scans and codes (drawn per page).

@dataclass(frozen=True)
class _Setup:
    """Everything drawn for one page but the scanner's settings, in the order drawn."""

    receiver: str  # "replicate", "white-fill" or "mgetty"
    k: int  # 1: MH; 2 or 4: MR with that parameter K
    min_scan_ms: int
    modem: str
    rate: int  # bit/s
    bits_per_symbol: int
    taps: tuple[int, int]  # the descrambler's feedback taps
    packet_ms: int  # G.711 packets on a VoIP leg; 0: no VoIP leg
    packet_loss: float  # probability that a packet starting a loss burst is lost
    hits_per_s: float  # impulse hits on the analogue loops, per second
    background: float  # error events from background noise, per bit


_APERTURE_LPI = 196  # the sensor element's height: one fine line
_RECEIVERS = (("replicate", 0.5), ("white-fill", 0.3), ("mgetty", 0.2))
_SCAN_TIMES = ((0, 0.3), (5, 0.15), (10, 0.25), (20, 0.25), (40, 0.05))
# Modem, rate, bits per symbol, descrambler taps, weight.
_MODEMS = (("V.17", 14400, 6, (18, 23), 0.34), ("V.17", 12000, 5, (18, 23), 0.14),
           ("V.29", 9600, 4, (18, 23), 0.26), ("V.29", 7200, 3, (18, 23), 0.10),
           ("V.27ter", 4800, 3, (6, 7), 0.13), ("V.27ter", 2400, 2, (6, 7), 0.03))
_PACKETS = ((0, 0.35), (10, 0.13), (20, 0.45), (30, 0.07))  # ms; 0: all-TDM path
_LOSS = 0.012  # median packet loss on a VoIP leg
_HITS_PER_S = 0.8  # median impulse hits per second
_SPREAD = 0.75  # sigma of the page's log damage level
_LOSS_RUN = 0.25  # probability that the packet after a lost one is lost too


def _choose(rng: np.random.Generator, options: tuple) -> int:
    weights = np.array([option[-1] for option in options])
    return int(rng.choice(len(options), p=weights / weights.sum()))


def _draw_setup(rng: np.random.Generator, ydpi: float) -> _Setup:
    receiver = _RECEIVERS[_choose(rng, _RECEIVERS)][0]
    two_d = receiver != "mgetty" and rng.random() < 0.6
    k = (2 if ydpi < 150 else 4) if two_d else 1
    min_scan_ms = _SCAN_TIMES[_choose(rng, _SCAN_TIMES)][0]
    modem, rate, per_symbol, taps, _ = _MODEMS[_choose(rng, _MODEMS)]
    packet_ms = _PACKETS[_choose(rng, _PACKETS)][0]
    level = float(np.exp(rng.normal(0.0, _SPREAD)))  # how bad this call is
    loss = min(0.05, _LOSS * level) if packet_ms else 0.0
    hits = _HITS_PER_S * level
    background = float(10 ** rng.uniform(-6.5, -5.0))
    return _Setup(receiver, k, min_scan_ms, modem, rate, per_symbol, taps, packet_ms, loss,
                  hits, background)


def _scan(page: Image.Image, page_dpi: float, ydpi: float,
          rng: np.random.Generator) -> np.ndarray:
    """The sender's scanner: 1728 elements across 215 mm centred on the sheet, one scan line
    every 1/ydpi inch down 11 inches, through blurring optics, with the sheet fed slightly
    askew and at a slightly wrong speed; returns the thresholded lines (True: black)."""
    mm = page_dpi / 25.4
    sigma = rng.uniform(0.05, 0.10) * mm
    skew = np.radians(float(np.clip(rng.normal(0.0, 0.35), -1.0, 1.0)))
    feed = 1.0 + rng.normal(0.0, 0.004)
    top = rng.uniform(-1.0, 2.0) * mm
    left = ((215.9 - 215.0) / 2 + rng.normal(0.0, 0.4)) * mm
    lines, per_line = round(11 * ydpi), max(1, round(2 * _APERTURE_LPI / ydpi))
    pitch, step = 215.0 * mm / WIDTH, page_dpi / _APERTURE_LPI / 2 * feed
    cx, cy = page.width / 2, page.height / 2
    cos, sin = np.cos(skew), np.sin(skew)
    affine = (pitch * cos, step * sin, cx + (left - cx) * cos + (top - cy) * sin,
              -pitch * sin, step * cos, cy - (left - cx) * sin + (top - cy) * cos)
    sampled = page.filter(ImageFilter.GaussianBlur(sigma)).transform(
        (WIDTH, lines * per_line), Image.Transform.AFFINE, affine,
        resample=Image.Resampling.BILINEAR, fillcolor=255)
    # Half-steps of 1/392 inch; a scan line sees the two in the middle of its pitch (the
    # sensor's aperture is one fine line high, whatever the resolution).
    steps = np.asarray(sampled, dtype=np.float32).reshape(lines, per_line, WIDTH)
    middle = per_line // 2
    grey = steps[:, max(middle - 1, 0):middle + 1].mean(axis=1)
    return _sense(grey, rng)


def _sense(grey: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Sensor and threshold: per-element gain left after shading correction, light falling off
    towards the ends of the lamp, read noise; then a fixed threshold, or one that follows the
    brightest paper seen in the element's block of 48 and the blocks either side."""
    centre = (np.arange(WIDTH) - (WIDTH - 1) / 2) / ((WIDTH - 1) / 2)
    gain = (1 + rng.normal(0.0, 0.012, WIDTH)) * (1 - rng.uniform(0.0, 0.08) * centre ** 2)
    noise = rng.uniform(2.0, 7.0)
    signal = grey * gain.astype(np.float32)
    signal += rng.normal(0.0, noise, signal.shape).astype(np.float32)
    if rng.random() < 0.6:
        return signal < 255 * rng.uniform(0.45, 0.62)
    block = np.pad(signal.reshape(signal.shape[0], -1, 48).max(axis=2), ((0, 0), (1, 1)),
                   mode="edge")
    block = np.maximum(np.maximum(block[:, :-2], block[:, 1:-1]), block[:, 2:])
    paper = np.maximum(np.repeat(block, 48, axis=1), 0.6 * 255)
    return signal < paper * rng.uniform(0.55, 0.70)


# ---------------------------------------------------------------------------------------------
# The line and the modem.

def _bursts(rng: np.random.Generator, n: int, starts: np.ndarray,
            lengths: np.ndarray) -> np.ndarray:
    """Demodulated bit errors: each burst's bits are wrong with probability one half."""
    errors = np.zeros(max(n, int((starts + lengths).max(initial=0))), dtype=np.uint8)
    for start, length in zip(starts.tolist(), lengths.tolist(), strict=True):
        errors[start:start + length] ^= (rng.random(length) < 0.5).astype(np.uint8)
    return errors[:n]


def _lost_packets(setup: _Setup, seconds: float,
                  rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Bursts (start bit, length) where a VoIP leg lost packets: the demodulator sees no modem
    signal for the packet and needs a few ms more to pull its equaliser and carrier back in."""
    if not setup.packet_ms:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    packets = int(seconds * 1000 / setup.packet_ms) + 1
    lost = []
    for first in np.flatnonzero(rng.random(packets) < setup.packet_loss).tolist():
        last = first
        while rng.random() < _LOSS_RUN:
            last += 1
        lost.append((first, last - first + 1))
    phase = rng.uniform(0.0, setup.packet_ms)
    ms = np.array([(first * setup.packet_ms + phase, count * setup.packet_ms)
                   for first, count in lost]).reshape(-1, 2)
    ms[:, 1] += rng.uniform(1.0, 6.0, len(lost))
    bits = np.ceil(ms * setup.rate / 1000).astype(np.int64)
    return bits[:, 0], bits[:, 1]


def _line_errors(setup: _Setup, n: int, rng: np.random.Generator) -> np.ndarray:
    """Which received bits are wrong after the descrambler (uint8 mask over ``n`` bits)."""
    seconds = n / setup.rate
    loss_starts, loss_lengths = _lost_packets(setup, seconds, rng)
    hits = rng.poisson(setup.hits_per_s * seconds)
    hit_ms = np.clip(np.exp(rng.normal(np.log(1.0), 0.8, hits)), 0.1, 20.0)
    hit_bits = np.ceil(hit_ms * setup.rate / 1000).astype(np.int64)
    events = rng.poisson(setup.background * n)
    # A trellis decoder's error events span a few symbols; with differential phase coding one
    # wrong symbol spoils two.
    symbols = rng.geometric(0.25, events) + 1 if setup.modem == "V.17" else np.full(events, 2)
    starts = np.concatenate((loss_starts, rng.integers(0, n, hits), rng.integers(0, n, events)))
    lengths = np.concatenate((loss_lengths, hit_bits, symbols * setup.bits_per_symbol))
    demodulated = _bursts(rng, n, starts, lengths)
    # Self-synchronising descrambler: an input error reappears at each feedback tap.
    out = demodulated.copy()
    for tap in setup.taps:
        out[tap:] ^= demodulated[:-tap]
    return out


# ---------------------------------------------------------------------------------------------
# Receiving: decoding primitives.

def _read_code(bits: bytes, pos: int, end: int, table: dict[int, int]) -> tuple[int, int] | None:
    """The code word at ``pos`` (value, position after it), or None: no code word, or it would
    run past ``end``. T.4 codes are prefix-free, so the first match is the word."""
    value = 0
    for length in range(1, 14):
        if pos + length > end:
            return None
        value = (value << 1) | bits[pos + length - 1]
        hit = table.get((length << 16) | value)
        if hit is not None:
            return hit, pos + length
    return None


def _read_run(bits: bytes, pos: int, end: int, table: dict[int, int]) -> tuple[int, int, bool]:
    """A run: make-up codes, then a terminating code. Returns the length read, the position
    after the codes read and whether a terminating code ended it (if not, ``pos`` is at the
    word that could not be read and the length is that of the make-up codes before it)."""
    total = 0
    while True:
        got = _read_code(bits, pos, end, table)
        if got is None:
            return total, pos, False
        run, pos = got
        total += run
        if run < 64:
            return total, pos, True


@dataclass
class _Row:
    """A scan line as decoded: its changing elements; how far it got (``reach``); whether it
    reached the end of the line without a bad code word; where decoding stopped (``pos``);
    the colour the rest of the line is filled with; and whether an EOL was consumed there (the
    next line then starts after the next 1 bit) or must be searched for."""

    changes: list[int]
    reach: int
    complete: bool
    pos: int
    fill: int = 0
    eol_read: bool = False


def _decode_1d(bits: bytes, pos: int, end: int) -> _Row:
    changes: list[int] = []
    a0, colour = 0, 0
    while a0 < WIDTH and len(changes) <= 2 * WIDTH:
        run, pos, whole = _read_run(bits, pos, end, _RUN_TABLES[colour])
        if run or whole:  # make-up codes read before a bad word still count
            a0 += run
            changes.append(a0)
            colour ^= 1
        if not whole:
            return _Row(changes, a0, False, pos)
    return _Row(changes, a0, a0 >= WIDTH, pos)


def _bad_mode(bits: bytes, pos: int, end: int, a0: int, changes: list[int],
              colour: int) -> _Row:
    """No mode code at ``pos``: seven zeros (an EOL) or 0000001 (an extension), after which
    libtiff fills the rest of the line with the current colour; or the data ran out."""
    if pos + 7 > end or 1 in bits[pos:pos + 6]:
        return _Row(changes, max(a0, 0), False, pos)
    if bits[pos + 6]:
        return _Row(changes, max(a0, 0), False, pos + 7, fill=colour)
    return _Row(changes, max(a0, 0), False, pos + 11, fill=colour, eol_read=True)


def _decode_2d(bits: bytes, pos: int, end: int, ref: list[int]) -> _Row:
    changes: list[int] = []
    ref_ext = [*ref, WIDTH, WIDTH, WIDTH]
    a0, colour = -1, 0
    while a0 < WIDTH and len(changes) <= 2 * WIDTH:
        got = _read_code(bits, pos, end, _MODE_TABLE)
        if got is None:
            return _bad_mode(bits, pos, end, a0, changes, colour)
        mode, pos = got
        k = _b1_index(ref, a0, colour)
        b1, b2 = ref_ext[k], ref_ext[k + 1]
        if mode == _P_MODE:
            a0 = b2
        elif mode == _H_MODE:
            a0 = max(a0, 0)
            for run_colour in (colour, colour ^ 1):
                run, pos, whole = _read_run(bits, pos, end, _RUN_TABLES[run_colour])
                if run or whole:
                    a0 += run
                    changes.append(a0)
                if not whole:
                    return _Row(changes, a0, False, pos)
        else:
            a1 = b1 + mode
            if a1 < max(a0, 0):
                return _Row(changes, max(a0, 0), False, pos)
            changes.append(a1)
            a0, colour = a1, colour ^ 1
    return _Row(changes, max(a0, 0), a0 >= WIDTH, pos)


def _pixels(row: _Row) -> np.ndarray:
    """The decoded line. Runs past the page edge are dropped whole and what was not decoded
    takes the fill colour (white, or the current colour after a 2-D EOL), as libtiff does."""
    reach = row.reach
    if reach > WIDTH:
        reach = max((c for c in row.changes if c <= WIDTH), default=0)
    changes = [c for c in row.changes if c < reach]
    edges = np.zeros(WIDTH + 1, dtype=np.int32)
    np.add.at(edges, changes[0::2], 1)
    np.add.at(edges, changes[1::2], -1)
    line = np.cumsum(edges[:WIDTH]) > 0
    line[reach:] = bool(row.fill)
    return line


def _pixel_changes(line: np.ndarray) -> list[int]:
    return np.flatnonzero(np.diff(line.astype(np.int8), prepend=0)).tolist()


@dataclass
class _Received:
    """The received bit stream, with what the receivers look for in it, and (for speed) what
    was sent: a scan line whose bits, both EOLs and reference line arrived intact decodes to
    the line as sent, so only damaged stretches are decoded bit by bit."""

    bits: bytes
    eols: list[int]  # positions of a 1 after at least 11 zeros
    eol6: list[int]  # positions of a 1 after at least 6 zeros
    ones: list[int]
    errors: np.ndarray  # running count of wrong bits
    coded: _Coded
    sent: np.ndarray
    sent_changes: list[list[int]]
    line_at: dict[int, int]  # EOL position -> the sent line it precedes

    def intact(self, line: int | None, ref_line: int) -> bool:
        if line is None or line >= len(self.sent):
            return False
        first, last = self.coded.eol_one[line] - 11, self.coded.eol_one[line + 1] + 1
        if self.errors[min(last, len(self.errors) - 1)] != self.errors[max(first, 0)]:
            return False
        return not self.coded.two_d[line] or ref_line == line - 1

    def same_as_sent(self, line: int | None, changes: list[int]) -> int:
        """``line`` if a decoded line is that sent line exactly, else -1."""
        if line is None or line >= len(self.sent) or changes != self.sent_changes[line]:
            return -1
        return line

    def decode(self, pos: int, end: int, two_d: bool, ref: list[int]) -> _Row:
        return _decode_2d(self.bits, pos, end, ref) if two_d else _decode_1d(self.bits, pos, end)

    def next_one(self, pos: int) -> int:
        """The first 1 bit at or after ``pos`` (the end of the data if none)."""
        j = bisect.bisect_left(self.ones, pos)
        return self.ones[j] if j < len(self.ones) else len(self.bits)

    def next_eol(self, pos: int) -> int:
        """The end of the first EOL whose eleven zeros start at or after ``pos``."""
        j = bisect.bisect_left(self.eols, pos + 11)
        return self.eols[j] if j < len(self.eols) else len(self.bits)

    def tag_2d(self, eol: int) -> bool:
        return self.coded.mr and eol + 1 < len(self.bits) and self.bits[eol + 1] == 0


def _received(coded: _Coded, errors: np.ndarray, sent: np.ndarray,
              sent_changes: list[list[int]]) -> _Received:
    bits = coded.bits ^ errors
    ones = np.flatnonzero(bits)
    zeros_before = np.diff(ones, prepend=-1) - 1
    line_at = {int(p): i for i, p in enumerate(coded.eol_one)}
    running = np.concatenate(([0], np.cumsum(errors, dtype=np.int64)))
    return _Received(bits.tobytes(), ones[zeros_before >= 11].tolist(),
                     ones[zeros_before >= 6].tolist(), ones.tolist(), running, coded, sent,
                     sent_changes, line_at)


# ---------------------------------------------------------------------------------------------
# Receiving: three ways receivers treat bad lines.

_WHITE_LINE = np.zeros(WIDTH, dtype=bool)


def _rx_replicate(rx: _Received) -> list[np.ndarray]:
    """HylaFAX copy quality checking / spandsp: EOLs sought bit by bit; a line that does not
    decode to exactly 1728 elements is replaced by the last good one, its white-padded remains
    serving as the next 2-D line's reference; trailing bad lines are dropped."""
    rows: list[np.ndarray] = []
    last_good, ref, ref_line, empties, trailing = _WHITE_LINE, [], -1, 0, 0
    mr = int(rx.coded.mr)
    for p, q in zip(rx.eols, rx.eols[1:], strict=False):
        line = rx.line_at.get(p)
        if rx.intact(line, ref_line):
            row, good = rx.sent[line], True
            ref, ref_line = rx.sent_changes[line], line
        else:
            start, end = p + 1 + mr, q - 11
            if 1 not in rx.bits[start:end]:
                empties += 1
                if empties >= 5:  # RTC
                    break
                continue
            decoded = rx.decode(start, end, rx.tag_2d(p), ref)
            good = decoded.complete and decoded.reach == WIDTH
            row = _pixels(decoded)
            ref = _pixel_changes(row)
            ref_line = rx.same_as_sent(line, ref)
            row = row if good else last_good
        empties = 0
        rows.append(row)
        last_good, trailing = (row, 0) if good else (last_good, trailing + 1)
    return rows[:len(rows) - trailing]


def _rx_white_fill(rx: _Received) -> list[np.ndarray]:
    """Stored as received, decoded later by libtiff: a line ends at its 1728th element, at an
    EOL or at a bad code word; what was decoded stays, the rest is white (the current colour
    after a 2-D EOL); decoding resumes at the next EOL found from there. A line that starts
    with an EOL is white; two in a row are the RTC."""
    rows: list[np.ndarray] = []
    ref, ref_line, blank = [], -1, 0
    mr = int(rx.coded.mr)
    p = rx.eols[0] if rx.eols else len(rx.bits)
    while p < len(rx.bits):
        line = rx.line_at.get(p)
        start = p + 1 + mr
        if rx.intact(line, ref_line):
            row, ref, ref_line = rx.sent[line], rx.sent_changes[line], line
            p = int(rx.coded.eol_one[line + 1])
        elif rx.next_one(start) - start >= 11:
            blank += 1
            if blank == 2:
                break
            ref, ref_line = [], -1
            p = rx.next_one(start + 11)
            continue
        else:
            decoded = rx.decode(start, len(rx.bits), rx.tag_2d(p), ref)
            row = _pixels(decoded)
            ref = _pixel_changes(row)
            ref_line = rx.same_as_sent(line, ref)
            p = rx.next_one(decoded.pos) if decoded.eol_read else rx.next_eol(decoded.pos)
        rows += [_WHITE_LINE] * blank + [row]
        blank = 0
    return rows


@dataclass
class _Mgetty:
    """g32pbm's state: decoding runs on from code word to code word across lines."""

    rows: list[np.ndarray]
    line: np.ndarray
    col: int = 0
    colour: int = 0
    eols: int = 0

    def eol(self) -> None:
        if self.col:
            self.rows.append(self.line)
            self.line, self.col, self.eols = np.zeros(WIDTH, dtype=bool), 0, 0
        else:
            self.eols += 1
        self.colour = 0

    def paint(self, run: int) -> None:
        end = min(self.col + run, WIDTH)
        if self.colour:
            self.line[self.col:end] = True
        self.col = end
        if run < 64:
            self.colour ^= 1


def _rx_mgetty(rx: _Received) -> list[np.ndarray]:
    """mgetty's g32pbm (MH only): eleven zeros at a code boundary are an EOL; a bad code word
    skips to the next six zeros, taken as an EOL, so the rest of the line becomes a line of
    its own; runs past 1728 elements are cut off; lines of the wrong length pass unnoticed."""
    state = _Mgetty([], np.zeros(WIDTH, dtype=bool))
    starts = {int(p) + 1: i for i, p in enumerate(rx.coded.eol_one[:-1])}
    pos, n = 0, len(rx.bits)
    while pos < n and state.eols < 4:
        line = starts.get(pos) if state.col == 0 and state.colour == 0 else None
        if rx.intact(line, -1):
            state.rows.append(rx.sent[line])
            pos, state.eols = int(rx.coded.eol_one[line + 1]) + 1, 0
            continue
        j = bisect.bisect_left(rx.ones, pos)
        if j == len(rx.ones) or rx.ones[j] - pos >= 11:
            if j == len(rx.ones):
                break
            pos = rx.ones[j] + 1
            state.eol()
            continue
        got = _read_code(rx.bits, pos, n, _RUN_TABLES_MH_ONLY[state.colour])
        if got is None:
            j = bisect.bisect_left(rx.eol6, pos + 6)
            if j == len(rx.eol6):
                break
            pos = rx.eol6[j] + 1
            state.eol()
            continue
        run, pos = got
        state.paint(run)
    return state.rows


_RECEIVE = {"replicate": _rx_replicate, "white-fill": _rx_white_fill, "mgetty": _rx_mgetty}


def _transmit(page: Image.Image, page_dpi: float, ydpi: float,
              seed: int) -> tuple[np.ndarray, np.ndarray, _Setup]:
    """Scan, code, send over the line, receive: (lines sent, lines received, what was drawn)."""
    rng = np.random.default_rng(seed)
    setup = _draw_setup(rng, ydpi)
    sent = _scan(page, page_dpi, ydpi, rng)
    changes = _changes(sent)
    coded = _encode(changes, setup.k, int(np.ceil(setup.rate * setup.min_scan_ms / 1000)))
    errors = _line_errors(setup, coded.bits.size, rng)
    rows = _RECEIVE[setup.receiver](_received(coded, errors, sent, changes))
    received = np.array(rows, dtype=bool) if rows else np.zeros_like(sent)
    return sent, received, setup


def non_ecm_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                seed: int) -> Image.Image:
    """The non-ECM model (see the module docstring): the received page, bilevel, 1728 wide."""
    del xdpi  # the scanner's 1728 elements over 215 mm are 204 per inch
    _, received, _ = _transmit(page, page_dpi, ydpi, seed)
    return Image.fromarray(~received)
