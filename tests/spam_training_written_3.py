"""Written training faxes for the junk-fax model, set 3: 300 invented faxes, 150
unsolicited junk faxes and 150 legitimate faxes between parties who know each other,
150 in English and 50 each in German, French and Spanish, from the UK, Ireland, the US,
Canada, Australia, Germany, Austria, Switzerland, France, Belgium, Quebec, Spain, Mexico,
Argentina and elsewhere. The junk leans towards what simple detectors miss: offers with
no opt-out and no price, polite follow-up notes, offers posing as renewals or existing
accounts, fake invoices and registry, trademark, domain, VAT and data-protection
"renewals", phishing fax-back forms, fake bank and tax notices, loans, 419 letters,
prizes, travel, stock tips, staffing, seminars, supplies, leasing, energy, SEO,
insurance and charity, some multi-page with the pitch on page 2 or opt-out in small
print. The legitimate faxes include many that look commercial (invoices, requested
quotes, order confirmations, price notices, statements, supplier footers, association
circulars with unsubscribe lines, printed web pages, data sheets, recalls, genuine bank
and tax letters) alongside referrals, reports, prescriptions, prior authorisations,
court and lawyers' letters, delivery notes, customs papers, bookings, rosters, minutes,
cover sheets and one-line notes.

Written on 3 December 2026 by an author who had read neither the scorer, its lexicon, its
model, nor any labelled set. Training data only: never used to report accuracy.
"""

from __future__ import annotations

SPAM = [
    ('t3-spam-en-toner-followup', '+1 555 0143', [
        [
            "Hi there,",
            "Just following up on our call last week about your printer supplies.",
            "We would love the chance to quote you on your next toner order.",
            "Simply fax back your printer model and we will do the rest.",
            "Printer model: ______________  Contact: ______________",
            "Kind regards, Denise - OfficeLine Supply Desk",
        ],
    ]),
    ('t3-spam-en-domain-renewal', '+1 555 0211', [
        [
            "DOMAIN NAME EXPIRATION NOTICE",
            "Domain: yourpractice-clinic.example",
            "Account ref: DNX-448120",
            "Your domain registration is due for renewal. Failure to renew before",
            "the expiration date may result in loss of your online identity and",
            "e-mail. To renew for 5 years tick the box and fax this page back.",
            "[ ] 1 year $95   [ ] 2 years $175   [ ] 5 years $390",
            "Domain Registry Services of America, Suite 400, Buffalo NY",
            "This is not a bill. This is a solicitation. You are under no obligation",
            "to pay the amount stated unless you accept this offer.",
        ],
    ]),
    ('t3-spam-en-cruise-winner', '+1 555 0177', [
        [
            "CONGRATULATIONS!",
            "Your office has been selected to receive a 5-day Bahamas cruise for two.",
            "Port taxes and fees only apply. Limited cabins remain this season.",
            "Call our reservation line today: 1-800-555-0199 and quote code BX27.",
            "Offer valid for 72 hours from receipt of this fax.",
        ],
    ]),
    ('t3-spam-en-as-discussed-staffing', '+44 20 7946 0831', [
        [
            "FAO Practice Manager",
            "As discussed with your reception, please find our current rate card",
            "for locum nurses and healthcare assistants across the South East.",
            "All staff DBS-checked and available at 24 hours notice.",
            "Ring Martin on 020 7946 0832 to book your first shift.",
            "CareCover Staffing Ltd",
        ],
    ]),
    ('t3-spam-en-trademark-register', '', [
        [
            "WORLD TRADEMARK PUBLICATION REGISTER",
            "Publication of your trademark application",
            "Mark: HARBOUR BAKERY   Application no.: 0188-2291",
            "Owner: on file",
            "Publication fee: USD 1,290.00",
            "Payment reference: WTP/26/55102",
            "Please remit payment within 14 days to secure your entry in our",
            "international register, distributed to trademark professionals.",
            "Bank: Union Credit SA, IBAN CH00 0000 0000 1111 2222 3",
        ],
        [
            "Terms: This offer to publish your mark in our private database is not",
            "connected with any official trademark office. The register is a",
            "commercial publication. Payment constitutes acceptance of the terms.",
        ],
    ]),
    ('t3-spam-en-bank-verify', '+1 555 0109', [
        [
            "FIRST NATIONAL SECURITY DEPARTMENT",
            "URGENT: Account verification required",
            "Dear customer, our systems detected unusual activity on your business",
            "account. To avoid suspension, please complete and fax this form back",
            "within 24 hours to 1-555-0110.",
            "Account number: ____________________",
            "Online banking user ID: ____________",
            "Password: __________________________",
            "Card PIN: ______   Signature: ______________",
            "Thank you for helping us keep your account safe.",
        ],
    ]),
    ('t3-spam-en-quick-cash', '+1 555 0122', [
        [
            "NEED WORKING CAPITAL?",
            "Business cash advance up to $250,000 - funded in 24 hours.",
            "No collateral. Bad credit OK. Based on your card sales.",
            "Name: ___________  Business: ___________  Monthly sales: ________",
            "Phone: ___________",
            "Fax back to 1-555-0123 for same-day approval.",
        ],
    ]),
    ('t3-spam-en-419-inheritance', '+44 20 7946 0388', [
        [
            "STRICTLY CONFIDENTIAL",
            "Dear Sir/Madam,",
            "I am Barrister Samuel Okoro, personal attorney to the late engineer",
            "Robert Hallam, a foreign contractor who died with his family in a road",
            "accident. He left a deposit of US$12.5 million with a bank here with",
            "no next of kin. I seek your consent to present you as beneficiary so",
            "that the proceeds may be released. You will receive 40 percent.",
            "This transaction is risk free. Reply to my private fax with your full",
            "name, address and direct telephone number.",
            "Yours faithfully, Barr. S. Okoro",
        ],
    ]),
    ('t3-spam-en-seo-listing', '+44 161 496 0772', [
        [
            "Your Google listing",
            "Hello, we noticed your business is not showing on page one for",
            "'dentist near me' in your area. We fix that.",
            "Our local search team has helped over 900 practices.",
            "Call 0161 496 0773 for a free visibility check.",
        ],
    ]),
    ('t3-spam-en-stock-tip', '', [
        [
            "MARKET ALERT - THIS COULD BE THE BIG ONE",
            "Symbol: GXTR   Current: $0.19   Target: $1.40",
            "Breaking news expected this week on a major lithium contract.",
            "Insiders are accumulating. Get in before Monday's announcement!",
            "Watch GXTR at the open.",
            "",
            "This report is paid advertising. We may sell shares at any time.",
        ],
    ]),
    ('t3-spam-en-directory-invoice', '+353 1 555 0190', [
        [
            "INVOICE / RENEWAL",
            "Business Directory of Ireland - 2027 Edition",
            "Entry: Kelly & Walsh Accountants, Galway",
            "Customer no.: 77104   Invoice no.: BDI-20331",
            "Annual entry (bold listing + logo): EUR 897.00 + VAT",
            "Please check your entry details below and return signed.",
            "Signed orders are binding for a minimum period of three years.",
        ],
    ]),
    ('t3-spam-en-energy-switch', '+44 113 496 0555', [
        [
            "Business energy review",
            "Dear Sir or Madam,",
            "Your current electricity contract may be due for renewal shortly.",
            "Many businesses like yours are overpaying by 30 percent or more.",
            "We compare all major suppliers at no cost to you.",
            "Please fax a copy of a recent bill to 0113 496 0556 and we will",
            "call you with your savings.",
        ],
    ]),
    ('t3-spam-en-it-password', '+1 555 0219', [
        [
            "IT SUPPORT - MAILBOX MIGRATION",
            "To all staff: we are moving your mailbox to the new server this week.",
            "Users who do not confirm their details will lose access to e-mail.",
            "Please complete and fax to the helpdesk on 555-0188 by Friday.",
            "Full name: ____________",
            "E-mail address: ____________",
            "Current password: ____________",
            "Helpdesk Team",
        ],
    ]),
    ('t3-spam-en-seminar-hr', '+1 555 0160', [
        [
            "ONE-DAY SEMINAR",
            "Managing Difficult Employees and Staying Out of Court",
            "Chicago - Denver - Phoenix - Dallas, January and February",
            "Learn the 12 phrases you must never say in a termination meeting.",
            "Register 3 or more and the 4th attends free.",
            "To register call 1-800-555-0161 or fax the form on page 2.",
        ],
        [
            "REGISTRATION FORM",
            "Name(s): ______________________",
            "Organisation: _________________",
            "City/date: ____________________",
            "Fee $249 per person. Card no.: ___________________",
            "To be removed from our list call 1-800-555-0162.",
        ],
    ]),
    ('t3-spam-en-medical-gloves', '+1 555 0131', [
        [
            "Nitrile exam gloves - clearance",
            "Powder-free, all sizes, FDA-registered manufacturer.",
            "Pallet quantities available for immediate shipment.",
            "Please call for our best pricing this month.",
            "MedSource Distributors, 1-555-0131",
        ],
    ]),
    ('t3-spam-en-data-protection-fee', '', [
        [
            "DATA PROTECTION REGISTRATION - FINAL NOTICE",
            "Reference: DPR/88214/K",
            "Records show your organisation has not completed its annual data",
            "protection registration. Organisations processing personal data",
            "must register. Failure may result in a fine of up to GBP 4,350.",
            "Registration fee: GBP 135.00 + VAT",
            "Complete and return the attached form within 7 days.",
            "Data Compliance Services Ltd is a private company.",
        ],
    ]),
    ('t3-spam-en-lottery', '+34 91 555 0144', [
        [
            "INTERNATIONAL PROMOTIONS / PRIZE AWARD DEPARTMENT",
            "Ref: EL/2026/0447   Batch: 12/0045/IPD",
            "We are pleased to inform you that your company fax number was drawn",
            "in our end-of-year lottery and has won EUR 850,000.00.",
            "To claim, contact our claims agent Mr Ruiz with your ticket ref.",
            "Keep this award confidential until your claim is processed.",
        ],
    ]),
    ('t3-spam-en-vacation-getaway', '+61 2 5550 4471', [
        [
            "Thank you for your recent inquiry!",
            "Your 3-night Orlando getaway is reserved pending confirmation.",
            "Includes hotel and attraction tickets for two adults.",
            "Call 1-888-555-0102 within 48 hours to activate your certificate.",
            "Certificate no. ORL-55810",
        ],
    ]),
    ('t3-spam-en-leasing-copier', '+44 20 7946 0417', [
        [
            "Regarding your copier lease",
            "Dear Office Manager,",
            "Our records suggest your current copier agreement ends in the next",
            "few months. We can settle your existing lease and supply a new",
            "colour multifunction device with lower monthly payments.",
            "Could you spare 10 minutes for a quick call this week?",
            "Regards, Paul Thorne, Account Manager, ClearPrint Leasing",
        ],
    ]),
    ('t3-spam-en-charity-appeal', '+1 555 0185', [
        [
            "Winter Appeal",
            "This winter, thousands of families in our state will go without heat.",
            "Your practice can help. A gift of $100 keeps a family warm for a week.",
            "Please complete the pledge form and fax it back today.",
            "Pledge amount: $______   Card: __________________",
            "Helping Hands Relief Fund",
            "To stop receiving faxes call 1-555-0186.",
        ],
    ]),
    ('t3-spam-en-courier-customs', '', [
        [
            "PARCEL HELD AT CUSTOMS",
            "Tracking no.: 8841 2230 9912",
            "A parcel addressed to your company cannot be delivered due to an",
            "unpaid import duty of USD 38.50.",
            "Complete the form below and fax to 555-0195 to release the parcel.",
            "Cardholder name: ____________  Card no.: ____________",
            "Expiry: ______  Security code: ______",
            "Global Express Clearance Centre",
        ],
    ]),
    ('t3-spam-en-your-account-ink', '+1 555 0125', [
        [
            "Account update - please read",
            "Per our records your office is due for its quarterly ink and toner",
            "replenishment. Prices are going up on January 1st.",
            "Lock in current pricing by calling our order line: 1-555-0126.",
            "Customer service ref: 20-4417",
        ],
    ]),
    ('t3-spam-en-vat-registry', '+44 20 7946 0233', [
        [
            "EUROPEAN VAT NUMBER REGISTER",
            "Your VAT registration number requires validation in the European",
            "business register. Please check the details below, correct them if",
            "necessary, sign and return by fax.",
            "Company: ______________  VAT no.: ______________",
            "By signing you order a listing for 3 years at EUR 995 per year.",
        ],
    ]),
    ('t3-spam-en-nice-to-meet', '+1 555 0227', [
        [
            "Dear Doctor,",
            "It was nice to speak to your office on Tuesday.",
            "As promised I am sending over information on our patient reminder",
            "service. We would be happy to set up a short demo at your convenience.",
            "Warm regards, Kayla",
        ],
    ]),
    ('t3-spam-en-health-insurance-biz', '+1 555 0151', [
        [
            "SMALL BUSINESS HEALTH PLANS",
            "Tired of rising premiums? Plans from $189/month per employee.",
            "Dental and vision included. 2 employees minimum.",
            "Fax back for a free quote:",
            "Company: ____________  No. of employees: ____  Zip: _______",
            "Fax to 1-555-0152",
        ],
    ]),
    ('t3-spam-en-two-page-newsletter', '+61 2 5550 1188', [
        [
            "PRACTICE NEWS - December edition",
            "Five tips for a stress-free holiday roster",
            "1. Plan leave early. 2. Share the calendar. 3. Use casual staff.",
            "4. Check award rates for public holidays. 5. Thank your team.",
            "Continued overleaf.",
        ],
        [
            "Need extra hands over summer? ProStaff Medical supplies receptionists,",
            "nurses and practice managers across NSW and Victoria at short notice.",
            "Call 1300 555 018 and mention this newsletter for 10% off first week.",
        ],
    ]),
    ('t3-spam-en-tax-refund', '', [
        [
            "TAX REFUND NOTIFICATION",
            "After the last annual calculation of your fiscal activity we have",
            "determined that you are eligible to receive a tax refund of",
            "GBP 1,284.60.",
            "Please submit the tax refund request and allow 5-9 days to process.",
            "Full name: ____________  National Insurance no.: ____________",
            "Bank sort code: ______  Account no.: ____________",
            "Card number: ____________________",
            "Fax completed form to 0845 555 0120.",
        ],
    ]),
    ('t3-spam-en-wine-gifts', '+44 1632 960441', [
        [
            "Corporate Christmas gifts",
            "Hampers, wine cases and branded gifts for your clients and staff.",
            "Order by 15 December for guaranteed delivery.",
            "Call us on 01632 960442 for our brochure.",
        ],
    ]),
    ('t3-spam-en-roof-repair', '+1 555 0171', [
        [
            "ATTENTION FACILITY MANAGER",
            "Winter is here. Is your roof ready?",
            "Free commercial roof inspection for all businesses in the county.",
            "Leaks, flat roofs, gutters, snow load.",
            "Call Summit Roofing 555-0171.",
        ],
    ]),
    ('t3-spam-en-conference-speaker', '+44 161 496 0519', [
        [
            "Invitation to speak",
            "Dear Colleague,",
            "Based on your distinguished work we are pleased to invite you as a",
            "keynote speaker at the 9th World Congress on Clinical Innovation,",
            "Dubai, 14-16 March. Speakers benefit from a reduced registration fee",
            "of USD 899. Kindly confirm your participation by return fax.",
            "Organising Committee",
        ],
    ]),
    ('t3-spam-en-merchant-fees', '+1 555 0118', [
        [
            "Are you paying too much to accept cards?",
            "Send us one statement and we will beat your current rate or pay you",
            "$500. Free terminal upgrade. No contract.",
            "Fax your statement to 1-555-0119.",
            "Remove: 1-555-0120",
        ],
    ]),
    ('t3-spam-en-gold-ira', '', [
        [
            "PROTECT YOUR RETIREMENT",
            "With markets at record highs, smart investors are moving into gold.",
            "Roll over your 401(k) or IRA tax free. Free investor kit.",
            "Call 1-800-555-0174 now.",
        ],
    ]),
    ('t3-spam-en-forklift-training', '+44 121 496 0871', [
        [
            "Forklift and workplace transport training",
            "Dear Warehouse Manager,",
            "Is your team's certification up to date? We deliver accredited",
            "courses on your premises, saving travel and downtime.",
            "Just reply with a convenient date and we will arrange the rest.",
            "Best regards, Liam, SafeLift Training",
        ],
    ]),
    ('t3-spam-en-business-loan-letter', '+1 555 0197', [
        [
            "PRE-APPROVED",
            "Re: Your business line of credit",
            "Congratulations, your business has been pre-approved for a credit",
            "line of up to $150,000. Rates from 4.9%.",
            "To accept, sign below and fax to 1-555-0198.",
            "Signature: __________________  Date: ________",
            "Owner SSN (last 4): ______",
        ],
    ]),
    ('t3-spam-en-hotel-booking-agent', '+1 555 0233', [
        [
            "Hotel partner programme",
            "Dear Hotel Manager,",
            "Following our conversation with your front office, we would like to",
            "list your property on our travel portal. We already send guests to",
            "over 3,000 hotels. Please confirm your contact details below.",
            "Property: __________  Contact: __________  E-mail: __________",
        ],
    ]),
    ('t3-spam-en-fake-invoice-office', '+44 20 7946 0661', [
        [
            "INVOICE",
            "Invoice no.: 44871   Date: 28/11/2026",
            "To: Accounts Payable",
            "Description: Annual maintenance - office equipment register",
            "Amount due: GBP 487.20",
            "Payment terms: 7 days. Please pay to sort code 40-55-01,",
            "account 81726354, quoting the invoice number.",
            "Queries: accounts@equipreg.example",
        ],
    ]),
    ('t3-spam-en-pharmacy-generics', '', [
        [
            "PHARMACY BUYERS - YEAR-END SPECIALS",
            "Short-dated generics at up to 70% off list.",
            "Omeprazole, amlodipine, metformin, atorvastatin and more.",
            "Licensed wholesaler. Next-day delivery on orders placed by 2pm.",
            "Call 1-555-0135 for this week's list.",
        ],
    ]),
    ('t3-spam-en-dental-lab-intro', '+1 555 0147', [
        [
            "Dear Dr.,",
            "We are a full-service dental laboratory and would love to earn your",
            "business. Crowns, bridges, implants and dentures with 5-day turnaround.",
            "May we send you a free case pickup kit?",
            "Thank you, Rosa - BrightArch Dental Lab",
        ],
    ]),
    ('t3-spam-en-legal-directory', '+1 555 0153', [
        [
            "Your 2027 Attorney Profile",
            "Firm: on file   Profile ID: AP-90021",
            "Your profile in the National Legal Professionals Guide is ready for",
            "renewal. Verify your details and return this page to continue your",
            "premium listing. Annual fee $1,150.",
            "Authorised signature: ____________",
        ],
    ]),
    ('t3-spam-en-timeshare-exit', '+353 1 555 0261', [
        [
            "STUCK WITH A TIMESHARE?",
            "We can legally cancel your timeshare contract - guaranteed.",
            "Free consultation. Call 1-877-555-0112.",
        ],
    ]),
    ('t3-spam-en-vet-supplies', '+61 7 5550 2231', [
        [
            "Attention Practice Manager",
            "Clinic consumables at wholesale prices: syringes, catheters,",
            "bandages, surgical packs, prescription diets.",
            "Open a new account before 31 Dec and receive free freight for",
            "three months.",
            "Phone 07 5550 2232",
        ],
    ]),
    ('t3-spam-en-hotel-overseas-invest', '', [
        [
            "PRIVATE INVESTMENT OPPORTUNITY",
            "Guaranteed 12% annual return, paid quarterly.",
            "Beachfront resort development, Caribbean. Minimum stake $25,000.",
            "Title deed issued in your name. Limited to 40 investors.",
            "Request the prospectus by fax: 1-555-0115.",
        ],
    ]),
    ('t3-spam-en-calibration-reminder', '+44 1632 960088', [
        [
            "SERVICE REMINDER",
            "Your weighing and measuring equipment may be due for its annual",
            "calibration. Uncalibrated scales can lead to trading standards",
            "penalties. Book your visit today on 01632 960089.",
            "Precision Calibration Services",
        ],
    ]),
    ('t3-spam-en-fake-utility-overdue', '+1 555 0249', [
        [
            "OVERDUE ACCOUNT",
            "Account: 5510-2271",
            "Our records show an outstanding balance of $612.40 on your business",
            "service account. To avoid disconnection within 48 hours, please",
            "call our payment centre at 1-555-0137 with your card details.",
            "Payment Processing Dept.",
        ],
    ]),
    ('t3-spam-en-crm-demo-followup', '+1 555 0166', [
        [
            "Hi again,",
            "I tried to reach you a few times and wanted to follow up by fax.",
            "Are you the right person to talk to about scheduling software?",
            "If not, could you pass this on? Thanks so much.",
            "Jordan, SchedulePro",
        ],
    ]),
    ('t3-spam-en-safety-poster', '+1 555 0157', [
        [
            "COMPLIANCE NOTICE",
            "New federal and state labor law posters required for 2027.",
            "All employers must display current posters. Fines up to $17,000.",
            "Complete 2027 poster set: $79.95.",
            "Order form: Qty ____  State ____  Ship to: __________________",
            "Fax to 1-555-0158.",
            "Labor Poster Compliance Center is not a government agency.",
        ],
    ]),
    ('t3-spam-en-funeral-preplan-leads', '', [
        [
            "To the Funeral Director,",
            "We generate pre-need leads from families in your area who are",
            "actively planning. Exclusive leads, delivered weekly.",
            "Call for a sample list: 1-555-0182.",
        ],
    ]),
    ('t3-spam-en-patent-renewal', '+44 20 7946 0345', [
        [
            "PATENT MAINTENANCE NOTICE",
            "Patent no.: GB 2 551 902   Proprietor: as registered",
            "Renewal due: 31/01/2027",
            "Our fee for handling the renewal including official fees: GBP 640.",
            "Please pay by bank transfer, ref PMN-551902.",
            "Patent & Trade Mark Maintenance Office Ltd",
            "We are not the UK Intellectual Property Office.",
        ],
    ]),
    ('t3-spam-en-coffee-machine', '+353 1 555 0178', [
        [
            "Free coffee machine for your office",
            "Simply buy your beans from us. No rental, no contract.",
            "Great for waiting rooms and staff rooms.",
            "Ring 01 555 0178 to arrange a free tasting.",
        ],
    ]),
    ('t3-spam-en-grant-funding', '+44 113 496 0640', [
        [
            "GOVERNMENT GRANT NOTIFICATION",
            "Your organisation may qualify for a non-repayable grant of up to",
            "$45,000 for small business modernisation.",
            "A processing fee of $295 applies. Grants are awarded first come,",
            "first served. Call your grant officer today: 1-555-0193.",
        ],
    ]),
    ('t3-spam-en-waste-contract', '+44 113 496 0921', [
        [
            "Clinical and general waste collection",
            "Dear Sir/Madam,",
            "We are now operating in your postcode and are able to offer",
            "a competitive alternative to your current waste contract.",
            "I will call you in the next few days to arrange a site visit.",
            "Best wishes, Karen Holt, Business Development",
        ],
    ]),
    ('t3-spam-en-three-page-promo', '+1 555 0139', [
        [
            "FAX COVER SHEET",
            "To: Purchasing   From: Sales   Pages: 3",
            "Re: Information you requested",
            "Please see attached.",
        ],
        [
            "INDUSTRIAL FASTENERS - DIRECT FROM FACTORY",
            "Bolts, nuts, washers, anchors, rivets. Metric and imperial.",
            "Stainless, zinc-plated, galvanised. Custom orders welcome.",
            "Save up to 40% compared with your current distributor.",
        ],
        [
            "Call 1-555-0140 or fax your requirements to 1-555-0141.",
            "Ask about our free sample program.",
            "To opt out of future faxes, call 1-555-0142 (toll free).",
        ],
    ]),
    ('t3-spam-en-church-fundraising', '', [
        [
            "Dear Pastor,",
            "Need to raise funds for your roof, youth trip or mission?",
            "Our cookie dough fundraiser raises an average of $3,200 per church.",
            "No upfront cost. Free brochures and order forms.",
            "Call 1-800-555-0128.",
        ],
    ]),
    ('t3-spam-en-web-redesign', '+61 3 5550 7720', [
        [
            "Your website",
            "Hi, I had a look at your website and noticed it does not display well",
            "on mobile phones. We build modern, fast sites for trades and builders.",
            "Happy to send a few ideas, no obligation.",
            "Cheers, Nathan - Web Tradies",
        ],
    ]),
    ('t3-spam-en-prize-fax-survey', '+1 555 0114', [
        [
            "2-MINUTE OFFICE SURVEY - WIN AN IPAD",
            "1. How many employees at this location? ____",
            "2. Who manages office purchasing? ____________",
            "3. Direct phone number: ____________",
            "4. E-mail: ____________",
            "Fax back to 1-555-0113 to be entered in our monthly draw.",
        ],
    ]),
    ('t3-spam-en-property-tax-appeal', '+1 555 0253', [
        [
            "NOTICE TO PROPERTY OWNER",
            "Your commercial property may be over-assessed.",
            "We appeal on your behalf - no savings, no fee.",
            "Deadline for this year's appeals is approaching.",
            "Call 1-555-0189 today.",
        ],
    ]),
    ('t3-spam-en-care-home-agency', '+44 1632 960512', [
        [
            "To the Registered Manager",
            "Are you struggling to fill night shifts?",
            "Our carers are trained, vetted and local.",
            "Just call us and we will have someone with you tonight.",
            "Sunrise Care Agency - 01632 960513",
        ],
    ]),
    ('t3-spam-en-ssl-renewal', '', [
        [
            "SECURITY CERTIFICATE EXPIRATION",
            "Your website security certificate will expire soon.",
            "Visitors will see a 'Not Secure' warning and may leave your site.",
            "Renew now for 2 years: $149. Call 1-555-0124 to pay by card.",
            "Reference: SSL-7712-KQ",
        ],
    ]),
    ('t3-spam-en-freight-broker', '+1 555 0167', [
        [
            "Carriers needed / Shippers welcome",
            "Reliable dry van, reefer and flatbed capacity across the lower 48.",
            "We would welcome the chance to quote your next load.",
            "Dispatch: 1-555-0167",
        ],
    ]),
    ('t3-spam-en-hearing-aid-patients', '+1 555 0258', [
        [
            "Dear Physician,",
            "Refer your patients to our new hearing centre and receive",
            "complimentary CPD lunches for your staff. Free hearing tests.",
            "Referral pads enclosed on request.",
            "Call 555-0149.",
        ],
    ]),
    ('t3-spam-en-uniforms', '+44 161 496 0401', [
        [
            "Workwear and scrubs",
            "Embroidered with your logo, from GBP 8.99.",
            "Minimum order 10 items. Free design proof.",
            "Call 0161 496 0402 or visit uniformhub.example",
            "Reply STOP to 0161 496 0403 to be removed.",
        ],
    ]),
    ('t3-spam-en-farm-equipment-auction', '+1 555 0106', [
        [
            "ONLINE EQUIPMENT AUCTION - DEC 12",
            "Tractors, combines, balers, grain carts, livestock trailers.",
            "No buyer premium on the first 50 lots.",
            "Register at bidfarm.example or call 1-555-0107.",
        ],
    ]),
    ('t3-spam-en-legal-software-renewal', '', [
        [
            "Renewal notice",
            "Dear Valued Customer,",
            "Your subscription to our case management update service expires on",
            "31 December. To continue receiving statutory updates please return",
            "the enclosed renewal authorisation with payment of $685.",
            "Renewal Department",
        ],
    ]),
    ('t3-spam-en-clinical-trial-sites', '+1 555 0104', [
        [
            "Physician investigators wanted",
            "Earn additional practice income by enrolling patients in paid",
            "clinical studies. No research experience needed.",
            "We handle all the paperwork. Call 1-555-0105.",
        ],
    ]),
    ('t3-spam-en-inkjet-price-list', '+1 555 0164', [
        [
            "PRICE LIST - LASER TONER (compatible)",
            "HP 26A ........ $39     HP 58X ........ $59",
            "Brother TN760 .. $24    Canon 055H .... $69",
            "Samsung D111 ... $22    Lexmark 58D ... $99",
            "100% satisfaction guaranteed. Free shipping over $99.",
            "Order: 1-555-0165",
        ],
        [
            "If you wish to be removed from our fax list, please write your fax",
            "number here ____________ and fax this page to 1-555-0163. Removal",
            "requests are processed within 30 days.",
        ],
    ]),
    ('t3-spam-en-bereavement-cards', '+44 121 496 0333', [
        [
            "For funeral homes",
            "Personalised memorial cards, prayer cards and guest books.",
            "Proofs within 2 hours, next-day dispatch.",
            "Call our studio on 0121 496 0900.",
        ],
    ]),
    ('t3-spam-en-dormant-account', '+44 20 7946 0977', [
        [
            "RE: DORMANT ACCOUNT FUNDS",
            "Dear Beneficiary,",
            "Our audit of dormant accounts has identified funds of GBP 2.3 million",
            "linked to your surname. As the closest match, you may claim them.",
            "Send a copy of your passport and bank details to our claims desk.",
            "Mr. James Fairweather, Claims Officer",
        ],
    ]),
    ('t3-spam-en-pest-control', '+61 8 5550 3341', [
        [
            "Summer pest season is here",
            "Commercial pest control for kitchens, hotels and warehouses.",
            "Food safety compliant. Monthly service plans available.",
            "Call 08 5550 3342.",
        ],
    ]),
    ('t3-spam-en-accountant-software', '+1 555 0181', [
        [
            "To the firm's managing partner:",
            "Last tax season, firms like yours saved 11 hours per week with",
            "our document portal. We would value 15 minutes of your time.",
            "Sincerely, Greg Mahler, Regional Director",
        ],
    ]),
    ('t3-spam-en-hotel-linen', '', [
        [
            "HOTEL LINEN & TOWELS - FACTORY DIRECT",
            "Percale sheets, duvets, bath towels, robes. Hotel quality.",
            "Minimum order one carton. Samples on request.",
            "Fax your hotel name and address to 1-555-0117 for a sample pack.",
        ],
    ]),
    ('t3-spam-en-cheap-flights-staff', '+1 555 0192', [
        [
            "EXCLUSIVE BUSINESS TRAVEL RATES",
            "Up to 65% off business class to Europe and Asia.",
            "Our agents find unpublished fares for corporate clients.",
            "Call 1-555-0192 and ask for the December specials.",
        ],
    ]),
    ('t3-spam-en-psychic', '+1 555 0266', [
        [
            "Is something holding your business back?",
            "Renowned spiritual advisor Madame Celeste can reveal your future.",
            "First reading free. Call 1-900-555-0121 ($3.99/min).",
        ],
    ]),
    ('t3-spam-en-school-photos', '+44 1632 960277', [
        [
            "Dear Head Teacher,",
            "Thank you for considering us for your school photographs.",
            "We would be delighted to visit and discuss packages for next term.",
            "With best wishes, Hannah, Little Stars Photography",
        ],
    ]),
    ('t3-spam-en-garage-parts', '+44 121 496 0655', [
        [
            "TRADE PARTS PRICE PROMISE",
            "Brake pads, discs, filters, batteries, wipers.",
            "We will match any trade price on the same part.",
            "Free delivery to your garage twice daily.",
            "New account? Ring 0121 496 0656.",
        ],
    ]),
    ('t3-spam-en-listing-confirm', '', [
        [
            "YOUR LISTING - PLEASE CONFIRM",
            "Dear business owner, we are updating your listing in the Trade &",
            "Services Yellow Register. Please correct any errors and sign below.",
            "Company: __________  Address: __________  Phone: __________",
            "Signature: __________",
            "Small print: the listing costs $79 per month, 24 months minimum.",
        ],
    ]),
    ('t3-spam-de-handelsregister', '+49 30 5550 1287', [
        [
            "Eintragungsofferte Gewerbe-Verzeichnis 2027",
            "Firma: laut Handelsregister   Registernummer: HRB 77102",
            "Bitte prüfen Sie Ihre Daten, ergänzen Sie fehlende Angaben und",
            "senden Sie dieses Formular unterschrieben per Fax zurück.",
            "Jahresgebühr für die Eintragung: 1.290,00 EUR zzgl. MwSt.",
            "Laufzeit 3 Jahre, Zahlung jährlich im Voraus.",
            "Unterschrift: ____________  Datum: ________",
        ],
    ]),
    ('t3-spam-de-rechnung-markenschutz', '+49 30 5550 8812', [
        [
            "RECHNUNG",
            "Rechnungsnr.: MR-2026-88412",
            "Betreff: Veröffentlichung Ihrer Marke im Zentralen Markenregister",
            "Marke: Sonnenhof   Anmeldenummer: 30 2026 014 552",
            "Betrag: 2.180,00 EUR",
            "Zahlbar innerhalb von 10 Tagen auf IBAN DE00 1111 2222 3333 4444 55",
            "Verwendungszweck: MR-2026-88412",
        ],
    ]),
    ('t3-spam-de-toner-nachfassen', '+49 89 5550 3321', [
        [
            "Sehr geehrte Damen und Herren,",
            "wie telefonisch besprochen senden wir Ihnen unser Angebot für",
            "Toner und Tintenpatronen. Gerne erstellen wir Ihnen ein",
            "individuelles Angebot für Ihre Geräte.",
            "Mit freundlichen Grüßen, Ihr Team von Büroprofi Direkt",
        ],
    ]),
    ('t3-spam-de-datenschutz-pflicht', '', [
        [
            "DATENSCHUTZAUSKUNFTS-ZENTRALE",
            "Erfassung Gewerbebetriebe - Frist: 14 Tage",
            "Nach der DSGVO sind Unternehmen verpflichtet, grundlegende",
            "Datenschutzmaßnahmen nachzuweisen. Bitte füllen Sie das Formular aus",
            "und senden Sie es per Fax zurück.",
            "Leistungspaket Datenschutz: jährlich 498,00 EUR netto,",
            "Mindestlaufzeit drei Jahre.",
        ],
    ]),
    ('t3-spam-de-kredit-sofort', '+49 40 5550 7711', [
        [
            "SOFORTKREDIT OHNE SCHUFA",
            "Bis 50.000 EUR - Auszahlung in 24 Stunden!",
            "Auch für Selbstständige und Freiberufler.",
            "Name: ______  Telefon: ______  Wunschbetrag: ______",
            "Einfach ausfüllen und zurückfaxen an 040 5550 7712.",
        ],
    ]),
    ('t3-spam-de-gewinn', '+49 69 5550 2214', [
        [
            "GEWINNBENACHRICHTIGUNG",
            "Herzlichen Glückwunsch! Ihre Faxnummer wurde bei unserer",
            "Jahresverlosung gezogen. Sie haben einen Mercedes-Benz gewonnen!",
            "Rufen Sie jetzt an: 0900 5550 123 (1,99 EUR/Min.)",
            "Gewinn-Code: MB-7716",
        ],
    ]),
    ('t3-spam-de-seminar-steuer', '+49 221 5550 404', [
        [
            "Seminareinladung: Jahreswechsel 2026/2027",
            "Alle steuerlichen Neuerungen für Kanzleien kompakt an einem Tag.",
            "Köln, Frankfurt, Stuttgart, München - jeweils im Januar.",
            "Frühbucherpreis bis 15.12.: 349 EUR zzgl. MwSt.",
            "Anmeldung per Fax auf Seite 2.",
        ],
        [
            "ANMELDUNG",
            "Teilnehmer: ____________  Kanzlei: ____________",
            "Ort/Termin: ____________",
            "Wenn Sie keine Faxe mehr wünschen, senden Sie diese Seite mit dem",
            "Vermerk 'Austragen' an 0221 5550 405.",
        ],
    ]),
    ('t3-spam-de-energie-wechsel', '+49 211 5550 220', [
        [
            "Ihr Stromvertrag",
            "Sehr geehrte Damen und Herren,",
            "Ihr aktueller Gewerbestromvertrag läuft möglicherweise bald aus.",
            "Wir vergleichen kostenlos alle Anbieter für Sie.",
            "Faxen Sie uns einfach Ihre letzte Jahresabrechnung zurück.",
        ],
    ]),
    ('t3-spam-de-bank-sicherheit', '', [
        [
            "Sicherheitsabteilung - Kontoüberprüfung",
            "Sehr geehrter Kunde, aufgrund neuer gesetzlicher Vorgaben müssen wir",
            "Ihre Zugangsdaten bestätigen. Andernfalls wird Ihr Onlinebanking",
            "gesperrt.",
            "Kontonummer/IBAN: ______________",
            "Anmeldename: ______________  PIN: ______",
            "TAN-Liste (erste 5 TANs): ______________",
            "Bitte innerhalb von 48 Stunden zurückfaxen.",
        ],
    ]),
    ('t3-spam-de-erbschaft', '+44 20 7946 0150', [
        [
            "VERTRAULICH",
            "Sehr geehrter Herr, sehr geehrte Frau,",
            "ich bin Rechtsanwalt eines verstorbenen Kunden, der Ihren Nachnamen",
            "trägt und ein Vermögen von 8,7 Mio. USD hinterlassen hat.",
            "Ich schlage vor, Sie als Erben einzusetzen. Wir teilen 50:50.",
            "Antworten Sie mit Ihren vollständigen Kontaktdaten.",
        ],
    ]),
    ('t3-spam-de-personal', '+43 1 5550 2290', [
        [
            "Pflegepersonal aus unserem Pool",
            "Sehr geehrte Heimleitung,",
            "wir vermitteln examinierte Pflegefachkräfte kurzfristig und",
            "zuverlässig. Gerne stellen wir uns persönlich vor.",
            "Wir freuen uns auf Ihren Anruf: 01 5550 2291",
        ],
    ]),
    ('t3-spam-de-webseite', '+43 1 5550 6630', [
        [
            "Ihre Webseite bei Google",
            "Hallo, Ihre Praxis erscheint bei lokalen Suchanfragen nicht auf",
            "der ersten Seite. Wir ändern das - garantiert.",
            "Kostenlose Analyse unter 0800 5550 770.",
        ],
    ]),
    ('t3-spam-de-domain-verlaengerung', '+49 69 5550 9081', [
        [
            "Verlängerung Ihrer Domain",
            "Domain: zahnarzt-beispielstadt.example",
            "Kundennummer: 55120",
            "Ihre Domain läuft demnächst aus. Um einen Verlust zu vermeiden,",
            "bestätigen Sie bitte die Verlängerung per Fax.",
            "Gebühr: 189,00 EUR pro Jahr",
            "Dies ist ein Angebot und keine Rechnung.",
        ],
    ]),
    ('t3-spam-de-reise', '+49 30 5550 6671', [
        [
            "Exklusive Firmenreise",
            "7 Tage Mallorca für Ihr Team ab 399 EUR pro Person inkl. Flug.",
            "Nur noch wenige Termine im Frühjahr frei!",
            "Rufen Sie uns an: 030 5550 6672",
        ],
    ]),
    ('t3-spam-de-aktie', '', [
        [
            "BÖRSENBRIEF - EILMELDUNG",
            "Kaufempfehlung: NORDWIND ENERGIE (WKN A1B2C3)",
            "Kursziel 4,80 EUR - aktuell nur 0,42 EUR!",
            "Großauftrag steht unmittelbar bevor. Jetzt handeln!",
        ],
    ]),
    ('t3-spam-de-leasing', '+49 711 5550 3390', [
        [
            "Leasing für Praxisgeräte",
            "Sehr geehrte Frau Doktor, sehr geehrter Herr Doktor,",
            "gerne würden wir Ihnen ein unverbindliches Angebot für die",
            "Finanzierung Ihrer nächsten Anschaffung unterbreiten.",
            "Ein kurzer Anruf genügt.",
            "Freundliche Grüße, MedLease Süd",
        ],
    ]),
    ('t3-spam-de-finanzamt-fake', '+49 40 5550 9920', [
        [
            "Bundeszentrale für Steuererstattung",
            "Steuerrückerstattung: 947,30 EUR",
            "Für die Auszahlung benötigen wir folgende Angaben:",
            "Steuer-ID: ______________  IBAN: ______________",
            "Kreditkartennummer zur Identifikation: ______________",
            "Faxen Sie das Formular an 0180 5550 111.",
        ],
    ]),
    ('t3-spam-de-werbeartikel', '+49 521 5550 448', [
        [
            "Werbeartikel zum Jahresende",
            "Kugelschreiber, Kalender, Tassen mit Ihrem Logo.",
            "Jetzt bestellen - Lieferung noch vor Weihnachten.",
            "Katalog anfordern: Name ____  Firma ____  Fax ____",
            "Abmeldung: Fax an 0521 5550 449 mit Vermerk STOPP.",
        ],
    ]),
    ('t3-spam-de-ihr-konto', '+49 351 5550 612', [
        [
            "Ihr Kundenkonto Nr. 40771",
            "Sehr geehrte Damen und Herren,",
            "zu Ihrem Kundenkonto liegt eine Bestellung für Kopierpapier vor,",
            "die noch nicht bestätigt wurde. Bitte bestätigen Sie per Fax.",
            "10 Kartons DIN A4, 80 g: 289,00 EUR",
            "Bestätigung: ____________",
        ],
    ]),
    ('t3-spam-de-spende', '', [
        [
            "Helfen Sie Kindern in Not",
            "Liebe Unternehmerin, lieber Unternehmer,",
            "mit Ihrer Spende zu Weihnachten schenken Sie Hoffnung.",
            "Spendenformular: Betrag ______ EUR  Firma ______",
        ],
    ]),
    ('t3-spam-de-versicherung', '+41 44 555 01 88', [
        [
            "Betriebshaftpflicht - jetzt prüfen",
            "Viele KMU in der Schweiz sind unterversichert.",
            "Unser Berater besucht Sie gerne unverbindlich.",
            "Terminwunsch: ______  Telefon: ______",
        ],
    ]),
    ('t3-spam-de-gastro', '+49 89 5550 1923', [
        [
            "Für Hotels und Gastronomie",
            "Reinigungsmittel, Servietten, Einweggeschirr zu Großhandelspreisen.",
            "Neukunden erhalten 15 Prozent Rabatt auf die erste Bestellung.",
            "Bestell-Hotline 089 5550 1924",
        ],
    ]),
    ('t3-spam-de-it-passwort', '+41 31 555 07 70', [
        [
            "IT-Abteilung - Umstellung E-Mail-System",
            "Alle Mitarbeiter werden gebeten, ihre Zugangsdaten zu bestätigen.",
            "Benutzername: ______  Passwort: ______",
            "Bitte bis Freitag an die interne Faxnummer 5550-900 senden.",
        ],
    ]),
    ('t3-spam-de-zwei-seiten', '+49 40 5550 3371', [
        [
            "Informationsdienst für Handwerksbetriebe",
            "Ausgabe Dezember",
            "Neue Regeln für die Aufbewahrung von Belegen ab 2027.",
            "Fortsetzung auf Seite 2.",
        ],
        [
            "Sparen Sie jetzt bei Arbeitskleidung: Sicherheitsschuhe ab 39 EUR,",
            "Warnwesten ab 4 EUR, Arbeitshosen ab 19 EUR.",
            "Bestellen Sie telefonisch unter 040 5550 3372.",
        ],
    ]),
    ('t3-spam-de-mitarbeiterbefragung', '+43 662 5550 880', [
        [
            "Kurze Bitte",
            "Wir würden uns sehr freuen, Ihnen unsere Lösung zur Zeiterfassung",
            "vorzustellen. Wann passt es Ihnen?",
            "Viele Grüße aus Salzburg, Julia Brandl",
        ],
    ]),
    ('t3-spam-fr-annuaire-renouvellement', '+33 1 55 50 12 90', [
        [
            "RENOUVELLEMENT DE VOTRE INSERTION",
            "Annuaire National des Professionnels 2027",
            "Référence client : ANP-44120",
            "Merci de vérifier les informations ci-dessous et de nous retourner",
            "ce document signé par fax.",
            "Insertion annuelle : 940,00 EUR HT, engagement de trois ans.",
            "Cachet et signature : ______________",
        ],
    ]),
    ('t3-spam-fr-facture-marque', '+33 1 55 50 71 10', [
        [
            "FACTURE",
            "Facture n° RM-2026-5512",
            "Objet : publication de votre marque au Registre International",
            "Marque : LES JARDINS DE LOUISE",
            "Montant : 1 870,00 EUR",
            "Paiement sous 8 jours par virement, IBAN FR00 0000 1111 2222 3333 44",
        ],
    ]),
    ('t3-spam-fr-suite-appel', '+33 4 55 50 33 10', [
        [
            "Madame, Monsieur,",
            "Suite à notre échange téléphonique, nous serions ravis de vous",
            "proposer un devis pour vos fournitures de bureau.",
            "N'hésitez pas à nous rappeler au 04 55 50 33 11.",
            "Bien cordialement, Sophie, service commercial",
        ],
    ]),
    ('t3-spam-fr-banque-verification', '', [
        [
            "SERVICE SÉCURITÉ CLIENTS",
            "Suite à une activité inhabituelle sur votre compte professionnel,",
            "nous devons vérifier votre identité.",
            "Identifiant : ______  Mot de passe : ______",
            "Numéro de carte : ______________  Cryptogramme : ___",
            "Merci de retourner ce formulaire par fax sous 24 heures.",
        ],
    ]),
    ('t3-spam-fr-impots-remboursement', '+33 4 55 50 82 20', [
        [
            "AVIS DE REMBOURSEMENT",
            "Après calcul de votre dernière déclaration, vous pouvez bénéficier",
            "d'un remboursement de 612,40 EUR.",
            "Complétez le formulaire : nom, numéro fiscal, RIB, numéro de carte.",
            "Renvoyez-le au 08 55 50 12 12.",
        ],
    ]),
    ('t3-spam-fr-credit-rapide', '+33 1 55 50 87 70', [
        [
            "PRÊT RAPIDE SANS JUSTIFICATIF",
            "Jusqu'à 30 000 EUR versés en 48 heures.",
            "Fichés Banque de France acceptés.",
            "Nom : ______  Téléphone : ______  Montant souhaité : ______",
        ],
    ]),
    ('t3-spam-fr-heritage', '', [
        [
            "TRÈS CONFIDENTIEL",
            "Cher ami,",
            "Je suis le notaire d'un homme d'affaires décédé sans héritier, qui",
            "porte le même nom que vous. Il a laissé 6,2 millions d'euros.",
            "Je vous propose de vous présenter comme héritier. Partage 60/40.",
            "Répondez par fax avec vos coordonnées complètes.",
        ],
    ]),
    ('t3-spam-fr-loterie', '+32 2 555 01 45', [
        [
            "NOTIFICATION DE GAIN",
            "Votre numéro de fax a été tiré au sort lors de notre grande loterie",
            "européenne. Vous avez gagné 250 000 EUR.",
            "Contactez notre agent avec la référence LOT-BE-7712.",
        ],
    ]),
    ('t3-spam-fr-croisiere', '+32 2 555 04 48', [
        [
            "Croisière en Méditerranée offerte",
            "Votre entreprise a été sélectionnée pour une croisière de 7 nuits",
            "pour deux personnes. Seules les taxes portuaires restent à régler.",
            "Appelez le 08 99 55 50 10 (2,99 EUR/min).",
        ],
    ]),
    ('t3-spam-fr-seminaire', '+33 1 55 50 44 20', [
        [
            "Formation : Loi de finances 2027",
            "Une journée pour tout savoir. Paris, Lyon, Bordeaux.",
            "Tarif : 390 EUR HT. Bulletin d'inscription en page 2.",
        ],
        [
            "BULLETIN D'INSCRIPTION",
            "Nom : ______  Cabinet : ______  Ville : ______",
            "Pour ne plus recevoir nos fax, appelez le 01 55 50 44 21.",
        ],
    ]),
    ('t3-spam-fr-energie', '+33 3 55 50 19 80', [
        [
            "Votre contrat d'électricité",
            "Madame, Monsieur,",
            "Votre contrat d'énergie arrive peut-être à échéance.",
            "Nous comparons gratuitement les offres du marché.",
            "Renvoyez-nous simplement votre dernière facture par fax.",
        ],
    ]),
    ('t3-spam-fr-site-web', '', [
        [
            "Votre visibilité sur internet",
            "Bonjour, votre cabinet n'apparaît pas en première page des",
            "recherches locales. Nous pouvons y remédier rapidement.",
            "Audit gratuit : 01 55 50 61 61",
        ],
    ]),
    ('t3-spam-fr-rgpd-mise-en-conformite', '+33 1 55 50 90 90', [
        [
            "MISE EN CONFORMITÉ RGPD - DERNIER RAPPEL",
            "Dossier n° RGPD-77104",
            "Votre entreprise n'a pas encore transmis son attestation de mise en",
            "conformité. Des sanctions sont possibles.",
            "Retournez le formulaire ci-joint avec votre règlement de 390 EUR HT.",
            "Organisme privé, sans lien avec la CNIL.",
        ],
    ]),
    ('t3-spam-fr-personnel', '+41 22 555 01 30', [
        [
            "Personnel soignant intérimaire",
            "Madame la Directrice, Monsieur le Directeur,",
            "Nous serions heureux de vous présenter nos infirmières et aides-",
            "soignantes disponibles à Genève et Lausanne.",
            "Au plaisir de vous rencontrer.",
        ],
    ]),
    ('t3-spam-fr-nom-domaine', '+33 5 55 50 93 30', [
        [
            "EXPIRATION DE VOTRE NOM DE DOMAINE",
            "Domaine : boulangerie-dupre.example",
            "Pour éviter la perte de votre domaine, renouvelez dès maintenant.",
            "[ ] 1 an 89 EUR   [ ] 3 ans 229 EUR",
            "Ceci n'est pas une facture.",
        ],
    ]),
    ('t3-spam-fr-cadeaux', '+33 5 55 50 72 72', [
        [
            "Cadeaux d'affaires pour les fêtes",
            "Coffrets gourmands, vins, chocolats personnalisés.",
            "Commandez avant le 15 décembre.",
            "Tél. 05 55 50 72 73",
        ],
    ]),
    ('t3-spam-fr-bourse', '', [
        [
            "ALERTE BOURSIÈRE",
            "Action à fort potentiel : MINERAUX DU NORD",
            "Cours actuel 0,31 EUR - objectif 2,50 EUR.",
            "Annonce imminente. Ne manquez pas cette opportunité !",
        ],
    ]),
    ('t3-spam-fr-votre-compte', '+33 2 55 50 28 41', [
        [
            "Votre compte client n° 88213",
            "Nous vous rappelons que votre commande trimestrielle de cartouches",
            "n'a pas encore été confirmée. Les tarifs augmentent au 1er janvier.",
            "Confirmez par retour de fax : OUI ____",
        ],
    ]),
    ('t3-spam-fr-assurance', '+1 514 555 0172', [
        [
            "Assurance collective pour PME",
            "Votre entreprise paie-t-elle trop cher son assurance collective?",
            "Soumission gratuite en 24 heures partout au Québec.",
            "Appelez le 514 555 0173.",
        ],
    ]),
    ('t3-spam-fr-douane-colis', '+1 418 555 0190', [
        [
            "COLIS EN ATTENTE",
            "Un colis à votre nom est bloqué en douane. Frais à régler : 2,99 EUR.",
            "Indiquez vos coordonnées bancaires ci-dessous et renvoyez par fax.",
            "Numéro de carte : ______  Date d'expiration : ______",
        ],
    ]),
    ('t3-spam-fr-materiel-medical', '+33 4 55 50 66 10', [
        [
            "Matériel médical - destockage",
            "Tables d'examen, tensiomètres, autoclaves à prix cassés.",
            "Livraison gratuite en France métropolitaine.",
            "Contactez-nous pour notre meilleur prix.",
        ],
    ]),
    ('t3-spam-fr-vacances', '', [
        [
            "Séjour offert",
            "Merci d'avoir participé à notre enquête !",
            "Votre séjour de 3 nuits à Marrakech vous attend.",
            "Appelez vite pour réserver vos dates.",
        ],
    ]),
    ('t3-spam-fr-leasing-copieur', '+32 4 555 02 21', [
        [
            "Concernant votre copieur",
            "Madame, Monsieur,",
            "Votre contrat de location de copieur arrive bientôt à terme.",
            "Nous pouvons reprendre votre contrat actuel et réduire vos loyers.",
            "Puis-je vous appeler cette semaine ?",
        ],
    ]),
    ('t3-spam-fr-dons', '+33 1 55 50 38 38', [
        [
            "Appel aux dons - Noël solidaire",
            "Votre entreprise peut offrir un repas chaud à une famille.",
            "Don déductible à 60 %. Montant : ______ EUR",
            "Désinscription en petits caractères : fax au 01 55 50 38 39.",
        ],
    ]),
    ('t3-spam-fr-tva-registre', '+33 3 55 50 15 15', [
        [
            "REGISTRE EUROPÉEN DES NUMÉROS DE TVA",
            "Veuillez vérifier et compléter vos données d'identification.",
            "N° TVA intracommunautaire : ______________",
            "En signant, vous commandez une inscription de 3 ans à 870 EUR/an.",
        ],
    ]),
    ('t3-spam-es-registro-empresas', '+34 91 555 0190', [
        [
            "GUÍA EMPRESARIAL - RENOVACIÓN 2027",
            "Referencia cliente: GE-55102",
            "Por favor revise sus datos, corrija si es necesario y devuelva este",
            "formulario firmado por fax.",
            "Cuota anual: 980 EUR + IVA. Duración mínima: tres años.",
            "Firma y sello: ______________",
        ],
    ]),
    ('t3-spam-es-factura-marca', '+34 91 555 0277', [
        [
            "FACTURA",
            "N.º de factura: PM-2026-7713",
            "Concepto: publicación de su marca en el Registro Mundial de Marcas",
            "Marca: PANADERÍA LA ESPIGA",
            "Importe: 1.650,00 EUR",
            "Pago en 10 días a la cuenta ES00 0000 1111 2222 3333 4444",
        ],
    ]),
    ('t3-spam-es-seguimiento', '+34 93 555 0133', [
        [
            "Estimados señores:",
            "Tal como hablamos por teléfono, nos encantaría enviarles un",
            "presupuesto para sus consumibles de oficina.",
            "Quedamos a su disposición.",
            "Un saludo, Marta, departamento comercial",
        ],
    ]),
    ('t3-spam-es-banco-verificacion', '', [
        [
            "DEPARTAMENTO DE SEGURIDAD",
            "Hemos detectado un acceso no autorizado a su banca en línea.",
            "Para evitar el bloqueo, complete y reenvíe este formulario:",
            "Usuario: ______  Clave: ______  Coordenadas de la tarjeta: ______",
            "Fax: 902 555 011",
        ],
    ]),
    ('t3-spam-es-hacienda-devolucion', '+52 55 5550 8890', [
        [
            "AVISO DE DEVOLUCIÓN",
            "Tiene pendiente una devolución de 743,20 EUR.",
            "Para recibirla indique su NIF, número de cuenta y tarjeta.",
            "Envíe el formulario por fax en un plazo de 5 días.",
        ],
    ]),
    ('t3-spam-es-prestamo', '+52 55 5550 1122', [
        [
            "PRÉSTAMOS INMEDIATOS",
            "Hasta 200.000 pesos sin aval y sin buró.",
            "Depósito en 24 horas. Llame al 55 5550 1123.",
        ],
    ]),
    ('t3-spam-es-herencia', '', [
        [
            "ASUNTO CONFIDENCIAL",
            "Estimado amigo:",
            "Soy abogado de un difunto cliente extranjero que dejó 9,4 millones",
            "de dólares sin herederos. Usted comparte su apellido.",
            "Le propongo presentarle como beneficiario. Responda con sus datos.",
        ],
    ]),
    ('t3-spam-es-loteria', '+34 91 555 0144', [
        [
            "LOTERÍA INTERNACIONAL - NOTIFICACIÓN OFICIAL",
            "Su número de fax ha resultado premiado con 500.000 EUR.",
            "Contacte con nuestro agente con el código LI-2026-48.",
            "Mantenga esta notificación en secreto hasta el cobro.",
        ],
    ]),
    ('t3-spam-es-crucero', '+34 93 555 0288', [
        [
            "¡ENHORABUENA!",
            "Su empresa ha ganado un crucero por el Caribe para dos personas.",
            "Solo debe abonar las tasas portuarias.",
            "Llame hoy al 905 555 012.",
        ],
    ]),
    ('t3-spam-es-seminario', '+34 96 555 0177', [
        [
            "JORNADA: CIERRE FISCAL 2026",
            "Todas las novedades para asesorías en una sola jornada.",
            "Valencia, Madrid, Sevilla. Precio: 290 EUR + IVA.",
            "Inscripción en la página 2.",
        ],
        [
            "BOLETÍN DE INSCRIPCIÓN",
            "Nombre: ______  Despacho: ______  Ciudad: ______",
            "Si no desea recibir más faxes, llame al 96 555 0178.",
        ],
    ]),
    ('t3-spam-es-energia', '+34 91 555 0166', [
        [
            "Su contrato de luz",
            "Estimado cliente:",
            "Su contrato de suministro eléctrico podría estar a punto de vencer.",
            "Envíenos su última factura y le llamaremos con su ahorro.",
        ],
    ]),
    ('t3-spam-es-posicionamiento', '', [
        [
            "Su web en Google",
            "Hola, hemos visto que su clínica no aparece en la primera página.",
            "Le ayudamos a conseguir más pacientes. Auditoría gratuita.",
        ],
    ]),
    ('t3-spam-es-proteccion-datos', '+34 93 555 0120', [
        [
            "ADECUACIÓN LOPD / RGPD - ÚLTIMO AVISO",
            "Expediente n.º PD-2026-4410",
            "Su empresa no ha acreditado la adecuación a la normativa de",
            "protección de datos. Las sanciones pueden superar los 40.000 EUR.",
            "Devuelva el formulario firmado. Cuota anual: 420 EUR + IVA.",
        ],
    ]),
    ('t3-spam-es-personal', '+54 11 5550 3340', [
        [
            "Personal de enfermería",
            "Estimada Dirección:",
            "Nos gustaría presentarles nuestro servicio de enfermeros y",
            "cuidadores a domicilio en Buenos Aires.",
            "Quedamos atentos a su llamada.",
        ],
    ]),
    ('t3-spam-es-dominio', '+54 11 5550 9012', [
        [
            "VENCIMIENTO DE SU DOMINIO",
            "Dominio: ferreteria-lopez.example",
            "Renueve ahora para no perder su web y su correo.",
            "[ ] 1 año 95 EUR   [ ] 3 años 249 EUR",
        ],
    ]),
    ('t3-spam-es-regalos', '+34 95 555 0145', [
        [
            "Cestas de Navidad para empresas",
            "Jamón, vino, turrones y aceite. Envío a toda España.",
            "Pida su catálogo al 95 555 0146.",
        ],
    ]),
    ('t3-spam-es-bolsa', '', [
        [
            "ALERTA BURSÁTIL",
            "MINERA ANDINA: de 0,25 a 3,00 USD en semanas.",
            "Anuncio inminente de un gran contrato. ¡Compre ya!",
        ],
    ]),
    ('t3-spam-es-su-cuenta', '+52 81 5550 2299', [
        [
            "Su cuenta de cliente n.º 4471",
            "Le recordamos que su pedido trimestral de tóner está pendiente de",
            "confirmación. Los precios suben el 1 de enero.",
            "Confirme por fax: SÍ ____",
        ],
    ]),
    ('t3-spam-es-seguro', '+34 91 555 0181', [
        [
            "Seguro de responsabilidad civil para comercios",
            "Desde 19 EUR al mes. Sin permanencia.",
            "Solicite su presupuesto sin compromiso.",
        ],
    ]),
    ('t3-spam-es-mensajeria', '+34 96 555 0299', [
        [
            "ENVÍO RETENIDO EN ADUANA",
            "Su paquete no puede ser entregado. Tasas pendientes: 3,50 EUR.",
            "Complete sus datos de tarjeta y reenvíe por fax.",
            "Número de tarjeta: ______  Caducidad: ______  CVV: ___",
        ],
    ]),
    ('t3-spam-es-equipamiento', '+34 94 555 0133', [
        [
            "Material hostelero - liquidación",
            "Hornos, freidoras, cámaras frigoríficas a precio de coste.",
            "Llámenos para nuestro mejor precio.",
        ],
    ]),
    ('t3-spam-es-viaje', '+52 33 5550 7788', [
        [
            "Gracias por su interés",
            "Sus 4 noches en Cancún están reservadas a falta de confirmación.",
            "Llame en 48 horas para activar su certificado.",
        ],
    ]),
    ('t3-spam-es-renting', '', [
        [
            "Renting de vehículos para empresas",
            "Estimados señores:",
            "Nos encantaría ofrecerles una propuesta a medida para su flota.",
            "¿Podríamos llamarles esta semana?",
        ],
    ]),
    ('t3-spam-es-donativo', '+34 91 555 0110', [
        [
            "Campaña de Navidad",
            "Con su donativo, una familia tendrá una Navidad digna.",
            "Importe: ______ EUR  Empresa: ______",
            "Para darse de baja envíe BAJA al fax 91 555 0111.",
        ],
    ]),
    ('t3-spam-es-iva-registro', '+56 2 2555 0133', [
        [
            "REGISTRO EUROPEO DE NÚMEROS DE IVA",
            "Compruebe y complete sus datos de identificación fiscal.",
            "NIF-IVA: ______________",
            "Al firmar contrata una inscripción de 3 años por 890 EUR anuales.",
        ],
    ]),
]

HAM = [
    ('t3-ham-en-gp-referral', '+44 20 7946 0512', [
        [
            "Riverside Medical Practice - Referral",
            "To: Dr A. Mensah, Cardiology Outpatients, St Bride's Hospital",
            "Patient: Mrs Joan Pritchard   DOB: 14/03/1948   NHS no.: 999 123 4567",
            "Reason: exertional chest tightness over 6 weeks, ECG attached.",
            "Current meds: amlodipine 5 mg od, atorvastatin 20 mg nocte.",
            "Allergies: penicillin (rash).",
            "Please see within 2 weeks. Many thanks, Dr R. Kaur",
        ],
    ]),
    ('t3-ham-en-supplier-invoice', '+44 113 496 0300', [
        [
            "INVOICE 20461",
            "Northgate Building Supplies Ltd",
            "To: Hartley Joinery, Unit 4, Mill Lane, Leeds",
            "Account: HART01   Your order ref: PO 3318",
            "Delivered 26/11/2026:",
            "40 x 47x100 C24 treated 4.8m ........ GBP 412.00",
            "12 x 18mm OSB3 sheets ............... GBP 226.80",
            "Subtotal GBP 638.80  VAT GBP 127.76  Total GBP 766.56",
            "Payment terms: 30 days from end of month as agreed.",
            "Christmas opening hours and our new trade counter deals on page 2.",
        ],
        [
            "Christmas hours: closed 25 Dec - 1 Jan. Open 2 Jan from 7am.",
            "Trade counter offer for account customers: 10% off fixings in January.",
            "Thank you for your custom this year.",
        ],
    ]),
    ('t3-ham-en-pharmacy-refill', '+1 555 0230', [
        [
            "REFILL AUTHORIZATION REQUEST",
            "From: Maple Street Pharmacy   To: Dr. Lisa Chen, Family Medicine",
            "Patient: Harold Biggs   DOB: 06/22/1951",
            "Medication: lisinopril 10 mg tab, 1 daily, #90",
            "Last filled: 09/02/2026   Refills remaining: 0",
            "[ ] Approved, refills: ___   [ ] Denied   [ ] Needs appointment",
            "Prescriber signature: ______________",
            "Please fax back to 555-0231. Thank you.",
        ],
    ]),
    ('t3-ham-en-prior-auth', '', [
        [
            "PRIOR AUTHORIZATION REQUEST - PHARMACY",
            "Plan: Lakeshore Health Plan   Member ID: LHP-77120-03",
            "Patient: Maria Delgado   DOB: 11/04/1979",
            "Drug: adalimumab 40 mg/0.4 mL pen, every 14 days",
            "Diagnosis: rheumatoid arthritis (M05.79)",
            "Prior therapies: methotrexate 20 mg weekly x 6 months, inadequate",
            "response. Prescriber: Dr. P. Novak, NPI on file.",
            "Please attach chart notes. Determination will be faxed within 72 hrs.",
        ],
    ]),
    ('t3-ham-en-lab-result', '+61 2 5550 8800', [
        [
            "PATHOLOGY REPORT",
            "Harbour Pathology, Level 2, 10 Quay Rd",
            "Doctor: Dr M. Fitzgerald   Patient: Thomas Reilly   DOB 02/08/1966",
            "Collected: 30/11/2026",
            "HbA1c 7.4% (H)   Fasting glucose 8.1 mmol/L (H)",
            "Creatinine 88 umol/L   eGFR >90",
            "LDL 2.9 mmol/L",
            "Comment: consistent with suboptimal glycaemic control.",
        ],
    ]),
    ('t3-ham-en-court-hearing', '+44 20 7946 0101', [
        [
            "COUNTY COURT AT BARCHESTER",
            "Claim no.: K00BR412",
            "Between: Ashdown Properties Ltd (Claimant) and Mr D. Hale (Defendant)",
            "NOTICE OF HEARING",
            "The hearing will take place on 19 January 2027 at 10:30 am,",
            "time estimate 1 hour, before District Judge Moore.",
            "Parties must file a bundle no later than 7 days before the hearing.",
        ],
    ]),
    ('t3-ham-en-solicitor-letter', '+44 1632 960700', [
        [
            "Bramwell & Cole Solicitors",
            "Our ref: JB/PT/4471   Your ref: CL/02",
            "Dear Ms Okafor,",
            "Re: Purchase of 12 Elm Close",
            "We have now received the signed contract from the seller's solicitors.",
            "Please send the deposit of GBP 28,500 by 10 December so that we can",
            "exchange. Our client account details were given to you in person;",
            "please call to confirm before sending any money.",
            "Yours sincerely, James Bramwell",
        ],
    ]),
    ('t3-ham-en-requested-quote', '+1 555 0240', [
        [
            "QUOTATION Q-2291",
            "Prepared for: Green Valley Dental, attn. Sarah   Date: 12/01/2026",
            "As requested on your call of Monday, quote for replacing the",
            "compressor and dryer in your plant room:",
            "Oil-free dental compressor, 2 chair ...... $4,850.00",
            "Desiccant dryer ........................... $1,120.00",
            "Installation and old unit removal ......... $650.00",
            "Total $6,620.00 plus tax. Valid 30 days.",
            "Call me to schedule. Ben Ortiz, Ortiz Dental Equipment",
        ],
    ]),
    ('t3-ham-en-order-confirm', '+44 161 496 0220', [
        [
            "ORDER CONFIRMATION",
            "Order no.: 884120   Customer: Pennine Vets, account PV-009",
            "Thank you for your order placed 02/12/2026.",
            "3 x Surgical drape pack (50) ....... GBP 96.00",
            "10 x Vet wrap 7.5cm (box 12) ....... GBP 148.00",
            "Expected delivery: Friday 04/12 on our usual Friday van.",
            "Questions? Call your account manager Tess on 0161 496 0221.",
        ],
    ]),
    ('t3-ham-en-price-change', '+44 1632 960330', [
        [
            "Price change notice to account holders",
            "Dear Customer,",
            "Due to increases in raw material and transport costs, our list",
            "prices for catering disposables will rise by an average of 4.5%",
            "from 1 February 2027. Your contract discount stays unchanged.",
            "Updated price list for your account attached (3 pages).",
            "Thank you for your continued business. Catering Direct Ltd",
        ],
    ]),
    ('t3-ham-en-statement', '+1 555 0250', [
        [
            "STATEMENT OF ACCOUNT - NOVEMBER 2026",
            "Lakeview Plumbing Supply   Customer: Kowalski & Sons Plumbing",
            "Account no. 3021",
            "Opening balance ............ $2,410.55",
            "Invoices (6) ............... $3,887.10",
            "Payments received .......... -$2,410.55",
            "Balance due ................ $3,887.10  (due 12/31/2026)",
            "Thank you for your business!",
        ],
    ]),
    ('t3-ham-en-association-circular', '+44 20 7946 0600', [
        [
            "Independent Pharmacies Association - Member Circular 47/26",
            "To all member pharmacies",
            "1. Winter flu service: claim deadline for November is 10 December.",
            "2. Controlled drugs: updated register guidance now on the members' area.",
            "3. AGM: 14 March 2027, Birmingham. Motions by 31 January.",
            "",
            "You receive this circular as a member. To change how you receive",
            "circulars, or to unsubscribe from fax delivery, contact the office.",
        ],
    ]),
    ('t3-ham-en-printed-webpage', '', [
        [
            "Home | About | Services | Contact | Sign in",
            "Hillcrest Care Home - Visiting arrangements over Christmas",
            "Visiting is open 10am-7pm daily including Christmas Day.",
            "Please book Christmas lunch for relatives by 15 December.",
            "Subscribe to our newsletter | Unsubscribe | Privacy | Cookies",
            "We use cookies to improve your experience. Accept / Settings",
            "Printed 01/12/2026 - page 1 of 1",
        ],
    ]),
    ('t3-ham-en-sds', '+44 121 496 0888', [
        [
            "SAFETY DATA SHEET",
            "Product: FloorSafe Neutral Cleaner 5L   Version 3.1",
            "Section 1: Supplier: Midland Hygiene Ltd, tel 0121 496 0888",
            "Section 2: Hazards: causes serious eye irritation (H319).",
            "Section 4: First aid: rinse eyes with water for several minutes.",
            "Section 7: Store in a cool place. Keep container closed.",
            "Sent at the request of your site manager for your COSHH file.",
        ],
    ]),
    ('t3-ham-en-recall', '+1 555 0260', [
        [
            "URGENT: MEDICAL DEVICE RECALL",
            "To: Materials Manager, Mercy Regional Hospital (customer 11870)",
            "Product: SureFlow IV extension set, lot 26K114 and 26K115",
            "Issue: possible leak at the luer connector.",
            "Action: quarantine affected lots, complete the response form and",
            "fax to 555-0261. Credit will be issued for returned units.",
            "Our records show 40 cases shipped to you in October.",
        ],
    ]),
    ('t3-ham-en-bank-letter', '+44 20 7946 0700', [
        [
            "Westbury Bank plc - Business Banking",
            "Hartley Joinery Ltd, Unit 4 Mill Lane, Leeds",
            "Account ending 4471",
            "Dear Mr Hartley,",
            "Further to your meeting with your relationship manager Anne Firth,",
            "we confirm the overdraft limit of GBP 15,000 is renewed to",
            "30 November 2027 on the same terms. No action is needed.",
            "We will never ask for your PIN or passwords by fax or phone.",
        ],
    ]),
    ('t3-ham-en-tax-office', '', [
        [
            "Inland Revenue - Compliance Section",
            "Taxpayer: Doyle Plastering Ltd   Reference: 4417 2290 KD",
            "Dear Mr Doyle,",
            "Thank you for the documents sent by your accountant, Byrne & Co.,",
            "regarding the VAT return for the period ending 30/06/2026.",
            "The query is now closed and no further action is required.",
            "Officer: P. Lynch, telephone 01 555 0420, quoting your reference.",
        ],
    ]),
    ('t3-ham-en-cover-sheet-one-line', '+1 555 0270', [
        [
            "FAX",
            "To: Karen (billing)   From: Mike, Ridgeway Ortho   Pages: 1",
            "Karen - sorry, wrong date of service on the last one. Should be 11/18.",
        ],
    ]),
    ('t3-ham-en-delivery-note', '+44 1632 960820', [
        [
            "DELIVERY NOTE DN-55211",
            "From: Fenland Feeds   To: Holt Farm, Long Sutton",
            "Delivered: 02/12/2026, driver R. Barker",
            "18 t dairy nut 18% protein, bulk",
            "2 pallets mineral buckets",
            "Received in good condition: __________ (sign and fax back please)",
        ],
    ]),
    ('t3-ham-en-customs', '+61 3 5550 4400', [
        [
            "CUSTOMS ENTRY ADVICE",
            "Broker: Southern Cross Customs Brokers   Client: Koala Wholesale Pty",
            "Entry no.: AEW4418820   Vessel: MSC Delia V.214",
            "Goods: ceramic tiles, 2 x 20ft containers",
            "Duty AUD 1,942.00   GST AUD 6,118.40",
            "Please arrange payment today so we can release the containers.",
            "Our invoice for brokerage follows separately.",
        ],
    ]),
    ('t3-ham-en-hotel-booking', '+353 1 555 0350', [
        [
            "Booking confirmation",
            "The Strand Hotel, Galway",
            "Guest: Mr and Mrs P. Walsh   Arrival 18/12/2026, 2 nights",
            "Double room, bed and breakfast, EUR 148 per night",
            "Booked by: Kelly & Walsh Accountants (company account)",
            "Cancellation free until 48 hours before arrival.",
            "We look forward to welcoming you. Reception",
        ],
    ]),
    ('t3-ham-en-roster', '', [
        [
            "Night roster - Ward 6 - week commencing 07/12",
            "Mon: S. Ahmed (RN), J. Cole (HCA)",
            "Tue: S. Ahmed (RN), P. Mwale (HCA)",
            "Wed: L. Brooks (RN), P. Mwale (HCA)",
            "Thu: L. Brooks (RN), J. Cole (HCA)",
            "Fri-Sun: agency RN requested, HCA T. Nash",
            "Swaps to Sister Gray by Friday please.",
        ],
    ]),
    ('t3-ham-en-minutes', '+44 1632 960910', [
        [
            "St Mary's Parish Council - Minutes of meeting 24 November 2026",
            "Present: Cllrs Webb (chair), Ford, Hussain, Long. Clerk: M. Dale.",
            "1. Apologies: Cllr Price.",
            "2. Playground: quote from Greenplay accepted (GBP 8,400).",
            "3. Christmas lights: switch-on 5 December, 5pm.",
            "4. Next meeting 26 January 2027.",
        ],
    ]),
    ('t3-ham-en-vet-referral', '+61 8 5550 1900', [
        [
            "Referral - Perth Animal Specialists",
            "Patient: 'Bella', 7y F/S Labrador   Owner: Mrs K. O'Neill",
            "Referring vet: Dr T. Lam, Swan Valley Vet Clinic",
            "Presenting: left hind lameness, suspect CCL rupture.",
            "Radiographs sent by e-mail to referrals@pas.example",
            "Owner aware of estimate range. Please call owner to book.",
        ],
    ]),
    ('t3-ham-en-dentist-lab', '+1 555 0280', [
        [
            "LAB PRESCRIPTION",
            "Dr. Helen Park, Park Family Dentistry, to Crestline Dental Lab",
            "Patient: R. Anders   Case #: 7721",
            "Tooth 30: full contour zirconia crown, shade A2",
            "Due back: 12/14 - patient seated 12/16",
            "Impressions going out with your driver today.",
        ],
    ]),
    ('t3-ham-en-insurer-claim', '+44 20 7946 0444', [
        [
            "Claim acknowledgement",
            "Policyholder: The Old Forge Garage Ltd   Policy: CMP/441120",
            "Claim no.: CL-26-99104   Date of loss: 21/11/2026",
            "Dear Mr Evans,",
            "We acknowledge your claim for storm damage to the workshop roof.",
            "Our loss adjuster, Mrs Grant, will call you within 2 working days.",
            "Please keep damaged materials and take photographs.",
        ],
    ]),
    ('t3-ham-en-accountant-reminder', '+1 555 0290', [
        [
            "Hi Tom,",
            "Reminder: we still need your November bank statements and the",
            "mileage log to finish the quarterly. Fax or drop them in by the 10th.",
            "Thanks, Linda - Fairfield Tax & Bookkeeping",
        ],
    ]),
    ('t3-ham-en-school-circular', '', [
        [
            "Oakfield Primary School",
            "Dear Parents and Carers,",
            "The Christmas concert is on Thursday 17 December at 2pm.",
            "School closes at 1:30pm on Friday 18 December.",
            "Spring term starts Tuesday 5 January.",
            "Mrs J. Atkins, Headteacher",
        ],
    ]),
    ('t3-ham-en-funeral-arrangements', '+44 1632 960150', [
        [
            "Harrow & Sons Funeral Directors",
            "To: Revd. Clare Hughes, St Peter's Church",
            "Re: funeral of the late Mr Walter Dunn",
            "Confirming service at St Peter's on Wednesday 9 December at 11am,",
            "followed by burial at Kingsway Cemetery. Family request hymns",
            "'Abide with Me' and 'The Lord's my Shepherd'.",
            "Kind regards, Richard Harrow",
        ],
    ]),
    ('t3-ham-en-property-manager', '+1 555 0300', [
        [
            "NOTICE TO TENANTS - 440 Birch Avenue",
            "Water will be shut off Tuesday Dec 8 from 9am to 1pm for",
            "boiler room repairs. We apologize for the inconvenience.",
            "Questions: Crestview Property Management, 555-0300.",
        ],
    ]),
    ('t3-ham-en-garage-quote', '+44 121 496 0700', [
        [
            "Estimate - as requested",
            "To: Lisa, Brook Care Home (minibus, reg FD19 XKL)",
            "Front brake discs and pads ........ GBP 285.00",
            "MOT .............................. GBP 54.85",
            "Tail lift service ................ GBP 120.00",
            "Total inc. VAT GBP 459.85. Can do Tuesday if that suits.",
            "Dave, Kingsway Motors",
        ],
    ]),
    ('t3-ham-en-supplier-footer', '+1 555 0310', [
        [
            "PACKING LIST / INVOICE 77812",
            "Ship to: Rivera Auto Repair, 18 Main St",
            "2 x Brake fluid DOT4 12pk ....... $84.00",
            "6 x Oil filter PH8A ............. $32.40",
            "Total $116.40 charged to account RIV-22.",
            "",
            "Ask your driver about our winter special: 15% off wiper blades",
            "through December for all account customers.",
        ],
    ]),
    ('t3-ham-en-notary-appointment', '+1 555 0320', [
        [
            "Hi Mrs. Jensen,",
            "Confirming your appointment to sign the power of attorney on",
            "Wednesday at 3:00 pm at our office. Please bring photo ID for you",
            "and your son. Fee is $25 per notarized signature.",
            "Thank you, Dana Price, Notary Public - Price Title & Escrow",
        ],
    ]),
    ('t3-ham-en-municipal-permit', '', [
        [
            "CITY OF MAPLEWOOD - BUILDING DIVISION",
            "Permit no.: B26-1147   Applicant: Stone Ridge Builders",
            "Site: 88 Larch Court",
            "Your framing inspection is scheduled for 12/07/2026, AM window.",
            "Ensure approved plans are on site. Reschedule: 555-0330.",
        ],
    ]),
    ('t3-ham-en-discharge-summary', '+61 3 5550 9010', [
        [
            "DISCHARGE SUMMARY",
            "Northern Hospital - General Medicine",
            "Patient: Ellen Scott   UR: 0448812   GP: Dr J. Wallace",
            "Admitted 24/11 with community-acquired pneumonia.",
            "Treated with IV ceftriaxone then oral amoxicillin, 3 more days.",
            "Follow-up: chest X-ray in 6 weeks, GP review in 1 week.",
            "Discharged 29/11 to home with daughter.",
        ],
    ]),
    ('t3-ham-en-care-home-gp-request', '+44 1632 960620', [
        [
            "Request for GP visit",
            "From: Hillcrest Care Home   To: Riverside Medical Practice",
            "Resident: Mr George Lane, room 12, DOB 03/05/1936",
            "Reason: increased confusion since yesterday, low-grade temp 37.8,",
            "urine dipstick positive for nitrites.",
            "Please could the duty doctor call us on 01632 960621.",
        ],
    ]),
    ('t3-ham-en-manual-excerpt', '', [
        [
            "Section 5 - Routine maintenance (from the operator's manual)",
            "5.1 Clean the chamber gasket daily with a damp cloth.",
            "5.2 Replace the water filter every 3 months (part no. AF-220).",
            "5.3 Run a Bowie-Dick test at the start of each day.",
            "Warning: do not open the door while the cycle is running.",
            "Sent as requested - Ian, service dept.",
        ],
    ]),
    ('t3-ham-en-wholesaler-credit-note', '+44 113 496 0777', [
        [
            "CREDIT NOTE CN-3310",
            "To: Parkside Pharmacy, account PKS14",
            "Against invoice 55102: 2 x damaged in transit",
            "Credit amount GBP 38.40 + VAT. Will show on your next statement.",
        ],
    ]),
    ('t3-ham-en-logistics-booking', '+44 1632 960440', [
        [
            "Collection booking confirmed",
            "Job no.: 998120   Customer: Brightwell Engineering",
            "Collect: 03/12 from 08:00, 4 pallets, 1.2 t, tail lift required",
            "Deliver: Rotterdam Europoort, 07/12",
            "Please have the commercial invoice and packing list ready for",
            "the driver. Thanks, Ops desk",
        ],
    ]),
    ('t3-ham-en-church-rota', '+61 2 5550 3310', [
        [
            "St Andrew's Uniting Church - Christmas roster",
            "Readers: 20 Dec - M. Ho; 24 Dec - P. Grant; 25 Dec - L. Jones",
            "Morning tea: 20 Dec - Wilsons; 27 Dec - Nguyens",
            "Please ring the office if you cannot make your date.",
        ],
    ]),
    ('t3-ham-en-prescription', '+1 555 0340', [
        [
            "PRESCRIPTION",
            "Dr. Aaron Blake, MD - Westside Pediatrics",
            "Patient: Lily Moore   DOB: 03/14/2019   Wt 21 kg",
            "Amoxicillin 400 mg/5 mL suspension",
            "Sig: 5 mL by mouth twice daily x 10 days. Disp: 100 mL. Refills: 0",
            "Signature on file. To: CareFirst Pharmacy, fax 555-0341",
        ],
    ]),
    ('t3-ham-en-insurance-renewal-real', '+44 20 7946 0880', [
        [
            "Renewal invitation",
            "Broker: Hale Insurance Brokers   Client: Kingsway Motors Ltd",
            "Policy: motor trade combined, renewal date 01/01/2027",
            "Dear Dave,",
            "Attached are the renewal terms from your current insurer.",
            "Premium GBP 6,210 (last year GBP 5,940). Cover unchanged.",
            "Please check the declared turnover and sign the statement of fact.",
            "Any questions, ring me. Best, Sue Hale",
        ],
    ]),
    ('t3-ham-en-vet-lab-result', '', [
        [
            "VetPath Laboratories - Result",
            "Clinic: Swan Valley Vet Clinic   Vet: Dr T. Lam",
            "Animal: 'Milo', feline, 12 y   Owner: Dunne",
            "T4 68 nmol/L (ref 10-55) - HIGH",
            "Urea and creatinine within range.",
            "Interpretation: consistent with hyperthyroidism.",
        ],
    ]),
    ('t3-ham-en-school-trip-consent', '+44 1632 960230', [
        [
            "Year 6 trip - coach booking",
            "To: Headteacher, Oakfield Primary",
            "Confirming 1 x 53-seat coach for Thursday 21 January,",
            "pick-up 08:45 at school, return 15:30 from the Science Museum.",
            "Price as quoted GBP 495 inc. VAT. Invoice after the trip.",
            "Regards, Dales Coaches",
        ],
    ]),
    ('t3-ham-en-hotel-group-quote', '+1 555 0350', [
        [
            "Group rate proposal",
            "For: Mid-State Builders Association, attn. Carol",
            "As requested for your annual meeting, March 18-19:",
            "25 rooms at $129/night, meeting room included with 20+ rooms.",
            "Lunch buffet $24 per person. Hold until December 15.",
            "Thanks, Events Office, Riverbend Inn",
        ],
    ]),
    ('t3-ham-en-lab-courier-schedule', '+44 161 496 0990', [
        [
            "Specimen collection - Christmas schedule",
            "To all GP surgeries in the north sector",
            "24 Dec: single collection at 12:00",
            "25-26 Dec: no collections",
            "28-31 Dec: normal collections",
            "Pathology Department, Northern General",
        ],
    ]),
    ('t3-ham-en-unsubscribe-confirm', '', [
        [
            "Fax preferences updated",
            "Dear Sunnyside Dental,",
            "As you asked, we have removed your fax number from our supplier",
            "newsletter. You will still receive invoices and statements for",
            "account SD-118.",
            "Dental Supplies Co. customer service",
        ],
    ]),
    ('t3-ham-en-court-order', '+1 555 0360', [
        [
            "SUPERIOR COURT - ORDER",
            "Case No. 26-CV-1184   Harmon v. Westfield Logistics LLC",
            "The motion to extend the time to respond is GRANTED.",
            "Defendant shall file its answer on or before January 8, 2027.",
            "IT IS SO ORDERED. Judge R. Alvarez",
        ],
    ]),
    ('t3-ham-en-tax-adviser-engagement', '+353 1 555 0440', [
        [
            "Engagement letter - tax year 2026",
            "Byrne & Co. Chartered Tax Advisers",
            "To: Doyle Plastering Ltd",
            "Thank you for asking us to act again. Our fee for the corporation",
            "tax return and directors' returns will be EUR 2,400 plus VAT,",
            "as in our quote of 12 November. Please sign and return a copy.",
        ],
    ]),
    ('t3-ham-en-manufacturer-po', '+1 555 0370', [
        [
            "PURCHASE ORDER 4510-2281",
            "Buyer: Allen Precision Castings   Vendor: Ohio Pattern Works",
            "Item: aluminum match plate pattern, drawing AP-771 rev C",
            "Qty 1   Unit price $3,400.00   Delivery: week 3 2027",
            "Please acknowledge by return fax.",
        ],
    ]),
    ('t3-ham-en-farm-vet-visit', '+44 1632 960555', [
        [
            "Holt Farm - herd test",
            "Confirming TB test: injections Mon 7 Dec, read Thu 10 Dec, 9am.",
            "Please have cattle gathered and the crush ready.",
            "Dale Vets, farm team",
        ],
    ]),
    ('t3-ham-en-web-order-printout', '', [
        [
            "My Account | Orders | Sign out",
            "Order #100482 - Thank you for your order!",
            "2 x Epson T02W cyan ........ $31.98",
            "1 x Copy paper case ........ $44.99",
            "Ship to: Fairfield Tax & Bookkeeping",
            "Sign up for deals | Unsubscribe | Terms | Privacy",
            "Printed for expense file - L.",
        ],
    ]),
    ('t3-ham-en-dental-referral', '+61 7 5550 6200', [
        [
            "Referral to oral surgeon",
            "Dr S. Patel, Coastal Oral Surgery",
            "Patient: Jack Turner, 19   Phone 0400 555 018",
            "Impacted 38 and 48, recurrent pericoronitis. OPG attached.",
            "Medically fit, no allergies. Thank you, Dr R. Lee, Bay Dental",
        ],
    ]),
    ('t3-ham-en-insurer-eob', '+1 555 0380', [
        [
            "EXPLANATION OF BENEFITS - PROVIDER COPY",
            "Provider: Ridgeway Orthopedics   Claim: 26-4471820",
            "Patient: Nathan Ford   DOS: 11/18/2026",
            "Billed $410.00   Allowed $286.50   Paid $229.20",
            "Patient responsibility (coinsurance): $57.30",
        ],
    ]),
    ('t3-ham-en-builder-variation', '+44 1632 960777', [
        [
            "Variation no. 6",
            "Project: extension, 12 Elm Close   Client: Ms Okafor",
            "Additional steel beam required following engineer's revised calc.",
            "Cost GBP 1,150 + VAT, programme +2 days.",
            "Please sign to approve so we can order: ____________",
            "Stone Ridge Builders (UK)",
        ],
    ]),
    ('t3-ham-en-electrician-invoice', '+61 2 5550 2211', [
        [
            "TAX INVOICE 1182",
            "Sparkwise Electrical   ABN on file",
            "To: St Andrew's Uniting Church",
            "Replace hall emergency lights (6) and test, 27/11/2026",
            "Labour AUD 380.00  Materials AUD 522.00  GST AUD 90.20",
            "Total AUD 992.20. Thanks again - Josh",
        ],
    ]),
    ('t3-ham-en-pharmacy-clarification', '', [
        [
            "Clarification needed",
            "Dr. Chen - for patient Ruth Adams, the Rx for metoprolol did not",
            "specify tartrate or succinate. Please indicate: ____",
            "Thanks, Maple Street Pharmacy (555-0230)",
        ],
    ]),
    ('t3-ham-en-council-tax-letter', '+44 1632 960100', [
        [
            "Barchester District Council - Business Rates",
            "Account ref: 60044812   Property: Unit 4, Mill Lane",
            "Dear Hartley Joinery Ltd,",
            "Your small business rate relief application has been approved",
            "from 1 April 2026. A revised bill will follow in the post.",
            "Revenues Team",
        ],
    ]),
    ('t3-ham-en-association-training', '+1 555 0390', [
        [
            "State Funeral Directors Association",
            "Member notice: continuing education, January 12, Springfield",
            "Topics: cremation authorizations, OSHA update.",
            "Members $60, register with the office by Jan 5.",
            "This notice goes to all members. Reply REMOVE to stop fax notices.",
        ],
    ]),
    ('t3-ham-en-vaccination-record', '+44 1632 960660', [
        [
            "Request from Oakfield Primary School nurse",
            "Please confirm MMR status for pupil Amira Khan, DOB 09/09/2019,",
            "with parental consent attached. Thank you.",
        ],
    ]),
    ('t3-ham-en-wholesale-stock-alert', '+44 113 496 0800', [
        [
            "Stock update for our pharmacy customers",
            "Amoxicillin 250mg/5ml susp.: back in stock from 3 Dec.",
            "Phenoxymethylpenicillin tabs: supply limited, max 5 packs/order.",
            "Please contact your account desk for allocations.",
        ],
    ]),
    ('t3-ham-en-property-lease-renewal', '+1 555 0400', [
        [
            "Lease renewal - Suite 210",
            "Dear Dr. Park,",
            "Your office lease expires March 31, 2027. Per section 14 you have",
            "an option to renew for 3 years at the stated escalation (3%).",
            "Please let us know by January 31 whether you will exercise it.",
            "Crestview Property Management",
        ],
    ]),
    ('t3-ham-en-mri-report', '', [
        [
            "MRI LUMBAR SPINE",
            "Patient: Nathan Ford   Ref: Ridgeway Orthopedics",
            "L4-5 broad-based disc protrusion with mild left foraminal narrowing.",
            "No cord or cauda equina compression.",
            "Radiologist: Dr. K. Iyer",
        ],
    ]),
    ('t3-ham-en-hotel-invoice', '+44 20 7946 0990', [
        [
            "INVOICE - The Kensington Court Hotel",
            "Company: Bramwell & Cole Solicitors (account BC-07)",
            "Guest: Mr J. Bramwell, 24-25 Nov, 1 night B&B ...... GBP 189.00",
            "Dinner ..................................... GBP 42.50",
            "Total GBP 231.50 charged to account. Thank you for staying.",
            "Join our rewards club at kch.example (members save 10%).",
        ],
    ]),
    ('t3-ham-en-locksmith-note', '+1 555 0410', [
        [
            "Bob -",
            "Keys for the new rear door at the clinic are ready, 6 copies.",
            "Pick up any time, already on your account. - Ray's Lock & Key",
        ],
    ]),
    ('t3-ham-en-energy-supplier-real', '+44 1632 960990', [
        [
            "Your contract renewal - account 8812-3304",
            "Dear Mr Webb (Clerk, St Mary's Parish Council),",
            "Your current electricity contract for the village hall ends 31/01.",
            "Your renewal unit rate will be 24.1p/kWh, standing charge 52p/day.",
            "If you are happy, no action is needed. Ring us to discuss options.",
            "Customer Services, Shire Energy",
        ],
    ]),
    ('t3-ham-en-solicitor-court-bundle', '+44 20 7946 0108', [
        [
            "Lewis Marsh LLP",
            "To: Bramwell & Cole - FAO J. Bramwell",
            "Re: Ashdown Properties v Hale, K00BR412",
            "We enclose our index to the hearing bundle for agreement.",
            "Please confirm by 4pm Friday; we will then lodge with the court.",
            "Pages: 3 including this sheet",
        ],
        [
            "INDEX",
            "Tab 1 Claim form and particulars ......... 1-12",
            "Tab 2 Defence ............................ 13-19",
            "Tab 3 Witness statements ................. 20-58",
            "Tab 4 Correspondence ..................... 59-104",
        ],
    ]),
    ('t3-ham-en-physio-report', '+61 8 5550 4321', [
        [
            "Physiotherapy progress report",
            "To: Dr M. Fitzgerald   Re: Thomas Reilly",
            "6 sessions for right shoulder impingement. ROM improved,",
            "pain 3/10 from 7/10. Continuing home program. Review in 4 weeks.",
            "Kind regards, Emma Dwyer, Physiotherapist",
        ],
    ]),
    ('t3-ham-en-customs-query', '', [
        [
            "Query from customs broker",
            "Hi Marco, for entry AEW4418820 customs need the certificate of",
            "origin. Can you fax it over this morning? Thanks - Priya",
        ],
    ]),
    ('t3-ham-en-care-home-meds-chart', '+44 1632 960624', [
        [
            "MAR chart update request",
            "To: Parkside Pharmacy   From: Hillcrest Care Home",
            "Resident Mr G. Lane started on nitrofurantoin 50 mg qds x 3 days",
            "by Dr Kaur today. Please add to his MAR and deliver this afternoon.",
        ],
    ]),
    ('t3-ham-en-payroll-notice', '+1 555 0420', [
        [
            "Payroll calendar reminder",
            "To: Kowalski & Sons Plumbing",
            "Because of the holiday, please submit hours by Dec 22 noon for",
            "the Dec 24 pay date. Year-end W-2 review form attached.",
            "ProPay Services, your payroll team",
        ],
    ]),
    ('t3-ham-en-trade-show-exhibitor', '+1 555 0430', [
        [
            "Exhibitor confirmation",
            "Company: Allen Precision Castings   Booth 1142",
            "Thank you for your booth payment of $2,900. Move-in Feb 9, 8am.",
            "Exhibitor manual and badge form attached.",
            "Show Management, Midwest Foundry Expo",
        ],
    ]),
    ('t3-ham-en-bank-direct-debit', '+44 20 7946 0711', [
        [
            "Westbury Bank plc",
            "Re: Account ending 4471 - returned payment",
            "Dear Mr Hartley,",
            "A direct debit to Shire Leasing for GBP 340.00 on 01/12 was returned",
            "unpaid. A fee of GBP 8.00 has been applied as per our tariff.",
            "Please call your relationship manager if you have any questions.",
        ],
    ]),
    ('t3-ham-en-canada-pharmacy-transfer', '+1 555 0440', [
        [
            "PRESCRIPTION TRANSFER REQUEST",
            "From: Lakeside Pharmacy, Kingston ON   To: Harbour Drug Mart",
            "Patient: Claire Tremblay   DOB 1984-07-02",
            "Please transfer Rx for levothyroxine 100 mcg, remaining refills.",
            "Pharmacist: J. Singh   Direct line 555-0441",
        ],
    ]),
    ('t3-ham-en-scaffold-handover', '', [
        [
            "Scaffold handover certificate",
            "Site: 12 Elm Close   Contractor: Stone Ridge Builders",
            "Independent tied scaffold, rear elevation, 2 lifts, loading bay.",
            "Inspected and handed over 02/12/2026, next inspection 09/12.",
            "Signed: K. Morris, Apex Scaffolding (CISRS card on file)",
        ],
    ]),
    ('t3-ham-de-ueberweisung', '+49 30 5550 2200', [
        [
            "Überweisung an Facharzt",
            "Praxis Dr. med. Katrin Weber, Allgemeinmedizin, Berlin-Pankow",
            "An: Dr. med. Jonas Albrecht, Orthopädie",
            "Patient: Herr Uwe Schreiber, geb. 12.04.1959",
            "Diagnose: Gonarthrose rechts, Belastungsschmerz seit 3 Monaten.",
            "Röntgenbefund liegt bei. Bitte um Mitbeurteilung und Therapie.",
            "Mit kollegialen Grüßen, K. Weber",
        ],
    ]),
    ('t3-ham-de-rechnung-lieferant', '+49 89 5550 4100', [
        [
            "RECHNUNG Nr. 2026-11873",
            "Bäckereibedarf Huber GmbH, Rosenheimer Str. 12, München",
            "Kunde: Bäckerei Lindner, Kunden-Nr. 10442",
            "Lieferung vom 30.11.2026 laut Lieferschein 55810",
            "20 Sack Weizenmehl Type 550 à 25 kg ........ 412,00 EUR",
            "5 kg Hefe ..................................... 18,50 EUR",
            "Summe netto 430,50 EUR, MwSt 7 % 30,14 EUR, gesamt 460,64 EUR",
            "Zahlbar wie vereinbart innerhalb 14 Tagen ohne Abzug.",
            "Unser Tipp für Stammkunden: Christstollen-Gewürz jetzt 10 % günstiger.",
        ],
    ]),
    ('t3-ham-de-angebot-angefordert', '+49 711 5550 2800', [
        [
            "Angebot Nr. A-2026-412",
            "Sanitär Maier GmbH, Stuttgart",
            "An: Hausverwaltung Keller, z. Hd. Frau Roth",
            "Wie bei der Besichtigung am 27.11. besprochen, bieten wir an:",
            "Austausch Warmwasserspeicher 300 l, Heizungsraum Haus B",
            "Material 2.340,00 EUR, Montage 680,00 EUR, zzgl. MwSt.",
            "Ausführung in KW 2 möglich. Bindefrist 4 Wochen.",
            "Mit freundlichen Grüßen, Stefan Maier",
        ],
    ]),
    ('t3-ham-de-auftragsbestaetigung', '+43 1 5550 7000', [
        [
            "Auftragsbestätigung 77120",
            "Kunde: Apotheke zum Hirschen, Wien",
            "Vielen Dank für Ihre Bestellung vom 01.12.2026.",
            "12 Pkg. Verbandmull 10 cm, 4 Pkg. Fixierpflaster",
            "Lieferung mit der Morgentour am 03.12.",
            "Pharmagroßhandel Donau GmbH",
        ],
    ]),
    ('t3-ham-de-preisaenderung', '+49 521 5550 300', [
        [
            "Preisänderung zum 01.01.2027",
            "Sehr geehrte Kundin, sehr geehrter Kunde,",
            "aufgrund gestiegener Energie- und Transportkosten passen wir",
            "unsere Listenpreise für Futtermittel um durchschnittlich 3 % an.",
            "Ihre vereinbarten Rabatte bleiben bestehen.",
            "Die neue Preisliste für Ihr Kundenkonto 2231 liegt bei.",
            "Raiffeisen Landhandel Ostwestfalen",
        ],
    ]),
    ('t3-ham-de-gericht-ladung', '+49 221 5550 900', [
        [
            "Amtsgericht Köln - Ladung",
            "Aktenzeichen: 112 C 447/26",
            "In dem Rechtsstreit Schulz ./. Wohnbau Rhein GmbH",
            "wird Termin zur mündlichen Verhandlung bestimmt auf",
            "Mittwoch, 20.01.2027, 09:30 Uhr, Saal 214.",
            "Das persönliche Erscheinen der Parteien wird angeordnet.",
        ],
    ]),
    ('t3-ham-de-anwalt-schreiben', '', [
        [
            "Kanzlei Brandt & Partner Rechtsanwälte",
            "Unser Zeichen: 2026/0412 Br",
            "Sehr geehrte Frau Kollegin Vogt,",
            "in obiger Sache übersende ich die Stellungnahme meiner Mandantin",
            "vorab per Fax. Das Original folgt per Post.",
            "Einer Fristverlängerung um zwei Wochen stimme ich zu.",
            "Mit freundlichen kollegialen Grüßen, Dr. Brandt",
        ],
    ]),
    ('t3-ham-de-finanzamt', '+49 40 5550 6000', [
        [
            "Finanzamt Hamburg-Nord",
            "Steuernummer: 43/771/01225   Tischlerei Möller",
            "Sehr geehrter Herr Möller,",
            "zu Ihrer Umsatzsteuer-Voranmeldung Oktober 2026 bitten wir um",
            "Vorlage der Eingangsrechnung Nr. 881 der Firma Holz Nord GmbH.",
            "Bitte reichen Sie diese bis zum 18.12.2026 ein.",
            "Im Auftrag, Petersen, Durchwahl -6012",
        ],
    ]),
    ('t3-ham-de-bank-kreditlinie', '+49 89 5550 5000', [
        [
            "Stadtsparkasse - Firmenkunden",
            "Bäckerei Lindner, Konto endend auf 7720",
            "Sehr geehrter Herr Lindner,",
            "wie mit Ihrem Berater Herrn Gruber besprochen, bestätigen wir die",
            "Verlängerung Ihres Kontokorrentkredits über 20.000 EUR bis 30.11.2027.",
            "Wir fragen niemals PIN oder TAN per Fax oder Telefon ab.",
        ],
    ]),
    ('t3-ham-de-lieferschein', '+49 351 5550 800', [
        [
            "Lieferschein 55201",
            "Baustoffe Elbtal GmbH an Bauunternehmen Richter, Baustelle Pirna",
            "8 Pal. Kalksandstein KS 24, 2 t Mauermörtel",
            "Anlieferung 03.12., 7:00 Uhr, Kranentladung.",
            "Empfang bestätigt: ____________",
        ],
    ]),
    ('t3-ham-de-verbandsrundschreiben', '+49 30 5550 4400', [
        [
            "Landesverband der Pflegeeinrichtungen - Rundschreiben 38/2026",
            "An alle Mitgliedseinrichtungen",
            "1. Neue Pflegesätze ab 01.01.2027: Verhandlungsstand anbei.",
            "2. Fortbildung Hygiene am 14.01. in Potsdam, Anmeldung bis 20.12.",
            "3. Die Geschäftsstelle ist vom 24.12. bis 01.01. geschlossen.",
            "Abmeldung vom Fax-Versand: kurze Nachricht an die Geschäftsstelle.",
        ],
    ]),
    ('t3-ham-de-rezept-anfrage', '', [
        [
            "Anfrage Folgerezept",
            "Von: Apotheke am Markt   An: Praxis Dr. Weber",
            "Patientin: Frau Ingrid Lehmann, geb. 03.02.1942",
            "Ramipril 5 mg N3 und Metformin 1000 mg N3 - Vorrat reicht bis Freitag.",
            "Bitte Rezept in die Apotheke schicken. Danke!",
        ],
    ]),
    ('t3-ham-de-laborbefund', '+41 44 555 02 00', [
        [
            "Laborbefund - Labor Zürich-Nord AG",
            "Einsender: Dr. med. P. Keller   Patient: Bruno Frei, 1955",
            "Kreatinin 132 umol/l (H), eGFR 48",
            "Kalium 5,3 mmol/l (grenzwertig)",
            "TSH 2,1 mU/l",
            "Befund vidiert: Dr. S. Hofer",
        ],
    ]),
    ('t3-ham-de-tierarzt', '+43 662 5550 300', [
        [
            "Tierklinik Salzburg - Bericht an Haustierarzt",
            "Patient: 'Rex', Schäfer, m, 9 J.   Besitzer: Familie Huber",
            "Diagnose: Magendrehung, Operation am 28.11. komplikationslos.",
            "Entlassung heute, Kontrolle bei Ihnen in 10 Tagen.",
            "Kollegiale Grüße, Dr. A. Wimmer",
        ],
    ]),
    ('t3-ham-de-pflegeheim-arzt', '+49 761 5550 200', [
        [
            "Seniorenresidenz Schauinsland",
            "An Praxis Dr. Keller - Bitte um Hausbesuch",
            "Bewohnerin Frau Elfriede Kaiser, Zi. 104",
            "Seit heute Nacht Fieber 38,6, Husten, SpO2 92 %.",
            "Rückruf bitte an Wohnbereich 1, Tel. 0761 5550 201.",
        ],
    ]),
    ('t3-ham-de-notar-termin', '+49 69 5550 7700', [
        [
            "Notariat Dr. Hoffmann",
            "Beurkundungstermin: Kaufvertrag ETW Gartenstraße 8",
            "Donnerstag, 17.12.2026, 14:00 Uhr",
            "Bitte Personalausweise mitbringen. Entwurf wurde vorab versandt.",
        ],
    ]),
    ('t3-ham-de-zoll', '', [
        [
            "Zollanmeldung - Mitteilung Spedition",
            "Kunde: Maschinenbau Krüger KG   MRN: 26DE5550001234567",
            "Ware: Ersatzteile für CNC-Fräse, Ursprung Schweiz",
            "Die Sendung ist verzollt und wird morgen zugestellt.",
            "Spedition Nordlicht, Abt. Zoll",
        ],
    ]),
    ('t3-ham-es-portada-fax', '+34 91 555 0230', [
        [
            "FAX - Clínica Veterinaria Retiro",
            "Para: Laboratorio VetAnálisis   Páginas: 2",
            "Adjuntamos solicitud de bioquímica para 'Luna' (canina, 11 años).",
            "Por favor, envíen el resultado a este mismo número. Gracias.",
        ],
        [
            "SOLICITUD DE ANÁLISIS",
            "Paciente: Luna   Propietaria: Sra. Beatriz Campos",
            "Perfil renal y hepático, T4 total. Muestra: suero, 2 ml.",
            "Veterinario: Dr. Iván Lozano, n.º colegiado 4412",
        ],
    ]),
    ('t3-ham-de-webseite-druck', '', [
        [
            "Startseite | Über uns | Kontakt | Anmelden",
            "Gemeinde Obertal - Müllabfuhrkalender 2027",
            "Restmüll: jeden zweiten Dienstag, Biotonne: jeden Freitag",
            "Newsletter abonnieren | Abmelden | Impressum | Datenschutz",
            "Diese Seite verwendet Cookies. Akzeptieren",
        ],
    ]),
    ('t3-ham-de-rueckruf', '+49 89 5550 9900', [
        [
            "DRINGEND: Produktrückruf",
            "An: Apotheken, Kundennummer laut Lieferung",
            "Betroffen: Nasenspray XY 10 ml, Ch.-B. 26A114",
            "Grund: mögliche Verunreinigung der Pumpe.",
            "Bitte Bestände sperren und das Rückmeldeformular zurückfaxen.",
            "Laut unseren Unterlagen wurden Ihnen 24 Packungen geliefert.",
        ],
    ]),
    ('t3-ham-de-kanzlei-steuer', '+43 1 5550 8800', [
        [
            "Steuerberatung Leitner & Partner",
            "Sehr geehrte Frau Gruber,",
            "für den Jahresabschluss benötigen wir noch die Inventurliste",
            "zum 31.12. sowie die Bankauszüge Dezember.",
            "Unser Honorar bleibt wie im Vorjahr vereinbart.",
        ],
    ]),
    ('t3-ham-de-hotel-reservierung', '+41 81 555 03 00', [
        [
            "Reservierungsbestätigung - Hotel Alpenblick, Davos",
            "Gast: Herr Dr. Markus Frei, 27.-30.12.2026",
            "Doppelzimmer Südseite mit Halbpension, CHF 310 pro Nacht",
            "Buchung über Ihr Sekretariat, Frau Zahner.",
            "Wir freuen uns auf Ihren Besuch.",
        ],
    ]),
    ('t3-ham-de-schule', '+49 761 5550 400', [
        [
            "Grundschule am Park - Elternbrief",
            "Liebe Eltern,",
            "am Freitag, 18.12., endet der Unterricht um 11:30 Uhr.",
            "Die Weihnachtsferien dauern bis einschließlich 06.01.",
            "Mit herzlichen Grüßen, die Schulleitung",
        ],
    ]),
    ('t3-ham-de-kirchengemeinde', '', [
        [
            "Ev. Kirchengemeinde St. Johannis",
            "Gottesdienstplan Weihnachten",
            "24.12. 15:00 Krippenspiel, 17:00 Christvesper, 23:00 Christmette",
            "25.12. 10:00 Festgottesdienst mit Abendmahl",
            "Bitte an Küster und Organistin weitergeben.",
        ],
    ]),
    ('t3-ham-de-kontoauszug-lieferant', '+49 521 5550 310', [
        [
            "Kontoauszug Kundenkonto 2231 - Stand 30.11.2026",
            "Hof Brinkmann, Verl",
            "Offene Posten: RE 8812 vom 05.11. 1.240,00 EUR",
            "             RE 8901 vom 19.11.   860,50 EUR",
            "Summe 2.100,50 EUR. Bitte um Ausgleich bis 15.12.",
            "Raiffeisen Landhandel Ostwestfalen",
        ],
    ]),
    ('t3-ham-de-bestellung-fax', '+49 40 5550 6100', [
        [
            "Bestellung",
            "Tischlerei Möller an Holz Nord GmbH, Kd.-Nr. 5512",
            "10 Platten Multiplex Birke 18 mm, 2500x1250",
            "Lieferung bitte bis Mittwoch. Danke, J. Möller",
        ],
    ]),
    ('t3-ham-fr-courrier-medecin', '+33 1 55 50 20 20', [
        [
            "Cabinet du Dr Claire Morel, médecin généraliste, Paris 11e",
            "À l'attention du Dr Lefèvre, service de dermatologie",
            "Cher confrère,",
            "Je vous adresse Mme Anne Girard, 54 ans, pour une lésion pigmentée",
            "du dos évolutive depuis 3 mois. Merci de votre avis.",
            "Bien confraternellement, Dr C. Morel",
        ],
    ]),
    ('t3-ham-fr-facture-fournisseur', '+33 4 55 50 40 40', [
        [
            "FACTURE N° F26-1187",
            "Matériaux Rhône-Alpes SARL",
            "Client : Entreprise Bonnet Maçonnerie, compte 4412",
            "Livraison du 30/11/2026, bon n° 7720",
            "15 sacs ciment CEM II 35 kg ......... 142,50 EUR HT",
            "2 palettes parpaings 20 ............. 396,00 EUR HT",
            "Total TTC 646,20 EUR. Règlement à 30 jours fin de mois.",
            "Nouveau : notre dépôt ouvre le samedi matin à partir de janvier.",
        ],
    ]),
    ('t3-ham-fr-devis-demande', '+32 2 555 03 30', [
        [
            "DEVIS n° 2026-318",
            "Suite à votre demande du 25 novembre, voici notre proposition",
            "pour l'entretien des chaudières de la résidence Les Tilleuls :",
            "Contrat annuel, 24 logements : 2 880,00 EUR HTVA",
            "Intervention sous 24 h en cas de panne.",
            "Chauffage Dubois SPRL, Bruxelles",
        ],
    ]),
    ('t3-ham-fr-confirmation-commande', '+33 5 55 50 60 60', [
        [
            "CONFIRMATION DE COMMANDE",
            "Pharmacie du Centre, Bordeaux - compte 10077",
            "Commande du 01/12/2026 : 3 cartons compresses stériles,",
            "2 cartons gants nitrile M. Livraison jeudi matin.",
            "Répartiteur Sud-Ouest, service clients",
        ],
    ]),
    ('t3-ham-fr-tribunal', '+33 1 55 50 70 70', [
        [
            "TRIBUNAL JUDICIAIRE DE LYON - Greffe",
            "RG n° 26/04417   Affaire : SCI Les Pins c/ M. Garnier",
            "Avis de fixation : l'affaire est renvoyée à l'audience du",
            "12 janvier 2027 à 14 h, salle 3.",
            "Le greffier",
        ],
    ]),
    ('t3-ham-fr-avocat', '', [
        [
            "Maître Hélène Rousseau, avocate au barreau de Nantes",
            "Réf. : HR/2026/118",
            "Chère consoeur,",
            "Je vous prie de trouver ci-joint mes conclusions récapitulatives",
            "notifiées ce jour par RPVA. Copie adressée par fax pour commodité.",
            "Bien confraternellement.",
        ],
    ]),
    ('t3-ham-fr-notaire', '+33 3 55 50 80 80', [
        [
            "Office notarial Maître Petit",
            "Dossier : Succession Martin",
            "Madame,",
            "Nous vous confirmons le rendez-vous de signature de l'acte de",
            "notoriété le mardi 15 décembre à 10 h en notre étude.",
            "Merci de vous munir de votre pièce d'identité et du livret de famille.",
        ],
    ]),
    ('t3-ham-fr-impots-vrai', '+33 1 55 50 90 10', [
        [
            "SERVICE DES IMPÔTS DES ENTREPRISES DE CAEN",
            "Dossier : SARL Boulangerie Dupré   SIREN 000 000 118",
            "Madame, Monsieur,",
            "Suite à l'échange avec votre expert-comptable, Cabinet Lemoine,",
            "nous vous confirmons l'octroi d'un délai de paiement pour la CFE",
            "2026 en trois mensualités. Aucune autre démarche n'est nécessaire.",
        ],
    ]),
    ('t3-ham-fr-banque-courrier', '+33 2 55 50 10 10', [
        [
            "Crédit Régional - Agence de Rennes",
            "Garage Le Goff, compte se terminant par 5512",
            "Monsieur Le Goff,",
            "Comme convenu avec votre conseillère, Mme Riou, nous vous",
            "confirmons le déblocage du prêt équipement de 35 000 EUR le 10/12.",
            "Nous ne vous demanderons jamais vos codes par fax ou téléphone.",
        ],
    ]),
    ('t3-ham-fr-bon-livraison', '', [
        [
            "BON DE LIVRAISON N° 88120",
            "Client : EHPAD Les Glycines",
            "Livraison 02/12 : 40 kg linge plat propre, 12 tenues soignants",
            "Reçu par : ______________",
            "Blanchisserie de l'Ouest",
        ],
    ]),
    ('t3-ham-fr-circulaire-ordre', '+33 1 55 50 11 22', [
        [
            "Syndicat des pharmaciens - Lettre aux adhérents n° 44",
            "Campagne de vaccination : prolongée jusqu'au 28 février.",
            "Gardes de Noël : planning départemental joint.",
            "Assemblée générale le 21 mars à Lyon.",
            "Vous recevez ce message en tant qu'adhérent. Pour vous",
            "désinscrire de l'envoi par fax, contactez le secrétariat.",
        ],
    ]),
    ('t3-ham-fr-ordonnance', '+1 514 555 0260', [
        [
            "ORDONNANCE",
            "Dr Marc Gagnon, Clinique familiale du Plateau, Montréal",
            "Patient : Julie Côté, née le 1990-05-12",
            "Amoxicilline 500 mg, 1 capsule 3 fois par jour x 7 jours",
            "À : Pharmacie Saint-Denis, télécopieur 514 555 0261",
        ],
    ]),
    ('t3-ham-fr-laboratoire', '+33 4 55 50 21 21', [
        [
            "Laboratoire de biologie médicale Provence Bio",
            "Prescripteur : Dr Morel   Patient : M. Louis Fabre, 1949",
            "INR : 3,8 (cible 2-3)",
            "Résultat transmis par fax en raison de sa valeur critique.",
            "Biologiste : Dr N. Roux",
        ],
    ]),
    ('t3-ham-fr-veterinaire', '', [
        [
            "Clinique vétérinaire des Vosges",
            "Compte rendu pour le Dr Mathieu, vétérinaire traitant",
            "Animal : 'Caramel', chat européen, 6 ans",
            "Échographie : calculs vésicaux. Cystotomie prévue le 8 décembre.",
            "Cordialement, Dr S. Klein",
        ],
    ]),
    ('t3-ham-fr-mairie', '+33 2 55 50 33 44', [
        [
            "Mairie de Saint-Aubin - Service urbanisme",
            "Dossier PC 035 250 26 00017   Demandeur : M. et Mme Hervé",
            "Votre dossier est complet. Le délai d'instruction est de 2 mois",
            "à compter du 27 novembre 2026.",
            "Le service urbanisme",
        ],
    ]),
    ('t3-ham-fr-assurance-sinistre', '+41 21 555 04 40', [
        [
            "Déclaration de sinistre - accusé de réception",
            "Assuré : Hôtel du Lac SA   Police n° 77-441201",
            "Sinistre n° 26-8812 du 22/11/2026 : dégât des eaux, 2e étage",
            "Notre expert, M. Favre, vous contactera cette semaine.",
        ],
    ]),
    ('t3-ham-fr-note-breve', '+33 3 55 50 44 55', [
        [
            "Jean-Luc,",
            "La livraison de fioul pour la ferme est décalée à lundi.",
            "Amicalement, Coopérative agricole du Jura",
        ],
    ]),
    ('t3-ham-fr-changement-tarif', '+33 4 55 50 50 60', [
        [
            "Information tarifaire",
            "Madame, Monsieur, cher client,",
            "À compter du 1er janvier 2027, nos tarifs de transport frigorifique",
            "augmenteront de 2,8 % en raison de la hausse du gazole.",
            "Vos conditions particulières restent inchangées.",
            "Transports Frigorifiques Alpins",
        ],
    ]),
    ('t3-ham-fr-page-web', '', [
        [
            "Accueil | Actualités | Contact | Se connecter",
            "École Jules Ferry - Menu de la cantine, semaine du 7 décembre",
            "Lundi : carottes râpées, poulet, riz   Mardi : soupe, lasagnes",
            "S'abonner à la lettre d'information | Se désabonner",
            "Ce site utilise des cookies. Accepter / Refuser",
        ],
    ]),
    ('t3-ham-fr-fiche-securite', '+32 4 555 05 50', [
        [
            "FICHE DE DONNÉES DE SÉCURITÉ",
            "Produit : Dégraissant Industriel DX-40   Version 2.0",
            "Rubrique 2 : Provoque de graves lésions des yeux (H318).",
            "Rubrique 8 : Porter des lunettes et des gants.",
            "Envoyée à la demande de votre responsable sécurité.",
        ],
    ]),
    ('t3-ham-fr-rappel-produit', '+33 1 55 50 66 77', [
        [
            "RAPPEL DE LOT",
            "Destinataires : clients pharmacie ayant reçu le lot 26B223",
            "Produit : Sérum physiologique unidoses 5 ml",
            "Merci de retirer le lot de la vente et de nous retourner le",
            "bordereau. Vos quantités reçues : 30 boîtes.",
        ],
    ]),
    ('t3-ham-fr-releve-compte', '', [
        [
            "RELEVÉ DE COMPTE CLIENT au 30/11/2026",
            "Client : Garage Le Goff - compte 2291",
            "Factures non réglées : F8812 (412,00 EUR), F8930 (218,40 EUR)",
            "Solde dû : 630,40 EUR",
            "Pièces Auto Bretagne",
        ],
    ]),
    ('t3-ham-fr-maison-retraite', '+33 5 55 50 77 88', [
        [
            "EHPAD Les Glycines - demande de renouvellement",
            "Au Dr Vidal - Résident : M. André Blanc, chambre 21",
            "Merci de renouveler son traitement (ordonnance jointe) avant le 10/12.",
            "L'infirmière coordinatrice, Mme Perrin",
        ],
    ]),
    ('t3-ham-fr-pompes-funebres', '+33 3 55 50 88 99', [
        [
            "Pompes funèbres Marchand",
            "À l'attention de la paroisse Saint-Martin",
            "Obsèques de Mme Yvette Roux : confirmation de la cérémonie",
            "le vendredi 11 décembre à 14 h 30, inhumation au cimetière communal.",
        ],
    ]),
    ('t3-ham-fr-reservation-hotel', '+33 4 55 50 99 00', [
        [
            "Confirmation de réservation",
            "Hôtel Les Remparts, Avignon",
            "Au nom de : Cabinet Lemoine Expertise (M. Lemoine)",
            "Arrivée 14/01/2027, 2 nuits, chambre double, 125 EUR la nuit",
            "Annulation gratuite jusqu'à la veille 18 h.",
        ],
    ]),
    ('t3-ham-es-derivacion', '+34 91 555 0200', [
        [
            "Centro de Salud Las Acacias - Hoja de derivación",
            "A: Servicio de Neurología, Hospital Universitario del Norte",
            "Paciente: D. Antonio Ruiz Gómez, 67 años",
            "Motivo: temblor de reposo en mano derecha de 4 meses de evolución.",
            "Tratamiento actual: enalapril 10 mg.",
            "Un saludo, Dra. Carmen Ortega",
        ],
    ]),
    ('t3-ham-es-factura-proveedor', '+34 93 555 0400', [
        [
            "FACTURA N.º 2026/1184",
            "Suministros Hosteleros Garraf, S.L.",
            "Cliente: Restaurante El Faro, cuenta 0331",
            "Entrega 30/11/2026, albarán 7712",
            "10 cajas servilletas 40x40 .............. 85,00 EUR",
            "6 garrafas aceite de oliva 5 l .......... 162,00 EUR",
            "Total con IVA 298,87 EUR. Pago a 30 días, como de costumbre.",
            "Recuerde: en enero, 5 % de descuento en menaje para clientes.",
        ],
    ]),
    ('t3-ham-es-presupuesto-solicitado', '+52 55 5550 4400', [
        [
            "COTIZACIÓN 1187",
            "Para: Clínica Dental Sonrisa, atención Dra. Paredes",
            "Según lo solicitado, sillón dental completo modelo D-200:",
            "Precio: 148.000 MXN más IVA, instalación incluida.",
            "Entrega en 3 semanas. Vigencia 30 días.",
            "Atentamente, Equipos Dentales del Centro",
        ],
    ]),
    ('t3-ham-es-confirmacion-pedido', '+34 96 555 0500', [
        [
            "CONFIRMACIÓN DE PEDIDO",
            "Farmacia Soler, cliente 10221",
            "Pedido del 01/12: 4 cajas jeringas 5 ml, 2 cajas gasas estériles.",
            "Entrega mañana en el reparto de la mañana.",
            "Cooperativa Farmacéutica de Levante",
        ],
    ]),
    ('t3-ham-es-juzgado', '+34 91 555 0600', [
        [
            "JUZGADO DE PRIMERA INSTANCIA N.º 7 DE MADRID",
            "Procedimiento ordinario 441/2026",
            "Se cita a las partes a la audiencia previa el día 18 de enero de",
            "2027 a las 10:00 horas, sala 3.",
            "La Letrada de la Administración de Justicia",
        ],
    ]),
    ('t3-ham-es-abogado', '', [
        [
            "Despacho Martín & Vidal Abogados",
            "Ref.: MV-2026-0412",
            "Estimado compañero:",
            "Adjunto le remito el escrito de contestación presentado hoy.",
            "Quedo a su disposición para valorar un acuerdo.",
            "Un cordial saludo, Luis Martín",
        ],
    ]),
    ('t3-ham-es-notaria', '+34 95 555 0700', [
        [
            "Notaría de D. Fernando Aguilar, Sevilla",
            "Le confirmamos la firma de la escritura de compraventa el",
            "miércoles 16 de diciembre a las 12:00.",
            "Traigan DNI y el cheque bancario indicado en el borrador.",
        ],
    ]),
    ('t3-ham-es-hacienda-real', '+34 91 555 0800', [
        [
            "Agencia Tributaria - Administración de Getafe",
            "Contribuyente: Talleres Navarro, S.L.   Ref. expediente 2026GRC4412",
            "En relación con el requerimiento de IVA del tercer trimestre,",
            "se ha recibido la documentación aportada por su asesoría.",
            "El expediente queda archivado sin regularización.",
        ],
    ]),
    ('t3-ham-es-banco-carta', '+54 11 5550 6600', [
        [
            "Banco del Plata - Banca Empresas",
            "Estancia La Esperanza S.A., cuenta terminada en 3302",
            "Estimado Sr. Ibarra:",
            "Tal como acordó con su oficial de cuenta, Sra. Molina, le",
            "confirmamos la renovación del descubierto hasta diciembre de 2027.",
            "Nunca le pediremos claves ni códigos por fax o teléfono.",
        ],
    ]),
    ('t3-ham-es-albaran', '', [
        [
            "ALBARÁN N.º 5521",
            "Cliente: Construcciones Hermanos Prieto, obra calle Mayor 14",
            "30 sacos cemento, 2 palés ladrillo perforado, 1 m3 arena",
            "Recibí: ______________",
        ],
    ]),
    ('t3-ham-es-circular-colegio', '+34 93 555 0900', [
        [
            "Colegio de Veterinarios - Circular 31/2026",
            "A todos los colegiados:",
            "Recordamos que la cuota del primer semestre se cargará el 5 de enero.",
            "Curso de actualización en anestesia: 23 de enero, plazas limitadas.",
            "Si no desea recibir circulares por fax, comuníquelo a secretaría.",
        ],
    ]),
    ('t3-ham-es-receta', '+52 33 5550 1200', [
        [
            "RECETA MÉDICA",
            "Dr. Jorge Salinas, Medicina Interna, Guadalajara",
            "Paciente: Rosa Hernández, 58 años",
            "Metformina 850 mg, 1 tableta cada 12 horas, 90 días.",
            "Para: Farmacia San Miguel",
        ],
    ]),
    ('t3-ham-es-laboratorio', '+34 91 555 0210', [
        [
            "Laboratorio Clínico Central - Informe",
            "Médico: Dra. Ortega   Paciente: Antonio Ruiz Gómez",
            "Hemoglobina 10,2 g/dl (baja), ferritina 8 ng/ml (baja).",
            "Resto del hemograma sin alteraciones.",
        ],
    ]),
    ('t3-ham-es-residencia', '', [
        [
            "Residencia de mayores San José",
            "Al Centro de Salud Las Acacias - Solicitud de visita",
            "Residente: Dña. Pilar Gómez, habitación 8.",
            "Caída esta mañana, dolor en cadera izquierda, no puede apoyar.",
            "Rogamos valoración urgente.",
        ],
    ]),
    ('t3-ham-es-ayuntamiento', '+34 98 555 0300', [
        [
            "Ayuntamiento de Villanueva - Urbanismo",
            "Expediente de licencia de obra 2026/118",
            "Solicitante: Construcciones Hermanos Prieto",
            "Se concede la licencia. Puede recoger la resolución en el registro.",
        ],
    ]),
    ('t3-ham-es-nota-breve', '+34 96 555 0510', [
        [
            "Pepe:",
            "Mañana no hay reparto de pienso, pasa el jueves. Saludos,",
            "Cooperativa del Campo",
        ],
    ]),
    ('t3-ham-es-cambio-precio', '+34 94 555 0600', [
        [
            "Aviso a clientes: actualización de tarifas",
            "Estimado cliente:",
            "A partir del 1 de enero de 2027 nuestras tarifas de transporte se",
            "incrementarán un 3,1 %. Sus condiciones pactadas se mantienen.",
            "Transportes Cantábrico, S.A.",
        ],
    ]),
    ('t3-ham-es-pagina-web', '', [
        [
            "Inicio | Servicios | Contacto | Iniciar sesión",
            "Parroquia de Santa María - Horario de misas de Navidad",
            "24 dic.: 20:00 Misa del Gallo   25 dic.: 12:00",
            "Suscríbase al boletín | Darse de baja | Aviso legal",
            "Este sitio utiliza cookies. Aceptar",
        ],
    ]),
    ('t3-ham-es-aduana', '+52 81 5550 3300', [
        [
            "Agencia Aduanal Del Norte",
            "Cliente: Distribuidora Industrial Regia",
            "Pedimento 26 19 3441 6001122 - mercancía liberada hoy.",
            "Entrega en su almacén mañana a las 9:00.",
        ],
    ]),
    ('t3-ham-es-reserva-hotel', '+34 97 555 0700', [
        [
            "Confirmación de reserva - Hotel Mirador del Pirineo",
            "A nombre de: Asesoría Fiscal Benítez (Sr. Benítez)",
            "Llegada 22/01/2027, 2 noches, habitación doble, 98 EUR/noche.",
            "Cancelación gratuita hasta 24 horas antes.",
        ],
    ]),
    ('t3-ham-es-retirada-producto', '+34 91 555 0820', [
        [
            "AVISO DE RETIRADA",
            "A farmacias que recibieron el lote 26C771",
            "Producto: Crema solar infantil SPF50, 200 ml",
            "Motivo: error en el etiquetado. Devuelvan las unidades con el",
            "formulario adjunto. Unidades enviadas a su farmacia: 12.",
        ],
    ]),
    ('t3-ham-es-extracto', '', [
        [
            "EXTRACTO DE CUENTA - NOVIEMBRE 2026",
            "Cliente: Talleres Navarro, S.L.   Cuenta 2210",
            "Saldo anterior 1.120,00 EUR, facturas 980,40 EUR, pagos 1.120,00 EUR",
            "Saldo pendiente: 980,40 EUR",
            "Recambios del Sur",
        ],
    ]),
    ('t3-ham-es-funeraria', '+54 11 5550 7700', [
        [
            "Cochería San Martín",
            "A la Parroquia Nuestra Señora de Luján",
            "Confirmamos el responso por el Sr. Osvaldo Pérez el sábado",
            "12 de diciembre a las 11 horas.",
        ],
    ]),
    ('t3-ham-es-veterinario', '+54 2320 555 880', [
        [
            "Veterinaria Rural Pilar - Informe",
            "Establecimiento: Estancia La Esperanza",
            "Resultados de brucelosis: 120 muestras, todas negativas.",
            "Certificado sanitario disponible para retirar.",
        ],
    ]),
]


def written_training_3() -> list[tuple[str, list[list[str]]]]:
    """(label, pages) for every fax: label "spam" or "ham"; a page is a list of lines."""
    return ([("spam", pages) for _, _, pages in SPAM]
            + [("ham", pages) for _, _, pages in HAM])
