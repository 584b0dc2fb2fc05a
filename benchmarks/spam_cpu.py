"""CPU time of junk-fax scoring per page, this tree against a baseline commit, side by side.

The baseline's ingest/spam.py, spam_kinds.py (empty where a baseline predates it),
spam_lexicon.py, spam_model.py and spam_model.json are taken from git (``--baseline``,
default ``main``) into a scratch package and imported beside this tree's; both score the same
pages (the source text of every labelled set's faxes, pages as printed) in alternating
rounds, and the ratio of their CPU times is printed. Scoring is pure Python over text, so CPU
time (``time.process_time``) is what counts on a shared machine.

    python benchmarks/spam_cpu.py [--baseline main] [--rounds 5]
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FILES = ("__init__.py", "spam.py", "spam_kinds.py", "spam_lexicon.py", "spam_model.py",
         "spam_model.json")


def baseline_package(ref: str, into: Path) -> str:
    """Write the baseline's scorer files as package ``spam_baseline`` under ``into``."""
    package = into / "spam_baseline"
    package.mkdir()
    for name in FILES:
        blob = subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:ingest/{name}"],
                              capture_output=True, check=False, timeout=60).stdout
        if name.endswith(".py"):
            blob = blob.replace(b"from ingest.spam", b"from spam_baseline.spam")
        (package / name).write_bytes(blob)
    sys.path.insert(0, str(into))
    return "spam_baseline.spam"


def faxes() -> list[tuple[list[str], str]]:
    """(page texts, sender) of every labelled fax, as printed."""
    from benchmarks.spam_train import labelled_sets

    items = [item for items in labelled_sets().values() for item in items]
    return [(["\n".join(page) for page in item.pages], item.sender) for item in items]


def cpu_seconds(module, data: list[tuple[list[str], str]]) -> float:
    weights = module.SpamWeights()
    start = time.process_time()
    for pages, sender in data:
        module.score(page_texts=pages, from_number=sender or None, from_raw=sender or None,
                     provider_is_spam=False, weights=weights, blocklist=set(), allowlist=set())
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    data = faxes()
    pages = sum(len(p) for p, _ in data)
    with tempfile.TemporaryDirectory() as tmp:
        old = importlib.import_module(baseline_package(args.baseline, Path(tmp)))
        new = importlib.import_module("ingest.spam")
        for module in (old, new):  # warm up: patterns compiled, model loaded
            cpu_seconds(module, data[:5])
        totals = {"baseline": 0.0, "this tree": 0.0}
        for _ in range(args.rounds):
            totals["baseline"] += cpu_seconds(old, data)
            totals["this tree"] += cpu_seconds(new, data)
    for name, seconds in totals.items():
        print(f"{name:<10} {1000 * seconds / (pages * args.rounds):6.2f} ms CPU per page "
              f"({len(data)} faxes, {pages} pages, {args.rounds} rounds)")
    print(f"this tree / baseline: {totals['this tree'] / totals['baseline']:.2f}x CPU")


if __name__ == "__main__":
    main()
