"""Junk scoring's cost a fax as a site's operator verdicts grow: the learned signal's model
trained for each fax scored (as before) against the model kept until the verdicts change
(ingest/spam.py, VerdictModel), side by side in one run on the same catalog.

A catalog is filled with N judged faxes (the labelled sets' faxes, pages as printed, each
with its operator verdict) and 50 faxes nobody judged; each round scores the 50 both ways,
alternating, and prints milliseconds a fax, CPU of this process (``time.process_time``) and
wall clock, and their ratio. The catalog is SQLite, or with --postgres a PostgreSQL server
started here (tests/postgres.py: fsync and synchronous_commit on), whose own work shows in
the wall clock only. Every verdict both ways is compared: the two models are the same
model, so the verdicts must be too.

    python benchmarks/spam_feedback.py [--verdicts 0,1000,5000] [--rounds 3] [--postgres]
"""

from __future__ import annotations

import argparse
import contextlib
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


def score_both_ways(catalog: Catalog, tmp: str, verdicts: int,
                    rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds of CPU and of wall clock scoring the unjudged faxes, each way, all rounds."""
    config = config_from_mapping({"paths": {"data_dir": tmp}}, env={})
    ids = fill(catalog, verdicts)
    spam.score_fax(catalog, config, ids[0])  # the shipped model and patterns loaded
    cpu = {"trained a fax": 0.0, "kept": 0.0}
    wall = dict(cpu)
    for _ in range(rounds):
        started, clock = time.process_time(), time.perf_counter()
        before = [spam.score_fax(catalog, config, i) for i in ids]
        cpu["trained a fax"] += time.process_time() - started
        wall["trained a fax"] += time.perf_counter() - clock
        kept = spam.VerdictModel()  # new each round: its first training is counted
        started, clock = time.process_time(), time.perf_counter()
        after = [spam.score_fax(catalog, config, i, model=kept.current(catalog)) for i in ids]
        cpu["kept"] += time.process_time() - started
        wall["kept"] += time.perf_counter() - clock
        assert before == after, "the kept model scored a fax otherwise"
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdicts", default="0,1000,5000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        server = None
        if args.postgres:
            from tests.postgres import PostgresServer

            server = PostgresServer(durable=True)
            server.start()
            stack.callback(server.stop)
        print("PostgreSQL" if server else "SQLite")
        for verdicts in map(int, args.verdicts.split(",")):
            with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as database:
                url = database.enter_context(server.database()) if server else None
                catalog = open_catalog(CatalogLocation(
                    sqlite_path=Path(tmp) / "catalog.sqlite3", url=url))
                try:
                    cpu, wall = score_both_ways(catalog, tmp, verdicts, args.rounds)
                finally:
                    catalog.close()
            runs = args.rounds * UNJUDGED
            print(f"{verdicts:>6} verdicts: " + "; ".join(
                f"{name} {cpu[name] * 1000 / runs:6.1f} ms CPU, {wall[name] * 1000 / runs:6.1f}"
                " ms wall a fax" for name in cpu)
                + f"; ratio {cpu['trained a fax'] / cpu['kept']:.2f}x CPU, "
                f"{wall['trained a fax'] / wall['kept']:.2f}x wall")


if __name__ == "__main__":
    main()
