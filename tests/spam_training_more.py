"""More training faxes for the shipped junk-fax model, written to widen what it has seen.

tests/spam_training_set.py gives each trade the same few shapes; junk faxes nobody here wrote
(set F) showed kinds it lacked: offers with no opt-out at all, one line long, dressed as a
bill or a listing renewal, asking for a donation, a stock tip with no number to call, a
"you have been selected" trip. This module adds, in English, German, French and Spanish:

- junk: many more trades, each offer built from interchangeable parts (a headline, a pitch,
  what it costs or what is free, a way to respond: a call, a fax-back form, a web address, an
  e-mail), with an opt-out worded many ways on the same page, on a later page, or none; plus
  the kinds above;
- ordinary faxes that share junk's words: invoices with early-payment discounts, quotes and
  price lists the customer asked for, order and booking confirmations with "free shipping",
  price-change and recall notices to existing customers, renewal notices, web pages and
  member newsletters printed with "Unsubscribe" and prices, donation receipts, short notes.

Nothing is copied from the labelled evaluation sets. Seeded: ``more_training_faxes()`` is
reproducible, [(label, pages)], each page a list of lines.
"""

from __future__ import annotations

import random

from tests.spam_training_set import _fill

# -- junk: trades -------------------------------------------------------------------------------
# (headline, pitch lines, offer lines); {p} {q} {r} {pc} are filled with numbers.
TRADES_EN = [
    ("Nitrile and vinyl gloves, masks and gowns", ["Warehouse overstock, all sizes ready to ship."],
     ["Case of 1,000 gloves ${q}.90", "Masks 50/box ${p}.50 - buy 10 boxes, get 2 free"]),
    ("Lunch for your team, delivered", ["Sandwich trays, salads and hot buffets for offices."],
     ["Platters from ${p} (serves 10)", "Free delivery on orders over ${q}"]),
    ("Is your website bringing in new clients?", ["We build and rank sites for small firms.",
                                                  "Page one of local search in 90 days."],
     ["Plans from ${q}/month", "Free website audit"]),
    ("Behind on patient balances?", ["We collect old receivables politely and legally."],
     ["Only {pc}% of what we recover - no recovery, no fee", "Free A/R review"]),
    ("Exclusive injury case leads", ["Pre-screened accident callers in your county.",
                                     "One firm per zip code."],
     ["Pay only per signed case", "First 5 leads at half price"]),
    ("Continuing education weekend", ["Hands-on course, 24 credits, small groups."],
     ["Tuition ${r} - save ${q} when you enroll early", "Seats are limited"]),
    ("Office furniture clearance", ["Desks, chairs and files from a closed headquarters."],
     ["Task chairs ${p} (list ${q})", "Desks from ${q}"]),
    ("Commercial cleaning", ["Evening cleaning crews, bonded and insured."],
     ["Weekly service from ${q} a month", "First cleaning free"]),
    ("Holiday cards with your logo", ["Printed and mailed for you."],
     ["100 cards ${p}", "Order by the 15th and save {pc}%"]),
    ("Used medical equipment wanted", ["We buy ultrasound, X-ray and lab analyzers."],
     ["Cash paid the same week", "Free pickup nationwide"]),
    ("We buy unused test strips", ["Sealed boxes, any brand."],
     ["Up to ${p} a box", "Prepaid shipping label"]),
    ("Workers comp audits cost you money", ["Our specialists review your premium."],
     ["Average refund ${r}", "Free policy review, no obligation"]),
    ("Answering service for after hours", ["Live operators, HIPAA compliant, bilingual."],
     ["${p} per month for 100 calls", "30-day free trial"]),
    ("Parking lot sealcoating and striping", ["Make your lot look new before spring."],
     ["Striping from ${q}", "Free estimate this week"]),
    ("Promotional pens and mugs", ["Your name on pens, mugs, tote bags and calendars."],
     ["500 pens ${q}", "Free setup on your first order"]),
    ("Coffee and break room supplies", ["Brewers, coffee, tea, snacks, cups delivered."],
     ["Brewer free with supply plan", "Coffee from ${p} a case"]),
    ("Merchant cash advance", ["Get working capital based on your card sales."],
     ["Up to ${r},000 in 48 hours", "No credit check, bad credit OK"]),
    ("Lower your phone bill", ["Unlimited calling and internet for your office."],
     ["4 lines from ${p}.99 a month", "Free phones when you switch"]),
    ("Dental lab: crowns at a flat price", ["Zirconia and e.max, 5-day turnaround."],
     ["Crowns ${p} per unit", "First case free"]),
    ("Translation and interpreting", ["Spanish, Mandarin, Arabic and 80 other languages."],
     ["From {pc} cents a word", "Free quote in one hour"]),
    ("Key-person life insurance", ["Protect your practice if a partner dies."],
     ["Coverage from ${p} a month", "No medical exam up to ${r},000"]),
    ("Window cleaning", ["Inside and outside, up to four stories."],
     ["From ${q} per visit", "{pc}% off your first visit"]),
    ("HVAC maintenance plans", ["Keep patients comfortable all year."],
     ["Two tune-ups a year ${q}", "Free filter change"]),
    ("Vending machines at no cost", ["Snacks and drinks for staff and visitors."],
     ["Free machine, free service", "You earn {pc}% of sales"]),
    ("Employee drug testing", ["Collection sites nationwide, results in 24 hours."],
     ["Tests from ${p}", "No setup fee"]),
    ("Billboard and radio advertising", ["Put your name in front of 50,000 drivers a day."],
     ["Boards from ${r} a month", "Free design"]),
    ("Notary and courier service", ["Same-day filings and deliveries downtown."],
     ["Runs from ${p}", "First run free"]),
    ("CPR and first aid training", ["We train your whole staff on site."],
     ["${p} per person", "Group of 10? One seat free"]),
    ("Medical waste pickup", ["Sharps and red bag pickup, all paperwork included."],
     ["From ${p} per pickup", "Free sharps containers"]),
    ("Lab coats and scrubs embroidered", ["Your name and logo stitched free."],
     ["Scrub sets ${p}", "Buy 5, get 1 free"]),
    ("Cyber liability insurance", ["One ransomware attack can close a practice."],
     ["Policies from ${q} a year", "Free quote in minutes"]),
    ("Tax resolution for business owners", ["Owe the IRS? We negotiate for you."],
     ["Settle for a fraction of what you owe", "Free consultation"]),
    ("Retirement plans for small offices", ["Set up a 401(k) in a week."],
     ["${p} a month per plan", "Tax credit covers setup"]),
    ("Solar panels for your roof", ["Cut your electric bill in half."],
     ["$0 down", "Free roof assessment"]),
    ("Security cameras and alarms", ["Monitored 24/7, installed in a day."],
     ["Systems from ${q}", "Free installation this month"]),
    ("Reputation management", ["Push bad reviews down and good ones up."],
     ["${q} a month", "Free reputation report"]),
    ("Water damage restoration", ["24 hour response for offices and clinics."],
     ["Free inspection", "We bill your insurance directly"]),
    ("Grant writing services", ["Win federal and state grants for your clinic."],
     ["From ${r} per application", "Free eligibility check"]),
    ("Travel deals for your staff", ["Cancun, Las Vegas, Orlando - hotel and air."],
     ["From ${q} per person", "Kids stay free"]),
    ("Copier and printer leases", ["New color copiers with service and toner."],
     ["From ${p} a month", "Free trade-in of your old unit"]),
]
TRADES_DE = [
    ("Catering für Ihr Büro", ["Frühstück, Mittagessen und Buffets, geliefert."],
     ["Platten ab {p},90 €", "Lieferung frei ab {q} €"]),
    ("Ihre Website auf Seite 1", ["Wir bringen Praxen und Kanzleien nach oben."],
     ["Pakete ab {q} € im Monat", "Kostenlose Analyse Ihrer Website"]),
    ("Forderungsmanagement für Praxen", ["Offene Rechnungen? Wir treiben sie ein."],
     ["Nur {pc} % vom Erfolg", "Kostenlose Erstprüfung"]),
    ("Büromöbel aus Insolvenz", ["Schreibtische, Stühle, Schränke - sofort lieferbar."],
     ["Bürostuhl {p} € statt {q} €", "Schreibtische ab {q} €"]),
    ("Reinigung für Praxen", ["Abendreinigung, zuverlässig und versichert."],
     ["Ab {q} € im Monat", "Erste Reinigung gratis"]),
    ("Fortbildung mit Punkten", ["Zweitägiges Seminar, 16 Fortbildungspunkte."],
     ["Gebühr {r} €, Frühbucher {q} €", "Nur 20 Plätze"]),
    ("Firmenkredit in 48 Stunden", ["Liquidität für Ihr Unternehmen ohne Bankgespräch."],
     ["Bis {r}.000 €", "Ohne Schufa-Auskunft"]),
    ("Wein als Kundengeschenk", ["Präsentkartons mit Ihrer Grußkarte."],
     ["3 Flaschen {p},50 €", "Ab 10 Kartons frei Haus"]),
    ("Arbeitskleidung mit Logo", ["Kasacks, Hosen und Schuhe für das ganze Team."],
     ["Kasack ab {p} €", "Bestickung kostenlos"]),
    ("Strom für Gewerbe", ["Festpreis für 36 Monate, gleicher Netzbetreiber."],
     ["{pc} Cent pro kWh", "Wechsel kostenlos"]),
]
TRADES_FR = [
    ("Traiteur pour entreprises", ["Plateaux-repas et buffets livrés au bureau."],
     ["Plateau à partir de {p} € HT", "Livraison offerte dès {q} €"]),
    ("Votre site en première page", ["Référencement local pour cabinets et commerces."],
     ["Forfait {q} € par mois", "Audit gratuit de votre site"]),
    ("Recouvrement de créances", ["Vos impayés récupérés à l'amiable."],
     ["{pc} % du montant récupéré", "Sans résultat, pas de frais"]),
    ("Mobilier de bureau déstockage", ["Bureaux, fauteuils et armoires."],
     ["Fauteuil {p} € au lieu de {q} €", "Livraison gratuite"]),
    ("Nettoyage de locaux professionnels", ["Équipes formées, assurées, le soir."],
     ["Dès {q} € par mois", "Premier passage offert"]),
    ("Séminaire de gestion du cabinet", ["Une journée pour optimiser votre cabinet."],
     ["Tarif {r} € HT", "Places limitées"]),
    ("Financement professionnel rapide", ["Trésorerie pour votre entreprise en 48 h."],
     ["Jusqu'à {r} 000 €", "Sans garantie"]),
    ("Vêtements professionnels brodés", ["Blouses et tuniques pour votre équipe."],
     ["Blouse à {p} €", "Broderie offerte"]),
]
TRADES_ES = [
    ("Catering para empresas", ["Bandejas y bufés entregados en su oficina."],
     ["Bandejas desde {p} €", "Entrega gratis a partir de {q} €"]),
    ("Posicionamiento web", ["Su clínica en la primera página de Google."],
     ["Planes desde {q} € al mes", "Auditoría gratuita"]),
    ("Recobro de impagados", ["Recuperamos sus facturas pendientes."],
     ["Solo el {pc} % de lo recuperado", "Estudio gratuito"]),
    ("Mobiliario de oficina liquidación", ["Mesas, sillas y armarios de oficina."],
     ["Silla {p} € antes {q} €", "Envío gratis"]),
    ("Limpieza de oficinas", ["Personal asegurado, por las tardes."],
     ["Desde {q} € al mes", "Primera limpieza gratis"]),
    ("Curso de formación acreditado", ["Dos días, 20 créditos, plazas limitadas."],
     ["Matrícula {r} €", "Descuento del {pc} % antes del día 15"]),
    ("Préstamos para empresas", ["Liquidez en 48 horas sin papeleo."],
     ["Hasta {r}.000 €", "Sin aval"]),
    ("Ropa laboral bordada", ["Uniformes sanitarios para todo el equipo."],
     ["Pijama sanitario {p} €", "Bordado gratis"]),
]

# Ways to respond: phone, fax-back, web, e-mail, or a bare number after a colon.
RESPOND = {
    "en": ["Call {tel} today.", "Call or text {tel}.", "{tel}", "Info: {tel}",
           "Visit www.offer-{n3}{n3}.example.com or call {tel}.",
           "Email sales@deals{n3}.example.com for a price sheet.",
           "Fax this page back to {tel} with your name and address.",
           "To get started, reply to {tel}.", "Reserve yours now: {tel}",
           "Claim your spot at {tel}.", "Lock in this price: {tel}",
           "Ask for Mike at {tel}.", "Talk to a specialist: {tel}",
           "Go to www.get{n3}.example.com/fax and enter code FAX{n3}.",
           "Switch today - {tel}.", "Questions? We're here: {tel}", "Text YES to {tel}."],
    "de": ["Anruf genügt: {tel}", "Rufen Sie an: {tel}", "{tel}", "Infos: {tel}",
           "Mehr unter www.angebot{n3}.example.de", "Antwort per Fax an {tel}",
           "E-Mail an info@firma{n3}.example.de", "Sichern Sie sich Ihren Platz: {tel}"],
    "fr": ["Appelez le {tel}.", "{tel}", "Infos : {tel}", "Retournez ce fax au {tel}.",
           "Rendez-vous sur www.offre{n3}.example.fr", "Écrivez-nous : contact@pro{n3}.example.fr",
           "Profitez-en au {tel}."],
    "es": ["Llame al {tel}.", "{tel}", "Información: {tel}", "Reenvíe este fax al {tel}.",
           "Visite www.oferta{n3}.example.es", "Escríbanos a info@empresa{n3}.example.es",
           "Aproveche: {tel}"],
}
# Opt-outs nobody listed before: odd wordings, several languages, some weakly worded.
OPT_OUTS_MORE = {
    "en": ["Prefer not to receive our offers? {tel}", "Not for you? Tell us at {tel}.",
           "Opt-out line: {tel}", "List removal: {tel}", "Do not fax list: {tel}",
           "We will honor requests not to send future faxes within 30 days: {tel}",
           "Don't want these? {tel}", "Wrong number? Let us know at {tel} so we can update it.",
           "Should you wish not to hear from us, notify {tel}.",
           "Fax back with your number circled to stop future mailings."],
    "de": ["Kein Interesse? {tel}", "Faxstopp: {tel}", "Keine Zusendungen mehr: {tel}",
           "Abmeldung: Seite mit Vermerk ABMELDEN zurück an {tel}",
           "Sie wünschen keine Werbung? Nachricht an {tel}."],
    "fr": ["Pas intéressé ? {tel}", "Stop publicité : {tel}",
           "Pour ne plus être sollicité, appelez le {tel}.",
           "Opposition aux envois : {tel}"],
    "es": ["¿No le interesa? {tel}", "Baja: {tel}", "Para no recibir más envíos: {tel}",
           "Si no desea más ofertas, indíquelo al {tel}."],
}
ORDER_FORM = {
    "en": ["ORDER FORM", "Company: ______________  Contact: ______________",
           "Qty ____  Item ______________   Qty ____  Item ______________"],
    "de": ["BESTELLSCHEIN", "Firma: ______________  Ansprechpartner: ______________",
           "Menge ____  Artikel ______________"],
    "fr": ["BON DE COMMANDE", "Société : ______________  Contact : ______________",
           "Qté ____  Article ______________"],
    "es": ["HOJA DE PEDIDO", "Empresa: ______________  Contacto: ______________",
           "Cantidad ____  Artículo ______________"],
}

# -- junk: kinds other than a plain offer --------------------------------------------------------
KINDS = [
    ("en", ["MARKET ALERT", "Ticker: {T} - trading at ${cents}.{n3}{n3}",
            "Our analysts see ${p}.00 within weeks. Big news is coming.",
            "Get in before the crowd. Don't wait until Monday!"]),
    ("en", ["HOT STOCK PICK", "{T} is about to explode.", "Insiders are buying now.",
            "Target price ${p}. Buy before the announcement."]),
    ("en", ["BUSINESS LISTING RENEWAL NOTICE", "Company: ________  Fax: ________",
            "Listing ID: {num}", "Sign and return to {tel} to keep your listing active.",
            "Annual fee ${r}.00. This is a solicitation for the order of goods or services,",
            "not a bill. You are under no obligation to pay unless you accept this offer."]),
    ("en", ["DOMAIN EXPIRATION NOTICE", "Domain: yourbusiness-example.com",
            "Search engine registration - 1 year ${q}.00",
            "This is not a bill. No obligation to pay unless you accept this offer."]),
    ("en", ["COMPLIANCE POSTER NOTICE", "All employers must display current posters.",
            "Amount: ${p}.00 - return this form with payment.",
            "Not affiliated with any government agency. This is not an invoice."]),
    ("en", ["SUPPORT YOUR LOCAL FIREFIGHTERS", "Become a business sponsor this year.",
            "Sponsor levels ${q}, ${r}. Sponsors get a decal and a yearbook listing.",
            "Fax your pledge to {tel}."]),
    ("en", ["STAND UP FOR SMALL BUSINESS", "Congress wants to raise your taxes.",
            "Chip in ${p} or ${q} today. Card no. ________ Exp ____",
            "Fax to {tel}. Paid for by the Committee for Jobs."]),
    ("en", ["Donate to the Police Athletic League", "Your gift helps kids stay off the street.",
            "Suggested gift ${q}. Call {tel} with your pledge."]),
    ("en", ["CONGRATULATIONS!", "Your company was selected for a free 3-day cruise.",
            "Just pay port fees of ${p}.", "Call {tel} within 48 hours to claim it."]),
    ("en", ["You have won a ${r} gift card!", "Claim code {num}. Pay ${p}.95 shipping only.",
            "Call {tel} now."]),
    ("en", ["Your fax number has been selected for our prize draw.",
            "Claim your prize: {tel}"]),
    ("en", ["CUT YOUR TAXES", "Our CPAs find deductions your accountant missed.",
            "Free review: {tel}"]),
    ("de", ["EINTRAGUNGSOFFERTE", "Firma: ________  Anschrift: ________",
            "Bitte prüfen, unterschreiben und an Fax {tel} zurücksenden.",
            "Mit Ihrer Unterschrift erteilen Sie den Auftrag für den Eintrag",
            "im Branchenverzeichnis zum Jahrespreis von {r},00 €. Dies ist keine Rechnung."]),
    ("de", ["Spendenaufruf", "Unterstützen Sie unsere Jugendarbeit.",
            "Schon {p} € helfen. Spendenzusage per Fax an {tel}."]),
    ("de", ["Aktientipp: {T}", "Kursziel {p} €. Jetzt einsteigen, bevor es alle wissen."]),
    ("fr", ["ANNUAIRE PROFESSIONNEL - MISE À JOUR", "Société : ________  Adresse : ________",
            "Vérifiez, signez et renvoyez par fax au {tel}.",
            "La signature vaut commande d'une insertion de {r} € HT par an."]),
    ("fr", ["Félicitations !", "Votre entreprise a été sélectionnée pour un séjour offert.",
            "Frais de dossier {p} €. Appelez le {tel} sous 48 h."]),
    ("es", ["GUÍA DE EMPRESAS - ACTUALIZACIÓN", "Empresa: ________  Dirección: ________",
            "Compruebe, firme y devuelva por fax al {tel}.",
            "Su firma equivale a un pedido de inserción anual de {r} €. No es una factura."]),
    ("es", ["¡Enhorabuena!", "Su empresa ha sido seleccionada para un viaje gratis.",
            "Solo gastos de gestión de {p} €. Llame al {tel}."]),
]
ONE_LINERS = {
    "en": ["{H} - call {tel}", "{H}: {tel}", "{H}. {O}. Call {tel} today.", "{O}! {tel}",
           "{H} - {O} - {tel}"],
    "de": ["{H} - {O}: {tel}", "{H}. Anruf genügt: {tel}"],
    "fr": ["{H} - {O} : {tel}", "{H}. Appelez le {tel}"],
    "es": ["{H} - {O}: {tel}", "{H}. Llame al {tel}"],
}
TICKERS = ["QXMR", "BLZT", "NVGE", "TRPX", "ZENO", "KLMA"]

# -- ordinary faxes that share junk's words -----------------------------------------------------
HAM_MORE = [
    ("en", ["INVOICE {num}   Customer {num2}", "Bill to: {clinic}",
            "{n3} cases exam gloves .......... ${q}.00", "Free shipping applied.",
            "Terms 2% 10 net 30: save ${p}.00 if paid by {date}.",
            "Remit to PO Box {n3}{n3}{n3}."]),
    ("en", ["Hi {last} - as requested, our current prices:",
            "Copy paper, case ........ ${p}.99", "Toner TN-{n3}{n3}0 ......... ${q}.00",
            "10% off if you order 10 or more. Want me to place the order? {name2}, {tel}"]),
    ("en", ["PRICE CHANGE NOTICE - Account {num}", "Dear valued customer,",
            "From {date} the following items change price:",
            "Syringes 3 mL, box ...... ${p}.10 -> ${p}.60",
            "Orders placed before then ship at the current price. Your rep, {name2}, {tel}"]),
    ("en", ["BOOKING CONFIRMATION - ref {T}{n3}{n3}", "Guest: Dr. {name}",
            "Hotel, 3 nights from {date}, breakfast included   Total ${r}.00",
            "Free cancellation until 48 hours before arrival. Changes: {tel}"]),
    ("en", ["RENEWAL NOTICE", "Customer ID {num}   {clinic}",
            "Your subscription renews on {date} at ${r}.00 (your {pc}% loyalty discount applied).",
            "To keep uninterrupted service no action is needed. Your account manager: {tel}"]),
    ("en", ["https://shop.example.com/product/{num}   1/1", "Digital thermometer TX-{n3}",
            "${p}.99  In stock  Add to cart", "Free shipping over ${q}",
            "Join our newsletter and save 10% | Unsubscribe | Privacy policy"]),
    ("en", ["https://www.state-assoc.example.org/news   1/2", "MEMBER NEWS",
            "Annual meeting {date}, members ${p}, guests ${q}. Register in the member portal.",
            "You receive this as a member. Unsubscribe | Manage preferences"]),
    ("en", ["DONATION RECEIPT", "Received from {clinic} on {date}: ${r}.00, check {num}.",
            "Thank you for your generous gift. No goods or services were provided."]),
    ("en", ["PRODUCT RECALL NOTICE - customer {num}", "Stop using lots {num} and {num2}.",
            "Return affected units; replacements ship free of charge.",
            "Fax the response form to {tel} within 10 days."]),
    ("en", ["REGISTRATION CONFIRMATION {num}", "Registrant: {name}",
            "Fee paid ${r}.00. Group hotel rate ${q} until {date}.", "Questions: {tel}"]),
    ("en", ["{name2} -", "The copier rep came by and offered 20% off a new lease.",
            "I told him we'd think about it. Can you call me back? {tel}"]),
    ("en", ["ACCOUNT STATEMENT", "Account {num}", "Current charges ${q}.27  Amount due ${q}.27",
            "Enroll in AutoPay and save $2 a month. Customer service {tel}"]),
    ("en", ["SERVICE MANUAL - CHAPTER 3", "Replace the filter every 500 hours.",
            "Genuine parts: order kit {num} from your dealer or call {tel}.",
            "Save the packaging for returns under warranty."]),
    ("en", ["QUOTE {num} - prepared for {name}, per our call on {date}",
            "Reception chairs x 6 ....... ${r}.00", "Delivery and installation free.",
            "Valid 30 days. Sign to accept and fax to {tel}."]),
    ("en", ["CATALOG REQUEST - thank you", "Dear {name}, thank you for requesting our catalog.",
            "It was mailed today with the price list you asked for.",
            "Your customer number is {num}. Orders: {tel}"]),
    ("en", ["CERTIFICATE OF COMPLETION", "This certifies that {name} completed",
            "\"Infection Control Update\" on {date}, {n3} hours of continuing education credit.",
            "Course ID {num}   Registrar, {tel}"]),
    ("en", ["CLOSING STATEMENT - file {num}", "Buyer: {name}   Seller: {name2}",
            "Purchase price ${r},000.00   Deposit -${q},000.00", "Cash due at closing ${r},412.50.",
            "Wire instructions will be given by phone only: {tel}."]),
    ("en", ["TIMESHEET - week ending {date}", "Temp: {name}   Client: {clinic}",
            "Mon 8  Tue 8  Wed 8  Thu 8  Fri 6   Total 38 hours",
            "Please sign and fax back to {tel}."]),
    ("en", ["ITINERARY", "Traveler: {name}", "Flight {n3}{n3}{n3} departs {date} 7:05 am, seat 12C",
            "Hotel 2 nights, total charged to card ending {n3}{n3}{n3}{n3}: ${r}.60",
            "Changes: call your agent at {tel}."]),
    ("en", ["WELCOME LETTER", "Dear {name},", "thank you for choosing us as your supplier.",
            "Your account number is {num}; your first order ships free.",
            "Your representative, {name2}, can be reached at {tel}."]),
    ("en", ["Jim - the glove supplier's offer is attached: ${p} a case, 10% off 20 cases.",
            "Cheaper than our current vendor. OK to order? - {name2}"]),
    ("de", ["Rechnung {num} - Kundennummer {num2}", "Praxisbedarf laut Bestellung vom {date2}",
            "Gesamt {q},40 €. Zahlbar in 30 Tagen, bei Zahlung in 10 Tagen 2 % Skonto."]),
    ("de", ["Preisanpassung - Kundennummer {num}", "Sehr geehrte Damen und Herren,",
            "ab {date2} ändern sich einzelne Preise. Die neue Preisliste liegt bei.",
            "Ihr Ansprechpartner: {name2}, {tel}"]),
    ("de", ["Angebot Nr. {num} - wie telefonisch besprochen", "Sehr geehrter Herr {last},",
            "Behandlungsstuhl {r} €, Lieferung und Montage kostenlos.", "Gültig 30 Tage."]),
    ("fr", ["FACTURE {num} - client {num2}", "Fournitures selon votre commande du {date}",
            "Total {q},00 € TTC. Escompte 2 % pour paiement à 10 jours."]),
    ("fr", ["Madame {last},", "suite à votre demande, voici nos tarifs actuels.",
            "Gants nitrile, carton ...... {p},90 €. Remise de 5 % dès 10 cartons.",
            "Cordialement, {name2}, {tel}"]),
    ("es", ["FACTURA {num} - cliente {num2}", "Material según su pedido del {date}",
            "Total {q},00 €. Descuento por pronto pago del 2 %."]),
    ("es", ["Estimada Sra. {last}:", "según lo acordado, le enviamos nuestra lista de precios.",
            "Guantes de nitrilo, caja ...... {p},90 €. Envío gratis en su pedido.",
            "Un saludo, {name2}, {tel}"]),
]


def _fill_more(line: str, rng: random.Random, lang: str, extra: dict[str, str]) -> str:
    for key, value in extra.items():
        line = line.replace("{" + key + "}", value)
    return _fill(line, rng, lang, toll_free=rng.random() < 0.3)


def _offer_fax(rng: random.Random, lang: str, trade: tuple) -> list[list[str]]:
    headline, pitch, offers = trade
    extra = {"T": rng.choice(TICKERS)}
    fill = lambda line: _fill_more(line, rng, lang, extra)  # noqa: E731
    head = headline.upper() if rng.random() < 0.5 else headline
    offer = [fill(o) for o in rng.sample(offers, k=rng.randint(1, len(offers)))]
    respond = fill(rng.choice(RESPOND[lang]))
    shape = rng.randrange(6)
    if shape == 0:  # one line
        return [[fill(rng.choice(ONE_LINERS[lang]).replace("{H}", headline).replace(
            "{O}", offer[0]))]]
    body = [head, *pitch, *offer, respond]
    notice = fill(rng.choice(OPT_OUTS_MORE[lang]))
    if shape == 1:  # no opt-out
        return [body]
    if shape == 2:  # an order form and the opt-out on page 2
        return [body, [*ORDER_FORM[lang], notice]]
    if shape == 3:  # a pitch with no price, only the response
        return [[head, *pitch, respond, *([notice] if rng.random() < 0.5 else [])]]
    return [[*body, notice]]


def more_training_faxes(seed: int = 27) -> list[tuple[str, list[list[str]]]]:
    """[(label, pages)]; reproducible for a given seed."""
    rng = random.Random(seed)
    faxes: list[tuple[str, list[list[str]]]] = []
    for lang, trades in (("en", TRADES_EN), ("de", TRADES_DE), ("fr", TRADES_FR),
                         ("es", TRADES_ES)):
        for trade in trades:
            for _ in range(3):
                faxes.append(("spam", _offer_fax(rng, lang, trade)))
    for lang, lines in KINDS:
        for _ in range(3):
            extra = {"T": rng.choice(TICKERS)}
            faxes.append(("spam", [[_fill_more(line, rng, lang, extra) for line in lines]]))
    for lang, lines in HAM_MORE:
        for _ in range(5):
            extra = {"T": rng.choice(["K7", "QX", "ZB", "MN"])}
            faxes.append(("ham", [[_fill_more(line, rng, lang, extra) for line in lines]]))
    return faxes
