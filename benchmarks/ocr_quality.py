"""OCR quality on fax pages: error rates and key-token recall per resolution and condition.

Variants, on the same pages (tests/ocr_corpus.py), in one run:
  received      tesseract on the page exactly as received (squashed 204x98 pixels)
  faxvault      faxvault's reading: rows repeated to square the pixels (+ orientation check)
  upscale300    both axes resampled to 300 dpi (Lanczos), a common OCR recipe
  square+median faxvault's squaring plus a 3x3 median despeckle
  ocrmypdf      `ocrmypdf --sidecar` on the page, when ocrmypdf is installed
Then key-token recall through `faxvault search` after ingesting every page with the real
pipeline. Prints CER, WER, recall and seconds per page.

    python benchmarks/ocr_quality.py
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
    from PIL import Image, ImageFilter

    from ocr import make_engine, normalize_fax_geometry, recognize_page_image

    engine = make_engine("tesserocr", ["eng"])

    def received(image, xdpi, ydpi):
        return engine.recognize(image.convert("L"), round(xdpi)).text

    def faxvault(image, xdpi, ydpi):
        return recognize_page_image(image, xdpi, ydpi, engine=engine).text

    def upscale300(image, xdpi, ydpi):
        big = image.convert("L").resize((round(image.width * 300 / xdpi),
                                         round(image.height * 300 / ydpi)),
                                        Image.Resampling.LANCZOS)
        return engine.recognize(big, 300).text

    def square_median(image, xdpi, ydpi):
        squared, geometry = normalize_fax_geometry(image, xdpi, ydpi)
        return engine.recognize(squared.filter(ImageFilter.MedianFilter(3)), geometry.dpi).text

    found = {"received": received, "faxvault": faxvault, "upscale300": upscale300,
             "square+median": square_median}
    if shutil.which("ocrmypdf"):
        def ocrmypdf(image, xdpi, ydpi, path=None):
            with tempfile.TemporaryDirectory() as tmp:
                sidecar = Path(tmp) / "text.txt"
                subprocess.run(["ocrmypdf", "--sidecar", str(sidecar), "-q", str(path),
                                str(Path(tmp) / "out.pdf")], check=True)
                return sidecar.read_text()
        found["ocrmypdf"] = ocrmypdf
    return found


def main() -> None:
    from PIL import Image

    from tests.ocr_corpus import (
        CONDITIONS,
        DOCS,
        RESOLUTIONS,
        error_rates,
        make_page,
        tokens_found,
    )

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages = [(doc, res, cond, make_page(root, doc, res, cond))
                 for res in RESOLUTIONS for cond in CONDITIONS for doc in DOCS]
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
    print(f"{len(DOCS)} documents x {len(RESOLUTIONS)} resolutions x {len(CONDITIONS)} "
          "conditions; mean over documents")
    print(f"{'resolution':<10} {'condition':<9} {'variant':<14} {'CER':>7} {'WER':>7} "
          f"{'tokens':>8} {'s/page':>7}")
    for (res, cond, name), values in rows.items():
        cer = statistics.mean(v[0] for v in values)
        wer = statistics.mean(v[1] for v in values)
        found, total = sum(v[2] for v in values), sum(v[3] for v in values)
        seconds = statistics.mean(v[4] for v in values)
        print(f"{res:<10} {cond:<9} {name:<14} {cer:7.2%} {wer:7.2%} {found / total:8.1%} "
              f"{seconds:7.2f}")
    print("key-token recall through `faxvault search` (real pipeline):")
    for (res, cond), (found, total) in search.items():
        print(f"  {res:<9} {cond:<9} {found}/{total} = {found / total:.1%}")


def search_recall(root: Path, pages) -> dict[tuple[str, str], tuple[int, int]]:
    """Ingest every page through the pipeline; search each key token; count hits on the
    right fax."""
    from ingest.config import config_from_mapping
    from ingest.local import ingest_file
    from ingest.pipeline import open_services
    from ingest.worker import worker_loop
    from storage.search import SearchFilters, search_pages

    config = config_from_mapping({"paths": {"data_dir": str(root / "var")},
                                  "worker": {"poll_seconds": 0.02}}, env={})
    services = open_services(config)
    try:
        ids = {path: ingest_file(services, path).fax_id for *_, path in pages}
        asyncio.run(worker_loop(services, asyncio.Event(), fax_ids=list(ids.values()),
                                until_idle=True))
        result: dict[tuple[str, str], tuple[int, int]] = {}
        for doc, res, cond, path in pages:
            hits = sum(1 for token in doc.key_tokens
                       if ids[path] in {h["fax_id"] for h in search_pages(
                           services.catalog, token, SearchFilters(), limit=100)})
            found, total = result.get((res, cond), (0, 0))
            result[(res, cond)] = (found + hits, total + len(doc.key_tokens))
        return result
    finally:
        services.close()


if __name__ == "__main__":
    main()
