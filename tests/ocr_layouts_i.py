"""A held-out OCR report set, written on 4 December 2026 by an author who had read neither
ocr/ nor the documents of tests/ocr_layouts.py or of any other layout set (only the data
structures, helpers and degradation models of tests/ocr_layouts.py and tests/ocr_layouts_f.py)
nor any OCR reading of any page. Nobody OCRed these pages before this file was committed: no
choice in ocr/ was made on them. Keep the file frozen; a change after a reading makes its
figures a tuning result.

Eight kinds of page not in any earlier set: a physical-therapy plan of care with goals and
visit counts (Helvetica 9.5 pt), a durable medical equipment order with HCPCS codes (Courier
9 pt), a school immunization certificate with vaccine lot numbers (New Century Schoolbook
9 pt), a California subpoena duces tecum (Times 10.5 pt), an order to garnish wages with a
withholding table (Bookman Light 9 pt), a customs commercial invoice with HS codes, Incoterms
and weights (Helvetica Narrow 9 pt), a hotel group booking confirmation with a room block and
euro rates (URW Gothic / AvantGarde 8.5 pt) and an Italian pathology report (Palatino 10 pt,
accented vowels). Fonts are Ghostscript's URW base 35, re-encoded to ISO Latin-1 with the
euro sign at 0x80, as in tests/ocr_layouts_f.py.

A degradation model of its own, ``faded_feed`` (parameters fixed, by looking at the rendered
pages only, before any page was OCRed; never tuned on): a faded original (worn ribbon or
toner-saver print) whose ink darkness varies in broad patches over the page, along each
printed line and from one character to the next, so that strokes run from full black down to a
mid grey (55% of black); fed through a sheet feeder whose speed wanders (bands of the page
stretched or squeezed by up to 5%) and which now and then slips (one or two scan lines skipped
or read twice); read by a contact sensor with slight optical blur, a little gain ripple across
its width, mild noise, two to four dead elements (thin white lines down the whole page) and
one or two stuck dark elements (thin black lines down the whole page), and cut at a fixed
threshold that is not adapted to the page, so faded strokes come out thin and broken and dark
ones bold. Conditions: ``clean`` (Ghostscript's fax device), ``transmitted`` and ``copied``
(tests/ocr_layouts.py's models) and ``faded``.

    python benchmarks/ocr_quality.py --set layouts-i
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from tests.ocr_layouts import LayoutDoc, cols, copy_then_fax, text, transmit
from tests.ocr_layouts_f import render_layout_page

CONDITIONS = ("clean", "transmitted", "copied", "faded")

PT_PLAN = LayoutDoc("pt_plan_of_care", "Helvetica", 9.5, [
    text("LAKESHORE REHABILITATION & SPORTS THERAPY", 54),
    cols((54, "2214 Harbor View Road, Suite 110, Duluth MN 55802"), (380, "Fax 218-555-0147")),
    text("PHYSICAL THERAPY PLAN OF CARE - INITIAL CERTIFICATION", 54),
    [],
    cols((54, "Patient: Marguerite Okonkwo-Hale"), (320, "DOB: 03/17/1958")),
    cols((54, "MRN: LRS-0048213"), (320, "Referring MD: Dr. Anil Desrosiers")),
    cols((54, "Dx: M17.11 Primary osteoarthritis, right knee"), (320, "Onset: 09/02/2026")),
    cols((54, "Certification: 11/30/2026 to 02/27/2027"), (320, "Payer: Medicare Part B")),
    [],
    cols((54, "Goal"), (96, "Measure"), (300, "Baseline"), (375, "Target"), (450, "By week")),
    cols((54, "STG1"), (96, "Knee flexion AROM, right"), (300, "0-85 deg"), (375, "0-110 deg"),
         (450, "4")),
    cols((54, "STG2"), (96, "Stair ascent with one rail"), (300, "4 steps"), (375, "12 steps"),
         (450, "4")),
    cols((54, "LTG1"), (96, "Community ambulation, no device"), (300, "150 ft"),
         (375, "1000 ft"), (450, "10")),
    cols((54, "LTG2"), (96, "Timed Up and Go (TUG)"), (300, "18.4 s"), (375, "under 12 s"),
         (450, "10")),
    cols((54, "LTG3"), (96, "LEFS functional score"), (300, "31/80"), (375, "60/80"),
         (450, "10")),
    [],
    cols((54, "Interventions:"), (140, "97110 Therapeutic exercise"),
         (330, "97140 Manual therapy")),
    cols((140, "97116 Gait training"), (330, "97530 Therapeutic activities")),
    cols((140, "G0283 Electrical stimulation"), (330, "97012 Mechanical traction")),
    [],
    text("Frequency: 2x per week for 10 weeks. Visits authorized: 20. Visits used to date: 1.",
         54),
    text("Prognosis: good for stated goals. Home exercise program issued at evaluation.", 54),
    [],
    cols((54, "Therapist: Renata Vasquez-Lindqvist PT DPT"), (330, "NPI 1487650392")),
    text("I certify the need for these services under this plan of care while under my care.",
         54),
    cols((54, "Physician signature: ______________________"), (330, "Date: ____________")),
], ["Okonkwo-Hale", "LRS-0048213", "03/17/1958", "Desrosiers", "M17.11", "02/27/2027",
    "97110", "97140", "G0283", "Vasquez-Lindqvist", "1487650392", "218-555-0147", "LEFS"],
    "Home exercise program")

DME_ORDER = LayoutDoc("dme_order", "Courier", 9, [
    text("SUMMIT HOME MEDICAL SUPPLY", 54),
    text("DETAILED WRITTEN ORDER - DURABLE MEDICAL EQUIPMENT", 54),
    cols((54, "Fax 608-555-0193"), (250, "Phone 608-555-0190")),
    [],
    cols((54, "Beneficiary: Thaddeus Brannigan"), (330, "MBI: 1EG4-TE5-MK72")),
    cols((54, "DOB: 08/22/1949"), (330, "Order date: 11/18/2026")),
    cols((54, "Address: 417 Larkspur Lane"), (330, "Madison WI 53704")),
    cols((54, "Dx: G47.33 Obstructive sleep apnea"), (330, "AHI 31.2 per hour")),
    [],
    cols((54, "HCPCS"), (96, "MOD"), (126, "DESCRIPTION"), (384, "QTY"), (414, "LON"),
         (450, "ALLOWED")),
    cols((54, "E0601"), (96, "NU"), (126, "CPAP device, continuous pressure"), (384, "1"),
         (414, "99"), (450, "$1,042.18")),
    cols((54, "E0562"), (96, "NU"), (126, "Humidifier, heated, used with PAP"), (384, "1"),
         (414, "99"), (450, "$248.60")),
    cols((54, "A7030"), (96, "NU"), (126, "Full face mask, one per 3 months"), (384, "1"),
         (414, "99"), (450, "$163.35")),
    cols((54, "A7037"), (96, "NU"), (126, "Tubing used with PAP device"), (384, "1"),
         (414, "99"), (450, "$31.72")),
    cols((54, "K0001"), (96, "RR"), (126, "Standard wheelchair, rental"), (384, "1"),
         (414, "6"), (450, "$97.44")),
    cols((54, "E0143"), (96, "NU"), (126, "Walker, folding, wheeled, adjustable"), (384, "1"),
         (414, "99"), (450, "$112.90")),
    [],
    text("Settings: CPAP 10 cm H2O, heated humidity, full face mask size M.", 54),
    text("LON = length of need in months; 99 = lifetime.", 54),
    [],
    cols((54, "Ordering physician: Ingrid Solvang MD"), (330, "NPI 1306849217")),
    cols((54, "Face-to-face visit: 10/29/2026"), (330, "Sleep study: 10/08/2026")),
    cols((54, "Signature: ______________________"), (330, "Date: __________")),
], ["E0601", "E0562", "A7030", "A7037", "K0001", "E0143", "1EG4-TE5-MK72", "Brannigan",
    "G47.33", "1306849217", "Solvang", "11/18/2026", "$1,042.18"],
    "Obstructive sleep apnea")

IMMUNIZATION = LayoutDoc("school_immunization", "NewCenturySchlbk-Roman", 9, [
    cols((54, "FAIRVIEW PEDIATRIC ASSOCIATES"), (300, "1180 Orchard Street, Hartford CT 06106")),
    text("CERTIFICATE OF IMMUNIZATION FOR SCHOOL ENTRY", 54),
    [],
    cols((54, "Student: Oluwaseun Marchetti"), (320, "DOB: 04/29/2013")),
    cols((54, "School: Cedar Ridge Middle School"), (320, "Grade: 7")),
    cols((54, "State student ID: ST-7730194"), (320, "Parent: Adaeze Marchetti")),
    [],
    cols((54, "Vaccine"), (140, "Dose"), (180, "Date given"), (256, "Lot number"),
         (340, "Manufacturer"), (450, "Site")),
    cols((54, "DTaP"), (140, "1"), (180, "06/28/2013"), (256, "AC52B041AA"), (340, "GSK"),
         (450, "L thigh")),
    cols((54, "Hep B"), (140, "3"), (180, "11/02/2013"), (256, "AHBVB915AA"), (340, "GSK"),
         (450, "R thigh")),
    cols((54, "DTaP"), (140, "5"), (180, "05/03/2017"), (256, "U5881AA"),
         (340, "Sanofi Pasteur"), (450, "L deltoid")),
    cols((54, "IPV"), (140, "4"), (180, "05/03/2017"), (256, "R1D71"), (340, "Sanofi Pasteur"),
         (450, "R deltoid")),
    cols((54, "MMR"), (140, "2"), (180, "05/03/2017"), (256, "S013762"), (340, "Merck"),
         (450, "L arm")),
    cols((54, "Varicella"), (140, "2"), (180, "05/03/2017"), (256, "T024518"), (340, "Merck"),
         (450, "R arm")),
    cols((54, "Tdap"), (140, "1"), (180, "09/18/2024"), (256, "3CA22C1"),
         (340, "Sanofi Pasteur"), (450, "L deltoid")),
    cols((54, "MenACWY"), (140, "1"), (180, "09/18/2024"), (256, "Y4J72"),
         (340, "Sanofi Pasteur"), (450, "R deltoid")),
    cols((54, "HPV9"), (140, "1"), (180, "09/18/2024"), (256, "W018834"), (340, "Merck"),
         (450, "L deltoid")),
    cols((54, "HPV9"), (140, "2"), (180, "03/21/2025"), (256, "X007219"), (340, "Merck"),
         (450, "L deltoid")),
    [],
    text("Exemptions: none on file. Tuberculin screening: not required.", 54),
    text("Status: meets all requirements for grade 7 entry, 2026-2027 school year.", 54),
    [],
    cols((54, "Verified by: Nkechi Oyelaran-Pratt RN"), (330, "Date: 11/09/2026")),
    text("Immunization registry ID 00418865201", 54),
], ["Marchetti", "ST-7730194", "04/29/2013", "AC52B041AA", "U5881AA", "Y4J72", "3CA22C1",
    "MenACWY", "Tdap", "Varicella", "HPV9", "09/18/2024", "00418865201", "Oyelaran-Pratt"],
    "Cedar Ridge Middle School")

SUBPOENA = LayoutDoc("subpoena_duces_tecum", "Times-Roman", 10.5, [
    text("Gareth L. Whitcombe, SBN 248193", 54),
    text("WHITCOMBE & ARANA LLP", 54),
    text("1500 K Street, Suite 900, Sacramento, CA 95814", 54),
    cols((54, "Telephone 916-555-0174"), (220, "Attorneys for Plaintiff")),
    [],
    text("SUPERIOR COURT OF CALIFORNIA, COUNTY OF SACRAMENTO", 130),
    [],
    cols((54, "ROSALIND DELGADO-FRIESEN,"), (330, "Case No. 34-2026-00418827")),
    cols((90, "Plaintiff,"), (330, "CIVIL SUBPOENA DUCES TECUM")),
    cols((72, "v."), (330, "Trial date: March 8, 2027")),
    cols((54, "NORTHGATE LOGISTICS GROUP, LLC,"), (330, "Dept. 42")),
    text("Defendant.", 90),
    [],
    text("THE PEOPLE OF THE STATE OF CALIFORNIA, TO the witness: Custodian of Records,", 54),
    text("Riverbend Occupational Health Clinic, 880 Capitol Mall, Sacramento, CA 95814", 54),
    text("YOU ARE ORDERED TO PRODUCE the business records described below, with a", 54),
    text("declaration of the custodian, on January 11, 2027 at 10:00 a.m. at the office", 54),
    text("of Whitcombe & Arana LLP at the address above.", 54),
    [],
    text("Records: all medical, billing and work status records of employee Rosalind", 54),
    text("Delgado-Friesen born 05/09/1981 and employee number NLG-30572 from January 1,", 54),
    text("2024 to the present, including claim WC-2025-118406 for workers compensation.", 54),
    [],
    text("Witness fees: $15.00 per day and mileage, Evidence Code section 1563(b).", 54),
    text("Disobedience of this subpoena may be punished as contempt by this court.", 54),
    [],
    cols((54, "Date issued: December 2, 2026"), (330, "Clerk, by M. Tran, Deputy")),
], ["34-2026-00418827", "Delgado-Friesen", "Whitcombe", "248193", "Riverbend",
    "WC-2025-118406", "NLG-30572", "05/09/1981", "95814", "NORTHGATE", "916-555-0174",
    "DUCES", "TECUM"],
    "Custodian of Records")

GARNISHMENT = LayoutDoc("wage_garnishment", "Bookman-Light", 9, [
    text("FRANKLIN COUNTY MUNICIPAL COURT, COLUMBUS, OHIO", 54),
    text("ORDER AND NOTICE OF CONTINUING GARNISHMENT OF EARNINGS", 54),
    cols((54, "Case No. 2026-CVF-031482"), (330, "Served: 11/24/2026")),
    [],
    cols((54, "Creditor: Coastline Auto Finance LLC"), (330, "Judge: Hon. P. Szymanski")),
    cols((54, "Debtor: Desmond Achterberg"), (330, "SSN: XXX-XX-4471")),
    cols((54, "Employer: Halvorsen Precision Castings"), (330, "FEIN 31-2873306")),
    cols((54, "Payroll contact: Maribel Quintanar"), (330, "Employee ID: HPC-22817")),
    [],
    cols((54, "Judgment"), (220, "$8,412.66")),
    cols((54, "Court costs"), (220, "$318.00")),
    cols((54, "Interest to date"), (220, "$373.61")),
    cols((54, "Total balance due"), (220, "$9,104.27")),
    [],
    text("Withhold the lesser of 25% of disposable earnings or the amount by which", 54),
    text("weekly disposable earnings exceed 30 times the federal minimum wage.", 54),
    [],
    cols((54, "Pay date"), (150, "Gross"), (240, "Disposable"), (340, "Withheld"),
         (440, "Balance")),
    cols((54, "11/28/2026"), (150, "$2,316.40"), (240, "$1,842.15"), (340, "$460.54"),
         (440, "$8,643.73")),
    cols((54, "12/12/2026"), (150, "$2,316.40"), (240, "$1,842.15"), (340, "$460.54"),
         (440, "$8,183.19")),
    [],
    text("Remit each withholding within 7 days of the pay date to the Clerk of Court.", 54),
], ["2026-CVF-031482", "Achterberg", "HPC-22817", "XXX-XX-4471", "31-2873306", "Halvorsen",
    "$8,412.66", "$9,104.27", "$460.54", "$8,643.73", "Quintanar", "Szymanski", "11/28/2026"],
    "Total balance due")

COMMERCIAL_INVOICE = LayoutDoc("commercial_invoice", "Helvetica-Narrow", 9, [
    text("COMMERCIAL INVOICE", 54),
    cols((54, "Exporter: Brevik Marine Components AS"), (300, "Invoice no.: CI-2026-04471")),
    cols((54, "Sandviksveien 114, 5035 Bergen, Norway"), (300, "Invoice date: 11/26/2026")),
    cols((54, "EORI: NO918224507"), (300, "Incoterms 2020: DAP Baltimore")),
    cols((54, "Consignee: Chesapeake Boatworks Supply LLC"), (300, "B/L no.: MAEU-264411873")),
    cols((54, "2700 Boston Street, Baltimore MD 21224, USA"),
         (300, "Vessel: Maersk Kalmar V.648W")),
    cols((54, "Importer EIN: 52-1948836"), (300, "Currency: EUR")),
    [],
    cols((54, "No."), (74, "HS code"), (136, "Description"), (315, "Origin"), (352, "Qty"),
         (390, "Net kg"), (435, "Unit EUR"), (490, "Total EUR")),
    cols((54, "1"), (74, "8483.40.5010"), (136, "Marine reduction gearbox, 2.5:1"), (315, "NO"),
         (352, "10"), (390, "412.5"), (435, "1,864.00"), (490, "18,640.00")),
    cols((54, "2"), (74, "8413.70.2004"), (136, "Centrifugal bilge pump, 24 V"), (315, "NO"),
         (352, "40"), (390, "96.0"), (435, "212.50"), (490, "8,500.00")),
    cols((54, "3"), (74, "7318.15.2065"), (136, "Stainless hex bolts M12 x 60, A4"), (315, "SE"),
         (352, "2,400"), (390, "118.0"), (435, "0.95"), (490, "2,280.00")),
    cols((54, "4"), (74, "4016.93.5020"), (136, "EPDM shaft seal kit"), (315, "DE"),
         (352, "300"), (390, "61.5"), (435, "19.80"), (490, "5,940.00")),
    cols((54, "5"), (74, "8536.50.9065"), (136, "Waterproof battery switch, 300 A"), (315, "NO"),
         (352, "150"), (390, "54.0"), (435, "46.00"), (490, "6,900.00")),
    cols((54, "6"), (74, "8481.80.5090"), (136, "Bronze seacock valve, 1.5 in"), (315, "NO"),
         (352, "120"), (390, "360.0"), (435, "49.63"), (490, "5,955.60")),
    [],
    cols((54, "Packages: 6 pallets"), (200, "Net weight: 1,102.0 kg"),
         (360, "Gross weight: 1,284.5 kg")),
    cols((54, "Freight: EUR 2,140.00"), (200, "Insurance: EUR 310.00"),
         (360, "Invoice total: EUR 48,215.60")),
    [],
    text("We certify that this invoice is true and correct and that the goods originate as "
         "stated.", 54),
    cols((54, "Signed: Solveig Haugland, Export Manager"), (360, "Bergen, 11/26/2026")),
], ["CI-2026-04471", "8483.40.5010", "8413.70.2004", "7318.15.2065", "4016.93.5020",
    "8536.50.9065", "8481.80.5090", "NO918224507", "MAEU-264411873", "DAP", "48,215.60",
    "1,284.5", "Chesapeake", "52-1948836"],
    "Centrifugal bilge pump")

HOTEL_BLOCK = LayoutDoc("hotel_group_booking", "AvantGarde-Book", 8.5, [
    text("Hotel Castellane Riverside", 54),
    cols((54, "14 Quai Saint-Antoine, 69002 Lyon, France"),
         (340, "Groups desk fax +33 4 72 55 01 86")),
    text("GROUP BOOKING CONFIRMATION", 54),
    [],
    cols((54, "Group: Meridian Orthopaedic Society"), (340, "Group code: MOS27")),
    cols((54, "Contact: Fenella Ardouin"), (340, "Confirmation: GRP-88401327")),
    cols((54, "Arrival: 03/14/2027"), (340, "Departure: 03/18/2027")),
    cols((54, "Billing: master account, room and tax only"), (340, "Account: MA-55190")),
    [],
    cols((54, "Night"), (140, "Single"), (200, "Double"), (260, "Junior suite"),
         (350, "Rate single"), (440, "Rate double")),
    cols((54, "Sun 03/14"), (140, "18"), (200, "22"), (260, "2"), (350, "€189.00"),
         (440, "€214.00")),
    cols((54, "Mon 03/15"), (140, "40"), (200, "35"), (260, "4"), (350, "€189.00"),
         (440, "€214.00")),
    cols((54, "Tue 03/16"), (140, "40"), (200, "35"), (260, "4"), (350, "€189.00"),
         (440, "€214.00")),
    cols((54, "Wed 03/17"), (140, "25"), (200, "20"), (260, "2"), (350, "€169.00"),
         (440, "€194.00")),
    [],
    text("Total room nights: 247. Junior suites at €365.00 per night.", 54),
    text("City tax of €3.30 per person per night is not included in the rates.", 54),
    text("Rooms not reserved by the cut-off date 02/11/2027 return to general inventory.",
         54),
    text("Attrition: up to 20% of the block may be released without charge until cut-off.",
         54),
    text("Deposit: €9,500.00 due on 01/15/2027 by bank transfer or card.", 54),
    text("Cancellation after cut-off: 80% of the remaining block value.", 54),
    [],
    cols((54, "Confirmed by: Bastien Roumégoux"), (250, "Groups Manager"),
         (340, "Date: 12/01/2026")),
], ["GRP-88401327", "MOS27", "MA-55190", "Ardouin", "03/14/2027", "03/18/2027", "€189.00",
    "€214.00", "€9,500.00", "02/11/2027", "Castellane", "Meridian", "Roumégoux"],
    "return to general inventory")

REFERTO = LayoutDoc("referto_istologico", "Palatino-Roman", 10, [
    text("OSPEDALE CIVILE SAN MATTEO DEGLI ANGELI", 54),
    text("U.O.C. Anatomia Patologica - Direttore: Prof. Corrado Villanova", 54),
    cols((54, "Via dei Mille 42, 40126 Bologna"), (330, "Fax 051 555 2817")),
    [],
    text("REFERTO ISTOLOGICO", 54),
    cols((54, "Paziente: Giuseppina Marchionni"), (330, "Nata il: 21/06/1964")),
    cols((54, "Codice fiscale: MRCGPP64H61A944K"), (330, "N. esame: IST-26-018734")),
    cols((54, "Reparto: Gastroenterologia"), (330, "Accettazione: 24/11/2026")),
    cols((54, "Richiedente: Dott. Enrico Falcinelli"), (330, "Refertazione: 01/12/2026")),
    [],
    text("Materiale: biopsie gastriche (antro n. 3, corpo n. 2) in formalina.", 54),
    text("Notizie cliniche: epigastralgia, anemia sideropenica; sospetta gastrite.", 54),
    [],
    text("Esame macroscopico: cinque frammenti biancastri, diametro massimo 3 mm.", 54),
    text("Esame microscopico: mucosa antrale con flogosi cronica di grado moderato e", 54),
    text("attività neutrofila lieve; metaplasia intestinale incompleta focale. Nel corpo", 54),
    text("la mucosa è conservata. Non si osservano displasia né lesioni neoplastiche.", 54),
    text("Colorazione Giemsa: Helicobacter pylori presente. Immunoistochimica: CDX2", 54),
    text("positivo nelle aree di metaplasia.", 54),
    [],
    text("DIAGNOSI: gastrite cronica attiva H. pylori positiva, con metaplasia intestinale", 54),
    text("incompleta focale dell'antro. Stadiazione OLGA II, OLGIM I. Assenza di displasia.",
         54),
    [],
    text("Si consiglia controllo endoscopico con biopsie secondo il protocollo di Sydney.", 54),
    cols((54, "Il medico patologo: Dott.ssa Ludovica Speranza"), (360, "Firma digitale")),
], ["Marchionni", "MRCGPP64H61A944K", "IST-26-018734", "21/06/1964", "Falcinelli",
    "Helicobacter", "CDX2", "OLGA", "OLGIM", "attività", "metaplasia", "Speranza",
    "Villanova", "01/12/2026", "Gastroenterologia"],
    "la mucosa è conservata")

LAYOUTS_I = [PT_PLAN, DME_ORDER, IMMUNIZATION, SUBPOENA, GARNISHMENT, COMMERCIAL_INVOICE,
             HOTEL_BLOCK, REFERTO]


def _smooth_field(rng: np.random.Generator, width: int, height: int,
                  cell_x: float, cell_y: float) -> np.ndarray:
    """Random variation over the page with features about ``cell_x`` by ``cell_y`` pixels,
    of standard deviation about 1."""
    grid = rng.normal(0, 1, (max(2, round(height / cell_y) + 2),
                             max(2, round(width / cell_x) + 2))).astype(np.float32)
    field = np.asarray(Image.fromarray(grid, "F").resize((width, height),
                                                        Image.Resampling.BICUBIC))
    return field / max(float(field.std()), 1e-6)


def faded_feed(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
               seed: int) -> Image.Image:
    """The faded-original, slipping-feed model (see the module docstring); parameters fixed
    before any reading."""
    rng = np.random.default_rng(seed)
    width, height = page.size
    point = page_dpi / 72  # pixels per point
    # A faded original: each stroke's darkness is a fraction of full black that wanders in
    # broad patches (toner left on the drum, ribbon wear), along each printed line (ribbon
    # advance) and from one character to the next (strike force), between 0.55 and 1.
    darkness = (rng.uniform(0.77, 0.83)
                + 0.09 * _smooth_field(rng, width, height, 160 * point, 160 * point)
                + 0.06 * _smooth_field(rng, width, height, 30 * point, 9 * point)
                + 0.05 * _smooth_field(rng, width, height, 5 * point, 12 * point))
    darkness = np.clip(darkness, 0.55, 1.0)
    ink = 1 - np.asarray(page).astype(np.float32) / 255
    faded = Image.fromarray((255 * (1 - ink * darkness)).astype(np.uint8))
    faded = faded.filter(ImageFilter.GaussianBlur(0.5 * page_dpi / xdpi))  # sensor optics
    # The sensor's elements average their width; the feed decides which band of the sheet
    # each scan line sees.
    columns = round(width * xdpi / page_dpi)
    strip = np.asarray(faded.resize((columns, height), Image.Resampling.BOX)).astype(np.float64)
    summed = np.vstack([np.zeros((1, columns)), np.cumsum(strip, axis=0)])
    rows = round(height * ydpi / page_dpi)
    step = page_dpi / ydpi
    speed = np.ones(rows)
    start = 0
    while start < rows:  # bands 0.25-1 inch long, half of them stretched or squeezed
        length = int(rng.integers(round(0.25 * ydpi), round(ydpi) + 1))
        if rng.random() < 0.5:
            speed[start:start + length] = rng.uniform(0.95, 1.05)
        start += length
    position = np.empty(rows)
    at, held = 0.0, 0
    for row in range(rows):
        position[row] = at
        if held:  # the sheet stalls: this scan line is read again
            held -= 1
        else:
            at += step * speed[row]
        if rng.random() < 1.3 / ydpi:  # a slip, about 1.3 per inch of paper
            lines = int(rng.integers(1, 3))
            if rng.random() < 0.5:
                at += step * lines  # the sheet jumps: scan lines skipped
            else:
                at, held = position[row], lines - 1
    top = np.clip(position.astype(int), 0, height)
    bottom = np.clip(np.maximum(top + 1, (position + step).astype(int)), 0, height)
    gray = np.full((rows, columns), 255.0)
    inside = bottom > top
    gray[inside] = ((summed[bottom[inside]] - summed[top[inside]])
                    / (bottom[inside] - top[inside])[:, None])
    gray *= 1 + 0.03 * rng.normal(0, 1, columns)[None, :]  # gain ripple across the sensor
    gray += rng.normal(0, 8, gray.shape)
    ink_out = gray < 160  # a fixed threshold, set a little dark, never adapted to the page
    ink_out[:, rng.choice(columns, int(rng.integers(2, 5)), replace=False)] = False  # dead
    ink_out[:, rng.choice(columns, int(rng.integers(1, 3)), replace=False)] = True  # stuck dark
    return Image.fromarray(np.where(ink_out, 0, 255).astype(np.uint8)).convert("1")


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    """A one-page G4 fax TIFF of ``doc`` in ``condition`` (see ``CONDITIONS``), seeded."""
    return render_layout_page(root, doc, resolution, condition, seed, "layout-i",
                              {"transmitted": transmit, "copied": copy_then_fax,
                               "faded": faded_feed})
