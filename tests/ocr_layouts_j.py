"""Held-out OCR evaluation set J: six laid-out fax pages and a model of faxes received without
error correction (non-ECM).

Written on 6 December 2026 by an author who had read neither ocr/ nor any other set's damage
model nor any reading (OCR output) of any page; frozen after commit: the documents, the key
tokens, the degradation model and its parameters are not to be changed after a reading, so
the set stays a held-out measure of the OCR pipeline.

The pages: six one-page letter documents of kinds faxed to clinics, law firms and back
offices, laid out as tests/ocr_layouts.py lays out its pages (``text`` lines and ``cols``
rows of label and value pieces, small tables) and rendered by tests/ocr_layouts_f.py's
``render_layout_page``:

- a home oxygen certificate of medical necessity with HCPCS codes and test results
  (Helvetica-Narrow 10 pt),
- a subpoena duces tecum for medical and billing records (Palatino-Roman 11 pt),
- an occupational medicine work status report with a table of restrictions
  (Bookman-Light 10 pt),
- a mortgage payoff statement with a table of amounts and wire instructions (Courier 10 pt),
- a clinical trial serious adverse event report with a table of laboratory results
  (NewCenturySchlbk-Roman 9 pt),
- a certificate of liability insurance with a table of policies and limits
  (AvantGarde-Book 9 pt).

Each document lists key tokens a user would search for (ids, names, dates, amounts, codes,
exactly as printed, each a whitespace-free token of a printed line) and a phrase printed on
one line.

Conditions (``CONDITIONS``):

- ``clean``: Ghostscript's own fax rendering of the page.
- ``non-ECM``: the page as printed by a receiver that got it without error correction mode
  (ITU-T T.30 ECM off) over a noisy telephone line. The sender scans the page at the fax
  resolution (each pixel the average of the page under it, 1728 pixels across the middle of
  the sheet), with a little sensor noise and a slight column-to-column gain spread, and
  thresholds it at a level drawn per page. It codes the scan lines as ITU-T T.4 does, bit for
  bit, with the real code tables: modified READ with K = 2 at 98 lpi and K = 4 at 196 lpi, so
  every 2nd or 4th line is a one-dimensional (modified Huffman) line and the lines between
  are coded against the line above them (pass, horizontal and vertical modes). Each line is
  sent as EOL, a tag bit (1-D or 2-D), its code words and fill bits up to the minimum scan
  line time (5, 10 or 20 ms at 9600 bit/s, drawn per page); six EOLs end the page.
  The telephone line hits this bit stream with error bursts at random moments until about
  1-4% of the scan lines are touched (the share is drawn per page). Most bursts (82%) are
  short: one to three bit errors within 16 bits, each repeated 18 and 23 bits later by the
  V.29 modem's self-synchronising descrambler; the rest are long (120-1500 bits of garbage,
  the modem losing lock) and cover several lines. The receiver decodes the damaged stream
  as a real T.4 decoder does: it finds lines by their EOLs, reads the tag bit and decodes
  code words against the line it decoded last. A hit in fill bits mostly does no harm,
  though a bit turned to one after eleven zeros is a false EOL, and the bits from it to the
  true EOL may decode as an extra short, broken line; a hit in the code words makes the
  decoder lose sync, read wrong runs and end the line too short, too long or on an invalid
  code; a lost EOL joins two lines (the second is lost, the page gets shorter) and a false
  one splits a line in two; a flipped tag bit decodes a line in the wrong mode. The receiver
  is, per page, one of four kinds: ``print`` (30%) prints what it decodes, short and broken
  lines ended in white, and decodes the next 2-D lines against the damaged line, so the
  damage is carried down to the next 1-D line; ``repeat`` (25%) detects
  lines of the wrong length or with an invalid code and prints the last good line again in
  their place, decoding the next 2-D lines against that repeated line (they are kept when
  their length comes out right, so a distorted copy of the damage may pass); ``repeat-group``
  (25%) prints the last good line again for a bad line and for every 2-D line after it up to
  the next good 1-D line; ``drop`` (20%) leaves those lines out, so the page gets shorter.
  Lines lost with their EOL go undetected by all four. All parameters were fixed in the code
  before any page was rendered; everything is deterministic from the seed.

Run: ``python benchmarks/ocr_quality.py --set layouts-j``.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise
from pathlib import Path

import numpy as np
from PIL import Image

from tests.ocr_layouts import LayoutDoc, cols, text
from tests.ocr_layouts_f import render_layout_page

CONDITIONS = ("clean", "non-ECM")

OXYGEN_CMN = LayoutDoc(
    name="oxygen-cmn",
    font="Helvetica-Narrow",
    font_size=10,
    rows=[
        cols((54, "CERTIFICATE OF MEDICAL NECESSITY"), (380, "CMS-484 HOME OXYGEN")),
        cols((54, "Supplier: Bluestem Respiratory Services"), (380, "Supplier NPI: 1487736205")),
        cols((54, "2291 Harlan Road, Salina, KS 67401"), (380, "Fax: (785) 555-0147")),
        [],
        cols((54, "Certification type:"), (200, "Initial"), (380, "Initial date: 11/18/2026")),
        cols((54, "Length of need:"), (200, "99 months (lifetime)"), (380, "Revised date: none")),
        [],
        cols((54, "Patient:"), (150, "Thaddeus R. Oyelaran"), (380, "DOB: 02/09/1944")),
        cols((54, "MBI:"), (150, "4KD7-RT3-WM82"), (380, "Phone: (785) 555-0823")),
        cols((54, "Address:"), (150, "618 Sycamore Lane, Apt 3, Abilene, KS 67410")),
        [],
        cols((54, "HCPCS"), (130, "Description"), (380, "Qty"), (430, "Modifier")),
        cols((54, "E1390"), (130, "Oxygen concentrator, stationary"), (380, "1"), (430, "RR")),
        cols((54, "E0431"), (130, "Portable gaseous oxygen system"), (380, "1"), (430, "RR")),
        cols((54, "E0443"), (130, "Portable oxygen contents, gaseous"), (380, "1"), (430, "NU")),
        [],
        text("SECTION B - QUALIFYING TEST RESULTS", 54),
        cols((54, "Arterial blood gas PO2:"), (200, "52 mmHg"), (380, "Test date: 11/14/2026")),
        cols((54, "Oxygen saturation:"), (200, "86 percent at rest, room air")),
        cols((54, "Test performed:"), (200, "inpatient, within 2 days of discharge")),
        cols((54, "Prescribed flow:"), (200, "2 LPM continuous"), (380, "Hours per day: 24")),
        cols((54, "ICD-10 codes:"), (200, "J44.1"), (260, "J96.11"), (320, "I27.23")),
        text("Dependent edema due to congestive heart failure: yes", 54),
        [],
        text("SECTION D - PHYSICIAN ATTESTATION", 54),
        cols((54, "Physician: Dr. Imogen Fairweather-Pike"), (380, "NPI: 1932204768")),
        cols((54, "Signature: on file"), (380, "Date signed: 11/19/2026")),
        text("I certify that the medical necessity information in this form is true, accurate",
             54),
        text("and complete to the best of my knowledge, and that the patient record supports it.",
             54),
    ],
    key_tokens=["1487736205", "Bluestem", "Oyelaran", "02/09/1944", "4KD7-RT3-WM82",
                "555-0823", "Sycamore", "E1390", "E0431", "E0443", "stationary", "11/14/2026",
                "J44.1", "J96.11", "I27.23", "Fairweather-Pike", "1932204768", "11/19/2026"],
    phrase="Portable gaseous oxygen system",
)

SUBPOENA = LayoutDoc(
    name="subpoena-records",
    font="Palatino-Roman",
    font_size=11,
    rows=[
        text("SUPERIOR COURT OF THE STATE OF ARIZONA", 180),
        text("IN AND FOR THE COUNTY OF PIMA", 212),
        [],
        cols((72, "Lucinda Marrero-Haight"), (340, "Case No. C20263871")),
        cols((90, "Plaintiff,"), (340, "SUBPOENA DUCES TECUM")),
        text("v.", 90),
        cols((72, "Sonoran Valley Logistics LLC"), (340, "Assigned: Hon. Paul Ekwueme")),
        cols((90, "Defendant."), (340, "Division 14")),
        [],
        text("TO: Custodian of Records, Tanque Verde Orthopedic Associates"),
        text("7350 East Speedway Boulevard, Tucson, AZ 85710   Fax: (520) 555-0196"),
        [],
        text("YOU ARE COMMANDED to produce the following records on or before"),
        text("January 8, 2027 at 10:00 a.m. at the office of Rennick Ostrowski PLLC,"),
        text("One South Church Avenue, Suite 1900, Tucson, AZ 85701:"),
        [],
        text("1. All medical records for DOB 06/23/1979 under the name of the plaintiff, from", 90),
        text("03/01/2024 to the present, including office notes, imaging and MRI films;", 90),
        text("2. All billing ledgers, CMS-1500 claim forms and payment records;", 90),
        text("3. All correspondence with Hartwell Casualty about claim HC-55-0291837", 90),
        text("and its adjusters.", 108),
        [],
        text("In lieu of appearance you may deliver certified copies with a declaration"),
        text("of the custodian under Rule 902(11) of the Arizona Rules of Evidence. A HIPAA"),
        text("authorization signed by the patient is attached as Exhibit A."),
        [],
        cols((72, "Issued: December 2, 2026"), (340, "Attorney: Gretchen A. Rennick")),
        cols((72, "Clerk: M. Villasenor, Deputy"), (340, "State Bar No. 031447")),
        cols((72, "Subpoena ID: SDT-2026-11842"), (340, "Phone: (520) 555-0133")),
    ],
    key_tokens=["C20263871", "Marrero-Haight", "Ekwueme", "Tanque", "Orthopedic", "85710",
                "555-0196", "Rennick", "Ostrowski", "06/23/1979", "03/01/2024", "CMS-1500",
                "Hartwell", "HC-55-0291837", "Exhibit", "SDT-2026-11842", "031447"],
    phrase="YOU ARE COMMANDED to produce",
)

WORK_STATUS = LayoutDoc(
    name="work-status",
    font="Bookman-Light",
    font_size=10,
    rows=[
        cols((54, "MESA RIDGE OCCUPATIONAL MEDICINE"), (370, "WORK STATUS REPORT")),
        cols((54, "4410 Foothill Parkway, Ogden, UT 84403"), (370, "Fax: (801) 555-0159")),
        [],
        cols((54, "Employee:"), (140, "Dariusz Kowalczyk-Bray"), (370, "DOB: 08/30/1986")),
        cols((54, "Employer:"), (140, "Wasatch Precast Concrete"), (370, "Claim: WC-UT-60417")),
        cols((54, "Insurer:"), (140, "Beehive Mutual"), (370, "Adjuster: Noor Haddadin")),
        cols((54, "Injury:"), (140, "11/21/2026"), (370, "Visit: 12/03/2026")),
        text("Diagnosis: S63.512A sprain of carpal joint of right wrist", 54),
        text("and S39.012A strain of muscle of lower back", 126),
        [],
        text("WORK STATUS: modified duty from 12/03/2026 through 12/24/2026", 54),
        [],
        cols((54, "Restriction"), (250, "Limit"), (360, "Comment")),
        cols((54, "Lifting, floor to waist"), (250, "15 lb"), (360, "occasional")),
        cols((54, "Lifting, above waist"), (250, "10 lb"), (360, "left hand only")),
        cols((54, "Push or pull"), (250, "25 lb"), (360, "with a cart")),
        cols((54, "Gripping, right hand"), (250, "none"), (360, "splint on at work")),
        cols((54, "Standing or walking"), (250, "4 hr/day"), (360, "break every 2 hr")),
        cols((54, "Ladders, scaffolds"), (250, "none"), (360, "no climbing")),
        [],
        text("Medications: naproxen 500 mg twice daily, cyclobenzaprine 5 mg at bedtime", 54),
        text("Therapy: 2 visits a week for 3 weeks, CPT 97110 and 97530", 54),
        cols((54, "Next visit: 12/17/2026 at 8:40 a.m."), (370, "At MMI: no")),
        [],
        cols((54, "Provider: Dr. Anjali Venkataraman"), (370, "License: 9921047-1205")),
        text("This status replaces all prior work status reports for this claim.", 54),
    ],
    key_tokens=["Kowalczyk-Bray", "08/30/1986", "Wasatch", "WC-UT-60417", "Haddadin",
                "11/21/2026", "S63.512A", "S39.012A", "12/24/2026", "naproxen",
                "cyclobenzaprine", "97110", "97530", "12/17/2026", "Venkataraman",
                "9921047-1205"],
    phrase="modified duty from 12/03/2026",
)

PAYOFF = LayoutDoc(
    name="payoff-statement",
    font="Courier",
    font_size=10,
    rows=[
        text("HARBORLINE MORTGAGE SERVICING, INC.", 54),
        cols((54, "PAYOFF STATEMENT"), (330, "Loan No. 0071-448-2093")),
        cols((54, "Prepared: 12/04/2026"), (330, "Good through: 12/31/2026")),
        [],
        cols((54, "Borrower:"), (162, "Ignatius P. Vandersloot")),
        cols((54, "Co-borrower:"), (162, "Marisol Vandersloot")),
        cols((54, "Property:"), (162, "77 Tidewater Court, Mystic, CT 06355")),
        cols((54, "Requested by:"), (162, "Quarry Hill Title, file QHT-26-1187")),
        [],
        cols((54, "Item"), (420, "Amount")),
        cols((54, "Unpaid principal balance"), (420, "$214,386.51")),
        cols((54, "Interest 11/01/2026 to 12/31/2026"), (420, "2,552.81")),
        cols((54, "Escrow shortage"), (420, "412.77")),
        cols((54, "Late charges"), (420, "63.40")),
        cols((54, "Recording and release fee"), (420, "60.00")),
        cols((54, "Payoff statement fee"), (420, "25.00")),
        cols((54, "Less suspense balance"), (420, "-118.26")),
        cols((54, "TOTAL AMOUNT TO PAY OFF"), (420, "$217,382.23")),
        [],
        text("Per diem interest after 12/31/2026: $41.8494", 54),
        text("Interest rate 7.125 percent. Escrow disbursements stop on receipt of funds.", 54),
        [],
        text("Wire funds to: Castine Federal Bank, ABA 221370618", 54),
        cols((54, "Account 5500-19347-8"), (330, "Reference: 0071-448-2093")),
        text("Funds received after 2:00 p.m. Eastern post the next business day.", 54),
        text("Payoff Dept. phone (860) 555-0192 or fax (860) 555-0198", 54),
    ],
    key_tokens=["HARBORLINE", "0071-448-2093", "12/04/2026", "12/31/2026", "Vandersloot",
                "Tidewater", "06355", "QHT-26-1187", "$214,386.51", "2,552.81", "412.77",
                "-118.26", "$217,382.23", "$41.8494", "221370618", "5500-19347-8", "555-0192"],
    phrase="TOTAL AMOUNT TO PAY OFF",
)

ADVERSE_EVENT = LayoutDoc(
    name="adverse-event",
    font="NewCenturySchlbk-Roman",
    font_size=9,
    rows=[
        cols((54, "SERIOUS ADVERSE EVENT REPORT - INITIAL"), (380, "Fax to: (919) 555-0176")),
        cols((54, "Sponsor: Altamira Therapeutics"), (380, "Protocol: ALT-417-203")),
        cols((54, "Study drug: velnotrexib 40 mg tablets"), (380, "Site No. 0317")),
        [],
        cols((54, "Subject ID:"), (150, "0317-0042"), (270, "Sex: F"), (380, "Born: 1958")),
        cols((54, "Investigator:"), (150, "Dr. Hollis Abernathy-Quint"),
             (380, "Site: Piedmont Clinical Research")),
        cols((54, "Event term:"), (150, "Acute pancreatitis"), (380, "MedDRA code: 10033647")),
        cols((54, "Onset date:"), (150, "11/27/2026"), (380, "Report date: 11/29/2026")),
        cols((54, "Seriousness:"), (150, "hospitalization"), (380, "Outcome: recovering")),
        [],
        cols((54, "Date"), (120, "Test"), (260, "Result"), (340, "Units"), (410, "Reference")),
        cols((54, "11/27"), (120, "Lipase"), (260, "1,842"), (340, "U/L"), (410, "13-60")),
        cols((54, "11/27"), (120, "Amylase"), (260, "611"), (340, "U/L"), (410, "28-100")),
        cols((54, "11/27"), (120, "Triglycerides"), (260, "284"), (340, "mg/dL"), (410, "<150")),
        cols((54, "11/28"), (120, "ALT"), (260, "97"), (340, "U/L"), (410, "7-35")),
        cols((54, "11/28"), (120, "Calcium"), (260, "8.1"), (340, "mg/dL"), (410, "8.6-10.3")),
        [],
        text("Narrative: On study day 64 the subject came to the emergency department with",
             54),
        text("epigastric pain radiating to the back and vomiting. CT showed peripancreatic", 54),
        text("stranding without necrosis. Gallbladder ultrasound was negative for stones.", 54),
        text("Study drug was interrupted on 11/27/2026 and the last dose was taken 11/26/2026",
             54),
        text("at 21:00. Treated with IV fluids and hydromorphone and advanced to a soft diet",
             54),
        text("on hospital day 3.", 54),
        [],
        cols((54, "Causality:"), (150, "possibly related"), (380, "Expectedness: unexpected")),
        cols((54, "Action taken:"), (150, "drug interrupted"), (380, "Dechallenge: positive")),
        cols((54, "Concomitant:"),
             (150, "metformin 1000 mg, lisinopril 10 mg, atorvastatin 40 mg")),
        [],
        cols((54, "Reporter: Yolanda Brisbane-Achebe (CRC)"), (380, "Signed: 11/29/2026")),
    ],
    key_tokens=["ALT-417-203", "velnotrexib", "0317-0042", "Abernathy-Quint", "Piedmont",
                "pancreatitis", "10033647", "11/27/2026", "Lipase", "1,842", "Triglycerides",
                "peripancreatic", "11/26/2026", "hydromorphone", "metformin", "lisinopril",
                "Brisbane-Achebe", "11/29/2026"],
    phrase="epigastric pain radiating to the back",
)

INSURANCE_CERTIFICATE = LayoutDoc(
    name="insurance-certificate",
    font="AvantGarde-Book",
    font_size=9,
    rows=[
        cols((54, "CERTIFICATE OF LIABILITY INSURANCE"), (420, "Date: 12/01/2026")),
        text("This certificate is issued as a matter of information only and confers no rights",
             54),
        text("upon the certificate holder. It does not amend, extend or alter the coverage", 54),
        text("afforded by the policies below.", 54),
        [],
        cols((54, "Producer: Kittredge & Lowe Agency"),
             (320, "Insured: Pelletier Brothers Roofing")),
        cols((54, "5 Mill Pond Road, Concord, NH 03301"), (320, "1140 Route 3A, Bow, NH 03304")),
        cols((54, "Contact: Sabine Oduya"), (320, "Certificate No. KL-2026-7715")),
        [],
        cols((54, "Insurer A: Granite Shield Casualty"), (320, "NAIC 24817")),
        cols((54, "Insurer B: Northeast Employers Mutual"), (320, "NAIC 10652")),
        [],
        cols((54, "Ltr"), (80, "Type"), (175, "Policy number"), (285, "Effective"),
             (345, "Expires"), (405, "Limits")),
        cols((54, "A"), (80, "General liability"), (175, "GL-4471093"), (285, "01/01/26"),
             (345, "01/01/27"), (405, "1,000,000 per occurrence")),
        cols((405, "2,000,000 aggregate")),
        cols((54, "A"), (80, "Automobile"), (175, "BA-4471094"), (285, "01/01/26"),
             (345, "01/01/27"), (405, "1,000,000 combined single")),
        cols((54, "A"), (80, "Umbrella"), (175, "UMB-883205"), (285, "01/01/26"),
             (345, "01/01/27"), (405, "5,000,000 per occurrence")),
        cols((54, "B"), (80, "Workers comp"), (175, "WC-2206718-NH"), (285, "03/15/26"),
             (345, "03/15/27"), (405, "500,000 each accident")),
        [],
        text("Description of operations: re-roofing of Building C at Hollis Terrace, work order",
             54),
        text("26-0915 dated 11/12/2026. The certificate holder is an additional insured on the",
             54),
        text("general liability and automobile policies where a written contract requires it.",
             54),
        text("A waiver of subrogation applies in favor of the certificate holder.", 54),
        [],
        cols((54, "Certificate holder:"), (160, "Hollis Terrace Property Management LLC")),
        cols((160, "88 Depot Street, Nashua, NH 03060")),
        text("Should any of the above policies be cancelled before the expiration date, notice",
             54),
        text("will be delivered in accordance with the policy provisions.", 54),
        cols((54, "Authorized representative: Everett J. Lowe"), (380, "Fax: (603) 555-0131")),
    ],
    key_tokens=["12/01/2026", "Kittredge", "Pelletier", "03304", "KL-2026-7715", "24817",
                "10652", "GL-4471093", "BA-4471094", "UMB-883205", "WC-2206718-NH", "01/01/27",
                "26-0915", "subrogation", "Hollis", "03060", "Lowe", "555-0131"],
    phrase="A waiver of subrogation applies",
)

LAYOUTS_J = [OXYGEN_CMN, SUBPOENA, WORK_STATUS, PAYOFF, ADVERSE_EVENT, INSURANCE_CERTIFICATE]


# --- The non-ECM model ------------------------------------------------------------------

_WIDTH = 1728  # pixels in a T.4 scan line
_EOL = "000000000001"
_BIT_RATE = 9600  # V.29
_MIN_SCAN_TIMES = (0.005, 0.010, 0.020)  # seconds, T.30 minimum scan line time, one per page
_HIT_SHARE = (0.01, 0.04)  # share of scan lines an error burst touches, drawn per page
_LONG_BURST = 0.18  # share of bursts that are long: the modem loses lock
_LONG_BITS = (120, 1500)  # length of a long burst, log-uniform; its bits are garbage
_SHORT_SPAN = 16  # a short burst: one to three bit errors within 16 bits ...
_SHORT_ERRORS = (1, 2, 3)
_SHORT_ERROR_WEIGHTS = (0.55, 0.3, 0.15)
_DESCRAMBLER_TAPS = (0, 18, 23)  # ... each repeated by the descrambler (1 + x^-18 + x^-23)
_SENSOR_NOISE = 6.0  # grey levels, standard deviation
_GAIN_SPREAD = 0.015  # column-to-column gain of the sensor, standard deviation
_THRESHOLD = (116.0, 144.0)  # the sender's black/white threshold, drawn per page
_RECEIVERS = ("print", "repeat", "repeat-group", "drop")
_RECEIVER_WEIGHTS = (0.30, 0.25, 0.25, 0.20)

# ITU-T T.4 modified Huffman code words: terminating codes for runs 0-63, make-up codes for
# runs 64, 128, ..., 1728.
_WHITE_TERMINATING = (
    "00110101", "000111", "0111", "1000", "1011", "1100", "1110", "1111",
    "10011", "10100", "00111", "01000", "001000", "000011", "110100", "110101",
    "101010", "101011", "0100111", "0001100", "0001000", "0010111", "0000011", "0000100",
    "0101000", "0101011", "0010011", "0100100", "0011000", "00000010", "00000011", "00011010",
    "00011011", "00010010", "00010011", "00010100", "00010101", "00010110", "00010111",
    "00101000", "00101001", "00101010", "00101011", "00101100", "00101101", "00000100",
    "00000101", "00001010", "00001011", "01010010", "01010011", "01010100", "01010101",
    "00100100", "00100101", "01011000", "01011001", "01011010", "01011011", "01001010",
    "01001011", "00110010", "00110011", "00110100",
)
_BLACK_TERMINATING = (
    "0000110111", "010", "11", "10", "011", "0011", "0010", "00011",
    "000101", "000100", "0000100", "0000101", "0000111", "00000100", "00000111", "000011000",
    "0000010111", "0000011000", "0000001000", "00001100111", "00001101000", "00001101100",
    "00000110111", "00000101000", "00000010111", "00000011000", "000011001010",
    "000011001011", "000011001100", "000011001101", "000001101000", "000001101001",
    "000001101010", "000001101011", "000011010010", "000011010011", "000011010100",
    "000011010101", "000011010110", "000011010111", "000001101100", "000001101101",
    "000011011010", "000011011011", "000001010100", "000001010101", "000001010110",
    "000001010111", "000001100100", "000001100101", "000001010010", "000001010011",
    "000000100100", "000000110111", "000000111000", "000000100111", "000000101000",
    "000001011000", "000001011001", "000000101011", "000000101100", "000001011010",
    "000001100110", "000001100111",
)
_WHITE_MAKEUP = (
    "11011", "10010", "010111", "0110111", "00110110", "00110111", "01100100", "01100101",
    "01101000", "01100111", "011001100", "011001101", "011010010", "011010011", "011010100",
    "011010101", "011010110", "011010111", "011011000", "011011001", "011011010",
    "011011011", "010011000", "010011001", "010011010", "011000", "010011011",
)
_BLACK_MAKEUP = (
    "0000001111", "000011001000", "000011001001", "000001011011", "000000110011",
    "000000110100", "000000110101", "0000001101100", "0000001101101", "0000001001010",
    "0000001001011", "0000001001100", "0000001001101", "0000001110010", "0000001110011",
    "0000001110100", "0000001110101", "0000001110110", "0000001110111", "0000001010010",
    "0000001010011", "0000001010100", "0000001010101", "0000001011010", "0000001011011",
    "0000001100100", "0000001100101",
)
# Two-dimensional mode codes: pass, horizontal, vertical (a1 - b1 from -3 to 3).
_PASS, _HORIZONTAL = "P", "H"
_MODE_CODES = {"0001": _PASS, "001": _HORIZONTAL, "1": 0, "011": 1, "000011": 2,
               "0000011": 3, "010": -1, "000010": -2, "0000010": -3}
_CODE_OF_MODE = {mode: code for code, mode in _MODE_CODES.items()}


def _run_codes(terminating: tuple[str, ...], makeup: tuple[str, ...]) -> list[str]:
    return [terminating[run] if run < 64 else makeup[run // 64 - 1] + terminating[run % 64]
            for run in range(_WIDTH + 1)]


_RUN_CODES = (_run_codes(_WHITE_TERMINATING, _WHITE_MAKEUP),
              _run_codes(_BLACK_TERMINATING, _BLACK_MAKEUP))
_RUN_DECODE = tuple(
    {**{code: (run, False) for run, code in enumerate(terminating)},
     **{code: (64 * (n + 1), True) for n, code in enumerate(makeup)}}
    for terminating, makeup in ((_WHITE_TERMINATING, _WHITE_MAKEUP),
                                (_BLACK_TERMINATING, _BLACK_MAKEUP)))


def _scan(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
          rng: np.random.Generator) -> np.ndarray:
    """The sender's scan: the page averaged over each fax pixel, 1728 pixels across the middle
    of the sheet, sensor noise and gain spread, a threshold; True is black."""
    width = round(page.width * xdpi / page_dpi)
    height = round(page.height * ydpi / page_dpi)
    grey = np.asarray(page.resize((width, height), Image.Resampling.BOX), dtype=np.float32)
    if width >= _WIDTH:
        left = (width - _WIDTH) // 2
        grey = grey[:, left:left + _WIDTH]
    else:
        pad = _WIDTH - width
        grey = np.pad(grey, ((0, 0), (pad // 2, pad - pad // 2)), constant_values=255.0)
    gain = 1.0 + rng.normal(0.0, _GAIN_SPREAD, _WIDTH).astype(np.float32)
    noise = rng.normal(0.0, _SENSOR_NOISE, grey.shape).astype(np.float32)
    threshold = rng.uniform(*_THRESHOLD)
    return grey * gain + noise < threshold


def _encode_1d(changes: list[int]) -> str:
    out = []
    previous = 0
    for n, position in enumerate([*changes, _WIDTH]):
        out.append(_RUN_CODES[n % 2][position - previous])
        previous = position
    return "".join(out)


def _b1_b2(reference: list[int], a0: int, color: int) -> tuple[int, int]:
    """b1: the first changing element of the reference line right of a0 whose colour is not
    a0's (changes at even indices turn black); b2: the one after it. ``reference`` ends with
    sentinels at the line width."""
    j = bisect_right(reference, a0)
    if j % 2 != color:
        j += 1
    return reference[j], reference[j + 1]


def _encode_2d(changes: list[int], reference: list[int]) -> str:
    coding = [*changes, _WIDTH, _WIDTH]
    ref = [*reference, _WIDTH, _WIDTH, _WIDTH]
    out = []
    a0, color = -1, 0
    while a0 < _WIDTH:
        i = bisect_right(coding, a0)
        a1 = coding[i]
        b1, b2 = _b1_b2(ref, a0, color)
        if b2 < a1:
            out.append(_CODE_OF_MODE[_PASS])
            a0 = b2
        elif abs(a1 - b1) <= 3:
            out.append(_CODE_OF_MODE[a1 - b1])
            a0 = a1
            color ^= 1
        else:
            a2 = coding[i + 1]
            start = max(a0, 0)
            out.append(_CODE_OF_MODE[_HORIZONTAL] + _RUN_CODES[color][a1 - start]
                       + _RUN_CODES[color ^ 1][a2 - a1])
            a0 = a2
    return "".join(out)


def _read_run(bits: str, pos: int, color: int) -> tuple[int | None, int]:
    """One run (make-up codes, then a terminating code) from ``pos``; None if the bits run out
    or no code word matches."""
    table = _RUN_DECODE[color]
    total = 0
    while True:
        for length in range(2, 14):
            if pos + length > len(bits):
                return None, len(bits)
            hit = table.get(bits[pos:pos + length])
            if hit is not None:
                break
        else:
            return None, pos
        run, makeup = hit
        pos += length
        total += run
        if not makeup:
            return total, pos


def _read_mode(bits: str, pos: int) -> tuple[str | int | None, int]:
    for length in range(1, 8):
        if pos + length > len(bits):
            return None, len(bits)
        mode = _MODE_CODES.get(bits[pos:pos + length])
        if mode is not None:
            return mode, pos + length
    return None, pos  # an extension code or garbage


def _decode(bits: str, reference: list[int], two_d: bool) -> tuple[list[int], int, bool]:
    """Decode one line's code bits (after the tag bit) as a T.4 decoder does: the changing
    elements decoded, how far along the line it got, and whether the line came out right (ends
    exactly at 1728 pixels, no invalid code on the way). Bits after a complete line are fill."""
    changes: list[int] = []
    pos, a0, color = 0, -1, 0
    ref = [*reference, _WIDTH, _WIDTH, _WIDTH]
    while a0 < _WIDTH:
        start = max(a0, 0)
        if not two_d:
            run, pos = _read_run(bits, pos, color)
            if run is None:
                return changes, start, False
            a0 = start + run
            changes.append(a0)
            color ^= 1
            continue
        mode, pos = _read_mode(bits, pos)
        if mode is None:
            return changes, start, False
        b1, b2 = _b1_b2(ref, a0, color)
        if mode == _PASS:
            a0 = b2
        elif mode == _HORIZONTAL:
            first, pos = _read_run(bits, pos, color)
            second, pos = (None, pos) if first is None else _read_run(bits, pos, color ^ 1)
            if first is None or second is None:
                return changes, start, False
            changes += [start + first, start + first + second]
            a0 = start + first + second
        else:
            a1 = b1 + int(mode)
            if a1 < start or (a0 >= 0 and a1 == a0):
                return changes, start, False
            changes.append(a1)
            a0 = a1
            color ^= 1
    return [c for c in changes if c < _WIDTH], min(a0, _WIDTH), a0 == _WIDTH


def _row_pixels(changes: list[int]) -> np.ndarray:
    toggles = np.zeros(_WIDTH + 1, dtype=np.int32)
    np.add.at(toggles, np.clip(np.asarray(changes, dtype=np.int64), 0, _WIDTH), 1)
    return (np.cumsum(toggles[:_WIDTH]) & 1).astype(bool)


def _bursts(rng: np.random.Generator, line_starts: np.ndarray, total_bits: int,
            target: int) -> np.ndarray:
    """The flips the line makes: bursts at random moments until ``target`` scan lines are
    touched. Returns one 0/1 value per bit of the lines."""
    flips = np.zeros(total_bits, dtype=np.uint8)
    touched: set[int] = set()
    for _ in range(100 * max(target, 1)):
        if len(touched) >= target:
            break
        start = int(rng.integers(0, total_bits))
        if rng.random() < _LONG_BURST:
            length = round(float(np.exp(rng.uniform(*np.log(_LONG_BITS)))))
            end = min(start + length, total_bits)
            flips[start:end] ^= rng.integers(0, 2, end - start, dtype=np.uint8)
        else:
            errors = int(rng.choice(_SHORT_ERRORS, p=_SHORT_ERROR_WEIGHTS))
            offsets = rng.integers(0, _SHORT_SPAN, errors)
            positions = [start + int(o) + tap for o in offsets for tap in _DESCRAMBLER_TAPS]
            for position in positions:
                if position < total_bits:
                    flips[position] ^= 1
            end = min(max(positions) + 1, total_bits)
        first = int(np.searchsorted(line_starts, start, side="right")) - 1
        last = int(np.searchsorted(line_starts, end - 1, side="right")) - 1
        touched.update(range(first, last + 1))
    return flips


def non_ecm_fax(page: Image.Image, page_dpi: float, xdpi: float, ydpi: float,
                seed: int) -> Image.Image:
    """The non-ECM model (see the module docstring): ``page`` is a grey page rendered at
    ``page_dpi``; the result is the received bilevel page at ``xdpi`` x ``ydpi``."""
    rng = np.random.default_rng(seed)
    scanned = _scan(page.convert("L"), page_dpi, xdpi, ydpi, rng)
    k_factor = 4 if ydpi > 150 else 2
    min_bits = round(float(rng.choice(_MIN_SCAN_TIMES)) * _BIT_RATE)
    share = rng.uniform(*_HIT_SHARE)
    receiver = str(rng.choice(_RECEIVERS, p=_RECEIVER_WEIGHTS))

    # The sender: MR coding, EOL + tag bit + code words + fill for each line, RTC at the end.
    edges = np.diff(scanned.astype(np.int8), axis=1, prepend=0) != 0
    originals = [np.flatnonzero(row).tolist() for row in edges]
    parts = []
    for n, changes in enumerate(originals):
        if n % k_factor == 0:
            data = "1" + _encode_1d(changes)
        else:
            data = "0" + _encode_2d(changes, originals[n - 1])
        parts.append(_EOL + data + "0" * max(0, min_bits - len(_EOL) - len(data)))
    lengths = np.fromiter((len(part) for part in parts), dtype=np.int64, count=len(parts))
    line_starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    line_bits = int(lengths.sum())
    stream = "".join(parts) + (_EOL + "1") * 6
    sent = np.frombuffer(stream.encode("ascii"), dtype=np.uint8) - 48

    # The telephone line.
    target = max(1, round(share * len(parts)))
    flips = _bursts(rng, line_starts, line_bits, target)
    bits = sent.copy()
    bits[:line_bits] ^= flips
    flipped = np.concatenate(([0], np.cumsum(flips, dtype=np.int64)))
    flipped = np.concatenate((flipped, np.full(len(bits) - line_bits, flipped[-1])))

    # The receiver: lines found by their EOLs (eleven or more zeros, then a one).
    zeros = np.concatenate(([0], np.cumsum(bits == 0, dtype=np.int64)))
    ones = np.flatnonzero(bits == 1)
    ones = ones[ones >= 11]
    eols = ones[zeros[ones] - zeros[ones - 11] == 11].tolist()
    sent_eols = [*(line_starts + 11).tolist(), line_bits + 11]
    line_of_eol = {eol: n for n, eol in enumerate(sent_eols[:-1])}

    rows: list[int | list[int]] = []  # an index into ``scanned`` or decoded changing elements
    reference: list[int] = []
    reference_line = -1  # the sent line ``reference`` equals, if any
    last_good: int | list[int] = []
    last_good_changes: list[int] = []
    last_good_line = -1
    group_bad = False
    for eol, next_eol in pairwise(eols):
        begin, end = eol + 1, next_eol - 11
        if end <= begin:
            continue  # EOL after EOL: no line
        one_d = bool(bits[begin])
        if one_d:
            group_bad = False
        if group_bad and receiver in ("repeat-group", "drop"):
            if receiver == "repeat-group":
                rows.append(last_good)
            continue
        n = line_of_eol.get(eol, -1)
        if (n >= 0 and next_eol == sent_eols[n + 1] and flipped[end] == flipped[begin]
                and (one_d or reference_line == n - 1)):
            changes, ok, row = originals[n], True, n
        else:
            code = (bits[begin + 1:end] + 48).tobytes().decode("ascii")
            changes, reached, ok = _decode(code, reference, two_d=not one_d)
            if not changes and reached == 0 and not ok:
                continue  # nothing decodable: a false EOL or a lost line start
            if not ok and len(changes) % 2 and reached < _WIDTH:
                changes.append(reached)  # the rest of a broken line is white
            row = n if n >= 0 and changes == originals[n] else changes
        if receiver == "print" or ok:
            rows.append(row)
            reference = changes
            reference_line = row if isinstance(row, int) else -1
            if ok:
                last_good, last_good_changes, last_good_line = row, changes, reference_line
            continue
        group_bad = True
        if receiver != "drop":
            rows.append(last_good)
        reference, reference_line = last_good_changes, last_good_line

    black = np.zeros((max(len(rows), 1), _WIDTH), dtype=bool)
    for n, row in enumerate(rows):
        black[n] = scanned[row] if isinstance(row, int) else _row_pixels(row)
    return Image.fromarray(~black)


def make_layout_page(root: Path, doc: LayoutDoc, resolution: str, condition: str,
                     seed: int = 3) -> Path:
    """A one-page G4 fax TIFF of ``doc`` in ``condition`` (see ``CONDITIONS``), seeded."""
    return render_layout_page(root, doc, resolution, condition, seed, "layout-j",
                              {"non-ECM": non_ecm_fax})
