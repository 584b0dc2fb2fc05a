"""A held-out OCR report set, written on 4 December 2026 by an author who had read neither
ocr/ nor the documents of tests/ocr_layouts.py or tests/ocr_layouts_f.py (only their data
structures, helpers and degradation models) nor tests/ocr_corpus.py's documents, nor any
OCR reading of any page. Nobody OCRed these pages before this file was committed: no choice
in ocr/ was made on them. Keep the file frozen; a change after a reading makes its figures a
tuning result.

Eight kinds of page faxed to clinics, law firms and back offices, none of them in the earlier
sets: a hospital laboratory result table with flags (Helvetica 9 pt), an insurance
explanation of benefits with a two-column header (New Century Schoolbook 9 pt), a purchase
order of part numbers and quantities (Courier 9 pt), a court notice of hearing (Times 11 pt),
a home-care weekly visit schedule of times and staff initials (Helvetica Narrow 10 pt), a
Spanish referral letter (Palatino 10 pt, accents), an Irish electricity bill with meter
readings and euro amounts (Bookman Light 9 pt) and a page of rental terms in 8 pt small print
(URW Gothic, i.e. AvantGarde Book). Fonts are Ghostscript's URW base 35, re-encoded to ISO
Latin-1 with the euro sign at 0x80 so that Spanish and the euro print as themselves.

A fourth degradation model of its own, ``burst_fax`` (never tuned on; its parameters were
set before any page was rendered): the sheet came from a fading inkjet printer (ink at 65-80%
strength, varying from one half-inch head pass to the next, with two clogged nozzles leaving
faint hairlines at the same height in every pass), picked up smudges from a dirty feed roller
(repeating once per turn of the roller down the page) and went in a little crooked; the
sender's scanner averages each pixel's area and thresholds at a fixed grey level (no
background tracking), and the page is sent without error correction over a bad line. Each
line error corrupts the scan line it hits and, with 2-D (MR) coding, every line up to the next
1-D coded one (every 2nd line at 98 lpi, every 4th at 196 lpi); the receiver prints the
corrupted lines as the last good line repeated, or with the rest of the line from the error
on shifted sideways, or as run-length garbage from the error on. Conditions: ``clean``
(Ghostscript's fax device), ``transmitted`` and ``copied`` (tests/ocr_layouts.py's models)
and ``burst``.

Ground truth reads line by line as printed: the pieces of one printed line joined left to
right.

    python benchmarks/ocr_quality.py --set layouts-g
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from tests.ocr_layouts import LayoutDoc, cols, copy_then_fax, text, transmit
from tests.ocr_layouts_f import render_layout_page

LAB_RESULT = LayoutDoc(
    name="lab-result",
    font="Helvetica",
    font_size=9,
    rows=[
        text("ST. BRENDAN REGIONAL MEDICAL CENTER - CLINICAL LABORATORY", 54),
        text("1400 Harbor View Road, Portland ME 04101 - Lab fax (207) 555-0148", 54),
        cols((54, "Patient: Ingrid M. Halvorsen"), (320, "MRN: 00482917")),
        cols((54, "DOB: 03/17/1958 Sex: F"), (320, "Accession: L26-338105")),
        cols((54, "Ordering: Dr. Marcus Oyelaran"), (320, "Collected: 12/01/2026 07:42")),
        cols((54, "Location: 4 West / Bed 12"), (320, "Reported: 12/01/2026 10:15")),
        [],
        text("COMPREHENSIVE METABOLIC PANEL AND CBC", 54),
        cols((54, "Test"), (210, "Result"), (270, "Units"), (350, "Reference Range"),
             (470, "Flag")),
        cols((54, "Sodium"), (210, "131"), (270, "mmol/L"), (350, "136-145"), (470, "L")),
        cols((54, "Potassium"), (210, "5.8"), (270, "mmol/L"), (350, "3.5-5.1"), (470, "H")),
        cols((54, "Chloride"), (210, "99"), (270, "mmol/L"), (350, "98-107")),
        cols((54, "Bicarbonate"), (210, "21"), (270, "mmol/L"), (350, "22-29"), (470, "L")),
        cols((54, "BUN"), (210, "34"), (270, "mg/dL"), (350, "7-20"), (470, "H")),
        cols((54, "Creatinine"), (210, "1.92"), (270, "mg/dL"), (350, "0.57-1.00"), (470, "H")),
        cols((54, "eGFR"), (210, "28"), (270, "mL/min/1.73m2"), (350, ">60"), (470, "L")),
        cols((54, "Glucose"), (210, "212"), (270, "mg/dL"), (350, "70-99"), (470, "H")),
        cols((54, "Calcium"), (210, "8.9"), (270, "mg/dL"), (350, "8.6-10.3")),
        cols((54, "Hemoglobin"), (210, "10.4"), (270, "g/dL"), (350, "11.7-15.5"), (470, "L")),
        cols((54, "WBC"), (210, "12.6"), (270, "x10E3/uL"), (350, "3.4-10.8"), (470, "H")),
        cols((54, "Platelets"), (210, "188"), (270, "x10E3/uL"), (350, "150-450")),
        cols((54, "hs-Troponin-I"), (210, "41"), (270, "ng/L"), (350, "<14"), (470, "HH")),
        [],
        text("H/L = outside reference range. HH = critical value.", 54),
        text("Critical value called to RN K. Delacroix-Pham 12/01/2026 10:22 by TJW.", 54),
        text("Verified by: Renata Szymanski MLS(ASCP) - Page 1 of 1", 54),
    ],
    key_tokens=["Halvorsen", "00482917", "L26-338105", "03/17/1958", "Oyelaran", "Potassium",
                "Creatinine", "1.92", "eGFR", "hs-Troponin-I", "Hemoglobin", "Delacroix-Pham",
                "12/01/2026", "Szymanski"],
    phrase="COMPREHENSIVE METABOLIC PANEL",
)

BENEFITS = LayoutDoc(
    name="benefits",
    font="NewCenturySchlbk-Roman",
    font_size=9,
    rows=[
        text("CASCADE MUTUAL HEALTH PLAN", 54),
        text("EXPLANATION OF BENEFITS - THIS IS NOT A BILL", 54),
        [],
        cols((54, "Member: Theodore R. Vasquez-Lind"), (330, "Claim number: 2026-EB-0774312")),
        cols((54, "Member ID: CMH884120375"), (330, "Date received: 11/18/2026")),
        cols((54, "Group: 00915 Acme Logistics"), (330, "Date processed: 11/29/2026")),
        cols((54, "Patient: Emma Vasquez-Lind"), (330, "Provider: Lakeside Pediatrics PC")),
        cols((54, "Relationship: Dependent"), (330, "Provider NPI: 1477302958")),
        [],
        cols((54, "Date"), (110, "Code"), (170, "Description"), (330, "Billed"),
             (385, "Allowed"), (440, "Paid"), (490, "You owe")),
        cols((54, "11/03/26"), (110, "99214"), (170, "Office visit, est. patient"),
             (330, "$185.00"), (385, "$112.40"), (440, "$89.92"), (490, "$22.48")),
        cols((54, "11/03/26"), (110, "87880"), (170, "Strep A rapid test"), (330, "$42.00"),
             (385, "$16.55"), (440, "$16.55"), (490, "$0.00")),
        cols((54, "11/03/26"), (110, "90686"), (170, "Influenza vaccine"), (330, "$38.00"),
             (385, "$21.10"), (440, "$21.10"), (490, "$0.00")),
        cols((54, "11/03/26"), (110, "90471"), (170, "Vaccine administration"),
             (330, "$30.00"), (385, "$18.75"), (440, "$18.75"), (490, "$0.00")),
        cols((54, "Totals"), (330, "$295.00"), (385, "$168.80"), (440, "$146.32"),
             (490, "$22.48")),
        [],
        text("Note A: 20% coinsurance applies after deductible. Deductible met: $1,500.00.", 54),
        text("Remark code N130 - consult plan benefit documents for limits.", 54),
        text("To appeal, write within 180 days to: Appeals Unit, PO Box 4410, Tacoma WA.", 54),
        text("Questions? Call Member Services at 1-800-555-0193 (TTY 711) Mon-Fri 8am-6pm.", 54),
    ],
    key_tokens=["Vasquez-Lind", "CMH884120375", "2026-EB-0774312", "11/29/2026", "Lakeside",
                "1477302958", "99214", "87880", "$146.32", "$22.48", "N130", "1-800-555-0193"],
    phrase="Strep A rapid test",
)

PURCHASE_ORDER = LayoutDoc(
    name="purchase-order",
    font="Courier",
    font_size=9,
    rows=[
        text("PURCHASE ORDER", 54),
        cols((54, "Northgate Surgical Supply Co."), (330, "PO Number: PO-2026-11847")),
        cols((54, "2250 Industrial Pkwy, Unit 7"), (330, "PO Date: 11/30/2026")),
        cols((54, "Dayton OH 45414"), (330, "Vendor #: V-00317")),
        [],
        cols((54, "Ship to: Riverside Ambulatory Surgery Ctr"), (330, "Terms: Net 30")),
        cols((54, "Attn: Receiving Dock B"), (330, "Ship via: UPS Ground")),
        cols((54, "Buyer: Gwendolyn Achterberg"), (330, "Confirm to fax 937-555-0162")),
        [],
        cols((54, "Line"), (84, "Part No."), (150, "Description"), (320, "Qty"), (350, "UOM"),
             (380, "Unit"), (450, "Extended")),
        cols((54, "1"), (84, "NGS-44120-B"), (150, "Nitrile exam gloves, M"), (320, "40"),
             (350, "CS"), (380, "38.50"), (450, "1,540.00")),
        cols((54, "2"), (84, "NGS-44121-B"), (150, "Nitrile exam gloves, L"), (320, "25"),
             (350, "CS"), (380, "38.50"), (450, "962.50")),
        cols((54, "3"), (84, "SUT-3-0-PGA"), (150, "Suture 3-0 PGA, 27in"), (320, "12"),
             (350, "BX"), (380, "86.20"), (450, "1,034.40")),
        cols((54, "4"), (84, "DRP-1180"), (150, "Drape, laparotomy, sterile"), (320, "60"),
             (350, "EA"), (380, "14.75"), (450, "885.00")),
        cols((54, "5"), (84, "SPG-4X4-12P"), (150, "Gauze sponge 4x4 12-ply"), (320, "30"),
             (350, "CS"), (380, "22.10"), (450, "663.00")),
        cols((54, "6"), (84, "CAN-IV-22G"), (150, "IV catheter 22G x 1in"), (320, "10"),
             (350, "BX"), (380, "61.00"), (450, "610.00")),
        cols((54, "7"), (84, "BLD-15-SS"), (150, "Scalpel blade #15, steel"), (320, "8"),
             (350, "BX"), (380, "19.95"), (450, "159.60")),
        cols((380, "Subtotal"), (450, "5,854.50")),
        cols((380, "Freight"), (450, "0.00")),
        cols((380, "Total USD"), (450, "5,854.50")),
        [],
        text("Reference PO-2026-11847 on all packing slips and invoices.", 54),
        text("Authorized: G. Achterberg, Materials Management", 54),
    ],
    key_tokens=["PO-2026-11847", "V-00317", "11/30/2026", "NGS-44120-B", "SUT-3-0-PGA",
                "DRP-1180", "SPG-4X4-12P", "CAN-IV-22G", "BLD-15-SS", "1,034.40", "5,854.50",
                "937-555-0162", "Achterberg"],
    phrase="on all packing slips",
)

HEARING_NOTICE = LayoutDoc(
    name="hearing-notice",
    font="Times-Roman",
    font_size=11,
    rows=[
        text("SUPERIOR COURT OF THE STATE OF ARIZONA", 150),
        text("IN AND FOR THE COUNTY OF MARICOPA", 165),
        [],
        cols((72, "In re the Matter of:"), (360, "Case No. FC2026-041937")),
        cols((90, "ADRIANA K. MOLINEUX"), (300, "Petitioner,")),
        text("and", 90),
        cols((90, "GRANT T. MOLINEUX"), (300, "Respondent.")),
        [],
        text("NOTICE OF HEARING", 240),
        [],
        text("PLEASE TAKE NOTICE that a Resolution Management Conference in the above", 72),
        text("matter is set before Commissioner Celeste Ibarra-Quan of this Court", 72),
        text("on Tuesday, January 12, 2027, at 9:30 a.m., in Courtroom 5B of the", 72),
        text("Northwest Regional Court Center, 14264 West Tierra Buena Lane,", 72),
        text("Surprise, Arizona 85374. Time allotted: 30 minutes.", 72),
        [],
        text("The parties shall appear in person or by video using Meeting ID", 72),
        text("627 418 3390. Each party shall file a Resolution Statement no later", 72),
        text("than five court days before the conference. Failure to appear may", 72),
        text("result in sanctions under Ariz. R. Fam. Law P. 76.2.", 72),
        [],
        cols((72, "Dated: December 3, 2026"), (330, "Clerk of the Superior Court")),
        cols((330, "By: L. Nakamura-Roth")),
        cols((330, "Deputy Clerk")),
        [],
        text("Counsel for Petitioner: Dana Whitfield, fax (602) 555-0127", 72),
        text("Respondent, self-represented: fax (623) 555-0184", 72),
    ],
    key_tokens=["MARICOPA", "FC2026-041937", "MOLINEUX", "Ibarra-Quan", "Resolution", "9:30",
                "Courtroom", "5B", "14264", "Tierra", "Nakamura-Roth", "555-0127", "555-0184"],
    phrase="NOTICE OF HEARING",
)

VISIT_SCHEDULE = LayoutDoc(
    name="visit-schedule",
    font="Helvetica-Narrow",
    font_size=10,
    rows=[
        text("BRIGHTWATER HOME HEALTH - WEEKLY VISIT SCHEDULE", 54),
        cols((54, "Branch: Eastside (Br. 04)"), (300, "Week of: 12/07/2026 - 12/13/2026")),
        cols((54, "Coordinator: Yolanda Pruitt-Gaines"), (300, "On-call line: 555-0199")),
        [],
        cols((54, "Day"), (100, "Time"), (180, "Client"), (300, "Visit"), (420, "Staff"),
             (470, "Auth #")),
        cols((54, "Mon"), (100, "08:00-09:00"), (180, "B. Okonkwo"), (300, "SN wound care"),
             (420, "JLT"), (470, "HH-558201")),
        cols((54, "Mon"), (100, "09:30-10:15"), (180, "M. Feldhaus"), (300, "PT gait training"),
             (420, "RMD"), (470, "HH-558214")),
        cols((54, "Mon"), (100, "13:00-14:00"), (180, "C. Abernathy"), (300, "HHA bathing"),
             (420, "AQS"), (470, "HH-558190")),
        cols((54, "Tue"), (100, "08:30-09:15"), (180, "E. Lindqvist"), (300, "SN med setup"),
             (420, "JLT"), (470, "HH-558233")),
        cols((54, "Tue"), (100, "10:00-11:00"), (180, "B. Okonkwo"), (300, "OT ADL retraining"),
             (420, "KPV"), (470, "HH-558202")),
        cols((54, "Tue"), (100, "15:30-16:00"), (180, "H. Tran"), (300, "SN INR draw"),
             (420, "JLT"), (470, "HH-558241")),
        cols((54, "Wed"), (100, "08:00-09:00"), (180, "B. Okonkwo"), (300, "SN wound care"),
             (420, "JLT"), (470, "HH-558201")),
        cols((54, "Wed"), (100, "11:00-12:00"), (180, "R. Marchetti"), (300, "MSW assessment"),
             (420, "DNF"), (470, "HH-558256")),
        cols((54, "Thu"), (100, "09:00-09:45"), (180, "M. Feldhaus"), (300, "PT gait training"),
             (420, "RMD"), (470, "HH-558214")),
        cols((54, "Thu"), (100, "14:00-15:00"), (180, "C. Abernathy"), (300, "HHA bathing"),
             (420, "AQS"), (470, "HH-558190")),
        cols((54, "Fri"), (100, "08:00-09:00"), (180, "B. Okonkwo"), (300, "SN wound care"),
             (420, "JLT"), (470, "HH-558201")),
        cols((54, "Fri"), (100, "10:30-11:15"), (180, "E. Lindqvist"), (300, "SN med setup"),
             (420, "JLT"), (470, "HH-558233")),
        cols((54, "Sat"), (100, "09:00-10:00"), (180, "H. Tran"), (300, "HHA respite"),
             (420, "AQS"), (470, "HH-558262")),
        [],
        text("SN = skilled nursing, PT/OT = therapy, HHA = home health aide, MSW = social work.",
             54),
        text("Document each visit in the EVV app within 24 hours; report missed visits to"
             " 555-0199.", 54),
        text("Initials: JLT = J. Lawson-Teague RN, RMD = R. Dimaano PT, KPV = K. Varga OTR,", 54),
        text("AQS = A. Quiros HHA, DNF = D. Fairweather MSW.", 54),
    ],
    key_tokens=["Pruitt-Gaines", "12/07/2026", "555-0199", "08:00-09:00", "15:30-16:00",
                "Okonkwo", "Feldhaus", "Lindqvist", "Marchetti", "HH-558201", "HH-558214",
                "HH-558256", "JLT", "RMD", "Lawson-Teague"],
    phrase="PT gait training",
)

DERIVACION = LayoutDoc(
    name="derivacion",
    font="Palatino-Roman",
    font_size=10,
    rows=[
        text("CENTRO DE SALUD SAN JOSÉ DE LA MONTAÑA", 72),
        text("Servicio de Medicina Familiar - Consulta 3", 72),
        text("C/ Alcalá Galiano 41, 28010 Madrid - Fax 91 555 28 64", 72),
        [],
        text("HOJA DE DERIVACIÓN A ATENCIÓN ESPECIALIZADA", 72),
        [],
        cols((72, "Paciente: Begoña Ruiz-Echeverría"), (340, "Fecha: 02/12/2026")),
        cols((72, "DNI: 50218374-K"), (340, "N.º historia: HC-7730914")),
        cols((72, "Fecha de nacimiento: 14/06/1971"), (340, "Tarjeta sanitaria: BBBB718293450")),
        cols((72, "Servicio de destino: Neumología"), (340, "Prioridad: preferente")),
        [],
        text("Motivo de la derivación:", 72),
        text("Mujer de 55 años, exfumadora, con disnea de esfuerzo progresiva desde", 72),
        text("hace seis meses y tos crónica. Espirometría: FEV1/FVC 0,64; FEV1 58 %.", 72),
        text("Radiografía de tórax con hiperinsuflación, sin condensación.", 72),
        text("¿Posible EPOC moderada? Se solicita valoración y pruebas de función", 72),
        text("respiratoria completas. Saturación basal 93 % en aire ambiente.", 72),
        [],
        text("Tratamiento actual: salbutamol 100 µg a demanda; tiotropio 18 µg/día;", 72),
        text("enalapril 10 mg cada 12 horas. Alergias: penicilina y sulfamidas.", 72),
        [],
        cols((72, "Médico: Dra. Inés Fernández-Carrión"), (340, "N.º colegiado: 282847613")),
        cols((72, "Firma y sello del médico"), (340, "Teléfono: 91 555 28 60")),
    ],
    key_tokens=["DERIVACIÓN", "Ruiz-Echeverría", "02/12/2026", "50218374-K", "HC-7730914",
                "14/06/1971", "BBBB718293450", "Neumología", "FEV1/FVC", "Saturación",
                "salbutamol", "tiotropio", "penicilina", "Fernández-Carrión", "282847613"],
    phrase="Radiografía de tórax",
)

ELECTRICITY_BILL = LayoutDoc(
    name="electricity-bill",
    font="Bookman-Light",
    font_size=9,
    rows=[
        text("SHANNONSIDE ENERGY DAC - ELECTRICITY BILL", 54),
        text("Customer Service 0818 555 412 - Fax 061 555 9087 - VAT No. IE6388047V", 54),
        [],
        cols((54, "Account holder: Corcoran Veterinary Ltd"), (330, "Account No: 902-118-4475")),
        cols((54, "Supply address: Unit 3, Dock Road"), (330, "Invoice No: SE-26-0093318")),
        cols((54, "Limerick V94 X2R7"), (330, "Invoice date: 27/11/2026")),
        cols((54, "MPRN: 10008837261"), (330, "Billing period: 24/09-23/11/2026")),
        [],
        cols((54, "Meter"), (140, "Register"), (230, "Previous"), (300, "Present"),
             (370, "Units kWh"), (450, "Read type")),
        cols((54, "24018873"), (140, "Day"), (230, "041226"), (300, "043871"), (370, "2645"),
             (450, "Actual")),
        cols((54, "24018873"), (140, "Night"), (230, "017554"), (300, "018902"), (370, "1348"),
             (450, "Actual")),
        cols((54, "24018873"), (140, "Peak"), (230, "003310"), (300, "003596"), (370, "286"),
             (450, "Estimated")),
        [],
        cols((54, "Charges"), (330, "Rate"), (450, "Amount")),
        cols((54, "Day units 2,645 kWh"), (330, "€0.2871/kWh"), (450, "€759.38")),
        cols((54, "Night units 1,348 kWh"), (330, "€0.1544/kWh"), (450, "€208.13")),
        cols((54, "Peak units 286 kWh"), (330, "€0.3402/kWh"), (450, "€97.30")),
        cols((54, "Standing charge 61 days"), (330, "€0.8124/day"), (450, "€49.56")),
        cols((54, "PSO levy"), (450, "€6.42")),
        cols((54, "Subtotal excluding VAT"), (450, "€1,120.79")),
        cols((54, "VAT at 9%"), (450, "€100.87")),
        cols((54, "Total due by 18/12/2026"), (450, "€1,221.66")),
        [],
        text("Direct Debit will be taken on or after 18/12/2026 from IBAN ending 4471.", 54),
        text("Quote your account number 902-118-4475 on all correspondence.", 54),
    ],
    key_tokens=["IE6388047V", "Corcoran", "902-118-4475", "SE-26-0093318", "27/11/2026",
                "V94", "10008837261", "24018873", "Estimated", "2,645", "€759.38",
                "18/12/2026", "€1,221.66"],
    phrase="Standing charge 61 days",
)

RENTAL_TERMS = LayoutDoc(
    name="rental-terms",
    font="AvantGarde-Book",
    font_size=8,
    rows=[
        text("MEDEQUIP RENTALS OF NEW ENGLAND, INC. - RENTAL TERMS AND CONDITIONS", 54),
        text("Form DME-RA-7 (rev. 09/2026) - Agreement No. RA-4471-0926 - Page 2 of 2", 54),
        [],
        text("1. Term. Rental begins on the delivery date and renews monthly until the equipment"
             " is", 54),
        text("returned in working order to 88 Fenwick Street, Worcester MA 01609 or collected by"
             " us.", 54),
        text("2. Charges. Monthly rent for item E0260 (semi-electric hospital bed) is $185.00 and"
             " for", 54),
        text("item E0277 (alternating pressure mattress) is $412.00 and is billed in advance.", 54),
        text("3. Insurance. Where Medicare or a plan pays, the renter remains liable for the 20%",
             54),
        text("coinsurance, any deductible and any amount the plan denies. Capped rental ends after"
             " 13", 54),
        text("continuous months of rent, when the equipment becomes the property of the renter.",
             54),
        text("4. Late payment. Balances unpaid after 30 days accrue a late fee of 1.5% per month,",
             54),
        text("not to exceed the maximum allowed by law. Returned checks incur a fee of $35.00.",
             54),
        text("5. Care of equipment. The renter shall not move, modify or sublet the equipment and"
             " shall", 54),
        text("report any malfunction at once to the 24-hour service line 1-888-555-0146 without"
             " delay.", 54),
        text("Loss or damage beyond normal wear is charged at replacement cost, now $2,940.00 for"
             " the bed.", 54),
        text("6. Cleaning. Equipment is cleaned and tested under procedure QA-114 before each"
             " delivery.", 54),
        text("7. Privacy. Information about the renter is used as set out in our Notice of"
             " Privacy", 54),
        text("Practices NPP-2026-03 given with this agreement.", 54),
        text("8. Cancellation. Either party may end this agreement on 10 days written notice."
             " Rent for", 54),
        text("a partial month is prorated by day. Deposits are refunded within 21 days of"
             " return.", 54),
        text("9. Disputes. This agreement is governed by the laws of Massachusetts and any dispute"
             " shall first", 54),
        text("be referred to mediation in Worcester County before any action is filed.", 54),
        text("10. Entire agreement. These terms, with page 1, are the whole agreement and may be"
             " changed", 54),
        text("only in writing signed by both parties.", 54),
        [],
        cols((54, "Renter or representative: Harriet Obuya-Stein"), (340, "Date: 11/24/2026")),
        cols((54, "MedEquip representative: Colm Desrosiers"), (340, "Branch code: WOR-02")),
    ],
    key_tokens=["DME-RA-7", "RA-4471-0926", "01609", "E0260", "E0277", "$185.00", "$412.00",
                "1-888-555-0146", "$2,940.00", "QA-114", "NPP-2026-03", "Massachusetts",
                "Obuya-Stein", "11/24/2026", "Desrosiers", "WOR-02"],
    phrase="Capped rental ends after",
)

LAYOUTS_G = [LAB_RESULT, BENEFITS, PURCHASE_ORDER, HEARING_NOTICE, VISIT_SCHEDULE, DERIVACION,
             ELECTRICITY_BILL, RENTAL_TERMS]

CONDITIONS = ("clean", "transmitted", "copied", "burst")


def _garbage(length: int, rng: np.random.Generator) -> np.ndarray:
    """What a decoder that lost step prints: alternating white and black runs, or, a third of
    the time, one long black run (a misread make-up code) and white after it."""
    row = np.zeros(length, dtype=bool)
    if rng.random() < 0.3:
        row[:int(rng.integers(40, max(41, length)))] = True
        return row
    position, black = 0, False
    while position < length:
        run = int(rng.geometric(1 / 4 if black else 1 / 12))
        row[position:position + run] = black
        position += run
        black = not black
    return row


def burst_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
              seed: int) -> Image.Image:
    """The burst model (see the module docstring); parameters set before any page existed."""
    rng = np.random.default_rng(seed)
    width, height = page.size
    # The printout from a fading inkjet: ink at 65-80% strength, varying by +-10% from one
    # head pass (half an inch tall) to the next; two clogged nozzles (1/300 inch each) leave
    # faint hairlines at the same height in every pass.
    ink = 1 - np.asarray(page, dtype=np.float32) / 255
    swath = round(page_dpi / 2)
    passes = rng.uniform(0.65, 0.8) * rng.uniform(0.9, 1.1, height // swath + 1)
    ink *= np.repeat(passes, swath)[:height, None]
    nozzle = max(1, round(page_dpi / 300))
    for offset in rng.integers(0, swath - nozzle, 2):
        for top in range(int(offset), height, swath):
            ink[top:top + nozzle] *= 0.15
    # A dirty feed roller (circumference 2.0-2.4 inches) with two spots of grime: a grey smudge
    # about 0.05 x 0.025 inch at the same x once per turn, down the whole page.
    turn = rng.uniform(2.0, 2.4) * page_dpi
    half_w, half_h = 0.025 * page_dpi, 0.0125 * page_dpi
    yy, xx = np.mgrid[-int(half_h):int(half_h) + 1, -int(half_w):int(half_w) + 1]
    spot = ((xx / half_w) ** 2 + (yy / half_h) ** 2) <= 1
    for _ in range(2):
        x0 = int(rng.integers(int(half_w), width - int(half_w) - 1))
        darkness = float(rng.uniform(0.5, 0.8))
        top = rng.uniform(0, turn)
        while top < height - spot.shape[0]:
            y0 = int(top)
            patch = ink[y0:y0 + spot.shape[0], x0 - int(half_w):x0 + int(half_w) + 1]
            np.maximum(patch, np.where(spot, darkness, 0), out=patch)
            top += turn
    sheet = Image.fromarray(np.clip(255 * (1 - ink), 0, 255).astype(np.uint8))
    # Fed a little crooked; the scanner averages each pixel's area, adds sensor noise and
    # thresholds at a fixed level.
    angle = float(rng.uniform(0.2, 0.8) * rng.choice((-1, 1)))
    sheet = sheet.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    small = sheet.resize((round(width * xdpi / page_dpi), round(height * ydpi / page_dpi)),
                         Image.Resampling.BOX)
    gray = np.asarray(small).astype(np.float32) + rng.normal(0, 8, (small.height, small.width))
    black = gray < 140
    rows, columns = black.shape
    # No error correction on a bad line: about 1.2 errors per 100 scan lines, a fifth of them
    # long (2-5 lines hit in a row); MR coding carries each error on to the next 1-D line.
    k = 2 if ydpi < 150 else 4
    for hit in np.nonzero(rng.random(rows) < 0.012)[0]:
        last = hit + (int(rng.integers(2, 6)) if rng.random() < 0.2 else 1)
        last = min(rows, -(-last // k) * k)
        column = int(rng.integers(0, columns))
        mode = rng.choice(("repeat", "shift", "garbage"), p=(0.5, 0.25, 0.25))
        good = black[hit - 1].copy() if hit else np.zeros(columns, dtype=bool)
        shift = int(rng.integers(1, 9) * rng.choice((-1, 1)))
        for row in range(hit, last):
            if mode == "repeat":
                black[row] = good
            elif mode == "shift":
                black[row, column:] = np.roll(black[row, column:], shift)
            else:
                black[row, column:] = _garbage(columns - column, rng)
    return Image.fromarray(np.where(black, 0, 255).astype(np.uint8)).convert("1")


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    """A one-page G4 fax TIFF of ``doc`` in ``condition`` (see ``CONDITIONS``), seeded: rendered
    as set F's pages are (tests/ocr_layouts_f.py)."""
    return render_layout_page(root, doc, resolution, condition, seed, "layout-g",
                              {"transmitted": transmit, "copied": copy_then_fax,
                               "burst": burst_fax})
