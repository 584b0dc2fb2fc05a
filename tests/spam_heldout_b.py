"""A second held-out labelled set of faxes for spam flagging, written after the first held-out
set (tests/spam_heldout.py) had been scored once and before any change that score prompted.
The scorer was never tuned on it; only benchmarks/spam_eval.py reports on it.

Keep this file frozen: a change here after tuning makes its figures a tuning result.
Each item: (name, label, sender, pages of text lines); ``FINE`` items render at 204x196.
"""

from __future__ import annotations

from tests.spam_corpus import Item, written_items

FINE = {"b-spam-dental-p2", "b-de-kaffee-p2", "b-fr-mutuelle-p3", "b-ham-web-blog",
        "b-ham-fr-avis"}

SPAM = [
    ("b-spam-dental-p2", "+1 480 555 0161", [
        ["DENTAL LAB SERVICES",
         "Zirconia crowns made in the USA, 5-day turnaround.",
         "Free pickup and delivery in Arizona."],
        ["Crowns $89 per unit, implants from $199.",
         "Send your first case today: 480-555-0161.",
         "Unwanted fax? Call 877-555-0162 any time, free, and we will take your number off."]]),
    ("b-spam-water", "+1 210 555 0163", [[
        "OFFICE WATER COOLER RENTAL",
        "Bottle-free filtered water for your waiting room: $29.99/month.",
        "First month free when you sign up by December 15.",
        "Call 210-555-0163."]]),
    ("b-spam-payroll", "+1 617 555 0164", [[
        "Still doing payroll by hand?",
        "Our service handles payroll, taxes and direct deposit for $45 a month.",
        "Switch this month and get 3 months at no charge.",
        "Phone 800-555-0164. To stop these faxes, call 800-555-0165."]]),
    ("b-spam-coupons", "", [[
        "RESTAURANT GIFT CARDS FOR YOUR STAFF",
        "Buy $100 in gift cards, pay only $60. Volume pricing available.",
        "Fax back this form with quantity: ____   Name: ____________"]]),
    ("b-spam-recruit", "+1 312 555 0166", [[
        "HIRING? WE PLACE MEDICAL ASSISTANTS IN 10 DAYS",
        "Flat fee $1,500, replacement guarantee 90 days.",
        "Request a free candidate list: 312-555-0166.",
        "Remove me: fax this page to 312-555-0167 with your number."]]),
    ("b-spam-ppe", "+1 305 555 0168", [[
        "N95 RESPIRATORS - IN STOCK",
        "NIOSH approved, box of 20: $24.00. Ships in 24 hours.",
        "Order by fax: 305-555-0168 or call our sales line."]]),
    ("b-de-kaffee-p2", "+49 40 5556 101", [
        ["Kaffeevollautomaten für Ihr Wartezimmer",
         "Miete inklusive Wartung und Reinigung."],
        ["Ab 49,00 € netto im Monat, die ersten 100 Tassen gratis.",
         "Angebot anfordern unter 040 555 6101.",
         "Wenn Sie keine Faxe mehr von uns wünschen: Rückfax an 040 555 6102."]]),
    ("b-de-drucker", "+49 711 5556 202", [[
        "Original-Toner zu Tiefstpreisen",
        "Kyocera TK-5240 schwarz: 69,90 € - Lexmark 50F2H00: 89,90 €",
        "Lieferung am nächsten Werktag. Jetzt per Fax bestellen: 0711 555 6202"]]),
    ("b-de-seminar", "+49 221 5556 303", [[
        "Abrechnungsseminar für MFA: GOÄ und EBM sicher anwenden",
        "Köln, 22. Februar, 9-16 Uhr, Teilnahme 290 € zzgl. MwSt.",
        "Anmeldung per Fax an 0221 555 6303.",
        "Abmeldung von unseren Faxinformationen: 0221 555 6304"]]),
    ("b-fr-mutuelle-p3", "+33 1 55 55 40 40", [
        ["Mutuelle santé pour les professions libérales"],
        ["Formule Confort à partir de 39 € par mois.",
         "Premier mois offert pour toute adhésion avant le 31 janvier."],
        ["Contactez un conseiller au 01 55 55 40 40.",
         "Vous ne souhaitez plus être contacté par fax ? Appelez le 01 55 55 40 41."]]),
    ("b-fr-papeterie", "+33 3 55 55 41 41", [[
        "Fournitures de bureau : catalogue 2027",
        "Stylos, classeurs, enveloppes : jusqu'à 40 % moins cher.",
        "Passez commande au 03 55 55 41 41, livraison sous 48 h."]]),
    ("b-fr-traduction", "+33 1 55 55 42 42", [[
        "Traduction médicale certifiée",
        "Comptes rendus, ordonnances, dossiers : 0,09 € le mot.",
        "Devis en 2 heures : 01 55 55 42 42.",
        "Pour vous désinscrire de nos envois par fax, composez le 01 55 55 42 43."]]),
    ("b-es-limpieza", "+34 91 555 50 50", [[
        "Servicio de limpieza para consultas médicas",
        "Desde 120 € al mes, personal asegurado y productos incluidos.",
        "Pida presupuesto sin compromiso al 91 555 50 50."]]),
    ("b-es-software", "+34 93 555 51 51", [[
        "Programa de gestión para clínicas",
        "Agenda, historia clínica y facturación por 29 € al mes.",
        "Pruébelo 30 días gratis: 93 555 51 51.",
        "Si no quiere recibir más comunicaciones por fax, llame al 900 555 515."]]),
]

HAM = [
    ("b-ham-web-blog", "+1 415 555 0170", [
        ["https://blog.practicegrowth.example/posts/front-desk-scripts",
         "Front desk scripts that reduce no-shows",
         "Join 20,000 readers. Get our free weekly tips!",
         "[ Subscribe ]   Already subscribed? Unsubscribe"],
        ["Comments (3)   Share   Privacy   Terms",
         "https://blog.practicegrowth.example/posts/front-desk-scripts   2/2"]]),
    ("b-ham-vendor-statement", "+1 415 555 0171", [[
        "STATEMENT OF ACCOUNT       Customer No. 20817",
        "Invoice 5531   11/02   toner cartridges (3)        $248.70",
        "Invoice 5570   11/19   exam gloves, deal pricing   $131.00",
        "Balance due: $379.70. Thank you for your business."]]),
    ("b-ham-consult-note", "+1 415 555 0172", [[
        "CONSULTATION NOTE",
        "Re: Harold Pike, DOB 02/11/1953",
        "Seen for atrial fibrillation. Started apixaban 5 mg twice daily.",
        "Follow up in 3 months. Copy to referring physician."]]),
    ("b-ham-subpoena", "+1 415 555 0173", [[
        "SUBPOENA DUCES TECUM",
        "To the Custodian of Records, Bayview Medical Group:",
        "You are commanded to produce the records of Ellen Marsh",
        "on or before January 20, 2027. Case No. 26-CV-04471."]]),
    ("b-ham-staff-memo", "+1 415 555 0174", [[
        "STAFF MEMO",
        "The holiday party is on December 18. Lunch is free for everyone.",
        "Please sign up at the front desk by Friday so we can order food."]]),
    ("b-ham-device-manual", "+1 415 555 0175", [[
        "BLOOD PRESSURE MONITOR - INSTRUCTIONS",
        "Press START. The cuff inflates and deflates automatically.",
        "To save a reading, press MEMORY. To delete all readings, hold MEMORY",
        "for 5 seconds. Replace the batteries when the display flashes."]]),
    ("b-ham-vendor-letter", "+1 415 555 0176", [[
        "Dear Ms. Tran,",
        "As discussed, your annual service contract (no. SC-8812) renews on",
        "January 1 at the same price, $1,200. No action is needed.",
        "Best regards, Mark Liu, Account Manager"]]),
    ("b-ham-de-befund", "+49 30 5557 700", [[
        "Befundbericht",
        "Patient: Herr Otto Krause, geb. 17.08.1947",
        "MRT LWS: Bandscheibenvorfall L4/5 links. Keine Operation erforderlich.",
        "Mit kollegialen Grüßen, Dr. Vogel"]]),
    ("b-ham-de-angebot", "+49 30 5557 701", [[
        "Ihr Angebot Nr. 2026-334, wie am Telefon besprochen",
        "Sehr geehrter Herr Dr. Schmitt,",
        "für die Wartung Ihres Ultraschallgeräts berechnen wir 480,00 € netto.",
        "Bitte senden Sie uns das unterschriebene Angebot per Fax zurück."]]),
    ("b-ham-fr-avis", "+33 1 55 55 43 43", [[
        "AVIS D'IMPOSITION - CFE 2026",
        "Référence de l'avis : 26 75 1234567 89",
        "Montant à payer : 412 € avant le 15 décembre.",
        "Paiement en ligne sur impots.gouv.fr."]]),
    ("b-ham-fr-lettre-patient", "+33 1 55 55 43 44", [[
        "Chère Madame Petit,",
        "Votre rendez-vous de contrôle est fixé au 9 janvier à 10 h.",
        "Merci d'apporter votre carte Vitale et vos derniers résultats.",
        "Le secrétariat du Dr Blanc"]]),
    ("b-ham-es-presupuesto", "+34 91 555 52 52", [[
        "PRESUPUESTO Nº 2026-118 para Clínica Dental Sonrisa",
        "Según lo acordado: sillón dental modelo S7, 6.900 €.",
        "Descuento especial cliente 5 %. Validez 30 días."]]),
    ("b-ham-es-alta", "+34 91 555 52 53", [[
        "INFORME DE ALTA",
        "Paciente: José Molina, fecha de nacimiento 30/03/1960",
        "Diagnóstico: neumonía adquirida en la comunidad.",
        "Control por su médico de cabecera en una semana."]]),
]


def heldout_b_items() -> list[Item]:
    return written_items(SPAM, HAM, FINE)
