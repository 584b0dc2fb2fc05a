"""Spam flagging that explains itself and never hides a real fax.

A fax's score is the sum of weighted signals; at or above ``spam.threshold`` it is flagged
``spam`` (kept, archived, searchable with ``--include-spam``), else ``ham``. An operator's
verdict (``faxvault spam mark|unmark``) always wins, and also trains the learned signal: a
multinomial naive Bayes over the words of faxes operators judged.

The classifier is hand-written (about forty lines) rather than taken from scikit-learn: the
model is a few word counts, retrained from scratch on every scoring run in milliseconds, and
scikit-learn would add NumPy and SciPy (around 100 MB) to a service that needs neither.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# US Junk Fax Prevention Act opt-out notices, in their many wordings.
OPT_OUT = re.compile(
    r"(to\s+be\s+remov|opt[\s-]*out|unsubscrib|remove\s+(?:your|this|my)\s+(?:fax|number|name)"
    r"|(?:no|stop)\s+(?:further|more|future)\s+fax|do\s+not\s+(?:wish|want)\s+to\s+receive"
    r"|removal\s+(?:line|number|request)|fax\s+removal|remove\s+from\s+(?:our|this)\s+list"
    r"|(?:call|fax|dial)\s+[^\n]{0,40}\s+to\s+(?:be\s+)?remov)",
    re.IGNORECASE)
TOLL_FREE = re.compile(
    r"\(?\b(?:1[\s.-]?)?\(?(800|833|844|855|866|877|888)\)?[\s.-]?\d{3}[\s.-]?\d{4}\b")
ADVERTISING = (
    "free", "limited time", "offer", "discount", "vacation", "cruise", "resort", "toner",
    "cartridge", "loan", "credit", "approved", "lowest price", "act now", "call now",
    "promotion", "marketing", "leads", "winner", "prize", "guaranteed", "save", "deal",
    "exclusive", "bonus", "refinance", "cash", "business funding", "sale", "% off",
    "limited", "reserve", "seminar", "no obligation",
)
WORD = re.compile(r"[a-z][a-z']{2,}")
ANONYMOUS = {"", "anonymous", "unknown", "private", "restricted", "unavailable", "0"}


@dataclass(frozen=True)
class SpamWeights:
    """Signal weights; the defaults favour precision (a real fax is never flagged by one
    weak signal alone)."""

    threshold: float = 5.0
    provider_verdict: float = 3.0
    blocklist: float = 10.0
    no_caller_id: float = 1.0
    opt_out_notice: float = 3.0
    advertising_per_term: float = 0.75
    advertising_max: float = 3.0
    toll_free_callback: float = 1.0
    one_page: float = 0.5
    learned: float = 5.0
    learned_min_examples: int = 3  # per class, before the learned signal speaks


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


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


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


def score(*, text: str, first_page: str, pages: int, from_number: str | None,
          from_raw: str | None, provider_is_spam: bool | None, weights: SpamWeights,
          blocklist: set[str], allowlist: set[str], rules: list[Rule] = (),
          model: NaiveBayes | None = None) -> Verdict:
    """Score one fax (pure: the caller supplies text, numbers and the trained model)."""
    signals: list[dict[str, Any]] = []

    def fire(name: str, weight: float, detail: str) -> None:
        signals.append({"signal": name, "weight": round(weight, 2), "detail": detail})

    if from_number and from_number in allowlist:
        fire("allowlist", -100.0, f"{from_number} is on spam.allowlist")
        return Verdict(-100.0, "ham", signals)
    if from_number and from_number in blocklist:
        fire("blocklist", weights.blocklist, f"{from_number} is on spam.blocklist")
    if provider_is_spam:
        fire("provider_verdict", weights.provider_verdict, "the provider marked it as spam")
    if (from_raw or "").strip().lower() in ANONYMOUS and not from_number:
        fire("no_caller_id", weights.no_caller_id, "no sender number")
    notice = OPT_OUT.search(first_page)
    if notice:
        fire("opt_out_notice", weights.opt_out_notice,
             f"opt-out wording on page 1: {notice.group(0)!r}")
    lowered = text.lower()
    terms = sorted({t for t in ADVERTISING if re.search(rf"(?<![a-z]){re.escape(t)}", lowered)})
    if terms:
        fire("advertising", min(weights.advertising_max,
                                weights.advertising_per_term * len(terms)),
             "advertising words: " + ", ".join(terms))
    toll_free = TOLL_FREE.search(text)
    if toll_free:
        fire("toll_free_callback", weights.toll_free_callback,
             f"toll-free number {toll_free.group(0).strip()}")
    if pages == 1:
        fire("one_page", weights.one_page, "one-page fax (typical of broadcasts)")
    for rule in rules:
        if rule.pattern.search(text):
            fire(f"rule:{rule.name}", rule.weight, f"matches {rule.pattern.pattern!r}")
    if (model is not None and model.ready(weights.learned_min_examples)
            and len(model.known_words(text)) >= 3):  # too little overlap says nothing
        p = model.spam_probability(text)
        contribution = weights.learned * (2 * p - 1)
        if abs(contribution) >= 0.05:
            fire("learned", contribution, f"operator-trained model: {p:.0%} spam")
    total = round(sum(s["weight"] for s in signals), 2)
    return Verdict(total, "spam" if total >= weights.threshold else "ham", signals)


# -- catalog side ------------------------------------------------------------------------------
def weights_from(config: Any) -> SpamWeights:
    c = config.spam
    return SpamWeights(
        threshold=c.threshold, provider_verdict=c.provider_verdict,
        blocklist=c.blocklist_weight, no_caller_id=c.no_caller_id,
        opt_out_notice=c.opt_out_notice, advertising_per_term=c.advertising_per_term,
        advertising_max=c.advertising_max, toll_free_callback=c.toll_free_callback,
        one_page=c.one_page, learned=c.learned, learned_min_examples=c.learned_min_examples)


def _numbers(values: list[str], region: str) -> set[str]:
    from ingest.numbers import normalize_number

    return {normalize_number(v, region) or v for v in values}


def train(catalog: Any, exclude: str | None = None) -> NaiveBayes:
    """The model from every operator verdict (the fax being scored left out)."""
    rows = catalog.conn.execute(
        """SELECT f.verdict, group_concat(p.text, ' ') AS text FROM spam_feedback f
           JOIN pages p ON p.fax_id = f.fax_id WHERE f.fax_id IS NOT ?
           GROUP BY f.fax_id""", (exclude,))
    return NaiveBayes((r["verdict"], r["text"] or "") for r in rows)


def score_fax(catalog: Any, config: Any, fax_id: str, model: NaiveBayes | None = None,
              ) -> Verdict:
    """Score a fax from the catalog (its pages must be in); an operator verdict wins."""
    fax = catalog.get_fax(fax_id)
    pages = catalog.pages(fax["id"])
    feedback = catalog.conn.execute("SELECT verdict, actor FROM spam_feedback WHERE fax_id = ?",
                                    (fax["id"],)).fetchone()
    if feedback:
        return Verdict(0.0, feedback["verdict"], [{
            "signal": "operator", "weight": 0.0,
            "detail": f"{feedback['actor']} marked it {feedback['verdict']}"}])
    region = config.numbers.default_region
    rules = [Rule(r.name, re.compile(r.pattern), r.weight) for r in config.spam.rules]
    return score(
        text="\n".join(p["text"] for p in pages), first_page=pages[0]["text"] if pages else "",
        pages=len(pages), from_number=fax["from_number"], from_raw=fax["from_raw"],
        provider_is_spam=fax["metadata"].get("is_spam") is True, weights=weights_from(config),
        blocklist=_numbers(config.spam.blocklist, region),
        allowlist=_numbers(config.spam.allowlist, region), rules=rules,
        model=model if model is not None else train(catalog, exclude=fax["id"]))


def record_verdict(catalog: Any, fax_id: str, verdict: Verdict) -> None:
    """Store a verdict on the fax (inside the caller's transaction)."""
    import json

    catalog.update_fax(fax_id, spam_score=verdict.score, spam_verdict=verdict.verdict,
                       spam_signals=json.dumps(verdict.signals),
                       spam_source="operator" if verdict.signals and
                       verdict.signals[0]["signal"] == "operator" else "score")
