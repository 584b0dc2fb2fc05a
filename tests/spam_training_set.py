"""The training set of the shipped junk-fax model (ingest/spam_model.json, trained by
benchmarks/spam_train.py): several hundred short faxes in English, German, French and Spanish.

Written for faxvault and kept apart from the labelled evaluation sets (tests/spam_corpus.py,
tests/spam_heldout*.py): nothing here is copied from them. Junk faxes come from many
industries, each as offers people wrote differently (a headline, a pitch, a price or a free
trial, a call to order) with or without an opt-out notice, the notice on the same page or a
later one and worded many ways. Ordinary faxes are the documents a fax line really receives:
referrals, results, prescriptions, invoices and statements with "save"/"deal"/"discount",
quotes and order confirmations from suppliers the office deals with, explanations of benefits,
recalls, court papers, letters, memos, manuals and printed web pages with Unsubscribe links.

Faxes are assembled from parts with a seeded random generator, so the set is reproducible:
``training_faxes()`` -> [(label, pages)], each page a list of lines.
"""

from __future__ import annotations

import random

# -- junk faxes: offers -------------------------------------------------------------------------
# (headline, pitch lines, price lines): prices use the language's own currency and habits.
OFFERS_EN = [
    ("TONER FOR LESS", ["Compatible toner for every laser printer brand.",
                        "Same page yield as the original, one-year warranty."],
     ["CF410X black ${p} each, colour ${q} each.", "Orders over ${r} ship free."]),
    ("MEDICAL BILLING THAT PAYS", ["Our certified coders file clean claims within 24 hours.",
                                   "Practices collect more and wait less."],
     ["Only {pc}% of collections, no setup fee.", "First month free for new clients."]),
    ("BUSINESS LOANS FOR CLINICS", ["Fast funding for equipment, payroll or expansion.",
                                    "Approval in one day, money in two."],
     ["Borrow ${big} to ${bigger} at rates from {pc}%.", "No collateral needed."]),
    ("OFFICE COFFEE SERVICE", ["Premium single-cup brewer installed in your break room.",
                               "We deliver pods, cups and creamer every week."],
     ["Brewer free with a 12-month supply plan from ${p}/month."]),
    ("WATER COOLERS", ["Bottle-free filtered water for staff and patients.",
                       "Hot and cold taps, monthly sanitising included."],
     ["Rent from ${p} a month, first 60 days free."]),
    ("HOLIDAY GIFT BASKETS", ["Say thank you to your referring offices and best patients.",
                              "Chocolate, fruit and gourmet treats, delivered nationwide."],
     ["Baskets from ${p}, free card and logo ribbon."]),
    ("ONLINE REVIEWS MANAGEMENT", ["Turn happy patients into five-star reviews.",
                                   "Automatic text requests after every visit."],
     ["${p} per month per location, 14-day free trial."]),
    ("WEBSITE DESIGN FOR DOCTORS", ["Modern, mobile-friendly websites with online booking.",
                                    "Live in two weeks, hosting included."],
     ["Packages from ${r}, pay monthly if you prefer."]),
    ("CREDIT CARD PROCESSING", ["Lower your merchant fees with interchange-plus pricing.",
                                "Free terminal, next-day deposits."],
     ["Rates from {pc}% per swipe, no contract."]),
    ("PAYROLL MADE SIMPLE", ["Payroll, taxes and direct deposit for small offices.",
                             "Switch in a day, we move your history for you."],
     ["${p} per month plus ${q} per employee. Two months free."]),
    ("SHREDDING SERVICE", ["Locked bins and certified on-site shredding.",
                           "HIPAA compliant certificate after every pickup."],
     ["Scheduled pickups from ${p} per bin. First pickup free."]),
    ("JANITORIAL SERVICES", ["Nightly cleaning for medical and dental offices.",
                             "Insured, background-checked crews."],
     ["Free walkthrough and estimate. Plans from ${r} a month."]),
    ("DISCOUNT EXAM GLOVES", ["Powder-free nitrile gloves, all sizes in stock.",
                              "FDA 510(k) cleared, ships same day."],
     ["Case of 1000 only ${q}. Minimum 5 cases."]),
    ("CME CRUISE", ["Earn 16 credits on a seven-night Caribbean cruise.",
                    "Bring your family, sessions end by noon."],
     ["Cabins from ${r} per person, early booking ends soon."]),
    ("SOLAR FOR YOUR BUILDING", ["Cut your electric bill with rooftop solar.",
                                 "Federal tax credit covers 30% of the cost."],
     ["$0 down financing. Free site survey."]),
    ("STAFFING AGENCY", ["Medical assistants, front desk and nurses on short notice.",
                         "Temp, temp-to-hire or direct placement."],
     ["Rates from ${p} per hour, no placement fee this month."]),
    ("PHONE SYSTEM UPGRADE", ["Cloud phones with voicemail to email and call recording.",
                              "Keep your numbers, we handle the move."],
     ["${p} per line per month, phones included."]),
    ("MEDICAL UNIFORMS", ["Scrubs, lab coats and shoes for the whole team.",
                          "Free embroidery of your practice name."],
     ["Scrub sets from ${p}. Order 10 and get 2 free."]),
    ("EQUIPMENT LEASING", ["Lease ultrasound, X-ray and lasers with low monthly payments.",
                           "New and certified pre-owned."],
     ["Payments from ${r} a month, 90 days deferred."]),
    ("PEST CONTROL", ["Discreet pest control for clinics and offices.",
                      "Monthly service, quiet after-hours visits."],
     ["Plans from ${p} per month. Free inspection."]),
    ("MARKETING POSTCARDS", ["Reach every household near your practice.",
                             "Design, printing and postage in one price."],
     ["5,000 postcards for ${r}. Free design."]),
    ("HEALTH PLANS FOR SMALL BUSINESS", ["Group coverage your staff will thank you for.",
                                         "Compare 20 carriers in one quote."],
     ["Plans from ${p} per employee per month. No-obligation quote."]),
    ("IT SUPPORT AND BACKUP", ["24/7 help desk, security patches and cloud backup.",
                               "We fix problems before you notice them."],
     ["Flat ${p} per computer per month. Free network assessment."]),
    ("TRANSCRIPTION SERVICE", ["Accurate notes back in 24 hours from any recorder.",
                               "US-based transcriptionists."],
     ["Only {cents} cents per line. First 500 lines free."]),
    ("TIMESHARE GETAWAY", ["Three nights in Orlando for two adults.",
                           "Attend a short presentation and keep the trip."],
     ["Just ${p} per couple, taxes included."]),
    ("LASER HAIR REMOVAL DEVICE", ["Add a new cash service to your practice.",
                                   "Training and marketing kit included."],
     ["Own it for ${r} a month. Demo in your office."]),
    ("DOCUMENT SCANNING", ["We scan your paper charts into searchable PDFs.",
                           "Pickup, scanning and secure destruction."],
     ["From {cents} cents per page. Free quote."]),
    ("BACKGROUND CHECKS", ["Screen new hires in 48 hours.", "Criminal, license and drug tests."],
     ["Checks from ${p} each, no monthly fee."]),
    ("SIGNS AND BANNERS", ["Indoor and outdoor signs made to order.",
                           "Free proof within one business day."],
     ["Banners from ${p}, vinyl lettering from ${q}."]),
    ("ENERGY RATE LOCK", ["Lock in a lower electricity rate for 36 months.",
                          "No change of service, same utility bill."],
     ["Save up to {pc}% on supply charges."]),
]

OFFERS_DE = [
    ("Toner und Tinte zum Sonderpreis", ["Kompatible Kartuschen für alle gängigen Drucker.",
                                        "Gleiche Druckleistung, 2 Jahre Garantie."],
     ["Toner schwarz {p},90 EUR, farbig {q},90 EUR.", "Ab {r} EUR Bestellwert versandfrei."]),
    ("Praxisreinigung", ["Professionelle Unterhaltsreinigung für Arztpraxen.",
                         "Hygieneplan nach RKI-Vorgaben inklusive."],
     ["Ab {p} € im Monat. Kostenlose Besichtigung."]),
    ("Abrechnungsservice für Ärzte", ["Wir übernehmen Ihre Privatabrechnung komplett.",
                                      "Schneller Zahlungseingang, weniger Aufwand."],
     ["Nur {pc} % vom Honorar, keine Grundgebühr."]),
    ("Seminar Praxismanagement", ["Tagesseminar für Praxisinhaber und Praxismanager.",
                                  "Mit Zertifikat und Fortbildungspunkten."],
     ["Teilnahmegebühr {r} € zzgl. MwSt., Frühbucherrabatt {pc} %."]),
    ("Büromöbel Abverkauf", ["Schreibtische, Stühle und Schränke aus Ausstellungen.",
                             "Neuwertig, sofort lieferbar."],
     ["Bürostuhl statt {r} € nur {p} €.", "Lieferung frei Haus."]),
    ("Wasserspender für Ihr Wartezimmer", ["Gefiltertes Trinkwasser ohne Flaschen.",
                                           "Wartung und Filterwechsel inklusive."],
     ["Miete ab {p} € monatlich, 3 Monate gratis testen."]),
    ("Kaffeevollautomat mieten", ["Frischer Kaffee für Team und Patienten.",
                                  "Bohnen und Milch liefern wir gleich mit."],
     ["Ab {p} € im Monat, erste Lieferung kostenlos."]),
    ("Praxis-Homepage", ["Moderne Website mit Online-Terminbuchung.",
                         "Suchmaschinenoptimiert und DSGVO-konform."],
     ["Komplettpaket ab {r} € oder {p} € monatlich."]),
    ("Weinpräsente zu Weihnachten", ["Ausgewählte Weine für Ihre Zuweiser und Partner.",
                                     "Mit persönlicher Grußkarte."],
     ["Präsentkarton ab {p} € inkl. Versand."]),
    ("Telefonanlage für Praxen", ["Cloud-Telefonie mit Warteschleife und Ansage.",
                                  "Rufnummern bleiben erhalten."],
     ["Ab {p} € pro Nebenstelle im Monat."]),
    ("Personalvermittlung MFA", ["Wir finden Ihre neue Medizinische Fachangestellte.",
                                 "Vorauswahl geprüfter Bewerberinnen."],
     ["Erfolgshonorar nur bei Einstellung, {pc} % Nachlass bis Monatsende."]),
    ("Schredderservice", ["Datenschutzgerechte Aktenvernichtung vor Ort.",
                          "Mit Vernichtungsprotokoll."],
     ["Sicherheitsbehälter ab {p} € pro Leerung."]),
    ("Heizöl und Diesel", ["Günstige Lieferung für Gewerbekunden.",
                           "Tagesaktuelle Preise, schnelle Anlieferung."],
     ["{p},40 € je 100 Liter ab 3000 Litern."]),
    ("Praxisbedarf günstig", ["Handschuhe, Desinfektion und Verbandsmaterial.",
                              "Über 5000 Artikel ab Lager."],
     ["Nitrilhandschuhe 100 Stück nur {p},99 €.", "Katalog kostenlos anfordern."]),
    ("Firmenwagen leasen", ["Elektroautos für Praxis und Pflegedienst.",
                            "Wartung und Versicherung inklusive."],
     ["Leasingrate ab {r} € netto im Monat."]),
    ("Stromtarif für Gewerbe", ["Wechseln Sie jetzt zu Ökostrom mit Preisgarantie.",
                                "Wir kündigen Ihren alten Vertrag für Sie."],
     ["Sparen Sie bis zu {pc} % gegenüber dem Grundversorger."]),
]

OFFERS_FR = [
    ("Cartouches et toners à prix réduits", ["Compatibles toutes marques, garantie 2 ans.",
                                             "Livraison en 24 heures."],
     ["Toner noir {p},90 € HT au lieu de {r} €.", "Livraison offerte dès {r} € d'achat."]),
    ("Nettoyage de cabinets médicaux", ["Entretien quotidien de vos locaux.",
                                        "Protocoles d'hygiène adaptés aux soins."],
     ["À partir de {p} € HT par mois. Devis gratuit."]),
    ("Formation gestion du cabinet", ["Deux jours pour mieux organiser votre secrétariat.",
                                      "Prise en charge possible par votre OPCO."],
     ["Tarif {r} € HT par participant."]),
    ("Site internet pour professionnels de santé", ["Prise de rendez-vous en ligne incluse.",
                                                    "Référencement local optimisé."],
     ["À partir de {p} € par mois, sans engagement."]),
    ("Mutuelle entreprise", ["Complémentaire santé collective pour vos salariés.",
                             "Adhésion simple, remboursements rapides."],
     ["Dès {p} € par salarié et par mois."]),
    ("Fontaines à eau", ["Eau fraîche filtrée pour votre salle d'attente.",
                         "Entretien et désinfection compris."],
     ["Location dès {p} € HT par mois, premier mois offert."]),
    ("Mobilier de bureau", ["Fauteuils ergonomiques et bureaux réglables.",
                            "Stock disponible, livraison et montage."],
     ["Fauteuil {p}9 € HT au lieu de {r} €."]),
    ("Téléphonie pour cabinets", ["Standard virtuel et messagerie vocale par e-mail.",
                                  "Vous gardez vos numéros."],
     ["{p},90 € HT par poste et par mois."]),
    ("Traduction médicale", ["Traducteurs spécialisés, délais courts.",
                             "Comptes rendus, notices, dossiers patients."],
     ["À partir de 0,{cents} € le mot. Devis gratuit sous 2 heures."]),
    ("Coffrets gourmands de fin d'année", ["Remerciez vos confrères et partenaires.",
                                           "Foie gras, chocolats et vins."],
     ["Coffret dès {p} € TTC, carte personnalisée offerte."]),
    ("Destruction d'archives", ["Broyage sécurisé de vos dossiers papier.",
                                "Certificat de destruction fourni."],
     ["Conteneur sécurisé dès {p} € par collecte."]),
    ("Climatisation", ["Installation rapide par techniciens certifiés.",
                       "Aides de l'État déduites."],
     ["À partir de {r} € TTC posé. Étude gratuite."]),
    ("Papeterie et fournitures", ["Papier, enveloppes, classeurs et agendas.",
                                  "Plus de 3000 références."],
     ["Ramette A4 {pc},90 € HT, remise de {pc} % sur tout le catalogue."]),
    ("Recrutement de secrétaires médicales", ["Candidates formées et disponibles.",
                                              "Remplacements ou CDI."],
     ["Honoraires réduits de {pc} % ce mois-ci."]),
]

OFFERS_ES = [
    ("Tóner y cartuchos al mejor precio", ["Compatibles con todas las marcas.",
                                           "Garantía de dos años, entrega en 24 horas."],
     ["Tóner negro {p},90 €, envío gratis desde {r} €."]),
    ("Limpieza de clínicas", ["Servicio diario de limpieza y desinfección.",
                              "Personal formado en protocolos sanitarios."],
     ["Desde {p} € al mes. Presupuesto sin compromiso."]),
    ("Curso de gestión de consultas", ["Curso online con certificado.",
                                       "Bonificable por Fundae."],
     ["Matrícula {r} €, plazas limitadas."]),
    ("Seguro de responsabilidad civil", ["Cobertura para profesionales sanitarios.",
                                         "Contratación en el día."],
     ["Desde {p} € al mes."]),
    ("Páginas web para clínicas", ["Cita online y posicionamiento en Google.",
                                   "Diseño adaptado a móviles."],
     ["Desde {p} € al mes, sin permanencia."]),
    ("Fuentes de agua para oficinas", ["Agua filtrada fría y caliente.",
                                       "Mantenimiento incluido."],
     ["Alquiler desde {p} € al mes, primer mes gratis."]),
    ("Mobiliario de oficina", ["Sillas ergonómicas, mesas y armarios.",
                               "Entrega y montaje incluidos."],
     ["Silla ergonómica {p}9 € en lugar de {r} €."]),
    ("Cestas de Navidad para empresas", ["Productos ibéricos, vino y turrones.",
                                         "Envío a toda España."],
     ["Cestas desde {p} €, tarjeta personalizada gratis."]),
    ("Renting de vehículos", ["Cuota fija con seguro y mantenimiento.",
                              "Entrega en 15 días."],
     ["Desde {r} € al mes, IVA no incluido."]),
    ("Destrucción de documentos", ["Recogida y destrucción certificada.",
                                   "Cumplimiento de la LOPD."],
     ["Contenedor desde {p} € por recogida."]),
    ("Gestoría para autónomos", ["Contabilidad, impuestos y nóminas.",
                                 "Un gestor asignado a su consulta."],
     ["Tarifa plana de {p} € al mes, primer trimestre gratis."]),
    ("Material sanitario", ["Guantes, mascarillas y desinfectantes.",
                            "Más de 4000 productos en stock."],
     ["Caja de guantes desde {pc},95 €. Pedido mínimo 10 cajas."]),
]

CTAS = {
    "en": ["Call {tel} to order.", "Order today: {tel}.", "Call us now at {tel}.",
           "Reply by fax to {tel} to get started.", "To schedule a demo call {tel}.",
           "Fax this sheet back to {tel} with your order.", "Call {tel} for your free quote.",
           "Visit our showroom or call {tel}.", "Questions or orders: {tel}",
           "Book your spot: {tel}", "Sign up by phone at {tel}.", "Phone {tel} today.",
           "Ask for our catalog: {tel}", "Limited availability - call {tel}.",
           "Mention this fax when you call {tel}.", "Speak with a specialist: {tel}"],
    "de": ["Bestellungen per Fax an {tel}.", "Rufen Sie uns an: {tel}.",
           "Jetzt bestellen unter {tel}.", "Bestellfax: {tel}", "Informationen unter {tel}.",
           "Antwortfax ausfüllen und an {tel} senden.", "Termin vereinbaren: {tel}",
           "Fordern Sie unseren Katalog an: {tel}", "Anruf genügt: {tel}",
           "Angebot anfordern unter {tel}."],
    "fr": ["Commandez au {tel}.", "Appelez-nous au {tel}.", "Bon de commande à renvoyer au {tel}.",
           "Renseignements au {tel}.", "Demandez votre devis au {tel}.",
           "Contactez notre conseiller au {tel}.", "Réservez votre place au {tel}.",
           "Catalogue sur simple appel au {tel}."],
    "es": ["Llame al {tel}.", "Haga su pedido al {tel}.", "Pida presupuesto en el {tel}.",
           "Solicite información al {tel}.", "Reserve su plaza en el {tel}.",
           "Envíe este fax con su pedido al {tel}.", "Llámenos hoy al {tel}.",
           "Consulte nuestro catálogo: {tel}"],
}

# Opt-out notices in many wordings (the law or custom of each country asks for one).
OPT_OUTS = {
    "en": ["To be removed from our fax list, call {tel}.",
           "If you no longer wish to receive these faxes, call {tel}.",
           "Remove: fax this page back to {tel} with REMOVE written on it.",
           "Don't want our faxes? Call {tel} and we will take you off our list.",
           "Opt out of future faxes at {tel} (toll free, 24 hours).",
           "To stop receiving fax offers, dial {tel}.",
           "Unsubscribe your fax number: {tel}.",
           "This is an advertisement. To decline future faxes call {tel}.",
           "You may request that we not send you any future ads by fax: {tel}.",
           "Wrong office or not interested? Call {tel} to be taken off.",
           "Take my number off your list: fax back to {tel}.",
           "No more faxes from us? Leave your number at {tel}.",
           "Reply STOP to {tel} to end these faxes.",
           "We respect your choice: call {tel} to block future faxes from us.",
           "Removal hotline {tel}, free of charge.",
           "To end all future transmissions, call {tel}."],
    "de": ["Faxstop: {tel}", "Keine Werbung mehr per Fax? Kurze Nachricht an {tel}.",
           "Abbestellen: Faxnummer an {tel} senden.",
           "Sie möchten keine Faxe mehr von uns erhalten? Rückfax an {tel}.",
           "Aus dem Verteiler austragen: {tel}",
           "Werbefax unerwünscht? Melden Sie sich unter {tel} ab.",
           "Widerspruch gegen weitere Werbung per Fax an {tel} (kostenlos).",
           "Faxsperre einrichten: {tel}", "Bitte streichen Sie mich aus Ihrer Faxliste: {tel}"],
    "fr": ["STOP FAX au {tel}.", "Pour ne plus recevoir nos fax, appelez le {tel}.",
           "Désinscription au {tel}.", "Vous ne souhaitez plus être contacté par fax ? {tel}",
           "Pour être retiré de notre liste, renvoyez ce fax au {tel}.",
           "Refus de publicité par fax : {tel} (appel gratuit).",
           "Si vous ne voulez plus recevoir de télécopies, faxez STOP au {tel}."],
    "es": ["Para no recibir más faxes, llame al {tel}.", "Baja de la lista de fax: {tel}",
           "Si no desea recibir más publicidad, envíe este fax al {tel}.",
           "Para darse de baja, llame gratis al {tel}.",
           "¿No quiere más ofertas por fax? Indíquelo en el {tel}.",
           "Para dejar de recibir estos faxes, llame al {tel}."],
}

# -- ordinary faxes ------------------------------------------------------------------------------
FIRST = ["Anna", "James", "Maria", "Robert", "Linda", "Wei", "Fatima", "Carlos", "Helga", "Jean",
         "Sofia", "Peter", "Olga", "Ahmed", "Claire", "Lucia", "Thomas", "Grace"]
LAST = ["Miller", "Nguyen", "Schmidt", "Dubois", "García", "Okafor", "Rossi", "Kowalski",
        "Becker", "Martin", "López", "Chen", "Patel", "Moreau", "Fischer", "Santos"]

HAM_EN = [
    ["PATIENT REFERRAL", "Patient: {name}   DOB {dob}", "Referred to: {dept}",
     "Reason: {reason}.", "Please schedule at the patient's earliest convenience.",
     "Referring physician: Dr. {last2}, phone {tel}"],
    ["LAB REPORT", "Patient: {name}  MRN {num}", "Collected {date}",
     "{lab}", "Reviewed by Dr. {last2}."],
    ["PRESCRIPTION REFILL REQUEST", "Patient: {name}, DOB {dob}",
     "{drug} {dose} mg, #{n30}, refills: {n3}", "Please fax approval to {tel}."],
    ["INVOICE {num}", "Bill to: {clinic}   Customer no. {num2}",
     "Toner cartridge TN-{n3}{n3}0, {n3} units ..... ${p}.00",
     "Contract discount applied: you save ${q}.00 on this order.", "Payment due net 30."],
    ["STATEMENT OF ACCOUNT", "Account {num}   {clinic}",
     "Opening balance ${p}.00   Payments ${q}.00", "Balance due ${r}.00 by {date}.",
     "Questions? Call our billing office at {tel}."],
    ["ORDER CONFIRMATION {num}", "Thank you for your order, {clinic}.",
     "Exam table paper, 12 rolls ..... ${p}.40", "Free shipping on this order.",
     "Expected delivery {date}. Track at {tel}."],
    ["QUOTATION Q-{num}", "Prepared for {clinic}, attn. {name}",
     "Autoclave model S{n3}0: ${r}.00 each, installation included.",
     "Special pricing valid 30 days as discussed with your office.",
     "To accept, sign and fax back to {tel}."],
    ["EXPLANATION OF BENEFITS", "Member: {name}   Claim {num}",
     "Billed ${r}.00  Allowed ${p}.00  Plan paid ${q}.00", "Patient responsibility ${n30}.00",
     "This is not a bill. Questions? Call {tel}."],
    ["PRIOR AUTHORIZATION", "Member ID {num}  Patient {name}",
     "Request for {drug} {dose} mg has been approved through {date}.",
     "Reference number {num2}."],
    ["URGENT: PRODUCT RECALL", "Lot numbers {num} through {num2} of the infusion set.",
     "Stop using affected units immediately and remove them from stock.",
     "Call {tel} to arrange a free replacement."],
    ["Dear Dr. {last},", "Thank you for referring {name} to our clinic.",
     "We saw the patient on {date}; our findings are enclosed.",
     "Sincerely, Dr. {last2}"],
    ["OFFICE MEMO", "To: all staff   From: practice manager",
     "The fax machine in room {n3} is being replaced on {date}.",
     "Please remove paper from the tray and save any stored documents.",
     "The new machine will keep our number {tel}."],
    ["FAX COVER SHEET", "To: {name}   From: {clinic}", "Pages: {n3}   Date: {date}",
     "Re: records for {name2}",
     "CONFIDENTIAL: if you received this fax in error, please notify the sender at {tel}",
     "and destroy all copies."],
    ["USER GUIDE - REPLACING THE CARTRIDGE", "1. Open the front cover and remove the cartridge.",
     "2. Shake the new cartridge gently and remove the protective strip.",
     "3. Insert it until it clicks. Order supplies from your dealer.",
     "Tip: save toner by printing drafts in eco mode."],
    ["https://www.{site}.example/news/{slug}", "{headline}", "{news}",
     "Subscribe to our newsletter | Unsubscribe | Privacy policy",
     "{date}, 10:42 AM   Page 1 of 1"],
    ["https://{site}.example/support/article/{num}", "How to change your fax number",
     "Go to Settings > Fax > Number and click Remove to delete the old number.",
     "Was this article helpful?  Yes / No   Manage email preferences or unsubscribe."],
    ["NOTICE OF HEARING", "Case No. {num}", "{name} v. {clinic}",
     "A hearing is set for {date} at 9:00 a.m. in Department {n3}.",
     "Counsel shall appear in person."],
    ["SUBPOENA FOR RECORDS", "Case {num}, Superior Court", "Produce all records of {name},",
     "DOB {dob}, on or before {date}."],
    ["MEETING MINUTES", "Quality committee, {date}", "Present: Dr. {last}, Dr. {last2}",
     "Hand hygiene audit at 92%. Next meeting in four weeks."],
    ["APPOINTMENT CONFIRMATION", "Patient {name} is scheduled for an MRI on {date} at 8:30.",
     "Please arrive 15 minutes early. To reschedule call {tel}."],
    ["PRICE CHANGE NOTICE", "To our customers (account {num}):",
     "From {date} list prices for gloves and masks rise by {pc}%.",
     "Your contract price stays the same until renewal."],
    ["DELIVERY NOTE {num}", "Ship to: {clinic}", "Boxes: {n3}   Carrier: ground",
     "Please check contents and sign."],
    ["PURCHASE ORDER PO-{num}", "Vendor: Acme Medical", "Item: sharps containers x {n30}",
     "Deliver to {clinic} by {date}."],
    ["CONFERENCE REGISTRATION CONFIRMED", "Dear {name}, your registration {num} is confirmed.",
     "Fee paid: ${r}.00. Badge pickup at the front desk.", "See you on {date}."],
    ["INSURANCE LETTER", "Policy {num}", "Dear {name},",
     "Your coverage renews on {date}. Your premium will be ${p}.00 per month.",
     "No action is needed."],
    ["DISCHARGE SUMMARY", "Patient: {name}  DOB {dob}", "Diagnosis: {reason}.",
     "Follow up with the primary care physician in one week."],
    ["SCHOOL HEALTH FORM", "Student: {name2}   DOB {dob}",
     "Immunizations up to date. Cleared for sports.", "Signed: Dr. {last}"],
    ["HR NOTICE", "Open enrollment for staff benefits closes {date}.",
     "Employees who opt out of the dental plan must sign the waiver form.",
     "Questions: human resources, ext. {n3}."],
    ["IT NOTICE", "The fax server is upgraded on {date} between 6 and 8 pm.",
     "Faxes that arrive meanwhile are queued and delivered afterwards; nothing is lost.",
     "If a scanned page looks wrong, open a ticket with the help desk, ext. {n3}."],
    ["POLICY UPDATE - RECORDS RETENTION", "Paper records are scanned, checked and then shredded.",
     "Originals with signatures are kept for seven years in the locked archive room.",
     "Questions go to the compliance officer."],
    ["SOFTWARE RELEASE NOTES 4.{n3}", "Search now finds words across line breaks.",
     "Reports load faster; the export keeps the original file names.",
     "Known issue: the preview may be blank for very large PDF files."],
    ["MEETING NOTES", "Budget review, {date}. Attendees: {name}, {name2}.",
     "The server contract ends in March; IT will compare two offers and report back.",
     "Action items: update the staff directory, test the backup restore."],
    ["BANK NOTICE", "Account ending {n3}{n3}", "A payment of ${r}.00 was received on {date}.",
     "Thank you for banking with us."],
]

HAM_DE = [
    ["Sehr geehrte Frau Kollegin Dr. {last},", "vielen Dank für die Überweisung von {name},",
     "geb. {dob}. Der Befund ist unauffällig.", "Mit freundlichen Grüßen, Dr. {last2}"],
    ["Rechnung Nr. {num}", "Kundennummer {num2}", "Toner schwarz, {n3} Stück ...... {p},00 EUR",
     "Rabatt laut Rahmenvertrag {pc} %", "Zahlbar innerhalb von 14 Tagen ohne Abzug."],
    ["Laborbefund", "Patient: {name}, geb. {dob}", "Hämoglobin 13,{n3} g/dl, CRP negativ.",
     "Befund ärztlich validiert."],
    ["Auftragsbestätigung {num}", "Vielen Dank für Ihre Bestellung.",
     "Lieferung voraussichtlich am {date}.", "Versandkostenfrei gemäß Ihrer Kundenvereinbarung."],
    ["www.{site}.example/praxis/{slug}", "Neue Regeln für die Abrechnung ab Januar",
     "Newsletter abonnieren | Abbestellen | Impressum | Datenschutz"],
    ["Zahlungserinnerung", "Rechnung Nr. {num} vom {date} über {p},00 € ist noch offen.",
     "Bitte überweisen Sie den Betrag bis zum {date2}."],
    ["Kündigungsbestätigung", "Vertragsnummer {num}",
     "Wir bestätigen die Kündigung zum {date}. Sie erhalten danach keine weiteren Rechnungen.",
     "Mit freundlichen Grüßen"],
    ["Rückruf: Infusionsbestecke", "Chargen {num} bis {num2} bitte nicht mehr verwenden",
     "und aus dem Lager entfernen. Ersatz kostenlos unter {tel}."],
    ["Bedienungsanleitung Kapitel 4", "Tonerkartusche entnehmen: Frontklappe öffnen.",
     "Neue Kartusche einsetzen und Schutzstreifen entfernen.", "Energiesparmodus aktivieren."],
    ["IT-Hinweis", "Der Faxserver wird am {date2} zwischen 18 und 20 Uhr aktualisiert.",
     "Eingehende Faxe werden zwischengespeichert und danach zugestellt.",
     "Bei Problemen bitte ein Ticket an die IT (Durchwahl {n3})."],
    ["Einladung zur Qualitätszirkel-Sitzung", "Sehr geehrter Herr Dr. {last},",
     "die nächste Sitzung findet am {date} um 19 Uhr statt.", "Tagesordnung anbei."],
]

HAM_FR = [
    ["Cher confrère,", "Je vous adresse {name}, née le {dob}, pour avis.",
     "Bien confraternellement, Dr {last2}"],
    ["FACTURE F-{num}", "Réf. client {num2}", "Cartouche d'encre, {n3} unités ...... {p},00 €",
     "Remise fidélité {pc} %", "Règlement à 30 jours fin de mois."],
    ["Compte rendu de consultation", "Patient : {name}, né le {dob}",
     "Examen clinique sans particularité.", "Dr {last}"],
    ["https://www.{site}.example/actualites/{slug}", "Nouvelle nomenclature au 1er janvier",
     "Accueil | Se désinscrire | Mentions légales | Plan du site"],
    ["Confirmation de commande {num}", "Merci pour votre commande.",
     "Livraison prévue le {date}. Frais de port offerts selon votre contrat."],
    ["Madame {last},", "Vous êtes convoquée à l'assemblée générale du {date} à 18 h.",
     "Ordre du jour : budget, élection du bureau."],
    ["Rappel de lot", "Les seringues des lots {num} à {num2} sont rappelées.",
     "Merci de les retirer de vos stocks. Remplacement gratuit au {tel}."],
]

HAM_ES = [
    ["Estimado Dr. {last}:", "Le remito a {name}, fecha de nacimiento {dob},",
     "para valoración. Atentamente, Dr. {last2}"],
    ["FACTURA {num}", "Cliente: {clinic}   N.º cliente {num2}",
     "Cartuchos de tinta, {n3} unidades ...... {p},50 €", "Descuento por volumen {pc} %",
     "Vencimiento: 30 días."],
    ["RESULTADO DE LABORATORIO", "Paciente: {name}", "Glucosa {n30} mg/dL. Sin hallazgos.",
     "Validado por Dr. {last2}"],
    ["PRESUPUESTO {num}", "Para: {clinic}, a la atención de {name}",
     "Camilla eléctrica: {r} €, transporte incluido.", "Validez: 30 días, según lo acordado."],
    ["https://www.{site}.example/blog/{slug}", "Cambios en la receta electrónica",
     "Suscríbase al boletín | Darse de baja | Aviso legal"],
    ["INFORME DE ALTA", "Paciente: {name}, fecha de nacimiento {dob}",
     "Diagnóstico: {reason}. Control en una semana."],
]

DEPTS = ["cardiology", "dermatology", "orthopedics", "neurology", "gastroenterology"]
REASONS = ["exertional chest pain", "changing mole on the back", "right knee pain after a fall",
           "recurrent headaches", "iron deficiency anaemia", "community acquired pneumonia"]
DRUGS = ["Lisinopril", "Metformin", "Atorvastatin", "Levothyroxine", "Amlodipine"]
LABS = ["HbA1c 7.1%, fasting glucose 128 mg/dL.", "TSH 2.4 mIU/L, free T4 normal.",
        "Hemoglobin 12.9 g/dL, platelets 240."]
SITES = ["medtechdaily", "practicenews", "clinic-weekly", "aerzte-aktuell", "sante-infos",
         "salud-hoy", "faxhelp"]
HEADLINES = ["Payers tighten prior authorization rules", "Flu season starts early this year",
             "Deal talks between two hospital chains stall",
             "Exclusive interview: the new CMS director"]
NEWS = ["Readers can save the article or share it with colleagues.",
        "Clinics report longer waits as staff shortages continue.",
        "Analysts expect the deal to close next quarter."]


def _tel(rng: random.Random, lang: str, toll_free: bool = False) -> str:
    if lang == "en":
        area = rng.choice(["800", "888", "877", "866", "855"]) if toll_free else str(
            rng.randint(201, 989))
        return f"{rng.choice(['', '1-'])}{area}-555-{rng.randint(100, 199):04d}"
    if lang == "de":
        return (f"0800 555 {rng.randint(1000, 9999)}" if toll_free else
                f"0{rng.randint(20, 999)} 555 {rng.randint(1000, 9999)}")
    if lang == "fr":
        return (f"0 805 55 {rng.randint(10, 99)} {rng.randint(10, 99)}" if toll_free else
                f"0{rng.randint(1, 5)} 55 55 {rng.randint(10, 99)} {rng.randint(10, 99)}")
    return (f"900 555 {rng.randint(100, 999)}" if toll_free else
            f"9{rng.randint(1, 8)} 555 {rng.randint(10, 99)} {rng.randint(10, 99)}")


def _fill(line: str, rng: random.Random, lang: str, toll_free: bool = False) -> str:
    values = {
        "p": rng.randint(9, 99), "q": rng.randint(10, 399), "r": rng.randint(150, 2900),
        "pc": rng.randint(2, 40), "big": "10,000", "bigger": "250,000",
        "cents": rng.randint(8, 19), "tel": _tel(rng, lang, toll_free),
        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "name2": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "last": rng.choice(LAST), "last2": rng.choice(LAST),
        "dob": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1935, 2010)}",
        "date": f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/2026",
        "date2": f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2027",
        "num": f"{rng.randint(10000, 99999)}",
        "num2": f"{rng.randint(1000, 9999)}-{rng.randint(10, 99)}",
        "n3": rng.randint(1, 9), "n30": rng.randint(20, 90),
        "clinic": rng.choice(["Riverside Clinic", "Lakeview Family Practice",
                              "Praxis Dr. Wagner", "Cabinet Dr Lefèvre", "Clínica San Roque"]),
        "dept": rng.choice(DEPTS), "reason": rng.choice(REASONS), "drug": rng.choice(DRUGS),
        "dose": rng.choice([5, 10, 20, 40, 500]), "lab": rng.choice(LABS),
        "site": rng.choice(SITES), "slug": rng.choice(["billing-2027", "flu", "ai-scribes"]),
        "headline": rng.choice(HEADLINES), "news": rng.choice(NEWS),
    }
    return line.format(**values)


def _junk(rng: random.Random, lang: str, offer: tuple, variant: int) -> list[list[str]]:
    headline, pitch, prices = offer
    if rng.random() < 0.5:
        headline = headline.upper()
    body = [headline, *rng.sample(pitch, k=rng.randint(1, len(pitch)))]
    price = [_fill(line, rng, lang) for line in prices]
    cta = _fill(rng.choice(CTAS[lang]), rng, lang, toll_free=rng.random() < 0.4)
    notice = _fill(rng.choice(OPT_OUTS[lang]), rng, lang, toll_free=rng.random() < 0.5)
    if variant == 0:  # one page with an opt-out at the foot
        return [[*body, *price, cta, notice]]
    if variant == 1:  # the offer on page 1, price, order line and opt-out on page 2
        return [body, [*price, cta, notice]]
    if variant == 2:  # a plain solicitation: no opt-out at all
        return [[*body, *price, cta]]
    return [[*body, cta, notice]]  # no price: a pitch and an opt-out


def training_faxes(seed: int = 15) -> list[tuple[str, list[list[str]]]]:
    """[(label, pages)], junk first; reproducible for a given seed."""
    rng = random.Random(seed)
    faxes: list[tuple[str, list[list[str]]]] = []
    for lang, offers in (("en", OFFERS_EN), ("de", OFFERS_DE), ("fr", OFFERS_FR),
                         ("es", OFFERS_ES)):
        for offer in offers:
            for variant in rng.sample(range(4), k=3):
                faxes.append(("spam", _junk(rng, lang, offer, variant)))
    for lang, templates, copies in (("en", HAM_EN, 4), ("de", HAM_DE, 5), ("fr", HAM_FR, 6),
                                    ("es", HAM_ES, 6)):
        for template in templates:
            for _ in range(copies):
                lines = [_fill(line, rng, lang) for line in template]
                if len(lines) > 4 and rng.random() < 0.3:  # some on two pages
                    faxes.append(("ham", [lines[:3], lines[3:]]))
                else:
                    faxes.append(("ham", [lines]))
    return faxes
