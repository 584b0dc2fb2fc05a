"""A third held-out labelled set of faxes for spam flagging, written after held-out set B
(tests/spam_heldout_b.py) had been scored once and its misses studied, and before any change
they prompted. The scorer was never tuned on it; only benchmarks/spam_eval.py reports on it.

Keep this file frozen: a change here after tuning makes its figures a tuning result.
Each item: (name, label, sender, pages of text lines); ``FINE`` items render at 204x196.
"""

from __future__ import annotations

from tests.spam_corpus import Item, written_items

FINE = {"c-spam-signs-p2", "c-de-reinigung-p2", "c-ham-es-web", "c-ham-court-order"}

SPAM = [
    ("c-spam-signs-p2", "+1 503 555 0180", [
        ["CUSTOM OFFICE SIGNAGE",
         "Door plates, lobby signs and ADA-compliant room signs.",
         "Designed in 48 hours, installed by our crew."],
        ["Lobby sign packages starting at $349.",
         "Get a proof today - fax your logo to 503-555-0180.",
         "Prefer no faxes from us? Tell us at 888-555-0181, free of charge."]]),
    ("c-spam-shredding", "+1 602 555 0182", [[
        "HIPAA-COMPLIANT SHREDDING",
        "Locked bins emptied monthly, certificate of destruction included.",
        "Only $39 per month per bin, first pickup on us.",
        "Book your pickup: 602-555-0182"]]),
    ("c-spam-review", "+1 919 555 0183", [[
        "ATTENTION DOCTOR",
        "Patients read reviews before they call. We answer every review for you",
        "and ask happy patients to post theirs. Plans at $150 per month.",
        "Text YES to 919-555-0183 to start.",
        "Do not want to hear from us again? Fax DNC to 919-555-0184."]]),
    ("c-spam-credit-card", "", [[
        "ACCEPT CARDS FOR LESS",
        "Merchant processing at 1.49% flat with a free terminal.",
        "Switching takes one day. Call 800-555-0185 and ask for Dana."]]),
    ("c-spam-travel", "+1 407 555 0186", [[
        "STAFF APPRECIATION TRIP",
        "Orlando theme park package: 3 nights, park tickets, breakfast, $499.",
        "Only 40 packages left at this rate. Reserve by phone: 407-555-0186."]]),
    ("c-de-reinigung-p2", "+49 69 5558 800", [
        ["Praxisreinigung nach Hygieneplan",
         "Geschultes Personal, feste Ansprechpartner."],
        ["Pauschal ab 299 € monatlich für Praxen bis 150 m².",
         "Unverbindliche Besichtigung: 069 555 8800",
         "Keine Faxwerbung gewünscht? Kurze Nachricht an 069 555 8801 genügt."]]),
    ("c-de-zeitschrift", "+49 89 5558 801", [[
        "Fachzeitschrift Praxismanagement im Probeabo",
        "3 Ausgaben für nur 9,90 € statt 29,70 €.",
        "Coupon ausfüllen und zurückfaxen an 089 555 8802."]]),
    ("c-fr-telephone", "+33 4 55 55 50 50", [[
        "Forfait mobile professionnel",
        "Appels illimités et 100 Go pour 14,99 € HT par mois pendant un an.",
        "Un conseiller vous rappelle : 04 55 55 50 50.",
        "Opposition aux fax publicitaires : 04 55 55 50 51."]]),
    ("c-fr-vin", "+33 5 55 55 51 51", [[
        "Coffrets de Bordeaux pour vos fêtes de fin d'année",
        "6 bouteilles Grand Cru à 89 € au lieu de 129 €.",
        "Bon de commande à retourner par fax au 05 55 55 51 51."]]),
    ("c-es-formacion", "+34 91 555 60 60", [[
        "Máster en gestión sanitaria online",
        "Matrícula abierta, 1.950 € con financiación sin intereses.",
        "Más información en el 91 555 60 60.",
        "¿No quiere más faxes de nuestra parte? Escríbanos al 91 555 60 61."]]),
    ("c-es-uniformes", "+34 96 555 61 61", [[
        "Uniformes sanitarios bordados",
        "Pijamas desde 18,50 €, batas desde 24 €. Envío en 72 horas.",
        "Haga su encargo al 96 555 61 61."]]),
]

HAM = [
    ("c-ham-es-web", "+34 91 555 62 62", [[
        "https://www.noticiasmedicas.example/actualidad/gripe-2027",
        "La campaña de vacunación contra la gripe comienza el lunes",
        "Suscríbase al boletín | Darse de baja | Aviso legal",
        "Página 1 de 1"]]),
    ("c-ham-court-order", "+1 503 555 0190", [[
        "ORDER GRANTING MOTION TO COMPEL",
        "Case No. 3:26-cv-00812. The motion is granted.",
        "Defendant shall produce the documents within 14 days."]]),
    ("c-ham-supply-invoice", "+1 503 555 0191", [[
        "INVOICE 66120    PO 7781",
        "Paper towels, 12 cases, promotional price       $142.80",
        "Free freight on this order. Terms: net 30."]]),
    ("c-ham-referral-ortho", "+1 503 555 0192", [[
        "ORTHOPEDIC REFERRAL",
        "Name: Gloria Sims   Date of birth: 06/14/1984",
        "Right wrist fracture, cast applied 11/29. Please see within a week."]]),
    ("c-ham-it-notice", "+1 503 555 0193", [[
        "IT NOTICE TO ALL STAFF",
        "The fax server moves to a new number on Monday: 503-555-0199.",
        "Ask senders to update their records. Old number stops working Dec 31."]]),
    ("c-ham-de-termin", "+49 30 5558 900", [[
        "Sehr geehrte Frau Yilmaz,",
        "wir bestätigen Ihren Termin am 14.01.2027 um 9:30 Uhr.",
        "Bitte bringen Sie Ihre Versichertenkarte mit. Ihre Praxis Dr. Fuchs"]]),
    ("c-ham-fr-facture", "+33 1 55 55 52 52", [[
        "FACTURE 2026-4410        Client n° 8812",
        "Maintenance annuelle autoclave : 380,00 € HT",
        "Offre de fidélité : -10 %. Règlement à réception."]]),
    ("c-ham-es-receta", "+34 91 555 62 63", [[
        "Estimada Dra. López:",
        "Le remitimos la solicitud de renovación de tratamiento del paciente",
        "Andrés Gil, nacido el 03/03/1951. Atentamente, Farmacia Central"]]),
    ("c-ham-manual-fr", "+33 1 55 55 52 53", [[
        "MODE D'EMPLOI - TENSIOMÈTRE",
        "Appuyez sur MARCHE. Pour économiser les piles, l'appareil s'éteint seul.",
        "Remplacez les piles lorsque le symbole clignote."]]),
]


def heldout_c_items() -> list[Item]:
    return written_items(SPAM, HAM, FINE)
