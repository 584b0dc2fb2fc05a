"""A fifth held-out labelled set of faxes for spam flagging, written after held-out set D
(tests/spam_heldout_d.py) had been scored once and before any change its misses prompted.
The scorer was never tuned on it; only benchmarks/spam_eval.py reports on it.

Keep this file frozen: a change here after tuning makes its figures a tuning result.
Each item: (name, label, sender, pages of text lines); ``FINE`` items render at 204x196.
"""

from __future__ import annotations

from tests.spam_corpus import Item, written_items

FINE = {"e-spam-billing-p2", "e-ham-web-fr"}

SPAM = [
    ("e-spam-billing-p2", "+1 720 555 0230", [
        ["CREDENTIALING MADE EASY",
         "We enroll your providers with Medicare, Medicaid and 40+ payers."],
        ["Flat $250 per provider per payer, no hidden fees.",
         "Reply today to lock in this price: 720-555-0230.",
         "Don't want faxes like this? Call 800-555-0231 (no charge) to be taken off."]]),
    ("e-spam-parking", "+1 773 555 0232", [[
        "RESERVED PARKING SIGNS AND LOT STRIPING",
        "Full lot restripe from $1,200. Free estimate this month.",
        "Call our office at 773-555-0232 to schedule."]]),
    ("e-spam-ehr", "", [[
        "TIRED OF YOUR EHR?",
        "Switch to a cloud chart built for small practices. $199/provider/month.",
        "Free data migration when you sign before January 31.",
        "Demo line: 888-555-0233"]]),
    ("e-de-heizoel", "+49 421 5559 300", [[
        "Heizöl-Sammelbestellung für Gewerbekunden",
        "Aktueller Preis: 98,40 € je 100 Liter bei Abnahme ab 3.000 Litern.",
        "Bestellung telefonisch unter 0421 555 9300.",
        "Werbefaxe abstellen: 0421 555 9301"]]),
    ("e-fr-assurance", "+33 2 55 55 80 80", [[
        "Responsabilité civile professionnelle",
        "Votre contrat dès 17 € par mois, attestation immédiate.",
        "Un expert vous répond au 02 55 55 80 80.",
        "Vous ne voulez plus de nos fax ? Signalez-le au 02 55 55 80 81."]]),
    ("e-es-mobiliario", "+34 95 555 90 90", [[
        "Mobiliario para salas de espera",
        "Bancadas de 3 plazas desde 145 €, sillas apilables desde 29 €.",
        "Consulte el catálogo y haga su pedido por fax al 95 555 90 90."]]),
    ("e-spam-gift", "+1 646 555 0234", [[
        "THANK YOUR REFERRING DOCTORS",
        "Gourmet gift baskets delivered nationwide, 25 or more at $32 each.",
        "Order form on page 1 of our catalog - call 646-555-0234 for a copy."]]),
]

HAM = [
    ("e-ham-web-fr", "+33 1 55 55 81 81", [[
        "https://www.ordre-infirmier.example/actualites/cotisation-2027",
        "Cotisation 2027 : le montant reste inchangé",
        "Accueil | Se désinscrire | Mentions légales | Plan du site"]]),
    ("e-ham-eob", "+1 720 555 0240", [[
        "EXPLANATION OF BENEFITS",
        "Member: Ruth Adler   Claim 2026-77120   Provider: Dr. Singh",
        "Billed $340.00, allowed $212.00, you owe $42.40.",
        "Questions? Call 800-555-0241."]]),
    ("e-ham-recall", "+1 720 555 0242", [[
        "URGENT: MEDICAL DEVICE RECALL",
        "Infusion pump model IP-220, lots 4410 to 4490.",
        "Stop using affected units and call 800-555-0243 to arrange replacement",
        "at no charge to you."]]),
    ("e-ham-de-mahnung", "+49 30 5559 400", [[
        "Zahlungserinnerung",
        "Rechnung Nr. 2026-881 vom 02.11.2026 über 214,20 € ist noch offen.",
        "Bitte überweisen Sie den Betrag bis zum 15.12.2026."]]),
    ("e-ham-es-resultado", "+34 91 555 91 91", [[
        "RESULTADO DE LABORATORIO",
        "Paciente: Elena Soto, fecha de nacimiento 11/11/1966",
        "Hemoglobina 13,2 g/dL. Sin hallazgos relevantes."]]),
    ("e-ham-fr-convocation", "+33 1 55 55 81 82", [[
        "Madame Durand,",
        "Vous êtes convoquée à l'assemblée générale du 20 janvier à 18 h.",
        "Ordre du jour : budget 2027, élection du bureau."]]),
]


def heldout_e_items() -> list[Item]:
    return written_items(SPAM, HAM, FINE)
