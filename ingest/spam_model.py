"""The shipped junk-fax model: a logistic regression over a fax's words, word pairs and the
letter sequences inside words, trained on the written training faxes and the labelled sets by
benchmarks/spam_train.py and shipped as ingest/spam_model.json (loaded once, on first use).

Letter sequences (three to five letters) make it read past OCR damage and across languages
("abbestellen", "abbestellung", "abbestelen" share most of theirs). Its explanation names the
words that pushed it most either way, so the ``model`` signal stays readable:
``model: 91% junk (catalog, per month, order | patient)``.

Plain Python, no NumPy: scoring a fax is a few hundred dictionary look-ups.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.spam_lexicon import fold

MODEL_PATH = Path(__file__).with_name("spam_model.json")
# A number says how long it is, not which it is ("555-0123" and "555-0188" are alike).
TOKEN = re.compile(r"[a-z]+|\d+|[$€£%]")
CHAR_SIZES = (3, 4, 5)


def tokens(text: str) -> list[str]:
    return ["#" * min(len(t), 4) if t[0].isdigit() else t for t in TOKEN.findall(fold(text))]


def features(text: str) -> dict[str, list[int]]:
    """Feature name -> positions of the tokens it came from (for explanations)."""
    return token_features(tokens(text))


def token_features(toks: list[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for i, tok in enumerate(toks):
        found.setdefault(f"w:{tok}", []).append(i)
        if i + 1 < len(toks):
            found.setdefault(f"b:{tok} {toks[i + 1]}", []).append(i)
        if tok.isalpha() and len(tok) >= 4:
            padded = f" {tok} "
            for n in CHAR_SIZES:
                for start in range(len(padded) - n + 1):
                    found.setdefault(f"c:{padded[start:start + n]}", []).append(i)
    return found


def vector(found: Iterable[str]) -> dict[str, float]:
    """Binary features scaled to unit length (a long fax weighs no more than a short one)."""
    names = list(found)
    scale = 1.0 / math.sqrt(len(names)) if names else 0.0
    return dict.fromkeys(names, scale)


@dataclass(frozen=True)
class Prediction:
    probability: float  # that the fax is junk
    towards_junk: list[str]  # the words that pushed most towards junk, strongest first
    towards_ordinary: list[str]


@dataclass(frozen=True)
class JunkModel:
    bias: float
    weights: dict[str, float]

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> JunkModel:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return cls(float(doc["bias"]), {k: float(v) for k, v in doc["weights"].items()})

    def logit(self, x: dict[str, float]) -> float:
        return self.bias + sum(self.weights.get(name, 0.0) * v for name, v in x.items())

    def predict(self, page_texts: Sequence[str], explain: int = 4) -> Prediction:
        toks = tokens("\n".join(page_texts))
        found = token_features(toks)
        scale = 1.0 / math.sqrt(len(found)) if found else 0.0
        weights = self.weights
        known = [(name, weights[name] * scale) for name in found if name in weights]
        z = self.bias + sum(w for _, w in known)
        # Each feature's contribution shared among the words it came from.
        per_word: dict[str, float] = {}
        for name, w in known:
            positions = found[name]
            for i in positions:
                word = toks[i]
                if name.startswith("b:") and i + 1 < len(toks):
                    word = f"{toks[i]} {toks[i + 1]}"
                per_word[word] = per_word.get(word, 0.0) + w / len(positions)
        ranked = sorted(per_word.items(), key=lambda kv: kv[1])
        junk = [w for w, c in reversed(ranked) if c > 0.05][:explain]
        ordinary = [w for w, c in ranked if c < -0.05][:explain]
        return Prediction(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), junk, ordinary)


@lru_cache(maxsize=1)
def shipped_model() -> JunkModel:
    return JunkModel.load()
