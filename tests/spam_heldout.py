"""A held-out labelled set of faxes for spam flagging: written before the scorer was tuned and
never used to tune it. Its wording, layouts, senders and products differ from the tuning
set (tests/spam_corpus.py). Only benchmarks/spam_eval.py reports on it.

Keep this file frozen: a change here after tuning makes its figures a tuning result.
Each item: (name, label, sender, pages of text lines); ``FINE`` items render at 204x196.
"""

from __future__ import annotations

from tests.spam_corpus import Item, written_items

FINE = {"h-spam-billing-p2", "h-de-website-p2", "h-fr-impots-p2", "h-es-seguro-p3",
        "h-ham-web-newsletter", "h-ham-de-arztbrief", "h-ham-class-action"}

SPAM = [
    # English, with opt-outs worded in other ways.
    ("h-spam-printer", "+1 614 555 0134", [[
        "PRINTER SUPPLY PRICE UPDATE - DECEMBER",
        "Remanufactured toner for HP, Brother, Canon and Lexmark: $49.95 each.",
        "Every unit tested; one-year replacement warranty.",
        "Fax your order to 1-866-555-0134 or phone our desk.",
        "If you would rather not get our specials by fax, send this sheet back to",
        "866-555-0135. Requests are honored within 30 days at no cost to you."]]),
    ("h-spam-billing-p2", "+1 404 555 0170", [
        ["MEDICAL BILLING OUTSOURCING",
         "Cut your claim denials in half with certified remote coders.",
         "Practices like yours collect 18% more in the first quarter.",
         "Ask for a no-cost practice analysis."],
        ["PRICING", "4.9% of collections, no setup fee, cancel anytime.",
         "Call 888-555-0170 to schedule your consultation.",
         "This fax was sent because your office is in a physician directory.",
         "To stop future transmissions, call 888-555-0171 (toll free, 24/7)."]]),
    ("h-spam-gloves", "+1 713 555 0117", [[
        "ATTENTION PURCHASING MANAGER",
        "Nitrile exam gloves, powder free, case of 1000: $62.00",
        "Minimum order 10 cases. Pricing good through Thursday only.",
        "Order by phone: 1-877-555-0117. We ship the same day."]]),
    ("h-spam-vegas", "+1 702 555 0192", [[
        "CONGRATULATIONS!",
        "Your office qualifies for a complimentary 3-night getaway in Las Vegas.",
        "Respond within 48 hours to confirm your dates: 855-555-0192.",
        "Taxes and port fees of $59 apply.",
        "Reply REMOVE with your fax number to 855-555-0193 and we will not contact you."]]),
    ("h-spam-capital", "+1 305 555 0150", [[
        "WORKING CAPITAL FOR HEALTHCARE PROVIDERS",
        "Up to $500K, funds in 48 hours, minimal paperwork.",
        "Bad credit OK. Apply by phone at 844-555-0150.",
        "Opt-out requests: 844-555-0151 (free call)."]]),
    ("h-spam-strips", "+1 718 555 0128", [[
        "DIABETIC TEST STRIPS - WHOLESALE",
        "Buy direct from the distributor and pay up to 40% less.",
        "Boxes of 50 from $11.25. Call today: 718-555-0128."]]),
    ("h-spam-maui", "+1 808 555 0166", [[
        "CME CONFERENCE IN MAUI",
        "Earn 20 credits while you relax on the beach.",
        "Early registration $1,295 until March 1. Register: 800-555-0166.",
        "You received this fax because your number is listed in a medical directory.",
        "To decline further communications, dial 800-555-0167."]]),
    ("h-spam-maps", "+1 312 555 0112", [[
        "Is your practice missing from Google Maps?",
        "We will fix and verify your listing for $99, one time.",
        "Patients who cannot find you go to the clinic down the street.",
        "Call Mike at 312-555-0112 before Friday."]]),
    ("h-spam-power", "+1 614 555 0188", [[
        "LOCK IN YOUR ELECTRICITY RATE BEFORE WINTER",
        "Businesses save an average of 22% with a fixed-rate plan.",
        "Call 888-555-0188 for a no-cost energy audit.",
        "Number removal: 888-555-0189"]]),
    ("h-spam-stock", "", [[
        "HOT STOCK ALERT: MDXP",
        "This small-cap medical device maker is set to explode.",
        "Get in before Monday's announcement!",
        "Not investment advice.",
        "To discontinue these alerts, fax the word STOP to 646-555-0144."]]),
    # German
    ("h-de-toner", "+49 30 5550 1234", [[
        "Kompatible Tonerkassetten zum Sonderpreis",
        "HP 05A nur 24,90 EUR - Brother TN-2420 nur 19,90 EUR",
        "Bestellung per Rueckfax an 0800 555 1234 (gebuehrenfrei).",
        "Sie wuenschen keine Informationen mehr per Fax?",
        "Einfach Faxnummer eintragen und an 0800 555 1235 senden: ____________"]]),
    ("h-de-seminar", "+49 69 5550 190", [[
        "Erfolgreich verkaufen am Telefon",
        "Tagesseminar in Frankfurt am 14. Januar, 490 € zzgl. MwSt.",
        "Nur 12 Plätze! Jetzt anmelden per Fax: 069 555 0190",
        "Faxsperre: 069 555 0191"]]),
    ("h-de-buero", "+49 30 5556 677", [[
        "Bürobedarf-Aktion im Dezember",
        "Kopierpapier A4, 2.500 Blatt: 17,95 €",
        "Versandkostenfrei ab 50 € Bestellwert.",
        "Bestellen Sie noch heute unter 030 555 6677."]]),
    ("h-de-website-p2", "+49 211 5554 320", [
        ["Ihre Praxis-Website in 7 Tagen",
         "Modernes Design, für Smartphones gemacht, mit Online-Terminbuchung.",
         "Über 300 Arztpraxen vertrauen uns bereits."],
        ["Pakete ab 39 € monatlich, keine Einrichtungsgebühr.",
         "Rückruf anfordern: 0211 555 4320",
         "Austragen aus dem Faxverteiler: Faxnummer an 0211 555 4321 senden."]]),
    ("h-de-wein", "+49 40 5557 788", [[
        "Weihnachtsangebot für Firmenkunden",
        "Präsentkörbe mit Wein und Feinkost ab 29,90 €",
        "Ab 20 Körben liefern wir frei Haus.",
        "Kein Interesse? Faxen Sie diese Seite mit dem Vermerk ABMELDEN",
        "zurück an 040 555 7788."]]),
    # French
    ("h-fr-encre", "+33 1 55 55 12 34", [[
        "Cartouches d'encre compatibles à prix cassés",
        "-50 % sur toute la gamme jusqu'au 31 décembre.",
        "Commandez par fax au 01 55 55 12 34.",
        "Pour ne plus recevoir nos offres par télécopie, renvoyez ce document",
        "au 0 800 55 12 35 (appel gratuit)."]]),
    ("h-fr-formation", "+33 4 55 55 67 89", [[
        "Formation Excel en 2 jours",
        "690 € HT, éligible CPF, à Lyon ou à distance.",
        "Inscrivez-vous dès aujourd'hui au 04 55 55 67 89.",
        "STOP FAX : 04 55 55 67 90"]]),
    ("h-fr-impots-p2", "+33 1 55 55 90 80", [
        ["Défiscalisation 2027",
         "Réduisez vos impôts jusqu'à 18 000 € grâce à l'investissement locatif.",
         "Nos conseillers étudient votre situation."],
        ["Rendez-vous gratuit et sans engagement : 01 55 55 90 80",
         "Désinscription : faxez ce document au 01 55 55 90 90."]]),
    ("h-fr-site", "+33 9 55 55 44 33", [[
        "Votre site internet professionnel à partir de 490 € HT",
        "Hébergement offert la première année.",
        "Appelez-nous au 09 55 55 44 33."]]),
    # Spanish
    ("h-es-toner", "+34 91 555 12 34", [[
        "Oferta especial en consumibles de oficina",
        "Tóner compatible desde 19 €, envío gratuito.",
        "Haga su pedido al 91 555 12 34.",
        "Si no desea recibir más faxes, llame gratis al 900 555 123."]]),
    ("h-es-curso", "+34 93 555 66 70", [[
        "Curso de prevención de riesgos laborales",
        "100% bonificable para su empresa. Plazas limitadas.",
        "Inscripciones: 93 555 66 70",
        "Para darse de baja de nuestra lista de fax, envíe este documento",
        "al 93 555 66 77."]]),
    ("h-es-cancun", "+52 55 5555 1234", [[
        "Vacaciones para su equipo",
        "5 noches en Cancún desde 799 USD por persona, todo incluido.",
        "Plazas limitadas, reserve hoy al 55 5555 1234."]]),
    ("h-es-seguro-p3", "+34 96 555 77 70", [
        ["Seguros de salud para autónomos",
         "Cuadro médico con más de 40.000 profesionales."],
        ["Precios desde 45 €/mes, sin copagos.",
         "Contrate antes del 31 de enero y el primer mes es gratis.",
         "Infórmese en el 96 555 77 70."],
        ["Baja de envíos: llame al 900 555 777."]]),
]

HAM = [
    ("h-ham-web-newsletter", "+1 503 555 0102", [
        ["https://www.clinicnews.example/newsletter/2026-11",
         "Clinic Management Weekly - November issue",
         "Five ways to cut no-shows this winter. Read more",
         "Exclusive interview: how one practice saved 6 hours a week",
         "Subscribe | Unsubscribe | Privacy Policy",
         "12/1/26, 9:41 AM                    Page 1 of 2"],
        ["Upcoming webinars: billing updates for 2027 (free for members)",
         "Copyright 2026 Clinic News Media. Manage preferences or unsubscribe.",
         "12/1/26, 9:41 AM                    Page 2 of 2"]]),
    ("h-ham-web-support", "+1 503 555 0103", [[
        "support.printerco.example/laserjet-m404/replace-cartridge",
        "Replace the toner cartridge",
        "1. Open the front door. 2. Pull out the old cartridge.",
        "3. Remove the new cartridge from its packaging and shake it gently.",
        "Was this article helpful?  Yes  No",
        "Sign up for our newsletter for tips and deals. Unsubscribe at any time."]]),
    ("h-ham-invoice-deal", "+1 800 555 0161", [[
        "INVOICE INV-20931            Account 77812",
        "Bill to: Lakeside Family Practice, 12 Lake Rd",
        "Toner cartridge CF258A x 4                 $389.00",
        "Exclusive distributor discount            -$38.90",
        "You save $38.90 on this deal. Total due: $350.10",
        "Payment due in 30 days. Questions: 1-800-555-0161."]]),
    ("h-ham-letter", "+1 617 555 0190", [[
        "Dear Dr. Alvarez,",
        "Thank you for referring Mr. Keane, whom I saw on November 24.",
        "His symptoms are consistent with mild obstructive sleep apnea.",
        "I have ordered a home sleep study and will write when results arrive.",
        "Sincerely, Priya Raman, MD"]]),
    ("h-ham-refill", "+1 800 555 0138", [[
        "REFILL AUTHORIZATION REQUEST",
        "Patient: Walter Jensen   DOB 05/19/1948",
        "Metformin 500 mg tablets, #180, last filled 09/02/2026",
        "Prescriber: please sign and fax back to 1-800-555-0138.",
        "Approved ___  Denied ___  Refills ___"]]),
    ("h-ham-pt-referral", "+1 312 555 0155", [[
        "REFERRAL TO PHYSICAL THERAPY",
        "Patient: Olivia Martin, DOB 10/08/1991",
        "Diagnosis: left rotator cuff tendinopathy (M75.122).",
        "Evaluate and treat, 2x weekly for 6 weeks."]]),
    ("h-ham-class-action", "+1 888 555 0102", [
        ["LEGAL NOTICE",
         "If you bought a Model X200 blood pressure monitor between 2021 and 2024,",
         "you may be part of a class action settlement.",
         "If you do not want to be part of the settlement, you must opt out",
         "by January 15, 2027. If you stay in, you give up the right to sue."],
        ["For more information call toll-free 1-888-555-0102.",
         "Case No. 2:25-cv-01187, United States District Court."]]),
    ("h-ham-manual", "+1 555 414 2200", [[
        "SECTION 4 - MAINTENANCE",
        "Replace the toner cartridge when the display shows LOW TONER.",
        "To remove the drum unit, lift the green lever and pull gently.",
        "Save your settings before updating the firmware.",
        "Do not expose the drum to direct light for more than five minutes."]]),
    ("h-ham-flu-memo", "+1 555 414 2201", [[
        "TO ALL STAFF",
        "Flu shots are free for all employees this Thursday, 8 am to 2 pm,",
        "in conference room B. No appointment needed.",
        "Bring your badge. Questions to Employee Health, ext. 4410."]]),
    ("h-ham-insurance-letter", "+1 800 555 0177", [[
        "Member ID: W8812-0041      Member: Diane Cho",
        "Your plan year ends December 31. No action is needed to keep coverage.",
        "To opt out of paperless statements, call 800-555-0177.",
        "Summary of benefits enclosed."]]),
    ("h-ham-quote", "+1 555 610 4400", [[
        "QUOTATION Q-5531",
        "Prepared for Dr. Nguyen per your request of 11/20.",
        "Exam chair, model 75L: $2,140.00 each, 3 units.",
        "To accept, sign and fax back to 555-610-4401. Valid 60 days."]]),
    ("h-ham-order-confirm", "+1 555 610 4402", [[
        "ORDER CONFIRMATION #A-77120",
        "Thank you for your order. Ships Tuesday by ground.",
        "Specimen cups, 500 count x 2: $74.00",
        "10% loyalty discount applied: you save $7.40."]]),
    ("h-ham-records", "+1 555 610 4403", [[
        "AUTHORIZATION TO RELEASE HEALTH INFORMATION",
        "I, Marcus Bell (DOB 03/27/1979), authorize Dr. Hale to release",
        "my records from 2023 to present to Eastside Orthopedics.",
        "Signature: ______________   Date: 11/28/2026"]]),
    ("h-ham-hearing", "+1 555 610 4404", [[
        "NOTICE OF HEARING",
        "Superior Court of the State, County of Marin, Case No. CV-2026-1183",
        "A hearing on the motion to compel is set for January 9, 2027, 9:00 a.m.",
        "Dept. 4. Counsel are to meet and confer beforehand."]]),
    ("h-ham-registration", "+1 555 610 4405", [[
        "REGISTRATION CONFIRMED",
        "Attendee: Dr. Leah Brooks, confirmation 55120",
        "CME Winter Conference, fee $1,295 paid by card ending 4411.",
        "Reserve your hotel room by January 5 to get the group rate."]]),
    # German
    ("h-ham-de-arztbrief", "+49 89 5551 200", [[
        "Sehr geehrte Frau Kollegin Dr. Weber,",
        "wir berichten über Ihre Patientin Frau Anna Schulz, geb. 12.03.1958,",
        "die sich vom 02.11. bis 06.11. in unserer stationären Behandlung befand.",
        "Diagnose: Vorhofflimmern. Wir empfehlen eine Kontrolle in vier Wochen.",
        "Mit freundlichen kollegialen Grüßen"]]),
    ("h-ham-de-rechnung", "+49 89 5551 201", [[
        "Rechnung Nr. 2026-1187      Kundennummer 40021",
        "Tonerkassette TN-2420, 2 Stück          39,80 €",
        "Abzüglich 3 % Skonto bei Zahlung innerhalb von 10 Tagen.",
        "Zahlbar bis 15.12.2026 ohne Abzug."]]),
    ("h-ham-de-web", "+49 89 5551 202", [[
        "www.praxisnachrichten.example/artikel/telematik",
        "Telematikinfrastruktur: Was Praxen 2027 wissen müssen",
        "Impressum | Datenschutz | Newsletter abbestellen",
        "Seite 1 von 1"]]),
    ("h-ham-de-kuendigung", "+49 89 5551 203", [[
        "Bestätigung Ihrer Kündigung",
        "Kundennummer 118820, Vertrag Wartung Röntgengerät",
        "Ihr Vertrag endet zum 31.12.2026. Sie erhalten danach keine weiteren",
        "Rechnungen von uns. Bei Fragen erreichen Sie uns unter 089 555 1203."]]),
    # French
    ("h-ham-fr-courrier", "+33 1 55 55 30 30", [[
        "Madame, Monsieur,",
        "Suite à notre entretien du 3 novembre, veuillez trouver ci-joint",
        "le compte rendu de la consultation. Dossier n° 2026/443.",
        "Je vous prie d'agréer mes salutations distinguées. Dr Martin"]]),
    ("h-ham-fr-facture", "+33 1 55 55 30 31", [[
        "FACTURE N° F-2026-0915       Client : Cabinet Dupuis",
        "Cartouche toner noir, 2 unités          198,00 €",
        "Remise fidélité 10 %                    -19,80 €",
        "Total TTC 214,80 €. Paiement à 30 jours."]]),
    ("h-ham-fr-web", "+33 1 55 55 30 32", [[
        "https://www.sante-pratique.example/actualites/vaccins",
        "Calendrier vaccinal 2027 : ce qui change",
        "Lire la suite | Se désabonner de la lettre | Mentions légales"]]),
    # Spanish
    ("h-ham-es-carta", "+34 91 555 40 40", [[
        "Estimado Sr. Ramírez:",
        "Le confirmamos la cita de su paciente para el 12 de diciembre.",
        "Expediente 55-1201. Traiga los informes previos.",
        "Atentamente, Servicio de Cardiología"]]),
    ("h-ham-es-factura", "+34 91 555 40 41", [[
        "FACTURA Nº 2026/0456        Cliente 3381",
        "Cartucho de tóner, 3 unidades           89,70 €",
        "Descuento 5 %                           -4,49 €",
        "Forma de pago: transferencia a 30 días."]]),
    ("h-ham-es-receta", "+34 91 555 40 42", [[
        "SOLICITUD DE RENOVACIÓN DE RECETA",
        "Paciente: Lucía Fernández, fecha de nacimiento 04/06/1955",
        "Enalapril 10 mg, 1 comprimido al día.",
        "Por favor, firme y envíe por fax al 91 555 40 42."]]),
]


def heldout_items() -> list[Item]:
    return written_items(SPAM, HAM, FINE)
