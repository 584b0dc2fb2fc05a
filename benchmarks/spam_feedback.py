"""Junk scoring's cost a fax as a site's operator verdicts grow: the learned signal's model
trained for each fax scored (as before) against the model kept until the verdicts change
(ingest/spam.py, VerdictModel), side by side in one run on the same catalog.

A SQLite catalog is filled with N judged faxes (the labelled sets' faxes, pages as printed,
each with its operator verdict) and 50 faxes nobody judged; each round scores the 50 both
ways, alternating, and prints CPU milliseconds a fax (``time.process_time``: scoring is pure
Python and SQL in one thread) and their ratio. Every verdict both ways is compared: the two
models are the same model, so the verdicts must be too.

    python benchmarks/spam_feedback.py [--verdicts 0,1000,5000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.spam_eval import all_sets
from ingest import spam
from ingest.config import config_from_mapping
from storage.backend import Catalog, CatalogLocation, open_catalog

UNJUDGED = 50


def add_fax(catalog: Catalog, fax_id: str, pages: list[list[str]]) -> None:
    catalog.insert_fax_row({"id": fax_id, "provider": "local", "provider_fax_id": fax_id,
                            "received_at": "2026-12-05T00:00:00Z", "mailbox": None,
                            "created_at": "2026-12-05T00:00:00Z",
                            "updated_at": "2026-12-05T00:00:00Z"})
    for page_no, lines in enumerate(pages, 1):
        catalog.replace_page(fax_id, {"page_no": page_no, "width_px": 1728, "height_px": 1100,
                                      "xdpi": 204, "ydpi": 98, "text": "\n".join(lines),
                                      "confidence": 90})


def fill(catalog: Catalog, verdicts: int, unjudged: int = UNJUDGED) -> list[str]:
    """``verdicts`` judged faxes and ``unjudged`` others; returns the unjudged ones' ids."""
    faxes = [item for items in all_sets().values() for item in items]
    with catalog.transaction():
        for n in range(verdicts):
            item = faxes[n % len(faxes)]
            add_fax(catalog, f"judged-{n}", item.pages)
            catalog.record_spam_feedback(f"judged-{n}", item.label, "operator")
        for n in range(unjudged):
            add_fax(catalog, f"new-{n}", faxes[(n * 7919 + 1) % len(faxes)].pages)
    return [f"new-{n}" for n in range(unjudged)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdicts", default="0,1000,5000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for verdicts in map(int, args.verdicts.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            catalog = open_catalog(CatalogLocation(sqlite_path=Path(tmp) / "catalog.sqlite3"))
            config = config_from_mapping({"paths": {"data_dir": tmp}}, env={})
            ids = fill(catalog, verdicts)
            spam.score_fax(catalog, config, ids[0])  # the shipped model and patterns loaded
            cpu = {"trained a fax": 0.0, "kept": 0.0}
            for _ in range(args.rounds):
                started = time.process_time()
                before = [spam.score_fax(catalog, config, i) for i in ids]
                cpu["trained a fax"] += time.process_time() - started
                kept = spam.VerdictModel()  # new each round: its first training is counted
                started = time.process_time()
                after = [spam.score_fax(catalog, config, i, model=kept.current(catalog))
                         for i in ids]
                cpu["kept"] += time.process_time() - started
                assert before == after, "the kept model scored a fax otherwise"
            catalog.close()
        runs = args.rounds * len(ids)
        each = {name: seconds * 1000 / runs for name, seconds in cpu.items()}
        print(f"{verdicts:>6} verdicts: trained a fax {each['trained a fax']:7.1f} ms, "
              f"kept {each['kept']:6.1f} ms CPU a fax scored; "
              f"ratio {each['trained a fax'] / each['kept']:.2f}x")


if __name__ == "__main__":
    main()
