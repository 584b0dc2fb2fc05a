"""A seventh labelled set of faxes for spam flagging, written after the concept scorer and the
shipped model (ingest/spam.py, ingest/spam_model.json) were finished and before either was run
on it. Scored once by benchmarks/spam_eval.py; nothing was changed because of it.

Keep this file frozen: a change here after tuning makes its figures a tuning result.
Each item: (name, label, sender, pages of text lines); ``FINE`` items render at 204x196.
"""

from __future__ import annotations

from tests.spam_corpus import Item, written_items

FINE = {"g-spam-dictation-p2", "g-de-fortbildung-p2", "g-ham-web-es"}

SPAM = [
    ("g-spam-dictation-p2", "+1 301 555 0260", [
        ["VOICE DICTATION FOR BUSY PHYSICIANS",
         "Speak your notes, they appear in the chart in seconds."],
        ["Licences at $39 a month per clinician, cancel whenever you like.",
         "Ring 301-555-0260 for a two-week pilot.",
         "Not for you? Let us know at 301-555-0261 and this number comes off our fax list."]]),
    ("g-spam-flowers", "+1 404 555 0262", [[
        "FRESH FLOWERS FOR YOUR RECEPTION DESK",
        "A new arrangement every Monday, vase swaps included.",
        "Weekly service $45. Phone 404-555-0262 to start next week."]]),
    ("g-spam-grants", "", [[
        "FEDERAL GRANT MONEY FOR SMALL PRACTICES",
        "Our consultants found $1.2 million for clinics like yours last year.",
        "See if you qualify - call 877-555-0263 before the deadline."]]),
    ("g-spam-hvac", "+1 216 555 0264", [[
        "IS YOUR FURNACE READY FOR WINTER?",
        "Commercial tune-up with 21-point inspection for $129.",
        "Book a technician: 216-555-0264.",
        "To discontinue faxes from us, send this page to 216-555-0265."]]),
    ("g-de-fortbildung-p2", "+49 351 5559 600", [
        ["Hygienebeauftragte in der Arztpraxis",
         "Zweitägiger Kurs mit Abschlusszertifikat in Dresden oder online."],
        ["Kursgebühr 420 € pro Person, für Frühbucher 380 €.",
         "Anmeldung per Fax an 0351 555 9600.",
         "Wenn Sie keine Kursinformationen mehr per Fax bekommen möchten: 0351 555 9601."]]),
    ("g-de-leasing", "+49 69 5559 610", [[
        "Ultraschallgerät im Leasing",
        "Neuwertige Geräte mit Garantie, monatliche Rate ab 289 €.",
        "Rufen Sie unseren Medizintechnik-Berater an: 069 555 9610."]]),
    ("g-fr-vin", "+33 5 55 55 62 62", [[
        "Vins de Bordeaux pour vos cadeaux d'affaires",
        "Caisse de 6 bouteilles à partir de 54 € TTC, livraison comprise.",
        "Commande par téléphone au 05 55 55 62 62.",
        "Ne plus recevoir nos offres par fax : 05 55 55 62 63."]]),
    ("g-fr-logiciel", "+33 4 55 55 63 63", [[
        "Logiciel de télétransmission pour kinésithérapeutes",
        "Essai gratuit de 30 jours, assistance incluse.",
        "Un conseiller vous rappelle : laissez votre numéro au 04 55 55 63 63."]]),
    ("g-es-formacion", "+34 96 555 64 64", [[
        "Curso de primeros auxilios para su equipo",
        "Impartido en su centro, 8 horas, certificado oficial.",
        "Precio por grupo: 360 €. Reservas en el 96 555 64 64.",
        "Si no le interesa recibir estas comunicaciones por fax, avísenos al 96 555 64 65."]]),
    ("g-es-alarmas", "+34 91 555 65 65", [[
        "Alarma conectada para consultas y farmacias",
        "Instalación gratis y cuota desde 34,90 € al mes.",
        "Llámenos al 91 555 65 65 y le damos presupuesto."]]),
]

HAM = [
    ("g-ham-web-es", "+34 91 555 66 66", [[
        "https://www.colegiomedico.example/noticias/guardias-2027",
        "Nuevo calendario de guardias para 2027",
        "Inicio | Darse de baja del boletín | Política de privacidad"]]),
    ("g-ham-supplier-letter", "+1 312 555 0270", [[
        "Dear Ms. Harper,",
        "As discussed, your account 44-1029 moves to our new price list on January 1.",
        "Your gloves stay at $6.10 a box; toner rises 3%. Call 312-555-0270 with any questions.",
        "Best regards, Tom Reyes, Midwest Medical Supply"]]),
    ("g-ham-fax-trouble", "+1 312 555 0271", [[
        "IT HELP DESK - FAX TROUBLESHOOTING",
        "If faxes stop arriving, check that the line cord is in the LINE port.",
        "To remove a stuck page, open the rear cover. Do not pull it out from the front.",
        "Still stuck? Call the help desk at extension 4410."]]),
    ("g-ham-denial", "+1 800 555 0272", [[
        "CLAIM DENIAL NOTICE",
        "Patient: Victor Hale   Claim 2026-55410   Date of service 10/21/2026",
        "Denied: prior authorization not on file. You may appeal within 60 days.",
        "Fax the appeal form to 800-555-0273."]]),
    ("g-ham-de-lieferschein", "+49 40 5559 620", [[
        "Lieferschein 2026-7710",
        "Kunde: Praxis Dr. Albers, Kundennummer 3381",
        "2 Kartons Kopierpapier, 1 Toner TN-2420. Versandkostenfrei laut Vertrag.",
        "Bei Rückfragen: 040 555 9620."]]),
    ("g-ham-de-newsletter", "+49 40 5559 621", [[
        "KV-Rundschreiben Dezember",
        "Neue Regelungen zur Terminvergabe ab dem 1. Januar.",
        "Sie erhalten dieses Rundschreiben als Mitglied. Abmeldung vom E-Mail-Newsletter",
        "unter www.kv-beispiel.example/newsletter."]]),
    ("g-ham-fr-resultats", "+33 1 55 55 67 67", [[
        "Laboratoire d'analyses - Résultats",
        "Patient : M. Hugo Petit, né le 02/02/1971",
        "Créatinine 9,8 mg/l. Résultats validés par le biologiste."]]),
    ("g-ham-fr-relance", "+33 1 55 55 67 68", [[
        "Relance facture n° 2026-4410",
        "Madame, nous n'avons pas reçu le règlement de 180,00 € dû le 15/11.",
        "Merci de régulariser sous huit jours. Service comptabilité : 01 55 55 67 68."]]),
    ("g-ham-es-cita", "+34 93 555 68 68", [[
        "Estimada Sra. Vidal:",
        "Le recordamos su cita de revisión el 12 de enero a las 10:00.",
        "Para cambiarla, llame al 93 555 68 68."]]),
    ("g-ham-conference-agenda", "+1 617 555 0274", [[
        "REGIONAL CARDIOLOGY MEETING - AGENDA",
        "Dear colleagues, thank you for registering. Badge no. 2210.",
        "8:00 Registration and breakfast (free for members)",
        "9:00 Heart failure update - Dr. Lin   10:30 Break"]]),
]


def heldout_g_items() -> list[Item]:
    return written_items(SPAM, HAM, FINE)
