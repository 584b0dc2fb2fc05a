"""CPU a page of faxvault's reading (`recognize_page_image`: preparation, tesseract, rereads)
against tesseract with its defaults on the page as received, in one process, each page read
both ways in turn; with --before DIR, another checkout's reading of the same pages in its own
process, the two checkouts alternated round by round so that both see the same load.

Pages: tests/ocr_corpus.py DOCS at 204x98, clean (one page each, as `ocr_throughput.py
--corpus clean` ingests them) or degraded (seeds 1-4). CPU is the reading process's own
(`time.process_time`): on a busy machine it moves much less than wall time.

    python benchmarks/ocr_reading_cpu.py [--corpus clean] [--rounds 4] [--before /tmp/main]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
HERE = Path(__file__).resolve().parents[1]


def make_pages(root: Path, condition: str) -> list[str]:
    sys.path.insert(0, str(HERE))
    from tests import ocr_corpus

    seeds = [1] if condition == "clean" else [1, 2, 3, 4]
    return [str(ocr_corpus.make_page(root, doc, "204x98", condition, seed))
            for seed in seeds for doc in ocr_corpus.DOCS]


def read_pages(paths: list[str]) -> dict[str, float]:
    """CPU seconds a page: faxvault's reading and plain tesseract's, alternated page by page
    (the checkout on sys.path reads). Each engine reads the pages once first, unmeasured."""
    import tesserocr
    from PIL import Image

    from ocr import make_engine, recognize_page_image
    from ocr.engine import find_tessdata

    engine = make_engine("tesserocr", ["eng"], correct_words=True)
    plain = tesserocr.PyTessBaseAPI(path=find_tessdata().rstrip("/") + "/", lang="eng")
    spent = {"faxvault": 0.0, "tesseract": 0.0}
    for measured in (False, True):
        for path in paths:
            with Image.open(path) as image:
                image.load()
                xdpi, ydpi = (float(v) for v in image.info["dpi"])
                started = time.process_time()
                recognize_page_image(image, xdpi, ydpi, engine=engine)
                if measured:
                    spent["faxvault"] += time.process_time() - started
                started = time.process_time()
                plain.SetImage(image.convert("L"))
                plain.SetSourceResolution(round(xdpi))
                plain.GetUTF8Text()
                if measured:
                    spent["tesseract"] += time.process_time() - started
    return {name: seconds / len(paths) for name, seconds in spent.items()}


def run_checkout(tree: Path, paths: list[str]) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--worker", str(tree)],
                          input=json.dumps(paths), capture_output=True, text=True,
                          check=False, timeout=3600)
    if done.returncode:
        raise SystemExit(f"{tree} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["clean", "degraded"], default="clean")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--before", type=Path, help="another faxvault checkout to compare")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:  # a child: read with the checkout at args.worker
        sys.path.insert(0, str(args.worker.resolve()))
        print(json.dumps(read_pages(json.loads(sys.stdin.read()))))
        return
    trees = {"after": HERE, **({"before": args.before} if args.before else {})}
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_pages(Path(tmp), args.corpus)
        print(f"{len(paths)} {args.corpus} pages; load average {os.getloadavg()[0]:.1f}")
        print(f"{'round':<6} {'checkout':<8} {'faxvault ms':>12} {'tesseract ms':>13} "
              f"{'ratio':>6}")
        totals: dict[str, list[float]] = {name: [0.0, 0.0] for name in trees}
        for round_no in range(args.rounds):
            order = list(trees) if round_no % 2 else list(trees)[::-1]
            for name in order:
                spent = run_checkout(trees[name], paths)
                totals[name][0] += spent["faxvault"]
                totals[name][1] += spent["tesseract"]
                print(f"{round_no:<6} {name:<8} {spent['faxvault'] * 1000:12.1f} "
                      f"{spent['tesseract'] * 1000:13.1f} "
                      f"{spent['faxvault'] / spent['tesseract']:6.3f}")
        for name, (ours, theirs) in totals.items():
            print(f"all    {name:<8} {ours / args.rounds * 1000:12.1f} "
                  f"{theirs / args.rounds * 1000:13.1f} {ours / theirs:6.3f}")
        print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
