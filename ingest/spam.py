"""Spam flagging that explains itself and never hides a real fax.

A fax's score is the sum of weighted signals; at or above ``spam.threshold`` it is flagged
``spam`` (kept, archived, searchable with ``--include-spam``), else ``ham``. An operator's
verdict (``faxvault spam mark|unmark``) always wins, and also trains the learned signal: a
multinomial naive Bayes over the words of faxes operators judged.

The signals describe what a junk fax is rather than how one sender worded it: an opt-out is a
wish to stop paired with what is stopped (faxes, the sender's list, its ads) in any wording,
a solicitation is an offer with a request to act on it, and correspondence with a known party
counts against both. The shipped model (ingest/spam_model.py) adds how much the whole text
reads like junk faxes, naming the words that weighed most.

The classifier is hand-written (about forty lines) rather than taken from scikit-learn: the
model is a few word counts, retrained from scratch on every scoring run in milliseconds, and
scikit-learn would add NumPy and SciPy (around 100 MB) to a service that needs neither.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from stop_words import get_stop_words

from ingest.spam_lexicon import (
    ACT,
    AD_OBJECT,
    ADDRESSED_TO_A_ROLE,
    ADVERTISING,
    CALL_TO_ACTION,
    CALL_WITH_A_ROLE,
    CLAIMED_CALL,
    CLAIMED_RECORDS,
    CONTACT_LINE,
    COST_FREE,
    DATE_DEADLINE,
    DATE_LIKE,
    DRESSED_AS_BILL,
    FAX_OPT_OUT,
    FAX_WORD,
    FINE_THREAT,
    GENERIC_OPT_OUT,
    LISTING_SERVICE,
    NAMED_HOLDER,
    NEVER_ASKS,
    NEW_BANK_DETAILS,
    NOT_A_BILL,
    NOT_AN_OPT_OUT,
    OFFER,
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
    SOLD,
    STATED_RELATIONSHIP,
    STOCK_TIP,
    THREAT_OF_LOSS,
    TOLL_FREE,
    WEB_ADDRESS,
    WEB_FURNITURE,
    WINDFALL,
    fold,
)
from ingest.spam_model import JunkModel, shipped_model

WORD = re.compile(r"[a-z][a-z']{2,}")
ANONYMOUS = {"", "anonymous", "unknown", "private", "restricted", "unavailable", "0"}
# Characters either side of an opt-out wording searched for a fax word, a number and a
# cost-free mechanism: about a line before and two after (the number usually follows).
NOTICE_BEFORE, NOTICE_AFTER = 60, 140
# How far apart (characters) a wish to stop and what is stopped may stand in one sentence.
CONCEPT_SPAN = 60
# How far before a secret's field (characters) a sentence saying it is never asked for counts.
NEVER_BEFORE = 60
# The shipped model reads a fax of a few words as its prior: below this, it says nothing.
MODEL_MIN_WORDS = 8
# ("?" ends no sentence here: "Questions? Call ..." and "No more faxes? Dial ..." are one.)
SENTENCE = re.compile(r"(?<=[.!])\s+|\s*\|\s*")
ORDERS = re.compile(r"order|bestell|command|pedid")
DIGIT = re.compile(r"\d")
PERCENT = re.compile(r"\d ?%")


@dataclass(frozen=True)
class SpamWeights:
    """Signal weights; the defaults favour precision (a real fax is never flagged by one
    weak signal alone)."""

    threshold: float = 5.0
    provider_verdict: float = 3.0
    blocklist: float = 10.0
    no_caller_id: float = 1.0
    opt_out_notice: float = 3.0
    opt_out_number: float = 1.0
    opt_out_free: float = 1.0
    unsubscribe_only: float = 0.5
    advertising_per_term: float = 0.75
    advertising_max: float = 3.0
    solicitation: float = 3.0
    offer_to_stranger: float = 2.0
    dressed_as_bill: float = 3.0
    asks_for_secrets: float = 3.0
    pressing_notice: float = 3.0
    claimed_call: float = 3.0
    pitch_followup: float = 3.0
    claimed_records: float = 2.0
    windfall_for_a_fee: float = 3.0
    diverted_payment: float = 3.0
    toll_free_callback: float = 1.0
    unaddressed: float = 1.5
    ordinary_document: float = 1.0
    ordinary_document_max: float = 3.0
    one_page: float = 0.5
    learned: float = 5.0
    learned_min_examples: int = 3  # per class, before the learned signal speaks
    model: float = 3.0  # the shipped model: +model at 100% junk, -model at 0%
    model_unmarked: float = 4.0  # the same, for a fax with no mark of correspondence


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    weight: float


@dataclass
class Verdict:
    score: float
    verdict: str  # "spam" | "ham"
    signals: list[dict[str, Any]] = field(default_factory=list)


# Function words ("the", "your", "für", "vous") say nothing about a fax but outnumber the words
# that do: in a model trained on a handful of verdicts they alone decide whatever shares them.
STOP_WORDS = frozenset(w for language in ("en", "de", "fr", "es")
                       for w in get_stop_words(language))


def words(text: str) -> list[str]:
    """The words the learned signal counts (stop words left out)."""
    return [w for w in WORD.findall(text.lower()) if w not in STOP_WORDS]


class NaiveBayes:
    """Multinomial naive Bayes with Laplace smoothing over operator-judged faxes."""

    def __init__(self, examples: Iterable[tuple[str, str]]) -> None:
        self.counts = {"spam": Counter(), "ham": Counter()}
        self.docs = Counter()
        for label, text in examples:
            self.docs[label] += 1
            self.counts[label].update(set(words(text)))
        self.totals = {label: sum(c.values()) for label, c in self.counts.items()}
        self.vocabulary = len(set(self.counts["spam"]) | set(self.counts["ham"])) or 1

    def ready(self, minimum: int) -> bool:
        return self.docs["spam"] >= minimum and self.docs["ham"] >= minimum

    def known_words(self, text: str) -> set[str]:
        return {w for w in words(text) if w in self.counts["spam"] or w in self.counts["ham"]}

    def spam_probability(self, text: str) -> float:
        """P(spam | the text's words that training saw). Unseen words are left out: counted,
        they favour whichever class saw fewer words, whatever the text says."""
        logs = {}
        n = sum(self.docs.values())
        known = self.known_words(text)
        for label in ("spam", "ham"):
            log_p = math.log((self.docs[label] + 1) / (n + 2))
            denominator = self.totals[label] + self.vocabulary
            for word in known:
                log_p += math.log((self.counts[label][word] + 1) / denominator)
            logs[label] = log_p
        top = max(logs.values())
        spam, ham = (math.exp(logs[label] - top) for label in ("spam", "ham"))
        return spam / (spam + ham)


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


def _has_phone_number(text: str) -> bool:
    for match in PHONE.finditer(text):
        number = match.group(0).strip()
        if 7 <= sum(c.isdigit() for c in number) <= 15 and not DATE_LIKE.match(number):
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
                 ) -> OptOut | None:
    """The fax's opt-out notice: the first about faxes on any page, else the first lone
    "unsubscribe"-like wording (as a printed newsletter or web page carries).
    ``folded_pages``: the pages already folded (lines kept), if the caller has them."""
    lone = None
    for page_no, page in enumerate(page_texts, start=1):
        page_folded = fold(page) if folded_pages is None else folded_pages[page_no - 1]
        folded = " ".join(page_folded.split())
        concept = concept_opt_out(page, folded, page_folded)
        candidates = sorted([*FAX_OPT_OUT.finditer(folded), *GENERIC_OPT_OUT.finditer(folded),
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
    return lone


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
EMAIL_OR_WEB = re.compile(r"\b[\w.-]+@[\w-]+\.\w|\bwww\.\w|\bhttps?://")


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
    if found:
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
                and not FILLED_BELOW.match(lines, found.end()):
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
    creditor or office names its counterparty. Its threat and its deadline."""
    threat = THREAT_OF_LOSS.search(folded)
    deadline = SHORT_DEADLINE.search(folded) if threat else None
    if threat and deadline is None:
        deadline = dated_threat(folded)
    if not (threat and deadline):
        return None
    if addressed_by_name(folded, lines):
        return None
    return f"{threat.group(0).strip()} / {deadline.group(0).strip()}"


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
    if "an addressee by name" not in marks and SALUTATION.search(lines):
        marks.append("an addressee by name")
    if "a patient" not in marks and not disguised and named_holder(lines) is not None:
        # (one kind with a patient, counted once; an offer dressed as a bill copies the
        # holder's name from a public register as it copies a reference)
        marks.append("a patient")
    if WEB_ADDRESS.search(folded) and WEB_FURNITURE.search(folded):
        marks.append("a printed web page")
    return marks


def score(*, page_texts: Sequence[str], from_number: str | None, from_raw: str | None,
          provider_is_spam: bool | None, weights: SpamWeights, blocklist: set[str],
          allowlist: set[str], rules: Sequence[Rule] = (),
          model: NaiveBayes | None = None,
          junk_model: JunkModel | None = None) -> Verdict:
    """Score one fax from the text of all its pages (pure: the caller supplies text, numbers
    and the trained models; ``junk_model`` defaults to the shipped one)."""
    signals: list[dict[str, Any]] = []

    def fire(name: str, weight: float, detail: str) -> None:
        signals.append({"signal": name, "weight": round(weight, 2), "detail": detail})

    text = "\n".join(page_texts)
    # Each page folded once (lines kept, for the opt-out concept); the fax from those.
    folded_pages = [fold(page) for page in page_texts]
    folded = " ".join(" ".join(folded_pages).split())
    if from_number and from_number in allowlist:
        fire("allowlist", -100.0, f"{from_number} is on spam.allowlist")
        return Verdict(-100.0, "ham", signals)
    if from_number and from_number in blocklist:
        fire("blocklist", weights.blocklist, f"{from_number} is on spam.blocklist")
    if provider_is_spam:
        fire("provider_verdict", weights.provider_verdict, "the provider marked it as spam")
    if (from_raw or "").strip().lower() in ANONYMOUS and not from_number:
        fire("no_caller_id", weights.no_caller_id, "no sender number")
    notice = find_opt_out(page_texts, folded_pages)
    searches = OfferSearches(folded)
    disguise = dressed_as_bill(folded, searches)
    folded_lines = "\n".join(folded_pages)
    secret = asks_for_secrets(folded_lines)
    # A fax asking for a PIN or a card's code imitates a bank's or an office's notice, case
    # number and all, as an offer dressed as a bill imitates an invoice; so does one that
    # threatens fines and names its price for avoiding them (a regulator bills no service):
    # their references are no sign of correspondence.
    scare = FINE_THREAT.search(folded) is not None and searches.price is not None
    # ... and so does a notice pressing a stranger with a loss within hours or days
    pressing = pressing_notice(folded, folded_lines)
    disguise = disguise or debt_for_a_listing(folded, pressing)
    # ... and so does a windfall sold for a fee (a lottery's ticket number is its costume)
    windfall = windfall_for_a_price(folded, folded_lines)
    # ... and so does a note diverting payments to a new account after a claimed call
    diverted = diverted_payment(folded, folded_lines)
    marks = ordinary_marks(folded, disguised=(disguise is not None or secret is not None or scare
                                              or pressing is not None or windfall is not None
                                              or diverted is not None),
                           lines=folded_lines)
    call = claimed_call(folded, folded_lines, searches)
    if call is not None and set(marks) <= CALL_COSTUME:
        # (its "as discussed" is the pitch's, not a reply's, and so are the payment terms of
        # the offer it asks to sign; a note with a real reference keeps its marks and this says
        # nothing; a named reader counts only where claimed_call lets it)
        marks = []
    else:
        call = None
    # ... and so does a note addressed to a role ("To: Purchasing / Supply Room") that thanks
    # its reader for its business and cites no account: a customer has a name and a number
    if call is None and marks and set(marks) <= {REPLY} and ADDRESSED_TO_A_ROLE.search(
            folded_lines):
        marks = []
    # ... and so does a note chasing an earlier offer to nobody named, with no reference
    chase = pitch_followup(folded, folded_lines) if set(marks) <= {REPLY} else None
    if chase is not None or (windfall is not None and set(marks) <= {REPLY}):
        # (a fraud's "as agreed" is its script's)
        marks = []
    # ... and a notice claiming records about a reader it neither names nor cites
    records = claimed_records(folded, folded_lines, searches) if not marks else None
    if notice is not None and STATED_RELATIONSHIP in marks:
        # a sender that says the reader is its member or customer offers a way out of its
        # bulletin, as a newsletter does: not the opt-out the law asks of unsolicited ads
        notice = OptOut(notice.page, notice.wording, False, notice.number,
                        notice.free_of_charge)
    if notice is not None and notice.about_faxes:
        fire("opt_out_notice", weights.opt_out_notice,
             f"opt-out wording on page {notice.page}: {notice.wording!r}")
        if notice.number:
            fire("opt_out_number", weights.opt_out_number,
                 "the opt-out gives a number to send the request to")
        if notice.free_of_charge:
            fire("opt_out_free", weights.opt_out_free,
                 "the opt-out says using it costs nothing")
    elif notice is not None:
        fire("unsubscribe_only", weights.unsubscribe_only,
             f"{notice.wording!r} on page {notice.page}, with no fax or number beside it")
    phrases = sorted({" ".join(m.group(0).split()) for m in ADVERTISING.finditer(folded)})
    if phrases:
        fire("advertising", min(weights.advertising_max,
                                weights.advertising_per_term * len(phrases)),
             "advertising phrases: " + ", ".join(phrases))
    offer = solicitation(folded, (line for page in folded_pages for line in page.splitlines()),
                         searches)
    if offer is None and not marks:
        offer = priced_with_contact(folded, folded_lines, searches)
    if offer:
        fire("solicitation", weights.solicitation,
             f"an offer ({offer[0]!r}) and a request to act on it ({offer[1]!r})")
    stranger = (offer_to_stranger(folded, folded_lines, searches, chase)
                if offer is None and not marks else None)
    if stranger:
        fire("offer_to_stranger", weights.offer_to_stranger,
             f"an offer ({stranger[0]!r}) and a way to respond ({stranger[1]!r}), "
             "with no mark of correspondence")
    toll_free = TOLL_FREE.search(text)
    if toll_free:
        fire("toll_free_callback", weights.toll_free_callback,
             f"toll-free number {toll_free.group(0).strip()}")
    if len(page_texts) == 1:
        fire("one_page", weights.one_page, "one-page fax (typical of broadcasts)")
    if disguise:
        fire("dressed_as_bill", weights.dressed_as_bill,
             f"an offer dressed as a bill or a listing renewal: {disguise!r}")
    if secret:
        fire("asks_for_secrets", weights.asks_for_secrets,
             f"asks for what nobody sends by fax: {secret!r}")
    if call:
        fire("claimed_call", weights.claimed_call,
             f"an offer after a conversation ({call!r}) it claims with no one it names, or "
             "taking silence for consent")
    if records:
        fire("claimed_records", weights.claimed_records,
             f"a notice claiming records about a reader it neither names nor cites "
             f"({records!r})")
    if windfall:
        fire("windfall_for_a_fee", weights.windfall_for_a_fee,
             f"a windfall announced to nobody named, at a price: {windfall!r}")
    if diverted:
        fire("diverted_payment", weights.diverted_payment,
             f"a new bank account for all payments, after a call it claims, naming nobody: "
             f"{diverted!r}")
    if chase:
        fire("pitch_followup", weights.pitch_followup,
             f"a note chasing an earlier offer ({chase!r}), naming no one")
    if pressing:
        fire("pressing_notice", weights.pressing_notice,
             f"a loss threatened unless a stranger acts within hours or days: {pressing!r}")
    advertises = ((notice is not None and notice.about_faxes) or offer is not None
                  or disguise is not None or stranger is not None or secret is not None
                  or pressing is not None or call is not None or chase is not None
                  or records is not None or windfall is not None
                  or diverted is not None or stock_tip(folded))
    if advertises and not marks:
        fire("unaddressed", weights.unaddressed,
             "advertises to no one in particular: no patient, account, reference or addressee")
    if marks:
        # (a sender saying why the reader receives it, as a member or a customer, names the
        # relationship a broadcast lacks: that alone counts as much as all the marks)
        strength = 3 if STATED_RELATIONSHIP in marks else len(marks)
        fire("ordinary_document", -min(weights.ordinary_document_max,
                                       weights.ordinary_document * strength),
             "reads like correspondence: " + ", ".join(marks))
    if weights.model and len(WORD.findall(folded)) >= MODEL_MIN_WORDS:
        guess = (junk_model or shipped_model()).predict(page_texts)
        # An offer with no mark of correspondence: whether it goes to a stranger or to a
        # customer, what the text reads like is most of what there is to go on, so the model
        # speaks louder, both ways. (Not for text that offers nothing: the model alone, with
        # one page and no caller id, must never reach the threshold.)
        weight = weights.model_unmarked if advertises and not marks else weights.model
        contribution = weight * (2 * guess.probability - 1)
        if abs(contribution) >= 0.05:
            why = ", ".join(guess.towards_junk if contribution > 0 else guess.towards_ordinary)
            fire("model", contribution, f"reads {guess.probability:.0%} like junk faxes"
                 + (f" (most: {why})" if why else ""))
    for rule in rules:
        if rule.pattern.search(text):
            fire(f"rule:{rule.name}", rule.weight, f"matches {rule.pattern.pattern!r}")
    known = model.known_words(text) if model is not None else set()
    if (model is not None and model.ready(weights.learned_min_examples)
            and len(known) >= 3):  # too little overlap says nothing
        p = model.spam_probability(text)
        # It speaks for the share of the fax's words that judged faxes had: naive Bayes is
        # as sure of 3 known words in 40 as of 14 in 18, and a few marks (whose words are
        # those of one campaign) made it flag newsletters sharing 3 to 5 of their words.
        coverage = len(known) / max(1, len(set(words(text))))
        contribution = weights.learned * (2 * p - 1) * coverage
        if abs(contribution) >= 0.05:
            fire("learned", contribution, f"operator-trained model: {p:.0%} spam, "
                 f"{coverage:.0%} of its words judged before")
    total = round(sum(s["weight"] for s in signals), 2)
    return Verdict(total, "spam" if total >= weights.threshold else "ham", signals)


# -- catalog side ------------------------------------------------------------------------------
def weights_from(config: Any) -> SpamWeights:
    c = config.spam
    return SpamWeights(
        threshold=c.threshold, provider_verdict=c.provider_verdict,
        blocklist=c.blocklist_weight, no_caller_id=c.no_caller_id,
        opt_out_notice=c.opt_out_notice, opt_out_number=c.opt_out_number,
        opt_out_free=c.opt_out_free,
        unsubscribe_only=c.unsubscribe_only, advertising_per_term=c.advertising_per_term,
        advertising_max=c.advertising_max, solicitation=c.solicitation,
        offer_to_stranger=c.offer_to_stranger,
        dressed_as_bill=c.dressed_as_bill, asks_for_secrets=c.asks_for_secrets,
        pressing_notice=c.pressing_notice, claimed_call=c.claimed_call,
        pitch_followup=c.pitch_followup, claimed_records=c.claimed_records,
        windfall_for_a_fee=c.windfall_for_a_fee, diverted_payment=c.diverted_payment,
        toll_free_callback=c.toll_free_callback, unaddressed=c.unaddressed,
        ordinary_document=c.ordinary_document,
        ordinary_document_max=c.ordinary_document_max, one_page=c.one_page,
        learned=c.learned, learned_min_examples=c.learned_min_examples, model=c.model,
        model_unmarked=c.model_unmarked)


def _numbers(values: list[str], region: str) -> set[str]:
    from ingest.numbers import normalize_number

    return {normalize_number(v, region) or v for v in values}


def train(catalog: Any, exclude: str | None = None) -> NaiveBayes:
    """The model from every operator verdict (the fax being scored left out)."""
    return NaiveBayes(catalog.spam_feedback_texts(exclude=exclude))


def score_fax(catalog: Any, config: Any, fax_id: str, model: NaiveBayes | None = None,
              ) -> Verdict:
    """Score a fax from the text of all its pages in the catalog (they must be in); an
    operator verdict wins."""
    fax = catalog.get_fax(fax_id)
    pages = catalog.pages(fax["id"])
    feedback = catalog.spam_feedback(fax["id"])
    if feedback:
        return Verdict(0.0, feedback["verdict"], [{
            "signal": "operator", "weight": 0.0,
            "detail": f"{feedback['actor']} marked it {feedback['verdict']}"}])
    region = config.numbers.default_region
    rules = [Rule(r.name, re.compile(r.pattern), r.weight) for r in config.spam.rules]
    return score(
        page_texts=[p["text"] or "" for p in pages], from_number=fax["from_number"],
        from_raw=fax["from_raw"], provider_is_spam=fax["metadata"].get("is_spam") is True,
        weights=weights_from(config), blocklist=_numbers(config.spam.blocklist, region),
        allowlist=_numbers(config.spam.allowlist, region), rules=rules,
        model=model if model is not None else train(catalog, exclude=fax["id"]))


def record_verdict(catalog: Any, fax_id: str, verdict: Verdict) -> None:
    """Store a verdict on the fax (inside the caller's transaction)."""
    import json

    catalog.update_fax(fax_id, spam_score=verdict.score, spam_verdict=verdict.verdict,
                       spam_signals=json.dumps(verdict.signals),
                       spam_source="operator" if verdict.signals and
                       verdict.signals[0]["signal"] == "operator" else "score")
