"""Train the shipped junk-fax model (ingest/spam_model.json) on tests/spam_training_set.py.

A logistic regression with L2 regularisation fitted by AdaGrad in plain Python (a few
hundred faxes, a few seconds), then pruned to the strongest features so the shipped file stays
small. Reproducible: the training set and the shuffling are seeded.

    python benchmarks/spam_train.py            # write ingest/spam_model.json
    python benchmarks/spam_train.py --check    # only print training accuracy
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.spam_model import MODEL_PATH, JunkModel, features, vector

EPOCHS, RATE, L2, KEEP = 25, 0.5, 1e-5, 20000


def fit(examples: Sequence[tuple[str, Sequence[str]]], seed: int = 15, epochs: int = EPOCHS,
        keep: int = KEEP) -> JunkModel:
    """examples: (label, page texts); label "spam" or "ham"."""
    data = [(1.0 if label == "spam" else 0.0, vector(features("\n".join(pages))))
            for label, pages in examples]
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_sq = 0.0, 1e-8
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            y, x = data[i]
            z = bias + sum(weights.get(k, 0.0) * v for k, v in x.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            error = p - y
            bias_sq += error * error
            bias -= RATE * error / math.sqrt(bias_sq)
            for k, v in x.items():
                w = weights.get(k, 0.0)
                g = error * v + L2 * w
                squares[k] = squares.get(k, 1e-8) + g * g
                weights[k] = w - RATE * g / math.sqrt(squares[k])
    strongest = sorted(weights.items(), key=lambda kv: abs(kv[1]), reverse=True)[:keep]
    return JunkModel(bias, {k: round(w, 4) for k, w in strongest if abs(w) >= 1e-3})


def training_examples() -> list[tuple[str, list[str]]]:
    from tests.spam_training_set import training_faxes

    return [(label, ["\n".join(page) for page in pages]) for label, pages in training_faxes()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not write the model")
    args = parser.parse_args()
    examples = training_examples()
    model = fit(examples)
    right = sum((model.predict(pages).probability >= 0.5) == (label == "spam")
                for label, pages in examples)
    print(f"{len(examples)} training faxes, {len(model.weights)} features kept, "
          f"training accuracy {right / len(examples):.3f}")
    if not args.check:
        MODEL_PATH.write_text(json.dumps({
            "about": "junk-fax model trained by benchmarks/spam_train.py on "
                     "tests/spam_training_set.py; see ingest/spam_model.py",
            "bias": round(model.bias, 4), "weights": dict(sorted(model.weights.items()))},
            ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
