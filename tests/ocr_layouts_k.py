"""A held-out OCR report set, written on 6 December 2026 by an author who had read neither
ocr/ nor any other set's damage model nor any reading (OCR output) of any page. Read were only
tests/ocr_layouts.py's ``LayoutDoc`` and line helpers and tests/ocr_layouts_f.py's page
renderer and PostScript helpers (its thermal model, printed between them, passed the author's
eyes in that listing; nothing here comes from it). Nobody OCRed these pages before this file was
committed. Frozen after commit: the documents, key tokens, degradation model and its
parameters are not to be changed after a reading, or the figures become a tuning result.

Six kinds of page not used by the other sets: a physical therapy plan of care (Helvetica
9.5 pt, a goals table), an explanation of benefits with a claims table (Courier 9 pt), a
Florida court notice of hearing (Times 11 pt), a vendor remittance advice with an invoice
table (Helvetica Narrow 10 pt), a laboratory test requisition with a test table (New Century
Schoolbook 9.5 pt) and a Spanish landlord's rent review letter (Bookman Light 10 pt, accents,
ñ, º and · in ISO Latin-1). All names, numbers, codes and addresses are invented.

Conditions: ``clean`` (Ghostscript's fax device) and ``non-ECM``: the page as received over
a noisy telephone line without T.30 error correction mode, so that line errors reach the
T.4 decoder and the receiver prints what it makes of them. Each page draws, from its seed
(``numpy.random.default_rng``), one sender, line and receiver:

- The sender scans the page (rendered grey at 408 dpi) at the fax resolution: 1728 elements
  across 215 mm centred on the 8.5 in sheet, 98 or 196 lines per inch, each element the
  average of the grey page over its area, plus Gaussian sensor noise (sigma 6 of 255), then a
  threshold drawn from 116-140.
- It codes the page per ITU-T T.4 with the real code tables: MH (one-dimensional only) for
  35% of senders, otherwise MR with K = 2 at 98 lpi and K = 4 at 196 lpi (EOL plus tag bit);
  fill zeros before each EOL up to the minimum scan line time (0, 5, 10, 20 or 40 ms, with
  probability 0.30, 0.15, 0.25, 0.20, 0.10); RTC at the end. The coder is checked against
  libtiff: libtiff decodes its MH and MR streams to the scanned pixels exactly.
- The modem: V.27ter 4800 bit/s (1600 baud, 8-phase DPSK, descrambler 1 + x^-6 + x^-7),
  V.29 7200 or 9600 (2400 baud, 1 + x^-18 + x^-23, three differential phase bits a symbol),
  or V.17 9600, 12000 or 14400 (trellis QAM, 1 + x^-18 + x^-23, two differential bits), with
  probability 0.10, 0.10, 0.25, 0.15, 0.15, 0.25.
- The line: error events, uniform in time, at a rate drawn from 0.3-0.9 per second of page
  transmission. 92% are noise bursts or phase hits of 0.4-15 ms (log-normal around 2 ms) in
  which each symbol is decided wrongly with a probability drawn from 0.3-0.8 (a random wrong
  symbol, its phase error repeated into the next symbol by the differential decoding); 8% are
  20-150 ms dropouts in which the demodulator puts out random symbols. The descrambler then
  turns every wrong bit n into wrong bits n, n + 6, n + 7 (V.27ter) or n, n + 18, n + 23.
- The receiver finds EOLs (eleven or more zeros and a one) in what it got, so a lost EOL
  merges two lines (the second is lost) and a false one splits a line or adds a spurious line
  out of noise in the fill; it decodes each line, ignoring bits after a complete line. A line
  that hits an invalid code, overruns 1728 pixels or ends short is bad. Receivers: "print"
  (30%: prints what decoded, the rest of the line white, an overrun cut at the margin; later
  2-D lines decode against what was printed, so errors run down to the next 1-D line),
  "repeat" (40%: copy-quality checking substitutes the previous line), "white" (10%: prints a
  white line) and "drop" (20%: leaves the line out, the page gets shorter). The checking
  receivers also reject 2-D lines coded against a rejected line, up to the next 1-D line.
  Undetected errors (valid codes summing to 1728) print as decoded.

Measured before freezing, against the scan as sent, over the six documents and seeds 3-24:
the share of scan lines that do not come out as sent (wrong, lost, or spurious) has median
1.6% (10th-90th percentile 0.7-4.0%) at 204x98 and 1.9% (0.9-4.5%) at 204x196; rendering one
page takes about 0.4 s (0.5 s at 204x196). Pages are 1728 pixels wide; their length varies by
a few lines (spurious lines added, lines lost or dropped).

Ground truth reads line by line as printed: the pieces of one printed line joined left to
right.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise
from pathlib import Path

import numpy as np
from PIL import Image

from tests.ocr_layouts import LayoutDoc, cols, text
from tests.ocr_layouts_f import render_layout_page

CONDITIONS = ("clean", "non-ECM")

PT_PLAN = LayoutDoc("pt_plan_of_care", "Helvetica", 9.5, [
    text("LAKESHORE REHAB & SPORTS PHYSICAL THERAPY", 54),
    cols((54, "2210 Orchard Parkway, Suite 140, Fenwick, OH 43917"), (320, "Tel 419-555-0182"),
         (420, "Fax 419-555-0183")),
    [],
    text("PHYSICAL THERAPY PLAN OF CARE - INITIAL CERTIFICATION", 54),
    cols((54, "Patient: Corinne A. Delgado-Marsh"), (320, "DOB: 02/14/1961")),
    cols((54, "MRN: LSR-0048817"), (320, "Payer: Medicare Part B")),
    cols((54, "MBI: 7TK4-PW2-MN63"), (320, "Onset date: 10/28/2026")),
    cols((54, "Referring MD: Anand Pillai, MD"), (320, "NPI: 1467503921")),
    cols((54, "Dx: M17.12 Primary OA, left knee"), (320, "Z96.652 s/p L TKA 11/03/2026")),
    cols((54, "Cert period: 11/17/2026 to 02/14/2027"), (320, "Frequency: 3x/week for 8 weeks")),
    [],
    text("Assessment", 54),
    text("Pt is 14 days s/p left total knee arthroplasty. Ambulates 150 ft with rolling walker,",
         54),
    text("antalgic gait, reduced stance time on L. Moderate effusion; incision healed, "
         "no drainage.", 54),
    [],
    cols((54, "Measure"), (210, "Initial"), (290, "Goal"), (370, "Target date")),
    cols((54, "L knee AROM flexion"), (210, "78 deg"), (290, "115 deg"), (370, "12/29/2026")),
    cols((54, "L knee AROM extension"), (210, "-12 deg"), (290, "0 deg"), (370, "12/29/2026")),
    cols((54, "Quad strength L (MMT)"), (210, "3-/5"), (290, "4+/5"), (370, "01/26/2027")),
    cols((54, "Timed Up and Go"), (210, "21.4 s"), (290, "under 12 s"), (370, "01/26/2027")),
    cols((54, "LEFS score"), (210, "22/80"), (290, "55/80"), (370, "02/14/2027")),
    [],
    text("Interventions (CPT)", 54),
    cols((54, "97110 Therapeutic exercise"), (300, "97140 Manual therapy")),
    cols((54, "97116 Gait training"), (300, "97530 Therapeutic activities")),
    cols((54, "97161 PT evaluation, low complexity"), (300, "G0283 E-stim, unattended")),
    [],
    text("Rehab potential: good. Home exercise program issued and reviewed with patient.", 54),
    [],
    text("I certify the need for these services furnished under this plan of treatment while "
         "under my care.", 54),
    cols((54, "Therapist: Maren Oyelaran (PT, DPT)"), (320, "License PT-018334")),
    cols((54, "Physician signature: ______________________"), (320, "Date: ______________")),
    text("Please sign and fax back to 419-555-0183 within 30 days of the certification start.",
         54),
], ["LSR-0048817", "7TK4-PW2-MN63", "1467503921", "M17.12", "Z96.652", "02/14/1961",
    "11/17/2026", "02/14/2027", "97110", "97140", "97161", "G0283", "PT-018334", "Oyelaran",
    "Delgado-Marsh", "419-555-0183", "21.4", "LEFS"],
    phrase="Home exercise program issued")

EOB = LayoutDoc("explanation_of_benefits", "Courier", 9, [
    cols((54, "MERIDIAN MUTUAL HEALTH PLAN"), (330, "EXPLANATION OF BENEFITS")),
    cols((54, "PO Box 30418, Harlow, TX 75011"), (330, "THIS IS NOT A BILL")),
    [],
    cols((54, "Member: Tobias R. Wendt"), (330, "Member ID: MMH884120573")),
    cols((54, "Group: 0071934 Kessler Tool & Die"), (330, "Statement date: 11/21/2026")),
    cols((54, "Patient: Lena Wendt (dependent)"), (330, "Claim no: 26-3318-04417")),
    cols((54, "Provider: Brightwater Pediatrics"), (330, "Network: In-network")),
    [],
    cols((54, "Svc date"), (114, "Code"), (162, "Billed"), (228, "Allowed"), (294, "Plan paid"),
         (366, "Copay"), (438, "You owe"), (498, "Rmk")),
    cols((54, "11/02/2026"), (114, "99214"), (162, "$245.00"), (228, "$168.42"),
         (294, "$143.42"), (366, "$25.00"), (438, "$25.00"), (498, "PD1")),
    cols((54, "11/02/2026"), (114, "87880"), (162, "$48.00"), (228, "$21.17"), (294, "$21.17"),
         (366, "$0.00"), (438, "$0.00")),
    cols((54, "11/02/2026"), (114, "90686"), (162, "$62.00"), (228, "$38.90"), (294, "$38.90"),
         (366, "$0.00"), (438, "$0.00"), (498, "V12")),
    cols((54, "11/09/2026"), (114, "99213"), (162, "$180.00"), (228, "$121.06"),
         (294, "$96.06"), (366, "$25.00"), (438, "$25.00"), (498, "PD1")),
    cols((54, "11/09/2026"), (114, "94640"), (162, "$95.00"), (228, "$0.00"), (294, "$0.00"),
         (366, "$0.00"), (438, "$0.00"), (498, "CO97")),
    cols((54, "TOTALS"), (162, "$630.00"), (228, "$349.55"), (294, "$299.55"), (366, "$50.00"),
         (438, "$50.00")),
    [],
    text("Remarks", 54),
    cols((54, "PD1"), (90, "Office visit copay applied per plan schedule.")),
    cols((54, "V12"), (90, "Vaccine administered under preventive benefit; no cost share.")),
    cols((54, "CO97"), (90, "Nebulizer treatment is included in the visit payment; provider may")),
    text("not bill you for it.", 90),
    [],
    text("Plan year to date (family)", 54),
    cols((54, "Deductible met: $1,500.00 of $1,500.00"), (330, "Out-of-pocket: $2,215.40")),
    cols((54, "Out-of-pocket maximum: $6,000.00"), (330, "Remaining: $3,784.60")),
    [],
    text("Payment of $299.55 sent to provider by EFT trace 1EFT00958127 on 11/20/2026.", 54),
    [],
    text("To appeal, write within 180 days to Appeals Unit, PO Box 30419, Harlow, TX 75011.", 54),
    text("Questions? Member Services 1-800-555-0147 (TTY 711), Mon-Fri 7am-7pm CT.", 54),
], ["MMH884120573", "0071934", "26-3318-04417", "Wendt", "Brightwater", "99214", "87880",
    "90686", "94640", "$349.55", "$299.55", "$630.00", "1EFT00958127", "11/21/2026", "CO97",
    "$2,215.40", "$3,784.60", "1-800-555-0147"],
    phrase="Vaccine administered under preventive benefit")

HEARING = LayoutDoc("notice_of_hearing", "Times-Roman", 11, [
    text("IN THE CIRCUIT COURT OF THE NINTH JUDICIAL CIRCUIT", 160),
    text("IN AND FOR OSCEOLA COUNTY, FLORIDA", 205),
    [],
    cols((54, "HARBOR POINT CONDOMINIUM"), (360, "CASE NO. 2026-CA-004127-OC")),
    cols((54, "ASSOCIATION, INC.,"), (360, "DIVISION: 21")),
    text("Plaintiff,", 90),
    text("v.", 54),
    text("DESMOND T. OKAFOR and UNKNOWN TENANT", 54),
    text("IN POSSESSION,", 54),
    text("Defendants.", 90),
    text("______________________________________/", 54),
    [],
    text("NOTICE OF HEARING", 250),
    [],
    text("PLEASE TAKE NOTICE that the undersigned will call up for hearing before the", 54),
    text("Honorable Circuit Judge Lorraine B. Castellanos the following:", 54),
    [],
    text("PLAINTIFF'S MOTION FOR FINAL SUMMARY JUDGMENT OF FORECLOSURE", 72),
    [],
    cols((72, "DATE:"), (150, "Thursday, January 21, 2027")),
    cols((72, "TIME:"), (150, "9:30 a.m. (fifteen minutes reserved)")),
    cols((72, "PLACE:"), (150, "Osceola County Courthouse, Hearing Room 4C")),
    text("2 Courthouse Square, Kissimmee FL 34741", 150),
    [],
    text("Parties may appear by Zoom, Meeting ID 816 4402 9357 with Passcode 552071 (video).", 54),
    text("If you are a person with a disability who needs an accommodation to participate,", 54),
    text("contact the ADA Coordinator at (407) 555-0100 at least 7 days before the hearing.", 54),
    [],
    text("I HEREBY CERTIFY that a copy was served via the Florida Courts E-Filing Portal", 54),
    text("and by U.S. Mail on all parties on December 4, 2026.", 54),
    [],
    text("BEACON & THALE, P.A.", 300),
    text("201 E. Pine Street, Suite 900, Orlando, FL 32801", 300),
    text("Tel. (407) 555-0196", 300),
    text("/s/ Marisol Quintanilla-Reyes", 300),
    text("Florida Bar No. 1043286", 300),
], ["2026-CA-004127-OC", "OSCEOLA", "OKAFOR", "Castellanos", "FORECLOSURE", "2027",
    "Kissimmee", "34741", "4C", "552071", "555-0100", "555-0196", "Quintanilla-Reyes",
    "1043286", "32801", "HARBOR", "E-Filing"],
    phrase="MOTION FOR FINAL SUMMARY JUDGMENT")

REMITTANCE = LayoutDoc("remittance_advice", "Helvetica-Narrow", 10, [
    text("CASCADE VALLEY MEDICAL GROUP - ACCOUNTS PAYABLE", 54),
    text("REMITTANCE ADVICE", 54),
    [],
    cols((54, "Payee: Northfork Surgical Supply LLC"), (330, "Vendor no: V-204417")),
    cols((54, "1180 Industrial Loop, Meridian, ID 83642"), (330, "Payment no: ACH-0093381")),
    cols((54, "Remit to: ar@northforksurgical.com"), (330, "Payment date: 12/03/2026")),
    cols((54, "Bank account: ****6618 (ACH CCD+)"), (330, "Payment amount: $18,412.66")),
    [],
    cols((54, "Invoice"), (130, "Inv date"), (200, "PO number"), (280, "Gross"),
         (350, "Discount"), (420, "Adjust"), (490, "Net paid")),
    cols((54, "NSS-118204"), (130, "10/29/2026"), (200, "PO-5521908"), (280, "$3,412.00"),
         (350, "$68.24"), (420, "$0.00"), (490, "$3,343.76")),
    cols((54, "NSS-118377"), (130, "11/02/2026"), (200, "PO-5521908"), (280, "$1,275.50"),
         (350, "$25.51"), (420, "$0.00"), (490, "$1,249.99")),
    cols((54, "NSS-118502"), (130, "11/05/2026"), (200, "PO-5522041"), (280, "$6,980.00"),
         (350, "$139.60"), (420, "-$410.00"), (490, "$6,430.40")),
    cols((54, "NSS-118619"), (130, "11/09/2026"), (200, "PO-5522163"), (280, "$842.25"),
         (350, "$16.85"), (420, "$0.00"), (490, "$825.40")),
    cols((54, "NSS-118733"), (130, "11/12/2026"), (200, "PO-5522163"), (280, "$2,115.00"),
         (350, "$42.30"), (420, "$0.00"), (490, "$2,072.70")),
    cols((54, "CM-004481"), (130, "11/14/2026"), (200, "PO-5522041"), (280, "-$615.00"),
         (350, "$0.00"), (420, "$0.00"), (490, "-$615.00")),
    cols((54, "NSS-118910"), (130, "11/18/2026"), (200, "PO-5522290"), (280, "$4,189.60"),
         (350, "$83.79"), (420, "$0.00"), (490, "$4,105.81")),
    cols((54, "NSS-119046"), (130, "11/20/2026"), (200, "PO-5522317"), (280, "$1,020.00"),
         (350, "$20.40"), (420, "$0.00"), (490, "$999.60")),
    cols((54, "Totals"), (280, "$19,219.35"), (350, "$396.69"), (420, "-$410.00"),
         (490, "$18,412.66")),
    [],
    text("Terms 2/10 net 30 taken on all invoices paid within the discount period.", 54),
    [],
    text("Adjustment notes", 54),
    text("NSS-118502: 2 cases of 4x4 gauze sponges, item GZ-4412 short-shipped, debit memo "
         "DM-2026-117 issued.", 54),
    text("CM-004481: credit memo for returned suture kits under RMA 77180 applied in full.", 54),
    [],
    text("Funds settle in 1-2 business days. Please apply this payment to the invoices listed "
         "above and", 54),
    text("do not re-bill short-paid amounts without contacting Accounts Payable first.", 54),
    text("Questions: Accounts Payable at 208-555-0133 or ap@cascadevalleymg.org; quote the "
         "payment number.", 54),
], ["V-204417", "ACH-0093381", "$18,412.66", "NSS-118502", "PO-5522041", "CM-004481",
    "$6,430.40", "DM-2026-117", "77180", "Northfork", "12/03/2026", "208-555-0133",
    "GZ-4412", "$396.69", "NSS-119046", "$19,219.35", "83642"],
    phrase="credit memo for returned suture kits")

REQUISITION = LayoutDoc("lab_requisition", "NewCenturySchlbk-Roman", 9.5, [
    text("GRANITE STATE REFERENCE LABORATORIES", 54),
    cols((54, "Client services 603-555-0114"), (200, "Fax requisitions to 603-555-0115"),
         (390, "CLIA 30D2094417")),
    text("TEST REQUISITION - OUTPATIENT", 54),
    [],
    cols((54, "Client acct: GSR-21877"), (310, "Ordering: Dr. Beatrix Holloway")),
    cols((54, "Patient: Kenji Nakamura"), (310, "NPI: 1285906643")),
    cols((54, "DOB: 07/09/1948"), (180, "Sex: M"), (310, "Collected: 12/02/2026 07:45")),
    cols((54, "41 Birchwood Ln, Keene, NH 03431"), (310, "Fasting: yes, 12 hours")),
    cols((54, "Bill to: Medicare"), (310, "MBI: 2QW7-XY4-HC18")),
    cols((54, "Specimen id: GS26-1204-0377"), (310, "Phone: 603-555-0172")),
    [],
    text("Diagnosis codes (ICD-10-CM): E11.65 / N18.31 / I10 / E78.5", 54),
    [],
    cols((54, "Sel"), (84, "Code"), (128, "Test"), (330, "Specimen"), (440, "Container")),
    cols((54, "[X]"), (84, "80053"), (128, "Comprehensive metabolic panel"), (330, "Serum"),
         (440, "SST gold")),
    cols((54, "[X]"), (84, "83036"), (128, "Hemoglobin A1c"), (330, "Whole blood"),
         (440, "EDTA lavender")),
    cols((54, "[X]"), (84, "82043"), (128, "Urine albumin, quantitative"),
         (330, "Random urine"), (440, "Sterile cup")),
    cols((54, "[X]"), (84, "82570"), (128, "Urine creatinine"), (330, "Random urine"),
         (440, "Sterile cup")),
    cols((54, "[X]"), (84, "80061"), (128, "Lipid panel"), (330, "Serum"), (440, "SST gold")),
    cols((54, "[ ]"), (84, "84443"), (128, "TSH"), (330, "Serum"), (440, "SST gold")),
    cols((54, "[X]"), (84, "85025"), (128, "CBC with differential"), (330, "Whole blood"),
         (440, "EDTA lavender")),
    cols((54, "[ ]"), (84, "84153"), (128, "PSA, total"), (330, "Serum"), (440, "SST gold")),
    cols((54, "[X]"), (84, "82306"), (128, "Vitamin D, 25-hydroxy"), (330, "Serum"),
         (440, "SST gold")),
    [],
    cols((54, "ABN signed for 82306: yes (copy attached)"), (300, "Tubes sent: 4"),
         (400, "Temperature: refrigerated")),
    cols((54, "Collected by: R. Almeida, MLT"), (300, "Courier route 14, manifest CR-88120")),
    [],
    text("Copy results to nephrology: Dr. Sunil Varghese (fax 603-555-0189)", 54),
    text("Critical values: call the ordering office at 603-555-0170, 24 hours a day.", 54),
    [],
    text("Specimens must be labelled with two identifiers. Unlabelled tubes will be rejected.",
         54),
], ["GSR-21877", "30D2094417", "Nakamura", "1285906643", "2QW7-XY4-HC18", "GS26-1204-0377",
    "E11.65", "N18.31", "80053", "83036", "82043", "85025", "82306", "Holloway", "03431",
    "603-555-0115", "CR-88120", "Varghese"],
    phrase="Unlabelled tubes will be rejected")

RENTA = LayoutDoc("actualizacion_renta", "Bookman-Light", 10, [
    text("Inmobiliaria Valdeolmos Gestión, S.L.", 54),
    text("C/ Núñez de Balboa 118, 3º izda. · 28006 Madrid · CIF B-86402719", 54),
    text("Tel. 915 550 142 · Fax 915 550 143", 54),
    [],
    cols((54, "Destinataria:"), (160, "Dña. Begoña Ibáñez Cuadrado")),
    text("C/ Ávila 27, 2º B, 28045 Madrid", 160),
    cols((54, "Contrato nº:"), (160, "ARR-2021-00734")),
    cols((54, "Referencia:"), (160, "VG/BIC/2026-318")),
    [],
    text("Madrid, 4 de diciembre de 2026", 330),
    [],
    text("Asunto: actualización anual de la renta y prórroga del contrato", 54),
    [],
    text("Muy señora nuestra:", 54),
    [],
    text("Le comunicamos que el próximo 1 de febrero de 2027 se cumple una nueva", 54),
    text("anualidad del contrato de arrendamiento de la vivienda sita en C/ Ávila 27,", 54),
    text("2º B, firmado el 1 de febrero de 2021. Conforme a la cláusula cuarta, la renta", 54),
    text("se actualizará según el índice de referencia publicado por el INE.", 54),
    [],
    cols((54, "Concepto"), (340, "Importe mensual")),
    cols((54, "Renta actual"), (340, "1.185,00 EUR")),
    cols((54, "Actualización (3,00 %)"), (340, "35,55 EUR")),
    cols((54, "Nueva renta desde el 01/02/2027"), (340, "1.220,55 EUR")),
    cols((54, "Cuota de comunidad repercutida"), (340, "62,40 EUR")),
    cols((54, "Total mensual a domiciliar"), (340, "1.282,95 EUR")),
    [],
    text("El recibo se cargará en la cuenta ES91 2100 0418 4502 0005 1332 entre", 54),
    text("los días 1 y 5 de cada mes. Si no desea prorrogar el contrato, deberá", 54),
    text("comunicarlo por escrito con treinta días de antelación al vencimiento.", 54),
    [],
    text("Atentamente,", 54),
    [],
    text("Lucía Ferrández Olmedo", 54),
    text("Departamento de Gestión de Alquileres", 54),
], ["Valdeolmos", "B-86402719", "Núñez", "Begoña", "Ibáñez", "ARR-2021-00734",
    "VG/BIC/2026-318", "1.185,00", "35,55", "1.220,55", "1.282,95", "01/02/2027", "62,40",
    "Ferrández", "actualización", "ES91", "28045", "cláusula"],
    phrase="treinta días de antelación")

LAYOUTS_K = [PT_PLAN, EOB, HEARING, REMITTANCE, REQUISITION, RENTA]

# ITU-T T.4 one-dimensional (modified Huffman) code tables: terminating codes for run
# lengths 0-63, make-up codes for 64-1728 in steps of 64, and the extended make-up codes
# 1792-2560 common to both colours (never sent on a 1728-pixel line, but a decoder knows them).
_WHITE_TERMINATING = (
    "00110101", "000111", "0111", "1000", "1011", "1100", "1110", "1111", "10011", "10100",
    "00111", "01000", "001000", "000011", "110100", "110101", "101010", "101011", "0100111",
    "0001100", "0001000", "0010111", "0000011", "0000100", "0101000", "0101011", "0010011",
    "0100100", "0011000", "00000010", "00000011", "00011010", "00011011", "00010010",
    "00010011", "00010100", "00010101", "00010110", "00010111", "00101000", "00101001",
    "00101010", "00101011", "00101100", "00101101", "00000100", "00000101", "00001010",
    "00001011", "01010010", "01010011", "01010100", "01010101", "00100100", "00100101",
    "01011000", "01011001", "01011010", "01011011", "01001010", "01001011", "00110010",
    "00110011", "00110100")
_WHITE_MAKEUP = (
    "11011", "10010", "010111", "0110111", "00110110", "00110111", "01100100", "01100101",
    "01101000", "01100111", "011001100", "011001101", "011010010", "011010011", "011010100",
    "011010101", "011010110", "011010111", "011011000", "011011001", "011011010", "011011011",
    "010011000", "010011001", "010011010", "011000", "010011011")
_BLACK_TERMINATING = (
    "0000110111", "010", "11", "10", "011", "0011", "0010", "00011", "000101", "000100",
    "0000100", "0000101", "0000111", "00000100", "00000111", "000011000", "0000010111",
    "0000011000", "0000001000", "00001100111", "00001101000", "00001101100", "00000110111",
    "00000101000", "00000010111", "00000011000", "000011001010", "000011001011",
    "000011001100", "000011001101", "000001101000", "000001101001", "000001101010",
    "000001101011", "000011010010", "000011010011", "000011010100", "000011010101",
    "000011010110", "000011010111", "000001101100", "000001101101", "000011011010",
    "000011011011", "000001010100", "000001010101", "000001010110", "000001010111",
    "000001100100", "000001100101", "000001010010", "000001010011", "000000100100",
    "000000110111", "000000111000", "000000100111", "000000101000", "000001011000",
    "000001011001", "000000101011", "000000101100", "000001011010", "000001100110",
    "000001100111")
_BLACK_MAKEUP = (
    "0000001111", "000011001000", "000011001001", "000001011011", "000000110011",
    "000000110100", "000000110101", "0000001101100", "0000001101101", "0000001001010",
    "0000001001011", "0000001001100", "0000001001101", "0000001110010", "0000001110011",
    "0000001110100", "0000001110101", "0000001110110", "0000001110111", "0000001010010",
    "0000001010011", "0000001010100", "0000001010101", "0000001011010", "0000001011011",
    "0000001100100", "0000001100101")
_EXTENDED_MAKEUP = (
    "00000001000", "00000001100", "00000001101", "000000010010", "000000010011",
    "000000010100", "000000010101", "000000010110", "000000010111", "000000011100",
    "000000011101", "000000011110", "000000011111")
_EOL = "000000000001"
# Two-dimensional (modified READ) mode codes: pass, horizontal, vertical a1 - b1 = -3..3.
_PASS, _HORIZONTAL = "0001", "001"
_VERTICAL = {-3: "0000010", -2: "000010", -1: "010", 0: "1", 1: "011", 2: "000011",
             3: "0000011"}
_MODES = {code: delta for delta, code in _VERTICAL.items()} | {_PASS: "P", _HORIZONTAL: "H"}

_WIDTH = 1728  # pixels on a 215 mm scan line (T.4 section 2.2)
_TERMINATING = (_WHITE_TERMINATING, _BLACK_TERMINATING)
_MAKEUP = (_WHITE_MAKEUP, _BLACK_MAKEUP)


def _decode_table(colour: int) -> dict[str, int]:
    table = {code: run for run, code in enumerate(_TERMINATING[colour])}
    table.update({code: 64 * (i + 1) for i, code in enumerate(_MAKEUP[colour])})
    table.update({code: 1792 + 64 * i for i, code in enumerate(_EXTENDED_MAKEUP)})
    return table


_RUNS = (_decode_table(0), _decode_table(1))


def _run_code(run: int, colour: int) -> str:
    if run < 64:
        return _TERMINATING[colour][run]
    return _MAKEUP[colour][run // 64 - 1] + _TERMINATING[colour][run % 64]


def _changes(line: np.ndarray) -> list[int]:
    """Changing elements of a line (True = black): where a pixel differs from the one on its
    left, the pixel before the line counting as white."""
    padded = np.concatenate(([False], line))
    return np.flatnonzero(padded[1:] != padded[:-1]).tolist()


def _b1_b2(reference: list[int], a0: int, colour: int) -> tuple[int, int]:
    """b1: the first changing element of the reference line right of a0 whose colour is
    opposite to a0's (changes to black sit at even indices); b2: the next one."""
    j = bisect_right(reference, a0)
    if j % 2 != colour:
        j += 1
    n = len(reference)
    return (reference[j] if j < n else _WIDTH), (reference[j + 1] if j + 1 < n else _WIDTH)


def _encode_1d(line: np.ndarray) -> str:
    bounds = [0, *_changes(line), _WIDTH]
    return "".join(_run_code(b - a, i % 2) for i, (a, b) in enumerate(pairwise(bounds)))


def _encode_2d(line: np.ndarray, reference: np.ndarray) -> str:
    ref, cur = _changes(reference), _changes(line)
    out, a0, colour = [], -1, 0
    while a0 < _WIDTH:
        b1, b2 = _b1_b2(ref, a0, colour)
        k = bisect_right(cur, a0)
        a1 = cur[k] if k < len(cur) else _WIDTH
        if b2 < a1:
            out.append(_PASS)
            a0 = b2
        elif abs(a1 - b1) <= 3:
            out.append(_VERTICAL[a1 - b1])
            a0, colour = a1, 1 - colour
        else:
            a2 = cur[k + 1] if k + 1 < len(cur) else _WIDTH
            out += [_HORIZONTAL, _run_code(a1 - max(a0, 0), colour), _run_code(a2 - a1, 1 - colour)]
            a0 = a2
    return "".join(out)


def _read(bits: str, pos: int, table: dict, longest: int) -> tuple[object, int]:
    for n in range(1, longest + 1):
        value = table.get(bits[pos:pos + n])
        if value is not None:
            return value, pos + n
    return None, pos


def _read_run(bits: str, pos: int, colour: int) -> tuple[int | None, int]:
    run = 0
    while True:
        value, pos = _read(bits, pos, _RUNS[colour], 13)
        if value is None:
            return None, pos
        run += value
        if value < 64:
            return run, pos


def _decode_line(bits: str, two_d: bool, reference: np.ndarray) -> tuple[np.ndarray, bool]:
    """Decode one coded line as a receiver does: runs as far as the codes make sense. Returns
    the pixels (what could not be decoded left white, overlong runs cut at the margin) and
    whether the line decoded cleanly to exactly 1728 pixels. Bits after a complete line are
    ignored (fill, or the remains of a line whose EOL was lost)."""
    changes: list[int] = []
    a0, colour, pos, ok = -1, 0, 0, True
    ref = _changes(reference) if two_d else []
    while a0 < _WIDTH:
        if two_d:
            mode, pos = _read(bits, pos, _MODES, 7)
            if mode is None:
                ok = False
                break
            b1, b2 = _b1_b2(ref, a0, colour)
            if mode == "P":
                a0 = b2
                continue
            if mode != "H":
                a1 = b1 + mode
                if a1 <= a0 or a1 > _WIDTH:
                    ok = False
                    break
                changes.append(a1)
                a0, colour = a1, 1 - colour
                continue
        first, pos = _read_run(bits, pos, colour)
        if first is None:
            ok = False
            break
        second = None
        if two_d:
            second, pos = _read_run(bits, pos, 1 - colour)
        a1 = max(a0, 0) + first
        changes.append(min(a1, _WIDTH))
        if not two_d:
            a0, colour = a1, 1 - colour
        elif second is None:
            a0, ok = a1, False
            break
        else:
            a0 = a1 + second
            changes.append(min(a0, _WIDTH))
        if a0 > _WIDTH or a1 > _WIDTH:
            ok = False
            break
    toggles = np.zeros(_WIDTH + 1, dtype=np.int8)
    np.add.at(toggles, np.minimum(np.asarray(changes, np.int64), _WIDTH), 1)
    line = (np.cumsum(toggles[:_WIDTH]) % 2).astype(bool)
    if not ok:  # undecodable from here on: the rest of the line prints white
        end = min(max(a0, 0), _WIDTH)
        line[end:] = False
    return line, ok


def _scan(page: Image.Image, page_dpi: float, ydpi: float, rng: np.random.Generator,
          threshold: float) -> np.ndarray:
    """The sender's scanner: 1728 elements across 215 mm centred on the 8.5 in sheet, each
    the average of the grey page over its area, with sensor noise, then a fixed threshold."""
    width, height = page.size
    span = 215 / 25.4 * page_dpi
    left = (width - span) / 2
    rows = int(height / page_dpi * ydpi)
    box = (left, 0.0, left + span, rows * page_dpi / ydpi)
    grey = np.asarray(page.resize((_WIDTH, rows), Image.Resampling.BOX, box=box), np.float32)
    grey = grey + rng.normal(0, 6, grey.shape).astype(np.float32)
    return grey < threshold


def _code_page(lines: np.ndarray, k: int, min_bits: int) -> tuple[str, list[int]]:
    """The T.4 bit stream of a page: EOL (with the MR tag bit, 1 = next line one-dimensional),
    each line's code, fill zeros before the next EOL up to the minimum transmission time of a
    scan line, and RTC (six EOLs). k = 1 is MH; k = 2 or 4 is MR with at most k - 1 2-D lines
    after a 1-D one. Returns the bits and where each line's segment starts (after its EOL)."""
    tagged = k > 1
    parts, starts, pos = [], [], 0
    white = np.zeros(_WIDTH, bool)
    for i, line in enumerate(lines):
        one_d = i % k == 0
        eol = _EOL + (("1" if one_d else "0") if tagged else "")
        data = _encode_1d(line) if one_d else _encode_2d(line, lines[i - 1] if i else white)
        fill = "0" * max(0, min_bits - len(data) - len(eol))
        starts.append(pos + len(_EOL))
        parts += [eol, data, fill]
        pos += len(eol) + len(data) + len(fill)
    parts.append((_EOL + ("1" if tagged else "")) * 6)
    return "".join(parts), starts


# Modems the T.30 capability exchange can settle on: (bits per second, symbols per second,
# descrambler taps, differential phase bits per symbol). V.27ter (8-phase DPSK, scrambler
# 1 + x^-6 + x^-7), V.29 (QAM, 1 + x^-18 + x^-23, three differentially coded phase bits per
# symbol) and V.17 (trellis-coded QAM, 1 + x^-18 + x^-23, two differentially coded bits).
_MODEMS = ((4800, 1600, (6, 7), 3), (7200, 2400, (18, 23), 3), (9600, 2400, (18, 23), 3),
           (9600, 2400, (18, 23), 2), (12000, 2400, (18, 23), 2), (14400, 2400, (18, 23), 2))
_MODEM_WEIGHTS = (0.10, 0.10, 0.25, 0.15, 0.15, 0.25)
_MIN_SCAN_MS = ((0, 0.30), (5, 0.15), (10, 0.25), (20, 0.20), (40, 0.10))
# What the receiver does with a line that does not decode to 1728 pixels.
_RECEIVERS = (("print", 0.30), ("repeat", 0.40), ("white", 0.10), ("drop", 0.20))
_EVENTS_PER_SECOND = (0.3, 0.9)  # line hits per second of page transmission, per call
_DROPOUT_SHARE = 0.08  # of hits that are a carrier dropout rather than a short noise burst


def _channel_errors(n_bits: int, bps: int, baud: int, taps: tuple[int, int], diff_bits: int,
                    rng: np.random.Generator) -> np.ndarray:
    """Bit errors after the receiving modem: bursts of wrong symbol decisions on the line
    (impulse noise and phase hits of about 0.4-15 ms, or a 20-150 ms dropout in which the
    demodulator puts out garbage), each wrong symbol repeating its phase error into the next
    one (differential coding), then multiplied by the self-synchronising descrambler: an error
    at bit n also flips bits n + taps."""
    per_symbol = bps // baud
    n_symbols = n_bits // per_symbol + 1
    seconds = n_bits / bps
    errors = np.zeros(n_symbols, np.int64)
    for _ in range(rng.poisson(rng.uniform(*_EVENTS_PER_SECOND) * seconds)):
        first = int(rng.integers(0, n_symbols))
        if rng.random() < _DROPOUT_SHARE:
            length = int(rng.uniform(0.020, 0.150) * baud)
            hit = rng.integers(0, 1 << per_symbol, length)
        else:
            length = max(1, int(np.exp(rng.normal(np.log(0.002), 0.8)).clip(0.0004, 0.015)
                                * baud))
            wrong = rng.random(length) < rng.uniform(0.3, 0.8)
            wrong[rng.integers(0, length)] = True
            hit = np.where(wrong, rng.integers(1, 1 << per_symbol, length), 0)
            phase = hit & ((1 << diff_bits) - 1)
            hit = np.concatenate((hit, [0])) ^ np.concatenate(([0], phase))
        end = min(n_symbols, first + len(hit))
        errors[first:end] ^= hit[:end - first]
    shifts = np.arange(per_symbol - 1, -1, -1)
    line = ((errors[:, None] >> shifts) & 1).astype(np.uint8).ravel()[:n_bits]
    out = line.copy()
    for tap in taps:
        out[tap:] ^= line[:-tap]
    return out


def _receive(bits: str, k: int, receiver: str) -> tuple[list[np.ndarray], list[int]]:
    """The receiving fax: split the stream at EOLs (eleven or more zeros and a one), decode
    each line, and print it, or for a line that did not decode to 1728 pixels: "print" what
    decoded (the rest white; later 2-D lines decode against it), "repeat" the previous line
    (copy-quality substitution), print it "white", or "drop" it. Receivers that check copy
    quality also reject 2-D lines coded against a rejected line, up to the next 1-D line.
    Returns the printed lines and where each one's segment started in the stream."""
    tagged = k > 1
    white = np.zeros(_WIDTH, bool)
    printed: list[np.ndarray] = []
    origins: list[int] = []
    reference, tainted = white, False
    eols = [m.end() for m in re.finditer("0{11,}1", bits)]
    for start, stop in pairwise(eols):
        segment = bits[start:stop - 12]
        body = segment[1:] if tagged else segment
        if "1" not in body:  # RTC, or nothing between two EOLs
            continue
        two_d = tagged and segment[0] == "0"
        line, ok = _decode_line(body, two_d, reference)
        if receiver == "print":
            printed.append(line)
            origins.append(start)
            reference = line
            continue
        if not two_d:
            tainted = False
        if ok and not tainted:
            printed.append(line)
            origins.append(start)
            reference = line
            continue
        tainted = True
        if receiver == "repeat":
            printed.append(printed[-1] if printed else white)
            origins.append(start)
        elif receiver == "white":
            printed.append(white)
            origins.append(start)
        reference = line
    return printed, origins


def _non_ecm(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
             seed: int) -> tuple[Image.Image, dict]:
    rng = np.random.default_rng(seed)
    if round(xdpi) != 204:
        raise ValueError(f"a fax scan line is 1728 pixels at 204 dpi, not {xdpi}")
    fine = ydpi > 150
    threshold = float(rng.uniform(116, 140))
    k = 1 if rng.random() < 0.35 else (4 if fine else 2)
    bps, baud, taps, diff_bits = _MODEMS[rng.choice(len(_MODEMS), p=_MODEM_WEIGHTS)]
    min_ms = _MIN_SCAN_MS[rng.choice(len(_MIN_SCAN_MS), p=[w for _, w in _MIN_SCAN_MS])][0]
    receiver = _RECEIVERS[rng.choice(len(_RECEIVERS), p=[w for _, w in _RECEIVERS])][0]
    lines = _scan(page, page_dpi, ydpi, rng, threshold)
    bits, starts = _code_page(lines, k, bps * min_ms // 1000)
    errors = _channel_errors(len(bits), bps, baud, taps, diff_bits, rng)
    flipped = np.frombuffer(bits.encode("ascii"), np.uint8) ^ errors
    received = flipped.tobytes().decode("ascii")
    printed, origins = _receive(received, k, receiver)
    image = np.where(np.array(printed) if printed else np.zeros((1, _WIDTH), bool), 0, 255)
    # For checking the model: which scan lines came out as sent.
    right = set()
    extra = 0
    for line, origin in zip(printed, origins, strict=True):
        source = bisect_right(starts, origin) - 1
        if source in right or source < 0:
            extra += 1
        elif np.array_equal(line, lines[source]):
            right.add(source)
    hit_lines = len(set(np.searchsorted(starts, np.flatnonzero(errors), "right").tolist()))
    stats = {"k": k, "bps": bps, "min_ms": min_ms, "receiver": receiver, "lines": len(lines),
             "printed": len(printed), "damaged": len(lines) - len(right) + extra,
             "hit": hit_lines, "seconds": len(bits) / bps, "bits": len(bits)}
    return Image.fromarray(image.astype(np.uint8)).convert("1"), stats


def non_ecm_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                seed: int) -> Image.Image:
    """page: greyscale 'L' image of a US-letter page rendered at page_dpi (twice the fax
    resolution's larger dpi); returns the received fax page as a bilevel image (mode '1'),
    1728 pixels wide, at xdpi x ydpi (204x98 or 204x196). See the module docstring."""
    return _non_ecm(page, page_dpi, xdpi, ydpi, seed)[0]


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    """A one-page G4 fax TIFF of ``doc`` in ``condition`` (see ``CONDITIONS``), seeded."""
    return render_layout_page(root, doc, resolution, condition, seed, "layout-k",
                              {"non-ECM": non_ecm_fax})
