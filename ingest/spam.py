"""Spam flagging that explains itself and never hides a real fax.

A fax's score is the sum of weighted signals; at or above ``spam.threshold`` it is flagged
``spam`` (kept, archived, searchable with ``--include-spam``), else ``ham``. An operator's
verdict (``faxvault spam mark|unmark``) always wins, and also trains the learned signal: a
multinomial naive Bayes over the words of faxes operators judged.

The signals describe what a junk fax is rather than how one sender worded it: an opt-out is a
wish to stop paired with what is stopped (faxes, the sender's list, its ads) in any wording,
a solicitation is an offer with a request to act on it, and correspondence with a known party
counts against both (the searches for each kind: ingest/spam_kinds.py; their wordings:
ingest/spam_lexicon.py). The shipped model (ingest/spam_model.py) adds how much the whole
text reads like junk faxes, naming the words that weighed most.

The classifier is hand-written (about forty lines) rather than taken from scikit-learn: the
model is a few word counts, retrained from scratch on every scoring run in milliseconds, and
scikit-learn would add NumPy and SciPy (around 100 MB) to a service that needs neither.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from stop_words import get_stop_words

from ingest.numbers import normalized_numbers
from ingest.spam_kinds import (
    CALL_COSTUME,
    REPLY,
    OfferSearches,
    OptOut,
    appeal_for_gifts,
    asks_for_secrets,
    blank_secret_field,
    claimed_call,
    claimed_records,
    debt_for_a_listing,
    diverted_payment,
    dressed_as_bill,
    find_opt_out,
    offer_to_stranger,
    ordinary_marks,
    pitch_followup,
    pressing_notice,
    priced_beyond_the_fine,
    priced_with_contact,
    software_documentation,
    solicitation,
    staffing_offer,
    stock_tip,
    windfall_for_a_price,
)
from ingest.spam_lexicon import (
    ADDRESSED_TO_A_ROLE,
    ADVERTISING,
    FAX_WORD,
    FINE_THREAT,
    PENALTY_TERMS,
    PRINTED_WEB_PAGE,
    STATED_RELATIONSHIP,
    TOLL_FREE,
    fold,
)
from ingest.spam_model import JunkModel, shipped_model

WORD = re.compile(r"[a-z][a-z']{2,}")
ANONYMOUS = {"", "anonymous", "unknown", "private", "restricted", "unavailable", "0"}
# The shipped model reads a fax of a few words as its prior: below this, it says nothing.
MODEL_MIN_WORDS = 8


@dataclass(frozen=True)
class SpamWeights:
    """Signal weights; the defaults favour precision (a real fax is never flagged by one
    weak signal alone)."""

    threshold: float = 6.0
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
    dressed_as_bill: float = 4.0
    asks_for_secrets: float = 3.0
    pressing_notice: float = 3.0
    claimed_call: float = 4.0
    pitch_followup: float = 4.0
    claimed_records: float = 3.0
    windfall_for_a_fee: float = 4.0
    diverted_payment: float = 4.0
    staffing_offer: float = 3.0
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


def score(*, page_texts: Sequence[str], from_number: str | None, from_raw: str | None,
          provider_is_spam: bool | None, weights: SpamWeights, blocklist: AbstractSet[str],
          allowlist: AbstractSet[str], rules: Sequence[Rule] = (),
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
    if secret and software_documentation(folded_lines) and not blank_secret_field(folded_lines):
        # (a manual's password is its software's, not the reader's: "A login username
        # password" typed at a mail server's prompt, "provide a username of "user" and a
        # password of "password"" in a doctest. A blank to fill in is asked for whatever
        # else the text has: a phishing form that names a version and a support handle)
        secret = None
    # A fax asking for a PIN or a card's code imitates a bank's or an office's notice, case
    # number and all, as an offer dressed as a bill imitates an invoice; so does one that
    # threatens fines and names its price for avoiding them (a regulator bills no service):
    # their references are no sign of correspondence.
    scare = (FINE_THREAT.search(folded) is not None and searches.price is not None
             and priced_beyond_the_fine(folded))
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
    # ... and so does an appeal for gifts to a stranger (its "überweisen" is the gift's)
    appeal = (appeal_for_gifts(folded, folded_lines, searches)
              if set(marks) <= {"payment terms"} else None)
    if appeal is not None:
        marks = []
    # ... and a notice claiming records about a reader it neither names nor cites
    records = claimed_records(folded, folded_lines, searches) if not marks else None
    if notice is not None and PRINTED_WEB_PAGE in marks and not FAX_WORD.search(notice.wording):
        # a printed web page's "unsubscribe" is its site's newsletter's; a notice that names
        # faxes ("Write NO MORE FAXES on this page") is still one
        notice = find_opt_out(page_texts, folded_pages, fax_worded=True) or OptOut(
            notice.page, notice.wording, False, notice.number, notice.free_of_charge)
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
    # (not in a penalty's terms: "a penalty of 5% per month, up to 15%" advertises nothing)
    phrases = sorted({" ".join(m.group(0).split())
                      for m in ADVERTISING.finditer(PENALTY_TERMS.sub(" ", folded))})
    if phrases:
        fire("advertising", min(weights.advertising_max,
                                weights.advertising_per_term * len(phrases)),
             "advertising phrases: " + ", ".join(phrases))
    offer = solicitation(folded, (line for page in folded_pages for line in page.splitlines()),
                         searches)
    if offer is None:
        offer = appeal  # (a request for a donation is an offer with a request to act)
    if offer is not None and marks == ["payment terms"]:
        # (an offer's own terms: "30% deposit, balance due 60 days before arrival",
        # "Financiación a 90 días"; an invoice or a quote asked for has a reference, a name or
        # a reply beside its terms)
        marks = []
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
    staffing = staffing_offer(folded)
    if staffing:
        fire("staffing_offer", weights.staffing_offer,
             f"offers to supply workers: {staffing!r}")
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
                  or diverted is not None or staffing is not None
                  or stock_tip(folded))
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
        staffing_offer=c.staffing_offer,
        toll_free_callback=c.toll_free_callback, unaddressed=c.unaddressed,
        ordinary_document=c.ordinary_document,
        ordinary_document_max=c.ordinary_document_max, one_page=c.one_page,
        learned=c.learned, learned_min_examples=c.learned_min_examples, model=c.model,
        model_unmarked=c.model_unmarked)


def train(catalog: Any, exclude: str | None = None) -> NaiveBayes:
    """The model from every operator verdict (the fax being scored left out)."""
    return NaiveBayes(catalog.spam_feedback_texts(exclude=exclude))


class VerdictModel:
    """The model from every operator verdict, trained again only when the catalog's spam
    training revision has moved (a verdict given or changed, a judged fax read again).
    Training reads and splits the text of every judged fax: done for each fax scored, it
    cost a fax about 20 ms more at 1,000 verdicts and 130 ms more at 5,000, on the service's
    event loop, inside its write transaction (benchmarks/spam_feedback.py). A fax being
    scored has no verdict of its own (a judged fax gets its operator's verdict before any
    model), so one model over every verdict serves every fax scored."""

    def __init__(self) -> None:
        self._revision: int | None = None
        self._model = NaiveBayes(())

    def current(self, catalog: Any) -> NaiveBayes:
        # The revision is read before the verdicts: a change committed in between is in
        # the model and moves the revision, so the next call trains again (never staler).
        revision = catalog.spam_training_revision()
        if revision != self._revision:
            self._model, self._revision = train(catalog), revision
        return self._model


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
        weights=weights_from(config),
        blocklist=normalized_numbers(tuple(config.spam.blocklist), region),
        allowlist=normalized_numbers(tuple(config.spam.allowlist), region), rules=rules,
        model=model if model is not None else train(catalog, exclude=fax["id"]))


def record_verdict(catalog: Any, fax_id: str, verdict: Verdict) -> None:
    """Store a verdict on the fax (inside the caller's transaction)."""
    import json

    catalog.update_fax(fax_id, spam_score=verdict.score, spam_verdict=verdict.verdict,
                       spam_signals=json.dumps(verdict.signals),
                       spam_source="operator" if verdict.signals and
                       verdict.signals[0]["signal"] == "operator" else "score")
