"""Layout set "p": six one-page business documents and a non-ECM fax reception model.

Documents (``LAYOUTS_P``; each one letter-size page, Latin-1, laid out as tests/ocr_layouts.py
lays out its pages; 19 to 21 printed lines, 7 or 8 key tokens and one phrase each):

- ``discharge``: a hospital discharge summary (header pairs, diagnoses, a medication table),
  NewCenturySchlbk-Roman 9 pt;
- ``freight``: a German forwarder's freight invoice (references, a five-column charges
  table, totals, IBAN), Helvetica-Narrow 9 pt;
- ``certificado``: a Spanish medical certificate for an employer (certifying text, label and
  value pairs), Palatino-Roman 10 pt;
- ``dme``: a durable medical equipment order for home oxygen (HCPCS table, Medicare ID,
  NPIs, diagnosis codes), AvantGarde-Book 9 pt;
- ``service``: a proof of service by fax for a California court filing (case caption,
  served parties with fax numbers and times), Courier 10 pt;
- ``payoff``: a mortgage payoff statement (loan data, an amounts table, per diem, wire
  details), Bookman-Demi 8.5 pt.

Names come from Vietnamese, Spanish, Basque, Norwegian, Portuguese, Quechua, German,
Yoruba, Igbo, Dutch, Flemish, Danish, Irish, Arabic, Afrikaans and Japanese.

Conditions: ``clean`` (Ghostscript's G4 fax device, via tests/ocr_layouts_f.py's
``render_layout_page``) and ``non-ECM`` (``non_ecm_fax`` below, on the page rendered grey at
408 dpi).

Provenance: written on 6 December 2026 by an author who had read neither ocr/ nor any other
set's damage model (beyond the two in tests/ocr_layouts.py, which was read for ``LayoutDoc``,
and the one-paragraph summaries in benchmarks/ocr_quality.py's docstring) nor any reading
(OCR output) of any page, and frozen after commit: its parameters and weights are not to be
changed to suit results. Files of the repository read: tests/ocr_layouts.py;
tests/ocr_layouts_f.py's ``render_layout_page``, ``_ps_string``, ``postscript`` and ``_gs``;
benchmarks/ocr_quality.py's list of sets and ``LATER_LAYOUT_SETS`` (to add this set). No
OCR was run on any page of this set. Public sources read: ITU-T T.4 (MH and MR code tables,
K, EOL, tag bit, fill, RTC) and T.30 (minimum scan line times); V.17 and V.29 (2400 baud,
bits per symbol, the 1 + x^-18 + x^-23 scrambler); spandsp (github freeswitch/spandsp, and
libs/spandsp in signalwire/freeswitch): t4_t6_decode.c and t4_t6_decode_states.h (the
receiver below), t4_t6_encode.c (EOL before each line, fill before the EOL up to the minimum
bits per line, six EOLs of RTC; its code tables were compared with the ones here),
v17rx.c and v29rx.c (descramblers), t38_gateway.c, t38_non_ecm_buffer.c and t38_core.c
(30 ms of data per IFP; missing non-ECM data is not replaced); FreeSWITCH mod_spandsp
(UDPTL redundancy of three IFPs); HylaFAX cqtest(8) and hylafax-config(5) (a page with
fewer than 95% good lines or more than 5 consecutive bad lines fails copy quality), used to
judge the damage realistic.

Model (``receive``; per page, everything drawn from the seed):

- Sender (``draw_sender``, ``scan``): half the pages come from a computer fax, the page
  area-averaged straight to 1728 pels a line at the fax resolution and cut at mid-grey; half are a
  printed sheet through a fax machine's sheet feeder: skew N(0, 0.6) degrees (within 2),
  feed speed N(1, 0.006) (a page a little long or short), sideways offset U(-6, 6) pels,
  optical blur sigma U(0.35, 0.7) pel, each pel averaging its area, pel gain N(1, s) with s
  U(0.005, 0.02) left by shading correction, sensor noise sigma U(3, 8) grey levels and a
  fixed threshold U(100, 160). Coding: MR with p 0.6 (K = 2 at 98 lpi, K = 4 at 196 lpi),
  else MH; minimum scan line time 0, 5, 10 or 20 ms (p 0.35, 0.15, 0.3, 0.2), met by fill.
- Coding (``encode_page``): T.4 bit for bit: an EOL, then each line, its fill and the next
  EOL (with the MR tag bit), then RTC.
- Line (``draw_line``, ``channel_errors``, ``t38_kept``): the path is PSTN (p 0.5), G.711
  VoIP (0.25) or T.38 (0.25); the modem V.17 at 14400 or 12000 bit/s (p 0.45, 0.15) or V.29
  at 9600 or 7200 (0.3, 0.1). Demodulator decision-error events come at a per-symbol rate
  10^N(-4.8, 0.8) (clipped to 10^-7..10^-2.7); an event spans 2 symbols on V.29
  (differential phase) and 2 plus a geometric number (mean 3 in all) on V.17 (Viterbi
  bursts), its bits wrong with probability one half, the first always. Impulse noise hits
  at 10^N(-0.5, 0.6) per minute, lasting a lognormal time (median 2 ms, log sigma 0.8, 0.2
  to 30 ms), bits wrong with probability one half. On G.711, 20 ms packets are lost in
  Gilbert-Elliott bursts (loss share 10^N(-2.3, 0.45), clipped to 10^-4..10^-1.2, mean
  burst 1.5 packets); the demodulator decodes nonsense through each burst and 10 to 40 ms
  after it. All these errors then pass the receiving modem's descrambler (1 + x^-18 +
  x^-23), so each wrong bit becomes three. On T.38 the same loss process drops UDPTL packets
  carrying 30 ms of data each plus the three previous IFPs; an IFP is lost only when four
  packets in a row are, and its data is then simply missing from the bit stream (the lines
  around the gap merge).
- Receiver (``decode_page``): as spandsp's t4_t6_decode.c: it hunts for an EOL at every bit,
  steps over a pattern that is no code one bit at a time, ignores runs once a line is full,
  drops a vertical code that would step backwards, takes a line as good only if it is exactly
  1728 pels long, shows a bad line as the line before it again, and uses the bad line's own
  runs (cut, or padded with white after a black pel) as the reference for a 2-D line after
  it; back-to-back EOLs are no line, and five end the page. A lost EOL merges two lines
  (the page gets shorter); MR errors smear down to the next 1-D line. The received page is
  as many lines as were decoded.

Checked: for every page here at both resolutions, MH and MR with minimum line lengths of 0,
96 and 288 bits, the coded bits wrapped in a TIFF (Compression 3, T4Options 0 or 1) decode
with libtiff (tiffcp) to exactly the lines sent, as they do with ``decode_page``;
``decode_page`` decodes libtiff's own G3 1-D and 2-D coding of the same pages exactly; a page
holding every run length from 0 to 1728 of either colour, coded MH and MR (K = 2 and 4),
decodes exactly with libtiff and with ``decode_page``.

Lines not as sent (``lines_not_as_sent``: the share of sent scan lines that no output line
shows exactly; a damaged blank line shown as the blank line before counts as sent, a lost
line does not):

- the benchmark's pages (the six documents with seeds 3, 5, 7 and 11, each passed on as
  seed * 1000 + the sum of the document name's character codes):
  204x98: median 0.09%, 10th to 90th percentile 0.00% to 3.29%, at most 7.39%; 8 of the 24
  pages untouched, 7 above 1%, 1 above 5%;
  204x196: median 0.35%, 10th to 90th percentile 0.00% to 3.60%, at most 5.69%; 7 of the 24
  untouched, 7 above 1%, 1 above 5%;
- 360 pages per resolution (the six documents, seeds 1 to 60):
  204x98: median 0.18%, 10th to 90th percentile 0.00% to 1.95%, at most 18.1%; 36%
  untouched, 16% above 1%, 4.2% above 5%;
  204x196: median 0.18%, 10th to 90th percentile 0.00% to 2.28%, at most 14.5%; 29%
  untouched, 19% above 1%, 5.0% above 5%.

Read by the benchmark:

    python benchmarks/ocr_quality.py --set layouts-p
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from tests.ocr_layouts import LayoutDoc, cols, text
from tests.ocr_layouts_f import render_layout_page

LAYOUTS_P = [
    LayoutDoc("discharge", "NewCenturySchlbk-Roman", 9, [
        cols((72, "ST. BRENDAN'S REGIONAL HOSPITAL"), (370, "DISCHARGE SUMMARY")),
        cols((72, "Patient: Thi Ngoc Lan Nguyen"), (370, "MRN: 00-731-4488")),
        cols((72, "Admitted: 11/27/2026"), (370, "Discharged: 12/03/2026")),
        cols((72, "Attending: Dr. Rafael Echeverría"), (370, "Unit: 4 West, bed 12")),
        [],
        text("Principal diagnosis: community-acquired pneumonia, right lower lobe."),
        text("Secondary: type 2 diabetes mellitus; chronic kidney disease, stage 3a."),
        text("Allergies: penicillin (rash). Code status: full code."),
        text("Hospital course: treated with ceftriaxone 1 g IV daily and azithromycin"),
        text("500 mg for 3 days, then switched to oral cefpodoxime. Afebrile since 11/30."),
        text("Creatinine peaked at 1.9 and returned to baseline 1.4 with hydration."),
        text("Pending at discharge: blood cultures, no growth at 72 hours."),
        [],
        cols((72, "Discharge medications"), (250, "Dose"), (330, "Frequency")),
        cols((72, "cefpodoxime"), (250, "200 mg"), (330, "every 12 h, 4 more days")),
        cols((72, "metformin"), (250, "500 mg"), (330, "twice daily, resume 12/05")),
        cols((72, "insulin glargine"), (250, "18 units"), (330, "at bedtime")),
        cols((72, "lisinopril"), (250, "held"), (330, "until renal panel reviewed")),
        [],
        text("Follow-up: Dr. Ingrid Solberg (primary care) within 7 days, tel. 555-304-2271"),
        text("Repeat chest radiograph in 6 weeks. Return if fever above 38.3 C or dyspnea."),
        cols((72, "Dictated by R. Echeverría, MD"), (300, "12/03/2026 16:42"),
             (420, "Job 88213-DS")),
    ], ["00-731-4488", "Echeverría", "ceftriaxone", "cefpodoxime", "glargine", "Solberg",
        "555-304-2271", "88213-DS"], phrase="returned to baseline 1.4 with hydration"),
    LayoutDoc("freight", "Helvetica-Narrow", 9, [
        cols((72, "KESTREL LINEHAUL GmbH & Co. KG"), (360, "FREIGHT INVOICE")),
        cols((72, "Hafenstraße 41, 28197 Bremen"), (360, "Invoice No.: KL-26-004417")),
        cols((72, "Tel. +49 421 5530 870"), (360, "Date: 04.12.2026")),
        [],
        cols((72, "Bill to: Andes Imports LLC"), (360, "PRO No.: 7715-0392-88")),
        cols((72, "Attn: Marisol Quispe"), (360, "Terms: net 30 days")),
        text("8020 Harbor Gateway Dr, Long Beach CA 90810"),
        [],
        cols((72, "Shipper ref: PO-33871"), (250, "Consignee ref: AI-5521")),
        cols((72, "Origin: Bremerhaven DE"), (250, "Destination: Long Beach US"),
             (420, "Container: TGHU 882190-4")),
        cols((72, "Vessel: MSC Adelaide V.245W"), (250, "B/L: KLBRE2611873")),
        [],
        cols((72, "Code"), (110, "Description"), (300, "Qty"), (340, "Unit price"),
             (420, "Amount (EUR)")),
        cols((72, "OF"), (110, "Ocean freight 40' HC"), (300, "1"), (340, "2,840.00"),
             (420, "2,840.00")),
        cols((72, "BAF"), (110, "Bunker adjustment factor"), (300, "1"), (340, "412.50"),
             (420, "412.50")),
        cols((72, "THC"), (110, "Terminal handling, origin"), (300, "1"), (340, "265.00"),
             (420, "265.00")),
        cols((72, "DOC"), (110, "Documentation fee"), (300, "1"), (340, "45.00"),
             (420, "45.00")),
        cols((72, "CHS"), (110, "Chassis usage, days"), (300, "3"), (340, "38.00"),
             (420, "114.00")),
        [],
        cols((300, "Subtotal"), (420, "3,676.50")),
        cols((300, "VAT 0% (export)"), (420, "0.00")),
        cols((300, "Total due"), (420, "3,676.50")),
        [],
        text("Pay to: Weser Landesbank, IBAN DE89 2905 0101 0001 2345 67, BIC WELADED1BRE"),
        text("Payment by 03.01.2027 quoting the invoice number. Questions: Jürgen Haßelbeck"),
    ], ["KL-26-004417", "7715-0392-88", "Quispe", "Bremerhaven", "882190-4", "3,676.50",
        "Haßelbeck"], phrase="Bunker adjustment factor"),
    LayoutDoc("certificado", "Palatino-Roman", 10, [
        cols((72, "CENTRO DE SALUD SAN LORENZO"), (360, "Servicio Andaluz de Salud")),
        cols((72, "Avda. de la Constitución 118, 41930 Bormujos"), (360, "Tel. 955 612 804")),
        [],
        text("CERTIFICADO MÉDICO"),
        text("D.ª Begoña Iturriaga Salcedo, médica colegiada n.º 41/0928376,"),
        text("CERTIFICA:"),
        text("Que D. Joaquim Conceição Ribeiro, nacido el 17/08/1979, con NIE Y-4471920-K"),
        text("ha sido atendido en esta consulta el día 02/12/2026 por esguince de tobillo"),
        text("derecho de grado II, con inmovilización mediante férula posterior."),
        text("Se prescribe reposo relativo y no apoyar el pie durante 14 días."),
        [],
        cols((72, "Fecha de baja:"), (200, "02/12/2026")),
        cols((72, "Revisión prevista:"), (200, "16/12/2026")),
        cols((72, "Tratamiento:"), (200, "ibuprofeno 600 mg cada 8 horas, 5 días")),
        cols((200, "enoxaparina 40 mg subcutánea, una vez al día")),
        cols((72, "Nº de historia:"), (200, "HC-0083419")),
        [],
        text("Y para que conste a petición del interesado, a efectos laborales, firmo"),
        text("el presente en Bormujos, a 2 de diciembre de 2026."),
        [],
        text("Fdo.: Dra. Begoña Iturriaga Salcedo"),
        text("Código de verificación: 7XQ2-PL84-MM90"),
        text("Para: Recursos Humanos, Talleres Guadalquivir S.L., fax 954 330 712"),
    ], ["Iturriaga", "Conceição", "Y-4471920-K", "HC-0083419", "enoxaparina", "16/12/2026",
        "Guadalquivir"], phrase="no apoyar el pie durante 14 días"),
    LayoutDoc("dme", "AvantGarde-Book", 9, [
        text("DURABLE MEDICAL EQUIPMENT ORDER - DETAILED WRITTEN ORDER"),
        cols((72, "To: Lakeshore Home Medical Supply"), (300, "Fax: 555-610-4093"),
             (430, "Tel: 555-610-4000")),
        cols((72, "From: Bayview Pulmonary Associates"), (300, "NPI 1730558291")),
        [],
        cols((72, "Beneficiary: Oluwaseun Adeyemi"), (300, "DOB: 09/14/1951")),
        cols((72, "Medicare ID: 5EG4-TE7-MK72"), (300, "Secondary: Evergreen Medigap G")),
        text("Address: 2217 Wilmette Ave, Apt 3B, Evanston IL 60201"),
        text("Contact: daughter Adaeze Adeyemi, 555-218-9046"),
        [],
        cols((72, "HCPCS"), (120, "Item"), (350, "Qty"), (390, "Length of need")),
        cols((72, "E1390"), (120, "Oxygen concentrator, 5 L/min"), (350, "1"),
             (390, "99 months")),
        cols((72, "E0431"), (120, "Portable gaseous O2 system, cylinder"), (350, "1"),
             (390, "99 months")),
        cols((72, "E0443"), (120, "Portable O2 contents, gaseous"), (350, "4"),
             (390, "per month")),
        cols((72, "A4615"), (120, "Nasal cannula"), (350, "2"), (390, "per month")),
        [],
        text("Prescription: 2 L/min continuous via nasal cannula, at rest, exertion, sleep."),
        text("Qualifying test: SpO2 86% on room air at rest, 11/28/2026, Kaori Whitfield RRT."),
        text("Diagnosis: J44.1 COPD with acute exacerbation; J96.11 chronic respiratory"),
        text("failure with hypoxia. Humidifier bottle not required."),
        cols((72, "Face-to-face visit: 11/28/2026"), (300, "Order date: 12/02/2026")),
        [],
        cols((72, "Ordering practitioner: Dr. Anneke Vos-Hartmann"), (330, "NPI 1457903362")),
        text("Signature on file. Please deliver by 12/05/2026 and fax the delivery ticket."),
    ], ["Adeyemi", "5EG4-TE7-MK72", "E1390", "A4615", "1730558291", "Evanston", "J96.11"],
        phrase="Portable gaseous O2 system, cylinder"),
    LayoutDoc("service", "Courier", 10, [
        text("SUPERIOR COURT OF CALIFORNIA, COUNTY OF ALAMEDA"),
        cols((72, "Case No. RG26-118734"), (300, "Dept. 21")),
        text("Halvorsen Tool & Die, Inc. v. Mbeki-Laurent Logistics"),
        text("Attorneys for Plaintiff: Brandt & Oyelaran LLP, SBN 284471"),
        [],
        text("PROOF OF SERVICE BY FACSIMILE TRANSMISSION"),
        [],
        text("I, Soledad Arriaga-Finch, declare: I am over 18 years of age and not a"),
        text("party to this action. My business address is 1901 Harrison Street,"),
        text("Suite 640, Oakland, CA 94612. On December 4, 2026, I served:"),
        text("1. NOTICE OF MOTION AND MOTION TO COMPEL FURTHER RESPONSES", 90),
        text("2. DECLARATION OF PIETER VAN RENSBURG; [PROPOSED] ORDER", 90),
        text("by transmitting a true copy by fax to the persons below:"),
        [],
        cols((72, "Name"), (222, "Fax number"), (342, "Time"), (420, "Pages")),
        cols((72, "Yusuf Al-Khatib"), (222, "(415) 555-0187"), (342, "3:12 PM"), (420, "14")),
        cols((72, "Colm Ó Dálaigh"), (222, "(510) 555-0343"), (342, "3:19 PM"), (420, "14")),
        [],
        text("The transmissions were reported complete and without error."),
        text("A copy of each transmission report is attached."),
        text("I declare under penalty of perjury under the laws of the State"),
        text("of California that the foregoing is true and correct."),
        [],
        cols((72, "Date: 12/04/2026"), (240, "/s/ Soledad Arriaga-Finch")),
    ], ["RG26-118734", "Al-Khatib", "Dálaigh", "555-0343", "COMPEL", "perjury", "284471"],
        phrase="PROOF OF SERVICE BY FACSIMILE TRANSMISSION"),
    LayoutDoc("payoff", "Bookman-Demi", 8.5, [
        cols((72, "CASCADE RIDGE MORTGAGE SERVICING"), (380, "PAYOFF STATEMENT")),
        cols((72, "P.O. Box 40127, Spokane WA 99220"), (380, "Toll free 1-800-555-0164")),
        [],
        cols((72, "Requested by: Pemberton Title & Escrow"), (380, "Fax 509-555-0190")),
        cols((72, "Attention: Haruki Tanabe"), (380, "Escrow no. PTE-26-7781")),
        text("Borrowers: Søren Kjærgaard and Ilse Vandenbroucke"),
        text("Property: 1148 Larkspur Lane, Coeur d'Alene ID 83814"),
        cols((72, "Loan number: 0071-558-2930"), (300, "Statement date: 12/04/2026")),
        cols((72, "Payoff good through: 12/18/2026"), (300, "Interest rate: 6.125%")),
        [],
        cols((72, "Unpaid principal balance"), (330, "$214,377.06")),
        cols((72, "Interest from 11/01/2026 to 12/18/2026"), (330, "$1,726.77")),
        cols((72, "Escrow advance"), (330, "$312.40")),
        cols((72, "Late charges"), (330, "$0.00")),
        cols((72, "Recording/reconveyance fee"), (330, "$46.00")),
        cols((72, "Payoff processing fee"), (330, "$25.00")),
        cols((72, "Total amount to pay off"), (330, "$216,487.23")),
        [],
        text("Per diem interest after 12/18/2026: $35.97. Funds received after 3:00 PM"),
        text("Pacific are posted the next business day. Wire to Columbia Basin Bank,"),
        text("ABA 325070760, account 4410082213, reference loan 0071-558-2930."),
        text("The escrow balance of $1,204.55 will be refunded within 20 days of payoff."),
        text("This statement is void if the loan is reinstated or modified."),
        [],
        text("Servicing specialist: Marguerite Okonkwo, extension 4471"),
    ], ["0071-558-2930", "Kjærgaard", "Vandenbroucke", "Tanabe", "Larkspur", "6.125%",
        "$216,487.23"], phrase="void if the loan is reinstated"),
]

CONDITIONS = ("clean", "non-ECM")

WIDTH = 1728  # pels on a T.4 scan line (215 mm at 8 pels/mm)

# --- ITU-T T.4 code tables (Tables 1 to 4), bit strings in transmission order -------------

def _bits(codes: str) -> list[str]:
    return codes.split()


_WHITE_TERMINATING = _bits(
    "00110101 000111 0111 1000 1011 1100 1110 1111 10011 10100 00111 01000 001000 000011 "
    "110100 110101 101010 101011 0100111 0001100 0001000 0010111 0000011 0000100 0101000 "
    "0101011 0010011 0100100 0011000 00000010 00000011 00011010 00011011 00010010 "
    "00010011 00010100 00010101 00010110 00010111 00101000 00101001 00101010 00101011 "
    "00101100 00101101 00000100 00000101 00001010 00001011 01010010 01010011 01010100 "
    "01010101 00100100 00100101 01011000 01011001 01011010 01011011 01001010 01001011 "
    "00110010 00110011 00110100")
_BLACK_TERMINATING = _bits(
    "0000110111 010 11 10 011 0011 0010 00011 000101 000100 0000100 0000101 0000111 "
    "00000100 00000111 000011000 0000010111 0000011000 0000001000 00001100111 "
    "00001101000 00001101100 00000110111 00000101000 00000010111 00000011000 "
    "000011001010 000011001011 000011001100 000011001101 000001101000 000001101001 "
    "000001101010 000001101011 000011010010 000011010011 000011010100 000011010101 "
    "000011010110 000011010111 000001101100 000001101101 000011011010 000011011011 "
    "000001010100 000001010101 000001010110 000001010111 000001100100 000001100101 "
    "000001010010 000001010011 000000100100 000000110111 000000111000 000000100111 "
    "000000101000 000001011000 000001011001 000000101011 000000101100 000001011010 "
    "000001100110 000001100111")
# Make-up codes for 64, 128, ... 1728.
_WHITE_MAKEUP = _bits(
    "11011 10010 010111 0110111 00110110 00110111 01100100 01100101 01101000 01100111 "
    "011001100 011001101 011010010 011010011 011010100 011010101 011010110 011010111 "
    "011011000 011011001 011011010 011011011 010011000 010011001 010011010 011000 "
    "010011011")
_BLACK_MAKEUP = _bits(
    "0000001111 000011001000 000011001001 000001011011 000000110011 000000110100 "
    "000000110101 0000001101100 0000001101101 0000001001010 0000001001011 0000001001100 "
    "0000001001101 0000001110010 0000001110011 0000001110100 0000001110101 0000001110110 "
    "0000001110111 0000001010010 0000001010011 0000001010100 0000001010101 0000001011010 "
    "0000001011011 0000001100100 0000001100101")
# Make-up codes for 1792 ... 2560, common to both colours: never sent at 1728 pels, but a
# corrupted line can contain them and a receiver decodes them.
_EXTENDED_MAKEUP = _bits(
    "00000001000 00000001100 00000001101 000000010010 000000010011 000000010100 "
    "000000010101 000000010110 000000010111 000000011100 000000011101 000000011110 "
    "000000011111")
EOL = "000000000001"
_PASS = "0001"
_HORIZONTAL = "001"
_VERTICAL = {0: "1", 1: "011", 2: "000011", 3: "0000011", -1: "010", -2: "000010",
             -3: "0000010"}
_EXTENSION = "0000001"  # 2-D extension (uncompressed mode): a receiver skips it

# Decoding tables look at the next 13 bits (the longest code is 13 bits), MSB first.
_WINDOW = 13
_NULL, _TERM, _MAKEUP, _PASS_MODE, _HORIZ_MODE, _VERT_MODE, _EXT_MODE = range(7)


def _code_table(codes: dict[str, tuple[int, int]]) -> list[tuple[int, int, int]]:
    """A lookup from the next 13 bits to (kind, code length, value); a bit pattern that
    starts no code decodes as one bit of nothing, as spandsp's t4_t6_decode.c does."""
    table = [(_NULL, 1, 0)] * (1 << _WINDOW)
    for bits, (kind, value) in codes.items():
        first = int(bits, 2) << (_WINDOW - len(bits))
        last = first + (1 << (_WINDOW - len(bits)))
        table[first:last] = [(kind, len(bits), value)] * (last - first)
    return table


def _run_codes(terminating: list[str], makeup: list[str]) -> dict[str, tuple[int, int]]:
    codes = {bits: (_TERM, run) for run, bits in enumerate(terminating)}
    codes |= {bits: (_MAKEUP, 64 * (i + 1)) for i, bits in enumerate(makeup)}
    codes |= {bits: (_MAKEUP, 1792 + 64 * i) for i, bits in enumerate(_EXTENDED_MAKEUP)}
    return codes


_RUN_TABLES = (_code_table(_run_codes(_WHITE_TERMINATING, _WHITE_MAKEUP)),
               _code_table(_run_codes(_BLACK_TERMINATING, _BLACK_MAKEUP)))
_MODE_TABLE = _code_table({_PASS: (_PASS_MODE, 0), _HORIZONTAL: (_HORIZ_MODE, 0),
                           _EXTENSION: (_EXT_MODE, 0)}
                          | {bits: (_VERT_MODE, d) for d, bits in _VERTICAL.items()})


# --- T.4 coding ---------------------------------------------------------------------------

def _changing_elements(row: np.ndarray) -> list[int]:
    """Positions where a row of ink (True = black) changes colour, white assumed before it."""
    return np.flatnonzero(np.diff(row.astype(np.int8), prepend=0)).tolist()


def _run_code(run: int, colour: int) -> str:
    terminating, makeup = ((_WHITE_TERMINATING, _WHITE_MAKEUP) if colour == 0
                           else (_BLACK_TERMINATING, _BLACK_MAKEUP))
    head = makeup[run // 64 - 1] if run >= 64 else ""
    return head + terminating[run % 64]


def _mh_line(changes: list[int]) -> str:
    edges = [0, *changes, WIDTH]
    return "".join(_run_code(b - a, i & 1) for i, (a, b) in enumerate(itertools.pairwise(edges)))


def _b1_b2(ref: list[int], a0: int, colour: int, at_start: bool) -> tuple[int, int]:
    """T.4 b1 (first changing element on the reference line right of a0 and of the colour
    opposite a0's) and b2 (the next one). ``ref`` ends with three sentinels at WIDTH;
    even-indexed elements turn black, odd ones white."""
    j = bisect.bisect_right(ref, a0 - 1 if at_start else a0)
    if (j & 1) != colour:
        j += 1
    return ref[j], ref[j + 1]


def _mr_line(changes: list[int], ref: list[int]) -> str:
    """One line two-dimensionally coded against the line above (T.4 4.2.1.3)."""
    cur = [*changes, WIDTH, WIDTH, WIDTH]
    out: list[str] = []
    a0, colour, at_start = 0, 0, True
    while a0 < WIDTH:
        i = bisect.bisect_right(cur, a0 - 1 if at_start else a0)
        a1, a2 = cur[i], cur[i + 1]
        b1, b2 = _b1_b2(ref, a0, colour, at_start)
        if b2 < a1:
            out.append(_PASS)
            a0 = b2
        elif abs(a1 - b1) <= 3:
            out.append(_VERTICAL[a1 - b1])
            a0, colour = a1, colour ^ 1
        else:
            out.append(_HORIZONTAL + _run_code(a1 - a0, colour) + _run_code(a2 - a1, colour ^ 1))
            a0 = a2
        at_start = False
    return "".join(out)


@dataclass(frozen=True)
class Coded:
    """A page as sent: its bits, and where each scan line's coded data begins."""
    bits: np.ndarray  # uint8 0/1, in transmission order
    line_starts: np.ndarray  # index of each scan line's first data bit


def encode_page(ink: np.ndarray, two_d_every: int, min_bits: int) -> Coded:
    """T.4 coding of a page as a fax sends it: an EOL, each line followed by fill (zeros up
    to the minimum scan line time) and the next EOL, then RTC (six EOLs). MH when
    ``two_d_every`` is 1; otherwise MR with K = ``two_d_every``, every EOL followed by a tag
    bit (1: the next line is one-dimensional)."""
    mr = two_d_every > 1
    pieces: list[str] = []
    starts: list[int] = []
    length = 0
    ref = [WIDTH] * 3
    line = ""
    for y, row in enumerate(ink):
        one_d = y % two_d_every == 0
        eol = EOL + ("1" if one_d else "0") if mr else EOL
        # Fill goes between a line's data and the EOL that follows it (T.4 4.1.3).
        fill = "0" * max(0, min_bits - len(line) - len(eol)) if y else ""
        pieces.append(fill + eol)
        length += len(fill) + len(eol)
        starts.append(length)
        changes = _changing_elements(row)
        line = _mh_line(changes) if one_d else _mr_line(changes, ref)
        pieces.append(line)
        length += len(line)
        ref = [*changes, WIDTH, WIDTH, WIDTH]
    eol = EOL + "1" if mr else EOL
    pieces.append("0" * max(0, min_bits - len(line) - len(eol)) + eol * 6)
    bits = np.frombuffer("".join(pieces).encode("ascii"), dtype=np.uint8) - ord("0")
    return Coded(bits, np.asarray(starts))


# --- The receiver's decoder ---------------------------------------------------------------

def _windows(bits: np.ndarray) -> np.ndarray:
    """The next 13 bits at every position, MSB first (zeros past the end)."""
    padded = np.concatenate([bits, np.zeros(_WINDOW, np.uint8)]).astype(np.uint16)
    out = np.zeros(len(bits), np.uint16)
    for k in range(_WINDOW):
        out |= padded[k:k + len(bits)] << (_WINDOW - 1 - k)
    return out


def _next_at_or_after(marks: np.ndarray, n: int) -> np.ndarray:
    """For every position, the first marked position at or after it (n if none)."""
    table = np.full(n + 1, n, np.int64)
    table[marks] = marks
    return np.minimum.accumulate(table[::-1])[::-1]


def _eol_starts(bits: np.ndarray) -> np.ndarray:
    """Where an EOL (eleven zeros, then a one) starts, wherever it is: a receiver hunts for
    EOLs bit by bit, not only between code words."""
    ones = np.flatnonzero(bits)
    previous = np.concatenate([[-1], ones[:-1]])
    return ones[ones - previous - 1 >= 11] - 11


def _pixels(changes: list[int], end: int) -> np.ndarray:
    toggles = np.zeros(WIDTH + 1, np.int8)
    np.add.at(toggles, [c for c in changes if c < min(end, WIDTH)], 1)
    ink = (np.cumsum(toggles[:WIDTH]) & 1).astype(bool)
    ink[end:] = False
    return ink


@dataclass
class _Line:
    """A scan line being decoded: its changing elements so far, a0, the colour at a0, a
    make-up run not yet terminated and how many more one-dimensional runs a horizontal
    mode code awaits."""
    two_d: bool
    start: int  # where its data began in the received bits
    changes: list[int]
    a0: int = 0
    colour: int = 0
    pending: int = 0
    horizontal: int = 0
    at_start: bool = True

    @property
    def length(self) -> int:
        return self.a0 + self.pending


@dataclass
class Decoded:
    rows: list[np.ndarray]
    starts: list[int]  # where each output row's data began in the received bits
    bad: int


class _Decoder:
    """A T.4 receiver after spandsp's t4_t6_decode.c: it hunts for an EOL at every bit; a
    bit pattern that is no code is stepped over one bit at a time; a line is good only if
    its runs add up to exactly 1728 pels; a bad line is shown as the previous line again,
    and its own runs, cut or padded to 1728 pels, are the reference for a 2-D line after
    it; an empty line (two EOLs back to back) is no line, and five of them end the page."""

    def __init__(self, bits: np.ndarray, mr: bool) -> None:
        self.bits = bits
        self.mr = mr
        self.window = memoryview(_windows(bits))
        self.next_eol = memoryview(_next_at_or_after(_eol_starts(bits), len(bits)))
        self.next_one = memoryview(_next_at_or_after(np.flatnonzero(bits), len(bits)))
        self.ref = [WIDTH] * 3
        self.shown = np.zeros(WIDTH, bool)
        self.out = Decoded([], [], 0)

    def run(self) -> Decoded:
        n = len(self.bits)
        pos = self.next_eol[0]
        line: _Line | None = None
        empty_lines = 0
        while pos < n:
            eol = self.next_eol[pos]
            if eol == pos:
                if line is not None and line.length:
                    self._finish(line)
                    empty_lines = 0
                elif line is not None:
                    empty_lines += 1
                    if empty_lines >= 5:
                        break
                pos += len(EOL)
                two_d = self.mr and pos < n and self.bits[pos] == 0
                pos += int(self.mr)
                line = _Line(two_d, pos, [])
                continue
            assert line is not None
            window = self.window[pos]
            if window == 0:
                # A run of zeros (fill, or damage): nothing decodes until a one comes in.
                line.horizontal = 0
                pos = max(pos + 1, min(self.next_one[pos] - (_WINDOW - 1), eol))
                continue
            width = self._code(line, window)
            pos = min(pos + width, eol)
        return self.out

    def _code(self, line: _Line, window: int) -> int:
        if line.two_d and not line.horizontal:
            return self._mode(line, window)
        kind, width, value = _RUN_TABLES[line.colour][window]
        if kind == _MAKEUP:
            line.pending += value
        elif kind == _TERM:
            if line.a0 < WIDTH:  # once a line is full, further runs are ignored
                line.a0 += line.pending + value
                line.pending = 0
                if line.a0 < WIDTH:
                    line.changes.append(line.a0)
            line.colour ^= 1
            line.horizontal = max(0, line.horizontal - 1)
            line.at_start = False
        else:
            line.horizontal = 0
        return width

    def _mode(self, line: _Line, window: int) -> int:
        kind, width, value = _MODE_TABLE[window]
        if line.a0 >= WIDTH or kind in (_NULL, _EXT_MODE):
            return width
        b1, b2 = _b1_b2(self.ref, line.a0, line.colour, line.at_start)
        if kind == _PASS_MODE:
            line.a0 = b2
        elif kind == _HORIZ_MODE:
            line.horizontal = 2
        else:
            a1 = b1 + value
            if a1 < line.a0 or (a1 == line.a0 and not line.at_start):
                return width  # a step backwards: the code is dropped
            line.a0 = a1
            if a1 < WIDTH:
                line.changes.append(a1)
            line.colour ^= 1
        line.at_start = False
        return width

    def _finish(self, line: _Line) -> None:
        if line.length == WIDTH:
            self.shown = _pixels(line.changes, WIDTH)
            self.ref = [*_changing_elements(self.shown), WIDTH, WIDTH, WIDTH]
        else:
            self.out.bad += 1
            self.ref = [*_changing_elements(self._padded(line)), WIDTH, WIDTH, WIDTH]
        self.out.rows.append(self.shown)
        self.out.starts.append(line.start)

    @staticmethod
    def _padded(line: _Line) -> np.ndarray:
        """spandsp's repair of a bad line for use as a reference: cut at 1728 pels; if
        short, white to the end, with one black pel first if it ended in white."""
        end = min(line.a0, WIDTH)
        ink = _pixels(line.changes, end)
        if end < WIDTH and line.colour == 0:
            ink[end] = True
        return ink


def decode_page(bits: np.ndarray, mr: bool) -> Decoded:
    return _Decoder(bits, mr).run()


# --- The sender ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Sender:
    """How the page became fax lines: rendered straight to the fax resolution by a computer
    fax, or printed and fed through a fax machine's sheet scanner; then coded."""
    scanned: bool
    skew_degrees: float = 0.0
    feed: float = 1.0  # sheet speed past the sensor over nominal: >1 gives fewer lines
    offset_pels: float = 0.0  # the sheet's sideways place in the feeder
    blur_pels: float = 0.0  # optical spread of the contact image sensor (sigma)
    noise: float = 0.0  # sensor noise, grey levels (sigma)
    shading: float = 0.0  # pel-to-pel sensitivity left after shading correction (sigma)
    threshold: float = 128.0  # the black/white decision on 0..255
    two_d_every: int = 1  # 1: MH; K: MR with a 1-D line every K lines
    min_scan_ms: int = 0  # minimum scan line time agreed in DIS/DCS


def draw_sender(rng: np.random.Generator, ydpi: float) -> Sender:
    mr = rng.random() < 0.6  # most machines offer MR and use it when the receiver does
    two_d_every = (4 if ydpi > 150 else 2) if mr else 1  # T.4: K = 2 standard, 4 fine
    min_scan_ms = int(rng.choice([0, 5, 10, 20], p=[0.35, 0.15, 0.3, 0.2]))
    if rng.random() < 0.5:
        return Sender(False, two_d_every=two_d_every, min_scan_ms=min_scan_ms)
    return Sender(True, skew_degrees=float(np.clip(rng.normal(0, 0.6), -2, 2)),
                  feed=float(rng.normal(1, 0.006)), offset_pels=float(rng.uniform(-6, 6)),
                  blur_pels=float(rng.uniform(0.35, 0.7)), noise=float(rng.uniform(3, 8)),
                  shading=float(rng.uniform(0.005, 0.02)),
                  threshold=float(rng.uniform(100, 160)), two_d_every=two_d_every,
                  min_scan_ms=min_scan_ms)


def scan(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float, sender: Sender,
         rng: np.random.Generator) -> np.ndarray:
    """The page as fax lines of ink (True = black), 1728 pels wide, centred on the sheet."""
    grey = page.convert("L")
    scale = page_dpi / xdpi  # source pixels per pel
    if sender.skew_degrees:
        grey = grey.rotate(sender.skew_degrees, resample=Image.Resampling.BILINEAR,
                           fillcolor=255)
    if sender.blur_pels:
        grey = grey.filter(ImageFilter.GaussianBlur(sender.blur_pels * scale))
    # A white margin, so a sheet offset in the feeder never reads beyond the page.
    margin = round(16 * scale)
    sheet = Image.new("L", (grey.width + 2 * margin, grey.height), 255)
    sheet.paste(grey, (margin, 0))
    span = WIDTH * scale
    left = (sheet.width - span) / 2 + sender.offset_pels * scale
    lines = round(grey.height * ydpi / page_dpi / sender.feed)
    # Each pel averages the light over its own area, as a sensor element does.
    level = np.asarray(sheet.resize((WIDTH, lines), Image.Resampling.BOX,
                                    box=(left, 0, left + span, sheet.height)), np.float32)
    if sender.scanned:
        gain = rng.normal(1, sender.shading, WIDTH).astype(np.float32)
        level = level * gain + rng.normal(0, sender.noise, level.shape).astype(np.float32)
    return level < sender.threshold


# --- The line -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """The call's path and quality, drawn once per page. Error events are counted before
    the receiving modem's descrambler; the descrambler (1 + x^-18 + x^-23 for V.17 and
    V.29) turns each wrong bit into three."""
    path: str  # "PSTN", "G.711" (VoIP with the modem signal in the voice codec) or "T.38"
    modem: str
    bit_rate: int
    bits_per_symbol: int
    error_events: float  # demodulator decision-error events per symbol
    impulses_per_minute: float  # impulse noise hits on the analogue legs
    packet_loss: float  # share of VoIP packets lost (G.711 and T.38 only)
    loss_burst: float  # mean number of packets lost together

    @property
    def error_event_symbols(self) -> tuple[int, float]:
        """(shortest, mean) length in symbols of one decision-error event: V.29 decodes the
        phase differentially, so one wrong decision spoils two symbols; V.17's Viterbi
        decoder errs in short bursts (its 2 differentially coded bits add one more)."""
        return (2, 2.0) if self.modem == "V.29" else (2, 3.0)


_MODEMS = (("V.17", 14400, 6), ("V.17", 12000, 5), ("V.29", 9600, 4), ("V.29", 7200, 3))


def draw_line(rng: np.random.Generator) -> Line:
    path = str(rng.choice(["PSTN", "G.711", "T.38"], p=[0.5, 0.25, 0.25]))
    modem, bit_rate, bits_per_symbol = _MODEMS[rng.choice(4, p=[0.45, 0.15, 0.3, 0.1])]
    error_events = 10 ** float(np.clip(rng.normal(-4.8, 0.8), -7, -2.7))
    impulses = 10 ** float(rng.normal(-0.5, 0.6))
    loss = 10 ** float(np.clip(rng.normal(-2.3, 0.45), -4, -1.2)) if path != "PSTN" else 0.0
    return Line(path, modem, bit_rate, bits_per_symbol, error_events, impulses, loss, 1.5)


def _garble(errors: np.ndarray, start: int, length: int, rng: np.random.Generator) -> None:
    """Bits the demodulator got wrong at random (each with probability one half)."""
    stop = min(len(errors), start + length)
    if start < stop:
        errors[start:stop] ^= rng.random(stop - start) < 0.5


def _losses(packets: int, line: Line, rng: np.random.Generator) -> list[tuple[int, int]]:
    """(first packet, count) of each burst of lost packets: a two-state (Gilbert-Elliott)
    chain with the line's loss share and mean burst length."""
    if line.packet_loss <= 0:
        return []
    leave_bad = 1 / line.loss_burst
    enter_bad = line.packet_loss * leave_bad / (1 - line.packet_loss)
    draws = rng.random(packets)
    bursts: list[tuple[int, int]] = []
    lost = False
    for i, u in enumerate(draws):
        lost = (u >= leave_bad) if lost else (u < enter_bad)
        if lost and bursts and bursts[-1][0] + bursts[-1][1] == i:
            bursts[-1] = (bursts[-1][0], bursts[-1][1] + 1)
        elif lost:
            bursts.append((i, 1))
    return bursts


def channel_errors(n_bits: int, line: Line, rng: np.random.Generator) -> np.ndarray:
    """Which received bits are wrong after the descrambler: demodulator decision errors,
    impulse noise and, on a G.711 VoIP leg, the modem signal lost with each packet."""
    errors = np.zeros(n_bits, bool)
    bits_per_second = line.bit_rate
    seconds = n_bits / bits_per_second
    symbols = -(-n_bits // line.bits_per_symbol)
    shortest, mean = line.error_event_symbols
    for start in rng.integers(0, symbols, rng.poisson(line.error_events * symbols)):
        length = shortest - 1 + int(rng.geometric(1 / (mean - shortest + 1)))
        first = int(start) * line.bits_per_symbol
        _garble(errors, first, length * line.bits_per_symbol, rng)
        errors[min(first, n_bits - 1)] = True  # the first decision of an event is wrong
    for start in rng.integers(0, n_bits, rng.poisson(line.impulses_per_minute * seconds / 60)):
        duration = float(np.clip(rng.lognormal(np.log(2e-3), 0.8), 2e-4, 3e-2))
        _garble(errors, int(start), round(duration * bits_per_second), rng)
    if line.path == "G.711":
        # A lost 20 ms packet is concealed with made-up audio; the demodulator decides on
        # nonsense through it and for a while after, until its equaliser settles again.
        for first, count in _losses(-(-n_bits // (bits_per_second // 50)), line, rng):
            span = (count * 0.02 + rng.uniform(0.01, 0.04)) * bits_per_second
            _garble(errors, first * bits_per_second // 50, round(span), rng)
    descrambled = errors.copy()
    descrambled[18:] ^= errors[:-18]
    descrambled[23:] ^= errors[:-23]
    return descrambled


# T.38 as spandsp's gateway and FreeSWITCH's mod_spandsp run it: 30 ms of non-ECM data per
# IFP packet, each UDPTL packet also carrying the three IFPs before it.
_T38_CHUNK_SECONDS = 0.03
_T38_REDUNDANCY = 3


def t38_kept(n_bits: int, line: Line, rng: np.random.Generator) -> np.ndarray:
    """Indices of the bits that reach the receiver over T.38: an IFP is lost only when it
    and the three packets after it are all lost, and the receiving gateway then plays on
    without that data (a gap in the bit stream, nothing filled in)."""
    chunk = round(line.bit_rate * _T38_CHUNK_SECONDS / 8) * 8
    keep = np.ones(n_bits, bool)
    for first, count in _losses(-(-n_bits // chunk), line, rng):
        for ifp in range(first, first + count - _T38_REDUNDANCY):
            keep[ifp * chunk:(ifp + 1) * chunk] = False
    return np.flatnonzero(keep)


# --- A call ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reception:
    image: Image.Image  # the received page at the fax resolution
    sender: Sender
    line: Line
    sent_lines: int
    received_lines: int
    bad_lines: int  # lines the decoder found bad (shown as the line before)
    not_as_sent: float  # share of sent scan lines not shown exactly as sent


def _share_not_as_sent(sent: np.ndarray, coded: Coded, decoded: Decoded,
                       kept: np.ndarray) -> float:
    """A sent line is received as sent if some output line that began within its coded
    data (traced back through any T.4 gap) shows exactly its pels."""
    as_sent = np.zeros(len(sent), bool)
    for row, start in zip(decoded.rows, decoded.starts, strict=True):
        origin = kept[min(start, len(kept) - 1)]
        i = int(np.searchsorted(coded.line_starts, origin, "right")) - 1
        if 0 <= i < len(sent) and not as_sent[i] and np.array_equal(row, sent[i]):
            as_sent[i] = True
    return float(1 - as_sent.mean())


def receive(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
            seed: int) -> Reception:
    """One page sent over a non-ECM call and received: scanned or rendered, T.4 coded, bits
    corrupted (and, over T.38, dropped) on the line, decoded; see the module docstring."""
    rng = np.random.default_rng(seed)
    sender, line = draw_sender(rng, ydpi), draw_line(rng)
    ink = scan(page, page_dpi, xdpi, ydpi, sender, rng)
    min_bits = sender.min_scan_ms * line.bit_rate // 1000
    coded = encode_page(ink, sender.two_d_every, min_bits)
    bits = coded.bits ^ channel_errors(len(coded.bits), line, rng)
    kept = (t38_kept(len(bits), line, rng) if line.path == "T.38"
            else np.arange(len(bits)))
    decoded = decode_page(bits[kept], sender.two_d_every > 1)
    rows = np.array(decoded.rows) if decoded.rows else np.zeros((1, WIDTH), bool)
    image = Image.fromarray(np.where(rows, 0, 255).astype(np.uint8)).convert("1")
    return Reception(image, sender, line, len(ink), len(decoded.rows), decoded.bad,
                     _share_not_as_sent(ink, coded, decoded, kept))


def non_ecm_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                seed: int) -> Image.Image:
    """The page as received over a non-ECM fax call (see the module docstring)."""
    return receive(page, page_dpi, xdpi, ydpi, seed).image


def lines_not_as_sent(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                      seed: int) -> float:
    """Share of the page's scan lines that the receiver did not show exactly as sent."""
    return receive(page, page_dpi, xdpi, ydpi, seed).not_as_sent


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    return render_layout_page(root, doc, resolution, condition, seed, "layout-p",
                              {"non-ECM": non_ecm_fax})
