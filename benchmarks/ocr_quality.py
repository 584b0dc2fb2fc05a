"""OCR quality on fax pages: error rates and key-token recall per resolution and condition.

Variants, on the same pages (tests/ocr_corpus.py), in one run:
  received      tesseract on the page exactly as received (squashed 204x98 pixels)
  squared       rows repeated to square the pixels, nothing else (the first pipeline)
  upscale300    both axes resampled to 300 dpi (Lanczos), a common OCR recipe
  uncorrected   faxvault's reading: specks removed, lines straightened, pixels squared, edges
                smoothed, speck "words" dropped (+ orientation check)
  faxvault      the same plus word correction (ocr/correct.py), as the pipeline runs by default
  ocrmypdf      `ocrmypdf --sidecar` on the page, when ocrmypdf is installed
Then key-token recall through `faxvault search` after ingesting every page with the real
pipeline, exact (`--exact`) and as users search (exact hits, then OCR-close words). Prints
CER, WER, recall and seconds per page.

    python benchmarks/ocr_quality.py [--seeds 7,11] [--held-out]

--held-out reads the texts written to check the choices instead (HELD_OUT_DOCS).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["OMP_THREAD_LIMIT"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def variants():
    from PIL import Image

    from ocr import make_engine, recognize_page_image
    from ocr.normalize import squaring_factors

    engine = make_engine("tesserocr", ["eng"])
    correcting = make_engine("tesserocr", ["eng"], correct_words=True)

    def received(image, xdpi, ydpi):
        return engine.recognize(image.convert("L"), round(xdpi)).text

    def squared(image, xdpi, ydpi):
        fx, fy = squaring_factors(xdpi, ydpi)
        gray = image.convert("L").resize((image.width * fx, image.height * fy),
                                         Image.Resampling.NEAREST)
        return engine.recognize(gray, round(max(xdpi * fx, ydpi * fy))).text

    def upscale300(image, xdpi, ydpi):
        big = image.convert("L").resize((round(image.width * 300 / xdpi),
                                         round(image.height * 300 / ydpi)),
                                        Image.Resampling.LANCZOS)
        return engine.recognize(big, 300).text

    def uncorrected(image, xdpi, ydpi):
        return recognize_page_image(image, xdpi, ydpi, engine=engine).text

    def faxvault(image, xdpi, ydpi):
        return recognize_page_image(image, xdpi, ydpi, engine=correcting).text

    found = {"received": received, "squared": squared, "upscale300": upscale300,
             "uncorrected": uncorrected, "faxvault": faxvault}
    # The bench extra installs ocrmypdf into the venv, whose bin/ need not be on PATH.
    program = shutil.which("ocrmypdf", path=f"{Path(sys.executable).parent}{os.pathsep}"
                                             f"{os.environ.get('PATH', '')}")
    if program:
        def ocrmypdf(image, xdpi, ydpi, path=None):
            with tempfile.TemporaryDirectory() as tmp:
                sidecar = Path(tmp) / "text.txt"
                subprocess.run([program, "--sidecar", str(sidecar), "-q", str(path),
                                str(Path(tmp) / "out.pdf")], check=True)
                return sidecar.read_text()
        found["ocrmypdf"] = ocrmypdf
    return found


def main() -> None:
    import argparse

    from PIL import Image

    from tests.ocr_corpus import (
        CONDITIONS,
        DOCS,
        HELD_OUT_DOCS,
        RESOLUTIONS,
        error_rates,
        make_page,
        tokens_found,
    )

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="7,11",
                        help="noise seeds of the degraded pages, comma-separated (each seed is "
                             "another set of degraded pages; clean pages are rendered once)")
    parser.add_argument("--held-out", action="store_true",
                        help="read the texts kept back to check the choices (HELD_OUT_DOCS)")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    docs = HELD_OUT_DOCS if args.held_out else DOCS
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages = [(doc, res, cond, make_page(root, doc, res, cond, seed))
                 for res in RESOLUTIONS for cond in CONDITIONS
                 for seed in (seeds if cond == "degraded" else seeds[:1]) for doc in docs]
        rows: dict[tuple[str, str, str], list[tuple[float, float, int, int, float]]] = {}
        for name, read in variants().items():
            for doc, res, cond, path in pages:
                with Image.open(path) as image:
                    image.load()
                    xdpi, ydpi = (float(v) for v in image.info["dpi"])
                    started = time.perf_counter()
                    text = (read(image, xdpi, ydpi, path=path) if name == "ocrmypdf"
                            else read(image, xdpi, ydpi))
                    seconds = time.perf_counter() - started
                cer, wer = error_rates("\n".join(doc.lines), text)
                rows.setdefault((res, cond, name), []).append(
                    (cer, wer, tokens_found(text, doc.key_tokens), len(doc.key_tokens), seconds))
        search = search_recall(root, pages)
    kind = "held-out documents" if args.held_out else "documents"
    print(f"{len(docs)} {kind} x {len(RESOLUTIONS)} resolutions x {len(CONDITIONS)} "
          f"conditions, degraded with seeds {','.join(map(str, seeds))}; mean over pages")
    print(f"{'resolution':<10} {'condition':<9} {'variant':<14} {'CER':>7} {'WER':>7} "
          f"{'tokens':>8} {'s/page':>7}")
    for (res, cond, name), values in rows.items():
        cer = statistics.mean(v[0] for v in values)
        wer = statistics.mean(v[1] for v in values)
        found, total = sum(v[2] for v in values), sum(v[3] for v in values)
        seconds = statistics.mean(v[4] for v in values)
        print(f"{res:<10} {cond:<9} {name:<14} {cer:7.2%} {wer:7.2%} {found / total:8.1%} "
              f"{seconds:7.2f}")
    print("key-token recall through `faxvault search` (real pipeline):  exact   default")
    for (res, cond), counts in search.items():
        (exact, total), (default, _) = counts["exact"], counts["default"]
        print(f"  {res:<9} {cond:<9} {exact:>3}/{total} = {exact / total:6.1%}   "
              f"{default:>3}/{total} = {default / total:6.1%}")


def search_recall(root: Path, pages) -> dict[tuple[str, str], dict[str, tuple[int, int]]]:
    """Ingest every page through the pipeline; search each key token, exact and as by
    default; count hits on the right fax."""
    from ingest.config import config_from_mapping
    from ingest.local import ingest_file
    from ingest.pipeline import open_services
    from ingest.worker import worker_loop
    from storage.search import SearchFilters, search_pages

    config = config_from_mapping({"paths": {"data_dir": str(root / "var")},
                                  "worker": {"poll_seconds": 0.02}}, env={})
    services = open_services(config)
    modes = {"exact": SearchFilters(fuzzy=False), "default": SearchFilters()}
    try:
        ids = {path: ingest_file(services, path).fax_id for *_, path in pages}
        asyncio.run(worker_loop(services, asyncio.Event(), fax_ids=list(ids.values()),
                                until_idle=True))
        result: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}
        for doc, res, cond, path in pages:
            counts = result.setdefault((res, cond), {})
            for mode, filters in modes.items():
                hits = sum(1 for token in doc.key_tokens
                           if ids[path] in {h["fax_id"] for h in search_pages(
                               services.catalog, token, filters, limit=100)})
                found, total = counts.get(mode, (0, 0))
                counts[mode] = (found + hits, total + len(doc.key_tokens))
        return result
    finally:
        services.close()


if __name__ == "__main__":
    main()
