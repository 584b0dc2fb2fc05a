"""A labelled set of faxes for spam flagging, written for faxvault's tests and benchmarks:
the tuning set (the scorer's patterns and weights were chosen looking at these). The held-out
set the figures are reported on is tests/spam_heldout.py.

``eval_items()`` are scored with the default configuration; ``train_items()`` are the faxes
an operator marks to teach the learned signal. Each item: (name, label, sender, pages).
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

# Junk faxes the first rules missed: opt-outs in other languages or wordings, on a later page,
# or missing (a plain solicitation). (name, sender, pages)
MORE_SPAM = [
    ("de-preisliste-faxstop", "+49 711 5553 030", [[
        "PREISLISTE DEZEMBER - Druckerpatronen und Toner",
        "Art.-Nr. 4411 Tinte schwarz XL ........ 12,50 EUR",
        "Art.-Nr. 4412 Tinte farbig XL ......... 14,90 EUR",
        "Art.-Nr. 5520 Toner TN-3480 ........... 39,00 EUR",
        "Alle Preise zzgl. MwSt. Lieferung in 24 Stunden.",
        "Bestellfax: 0711 555 3030",
        "Faxstop: 0711 555 3031"]]),
    ("de-keine-werbung", "+49 221 5554 040", [[
        "Räumungsverkauf Büromöbel",
        "Schreibtische, Bürostühle und Aktenschränke bis zu 60 % reduziert.",
        "Nur solange der Vorrat reicht!",
        "Keine Werbung mehr? Faxnummer an 0800 555 4040 (kostenlos)."]]),
    ("de-abbestellen-p2", "+49 89 5552 120", [
        ["Neue Praxissoftware: Abrechnung in der Hälfte der Zeit",
         "Testen Sie 30 Tage kostenlos und unverbindlich."],
        ["Lizenz ab 59 € im Monat. Jetzt Termin für eine Vorführung vereinbaren:",
         "089 555 2120",
         "Abbestellen: Fax mit Ihrer Faxnummer an 089 555 2121."]]),
    ("fr-ne-plus-recevoir", "+33 1 55 55 20 20", [[
        "Papier pour imprimante et copieur : prix de gros",
        "Ramette A4 80 g : 2,90 € HT par carton de 5.",
        "Livraison gratuite dès 150 € d'achat.",
        "Pour ne plus recevoir de fax, appelez le 0 805 55 20 21",
        "(service et appel gratuits)."]]),
    ("fr-desinscription-p2", "+33 4 55 55 21 21", [
        ["Séjour séminaire tout compris en Provence",
         "Salle de réunion, hébergement et repas pour vos équipes."],
        ["À partir de 189 € par personne et par jour.",
         "Demandez votre devis au 04 55 55 21 21.",
         "Désinscription : répondez à ce fax en indiquant votre numéro."]]),
    ("fr-stop-fax", "+33 2 55 55 22 22", [[
        "Offre spéciale fin d'année : téléphones IP pour cabinets médicaux",
        "Standard téléphonique à partir de 19,90 € HT par mois.",
        "STOP FAX au 02 55 55 22 23"]]),
    ("es-no-mas-faxes", "+34 91 555 23 23", [[
        "Material de oficina al mejor precio",
        "Papel A4, carpetas y cartuchos con hasta un 50 % de descuento.",
        "Pida ya al 91 555 23 23.",
        "Para no recibir más faxes, llame al 900 555 232 (llamada gratuita)."]]),
    ("es-darse-de-baja-p2", "+34 93 555 24 24", [
        ["Renting de vehículos para empresas",
         "Cuota fija mensual con seguro y mantenimiento incluidos."],
        ["Desde 299 € al mes, IVA no incluido.",
         "Solicite su oferta personalizada: 93 555 24 24",
         "Si desea darse de baja, envíe este fax al 93 555 24 25."]]),
    ("en-removal-p2", "+1 615 555 0131", [
        ["PATIENT SCHEDULING SOFTWARE",
         "Online booking, text reminders and waitlists in one app.",
         "Clinics cut no-shows by a third in their first month."],
        ["Plans from $79 per month per provider.",
         "Start your 30-day trial today: 1-800-555-0132.",
         "To be removed from our fax list, call 800-555-0133."]]),
    ("en-jfpa-notice", "+1 415 555 0129", [[
        "HOLIDAY SPECIAL ON SCRUBS AND LAB COATS",
        "Embroidered with your practice name, from $18 each.",
        "The recipient may request that the sender not send any future ads by fax.",
        "Call our cost-free line 877-555-0129 or fax 877-555-0130, 24 hours.",
        "Failure to comply with a request within 30 days is unlawful."]]),
]

PLAIN_SPAM = [  # solicitations with no opt-out at all
    ("plain-toner-prices", "+1 909 555 0141", [[
        "TONER PRICE LIST",
        "CE285A ........ $39.00      CF226X ........ $79.00",
        "TN-660 ........ $29.00      Q2612A ........ $35.00",
        "Order now and get free next-day delivery: 1-888-555-0141"]]),
    ("plain-med-supplies", "+1 702 555 0142", [[
        "MEDICAL SUPPLIES AT DISTRIBUTOR PRICES",
        "Surgical masks, box of 50: $4.50. Alcohol prep pads, box of 200: $3.10.",
        "Free shipping on orders over $250. Call today to order: 702-555-0142."]]),
    ("plain-cruise", "", [[
        "YOUR TEAM DESERVES A BREAK",
        "4-night Bahamas cruise for two, only $299 per person.",
        "Call now to book, this special offer ends Sunday: 1-866-555-0143."]]),
    ("plain-merchant-cash", "+1 646 555 0144", [[
        "NEED CASH FOR YOUR PRACTICE?",
        "Get $20,000 to $300,000 in 24 hours, no collateral required.",
        "Call 646-555-0144 to get approved today."]]),
    ("plain-de-angebot", "+49 30 5552 525", [[
        "Sonderangebot für Arztpraxen",
        "Einmalhandschuhe Nitril, 100 Stück, nur 4,99 € statt 8,99 €",
        "Jetzt bestellen: Telefon 030 555 2525 oder per Fax 030 555 2526."]]),
    ("plain-fr-promo", "+33 3 55 55 26 26", [[
        "PROMOTION : mobilier de bureau",
        "Fauteuil ergonomique 149 € HT au lieu de 249 €.",
        "Commandez dès maintenant au 03 55 55 26 26."]]),
    ("plain-es-oferta", "+34 95 555 27 27", [[
        "OFERTA ESPECIAL PARA CLÍNICAS",
        "Guantes de nitrilo, caja de 100: 3,95 €. Pedido mínimo 10 cajas.",
        "Llame ya al 95 555 27 27, oferta válida hasta fin de mes."]]),
]

MORE_HAM = [  # ordinary documents that look a little like advertising
    ("web-unsubscribe-button", "+1 555 300 1100", [[
        "https://www.medtechdaily.example/news/ai-scribes",
        "AI scribes reach one in five clinics",
        "Exclusive for readers: save 20% on the AI Scribe Summit, limited seats,",
        "free replay for subscribers. Use code NEWS20.",
        "Subscribe to our newsletter   [ Unsubscribe ]",
        "Related: deal talks between two imaging chains stall",
        "11/30/26, 4:12 PM                                  1/1"]]),
    ("invoice-save-deal", "+1 555 300 1101", [[
        "INVOICE 88120        Customer account 5521",
        "Bill to: Riverside Clinic, attn. Accounts Payable",
        "Black toner cartridge TN-760, 6 units ........ $311.94",
        "Exclusive contract pricing: you save $42.00 under your deal of 03/2026.",
        "Remit within 30 days."]]),
    ("letter-colleague", "+1 555 300 1102", [[
        "Dear Dr. Okafor,",
        "Thank you for seeing Mrs. Ellen Ward (DOB 08/21/1950) so quickly.",
        "Her echocardiogram is attached; please let me know your thoughts.",
        "Kind regards, Dr. Samuel Price"]]),
    ("printer-manual", "+1 555 300 1103", [[
        "USER GUIDE - CHAPTER 6: SUPPLIES",
        "When the cartridge is low, order a replacement from your dealer.",
        "Remove the cartridge by pulling the orange tab. Do not touch the drum.",
        "Save energy: the printer sleeps after 5 minutes without a job."]]),
    ("pharmacy-refill-tollfree", "+1 800 555 0145", [[
        "PRESCRIPTION RENEWAL REQUEST",
        "Patient: Henry Ortiz   DOB 11/02/1944",
        "Atorvastatin 40 mg, #90. Last fill 10/01/2026.",
        "Please call 1-800-555-0145 or fax your approval back."]]),
    ("legal-notice-opt", "+1 555 300 1104", [[
        "NOTICE OF PRIVACY PRACTICES - SUMMARY",
        "We may contact you about fundraising for the hospital foundation.",
        "You have the right to opt out of these communications at any time",
        "by writing to the Privacy Office, 200 Main St."]]),
    ("de-arztbrief", "+49 30 5559 100", [[
        "Sehr geehrter Herr Kollege Dr. Neumann,",
        "vielen Dank für die Überweisung von Herrn Karl Braun, geb. 01.02.1949.",
        "Die Koloskopie ergab einen unauffälligen Befund.",
        "Mit freundlichen Grüßen, Dr. Lehmann"]]),
    ("de-rechnung-toner", "+49 30 5559 101", [[
        "Rechnung Nr. 77310        Kundennr. 2209",
        "Toner TN-3480, 3 Stück ........ 117,00 EUR",
        "Sonderrabatt gemäß Rahmenvertrag: 10 %",
        "Bitte überweisen Sie den Betrag innerhalb von 14 Tagen."]]),
    ("de-web-abbestellen", "+49 30 5559 102", [[
        "www.aerzteblatt-news.example/praxis/abrechnung",
        "Neue Abrechnungsziffern ab Januar",
        "Newsletter abonnieren | Abbestellen | Impressum"]]),
    ("fr-lettre", "+33 1 55 55 28 28", [[
        "Cher confrère,",
        "Je vous adresse M. Paul Girard, né le 14/05/1962, pour avis cardiologique.",
        "Dossier 2026-118. Bien confraternellement, Dr Roux"]]),
    ("fr-facture-remise", "+33 1 55 55 28 29", [[
        "FACTURE F-88210      Réf. client 4410",
        "Cartouche d'encre noire, 4 unités ........ 96,00 €",
        "Remise exceptionnelle 5 % ........ -4,80 €",
        "Règlement à 30 jours fin de mois."]]),
    ("es-factura", "+34 91 555 29 29", [[
        "FACTURA 2026-7781        Cliente: Clínica del Sol",
        "Cartuchos de tinta, 5 unidades ........ 64,50 €",
        "Descuento por volumen ........ -6,45 €",
        "Vencimiento: 30 días."]]),
    ("es-derivacion", "+34 91 555 29 30", [[
        "DERIVACIÓN A DERMATOLOGÍA",
        "Paciente: Carmen Ruiz, fecha de nacimiento 22/09/1970",
        "Lesión pigmentada en espalda, cambios recientes. Ruego valoración."]]),
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


# A written set's fax: (name, sender fax number or "" when withheld, pages of lines).
WrittenFax = tuple[str, str, list[list[str]]]


def written_items(spam: list[WrittenFax], ham: list[WrittenFax], fine: set[str]) -> list[Item]:
    """A written labelled set's faxes as Items, junk first: those named in ``fine`` rendered at
    204x196, the rest at 204x98 (what every tests/spam_heldout*.py set builds)."""
    def item(name: str, label: str, sender: str, pages: list[list[str]]) -> Item:
        return Item(name, label, sender, pages,
                    resolution="204x196" if name in fine else "204x98")

    return ([item(n, "spam", s, p) for n, s, p in spam]
            + [item(n, "ham", s, p) for n, s, p in ham])


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
    items += [Item(name, "spam", sender, pages) for name, sender, pages in MORE_SPAM + PLAIN_SPAM]
    items += [Item(name, "ham", sender, pages) for name, sender, pages in HAM + MORE_HAM]
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
