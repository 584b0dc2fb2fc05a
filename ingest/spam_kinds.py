"""What junk faxes are, one kind at a time: the searches ``ingest.spam.score`` weighs.

Each function here finds one kind of sign in a fax's folded text (``spam_lexicon.fold``) and
returns the wording it found, or None: an opt-out and what it stops, an offer with a request
to act on it, a bill nobody ordered, a form asking for secrets, a notice pressing a stranger
with a loss, a call claimed with nobody named; and, against all of them, the marks of
correspondence with a known party (``ordinary_marks``). Their weights, and how they add up to
a verdict, are ``ingest.spam``'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from ingest.spam_lexicon import (
    ACT,
    AD_OBJECT,
    ADDRESSED_TO_A_ROLE,
    CALL_TO_ACTION,
    CALL_WITH_A_ROLE,
    CASE_DEFENDANT,
    CASE_PLAINTIFF,
    CLAIMED_CALL,
    CLAIMED_RECORDS,
    CLINICAL_BEYOND_DOSES,
    CONTACT_LINE,
    COST_FREE,
    COURT,
    DATE_DEADLINE,
    DATE_LIKE,
    DRESSED_AS_BILL,
    FAX_OPT_OUT,
    FAX_WORD,
    FINE_THREAT,
    GENERIC_OPT_OUT,
    GIFT_REQUEST,
    LABELLED_CREDITOR,
    LABELLED_DEBTOR,
    LISTING_SERVICE,
    NAMED_GARNISHEE,
    NAMED_HOLDER,
    NEVER_ASKS,
    NEW_BANK_DETAILS,
    NO_PRESCRIPTION,
    NOT_A_BILL,
    NOT_AN_OPT_OUT,
    OFFER,
    OFFICIAL_WARNING,
    OPT_ACTION,
    OPT_ACTION_FORWARD,
    OPT_OBJECT,
    OPT_OUT_OF,
    OPT_STRONG,
    ORDINARY,
    OWN_REGISTER,
    PAY_INTO_ACCOUNT,
    PAYEE_ACCOUNT,
    PHONE,
    PITCH,
    PITCH_FOLLOWUP,
    PRICE,
    PRICE_OF_A_WINDFALL,
    PRICED_DOSE,
    PRINTED_WEB_PAGE,
    PROMISED_GAIN,
    QUESTIONS,
    SALUTATION,
    SECRET_FIELD,
    SECRET_REQUEST,
    SECURITY_ID,
    SENDERS_OWN_DETAILS,
    SHORT_DEADLINE,
    SIGN_AND_RETURN,
    SILENCE_AS_CONSENT,
    SOFTWARE_DOCUMENTATION,
    SOFTWARE_KINDS,
    SOFTWARE_WEAK_KINDS,
    SOLD,
    STAFFING_OFFER,
    STOCK_TIP,
    THANKS_FOR_A_GIFT,
    THREAT_OF_LOSS,
    TOLL_FREE,
    WEB_ADDRESS,
    WEB_FURNITURE,
    WINDFALL,
    fold,
)

# Characters either side of an opt-out wording searched for a fax word, a number and a
# cost-free mechanism: about a line before and two after (the number usually follows).
NOTICE_BEFORE, NOTICE_AFTER = 60, 140
# How far apart (characters) a wish to stop and what is stopped may stand in one sentence.
CONCEPT_SPAN = 60
# How far before a secret's field (characters) a sentence saying it is never asked for counts.
NEVER_BEFORE = 60
# ("?" ends no sentence here: "Questions? Call ..." and "No more faxes? Dial ..." are one.)
SENTENCE = re.compile(r"(?<=[.!])\s+|\s*\|\s*")
ORDERS = re.compile(r"order|bestell|command|pedid")
DIGIT = re.compile(r"\d")
PERCENT = re.compile(r"\d ?%")


@dataclass(frozen=True)
class OptOut:
    """An opt-out wording found in a fax."""

    page: int  # 1-based
    wording: str
    about_faxes: bool  # fax opt-out wording, or opt-out words beside a fax word or a number
    # What the JFPA requires a notice to give: a number to send the request to, and a
    # cost-free way to send it.
    number: bool
    free_of_charge: bool


# A telephone number has at most two groups of one digit (a country code, a trunk prefix: "1 800
# 555 0199" has one): three or more are a table's row of small figures ("Toni Serra 8 6 8 - 8 6 -
# 38").
MAX_ONE_DIGIT_GROUPS = 2
DIGIT_GROUP = re.compile(r"\d+")
# Nor is a run of amounts a number to call: an amount's cents and, after a space, another
# figure ("Office visit, level 3 145.00 145.00", a statement's row of charge and balance).
AMOUNT_THEN_FIGURE = re.compile(r"\d[.,]\d\d\s+\d")


def _has_phone_number(text: str) -> bool:
    for match in PHONE.finditer(text):
        number = match.group(0).strip()
        if 7 <= sum(c.isdigit() for c in number) <= 15 and not DATE_LIKE.match(number) \
                and sum(len(group) == 1 for group in DIGIT_GROUP.findall(number)) \
                <= MAX_ONE_DIGIT_GROUPS and not AMOUNT_THEN_FIGURE.search(number):
            return True
    return False


def _opts_out_of_something_else(folded: str, end: int) -> bool:
    """Whether the opt-out word ending at ``end`` takes an object (five words at most) that
    is neither faxes, ads, nor the sender's own list."""
    if not OPT_OUT_OF.match(folded, end):
        return False
    return AD_OBJECT.search(" ".join(folded[end:end + 60].split()[:6])) is None


def concept_opt_out(page: str, folded: str, page_folded: str | None = None,
                    ) -> re.Match[str] | None:
    """A line's sentence pairing a wish to stop (remove, stop, unsubscribe, keine ... mehr, ne
    plus, darse de baja ...) with what is stopped (faxes, the sender's list, its ads): the
    match of the wish in ``folded`` (the page folded, whitespace collapsed), or None.
    Confidentiality notices ("received in error ... destroy") are not; nor is a line with
    only a weak wish ("stop", "no more") and no number to send the request to.
    ``page_folded``: the page already folded, lines kept (folded here if not given)."""
    for line in (fold(page) if page_folded is None else page_folded).splitlines():
        line = " ".join(line.split())
        for sentence in SENTENCE.split(line):
            if NOT_AN_OPT_OUT.search(sentence):
                continue
            objects = [m.span() for m in OPT_OBJECT.finditer(sentence)]
            actions = [(m, False) for m in OPT_ACTION.finditer(sentence)] + [
                (m, True) for m in OPT_ACTION_FORWARD.finditer(sentence)]
            for action, forward in actions:
                earliest = action.end() if forward else action.start() - CONCEPT_SPAN
                latest = action.end() + (CONCEPT_SPAN // 2 if forward else CONCEPT_SPAN)
                if not any(earliest <= end and start <= latest and (start, end) != action.span()
                           for start, end in objects):
                    continue
                at = folded.find(sentence)
                found = re.compile(re.escape(action.group(0))).search(folded, max(at, 0))
                if found and (OPT_STRONG.match(action.group(0)) or _has_phone_number(
                        folded[max(0, found.start() - NOTICE_BEFORE):found.end() + NOTICE_AFTER])):
                    return found
    return None


def find_opt_out(page_texts: Sequence[str], folded_pages: Sequence[str] | None = None,
                 fax_worded: bool = False) -> OptOut | None:
    """The fax's opt-out notice: the first about faxes on any page, else the first lone
    "unsubscribe"-like wording (as a printed newsletter or web page carries).
    ``folded_pages``: the pages already folded (lines kept), if the caller has them;
    ``fax_worded``: only a notice whose own words name faxes (or None)."""
    lone = None
    for page_no, page in enumerate(page_texts, start=1):
        page_folded = fold(page) if folded_pages is None else folded_pages[page_no - 1]
        folded = " ".join(page_folded.split())
        concept = concept_opt_out(page, folded, page_folded)
        generic = [] if fax_worded else GENERIC_OPT_OUT.finditer(folded)
        candidates = sorted([*FAX_OPT_OUT.finditer(folded), *generic,
                             *([concept] if concept else [])], key=lambda m: m.start())
        for match in candidates:
            near = folded[max(0, match.start() - NOTICE_BEFORE):match.end() + NOTICE_AFTER]
            numbered = _has_phone_number(near)
            about_faxes = match.re is FAX_OPT_OUT or match is concept or (
                (numbered or FAX_WORD.search(near) is not None)
                and not _opts_out_of_something_else(folded, match.end()))
            notice = OptOut(page_no, match.group(0).strip(), about_faxes, numbered,
                            numbered and (COST_FREE.search(near) is not None
                                          or TOLL_FREE.search(near) is not None))
            if about_faxes:
                return notice
            lone = lone or notice
    return None if fax_worded else lone


def _opt_out_before(sentence: str, at: int) -> bool:
    """Whether an opt-out wording comes before ``at``: "to unsubscribe, call ..." asks the
    reader to stop, not to buy ("Orders: ... Stop fax: ..." still asks for orders)."""
    found = GENERIC_OPT_OUT.search(sentence, 0, at) or FAX_OPT_OUT.search(sentence, 0, at)
    return found is not None


def request_to_act(folded: str) -> str | None:
    """A sentence asking the reader to call, order, reply or visit, with a number to do it on
    (not "Questions? Call ..."); its wording."""
    for sentence in SENTENCE.split(folded):
        act = ACT.search(sentence)
        if act and _has_phone_number(sentence) and not (
                QUESTIONS.search(sentence) and not ORDERS.search(sentence)) and not (
                _opt_out_before(sentence, act.start())):
            return act.group(0)
    return None


# At most this many words in a sentence that is an offer and a number (a table row of amounts
# and references, read as one sentence, is neither).
OFFER_SENTENCE_WORDS = 20


def offer_with_number(lines: Iterable[str]) -> tuple[str, str] | None:
    """A short sentence, in one line, that is an offer and a number and gives no other reason
    for the number ("Business loans up to $500K, no credit check: 877-...", "Free website
    audit: 305-..."): the offer and "a number beside it". "Questions? ..." does not count."""
    for line in lines:
        for sentence in SENTENCE.split(line):
            # (no digit, no number: the offer search, the costlier, is left for those with one)
            if len(sentence.split()) > OFFER_SENTENCE_WORDS or not DIGIT.search(sentence):
                continue
            offer = OFFER.search(sentence)
            if offer and _has_phone_number(sentence) and not QUESTIONS.search(sentence):
                return offer.group(0).strip(), "a number beside it"
    return None


# An amount the fax says is paid ("EUR 295.00 (paid)", "fee of GBP 20 paid online", "bezahlt",
# "réglé", "pagado"): a receipt's, a booking's or a registration's, which offers nothing.
# (a price's match may end on its first digit: the rest of the amount is skipped)
# (folded text: "payée", "réglé" lose their accents)
PAID = re.compile(r"[\d.,]*[^.;]{0,20}?\b(?:paid|bezahlt|beglichen|payee?s?|reglee?s?|pagad[oa]s?|"
                  r"abonad[oa]s?)\b")


def first_unpaid(pattern: re.Pattern[str], folded: str) -> re.Match[str] | None:
    """The first match of ``pattern`` (a price or an offer) in ``folded`` that is not an amount
    the fax says is paid."""
    for found in pattern.finditer(folded):
        if not (DIGIT.search(found.group(0)) and PAID.match(folded, found.end())):
            return found
    return None


def priced_beyond_the_fine(folded: str) -> bool:
    """Whether a fax threatening fines (FINE_THREAT) names a price outside the sentences of
    the threat: the scare offer's price for avoiding them ("pour éviter les amendes ...
    Registre: 390,00 € HT"), not the fine an authority states ("civil penalties of up to
    $1,584 per day")."""
    rest = " ".join(sentence for sentence in SENTENCE.split(folded)
                    if not FINE_THREAT.search(sentence))
    return first_unpaid(PRICE, rest) is not None


class OfferSearches:
    """The price and offer searches of one fax's folded text, each run at most once: they are
    the costliest searches, and three signals ask them of the same text."""

    def __init__(self, folded: str) -> None:
        self.folded = folded

    @cached_property
    def price(self) -> re.Match[str] | None:
        return first_unpaid(PRICE, self.folded)

    @cached_property
    def offer(self) -> re.Match[str] | None:
        return first_unpaid(OFFER, self.folded)


def solicitation(folded: str, lines: Iterable[str] = (),
                 searches: OfferSearches | None = None) -> tuple[str, str] | None:
    """(what is offered, the request to act): a price with a call to order, or any offer (a
    discount, something free, a catalogue, a request for a donation) with a request that gives
    a number to act on, or an offer in one short sentence of one of ``lines`` (folded) with a
    number."""
    searches = searches or OfferSearches(folded)
    price, request = searches.price, request_to_act(folded)
    known = CALL_TO_ACTION.search(folded)
    if price and (request or known):
        return price.group(0).strip(), request or known.group(0).strip()
    offer = searches.offer
    if offer and request:
        return offer.group(0).strip(), request
    return offer_with_number(lines)


def priced_with_contact(folded: str, lines: str,
                        searches: OfferSearches | None = None) -> tuple[str, str] | None:
    """An offer or a price and a line that is only a way to call (a menu, a price list, a
    fixed-price service: "Festpreis 1.490 EUR ... Telefon 0711 ..."): the offer and the line.
    Only for a fax with no mark of correspondence (an invoice has the same)."""
    searches = searches or OfferSearches(folded)
    offer = searches.price or searches.offer
    contact = CONTACT_LINE.search(lines) if offer else None
    if offer and contact:
        return offer.group(0).strip(), contact.group(0).strip()
    return None


# A line that ends on a number to call and says little else: a flyer's sign-off ("Maple Print
# Co., Toronto 416-555-0115", "Ph 03 5550 1643 - BugBusters"). Run over folded lines (re.M).
SIGN_OFF = re.compile(r"^(?P<before>[^\d\n]{0,60})(?P<number>\+?\(?\d[\d ().-]{5,18}\d)"
                      r"(?P<after>[^\d\n]{0,40})$", re.M)
SIGN_OFF_WORDS = 9
# What no sign-off has around its number: a command line's options or program ("--pages",
# "-n", "search.py", "./run.sh"); the number on such a line is a quantity.
COMMAND_LINE = re.compile(r"(?:^|\s)--?[a-z][\w-]*|\b\w+\.(?:py|sh|exe|bat|pl|rb|js)\b")
REPLY_BY_FAX = re.compile(r"\b(?:to|on|auf|à|a|en|answer|reply to) (?:this|dieses|ce|este) "
                          r"(?:fax|telefax|télécopie)\b")
EMAIL_OR_WEB = re.compile(r"\b[\w.-]+@[\w-]+\.\w|\bwww\.\w|\bhttps?://"
                          # (a messenger's handle: "Telegram: @FarmaExpressEU")
                          r"|\btelegram\s*:?\s*@\w"
                          # (a bare domain to go to: "Open an account at hashwave-pool.example")
                          # (or after a label to order on: "Pedidos: farmacia-sinreceta.example")
                          r"|\b(?:at|visit|auf|sur|(?:pedidos|orders?|bestellungen|commandes?) ?:)"
                          r" [\w-]+(?:\.[\w-]+)*\.(?:com|net|org|example|"
                          r"io|de|fr|es|ch|at|uk|ie|ca|au|nz|mx)\b")


def _signs_off(line: re.Match[str]) -> bool:
    """Whether a SIGN_OFF line is a name and a number to call: its number is a telephone
    number written as one is (in groups, or with its country's "+": "416-555-0115", "03 5550
    1643"), not a bare count ("1000000"), and the words around it are no command line's."""
    number = line.group("number")
    if number.isdigit() or COMMAND_LINE.search(line.group("before") + " " + line.group("after")):
        return False
    return _has_phone_number(line.group(0))


def way_to_respond(folded: str, lines: str) -> str | None:
    """How a fax with no request beside a number still lets a stranger answer: a request to
    act anywhere and a number anywhere, a line that is a name and a number, an e-mail or web
    address. Its wording."""
    act = ACT.search(folded)
    if act and _has_phone_number(folded):
        return act.group(0)
    for line in SIGN_OFF.finditer(lines):
        # ("Questions: office 555-0370" answers a customer, as in request_to_act)
        if len(line.group(0).split()) <= SIGN_OFF_WORDS and _signs_off(line) and not (
                QUESTIONS.search(line.group(0))):
            return line.group(0).strip()
    found = EMAIL_OR_WEB.search(folded) or REPLY_BY_FAX.search(folded)
    return found.group(0) if found else None


def offer_to_stranger(folded: str, lines: str, searches: OfferSearches | None = None,
                      chased: str | None = None) -> tuple[str, str] | None:
    """An offer (a price, something free, a service the sender performs for anyone, or
    ``chased``: an earlier offer a note chases) and a way to respond anywhere in the fax:
    weaker than a request to act beside a number, so only for a fax with no mark of
    correspondence, and worth less than a solicitation."""
    searches = searches or OfferSearches(folded)
    found = searches.offer or searches.price or PITCH.search(folded)
    offer = found.group(0).strip() if found else chased
    response = way_to_respond(folded, lines) if offer else None
    if offer and response:
        return offer, response
    return None


def dressed_as_bill(folded: str, searches: OfferSearches | None = None) -> str | None:
    """The line by which a solicitation dressed as a bill, an invoice or a listing renewal says
    it is an offer ("This is a solicitation, not a bill", "Dies ist ein Angebot", "La
    signature vaut commande"); "not a bill" alone (an explanation of benefits says it) only
    beside what is sold (an offer, a listing, a directory)."""
    found = DRESSED_AS_BILL.search(folded)
    if found and not OFFICIAL_WARNING.search(folded):
        # (a court's or a registry's own letter warning that private providers' offers are
        # nothing to do with it words what such an offer disclaims, about others)
        return found.group(0)
    found = NOT_A_BILL.search(folded)
    if found and SOLD.search(folded):
        return found.group(0)
    found = OWN_REGISTER.search(folded)
    if found and (searches or OfferSearches(folded)).price:
        return found.group(0).strip()
    return None


# How far from a threat (characters) a date names its deadline, within the same sentence.
DATE_SPAN = 80
# A field's value on the line under its label: a long run of digits (a key, a number issued).
FILLED_BELOW = re.compile(r"[ \t]*\n[ \t]*\d[\d .-]{9,}")


# Words of prose before a label that ends its line with neither a colon nor a blank: past this,
# the label is a sentence wrapped at the margin, not a form's field.
FIELD_PREFIX_WORDS = 4


def _label_without_a_field(lines: str, found: re.Match[str]) -> bool:
    """Whether a field label with no colon and no blank to fill in is no field: only the last
    word of a long line of prose ("Puede abonar mediante el volante de pago disponible en su
    clave" / "fiscal o en la agencia": a tax office naming its login service, asking for
    nothing), a word of another label's value, or a member of a program's object in a manual
    (" * auth_request#password"). A field keeps its colon or its blank, however its label is
    joined ("2.Password: ____", "Card#PIN: ____")."""
    if ":" in found.group(0) or "_" in found.group(0):
        return False
    start = found.start()
    if start >= 2 and lines[start - 1] in "#." and (lines[start - 2].isalnum()
                                                   or lines[start - 2] == "_"):
        return True
    before = lines[lines.rfind("\n", 0, start) + 1:start]
    # (nor is a word inside another label's value: "Booked by: Jess Tan (phone, 24/11)")
    return len(before.split()) > FIELD_PREFIX_WORDS or ":" in before


BLANK_TO_FILL = re.compile(r"_{2,}|\.{4,}")


def blank_secret_field(lines: str) -> bool:
    """Whether a field for a secret has a blank to fill in on its line, underscores or a row of
    dots ("PIN: ______", "Contraseña del SAT:  ____", "PIN du compte : ..........")."""
    for found in SECRET_FIELD.finditer(lines):
        end = lines.find("\n", found.start())
        if BLANK_TO_FILL.search(lines, found.start(), len(lines) if end < 0 else end):
            return True
    return False


def asks_for_secrets(lines: str) -> str | None:
    """A blank form field for a password, a PIN, a card's security code or a banking login
    (``lines``: the folded text with its lines), or a sentence asking the reader to enter,
    confirm or send one, or bank or card details (not one saying the sender never asks): what
    no bank, supplier or colleague asks for by fax, and what a phishing fax exists to collect.
    Its wording."""
    for found in SECRET_FIELD.finditer(lines):
        # ("We will never ask you for your PIN" ends its line on "PIN" as a field does; an
        # electronic invoice's "Clave de acceso:" has its long number on the next line)
        if not NEVER_ASKS.search(lines, max(0, found.start() - NEVER_BEFORE), found.start()) \
                and not FILLED_BELOW.match(lines, found.end()) \
                and not _label_without_a_field(lines, found):
            return " ".join(found.group(0).split())
    for sentence in SENTENCE.split(" ".join(lines.split())):
        asked = SECRET_REQUEST.search(sentence)
        if asked and not NEVER_ASKS.search(sentence) and not SENDERS_OWN_DETAILS.search(
                asked.group(0)):
            return asked.group(0)
    return None


def pressing_notice(folded: str, lines: str) -> str | None:
    """A notice threatening a loss (an account blocked, a refund forfeited, a parcel sent back,
    a seizure) unless its reader acts within hours or days, addressed to nobody by name: what a
    phishing fax or a fake bank, court, tax or courier notice says to hurry a stranger. A real
    creditor or office names its counterparty, and a real court the parties to its case. Its
    threat and its deadline."""
    threat = THREAT_OF_LOSS.search(folded)
    deadline = SHORT_DEADLINE.search(folded) if threat else None
    if threat and deadline is None:
        deadline = dated_threat(folded)
    if not (threat and deadline):
        return None
    if addressed_by_name(folded, lines) or names_the_parties(folded):
        return None
    return f"{threat.group(0).strip()} / {deadline.group(0).strip()}"


def names_the_parties(folded: str) -> bool:
    """A court's paper names both sides of its case, or the garnishee it writes to."""
    return bool((CASE_PLAINTIFF.search(folded) and CASE_DEFENDANT.search(folded))
                or NAMED_GARNISHEE.search(folded)
                or (LABELLED_CREDITOR.search(folded) and LABELLED_DEBTOR.search(folded)
                    and COURT.search(folded)))


def dated_threat(folded: str) -> re.Match[str] | None:
    """A date named as the deadline in a threat's own sentence ("Policies not updated by 12
    December may be placed on hold"); a date in another sentence (a circular's, beside its
    office's closing days) is none."""
    for threat in THREAT_OF_LOSS.finditer(folded):
        start = max(folded.rfind(". ", 0, threat.start()) + 1, threat.start() - DATE_SPAN)
        end = folded.find(". ", threat.end())
        end = min(len(folded) if end < 0 else end, threat.end() + DATE_SPAN)
        date = DATE_DEADLINE.search(folded, start, end)
        if date is not None:
            return date
    return None


def debt_for_a_listing(folded: str, pressing: str | None) -> str | None:
    """A debt pressed on a stranger (``pressing``: what pressing_notice found) for an entry in
    a directory or a guide: the bill of a listing nobody ordered, sent again by "collectors".
    A directory's real customer is named, so pressing_notice says nothing of its reminders.
    The listing and the pressure."""
    listing = LISTING_SERVICE.search(folded) if pressing is not None else None
    if listing is None:
        return None
    return f"a debt for a {listing.group(0).strip()!r}, pressed: {pressing}"


# How far before a holder's label (characters, about two lines) a request to pay in counts.
PAY_INTO_BEFORE = 90


def named_holder(lines: str) -> re.Match[str] | None:
    """The first holder of an account or a contract named on its label's line, unless the label
    follows a request to pay into an account (then it names the payee, the sender itself)."""
    for found in NAMED_HOLDER.finditer(lines):
        if not PAY_INTO_ACCOUNT.search(lines, max(0, found.start() - PAY_INTO_BEFORE),
                                       found.start()):
            return found
    return None


def addressed_by_name(folded: str, lines: str) -> bool:
    """The note names its reader: a greeting, an attention line or a holder's label."""
    return bool(ORDINARY["an addressee by name"].search(folded) or SALUTATION.search(lines)
                or named_holder(lines) is not None)


def claimed_call(folded: str, lines: str, searches: OfferSearches) -> str | None:
    """A note that says it follows a conversation, carries an offer (a price, a saving, a
    service) and asks for the reader's signature, or says it spoke to a role ("with your front
    desk") or is addressed to one ("To: Office Manager"), yet names nobody: a cold pitch
    dressed as a reply. A writer who spoke to someone knows their name. The conversation it
    claims.

    A name does not make it a reply when the note takes silence for consent (its goods ship or
    its terms start "unless we hear otherwise"): an order its reader placed needs no such clause
    (the caller checks that no reference of the reader's is cited)."""
    call = CLAIMED_CALL.search(folded)
    if call is None:
        return None
    silence = SILENCE_AS_CONSENT.search(folded)
    if SIGN_AND_RETURN.search(folded) is None and ADDRESSED_TO_A_ROLE.search(lines) is None \
            and silence is None:
        call = next((c for c in CLAIMED_CALL.finditer(folded) if CALL_WITH_A_ROLE.search(
            folded, c.start(), c.end() + CONCEPT_SPAN)), None)
        if call is None:
            return None
    # (what it carries may be no offer but the sender's new bank account: diverted_payment)
    offer = (searches.offer or searches.price or PITCH.search(folded) or PERCENT.search(folded)
             or NEW_BANK_DETAILS.search(folded))
    # (not a holder's label: "Firma del titular:" is where the reader signs)
    if offer is None or (silence is None and (ORDINARY["an addressee by name"].search(folded)
                                               or SALUTATION.search(lines))):
        return None
    return call.group(0).strip()


def diverted_payment(folded: str, lines: str) -> str | None:
    """A note giving the sender's new bank account for payments from now on, after a call it
    claims, to nobody it names: a fraud diverting a supplier's payments (a supplier changing
    banks writes to its customer by name). Its account numbers are the payee's, not the
    reader's. The change it announces."""
    change = NEW_BANK_DETAILS.search(folded)
    if change is None or CLAIMED_CALL.search(folded) is None or addressed_by_name(folded, lines):
        return None
    return change.group(0)


def pitch_followup(folded: str, lines: str) -> str | None:
    """A note chasing the sender's own earlier offer ("did you have a chance to look at our
    proposal?") that names nobody: the second fax of a cold pitch. A supplier chasing the quote
    its customer asked for names the customer or cites the quote (the caller checks for the
    reference). Its wording."""
    chase = PITCH_FOLLOWUP.search(folded)
    if chase is None or addressed_by_name(folded, lines):
        return None
    return chase.group(0).strip()


def staffing_offer(folded: str) -> str | None:
    """A sender offering to supply workers ("we place pre-screened nurses", "wir vermitteln
    erfahrene Erntehelfer"): a staffing agency's pitch. Its wording."""
    found = STAFFING_OFFER.search(folded)
    return None if found is None else found.group(0)


def claimed_records(folded: str, lines: str, searches: OfferSearches) -> str | None:
    """A notice saying the sender's records show something about its reader ("our records
    indicate your listing is unverified", "laut unseren Unterlagen", "d'après nos dossiers",
    "según nuestros registros"), naming nobody, with something to buy or a request to act on a
    number: the costume of a renewal, a registration or a switching offer (the caller checks
    that nothing is cited). A recall or a tax office writes so to whom it names or cites.
    Its wording."""
    found = CLAIMED_RECORDS.search(folded)
    if found is None or addressed_by_name(folded, lines):
        return None
    if searches.price or searches.offer or request_to_act(folded):
        return found.group(0).strip()
    return None


def windfall_for_a_price(folded: str, lines: str) -> str | None:
    """A windfall announced to its reader (a prize drawn on its fax number, an inheritance
    with no heir, unclaimed funds) with a price on collecting it (a fee before payment,
    secrecy, a copy of its papers), naming nobody: the advance-fee fraud. A notary or an
    insurer names the heir it writes to. The windfall and its price."""
    windfall = WINDFALL.search(folded)
    price = PRICE_OF_A_WINDFALL.search(folded) if windfall else None
    if windfall is None or price is None or addressed_by_name(folded, lines):
        return None
    return f"{windfall.group(0).strip()} / {price.group(0).strip()}"


def appeal_for_gifts(folded: str, lines: str,
                     searches: OfferSearches | None = None) -> tuple[str, str] | None:
    """A request for a donation or a pledge with amounts to give, to a reader it does not name
    and does not thank: a fund's, a charity's or a police supporters' drive faxed to businesses.
    A charity writes to its own donors by name, thanks them for a gift or sends its receipt.
    (The request, the amount.)"""
    ask = GIFT_REQUEST.search(folded)
    if ask is None or THANKS_FOR_A_GIFT.search(folded) or addressed_by_name(folded, lines):
        return None
    amount = (searches or OfferSearches(folded)).price
    if amount is None:
        return None
    return ask.group(0).strip(), amount.group(0).strip()


REPLY = "a reply to the recipient"
# The marks a claimed call's note wears (claimed_call decides when a name is one of them).
CALL_COSTUME = {REPLY, "payment terms", "an addressee by name"}

# What a solicitation dressed as a bill imitates: its "Order ID" and "Amount due" are no sign
# of a customer.
DISGUISE = ("a reference number", "payment terms", "a court or case",
            "an order to a named supplier")
# A form's blank field ("Patient name: ______", "DOB: ____") asks for what the sender does not
# know: it is no patient, reference or addressee.
BLANK_FIELD = re.compile(r"\b[a-z][^:_|\n]{0,30}:?[ \t]*_{3,}")
# ... and so is a date of birth left to fill in: its label followed by only the strokes of an
# empty date ("Date of birth: / /", "DOB __/__/____"), or ending its line with no colon and no
# value, as a row of a form's field names does ("Mobile   Date of birth"). ("Date of birth:"
# ending a line keeps its value on the next one.) Over folded lines (re.M).
BLANK_BIRTH_DATE = re.compile(r"\b(?:date of birth|dob|geburtsdatum|date de naissance|"
                              r"fecha de nacimiento)\b(?:[ \t]*:?[ \t]*[/._-][ \t/._-]*|[ \t]*)$",
                              re.M)
# ... and so is a block of labels with nothing after them ("Mark:  Reg. No.:", "Geburtsdatum:
# Tel.:", lines of "Account number:", "Routing number:"): fields left for the reader to fill in,
# as OCR reads them when the form's rules are not printed as underscores. A lone heading
# ("Befund:", "Diagnosis:") introduces the lines under it and stays; so does a greeting ending on
# a colon ("Estimado Sr. Ruiz:"). Over folded lines (re.M).
LABELS_ONLY = re.compile(r"^[ \t]*(?!estimad|querid|dear\b|sehr geehrt|lieb|cher|hola\b|hello\b|"
                         r"hi\b|bonjour|buen|guten)(?:[^\n:]{1,40}:[ \t]*){1,3}$")


def stock_tip(folded: str) -> bool:
    """A share tipped to a stranger: a price target, or a security number beside a promised
    gain. It sells nothing and gives no number to call, but advertises as an offer does."""
    return STOCK_TIP.search(folded) is not None or (
        SECURITY_ID.search(folded) is not None and PROMISED_GAIN.search(folded) is not None)


def blank_labels_removed(lines: str) -> str:
    """``lines`` without its blocks of blank form fields: a line of two or more labels and
    nothing else, or a line of one beside another such line."""
    # (OCR often reads a form's rows with an empty line between them: those do not part a block)
    rows = [row for row in lines.split("\n") if row.strip()]
    labels = [LABELS_ONLY.match(row) is not None for row in rows]
    kept = [row for i, row in enumerate(rows)
            if not (labels[i] and (row.count(":") >= 2 or any(
                labels[j] for j in (i - 1, i + 1) if 0 <= j < len(rows))))]
    return "\n".join(kept)


def ordinary_marks(folded: str, disguised: bool = False, lines: str = "") -> list[str]:
    """What makes the text look like correspondence with a known party (``disguised``: the
    fax says it is an offer dressed as a bill, so its references and amounts due are not;
    ``lines``: the folded text with its lines, for a line opening on the reader's name)."""
    if "___" in folded:  # (the search tries every character: only where there are blanks)
        folded, lines = BLANK_FIELD.sub(" ", folded), BLANK_FIELD.sub(" ", lines)
    if BLANK_BIRTH_DATE.search(lines):
        lines = BLANK_BIRTH_DATE.sub(" ", lines)
        folded = " ".join(lines.split())
    if ":\n" in lines or lines.endswith(":"):
        blanked = blank_labels_removed(lines)
        if blanked != lines:
            lines, folded = blanked, " ".join(blanked.split())
    if PAYEE_ACCOUNT.search(folded):  # (the sender's own account, to pay into)
        folded = PAYEE_ACCOUNT.sub(" ", folded)
    marks = [name for name, pattern in ORDINARY.items()
             if not (disguised and name in DISGUISE) and pattern.search(folded)]
    if "clinical content" in marks and PRICED_DOSE.search(folded) \
            and not CLINICAL_BEYOND_DOSES.search(folded):
        marks.remove("clinical content")  # (a price list's doses: its products)
    if "clinical content" in marks and (stock_tip(folded) or NO_PRESCRIPTION.search(folded)):
        # (a tipped company's products: "a 5-minute blood test"; medicines sold "sin receta":
        # their doses are the goods)
        marks.remove("clinical content")
    if "an addressee by name" not in marks and SALUTATION.search(lines):
        marks.append("an addressee by name")
    if "a patient" not in marks and not disguised and named_holder(lines) is not None:
        # (one kind with a patient, counted once; an offer dressed as a bill copies the
        # holder's name from a public register as it copies a reference)
        marks.append("a patient")
    if WEB_ADDRESS.search(folded) and WEB_FURNITURE.search(folded):
        marks.append(PRINTED_WEB_PAGE)
    if software_documentation(lines or folded):
        marks.append(SOFTWARE_DOCUMENTATION)
    return marks


def software_documentation(lines: str) -> bool:
    """Whether the text has two kinds of what only software documentation has, one of them
    more than a version or a file name (see SOFTWARE_KINDS)."""
    kinds = {name for name, pattern in SOFTWARE_KINDS.items() if pattern.search(lines)}
    return len(kinds) >= 2 and bool(kinds - SOFTWARE_WEAK_KINDS)
