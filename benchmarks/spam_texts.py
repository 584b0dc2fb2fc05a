"""Render and OCR every labelled junk-fax set once through the real pipeline and save what
the catalog holds (page texts, sender) as JSON, so the scorer can be compared, retrained and
cross-validated on the same OCR'd text without OCR'ing ~900 faxes again
(``benchmarks/spam_eval.py --texts FILE``).

    OMP_THREAD_LIMIT=1 python benchmarks/spam_texts.py OUT.json [--set "held-out I" ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    from benchmarks.spam_eval import all_sets
    from ingest.pipeline import open_services
    from tests.conftest import make_config
    from tests.spam_corpus import ingest_items

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--set", action="append", dest="sets", help="only this set")
    args = parser.parse_args()
    sets = all_sets()
    if args.sets:
        sets = {name: sets[name] for name in args.sets}
    saved: dict[str, dict] = {}
    for name, items in sets.items():  # one set at a time: a stop loses only that set
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            services = open_services(make_config(root / "var"))
            ids = ingest_items(services, items, root)
            saved[name] = {}
            for item in items:
                fax = services.catalog.get_fax(ids[item.name])
                saved[name][item.name] = {
                    "label": item.label, "from_number": fax["from_number"],
                    "from_raw": fax["from_raw"],
                    "pages": [p["text"] or "" for p in services.catalog.pages(fax["id"])]}
            services.close()
        args.out.write_text(json.dumps(saved, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{name}: {len(items)} faxes OCR'd", flush=True)


if __name__ == "__main__":
    main()
