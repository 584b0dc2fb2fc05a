"""Spam flagging quality through the real pipeline (render, OCR, score): precision and recall
with the default configuration, then after an operator marks the training faxes (the learned
signal), on two labelled sets side by side in one run:

- tuning: tests/spam_corpus.py, the set the scorer's patterns and weights were chosen on;
- held-out A: tests/spam_heldout.py, written before tuning; scored once, then its misses were
  studied (from then on it is a development set, not a held-out one);
- held-out B: tests/spam_heldout_b.py, written after that one look; scored once, then its
  misses were studied too (a development set from then on);
- held-out C: tests/spam_heldout_c.py, written after B's look; scored once, then its misses
  were studied (a development set from then on);
- held-out D: tests/spam_heldout_d.py, written after C's look; scored once, then its misses
  were studied (a development set from then on);
- held-out E: tests/spam_heldout_e.py, written after D's look and never tuned on until the
  concept scorer (ingest/spam.py) and the shipped model: from then on a development set too;
- held-out G: tests/spam_heldout_g.py, written after the concept scorer and the model were
  finished, scored once, then its two misses studied (a development set from then on);
- held-out F: tests/spam_heldout_f.py, written by an author who had read neither the scorer
  nor the other sets; scored once with main's scorer before this one existed (its first
  look: recall 0.480), then once with the concept scorer (recall 0.740); then released for
  study: from the kinds-of-junk change on (dressed-as-bill concept, offers with a number,
  ingest/spam_model.json trained on it too) a development set like the others;
- held-out H: tests/spam_heldout_h.py (70 junk / 70 legitimate), written by another author
  who read neither the scorer, its model, nor any set here, while the kinds-of-junk change
  was being made; scored once after it (precision 0.966, recall 0.814), then released for
  study: from the change that followed (registry offers disowning an official body, offers
  with no price, blank form fields, the learned signal weighted by what it knows) a
  development set like the others. The shipped model is not trained on it (yet);
- held-out I: tests/spam_heldout_i.py (60 junk / 60 legitimate), written by a third author
  who read neither the scorer, its model, nor any set here, while H was being studied;
  scored once after that change. Never tuned on: the held-out figure.

Apart from I, no set here is held out: every one is studied, and the shipped model
(ingest/spam_model.json) is trained on the written training faxes *and* on every set here
but H (benchmarks/spam_train.py), so the default-configuration figures are training figures
(H's are fitting figures for the concepts, not for the model). The
honest figure for the model is the cross-validation that follows, on the same OCR'd text:
for each labelled set, the model retrained on the written training faxes plus every *other*
labelled set and the whole scorer run on the one left out. (The hand-written concepts were
written looking at every set here: only a set written after them, and scored once, tests
them.)

    python benchmarks/spam_eval.py [--no-cv] [--set "held-out F"]   (--set: that set only)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def describe(name: str, items: list) -> str:
    spam = sum(1 for i in items if i.label == "spam")
    return f"{name}: {len(items)} faxes ({spam} spam, {len(items) - spam} legitimate)"


def report(label: str, services, sets: dict[str, list], ids: dict[str, str]) -> None:
    from tests.spam_corpus import precision_recall

    for name, items in sets.items():
        precision, recall = precision_recall(services, items, ids)
        wrong = [f"{i.name}({'missed' if i.label == 'spam' else 'flagged'})" for i in items
                 if (services.catalog.get_fax(ids[i.name])["spam_verdict"] == "spam")
                 != (i.label == "spam")]
        print(f"  {label:<24} {name:<10} precision {precision:.3f}  recall {recall:.3f}"
              f"  wrong: {', '.join(wrong) or '-'}")


def cross_validate(services, sets: dict[str, list], ids: dict[str, str]) -> None:
    """Leave one labelled set out: retrain the model on the rest plus the training set."""
    from benchmarks.spam_train import fit, training_examples
    from ingest.spam import SpamWeights, score

    texts = {}
    for items in sets.values():
        for i in items:
            fax = services.catalog.get_fax(ids[i.name])
            texts[i.name] = ([p["text"] or "" for p in services.catalog.pages(fax["id"])],
                             fax["from_number"], fax["from_raw"])
    base = training_examples()
    for held, items in sets.items():
        others = [(i.label, texts[i.name][0]) for name, rest in sets.items() if name != held
                  for i in rest]
        model = fit(base + others)
        tp = fp = fn = 0
        wrong = []
        for i in items:
            pages, number, raw = texts[i.name]
            verdict = score(page_texts=pages, from_number=number, from_raw=raw,
                            provider_is_spam=False, weights=SpamWeights(), blocklist=set(),
                            allowlist=set(), junk_model=model).verdict
            spam = i.label == "spam"
            tp += spam and verdict == "spam"
            fp += not spam and verdict == "spam"
            fn += spam and verdict != "spam"
            if (verdict == "spam") != spam:
                wrong.append(f"{i.name}({'missed' if spam else 'flagged'})")
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"  {'model without ' + held:<24} {held:<10} precision {precision:.3f}  recall "
              f"{recall:.3f}  wrong: {', '.join(wrong) or '-'}")


def main() -> None:
    from click.testing import CliRunner

    from ingest.cli import cli
    from ingest.pipeline import open_services
    from tests.conftest import make_config, write_config
    from tests.spam_corpus import eval_items, ingest_items, train_items
    from tests.spam_heldout import heldout_items
    from tests.spam_heldout_b import heldout_b_items
    from tests.spam_heldout_c import heldout_c_items
    from tests.spam_heldout_d import heldout_d_items
    from tests.spam_heldout_e import heldout_e_items
    from tests.spam_heldout_f import heldout_f_items
    from tests.spam_heldout_g import heldout_g_items
    from tests.spam_heldout_h import heldout_h_items
    from tests.spam_heldout_i import heldout_i_items

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        services = open_services(make_config(root / "var"))
        sets = {"tuning": eval_items(), "held-out A": heldout_items(),
                "held-out B": heldout_b_items(), "held-out C": heldout_c_items(),
                "held-out D": heldout_d_items(), "held-out E": heldout_e_items(),
                "held-out F": heldout_f_items(), "held-out G": heldout_g_items(),
                "held-out H": heldout_h_items(),
                "held-out I": heldout_i_items()}
        if "--set" in sys.argv:  # one set only (the training faxes are still marked)
            wanted = sys.argv[sys.argv.index("--set") + 1]
            sets = {wanted: sets[wanted]}
        training = train_items()
        ids = ingest_items(services, [*(i for items in sets.values() for i in items),
                                      *training], root)
        for name, items in sets.items():
            print(describe(name, items))
        print(f"{len(training)} more faxes for operator marks")
        report("default config", services, sets, ids)
        if "--no-cv" not in sys.argv:
            cross_validate(services, sets, ids)
        config = write_config(root / "faxvault.toml", root / "var")
        runner = CliRunner()
        for item in training:
            runner.invoke(cli, ["spam", "mark" if item.label == "spam" else "unmark",
                                ids[item.name], "--config", str(config)])
        runner.invoke(cli, ["spam", "rescore", "--config", str(config)])
        report(f"after {len(training)} operator marks", services, sets, ids)
        services.close()


if __name__ == "__main__":
    main()
