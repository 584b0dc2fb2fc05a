"""A labelled set of faxes for spam flagging, written for faxvault's tests and benchmarks.

``EVAL`` is scored with the default configuration; ``TRAIN`` are the faxes an operator marks
to teach the learned signal. Each item: (name, label, sender, pages of text lines).
"""

from __future__ import annotations

import asyncio
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.faxgen import GS_TIMEOUT, postscript

OPT_OUTS = [
    "To be removed from our fax list call 1-800-555-0199.",
    "If you do not wish to receive future faxes, fax this page to 888-555-0123.",
    "OPT OUT: dial 877-555-0142 and enter your fax number.",
    "To unsubscribe, call toll free 866 555 0188 and your number will be removed.",
    "Remove your fax number: call 855-555-0110 (24 hours).",
    "No further faxes? Call our removal line at 1 (844) 555-0177.",
]

SPAM_ADS = [
    ("cruise", ["EXCLUSIVE CARIBBEAN CRUISE OFFER", "7 nights all inclusive for two, only $399!",
                "Limited time deal for business owners. Call now to claim your vacation.",
                "Bonus: free resort stay in Orlando."]),
    ("toner", ["TONER CARTRIDGES - LOWEST PRICE GUARANTEED",
               "Save 60% off OEM prices on all laser toner.",
               "Free shipping on orders over $99. Act now, offer ends Friday!"]),
    ("loan", ["BUSINESS FUNDING APPROVED IN 24 HOURS", "Cash advance up to $250,000.",
              "No credit check. Lowest rates guaranteed. Call now to get approved."]),
    ("leads", ["GET MORE CUSTOMERS TODAY", "Targeted marketing leads for your business.",
               "Exclusive promotion: 1,000 free leads with your first order."]),
    ("vacation", ["YOU HAVE BEEN SELECTED!", "Claim your free vacation prize package.",
                  "Winner notification: call now, limited time offer."]),
    ("refi", ["REFINANCE YOUR PRACTICE EQUIPMENT", "Lower payments, cash out, fast approval.",
              "Special promotion for medical offices. Offer expires soon."]),
    ("ink", ["INK AND TONER SALE", "Up to 70% off printer supplies, free delivery.",
             "Exclusive discount code FAX70. Deal ends this week."]),
    ("seminar", ["FREE TAX SEMINAR FOR BUSINESS OWNERS", "Save thousands this year, guaranteed.",
                 "Seats are limited. Reserve your free seat now."]),
    ("insurance", ["LOWEST PRICE HEALTH PLANS FOR SMALL BUSINESS",
                   "Save up to 40% on premiums. Free quote, no obligation.",
                   "Limited time enrollment offer."]),
    ("supplies", ["OFFICE SUPPLY CLEARANCE SALE", "Paper, toner, labels: 50% off.",
                  "Free gift with every order. Call now!"]),
]

HARD_SPAM = [  # no opt-out notice, little advertising vocabulary: rules alone miss these
    ("seo1", ["Grow your practice online", "Our SEO team gets dental and medical practices",
              "onto the first page of Google search results.",
              "Patients find you, read your reviews, and book online.",
              "Reply with your website address for a ranking report."]),
    ("seo2", ["Is your website ranking on Google?", "We help clinics rank higher in search,",
              "collect more patient reviews, and book appointments online.",
              "Send us your website and we will review your ranking."]),
]

HAM = [
    ("referral", "+1 555 201 4477", [["PATIENT REFERRAL - CARDIOLOGY",
                                      "Patient: Jane Q. Doe, DOB 04/12/1961, MRN 00448812",
                                      "Reason: exertional chest pain, abnormal stress ECG.",
                                      "Please schedule within two weeks."]]),
    ("invoice-special", "+1 800 555 0100", [["INVOICE 4471 - Acme Medical Supply",
                                             "Gloves, nitrile, 10 cases at special pricing",
                                             "as agreed: $412.50. Volume discount applied.",
                                             "Questions: call 1-800-555-0100. Net 30."]]),
    ("memo-remove", "+1 555 301 2200", [["OFFICE MEMO",
                                         "Please remove the old sharps containers from",
                                         "exam rooms 2 and 3 before Friday's inspection."]]),
    ("lab", "+1 555 440 1000", [["LABORATORY RESULTS", "Patient: Robert Lee, DOB 09/30/1975",
                                 "HbA1c 6.9%, fasting glucose 131 mg/dL.",
                                 "Results reviewed by Dr. Patel."]]),
    ("pharmacy", "+1 888 555 0147", [["PHARMACY REFILL REQUEST",
                                      "Patient: Maria Garcia, DOB 02/14/1950",
                                      "Lisinopril 10 mg, #90, 3 refills. NDC 68180-0513-03",
                                      "Please fax approval to 1-888-555-0147."]]),
    ("contract", "+1 555 710 3300", [["SERVICES AGREEMENT - PAGE 1",
                                      "This agreement is made between Riverside Clinic",
                                      "and Northside Imaging for MRI reading services."],
                                     ["PAGE 2", "Term: 24 months. Either party may terminate",
                                      "with 60 days written notice. Signed: ____"]]),
    ("prior-auth", "+1 877 555 0163", [["PRIOR AUTHORIZATION APPROVED",
                                        "Member ID 88123411, procedure CPT 70553.",
                                        "Approved for one MRI brain with and without contrast.",
                                        "Reference 2026-11-0043. Call 877-555-0163."]]),
    ("records-request", "+1 555 880 4100", [["REQUEST FOR MEDICAL RECORDS",
                                             "Please send records for patient Ann Smith,",
                                             "DOB 07/07/1982, visits from 2024 to 2026.",
                                             "Signed authorization attached."],
                                            ["AUTHORIZATION FOR RELEASE",
                                             "I authorize release of my records. Ann Smith"]]),
    ("discharge", "+1 555 990 1200", [["DISCHARGE SUMMARY", "Admitted 11/02, discharged 11/06.",
                                       "Diagnosis: community acquired pneumonia, J18.9.",
                                       "Follow up with primary care in one week."]]),
    ("price-quote", "+1 555 123 9876", [["QUOTE 2231 for Riverside Clinic",
                                         "Exam table, model 640: $3,250 each, 2 units.",
                                         "Free delivery and installation included.",
                                         "Quote valid 30 days."]]),
    ("cover", "+1 555 246 8100", [["FAX COVER SHEET", "To: Billing department",
                                   "From: Northside Imaging", "Pages: 2"],
                                  ["Corrected claim for date of service 10/14."]]),
    ("schedule", "+1 555 202 3030", [["SURGERY SCHEDULE CHANGE",
                                      "Dr. Chen's Tuesday cases move to Wednesday 7 am.",
                                      "Please notify the patients listed below."]]),
    ("unsubscribe-memo", "+1 555 333 4444", [["IT NOTICE",
                                              "The old newsletter list is closed; staff who",
                                              "still get it can ignore it. New list next week."]]),
    ("anon-referral", "", [["REFERRAL", "Patient: Tom Brown, DOB 01/01/1970",
                            "Dermatology consult for a changing mole, left shoulder."]]),
    ("supplier-sale-ham", "+1 555 600 7000", [["ORDER CONFIRMATION 99812",
                                               "Thank you for your order of exam paper and",
                                               "toner. Ships Monday. Total $188.20."]]),
    ("insurance-eob", "+1 866 555 0190", [["EXPLANATION OF BENEFITS",
                                           "Claim 4411-22 processed. Patient owes $40.00.",
                                           "Questions: 866-555-0190."]]),
]

TRAIN_SPAM = [
    ("seo3", ["Get found by new patients", "We put medical practices on the first page",
              "of Google. More reviews, more online bookings.",
              "Send your website for a free ranking review."]),
    ("seo4", ["Your clinic website could rank higher", "Our search team helps practices",
              "get patient reviews and online appointments from Google."]),
    ("seo5", ["More patients from Google search", "Website ranking and review management",
              "for dental and medical practices. Reply with your website."]),
    ("seo6", ["Rank your practice on Google", "Patients search online and book with clinics",
              "on the first page. Let our SEO team review your website."]),
]
TRAIN_HAM = [
    ("t-referral", ["PATIENT REFERRAL - ORTHOPEDICS", "Patient: Lee Wong, DOB 03/03/1966",
                    "Right knee pain, MRI attached. Please schedule."]),
    ("t-invoice", ["INVOICE 5512 - Northside Imaging", "MRI reading services, October.",
                   "Amount due $2,400.00, net 30."]),
    ("t-memo", ["OFFICE MEMO", "Flu clinic on Saturday: front desk opens at 8 am."]),
    ("t-records", ["RECORDS REQUEST", "Please fax visit notes for patient Sam Hill,",
                   "DOB 12/12/1990, for his appointment on Monday."]),
]


@dataclass(frozen=True)
class Item:
    name: str
    label: str
    sender: str
    pages: list[list[str]]
    resolution: str = "204x98"


# Helvetica re-encoded to ISO Latin-1 with the euro sign where Windows-1252 has it, so
# German, French and Spanish text prints as itself (the standard encoding prints other glyphs).
_LATIN1_FONT = """/Helvetica findfont dup length dict begin
{1 index /FID ne {def} {pop pop} ifelse} forall
/Encoding ISOLatin1Encoding 256 array copy dup 128 /Euro put def
currentdict end /Helvetica-Latin1 exch definefont pop
"""


def render_item(out: Path, item: Item) -> Path:
    """The item as a G4 fax, accented letters and all."""
    source = postscript(item.pages).replace("/Helvetica findfont", "/Helvetica-Latin1 findfont")
    head, _, body = source.partition("\n<<")
    ps = out.with_suffix(".ps")
    ps.write_text(f"{head}\n{_LATIN1_FONT}<<{body}", encoding="cp1252")
    subprocess.run(["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffg4",
                    f"-r{item.resolution}", f"-sOutputFile={out}", str(ps)],
                   check=True, timeout=GS_TIMEOUT, capture_output=True)
    ps.unlink()
    return out


def eval_items() -> list[Item]:
    items = []
    for n, (name, lines) in enumerate(SPAM_ADS):
        # Each ad twice: with an opt-out notice (as the law requires), and without.
        items.append(Item(f"{name}-optout", "spam", f"+1 555 70{n} 11{n}1",
                          [[*lines, OPT_OUTS[n % len(OPT_OUTS)]]]))
        items.append(Item(f"{name}-plain", "spam", "", [[*lines, "Call 1-800-555-0" + f"{n}55."]]))
    items += [Item(name, "spam", "+1 555 808 7070", [lines]) for name, lines in HARD_SPAM]
    items += [Item(name, "ham", sender, pages) for name, sender, pages in HAM]
    return items


def train_items() -> list[Item]:
    return ([Item(n, "spam", "+1 555 808 7070", [lines]) for n, lines in TRAIN_SPAM]
            + [Item(n, "ham", "+1 555 101 2020", [lines]) for n, lines in TRAIN_HAM])


def ingest_items(services, items: list[Item], root: Path) -> dict[str, str]:
    """Render, ingest and process every item through the real pipeline; name -> fax id."""
    from ingest.local import ingest_file
    from ingest.worker import worker_loop

    ids = {}
    for item in items:
        path = render_item(root / f"{item.name}.tif", item)
        ids[item.name] = ingest_file(services, path, from_raw=item.sender or None).fax_id
    asyncio.run(worker_loop(services, asyncio.Event(), fax_ids=list(ids.values()),
                            until_idle=True))
    return ids


def precision_recall(services, items: list[Item], ids: dict[str, str]) -> tuple[float, float]:
    verdicts = {i.name: services.catalog.get_fax(ids[i.name])["spam_verdict"] for i in items}
    tp = sum(1 for i in items if i.label == "spam" and verdicts[i.name] == "spam")
    fp = sum(1 for i in items if i.label == "ham" and verdicts[i.name] == "spam")
    fn = sum(1 for i in items if i.label == "spam" and verdicts[i.name] != "spam")
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)
