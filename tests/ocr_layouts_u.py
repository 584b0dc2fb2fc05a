"""Layout set "u": six one-page business documents and a non-ECM fax reception model.

Documents (``LAYOUTS_U``), letter pages laid out as tests/ocr_layouts.py lays them out, in
Latin-1 (as tests/ocr_layouts_f.py's ``render_layout_page`` renders them: an ASCII "-" prints
with PostScript's minus glyph and "'" as a closing quote, kept so that the sets compare):

- ``surgery_booking``: a surgeon's office's outpatient surgery scheduling request to a
  hospital's operating room desk: MRN, member and authorization numbers, a table of
  procedures with CPT and ICD-10 codes, requested dates, an anticoagulant to hold, Yoruba,
  Polish, Hawaiian and Irish names; Helvetica 9 pt.
- ``release_certificate``: a repair station's authorized release certificate (an FAA Form
  8130-3 copy) for an airline's parts: form tracking, repair station, work order and PO
  numbers, a table of part and serial numbers with their status, remarks citing manuals and
  an airworthiness directive, a South African signatory; Courier 8.5 pt.
- ``cremation_authorization``: a funeral home's authorization for cremation and disposition:
  case, death certificate and medical examiner release numbers, a French-Canadian decedent
  and next of kin with accents, the crematory's license, an implanted device removed, a
  signed statement; Palatino-Roman 11 pt.
- ``grain_settlement``: a cooperative elevator's settlement sheet for a farmer's soybeans:
  settlement, account, contract and scale ticket numbers, a table of gross pounds, moisture,
  shrink, dockage and net bushels, price, drying and checkoff deductions, a check number and
  a lien holder's UCC filing; Helvetica-Narrow 9.5 pt.
- ``certificat_empadronament``: a Catalan town hall's certificate of the people registered at
  one address (certificat d'empadronament col·lectiu, with the middle dot): file and sheet
  numbers, a table of names with DNI and NIE numbers (their check letters right), birth and
  registration dates, a secure verification code; Bookman-Light 10 pt.
- ``uppgjor_fiskmarkadar``: an Icelandic fish auction's settlement to a boat's owner: kennitala
  numbers (check digits right), the vessel and its registry number, landing and auction dates,
  a table of species (þorskur, ýsa, ...) with kilograms, average prices and amounts in kronur
  with Icelandic separators, market, harbour and haulage deductions, a bank account;
  NewCenturySchlbk-Roman 9 pt.

Conditions (``CONDITIONS``): "clean" (Ghostscript's fax device) and "non-ECM"
(``non_ecm_fax``, the model below: the page as a fax server stores it after a call without
error correction over a long-haul international route), at 204x98 and 204x196. A page is
fixed by its seed and resolution (the two resolutions are two calls).
``lines_not_as_sent`` gives the share of the sender's scan lines that the server did not
write as sent: a line counts as sent if the line written where its data arrived (at the EOL
that ended it) is the same, pel for pel.

Provenance: written on 2026-12-06 by an author who had read nothing under ocr/, no other
set's damage model and no OCR reading of any page, and who ran no OCR on these pages. Of this
repository it read tests/ocr_layouts.py; in tests/ocr_layouts_f.py its imports and
``render_layout_page``, ``_ps_string``, ``postscript`` and ``_gs``; in
benchmarks/ocr_quality.py the docstring's entries for layouts-f to layouts-t (to repeat
neither a kind of page nor a damage emphasis), ``LATER_LAYOUT_SETS`` and the lines that load
a later set's module; in tests/ocr_layouts_t.py its docstring's list of documents, the
signatures of ``non_ecm_fax`` and ``lines_not_as_sent`` and its ``make_layout_page``; and a
listing of the names (not the bodies) defined at the top level of tests/ocr_layouts_t.py and
tests/ocr_layouts_f.py. Public sources: spandsp's src/t4_t6_decode.c (FreeSWITCH's copy: an
EOL sought at every bit, a line good only at exactly the width, the last good line written
again for a bad one, the bad line's runs kept as the next reference, RTC as EOLs with nothing
between) and src/t30.c (the TCF test, a run of zeros as long as the bit rate; the non-ECM
copy quality thresholds; the modem fallback sequence). The code tables are T.4's; the coder
was checked with libtiff's fax2tiff, which decodes its MH and MR pages pel for pel as sent.
The routes' figures (SNR, clock offsets, fades) are the author's estimates.

Model (``non_ecm_fax``), with an emphasis none of sets f-t had: what a long-haul
international route does to a page. The sender is a computer fax (area average, mid-grey
threshold) or, 60% of the time, a fax machine scanning the sheet (up to about half a degree
askew, its optics' blur, sensor noise, a threshold of its own); it codes the page MH (25%)
or MR with K = 2 at 98 and 4 at 196 lines an inch, bit for bit, EOL after every line and
RTC at the end, without fill (the server asks for no minimum line time). The route is fibre
(25%: digital end to end, clocks locked, about 33 dB), a geostationary satellite hop (30%:
DCME, about 27.5 dB; the earth station's clock 0.05-1 ppm off, so a frame slip every 2 to 40
minutes; on 60% of calls a rain fade lets the bearer's FEC pass error bursts into PCM
samples, 0.03-4 clicks a second waxing and waning) or a low-cost carrier's route (45%: 32
kbit/s ADPCM transcoding, about 20 dB; a free-running clock 1-15 ppm off, a slip every 8 s to
2 minutes). The sender trains down from 14400 (9600 without V.17) until the server's TCF test
finds a whole second without error; during the page the noise wanders up to a dB either way,
giving decision errors (Viterbi error events for V.17, a symbol or two for V.29 and V.27 ter)
at a decade a dB; a click upsets a few symbols; a slip jumps the carrier phase about 80
degrees and the timing a third of a symbol, so the modem's decisions are garbage for some 25
ms (3% of slips: 0.1-0.4 s, the equaliser lost). Each line error leaves the self-synchronising
descrambler (1 + x^-18 + x^-23; V.27 ter's 1 + x^-6 + x^-7) as three. The server decodes
the bits as spandsp does (above); a page with 15% of its lines bad or more is refused (RTN)
and sent again one rate lower, at most twice, the last copy kept. Lines not as sent, on
seeds 3, 4, 5, 7 and 11 (six documents, two resolutions each): per seed, the median
(and the largest) of its twelve pages: 3: 0.05% (0.83%); 4: 0.07% (1.99%); 5: 0.12% (0.93%);
7: 0.00% (0.23%); 11: 0.37% (2.32%). All sixty: median 0.09%, mean 0.29%, 90th percentile
0.84%, largest 2.32%; 48% of the pages have no line changed. On seeds 20-49 (360 pages):
median 0, 90th percentile 0.97%, 95th 1.90%, largest 14.75% (a slip's garbage over blank MR
lines, 14 bits each: that page came out 152 lines short).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from tests.ocr_layouts import LayoutDoc, cols, text
from tests.ocr_layouts_f import render_layout_page

CONDITIONS = ("clean", "non-ECM")

SURGERY_BOOKING = LayoutDoc("surgery_booking", "Helvetica", 9, [
    cols((72, "LAKESHORE GENERAL SURGERY ASSOCIATES"), (370, "Fax to OR scheduling: 555-304-7719")),
    cols((72, "1180 Harbor View Drive, Suite 210"), (370, "Date sent: 12/03/2026")),
    [],
    text("OUTPATIENT SURGERY SCHEDULING REQUEST"),
    cols((72, "Patient: Oyelaran, Folasade T."), (300, "DOB: 08/21/1979"),
         (430, "MRN: LG-00583142")),
    cols((72, "Phone: 555-611-2094"), (300, "Sex: F"), (430, "Weight: 81 kg")),
    cols((72, "Insurance: Keystone Blue PPO"), (300, "ID: KBP7730461928"),
         (430, "Auth: PA-26-118405")),
    [],
    cols((72, "Procedure"), (290, "CPT"), (340, "ICD-10"), (400, "Side"), (450, "Est. time")),
    cols((72, "Laparoscopic cholecystectomy"), (290, "47562"), (340, "K80.20"), (400, "N/A"),
         (450, "90 min")),
    cols((72, "Intraoperative cholangiogram"), (290, "74300"), (340, "K80.20"), (400, "N/A"),
         (450, "20 min")),
    [],
    cols((72, "Surgeon: Mateusz Wroblewski, MD"), (300, "Assistant: Kalani Akana, PA-C")),
    cols((72, "Requested date: 01/14/2027 (AM)"), (300, "Alternate: 01/21/2027")),
    cols((72, "Anesthesia: general endotracheal"), (300, "Admission: same day, 23 h observation")),
    text("Pre-op testing: CBC, BMP, urine hCG, EKG; H&P within 30 days of surgery."),
    text("Allergies: cefazolin (hives), adhesive tape. Latex: no."),
    text("Anticoagulant: apixaban 5 mg BID, hold 48 hours before surgery per cardiology."),
    text("Equipment: C-arm for the cholangiogram; no implants expected."),
    cols((72, "Scheduler: Brigid O'Donoghue"), (300, "Direct line: 555-304-7702")),
], ["Oyelaran", "LG-00583142", "PA-26-118405", "47562", "K80.20", "Wroblewski", "01/14/2027",
    "apixaban", "cefazolin"], phrase="hold 48 hours before surgery")

RELEASE_CERTIFICATE = LayoutDoc("release_certificate", "Courier", 8.5, [
    text("AUTHORIZED RELEASE CERTIFICATE - FAA FORM 8130-3 (COPY)"),
    cols((72, "Form tracking no.: KAC-26-04471"), (330, "Approving authority: FAA / USA")),
    cols((72, "Organization: Kestrel Aero Components, Inc."), (330, "Repair station: K7QR512N")),
    cols((72, "2150 Airport Road, Wichita KS 67209"), (330, "Work order: WO-118392")),
    cols((72, "Customer: Nordvik Air Cargo AS"), (330, "Customer PO: NAC-4500019273")),
    [],
    cols((72, "Item"), (102, "Description"), (230, "Part No."), (330, "Qty"), (360, "Serial No."),
         (450, "Status/Work")),
    cols((72, "1"), (102, "Starter generator"), (230, "23078-022"), (330, "1"), (360, "SG4417"),
         (450, "OVERHAULED")),
    cols((72, "2"), (102, "Fuel control unit"), (230, "3244784-07"), (330, "1"),
         (360, "FCU-A20931"), (450, "REPAIRED")),
    cols((72, "3"), (102, "Brake assembly"), (230, "2-1577-3"), (330, "2"),
         (360, "B8806, B8811"), (450, "INSPECTED/TESTED")),
    [],
    text("12. Remarks:"),
    text("Item 1 overhauled IAW CMM 24-30-15 Rev. 9. AD 2019-14-07 complied with."),
    text("Item 2 repaired IAW CMM 73-21-04 Rev. 22; flow tested, data sheet FT-60715 attached."),
    text("Item 3 inspected and tested IAW CMM 32-42-31 Rev. 5; wear pins within limits."),
    [],
    text("14a. Return to service: 14 CFR 43.9, other regulation specified in block 12."),
    cols((72, "14b. Signature: T. Mokoena"), (330, "14c. Approval no.: K7QR512N")),
    cols((72, "14d. Name: Thandiwe Mokoena"), (330, "14e. Date: 04/Dec/2026")),
], ["KAC-26-04471", "K7QR512N", "WO-118392", "NAC-4500019273", "23078-022", "3244784-07",
    "FT-60715", "Mokoena"], phrase="flow tested, data sheet FT-60715 attached")

CREMATION = LayoutDoc("cremation_authorization", "Palatino-Roman", 11, [
    cols((72, "Whitcombe & Reyes Funeral Home"), (360, "Case No. FH-26-0917")),
    cols((72, "88 Linden Avenue, Fall River MA 02720"), (360, "Tel. 555-672-4410")),
    [],
    text("AUTHORIZATION FOR CREMATION AND DISPOSITION"),
    cols((72, "Decedent: Augustin Bélanger-Rousseau"), (360, "Date of death: 11/29/2026")),
    cols((72, "Place of death: St. Anne's Hospital"), (360, "Age: 87")),
    cols((72, "Death certificate no. 2026-045183"), (360, "ME release ME-26-3381")),
    [],
    cols((72, "Authorizing agent: Geneviève Bélanger"), (360, "Relationship: daughter")),
    cols((72, "Address: 14 Quequechan Street, Apt. 3"), (360, "Phone: 555-678-0952")),
    text("Implanted devices: pacemaker, removed by the funeral home on 12/01/2026."),
    text("Crematory: Oak Knoll Crematory, Swansea MA, license CR-0442."),
    text("Cremated remains to be released to the authorizing agent in a bronze urn."),
    text("I have the legal right to authorize this cremation and know of no objection"),
    text("by any relative. I understand that cremation is irreversible."),
    [],
    cols((72, "Signature: Geneviève Bélanger"), (360, "Date: 12/02/2026")),
    cols((72, "Funeral director: Rashid Al-Haddad"), (360, "FD license 8812")),
], ["FH-26-0917", "Bélanger-Rousseau", "11/29/2026", "2026-045183", "ME-26-3381", "Geneviève",
    "CR-0442", "Al-Haddad"], phrase="cremation is irreversible")

GRAIN_SETTLEMENT = LayoutDoc("grain_settlement", "Helvetica-Narrow", 9.5, [
    cols((72, "PRAIRIE ROSE COOPERATIVE ELEVATOR"), (380, "SETTLEMENT SHEET")),
    cols((72, "Box 118, Hartington NE 68739"), (380, "Settlement no. S-26-07734")),
    [],
    cols((72, "Customer: Vanderploeg Farms LLC"), (260, "Account: 30417"),
         (380, "Date: 12/03/2026")),
    cols((72, "Contract: C-26-1183 (priced)"), (260, "Commodity: yellow soybeans #1")),
    [],
    cols((72, "Ticket"), (130, "Date"), (190, "Gross lb"), (260, "Moist. %"), (320, "Shrink %"),
         (380, "Dock %"), (440, "Net bu")),
    cols((72, "418207"), (130, "11/18"), (190, "61,240"), (260, "13.9"), (320, "1.2"),
         (380, "0.4"), (440, "1,004.64")),
    cols((72, "418263"), (130, "11/18"), (190, "58,910"), (260, "14.6"), (320, "2.1"),
         (380, "0.6"), (440, "955.52")),
    cols((72, "418455"), (130, "11/20"), (190, "62,730"), (260, "13.2"), (320, "0.3"),
         (380, "0.3"), (440, "1,039.65")),
    cols((72, "418502"), (130, "11/21"), (190, "60,185"), (260, "12.8"), (320, "0.0"),
         (380, "0.5"), (440, "998.07")),
    cols((72, "418771"), (130, "11/24"), (190, "57,460"), (260, "13.4"), (320, "0.5"),
         (380, "0.4"), (440, "948.86")),
    cols((72, "Total net bushels"), (440, "4,946.74")),
    [],
    cols((72, "Gross value at contract price $10.42/bu"), (440, "$51,545.03")),
    cols((72, "Less drying, $0.04/bu per point over 13.0%"), (440, "-120.82")),
    cols((72, "Less soybean checkoff, 0.5%"), (440, "-257.73")),
    cols((72, "Net amount paid"), (440, "$51,166.48")),
    text("Check no. 048812 to Vanderploeg Farms LLC and Platte Valley Farm Credit, jointly."),
    text("Lien holder: Platte Valley Farm Credit, UCC filing 26-0044719."),
], ["S-26-07734", "Vanderploeg", "30417", "C-26-1183", "418263", "$10.42", "048812",
    "26-0044719"], phrase="Less soybean checkoff, 0.5%")

EMPADRONAMENT = LayoutDoc("certificat_empadronament", "Bookman-Light", 10, [
    cols((72, "AJUNTAMENT DE VILANOVA I LA GELTRÚ"), (380, "Exp.: PAD-2026-018734")),
    cols((72, "Servei d'Atenció Ciutadana"), (380, "Data: 02/12/2026")),
    [],
    text("CERTIFICAT D'EMPADRONAMENT COL·LECTIU"),
    text("Montserrat Llobet i Camprubí, secretària general de l'Ajuntament,"),
    text("CERTIFICO: Que segons les dades del Padró Municipal d'Habitants, en el domicili"),
    text("Rambla de la Pau, 47, 3r 2a, 08800 Vilanova i la Geltrú (full padronal 11472)"),
    text("hi consten inscrites les persones següents:"),
    [],
    cols((72, "Nom i cognoms"), (270, "DNI/NIE"), (360, "Naixement"), (450, "Data d'alta")),
    cols((72, "Jordi Puigdollers i Ferrer"), (270, "46218735M"), (360, "14/03/1981"),
         (450, "09/06/2015")),
    cols((72, "Núria Castellví Solà"), (270, "39077142G"), (360, "27/10/1983"),
         (450, "09/06/2015")),
    cols((72, "Pol Puigdollers Castellví"), (270, "47915306G"), (360, "05/01/2012"),
         (450, "05/01/2012")),
    cols((72, "Ibrahima Diallo Sow"), (270, "X4471820E"), (360, "30/07/1994"),
         (450, "17/02/2024")),
    [],
    text("I, perquè consti, expedeixo aquest certificat a petició de la persona interessada"),
    text("per a la seva presentació a l'Institut Català de la Salut."),
    text("Codi segur de verificació (CSV): 7HQK-2M4P-X9LC-31RT"),
    text("Validesa: tres mesos des de la data d'expedició."),
], ["PAD-2026-018734", "Puigdollers", "Castellví", "46218735M", "X4471820E", "11472",
    "7HQK-2M4P-X9LC-31RT", "Camprubí"], phrase="hi consten inscrites les persones següents")

FISH_SETTLEMENT = LayoutDoc("uppgjor_fiskmarkadar", "NewCenturySchlbk-Roman", 9, [
    cols((72, "FISKMARKAÐUR AUSTFJARÐA HF."), (370, "Kt. 571106-3100")),
    cols((72, "Hafnarbraut 12, 780 Höfn í Hornafirði"), (370, "Sími 470 8150")),
    [],
    cols((72, "UPPGJÖR SELJANDA"), (370, "Uppgjör nr. 2026-4418")),
    cols((72, "Seljandi: Útgerðarfélagið Þórsnes ehf."), (370, "Kt. 540398-2759")),
    cols((72, "Skip: Sæþór SU 142 (skipaskrárnr. 2871)"), (370, "Löndun: 28.11.2026")),
    cols((72, "Uppboð: 29.11.2026, kl. 13:00"), (370, "Löndunarhöfn: Djúpivogur")),
    [],
    cols((72, "Tegund"), (190, "Slægt/óslægt"), (280, "Magn kg"), (350, "Meðalverð kr/kg"),
         (460, "Upphæð kr")),
    cols((72, "Þorskur"), (190, "slægt"), (280, "8.412"), (350, "512,40"), (460, "4.310.309")),
    cols((72, "Ýsa"), (190, "slægt"), (280, "3.905"), (350, "431,10"), (460, "1.683.446")),
    cols((72, "Ufsi"), (190, "óslægt"), (280, "2.230"), (350, "228,50"), (460, "509.555")),
    cols((72, "Steinbítur"), (190, "slægt"), (280, "1.118"), (350, "306,00"), (460, "342.108")),
    cols((72, "Karfi"), (190, "óslægt"), (280, "655"), (350, "265,80"), (460, "174.099")),
    cols((72, "Langa"), (190, "slægt"), (280, "402"), (350, "341,20"), (460, "137.162")),
    cols((72, "Samtals"), (280, "16.722"), (460, "7.156.679")),
    [],
    cols((72, "Markaðsgjald 2,9%"), (460, "-207.544")),
    cols((72, "Aflagjald hafnar 1,6%"), (460, "-114.507")),
    cols((72, "Flutningur Djúpivogur - Höfn, 9,50 kr/kg"), (460, "-158.859")),
    cols((72, "Til greiðslu"), (460, "6.675.769")),
    text("Greitt inn á reikning 0565-26-004417 hjá Landsbankanum 02.12.2026."),
    text("Gjaldkeri: Guðrún Þóra Sveinbjörnsdóttir"),
], ["2026-4418", "Þórsnes", "540398-2759", "2871", "28.11.2026", "Þorskur", "0565-26-004417",
    "Sveinbjörnsdóttir"], phrase="Greitt inn á reikning 0565-26-004417")

LAYOUTS_U = [SURGERY_BOOKING, RELEASE_CERTIFICATE, CREMATION, GRAIN_SETTLEMENT, EMPADRONAMENT,
             FISH_SETTLEMENT]

# The page as a fax machine codes it (ITU-T T.4): 1728 pels a line, MH or MR, EOL-terminated.
WIDTH = 1728
EOL = "000000000001"


def _words(codes: str) -> list[str]:
    return codes.split()


# T.4 tables 2 and 3: terminating codes for runs 0-63, then make-up codes 64, 128, ... 1728.
_WHITE_TERM = _words("""
    00110101 000111 0111 1000 1011 1100 1110 1111 10011 10100 00111 01000 001000
    000011 110100 110101 101010 101011 0100111 0001100 0001000 0010111 0000011 0000100 0101000
    0101011 0010011 0100100 0011000 00000010 00000011 00011010 00011011 00010010 00010011
    00010100 00010101 00010110 00010111 00101000 00101001 00101010 00101011 00101100 00101101
    00000100 00000101 00001010 00001011 01010010 01010011 01010100 01010101 00100100 00100101
    01011000 01011001 01011010 01011011 01001010 01001011 00110010 00110011 00110100""")
_WHITE_MAKEUP = _words("""
    11011 10010 010111 0110111 00110110 00110111 01100100 01100101 01101000
    01100111 011001100 011001101 011010010 011010011 011010100 011010101 011010110 011010111
    011011000 011011001 011011010 011011011 010011000 010011001 010011010 011000
    010011011""")
_BLACK_TERM = _words("""
    0000110111 010 11 10 011 0011 0010 00011 000101 000100 0000100 0000101 0000111
    00000100 00000111 000011000 0000010111 0000011000 0000001000 00001100111 00001101000
    00001101100 00000110111 00000101000 00000010111 00000011000 000011001010 000011001011
    000011001100 000011001101 000001101000 000001101001 000001101010 000001101011
    000011010010 000011010011 000011010100 000011010101 000011010110 000011010111
    000001101100 000001101101 000011011010 000011011011 000001010100 000001010101
    000001010110 000001010111 000001100100 000001100101 000001010010 000001010011
    000000100100 000000110111 000000111000 000000100111 000000101000 000001011000
    000001011001 000000101011 000000101100 000001011010 000001100110 000001100111""")
_BLACK_MAKEUP = _words("""
    0000001111 000011001000 000011001001 000001011011 000000110011 000000110100
    000000110101 0000001101100 0000001101101 0000001001010 0000001001011 0000001001100
    0000001001101 0000001110010 0000001110011 0000001110100 0000001110101 0000001110110
    0000001110111 0000001010010 0000001010011 0000001010100 0000001010101 0000001011010
    0000001011011 0000001100100 0000001100101""")
# Make-up codes 1792-2560, the same for both colours (never sent at 1728 pels; a receiver
# still knows them).
_EXTENDED_MAKEUP = _words("""
    00000001000 00000001100 00000001101 000000010010 000000010011 000000010100
    000000010101 000000010110 000000010111 000000011100 000000011101 000000011110
    000000011111""")


def _table(term: list[str], makeup: list[str]) -> dict[str, tuple[int, bool]]:
    table = {code: (run, False) for run, code in enumerate(term)}
    table.update({code: (64 * (i + 1), True) for i, code in enumerate(makeup + _EXTENDED_MAKEUP)})
    return table


_DECODE_1D = (_table(_WHITE_TERM, _WHITE_MAKEUP), _table(_BLACK_TERM, _BLACK_MAKEUP))
_TERM = (_WHITE_TERM, _BLACK_TERM)
_MAKEUP = (_WHITE_MAKEUP, _BLACK_MAKEUP)
# T.4 table 4, the two-dimensional modes: pass, horizontal, vertical a1 - b1 = -3..3.
_MODES = {"0001": "P", "001": "H", "1": 0, "011": 1, "000011": 2, "0000011": 3, "010": -1,
          "000010": -2, "0000010": -3}
_MODE_CODE = {mode: code for code, mode in _MODES.items()}


def _run_code(run: int, colour: int) -> str:
    out = []
    while run >= 64:
        chunk = min(run // 64, 27) * 64
        out.append(_MAKEUP[colour][chunk // 64 - 1])
        run -= chunk
    out.append(_TERM[colour][run])
    return "".join(out)


def _changes(rows: np.ndarray) -> list[list[int]]:
    """Each row's changing elements: where a pel differs from the one before it (an imaginary
    white pel before the line); even-numbered ones start black, odd-numbered ones white."""
    padded = np.zeros((rows.shape[0], rows.shape[1] + 1), dtype=np.int8)
    padded[:, 1:] = rows
    where = np.nonzero(np.diff(padded, axis=1))
    bounds = np.searchsorted(where[0], np.arange(rows.shape[0] + 1))
    cols_ = where[1].tolist()
    return [cols_[bounds[i]:bounds[i + 1]] for i in range(rows.shape[0])]


def _encode_1d(changes: list[int]) -> str:
    edges = [0, *changes, WIDTH]
    return "".join(_run_code(b - a, i % 2) for i, (a, b) in enumerate(pairwise(edges)))


def _b1b2(ref: list[int], a0: int, colour: int) -> tuple[int, int]:
    """b1: the reference line's first changing element right of a0 and of the colour opposite
    to a0's (an element starting black has an even index); b2: the one after it."""
    j = bisect_right(ref, a0)
    if j % 2 != colour:
        j += 1
    b1 = ref[j] if j < len(ref) else WIDTH
    b2 = ref[j + 1] if j + 1 < len(ref) else WIDTH
    return b1, b2


def _encode_2d(changes: list[int], ref: list[int]) -> str:
    out = []
    a0, colour = -1, 0
    while a0 < WIDTH:
        i = bisect_right(changes, a0)
        a1 = changes[i] if i < len(changes) else WIDTH
        b1, b2 = _b1b2(ref, a0, colour)
        if b2 < a1:
            out.append(_MODE_CODE["P"])
            a0 = b2
        elif abs(a1 - b1) <= 3:
            out.append(_MODE_CODE[a1 - b1])
            a0, colour = a1, 1 - colour
        else:
            a2 = changes[i + 1] if i + 1 < len(changes) else WIDTH
            out.append(_MODE_CODE["H"] + _run_code(a1 - max(a0, 0), colour)
                       + _run_code(a2 - a1, 1 - colour))
            a0 = a2
    return "".join(out)


def _encode_page(rows: np.ndarray, k: int) -> tuple[str, list[int]]:
    """The page's bits as sent: an EOL, then each line followed by its EOL (with MR, a tag bit
    after every EOL: 1, the next line is one-dimensional), then RTC (six EOLs in all). ``k``
    is 1 for MH; with MR every k-th line is coded one-dimensionally. Also where each line's
    closing EOL starts."""
    changes = _changes(rows)
    mr = k > 1
    parts = [EOL + ("1" if mr else "")]
    ends = []
    length = len(parts[0])
    for i, row in enumerate(changes):
        data = _encode_1d(row) if i % k == 0 else _encode_2d(row, changes[i - 1])
        parts.append(data)
        length += len(data)
        ends.append(length)
        tag = ("1" if (i + 1) % k == 0 or i + 1 == len(changes) else "0") if mr else ""
        parts.append(EOL + tag)
        length += len(EOL + tag)
    parts.append((EOL + ("1" if mr else "")) * 5)
    return "".join(parts), ends


# The receiving fax server's decoder, bit for bit, after spandsp's t4_t6_decode.c (as Asterisk
# and FreeSWITCH use it): an EOL is looked for at every bit, so a line ends wherever eleven
# zeros and a one arrive; a line is good only if its runs add up to 1728 pels; for a bad
# line the last good line is written again, while the bad line's runs, cut or padded to the
# width, become the reference for a two-dimensional line after it.


def _code_1d(bits: str, at: int, colour: int) -> tuple[int, int, bool] | None:
    table = _DECODE_1D[colour]
    for length in range(2, 14):
        hit = table.get(bits[at:at + length])
        if hit is not None:
            return length, hit[0], hit[1]
    return None


def _decode_1d(bits: str, limit: int) -> tuple[list[int], int]:
    """A one-dimensional line: its changing elements and its length in pels. Codes start
    before ``limit`` (where the next EOL starts) and may read into its zeros."""
    changes: list[int] = []
    at, colour, row_len, pending = 0, 0, 0, 0
    while at < limit:
        code = _code_1d(bits, at, colour)
        if code is None:  # not a code: step one bit on, in the same colour
            at += 1
            continue
        length, run, makeup = code
        at += length
        if makeup:
            pending += run
            continue
        if row_len < WIDTH:  # junk after a full line is not added (but make-ups are)
            row_len += pending + run
            pending = 0
            changes.append(row_len)
        colour = 1 - colour
    row_len += pending
    if changes and changes[-1] >= row_len:
        changes.pop()
    return changes, row_len


def _decode_2d(bits: str, limit: int, ref: list[int]) -> tuple[list[int], int]:
    """A two-dimensional line against the reference line's changing elements."""
    changes: list[int] = []
    at, a0, colour = 0, -1, 0
    while at < limit and a0 < WIDTH:
        mode = None
        for length in (1, 3, 4, 6, 7):
            mode = _MODES.get(bits[at:at + length])
            if mode is not None:
                break
        if mode is None:  # an extension or no code at all: skip a bit
            at += 1
            continue
        at += length
        b1, b2 = _b1b2(ref, a0, colour)
        if mode == "P":
            a0 = b2
        elif mode == "H":
            runs = []
            for run_colour in (colour, 1 - colour):
                run, makeups = 0, 0
                while True:
                    code = _code_1d(bits, at, run_colour)
                    if code is None:
                        break
                    at += code[0]
                    run += code[1]
                    if not code[2]:
                        break
                    makeups += 1
                if code is None:
                    at += 1
                    break
                runs.append(run)
            start = max(a0, 0)
            for run in runs:
                start += run
                changes.append(start)
                a0 = start
            if len(runs) == 1:
                colour = 1 - colour
        else:
            a1 = b1 + mode
            if a1 < 0 or a1 <= a0:  # no step forward: the code is ignored
                continue
            changes.append(a1)
            a0, colour = a1, 1 - colour
    row_len = max(a0, 0)
    while changes and changes[-1] >= min(row_len, WIDTH):
        changes.pop()
    return changes, row_len


def _reference(changes: list[int], row_len: int) -> list[int]:
    """A bad line's runs made into a reference line: cut at the width, or padded with white (a
    one-pel black run first if the line ended white), as spandsp does."""
    changes = [c for c in changes if c < WIDTH]
    if row_len < WIDTH:
        if len(changes) % 2 == 0:
            changes.append(row_len)
            if row_len + 1 < WIDTH:
                changes.append(row_len + 1)
        else:
            changes.append(row_len)
    return changes


def _pels(changes: list[int]) -> np.ndarray:
    edges = np.zeros(WIDTH + 1, dtype=np.int8)
    np.add.at(edges, np.asarray(changes, dtype=np.int64), 1)
    return (np.cumsum(edges[:WIDTH]) % 2).astype(bool)


@dataclass
class _Received:
    rows: list[np.ndarray]
    ends: list[int]  # where the EOL closing each written line starts in the received bits
    bad: int


def _decode_page(bits: str, mr: bool) -> _Received:
    """Decode a page as received, up to RTC (five EOLs with nothing between them) or the end of
    the carrier; a partial line the carrier cuts off is not written."""
    got = _Received([], [], 0)
    at = bits.find(EOL)
    if at < 0:
        return got
    at += 12
    two_d = mr and bits[at:at + 1] == "0"
    at += 1 if mr else 0
    last_good = np.zeros(WIDTH, dtype=bool)
    ref: list[int] = []
    empty = 0
    while True:
        eol = bits.find(EOL, at)
        if eol < 0:
            break
        segment = bits[at:eol + 11]
        changes, row_len = (_decode_2d(segment, eol - at, ref) if two_d
                            else _decode_1d(segment, eol - at))
        if row_len == 0:  # EOL after EOL: RTC, or fill and a stray EOL
            empty += 1
            if empty >= 5:
                break
        else:
            empty = 0
            if row_len == WIDTH:
                last_good = _pels(changes)
                ref = changes
            else:
                got.bad += 1
                ref = _reference(changes, row_len)
            got.rows.append(last_good)
            got.ends.append(eol)
        at = eol + 12
        if mr:
            two_d = bits[at:at + 1] == "0"
            at += 1
    return got


# The long-haul call. Rates a sender steps down through; the SNR (dB) at which a modem's
# decisions err once in 1e5 bits (V.29 at 9600 and 7200, V.27 ter at 4800; V.17's trellis
# coding gains 2 dB at 9600 and 7200); bits per symbol; symbols per second.
RATES = (14400, 12000, 9600, 7200, 4800)
_SNR_1E5 = {14400: 26.0, 12000: 23.5, 9600: 20.5, 7200: 18.0, 4800: 13.5}
_TRELLIS_GAIN = 2.0
_BITS = {14400: 6, 12000: 5, 9600: 4, 7200: 3, 4800: 3}
_BAUD = {14400: 2400, 12000: 2400, 9600: 2400, 7200: 2400, 4800: 1600}


@dataclass
class _Call:
    route: str  # "fibre", "satellite" or "low-cost"
    snr: float  # dB, with the route's ADPCM transcoding if any
    v17: bool  # the sender has V.17 (else V.29 and V.27 ter only)
    ppm: float  # how far the clocks either side of a plesiochronous border are apart
    fade: float  # clicks a second at the worst of a rain fade on the satellite bearer, or 0
    k: int  # 1: MH; 2 or 4: MR with that K


def _call(rng: np.random.Generator, ydpi: float) -> _Call:
    route = str(rng.choice(("fibre", "satellite", "low-cost"), p=(0.25, 0.3, 0.45)))
    if route == "fibre":  # a digital route end to end, clocks locked: G.711 and the loops
        snr, ppm, fade = rng.normal(33, 2.5), 1e-5, 0.0
    elif route == "satellite":  # a geostationary hop, DCME at 40 kbit/s for voiceband data
        snr = rng.normal(27.5, 2.0)
        ppm = float(np.exp(rng.uniform(np.log(0.05), np.log(1.0))))  # an earth station's
        fade = float(np.exp(rng.uniform(np.log(0.3), np.log(4.0)))) if rng.random() < 0.6 else 0
    else:  # a low-cost carrier's route: 32 kbit/s ADPCM transcoding, a free-running clock
        snr = rng.normal(20.0, 2.5)
        ppm = float(np.exp(rng.uniform(np.log(1.0), np.log(15.0))))
        fade = 0.0
    v17 = rng.random() < 0.7
    k = 1 if rng.random() < 0.25 else (4 if ydpi > 150 else 2)
    return _Call(route, float(snr), bool(v17), ppm, fade, k)


def _trellis(call: _Call, rate: int) -> bool:
    return call.v17 and rate >= 7200


def _ber(call: _Call, rate: int, drift: float = 0.0) -> float:
    """Line bit errors a bit: a decade for each dB of SNR."""
    need = _SNR_1E5[rate] - (_TRELLIS_GAIN if _trellis(call, rate) and rate <= 9600 else 0)
    return float(np.clip(1e-5 * 10 ** (need - call.snr - drift), 1e-10, 1e-2))


def _taps(rate: int) -> tuple[int, int]:
    """The descrambler's taps: 1 + x^-18 + x^-23 (V.17, V.29), 1 + x^-6 + x^-7 (V.27 ter,
    without its guard against repeated patterns)."""
    return (6, 7) if rate == 4800 else (18, 23)


def _event_symbols(call: _Call, rate: int, rng: np.random.Generator, click: bool) -> int:
    if _trellis(call, rate):  # a Viterbi decoder's error event
        return int(min(rng.geometric(0.45) + (2 if click else 0), 8))
    return int(rng.integers(1, 4 if click else 3))  # differential phase: a symbol or two


def _fade_rate(call: _Call, seconds: float, rng: np.random.Generator) -> np.ndarray:
    """Clicks a second in each 4 s of the page: a rain fade comes and goes."""
    steps = int(seconds // 4) + 1
    if not call.fade:
        return np.zeros(steps)
    return call.fade * 10 ** rng.uniform(-1, 0, steps)


def _training_passes(call: _Call, rate: int, rng: np.random.Generator) -> bool:
    """TCF: 1.5 s of zeros, accepted if a whole second of it arrives without an error."""
    mean_events = 1.5 * rate * _ber(call, rate) / 3 + 1.5 * call.fade * 0.4 * 0.6
    times = np.sort(rng.uniform(0, 1.5, rng.poisson(mean_events)))
    gaps = np.diff(np.concatenate(([0.0], times, [1.5])))
    return bool(gaps.max() >= 1.0)


def _line_errors(call: _Call, rate: int, count: int, rng: np.random.Generator) -> np.ndarray:
    """Which line bits the receiving modem gets wrong, before its descrambler."""
    errors = np.zeros(count + 64, dtype=np.uint8)
    bits = _BITS[rate]
    symbols = count // bits
    seconds = count / rate

    def hit(symbol: int, length: int, most: int) -> None:
        for s in range(symbol, min(symbol + length, symbols)):
            for b in rng.choice(bits, size=int(rng.integers(1, most + 1)), replace=False):
                errors[s * bits + int(b)] ^= 1

    # Decision errors from the noise of the route (mostly its ADPCM), about 3 bits an event;
    # the noise wanders up to a dB either way during the page from what the TCF found.
    drift = 0.0
    for step in range(int(seconds // 2) + 1):
        drift = float(np.clip(drift + rng.normal(0, 0.3), -1.0, 1.0))
        lo = int(2 * step * _BAUD[rate])
        hi = min(int(2 * (step + 1) * _BAUD[rate]), symbols)
        if hi <= lo:
            break
        expected = (hi - lo) * bits * _ber(call, rate, drift) / 3
        for symbol in rng.integers(lo, hi, rng.poisson(expected)):
            hit(int(symbol), _event_symbols(call, rate, rng, False), 2)
    # Clicks: the satellite bearer's FEC lets an error burst through into a PCM sample.
    for step, per_second in enumerate(_fade_rate(call, seconds, rng)):
        span = min(4.0, seconds - 4 * step)
        for t in 4 * step + rng.uniform(0, span, rng.poisson(per_second * span)):
            if rng.random() < 0.4:  # a low-order bit of the sample: a small click
                if rate >= 12000 and rng.random() < 0.5:
                    hit(int(t * _BAUD[rate]), 1, 1)
                continue
            hit(int(t * _BAUD[rate]), _event_symbols(call, rate, rng, True), 3)
    # Frame slips: a 125 us frame dropped or repeated jumps the carrier phase about 80 degrees
    # and the timing a third of a symbol; the receiver's decisions are garbage until its loops
    # pull in again (tens of ms), or, now and then, until its equaliser has reconverged.
    # A slip each time the clocks drift a frame (125 us) apart.
    for t in rng.uniform(0, seconds, rng.poisson(seconds * call.ppm * 1e-6 / 125e-6)):
        hold = (rng.uniform(0.1, 0.4) if rng.random() < 0.03
                else float(np.exp(rng.normal(np.log(0.025), 0.6))))
        start = int(t * rate)
        span = max(1, min(int(hold * rate), count - start))
        odds = np.linspace(0.5, 0.05, span)
        errors[start:start + span] ^= (rng.random(span) < odds).astype(np.uint8)
    return errors[:count]


def _descrambled(errors: np.ndarray, taps: tuple[int, int]) -> np.ndarray:
    """A self-synchronising descrambler outputs in[n] ^ in[n - t1] ^ in[n - t2]: being linear,
    the data it gives out are those sent, each line error flipping three of them."""
    out = errors.copy()
    for tap in taps:
        out[tap:] ^= errors[:-tap]
    return out


def _scan(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
          rng: np.random.Generator) -> np.ndarray:
    """The sheet as the sending side makes it 1728 pels wide: a computer fax renders it (area
    average, mid-grey threshold); a fax machine scans it a little askew, through its optics,
    with sensor noise and its own threshold. True is black."""
    if rng.random() < 0.6:
        page = page.rotate(float(rng.normal(0, 0.35)), resample=Image.Resampling.BILINEAR,
                           fillcolor=255)
        page = page.filter(ImageFilter.GaussianBlur(0.45 * page_dpi / xdpi))
        noise, threshold = 6.0, float(rng.uniform(112, 150))
    else:
        noise, threshold = 0.0, 128.0
    width = round(page.width * xdpi / page_dpi)
    small = page.resize((width, round(page.height * ydpi / page_dpi)), Image.Resampling.BOX)
    gray = np.asarray(small, dtype=np.float32)
    if noise:
        gray = gray + rng.normal(0, noise, gray.shape).astype(np.float32)
    ink = gray < threshold
    left = (width - WIDTH) // 2
    if left >= 0:
        return ink[:, left:left + WIDTH]
    return np.pad(ink, ((0, 0), (-left, WIDTH - width + left)))


@dataclass
class _Page:
    received: np.ndarray
    not_as_sent: float
    rates: list[int]


def _fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float, seed: int) -> _Page:
    rng = np.random.default_rng([seed, round(ydpi)])
    call = _call(rng, ydpi)
    sent = _scan(page, page_dpi, xdpi, ydpi, rng)
    bits, ends = _encode_page(sent, call.k)
    sent_bits = np.frombuffer(bits.encode("ascii"), dtype=np.uint8) - 48
    top = RATES if call.v17 else RATES[2:]
    tried = []
    start = 0
    for attempt in range(3):  # RTN: the sender trains again one rate lower and resends
        rate = next((r for r in top[start:] if _training_passes(call, r, rng)), top[-1])
        tried.append(rate)
        errors = _descrambled(_line_errors(call, rate, len(bits), rng), _taps(rate))
        received = ((sent_bits ^ errors) + 48).tobytes().decode("ascii")
        got = _decode_page(received, call.k > 1)
        # spandsp's copy quality: under 5% bad lines good, under 15% retrain, else RTN
        if attempt == 2 or (got.rows and got.bad < 0.15 * len(got.rows)):
            break
        start = top.index(rate) + 1 if rate != top[-1] else top.index(rate)
    # A sent line is as sent if a line written where its data arrived is the line itself.
    kept = set()
    for row, end in zip(got.rows, got.ends, strict=True):
        i = bisect_left(ends, end)
        if i < len(sent) and np.array_equal(row, sent[i]):
            kept.add(i)
    image = np.array(got.rows) if got.rows else np.zeros((1, WIDTH), dtype=bool)
    return _Page(image, 1 - len(kept) / len(sent), tried)


def non_ecm_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                seed: int) -> Image.Image:
    """The page as the fax server stores it after a non-ECM call (see the module docstring)."""
    received = _fax(page, page_dpi, xdpi, ydpi, seed).received
    return Image.fromarray(np.where(received, 0, 255).astype(np.uint8)).convert("1")


def lines_not_as_sent(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                      seed: int) -> float:
    """The share of the page's scan lines the server did not write as the sender coded them."""
    return _fax(page, page_dpi, xdpi, ydpi, seed).not_as_sent


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    return render_layout_page(root, doc, resolution, condition, seed, "layout-u",
                              {"non-ECM": non_ecm_fax})
